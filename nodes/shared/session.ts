import type { IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

/**
 * Credentials that log in with a user name and password and send the token they get back (n8n's
 * `preAuthentication` with a hidden `expirable` field). How a provider uses this module:
 *
 * - the credential's `preAuthentication` calls `logIn(...)`, which returns the token or throws a
 *   `LoginFailure` whose message is safe to show: it never carries the password or the request body;
 * - the provider's transport profile sets `session: { tokenField, isExpired }` (shared/transport.ts):
 *   a token past its `exp` is replaced before the request is sent, and a request answered "token
 *   expired" (reason `token-expired`) gets one new login and is sent once more, never twice.
 */

/** busy: the login service said "not now" (HTTP 429): nothing was done, try again after its wait. */
export type LoginOutcome = 'refused' | 'unreachable' | 'busy' | 'failed';

/**
 * Why a login did not give a token. `outcome` tells the transport whether to retry (unreachable,
 * busy); `retryAfter` is the login's Retry-After header when it gave one.
 */
export class LoginFailure extends Error {
	readonly loginOutcome: LoginOutcome;

	readonly retryAfter?: string;

	constructor(message: string, outcome: LoginOutcome, retryAfter?: string) {
		super(message);
		this.name = 'LoginFailure';
		this.loginOutcome = outcome;
		if (retryAfter) this.retryAfter = retryAfter;
	}
}

/** The LoginFailure somewhere in an error's cause chain (n8n wraps what preAuthentication throws). */
export function findLoginFailure(error: unknown): LoginFailure | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
		if ((current as Partial<LoginFailure>).loginOutcome !== undefined)
			return current as LoginFailure;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

export interface LoginRequest {
	/** Provider name as users know it ("Example"), for messages. */
	provider: string;
	url: string;
	body: IDataObject;
	/** Reads the token from a successful answer; undefined when the answer has none. */
	readToken(body: unknown): string | undefined;
	/** HTTP statuses that mean "these credentials are wrong". */
	refusedStatuses: number[];
	/** What to tell the user when the credentials are refused. */
	refusedMessage: string;
}

/**
 * Sends the login request and returns the token. Every failure becomes a LoginFailure written here,
 * so that nothing of the request (which holds the password) can reach an error, an output or a log.
 */
export async function logIn(
	helpers: IHttpRequestHelper['helpers'],
	login: LoginRequest,
): Promise<string> {
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: login.url,
		body: JSON.stringify(login.body),
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 30_000,
	};
	let response:
		| { statusCode: number; body: unknown; headers?: Record<string, unknown> }
		| undefined;
	let networkError: string | undefined;
	try {
		response = (await helpers.httpRequest(options)) as typeof response;
	} catch (error) {
		// Only the code is kept: the error holds the request, and with it the password.
		networkError = networkCode(error) ?? 'network error';
	}
	if (!response)
		throw new LoginFailure(
			`Could not reach the ${login.provider} login at ${login.url} (${networkError})`,
			'unreachable',
		);
	const { statusCode } = response;
	const body = parseJson(response.body);
	if (login.refusedStatuses.includes(statusCode))
		throw new LoginFailure(login.refusedMessage, 'refused');
	// Too many logins or requests: a wait, not a wrong password.
	if (statusCode === 429) {
		const retryAfter = response.headers?.['retry-after'];
		throw new LoginFailure(
			`The ${login.provider} login answered HTTP 429${providerError(body)}`,
			'busy',
			typeof retryAfter === 'string' ? retryAfter : undefined,
		);
	}
	if (statusCode < 200 || statusCode >= 300)
		throw new LoginFailure(
			`The ${login.provider} login answered HTTP ${statusCode}${providerError(body)}`,
			statusCode >= 500 ? 'unreachable' : 'failed',
		);
	const token = login.readToken(body);
	if (!token)
		throw new LoginFailure(`The ${login.provider} login answered without a token`, 'failed');
	return token;
}

/** ECONNREFUSED and the like, from the error or its cause; nothing else of the error is kept. */
function networkCode(error: unknown): string | undefined {
	const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
	const code = e?.code ?? e?.cause?.code;
	return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : undefined;
}

function parseJson(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/** The provider's own error text, when it gives one as a short string (never our request). */
function providerError(body: unknown): string {
	const error = (body as IDataObject | null)?.error ?? (body as IDataObject | null)?.message;
	return typeof error === 'string' && error.length <= 200 ? `: ${error}` : '';
}

/** The `exp` claim of a JWT, in milliseconds; undefined when the token is not a readable JWT. */
export function jwtExpiresAt(token: unknown): number | undefined {
	if (typeof token !== 'string') return undefined;
	const payload = token.split('.')[1];
	if (!payload) return undefined;
	try {
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as IDataObject;
		return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Whether a token should be replaced before use: it expires within `marginMs` of `now`. A token that
 * is not a JWT (or has no `exp`) is used until the provider refuses it.
 */
export function tokenExpiresSoon(token: unknown, now: number, marginMs = 60_000): boolean {
	const expiresAt = jwtExpiresAt(token);
	return expiresAt !== undefined && expiresAt - marginMs <= now;
}
