import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import {
	CLEARABLE_FIELDS,
	FIELD_SCOPE,
	LABELS,
	LIMITS,
	TYPE_NAMES,
	WEEKDAYS,
	WEEKDAY_NAMES,
	clearLabel,
} from './schema';

/**
 * The editor fields of an autodialer, shared by Create and Update. Each field is defined once (FIELDS)
 * and placed twice: Create shows the main fields at the top and the rest under "Additional Fields",
 * Update puts every field under "Update Fields". Fields that belong to a type or a mode (FIELD_SCOPE
 * in schema.ts) show only when "Type" / "Mode" match.
 */

/** The words of the 14 From / To fields of "Call Hours" (7 days), in one place. */
function callHourDescription(edge: 'Start' | 'End', day: string, example: string): string {
	return `${edge} of the calling window on ${day}, 24-hour HH:mm in the project's time zone, e.g. ${example}`;
}

/** Every field of an autodialer's configuration, by the name the editor stores it under. */
export const FIELDS: Record<string, INodeProperties> = {
	name: {
		displayName: LABELS.name,
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'Spring promo',
		description: `Unique in the project, at most ${LIMITS.nameMaxLength} characters`,
	},
	startDate: {
		displayName: LABELS.startDate,
		name: 'startDate',
		type: 'dateTime',
		default: '',
		description: 'First day of calls (the time of day is ignored)',
	},
	endDate: {
		displayName: LABELS.endDate,
		name: 'endDate',
		type: 'dateTime',
		default: '',
		description: 'Last day of calls, included (the time of day is ignored)',
	},
	callHours: {
		displayName: LABELS.callHours,
		name: 'callHours',
		type: 'fixedCollection',
		placeholder: 'Add Day',
		// Empty: n8n's editor cannot compute the defaults of a single-value fixedCollection whose
		// default already holds options (it reads them from the node's values, which lack them).
		default: {},
		description:
			"Add each weekday with calls and its hours (HH:mm, the project's time zone), e.g. Monday 09:00 to 18:00. Days not added get no calls; From must be before To.",
		options: WEEKDAYS.map((day) => ({
			displayName: WEEKDAY_NAMES[day],
			name: day,
			values: [
				{
					displayName: 'From',
					name: 'from',
					type: 'string',
					default: '09:00',
					placeholder: '09:00',
					description: callHourDescription('Start', WEEKDAY_NAMES[day], '09:00'),
				},
				{
					displayName: 'To',
					name: 'to',
					type: 'string',
					default: '18:00',
					placeholder: '18:00',
					description: callHourDescription('End', WEEKDAY_NAMES[day], '18:00'),
				},
			],
		})),
	},
	timeFrom: {
		displayName: LABELS.timeFrom,
		name: 'timeFrom',
		type: 'json',
		default: '["09:00", "09:00", "09:00", "09:00", "09:00", null, null]',
		description:
			'Start time of each day, Monday to Sunday: a list of exactly 7 entries, "HH:mm" or null for a day without calls',
	},
	timeTo: {
		displayName: LABELS.timeTo,
		name: 'timeTo',
		type: 'json',
		default: '["18:00", "18:00", "18:00", "18:00", "18:00", null, null]',
		description:
			'End time of each day, Monday to Sunday: a list of exactly 7 entries, "HH:mm" or null for a day without calls',
	},
	compositeAudio: {
		displayName: LABELS.compositeAudio,
		name: 'compositeAudio',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Part',
		default: {},
		description: `What the client hears on answering, part after part (at most ${LIMITS.audioParts}). An autodialer needs audio parts, an incoming scenario, or both.`,
		options: [
			{
				displayName: 'Part',
				name: 'part',
				values: [
					{
						displayName: LABELS['compositeAudio.*.kind'],
						name: 'kind',
						type: 'options',
						options: [
							{ name: 'Audio', value: 'audio', description: 'An audio of the project' },
							{ name: 'Silence', value: 'silence', description: 'A pause' },
							{
								name: 'Speech Synthesis',
								value: 'synthesis',
								description: 'A value of the called number (name, note, parameter) spoken aloud',
							},
						],
						default: 'audio',
						description:
							"What this part plays: a project audio, a pause, or a value of the called number read out (e.g. the number's name)",
					},
					{
						displayName: 'Project Audio Name or ID',
						name: 'audioId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getAudios' },
						default: '',
						displayOptions: { show: { kind: ['audio'] } },
						description:
							'Audio from the "Autodialers" section of the project. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Silence (Ms)',
						name: 'silenceMillis',
						type: 'number',
						typeOptions: { minValue: LIMITS.silenceMillis.min, maxValue: LIMITS.silenceMillis.max },
						default: 500,
						displayOptions: { show: { kind: ['silence'] } },
						description: 'Length of the pause in milliseconds, 1 to 10,000',
					},
					{
						displayName: 'Value to Speak',
						name: 'dynamicValue',
						type: 'options',
						options: [
							{ name: 'Number Name', value: 'NA' },
							{ name: 'Number Note', value: 'NO' },
							...Array.from({ length: 10 }, (_, i) => ({
								name: `Number Parameter ${i + 1}`,
								value: `P${i + 1}`,
							})),
							{ name: 'Number Web Dialer Data', value: 'LI' },
						],
						default: 'NA',
						displayOptions: { show: { kind: ['synthesis'] } },
						description: 'What of the called number is spoken',
					},
					{
						displayName: 'TTS Profile Name or ID',
						name: 'settingsId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getTtsSettings' },
						default: '',
						displayOptions: { show: { kind: ['synthesis'] } },
						description:
							'Speech synthesis profile for this part; empty: the autodialer TTS profile. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			},
		],
	},
	scenarioId: {
		displayName: LABELS.scenarioId,
		name: 'scenarioId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getIncomingScenarios' },
		default: '',
		description:
			'Incoming scenario started when the client stays on the line after the audio. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	voiceSecretaryId: {
		displayName: LABELS.voiceSecretaryId,
		name: 'voiceSecretaryId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getVoiceRobots' },
		default: '',
		description:
			'Voice robot (voice secretary) that talks to the client. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	groupId: {
		displayName: LABELS.groupId,
		name: 'groupId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		default: '',
		description:
			'Group of internal lines that takes the answered calls. Give a group or SIP lines. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	pseudoGroupOperators: {
		displayName: LABELS.pseudoGroupOperators,
		name: 'pseudoGroupOperators',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSipLines' },
		default: [],
		description:
			'Internal SIP lines that take the answered calls, when no group is given. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	threadCount: {
		displayName: LABELS.threadCount,
		name: 'threadCount',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'How many calls run at the same time (threads)',
	},
	crmMode: {
		displayName: LABELS.crmMode,
		name: 'crmMode',
		type: 'options',
		options: [
			{ name: 'All Calls', value: 'ALL_CALLS' },
			{ name: 'Answered by Client', value: 'SEND_ANSWERED' },
			{ name: 'Answered by Client and Operator', value: 'SEND_SUCCESS' },
			{ name: 'None', value: 'DONT_SEND' },
		],
		default: 'DONT_SEND',
		description: 'Which calls are passed to the CRM',
	},
	clientCalledMode: {
		displayName: LABELS.clientCalledMode,
		name: 'clientCalledMode',
		type: 'options',
		options: [
			{ name: 'Always', value: 'ALL_CALLS', description: 'Skip a number that called the project' },
			{ name: 'Never', value: 'NEVER', description: 'Call every number' },
			{
				name: 'Only If That Call Was Answered',
				value: 'ANSWERED_CALLS',
				description: 'Skip a number whose own call to the project was answered',
			},
		],
		default: 'NEVER',
		description: 'Whether numbers of clients who called the project themselves are skipped',
	},
	callDelay: {
		displayName: LABELS.callDelay,
		name: 'callDelay',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Pause between calls; used only with 1 simultaneous call',
	},
	callDelayOnlyAnswered: {
		displayName: LABELS.callDelayOnlyAnswered,
		name: 'callDelayOnlyAnswered',
		type: 'boolean',
		default: false,
		description: 'Whether the pause between calls applies only after calls the operator answered',
	},
	callerIdPrefix: {
		displayName: LABELS.callerIdPrefix,
		name: 'callerIdPrefix',
		type: 'string',
		default: '',
		placeholder: 'Promo',
		description: `Text the operator's SIP client shows before the client's number (at most ${LIMITS.callerIdPrefixMaxLength} characters), e.g. Promo`,
	},
	coldBaseStartCallsMultiplier: {
		displayName: LABELS.coldBaseStartCallsMultiplier,
		name: 'coldBaseStartCallsMultiplier',
		type: 'number',
		typeOptions: {
			minValue: LIMITS.coldBaseStartCallsMultiplier.min,
			maxValue: LIMITS.coldBaseStartCallsMultiplier.max,
			numberPrecision: 2,
		},
		default: 1,
		description:
			'Changes the number of simultaneous calls with the share of numbers dialled, by this coefficient (0.1 to 1.5)',
	},
	delay: {
		displayName: LABELS.delay,
		name: 'delay',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Pause between the end of the audio and the start of the incoming scenario',
	},
	displayName: {
		displayName: LABELS.displayName,
		name: 'displayName',
		type: 'boolean',
		default: false,
		description: 'Whether the SIP client shows the name given to the number',
	},
	displayNote: {
		displayName: LABELS.displayNote,
		name: 'displayNote',
		type: 'boolean',
		default: false,
		description: 'Whether the SIP client shows the note given to the number',
	},
	triggerActions: {
		displayName: LABELS.triggerActions,
		name: 'triggerActions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Event',
		default: {},
		description: `Project event handlers run on autodialer events: at most ${LIMITS.handlersPerEvent} per event, one of each type`,
		options: [
			{
				displayName: 'Event',
				name: 'entry',
				values: [
					{
						displayName: 'Event Name or ID',
						name: 'event',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getTriggerActionEvents' },
						default: '',
						description:
							'The autodialer event. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Handler Names or IDs',
						name: 'handlers',
						type: 'multiOptions',
						typeOptions: {
							loadOptionsMethod: 'getTriggerActions',
							loadOptionsDependsOn: ['&event'],
						},
						default: [],
						description:
							'Handlers run on this event. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			},
		],
	},
	moh: {
		displayName: LABELS.moh,
		name: 'moh',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getHoldMelodies' },
		default: '',
		description:
			'Melody the client hears while waiting for an operator. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	markAsBusySeconds: {
		displayName: LABELS.markAsBusySeconds,
		name: 'markAsBusySeconds',
		type: 'number',
		typeOptions: {
			minValue: LIMITS.markAsBusySeconds.min,
			maxValue: LIMITS.markAsBusySeconds.max,
		},
		default: 0,
		description: 'How long a SIP line counts as busy after a successful call (0 to 3600)',
	},
	markAsBusyMinSecondsTalk: {
		displayName: LABELS.markAsBusyMinSecondsTalk,
		name: 'markAsBusyMinSecondsTalk',
		type: 'number',
		typeOptions: {
			minValue: LIMITS.markAsBusySeconds.min,
			maxValue: LIMITS.markAsBusySeconds.max,
		},
		default: 0,
		description: 'Shortest conversation after which the line is kept busy (0 to 3600)',
	},
	numbers: {
		displayName: LABELS.numbers,
		name: 'numbers',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: '380971234567, +380 (63) 123-45-67',
		description: `Numbers to call, in international format, separated by commas or new lines, or a list by expression (at most ${LIMITS.numbersPerRequest.toLocaleString('en-US')}), e.g. 380971234567, 380631234567. Numbers Unitalk refuses (for example ones on the "Blocked for Autodialers" list of Blocked List) are left out and listed in the output under numbersRefused. More can be added later with Autodialer Number > Add.`,
	},
	highPriority: {
		displayName: LABELS.highPriority,
		name: 'highPriority',
		type: 'boolean',
		default: false,
		description: 'Whether the numbers given here are called before numbers added later',
	},
	outScenarioId: {
		displayName: LABELS.outScenarioId,
		name: 'outScenarioId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getOutgoingScenarios' },
		default: '',
		description:
			'Outgoing scenario used for the calls. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	pauseOperatorNoAnswerLimit: {
		displayName: LABELS.pauseOperatorNoAnswerLimit,
		name: 'pauseOperatorNoAnswerLimit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5,
		description: 'An operator who misses this many calls in a row is paused',
	},
	removeAfterFinish: {
		displayName: LABELS.removeAfterFinish,
		name: 'removeAfterFinish',
		type: 'boolean',
		default: false,
		description: 'Whether Unitalk deletes the autodialer once it has finished',
	},
	repeatEarlyStart: {
		displayName: LABELS.repeatEarlyStart,
		name: 'repeatEarlyStart',
		type: 'boolean',
		default: false,
		description:
			'Whether repeat calls may start before every number was called once (not with more than 1,000,000 numbers)',
	},
	repeatHighPriority: {
		displayName: LABELS.repeatHighPriority,
		name: 'repeatHighPriority',
		type: 'boolean',
		default: false,
		description: 'Whether repeat calls go to the priority queue',
	},
	repeatStates: {
		displayName: LABELS.repeatStates,
		name: 'repeatStates',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Call State',
		default: {},
		description: 'Numbers whose call ended in one of these states are called again',
		options: [
			{
				displayName: 'Call State',
				name: 'state',
				values: [
					{
						displayName: 'Call State Name or ID',
						name: 'state',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getRepeatCallSettingStates' },
						default: '',
						description:
							'How the call ended. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Interval (Minutes)',
						name: 'intervalMinutes',
						type: 'number',
						typeOptions: {
							minValue: LIMITS.repeatIntervalMinutes.min,
							maxValue: LIMITS.repeatIntervalMinutes.max,
						},
						default: 60,
						description: 'Shortest time between calls, 5 to 1500 minutes',
					},
					{
						displayName: 'Only If Talk Shorter Than (Seconds)',
						name: 'secondsThreshold',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'For answered calls: call again only if the conversation was shorter than this (0: always)',
					},
					{
						displayName: 'Repeat Attempts',
						name: 'attempts',
						type: 'number',
						typeOptions: {
							minValue: LIMITS.repeatAttempts.min,
							maxValue: LIMITS.repeatAttempts.max,
						},
						default: 2,
						description: 'Repeat calls, 0 to 10 (0: none)',
					},
				],
			},
		],
	},
	reservedSipsBusyOnlyForAutodials: {
		displayName: LABELS.reservedSipsBusyOnlyForAutodials,
		name: 'reservedSipsBusyOnlyForAutodials',
		type: 'boolean',
		default: false,
		description:
			'Whether the lines reserved by the autodialer count as busy only for its own calls, so they stay available to incoming scenarios',
	},
	smartSpeed: {
		displayName: LABELS.smartSpeed,
		name: 'smartSpeed',
		type: 'number',
		typeOptions: { minValue: LIMITS.smartSpeed.min, maxValue: LIMITS.smartSpeed.max },
		default: 0,
		description: 'Dialling speed, -10 (slowest) to 10 (fastest)',
	},
	ttsSettingsId: {
		displayName: LABELS.ttsSettingsId,
		name: 'ttsSettingsId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTtsSettings' },
		default: '',
		description:
			'Speech synthesis profile of the autodialer. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	useTaskAudioIfAudioError: {
		displayName: LABELS.useTaskAudioIfAudioError,
		name: 'useTaskAudioIfAudioError',
		type: 'boolean',
		default: false,
		description:
			"Whether a number whose own audio fails gets the autodialer's audio instead of ending the call with an error",
	},
};

