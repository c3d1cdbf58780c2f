import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { providerRequest } from '../../../shared/transport';
import type {
	EnvelopeVerdict,
	ProviderProfile,
	ProviderResponse,
	RequestBody,
} from '../../../shared/transport';

/**
 * The NXCloud voice APIs on the shared transport (credential nxteleApi, the "API call convention":
 * research/nxcloud.md §3). Their answers come in several envelopes: `code` "0" / 0 / "success" means done
 * for most, the voice record query alone says "1" for success and "0" for failure (§4.8). The convention's
 * own errors 1001-1005 come first on every endpoint.
 */

const CONVENTION_CREDENTIAL_CODES: Record<string, string> = {
	'1003': 'Invalid signature: check the Access Secret',
	'1004': 'Timestamp expired: check the clock of the n8n server',
	'1005': 'Insufficient permissions: check the Access Key and that the account has voice enabled',
};
const CONVENTION_REQUEST_CODES: Record<string, string> = {
	'1001': 'Missing parameters (a convention header is missing)',
	'1002': 'Parameter error: check bizType, action and the fields',
};
/** Notification / OTP: 28 "TPS limit reached" means nothing was sent yet (§4.9.3). */
const NOT_NOW_CODES = new Set(['28']);

type SuccessRule = (code: string) => boolean;
const DONE_CODES = new Set(['0', 'success']);
const usualSuccess: SuccessRule = (code) => DONE_CODES.has(code);
const recordQuerySuccess: SuccessRule = (code) => code === '1';

function messageOf(envelope: IDataObject): string {
	for (const key of ['message', 'msg', 'result', 'info']) {
		const v = envelope[key];
		if (typeof v === 'string' && v !== '') return v;
	}
	return 'no message';
}

export function readVoiceEnvelope(success: SuccessRule) {
	return (response: ProviderResponse): EnvelopeVerdict => {
		const { statusCode, body } = response;
		if (statusCode >= 500)
			return { ok: false, reason: 'unavailable', message: `HTTP ${statusCode}` };
		if (statusCode === 401 || statusCode === 403)
			return { ok: false, reason: 'credentials', message: `HTTP ${statusCode}` };
		if (statusCode >= 400)
			return {
				ok: false,
				reason: 'rejected',
				message: `HTTP ${statusCode}: ${JSON.stringify(body)}`,
			};
		if (!body || typeof body !== 'object' || Array.isArray(body))
			return { ok: false, reason: 'rejected', message: `Unexpected answer: ${String(body)}` };
		const envelope = body as IDataObject;
		const code = String(envelope.code ?? '');
		const details: IDataObject = { code: envelope.code as string };
		if (envelope.traceId) details.traceId = envelope.traceId as string;
		if (CONVENTION_CREDENTIAL_CODES[code])
			return {
				ok: false,
				reason: 'credentials',
				message: `${CONVENTION_CREDENTIAL_CODES[code]} (code ${code})`,
				details,
			};
		if (CONVENTION_REQUEST_CODES[code])
			return {
				ok: false,
				reason: 'rejected',
				message: `${CONVENTION_REQUEST_CODES[code]}: ${messageOf(envelope)} (code ${code})`,
				details,
			};
		if (success(code)) return { ok: true, data: envelope };
		const message = `${messageOf(envelope)} (code ${code || 'missing'})`;
		if (NOT_NOW_CODES.has(code)) return { ok: false, reason: 'busy', message, details };
		return { ok: false, reason: 'rejected', message, details };
	};
}

const base = {
	name: 'NXCloud',
	credentialType: 'nxteleApi',
	baseUrl: (c: IDataObject) => String(c.baseUrl || 'https://api.nxcloud.com'),
	accountKey: (c: IDataObject) => String(c.accessKey),
};

export const voiceProfile: ProviderProfile = {
	...base,
	readEnvelope: readVoiceEnvelope(usualSuccess),
};

