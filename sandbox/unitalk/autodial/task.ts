/**
 * The `task` object of ADD and UPDATE ("Creating and updating autodialers"): checked against the doc's
 * rules, in a fixed order, each failure with the doc's error string; what passes becomes the stored
 * autodialer (name, type, mode and the type- and mode-specific `settings` GET_WITH_DATA shows).
 *
 * Order of the checks (first failure wins): task is null · Please confirm phone number (ADD) ·
 * Billing not allow · [UPDATE: Task not found] · [ADD: Tasks limit exceeded] · Wrong name ·
 * Name already present · type / mode · Wrong dates · Wrong time ranges · Prefix is too long ·
 * crmMode is null · clientCalledMode is null · Not found out scenario · type part (AUTODIAL: In scenario
 * not found, compositeAudio…, Not found in scenario and audio; GUARANTEED_DIAL: Moh not found, Wrong
 * audio type: moh; VOICE_ROBOT: voiceSecretaryId is null, Voice secretary not found; AUTODIAL and
 * GUARANTEED_DIAL: Not found text to speech settings) · lines (GUARANTEED_DIAL or FREE / SMART:
 * groupId and pseudoGroupOperators is null, Group not found, Wrong group type, Operator not found: <sip>)
 * · mode part · repeat calls (Repeat call states is empty, Repeat call state is not allowed) · trigger
 * actions (Wrong trigger action event, triggerActionIds is null, Too many trigger actions, Trigger
 * action not found, Not compatible trigger action, Few trigger actions with same type) · [ADD with
 * numbers: Too many numbers, Wrong numbers, Handler is busy, try again later].
 *
 * Choices where the doc is silent (marked "sandbox"):
 * - A missing or unknown autodialerType / autodialerMode: "autodialerType is null" / "Wrong autodialer
 *   type" (and the same for the mode). A missing threadCount in FIXED mode: "threadCount is null".
 * - Values outside the documented ranges that have no error string of their own (threadCount < 1,
 *   delay / callDelay < 0, coldBaseStartCallsMultiplier outside 0.1-1.5, markAsBusy* outside 0-3600,
 *   smartSpeed outside -10..10, repeat attempts outside 0-10, intervals outside 5-1500, a wrong crmMode
 *   value...): "Wrong <field>".
 * - compositeAudio errors are "compositeAudio: <reason>" with the doc's reasons ("too many audio parts",
 *   "audio not found", "audio type is not AUTODIAL", "synthesis dynamicValue is null", "speech synthesis
 *   settings not found", "invalid silenceMillis"); an unknown dynamicValue is "synthesis dynamicValue is
 *   null" too, a part with none of id / silenceMillis / synthesisFromDynamicValue "empty audio part".
 * - Time ranges: a day is off when both times are null; one null time, a time that is not "HH:mm", a
 *   start later than the end (the doc's words; an equal start and end passes), all days off or arrays
 *   of other than 7 entries: "Wrong time ranges".
 * - Names are unique as given (trimmed, case-sensitive).
 * - When groupId is given, pseudoGroupOperators is skipped (doc) and stored as null.
 * - ADD with a number on BLOCKED_FOR_AUTODIAL_PHONES ("numbers that cannot be added to autodialers"):
 *   "Wrong numbers", nothing created, `data` = `[{"phone", "error"}]`, as ADD_NUMBERS answers
 *   (numberStore.ts, blockedForAutodial).
 */
import { z } from 'zod';

import { failure, type UnitalkContext, type UnitalkResult } from '../handler';
import type { Autodialer } from '../state';
import {
	AUDIO_SYNTHESIS_DYNAMIC_VALUES,
	AUTODIAL_LIMITS,
	CLIENT_CALLED_MODES,
	CRM_MODES,
	REPEAT_SETTINGS_STATES,
	REPEATABLE_STATES,
	TRIGGER_ACTION_EVENTS,
	type AutodialerMode,
	type AutodialerType,
} from './dictionaries';
import {
	blockedForAutodial,
	cleanPhone,
	numbersHandlerBusy,
	occupyNumbersHandler,
} from './numberStore';

