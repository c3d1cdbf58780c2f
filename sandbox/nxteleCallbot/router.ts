/**
 * NXTele Callbot v3 simulator (`/nxbot` + `/callcentre/api/v3/<endpoint>`, all POST JSON).
 *
 * Authentication (research/nxcloud.md §1): headers requestID, uuid, createTs (seconds), sign and optional
 * algorithm (MD5 default, SHA256), read case-insensitively; the signature is recomputed over the raw
 * received body bytes. Every answer is HTTP 200 with a retCode envelope (ping: code/msg/reqId) and carries
 * response headers requestID / uuid / createTs / sign (/ algorithm) signed the same way over the exact
 * response body text (§1.6), whenever the account is known.
 */
import { gzipSync } from 'node:zlib';
import type { z } from 'zod';

import type {
	AuthResult,
	ProviderEnv,
	ProviderModule,
	ProviderReply,
	ProviderRequest,
} from '../provider';
import { hexId } from '../util';
import { deliverCallback, type CallbackDelivery } from './callbacks';
import * as S from './schemas';
import { callbotSign, parseCallbotAlgorithm, type CallbotAlgorithm } from './sign';
import {
	CallbotState,
	TASK_STATUS,
	type CallbotCall,
	type CallbotOrder,
	type CallbotTask,
} from './state';

export const CALLBOT_API_PREFIX = '/callcentre/api/v3';

/** Response code table (§2.2; createAndCall page). */
export const RET = {
	success: [0, 'success'],
	general: [1, 'General Error'],
	missing: [2, 'Missing Parameters'],
	format: [3, 'Parameter Format Error'],
	value: [4, 'Invalid Parameter Value'],
	capacity: [4001, 'Parameter Content Capacity Error (Too many array elements)'],
	maintenance: [5, 'Server Maintenance'],
	internal: [5001, 'Internal Server Error'],
	badSign: [6, 'Incorrect Signature'],
	noSign: [6001, 'Missing Signature Error'],
	noAccount: [6002, 'Account Does Not Exist'],
	noPermission: [6003, 'User Does Not Have Permission'],
	busy: [7, 'System Busy'],
	importing: [1001, 'Batch import in progress, import/export not possible'],
} as const;
type RetKey = keyof typeof RET;

export interface CallbotAuth {
	requestID: string;
	uuid: string;
	algorithmHeader?: string;
	algorithm: CallbotAlgorithm;
	secretKey: string;
}

/** Identity echoed in response headers; secretKey only when the account is known (then the answer is signed). */
interface Echo {
	requestID?: string;
	uuid?: string;
	algorithmHeader?: string;
	algorithm: CallbotAlgorithm;
	secretKey?: string;
}

type Handler = (req: ProviderRequest, body: unknown, auth: CallbotAuth) => Answer;
interface Answer {
	payload: Record<string, unknown>;
	ok: boolean;
	reason?: string;
	/** Compress with gzip when the caller accepts it (listCall, exportBatchCall). */
	gzipIfAccepted?: boolean;
}

export class NxteleCallbotProvider implements ProviderModule<CallbotAuth> {
	readonly name = 'nxteleCallbot' as const;
	readonly prefix = '/nxbot';
	readonly state = new CallbotState();
	private readonly endpoints: Record<string, Handler>;

	constructor(private readonly env: ProviderEnv) {
		this.endpoints = {
			ping: (_r, b) => this.ping(b, _r),
			createTask: (_r, b) => this.createTask(b),
			createAndCall: (_r, b) => this.createAndCall(b),
			updateTask: (_r, b) => this.updateTask(b),
			mgrTaskStatus: (_r, b) => this.mgrTaskStatus(b),
			addBatchCall: (_r, b) => this.addBatchCall(b, false),
			importBatchCall: (_r, b) => this.addBatchCall(b, true),
			exportBatchCall: (_r, b) => this.exportBatchCall(b),
			stopOrder: (_r, b) => this.stopOrder(b),
			listTask: (_r, b) => this.listTask(b),
			listOrder: (_r, b) => this.listOrder(b),
			listOrderDetail: (_r, b) => this.listOrderDetail(b),
			listCall: (_r, b) => this.listCall(b),
		};
	}

	private get account() {
		return this.env.options.accounts.nxteleCallbot;
	}
	private get opts() {
		return this.env.options.callbot;
	}
	private nowSeconds(): number {
		return Math.floor(this.env.clock() / 1000);
	}

