import { createHash, randomBytes } from 'crypto';
import { NodeApiError, sleep } from 'n8n-workflow';
import type {
	IAdditionalCredentialOptions,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';

import { sharedGovernor } from './governor';
import type { GovernorLimits } from './governor';
import { processLimits } from './processShare';
import { findLoginFailure } from './session';
import type { LoginFailure } from './session';

/**
 * The one way this package talks to a provider.
 *
 * The body is serialised once and sent as exactly those bytes (credentials that sign requests sign
 * the same string). Every attempt waits for a governor slot. The retry policy lives here and only
 * here: a request is sent again when it never reached the provider or the provider said "not now"
 * without acting; a request whose fate is unknown (timeout, reset, 5xx) is sent again only when the
 * operation is idempotent, so a retry can never dial a person twice.
 */

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

export interface MultipartPart {
	name: string;
	value: string | Buffer;
	filename?: string;
	contentType?: string;
}

export type RequestBody =
	| { json: unknown }
	| { form: Record<string, string | number | boolean | undefined> }
	| { multipart: MultipartPart[] };

export interface ProviderRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's base URL, starting with '/'. */
	path: string;
	qs?: IDataObject;
	headers?: Record<string, string>;
	body?: RequestBody;
	/** The operation as the user knows it ("Add Numbers"), used in messages. */
	action: string;
	/** True when sending the request twice has the same effect as sending it once. */
	idempotent: boolean;
	itemIndex?: number;
	timeoutMs?: number;
	/** Take the answer as text, unparsed by the HTTP client (needed to check a provider's signature on it). */
	responseAsText?: boolean;
}

export interface ProviderResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
	/** The body as the text that arrived, for providers that sign their answers. */
	rawBody?: string;
}

/** What a provider's envelope says about a response that arrived. */
export type EnvelopeVerdict =
	| { ok: true; data: unknown }
	| {
			ok: false;
			/**
			 * busy / rate-limited: the provider did not act and asks to come back later (retried).
			 * credentials: the key, secret or signature was refused.
			 * rejected: the provider looked at the request and said no (bad value, unknown id...).
			 * unavailable: the provider failed in a way that may or may not have acted (5xx).
			 * token-expired: the login token was refused before anything was done; with a `session`
			 * profile the request gets one new login and is sent once more (else: credentials).
			 */
			reason:
				| 'busy'
				| 'rate-limited'
				| 'credentials'
				| 'rejected'
				| 'unavailable'
				| 'token-expired';
			message: string;
			retryAfterMs?: number;
			/** Provider data worth showing (error code, offending entries). */
			details?: IDataObject;
	  };

export interface RetryPolicy {
	/** Attempts in all, the first one included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
};

export interface ProviderProfile {
	/** Provider name as users know it, used in messages and as the governor's name. */
	name: string;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** What identifies the account the provider counts requests for (hashed before use). */
	accountKey(credentials: ICredentialDataDecryptedObject): string;
	governor?: GovernorLimits;
	readEnvelope(response: ProviderResponse, request: ProviderRequest): EnvelopeVerdict;
	retry?: Partial<RetryPolicy>;
	/** For credentials that log in (preAuthentication, see shared/session.ts). */
	session?: SessionProfile;
}

export interface SessionProfile {
	/** The credential's hidden `expirable` field that holds the token. */
	tokenField: string;
	/** True when the stored token should be replaced before it is used (for example a past `exp`). */
	isExpired?(token: unknown): boolean;
}

/** Where an attempt ended, before the retry policy decides. */
type Attempt =
	| { kind: 'done'; data: unknown }
	| { kind: 'not-sent'; detail: string }
	/** The credential's login (preAuthentication) gave no token; the request itself was not sent. */
	| { kind: 'login-failed'; detail: string }
	/** The user stopped the execution while this request waited its turn: it was not sent. */
	| { kind: 'stopped' }
	| {
			kind: 'unknown-outcome';
			detail: string;
			statusCode?: number;
			body?: unknown;
	  }
	| {
			kind: 'not-now';
			verdict: Extract<EnvelopeVerdict, { ok: false }>;
			statusCode: number;
			body: unknown;
	  }
	| {
			kind: 'failed';
			verdict: Extract<EnvelopeVerdict, { ok: false }>;
			statusCode: number;
			body: unknown;
	  };

/** Connection errors raised before a single byte reached the provider. */
const NOT_SENT_CODES = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EADDRNOTAVAIL',
]);

