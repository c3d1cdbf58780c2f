/**
 * Unitalk's outgoing webhooks (documentation, section "Webhooks"): the sandbox plays Unitalk's side and
 * POSTs the documented bodies to a URL a test configured, with the headers and URL parameters a user
 * would add on Unitalk's "Event handling" page (that is where the secret goes: Unitalk signs nothing).
 * Every delivery is recorded with the HTTP status and body that came back, and for the two webhooks whose
 * answer Unitalk uses (ROUTE and voice queue management) with how Unitalk reads that answer.
 *
 *   const wh = sb.providers.unitalk.webhooks;
 *   wh.configure({ url: 'http://127.0.0.1:5678/webhook/<id>/webhook', query: { secret: 's3cret' } });
 *   const d = await wh.emit('ROUTE');                 // d.status, d.responseJson, d.answer
 *   await wh.emit('CALL_END', { payload: { call: { id: 42 } }, query: { secret: null } });  // without the secret
 *
 * Over HTTP: POST /__sandbox/unitalk/webhooks, POST /__sandbox/unitalk/emit (see webhookControl.ts).
 *
 * Choices where the documentation is silent (marked "sandbox choice" below): the time Unitalk waits for
 * an answer (default 10 s), the field values of the generated bodies (taken from the doc's examples), and
 * what Unitalk does with an unusable answer (ROUTE: no responsible operator; queue: the default queue 5).
 */
import { z } from 'zod';

import { formatDateTime } from '../util';

export const CALL_EVENTS = ['CALL_NEW', 'CALL_REDIRECT', 'CALL_ANSWER', 'CALL_END'] as const;

/** triggerActionEvent names whose webhook carries the "autodialers calls completion" body, and its callState. */
export const AUTODIAL_CALL_EVENTS: Record<string, string> = {
	AUTODIAL_ANSWER: 'ANSWER',
	AUTODIAL_ANSW_RJCT: 'ANSW_RJCT',
	AUTODIAL_ANSW_NF_OP: 'ANSW_NF_OP',
	AUTODIAL_ANSW_OP_NA: 'ANSW_OP_NA',
	AUTODIAL_NOANSWER: 'NOANSWER',
	AUTODIAL_BUSY: 'BUSY',
	AUTODIAL_CALL_FAIL: 'FAIL',
	AUTODIAL_TALKING: 'TALKING',
	AUTODIAL_UNREACHABLE: 'UNREACHABLE',
	AUTODIAL_NOT_EXIST: 'NOT_EXIST',
	AUTODIAL_BUSYOUT: 'BUSYOUT',
	AUTODIAL_WRONG_DIR: 'WRONG_DIR',
	AUTODIAL_AUDIO_ERR: 'AUDIO_ERR',
	AUTODIAL_NUMBER_BLOCKED: 'BLOCKED',
	AUTODIAL_REPEAT_ATTEMPTS_ENDED: 'NOANSWER',
	AUTODIAL_CLIENT_CALLED: 'CLIENT_CALLED',
};

/** triggerActionEvent names of non-call autodialer events: "Standard JSON for non-call autodialer events: {}". */
export const AUTODIAL_OTHER_EVENTS = [
	'AUTODIAL_USER_PAUSED',
	'AUTODIAL_STATUS_CHANGED',
	'AUTODIAL_CANCEL',
	'AUTODIAL_AUTOCANCEL',
	'AUTODIAL_FINISH',
] as const;

export const UNITALK_WEBHOOK_EVENTS = [
	...CALL_EVENTS,
	'ROUTE',
	'VOICE_QUEUE_MANAGEMENT',
	'VOICE_QUEUE',
	'IVR',
	'BALANCE_MOVEMENT',
	...(Object.keys(AUTODIAL_CALL_EVENTS) as string[]),
	...AUTODIAL_OTHER_EVENTS,
] as readonly string[];

export type UnitalkWebhookEvent = string;

/** Balance operation types of the "Balance Movement" webhook. */
export const BALANCE_TYPES = ['MAIN_REFILL', 'BONUS_REFILL', 'CALL', 'SMS', 'SERVICES'] as const;

export const webhookConfigSchema = z
	.object({
		url: z.string().url(),
		/** HTTP method chosen on the "Event handling" page. Default POST (the only one the other webhooks use). */
		method: z.enum(['POST', 'PUT', 'PATCH']).optional(),
		headers: z.record(z.string()).optional(),
		/** URL parameters added to every delivery (e.g. the secret). */
		query: z.record(z.string()).optional(),
		/** How long Unitalk waits for an answer (sandbox choice: the doc names no timeout). Default 10000. */
		timeoutMs: z.number().int().positive().max(600_000).optional(),
	})
	.strict();

