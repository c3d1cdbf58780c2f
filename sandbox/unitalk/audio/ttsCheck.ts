/**
 * The speech synthesis part (`tts: {text, ssml, settingsId}`) shared by /calls/originateNew (errors
 * prefixed "audios: ") and /audio/tts (per-entry `error`). Limits from the doc: text ≤ 4960
 * characters, ssml ≤ 5000 characters and wrapped in <speak>…</speak>, ssml wins when both are given,
 * settingsId required and known to the project.
 */
import type { UnitalkCallsState } from '../callsState';

export const TTS_TEXT_MAX = 4960;
export const TTS_SSML_MAX = 5000;

export const TTS_ERRORS = {
	noText: 'Text to speech \u2018text\u2019 and \u2018ssml\u2019 is null',
	badText: 'Text to speech \u2018text\u2019 not valid',
	badSsml: 'Text to speech \u2018ssml\u2019 not valid',
	noSettings: 'Text to speech \u2018settingsId\u2019 is null',
	unknownSettings: 'Text to speech settings not found by id',
} as const;

export interface CheckedTts {
	text: string | null;
	ssml: string | null;
	settingsId: number;
}

function nullableText(v: unknown): string | null {
	return v === undefined || v === null ? null : String(v);
}

/** The doc's error text for a tts object, or the checked values. */
export function checkTts(
	calls: UnitalkCallsState,
	raw: unknown,
): { error: string } | { tts: CheckedTts } {
	const t = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
	const text = nullableText(t.text);
	const ssml = nullableText(t.ssml);
	if (!text && !ssml) return { error: TTS_ERRORS.noText };
	if (ssml) {
		if (ssml.length > TTS_SSML_MAX || !/^\s*<speak[\s>][\s\S]*<\/speak>\s*$/.test(ssml))
			return { error: TTS_ERRORS.badSsml };
	} else if (text && text.length > TTS_TEXT_MAX) return { error: TTS_ERRORS.badText };
	if (t.settingsId === undefined || t.settingsId === null || t.settingsId === '')
		return { error: TTS_ERRORS.noSettings };
	const settingsId = Number(t.settingsId);
	if (!Number.isInteger(settingsId) || !calls.ttsProfiles.has(settingsId))
		return { error: TTS_ERRORS.unknownSettings };
	return { tts: { text, ssml, settingsId } };
}
