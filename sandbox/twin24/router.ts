/**
 * Twin24 simulator, one prefix `/twin24` for Twin24's hosts (research/twin24.md §0), laid out like a
 * white-label tenant on one host:
 *   `${url}/twin24/iam/api/v1`       IAM (credential "IAM Base URL")
 *   `${url}/twin24`                  API base (credential "API Base URL"), below it:
 *      /cis/api/v1/...               telephony: tasks, candidates, calls, bot settings, providers
 *      /analyse/api/v1/search/cis/.. analytics: calls, sessions
 *      /bot/api/v1/bots              bot scripts (bot.twin24.ai/api/v1 on the real service)
 *
 * Every CIS / analytics / bot request needs `Authorization: Bearer <token from login>` (iam.ts).
 * Errors: `{"error": "<message>", "details": <object|null>}` (the SDK's reading, research §4.1):
 * 400 for invalid input (details: field path → message), 401 token, 403, 404 unknown object.
 * No request limit is published: nothing is refused for rate, but the rate is recorded (snapshot
 * `requestRate`). The "busy" fault is HTTP 429 with Retry-After (research §4.1: 429 "too many requests" [I]).
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

import type {
	Admission,
	AuthResult,
	ProviderEnv,
	ProviderModule,
	ProviderReply,
	ProviderRequest,
} from '../provider';
import { jsonReply } from '../provider';
import { isMultipart, parseMultipart } from '../util';
import { IAM_ERRORS, Twin24Iam, type TokenClaims } from './iam';
import * as S from './schemas';
import { FINAL_CALL_STATUSES, SEED_PROVIDERS, Twin24State, type Call, type Task } from './state';
import { Twin24Webhooks, type Twin24Delivery } from './webhooks';

export const TWIN24_PREFIX = '/twin24';
const IAM = '/iam/api/v1';
const CIS = '/cis/api/v1';
const ANALYSE = '/analyse/api/v1/search/cis';
const BOT = '/bot/api/v1';
/** Query parameters of the list endpoints that are not field filters. */
const PAGING_PARAMS = new Set(['fields', 'limit', 'offset', 'page', 'from', 'to', 'sort']);
const DEFAULT_LIST_LIMIT = 100;

export type Twin24Auth = TokenClaims | undefined;

type Query = Record<string, string | string[]>;
type Handler = (req: ProviderRequest, match: RegExpExecArray, auth: TokenClaims) => ProviderReply;

function first(q: Query, name: string): string | undefined {
	const v = q[name];
	return Array.isArray(v) ? v[0] : v;
}

function err(
	status: number,
	message: string,
	reason: string,
	details: Record<string, string> | null = null,
	headers: Record<string, string> = {},
): ProviderReply {
	return jsonReply(status, { error: message, details }, 'rejected', reason, headers);
}

function ok(payload: unknown, operation: string): ProviderReply {
	return { ...jsonReply(200, payload, 'accepted'), operation };
}

function issuesToDetails(
	issues: z.ZodIssue[],
	prefix: (string | number)[] = [],
): Record<string, string> {
	const out: Record<string, string> = {};
	for (const i of issues) out[[...prefix, ...i.path].join('.') || '(body)'] = i.message;
	return out;
}

function parseJson(
	req: ProviderRequest,
): { ok: true; value: unknown } | { ok: false; reply: ProviderReply } {
	if (req.rawText.trim() === '') return { ok: true, value: {} };
	try {
		return { ok: true, value: JSON.parse(req.rawText) };
	} catch {
		return { ok: false, reply: err(400, 'Request body is not valid JSON', 'invalid JSON') };
	}
}

function validate<T extends z.ZodTypeAny>(
	schema: T,
	req: ProviderRequest,
): { ok: true; value: z.infer<T> } | { ok: false; reply: ProviderReply } {
	const json = parseJson(req);
	if (!json.ok) return json;
	const r = schema.safeParse(json.value);
	if (r.success) return { ok: true, value: r.data as z.infer<T> };
	return {
		ok: false,
		reply: err(400, 'Validation failed', 'invalid body', issuesToDetails(r.error.issues)),
	};
}

