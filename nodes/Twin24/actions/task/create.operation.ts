import { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { callWindowSeconds } from '../../../shared/clock';
import type { ItemOperation } from '../../../shared/operations';
import { inputError } from '../../../shared/validation';
import { identityOf, twin24Request } from '../../transport';
import { botField, checkId, readId } from '../common';
import { fromCps, intensityFields, toCps } from '../intensity';
import type { IntensityMode } from '../intensity';
import {
	additionalFields,
	callOptionsField,
	REDIAL_RULES,
	redialField,
	TASK_EVENTS,
	webhooksField,
} from './fields';

/**
 * POST /telephony/autoCall (twin24-create-autocall-task.txt): every field of the documentation, with
 * its "required if" rules checked before anything is sent. The answer is `{"id": {"identity"}}`.
 * Creating a task calls nobody (it has no candidates yet), but it is not sent twice either: a lost
 * answer would leave a second task.
 */
export const create: ItemOperation = {
	kind: 'item',
	value: 'create',
	name: 'Create',
	description:
		'Create a call task (auto-call) for a bot script; add people with Candidate > Add to Task',
	action: 'Create a task',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			description: 'The task name shown in Twin24, for example "Spring promo 2026"',
		},
		botField('bot'),
		{
			displayName: 'Start',
			name: 'startType',
			type: 'options',
			default: 'manual',
			options: [
				{
					name: 'Manually',
					value: 'manual',
					description: 'The task waits for Task > Start (or Start the Task After Adding)',
				},
				{ name: 'At a Time', value: 'time', description: 'Twin24 starts it at Start At' },
			],
			description: 'When the task starts calling',
		},
		{
			displayName: 'Start At',
			name: 'startAt',
			type: 'dateTime',
			default: '',
			required: true,
			displayOptions: { show: { startType: ['time'] } },
			description:
				"Date and time to start, for example 2026-06-02 10:00, read in the workflow's time zone (Twin24 uses the cabinet's; keep them the same). Must be in the future.",
		},
		...intensityFields,
		{
			displayName: 'On Transfer Request',
			name: 'transferAction',
			type: 'options',
			default: 'end',
			options: [
				{ name: 'End the Call', value: 'end' },
				{ name: 'Do Nothing', value: 'ignore' },
				{ name: 'Transfer to a Channel', value: 'ch' },
			],
			description: 'What happens when the bot asks to transfer the call to a person',
		},
		{
			displayName: 'Transfer Channel ID',
			name: 'transferChannelId',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { transferAction: ['ch'] } },
			description:
				'The channel to transfer to, from the Twin24 cabinet (Twin24 has no list of them to choose from), for example 48a77bd7-8762-4e0f-a277-4ef77e36c41b',
		},
		{
			displayName: 'Caller ID',
			name: 'callerIdType',
			type: 'options',
			default: 'default',
			options: [
				{ name: 'Trunk Default', value: 'default' },
				{ name: 'One Number', value: 'gornum' },
				{ name: 'Number Pool', value: 'pool' },
			],
			description: 'Which number people see when Twin24 calls',
		},
		{
			displayName: 'Caller ID Number or Pool ID',
			name: 'callerIdEntity',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { callerIdType: ['gornum', 'pool'] } },
			description:
				'The ID of that number or pool, from the Twin24 cabinet (Twin24 has no list of them to choose from), for example 9a67dee5-398e-4570-9426-fbb3f067b270',
		},
		webhooksField,
		additionalFields,
		callOptionsField,
		redialField,
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const body = taskBody(this, itemIndex);
		const answer = await twin24Request.call(this, {
			method: 'POST',
			path: '/telephony/autoCall',
			body,
			action: 'Create Task',
			idempotent: false,
			itemIndex,
		});
		const intensity = fromCps(body.cps as number);
		return {
			taskId: identityOf((answer as IDataObject | null)?.id) ?? null,
			name: body.name as string,
			cps: body.cps as number,
			callIntensity: intensity.ok ? intensity.words : undefined,
			startType: body.startType as string,
			...(body.startMoment ? { startMoment: body.startMoment as string } : {}),
		};
	},
};