	reset(): void {
		this.state.reset();
		this.deliveries.length = 0;
		this.failuresAfterActing.length = 0;
		this.tamperedSigns = 0;
	}

	/**
	 * Changes the Callbot rules of the running sandbox (e.g. `{ callListCap: 300 }`; also
	 * `POST /__sandbox/nxteleCallbot/configure`). `reset()` does not undo it.
	 */
	configure(options: Partial<typeof this.env.options.callbot>): void {
		Object.assign(this.env.options.callbot, options);
	}

	/** The next `count` signed answers have their body changed after signing (`POST .../tamperResponses`). */
	tamperResponses(count: number): void {
		this.tamperedSigns += count;
	}
	private tamperedSigns = 0;

	/** The next `count` requests to `endpoint` are carried out and then answered with HTTP `status`. */
	failAfterActing(command: S.FailAfterActingCommand): void {
		this.failuresAfterActing.push({
			endpoint: command.endpoint,
			left: command.count ?? 1,
			status: command.status ?? 500,
		});
	}

	snapshot(): unknown {
		return { ...(this.state.snapshot() as object), callbackDeliveries: this.deliveries };
	}

	/** Callbacks sent by `dial`, oldest first. */
	readonly deliveries: CallbackDelivery[] = [];

	/**
	 * Endpoints whose next answers are replaced by an HTTP error (500 unless told) after the request was
	 * carried out (the provider acted, the caller cannot know): `POST /__sandbox/nxteleCallbot/failAfterActing`.
	 */
	private readonly failuresAfterActing: Array<{ endpoint: string; left: number; status: number }> =
		[];

	async control(command: string, body: unknown): Promise<{ status: number; payload: unknown }> {
		if (command === 'failAfterActing') {
			const p = S.failAfterActingSchema.safeParse(body ?? {});
			if (!p.success)
				return {
					status: 400,
					payload: { error: 'invalid failAfterActing command', issues: p.error.issues },
				};
			this.failAfterActing(p.data);
			return { status: 200, payload: { pending: this.failuresAfterActing } };
		}
		if (command === 'configure') {
			const p = S.configureSchema.safeParse(body ?? {});
			if (!p.success)
				return {
					status: 400,
					payload: { error: 'invalid configure command', issues: p.error.issues },
				};
			this.configure(p.data);
			return { status: 200, payload: this.opts };
		}
		if (command === 'tamperResponses') {
			const count = Number((body as { count?: unknown } | null)?.count ?? 1);
			if (!Number.isInteger(count) || count < 1)
				return { status: 400, payload: { error: 'count must be a whole number of at least 1' } };
			this.tamperResponses(count);
			return { status: 200, payload: { pending: this.tamperedSigns } };
		}
		if (command !== 'dial')
			return { status: 404, payload: { error: `unknown nxteleCallbot command ${command}` } };
		const p = S.dialCommandSchema.safeParse(body ?? {});
		if (!p.success)
			return { status: 400, payload: { error: 'invalid dial command', issues: p.error.issues } };
		return { status: 200, payload: await this.dial(p.data) };
	}