export async function providerRequest(
	this: RequestContext,
	profile: ProviderProfile,
	request: ProviderRequest,
): Promise<unknown> {
	const credentials = await this.getCredentials(profile.credentialType, request.itemIndex);
	const policy = { ...DEFAULT_RETRY, ...profile.retry };
	const governor = profile.governor ? sharedGovernor(profile.name, profile.governor) : undefined;
	// This n8n process's share of the key's limits (queue mode: several processes share one key).
	const limits = profile.governor ? processLimits(profile.governor, credentials) : undefined;
	const account = `${profile.name}:${createHash('sha256').update(profile.accountKey(credentials)).digest('hex')}`;
	const { body, contentType } = serialiseBody(request.body);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: joinUrl(profile.baseUrl(credentials), request.path),
		qs: request.qs,
		headers: {
			Accept: 'application/json',
			...(contentType ? { 'Content-Type': contentType } : {}),
			...request.headers,
		},
		body,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? 60_000,
		...(request.responseAsText ? { encoding: 'text' as const } : {}),
	};

	// A session token known to be stale is replaced before the first attempt; a token the provider
	// refuses is replaced once, and that request is sent once more.
	const session = profile.session;
	let logInFirst = session?.isExpired?.(credentials[session.tokenField]) ?? false;
	let loggedIn = false;

	const send = async (): Promise<Attempt> => {
		// After the editor's Stop, n8n aborts every request of the execution, which would read as "outcome
		// unknown" (and be retried when idempotent): one that has not started is plainly not sent.
		if (executionStopped(this)) return { kind: 'stopped' };
		try {
			// An empty token makes n8n run the credential's preAuthentication (and store the new token).
			const relogin =
				session && logInFirst ? withoutToken(this, profile, credentials, session) : undefined;
			if (relogin) {
				logInFirst = false;
				loggedIn = true;
			}
			// A fresh copy per attempt: authenticate() adds its signature headers to the options it gets.
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				profile.credentialType,
				{
					...options,
					headers: { ...options.headers },
				},
				relogin,
			)) as ProviderResponse;
			return classifyResponse(profile, request, {
				...response,
				body: parseBody(response.body),
				rawBody: Buffer.isBuffer(response.body)
					? response.body.toString('utf8')
					: typeof response.body === 'string'
						? response.body
						: undefined,
			});
		} catch (error) {
			const login = findLoginFailure(error);
			if (login) return loginAttempt(login);
			const code = errorCode(error);
			const detail = code ?? (error as Error).message;
			return code && NOT_SENT_CODES.has(code)
				? { kind: 'not-sent', detail }
				: { kind: 'unknown-outcome', detail };
		}
	};

	for (let attempt = 1; ; attempt++) {
		const result = governor ? await governor.run(account, send, limits) : await send();
		if (result.kind === 'done') return result.data;
		if (isExpiredToken(result) && session && !loggedIn) {
			// The provider refused the token without acting: one new login, then the same request.
			logInFirst = true;
			continue;
		}

		const retryable =
			result.kind === 'not-sent' ||
			result.kind === 'not-now' ||
			(result.kind === 'unknown-outcome' && request.idempotent);
		// A provider that asks for a long pause gets it from the user, not from a sleeping execution.
		const askedTooLong =
			result.kind === 'not-now' && (result.verdict.retryAfterMs ?? 0) > policy.maxDelayMs;
		if (!retryable || askedTooLong || attempt >= policy.maxAttempts) {
			throw buildError(this, profile, request, result, attempt);
		}
		await sleep(
			backoff(policy, attempt, result.kind === 'not-now' ? result.verdict.retryAfterMs : undefined),
		);
	}
}

/** Whether the user stopped the execution (only an execution has a cancel signal). */
function executionStopped(ctx: RequestContext): boolean {
	return 'getExecutionCancelSignal' in ctx && ctx.getExecutionCancelSignal()?.aborted === true;
}

/** The credential data with the session token emptied, as httpRequestWithAuthentication takes it. */
function withoutToken(
	ctx: RequestContext,
	profile: ProviderProfile,
	credentials: ICredentialDataDecryptedObject,
	session: SessionProfile,
): IAdditionalCredentialOptions {
	const reference = ctx.getNode().credentials?.[profile.credentialType];
	return {
		credentialsDecrypted: {
			id: reference?.id ?? '',
			name: reference?.name ?? '',
			type: profile.credentialType,
			data: { ...credentials, [session.tokenField]: '' },
		},
	};
}

function isExpiredToken(result: Attempt): boolean {
	return result.kind === 'failed' && result.verdict.reason === 'token-expired';
}

/**
 * A login that failed: refused credentials are final, an unreachable login service is "not sent", a
 * busy one "not now" (retried after its Retry-After); the request itself was not sent in any case.
 */
