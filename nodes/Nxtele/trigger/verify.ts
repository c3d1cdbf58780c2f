import type { IDataObject } from 'n8n-workflow';

import { secretsEqual, timestampFresh } from '../../shared/webhook';
import { callbotSignature, type CallbotAlgorithm } from '../signatures';

/**
 * A Callbot callback is genuine when it names our account, is recent and carries the signature of the
 * Callbot request formula (research §1.2, §1.7) over the exact body bytes received, made with our secret.
 * Every comparison is constant-time. The result says why a callback is refused (for the log, never the
 * secret).
 */
export function verifyCallback(
	headers: IDataObject,
	rawBody: string,
	account: { uuid: string; secretKey: string; algorithm: CallbotAlgorithm },
	nowMs: number,
	maxSkewSeconds: number,
): { ok: true } | { ok: false; reason: string } {
	const header = (name: string) => {
		const v = headers[name.toLowerCase()];
		return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined;
	};
	const sign = header('sign');
	const createTs = header('createTs');
	const requestID = header('requestID');
	const uuid = header('uuid');
	if (!sign || !createTs || !requestID || !uuid)
		return { ok: false, reason: 'unsigned (sign, createTs, requestID or uuid header missing)' };
	if (!secretsEqual(uuid, account.uuid)) return { ok: false, reason: 'for another account (uuid)' };
	if (!/^\d+$/.test(createTs) || !timestampFresh(createTs, nowMs, maxSkewSeconds * 1000))
		return { ok: false, reason: `stale or bad createTs (${createTs})` };
	const expected = callbotSignature(
		account.secretKey,
		{ body: rawBody, createTs, requestID, uuid },
		account.algorithm,
	);
	if (!secretsEqual(sign, expected, true)) return { ok: false, reason: 'wrong sign' };
	return { ok: true };
}