export const TASK_ERRORS = {
	taskNull: 'task is null',
	confirmPhone: 'Please confirm phone number',
	billing: 'Billing not allow',
	notFound: 'Task not found',
	tasksLimit: 'Tasks limit exceeded',
	wrongName: 'Wrong name',
	namePresent: 'Name already present',
	typeNull: 'autodialerType is null',
	wrongType: 'Wrong autodialer type',
	modeNull: 'autodialerMode is null',
	wrongMode: 'Wrong autodialer mode',
	wrongDates: 'Wrong dates',
	wrongTimeRanges: 'Wrong time ranges',
	prefixTooLong: 'Prefix is too long',
	crmModeNull: 'crmMode is null',
	clientCalledModeNull: 'clientCalledMode is null',
	outScenario: 'Not found out scenario',
	inScenario: 'In scenario not found',
	noScenarioAndAudio: 'Not found in scenario and audio',
	tts: 'Not found text to speech settings',
	moh: 'Moh not found',
	mohType: 'Wrong audio type: moh',
	voiceSecretaryNull: 'voiceSecretaryId is null',
	voiceSecretary: 'Voice secretary not found',
	linesNull: 'groupId and pseudoGroupOperators is null',
	group: 'Group not found',
	groupType: 'Wrong group type',
	threadCountNull: 'threadCount is null',
	repeatStatesEmpty: 'Repeat call states is empty',
	repeatStateNotAllowed: 'Repeat call state is not allowed',
	triggerEvent: 'Wrong trigger action event',
	triggerIdsNull: 'triggerActionIds is null',
	tooManyTriggers: 'Too many trigger actions',
	triggerNotFound: 'Trigger action not found',
	triggerSameType: 'Few trigger actions with same type',
	triggerNotCompatible: 'Not compatible trigger action',
	tooManyNumbers: 'Too many numbers',
	wrongNumbers: 'Wrong numbers',
	busy: 'Handler is busy, try again later',
	operatorNotFound: (sip: string) => `Operator not found: ${sip}`,
	compositeAudio: (reason: string) => `compositeAudio: ${reason}`,
	wrong: (field: string) => `Wrong ${field}`,
} as const;

export const COMPOSITE_AUDIO_REASONS = {
	tooMany: 'too many audio parts',
	notFound: 'audio not found',
	wrongType: 'audio type is not AUTODIAL',
	dynamicValueNull: 'synthesis dynamicValue is null',
	settingsNotFound: 'speech synthesis settings not found',
	silence: 'invalid silenceMillis',
	empty: 'empty audio part',
} as const;

/** The body of ADD / UPDATE: an action and a `task` object (the fields are checked one by one below). */
export const taskBodySchema = z
	.object({
		action: z.enum(['ADD', 'UPDATE']),
		task: z.record(z.unknown()).nullish(),
	})
	.passthrough();

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface CheckedTask {
	name: string;
	autodialerType: AutodialerType;
	autodialerMode: AutodialerMode;
	settings: Record<string, unknown>;
	/** ADD only: the numbers given, cleaned and without repeats. */
	numbers: string[];
	highPriority: boolean;
}

class TaskError extends Error {
	constructor(readonly result: UnitalkResult) {
		super(String((result.payload as { message?: unknown }).message));
	}
}

function fail(message: string, data?: unknown): never {
	throw new TaskError(failure(message, data));
}

const given = (v: unknown) => v !== undefined && v !== null;

/** A whole number (JSON number or digits in a string, as a lenient JSON reader takes them). */
function toInt(v: unknown): number | undefined {
	if (typeof v === 'number' && Number.isInteger(v)) return v;
	if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
	return undefined;
}

function toNumber(v: unknown): number | undefined {
	if (typeof v === 'number' && Number.isFinite(v)) return v;
	if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
	return undefined;
}

/** An optional whole number within [min, max]; null when not given; "Wrong <field>" otherwise. */
function optionalInt(
	task: Record<string, unknown>,
	field: string,
	min: number,
	max = Number.MAX_SAFE_INTEGER,
): number | null {
	const v = task[field];
	if (!given(v)) return null;
	const n = toInt(v);
	if (n === undefined || n < min || n > max) fail(TASK_ERRORS.wrong(field));
	return n;
}

