/**
 * NXTele Callbot v3 signature (research/nxcloud.md §1.2, §1.6):
 *   upper(hex(MD5|SHA256(secretKey + "&body=" + <raw body> + "&createTs=" + createTs + "&requestID=" + requestID + "&uuid=" + uuid)))
 * The body part is hashed from the bytes exactly as received / sent, never from a re-serialised object.
 */
import { createHash } from 'node:crypto';

export type CallbotAlgorithm = 'MD5' | 'SHA256';

/** Parses the `algorithm` header: blank means MD5 (documented); undefined for anything unknown. */
export function parseCallbotAlgorithm(header: string | undefined): CallbotAlgorithm | undefined {
	const v = (header ?? '').trim().toUpperCase();
	if (v === '' || v === 'MD5') return 'MD5';
	if (v === 'SHA256') return 'SHA256';
	return undefined;
}

export function callbotSign(
	secretKey: string,
	rawBody: Buffer | string,
	createTs: string,
	requestID: string,
	uuid: string,
	algorithm: CallbotAlgorithm = 'MD5',
): string {
	return createHash(algorithm === 'SHA256' ? 'sha256' : 'md5')
		.update(`${secretKey}&body=`, 'utf8')
		.update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody)
		.update(`&createTs=${createTs}&requestID=${requestID}&uuid=${uuid}`, 'utf8')
		.digest('hex')
		.toUpperCase();
}
