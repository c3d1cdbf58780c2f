/**
 * Twin24 IAM (research/twin24.md §1): `POST {iam}/auth/login` with email + password (+ ttl, companyId)
 * answers `{token, refreshToken}`; `POST {iam}/auth/refresh` with `{refreshToken, ttl}` (variant A) or
 * `GET {iam}/auth/refresh?refreshToken=&ttl=` (variant B, the PHP SDK) answers the same shape.
 *
 * The token is a real JWT: header `{"typ":"JWT","alg":"RS512"}` and the claims of the doc's example
 * (`iat`, `exp`, `version` 4, `sub`, `company_id`) plus a `jti`, signed with an RSA key the sandbox makes
 * at start, so a token the sandbox did not issue (or one edited by hand) is refused.
 *
 * Sandbox choices where the research is silent (sandbox/README.md):
 * - ttl: default 86400 s, at most 604800 s (longer requests are shortened, not refused).
 * - A wrong email or password: HTTP 401 (configurable) `{"error":"Invalid email or password","details":null}`.
 * - An expired or revoked token: 401 `{"error":"Token is expired."}` (the SDK's refresh trigger); a
 *   malformed or forged one: 401 `{"error":"Token is invalid."}`; none: 401 `{"error":"Unauthorized"}`.
 * - Refresh tokens live 340 days (the Go client's cache time); a used refresh token stays valid.
 * - A companyId other than the user's cabinet: 403 `{"error":"Access to the company is denied"}`.
 */