/** `page` / `offset` / `limit` of the list endpoints (documented: limit 1...1000, either offset or page). */
function paging(
	q: Query,
	maxLimit: number,
): { ok: true; offset: number; limit: number } | { ok: false; reply: ProviderReply } {
	const int = (name: string): number | undefined | null => {
		const v = first(q, name);
		if (v === undefined || v === '') return undefined;
		return /^\d+$/.test(v) ? Number(v) : null;
	};
	const limit = int('limit');
	const page = int('page');
	const offset = int('offset');
	if (limit === null || (limit !== undefined && (limit < 1 || limit > maxLimit)))
		return {
			ok: false,
			reply: err(400, `limit must be from 1 to ${maxLimit}`, 'bad limit', {
				limit: `1...${maxLimit}`,
			}),
		};
	if (page === null || offset === null)
		return { ok: false, reply: err(400, 'page and offset must be whole numbers', 'bad paging') };
	if (page !== undefined && offset !== undefined)
		return { ok: false, reply: err(400, 'Use either offset or page, not both', 'offset and page') };
	const size = limit ?? DEFAULT_LIST_LIMIT;
	return { ok: true, limit: size, offset: offset ?? (page ?? 0) * size };
}

function period(
	q: Query,
): { ok: true; from?: number; to?: number } | { ok: false; reply: ProviderReply } {
	const out: { from?: number; to?: number } = {};
	for (const name of ['from', 'to'] as const) {
		const v = first(q, name);
		if (v === undefined || v === '') continue;
		const ms = Date.parse(v);
		if (Number.isNaN(ms))
			return {
				ok: false,
				reply: err(400, `${name} must be an ISO 8601 date-time`, `bad ${name}`, {
					[name]: 'ISO 8601',
				}),
			};
		out[name] = ms;
	}
	return { ok: true, ...out };
}

/** `sort=-field` / `+field` / `field` over plain rows. */
function sortRows(rows: Record<string, unknown>[], sort: string | undefined): void {
	if (!sort) return;
	const keys = sort
		.split(',')
		.map((s) => ({ desc: s.startsWith('-'), key: s.replace(/^[-+ ]/, '') }));
	rows.sort((a, b) => {
		for (const { desc, key } of keys) {
			const x = a[key];
			const y = b[key];
			if (x === y) continue;
			const c =
				x === undefined || x === null ? -1 : y === undefined || y === null ? 1 : x < y ? -1 : 1;
			return desc ? -c : c;
		}
		return 0;
	});
}

function pickFields(
	row: Record<string, unknown>,
	fields: string | undefined,
): Record<string, unknown> {
	if (!fields) return row;
	const out: Record<string, unknown> = {};
	for (const f of fields.split(',').map((s) => s.trim())) if (f in row) out[f] = row[f];
	return out;
}

/** Requests per second and per 10 s, recorded because Twin24 publishes no limit. */
class RateRecorder {
	private arrivals: number[] = [];
	total = 0;
	maxPerSecond = 0;
	maxPer10Seconds = 0;

	arrive(now: number): void {
		this.total += 1;
		this.arrivals.push(now);
		while (this.arrivals.length && this.arrivals[0] <= now - 10_000) this.arrivals.shift();
		const lastSecond = this.arrivals.filter((t) => t > now - 1000).length;
		this.maxPerSecond = Math.max(this.maxPerSecond, lastSecond);
		this.maxPer10Seconds = Math.max(this.maxPer10Seconds, this.arrivals.length);
	}

	reset(): void {
		this.arrivals = [];
		this.total = 0;
		this.maxPerSecond = 0;
		this.maxPer10Seconds = 0;
	}
}

export class Twin24Provider implements ProviderModule<Twin24Auth> {
	readonly name = 'twin24' as const;
	readonly prefix = TWIN24_PREFIX;
	readonly iam: Twin24Iam;
	readonly state: Twin24State;
	readonly webhooks: Twin24Webhooks;
	readonly rate = new RateRecorder();
	private readonly routes: Array<{
		method: string;
		pattern: RegExp;
		operation: string;
		handler: Handler;
	}>;

	constructor(private readonly env: ProviderEnv) {
		const o = env.options.twin24;
		this.iam = new Twin24Iam(() => env.options.accounts.twin24, env.clock, o);
		this.state = new Twin24State(
			env.clock,
			() => env.options.accounts.twin24.companyId,
			o.companyUtcOffsetSeconds,
		);
		this.webhooks = new Twin24Webhooks(env.clock, () => env.options.twin24);
		this.routes = this.buildRoutes();
	}

	reset(): void {
		this.iam.reset();
		this.state.reset();
		this.webhooks.reset();
		this.rate.reset();
	}

	snapshot(): unknown {
		return {
			iam: this.iam.snapshot(),
			...this.state.snapshot(),
			requestRate: {
				total: this.rate.total,
				maxPerSecond: this.rate.maxPerSecond,
				maxPer10Seconds: this.rate.maxPer10Seconds,
			},
			deliveries: this.webhooks.deliveries.length,
		};
	}

