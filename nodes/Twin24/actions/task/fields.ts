import type { INodeProperties } from 'n8n-workflow';

/** The six task events of the documentation, in the order they are listed there. */
export const TASK_EVENTS = [
	{ value: 'CALL_ENDED', name: 'Call Ended', description: 'Every call attempt that ends' },
	{
		value: 'CANDIDATE_CHANGED',
		name: 'Candidate Changed',
		description: 'A person is done: no more calls will be made to them',
	},
	{
		value: 'CALL_REDIRECTED',
		name: 'Call Redirected',
		description: 'The bot transferred the call to an operator',
	},
	{
		value: 'RECALL_SCHEDULED',
		name: 'Recall Scheduled',
		description: 'A call back was scheduled for the person',
	},
	{
		value: 'EFFICIENCY_REACHED',
		name: 'Efficiency Reached',
		description: 'The call was marked successful',
	},
	{
		value: 'AUTOCALL_STATUS_CHANGED',
		name: 'Task Status Changed',
		description: 'The task started, paused, stopped or ended',
	},
] as const;

export const webhooksField: INodeProperties = {
	displayName: 'Webhooks',
	name: 'webhooks',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Webhook',
	description:
		"Where Twin24 sends the task's events. To run a flow on them, paste the Production URL of a Twin24 Trigger node (with its secret).",
	options: [
		{
			displayName: 'Webhook',
			name: 'webhook',
			values: [
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					placeholder: 'https://n8n.example.com/webhook/…',
					description:
						'For example the Production URL of a Twin24 Trigger, copied from the trigger node',
				},
				{
					displayName: 'Events',
					name: 'events',
					type: 'multiOptions',
					options: [...TASK_EVENTS].sort((a, b) => a.name.localeCompare(b.name)),
					default: [
						'CALL_ENDED',
						'CANDIDATE_CHANGED',
						'CALL_REDIRECTED',
						'RECALL_SCHEDULED',
						'EFFICIENCY_REACHED',
						'AUTOCALL_STATUS_CHANGED',
					],
					description: 'Which events are sent to this URL',
				},
				{
					displayName: 'Send Intermediate Results',
					name: 'partialResults',
					type: 'boolean',
					default: true,
					description: 'Whether Twin24 also sends results while a call is still being processed',
				},
				{
					displayName: 'Delay (Seconds)',
					name: 'delay',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'How long Twin24 waits before sending each event, for example 4',
				},
			],
		},
	],
};

export const additionalFields: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [
		{
			displayName: 'Call Strategy',
			name: 'callStrategy',
			type: 'options',
			default: 'STEP_2_STEP',
			options: [
				{
					name: 'Parallel',
					value: 'PARALLEL',
					description:
						'If the first number of a person cannot be reached, the next call goes to the second one, and so on (needs more than 1 call per second)',
				},
				{
					name: 'Step by Step',
					value: 'STEP_2_STEP',
					description:
						'All attempts to the first number of a person first, then all attempts to the next number',
				},
			],
			description: 'How a person with several numbers is called',
		},
		{
			displayName: 'Check Phone',
			name: 'checkPhone',
			type: 'boolean',
			default: true,
			description: 'Whether Twin24 checks that numbers are valid when candidates are added',
		},
		{
			displayName: 'Comment',
			name: 'taskComment',
			type: 'string',
			default: '',
			description: 'A note on the task, for example "Spring promo, CRM segment B"',
		},
		{
			displayName: 'E-Mail Report When Finished',
			name: 'sendReportAfterFinish',
			type: 'boolean',
			default: false,
			description: 'Whether Twin24 e-mails a report to the cabinet admins when the task ends',
		},
		{
			displayName: 'Lifetime (Seconds)',
			name: 'lifetime',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 86400,
			description:
				'After this many seconds the task is stopped for good (HALTED), for example 86400 for a day. Not set: the task can run indefinitely.',
		},
		{
			displayName: 'On Normalization Error',
			name: 'normalizationErrorAction',
			type: 'options',
			default: 'IGNORE_NORMALIZATION_ERROR',
			options: [
				{
					name: 'Skip the Number',
					value: 'IGNORE_NORMALIZATION_ERROR',
					description: 'The number that could not be normalized is left out',
				},
				{
					name: 'Add It, Marked',
					value: 'SET_NORMALIZATION_ERROR_FLAG',
					description: 'The number is added and marked as not normalizable',
				},
			],
			description:
				'What Twin24 does with a number it cannot normalize (needs Phone Normalization on)',
		},
		{
			displayName: 'Phone Normalization',
			name: 'phoneNormalization',
			type: 'options',
			default: 'off',
			options: [
				{ name: 'Off', value: 'off' },
				{
					name: 'Russian Numbers',
					value: 'RU',
					description:
						'Numbers are brought to the Russian format, for example 89001112233 to 79001112233',
				},
			],
			description: 'Whether Twin24 rewrites numbers to one format before calling',
		},
		{
			displayName: 'Schedule ID',
			name: 'scheduleId',
			type: 'string',
			default: '',
			description:
				'A call schedule made in the Twin24 cabinet (Twin24 has no list of them to choose from), for example bce7d22e-dde6-4427-b391-ebbdfda44de6',
		},
	],
};