	/**
	 * Simulates one dialling round (see CallbotState.dial) and, unless `callbacks` is false, sends the
	 * signed callCallback, orderCallback and taskCallback (on status change) to the URLs the caller gave.
	 */
	async dial(
		opts: S.DialCommand,
	): Promise<{ calls: CallbotCall[]; deliveries: CallbackDelivery[] }> {
		const now = this.nowSeconds();
		const before = new Map([...this.state.tasks.values()].map((t) => [t.userTaskID, t.taskStatus]));
		const calls = this.state.dial(now, opts);
		const deliveries: CallbackDelivery[] = [];
		if (opts.callbacks === false) return { calls, deliveries };
		const send = async (kind: CallbackDelivery['kind'], url: string, payload: unknown) => {
			if (!/^https?:\/\//.test(url)) return;
			const d = await deliverCallback(
				kind,
				url,
				payload,
				this.account,
				now,
				opts.algorithm ?? 'MD5',
			);
			deliveries.push(d);
			this.deliveries.push(d);
		};
		for (const c of calls) {
			const order = this.state.orders.get(c.orderID)!;
			const detail = this.callView(c);
			await send('call', order.callCallbackUrl, {
				callbackType: 1,
				...this.orderHead(order),
				callInfoDetail: detail,
			});
			if (order.finish) {
				const { callingNumber: _n, lineAddress: _l, ...orderDetail } = detail;
				await send('order', order.orderCallbackUrl, {
					callbackType: '1',
					...this.orderHead(order),
					callInfoDetail: orderDetail,
				});
			}
		}
		for (const t of this.state.tasks.values()) {
			if (before.get(t.userTaskID) !== t.taskStatus) {
				await send('task', t.taskCallbackUrl, {
					callbackType: 1,
					userTaskID: t.userTaskID,
					taskID: t.taskID,
					sceneID: t.sceneID,
					taskStatus: t.taskStatus,
					createTs: t.createTs,
					taskStat: this.state.taskStat(t),
				});
			}
		}
		return { calls, deliveries };
	}

	// ---- authentication -------------------------------------------------------------------------

	authenticate(req: ProviderRequest): AuthResult<CallbotAuth> {
		const h = req.headers;
		const requestID = h['requestid'];
		const uuid = h['uuid'];
		const createTs = h['createts'];
		const sign = h['sign'];
		const algorithmHeader = h['algorithm'];
		const algorithm = parseCallbotAlgorithm(algorithmHeader);
		const known = uuid !== undefined && uuid === this.account.uuid;
		const echo: Echo = {
			requestID,
			uuid,
			algorithmHeader,
			algorithm: algorithm ?? 'MD5',
			secretKey: known ? this.account.secretKey : undefined,
		};
		const fail = (key: RetKey, reason: string): AuthResult<CallbotAuth> => ({
			ok: false,
			reply: this.envelope(echo, key, reason),
		});

		if (!sign) return fail('noSign', 'sign header missing');
		if (!uuid) return fail('noAccount', 'uuid header missing');
		if (!known) return fail('noAccount', `unknown uuid ${uuid}`);
		if (!requestID) return fail('missing', 'requestID header missing');
		if (createTs === undefined || createTs === '')
			return fail('missing', 'createTs header missing');
		if (!/^\d+$/.test(createTs))
			return fail('format', `createTs is not an integer of seconds: ${createTs}`);
		if (!algorithm)
			return fail('format', `unsupported algorithm header ${algorithmHeader} (MD5 or SHA256)`);
		const skew = Math.abs(this.nowSeconds() - Number(createTs));
		if (skew > this.opts.createTsToleranceSeconds) {
			return fail(
				'badSign',
				`createTs ${createTs} is ${skew} s away from server time ${this.nowSeconds()} (tolerance ±${this.opts.createTsToleranceSeconds} s)`,
			);
		}
		const expected = callbotSign(
			this.account.secretKey,
			req.rawBody,
			createTs,
			requestID,
			uuid,
			algorithm,
		);
		if (sign !== expected) {
			return fail(
				'badSign',
				`sign mismatch (${algorithm} over the raw body): got ${sign}, expected ${expected}`,
			);
		}
		return {
			ok: true,
			auth: { requestID, uuid, algorithmHeader, algorithm, secretKey: this.account.secretKey },
		};
	}

	// ---- replies ----------------------------------------------------------------------------------

	/** Serialises once, signs that text, sends the same bytes (or their gzip). */
	private signedReply(
		echo: Echo,
		payload: Record<string, unknown>,
		ok: boolean,
		reason: string | undefined,
		gzip = false,
	): ProviderReply {
		const text = JSON.stringify(payload);
		const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
		if (echo.requestID !== undefined) headers['requestID'] = echo.requestID;
		if (echo.uuid !== undefined) headers['uuid'] = echo.uuid;
		const ts = String(this.nowSeconds());
		headers['createTs'] = ts;
		if (echo.algorithmHeader) headers['algorithm'] = echo.algorithmHeader;
		if (echo.secretKey !== undefined && echo.uuid !== undefined) {
			headers['sign'] = callbotSign(
				echo.secretKey,
				text,
				ts,
				echo.requestID ?? '',
				echo.uuid,
				echo.algorithm,
			);
		}
		let body: string | Buffer = text;
		if (gzip) {
			// The signature covers the JSON text, not the compressed bytes (undocumented, research §1.6).
			body = gzipSync(Buffer.from(text, 'utf8'));
			headers['Content-Encoding'] = 'gzip';
		}
		return {
			status: 200,
			headers,
			body,
			recordBody: text,
			outcome: ok ? 'accepted' : 'rejected',
			reason,
		};
	}

	private envelope(
		echo: Echo,
		key: RetKey,
		reason?: string,
		extra: Record<string, unknown> = {},
	): ProviderReply {
		const [retCode, retMsg] = RET[key];
		return this.signedReply(
			echo,
			{
				retCode,
				retMsg: reason && key !== 'success' ? `${retMsg}: ${reason}` : retMsg,
				responseID: hexId(),
				...extra,
			},
			key === 'success',
			key === 'success' ? undefined : `retCode ${retCode}: ${reason ?? retMsg}`,
		);
	}

	busyReply(req: ProviderRequest, auth: CallbotAuth): ProviderReply {
		const [retCode, retMsg] = RET.busy;
		const endpoint = this.endpointName(req.path);
		const payload: Record<string, unknown> =
			endpoint === 'ping'
				? {
						data: '',
						timestamp: this.nowSeconds(),
						code: retCode,
						msg: retMsg,
						reqId: auth.requestID,
					}
				: { retCode, retMsg, responseID: hexId() };
		return {
			...this.signedReply(auth, payload, false, `retCode ${retCode}: ${retMsg} (injected busy)`),
			operation: endpoint,
		};
	}

	private endpointName(path: string): string | undefined {
		if (!path.startsWith(`${CALLBOT_API_PREFIX}/`)) return undefined;
		return path.slice(CALLBOT_API_PREFIX.length + 1);
	}

	handle(req: ProviderRequest, auth: CallbotAuth): ProviderReply {
		const name = this.endpointName(req.path);
		const handler =
			name !== undefined && Object.prototype.hasOwnProperty.call(this.endpoints, name)
				? this.endpoints[name]
				: undefined;
		if (!handler || name === undefined) {
			return {
				status: 404,
				headers: { 'Content-Type': 'text/plain' },
				body: '404 page not found',
				outcome: 'rejected',
				reason: `no Callbot endpoint ${req.path}`,
			};
		}
		if (req.method !== 'POST') {
			return {
				status: 405,
				headers: { 'Content-Type': 'text/plain', Allow: 'POST' },
				body: '405 method not allowed',
				outcome: 'rejected',
				reason: `${req.method} not allowed (POST only)`,
				operation: name,
			};
		}
		let body: unknown;
		try {
			body = JSON.parse(req.rawText);
		} catch {
			return { ...this.envelope(auth, 'format', 'body is not valid JSON'), operation: name };
		}
		const answer = handler(req, body, auth);
		const failure = this.failuresAfterActing.find((f) => f.endpoint === name && f.left > 0);
		if (failure) {
			failure.left -= 1;
			return {
				status: failure.status,
				headers: { 'Content-Type': 'text/plain' },
				body: failure.status >= 500 ? 'Internal Server Error' : 'Bad Request',
				outcome: answer.ok ? 'accepted' : 'rejected',
				reason: `carried out (${answer.ok ? 'accepted' : (answer.reason ?? 'rejected')}), then answered HTTP ${failure.status} (failAfterActing)`,
				operation: name,
			};
		}
		const gzip = !!answer.gzipIfAccepted && /\bgzip\b/i.test(req.headers['accept-encoding'] ?? '');
		const reply = this.signedReply(auth, answer.payload, answer.ok, answer.reason, gzip);
		if (this.tamperedSigns > 0 && reply.headers?.sign) {
			// A test knob: the answer as a man in the middle would change it, the sign left as it was.
			this.tamperedSigns -= 1;
			reply.body = String(reply.recordBody ?? reply.body).replace(/\}$/, ',"tampered":true}');
			delete reply.headers['Content-Encoding'];
			reply.recordBody = reply.body;
		}
		return { ...reply, operation: name };
	}