	admit(): Admission {
		this.rate.arrive(this.env.clock());
		return { release: () => undefined };
	}

	private isIamPublic(path: string): boolean {
		return path === `${IAM}/auth/login` || path === `${IAM}/auth/refresh`;
	}

	authenticate(req: ProviderRequest): AuthResult<Twin24Auth> {
		if (this.isIamPublic(req.path)) return { ok: true, auth: undefined };
		const check = this.iam.check(req.headers['authorization']);
		if (check.ok) return { ok: true, auth: check.claims };
		return { ok: false, reply: err(401, check.error, `token refused: ${check.error}`) };
	}

	busyReply(_req: ProviderRequest, _auth: Twin24Auth, retryAfterSeconds?: number): ProviderReply {
		return err(429, 'Too many requests', 'busy (injected)', null, {
			'Retry-After': String(retryAfterSeconds ?? 1),
		});
	}

	handle(req: ProviderRequest, auth: Twin24Auth): ProviderReply {
		if (req.path === `${IAM}/auth/login` && req.method === 'POST') return this.login(req);
		if (req.path === `${IAM}/auth/refresh` && (req.method === 'POST' || req.method === 'GET'))
			return this.refresh(req);
		let methodMismatch = false;
		for (const r of this.routes) {
			const m = r.pattern.exec(req.path);
			if (!m) continue;
			if (r.method !== req.method) {
				methodMismatch = true;
				continue;
			}
			this.state.settle();
			const reply = r.handler(req, m, auth!);
			this.flushOutbox();
			return { ...reply, operation: reply.operation ?? r.operation };
		}
		if (methodMismatch)
			return err(405, 'Method not allowed', `${req.method} not allowed on ${req.path}`);
		return err(404, 'Not found', `no Twin24 route ${req.method} ${req.path}`);
	}

	/** Sends what the state queued (status changes from play / pause / halted / adds) without holding the answer. */
	private flushOutbox(concurrency?: number): Promise<Twin24Delivery[]> {
		const entries = this.state.outbox.splice(0);
		if (entries.length === 0) return Promise.resolve([]);
		return this.webhooks.send(entries, concurrency);
	}

	// ---- IAM -----------------------------------------------------------------------------------

	private login(req: ProviderRequest): ProviderReply {
		const json = parseJson(req);
		if (!json.ok) return json.reply;
		const body = (json.value ?? {}) as Record<string, unknown>;
		const r = this.iam.login(typeof body === 'object' ? body : {});
		if (r.ok) return ok({ token: r.token, refreshToken: r.refreshToken }, 'auth/login');
		if (r.status === 'company-denied')
			return err(403, IAM_ERRORS.companyDenied, 'login for another company');
		return err(
			this.env.options.twin24.loginErrorStatus,
			IAM_ERRORS.badLogin,
			'wrong email or password',
		);
	}

	private refresh(req: ProviderRequest): ProviderReply {
		let token: unknown = first(req.query, 'refreshToken');
		let ttl: unknown = first(req.query, 'ttl');
		if (req.method === 'POST') {
			const json = parseJson(req);
			if (!json.ok) return json.reply;
			const body = (json.value ?? {}) as Record<string, unknown>;
			token = body.refreshToken ?? token;
			ttl = body.ttl ?? ttl;
		}
		const r = this.iam.refresh(token, ttl);
		if (!r.ok) return err(401, IAM_ERRORS.badRefresh, 'refresh token refused');
		return ok({ token: r.token, refreshToken: r.refreshToken }, 'auth/refresh');
	}

	// ---- routes --------------------------------------------------------------------------------

