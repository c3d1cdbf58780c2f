import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { checkPhone, describePhoneProblem } from '../../../shared/phone';

/**
 * What Unitalk accepts in an autodialer ("Creating and updating autodialers" and the Dictionaries of
 * the Unitalk API documentation), in one place: the dictionaries, the limits, which field belongs to
 * which type and mode, the labels the editor shows, the zod schema of the fields as the editor gives
 * them (per-field rules), and the rules that join several fields (checked on the task as sent).
 */

export const AUTODIALER_TYPES = ['AUTODIAL', 'GUARANTEED_DIAL', 'VOICE_ROBOT'] as const;
export type AutodialerType = (typeof AUTODIALER_TYPES)[number];
export const AUTODIALER_MODES = ['FIXED', 'FREE', 'SMART'] as const;
export type AutodialerMode = (typeof AUTODIALER_MODES)[number];

export const TYPE_NAMES: Record<AutodialerType, string> = {
	AUTODIAL: 'Autodialer',
	GUARANTEED_DIAL: 'Guaranteed Autodialer',
	VOICE_ROBOT: 'Voice Robot',
};

export const CRM_MODES = ['DONT_SEND', 'SEND_ANSWERED', 'SEND_SUCCESS', 'ALL_CALLS'] as const;
export const CLIENT_CALLED_MODES = ['NEVER', 'ANSWERED_CALLS', 'ALL_CALLS'] as const;

/** taskStatus dictionary. */
export const TASK_STATUSES = [
	'NO_NUMBERS',
	'IN_PROGRESS',
	'WAITING',
	'WAITING_OPERATORS',
	'WAITING_REPEAT',
	'PAUSED',
	'CANCELED',
	'FINISHED',
] as const;

/** audioSynthesisDynamicValues dictionary: what a synthesised audio part can speak. */
export const DYNAMIC_VALUES: Record<string, string> = {
	NA: 'Number Name',
	NO: 'Number Note',
	LI: 'Number Web Dialer Data',
	...Object.fromEntries(
		Array.from({ length: 10 }, (_, i) => [`P${i + 1}`, `Number Parameter ${i + 1}`]),
	),
};

/** callState dictionary: the states the table marks "available for automatic repeat calling". */
export const REPEATABLE_STATES = [
	'ANSW_RJCT',
	'NOANSWER',
	'BUSY',
	'FAIL',
	'TALKING',
	'UNREACHABLE',
	'NOT_EXIST',
	'VOICE_MAIL',
	'ANSW_NF_OP',
	'ANSW_OP_NA',
	'BUSYOUT',
];
/**
 * States a repeat-call setting may name: the repeatable ones plus ANSWER, which the doc's own
 * repeatCallsSettings example uses (with secondsThreshold).
 */
export const REPEAT_SETTINGS_STATES = [...REPEATABLE_STATES, 'ANSWER'];
/** callState dictionary: the states the table marks "available for REFRESH" (all but NEW and DIALING). */
export const REFRESHABLE_STATES = [
	'ANSWER',
	...REPEATABLE_STATES,
	'BLOCKED',
	'CLIENT_CALLED',
	'CANCEL',
	'AUDIO_ERR',
	'WRONG_DIR',
	'AUTOCANCEL',
];

export const WEEKDAYS = [
	'monday',
	'tuesday',
	'wednesday',
	'thursday',
	'friday',
	'saturday',
	'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_NAMES: Record<Weekday, string> = {
	monday: 'Monday',
	tuesday: 'Tuesday',
	wednesday: 'Wednesday',
	thursday: 'Thursday',
	friday: 'Friday',
	saturday: 'Saturday',
	sunday: 'Sunday',
};

/** The documented limits of an autodialer. */
export const LIMITS = {
	nameMaxLength: 45,
	callerIdPrefixMaxLength: 20,
	audioParts: 20,
	silenceMillis: { min: 1, max: 10_000 },
	handlersPerEvent: 5,
	repeatAttempts: { min: 0, max: 10 },
	repeatIntervalMinutes: { min: 5, max: 1500 },
	coldBaseStartCallsMultiplier: { min: 0.1, max: 1.5 },
	markAsBusySeconds: { min: 0, max: 3600 },
	smartSpeed: { min: -10, max: 10 },
	numbersPerRequest: 100_000,
} as const;

/**
 * Where a field of the task applies: a list of alternatives, any one of which is enough (an
 * alternative holds when the type is among `types` and the mode among `modes`, each when given).
 * Fields not listed apply to every autodialer. The alternatives of one field never overlap, so the
 * editor shows at most one copy of the field.
 */