function optionalBool(task: Record<string, unknown>, field: string, fallback: boolean): boolean {
	const v = task[field];
	if (!given(v)) return fallback;
	if (typeof v !== 'boolean') fail(TASK_ERRORS.wrong(field));
	return v;
}

function optionalId(task: Record<string, unknown>, field: string, notFound: string): number | null {
	const v = task[field];
	if (!given(v)) return null;
	const n = toInt(v);
	if (n === undefined) fail(notFound);
	return n;
}

function checkDates(task: Record<string, unknown>): { startDate: string; endDate: string } {
	const { startDate, endDate } = task;
	const valid = (d: unknown): d is string =>
		typeof d === 'string' &&
		DATE.test(d) &&
		new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
	if (!valid(startDate) || !valid(endDate) || startDate > endDate) fail(TASK_ERRORS.wrongDates);
	return { startDate, endDate };
}

function checkTimeRanges(task: Record<string, unknown>): {
	timeFrom: Array<string | null>;
	timeTo: Array<string | null>;
} {
	const { timeFrom, timeTo } = task;
	if (!Array.isArray(timeFrom) || !Array.isArray(timeTo)) fail(TASK_ERRORS.wrongTimeRanges);
	if (timeFrom.length !== 7 || timeTo.length !== 7) fail(TASK_ERRORS.wrongTimeRanges);
	let daysOn = 0;
	for (let i = 0; i < 7; i++) {
		const from = timeFrom[i] as unknown;
		const to = timeTo[i] as unknown;
		if (!given(from) && !given(to)) continue;
		if (typeof from !== 'string' || typeof to !== 'string') fail(TASK_ERRORS.wrongTimeRanges);
		if (!TIME.test(from) || !TIME.test(to) || from > to) fail(TASK_ERRORS.wrongTimeRanges);
		daysOn++;
	}
	if (daysOn === 0) fail(TASK_ERRORS.wrongTimeRanges);
	return {
		timeFrom: timeFrom.map((t: unknown) => (given(t) ? (t as string) : null)),
		timeTo: timeTo.map((t: unknown) => (given(t) ? (t as string) : null)),
	};
}

function checkCompositeAudio(ctx: UnitalkContext, raw: unknown): { multiAudios: unknown[] } | null {
	if (!given(raw)) return null;
	if (typeof raw !== 'object' || Array.isArray(raw)) fail(TASK_ERRORS.wrong('compositeAudio'));
	const parts = (raw as { multiAudios?: unknown }).multiAudios;
	if (!given(parts)) return null;
	if (!Array.isArray(parts)) fail(TASK_ERRORS.wrong('compositeAudio'));
	const reason: (r: string) => never = (r) => fail(TASK_ERRORS.compositeAudio(r));
	if (parts.length > AUTODIAL_LIMITS.multiAudiosLimit) reason(COMPOSITE_AUDIO_REASONS.tooMany);
	const calls = ctx.state.calls;
	return {
		multiAudios: parts.map((part: unknown) => {
			const p = (part && typeof part === 'object' ? part : {}) as Record<string, unknown>;
			if (given(p.id)) {
				const id = toInt(p.id);
				const audio = id === undefined ? undefined : calls.audios.get(id);
				if (!audio) reason(COMPOSITE_AUDIO_REASONS.notFound);
				if (audio.type !== 'AUTODIAL') reason(COMPOSITE_AUDIO_REASONS.wrongType);
				return { id };
			}
			if (given(p.silenceMillis)) {
				const ms = toInt(p.silenceMillis);
				if (
					ms === undefined ||
					ms < AUTODIAL_LIMITS.minMultiAudioSilenceMillis ||
					ms > AUTODIAL_LIMITS.maxMultiAudioSilenceMillis
				)
					reason(COMPOSITE_AUDIO_REASONS.silence);
				return { silenceMillis: ms };
			}
			if (given(p.synthesisFromDynamicValue)) {
				const s = p.synthesisFromDynamicValue as Record<string, unknown>;
				const value = typeof s === 'object' ? s.dynamicValue : undefined;
				if (typeof value !== 'string' || !(value in AUDIO_SYNTHESIS_DYNAMIC_VALUES))
					reason(COMPOSITE_AUDIO_REASONS.dynamicValueNull);
				let settingsId: number | null = null;
				if (given(s.settingsId)) {
					const id = toInt(s.settingsId);
					if (id === undefined || !calls.ttsProfiles.has(id))
						reason(COMPOSITE_AUDIO_REASONS.settingsNotFound);
					settingsId = id;
				}
				return { synthesisFromDynamicValue: { dynamicValue: value, settingsId } };
			}
			return reason(COMPOSITE_AUDIO_REASONS.empty);
		}),
	};
}