/**
 * The voice record query allows at most 1 request per second (§4.8): the governor spaces them per
 * accessKey across every execution in this n8n process; it is the only NXCloud profile with a governor,
 * so the one named "NXCloud" is this one. The margin covers network jitter (the provider counts arrivals).
 */
export const voiceRecordProfile: ProviderProfile = {
	...base,
	readEnvelope: readVoiceEnvelope(recordQuerySuccess),
	governor: { windows: [{ max: 1, perMs: 1000 }], concurrency: 1, safetyMarginMs: 150 },
};

/** Where an endpoint lives: undocumented or conflicting in the research, so the user can change it. */
export interface VoiceEndpoint {
	path: string;
	bizType: string;
	action: string;
}

/**
 * The "Endpoint" option of every voice operation, with the researched default and how sure it is. The
 * sentence is shown under the option in the editor.
 */
export function endpointOptions(defaults: VoiceEndpoint, note: string): INodeProperties {
	return {
		displayName: 'Endpoint',
		name: 'endpoint',
		type: 'collection',
		placeholder: 'Change Endpoint',
		default: {},
		description: `${note} Empty fields keep the default. Change only if NXCloud gave you other values.`,
		options: [
			{
				displayName: 'Action Header',
				name: 'action',
				type: 'string',
				default: '',
				placeholder: defaults.action,
				description: `The "action" header of the API call convention; empty: ${defaults.action}`,
			},
			{
				displayName: 'Business Type Header',
				name: 'bizType',
				type: 'string',
				default: '',
				placeholder: defaults.bizType,
				description: `The "bizType" header of the API call convention; empty: ${defaults.bizType}. The voice value is not settled in NXCloud's docs (the upload page says 7 in its text and 8 in its example).`,
			},
			{
				displayName: 'Path',
				name: 'path',
				type: 'string',
				default: '',
				placeholder: defaults.path,
				description: `Path below the credential's base URL; empty: ${defaults.path}`,
			},
		],
	};
}

export function readEndpoint(
	ctx: IExecuteFunctions,
	itemIndex: number,
	defaults: VoiceEndpoint,
	parameter = 'options.endpoint',
): VoiceEndpoint {
	const set = ctx.getNodeParameter(parameter, itemIndex, {}) as Partial<VoiceEndpoint>;
	const pick = (v: unknown, d: string) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : d);
	const path = pick(set.path, defaults.path);
	return {
		path: path.startsWith('/') ? path : `/${path}`,
		bizType: pick(set.bizType, defaults.bizType),
		action: pick(set.action, defaults.action),
	};
}

export interface VoiceCall {
	endpoint: VoiceEndpoint;
	body: RequestBody;
	/** The operation as the user knows it, for messages ("Group Call Create"). */
	action: string;
	idempotent: boolean;
	itemIndex?: number;
	profile?: ProviderProfile;
}

/** POST to an NXCloud voice endpoint; the answer's envelope (checked) is returned. */
export async function voiceRequest(this: IExecuteFunctions, call: VoiceCall): Promise<IDataObject> {
	return (await providerRequest.call(this, call.profile ?? voiceProfile, {
		method: 'POST',
		path: call.endpoint.path,
		headers: { bizType: call.endpoint.bizType, action: call.endpoint.action },
		body: call.body,
		action: call.action,
		idempotent: call.idempotent,
		itemIndex: call.itemIndex,
	})) as IDataObject;
}

/** The provider's `code` in a failed request's answer, when it gave one. */
export function providerCode(error: unknown): string | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const code = (error.errorResponse as IDataObject | undefined)?.code;
	return code === undefined || code === null ? undefined : String(code);
}

/** The optional voice application key pair of the credential (the old form APIs carry it in the body). */
export async function voiceAppFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<Record<string, string>> {
	const c = await ctx.getCredentials('nxteleApi', itemIndex);
	const out: Record<string, string> = {};
	if (c.appKey) out.appkey = String(c.appKey);
	if (c.appSecret) out.secretkey = String(c.appSecret);
	return out;
}
