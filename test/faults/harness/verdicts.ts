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

/** Verdicts from the structured report a stopping bulk error carries (none when it has none). */
export function errorVerdicts(error: NodeRun['error']): Map<string, Verdict> {
	const verdicts = new Map<string, Verdict>();
	if (!error) return verdicts;
	return verdicts;
}