	private buildRoutes(): Array<{
		method: string;
		pattern: RegExp;
		operation: string;
		handler: Handler;
	}> {
		const id = '([^/]+)';
		const route = (method: string, path: string, operation: string, handler: Handler) => ({
			method,
			pattern: new RegExp(`^${path.replace(/\{id\}/g, id)}/?$`),
			operation,
			handler,
		});
		return [
			route('GET', `${IAM}/users/me`, 'users/me', (_r, _m, a) =>
				ok(
					{
						id: Number(a.sub),
						email: this.env.options.accounts.twin24.email,
						companyId: a.company_id,
					},
					'users/me',
				),
			),
			route('PATCH', `${IAM}/companies/{id}/settings`, 'companies/settings', (r, m, a) =>
				this.companySettings(r, m, a),
			),
			route('POST', `${CIS}/telephony/autoCall`, 'autoCall/create', (r) => this.createTask(r)),
			route('GET', `${CIS}/telephony/autoCall`, 'autoCall/list', (r) => this.listTasks(r)),
			route('POST', `${CIS}/telephony/autoCall/import`, 'autoCall/import', (r) =>
				this.importTask(r),
			),
			route('GET', `${CIS}/telephony/autoCall/{id}`, 'autoCall/get', (_r, m) =>
				this.withTask(m[1], (t) => ok(this.state.taskView(t), 'autoCall/get')),
			),
			route('POST', `${CIS}/telephony/autoCall/{id}/play`, 'autoCall/play', (_r, m) =>
				this.withTask(m[1], (t) => this.transition(this.state.play(t), t)),
			),
			route('POST', `${CIS}/telephony/autoCall/{id}/pause`, 'autoCall/pause', (_r, m) =>
				this.withTask(m[1], (t) => this.transition(this.state.pause(t), t)),
			),
			route('POST', `${CIS}/telephony/autoCall/{id}/halted`, 'autoCall/halted', (_r, m) =>
				this.withTask(m[1], (t) => {
					this.state.halt(t);
					return this.transition({ ok: true }, t);
				}),
			),
			route('POST', `${CIS}/telephony/autoCallCandidate/batch`, 'autoCallCandidate/batch', (r) =>
				this.addBatch(r),
			),
			route('POST', `${CIS}/telephony/autoCallCandidate/cancel`, 'autoCallCandidate/cancel', (r) =>
				this.cancel(r),
			),
			route(
				'POST',
				`${CIS}/telephony/autoCallCandidate/single/batch`,
				'autoCallCandidate/single/batch',
				(r) => this.templateBatch(r),
			),
			route('POST', `${CIS}/telephony/autoCallCandidate/single`, 'autoCallCandidate/single', (r) =>
				this.single(r),
			),
			route('POST', `${CIS}/telephony/autoCallCandidate`, 'autoCallCandidate', (r) =>
				this.addOne(r),
			),
			route('GET', `${CIS}/telephony/providers`, 'providers', () =>
				ok({ count: SEED_PROVIDERS.length, items: SEED_PROVIDERS }, 'providers'),
			),
			route('POST', `${CIS}/calls/{id}/depersonalization`, 'calls/depersonalization', (r, m) =>
				this.depersonalize(r, m[1]),
			),
			route('POST', `${CIS}/calls`, 'calls', (r) => this.warmUp(r)),
			route('GET', `${CIS}/botsSettings/{id}`, 'botsSettings', (_r, m) => this.botSettings(m[1])),
			route('GET', `${BOT}/bots`, 'bots/list', (r) => this.listBots(r)),
			route('GET', `${BOT}/bots/{id}`, 'bots/get', (_r, m) => {
				const bot = this.state.bots.get(m[1]);
				return bot ? ok(bot, 'bots/get') : err(404, 'Bot not found', 'unknown bot');
			}),
			route('GET', `${ANALYSE}/calls`, 'search/calls', (r) =>
				this.search(r, (c) => this.state.callRow(c), 'search/calls'),
			),
			route('GET', `${ANALYSE}/sessions`, 'search/sessions', (r) =>
				this.search(r, (c) => this.state.sessionRow(c), 'search/sessions'),
			),
		];
	}

	private withTask(id: string, f: (t: Task) => ProviderReply): ProviderReply {
		const task = this.state.tasks.get(id);
		if (!task) return err(404, 'AutoCall not found', `unknown task ${id}`);
		return f(task);
	}

	/** play / pause / halted: 200 with the task's new status (the body is undocumented, clients read the status only). */
	private transition(r: { ok: true } | { ok: false; error: string }, t: Task): ProviderReply {
		if (!r.ok) return err(400, r.error, `illegal transition from ${t.status}`);
		return ok({ id: { identity: t.id }, status: t.status }, 'autoCall/transition');
	}

	private createTask(req: ProviderRequest): ProviderReply {
		const v = validate(S.createTaskSchema, req);
		if (!v.ok) return v.reply;
		if (!this.state.bots.has(v.value.defaultExecData))
			return err(400, 'Validation failed', 'unknown bot', {
				defaultExecData: 'Bot script not found',
			});
		const task = this.state.createTask(v.value);
		return ok({ id: { identity: task.id } }, 'autoCall/create');
	}

