/**
 * Unitalk simulator (`/unitalk/api` prefix = the doc's `https://api.unitalk.cloud/api`).
 *
 * - Auth: `Authorization: <key>` or `Authorization: Bearer <key>`. Missing or wrong key: one answer for
 *   both (the doc shows a single result for "missing or incorrect"): HTTP 401 (configurable)
 *   `{"status":"Error","message":"Unauthorized"}`.
 * - Limits (limits.ts) per presented key, checked at arrival, before the body is read.
 *   Temporary block: HTTP 429 + Retry-After; permanent block: HTTP 403; per-second / concurrency
 *   breaches: HTTP 429 + Retry-After 1. Bodies use the error envelope.
 * - "busy" fault: HTTP 200 `{"status":"Error","message":"Handler is busy, try again later"}` (doc string).
 * - Requests: JSON body (the doc's POST + application/json); form-urlencoded bodies and query parameters
 *   are also read, because a few endpoints of the doc take them.
 */
import type {
	Admission,
	AuthResult,
	ProviderEnv,
	ProviderModule,
	ProviderReply,
	ProviderRequest,
} from '../provider';
import { jsonReply } from '../provider';
import { isMultipart, isUrlEncoded, parseUrlEncoded } from '../util';
import { UNITALK_ENDPOINTS } from './endpoints';
import { ERROR_STATUS, type UnitalkParams } from './handler';
import { UnitalkLimiter } from './limits';
import { UnitalkState } from './state';
import { UnitalkWebhooks } from './webhooks';

/** Incoming webhook links: authenticated by the token in the query, not by the API key. */
const WEBHOOK_LINK_PATH = '/tracking/webhook/event';

export const UNITALK_MESSAGES = {
	unauthorized: 'Unauthorized',
	busy: 'Handler is busy, try again later',
	tempBlocked: 'Too many requests: API key temporarily blocked',
	permBlocked: 'API key blocked: request limit exceeded',
	tooFast: 'Too many requests: limit of 15 requests per second',
	tooManyConcurrent: 'Limit of simultaneous requests reached',
	notFound: 'Method not found',
	badBody: 'Wrong request body',
} as const;

export interface UnitalkAuth {
	apiKey: string;
}

/** The key a request presents (raw, or after `Bearer `); undefined when there is none. */
export function presentedKey(headers: Record<string, string>): string | undefined {
	const h = headers['authorization'];
	if (h === undefined) return undefined;
	const v = h.trim();
	const m = /^Bearer\s+(.+)$/i.exec(v);
	const key = (m ? m[1] : v).trim();
	return key === '' ? undefined : key;
}

export class UnitalkProvider implements ProviderModule<UnitalkAuth> {
	readonly name = 'unitalk' as const;
	readonly prefix = '/unitalk/api';
	readonly state: UnitalkState;
	readonly limiter: UnitalkLimiter;
	/** Unitalk's outgoing webhooks (webhooks.ts): configure, emit, deliveries. */
	readonly webhooks: UnitalkWebhooks;

	constructor(private readonly env: ProviderEnv) {
		this.state = new UnitalkState(env.clock);
		this.limiter = new UnitalkLimiter(env.options.unitalk.limits, env.addViolation);
		this.webhooks = new UnitalkWebhooks(env.clock);
	}

	reset(): void {
		this.state.reset();
		this.limiter.reset();
		this.webhooks.reset();
	}

	snapshot(): unknown {
		return { ...(this.state.snapshot() as object), limits: this.limiter.snapshot() };
	}

	private error(
		httpStatus: number,
		message: string,
		reason: string,
		headers: Record<string, string> = {},
	): ProviderReply {
		return jsonReply(httpStatus, { status: ERROR_STATUS, message }, 'rejected', reason, headers);
	}

