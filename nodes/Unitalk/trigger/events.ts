import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/**
 * The webhooks Unitalk sends (documentation, section "Webhooks") and how the trigger tells them apart.
 *
 * Only call events and the routing request carry their name (`"event": "CALL_END"`, `"event": "ROUTE"`).
 * The other bodies have no name at all, so the trigger recognises them by the fields the documentation
 * lists for each ("Standard JSON" bodies). Where that is not enough (the non-call autodialer events are
 * an empty object `{}`), the user can add the URL parameter `event` (for example `event=AUTODIAL_FINISH`)
 * to the action on Unitalk's "Event handling" page: a known name there wins over the body's shape.
 */
export const UNITALK_EVENTS = [
	'CALL_NEW',
	'CALL_REDIRECT',
	'CALL_ANSWER',
	'CALL_END',
	'IVR',
	'AUTODIAL_CALL_END',
	'AUTODIAL_EVENT',
	'VOICE_QUEUE',
	'BALANCE_MOVEMENT',
	'ROUTE',
	'VOICE_QUEUE_PRIORITY',
	'OTHER',
] as const;

export type UnitalkEvent = (typeof UNITALK_EVENTS)[number];

/** The two webhooks whose answer Unitalk uses: routing to the responsible operator and queue priority. */
export const ANSWERING_EVENTS: readonly UnitalkEvent[] = ['ROUTE', 'VOICE_QUEUE_PRIORITY'];

/** Call events (doc: "Standard JSON for call events"): the body names them in `event`. */
export const CALL_EVENTS: readonly UnitalkEvent[] = [
	'CALL_NEW',
	'CALL_REDIRECT',
	'CALL_ANSWER',
	'CALL_END',
];

/**
 * Autodialer events (doc: dictionary "triggerActionEvent"). The per-number ones send the "autodialers
 * calls completion" body; the others send `{}`.
 */
export const AUTODIAL_CALL_EVENT_NAMES = [
	'AUTODIAL_ANSWER',
	'AUTODIAL_ANSW_RJCT',
	'AUTODIAL_ANSW_NF_OP',
	'AUTODIAL_ANSW_OP_NA',
	'AUTODIAL_NOANSWER',
	'AUTODIAL_BUSY',
	'AUTODIAL_CALL_FAIL',
	'AUTODIAL_TALKING',
	'AUTODIAL_UNREACHABLE',
	'AUTODIAL_NOT_EXIST',
	'AUTODIAL_BUSYOUT',
	'AUTODIAL_WRONG_DIR',
	'AUTODIAL_AUDIO_ERR',
	'AUTODIAL_NUMBER_BLOCKED',
	'AUTODIAL_REPEAT_ATTEMPTS_ENDED',
	'AUTODIAL_CLIENT_CALLED',
] as const;

export const AUTODIAL_OTHER_EVENT_NAMES = [
	'AUTODIAL_USER_PAUSED',
	'AUTODIAL_STATUS_CHANGED',
	'AUTODIAL_CANCEL',
	'AUTODIAL_AUTOCANCEL',
	'AUTODIAL_FINISH',
] as const;

/** Balance operation types (doc: "Balance Movement"). */
export const BALANCE_OPERATION_TYPES = ['MAIN_REFILL', 'BONUS_REFILL', 'CALL', 'SMS', 'SERVICES'];

/**
 * Options of the "Events" field. n8n sorts nothing itself and the linter wants the list alphabetical,
 * so each name starts with the documentation's section: the sections stay together.
 */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Autodialer: Call Completed',
		value: 'AUTODIAL_CALL_END',
		description:
			'A call of an autodialer ended (answered, no answer, busy...): "autodialers calls completion" events',
	},
	{
		name: 'Autodialer: Other Event',
		value: 'AUTODIAL_EVENT',
		description:
			'Autodialer finished, canceled, status changed, operator paused. Unitalk sends an empty body: add the URL parameter event=AUTODIAL_FINISH (or another name) in Unitalk to tell them apart.',
	},
	{
		name: 'Balance: Movement',
		value: 'BALANCE_MOVEMENT',
		description: 'The project balance changed: top-up or write-off (URL set on the "API" page)',
	},
	{
		name: 'Call: Answered',
		value: 'CALL_ANSWER',
		description: 'CALL_ANSWER: someone answered a call',
	},
	{
		name: 'Call: Ended',
		value: 'CALL_END',
		description: 'CALL_END: a call ended (duration, status and recording link are known)',
	},
	{
		name: 'Call: New',
		value: 'CALL_NEW',
		description: 'CALL_NEW: a call started',
	},
	{
		name: 'Call: Redirected',
		value: 'CALL_REDIRECT',
		description: 'CALL_REDIRECT: a call was passed on to one or more numbers',
	},
	{
		name: 'Incoming Call: Choose the Responsible Operator (Answered)',
		value: 'ROUTE',
		description:
			'ROUTE: an incoming script asks which operator should take the call; the trigger answers with the operator number',
	},
	{
		name: 'Other (Unrecognised Request)',
		value: 'OTHER',
		description:
			'A request the trigger cannot match to a documented event, e.g. a "Specified JSON" body',
	},
	{
		name: 'Voice Menu (IVR): Action',
		value: 'IVR',
		description: 'A caller pressed a digit, made no choice or a wrong choice in a voice menu',
	},
	{
		name: 'Voice Queue: Event',
		value: 'VOICE_QUEUE',
		description: 'A voice queue event configured on the "Event handling" page',
	},
	{
		name: 'Voice Queue: Set Priority (Answered)',
		value: 'VOICE_QUEUE_PRIORITY',
		description:
			'Voice queue management: Unitalk asks which of the 10 queues (1-10) the caller goes to; the trigger answers',
	},
];