function loginAttempt(login: LoginFailure): Attempt {
	switch (login.loginOutcome) {
		case 'unreachable':
			return { kind: 'not-sent', detail: login.message };
		case 'busy':
			return {
				kind: 'not-now',
				verdict: {
					ok: false,
					reason: 'rate-limited',
					message: login.message,
					retryAfterMs: retryAfterMs({ 'retry-after': login.retryAfter }),
				},
				statusCode: 429,
				body: undefined,
			};
		default:
			return { kind: 'login-failed', detail: login.message };
	}
}

function classifyResponse(
	profile: ProviderProfile,
	request: ProviderRequest,
	response: ProviderResponse,
): Attempt {
	const { statusCode, body } = response;
	if (statusCode === 429) {
		const verdict = profile.readEnvelope(response, request);
		const message = verdict.ok ? 'Too many requests' : verdict.message;
		return {
			kind: 'not-now',
			verdict: {
				ok: false,
				reason: 'rate-limited',
				message,
				retryAfterMs: retryAfterMs(response.headers),
			},
			statusCode,
			body,
		};
	}
	const verdict = profile.readEnvelope(response, request);
	if (verdict.ok) return { kind: 'done', data: verdict.data };
	if (verdict.reason === 'busy' || verdict.reason === 'rate-limited') {
		return {
			kind: 'not-now',
			verdict: {
				...verdict,
				retryAfterMs: verdict.retryAfterMs ?? retryAfterMs(response.headers),
			},
			statusCode,
			body,
		};
	}
	if (verdict.reason === 'unavailable') {
		return {
			kind: 'unknown-outcome',
			detail: `HTTP ${statusCode}: ${verdict.message}`,
			statusCode,
			body,
		};
	}
	return { kind: 'failed', verdict, statusCode, body };
}

/** Exponential backoff with jitter, never shorter than what the provider asked for. */
export function backoff(policy: RetryPolicy, attempt: number, askedMs?: number): number {
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	const jittered = exponential / 2 + Math.random() * (exponential / 2);
	return Math.max(askedMs ?? 0, Math.round(jittered));
}

/** Retry-After as milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterMs(
	headers: Record<string, unknown> | undefined,
	now = Date.now(),
): number | undefined {
	const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = String(raw).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	// An HTTP date always names the day or month; without letters, Date.parse would read garbage
	// such as "-5" or "1 2" as a date in 2001.
	if (!/[a-z]/i.test(text)) return undefined;
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * What became of a request that failed, as its error says (`context.requestOutcome`): not-sent
 * (nothing reached the provider, or it answered "not now"), refused (the provider looked at it and
 * said no: nothing done), unknown (it may have acted). Bulk reports use it (batching.ts).
 */
export type RequestOutcome = 'not-sent' | 'refused' | 'unknown';

export function requestOutcome(error: unknown): RequestOutcome | undefined {
	const outcome = (error as { context?: IDataObject } | null)?.context?.requestOutcome;
	return outcome === 'not-sent' || outcome === 'refused' || outcome === 'unknown'
		? outcome
		: undefined;
}

const OUTCOME_OF: Record<Exclude<Attempt, { kind: 'done' }>['kind'], RequestOutcome> = {
	'not-sent': 'not-sent',
	'not-now': 'not-sent',
	// The login failed before the request went out.
	'login-failed': 'not-sent',
	stopped: 'not-sent',
	failed: 'refused',
	'unknown-outcome': 'unknown',
};

function buildError(
	ctx: RequestContext,
	profile: ProviderProfile,
	request: ProviderRequest,
	result: Exclude<Attempt, { kind: 'done' }>,
	attempts: number,
): NodeApiError {
	const error = describeFailure(ctx, profile, request, result, attempts);
	error.context.requestOutcome = OUTCOME_OF[result.kind];
	return error;
}

