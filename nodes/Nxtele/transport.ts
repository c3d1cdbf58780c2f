import { timingSafeEqual } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { providerRequest } from '../shared/transport';
import { callbotSignature } from './signatures';
import type { CallbotAlgorithm } from './signatures';
import type {
	EnvelopeVerdict,
	ProviderProfile,
	ProviderRequest,
	ProviderResponse,
	RequestContext,
} from '../shared/transport';

/**
 * NXTele Callbot v3 on the shared transport. Every endpoint answers HTTP 200 with `retCode`
 * (ping answers with `code`); the table below is the provider's retCode list.
 */
const CALLBOT_CREDENTIAL_CODES = new Set([6, 6001, 6002, 6003]);
/** The provider did not act and asks to come back: 5 maintenance, 7 system busy, 1001 import running. */
const CALLBOT_NOT_NOW_CODES = new Set([5, 7, 1001]);

export function readCallbotEnvelope(response: ProviderResponse): EnvelopeVerdict {
	const { statusCode, body } = response;
	const envelope = (body && typeof body === 'object' ? body : {}) as IDataObject;
	if (statusCode >= 500) return { ok: false, reason: 'unavailable', message: `HTTP ${statusCode}` };
	if (statusCode === 401 || statusCode === 403)
		return { ok: false, reason: 'credentials', message: `HTTP ${statusCode}` };
	if (statusCode >= 400)
		return {
			ok: false,
			reason: 'rejected',
			message: `HTTP ${statusCode}: ${JSON.stringify(body)}`,
		};

	const code = Number(envelope.retCode ?? envelope.code);
	if (code === 0) return { ok: true, data: body };
	const message = String(envelope.retMsg ?? envelope.msg ?? `retCode ${code}`);
	const details: IDataObject = {
		retCode: code,
		responseID: (envelope.responseID ?? envelope.reqId) as string,
	};
	if (Number.isNaN(code))
		return {
			ok: false,
			reason: 'rejected',
			message: `Unexpected answer: ${JSON.stringify(body)}`,
		};
	if (CALLBOT_CREDENTIAL_CODES.has(code))
		return {
			ok: false,
			reason: 'credentials',
			message: `${message} (retCode ${code})`,
			details,
		};
	if (CALLBOT_NOT_NOW_CODES.has(code))
		return {
			ok: false,
			reason: 'busy',
			message: `${message} (retCode ${code})`,
			details,
		};
	if (code === 5001)
		return {
			ok: false,
			reason: 'unavailable',
			message: `${message} (retCode ${code})`,
		};
	return {
		ok: false,
		reason: 'rejected',
		message: `${message} (retCode ${code})`,
		details,
	};
}

export const callbotProfile: ProviderProfile = {
	name: 'NXTele Callbot',
	credentialType: 'nxteleCallbotApi',
	baseUrl: (credentials) => String(credentials.baseUrl || 'https://nxbot.nxcloud.com'),
	accountKey: (credentials) => String(credentials.uuid),
	readEnvelope: readCallbotEnvelope,
};

export interface CallbotRequestOptions
	extends Pick<ProviderRequest, 'action' | 'idempotent' | 'itemIndex'> {
	/**
	 * retCodes handed back as an answer instead of raised as an error, for the caller to act on
	 * (4001: the list was too long, send a shorter one).
	 */
	answerCodes?: number[];
}

/** POST to a Callbot v3 endpoint (`/callcentre/api/v3/<endpoint>`) with a JSON body. */
export async function callbotRequest(
	this: RequestContext,
	endpoint: string,
	body: IDataObject,
	options: CallbotRequestOptions,
): Promise<IDataObject> {
	const { answerCodes = [], ...request } = options;
	const credentials = await this.getCredentials('nxteleCallbotApi', options.itemIndex);
	const verify = credentials.verifyResponseSignature === true;
	const profile: ProviderProfile = {
		...callbotProfile,
		readEnvelope: (response) => {
			if (verify && response.statusCode < 300) {
				const problem = responseSignatureProblem(response, credentials);
				if (problem) return { ok: false, reason: 'rejected', message: problem };
			}
			const code = Number((response.body as IDataObject | undefined)?.retCode);
			if (response.statusCode < 300 && answerCodes.includes(code))
				return { ok: true, data: response.body };
			return readCallbotEnvelope(response);
		},
	};
	return (await providerRequest.call(this, profile, {
		method: 'POST',
		path: `/callcentre/api/v3/${endpoint}`,
		body: { json: body },
		responseAsText: true,
		...request,
	})) as IDataObject;
}

/**
 * Research §1.6: every answer carries requestID, uuid, createTs and sign headers, "generated the same
 * way as the request sign", here over the exact response text. The formula is inferred, so the check
 * is off unless the credential turns it on. Returns what is wrong, or undefined when the sign matches.
 */
export function responseSignatureProblem(
	response: ProviderResponse,
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	const header = (name: string) => {
		const key = Object.keys(response.headers).find((k) => k.toLowerCase() === name.toLowerCase());
		const value = key === undefined ? undefined : response.headers[key];
		return value === undefined || value === null ? undefined : String(value);
	};
	const sign = header('sign');
	const unsafe =
		'its content was not used. NXTele may still have acted on the request: check the console before running it again';
	if (!sign || response.rawBody === undefined)
		return `The ${SIGNATURE_MISMATCH}: the answer has no sign header, so ${unsafe}`;
	const algorithm = (header('algorithm') ?? credentials.algorithm ?? 'MD5') as CallbotAlgorithm;
	const expected = callbotSignature(
		String(credentials.secretKey),
		{
			body: response.rawBody,
			createTs: header('createTs') ?? '',
			requestID: header('requestID') ?? '',
			uuid: header('uuid') ?? '',
		},
		algorithm.toUpperCase() === 'SHA256' ? 'SHA256' : 'MD5',
	);
	if (!safeEqual(expected, sign.toUpperCase()))
		return `The ${SIGNATURE_MISMATCH} (Verify Response Signature is on), so ${unsafe}`;
	return undefined;
}

const SIGNATURE_MISMATCH = 'response signature does not match';

/** Whether a request failed because its answer's signature did not match: such an answer is not trusted. */
export function isSignatureMismatch(error: unknown): boolean {
	return String((error as Error | undefined)?.message ?? '').includes(SIGNATURE_MISMATCH);
}

function safeEqual(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}
