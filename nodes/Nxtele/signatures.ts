import { createHash } from 'crypto';

/**
 * The two NXTele / NXCloud signature schemes, in one place: the credentials sign requests with them
 * and the trigger verifies callbacks with them.
 */

export type CallbotAlgorithm = 'MD5' | 'SHA256';

export interface CallbotSignedFields {
	body: string;
	createTs: string;
	requestID: string;
	uuid: string;
}

/**
 * Callbot v3: upper-case hex of MD5 or SHA-256 over
 * `<secretKey>&body=<exact body>&createTs=<s>&requestID=<id>&uuid=<uuid>`.
 */
export function callbotSignature(
	secretKey: string,
	fields: CallbotSignedFields,
	algorithm: CallbotAlgorithm = 'MD5',
): string {
	const raw = `${secretKey}&body=${fields.body}&createTs=${fields.createTs}&requestID=${fields.requestID}&uuid=${fields.uuid}`;
	return createHash(algorithm === 'SHA256' ? 'sha256' : 'md5')
		.update(raw, 'utf8')
		.digest('hex')
		.toUpperCase();
}

export interface ConventionHeaders {
	accessKey: string;
	action: string;
	bizType: string;
	ts: string;
}

/**
 * NXCloud API call convention: lower-case hex MD5 (or SHA-256) over the headers sorted by name,
 * then `&body=<exact JSON>` when there is a JSON body (never for multipart), then the secret.
 */
export function conventionSignature(
	headers: ConventionHeaders,
	body: string | undefined,
	accessSecret: string,
	algorithm: 'md5' | 'sha256' = 'md5',
): string {
	let raw = `accessKey=${headers.accessKey}&action=${headers.action}&bizType=${headers.bizType}&ts=${headers.ts}`;
	if (body) raw += `&body=${body}`;
	raw += `&accessSecret=${accessSecret}`;
	return createHash(algorithm).update(raw, 'utf8').digest('hex');
}