function checkTts(ctx: UnitalkContext, task: Record<string, unknown>): number | null {
	const id = optionalId(task, 'ttsSettingsId', TASK_ERRORS.tts);
	if (id !== null && !ctx.state.calls.ttsProfiles.has(id)) fail(TASK_ERRORS.tts);
	return id;
}

function checkLines(
	ctx: UnitalkContext,
	task: Record<string, unknown>,
): { groupId: number | null; pseudoGroupOperators: string[] | null } {
	const groupId = optionalId(task, 'groupId', TASK_ERRORS.group);
	const sips = task.pseudoGroupOperators;
	if (groupId !== null) {
		const group = ctx.state.project.groups[String(groupId)];
		if (!group) fail(TASK_ERRORS.group);
		if (group.kind !== 'INTERNAL') fail(TASK_ERRORS.groupType);
		return { groupId, pseudoGroupOperators: null };
	}
	if (!Array.isArray(sips) || sips.length === 0) fail(TASK_ERRORS.linesNull);
	const lines = sips.map((s: unknown) => String(s ?? ''));
	for (const sip of lines)
		if (!ctx.state.calls.innerPhones.has(sip)) fail(TASK_ERRORS.operatorNotFound(sip));
	return { groupId: null, pseudoGroupOperators: lines };
}

function checkRepeat(task: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const settings = task.repeatCallsSettings;
	if (given(settings)) {
		if (typeof settings !== 'object' || Array.isArray(settings))
			fail(TASK_ERRORS.wrong('repeatCallsSettings'));
		const s = settings as Record<string, unknown>;
		const states = s.statesSettings;
		const checked: Record<string, unknown> = {};
		if (given(states)) {
			if (typeof states !== 'object' || Array.isArray(states))
				fail(TASK_ERRORS.wrong('repeatCallsSettings'));
			for (const [state, raw] of Object.entries(states as Record<string, unknown>)) {
				if (!REPEAT_SETTINGS_STATES.includes(state)) fail(TASK_ERRORS.repeatStateNotAllowed);
				const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
				const attempts = optionalInt(
					r,
					'attempts',
					AUTODIAL_LIMITS.repeatAttempts.min,
					AUTODIAL_LIMITS.repeatAttempts.max,
				);
				const intervalMinutes = optionalInt(
					r,
					'intervalMinutes',
					AUTODIAL_LIMITS.repeatIntervalMinutes.min,
					AUTODIAL_LIMITS.repeatIntervalMinutes.max,
				);
				const secondsThreshold = optionalInt(r, 'secondsThreshold', 0);
				checked[state] = {
					attempts,
					intervalMinutes,
					...(secondsThreshold !== null ? { secondsThreshold } : {}),
				};
			}
		}
		out.repeatCallsSettings = {
			earlyStart: optionalBool(s, 'earlyStart', false),
			highPriority: optionalBool(s, 'highPriority', false),
			statesSettings: checked,
		};
	} else out.repeatCallsSettings = null;

	// The deprecated fields, still read when given.
	const attempts = toInt(task.repeatCallAttempts);
	if (given(task.repeatCallAttempts)) {
		if (attempts === undefined || attempts < 0) fail(TASK_ERRORS.wrong('repeatCallAttempts'));
		const states = task.repeatCallStates;
		if (attempts > 0 && (!Array.isArray(states) || states.length === 0))
			fail(TASK_ERRORS.repeatStatesEmpty);
		if (Array.isArray(states) && states.some((s) => !REPEATABLE_STATES.includes(String(s))))
			fail(TASK_ERRORS.repeatStateNotAllowed);
		out.repeatCallAttempts = attempts;
		out.repeatCallStates = Array.isArray(states) ? states.map(String) : null;
		out.repeatCallIntervalMinutes = optionalInt(task, 'repeatCallIntervalMinutes', 0);
		out.repeatCallHighPriority = optionalBool(task, 'repeatCallHighPriority', false);
		out.repeatCallEarly = optionalBool(task, 'repeatCallEarly', false);
	}
	return out;
}