/** The request body of item `itemIndex`, checked. Exported for the unit tests of its rules. */
export function taskBody(ctx: IExecuteFunctions, i: number): IDataObject {
	const node = ctx.getNode();
	const name = String(ctx.getNodeParameter('name', i, '')).trim();
	if (!name) throw inputError(node, i, 'Name', 'is required, for example "Spring promo 2026"');
	const body: IDataObject = {
		name,
		defaultExec: 'robot',
		defaultExecData: readId(ctx, i, 'bot', 'Bot Script'),
	};

	// Start.
	const startType = ctx.getNodeParameter('startType', i) as string;
	body.startType = startType;
	body.startMoment =
		startType === 'time'
			? startMoment(node, i, ctx.getNodeParameter('startAt', i, ''), ctx.getTimezone())
			: '';

	// Intensity.
	const mode = ctx.getNodeParameter('intensityMode', i) as IntensityMode;
	const [field, label] =
		mode === 'callsPerSecond'
			? ['callsPerSecond', 'Calls per Second']
			: mode === 'oneCallEvery'
				? ['secondsBetweenCalls', 'Seconds Between Calls']
				: ['cps', 'CPS'];
	const intensity = toCps(mode, Number(ctx.getNodeParameter(field, i)));
	if (!intensity.ok) throw inputError(node, i, label, intensity.problem);
	body.cps = intensity.cps;

	// Transfer and caller ID, each with its "required if".
	const transfer = ctx.getNodeParameter('transferAction', i) as string;
	body.secondExec = transfer;
	body.secondExecData =
		transfer === 'ch'
			? checkId(node, i, 'Transfer Channel ID', ctx.getNodeParameter('transferChannelId', i, ''))
			: '';
	const cidType = ctx.getNodeParameter('callerIdType', i) as string;
	body.cidType = cidType;
	if (cidType !== 'default')
		body.cidData = checkId(
			node,
			i,
			'Caller ID Number or Pool ID',
			ctx.getNodeParameter('callerIdEntity', i, ''),
		);

	Object.assign(
		body,
		additional(node, i, ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
	);
	const webhookUrls = webhooks(node, i, ctx.getNodeParameter('webhooks', i, {}) as IDataObject);
	if (webhookUrls.length) body.webhookUrls = webhookUrls;
	body.additionalOptions = callOptions(
		node,
		i,
		ctx.getNodeParameter('callOptions', i, {}) as IDataObject,
	);
	body.redialStrategyOptions = redialRules(
		node,
		i,
		ctx.getNodeParameter('redial', i, {}) as IDataObject,
	);
	return body;
}

/** "YYYY-MM-DD HH:mm" of a start in the future, read in `zone` when it names none. */
export function startMoment(
	node: INode,
	i: number,
	raw: unknown,
	zone: string,
	now = Date.now(),
): string {
	const text =
		raw instanceof Date
			? raw.toISOString()
			: typeof (raw as { toISO?: unknown })?.toISO === 'function'
				? String((raw as { toISO: () => string }).toISO())
				: String(raw ?? '').trim();
	const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone, setZone: false });
	if (!text || !parsed.isValid)
		throw inputError(
			node,
			i,
			'Start At',
			`must be a date and time such as 2026-06-02 10:00, got "${text}"`,
		);
	const start = parsed.setZone(zone);
	if (start.toMillis() <= now)
		throw inputError(
			node,
			i,
			'Start At',
			`(${start.toFormat('yyyy-MM-dd HH:mm')}) is in the past; give a time in the future or start manually`,
		);
	return start.toFormat('yyyy-MM-dd HH:mm');
}

function additional(node: INode, i: number, fields: IDataObject): IDataObject {
	const out: IDataObject = {};
	if (fields.callStrategy) out.callStrategy = fields.callStrategy;
	if (typeof fields.checkPhone === 'boolean') out.checkPhone = fields.checkPhone;
	if (fields.taskComment) out.taskComment = String(fields.taskComment);
	if (typeof fields.sendReportAfterFinish === 'boolean')
		out.sendReportAfterFinish = fields.sendReportAfterFinish;
	if (fields.lifetime !== undefined) {
		const lifetime = Number(fields.lifetime);
		if (!Number.isInteger(lifetime) || lifetime < 1)
			throw inputError(
				node,
				i,
				'Lifetime (Seconds)',
				`must be a whole number of seconds, at least 1, got ${String(fields.lifetime)}`,
			);
		out.lifetime = lifetime;
	}
	if (fields.scheduleId) out.scheduleId = checkId(node, i, 'Schedule ID', fields.scheduleId);
	const normalization = fields.phoneNormalization ?? 'off';
	if (normalization !== 'off') out.phoneNormalization = normalization;
	if (fields.normalizationErrorAction !== undefined) {
		if (normalization === 'off')
			throw inputError(
				node,
				i,
				'On Normalization Error',
				'needs Phone Normalization to be on (Twin24: "Normalization must be enabled for this parameter")',
			);
		out.normalizationErrorAction = fields.normalizationErrorAction;
	}
	return out;
}

function webhooks(node: INode, i: number, raw: IDataObject): IDataObject[] {
	const list = (raw.webhook ?? []) as IDataObject[];
	return list.map((w, k) => {
		const label = `Webhooks ${k + 1} > URL`;
		const url = String(w.url ?? '').trim();
		let parsed: URL | undefined;
		try {
			parsed = new URL(url);
		} catch {
			parsed = undefined;
		}
		if (!parsed || !/^https?:$/.test(parsed.protocol))
			throw inputError(
				node,
				i,
				label,
				`must be an http(s) address such as the Production URL of a Twin24 Trigger, got "${url}"`,
			);
		const chosen = new Set((w.events as string[] | undefined) ?? TASK_EVENTS.map((e) => e.value));
		if (chosen.size === 0)
			throw inputError(
				node,
				i,
				`Webhooks ${k + 1} > Events`,
				'is empty; choose at least one event',
			);
		const delay = Number(w.delay ?? 0);
		if (!Number.isInteger(delay) || delay < 0)
			throw inputError(
				node,
				i,
				`Webhooks ${k + 1} > Delay (Seconds)`,
				`must be a whole number of seconds, got ${String(w.delay)}`,
			);
		return {
			url,
			partialResults: w.partialResults !== false,
			delay,
			events: Object.fromEntries(
				TASK_EVENTS.map((e) => [e.value, { name: e.value, value: chosen.has(e.value) }]),
			),
		};
	});
}