	admit(req: Omit<ProviderRequest, 'rawBody' | 'rawText'>): Admission {
		const key = presentedKey(req.headers);
		if (key === undefined) return { release: () => undefined };
		const now = this.env.clock();
		const { verdict, release } = this.limiter.arrive(key, now, {
			path: req.path,
			seq: req.record.seq,
		});
		switch (verdict.kind) {
			case 'ok':
				return { release };
			case 'perm-blocked':
				return {
					release,
					reply: this.error(
						403,
						UNITALK_MESSAGES.permBlocked,
						'key permanently blocked (more than 100 requests in 10 s)',
					),
				};
			case 'temp-blocked': {
				const seconds = Math.max(1, Math.ceil((verdict.untilMs - now) / 1000));
				return {
					release,
					reply: this.error(
						429,
						UNITALK_MESSAGES.tempBlocked,
						`key temporarily blocked for ${seconds} s (more than 30 requests in 10 s)`,
						{
							'Retry-After': String(seconds),
						},
					),
				};
			}
			case 'too-many-concurrent':
				return {
					release,
					reply: this.error(
						429,
						UNITALK_MESSAGES.tooManyConcurrent,
						`${verdict.inFlight} requests in flight (limit 20)`,
						{
							'Retry-After': '1',
						},
					),
				};
			case 'too-fast':
				return {
					release,
					reply: this.error(
						429,
						UNITALK_MESSAGES.tooFast,
						`${verdict.inLastSecond} requests in the last second (limit 15)`,
						{
							'Retry-After': '1',
						},
					),
				};
		}
	}

	authenticate(req: ProviderRequest): AuthResult<UnitalkAuth> {
		// Incoming webhook links are authenticated by their token alone (doc), checked by the handler.
		if (req.path === WEBHOOK_LINK_PATH) return { ok: true, auth: { apiKey: '' } };
		const key = presentedKey(req.headers);
		const expected = this.env.options.accounts.unitalk.apiKey;
		if (key === expected) return { ok: true, auth: { apiKey: key } };
		return {
			ok: false,
			reply: this.error(
				this.env.options.unitalk.authErrorHttpStatus,
				UNITALK_MESSAGES.unauthorized,
				key === undefined ? 'Authorization header missing' : 'wrong API key',
			),
		};
	}

	busyReply(): ProviderReply {
		return this.error(
			200,
			UNITALK_MESSAGES.busy,
			'injected busy: Handler is busy, try again later',
		);
	}

	private params(req: ProviderRequest): UnitalkParams | undefined {
		const query: UnitalkParams = {};
		for (const [k, v] of Object.entries(req.query)) query[k] = Array.isArray(v) ? v[0] : v;
		const text = req.rawText.trim();
		if (text === '') return query;
		// multipart/form-data (/audio/upload): the handler reads the parts from the raw bytes.
		if (isMultipart(req.headers['content-type'])) return query;
		// A JSON object is read as JSON whatever the Content-Type says (curl -d sends form-urlencoded).
		if (isUrlEncoded(req.headers['content-type']) && !text.startsWith('{')) {
			return { ...query, ...parseUrlEncoded(req.rawText) };
		}
		try {
			const v: unknown = JSON.parse(req.rawText);
			if (v && typeof v === 'object' && !Array.isArray(v))
				return { ...query, ...(v as UnitalkParams) };
			return undefined;
		} catch {
			return undefined;
		}
	}

	handle(req: ProviderRequest): ProviderReply {
		const handler = Object.prototype.hasOwnProperty.call(UNITALK_ENDPOINTS, req.path)
			? UNITALK_ENDPOINTS[req.path]
			: undefined;
		if (!handler)
			return this.error(404, UNITALK_MESSAGES.notFound, `no Unitalk endpoint ${req.path}`);
		if (req.method !== 'POST')
			return this.error(405, UNITALK_MESSAGES.notFound, `${req.method} not allowed (POST only)`);
		const params = this.params(req);
		if (!params) return this.error(200, UNITALK_MESSAGES.badBody, 'body is not a JSON object');
		const result = handler(
			{ state: this.state, clock: this.env.clock, options: this.env.options, req },
			params,
		);
		const reply = jsonReply(
			result.httpStatus ?? 200,
			result.payload,
			result.ok ? 'accepted' : 'rejected',
			result.reason,
		);
		return { ...reply, operation: result.operation };
	}
}