/** URL parameter a user may add in Unitalk to name the event (needed for the empty autodialer bodies). */
export const EVENT_QUERY_PARAMETER = 'event';

function isObject(v: unknown): v is IDataObject {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function has(body: IDataObject, ...keys: string[]): boolean {
	return keys.some((k) => Object.prototype.hasOwnProperty.call(body, k));
}

/** Maps a name (ours or one of Unitalk's) to the trigger's event, or undefined when unknown. */
export function eventFromName(name: unknown): UnitalkEvent | undefined {
	if (typeof name !== 'string') return undefined;
	const n = name.trim().toUpperCase();
	if (n === '') return undefined;
	if ((UNITALK_EVENTS as readonly string[]).includes(n)) return n as UnitalkEvent;
	if ((AUTODIAL_CALL_EVENT_NAMES as readonly string[]).includes(n)) return 'AUTODIAL_CALL_END';
	if ((AUTODIAL_OTHER_EVENT_NAMES as readonly string[]).includes(n)) return 'AUTODIAL_EVENT';
	if (n === 'VOICE_QUEUE_MANAGEMENT') return 'VOICE_QUEUE_PRIORITY';
	if (n === 'BALANCE') return 'BALANCE_MOVEMENT';
	return undefined;
}

/** Recognises the event of a body by the fields the documentation lists for it. */
export function eventFromShape(body: unknown): UnitalkEvent {
	if (!isObject(body)) return 'OTHER';
	if (Object.keys(body).length === 0) return 'AUTODIAL_EVENT'; // "Standard JSON for non-call autodialer events: {}"
	if (
		typeof body.type === 'string' &&
		BALANCE_OPERATION_TYPES.includes(body.type) &&
		has(body, 'sum', 'sumV2', 'mainBalance', 'mainBalanceV2', 'bonusBalance')
	) {
		return 'BALANCE_MOVEMENT';
	}
	if (has(body, 'ivrName', 'pressedDigit', 'actionType')) return 'IVR';
	if (has(body, 'dialName', 'callState', 'calledCount')) return 'AUTODIAL_CALL_END';
	if (has(body, 'from')) {
		// Voice queue management: outerNumber + from + analytics labels, no projectName.
		// Voice queue events: from + projectName (+ ip), no outerNumber.
		if (has(body, 'outerNumber') && !has(body, 'projectName')) return 'VOICE_QUEUE_PRIORITY';
		if (has(body, 'projectName', 'ip')) return 'VOICE_QUEUE';
	}
	return 'OTHER';
}

/**
 * The event of an incoming request: the body's own `event` name (call events, ROUTE), else a known name in
 * the URL parameter `event`, else the body's shape.
 */
export function detectEvent(body: unknown, query: IDataObject): UnitalkEvent {
	if (isObject(body)) {
		const own = eventFromName(body.event);
		if (own) return own;
	}
	const q = query[EVENT_QUERY_PARAMETER];
	const named = eventFromName(Array.isArray(q) ? q[0] : q);
	if (named) return named;
	return eventFromShape(body);
}

/**
 * Identifier of a delivery for dropping repeats: only bodies that carry an id (call events: `call.id`,
 * else `call.dbid`). The same call sends CALL_NEW, CALL_ANSWER and CALL_END with one id, and may be
 * redirected more than once, so the key also holds the event and a digest of the whole body: only an
 * identical repeat is a duplicate.
 */
export function deliveryId(event: UnitalkEvent, body: unknown): string | undefined {
	if (!isObject(body) || !isObject(body.call)) return undefined;
	const id = body.call.id ?? body.call.dbid;
	if (typeof id !== 'string' && typeof id !== 'number') return undefined;
	if (String(id).trim() === '') return undefined;
	return `${event}:${String(id)}`;
}