function wholeSeconds(node: INode, i: number, label: string, raw: unknown, min = 0): number {
	const n = Number(raw);
	if (!Number.isInteger(n) || n < min)
		throw inputError(
			node,
			i,
			label,
			`must be a whole number of seconds, at least ${min}, got ${String(raw)}`,
		);
	return n;
}

function callOptions(node: INode, i: number, o: IDataObject): IDataObject {
	const recordCall = o.recordCall !== false;
	const options: IDataObject = {
		fullListMethod: 'reject',
		fullListTime: wholeSeconds(node, i, 'Successful After (Seconds)', o.fullListTime ?? 0),
		recordCall,
	};
	if (recordCall)
		options.recTrimLeft = wholeSeconds(
			node,
			i,
			'Trim Recording Start (Seconds)',
			o.recTrimLeft ?? 0,
		);

	const useTr = o.useTr === true;
	options.useTr = useTr;
	const from = o.callWindowFrom;
	const to = o.callWindowTo;
	if (useTr && (from === undefined || from === '' || to === undefined || to === ''))
		throw inputError(
			node,
			i,
			from === undefined || from === '' ? 'Call Window From' : 'Call Window To',
			"is required when Respect Callee's Local Time is on, for example 09:00 to 21:00",
		);
	if (from !== undefined || to !== undefined) {
		const window = callWindowSeconds(String(from ?? '00:00'), String(to ?? '24:00'));
		if (!window.ok)
			throw inputError(
				node,
				i,
				window.field === 'from' ? 'Call Window From' : 'Call Window To',
				window.problem,
			);
		options.allowCallTimeFrom = window.from;
		options.allowCallTimeTo = window.to;
	}

	const detectRobot = o.detectRobot === true;
	if (detectRobot) {
		options.detectRobot = true;
		const mode = o.detectRobotMode;
		if (mode === undefined)
			throw inputError(
				node,
				i,
				'Detection Mode',
				'is required when Detect Answering Machine is on (Background or Blocking)',
			);
		options.detectRobotMode = mode;
		if (mode === 'block')
			options.detectRobotGreeting = checkId(
				node,
				i,
				'Detection Greeting Audio ID',
				o.detectRobotGreeting,
			);
	} else if (o.detectRobotMode !== undefined || o.detectRobotGreeting) {
		throw inputError(
			node,
			i,
			'Detection Mode',
			'is only used with Detect Answering Machine on; turn it on or remove the field',
		);
	}
	if (o.providerId) options.providerId = checkId(node, i, 'Trunk ID', o.providerId);
	return options;
}

function redialRules(node: INode, i: number, r: IDataObject): IDataObject {
	const limit = (key: 'candidateLimit' | 'numberLimit', label: string) =>
		r[key] === undefined
			? { redial: false, count: 0 }
			: { redial: true, count: wholeCount(node, i, label, r[key]) };
	const rules: IDataObject = {
		candidateLimit: limit('candidateLimit', 'Max Calls Per Candidate'),
		numberLimit: limit('numberLimit', 'Max Calls Per Number'),
	};
	let any = false;
	for (const { key, label } of REDIAL_RULES) {
		const count = r[`${key}Count`];
		const time = r[`${key}Time`];
		if (count === undefined) {
			if (time !== undefined)
				throw inputError(
					node,
					i,
					`${label}: Redials`,
					`is required when ${label}: Delay (Seconds) is set`,
				);
			rules[key] = { redial: false };
			continue;
		}
		if (time === undefined)
			throw inputError(
				node,
				i,
				`${label}: Delay (Seconds)`,
				`is required when ${label}: Redials is set, for example 3600`,
			);
		rules[key] = {
			redial: true,
			time: wholeSeconds(node, i, `${label}: Delay (Seconds)`, time, 1),
			count: wholeCount(node, i, `${label}: Redials`, count),
		};
		any = true;
	}
	const limits =
		(rules.candidateLimit as IDataObject).redial === true ||
		(rules.numberLimit as IDataObject).redial === true;
	return { redialStrategyEn: any || limits, ...rules };
}

function wholeCount(node: INode, i: number, label: string, raw: unknown): number {
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 1)
		throw inputError(node, i, label, `must be a whole number, at least 1, got ${String(raw)}`);
	return n;
}
