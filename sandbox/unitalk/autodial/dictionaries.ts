/**
 * The project configuration an autodialer can refer to, and the dictionaries of the doc
 * (provider-docs/unitalk-api.txt, "Obtaining complete information about autodialers with additional
 * data" and "Dictionaries"). GET_WITH_DATA returns them; ADD / UPDATE validate against them.
 *
 * Audios ("Autodialers" section), hold melodies ("MELODY" section), speech synthesis profiles, voice
 * robots and internal lines are the ones of the calls/audio simulator (state.calls, callsState.ts), so
 * an audio uploaded there shows up here and ADD_NUMBERS agrees on what exists. Groups, scenarios and
 * event handlers are seeded here, with the ids of the doc's examples and the /dictionary endpoint.
 *
 * Sandbox choices where the doc gives no example:
 * - `pseudoGroupOperators` (the project's SIP lines) is a map "SIP": "Operator" like the other lists.
 * - Handler titles start with their action type in brackets ("[Telegram] ..."), as in the doc's
 *   example; two handlers of one event with the same type are "Few trigger actions with same type".
 * - Groups of another kind than internal lines (GSM groups) exist in the project but are not listed;
 *   using one is "Wrong group type".
 * - The project language is English (the doc's example is Russian).
 */

import type { UnitalkCallsState } from '../callsState';

export type AutodialerType = 'AUTODIAL' | 'GUARANTEED_DIAL' | 'VOICE_ROBOT';
export type AutodialerMode = 'FIXED' | 'FREE' | 'SMART';

export const AUTODIALER_TYPES: Record<AutodialerType, string> = {
	AUTODIAL: 'Autodialer',
	GUARANTEED_DIAL: 'Guaranteed autodialer',
	VOICE_ROBOT: 'Voice robot',
};

export const AUTODIALER_MODES: Record<AutodialerMode, string> = {
	FIXED: 'By number of threads',
	FREE: 'By free operators',
	SMART: 'Smart selection',
};

/** taskStatus dictionary. */
export const TASK_STATUSES = {
	NO_NUMBERS: 'No numbers have been added',
	IN_PROGRESS: 'Dialling at the moment',
	WAITING: 'Waiting for the start of the autodial',
	WAITING_OPERATORS: 'Waiting for free operators',
	WAITING_REPEAT: 'Waiting for the "Repeat call" setting to be triggered',
	PAUSED: 'On pause',
	CANCELED: 'Canceled, but not completed yet (some of the call numbers are in DIALING status)',
	FINISHED: 'Completed',
} as const;

export const CRM_MODES = ['DONT_SEND', 'SEND_ANSWERED', 'SEND_SUCCESS', 'ALL_CALLS'] as const;
export const CLIENT_CALLED_MODES = ['NEVER', 'ANSWERED_CALLS', 'ALL_CALLS'] as const;

/** audioSynthesisDynamicValues dictionary. */
export const AUDIO_SYNTHESIS_DYNAMIC_VALUES: Record<string, string> = {
	NA: 'Autodialer number: name',
	NO: 'Autodialer number: note',
	LI: 'Autodialer number: data for Web Dialer',
	...Object.fromEntries(
		Array.from({ length: 10 }, (_, i) => [`P${i + 1}`, `Autodialer number: parameter #${i + 1}`]),
	),
};

/** callState dictionary: the table of the doc, row by row. */
export interface CallStateInfo {
	state: string;
	title: string;
	/** Available for automatic repeat calling (repeatCallStates field). */
	repeatable: boolean;
	/** Available for REFRESH. */
	refreshable: boolean;
	/** Indicates possible problems in the autodialer or telephony settings. */
	warning: boolean;
	/** Is a call's state (a call was made). */
	call: boolean;
}

const row = (
	state: string,
	title: string,
	repeatable: boolean,
	refreshable: boolean,
	warning: boolean,
	call: boolean,
): CallStateInfo => ({ state, title, repeatable, refreshable, warning, call });