function checkTriggerActions(ctx: UnitalkContext, raw: unknown): Record<string, number[]> {
	if (!given(raw)) return {};
	if (typeof raw !== 'object' || Array.isArray(raw)) fail(TASK_ERRORS.triggerEvent);
	const handlers = new Map(ctx.state.project.triggerActions.map((h) => [h.id, h]));
	const out: Record<string, number[]> = {};
	for (const [event, ids] of Object.entries(raw as Record<string, unknown>)) {
		if (!(event in TRIGGER_ACTION_EVENTS)) fail(TASK_ERRORS.triggerEvent);
		if (!Array.isArray(ids)) fail(TASK_ERRORS.triggerIdsNull);
		if (ids.length > AUTODIAL_LIMITS.triggerActionsPerEvent) fail(TASK_ERRORS.tooManyTriggers);
		const types = new Set<string>();
		out[event] = ids.map((rawId: unknown) => {
			const id = toInt(rawId);
			const handler = id === undefined ? undefined : handlers.get(id);
			if (!handler) fail(TASK_ERRORS.triggerNotFound);
			if (!handler.events.includes(event)) fail(TASK_ERRORS.triggerNotCompatible);
			if (types.has(handler.type)) fail(TASK_ERRORS.triggerSameType);
			types.add(handler.type);
			return handler.id;
		});
	}
	return out;
}

function checkNumbers(ctx: UnitalkContext, raw: unknown): string[] {
	if (!given(raw)) return [];
	if (!Array.isArray(raw)) fail(TASK_ERRORS.wrongNumbers, []);
	if (raw.length > AUTODIAL_LIMITS.maxAddNumbersCount) fail(TASK_ERRORS.tooManyNumbers);
	const wrong: unknown[] = [];
	const phones: string[] = [];
	const seen = new Set<string>();
	for (const entry of raw) {
		const phone = cleanPhone(ctx.state, entry);
		if (phone === undefined) wrong.push(entry);
		else if (!seen.has(phone)) {
			seen.add(phone);
			phones.push(phone);
		}
	}
	if (wrong.length) fail(TASK_ERRORS.wrongNumbers, wrong);
	// Numbers that "cannot be added to autodialers" (sandbox choice: blockedForAutodial, numberStore.ts).
	const blocked = blockedForAutodial(ctx.state, phones);
	if (blocked.length) fail(TASK_ERRORS.wrongNumbers, blocked);
	return phones;
}

/**
 * Checks an ADD (existing undefined) or UPDATE (existing = the autodialer being changed) task.
 * Returns the checked autodialer data, or the doc's error answer.
 */
export function checkTask(
	ctx: UnitalkContext,
	params: Record<string, unknown>,
	existing?: Autodialer | null,
): { ok: true; task: CheckedTask } | { ok: false; result: UnitalkResult } {
	try {
		return { ok: true, task: readTask(ctx, params, existing) };
	} catch (error) {
		if (error instanceof TaskError) return { ok: false, result: error.result };
		throw error;
	}
}