	// ---- helpers ------------------------------------------------------------------------------------

	private ret(key: RetKey, reason?: string, extra: Record<string, unknown> = {}): Answer {
		const [retCode, retMsg] = RET[key];
		return {
			payload: {
				retCode,
				retMsg: reason && key !== 'success' ? `${retMsg}: ${reason}` : retMsg,
				responseID: hexId(),
				...extra,
			},
			ok: key === 'success',
			reason: key === 'success' ? undefined : `retCode ${retCode}: ${reason ?? retMsg}`,
		};
	}

	private ok(extra: Record<string, unknown>): Answer {
		return this.ret('success', undefined, extra);
	}

	/** zod issue -> retCode 2 (missing), 3 (wrong type / format) or 4 (bad value). */
	private parse<T extends z.ZodTypeAny>(
		schema: T,
		body: unknown,
	): { data: z.infer<T> } | { error: Answer } {
		const r = schema.safeParse(body);
		if (r.success) return { data: r.data };
		const issue = r.error.issues[0];
		const where = issue.path.length ? issue.path.join('.') : '(body)';
		let key: RetKey = 'value';
		if (issue.code === 'invalid_type') key = issue.received === 'undefined' ? 'missing' : 'format';
		else if (issue.code === 'invalid_literal' && issue.received === undefined) key = 'missing';
		return { error: this.ret(key, `${where}: ${issue.message}`) };
	}

