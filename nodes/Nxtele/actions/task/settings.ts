import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DateTime } from 'luxon';
import { z } from 'zod';

import { utcOffsetSeconds } from '../../../shared/timezone';
import { inputError, parseInput } from '../../../shared/validation';
import { callbackUrlHint, httpUrl } from '../common';
import { dialHours, halfHourOptions, WEEK_DAYS, weekDaysText } from './schedule';

/**
 * The task settings of createTask, createAndCall and updateTask (`taskCreateSetting` and `funcFlag`),
 * in plain words in the editor and converted here to what the createAndCall page documents.
 */

const START_TYPES = { manual: 1, scheduled: 2, now: 3 } as const;
/** manualCallSetting.dispatchType as the createAndCall page lists it: 0 none, 1 ratio, 3 predictive 2.0. */
const DISPATCH_TYPES = { none: 0, ratio: 1, predictive: 3 } as const;

export function taskSettingsFields(): INodeProperties[] {
	return [
		{
			displayName: 'Scene ID',
			name: 'sceneId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1790012345678901234',
			description:
				'The script template the robot follows: NXTele console → Scenario Management → the template → its ID',
		},
		{
			displayName: 'Task Name',
			name: 'taskName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. Spring leads 2026',
			description: 'Name of the task as the NXTele console shows it',
		},
		{
			displayName: 'Start',
			name: 'startMode',
			type: 'options',
			options: [
				{
					name: 'Manually',
					value: 'manual',
					description: 'The task waits until it is started (Task → Start, or the console)',
				},
				{ name: 'At a Time', value: 'scheduled', description: 'The task starts at Start Time' },
				{
					name: 'Now',
					value: 'now',
					description: 'The task starts at once and dials within the working time',
				},
			],
			default: 'manual',
			description: 'When the task starts dialling (startupType 1, 2 or 3)',
		},
		{
			displayName: 'Start Time',
			name: 'startAt',
			type: 'dateTime',
			default: '',
			required: true,
			displayOptions: { show: { startMode: ['scheduled'] } },
			description:
				'When the task starts, e.g. 2026-03-01T09:00:00 (read in the time zone of the workflow unless it carries its own offset)',
		},
		{
			displayName: 'Working Days',
			name: 'workingDays',
			type: 'multiOptions',
			options: WEEK_DAYS.map((d) => ({ name: d.name, value: d.value })),
			default: [1, 2, 3, 4, 5, 6, 7],
			description: 'Days on which the task may dial, e.g. Monday to Friday',
		},
		{
			displayName: 'Working Hours',
			name: 'workingHours',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Time Window',
			default: { windows: [{ from: '09:00', to: '18:00' }] },
			description:
				'Time windows in which the task may dial, on half hours, e.g. 09:00 to 12:00 and 14:00 to 18:00 (in the task time zone)',
			options: [
				{
					displayName: 'Window',
					name: 'windows',
					values: [
						{
							displayName: 'From',
							name: 'from',
							type: 'options',
							options: halfHourOptions(0, 23 * 60 + 30),
							default: '09:00',
							description: 'Start of the window, e.g. 09:00',
						},
						{
							displayName: 'To',
							name: 'to',
							type: 'options',
							options: halfHourOptions(30, 24 * 60),
							default: '18:00',
							description:
								'End of the window, e.g. 18:00 (24:00 is midnight at the end of the day)',
						},
					],
				},
			],
		},
		{
			displayName: 'Time Zone',
			name: 'timeZone',
			type: 'string',
			default: '',
			placeholder: 'e.g. Asia/Hong_Kong or +08:00',
			description:
				"Time zone of the working days and hours: a name such as Europe/Berlin, or an offset such as +08:00 or UTC-5. Empty: the workflow's time zone. Sent as its offset in seconds (zoneSecond) at the time of the run.",
		},
		{
			displayName: 'Max Concurrent Calls',
			name: 'maxConcurrentCalls',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			description: 'How many calls the task may have going at the same time (maxCall), e.g. 10',
		},
		{
			displayName: 'Transfer to Agents (AICC)',
			name: 'agentTransfer',
			type: 'fixedCollection',
			placeholder: 'Add Agent Transfer',
			default: {},
			description:
				'Only for AICC script templates: which agent group takes over calls and how it is dialled (manualCallSetting)',
			options: [
				{
					displayName: 'Settings',
					name: 'settings',
					values: [
						{
							displayName: 'Agent Group ID',
							name: 'agentGroup',
							type: 'string',
							default: '',
							placeholder: 'e.g. 1024',
							description: 'ID of the agent group in the NXTele console',
						},
						{
							displayName: 'Outbound Call Type',
							name: 'dispatchType',
							type: 'options',
							options: [
								{ name: 'None', value: 'none' },
								{ name: 'Ratio-Based', value: 'ratio' },
								{ name: 'Predictive 2.0', value: 'predictive' },
							],
							default: 'none',
							description: 'How calls are dialled for the agents (dispatchType 0, 1 or 3)',
						},
						{
							displayName: 'Agent Call Rate',
							name: 'ratioCallRate',
							type: 'number',
							typeOptions: { minValue: 0, numberPrecision: 2 },
							default: 1,
							description: 'Calls per free agent for ratio-based dialling, e.g. 1.5',
						},
						{
							displayName: 'Predicted Call Rate',
							name: 'predictCallRate',
							type: 'number',
							typeOptions: { minValue: 0, numberPrecision: 2 },
							default: 1,
							description: 'Predicted call rate for predictive dialling, e.g. 1.2',
						},
					],
				},
			],
		},
		{
			displayName: 'SMS by Intent',
			name: 'smsRules',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add SMS Rule',
			default: {},
			description:
				'After an order ends, send an SMS template when the call reached one of these intents (turns on smsEnable; the SMS service must be active on the account). Do not repeat an intent in two rules: a later rule overrides an earlier one.',
			options: [
				{
					displayName: 'Rule',
					name: 'rules',
					values: [
						{
							displayName: 'SMS Template ID',
							name: 'smsId',
							type: 'string',
							default: '',
							placeholder: 'e.g. 20231',
							description: 'The SMS template to send (smsID)',
						},
						{
							displayName: 'Intent IDs',
							name: 'intentIds',
							type: 'string',
							default: '',
							placeholder: 'e.g. 11, 12',
							description:
								'Intent IDs of the script template that trigger the SMS, separated by commas',
						},
						{
							displayName: 'Intent Names',
							name: 'intentNames',
							type: 'string',
							default: '',
							placeholder: 'e.g. Interested, Call back later',
							description: 'Or the intent names (same effect as the IDs), separated by commas',
						},
					],
				},
			],
		},
		{
			displayName: 'Task Options',
			name: 'taskOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Keep Task Open',
					name: 'taskKeep',
					type: 'boolean',
					default: false,
					description:
						'Whether the task stays open when it has no orders left, so that later orders can be added (taskKeep)',
				},
				{
					displayName: 'Mask Phone Numbers',
					name: 'phoneEncrypt',
					type: 'boolean',
					default: false,
					description: 'Whether the NXTele console shows the numbers masked (phoneEncrypt)',
				},
				{
					displayName: 'Max Ring Time (Seconds)',
					name: 'maxRingTime',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 60,
					description:
						'How long a call may ring before it counts as unanswered, e.g. 60 (maxRingTime; the docs give no unit, seconds is assumed)',
				},
				{
					displayName: 'Redial Unanswered Once',
					name: 'roundRedial',
					type: 'boolean',
					default: false,
					description:
						'Whether an unanswered call is dialled once more within the same round (roundRedial)',
				},
				{
					displayName: 'Route ID',
					name: 'routeId',
					type: 'string',
					default: '',
					placeholder: 'e.g. 301',
					description: 'The line route to dial through (routeID); empty: the account default',
				},
				{
					displayName: 'Start Time Unit',
					name: 'startAtUnit',
					type: 'options',
					options: [
						{ name: 'Seconds', value: 'seconds' },
						{ name: 'Milliseconds', value: 'milliseconds' },
					],
					default: 'seconds',
					description:
						'How Start Time is sent (startupAt). The docs do not say; seconds, like every other Callbot timestamp, is the default.',
				},
				{
					displayName: 'Strategy Name',
					name: 'strategyName',
					type: 'string',
					default: '',
					placeholder: 'e.g. Default strategy',
					description:
						"The dialling strategy (console → Scenario Management → the scenario → Dialing Strategy); empty: the scenario's default strategy",
				},
				{
					displayName: 'Synthesize Sentences With Variables Whole',
					name: 'wholeTTS',
					type: 'boolean',
					default: false,
					description:
						'Whether sentences with variables are synthesized as a whole (wholeTTS). The docs say it must be on when the template has variables.',
				},
				{
					displayName: 'Task Callback URL',
					name: 'taskCallbackUrl',
					type: 'string',
					default: '',
					placeholder: 'e.g. https://n8n.example.com/webhook/…',
					description: `Where NXTele posts the task's status changes (taskCallbackUrl). ${callbackUrlHint} Empty: nothing is posted.`,
				},
			],
		},
	];
}