export const CALL_STATES: CallStateInfo[] = [
	row('NEW', 'Not processed', false, false, false, false),
	row('DIALING', 'In the process of calling', false, false, false, false),
	row('ANSWER', 'Answered by subscriber and operator', false, true, false, true),
	row(
		'ANSW_RJCT',
		'Answered by the subscriber and there was no call to the operators',
		true,
		true,
		false,
		true,
	),
	row('NOANSWER', 'No answer', true, true, false, true),
	row('BUSY', 'Busy or reset', true, true, false, true),
	row('FAIL', 'Connection failure', true, true, false, true),
	row('BLOCKED', 'Blocked', false, true, false, false),
	row('TALKING', 'Answering machine: the caller is talking', true, true, false, true),
	row('UNREACHABLE', 'Answering machine: the caller is unavailable', true, true, false, true),
	row('NOT_EXIST', 'Answering machine: number does not exist', true, true, false, true),
	row('VOICE_MAIL', 'Answering machine: voice mail', true, true, false, true),
	row(
		'CLIENT_CALLED',
		'The caller made the call himself or it was an outgoing call',
		false,
		true,
		false,
		false,
	),
	row('CANCEL', 'Canceled', false, true, false, false),
	row(
		'ANSW_NF_OP',
		'Answered by a subscriber and there were no available operators',
		true,
		true,
		true,
		true,
	),
	row(
		'ANSW_OP_NA',
		'Answered by a subscriber and operators did not accept the call',
		true,
		true,
		true,
		true,
	),
	row('BUSYOUT', 'Not enough lines', true, true, true, true),
	row('AUDIO_ERR', 'Audio error', false, true, true, true),
	row('WRONG_DIR', 'Wrong direction', false, true, true, true),
	row('AUTOCANCEL', 'Canceled automatically', false, true, true, false),
];

export const REPEATABLE_STATES = CALL_STATES.filter((s) => s.repeatable).map((s) => s.state);
export const REFRESHABLE_STATES = CALL_STATES.filter((s) => s.refreshable).map((s) => s.state);
/**
 * States allowed as keys of repeatCallsSettings.statesSettings: the repeatable ones plus ANSWER, which
 * the doc's own statesSettings example uses (with secondsThreshold: "call again if the conversation
 * lasted less than N seconds"). The deprecated repeatCallStates list keeps to the table.
 */
export const REPEAT_SETTINGS_STATES = [...REPEATABLE_STATES, 'ANSWER'];

/** triggerActionEvent dictionary, in the doc's order. */
export const TRIGGER_ACTION_EVENTS: Record<string, string> = {
	AUTODIAL_ANSWER: 'Call completed – answered by subscriber and operator',
	AUTODIAL_ANSW_RJCT:
		'Call completed – answered by the subscriber and there was no call to the operators',
	AUTODIAL_ANSW_NF_OP:
		'Call completed – answered by a subscriber and there were no available operators',
	AUTODIAL_ANSW_OP_NA:
		'Call completed – answered by the subscriber and the operators did not accept the call',
	AUTODIAL_NOANSWER: 'Call completed – no answer',
	AUTODIAL_BUSY: 'Call completed – busy or reset',
	AUTODIAL_CALL_FAIL: 'Call completed – connection failure',
	AUTODIAL_TALKING: 'Call completed – the caller is talking',
	AUTODIAL_UNREACHABLE: 'Call completed – the caller is unavailable',
	AUTODIAL_NOT_EXIST: 'Call completed – the number does not exist',
	AUTODIAL_BUSYOUT: 'Call completed – not enough lines',
	AUTODIAL_WRONG_DIR: 'Call completed – wrong direction',
	AUTODIAL_AUDIO_ERR: 'Call completed – audio error',
	AUTODIAL_NUMBER_BLOCKED: 'Phone number is blocked by the project settings',
	AUTODIAL_REPEAT_ATTEMPTS_ENDED:
		'Сall completed unsuccessfully and the number of re-ring attempts has been exceeded',
	AUTODIAL_CLIENT_CALLED: 'The caller made the call himself or it was an outgoing call',
	AUTODIAL_USER_PAUSED: 'User paused by autodialer. Only available for guaranteed autodial',
	AUTODIAL_STATUS_CHANGED: 'Autodialer status changed',
	AUTODIAL_CANCEL: 'Autodialer is canceled',
	AUTODIAL_AUTOCANCEL: 'Autodialer canceled automatically',
	AUTODIAL_FINISH: 'Autodialing completed',
};

const CALL_EVENTS = Object.keys(TRIGGER_ACTION_EVENTS).filter(
	(e) =>
		![
			'AUTODIAL_USER_PAUSED',
			'AUTODIAL_STATUS_CHANGED',
			'AUTODIAL_CANCEL',
			'AUTODIAL_AUTOCANCEL',
			'AUTODIAL_FINISH',
		].includes(e),
);
const TASK_EVENTS = [
	'AUTODIAL_STATUS_CHANGED',
	'AUTODIAL_CANCEL',
	'AUTODIAL_AUTOCANCEL',
	'AUTODIAL_FINISH',
];
const ALL_EVENTS = Object.keys(TRIGGER_ACTION_EVENTS);

