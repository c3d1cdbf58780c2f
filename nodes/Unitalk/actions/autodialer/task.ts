import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError, parseInput } from '../../../shared/validation';
import { checkPhone } from '../../../shared/phone';
import { autodialAction } from '../../transport';
import {
	DEPRECATED_REPEAT_FIELDS,
	FIELD_SCOPE,
	LABELS,
	WEEKDAYS,
	applies,
	taskFieldsFor,
	taskInputSchema,
	taskProblem,
	triggerActionsProblem,
} from './schema';
import type { CheckedInput, TaskInput } from './schema';

/**
 * From the editor's values to the `task` of ADD / UPDATE: read (what the editor gives, made plain),
 * check (schema.ts), turn into Unitalk's fields, and for Update merge into the current configuration.
 */

const ID_FIELDS = [
	'scenarioId',
	'ttsSettingsId',
	'moh',
	'groupId',
	'voiceSecretaryId',
	'outScenarioId',
];
const NUMBER_FIELDS = [
	'delay',
	'threadCount',
	'callDelay',
	'coldBaseStartCallsMultiplier',
	'pauseOperatorNoAnswerLimit',
	'markAsBusySeconds',
	'markAsBusyMinSecondsTalk',
	'smartSpeed',
];
const BOOLEAN_FIELDS = [
	'useTaskAudioIfAudioError',
	'callDelayOnlyAnswered',
	'reservedSipsBusyOnlyForAutodials',
	'displayName',
	'displayNote',
	'removeAfterFinish',
	'repeatEarlyStart',
	'repeatHighPriority',
	'highPriority',
];
const TEXT_FIELDS = ['name', 'callerIdPrefix', 'autodialerType', 'autodialerMode'];
const PLAIN_FIELDS = ['startDate', 'endDate', 'crmMode', 'clientCalledMode'];

function blank(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

/** An ID from a dropdown or an expression: a number when it is one, as given otherwise. */
function toId(value: unknown): unknown {
	if (blank(value)) return undefined;
	if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
	return value;
}

function toNumber(value: unknown): unknown {
	if (blank(value)) return undefined;
	if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
		return Number(value);
	return value;
}

/** A list from a list, a JSON list, or text separated by commas / new lines. */
function toList(value: unknown): unknown[] | undefined {
	if (blank(value)) return undefined;
	if (Array.isArray(value)) return value.length ? value : undefined;
	if (typeof value === 'string') {
		const text = value.trim();
		if (text.startsWith('[')) {
			try {
				const parsed: unknown = JSON.parse(text);
				if (Array.isArray(parsed)) return parsed;
			} catch {
				// Not JSON: read as separated text.
			}
		}
		const parts = text
			.split(/[,;\n]/)
			.map((p) => p.trim())
			.filter(Boolean);
		return parts.length ? parts : undefined;
	}
	return [value];
}

/** A JSON list given as text or as a list; anything else is passed on for the schema to refuse. */
function toJsonList(value: unknown): unknown {
	if (blank(value)) return undefined;
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return value;
	}
}

function entries(collection: unknown, key: string): IDataObject[] {
	const list = (collection as IDataObject | undefined)?.[key];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** The editor's values of one set of fields (a collection or the top-level parameters), made plain. */
export function readFields(raw: Record<string, unknown>): TaskInput {
	const input: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (ID_FIELDS.includes(key)) input[key] = toId(value);
		else if (NUMBER_FIELDS.includes(key)) input[key] = toNumber(value);
		else if (BOOLEAN_FIELDS.includes(key)) input[key] = blank(value) ? undefined : value;
		else if (TEXT_FIELDS.includes(key) || PLAIN_FIELDS.includes(key))
			input[key] = blank(value) ? undefined : value;
		else if (key === 'pseudoGroupOperators')
			input[key] = toList(value)?.map((v) => (typeof v === 'number' ? String(v) : v));
		else if (key === 'numbers') input[key] = toList(value);
		else if (key === 'clearFields') input[key] = toList(value);
		else if (key === 'timeFrom' || key === 'timeTo') input[key] = toJsonList(value);
		else if (key === 'callHours') {
			if (value && typeof value === 'object' && Object.keys(value).length)
				input.callHours = Object.fromEntries(
					Object.entries(value as IDataObject).filter(([day]) =>
						(WEEKDAYS as readonly string[]).includes(day),
					),
				);
			else if (value && typeof value === 'object') input.callHours = {};
		} else if (key === 'compositeAudio') {
			const parts = entries(value, 'part').map((p) => {
				const kind = p.kind ?? 'audio';
				if (kind === 'audio') return { kind, audioId: toId(p.audioId) };
				if (kind === 'silence') return { kind, silenceMillis: toNumber(p.silenceMillis) };
				return { kind, dynamicValue: p.dynamicValue, settingsId: toId(p.settingsId) };
			});
			input.compositeAudio = parts.length ? parts : undefined;
		} else if (key === 'triggerActions') {
			const list = entries(value, 'entry').map((e) => ({
				event: e.event,
				handlers: (toList(e.handlers) ?? []).map(toId),
			}));
			input.triggerActions = list.length ? list : undefined;
		} else if (key === 'repeatStates') {
			const list = entries(value, 'state').map((s) => ({
				state: s.state,
				attempts: toNumber(s.attempts),
				intervalMinutes: toNumber(s.intervalMinutes),
				secondsThreshold: toNumber(s.secondsThreshold) || undefined,
			}));
			input.repeatStates = list.length ? list : undefined;
		}
	}
	for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
	return input as TaskInput;
}