export const callOptionsField: INodeProperties = {
	displayName: 'Call Options',
	name: 'callOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Call Window From',
			name: 'callWindowFrom',
			type: 'string',
			default: '09:00',
			placeholder: '09:00',
			description:
				"Earliest time of day for calls, HH:mm, for example 09:00 (sent as seconds since midnight: 32400). Needed with Respect Callee's Local Time.",
		},
		{
			displayName: 'Call Window To',
			name: 'callWindowTo',
			type: 'string',
			default: '21:00',
			placeholder: '21:00',
			description:
				'Latest time of day for calls, HH:mm, for example 21:00 (75600); 24:00 means until the end of the day',
		},
		{
			displayName: 'Detect Answering Machine',
			name: 'detectRobot',
			type: 'boolean',
			default: false,
			description: 'Whether Twin24 tells people from answering machines (human/robot detection)',
		},
		{
			displayName: 'Detection Greeting Audio ID',
			name: 'detectRobotGreeting',
			type: 'string',
			default: '',
			description:
				'The audio played while detecting, needed for Blocking mode, for example bce7d22e-dde6-4427-b391-ebbdfda44de6',
		},
		{
			displayName: 'Detection Mode',
			name: 'detectRobotMode',
			type: 'options',
			default: 'back',
			options: [
				{ name: 'Background', value: 'back', description: 'Detection runs while the bot talks' },
				{
					name: 'Blocking',
					value: 'block',
					description: 'A greeting is played and the bot waits for the verdict',
				},
			],
			description: 'How answering machine detection works (needs Detect Answering Machine)',
		},
		{
			displayName: 'Record Calls',
			name: 'recordCall',
			type: 'boolean',
			default: true,
			description: 'Whether calls are recorded',
		},
		{
			displayName: "Respect Callee's Local Time",
			name: 'useTr',
			type: 'boolean',
			default: false,
			description:
				"Whether calls happen only inside the call window in the person's own time zone (needs Call Window From and To)",
		},
		{
			displayName: 'Successful After (Seconds)',
			name: 'fullListTime',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'A call that lasts this long counts as successful, for example 30 (used by the "Not Successful" redial rule)',
		},
		{
			displayName: 'Trim Recording Start (Seconds)',
			name: 'recTrimLeft',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'How many seconds are cut from the start of each recording, for example 2',
		},
		{
			displayName: 'Trunk ID',
			name: 'providerId',
			type: 'string',
			default: '',
			description:
				'Only with a custom trunk: its UUID, for example 9a67dee5-398e-4570-9426-fbb3f067b270',
		},
	],
};

/** The five statuses a redial rule exists for, with the API's names. */
export const REDIAL_RULES = [
	{ key: 'busy', label: 'Busy' },
	{ key: 'noAnswer', label: 'No Answer' },
	{ key: 'answerMash', label: 'Answering Machine' },
	{ key: 'congestion', label: 'Call Error' },
	{ key: 'answerNoList', label: 'Not Successful' },
] as const;

export const redialField: INodeProperties = {
	displayName: 'Redial Rules',
	name: 'redial',
	type: 'collection',
	placeholder: 'Add Rule',
	default: {},
	description: 'When Twin24 calls again. No rule set: nobody is called twice.',
	options: (
		[
			...REDIAL_RULES.flatMap(({ key, label }): INodeProperties[] => [
				{
					displayName: `${label}: Redials`,
					name: `${key}Count`,
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
					description: `How many more times to call when the call ended as "${label}", for example 2`,
				},
				{
					displayName: `${label}: Delay (Seconds)`,
					name: `${key}Time`,
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 3600,
					description: `How long to wait before calling again after "${label}", for example 3600 for an hour`,
				},
			]),
			{
				displayName: 'Max Calls Per Candidate',
				name: 'candidateLimit',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 3,
				description: 'At most this many calls to one person, over all their numbers, for example 3',
			},
			{
				displayName: 'Max Calls Per Number',
				name: 'numberLimit',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 3,
				description: 'At most this many calls to one number, for example 3',
			},
		] as INodeProperties[]
	).sort((a, b) => a.displayName.localeCompare(b.displayName)),
};