	private listTasks(req: ProviderRequest): ProviderReply {
		const p = paging(req.query, this.env.options.twin24.listLimitMax);
		if (!p.ok) return p.reply;
		const range = period(req.query);
		if (!range.ok) return range.reply;
		// Comma-separated without spaces (documented); " READY" matches nothing.
		const statuses = first(req.query, 'status')
			?.split(',')
			.filter((s) => s !== '');
		const keyword = first(req.query, 'keyword')?.toLowerCase() ?? '';
		const rows = [...this.state.tasks.values()]
			.filter(
				(t) =>
					(!statuses?.length || statuses.includes(t.status)) &&
					(keyword === '' || t.body.name.toLowerCase().includes(keyword)) &&
					(range.from === undefined || t.createdAt >= range.from) &&
					(range.to === undefined || t.createdAt <= range.to),
			)
			.map((t) => this.state.taskView(t));
		sortRows(rows, first(req.query, 'sort'));
		return ok(
			{ count: rows.length, items: rows.slice(p.offset, p.offset + p.limit) },
			'autoCall/list',
		);
	}

	/** The batch is all or nothing: any invalid candidate refuses the request (undocumented; the safe reading). */
	private addBatch(req: ProviderRequest): ProviderReply {
		const v = validate(S.candidateBatchSchema, req);
		if (!v.ok) return v.reply;
		const cap = this.env.options.twin24.candidateBatchCap;
		if (cap > 0 && v.value.batch.length > cap)
			return err(400, `batch must hold at most ${cap} candidates`, 'batch too large', {
				batch: `at most ${cap}`,
			});
		const details: Record<string, string> = {};
		v.value.batch.forEach((c, i) => {
			const t = this.state.tasks.get(c.autoCallId);
			if (!t) details[`batch.${i}.autoCallId`] = 'AutoCall not found';
			else if (t.status === 'HALTED') details[`batch.${i}.autoCallId`] = 'AutoCall is halted';
		});
		if (Object.keys(details).length > 0)
			return err(400, 'Validation failed', 'unknown or halted task', details);
		const ids = new Map<number, string>();
		const byTask = new Map<string, number[]>();
		// push, not a spread copy per candidate: a batch of 1,000 would cost half a million copies
		v.value.batch.forEach((c, i) => {
			const indexes = byTask.get(c.autoCallId);
			if (indexes) indexes.push(i);
			else byTask.set(c.autoCallId, [i]);
		});
		for (const [taskId, indexes] of byTask) {
			const task = this.state.tasks.get(taskId)!;
			const added = this.state.addCandidates(
				task,
				indexes.map((i) => v.value.batch[i]),
				v.value.forceStart === true,
			);
			indexes.forEach((i, k) => ids.set(i, added[k]));
		}
		return ok(
			v.value.batch.map((c, i) => ({
				autoCallId: { identity: c.autoCallId },
				autoCallCandidateId: { identity: ids.get(i) },
			})),
			'autoCallCandidate/batch',
		);
	}

	/** `/autoCallCandidate` (research §2.6 [I], conflicting evidence): one candidate, or tolerantly a `batch` wrapper. */
	private addOne(req: ProviderRequest): ProviderReply {
		const json = parseJson(req);
		if (!json.ok) return json.reply;
		if (json.value && typeof json.value === 'object' && 'batch' in json.value)
			return this.addBatch(req);
		const v = validate(S.singleCandidateSchema, req);
		if (!v.ok) return v.reply;
		const task = this.state.tasks.get(v.value.autoCallId);
		if (!task) return err(404, 'AutoCall not found', 'unknown task');
		if (task.status === 'HALTED') return err(400, 'AutoCall is halted', 'halted task');
		const [id] = this.state.addCandidates(task, [v.value], v.value.forceStart === true);
		return ok(
			{ autoCallId: { identity: task.id }, autoCallCandidateId: { identity: id } },
			'autoCallCandidate',
		);
	}

	private cancel(req: ProviderRequest): ProviderReply {
		const taskId = first(req.query, 'autoCallId');
		const phone = first(req.query, 'phone');
		if (!taskId || !phone)
			return err(400, 'Validation failed', 'missing query', {
				...(taskId ? {} : { autoCallId: 'Required' }),
				...(phone ? {} : { phone: 'Required' }),
			});
		return this.withTask(taskId, (t) => {
			const n = this.state.cancel(t, phone);
			if (n === 0) return err(404, 'Candidate not found', 'no open candidate with that phone');
			return ok({ cancelled: n }, 'autoCallCandidate/cancel');
		});
	}

	private templateBatch(req: ProviderRequest): ProviderReply {
		const v = validate(S.templateBatchSchema, req);
		if (!v.ok) return v.reply;
		const details = this.templateProblems(v.value.batch);
		if (Object.keys(details).length > 0)
			return err(400, 'Validation failed', 'unknown template or bot', details);
		const made = this.state.addFromTemplates(v.value.batch);
		// The doc's answer is an array of arrays; the sandbox gives one inner array per batch entry.
		return ok(
			made.map((m) => [
				{
					autoCallId: { identity: m.autoCallId },
					autoCallCandidateId: { identity: m.autoCallCandidateId },
				},
			]),
			'autoCallCandidate/single/batch',
		);
	}