export interface Scope {
	types?: AutodialerType[];
	modes?: AutodialerMode[];
}

const LINES_SCOPE: Scope[] = [
	{ types: ['GUARANTEED_DIAL'] },
	{ types: ['AUTODIAL', 'VOICE_ROBOT'], modes: ['FREE', 'SMART'] },
];
const OPERATOR_MODES: Scope[] = [{ modes: ['FREE', 'SMART'] }];

export const FIELD_SCOPE: Record<string, Scope[]> = {
	compositeAudio: [{ types: ['AUTODIAL'] }],
	scenarioId: [{ types: ['AUTODIAL'] }],
	delay: [{ types: ['AUTODIAL'] }],
	ttsSettingsId: [{ types: ['AUTODIAL', 'GUARANTEED_DIAL'] }],
	useTaskAudioIfAudioError: [{ types: ['AUTODIAL', 'GUARANTEED_DIAL'] }],
	moh: [{ types: ['GUARANTEED_DIAL'] }],
	voiceSecretaryId: [{ types: ['VOICE_ROBOT'] }],
	groupId: LINES_SCOPE,
	pseudoGroupOperators: LINES_SCOPE,
	threadCount: [{ modes: ['FIXED'] }],
	callDelay: [{ modes: ['FIXED'] }],
	callDelayOnlyAnswered: [{ modes: ['FIXED'] }],
	coldBaseStartCallsMultiplier: OPERATOR_MODES,
	pauseOperatorNoAnswerLimit: OPERATOR_MODES,
	markAsBusySeconds: OPERATOR_MODES,
	markAsBusyMinSecondsTalk: OPERATOR_MODES,
	reservedSipsBusyOnlyForAutodials: OPERATOR_MODES,
	smartSpeed: [{ modes: ['SMART'] }],
};

/** The task fields every autodialer has (besides id, name, type and mode). */
export const COMMON_TASK_FIELDS = [
	'startDate',
	'endDate',
	'timeFrom',
	'timeTo',
	'outScenarioId',
	'triggerActions',
	'repeatCallsSettings',
	'callerIdPrefix',
	'crmMode',
	'clientCalledMode',
	'displayName',
	'displayNote',
	'removeAfterFinish',
];
/** Deprecated repeat-call fields GET_WITH_DATA may still show (replaced by repeatCallsSettings). */
export const DEPRECATED_REPEAT_FIELDS = [
	'repeatCallAttempts',
	'repeatCallIntervalMinutes',
	'repeatCallHighPriority',
	'repeatCallStates',
	'repeatCallEarly',
];

export function applies(field: string, type: string, mode: string): boolean {
	const scope = FIELD_SCOPE[field];
	if (!scope) return true;
	return scope.some(
		(s) =>
			(!s.types || s.types.includes(type as AutodialerType)) &&
			(!s.modes || s.modes.includes(mode as AutodialerMode)),
	);
}

/** Every task field an autodialer of this type and mode takes. */
export function taskFieldsFor(type: string, mode: string): string[] {
	return [
		...COMMON_TASK_FIELDS,
		...Object.keys(FIELD_SCOPE).filter((field) => applies(field, type, mode)),
	];
}

