/**
 * /audio/tts – "Synthesizing audio from text": `data` = at most 5 entries `{name, type, tts}`; every
 * entry that succeeds becomes an audio of the project. Request errors: "data is null", "data is empty",
 * "Too many elements in data". Success:
 *   {"status":"Success","message":"Success","data":[{"name","id","error"}, ...]}   (input order)
 * with per-entry errors from the doc: "type is null", "Name is empty", "Name length more than 200
 * chars", "Same name already present", "tts is null", and the tts strings of ttsCheck.ts.
 * Sandbox choices: an unknown section answers the entry error "Wrong type"; a name repeated inside one
 * request is "Same name already present" for the second entry. Not simulated: "Allowed only one
 * simultaneous text to speech request per project" (handlers run one at a time), "Service not paid",
 * "Text to speech failed", "Internal error".
 */
import { UPLOADABLE_SECTIONS, type AudioSection } from '../callsState';
import { failure, success, type EndpointHandler } from '../handler';
import { checkTts } from './ttsCheck';
import { MAX_AUDIO_NAME_CHARS } from './upload';

export const MAX_TTS_ENTRIES = 5;

export const audioTts: EndpointHandler = (ctx, params) => {
	const calls = ctx.state.calls;
	const data = params.data;
	if (data === undefined || data === null) return failure('data is null');
	if (!Array.isArray(data)) return failure('data is null');
	if (data.length === 0) return failure('data is empty');
	if (data.length > MAX_TTS_ENTRIES) return failure('Too many elements in data');

	const results = data.map((raw: unknown) => {
		const entry = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
		const name = entry.name === undefined || entry.name === null ? '' : String(entry.name);
		const result = (error: string | null, id: number | null = null) => ({ name, id, error });
		if (entry.type === undefined || entry.type === null || entry.type === '')
			return result('type is null');
		if (!(UPLOADABLE_SECTIONS as readonly string[]).includes(String(entry.type)))
			return result('Wrong type');
		if (name.trim() === '') return result('Name is empty');
		if (name.length > MAX_AUDIO_NAME_CHARS) return result('Name length more than 200 chars');
		if (calls.audioNameTaken(name)) return result('Same name already present');
		if (entry.tts === undefined || entry.tts === null) return result('tts is null');
		const checked = checkTts(calls, entry.tts);
		if ('error' in checked) return result(checked.error);
		const audio = calls.addAudio({
			name,
			type: entry.type as AudioSection,
			temp: false,
			source: 'tts',
			size: 0,
			tts: checked.tts,
		});
		return result(null, audio.id);
	});
	return success({ message: 'Success', data: results });
};