/** Fields Create shows at the top (in this order); the others go under Additional Fields. */
const CREATE_MAIN = [
	'compositeAudio',
	'scenarioId',
	'voiceSecretaryId',
	'groupId',
	'pseudoGroupOperators',
	'threadCount',
	'crmMode',
	'clientCalledMode',
];
const CREATE_REQUIRED = new Set([
	'name',
	'startDate',
	'endDate',
	'voiceSecretaryId',
	'threadCount',
]);
/** Fields only Create has (UPDATE ignores them). */
const CREATE_ONLY = new Set(['numbers', 'highPriority']);
/** Fields not under Additional / Update Fields in Create (placed by hand). */
const WINDOW_AND_BASICS = ['name', 'startDate', 'endDate', 'callHours', 'timeFrom', 'timeTo'];

/** Copies of a field for each alternative of its scope, shown only for its type and mode. */
function scoped(
	property: INodeProperties,
	placement: { nested: boolean; update: boolean },
): INodeProperties[] {
	const scope = FIELD_SCOPE[property.name];
	if (!scope) return [property];
	const typeKey = placement.nested ? '/autodialerType' : 'autodialerType';
	const modeKey = placement.nested ? '/autodialerMode' : 'autodialerMode';
	return scope.map((alternative) => {
		const show: NonNullable<IDisplayOptions['show']> = { ...property.displayOptions?.show };
		if (alternative.types)
			// Update: a field chosen by the mode shows whatever "Type" says (it is only a selector there).
			show[typeKey] =
				placement.update && alternative.modes
					? [...alternative.types, 'any']
					: [...alternative.types];
		if (alternative.modes) show[modeKey] = [...alternative.modes];
		return { ...property, displayOptions: { ...property.displayOptions, show } };
	});
}