const commaList = (text: string) =>
	text
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);

const settingsSchema = z.object({
	sceneId: z.string().trim().min(1),
	taskName: z.string().trim().min(1),
	startMode: z.enum(['manual', 'scheduled', 'now']),
	workingDays: z.array(z.coerce.number().int().min(1).max(7)).min(1),
	windows: z.array(z.object({ from: z.string(), to: z.string() })).min(1),
	timeZone: z.string(),
	maxConcurrentCalls: z.number().int().min(1),
	maxRingTime: z.number().int().min(0),
	taskCallbackUrl: httpUrl.or(z.literal('')),
	agent: z
		.object({
			agentGroup: z.string().trim().min(1),
			dispatchType: z.enum(['none', 'ratio', 'predictive']),
			ratioCallRate: z.number().min(0),
			predictCallRate: z.number().min(0),
		})
		.optional(),
	smsRules: z.array(
		z
			.object({ smsId: z.string().trim().min(1), intentIds: z.string(), intentNames: z.string() })
			.refine((r) => commaList(r.intentIds).length + commaList(r.intentNames).length > 0, {
				message: 'needs at least one intent ID or intent name',
			}),
	),
});

const LABELS = {
	sceneId: 'Scene ID',
	taskName: 'Task Name',
	startMode: 'Start',
	workingDays: 'Working Days',
	windows: 'Working Hours',
	timeZone: 'Time Zone',
	maxConcurrentCalls: 'Max Concurrent Calls',
	maxRingTime: 'Max Ring Time (Seconds)',
	taskCallbackUrl: 'Task Callback URL',
	agent: 'Transfer to Agents (AICC)',
	'agent.agentGroup': 'Transfer to Agents (AICC) > Agent Group ID',
	'agent.ratioCallRate': 'Transfer to Agents (AICC) > Agent Call Rate',
	'agent.predictCallRate': 'Transfer to Agents (AICC) > Predicted Call Rate',
	smsRules: 'SMS by Intent',
	'smsRules.*.smsId': 'SMS Template ID',
};