/** The labels of the editor, by field path (also used for the fields' display names). */
export const LABELS = {
	name: 'Name',
	autodialerType: 'Type',
	autodialerMode: 'Mode',
	startDate: 'Start Date',
	endDate: 'End Date',
	callHoursInput: 'Call Hours Entry',
	callHours: 'Call Hours',
	timeFrom: 'Start Times (7 Days)',
	timeTo: 'End Times (7 Days)',
	compositeAudio: 'Audio Parts',
	'compositeAudio.*.kind': 'Part Type',
	'compositeAudio.*.audioId': 'Project Audio Name or ID',
	'compositeAudio.*.silenceMillis': 'Silence (Ms)',
	'compositeAudio.*.dynamicValue': 'Value to Speak',
	'compositeAudio.*.settingsId': 'TTS Profile Name or ID',
	scenarioId: 'Incoming Scenario Name or ID',
	ttsSettingsId: 'TTS Profile Name or ID',
	useTaskAudioIfAudioError: 'Use Autodialer Audio on Audio Error',
	delay: 'Delay Before Scenario (Seconds)',
	moh: 'Hold Music Name or ID',
	groupId: 'Group Name or ID',
	pseudoGroupOperators: 'SIP Line Names or IDs',
	voiceSecretaryId: 'Voice Robot Name or ID',
	threadCount: 'Simultaneous Calls',
	callDelay: 'Pause Between Calls (Seconds)',
	callDelayOnlyAnswered: 'Pause Only After Answered Calls',
	coldBaseStartCallsMultiplier: 'Cold Base Start Calls Multiplier',
	pauseOperatorNoAnswerLimit: 'Pause Operator After Missed Calls',
	markAsBusySeconds: 'Keep Line Busy After Call (Seconds)',
	markAsBusyMinSecondsTalk: 'Min Talk to Keep Line Busy (Seconds)',
	reservedSipsBusyOnlyForAutodials: 'Reserved Lines Busy Only for Autodialer',
	smartSpeed: 'Smart Speed',
	outScenarioId: 'Outgoing Scenario Name or ID',
	callerIdPrefix: 'Caller ID Prefix',
	crmMode: 'Send to CRM',
	clientCalledMode: 'Skip Numbers That Called In',
	displayName: 'Show Number Name in SIP Client',
	displayNote: 'Show Number Note in SIP Client',
	removeAfterFinish: 'Remove After Finish',
	triggerActions: 'Event Handlers',
	'triggerActions.*.event': 'Event Name or ID',
	'triggerActions.*.handlers': 'Handler Names or IDs',
	repeatEarlyStart: 'Repeat Calls Early Start',
	repeatHighPriority: 'Repeat Calls First',
	repeatStates: 'Repeat Calls',
	'repeatStates.*.state': 'Call State Name or ID',
	'repeatStates.*.attempts': 'Repeat Attempts',
	'repeatStates.*.intervalMinutes': 'Interval (Minutes)',
	'repeatStates.*.secondsThreshold': 'Only If Talk Shorter Than (Seconds)',
	numbers: 'Numbers',
	highPriority: 'Call These Numbers First',
	clearFields: 'Fields to Clear',
	...Object.fromEntries(
		WEEKDAYS.map((d) => [`callHours.${d}`, `Call Hours > ${WEEKDAY_NAMES[d]}`]),
	),
} as Record<string, string>;

/** Fields Update can set back to "none" (Fields to Clear), by their label. */
export const CLEARABLE_FIELDS = [
	'callerIdPrefix',
	'coldBaseStartCallsMultiplier',
	'compositeAudio',
	'moh',
	'outScenarioId',
	'pauseOperatorNoAnswerLimit',
	'repeatCallsSettings',
	'scenarioId',
	'triggerActions',
	'ttsSettingsId',
] as const;

// ---------------------------------------------------------------------------------------------
// Per-field rules: the zod schema of the fields as the editor gives them.

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)(:[0-5]\d)?$/;

/** "9:00" -> "09:00"; anything else unchanged (the schema then says what is wrong). */
export function normaliseTime(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const m = TIME.exec(value.trim());
	return m ? `${m[1].padStart(2, '0')}:${m[2]}` : value.trim();
}

/** A date as Unitalk wants it (yyyy-MM-dd) from what the editor gives (a date picker value, ISO text). */
export function normaliseDate(value: unknown): unknown {
	if (value && typeof value === 'object' && 'toISODate' in value)
		return (value as { toISODate(): string }).toISODate();
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value !== 'string') return value;
	const m = /^\s*(\d{4}-\d{2}-\d{2})([T ].*)?$/.exec(value);
	return m ? m[1] : value.trim();
}

const date = z.preprocess(
	normaliseDate,
	z
		.string({ invalid_type_error: 'must be a date' })
		.refine(
			(d) =>
				/^\d{4}-\d{2}-\d{2}$/.test(d) &&
				new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d,
			{ message: 'must be a date such as 2026-03-15' },
		),
);
const time = z.preprocess(
	normaliseTime,
	z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
		message: 'must be a time of day such as 09:30 (HH:mm, 00:00 to 23:59)',
	}),
);
const id = z.number().int().positive();
const wholeNumber = (min: number, max?: number) => {
	const n = z.number().int().min(min);
	return max === undefined ? n : n.max(max);
};

const dayHours = z.object({ from: time, to: time });