	private templateProblems(
		items: S.TemplateCandidateInput[],
		prefix = 'batch',
	): Record<string, string> {
		const details: Record<string, string> = {};
		items.forEach((c, i) => {
			const at = prefix ? `${prefix}.${i}.` : '';
			if (!this.state.templateFor(c.autoCallTemplateId ?? undefined))
				details[`${at}autoCallTemplateId`] = c.autoCallTemplateId
					? 'Template not found'
					: 'No default template is set in the cabinet';
			if (c.botSettingsId && !this.state.bots.has(c.botSettingsId))
				details[`${at}botSettingsId`] = 'Bot script not found';
		});
		return details;
	}

	private single(req: ProviderRequest): ProviderReply {
		const v = validate(S.singleCallSchema, req);
		if (!v.ok) return v.reply;
		const details = this.templateProblems([{ ...v.value, autoCallTemplateId: undefined }], '');
		if (Object.keys(details).length > 0)
			return err(400, 'Validation failed', 'no default template or bot', details);
		const m = this.state.addSingle(v.value);
		return ok(
			{
				autoCallId: { identity: m.autoCallId },
				autoCallCandidateId: { identity: m.autoCallCandidateId },
			},
			'autoCallCandidate/single',
		);
	}

	private depersonalize(req: ProviderRequest, callId: string): ProviderReply {
		const v = validate(S.depersonalizeSchema, req);
		if (!v.ok) return v.reply;
		const call = this.state.calls.get(callId);
		if (!call) return err(404, 'Call not found', 'unknown call');
		this.state.depersonalize(call, v.value.skipDeleteRecord === true);
		// Documented: 200 with an empty body.
		return { status: 200, body: '', outcome: 'accepted', operation: 'calls/depersonalization' };
	}

	/** Direct SIP integration warm-up (research §2.13, FYI): acknowledges each call; the answer shape is undocumented. */
	private warmUp(req: ProviderRequest): ProviderReply {
		const json = parseJson(req);
		if (!json.ok) return json.reply;
		const calls = (json.value as { calls?: unknown }).calls;
		if (!Array.isArray(calls) || calls.length === 0)
			return err(400, 'Validation failed', 'no calls', { calls: 'At least one call is required' });
		return ok(
			{
				calls: calls.map((c: { callId?: unknown }) => ({
					callId: c?.callId ?? randomUUID(),
					status: 'READY',
					ttl: 180,
				})),
			},
			'calls',
		);
	}

	private botSettings(botId: string): ProviderReply {
		const bot = this.state.bots.get(botId);
		if (!bot) return err(404, 'Bot not found', 'unknown bot');
		return ok(
			{
				id: bot.id,
				botId: bot.id,
				name: bot.name,
				language: bot.language,
				voiceId: 'alena',
				variables: ['Name', 'LastName'],
				nodes: [{ id: 'start', type: 'message', text: 'Hello! Can you talk now?' }],
			},
			'botsSettings',
		);
	}

	private listBots(req: ProviderRequest): ProviderReply {
		const p = paging(req.query, this.env.options.twin24.listLimitMax);
		if (!p.ok) return p.reply;
		const rows = [...this.state.bots.values()].map((b) => ({ ...b }) as Record<string, unknown>);
		sortRows(rows, first(req.query, 'sort'));
		const fields = first(req.query, 'fields');
		const out: Record<string, unknown> = {};
		if (first(req.query, 'withoutCount') !== 'true') out.count = rows.length;
		if (first(req.query, 'withoutItems') !== 'true')
			out.items = rows.slice(p.offset, p.offset + p.limit).map((r) => pickFields(r, fields));
		return ok(out, 'bots/list');
	}