export interface TaskSettings {
	sceneID: string;
	taskCreateSetting: IDataObject;
	funcFlag: IDataObject;
}

/** The task settings of item `itemIndex`, checked and converted; an error names the item and field. */
export function readTaskSettings(ctx: IExecuteFunctions, itemIndex: number): TaskSettings {
	const node = ctx.getNode();
	const get = <T>(name: string, fallback: unknown) =>
		ctx.getNodeParameter(name, itemIndex, fallback) as T;
	const options = get<IDataObject>('taskOptions', {});
	const agent = get<{ settings?: IDataObject }>('agentTransfer', {}).settings;
	const raw = {
		sceneId: get<string>('sceneId', ''),
		taskName: get<string>('taskName', ''),
		startMode: get<string>('startMode', 'manual'),
		workingDays: get<number[]>('workingDays', []),
		windows: get<{ windows?: unknown[] }>('workingHours', {}).windows ?? [],
		timeZone: String(get<string>('timeZone', '') || ctx.getTimezone()),
		maxConcurrentCalls: get<number>('maxConcurrentCalls', 10),
		maxRingTime: (options.maxRingTime as number | undefined) ?? 60,
		taskCallbackUrl: String(options.taskCallbackUrl ?? ''),
		agent: agent && {
			agentGroup: agent.agentGroup ?? '',
			dispatchType: agent.dispatchType ?? 'none',
			ratioCallRate: agent.ratioCallRate ?? 1,
			predictCallRate: agent.predictCallRate ?? 1,
		},
		smsRules: (get<{ rules?: IDataObject[] }>('smsRules', {}).rules ?? []).map((r) => ({
			smsId: r.smsId ?? '',
			intentIds: r.intentIds ?? '',
			intentNames: r.intentNames ?? '',
		})),
	};
	const s = parseInput(node, settingsSchema, raw, itemIndex, LABELS);
	const fail = (field: string, problem: string): never => {
		throw inputError(node, itemIndex, field, problem);
	};

	const zoneSecond =
		utcOffsetSeconds(s.timeZone) ??
		fail(
			'Time Zone',
			`is "${s.timeZone}", which is not a time zone: use a name such as Europe/Berlin or an offset such as +08:00`,
		);
	let hours: ReturnType<typeof dialHours>;
	try {
		hours = dialHours(s.windows);
	} catch (error) {
		return fail('Working Hours', (error as Error).message);
	}
	let startupAt = 0;
	if (s.startMode === 'scheduled') {
		const at =
			parseStartTime(get<unknown>('startAt', ''), ctx.getTimezone()) ??
			fail('Start Time', 'is required when Start is "At a Time", e.g. 2026-03-01T09:00:00');
		const ms = at.toMillis();
		startupAt = options.startAtUnit === 'milliseconds' ? ms : Math.floor(ms / 1000);
	}

	const taskCreateSetting: IDataObject = {
		strategyName: String(options.strategyName ?? ''),
		startupType: START_TYPES[s.startMode],
		startupAt,
		zoneSecond,
		dialAtWeekDay: weekDaysText(s.workingDays),
		...hours,
		maxCall: s.maxConcurrentCalls,
		taskName: s.taskName,
		taskCallbackUrl: s.taskCallbackUrl,
		maxRingTime: s.maxRingTime,
		routeID: String(options.routeId ?? ''),
	};
	if (s.agent)
		taskCreateSetting.manualCallSetting = {
			agentGroup: s.agent.agentGroup,
			dispatchType: DISPATCH_TYPES[s.agent.dispatchType],
			ratioCallRate: s.agent.ratioCallRate,
			predictCallRate: s.agent.predictCallRate,
		};
	const funcFlag: IDataObject = {
		taskKeep: options.taskKeep === true,
		roundRedial: options.roundRedial === true,
		wholeTTS: options.wholeTTS === true,
		smsEnable: s.smsRules.length > 0,
		smsFuncFlag: s.smsRules.map((r) => ({
			smsID: r.smsId,
			intentID: commaList(r.intentIds),
			intentName: commaList(r.intentNames),
		})),
		phoneEncrypt: options.phoneEncrypt === true,
	};
	return { sceneID: s.sceneId, taskCreateSetting, funcFlag };
}

/** A Start Time from the editor's date picker or an expression (ISO text, a Date, a luxon DateTime). */
function parseStartTime(value: unknown, zone: string): DateTime | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (DateTime.isDateTime(value)) return value.isValid ? value : undefined;
	if (value instanceof Date) return DateTime.fromJSDate(value);
	const at = DateTime.fromISO(String(value), { zone });
	return at.isValid ? at : undefined;
}