/** Checks the fields of item `itemIndex` (nothing is sent when they are wrong). */
export function checkInput(
	ctx: IExecuteFunctions,
	input: TaskInput,
	itemIndex: number,
): CheckedInput {
	return parseInput(ctx.getNode(), taskInputSchema, input, itemIndex, LABELS);
}

/** Drops fields of another type or mode than the autodialer's (hidden in the editor, so not meant). */
export function onlyApplicable<T extends TaskInput>(input: T, keep: (field: string) => boolean): T {
	const kept = { ...input } as Record<string, unknown>;
	for (const field of Object.keys(FIELD_SCOPE)) if (!keep(field)) delete kept[field];
	return kept as T;
}

/** Whether a field belongs to an autodialer of this type and mode. */
export const belongsTo =
	(type: string, mode: string) =>
	(field: string): boolean =>
		applies(field, type, mode);

/** The repeat-call part the fields give, or undefined when none of them is set. */
function repeatSettings(input: CheckedInput): IDataObject | undefined {
	if (
		input.repeatStates === undefined &&
		input.repeatEarlyStart === undefined &&
		input.repeatHighPriority === undefined
	)
		return undefined;
	const settings: IDataObject = {};
	if (input.repeatEarlyStart !== undefined) settings.earlyStart = input.repeatEarlyStart;
	if (input.repeatHighPriority !== undefined) settings.highPriority = input.repeatHighPriority;
	if (input.repeatStates !== undefined)
		settings.statesSettings = Object.fromEntries(
			input.repeatStates.map((s) => [
				s.state,
				{
					attempts: s.attempts,
					intervalMinutes: s.intervalMinutes,
					...(s.secondsThreshold !== undefined ? { secondsThreshold: s.secondsThreshold } : {}),
				},
			]),
		);
	return settings;
}

/** Unitalk's task fields for the checked editor fields (only those given). */
export function toTaskFields(input: CheckedInput): IDataObject {
	const task: IDataObject = {};
	const copy = [
		'name',
		'autodialerMode',
		'startDate',
		'endDate',
		'scenarioId',
		'ttsSettingsId',
		'useTaskAudioIfAudioError',
		'delay',
		'moh',
		'groupId',
		'pseudoGroupOperators',
		'voiceSecretaryId',
		'threadCount',
		'callDelay',
		'callDelayOnlyAnswered',
		'coldBaseStartCallsMultiplier',
		'pauseOperatorNoAnswerLimit',
		'markAsBusySeconds',
		'markAsBusyMinSecondsTalk',
		'reservedSipsBusyOnlyForAutodials',
		'smartSpeed',
		'outScenarioId',
		'callerIdPrefix',
		'crmMode',
		'clientCalledMode',
		'displayName',
		'displayNote',
		'removeAfterFinish',
	];
	for (const key of copy) {
		const value = (input as IDataObject)[key];
		if (value !== undefined) task[key] = value;
	}
	if (input.callHours) {
		const hours = input.callHours as Record<string, { from: string; to: string } | undefined>;
		task.timeFrom = WEEKDAYS.map((d) => hours[d]?.from ?? null);
		task.timeTo = WEEKDAYS.map((d) => hours[d]?.to ?? null);
	} else if (input.timeFrom !== undefined || input.timeTo !== undefined) {
		task.timeFrom = input.timeFrom;
		task.timeTo = input.timeTo;
	}
	if (input.compositeAudio)
		task.compositeAudio = {
			multiAudios: input.compositeAudio.map((p) =>
				p.kind === 'audio'
					? { id: p.audioId }
					: p.kind === 'silence'
						? { silenceMillis: p.silenceMillis }
						: {
								synthesisFromDynamicValue: {
									dynamicValue: p.dynamicValue,
									settingsId: p.settingsId ?? null,
								},
							},
			),
		};
	if (input.triggerActions)
		task.triggerActions = Object.fromEntries(
			input.triggerActions.map((e) => [e.event, e.handlers]),
		);
	const repeat = repeatSettings(input);
	if (repeat) task.repeatCallsSettings = repeat;
	if (input.numbers)
		task.numbers = input.numbers.map((n) => (checkPhone(n) as { digits: string }).digits);
	if (input.highPriority !== undefined) task.highPriority = input.highPriority;
	return task;
}