export type UnitalkWebhookConfig = z.infer<typeof webhookConfigSchema>;

export const emitSchema = z
	.object({
		event: z.string().refine((e) => UNITALK_WEBHOOK_EVENTS.includes(e), {
			message: `event must be one of ${UNITALK_WEBHOOK_EVENTS.join(', ')}`,
		}),
		/** Merged into the generated body (objects deeply, arrays and other values replaced). */
		payload: z.record(z.unknown()).optional(),
		/** Send `payload` as the whole body instead of merging it into the generated one. */
		replacePayload: z.boolean().optional(),
		/** Exact body text to send (wins over payload). */
		rawBody: z.string().optional(),
		/** Send delivery number `repeat` again byte for byte (a retried delivery); `event` must match it. */
		repeat: z.number().int().positive().optional(),
		/** Overrides for this delivery only; a null value removes a configured header / parameter. */
		url: z.string().url().optional(),
		headers: z.record(z.string().nullable()).optional(),
		query: z.record(z.string().nullable()).optional(),
	})
	.strict();

export type EmitOptions = Omit<z.infer<typeof emitSchema>, 'event'>;

/** How Unitalk reads the answer of ROUTE / voice queue management. */
export interface UnitalkAnswerReading {
	/** Whether Unitalk could use the answer. */
	accepted: boolean;
	problem?: string;
	/** ROUTE: the operator Unitalk redirects to (null: none). */
	operatorNumber?: string | null;
	callerName?: string | null;
	ivrId?: number | null;
	/** Voice queue management: the queue the caller ends up in (5 when the answer is unusable). */
	priority?: number;
}

export interface UnitalkWebhookDelivery {
	seq: number;
	event: UnitalkWebhookEvent;
	/** Set when this delivery repeats an earlier one byte for byte. */
	repeatOf?: number;
	method: string;
	/** Full URL with the query string. */
	url: string;
	headers: Record<string, string>;
	/** The body sent. */
	body: string;
	sentAt: number;
	/** HTTP status of the receiver; 0 when there was no answer (connection error or timeout). */
	status: number;
	responseBody?: string;
	/** responseBody parsed, when it is JSON. */
	responseJson?: unknown;
	error?: string;
	durationMs: number;
	answer?: UnitalkAnswerReading;
}

export const DEFAULT_QUEUE_PRIORITY = 5;
const DEFAULT_TIMEOUT_MS = 10_000;

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepMerge(
	base: Record<string, unknown>,
	patch: Record<string, unknown>,
): Record<string, unknown> {
	const out: Record<string, unknown> = { ...base };
	for (const [k, v] of Object.entries(patch)) {
		out[k] = isPlainObject(v) && isPlainObject(out[k]) ? deepMerge(out[k], v) : v;
	}
	return out;
}

const UTM = {
	utmSource: 'google',
	utmMedium: 'search',
	utmCampaign: 'web',
	utmTerm: 'windows',
	utmContent: 'content',
	googleId: '1182768620.1530916891',
	facebookClientId: 'fb.1.1234567890',
};

/** Reads a ROUTE answer as the doc describes it: {"operatorNumber", "callerName", "ivrId"}. */
export function readRouteAnswer(status: number, json: unknown): UnitalkAnswerReading {
	const none = { operatorNumber: null, callerName: null, ivrId: null };
	if (status < 200 || status > 299) return { accepted: false, problem: `HTTP ${status}`, ...none };
	if (!isPlainObject(json))
		return { accepted: false, problem: 'the answer is not a JSON object', ...none };
	const op = json.operatorNumber;
	if (op !== undefined && op !== null && !(typeof op === 'string' && /^\d{2,15}$/.test(op))) {
		return {
			accepted: false,
			problem: `operatorNumber ${JSON.stringify(op)} is not a SIP line or GSM number`,
			...none,
		};
	}
	const name = json.callerName;
	if (name !== undefined && name !== null && typeof name !== 'string') {
		return { accepted: false, problem: 'callerName is not a string', ...none };
	}
	const ivr = json.ivrId;
	if (ivr !== undefined && ivr !== null && !(Number.isInteger(ivr) && (ivr as number) > 0)) {
		return {
			accepted: false,
			problem: `ivrId ${JSON.stringify(ivr)} is not a voice menu id`,
			...none,
		};
	}
	return {
		accepted: op !== undefined && op !== null,
		problem:
			op === undefined || op === null ? 'no operatorNumber: no responsible operator' : undefined,
		operatorNumber: (op as string | null | undefined) ?? null,
		callerName: (name as string | null | undefined) ?? null,
		ivrId: (ivr as number | null | undefined) ?? null,
	};
}

