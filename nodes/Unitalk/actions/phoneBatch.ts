import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { chunk } from '../../shared/batching';
import type { BatchEntry } from '../../shared/batching';
import { asNodeError, errorItem } from '../../shared/operations';

/**
 * Operations that send lists of phone numbers (blocked lists, scheduled event handlers): the numbers
 * of all input items are combined into requests of at most `perRequest` numbers, one target (for
 * example a list) at a time. When Unitalk refuses named numbers (an error carrying them in `data`),
 * those numbers are marked rejected on their items and the rest is sent again.
 */

export interface PhoneTarget {
	/** Requests never mix targets (for example BLOCKED_PHONES and BLOCKED_FOR_AUTODIAL_PHONES). */
	key: string;
	/** Output fields describing the target ({ list: "BLOCKED_PHONES" }). */
	fields: IDataObject;
}

export interface PhoneResult {
	phone: string;
	status: string;
	reason?: string;
}

export interface PhoneBatchSpec {
	perRequest: number;
	/** Reads and checks item `itemIndex` (throws an input error naming the item and field). */
	read(itemIndex: number): { target: PhoneTarget; phones: string[] };
	/** Sends one request; what it returns is added to the output of every item in the request. */
	send(target: PhoneTarget, phones: string[], firstItemIndex: number): Promise<IDataObject>;
	/** Status of a number the request accepted ("added", "removed"). */
	doneStatus: string;
	/** Error messages whose `data` lists the refused numbers. */
	refusalMessages: string[];
	/** Reason written on a refused number when Unitalk gives none. */
	refusalReason: string;
}

interface Entry {
	target: PhoneTarget;
	phone: string;
}

interface ItemOutcome {
	target: PhoneTarget;
	phones: PhoneResult[];
	requests: IDataObject[];
}

export async function runPhoneBatches(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	spec: PhoneBatchSpec,
): Promise<INodeExecutionData[]> {
	// 1. Read and check every item before anything is sent.
	const failed = new Map<number, Error>();
	const byTarget = new Map<string, Array<BatchEntry<Entry>>>();
	for (let i = 0; i < items.length; i++) {
		try {
			const { target, phones } = spec.read(i);
			const list = byTarget.get(target.key) ?? [];
			for (const phone of phones) list.push({ itemIndex: i, value: { target, phone } });
			byTarget.set(target.key, list);
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, i);
			failed.set(i, error as Error);
		}
	}

	// 2. Send provider-sized requests and record what happened to each number.
	const outcomes = new Map<number, ItemOutcome>();
	const outcomeOf = (entry: BatchEntry<Entry>) => {
		let o = outcomes.get(entry.itemIndex);
		if (!o) {
			o = { target: entry.value.target, phones: [], requests: [] };
			outcomes.set(entry.itemIndex, o);
		}
		return o;
	};
	let sent = 0;
	for (const entries of byTarget.values()) {
		for (const batch of chunk(entries, spec.perRequest)) {
			try {
				await sendBatch(ctx, spec, batch, outcomeOf);
				sent++;
			} catch (error) {
				if (!ctx.continueOnFail()) throw withProgress(error, sent);
				for (const entry of batch)
					if (!failed.has(entry.itemIndex)) failed.set(entry.itemIndex, error as Error);
			}
		}
	}

	// 3. One output item per input item, in input order.
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const error = failed.get(i);
		if (error) {
			output.push(errorItem(error, i));
			continue;
		}
		const o = outcomes.get(i);
		if (!o) continue;
		const done = o.phones.filter((p) => p.status === spec.doneStatus).length;
		const request = o.requests.length === 1 ? o.requests[0] : { requests: o.requests };
		const json: IDataObject =
			o.phones.length === 1
				? { ...o.target.fields, ...o.phones[0], ...request }
				: {
						...o.target.fields,
						[spec.doneStatus]: done,
						rejected: o.phones.length - done,
						phones: o.phones as unknown as IDataObject[],
						...request,
					};
		output.push({ json, pairedItem: { item: i } });
	}
	return output;
}

async function sendBatch(
	ctx: IExecuteFunctions,
	spec: PhoneBatchSpec,
	batch: Array<BatchEntry<Entry>>,
	outcomeOf: (entry: BatchEntry<Entry>) => ItemOutcome,
): Promise<void> {
	const target = batch[0].value.target;
	let pending = batch;
	while (pending.length > 0) {
		try {
			const info = await spec.send(
				target,
				pending.map((e) => e.value.phone),
				pending[0].itemIndex,
			);
			const requestInfo = { ...info, numbersInRequest: pending.length };
			const seen = new Set<number>();
			for (const entry of pending) {
				const o = outcomeOf(entry);
				o.phones.push({ phone: entry.value.phone, status: spec.doneStatus });
				if (!seen.has(entry.itemIndex)) o.requests.push(requestInfo);
				seen.add(entry.itemIndex);
			}
			return;
		} catch (error) {
			const refused = refusedPhones(error, spec);
			const still = pending.filter((e) => !refused.has(e.value.phone));
			// Nothing matched: do not loop.
			if (refused.size === 0 || still.length === pending.length)
				throw asNodeError(ctx, error, pending[0].itemIndex);
			for (const entry of pending) {
				const reason = refused.get(entry.value.phone);
				if (reason !== undefined)
					outcomeOf(entry).phones.push({ phone: entry.value.phone, status: 'rejected', reason });
			}
			pending = still;
		}
	}
}

/** Numbers an error names in its `data`, with the reason for each. */
export function refusedPhones(
	error: unknown,
	spec: Pick<PhoneBatchSpec, 'refusalMessages' | 'refusalReason'>,
): Map<string, string> {
	const refused = new Map<string, string>();
	if (!(error instanceof NodeApiError)) return refused;
	const body = (error.errorResponse ?? {}) as IDataObject;
	const message = String(body.message ?? '');
	if (!spec.refusalMessages.includes(message)) return refused;
	const data = Array.isArray(body.data) ? body.data : [];
	for (const entry of data) {
		if (typeof entry === 'string' || typeof entry === 'number') {
			refused.set(String(entry).replace(/\D/g, ''), `${message}: ${spec.refusalReason}`);
		} else if (entry && typeof entry === 'object') {
			const e = entry as IDataObject;
			const phone = String(e.phone ?? e.number ?? '').replace(/\D/g, '');
			const why = e.error ?? e.reason ?? e.message ?? spec.refusalReason;
			if (phone) refused.set(phone, `${message}: ${String(why)}`);
		}
	}
	return refused;
}

/** Adds to a failure how many requests of the run had already been carried out. */
function withProgress(error: unknown, sent: number): unknown {
	if (sent === 0 || !(error instanceof Error)) return error;
	const note = `${sent} earlier request(s) of this run had already been carried out.`;
	const e = error as Error & { description?: string | null };
	e.description = e.description ? `${e.description} ${note}` : note;
	return e;
}
