/**
 * /calls/originateNew – "Creating a new call" (informational call). JSON body: `phone` (not null),
 * `outerLine` (null = chosen by the outgoing scenarios), `meta` (≤ 1000), `ivrId`, `voiceSecretaryId`,
 * `audios` (≤ 5 entries, ≤ 2 of them speech synthesis; `{id}` of an audio of the "API calls" section
 * or `{tts}`; id wins when both are given). At least one of audios / ivrId / voiceSecretaryId.
 * Success `{"status":"Success"}`; errors: the doc's list, checked in this order (the order is the
 * sandbox's choice): Wrong phone, Meta info is too big, No audio and IVR, Outer line not found,
 * Outer line is tracked, IVR can be used for SIPs only, audios: …, Call already in progress,
 * Limit of Simultaneously calls has reached.
 * Not in the doc, sandbox choices: an unknown ivrId answers "IVR not found", an unknown
 * voiceSecretaryId "Voice secretary not found" (the autodialer section's string).
 */
import { failure, success, type EndpointHandler } from '../handler';
import { MAX_SIMULTANEOUS_CALLS } from '../callsState';
import { checkTts } from '../audio/ttsCheck';
import { META_MAX_CHARS, cleanPhone, given } from './common';

export const MAX_CALL_AUDIOS = 5;
export const MAX_CALL_TTS = 2;

export const originateNew: EndpointHandler = (ctx, params) => {
	const calls = ctx.state.calls;
	const phone = cleanPhone(params.phone);
	if (!phone) return failure('Wrong phone');
	const meta = given(params.meta) ? String(params.meta) : null;
	if (meta !== null && meta.length > META_MAX_CHARS) return failure('Meta info is too big');
	const audios = params.audios;
	const hasAudios = Array.isArray(audios) && audios.length > 0;
	if (!hasAudios && !given(params.ivrId) && !given(params.voiceSecretaryId))
		return failure('No audio and IVR');

	let outerLine: string | null = null;
	if (given(params.outerLine)) {
		const line = calls.outerLines.get(String(params.outerLine).replace(/\D/g, ''));
		if (!line) return failure('Outer line not found');
		if (line.tracked) return failure('Outer line is tracked');
		outerLine = line.number;
	}
	let ivrId: number | null = null;
	if (given(params.ivrId)) {
		ivrId = Number(params.ivrId);
		const ivr = calls.ivrs.get(ivrId);
		if (!ivr) return failure('IVR not found');
		if (!ivr.allowedForApiCalls) return failure('IVR can be used for SIPs only');
	}
	let voiceSecretaryId: number | null = null;
	if (given(params.voiceSecretaryId)) {
		voiceSecretaryId = Number(params.voiceSecretaryId);
		if (!calls.voiceRobots.has(voiceSecretaryId)) return failure('Voice secretary not found');
	}

	if (audios !== undefined && audios !== null && !Array.isArray(audios))
		return failure('audios: Audio is null');
	const list = (audios ?? []) as unknown[];
	if (list.length > MAX_CALL_AUDIOS) return failure('audios: Too many audios');
	const isTts = (a: unknown) =>
		!!a &&
		typeof a === 'object' &&
		!given((a as Record<string, unknown>).id) &&
		given((a as Record<string, unknown>).tts);
	if (list.filter(isTts).length > MAX_CALL_TTS) return failure('audios: Too many text to speech');
	for (const a of list) {
		if (a === null || typeof a !== 'object') return failure('audios: Audio is null');
		const entry = a as Record<string, unknown>;
		if (given(entry.id)) {
			const audio = calls.audios.get(Number(entry.id));
			if (!audio) return failure('audios: Audio not found by id');
			if (audio.type !== 'API') return failure('audios: Wrong type of audio');
			continue;
		}
		if (!given(entry.tts)) return failure('audios: Audio is empty');
		const checked = checkTts(calls, entry.tts);
		if ('error' in checked) return failure(`audios: ${checked.error}`);
	}

	if (calls.activeCalls().some((c) => c.phone === phone))
		return failure('Call already in progress');
	if (calls.activeCalls().length >= MAX_SIMULTANEOUS_CALLS)
		return failure('Limit of Simultaneously calls has reached');
	calls.startCall({
		kind: 'INFO',
		phone,
		outerLine,
		meta,
		audios: hasAudios ? list : null,
		ivrId,
		voiceSecretaryId,
		separateRecords: false,
	});
	return success();
};