function byDisplayName(a: INodeProperties, b: INodeProperties): number {
	return a.displayName.localeCompare(b.displayName);
}

const typeOptions = (Object.keys(TYPE_NAMES) as Array<keyof typeof TYPE_NAMES>).map((value) => ({
	name: TYPE_NAMES[value],
	value,
	description: {
		AUTODIAL: 'Plays audio to the client, then an incoming scenario (informing, surveys)',
		GUARANTEED_DIAL: 'Puts answered calls straight through to operators of a group',
		VOICE_ROBOT: 'A voice robot talks to the client',
	}[value],
}));
const modeOptions = [
	{
		name: 'By Free Operators',
		value: 'FREE',
		description: 'As many calls as there are free operators',
	},
	{
		name: 'By Number of Threads',
		value: 'FIXED',
		description: 'A fixed number of simultaneous calls',
	},
	{ name: 'Smart Matching', value: 'SMART', description: 'Speed adjusted to the operators' },
];

/** The fields of Create. */
export function createProperties(): INodeProperties[] {
	const top = { nested: false, update: false };
	const required = (p: INodeProperties): INodeProperties =>
		CREATE_REQUIRED.has(p.name) ? { ...p, required: true } : p;
	const additional = Object.values(FIELDS)
		.filter((p) => !CREATE_MAIN.includes(p.name) && !WINDOW_AND_BASICS.includes(p.name))
		.flatMap((p) => scoped(p, { nested: true, update: false }))
		.sort(byDisplayName);
	return [
		required(FIELDS.name),
		{
			displayName: LABELS.autodialerType,
			name: 'autodialerType',
			type: 'options',
			noDataExpression: true,
			options: typeOptions,
			default: 'AUTODIAL',
			description: 'What the autodialer does with an answered call',
		},
		{
			displayName: LABELS.autodialerMode,
			name: 'autodialerMode',
			type: 'options',
			noDataExpression: true,
			options: modeOptions,
			default: 'FIXED',
			description: 'How the autodialer decides how many calls to make at once',
		},
		required(FIELDS.startDate),
		required(FIELDS.endDate),
		{
			displayName: LABELS.callHoursInput,
			name: 'callHoursInput',
			type: 'options',
			options: [
				{
					name: 'By Weekday',
					value: 'days',
					description: 'Pick the days and their hours',
				},
				{
					name: 'Two Lists of 7 (Expression)',
					value: 'lists',
					description: 'Start and end times as two lists, Monday to Sunday',
				},
			],
			default: 'days',
			description:
				'How the calling hours are given: day by day in the editor (e.g. Monday 09:00 to 18:00), or as two lists of 7 times by expression',
		},
		{ ...FIELDS.callHours, displayOptions: { show: { callHoursInput: ['days'] } } },
		{ ...FIELDS.timeFrom, displayOptions: { show: { callHoursInput: ['lists'] } } },
		{ ...FIELDS.timeTo, displayOptions: { show: { callHoursInput: ['lists'] } } },
		...CREATE_MAIN.flatMap((name) => scoped(required(FIELDS[name]), top)),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: additional,
		},
	];
}