/** Reads a voice queue management answer: {"setPriority": 1..10}; anything else keeps queue 5. */
export function readQueueAnswer(status: number, json: unknown): UnitalkAnswerReading {
	const fallback = { accepted: false, priority: DEFAULT_QUEUE_PRIORITY };
	if (status < 200 || status > 299) return { ...fallback, problem: `HTTP ${status}` };
	if (!isPlainObject(json)) return { ...fallback, problem: 'the answer is not a JSON object' };
	const p = json.setPriority;
	if (p === undefined || p === null)
		return { ...fallback, problem: 'no setPriority in the answer' };
	if (!Number.isInteger(p) || (p as number) < 1 || (p as number) > 10) {
		return {
			...fallback,
			problem: `setPriority ${JSON.stringify(p)} is not a queue number from 1 to 10`,
		};
	}
	return { accepted: true, priority: p as number };
}

export class UnitalkWebhooks {
	config: UnitalkWebhookConfig | undefined;
	readonly deliveries: UnitalkWebhookDelivery[] = [];
	private seq = 0;
	private callId = 1091944;
	private dbid = 275;

	constructor(private readonly clock: () => number) {}

	reset(): void {
		this.config = undefined;
		this.deliveries.length = 0;
		this.seq = 0;
		this.callId = 1091944;
		this.dbid = 275;
	}

	configure(config: UnitalkWebhookConfig): UnitalkWebhookConfig {
		this.config = webhookConfigSchema.parse(config);
		return this.config;
	}

	/** The body Unitalk sends for `event` ("Standard JSON"), with the doc's example values. */
	buildPayload(event: UnitalkWebhookEvent): Record<string, unknown> {
		const date = formatDateTime(this.clock());
		if ((CALL_EVENTS as readonly string[]).includes(event)) {
			const ended = event === 'CALL_END';
			const state = event === 'CALL_END' || event === 'CALL_ANSWER' ? 'ANSWER' : null;
			const to =
				event === 'CALL_NEW' ? [] : event === 'CALL_REDIRECT' ? ['2000', '2001'] : ['2000'];
			return {
				event,
				call: {
					id: this.callId++,
					dbid: this.dbid++,
					from: '380505557182',
					to,
					lastGroupName: 'Sales managers',
					outerNumber: '380442949168',
					direction: 'IN',
					date,
					secondsFullTime: ended ? 19 : null,
					secondsTalk: ended ? 9 : null,
					...UTM,
					referer: 'google.com',
					callback: false,
					comment: null,
					state,
					source: 'REGULAR',
					...(ended && state === 'ANSWER'
						? {
								link: `https://api.unitalk.cloud:8443/tracking/rec/1531144732.920/${date.slice(0, 10)}`,
							}
						: {}),
					meta: null,
					...(ended ? { cause: 16 } : {}),
				},
			};
		}
		switch (event) {
			case 'ROUTE':
				return { event: 'ROUTE', call: { from: '380505557182', outerNumber: '380442949168' } };
			case 'VOICE_QUEUE_MANAGEMENT':
				return {
					outerNumber: '380440000001',
					from: '380501234567',
					utmSource: null,
					utmMedium: null,
					utmCampaign: null,
					utmTerm: null,
					utmContent: null,
					googleId: null,
					facebookClientId: null,
					gclid: null,
					cdid: null,
					referer: null,
				};
			case 'VOICE_QUEUE':
				return {
					from: '380971234567',
					projectName: 'my-project',
					...UTM,
					gclid: 'gclid-sandbox',
					cdid: 'cdid-sandbox',
					referer: 'https://unitalk.cloud',
					ip: '111.111.111.111',
				};
			case 'IVR':
				return {
					ivrName: 'Department menu',
					from: '380971234567',
					outerNumber: '380441234567',
					pressedDigit: 2,
					actionType: 'MAIN',
					projectName: 'myproject',
					...UTM,
				};
			case 'BALANCE_MOVEMENT':
				return {
					date,
					type: 'MAIN_REFILL',
					sum: 500000,
					sumV2: 500000000,
					mainBalance: 15500000,
					mainBalanceV2: 15500000000,
					bonusBalance: 350000,
					description: 'Balance top-up of 500.00 UAH via LiqPay',
				};
		}
		const callState = AUTODIAL_CALL_EVENTS[event];
		if (callState !== undefined) {
			return {
				from: '380971234567',
				operatorNumber: callState.startsWith('ANSW') ? '2040' : null,
				callName: 'Volodymyr',
				callNote: 'bought windows',
				calledCount: 1,
				callState,
				dialName: 'windows-campaign',
				totalCount: 2000,
				doneCount: 537,
				projectName: 'myproject',
			};
		}
		return {}; // non-call autodialer events
	}