/** Create: the whole task, with the repeat-call defaults filled in. */
export function newTask(input: CheckedInput): IDataObject {
	const task = toTaskFields(input);
	task.autodialerType = input.autodialerType;
	if (task.repeatCallsSettings)
		task.repeatCallsSettings = {
			earlyStart: false,
			highPriority: false,
			statesSettings: {},
			...(task.repeatCallsSettings as IDataObject),
		};
	return task;
}

/**
 * Update: the current configuration (a task of GET_WITH_DATA) with the changes applied. Only the
 * fields of the autodialer's type and (new) mode are kept; event handlers are replaced per event;
 * repeat-call settings merge field by field (a new list of call states replaces the old one); giving
 * a group drops the SIP lines and the other way round; cleared fields become null.
 */
export function mergeTask(
	current: IDataObject,
	changes: IDataObject,
	mode: string | undefined,
	clear: string[],
): IDataObject {
	const type = String(current.autodialerType);
	const newMode = mode ?? String(current.autodialerMode);
	const task: IDataObject = {
		id: current.id,
		name: current.name,
		autodialerType: type,
		autodialerMode: newMode,
	};
	for (const field of taskFieldsFor(type, newMode))
		if (current[field] !== undefined) task[field] = current[field];
	if (!current.repeatCallsSettings && !changes.repeatCallsSettings)
		for (const field of DEPRECATED_REPEAT_FIELDS)
			if (current[field] !== undefined) task[field] = current[field];

	for (const [field, value] of Object.entries(changes)) {
		if (field === 'triggerActions')
			task.triggerActions = {
				...((current.triggerActions as IDataObject | null) ?? {}),
				...(value as IDataObject),
			};
		else if (field === 'repeatCallsSettings')
			task.repeatCallsSettings = {
				earlyStart: false,
				highPriority: false,
				statesSettings: {},
				...((current.repeatCallsSettings as IDataObject | null) ?? {}),
				...(value as IDataObject),
			};
		else if (field !== 'numbers' && field !== 'highPriority') task[field] = value;
	}
	if (changes.groupId !== undefined) task.pseudoGroupOperators = null;
	if (changes.pseudoGroupOperators !== undefined) task.groupId = null;
	for (const field of clear) task[field] = field === 'triggerActions' ? {} : null;
	return task;
}

/**
 * The project's autodialer configuration (GET_WITH_DATA), read once per execution and shared by the
 * items; Update keeps it current with what it sent.
 */
const configurations = new WeakMap<object, Promise<IDataObject>>();

export async function configuration(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject> {
	let pending = configurations.get(ctx);
	if (!pending) {
		pending = autodialAction
			.call(ctx, 'GET_WITH_DATA', {}, { action: 'Get Configuration', idempotent: true, itemIndex })
			.then((answer) => answer as IDataObject);
		configurations.set(ctx, pending);
		pending.catch(() => configurations.delete(ctx));
	}
	return await pending;
}

/** The current task of autodialer `id`, or an error that says it does not exist. */
export function currentTask(
	ctx: IExecuteFunctions,
	config: IDataObject,
	id: number,
	itemIndex: number,
): IDataObject {
	const tasks = (Array.isArray(config.tasks) ? config.tasks : []) as IDataObject[];
	const task = tasks.find((t) => Number(t.id) === id);
	if (!task)
		throw new NodeOperationError(
			ctx.getNode(),
			`Item ${itemIndex + 1}: autodialer ${id} does not exist in the Unitalk project`,
			{ itemIndex, description: 'Nothing was changed. Check the autodialer ID.' },
		);
	return task;
}

/** Stops with an error naming the field when the task misses a documented requirement. */
export function requireComplete(
	ctx: IExecuteFunctions,
	task: IDataObject,
	itemIndex: number,
): void {
	const problem = taskProblem(task);
	if (problem) throw inputError(ctx.getNode(), itemIndex, problem.field, problem.problem);
}

/** Stops when event handlers do not fit the project's lists. */
export function requireUsableHandlers(
	ctx: IExecuteFunctions,
	task: IDataObject,
	config: IDataObject,
	itemIndex: number,
): void {
	const handlers = task.triggerActions as Record<string, number[]> | undefined;
	if (!handlers) return;
	const problem = triggerActionsProblem(handlers, config);
	if (problem) throw inputError(ctx.getNode(), itemIndex, problem.field, problem.problem);
}
