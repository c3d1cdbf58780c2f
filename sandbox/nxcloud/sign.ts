/**
 * NXCloud "API call convention" signature (research/nxcloud.md §3.3, §3.6):
 *   accessKey=<k>&action=<a>&bizType=<b>&ts=<ts>[&body=<raw JSON body>]&accessSecret=<secret>
 * MD5 (or SHA-256 when the `algorithm` header says sha256), lower-case hex. The body part is left out for
 * multipart/form-data (and form-urlencoded) requests and when the body is empty.
 */
import { createHash } from 'node:crypto';

export type NxcloudAlgorithm = 'md5' | 'sha256';

export interface NxcloudSignHeaders {
	accessKey: string;
	action: string;
	bizType: string;
	ts: string;
}

export function nxcloudAlgorithm(header: string | undefined): NxcloudAlgorithm {
	return (header ?? '').trim().toLowerCase() === 'sha256' ? 'sha256' : 'md5';
}

export function nxcloudSign(
	h: NxcloudSignHeaders,
	rawBody: Buffer | string | undefined,
	accessSecret: string,
	algorithm: NxcloudAlgorithm = 'md5',
): string {
	const hash = createHash(algorithm).update(
		`accessKey=${h.accessKey}&action=${h.action}&bizType=${h.bizType}&ts=${h.ts}`,
		'utf8',
	);
	if (rawBody !== undefined && rawBody.length > 0) {
		hash.update('&body=', 'utf8');
		hash.update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody);
	}
	hash.update(`&accessSecret=${accessSecret}`, 'utf8');
	return hash.digest('hex');
}