	private task(userTaskID: string): CallbotTask | undefined {
		return this.state.tasks.get(userTaskID);
	}

	private createTaskRecord(
		b: {
			userTaskID: string;
			sceneID: string;
			taskCreateSetting?: Record<string, unknown>;
			funcFlag?: Record<string, unknown>;
		} & Record<string, unknown>,
		createdBy: CallbotTask['createdBy'],
	): CallbotTask {
		const setting = (b.taskCreateSetting ?? {}) as Record<string, unknown>;
		const startupType = setting.startupType;
		const now = this.nowSeconds();
		const task: CallbotTask = {
			userTaskID: b.userTaskID,
			taskID: this.state.newTaskID(),
			sceneID: b.sceneID,
			taskName: typeof setting.taskName === 'string' ? setting.taskName : '',
			// 3 = immediate start; 1 manual and 2 scheduled wait (the sandbox does not run schedules).
			taskStatus: startupType === 3 ? TASK_STATUS.running : TASK_STATUS.pending,
			createTs: now,
			updatedTs: now,
			taskCreateSetting: setting,
			funcFlag: (b.funcFlag ?? {}) as Record<string, unknown>,
			taskCallbackUrl:
				typeof setting.taskCallbackUrl === 'string'
					? setting.taskCallbackUrl
					: typeof b.taskCallbackUrl === 'string'
						? b.taskCallbackUrl
						: '',
			orderCallbackUrl: typeof b.orderCallbackUrl === 'string' ? b.orderCallbackUrl : '',
			other: typeof b.other === 'string' ? b.other : '',
			orderIDs: [],
			createdBy,
		};
		this.state.tasks.set(task.userTaskID, task);
		return task;
	}

	/** Adds orders; duplicates (already known anywhere, or twice in this list) are reported, not added. */
	private addOrders(task: CallbotTask, info: S.CallInfoList, batchID?: string) {
		const errList: Array<{ orderID: string; phone: string; errMsg: string }> = [];
		let successCount = 0;
		const now = this.nowSeconds();
		for (const item of info.callList) {
			if (this.state.orders.has(item.orderID)) {
				errList.push({
					orderID: item.orderID,
					phone: item.userPhone,
					errMsg: 'orderID already exists',
				});
				continue;
			}
			const order: CallbotOrder = {
				orderID: item.orderID,
				userTaskID: task.userTaskID,
				taskID: task.taskID,
				sceneID: task.sceneID,
				userPhone: item.userPhone,
				userName: item.userName,
				customerName: item.customerName,
				other: item.other,
				params: item.params.map((p) => ({ name: p.name, value: p.value })),
				orderCallbackUrl: info.orderCallbackUrl,
				callCallbackUrl: info.callCallbackUrl,
				batchID,
				createdTs: now,
				finish: false,
				stopped: false,
				deleted: false,
				calls: [],
			};
			this.state.orders.set(order.orderID, order);
			task.orderIDs.push(order.orderID);
			successCount += 1;
		}
		return { totalCount: info.callList.length, successCount, errList };
	}

	private callView(c: CallbotCall) {
		return {
			callID: c.callID,
			callingNumber: c.callingNumber,
			lineAddress: c.lineAddress,
			callStatus: c.callStatus,
			callStartTs: c.callStartTs,
			callAnswerTs: c.callAnswerTs,
			callEndTs: c.callEndTs,
			callDuration: c.callDuration,
			callAudioUrl: c.callAudioUrl,
			hangupCause: c.hangupCause,
			termSipCode: c.termSipCode,
			intents: c.intents,
			sms: c.sms,
			agent: c.agent,
			params: c.params,
		};
	}

	private orderHead(o: CallbotOrder) {
		return {
			orderID: o.orderID,
			userPhone: o.userPhone,
			userName: o.userName,
			sceneID: o.sceneID,
			userTaskID: o.userTaskID,
			taskID: o.taskID,
			finish: o.finish,
			other: o.other,
		};
	}

	private pageOf<T>(items: T[], page: number, size: number): T[] {
		return items.slice((page - 1) * size, page * size);
	}

	private checkSize(size: number): Answer | undefined {
		if (this.opts.maxPageSize > 0 && size > this.opts.maxPageSize) {
			return this.ret('value', `size must be at most ${this.opts.maxPageSize}`);
		}
		return undefined;
	}