import { createPublicKey, generateKeyPairSync, randomUUID, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export const IAM_ERRORS = {
	badLogin: 'Invalid email or password',
	expired: 'Token is expired.',
	invalid: 'Token is invalid.',
	missing: 'Unauthorized',
	badRefresh: 'Refresh token is invalid or expired',
	companyDenied: 'Access to the company is denied',
} as const;

const REFRESH_LIFETIME_SECONDS = 340 * 86400;
const USER_ID = '1205';

export interface Twin24Account {
	email: string;
	password: string;
	companyId: number;
}

export interface TokenClaims {
	iat: number;
	exp: number;
	version: number;
	sub: string;
	company_id: number;
	jti: string;
}

export type TokenCheck =
	| { ok: true; claims: TokenClaims }
	| { ok: false; error: (typeof IAM_ERRORS)[keyof typeof IAM_ERRORS] };

interface RefreshRecord {
	companyId: number;
	expiresAt: number;
}

// One key per process: RSA key generation takes a moment, and every sandbox may share it.
let processKey: { privateKey: KeyObject; publicKey: KeyObject } | undefined;
function signingKey(): { privateKey: KeyObject; publicKey: KeyObject } {
	if (!processKey) {
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		processKey = { privateKey, publicKey: createPublicKey(privateKey) };
	}
	return processKey;
}

function base64url(data: string | Buffer): string {
	return Buffer.from(data).toString('base64url');
}

export class Twin24Iam {
	/** Successful logins (tests count them: an expired token should cost exactly one). */
	logins = 0;
	failedLogins = 0;
	refreshes = 0;
	/** jti of every token issued, and of those revoked by expireAllTokens(). */
	private readonly issued = new Set<string>();
	private readonly revoked = new Set<string>();
	private readonly refreshTokens = new Map<string, RefreshRecord>();

	constructor(
		private readonly account: () => Twin24Account,
		private readonly nowMs: () => number,
		private readonly ttl: { defaultTtlSeconds: number; maxTtlSeconds: number },
	) {}

	reset(): void {
		this.logins = 0;
		this.failedLogins = 0;
		this.refreshes = 0;
		this.issued.clear();
		this.revoked.clear();
		this.refreshTokens.clear();
	}

	private nowSeconds(): number {
		return Math.floor(this.nowMs() / 1000);
	}

	private grantedTtl(requested: unknown): number {
		const n = typeof requested === 'string' && requested !== '' ? Number(requested) : requested;
		if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return this.ttl.defaultTtlSeconds;
		return Math.min(Math.floor(n), this.ttl.maxTtlSeconds);
	}

	/** Signs a new access token and a refresh token. */
	private issue(companyId: number, requestedTtl: unknown): { token: string; refreshToken: string } {
		const iat = this.nowSeconds();
		const claims: TokenClaims = {
			iat,
			exp: iat + this.grantedTtl(requestedTtl),
			version: 4,
			sub: USER_ID,
			company_id: companyId,
			jti: randomUUID(),
		};
		const signingInput = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'RS512' }))}.${base64url(JSON.stringify(claims))}`;
		const signature = sign('sha512', Buffer.from(signingInput), signingKey().privateKey);
		this.issued.add(claims.jti);
		const refreshToken = randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, '');
		this.refreshTokens.set(refreshToken, {
			companyId,
			expiresAt: iat + REFRESH_LIFETIME_SECONDS,
		});
		return { token: `${signingInput}.${base64url(signature)}`, refreshToken };
	}

	login(
		body: Record<string, unknown>,
	):
		| { ok: true; token: string; refreshToken: string }
		| { ok: false; status: 'bad-login' | 'company-denied' } {
		const account = this.account();
		if (body.email !== account.email || body.password !== account.password) {
			this.failedLogins += 1;
			return { ok: false, status: 'bad-login' };
		}
		// The SDK sends `companyId: null` when unset; a number or numeric string picks the cabinet.
		const requested = body.companyId;
		if (requested !== undefined && requested !== null && requested !== '') {
			if (Number(requested) !== account.companyId) return { ok: false, status: 'company-denied' };
		}
		this.logins += 1;
		return { ok: true, ...this.issue(account.companyId, body.ttl) };
	}

	refresh(
		refreshToken: unknown,
		ttl: unknown,
	): { ok: true; token: string; refreshToken: string } | { ok: false } {
		const record =
			typeof refreshToken === 'string' ? this.refreshTokens.get(refreshToken) : undefined;
		if (!record || record.expiresAt <= this.nowSeconds()) return { ok: false };
		this.refreshes += 1;
		return { ok: true, ...this.issue(record.companyId, ttl) };
	}

	/** Checks an `Authorization` header value: `Bearer <jwt>` (a bare token is accepted too, as the SDK's refresh sends it). */
	check(authorization: string | undefined): TokenCheck {
		if (authorization === undefined || authorization.trim() === '')
			return { ok: false, error: IAM_ERRORS.missing };
		const token = authorization.trim().replace(/^Bearer\s+/i, '');
		const parts = token.split('.');
		if (parts.length !== 3) return { ok: false, error: IAM_ERRORS.invalid };
		const [header, payload, signature] = parts;
		const signed = verify(
			'sha512',
			Buffer.from(`${header}.${payload}`),
			signingKey().publicKey,
			Buffer.from(signature, 'base64url'),
		);
		if (!signed) return { ok: false, error: IAM_ERRORS.invalid };
		let claims: TokenClaims;
		try {
			claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenClaims;
		} catch {
			return { ok: false, error: IAM_ERRORS.invalid };
		}
		if (!this.issued.has(claims.jti)) return { ok: false, error: IAM_ERRORS.invalid };
		if (this.revoked.has(claims.jti) || claims.exp <= this.nowSeconds())
			return { ok: false, error: IAM_ERRORS.expired };
		return { ok: true, claims };
	}

	/**
	 * Ends every access token issued so far (they answer "Token is expired." from now on). With
	 * `refreshTokens`, the refresh tokens go too, so only a new login helps.
	 */
	expireAllTokens(opts: { refreshTokens?: boolean } = {}): { expired: number } {
		let expired = 0;
		for (const jti of this.issued) {
			if (!this.revoked.has(jti)) {
				this.revoked.add(jti);
				expired += 1;
			}
		}
		if (opts.refreshTokens) this.refreshTokens.clear();
		return { expired };
	}

	snapshot(): Record<string, number> {
		return {
			logins: this.logins,
			failedLogins: this.failedLogins,
			refreshes: this.refreshes,
			tokensIssued: this.issued.size,
			tokensRevoked: this.revoked.size,
		};
	}
}
