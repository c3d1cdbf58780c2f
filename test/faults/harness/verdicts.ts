/**
 * Reading what the node said about each number, from its output items and from the error it stopped
 * with. Shared by every provider description; a provider only supplies the status words.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { NodeRun, Verdict } from './types';

/** Status word → verdict, e.g. `{ added: 'done', rejected: 'refused' }`. */
export type StatusWords = Record<string, Verdict>;

/**
 * Verdicts from output items shaped like the phone-list operations: `{ phone, status }` for an item
 * with one number, `{ phones: [{ phone, status }] }` for several. An error item (`{ error }`) gives
 * every number of its input item `errorVerdict(item)`; a status word not in `words` gives no verdict.
 */
export function phoneListVerdicts(
	run: NodeRun,
	numbersOfItem: (itemIndex: number) => string[],
	words: StatusWords,
	errorVerdict: (json: IDataObject) => Verdict = verdictOfErrorItem,
): Map<string, Verdict> {
	const verdicts = new Map<string, Verdict>();
	for (const item of run.output) {
		const json = item.json;
		const itemIndex = pairedIndex(item);
		if (typeof json.error === 'string') {
			if (itemIndex !== undefined)
				for (const n of numbersOfItem(itemIndex)) verdicts.set(n, errorVerdict(json));
			continue;
		}
		const entries = Array.isArray(json.phones) ? (json.phones as IDataObject[]) : [json];
		for (const e of entries) {
			const phone = e.phone ?? e.number;
			const verdict = words[String(e.status)];
			if (phone !== undefined && verdict) verdicts.set(String(phone), verdict);
		}
	}
	return verdicts;
}

/**
 * An error item: the transport's "refused the request for now ... Nothing was done" and "could not
 * reach" mean not sent; a refusal by the provider is refused; anything else may have acted.
 */
export function verdictOfErrorItem(json: IDataObject): Verdict {
	const text = `${String(json.error)} ${String(json.errorDescription ?? '')}`;
	if (/Nothing was done|could not reach|before the request was sent/i.test(text)) return 'not-sent';
	if (/did not accept the request/i.test(text)) return 'refused';
	return 'unknown';
}

export function pairedIndex(item: INodeExecutionData): number | undefined {
	const p = item.pairedItem;
	const first = Array.isArray(p) ? p[0] : p;
	return typeof first === 'number' ? first : first?.item;
}

/** How a bulk report (runBulk's `error.context.bulk`) names where entries stand. */
const REPORT_STATES: Record<string, Verdict> = {
	accepted: 'done',
	refused: 'refused',
	requestRefused: 'refused',
	notSent: 'not-sent',
	outcomeUnknown: 'unknown',
};

interface BulkReportLike {
	items?: Record<string, Array<[number, number]>>;
	split?: Array<{ item: number } & Record<string, unknown>>;
}

/**
 * Verdicts from the error a run stopped with (Continue On Fail off):
 * - a bulk operation's report in `error.context.bulk` (items by state as 1-based ranges, and the
 *   entries of split items by state);
 * - for operations that send item by item (`itemByItem`), n8n's own rule: the run stopped at the item
 *   the error names, so the items after it were not sent, and the named item stands as its error says.
 */
export function errorVerdicts(
	error: NodeRun['error'],
	numbersOfItem: (itemIndex: number) => string[],
	itemByItem: boolean,
	itemCount: number,
): Map<string, Verdict> {
	const verdicts = new Map<string, Verdict>();
	if (!error) return verdicts;
	const context = (error.context ?? {}) as IDataObject;
	const report = context.bulk as BulkReportLike | undefined;
	if (report) {
		for (const [state, ranges] of Object.entries(report.items ?? {})) {
			const verdict = REPORT_STATES[state];
			if (!verdict) continue;
			for (const [first, last] of ranges)
				for (let item = first; item <= last; item++)
					for (const n of numbersOfItem(item - 1)) verdicts.set(n, verdict);
		}
		for (const entry of report.split ?? [])
			for (const [state, labels] of Object.entries(entry)) {
				const verdict = REPORT_STATES[state];
				if (verdict && Array.isArray(labels))
					for (const label of labels) verdicts.set(String(label).replace(/\D/g, ''), verdict);
			}
		return verdicts;
	}
	const stoppedAt = context.itemIndex;
	if (itemByItem && typeof stoppedAt === 'number') {
		const verdict = verdictOfErrorItem({
			error: error.message,
			errorDescription: error.description ?? '',
		});
		for (const n of numbersOfItem(stoppedAt)) verdicts.set(n, verdict);
		for (let item = stoppedAt + 1; item < itemCount; item++)
			for (const n of numbersOfItem(item)) verdicts.set(n, 'not-sent');
	}
	return verdicts;
}