	// ---- endpoints ------------------------------------------------------------------------------------

	private ping(body: unknown, req: ProviderRequest): Answer {
		const p = this.parse(S.pingSchema, body);
		if ('error' in p) return p.error;
		return {
			payload: {
				data: p.data.data,
				timestamp: this.nowSeconds(),
				code: 0,
				msg: 'success',
				reqId: req.headers['requestid'] ?? '',
			},
			ok: true,
		};
	}

	private createTask(body: unknown): Answer {
		const p = this.parse(S.createTaskSchema, body);
		if ('error' in p) return p.error;
		const existing = this.task(p.data.userTaskID);
		if (existing)
			return this.ret('value', 'userTaskID already exists', { taskID: existing.taskID });
		const task = this.createTaskRecord(p.data, 'createTask');
		return this.ok({ taskID: task.taskID });
	}

	/** retCode 4001 when callInfoList.callList holds more entries than the cap (checked before the schema). */
	private callListOverCap(body: unknown): Answer | undefined {
		const rawList = (body as { callInfoList?: { callList?: unknown } } | null)?.callInfoList
			?.callList;
		if (!Array.isArray(rawList) || rawList.length <= this.opts.callListCap) return undefined;
		return this.ret(
			'capacity',
			`callList has ${rawList.length} entries, at most ${this.opts.callListCap}`,
		);
	}

	private createAndCall(body: unknown): Answer {
		const overCap = this.callListOverCap(body);
		if (overCap) return overCap;
		const p = this.parse(S.createAndCallSchema, body);
		if ('error' in p) return p.error;
		const existing = this.task(p.data.userTaskID);
		if (existing) {
			return this.ret('value', 'userTaskID already exists', {
				taskID: existing.taskID,
				totalCount: 0,
				successCount: 0,
				errList: [],
			});
		}
		const task = this.createTaskRecord(p.data, 'createAndCall');
		const added = this.addOrders(task, p.data.callInfoList);
		return this.ok({
			taskID: task.taskID,
			totalCount: added.totalCount,
			successCount: added.successCount,
			errList: added.errList,
		});
	}

	private updateTask(body: unknown): Answer {
		const p = this.parse(S.updateTaskSchema, body);
		if ('error' in p) return p.error;
		const task = this.task(p.data.userTaskID);
		if (!task) return this.ret('value', 'task not found');
		if (task.taskStatus !== TASK_STATUS.pending && task.taskStatus !== TASK_STATUS.paused) {
			return this.ret('value', 'only tasks that are paused or not yet started can be updated', {
				taskID: task.taskID,
				taskStatus: task.taskStatus,
			});
		}
		if (p.data.sceneID && p.data.sceneID !== task.sceneID)
			return this.ret('value', 'sceneID cannot be changed');
		if (p.data.taskCreateSetting) {
			task.taskCreateSetting = { ...task.taskCreateSetting, ...p.data.taskCreateSetting };
			if (typeof p.data.taskCreateSetting.taskName === 'string')
				task.taskName = p.data.taskCreateSetting.taskName;
			if (typeof p.data.taskCreateSetting.taskCallbackUrl === 'string')
				task.taskCallbackUrl = p.data.taskCreateSetting.taskCallbackUrl;
		}
		if (p.data.funcFlag) task.funcFlag = { ...task.funcFlag, ...p.data.funcFlag };
		task.updatedTs = this.nowSeconds();
		return this.ok({ taskID: task.taskID });
	}

	private mgrTaskStatus(body: unknown): Answer {
		const p = this.parse(S.mgrTaskStatusSchema, body);
		if ('error' in p) return p.error;
		const task = this.task(p.data.userTaskID);
		if (!task) return this.ret('value', 'task not found');
		const final =
			task.taskStatus === TASK_STATUS.completed || task.taskStatus === TASK_STATUS.ended;
		const op = p.data.taskOperate;
		if (op === 1) {
			if (final)
				return this.ret('value', 'task already finished', {
					taskID: task.taskID,
					taskStatus: task.taskStatus,
				});
			task.taskStatus = TASK_STATUS.running;
		} else if (op === 2) {
			if (final)
				return this.ret('value', 'task already finished', {
					taskID: task.taskID,
					taskStatus: task.taskStatus,
				});
			task.taskStatus = TASK_STATUS.paused;
		} else if (!final) {
			task.taskStatus = TASK_STATUS.ended;
		}
		if (p.data.delCall === 1) {
			for (const o of this.state.ordersOf(task))
				if (o.calls.length === 0 && !o.finish) o.deleted = true;
		}
		task.updatedTs = this.nowSeconds();
		return this.ok({ taskID: task.taskID, taskStatus: task.taskStatus });
	}

