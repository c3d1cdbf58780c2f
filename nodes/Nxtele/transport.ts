import type { IDataObject } from 'n8n-workflow';

import { providerRequest } from '../shared/transport';
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

/** POST to a Callbot v3 endpoint (`/callcentre/api/v3/<endpoint>`) with a JSON body. */
export async function callbotRequest(
	this: RequestContext,
	endpoint: string,
	body: IDataObject,
	options: Pick<ProviderRequest, 'action' | 'idempotent' | 'itemIndex'>,
): Promise<IDataObject> {
	return (await providerRequest.call(this, callbotProfile, {
		method: 'POST',
		path: `/callcentre/api/v3/${endpoint}`,
		body: { json: body },
		...options,
	})) as IDataObject;
}
