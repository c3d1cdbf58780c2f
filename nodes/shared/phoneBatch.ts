import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runBulk } from './batching';
import { sendTakingBackRefused } from './refusals';

/**
 * Operations that send lists of phone numbers to a target (a blocked list, an event handler...): the
 * numbers of all input items are combined into requests of at most `perRequest` numbers, one target
 * at a time, and numbers the provider refuses by name are marked rejected on their items while the
 * rest is sent again (sendTakingBackRefused). A provider gives `read` (checks one item), `send` (one
 * request) and `refused` (the numbers an error names); the output per item is
 * `{ ...target.fields, phone, status, reason?, <request answer> }` for one number, and
 * `{ ...target.fields, <doneStatus>: n, rejected: n, phones: [...] }` for several.
 */

export interface PhoneTarget {
	/** Requests never mix targets (for example two different lists). */
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
	/** The numbers (digits) a failed request's error names as refused, with the reason for each. */
	refused(error: unknown): Map<string, string>;
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
		send: async (group, batch) => {
			const target = targets.get(group) as PhoneTarget;
			return await sendTakingBackRefused(batch, {
				keyOf: (phone) => phone,
				// One answer object per request, shared by its entries: summarise lists each request once.
				send: async (pending) => ({
					...(await spec.send(
						target,
						pending.map((e) => e.value),
						pending[0].itemIndex,
					)),
					numbersInRequest: pending.length,
				}),
				refused: spec.refused,
				accepted: (entry, answer) => ({
					target: target.key,
					phone: entry.value,
					status: spec.doneStatus,
					request: answer,
				}),
				rejected: (entry, reason) => ({
					target: target.key,
					phone: entry.value,
					status: 'rejected',
					reason,
				}),
			});
		},
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