	/**
	 * Analytics search: `fields` picks the columns, any other parameter is an equality filter on a field,
	 * `from` / `to` bound `startedAt`. Documented: at most 50,000 records per period: rows past that are
	 * never served; `count` tells the whole number so a client can see the period is too wide.
	 */
	private search(
		req: ProviderRequest,
		row: (c: Call) => Record<string, unknown>,
		operation: string,
	): ProviderReply {
		const p = paging(req.query, this.env.options.twin24.listLimitMax);
		if (!p.ok) return p.reply;
		const range = period(req.query);
		if (!range.ok) return range.reply;
		const filters = Object.entries(req.query).filter(([k]) => !PAGING_PARAMS.has(k));
		const rows = [...this.state.calls.values()]
			.filter(
				(c) =>
					(range.from === undefined || c.startedAt >= range.from) &&
					(range.to === undefined || c.startedAt <= range.to),
			)
			.map(row)
			.filter((r) =>
				filters.every(([k, v]) => {
					const want = Array.isArray(v) ? v : [v];
					const key = k === 'phone' && !('phone' in r) ? 'number' : k;
					return want.includes(String(r[key] ?? ''));
				}),
			);
		sortRows(rows, first(req.query, 'sort') ?? 'startedAt');
		const cap = this.env.options.twin24.analyticsPeriodCap;
		const end = Math.min(p.offset + p.limit, cap);
		const fields = first(req.query, 'fields');
		return ok(
			{
				count: rows.length,
				items: rows.slice(p.offset, Math.max(p.offset, end)).map((r) => pickFields(r, fields)),
			},
			operation,
		);
	}

	/**
	 * `autoCall/import` (research §2 row 12, white-label clone only [I]): multipart with `data` (the
	 * create-task JSON) and `file` (CSV, header row with a `phone` column; `;` between several numbers;
	 * other columns become variables).
	 */
	private importTask(req: ProviderRequest): ProviderReply {
		const ct = req.headers['content-type'];
		const parts = isMultipart(ct) ? parseMultipart(req.rawBody, ct!) : undefined;
		if (!parts) return err(400, 'Expected multipart/form-data with data and file', 'not multipart');
		const data = parts.find((x) => x.name === 'data');
		const file = parts.find((x) => x.name === 'file');
		if (!data || !file)
			return err(400, 'Validation failed', 'missing parts', {
				...(data ? {} : { data: 'Required' }),
				...(file ? {} : { file: 'Required' }),
			});
		let json: unknown;
		try {
			json = JSON.parse(data.data.toString('utf8'));
		} catch {
			return err(400, 'Validation failed', 'data not JSON', { data: 'Must be JSON' });
		}
		const body = S.createTaskSchema.safeParse(json);
		if (!body.success)
			return err(
				400,
				'Validation failed',
				'invalid task',
				issuesToDetails(body.error.issues, ['data']),
			);
		const [header, ...lines] = file.data
			.toString('utf8')
			.split(/\r?\n/)
			.filter((l) => l.trim() !== '');
		const columns = (header ?? '').split(',').map((c) => c.trim());
		const phoneAt = columns.indexOf('phone');
		if (phoneAt < 0)
			return err(400, 'Validation failed', 'no phone column', {
				file: 'The CSV needs a phone column',
			});
		const task = this.state.createTask(body.data);
		const items = lines.map((line) => {
			const cells = line.split(',').map((c) => c.trim());
			const variables: Record<string, string> = {};
			columns.forEach((c, i) => {
				if (i !== phoneAt && c !== '') variables[c] = cells[i] ?? '';
			});
			return { phone: (cells[phoneAt] ?? '').split(';').filter((x) => x !== ''), variables };
		});
		this.state.addCandidates(
			task,
			items.filter((i) => i.phone.length > 0),
			false,
		);
		return ok({ id: { identity: task.id } }, 'autoCall/import');
	}