const audioPart = z
	.object({
		kind: z.enum(['audio', 'silence', 'synthesis']),
		audioId: id.optional(),
		silenceMillis: wholeNumber(LIMITS.silenceMillis.min, LIMITS.silenceMillis.max).optional(),
		dynamicValue: z.enum(Object.keys(DYNAMIC_VALUES) as [string, ...string[]]).optional(),
		settingsId: id.optional(),
	})
	.superRefine((p, ctx) => {
		const need = (path: string, what: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message: `is required for ${what}` });
		if (p.kind === 'audio' && p.audioId === undefined) need('audioId', 'an audio part');
		if (p.kind === 'silence' && p.silenceMillis === undefined) need('silenceMillis', 'a silence');
		if (p.kind === 'synthesis' && p.dynamicValue === undefined)
			need('dynamicValue', 'a speech synthesis part');
	});

const triggerEntry = z.object({
	event: z
		.string()
		.regex(/^[A-Z][A-Z0-9_]*$/, { message: 'must be an event such as AUTODIAL_FINISH' }),
	handlers: z.array(id).max(LIMITS.handlersPerEvent),
});

const repeatEntry = z.object({
	state: z.enum(REPEAT_SETTINGS_STATES as [string, ...string[]]),
	attempts: wholeNumber(LIMITS.repeatAttempts.min, LIMITS.repeatAttempts.max),
	intervalMinutes: wholeNumber(LIMITS.repeatIntervalMinutes.min, LIMITS.repeatIntervalMinutes.max),
	secondsThreshold: wholeNumber(0).optional(),
});

/** The fields of an autodialer as read from the editor; every one optional (Create requires some). */
export const taskInputSchema = z
	.object({
		name: z.string().trim().min(1).max(LIMITS.nameMaxLength).optional(),
		autodialerType: z.enum(AUTODIALER_TYPES).optional(),
		autodialerMode: z.enum(AUTODIALER_MODES).optional(),
		startDate: date.optional(),
		endDate: date.optional(),
		callHours: z
			.object(Object.fromEntries(WEEKDAYS.map((d) => [d, dayHours.optional()])))
			.optional(),
		timeFrom: z.array(time.nullable()).optional(),
		timeTo: z.array(time.nullable()).optional(),
		compositeAudio: z.array(audioPart).max(LIMITS.audioParts).optional(),
		scenarioId: id.optional(),
		ttsSettingsId: id.optional(),
		useTaskAudioIfAudioError: z.boolean().optional(),
		delay: wholeNumber(0).optional(),
		moh: id.optional(),
		groupId: id.optional(),
		pseudoGroupOperators: z.array(z.string().trim().min(1)).min(1).optional(),
		voiceSecretaryId: id.optional(),
		threadCount: wholeNumber(1).optional(),
		callDelay: wholeNumber(0).optional(),
		callDelayOnlyAnswered: z.boolean().optional(),
		coldBaseStartCallsMultiplier: z
			.number()
			.min(LIMITS.coldBaseStartCallsMultiplier.min)
			.max(LIMITS.coldBaseStartCallsMultiplier.max)
			.optional(),
		pauseOperatorNoAnswerLimit: wholeNumber(1).optional(),
		markAsBusySeconds: wholeNumber(
			LIMITS.markAsBusySeconds.min,
			LIMITS.markAsBusySeconds.max,
		).optional(),
		markAsBusyMinSecondsTalk: wholeNumber(
			LIMITS.markAsBusySeconds.min,
			LIMITS.markAsBusySeconds.max,
		).optional(),
		reservedSipsBusyOnlyForAutodials: z.boolean().optional(),
		smartSpeed: wholeNumber(LIMITS.smartSpeed.min, LIMITS.smartSpeed.max).optional(),
		outScenarioId: id.optional(),
		callerIdPrefix: z.string().max(LIMITS.callerIdPrefixMaxLength).optional(),
		crmMode: z.enum(CRM_MODES).optional(),
		clientCalledMode: z.enum(CLIENT_CALLED_MODES).optional(),
		displayName: z.boolean().optional(),
		displayNote: z.boolean().optional(),
		removeAfterFinish: z.boolean().optional(),
		triggerActions: z.array(triggerEntry).optional(),
		repeatEarlyStart: z.boolean().optional(),
		repeatHighPriority: z.boolean().optional(),
		repeatStates: z.array(repeatEntry).optional(),
		numbers: z.array(z.unknown()).max(LIMITS.numbersPerRequest).optional(),
		highPriority: z.boolean().optional(),
		clearFields: z.array(z.enum(CLEARABLE_FIELDS)).optional(),
	})
	.superRefine((t, ctx) => {
		checkCallHours(t, ctx);
		const events = t.triggerActions?.map((e) => e.event) ?? [];
		events.forEach((event, i) => {
			if (events.indexOf(event) !== i)
				ctx.addIssue({
					code: 'custom',
					path: ['triggerActions', i, 'event'],
					message: `lists ${event} a second time; give each event once, with all its handlers`,
				});
		});
		t.triggerActions?.forEach((e, i) => {
			const repeated = e.handlers.find((h, j) => e.handlers.indexOf(h) !== j);
			if (repeated !== undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['triggerActions', i, 'handlers'],
					message: `lists handler ${repeated} twice`,
				});
		});
		const states = t.repeatStates?.map((s) => s.state) ?? [];
		states.forEach((state, i) => {
			if (states.indexOf(state) !== i)
				ctx.addIssue({
					code: 'custom',
					path: ['repeatStates', i, 'state'],
					message: `lists ${state} a second time; give each call state once`,
				});
		});
		t.numbers?.forEach((raw, i) => {
			const check = checkPhone(raw);
			if (!check.ok)
				ctx.addIssue({
					code: 'custom',
					path: ['numbers', i],
					message: `is not a number that can be dialled: ${describePhoneProblem(check)} (a number must be international, 7 to 15 digits)`,
				});
		});
		if (t.groupId !== undefined && t.pseudoGroupOperators !== undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['pseudoGroupOperators'],
				message: `cannot be used together with "${LABELS.groupId}": Unitalk ignores the SIP lines when a group is set; give one of them`,
			});
		for (const field of t.clearFields ?? []) {
			const given =
				field === 'repeatCallsSettings'
					? (t.repeatStates ?? t.repeatEarlyStart ?? t.repeatHighPriority)
					: (t as Record<string, unknown>)[field];
			if (given !== undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['clearFields'],
					message: `lists "${clearLabel(field)}", which is also given a new value; do one or the other`,
				});
		}
	});

