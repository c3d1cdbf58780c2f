/**
 * ADD_NUMBERS – "Adding numbers". Success: `{"status": "Success", "message": "Numbers added"}`.
 *
 * Checks in this order, each with the doc's error string:
 *   Task not found · Numbers is null or empty (numbers and numbersWithData empty or null) ·
 *   Too many numbers (more than 100,000 entries in the request) · Too many params (more than 10 keys) ·
 *   Wrong parameter key (a key that is not a whole number 1-10) · Wrong numbers · Wrong audios ·
 *   Handler is busy, try again later · Numbers limit exceeded (the autodialer would hold more than
 *   1,000,000 numbers) · Numbers not added.
 *
 * Choices where the doc is silent:
 * - "Wrong numbers": the WHOLE request is refused and nothing is added; `data` lists the offending
 *   entries exactly as they were sent (from `numbers`, and the `phone` of `numbersWithData` entries).
 *   A number is wrong when, after every character but digits is dropped, it is not 7-15 digits, or a
 *   test listed it in `state.autodialNumbers.refusedNumbers`.
 * - "Wrong audios": also refuses the whole request; `data` is `[{"phone": "<digits>", "error": "<reason>"}]`
 *   with the doc's reasons (the first problem of each number). AUTODIAL takes up to 5 audios, 2 of
 *   them synthesised, ids from the "Autodialers" audio section; GUARANTEED_DIAL 1 audio from the
 *   hold melodies; VOICE_ROBOT ignores `audios` (not stored). tts: 2,500 characters, ssml wins and
 *   must be wrapped in <speak>; settingsId may be null but must be known when given.
 * - A number on the account's BLOCKED_FOR_AUTODIAL_PHONES list ("numbers that cannot be added to
 *   autodialers"; the doc does not say how ADD_NUMBERS answers one): "Wrong numbers", the whole
 *   request refused, `data` = `[{"phone": "<digits>", "error": BLOCKED_FOR_AUTODIAL_REASON}]`
 *   (numberStore.ts, blockedForAutodial: ADD with numbers answers the same).
 * - Duplicates (already in the autodialer, or repeated in the request) are added once. With
 *   `refreshDuplicates` a number already present goes back to NEW (calledCount 0; realCalledCount is
 *   kept) so it is called again, takes the request's highPriority and, when it came with data, that data.
 * - "Numbers not added" when the request added no number and refreshed none (every number was there).
 * - Numbers arriving in a FINISHED autodialer (or one that had none: NEW) turn it WAITING or
 *   IN_PROGRESS (IN_PROGRESS inside its dates and today's hours, UTC).
 * - The busy window: see numberStore.ts (proportional to the numbers in the request).
 */
import { z } from 'zod';

import { TTS_ERRORS } from '../audio/ttsCheck';
import { failure, success, type EndpointHandler, type UnitalkContext } from '../handler';
import { autodialIdSchema } from '../schemas';
import type { Autodialer, AutodialNumber } from '../state';
import {
	appendNumbers,
	blockedForAutodial,
	cleanPhone,
	numberIndex,
	numbersHandlerBusy,
	occupyNumbersHandler,
	wakeOnNumbers,
} from './numberStore';

/** Anything: what is not a usable number is reported under "Wrong numbers", not as a bad body. */
const phoneValue = z.unknown();

const numberWithDataSchema = z
	.object({
		phone: phoneValue,
		name: z.string().nullish(),
		note: z.string().nullish(),
		link: z.string().nullish(),
		params: z.record(z.union([z.string(), z.number()]).nullable()).nullish(),
		audios: z.array(z.unknown()).nullish(),
	})
	.passthrough();

export const addNumbersSchema = z
	.object({
		action: z.literal('ADD_NUMBERS'),
		refreshDuplicates: z.boolean().nullish(),
		highPriority: z.boolean().nullish(),
		numbers: z.array(phoneValue).nullish(),
		numbersWithData: z.array(numberWithDataSchema).nullish(),
	})
	.passthrough();

type NumberWithData = z.infer<typeof numberWithDataSchema>;

/** "The first 100 / 500 characters are taken into account." */
const NAME_MAX = 100;
const TEXT_MAX = 500;
const TTS_MAX = 2500;
const MAX_PARAMS = 10;

export const ADD_NUMBERS_ERRORS = {
	notFound: 'Task not found',
	empty: 'Numbers is null or empty',
	tooMany: 'Too many numbers',
	limit: 'Numbers limit exceeded',
	busy: 'Handler is busy, try again later',
	wrongNumbers: 'Wrong numbers',
	notAdded: 'Numbers not added',
	wrongAudios: 'Wrong audios',
	tooManyParams: 'Too many params',
	wrongParamKey: 'Wrong parameter key',
} as const;