	private addBatchCall(body: unknown, asBatch: boolean): Answer {
		const overCap = this.callListOverCap(body);
		if (overCap) return overCap;
		const p = this.parse(S.addBatchCallSchema, body);
		if ('error' in p) return p.error;
		const task = this.task(p.data.userTaskID);
		if (!task) return this.ret('value', 'task not found (create it first)');
		if (task.taskStatus === TASK_STATUS.completed || task.taskStatus === TASK_STATUS.ended) {
			if (task.funcFlag.taskKeep !== true)
				return this.ret('value', 'task already finished', { taskID: task.taskID });
		}
		const batchID = asBatch ? `B${hexId().slice(0, 16)}` : undefined;
		const added = this.addOrders(task, p.data.callInfoList, batchID);
		if (batchID) task.latestBatchID = batchID;
		return this.ok({
			taskID: task.taskID,
			...(batchID ? { batchID } : {}),
			totalCount: added.totalCount,
			successCount: added.successCount,
			errList: added.errList,
		});
	}

	private exportBatchCall(body: unknown): Answer {
		const p = this.parse(S.exportBatchCallSchema, body);
		if ('error' in p) return p.error;
		const task = this.task(p.data.userTaskID);
		if (!task) return this.ret('value', 'task not found');
		const orders = this.state
			.ordersOf(task)
			.filter((o) => task.latestBatchID && o.batchID === task.latestBatchID);
		const callList = orders.map((o) => {
			const last = o.calls[o.calls.length - 1];
			return {
				orderID: o.orderID,
				userPhone: o.userPhone,
				other: o.other,
				callID: last?.callID ?? '',
				callStatus: last?.callStatus ?? 0,
				callStartTs: last?.callStartTs ?? 0,
				callAnswerTs: last?.callAnswerTs ?? 0,
				callEndTs: last?.callEndTs ?? 0,
				callDuration: last?.callDuration ?? 0,
				intents: last?.intents ?? [],
			};
		});
		return {
			...this.ok({ totalCount: callList.length, batchID: task.latestBatchID ?? '', callList }),
			gzipIfAccepted: true,
		};
	}

	private stopOrder(body: unknown): Answer {
		const p = this.parse(S.stopOrderSchema, body);
		if ('error' in p) return p.error;
		const task = this.task(p.data.userTaskID);
		if (!task) return this.ret('value', 'task not found');
		const errList: Array<{ orderID: string; errMsg: string }> = [];
		let successCount = 0;
		for (const id of p.data.orderIDs) {
			const o = this.state.orders.get(id);
			if (!o || o.userTaskID !== task.userTaskID || o.deleted) {
				errList.push({ orderID: id, errMsg: 'order not found' });
				continue;
			}
			o.stopped = true;
			if (p.data.delCall === 1 && o.calls.length === 0) o.deleted = true;
			successCount += 1;
		}
		return this.ok({ totalCount: p.data.orderIDs.length, successCount, errList });
	}

	private listTask(body: unknown): Answer {
		const p = this.parse(S.listTaskSchema, body);
		if ('error' in p) return p.error;
		const bad = this.checkSize(p.data.size);
		if (bad) return bad;
		const q = p.data.queryConditions;
		const tasks = [...this.state.tasks.values()].filter(
			(t) =>
				(!q.taskStatus?.length || q.taskStatus.includes(t.taskStatus)) &&
				(!q.taskName?.length || q.taskName.includes(t.taskName)) &&
				(!q.sceneID || q.sceneID === t.sceneID) &&
				(!q.userTaskID?.length || q.userTaskID.includes(t.userTaskID)) &&
				(!q.startTs || t.createTs >= q.startTs) &&
				(!q.endTs || t.createTs <= q.endTs),
		);
		const taskData = this.pageOf(tasks, p.data.page, p.data.size).map((t) => ({
			userTaskID: t.userTaskID,
			taskID: t.taskID,
			sceneID: t.sceneID,
			taskName: t.taskName,
			taskStatus: t.taskStatus,
			createTs: t.createTs,
			taskStat: this.state.taskStat(t),
		}));
		return this.ok({ taskData });
	}

