/**
 * /audio/upload – "Adding audio files to the project". multipart/form-data with `name` (not null,
 * ≤ 200 characters), `type` (GENERAL, IVR, MELODY, AUTODIAL, API), `file` (≤ 15 MB, any audio or video
 * format) and the optional `temp` (true: deleted at 04:00). Success: the new audio's id as text in
 * `message`: `{"status":"Success","message":"432"}`.
 * The file is read from the raw request bytes and kept as it arrived (state.calls.audios: bytes, size,
 * sha256), so tests can compare it with what the node sent.
 * The doc lists no errors for this method. Sandbox choices: "Wrong request body" (not multipart or
 * malformed), the /audio/tts entry strings "type is null", "Name is empty", "Name length more than
 * 200 chars", and "Wrong type", "File is null", "File is too big", "Wrong temp".
 */
import { isMultipart, parseMultipart } from '../../util';
import { UPLOADABLE_SECTIONS, type AudioSection } from '../callsState';
import { failure, success, type EndpointHandler } from '../handler';

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;
export const MAX_AUDIO_NAME_CHARS = 200;

export const audioUpload: EndpointHandler = (ctx) => {
	const contentType = ctx.req.headers['content-type'];
	if (!isMultipart(contentType)) return failure('Wrong request body');
	const parts = parseMultipart(ctx.req.rawBody, contentType as string);
	if (!parts) return failure('Wrong request body');
	const field = (name: string) =>
		parts.find((p) => p.name === name && p.filename === undefined)?.data.toString('utf8');

	const name = field('name');
	if (name === undefined || name.trim() === '') return failure('Name is empty');
	if (name.length > MAX_AUDIO_NAME_CHARS) return failure('Name length more than 200 chars');
	const type = field('type');
	if (type === undefined || type === '') return failure('type is null');
	if (!(UPLOADABLE_SECTIONS as readonly string[]).includes(type)) return failure('Wrong type');
	const file = parts.find((p) => p.name === 'file');
	if (!file || file.data.length === 0) return failure('File is null');
	if (file.data.length > MAX_UPLOAD_BYTES) return failure('File is too big');
	const tempText = field('temp');
	if (tempText !== undefined && tempText !== '' && !/^(true|false)$/i.test(tempText))
		return failure('Wrong temp');

	const audio = ctx.state.calls.addAudio({
		name,
		type: type as AudioSection,
		temp: /^true$/i.test(tempText ?? ''),
		source: 'upload',
		fileName: file.filename,
		contentType: file.contentType,
		size: file.data.length,
		bytes: Buffer.from(file.data),
	});
	return success({ message: String(audio.id) });
};
