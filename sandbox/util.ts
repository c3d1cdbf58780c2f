import { randomBytes } from 'node:crypto';

/** 32 lower-case hex characters (request / response / trace ids). */
export function hexId(): string {
	return randomBytes(16).toString('hex');
}

export function headerValue(headers: Record<string, string>, name: string): string | undefined {
	const v = headers[name.toLowerCase()];
	return v === undefined ? undefined : v;
}

export function isJsonContentType(contentType: string | undefined): boolean {
	return !!contentType && /\bjson\b/i.test(contentType);
}

export function isMultipart(contentType: string | undefined): boolean {
	return !!contentType && /^\s*multipart\/form-data/i.test(contentType);
}

export function isUrlEncoded(contentType: string | undefined): boolean {
	return !!contentType && /^\s*application\/x-www-form-urlencoded/i.test(contentType);
}

export function parseUrlEncoded(text: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of new URLSearchParams(text)) out[k] = v;
	return out;
}

export interface MultipartPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

/** Minimal multipart/form-data parser (enough for the simulators; not a general-purpose one). */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] | undefined {
	const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	const boundary = m ? (m[1] ?? m[2]).trim() : undefined;
	if (!boundary) return undefined;
	const delimiter = Buffer.from(`--${boundary}`);
	const parts: MultipartPart[] = [];
	let pos = body.indexOf(delimiter);
	if (pos < 0) return undefined;
	for (;;) {
		pos += delimiter.length;
		// `--` after the delimiter closes the body.
		if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
		if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
		const next = body.indexOf(delimiter, pos);
		if (next < 0) return undefined;
		const chunk = body.subarray(pos, next - 2 >= pos ? next - 2 : next); // strip CRLF before delimiter
		const headerEnd = chunk.indexOf('\r\n\r\n');
		if (headerEnd < 0) return undefined;
		const headerText = chunk.subarray(0, headerEnd).toString('utf8');
		const data = chunk.subarray(headerEnd + 4);
		const headers: Record<string, string> = {};
		for (const line of headerText.split('\r\n')) {
			const i = line.indexOf(':');
			if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
		}
		const disposition = headers['content-disposition'] ?? '';
		const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
		const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
		if (name !== undefined) {
			parts.push({ name, filename, contentType: headers['content-type'], data: Buffer.from(data) });
		}
		pos = next;
	}
	return parts;
}

/** Pads a number to 2 digits. */
export function pad2(n: number): string {
	return n < 10 ? `0${n}` : String(n);
}

/** `yyyy-MM-dd HH:mm:ss` in UTC for a ms timestamp. */
export function formatDateTime(ms: number): string {
	const d = new Date(ms);
	return (
		`${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())} ` +
		`${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`
	);
}

export function formatDate(ms: number): string {
	return formatDateTime(ms).slice(0, 10);
}
