import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runBulk } from '../../shared/batching';
import type { BatchEntry } from '../../shared/batching';
import { asNodeError } from '../../shared/operations';

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

export async function runPhoneBatches(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	spec: PhoneBatchSpec,
): Promise<INodeExecutionData[]> {
	const targets = new Map<string, PhoneTarget>();
	return await runBulk<string>(ctx, items.length, {
		perRequest: spec.perRequest,
		read: (itemIndex) => {
			const { target, phones } = spec.read(itemIndex);
			targets.set(target.key, target);
			return { group: target.key, entries: phones };
		},
		send: async (group, batch) =>
			await sendBatch(ctx, spec, targets.get(group) as PhoneTarget, batch),
		summarise: (outcomes) => {
			const target = targets.get(String(outcomes[0].json.target ?? ''));
			const phones = outcomes.map(
				(o): PhoneResult => ({
					phone: String(o.json.phone),
					status: String(o.json.status),
					...(o.json.reason === undefined ? {} : { reason: String(o.json.reason) }),
				}),
			);
			// Each request this item took part in, once, in order.
			const requests = [
				...new Set(outcomes.map((o) => o.json.request).filter((r) => r !== undefined)),
			] as IDataObject[];
			const request = requests.length === 1 ? requests[0] : { requests };
			const done = phones.filter((p) => p.status === spec.doneStatus).length;
			return phones.length === 1
				? { ...target?.fields, ...phones[0], ...request }
				: {
						...target?.fields,
						[spec.doneStatus]: done,
						rejected: phones.length - done,
						phones: phones as unknown as IDataObject[],
						...request,
					};
		},
	});
}

/**
 * Sends one chunk and returns, per entry and in order, what happened to its number. When Unitalk
 * refuses named numbers, those are marked rejected and the rest is sent again.
 */
async function sendBatch(
	ctx: IExecuteFunctions,
	spec: PhoneBatchSpec,
	target: PhoneTarget,
	batch: Array<BatchEntry<string>>,
): Promise<IDataObject[]> {
	const results = new Map<number, IDataObject>();
	let pending = batch.map((entry, position) => ({ entry, position }));
	while (pending.length > 0) {
		try {
			const info = await spec.send(
				target,
				pending.map((p) => p.entry.value),
				pending[0].entry.itemIndex,
			);
			const request: IDataObject = { ...info, numbersInRequest: pending.length };
			for (const p of pending)
				results.set(p.position, {
					target: target.key,
					phone: p.entry.value,
					status: spec.doneStatus,
					request,
				});
			break;
		} catch (error) {
			const refused = refusedPhones(error, spec);
			const still = pending.filter((p) => !refused.has(p.entry.value));
			// Nothing matched: do not loop.
			if (refused.size === 0 || still.length === pending.length)
				throw asNodeError(ctx, error, pending[0].entry.itemIndex);
			for (const p of pending) {
				const reason = refused.get(p.entry.value);
				if (reason !== undefined)
					results.set(p.position, {
						target: target.key,
						phone: p.entry.value,
						status: 'rejected',
						reason,
					});
			}
			pending = still;
		}
	}
	return batch.map((_, position) => results.get(position) ?? {});
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