	private callMatches(
		c: CallbotCall,
		o: {
			intentID?: string[] | null;
			intentName?: string[] | null;
			intentTag?: string[] | null;
			intentLevel?: number[] | null;
			callStatus?: number[] | null;
			callDuration?: { gt: number; lt: number; enable: boolean } | null;
			turnTime?: { gt: number; lt: number; enable: boolean } | null;
		},
	): boolean {
		const anyIntent = (
			pick: (i: CallbotCall['intents'][number]) => string | number,
			wanted?: Array<string | number> | null,
		) => !wanted?.length || c.intents.some((i) => wanted.includes(pick(i)));
		const inRange = (v: number, r?: { gt: number; lt: number; enable: boolean } | null) =>
			!r || !r.enable || (v > r.gt && v < r.lt);
		return (
			(!o.callStatus?.length || o.callStatus.includes(c.callStatus)) &&
			anyIntent((i) => i.intentID, o.intentID) &&
			anyIntent((i) => i.intentName, o.intentName) &&
			anyIntent((i) => i.intentTag, o.intentTag) &&
			anyIntent((i) => i.intentLevel, o.intentLevel) &&
			inRange(c.callDuration, o.callDuration) &&
			inRange(c.turnTime, o.turnTime)
		);
	}

	private listOrder(body: unknown): Answer {
		const p = this.parse(S.listOrderSchema, body);
		if ('error' in p) return p.error;
		const bad = this.checkSize(p.data.size);
		if (bad) return bad;
		const task = this.task(p.data.userTaskID);
		if (!task) return this.ret('value', 'task not found');
		const o = p.data.options;
		const callFilterUsed = !!(
			o.callStatus?.length ||
			o.intentID?.length ||
			o.intentName?.length ||
			o.intentTag?.length ||
			o.intentLevel?.length ||
			o.callDuration?.enable ||
			o.turnTime?.enable
		);
		const orders = this.state.ordersOf(task).filter((order) => {
			if (o.orderID?.length && !o.orderID.includes(order.orderID)) return false;
			if (o.finish === 1 && !order.finish) return false;
			if (o.finish === 0 && order.finish) return false;
			const last = order.calls[order.calls.length - 1];
			if (callFilterUsed) return !!last && this.callMatches(last, o);
			return true;
		});
		// Response field name undocumented (research §2.13): `orderList`, one entry per order with its last call.
		const orderList = this.pageOf(orders, p.data.page, p.data.size).map((order) => {
			const last = order.calls[order.calls.length - 1];
			return { ...this.orderHead(order), callInfoDetail: last ? this.callView(last) : null };
		});
		return this.ok({ orderList });
	}

	private listOrderDetail(body: unknown): Answer {
		const rawList = (body as { orderList?: unknown } | null)?.orderList;
		if (Array.isArray(rawList) && rawList.length > this.opts.listOrderDetailMax) {
			return this.ret(
				'capacity',
				`orderList has ${rawList.length} ids, at most ${this.opts.listOrderDetailMax}`,
			);
		}
		const p = this.parse(S.listOrderDetailSchema, body);
		if ('error' in p) return p.error;
		const task = this.task(p.data.userTaskID);
		if (!task) return this.ret('value', 'task not found');
		const orderDetailList = p.data.orderList
			.map((id) => this.state.orders.get(id))
			.filter((o): o is CallbotOrder => !!o && o.userTaskID === task.userTaskID && !o.deleted)
			.map((o) => ({
				...this.orderHead(o),
				callInfoDetailList: o.calls.map((c) => this.callView(c)),
			}));
		return this.ok({ orderDetailList });
	}

	private listCall(body: unknown): Answer {
		const p = this.parse(S.listCallSchema, body);
		if ('error' in p) return p.error;
		const bad = this.checkSize(p.data.size);
		if (bad) return bad;
		const task = this.task(p.data.userTaskID);
		if (!task) return this.ret('value', 'task not found');
		const o = p.data.options;
		const calls = this.state
			.ordersOf(task)
			.flatMap((order) => order.calls.map((c) => ({ order, c })))
			.filter(
				({ c }) =>
					(!o.callID?.length || o.callID.includes(c.callID)) &&
					(!o.startTs || c.callStartTs >= o.startTs) &&
					(!o.endTs || c.callStartTs <= o.endTs) &&
					this.callMatches(c, o),
			);
		// Response field name undocumented (research §2.15): `callList`, as exportBatchCall names its list.
		const callList = this.pageOf(calls, p.data.page, p.data.size).map(({ order, c }) => ({
			...this.orderHead(order),
			...this.callView(c),
		}));
		return { ...this.ok({ callList }), gzipIfAccepted: true };
	}
}
