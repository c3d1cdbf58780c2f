import type { INodeProperties } from 'n8n-workflow';

/** Speech synthesis limits (informational calls and /audio/tts): text ≤ 4960, SSML ≤ 5000 characters. */
export const TTS_TEXT_MAX_CHARS = 4960;
export const TTS_SSML_MAX_CHARS = 5000;

/** The audio sections /audio/upload and /audio/tts accept (the doc's `type`). */
export const AUDIO_SECTIONS = ['GENERAL', 'IVR', 'MELODY', 'AUTODIAL', 'API'] as const;
export type AudioSection = (typeof AUDIO_SECTIONS)[number];

/** Audio names: not empty, at most 200 characters. */
export const AUDIO_NAME_MAX_CHARS = 200;

export const sectionField: INodeProperties = {
	displayName: 'Section',
	name: 'type',
	type: 'options',
	options: [
		{
			name: 'API Calls',
			value: 'API',
			description: 'Audios for informational calls (up to 300 s)',
		},
		{ name: 'Autodialers', value: 'AUTODIAL', description: 'Audios for autodialers (up to 300 s)' },
		{
			name: 'Hold and Queue Melodies',
			value: 'MELODY',
			description: 'Melodies while waiting on the line and in queues (up to 300 s)',
		},
		{ name: 'Scripts', value: 'GENERAL', description: 'Audios for scenarios (up to 30 s)' },
		{ name: 'Voice Menus', value: 'IVR', description: 'Audios for voice menus (up to 90 s)' },
	],
	default: 'API',
	description: 'Where the audio is added in the project (longer files are cut to the limit shown)',
};

/** SSML is one <speak> element. */
export const SSML_WRAPPED = /^\s*<speak[\s>][\s\S]*<\/speak>\s*$/;
export const SSML_WRAPPED_ISSUE = 'must begin with <speak> and end with </speak>';

/** What is wrong with a text to synthesise, or undefined when it is fine. */
export function ttsTextIssue(
	format: 'text' | 'ssml',
	text: string | undefined,
): string | undefined {
	if (!text) return 'is required for speech synthesis';
	if (format === 'text' && text.length > TTS_TEXT_MAX_CHARS)
		return `is too long: ${text.length} characters given, at most ${TTS_TEXT_MAX_CHARS} allowed`;
	if (format === 'ssml') {
		if (text.length > TTS_SSML_MAX_CHARS)
			return `is too long: ${text.length} characters of SSML given, at most ${TTS_SSML_MAX_CHARS} allowed`;
		if (!SSML_WRAPPED.test(text)) return SSML_WRAPPED_ISSUE;
	}
	return undefined;
}