function describeFailure(
	ctx: RequestContext,
	profile: ProviderProfile,
	request: ProviderRequest,
	result: Exclude<Attempt, { kind: 'done' }>,
	attempts: number,
): NodeApiError {
	const node = ctx.getNode();
	const where = `${profile.name} ${request.action}`;
	const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
	const base = { itemIndex: request.itemIndex };
	switch (result.kind) {
		case 'not-sent':
			return new NodeApiError(node, { message: result.detail } as JsonObject, {
				...base,
				message: `${where}: could not reach ${profile.name}${tries}`,
				description: `The connection failed before the request was sent (${result.detail}). Check the base URL in the credential and the network.`,
				failure: { cause: 'temporarily-unavailable' },
			});
		case 'stopped':
			return new NodeApiError(node, { message: 'The execution was stopped' } as JsonObject, {
				...base,
				message: `${where}: not sent, the execution was stopped`,
				description:
					'The workflow was stopped before this request was sent, so nothing was done for it.',
			});
		case 'login-failed':
			return new NodeApiError(node, { message: result.detail } as JsonObject, {
				...base,
				message: result.detail,
				description: `Nothing was sent. Open the ${profile.name} credential and check the values and the login URL.`,
				failure: { cause: 'credential-invalid' },
			});
		case 'unknown-outcome': {
			const httpCode = result.statusCode ? String(result.statusCode) : undefined;
			const description = request.idempotent
				? `The request failed${tries}: ${result.detail}.`
				: `The request failed with ${result.detail}, so ${profile.name} may or may not have acted on it. ` +
					'It was not sent again, so that nobody is called twice. ' +
					`Check the result in ${profile.name} before running this item again.`;
			return new NodeApiError(
				node,
				(asObject(result.body) ?? { message: result.detail }) as JsonObject,
				{
					...base,
					httpCode,
					message: request.idempotent
						? `${where}: ${profile.name} did not answer properly`
						: `${where}: the outcome is unknown`,
					description,
					failure: { cause: 'temporarily-unavailable' },
				},
			);
		}
		case 'not-now':
			return new NodeApiError(node, (asObject(result.body) ?? {}) as JsonObject, {
				...base,
				httpCode: String(result.statusCode),
				message: `${where}: ${result.verdict.message}`,
				description: `${profile.name} refused the request for now${tries}${waitHint(result.verdict.retryAfterMs)}. Nothing was done; run it again later.`,
				failure: {
					cause: 'rate-limited',
					retryAfterMs: result.verdict.retryAfterMs,
				},
			});
		case 'failed': {
			const credentials =
				result.verdict.reason === 'credentials' || result.verdict.reason === 'token-expired';
			const details = result.verdict.details
				? ` Details: ${JSON.stringify(result.verdict.details)}`
				: '';
			return new NodeApiError(node, (asObject(result.body) ?? {}) as JsonObject, {
				...base,
				httpCode: String(result.statusCode),
				message: credentials
					? `${where}: ${profile.name} refused the credentials: ${result.verdict.message}`
					: `${where}: ${result.verdict.message}`,
				description: credentials
					? `Open the ${profile.name} credential and check the values and the base URL.${details}`
					: `${profile.name} did not accept the request.${details}`,
				failure: credentials ? { cause: 'credential-invalid' } : undefined,
			});
		}
	}
}

function waitHint(retryAfterMs: number | undefined): string {
	return retryAfterMs ? ` and asked to wait ${Math.ceil(retryAfterMs / 1000)} s` : '';
}

function asObject(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

/** The network error code (ECONNREFUSED, ECONNRESET...) somewhere in the error's cause chain. */
export function errorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		// errno codes (ECONNREFUSED...), not library codes such as axios's ERR_NETWORK, which wrap them.
		if (typeof code === 'string' && /^E(?!RR_)[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	const text = body.trim();
	if (!text.startsWith('{') && !text.startsWith('[')) return body;
	try {
		return JSON.parse(text);
	} catch {
		return body;
	}
}

function joinUrl(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export function serialiseBody(body: RequestBody | undefined): {
	body?: string | Buffer;
	contentType?: string;
} {
	if (!body) return {};
	if ('json' in body) return { body: JSON.stringify(body.json), contentType: 'application/json' };
	if ('form' in body) {
		const params = new URLSearchParams();
		for (const [k, v] of Object.entries(body.form))
			if (v !== undefined) params.append(k, String(v));
		return {
			body: params.toString(),
			contentType: 'application/x-www-form-urlencoded',
		};
	}
	return encodeMultipart(body.multipart);
}

/** A quoted header parameter as browsers write it (WHATWG): no quote or line break can end it early. */
function escapeParam(value: string): string {
	return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function encodeMultipart(parts: MultipartPart[]): {
	body: Buffer;
	contentType: string;
} {
	const boundary = `----n8nDialers${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const name = escapeParam(part.name);
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${name}"`;
		if (part.filename !== undefined) head += `; filename="${escapeParam(part.filename)}"`;
		head += '\r\n';
		if (part.filename !== undefined || part.contentType)
			head += `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n`;
		chunks.push(
			Buffer.from(`${head}\r\n`, 'utf8'),
			Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value, 'utf8'),
			Buffer.from('\r\n'),
		);
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return {
		body: Buffer.concat(chunks),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}