export type TaskInput = z.input<typeof taskInputSchema>;
export type CheckedInput = z.output<typeof taskInputSchema>;

export function clearLabel(field: string): string {
	return field === 'repeatCallsSettings' ? LABELS.repeatStates : (LABELS[field] ?? field);
}

/** Call hours: From before To on every day given, at least one day, lists of exactly 7 days. */
function checkCallHours(t: CheckedInput, ctx: z.RefinementCtx): void {
	if (t.callHours) {
		let days = 0;
		for (const day of WEEKDAYS) {
			const hours = t.callHours[day] as { from: string; to: string } | undefined;
			if (!hours) continue;
			days++;
			if (hours.from >= hours.to)
				ctx.addIssue({
					code: 'custom',
					path: ['callHours', day],
					message: `starts at ${hours.from}, which is not before its end ${hours.to}; From must be earlier than To`,
				});
		}
		if (days === 0)
			ctx.addIssue({
				code: 'custom',
				path: ['callHours'],
				message: 'has no day: add at least one weekday with its hours',
			});
	}
	if (t.timeFrom === undefined && t.timeTo === undefined) return;
	const from = t.timeFrom ?? [];
	const to = t.timeTo ?? [];
	for (const [field, list] of [
		['timeFrom', from],
		['timeTo', to],
	] as const) {
		if (list.length !== 7)
			ctx.addIssue({
				code: 'custom',
				path: [field],
				message: `must have exactly 7 entries, Monday to Sunday (null for a day without calls); ${list.length} given`,
			});
	}
	if (from.length !== 7 || to.length !== 7) return;
	let days = 0;
	WEEKDAYS.forEach((day, i) => {
		const f = from[i];
		const e = to[i];
		if (f === null && e === null) return;
		days++;
		if (f === null || e === null)
			ctx.addIssue({
				code: 'custom',
				path: [f === null ? 'timeFrom' : 'timeTo', i],
				message: `(${WEEKDAY_NAMES[day]}) is empty while the other list has a time for that day; give both or neither`,
			});
		else if (f >= e)
			ctx.addIssue({
				code: 'custom',
				path: ['timeFrom', i],
				message: `(${WEEKDAY_NAMES[day]}) starts at ${f}, which is not before its end ${e}; the start must be earlier than the end`,
			});
	});
	if (days === 0)
		ctx.addIssue({
			code: 'custom',
			path: ['timeFrom'],
			message: 'has no day with hours: at least one day needs a start and an end time',
		});
}

// ---------------------------------------------------------------------------------------------
// Rules that join several fields, checked on the task as it will be sent (after Update's merge).

export interface TaskProblem {
	/** The label of the field to fix. */
	field: string;
	problem: string;
}

