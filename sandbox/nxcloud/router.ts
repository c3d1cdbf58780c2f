/**
 * NXCloud simulator (`/nxcloud` prefix) for the "API call convention" (research/nxcloud.md §3):
 * headers accessKey, ts (ms, ±60 000), bizType, action, sign (+ optional algorithm: sha256), read
 * case-insensitively; signature recomputed from the raw body bytes. Convention errors are HTTP 200 with
 * `{code, message, traceId}` (the per-API envelope the research shows for voice upload v1):
 *   1001 Missing parameters · 1002 Parameter error · 1003 Invalid signature · 1004 Timestamp expired ·
 *   1005 Insufficient permissions
 *
 * Endpoints (paths as documented on api*.nxcloud.com):
 *   POST /api/voiceSms/getVoiceCdr   voice record query (§4.8), 1 request/s per accessKey
 *   POST /api/voiceSms/getUserFileUrl uploaded voice files (§4.7)
 *   POST /v1/voice/uploadFile        voice file upload v1 (§4.5), multipart, action `upload`, bizType 7 or 8
 *   POST /v1/voice/group/call/send   voice group call (seed table; path and envelope from the analog, see voice.ts)
 *   POST /api/voiceSms/notsend       voice notification (§4.9.2), form
 *   POST /api/voiceSms/versend       voice verification code (§4.9.3), form, one number
 *   POST /api/voiceSms/conversion    OTP conversion report (§4.10), JSON
 * Control commands (`POST /__sandbox/nxcloud/<command>`): `receiptUrl` {url} sets where receipts go,
 * `dial` {receiptUrl?, answered?, durationSeconds?, limit?} makes the calls of everything sent so far.
 * The record query and file list pages predate the convention (they used appkey/secretkey or account/password
 * form fields); their bizType/action values are undocumented, so any non-empty value is accepted there.
 */
import type {
	AuthResult,
	ProviderEnv,
	ProviderModule,
	ProviderReply,
	ProviderRequest,
} from '../provider';
import { jsonReply } from '../provider';
import {
	formatDate,
	formatDateTime,
	hexId,
	isMultipart,
	isUrlEncoded,
	parseMultipart,
	parseUrlEncoded,
} from '../util';
import { fileListSchema, recordQuerySchema } from './schemas';
import { CONVERSION_PATH, GROUP_CALL_PATH, NOTIFY_PATH, NxcloudVoice, OTP_PATH } from './voice';
import { voiceDialSchema } from './voiceSchemas';
import { nxcloudAlgorithm, nxcloudSign, type NxcloudAlgorithm } from './sign';
import { NxcloudState } from './state';

export const CONVENTION_ERRORS = {
	missing: [1001, 'Missing parameters'],
	param: [1002, 'Parameter error'],
	sign: [1003, 'Invalid signature'],
	ts: [1004, 'Timestamp expired'],
	permission: [1005, 'Insufficient permissions'],
} as const;
type ConventionError = keyof typeof CONVENTION_ERRORS;

export interface NxcloudAuth {
	accessKey: string;
	bizType: string;
	action: string;
	algorithm: NxcloudAlgorithm;
}

interface Endpoint {
	/** Accepted bizType values; undefined = undocumented, any non-empty value. */
	bizType?: string[];
	action?: string[];
	run(req: ProviderRequest, auth: NxcloudAuth): ProviderReply;
}

export const RECORD_QUERY_PATH = '/api/voiceSms/getVoiceCdr';
export const FILE_LIST_PATH = '/api/voiceSms/getUserFileUrl';
export const UPLOAD_PATH = '/v1/voice/uploadFile';
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

export class NxcloudProvider implements ProviderModule<NxcloudAuth> {
	readonly name = 'nxcloud' as const;
	readonly prefix = '/nxcloud';
	readonly state = new NxcloudState();
	readonly voice: NxcloudVoice;
	private readonly endpoints: Record<string, Endpoint>;

