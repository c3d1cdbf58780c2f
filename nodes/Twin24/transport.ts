import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestMethods,
} from 'n8n-workflow';

import { tokenExpiresSoon } from '../shared/session';
import { providerRequest } from '../shared/transport';
import type {
	EnvelopeVerdict,
	ProviderProfile,
	ProviderRequest,
	ProviderResponse,
	RequestContext,
} from '../shared/transport';

/**
 * Twin24 on the shared transport. Three services hang below the credential's addresses: CIS (tasks,
 * candidates: {API}/cis/api/v1), analytics ({API}/analyse/api/v1) and the bot service (its own URL).
 * Success is a 2xx with bare JSON (or an empty body); errors are `{"error": string | object,
 * "details": ...}` with 400/401/403/404/422 (research §4.1). A 401 means the login token was refused
 * before anything was done: one new login, then the same request once more.
 */

export type Twin24Service = 'cis' | 'analyse' | 'bot';

const trim = (url: unknown, fallback: string) => String(url || fallback).replace(/\/+$/, '');

export function serviceBaseUrl(
	credentials: ICredentialDataDecryptedObject,
	service: Twin24Service,
): string {
	if (service === 'bot') return trim(credentials.botApiBaseUrl, 'https://bot.twin24.ai/api/v1');
	return `${trim(credentials.apiBaseUrl, 'https://twin24.ai')}/${service}/api/v1`;
}

/** The provider's error text: `error` as a string, or its `message` when it is an object. */
export function twin24ErrorMessage(body: unknown, statusCode: number): string {
	const envelope = asObject(body);
	const error = envelope?.error;
	if (typeof error === 'string' && error) return error;
	const nested = asObject(error)?.message ?? envelope?.message;
	if (typeof nested === 'string' && nested) return nested;
	if (typeof body === 'string' && body.trim() && body.length <= 300) return body.trim();
	return `HTTP ${statusCode}`;
}

export function readTwin24Envelope(response: ProviderResponse): EnvelopeVerdict {
	const { statusCode, body } = response;
	if (statusCode >= 200 && statusCode < 300) return { ok: true, data: body === '' ? {} : body };
	const message = twin24ErrorMessage(body, statusCode);
	const envelope = asObject(body);
	const details =
		envelope && (envelope.details !== undefined || asObject(envelope.error))
			? ({ error: envelope.error, details: envelope.details } as IDataObject)
			: undefined;
	if (statusCode === 401) return { ok: false, reason: 'token-expired', message };
	if (statusCode >= 500) return { ok: false, reason: 'unavailable', message };
	if (statusCode === 402)
		return {
			ok: false,
			reason: 'rejected',
			message: `${message} (HTTP 402: usually the cabinet balance or tariff)`,
			details,
		};
	if (statusCode === 403)
		return {
			ok: false,
			reason: 'rejected',
			message: `${message} (HTTP 403: this user may not do that in this cabinet)`,
			details,
		};
	if (statusCode === 404)
		return { ok: false, reason: 'rejected', message: `${message} (HTTP 404: not found)`, details };
	return { ok: false, reason: 'rejected', message, details };
}

function asObject(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function profileFor(service: Twin24Service): ProviderProfile {
	return {
		name: 'Twin24',
		credentialType: 'twin24Api',
		baseUrl: (credentials) => serviceBaseUrl(credentials, service),
		// One account, one queue: the three services share the user's limits.
		accountKey: (credentials) =>
			`${String(credentials.email ?? '').toLowerCase()}|${String(credentials.companyId ?? '')}`,
		// No published limit (research §4.2): a few requests at once, and back off on 429.
		governor: { windows: [], concurrency: 4 },
		readEnvelope: readTwin24Envelope,
		session: {
			tokenField: 'accessToken',
			isExpired: (token) => tokenExpiresSoon(token, Date.now()),
		},
	};
}

const PROFILES: Record<Twin24Service, ProviderProfile> = {
	cis: profileFor('cis'),
	analyse: profileFor('analyse'),
	bot: profileFor('bot'),
};

export interface Twin24Request
	extends Pick<ProviderRequest, 'action' | 'idempotent' | 'itemIndex' | 'timeoutMs' | 'qs'> {
	service?: Twin24Service;
	method: IHttpRequestMethods;
	/** Path below the service's base URL, for example /telephony/autoCall. */
	path: string;
	body?: unknown;
}

export async function twin24Request(
	this: RequestContext,
	request: Twin24Request,
): Promise<unknown> {
	const { service = 'cis', body, ...rest } = request;
	return await providerRequest.call(this, PROFILES[service], {
		...rest,
		...(body === undefined ? {} : { body: { json: body } }),
	});
}

/** `{"identity": "..."}` (how Twin24 wraps IDs) or a bare string, as a string. */
export function identityOf(value: unknown): string | undefined {
	if (typeof value === 'string' && value) return value;
	const identity = asObject(value)?.identity;
	return typeof identity === 'string' && identity ? identity : undefined;
}

/** The rows of a list answer: `{items: [...]}` (documented for analytics), or a bare array. */
export function listRows(answer: unknown): { rows: IDataObject[]; count?: number } {
	if (Array.isArray(answer)) return { rows: answer as IDataObject[] };
	const envelope = asObject(answer);
	const items = envelope?.items ?? envelope?.data;
	const count = typeof envelope?.count === 'number' ? envelope.count : undefined;
	return { rows: Array.isArray(items) ? (items as IDataObject[]) : [], count };
}