function multiAudios(task: IDataObject): IDataObject[] {
	const composite = task.compositeAudio as IDataObject | null | undefined;
	return (Array.isArray(composite?.multiAudios) ? composite.multiAudios : []) as IDataObject[];
}

/** The first documented requirement the task misses, or undefined. */
export function taskProblem(task: IDataObject): TaskProblem | undefined {
	const type = String(task.autodialerType) as AutodialerType;
	const mode = String(task.autodialerMode) as AutodialerMode;
	const typeName = `${TYPE_NAMES[type] ?? type} (${type})`;
	const missing = (v: unknown) => v === undefined || v === null || v === '';
	for (const field of ['name', 'startDate', 'endDate', 'crmMode', 'clientCalledMode'] as const)
		if (missing(task[field])) return { field: LABELS[field], problem: 'is required' };
	if (String(task.startDate) > String(task.endDate))
		return {
			field: LABELS.endDate,
			problem: `(${String(task.endDate)}) is before the start date (${String(task.startDate)})`,
		};
	if (!Array.isArray(task.timeFrom) || !Array.isArray(task.timeTo))
		return { field: LABELS.callHours, problem: 'are required' };
	if (type === 'AUTODIAL') {
		const parts = multiAudios(task);
		if (missing(task.scenarioId) && parts.length === 0)
			return {
				field: LABELS.compositeAudio,
				problem: `are empty and no "${LABELS.scenarioId}" is set: an ${typeName} needs at least one audio part or an incoming scenario`,
			};
		const unvoiced = parts.some(
			(p) =>
				p.synthesisFromDynamicValue &&
				missing((p.synthesisFromDynamicValue as IDataObject).settingsId),
		);
		if (unvoiced && missing(task.ttsSettingsId))
			return {
				field: LABELS.ttsSettingsId,
				problem:
					'is required when an audio part is spoken by speech synthesis without its own TTS profile',
			};
	}
	if (type === 'VOICE_ROBOT' && missing(task.voiceSecretaryId))
		return { field: LABELS.voiceSecretaryId, problem: `is required for a ${typeName}` };
	if (type === 'GUARANTEED_DIAL' || mode === 'FREE' || mode === 'SMART') {
		const sips = task.pseudoGroupOperators;
		if (missing(task.groupId) && !(Array.isArray(sips) && sips.length > 0))
			return {
				field: LABELS.groupId,
				problem: `is required ${type === 'GUARANTEED_DIAL' ? `for a ${typeName}` : `in ${mode} mode`}: choose a group of internal lines, or give "${LABELS.pseudoGroupOperators}"`,
			};
	}
	if (mode === 'FIXED' && missing(task.threadCount))
		return { field: LABELS.threadCount, problem: 'is required in FIXED mode' };
	return undefined;
}

/** The handler type a title shows ("[Telegram] Personal notification" -> "Telegram"), if any. */
export function handlerType(title: unknown): string | undefined {
	const m = /^\s*\[([^\]]+)\]/.exec(String(title ?? ''));
	return m ? m[1].trim().toLowerCase() : undefined;
}

/**
 * Event handlers checked against the project's lists (GET_WITH_DATA): the event exists, each handler
 * may serve it, and no two handlers of one event share a type (as far as their titles tell).
 */
export function triggerActionsProblem(
	triggerActions: Record<string, number[]>,
	configuration: IDataObject,
): TaskProblem | undefined {
	const events = (configuration.triggerActionEvents ?? {}) as IDataObject;
	const byEvent = (configuration.triggerActionEventsAndTriggerActions ?? {}) as Record<
		string,
		IDataObject
	>;
	for (const [event, ids] of Object.entries(triggerActions)) {
		if (Object.keys(events).length > 0 && !(event in events))
			return {
				field: LABELS.triggerActions,
				problem: `use the event ${event}, which the project does not have`,
			};
		const available = byEvent[event] ?? {};
		const seen = new Map<string, number>();
		for (const handler of ids) {
			if (!(String(handler) in available))
				return {
					field: LABELS.triggerActions,
					problem: `use handler ${handler} for ${event}, but that handler does not exist or cannot serve this event`,
				};
			const type = handlerType(available[String(handler)]);
			if (!type) continue;
			const other = seen.get(type);
			if (other !== undefined)
				return {
					field: LABELS.triggerActions,
					problem: `give ${event} two handlers of the same type (${other} and ${handler}); Unitalk allows one handler of each type per event`,
				};
			seen.set(type, handler);
		}
	}
	return undefined;
}
