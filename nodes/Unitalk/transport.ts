import type { IDataObject } from 'n8n-workflow';

import { providerRequest } from '../shared/transport';
import type {
	EnvelopeVerdict,
	ProviderProfile,
	ProviderRequest,
	ProviderResponse,
	RequestBody,
	RequestContext,
} from '../shared/transport';
import { explainUnitalkError } from './errors';

/**
 * Unitalk on the shared transport. Successful answers are either the `{status: "Success", ...}`
 * envelope or bare data (lists, number records); errors carry a status other than "Success" and one
 * of the messages the documentation lists per action.
 */

/** Answers that mean "not now": Unitalk did nothing and the same request may be sent again. */
export const UNITALK_BUSY_MESSAGES = new Set([
	'Handler is busy, try again later',
	'Allowed only one simultaneous text to speech request per project',
	'Wait until the previous request is processed',
]);

/**
 * The documented limits: more than 30 requests in 10 s blocks the key (more than 100 for good), at
 * most 15 per second and 20 at once. The margin keeps us inside them even when requests arrive
 * closer together than they left. They are per key: in queue mode each n8n process keeps to its
 * share (the credential's "Processes Sharing This Key", nodes/shared/processShare.ts).
 */
export const UNITALK_LIMITS = {
	windows: [
		{ max: 30, perMs: 10_000 },
		{ max: 15, perMs: 1_000 },
	],
	concurrency: 20,
	safetyMarginMs: 500,
};

export function readUnitalkEnvelope(
	response: ProviderResponse,
	request: ProviderRequest,
): EnvelopeVerdict {
	const { statusCode, body } = response;
	const envelope =
		body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : undefined;
	// Only an explicit error status counts: some answers (message status) use `status` for other things.
	const failed =
		statusCode >= 400 || /^(error|fail(ed|ure)?)$/i.test(String(envelope?.status ?? ''));
	if (!failed) return { ok: true, data: body };

	const message = String(envelope?.message ?? `HTTP ${statusCode}`);
	const details =
		envelope?.data === undefined ? undefined : ({ data: envelope.data } as IDataObject);
	if (UNITALK_BUSY_MESSAGES.has(message)) return { ok: false, reason: 'busy', message };
	if (statusCode === 401 || /^unauthori[sz]ed$/i.test(message))
		return { ok: false, reason: 'credentials', message };
	if (statusCode >= 500) return { ok: false, reason: 'unavailable', message };
	return {
		ok: false,
		reason: 'rejected',
		message: explainUnitalkError(message, request.action),
		details,
	};
}

export const unitalkProfile: ProviderProfile = {
	name: 'Unitalk',
	credentialType: 'unitalkApi',
	baseUrl: (credentials) => String(credentials.baseUrl || 'https://api.unitalk.cloud/api'),
	accountKey: (credentials) => String(credentials.apiKey),
	governor: UNITALK_LIMITS,
	readEnvelope: readUnitalkEnvelope,
};

export type UnitalkRequestOptions = Pick<
	ProviderRequest,
	'action' | 'idempotent' | 'itemIndex' | 'timeoutMs'
>;

/** POST to a Unitalk endpoint (path below /api) with a JSON body, or a form body where the doc asks for one. */
export async function unitalkRequest(
	this: RequestContext,
	path: string,
	body: IDataObject | RequestBody | undefined,
	options: UnitalkRequestOptions,
): Promise<unknown> {
	const requestBody: RequestBody | undefined =
		body === undefined || 'json' in body || 'form' in body || 'multipart' in body
			? (body as RequestBody | undefined)
			: { json: body };
	return await providerRequest.call(this, unitalkProfile, {
		method: 'POST',
		path,
		body: requestBody,
		...options,
	});
}

/** One action of /autodial/action (GET_LIST, ADD_NUMBERS, ...). */
export async function autodialAction(
	this: RequestContext,
	action: string,
	fields: IDataObject,
	options: UnitalkRequestOptions,
): Promise<unknown> {
	return await unitalkRequest.call(this, '/autodial/action', { action, ...fields }, options);
}

export const UNITALK_LINK_CREDENTIAL = 'unitalkWebhookLinkApi';

/**
 * Incoming webhook links ("Incoming webhooks": https://api.unitalk.cloud:8443/tracking/webhook/
 * event?token=...&action=...) go out with their own credential, which adds only the token: Unitalk
 * authenticates them by it, and the account's API key must not travel to the tracking service. The
 * doc does not say whether links count against the API key's limits; they keep the same limits,
 * counted per token (the key is not known here).
 */
const unitalkLinkProfile = (link: URL): ProviderProfile => ({
	...unitalkProfile,
	credentialType: UNITALK_LINK_CREDENTIAL,
	baseUrl: () => link.origin,
	accountKey: (credentials) => `link:${String(credentials.token)}`,
});

/** POSTs an incoming webhook link given without its token (callers check where it goes first). */
export async function unitalkLinkRequest(
	this: RequestContext,
	link: string,
	options: UnitalkRequestOptions,
): Promise<unknown> {
	const url = new URL(link);
	return await providerRequest.call(this, unitalkLinkProfile(url), {
		method: 'POST',
		path: `${url.pathname}${url.search}`,
		...options,
	});
}