	constructor(private readonly env: ProviderEnv) {
		this.voice = new NxcloudVoice(this.state, env);
		// bizType / action of the voice send endpoints are undocumented (§4.2, §7.6): any non-empty value.
		this.endpoints = {
			[GROUP_CALL_PATH]: { run: (r) => this.voice.groupCall(this.params(r)) },
			[NOTIFY_PATH]: { run: (r) => this.voice.notify(this.params(r), 'notification') },
			[OTP_PATH]: { run: (r) => this.voice.notify(this.params(r), 'otp') },
			[CONVERSION_PATH]: { run: (r) => this.voice.conversion(this.params(r)) },
			[RECORD_QUERY_PATH]: { run: (r, a) => this.recordQuery(r, a) },
			[FILE_LIST_PATH]: { run: (r) => this.fileList(r) },
			// Doc conflict: example column 8, description "fixed value 7" (§4.5): both accepted.
			[UPLOAD_PATH]: { bizType: ['7', '8'], action: ['upload'], run: (r) => this.upload(r) },
		};
	}

	reset(): void {
		this.state.reset();
	}

	snapshot(): unknown {
		return this.state.snapshot();
	}

	async control(command: string, body: unknown): Promise<{ status: number; payload: unknown }> {
		if (command === 'receiptUrl') {
			const url = (body as { url?: unknown } | null)?.url;
			if (url !== undefined && (typeof url !== 'string' || !/^https?:\/\//.test(url)))
				return { status: 400, payload: { error: 'url must be an http(s) URL or absent' } };
			this.state.receiptUrl = url;
			return { status: 200, payload: { receiptUrl: url ?? null } };
		}
		if (command === 'dial') {
			const p = voiceDialSchema.safeParse(body ?? {});
			if (!p.success)
				return { status: 400, payload: { error: 'invalid dial command', issues: p.error.issues } };
			return { status: 200, payload: await this.voice.dial(p.data) };
		}
		return { status: 404, payload: { error: `unknown nxcloud command ${command}` } };
	}

	private conventionError(key: ConventionError, reason: string): ProviderReply {
		const [code, message] = CONVENTION_ERRORS[key];
		return jsonReply(
			200,
			{ code, message, traceId: hexId() },
			'rejected',
			`${code} ${message}: ${reason}`,
		);
	}

	/** Whether the body takes part in the signature (§3.3): non-empty and not a form / multipart body. */
	static bodyIsSigned(contentType: string | undefined, rawBody: Buffer): boolean {
		return rawBody.length > 0 && !isMultipart(contentType) && !isUrlEncoded(contentType);
	}

	authenticate(req: ProviderRequest): AuthResult<NxcloudAuth> {
		const h = req.headers;
		const accessKey = h['accesskey'];
		const ts = h['ts'];
		const bizType = h['biztype'];
		const action = h['action'];
		const sign = h['sign'];
		const fail = (key: ConventionError, reason: string): AuthResult<NxcloudAuth> => ({
			ok: false,
			reply: this.conventionError(key, reason),
		});
		const missing = (
			[
				['accessKey', accessKey],
				['ts', ts],
				['bizType', bizType],
				['action', action],
				['sign', sign],
			] as const
		)
			.filter(([, v]) => !v)
			.map(([k]) => k);
		if (missing.length) return fail('missing', `missing header(s) ${missing.join(', ')}`);
		const account = this.env.options.accounts.nxcloud;
		if (accessKey !== account.accessKey)
			return fail('permission', `unknown accessKey ${accessKey}`);
		if (!/^\d+$/.test(ts!)) return fail('ts', `ts must be milliseconds, got ${ts}`);
		const skew = Math.abs(this.env.clock() - Number(ts));
		if (skew > this.env.options.nxcloud.tsToleranceMs) {
			return fail(
				'ts',
				`ts ${ts} is ${skew} ms away from server time (tolerance ±${this.env.options.nxcloud.tsToleranceMs} ms)`,
			);
		}
		const algorithm = nxcloudAlgorithm(h['algorithm']);
		const signed = NxcloudProvider.bodyIsSigned(h['content-type'], req.rawBody);
		const expected = nxcloudSign(
			{ accessKey: accessKey!, action: action!, bizType: bizType!, ts: ts! },
			signed ? req.rawBody : undefined,
			account.accessSecret,
			algorithm,
		);
		if (sign !== expected) {
			return fail(
				'sign',
				`sign mismatch (${algorithm}, body ${signed ? 'included' : 'not included'}): got ${sign}, expected ${expected}`,
			);
		}
		return {
			ok: true,
			auth: { accessKey: accessKey!, bizType: bizType!, action: action!, algorithm },
		};
	}

	busyReply(req: ProviderRequest, _auth: NxcloudAuth, retryAfterSeconds?: number): ProviderReply {
		// The verification code page documents its own "not now": code 28, TPS limit reached (§4.9.3).
		if (req.path === OTP_PATH)
			return jsonReply(
				200,
				{ code: '28', messageid: '', message: 'TPS limit reached' },
				'rejected',
				'injected busy (code 28)',
			);
		// The research names no busy / rate-limit code for the other endpoints: plain HTTP 429.
		return jsonReply(
			429,
			{ code: 429, message: 'Too Many Requests', traceId: hexId() },
			'rejected',
			'injected busy (HTTP 429)',
			{ 'Retry-After': String(retryAfterSeconds ?? 1) },
		);
	}

	handle(req: ProviderRequest, auth: NxcloudAuth): ProviderReply {
		const ep = Object.prototype.hasOwnProperty.call(this.endpoints, req.path)
			? this.endpoints[req.path]
			: undefined;
		if (!ep) {
			return jsonReply(
				404,
				{ code: 404, message: 'Not Found', traceId: hexId() },
				'rejected',
				`no NXCloud endpoint ${req.path}`,
			);
		}
		if (req.method !== 'POST') {
			return jsonReply(
				405,
				{ code: 405, message: 'Method Not Allowed', traceId: hexId() },
				'rejected',
				`${req.method} not allowed`,
			);
		}
		if (ep.bizType && !ep.bizType.includes(auth.bizType)) {
			return this.conventionError(
				'param',
				`bizType ${auth.bizType} not valid here (expected ${ep.bizType.join(' or ')})`,
			);
		}
		if (ep.action && !ep.action.includes(auth.action)) {
			return this.conventionError(
				'param',
				`action ${auth.action} not valid here (expected ${ep.action.join(' or ')})`,
			);
		}
		return ep.run(req, auth);
	}

	/** Form or JSON object parameters. */
	private params(req: ProviderRequest): Record<string, unknown> | undefined {
		const ct = req.headers['content-type'];
		if (isUrlEncoded(ct)) return parseUrlEncoded(req.rawText);
		if (req.rawText.trim() === '') return { ...flatQuery(req.query) };
		try {
			const v: unknown = JSON.parse(req.rawText);
			return v && typeof v === 'object' && !Array.isArray(v)
				? (v as Record<string, unknown>)
				: undefined;
		} catch {
			return undefined;
		}
	}

	// ---- voice record query (§4.8) -------------------------------------------------------------------

	private recordQuery(req: ProviderRequest, auth: NxcloudAuth): ProviderReply {
		const now = this.env.clock();
		const windowMs = this.env.options.nxcloud.recordQueryMinIntervalMs;
		const times = (this.state.recordQueryTimes.get(auth.accessKey) ?? []).filter(
			(t) => t > now - windowMs,
		);
		times.push(now);
		this.state.recordQueryTimes.set(auth.accessKey, times);
		if (times.length > 1) {
			const last = this.state.recordQueryLastViolation.get(auth.accessKey);
			if (last === undefined || last <= now - windowMs) {
				this.state.recordQueryLastViolation.set(auth.accessKey, now);
				this.env.addViolation({
					provider: 'nxcloud',
					kind: 'record-query-1-per-second',
					at: now,
					countInWindow: times.length,
					key: auth.accessKey,
					path: req.path,
					requestSeq: req.record.seq,
				});
			}
			// The consequence is undocumented: answer as a rate limiter would.
			return jsonReply(
				429,
				{
					code: 429,
					message: 'Too Many Requests: voice record query allows 1 request per second',
					traceId: hexId(),
				},
				'rejected',
				`record query rate: ${times.length} requests within ${windowMs} ms`,
				{ 'Retry-After': '1' },
			);
		}
		const fail = (info: string) =>
			jsonReply(200, { code: '0', info }, 'rejected', `code 0: ${info}`);
		const params = this.params(req);
		if (!params) return fail('request parameters could not be parsed');
		const p = recordQuerySchema.safeParse(params);
		if (!p.success) {
			const i = p.error.issues[0];
			return fail(`${i.path.join('.') || 'params'}: ${i.message}`);
		}
		const start = parseUtc(p.data.start_time);
		const end = parseUtc(p.data.end_time);
		if (end < start) return fail('end_time is before start_time');
		if (end - start > 24 * 3600 * 1000)
			return fail('start_time..end_time spans more than 24 hours');
		if (start < now - 7 * 24 * 3600 * 1000)
			return fail('only records of the last 7 days can be queried');
		const rows = this.state.records.filter(
			(r) =>
				r.voiceTypeFilter === p.data.voiceType &&
				r.atMs >= start &&
				r.atMs <= end &&
				(!p.data.messageid || String(r.messageid) === p.data.messageid),
		);
		const page = rows.slice((p.data.page - 1) * p.data.page_size, p.data.page * p.data.page_size);
		return jsonReply(
			200,
			{
				code: '1',
				info: {
					total: rows.length,
					page: p.data.page,
					pageSize: p.data.page_size,
					rows: page.map(({ voiceTypeFilter: _v, atMs: _a, ...row }) => row),
				},
			},
			'accepted',
		);
	}

	// ---- uploaded voice files (§4.7) ---------------------------------------------------------------------

	private fileList(req: ProviderRequest): ProviderReply {
		const params = this.params(req);
		const fail = (info: string) =>
			jsonReply(200, { code: 'failed', info }, 'rejected', `failed: ${info}`);
		if (!params) return fail('必填参数请完整填写');
		const p = fileListSchema.safeParse(params);
		if (!p.success) {
			const paging = p.error.issues.some((i) => i.path[0] === 'page' || i.path[0] === 'page_size');
			return fail(paging ? '请正确填写分页参数' : '必填参数请完整填写');
		}
		const rows = this.state.files.filter(
			(f) =>
				(!p.data.queryName || f.file_name.includes(p.data.queryName)) &&
				(!p.data.startTime || f.gmt_create.slice(0, 10) >= p.data.startTime) &&
				(!p.data.endTime || f.gmt_create.slice(0, 10) <= p.data.endTime),
		);
		const page = rows.slice((p.data.page - 1) * p.data.page_size, p.data.page * p.data.page_size);
		return jsonReply(
			200,
			{
				code: 'success',
				info: {
					total: rows.length,
					pageSize: p.data.page_size,
					page: p.data.page,
					rows: page.map((f) => ({ gmt_create: f.gmt_create, file_name: f.file_name, url: f.url })),
				},
			},
			'accepted',
		);
	}

	// ---- voice file upload v1 (§4.5) -------------------------------------------------------------------

	private upload(req: ProviderRequest): ProviderReply {
		const fail = (code: number, message: string) =>
			jsonReply(200, { code, message, traceId: hexId() }, 'rejected', `${code} ${message}`);
		const ct = req.headers['content-type'];
		if (!isMultipart(ct))
			return fail(9000, 'Request parameter error: multipart/form-data expected');
		const parts = parseMultipart(req.rawBody, ct!);
		if (!parts) return fail(9000, 'Request parameter error: malformed multipart body');
		const appkey = parts
			.find((x) => x.name === 'appkey' && x.filename === undefined)
			?.data.toString('utf8');
		const file = parts.find((x) => x.name === 'file');
		if (!appkey) return fail(9000, 'Request parameter error: appkey is required');
		if (!file || file.data.length === 0)
			return fail(9000, 'Request parameter error: file is required');
		if (file.data.length > MAX_UPLOAD_BYTES) return fail(15001, 'The file exceeds 2 MB');
		const now = this.env.clock();
		const ext = /\.([A-Za-z0-9]{1,5})$/.exec(file.filename ?? '')?.[1] ?? 'mp3';
		const url = `https://sandbox.invalid/voice_group/${now}${this.state.files.length}.${ext}`;
		this.state.files.push({
			gmt_create: formatDateTime(now),
			file_name: file.filename ?? `upload-${formatDate(now)}.${ext}`,
			url,
			appkey,
			size: file.data.length,
		});
		return jsonReply(200, { code: 0, message: 'Success', data: url, traceId: hexId() }, 'accepted');
	}
}

function parseUtc(s: string): number {
	return Date.parse(`${s.replace(' ', 'T')}Z`);
}

function flatQuery(q: Record<string, string | string[]>): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(q)) out[k] = Array.isArray(v) ? v[0] : v;
	return out;
}