/** The fields of Update (the autodialer locator comes first, from the operation). */
export function updateProperties(): INodeProperties[] {
	const options = Object.values(FIELDS)
		.filter((p) => !CREATE_ONLY.has(p.name))
		.flatMap((p) => scoped(p, { nested: true, update: true }));
	options.push({
		displayName: LABELS.clearFields,
		name: 'clearFields',
		type: 'multiOptions',
		options: CLEARABLE_FIELDS.map((field) => ({ name: clearLabel(field), value: field })).sort(
			(a, b) => a.name.localeCompare(b.name),
		),
		default: [],
		description: 'Settings to remove from the autodialer (set to none)',
	});
	return [
		{
			displayName: 'Autodialer Type',
			name: 'autodialerType',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Any (Common Fields Only)',
					value: 'any',
					description: 'Offer only the fields every autodialer has',
				},
				...typeOptions,
			],
			default: 'any',
			description:
				'The type of this autodialer, to offer its fields. Unitalk cannot change the type: the node stops if it does not match.',
		},
		{
			displayName: 'Mode',
			name: 'autodialerMode',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Keep Current Mode',
					value: 'keep',
					description: 'Keep the mode; offer no mode-specific fields',
				},
				...modeOptions,
			],
			default: 'keep',
			description:
				'The mode the autodialer should have. Pick its current mode to change the fields of that mode.',
		},
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description:
				'Only the fields added here change; Unitalk needs the whole configuration, so the node reads the current one first and sends it with these changes',
			options: options.sort(byDisplayName),
		},
	];
}

/**
 * Whether Update shows a field for the selected "Autodialer Type" and "Mode" (the same rule as the
 * display options `scoped` builds; values of hidden fields are not used).
 */
export function shownInUpdate(field: string, type: string, mode: string): boolean {
	const scope = FIELD_SCOPE[field];
	if (!scope) return true;
	return scope.some(
		(s) =>
			(!s.types || s.types.includes(type as never) || (s.modes !== undefined && type === 'any')) &&
			(!s.modes || s.modes.includes(mode as never)),
	);
}