export const WITHDRAWAL_CATEGORIES: Record<string, string> = {
	CALL: 'Making calls',
	AUTODIALER: 'Autodialer',
	VOICE_SECRETARY: 'Voice secretary',
	TEXT_TO_SPEECH: 'Speech synthesis',
	SPEECH_RECOGNITION: 'Speech recognition',
	VOICE_ANALYTICS: 'Speech analytics',
	ANSWERING_MACHINE_DETECTION: 'Answering machine detection',
	MESSAGE_SERVICE_MESSAGE: 'Sending messages',
};

/** Limits GET_WITH_DATA reports and ADD / UPDATE enforce. */
export const AUTODIAL_LIMITS = {
	maxAddNumbersCount: 100_000,
	maxRemoveNumbersCount: 10_000,
	multiAudiosLimit: 20,
	minMultiAudioSilenceMillis: 1,
	maxMultiAudioSilenceMillis: 10_000,
	nameMaxLength: 45,
	callerIdPrefixMaxLength: 20,
	triggerActionsPerEvent: 5,
	repeatAttempts: { min: 0, max: 10 },
	repeatIntervalMinutes: { min: 5, max: 1500 },
	coldBaseStartCallsMultiplier: { min: 0.1, max: 1.5 },
	markAsBusySeconds: { min: 0, max: 3600 },
	smartSpeed: { min: -10, max: 10 },
	/** REFRESH of one autodialer at most once a minute ("Try again later"). */
	refreshIntervalMs: 60_000,
} as const;

export interface TriggerActionHandler {
	id: number;
	title: string;
	/** The action type; two handlers of one event must not share it. */
	type: string;
	/** Events the handler is compatible with. */
	events: string[];
}

export interface ProjectGroup {
	title: string;
	/** INTERNAL = group of internal lines (the only kind autodialers accept). */
	kind: 'INTERNAL' | 'GSM';
}

/**
 * What the project has for autodialers beyond the calls/audio simulator's lists, plus the account
 * flags ADD checks. Tests may change it (`state.project`); reset() seeds it again.
 */
export interface UnitalkProject {
	phoneConfirmed: boolean;
	billingAllowed: boolean;
	/** Most autodialers the project may have ("Tasks limit exceeded"). */
	tasksLimit: number;
	groups: Record<string, ProjectGroup>;
	scenarios: Record<string, string>;
	outScenarios: Record<string, string>;
	triggerActions: TriggerActionHandler[];
}

/** The lists an autodialer refers to, "ID": "Title", as GET_WITH_DATA shows them. */
export interface ProjectLists {
	audios: Record<string, string>;
	moh: Record<string, string>;
	groups: Record<string, string>;
	pseudoGroupOperators: Record<string, string>;
	scenarios: Record<string, string>;
	outScenarios: Record<string, string>;
	ttsSettings: Record<string, string>;
	voiceSecretaries: Record<string, string>;
}

export function projectLists(project: UnitalkProject, calls: UnitalkCallsState): ProjectLists {
	const audiosOf = (section: string) =>
		Object.fromEntries(
			[...calls.audios.values()]
				.filter((a) => a.type === section)
				.map((a) => [String(a.id), a.name]),
		);
	return {
		audios: audiosOf('AUTODIAL'),
		moh: audiosOf('MELODY'),
		groups: Object.fromEntries(
			Object.entries(project.groups)
				.filter(([, g]) => g.kind === 'INTERNAL')
				.map(([id, g]) => [id, g.title]),
		),
		pseudoGroupOperators: Object.fromEntries(
			[...calls.innerPhones.values()].map((l) => [l.number, l.name]),
		),
		scenarios: { ...project.scenarios },
		outScenarios: { ...project.outScenarios },
		ttsSettings: Object.fromEntries([...calls.ttsProfiles].map(([id, t]) => [String(id), t])),
		voiceSecretaries: Object.fromEntries([...calls.voiceRobots].map(([id, t]) => [String(id), t])),
	};
}