/** Reasons listed under "Wrong audios". */
export const AUDIO_ERRORS = {
	tooMany: 'Too many audios',
	tooManyTts: 'Too many text to speech',
	isNull: 'Audio is null',
	notFound: 'Audio not found by id',
	wrongType: 'Wrong type of audio',
	noText: TTS_ERRORS.noText,
	badText: TTS_ERRORS.badText,
	badSsml: TTS_ERRORS.badSsml,
	unknownSettings: TTS_ERRORS.unknownSettings,
	empty: 'Audio is empty',
} as const;

interface Incoming {
	phone: string;
	data?: NumberWithData;
}

export const addNumbers: EndpointHandler = (ctx, params) => {
	const idCheck = autodialIdSchema.safeParse(params);
	const a = idCheck.success ? ctx.state.autodialers.get(idCheck.data.id) : undefined;
	if (!a) return failure(ADD_NUMBERS_ERRORS.notFound);
	const parsed = addNumbersSchema.safeParse(params);
	if (!parsed.success)
		return {
			...failure('Wrong request body'),
			reason: `ADD_NUMBERS body: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
		};
	const body = parsed.data;
	const plain = body.numbers ?? [];
	const withData = body.numbersWithData ?? [];
	const total = plain.length + withData.length;
	if (total === 0) return failure(ADD_NUMBERS_ERRORS.empty);
	if (total > ctx.state.autodialNumbers.maxAddNumbersCount)
		return failure(ADD_NUMBERS_ERRORS.tooMany);

	for (const entry of withData) {
		const keys = Object.keys(entry.params ?? {});
		if (keys.length > MAX_PARAMS) return failure(ADD_NUMBERS_ERRORS.tooManyParams);
		if (keys.some((k) => !/^\d+$/.test(k) || Number(k) < 1 || Number(k) > MAX_PARAMS))
			return failure(ADD_NUMBERS_ERRORS.wrongParamKey);
	}

	const wrong: unknown[] = [];
	const incoming: Incoming[] = [];
	for (const raw of plain) {
		const phone = cleanPhone(ctx.state, raw);
		if (phone === undefined) wrong.push(raw);
		else incoming.push({ phone });
	}
	for (const entry of withData) {
		const phone = cleanPhone(ctx.state, entry.phone);
		if (phone === undefined) wrong.push(entry.phone ?? null);
		else incoming.push({ phone, data: entry });
	}
	if (wrong.length > 0) return failure(ADD_NUMBERS_ERRORS.wrongNumbers, wrong);

	// Numbers that "cannot be added to autodialers": see blockedForAutodial (numberStore.ts).
	const blocked = blockedForAutodial(
		ctx.state,
		incoming.map((n) => n.phone),
	);
	if (blocked.length > 0) return failure(ADD_NUMBERS_ERRORS.wrongNumbers, blocked);

	const audioProblems: Array<{ phone: string; error: string }> = [];
	for (const n of incoming) {
		const error = n.data?.audios ? audioProblem(ctx, a, n.data.audios) : undefined;
		if (error) audioProblems.push({ phone: n.phone, error });
	}
	if (audioProblems.length > 0) return failure(ADD_NUMBERS_ERRORS.wrongAudios, audioProblems);

	const now = ctx.clock();
	if (numbersHandlerBusy(ctx.state, now)) return failure(ADD_NUMBERS_ERRORS.busy);

	const present = numberIndex(a);
	const highPriority = body.highPriority === true;
	const fresh = new Map<string, AutodialNumber>();
	const refresh = new Map<string, Incoming>();
	for (const n of incoming) {
		if (present.has(n.phone)) {
			if (body.refreshDuplicates === true && !refresh.has(n.phone)) refresh.set(n.phone, n);
		} else if (!fresh.has(n.phone)) {
			fresh.set(n.phone, newNumber(a, n, highPriority));
		}
	}
	if (a.numbers.length + fresh.size > ctx.state.autodialNumbers.perAutodialerLimit)
		return failure(ADD_NUMBERS_ERRORS.limit);
	if (fresh.size === 0 && refresh.size === 0) return failure(ADD_NUMBERS_ERRORS.notAdded);

	appendNumbers(a, [...fresh.values()]);
	for (const n of refresh.values()) {
		const existing = present.get(n.phone) as AutodialNumber;
		existing.state = 'NEW';
		existing.stateDateTime = null;
		existing.calledCount = 0;
		existing.highPriority = highPriority;
		if (n.data) Object.assign(existing, numberData(a, n.data));
	}
	wakeOnNumbers(a, now);
	occupyNumbersHandler(ctx.state, now, total);
	return success({ message: 'Numbers added' });
};

function newNumber(a: Autodialer, n: Incoming, highPriority: boolean): AutodialNumber {
	return {
		phone: n.phone,
		state: 'NEW',
		stateDateTime: null,
		calledCount: 0,
		realCalledCount: 0,
		highPriority,
		name: null,
		note: null,
		link: null,
		params: null,
		audios: null,
		...(n.data ? numberData(a, n.data) : {}),
	};
}

function cut(v: string | null | undefined, max: number): string | null {
	return v === undefined || v === null ? null : v.slice(0, max);
}

/** The data fields as stored (and shown by GET_NUMBER): truncated as the doc says, nulls kept. */
function numberData(
	a: Autodialer,
	d: NumberWithData,
): Pick<AutodialNumber, 'name' | 'note' | 'link' | 'params' | 'audios'> {
	const params = d.params
		? Object.fromEntries(
				Object.entries(d.params).map(([k, v]) => [
					String(Number(k)),
					v === null ? null : String(v).slice(0, TEXT_MAX),
				]),
			)
		: null;
	const audios =
		a.autodialerType === 'VOICE_ROBOT' || !d.audios?.length
			? null
			: d.audios.map((raw) => storedAudio(raw));
	return {
		name: cut(d.name, NAME_MAX),
		note: cut(d.note, TEXT_MAX),
		link: cut(d.link, TEXT_MAX),
		params,
		audios,
	};
}

/** One audio element as it will be played: `{id}` wins over `{tts}`; null fields dropped. */
function storedAudio(raw: unknown): unknown {
	const e = raw as Record<string, unknown>;
	if (e.id !== undefined && e.id !== null) return { id: Number(e.id) };
	const t = e.tts as Record<string, unknown>;
	return {
		tts: Object.fromEntries(
			['text', 'ssml', 'settingsId']
				.filter((k) => t[k] !== undefined && t[k] !== null)
				.map((k) => [k, k === 'settingsId' ? Number(t[k]) : t[k]]),
		),
	};
}

/** The first "Wrong audios" reason for a number's audios, or undefined when they are fine. */
function audioProblem(ctx: UnitalkContext, a: Autodialer, audios: unknown[]): string | undefined {
	if (a.autodialerType === 'VOICE_ROBOT') return undefined; // "for VOICE_ROBOT the parameter is ignored"
	const guaranteed = a.autodialerType === 'GUARANTEED_DIAL';
	if (audios.length > (guaranteed ? 1 : 5)) return AUDIO_ERRORS.tooMany;
	const catalog = ctx.state.calls;
	let tts = 0;
	for (const raw of audios) {
		if (raw === null || raw === undefined) return AUDIO_ERRORS.isNull;
		if (typeof raw !== 'object' || Array.isArray(raw)) return AUDIO_ERRORS.empty;
		const e = raw as Record<string, unknown>;
		const hasId = e.id !== undefined && e.id !== null;
		const hasTts = e.tts !== undefined && e.tts !== null;
		if (!hasId && !hasTts) return AUDIO_ERRORS.empty;
		if (hasId) {
			const audio = catalog.audios.get(Number(e.id));
			if (!audio) return AUDIO_ERRORS.notFound;
			if (audio.type !== (guaranteed ? 'MELODY' : 'AUTODIAL')) return AUDIO_ERRORS.wrongType;
			continue;
		}
		tts++;
		const t = (typeof e.tts === 'object' ? e.tts : {}) as Record<string, unknown>;
		const text = t.text === undefined || t.text === null ? '' : String(t.text);
		const ssml = t.ssml === undefined || t.ssml === null ? '' : String(t.ssml);
		if (!text && !ssml) return AUDIO_ERRORS.noText;
		if (ssml) {
			if (ssml.length > TTS_MAX || !/^\s*<speak[\s>][\s\S]*<\/speak>\s*$/.test(ssml))
				return AUDIO_ERRORS.badSsml;
		} else if (text.length > TTS_MAX) return AUDIO_ERRORS.badText;
		if (t.settingsId !== undefined && t.settingsId !== null) {
			const id = Number(t.settingsId);
			if (!Number.isInteger(id) || !catalog.ttsProfiles.has(id))
				return AUDIO_ERRORS.unknownSettings;
		}
	}
	if (tts > 2) return AUDIO_ERRORS.tooManyTts;
	return undefined;
}
