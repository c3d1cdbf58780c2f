import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * The webhooks Twin24 sends (research/twin24.md §3) and how the trigger tells them apart. The six task
 * events name themselves in `event`; the cabinet's inbound-call webhook has no `event` field and is
 * recognised by its `callId`.
 */
export const TASK_EVENTS = [
	'CALL_ENDED',
	'CANDIDATE_CHANGED',
	'CALL_REDIRECTED',
	'RECALL_SCHEDULED',
	'EFFICIENCY_REACHED',
	'AUTOCALL_STATUS_CHANGED',
] as const;

export const INCOMING_CALL = 'INCOMING_CALL';

export type Twin24Event = (typeof TASK_EVENTS)[number] | typeof INCOMING_CALL | 'UNKNOWN';

export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Call Ended',
		value: 'CALL_ENDED',
		description: 'Every call attempt that ends (status, numbers, variables, bot result)',
	},
	{
		name: 'Call Redirected',
		value: 'CALL_REDIRECTED',
		description: 'The bot transferred the call to an operator or channel (sent during the call)',
	},
	{
		name: 'Call Task Status Changed',
		value: 'AUTOCALL_STATUS_CHANGED',
		description: 'The task was started, paused, stopped or finished',
	},
	{
		name: 'Candidate Processed',
		value: 'CANDIDATE_CHANGED',
		description: 'A candidate is done: no more calls will be made to them (CANDIDATE_CHANGED)',
	},
	{
		name: 'Efficiency Reached',
		value: 'EFFICIENCY_REACHED',
		description: 'A call was counted as successful',
	},
	{
		name: 'Inbound Call',
		value: INCOMING_CALL,
		description:
			"A call to the cabinet's numbers (the cabinet's inbound-call webhook; two deliveries per call)",
	},
	{
		name: 'Recall Scheduled',
		value: 'RECALL_SCHEDULED',
		description: 'A redial of the candidate was scheduled',
	},
];

function isObject(v: unknown): v is IDataObject {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function detectEvent(body: unknown): Twin24Event {
	if (!isObject(body)) return 'UNKNOWN';
	const named = body.event;
	if (typeof named === 'string')
		return (TASK_EVENTS as readonly string[]).includes(named) ? (named as Twin24Event) : 'UNKNOWN';
	return typeof body.callId === 'string' || typeof body.callId === 'number'
		? INCOMING_CALL
		: 'UNKNOWN';
}

/**
 * What identifies a delivery, so that Twin24's re-sending of the same event (it retries anything not
 * answered 200 for 24 hours) starts the workflow once. The digest of the whole body is added by
 * deliveryKey, so the inbound call's two different hooks both pass. AUTOCALL_STATUS_CHANGED carries no
 * id of its own: a task may really go PROCESS → PAUSED → PROCESS, so those are never dropped.
 */
export function deliveryId(event: Twin24Event, body: unknown): string | undefined {
	if (!isObject(body)) return undefined;
	const part = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
	switch (event) {
		case 'CALL_ENDED':
		case 'CALL_REDIRECTED':
		case 'RECALL_SCHEDULED':
		case 'EFFICIENCY_REACHED':
			return part(body.id) ? `${event}:${part(body.id)}` : undefined;
		case 'CANDIDATE_CHANGED':
			return part(body.lastCallId)
				? `${event}:${part(body.taskId)}:${part(body.lastCallId)}`
				: undefined;
		case INCOMING_CALL:
			return `${event}:${part(body.callId)}`;
		default:
			return undefined;
	}
}