function readTask(
	ctx: UnitalkContext,
	params: Record<string, unknown>,
	existing: Autodialer | null | undefined,
): CheckedTask {
	const isUpdate = existing !== undefined;
	const body = taskBodySchema.safeParse(params);
	if (!body.success || !given(body.data.task)) fail(TASK_ERRORS.taskNull);
	const task = body.data.task as Record<string, unknown>;
	const project = ctx.state.project;
	if (!isUpdate && !project.phoneConfirmed) fail(TASK_ERRORS.confirmPhone);
	if (!project.billingAllowed) fail(TASK_ERRORS.billing);
	if (isUpdate && !existing) fail(TASK_ERRORS.notFound);
	if (!isUpdate && ctx.state.autodialers.size >= project.tasksLimit) fail(TASK_ERRORS.tasksLimit);

	// Common part.
	if (typeof task.name !== 'string') fail(TASK_ERRORS.wrongName);
	const name = task.name.trim();
	if (name === '' || name.length > AUTODIAL_LIMITS.nameMaxLength) fail(TASK_ERRORS.wrongName);
	for (const other of ctx.state.autodialers.values())
		if (other.name === name && other.id !== existing?.id) fail(TASK_ERRORS.namePresent);

	// "autodialerType ... Ignored on UPDATE".
	const autodialerType = existing
		? existing.autodialerType
		: (task.autodialerType as AutodialerType | undefined);
	if (!given(autodialerType)) fail(TASK_ERRORS.typeNull);
	if (!['AUTODIAL', 'GUARANTEED_DIAL', 'VOICE_ROBOT'].includes(autodialerType))
		fail(TASK_ERRORS.wrongType);
	const autodialerMode = task.autodialerMode as AutodialerMode | undefined;
	if (!given(autodialerMode)) fail(TASK_ERRORS.modeNull);
	if (!['FIXED', 'FREE', 'SMART'].includes(autodialerMode)) fail(TASK_ERRORS.wrongMode);

	const dates = checkDates(task);
	const ranges = checkTimeRanges(task);
	const prefix = task.callerIdPrefix;
	if (given(prefix) && typeof prefix !== 'string') fail(TASK_ERRORS.wrong('callerIdPrefix'));
	if (typeof prefix === 'string' && prefix.length > AUTODIAL_LIMITS.callerIdPrefixMaxLength)
		fail(TASK_ERRORS.prefixTooLong);
	if (!given(task.crmMode)) fail(TASK_ERRORS.crmModeNull);
	if (!(CRM_MODES as readonly unknown[]).includes(task.crmMode)) fail(TASK_ERRORS.wrong('crmMode'));
	if (!given(task.clientCalledMode)) fail(TASK_ERRORS.clientCalledModeNull);
	if (!(CLIENT_CALLED_MODES as readonly unknown[]).includes(task.clientCalledMode))
		fail(TASK_ERRORS.wrong('clientCalledMode'));
	const outScenarioId = optionalId(task, 'outScenarioId', TASK_ERRORS.outScenario);
	if (outScenarioId !== null && !(String(outScenarioId) in project.outScenarios))
		fail(TASK_ERRORS.outScenario);

	const settings: Record<string, unknown> = {
		...dates,
		...ranges,
		outScenarioId,
		callerIdPrefix: given(prefix) ? prefix : null,
		crmMode: task.crmMode,
		clientCalledMode: task.clientCalledMode,
		displayName: optionalBool(task, 'displayName', false),
		displayNote: optionalBool(task, 'displayNote', false),
		removeAfterFinish: optionalBool(task, 'removeAfterFinish', false),
	};

	// Type part.
	if (autodialerType === 'AUTODIAL') {
		const scenarioId = optionalId(task, 'scenarioId', TASK_ERRORS.inScenario);
		if (scenarioId !== null && !(String(scenarioId) in project.scenarios))
			fail(TASK_ERRORS.inScenario);
		const compositeAudio = checkCompositeAudio(ctx, task.compositeAudio);
		if (scenarioId === null && !compositeAudio?.multiAudios.length)
			fail(TASK_ERRORS.noScenarioAndAudio);
		Object.assign(settings, {
			compositeAudio,
			scenarioId,
			ttsSettingsId: checkTts(ctx, task),
			useTaskAudioIfAudioError: optionalBool(task, 'useTaskAudioIfAudioError', false),
			delay: optionalInt(task, 'delay', 0) ?? 0,
		});
	} else if (autodialerType === 'GUARANTEED_DIAL') {
		const moh = optionalId(task, 'moh', TASK_ERRORS.moh);
		if (moh !== null) {
			const audio = ctx.state.calls.audios.get(moh);
			if (!audio) fail(TASK_ERRORS.moh);
			if (audio.type !== 'MELODY') fail(TASK_ERRORS.mohType);
		}
		Object.assign(settings, {
			moh,
			ttsSettingsId: checkTts(ctx, task),
			useTaskAudioIfAudioError: optionalBool(task, 'useTaskAudioIfAudioError', false),
		});
	} else {
		if (!given(task.voiceSecretaryId)) fail(TASK_ERRORS.voiceSecretaryNull);
		const voiceSecretaryId = optionalId(task, 'voiceSecretaryId', TASK_ERRORS.voiceSecretary);
		if (voiceSecretaryId === null || !ctx.state.calls.voiceRobots.has(voiceSecretaryId))
			fail(TASK_ERRORS.voiceSecretary);
		settings.voiceSecretaryId = voiceSecretaryId;
	}

	// Lines: "type is GUARANTEED_DIAL or mode is FREE or SMART".
	if (autodialerType === 'GUARANTEED_DIAL' || autodialerMode !== 'FIXED')
		Object.assign(settings, checkLines(ctx, task));

	// Mode part.
	if (autodialerMode === 'FIXED') {
		if (!given(task.threadCount)) fail(TASK_ERRORS.threadCountNull);
		Object.assign(settings, {
			threadCount: optionalInt(task, 'threadCount', 1),
			callDelay: optionalInt(task, 'callDelay', 0) ?? 0,
			callDelayOnlyAnswered: optionalBool(task, 'callDelayOnlyAnswered', false),
		});
	} else {
		const multiplier = task.coldBaseStartCallsMultiplier;
		let cold: number | null = null;
		if (given(multiplier)) {
			const n = toNumber(multiplier);
			const { min, max } = AUTODIAL_LIMITS.coldBaseStartCallsMultiplier;
			if (n === undefined || n < min || n > max)
				fail(TASK_ERRORS.wrong('coldBaseStartCallsMultiplier'));
			cold = n;
		}
		const busy = AUTODIAL_LIMITS.markAsBusySeconds;
		Object.assign(settings, {
			coldBaseStartCallsMultiplier: cold,
			pauseOperatorNoAnswerLimit: optionalInt(task, 'pauseOperatorNoAnswerLimit', 0),
			markAsBusySeconds: optionalInt(task, 'markAsBusySeconds', busy.min, busy.max) ?? 0,
			markAsBusyMinSecondsTalk:
				optionalInt(task, 'markAsBusyMinSecondsTalk', busy.min, busy.max) ?? 0,
			reservedSipsBusyOnlyForAutodials: optionalBool(
				task,
				'reservedSipsBusyOnlyForAutodials',
				false,
			),
		});
		if (autodialerMode === 'SMART') {
			const { min, max } = AUTODIAL_LIMITS.smartSpeed;
			settings.smartSpeed = optionalInt(task, 'smartSpeed', min, max) ?? 0;
		}
	}

	Object.assign(settings, checkRepeat(task));
	settings.triggerActions = checkTriggerActions(ctx, task.triggerActions);

	// "numbers" and "highPriority": ADD only ("Ignored on UPDATE").
	let numbers: string[] = [];
	let highPriority = false;
	if (!isUpdate) {
		numbers = checkNumbers(ctx, task.numbers);
		highPriority = optionalBool(task, 'highPriority', false);
		if (numbers.length) {
			const now = ctx.clock();
			if (numbersHandlerBusy(ctx.state, now)) fail(TASK_ERRORS.busy);
			occupyNumbersHandler(ctx.state, now, numbers.length);
		}
	}
	return { name, autodialerType, autodialerMode, settings, numbers, highPriority };
}
