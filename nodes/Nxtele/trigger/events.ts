import type { IDataObject } from 'n8n-workflow';

/**
 * What reaches the NXTele Trigger (research/nxcloud.md §2.17, §4.11):
 * - Callbot callbacks, JSON, signed with the account's secret: the task callback (status and figures of a
 *   task), the order callback (an order, i.e. one number, is finished) and the call callback (after each
 *   call of an order).
 * - NXCloud voice receipts: a form post per call of a group call, notification or code, unsigned.
 *
 * The three callbacks all say `callbackType` 1 in the docs' examples, so the kind is read from the URL
 * (`?callback=task|order|call`, which the callback URLs can carry) or else from the body: no orderID is
 * a task callback; the order callback's example writes callbackType as the string "1", the call
 * callback's as the number 1.
 */

export type NxteleEvent = 'task' | 'order' | 'call' | 'voiceReceipt';

export const EVENT_OPTIONS: Array<{ name: string; value: NxteleEvent; description: string }> = [
	{
		name: 'Callbot Call Finished',
		value: 'call',
		description: 'After each call of an order (call callback)',
	},
	{
		name: 'Callbot Order Finished',
		value: 'order',
		description: 'When all calls of an order (one number) are done (order callback)',
	},
	{
		name: 'Callbot Task Status',
		value: 'task',
		description: 'When a task changes status, with its figures (task callback)',
	},
	{
		name: 'NXCloud Voice Receipt',
		value: 'voiceReceipt',
		description: 'The result of each call of a group call, notification or code',
	},
];

const CALLBACK_KINDS = ['task', 'order', 'call'] as const;
export type CallbackKind = (typeof CALLBACK_KINDS)[number];

export function callbackKind(body: IDataObject, queryKind: unknown): CallbackKind {
	if (typeof queryKind === 'string' && (CALLBACK_KINDS as readonly string[]).includes(queryKind))
		return queryKind as CallbackKind;
	if (body.orderID === undefined) return 'task';
	return typeof body.callbackType === 'string' ? 'order' : 'call';
}

/** What identifies one delivery of each kind (a repeat has the same id and the same body). */
export function deliveryIdOf(kind: NxteleEvent, body: IDataObject): string | undefined {
	const detail = (body.callInfoDetail ?? {}) as IDataObject;
	const parts: Record<NxteleEvent, unknown[]> = {
		task: [body.userTaskID, body.taskStatus],
		order: [body.orderID],
		call: [detail.callID ?? body.orderID],
		voiceReceipt: [body.messageid, body.phone],
	};
	const values = parts[kind];
	if (values.some((v) => v === undefined || v === null || v === '')) return undefined;
	return `${kind}:${values.map(String).join(':')}`;
}