	/** Sends one webhook to the configured URL and records what came back. */
	async emit(event: UnitalkWebhookEvent, opts: EmitOptions = {}): Promise<UnitalkWebhookDelivery> {
		if (!UNITALK_WEBHOOK_EVENTS.includes(event)) {
			throw new Error(`unknown Unitalk webhook event ${event}`);
		}
		if (opts.repeat !== undefined) return await this.repeat(event, opts.repeat);
		const target = opts.url ?? this.config?.url;
		if (!target) throw new Error('no webhook URL configured: call configure({url}) first');
		const method = this.config?.method ?? 'POST';
		const url = new URL(target);
		const query = { ...(this.config?.query ?? {}), ...(opts.query ?? {}) };
		for (const [k, v] of Object.entries(query)) {
			if (v === null) url.searchParams.delete(k);
			else url.searchParams.set(k, v);
		}
		const headers: Record<string, string> = { 'Content-Type': 'application/json' };
		for (const [k, v] of Object.entries({
			...(this.config?.headers ?? {}),
			...(opts.headers ?? {}),
		})) {
			const existing = Object.keys(headers).find((h) => h.toLowerCase() === k.toLowerCase());
			if (existing) delete headers[existing];
			if (v !== null) headers[k] = v;
		}
		let body: string;
		if (opts.rawBody !== undefined) body = opts.rawBody;
		else if (opts.replacePayload) body = JSON.stringify(opts.payload ?? {});
		else body = JSON.stringify(deepMerge(this.buildPayload(event), opts.payload ?? {}));

		return await this.send({ event, method, url: url.toString(), headers, body });
	}

	/** Sends an earlier delivery again, same URL, headers and body (what a retrying sender does). */
	private async repeat(event: UnitalkWebhookEvent, seq: number): Promise<UnitalkWebhookDelivery> {
		const earlier = this.deliveries.find((d) => d.seq === seq);
		if (!earlier) throw new Error(`no delivery ${seq} to repeat`);
		if (earlier.event !== event) {
			throw new Error(`delivery ${seq} was ${earlier.event}, not ${event}`);
		}
		const { method, url, headers, body } = earlier;
		return await this.send({ event, method, url, headers, body, repeatOf: seq });
	}

	private async send(
		out: Pick<UnitalkWebhookDelivery, 'event' | 'method' | 'url' | 'headers' | 'body' | 'repeatOf'>,
	): Promise<UnitalkWebhookDelivery> {
		const { event, method, url, headers, body } = out;
		const delivery: UnitalkWebhookDelivery = {
			seq: ++this.seq,
			...(out.repeatOf !== undefined ? { repeatOf: out.repeatOf } : {}),
			event,
			method,
			url,
			headers,
			body,
			sentAt: this.clock(),
			status: 0,
			durationMs: 0,
		};
		this.deliveries.push(delivery);
		const started = Date.now();
		try {
			// A connection per delivery: a busy n8n may close an idle kept-alive socket just as it is
			// reused, which would lose the delivery although n8n never saw it.
			const res = await fetch(url, {
				method,
				headers: { ...headers, connection: 'close' },
				body,
				signal: AbortSignal.timeout(this.config?.timeoutMs ?? DEFAULT_TIMEOUT_MS),
			});
			delivery.status = res.status;
			delivery.responseBody = await res.text();
			try {
				delivery.responseJson = JSON.parse(delivery.responseBody);
			} catch {
				// not JSON: keep the text only
			}
		} catch (err) {
			delivery.error = err instanceof Error ? err.message : String(err);
		}
		delivery.durationMs = Date.now() - started;
		if (event === 'ROUTE')
			delivery.answer = readRouteAnswer(delivery.status, delivery.responseJson);
		if (event === 'VOICE_QUEUE_MANAGEMENT') {
			delivery.answer = readQueueAnswer(delivery.status, delivery.responseJson);
		}
		return delivery;
	}

	snapshot(): { config: UnitalkWebhookConfig | undefined; deliveries: UnitalkWebhookDelivery[] } {
		return { config: this.config, deliveries: this.deliveries };
	}
}
