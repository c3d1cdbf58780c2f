/**
 * Callbot callbacks (platform -> customer URL), research/nxcloud.md §1.7 and §2.17: JSON POST with headers
 * requestID, uuid, createTs (seconds) and sign = the §1.2 formula over the raw callback body (the
 * callback tables show no `algorithm` header: the account's algorithm, MD5 by default, is used).
 * callbackType follows each page's example: taskCallback 1, orderCallback "1" (a string on that page),
 * callCallback 1.
 */
import { hexId } from '../util';
import { callbotSign, type CallbotAlgorithm } from './sign';

export interface CallbackDelivery {
	kind: 'task' | 'order' | 'call';
	url: string;
	body: string;
	headers: Record<string, string>;
	/** HTTP status of the receiver, 0 when the request failed. */
	status: number;
	responseBody?: string;
	error?: string;
}

export async function deliverCallback(
	kind: CallbackDelivery['kind'],
	url: string,
	payload: unknown,
	account: { uuid: string; secretKey: string },
	nowSeconds: number,
	algorithm: CallbotAlgorithm = 'MD5',
	timeoutMs = 5000,
): Promise<CallbackDelivery> {
	const body = JSON.stringify(payload);
	const requestID = hexId();
	const createTs = String(nowSeconds);
	const headers: Record<string, string> = {
		'Content-Type': 'application/json',
		requestID,
		uuid: account.uuid,
		createTs,
		sign: callbotSign(account.secretKey, body, createTs, requestID, account.uuid, algorithm),
	};
	try {
		// A connection per delivery (see the Unitalk emitter): no kept-alive socket to lose it on.
		const res = await fetch(url, {
			method: 'POST',
			headers: { ...headers, connection: 'close' },
			body,
			signal: AbortSignal.timeout(timeoutMs),
		});
		return { kind, url, body, headers, status: res.status, responseBody: await res.text() };
	} catch (err) {
		return {
			kind,
			url,
			body,
			headers,
			status: 0,
			error: err instanceof Error ? err.message : String(err),
		};
	}
}