	/** Cabinet settings (research §3.6): `cis.webhooks.incomingCall` registers the inbound-call webhook. */
	private companySettings(
		req: ProviderRequest,
		m: RegExpExecArray,
		auth: TokenClaims,
	): ProviderReply {
		if (Number(m[1]) !== auth.company_id)
			return err(403, 'Access to the company is denied', 'other company');
		const json = parseJson(req);
		if (!json.ok) return json.reply;
		const settings = (json.value as { settings?: Record<string, unknown> }).settings;
		if (!settings || typeof settings !== 'object')
			return err(400, 'Validation failed', 'no settings', { settings: 'Required' });
		const url = settings['cis.webhooks.incomingCall'];
		if (url !== undefined) {
			if (url !== null && (typeof url !== 'string' || !/^https?:\/\//.test(url)))
				return err(400, 'Validation failed', 'bad webhook url', {
					'settings.cis.webhooks.incomingCall': 'Must be an http(s) URL',
				});
			this.state.incomingCallWebhookUrl = url ?? undefined;
		}
		return ok({ settings }, 'companies/settings');
	}

	// ---- test and control API --------------------------------------------------------------------

	/**
	 * One dialling round (Twin24State.dial) and the webhooks it causes, in order; resolves when every
	 * delivery is answered. Redials wait for the sandbox clock to pass their time.
	 */
	async simulateCalls(
		opts: S.SimulateCallsCommand = {},
	): Promise<{ calls: Record<string, unknown>[]; deliveries: Twin24Delivery[] }> {
		const calls = this.state.dial(opts);
		const entries = this.state.outbox.splice(0);
		const deliveries =
			opts.webhooks === false ? [] : await this.webhooks.send(entries, opts.concurrency);
		return { calls: calls.map((c) => this.state.callRow(c)), deliveries };
	}

	/** Rounds until no running task has a candidate due now (redials later than now stay scheduled). */
	async simulateAllCalls(
		opts: Omit<S.SimulateCallsCommand, 'limit'> = {},
	): Promise<{ calls: number; deliveries: Twin24Delivery[] }> {
		let calls = 0;
		const deliveries: Twin24Delivery[] = [];
		for (;;) {
			const r = await this.simulateCalls(opts);
			if (r.calls.length === 0) break;
			calls += r.calls.length;
			deliveries.push(...r.deliveries);
		}
		return { calls, deliveries };
	}

	async inboundCall(opts: S.InboundCallCommand = {}): Promise<Twin24Delivery[]> {
		this.state.inboundCall(opts);
		return await this.webhooks.send(this.state.outbox.splice(0));
	}

	/** Waits for the deliveries queued by API requests (status changes). */
	async flush(): Promise<void> {
		await this.flushOutbox();
		await this.webhooks.idle();
	}

	expireAllTokens(opts: { refreshTokens?: boolean } = {}): { expired: number } {
		return this.iam.expireAllTokens(opts);
	}

	async control(command: string, body: unknown): Promise<{ status: number; payload: unknown }> {
		const b = (body ?? {}) as Record<string, unknown>;
		const bad = (issues: unknown) => ({
			status: 400,
			payload: { error: `invalid ${command} command`, issues },
		});
		switch (command) {
			case 'expireTokens':
				return {
					status: 200,
					payload: this.expireAllTokens({ refreshTokens: b.refreshTokens === true }),
				};
			case 'simulateCalls':
			case 'simulateAllCalls': {
				const p = S.simulateCallsSchema.safeParse(b);
				if (!p.success) return bad(p.error.issues);
				if (
					p.data.outcomes?.some(
						(o) => !FINAL_CALL_STATUSES.includes((typeof o === 'string' ? o : o.status) as never),
					)
				)
					return bad(`outcomes must be call statuses: ${FINAL_CALL_STATUSES.join(', ')}`);
				const r =
					command === 'simulateCalls'
						? await this.simulateCalls(p.data)
						: await this.simulateAllCalls(p.data);
				if (!p.data.summary) return { status: 200, payload: r };
				// Thousands of deliveries: counts only.
				const deliveries: Record<string, number> = {};
				for (const d of r.deliveries) {
					const key = `${d.event} ${d.status}`;
					deliveries[key] = (deliveries[key] ?? 0) + 1;
				}
				const calls = typeof r.calls === 'number' ? r.calls : r.calls.length;
				return { status: 200, payload: { calls, deliveries } };
			}
			case 'inboundCall': {
				const p = S.inboundCallSchema.safeParse(b);
				if (!p.success) return bad(p.error.issues);
				if (!p.data.url && !this.state.incomingCallWebhookUrl)
					return bad('no url given and no cis.webhooks.incomingCall set');
				return { status: 200, payload: { deliveries: await this.inboundCall(p.data) } };
			}
			case 'setIncomingCallWebhook':
				if (b.url !== null && (typeof b.url !== 'string' || !/^https?:\/\//.test(b.url)))
					return bad('url must be an http(s) URL or null');
				this.state.incomingCallWebhookUrl = (b.url as string | null) ?? undefined;
				return { status: 200, payload: { url: b.url } };
			case 'deliveries': {
				const d = this.webhooks.deliveries.filter(
					(x) =>
						(b.event === undefined || x.event === b.event) &&
						(b.taskId === undefined || x.taskId === b.taskId),
				);
				return { status: 200, payload: d };
			}
			case 'repeat':
				if (typeof b.seq !== 'number') return bad('seq (number) is required');
				try {
					return { status: 200, payload: await this.webhooks.repeat(b.seq) };
				} catch (e) {
					return { status: 404, payload: { error: String(e) } };
				}
			case 'redeliver':
				return { status: 200, payload: await this.webhooks.redeliverFailed() };
			case 'flush':
				await this.flush();
				return { status: 200, payload: { ok: true } };
			default:
				return {
					status: 404,
					payload: {
						error: `unknown twin24 command ${command}; one of expireTokens, simulateCalls, simulateAllCalls, inboundCall, setIncomingCallWebhook, deliveries, repeat, redeliver, flush`,
					},
				};
		}
	}
}