export function seedProject(): UnitalkProject {
	return {
		phoneConfirmed: true,
		billingAllowed: true,
		tasksLimit: 100,
		groups: {
			'300': { title: 'Support', kind: 'INTERNAL' },
			'455': { title: 'Sales department', kind: 'INTERNAL' },
			'310': { title: 'Mobile forwarding (GSM numbers)', kind: 'GSM' },
		},
		scenarios: { '4567': 'Main with IVR', '70': 'After hours' },
		outScenarios: { '5678': 'From a fixed number', '5679': 'Rotating numbers' },
		triggerActions: [
			{ id: 123, title: '[Telegram] Personal notification', type: 'TELEGRAM', events: ALL_EVENTS },
			{ id: 102, title: '[Telegram] Sales chat', type: 'TELEGRAM', events: ALL_EVENTS },
			{ id: 103, title: '[Webhook] CRM sync', type: 'WEBHOOK', events: ALL_EVENTS },
			{ id: 104, title: '[Email] Daily report', type: 'EMAIL', events: TASK_EVENTS },
			{ id: 105, title: '[SMS] Missed call follow-up', type: 'SMS', events: CALL_EVENTS },
			{ id: 106, title: '[HTTP] Lead status update', type: 'HTTP', events: CALL_EVENTS },
			{ id: 107, title: '[Viber] Reminder', type: 'VIBER', events: CALL_EVENTS },
			{ id: 108, title: '[Email] Call summary', type: 'EMAIL', events: CALL_EVENTS },
			{
				id: 109,
				title: '[Telegram] Operator paused',
				type: 'TELEGRAM',
				events: ['AUTODIAL_USER_PAUSED'],
			},
		],
	};
}

/** The dictionaries and lists of the GET_WITH_DATA answer (everything but `tasks`). */
export function projectDictionaries(
	project: UnitalkProject,
	calls: UnitalkCallsState,
): Record<string, unknown> {
	const byEvent: Record<string, Record<string, string>> = {};
	for (const event of ALL_EVENTS) {
		const handlers = project.triggerActions.filter((h) => h.events.includes(event));
		if (handlers.length)
			byEvent[event] = Object.fromEntries(handlers.map((h) => [String(h.id), h.title]));
	}
	const states = (pick: (s: CallStateInfo) => boolean) =>
		CALL_STATES.filter(pick).map((s) => s.state);
	return {
		...projectLists(project, calls),
		triggerActionEvents: { ...TRIGGER_ACTION_EVENTS },
		triggerActionEventsData: ALL_EVENTS.map((event, i) => ({
			event,
			title: TRIGGER_ACTION_EVENTS[event],
			order: (i + 1) * 10,
		})),
		triggerActionEventsAndTriggerActions: byEvent,
		triggerActionsPresent: project.triggerActions.length > 0,
		autodialNumberStatesInfo: {
			lang: { locale: 'en', shortLocaleCode: 'en', code: 'EN' },
			orderedStates: CALL_STATES.map((s) => s.state),
			statesAndTitles: Object.fromEntries(CALL_STATES.map((s) => [s.state, s.title])),
			repeatableStates: states((s) => s.repeatable),
			refreshableStates: states((s) => s.refreshable),
			warningStates: states((s) => s.warning),
			doneStates: states((s) => s.call),
		},
		taskStatuses: { ...TASK_STATUSES },
		autodialerTypes: { ...AUTODIALER_TYPES },
		autodialerModes: { ...AUTODIALER_MODES },
		maxAddNumbersCount: AUTODIAL_LIMITS.maxAddNumbersCount,
		maxRemoveNumbersCount: AUTODIAL_LIMITS.maxRemoveNumbersCount,
		multiAudiosLimit: AUTODIAL_LIMITS.multiAudiosLimit,
		minMultiAudioSilenceMillis: AUTODIAL_LIMITS.minMultiAudioSilenceMillis,
		maxMultiAudioSilenceMillis: AUTODIAL_LIMITS.maxMultiAudioSilenceMillis,
		audioSynthesisDynamicValues: { ...AUDIO_SYNTHESIS_DYNAMIC_VALUES },
		withdrawalCategories: { ...WITHDRAWAL_CATEGORIES },
	};
}

/** The `statesInfo` list at the end of the GET_WITH_DATA answer. */
export function statesInfo(): Array<Record<string, unknown>> {
	return CALL_STATES.map((s, i) => ({
		state: s.state,
		order: (i + 1) * 10,
		title: s.title,
		repeatable: s.repeatable,
		refreshable: s.refreshable,
		warning: s.warning,
	}));
}
