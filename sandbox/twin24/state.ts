/**
 * State of the Twin24 simulator: call tasks (autoCall) with their status machine, candidates, simulated
 * calls and dialog sessions, templates, bots. No HTTP here (router.ts) and no deliveries (webhooks.ts):
 * everything that would make Twin24 post a webhook is put in `outbox` as {url, event, payload}.
 *
 * Task status (research §4.5): BLANK (created, no candidates) → READY (has candidates, not started) →
 * PROCESS (dialling) ⇄ PAUSED → HALTED (`/halted` or `lifetime` over), and FINISHED when every
 * candidate of a running task is processed. FINISHED is the sandbox's name for the "Completed" state
 * whose API value the research did not find [I].
 */
import { randomUUID } from 'node:crypto';

import { pad2 } from '../util';
import {
	LEGACY_WEBHOOK_EVENTS,
	START_MOMENT_PATTERN,
	TASK_EVENTS,
	type CallOutcome,
	type CandidateFields,
	type CreateTaskBody,
	type RedialRuleName,
	type TaskEvent,
	type TemplateCandidateInput,
} from './schemas';

export type TaskStatus = 'BLANK' | 'READY' | 'PROCESS' | 'PAUSED' | 'HALTED' | 'FINISHED';

/** Call statuses (research §4.4) a simulated call may end with. */
export const FINAL_CALL_STATUSES = [
	'CANCEL',
	'ANSWERED',
	'NOANSWER',
	'BUSY',
	'CONGESTION',
	'CHANUNAVAIL',
	'FAILED',
	'BLACKLIST',
	'INVALID',
	'UNAVAILABLE',
	'EXPIRED',
	'REJECTED',
] as const;

export const DEFAULT_OUTCOMES: CallOutcome[] = ['ANSWERED', 'NOANSWER', 'BUSY'];
const DEFAULT_ANSWERED_SECONDS = 42;
/** The caller ID of the trunk (cidType default); the number of the research's CALL_ENDED fixture. */
const DEFAULT_CALLER_ID = '74992868344';

export interface Subscription {
	url: string;
	events: ReadonlySet<TaskEvent>;
	delay: number;
	partialResults: boolean;
}

export interface Task {
	id: string;
	companyId: number;
	/** The create body as received (unknown keys too); served back in the task views. */
	body: CreateTaskBody;
	status: TaskStatus;
	createdAt: number;
	updatedAt: number;
	/** startType time: the moment as a UTC ms timestamp. */
	startAt?: number;
	expiresAt?: number;
	templateId?: string;
	subscriptions: Subscription[];
	candidateIds: string[];
	callCount: number;
}

export type CandidateState = 'WAITING' | 'SCHEDULED' | 'DONE' | 'CANCEL';

export interface Candidate {
	id: string;
	taskId: string;
	phones: string[];
	/** Per phone: the number that is dialled, or undefined when it is not a phone number. */
	dialable: (string | undefined)[];
	/** checkPhone or normalisation on: a bad number ends INVALID without a call; otherwise the dial fails (CONGESTION). */
	checkPhone: boolean;
	variables: Record<string, unknown>;
	/** Stored as received, sent back in every webhook untouched (empty: `[]`). */
	callbackData: unknown;
	clientExternalId?: string;
	timezone?: number;
	state: CandidateState;
	phoneIndex: number;
	attempts: number;
	attemptsByPhone: number[];
	redials: Partial<Record<RedialRuleName, number>>;
	nextAttemptAt: number;
	lastCallId?: string;
	success?: boolean;
	createdAt: number;
}

export interface Call {
	id: string;
	taskId: string;
	autoCallCandidateId: string;
	phone: string;
	status: string;
	responder: 'human' | 'robot' | null;
	duration: number;
	startedAt: number;
	finishedAt: number;
	botId: string;
	callFrom: string;
	variables: Record<string, unknown>;
	result: Record<string, unknown>;
	transferredToOperator: boolean;
	clientExternalId?: string;
	timezone: number;
	recordUrl: string | null;
	depersonalized: boolean;
}

export interface Template {
	id: string;
	name: string;
	isDefault: boolean;
	/** Task settings a template gives (its bot can be replaced per candidate with botSettingsId). */
	settings: CreateTaskBody;
}

export interface Bot {
	id: string;
	name: string;
	companyId: number;
	accessType: string;
	language: string;
	createdAt: string;
	updatedAt: string;
}

export interface OutboxEntry {
	url: string;
	event: TaskEvent | 'INCOMING_CALL';
	delay: number;
	payload: Record<string, unknown>;
	taskId?: string;
	/** Deliveries of one candidate (or one inbound call) keep their order; absent: a task status change. */
	chain?: string;
}

export const SEED_BOTS: readonly Bot[] = [
	{
		id: '228cc4fa-92f2-4709-94e3-7344a96a5903',
		name: 'Sandbox survey bot',
		companyId: 0,
		accessType: 'private',
		language: 'ru-RU',
		createdAt: '2025-01-10T09:00:00+00:00',
		updatedAt: '2025-03-01T12:00:00+00:00',
	},
	{
		id: 'a8c57dfe-5f8b-4a43-9d57-3c1b8d850d2e',
		name: 'Sandbox reminder bot',
		companyId: 0,
		accessType: 'private',
		language: 'en-US',
		createdAt: '2025-02-11T09:00:00+00:00',
		updatedAt: '2025-02-11T09:00:00+00:00',
	},
	{
		id: 'b3c33ffe-0e5a-4c1e-8a3e-9b9a5b012d25',
		name: 'Sandbox OTP bot',
		companyId: 0,
		accessType: 'private',
		language: 'ru-RU',
		createdAt: '2025-04-01T09:00:00+00:00',
		updatedAt: '2025-04-02T09:00:00+00:00',
	},
];
export const DEFAULT_TEMPLATE_ID = 'bb973460-7c1e-4d55-9f5c-0a09d2d12196';
export const SECOND_TEMPLATE_ID = 'aa973370-1b2c-4e6f-8a9d-5e1c2d321312';
export const SEED_PROVIDERS = [
	{ id: '5d1f0c3e-0000-4000-8000-000000000001', name: 'Default trunk' },
	{ id: '5d1f0c3e-0000-4000-8000-000000000002', name: 'Custom SIP trunk' },
];

function templateSettings(name: string, botId: string): CreateTaskBody {
	return {
		name,
		defaultExec: 'robot',
		defaultExecData: botId,
		secondExec: 'end',
		cidType: 'default',
		startType: 'manual',
		cps: 1.01,
		callStrategy: 'STEP_2_STEP',
		webhookUrls: [],
		additionalOptions: { fullListMethod: 'reject', fullListTime: 0, recordCall: false },
		redialStrategyOptions: {
			redialStrategyEn: false,
			busy: { redial: false },
			noAnswer: { redial: false },
			answerMash: { redial: false },
			congestion: { redial: false },
			answerNoList: { redial: false },
		},
	};
}

/** RU normalisation (research §4.3 [I]): strip decoration, 8XXXXXXXXXX → 7XXXXXXXXXX, 9XXXXXXXXX → 79XXXXXXXXX. */
export function normalizeRu(phone: string): string | undefined {
	const digits = phone.replace(/\D/g, '');
	if (digits.length === 11 && (digits.startsWith('7') || digits.startsWith('8')))
		return `7${digits.slice(1)}`;
	if (digits.length === 10 && digits.startsWith('9')) return `7${digits}`;
	return undefined;
}

/** A number the simulated dialler can call: 10 to 15 digits (a leading `+` is dropped). */
function dialableNumber(phone: string): string | undefined {
	const n = phone.trim().replace(/^\+/, '');
	return /^\d{10,15}$/.test(n) ? n : undefined;
}

export function isoSeconds(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
}

function emptyToArray(v: unknown): unknown {
	if (v === undefined || v === null) return [];
	if (typeof v === 'object' && Object.keys(v).length === 0) return [];
	return v;
}

export function subscriptionsOf(body: CreateTaskBody): Subscription[] {
	const out: Subscription[] = [];
	for (const w of body.webhookUrls ?? []) {
		if (typeof w === 'string') {
			out.push({ url: w, events: new Set(LEGACY_WEBHOOK_EVENTS), delay: 0, partialResults: false });
			continue;
		}
		if (!w.url) continue;
		// An event not listed, or listed with value false, is not sent [I].
		const events = new Set<TaskEvent>(TASK_EVENTS.filter((e) => w.events?.[e]?.value === true));
		out.push({
			url: w.url,
			events,
			delay: w.delay ?? 0,
			partialResults: w.partialResults ?? false,
		});
	}
	return out;
}

export class Twin24State {
	readonly tasks = new Map<string, Task>();
	readonly candidates = new Map<string, Candidate>();
	readonly calls = new Map<string, Call>();
	readonly templates = new Map<string, Template>();
	readonly bots = new Map<string, Bot>();
	/** Webhooks waiting to be sent (webhooks.ts drains it). */
	readonly outbox: OutboxEntry[] = [];
	/** Cabinet setting `cis.webhooks.incomingCall`. */
	incomingCallWebhookUrl: string | undefined;
	/** `/single` tasks: one per bot per company day. */
	private readonly singleTasks = new Map<string, string>();
	/** Candidates not added again because their task already had the clientExternalId (research §2.5 [I]). */
	duplicatesIgnored = 0;
	private outcomeTurn = 0;

	constructor(
		private readonly clock: () => number,
		private readonly companyId: () => number,
		private readonly companyUtcOffsetSeconds: number,
	) {
		this.seed();
	}

	reset(): void {
		this.tasks.clear();
		this.candidates.clear();
		this.calls.clear();
		this.templates.clear();
		this.bots.clear();
		this.outbox.length = 0;
		this.singleTasks.clear();
		this.incomingCallWebhookUrl = undefined;
		this.duplicatesIgnored = 0;
		this.outcomeTurn = 0;
		this.seed();
	}

	private seed(): void {
		for (const b of SEED_BOTS) this.bots.set(b.id, { ...b, companyId: this.companyId() });
		this.templates.set(DEFAULT_TEMPLATE_ID, {
			id: DEFAULT_TEMPLATE_ID,
			name: 'Default template',
			isDefault: true,
			settings: templateSettings('Default template', SEED_BOTS[0].id),
		});
		this.templates.set(SECOND_TEMPLATE_ID, {
			id: SECOND_TEMPLATE_ID,
			name: 'Reminder template',
			isDefault: false,
			settings: templateSettings('Reminder template', SEED_BOTS[1].id),
		});
	}

	/** `YYYY-MM-DD HH:MM` in company time → UTC ms. */
	companyMomentToMs(moment: string): number {
		const m = START_MOMENT_PATTERN.exec(moment);
		if (!m) return Number.NaN;
		const [, y, mo, d, h, mi] = m.map(Number);
		return Date.UTC(y, mo - 1, d, h, mi) - this.companyUtcOffsetSeconds * 1000;
	}

	private companyDay(ms: number): string {
		const d = new Date(ms + this.companyUtcOffsetSeconds * 1000);
		return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
	}

	// ---- tasks ---------------------------------------------------------------------------------

	createTask(body: CreateTaskBody, templateId?: string): Task {
		const now = this.clock();
		const task: Task = {
			id: randomUUID(),
			companyId: this.companyId(),
			body,
			status: 'BLANK',
			createdAt: now,
			updatedAt: now,
			...(body.startType === 'time' && body.startMoment
				? { startAt: this.companyMomentToMs(body.startMoment) }
				: {}),
			...(body.lifetime ? { expiresAt: now + body.lifetime * 1000 } : {}),
			...(templateId ? { templateId } : {}),
			subscriptions: subscriptionsOf(body),
			candidateIds: [],
			callCount: 0,
		};
		this.tasks.set(task.id, task);
		return task;
	}

	private setStatus(task: Task, status: TaskStatus): void {
		if (task.status === status) return;
		task.status = status;
		task.updatedAt = this.clock();
		this.emit(task, 'AUTOCALL_STATUS_CHANGED', {
			event: 'AUTOCALL_STATUS_CHANGED',
			taskId: task.id,
			status,
		});
	}

	/** Time-driven transitions: lifetime over → HALTED; a `time` task with candidates starts at its moment. */
	settle(): void {
		const now = this.clock();
		for (const task of this.tasks.values()) this.settleTask(task, now);
	}

	private settleTask(task: Task, now: number): void {
		if (task.status === 'HALTED') return;
		if (task.expiresAt !== undefined && now >= task.expiresAt) {
			this.setStatus(task, 'HALTED');
			return;
		}
		if (
			task.status === 'READY' &&
			task.startAt !== undefined &&
			now >= task.startAt &&
			task.candidateIds.length > 0
		)
			this.setStatus(task, 'PROCESS');
	}

	/** `play`: start a manual task or resume a paused one. */
	play(task: Task): { ok: true } | { ok: false; error: string } {
		this.settleTask(task, this.clock());
		if (task.status === 'HALTED')
			return { ok: false, error: 'Task is halted and cannot be started' };
		this.setStatus(task, 'PROCESS');
		this.finishIfDone(task);
		return { ok: true };
	}

	pause(task: Task): { ok: true } | { ok: false; error: string } {
		this.settleTask(task, this.clock());
		if (task.status === 'HALTED')
			return { ok: false, error: 'Task is halted and cannot be paused' };
		if (task.status === 'FINISHED')
			return { ok: false, error: 'Task is finished and cannot be paused' };
		this.setStatus(task, 'PAUSED');
		return { ok: true };
	}

	/** `halted`: stop for good; repeating it changes nothing. */
	halt(task: Task): void {
		this.setStatus(task, 'HALTED');
	}

	// ---- candidates ----------------------------------------------------------------------------

	private newCandidate(task: Task, input: CandidateFields, checkPhone: boolean): Candidate {
		const now = this.clock();
		const ru = task.body.phoneNormalization === 'RU';
		const numbers = input.phone.map((p) => (ru ? normalizeRu(p) : dialableNumber(p)));
		// IGNORE_NORMALIZATION_ERROR drops the numbers normalisation could not read.
		const keep = input.phone.map(
			(_, i) =>
				!(ru && task.body.normalizationErrorAction === 'IGNORE_NORMALIZATION_ERROR') ||
				numbers[i] !== undefined,
		);
		const phones = input.phone.filter((_, i) => keep[i]);
		const dialable = numbers.filter((_, i) => keep[i]);
		const c: Candidate = {
			id: randomUUID(),
			taskId: task.id,
			phones,
			dialable,
			checkPhone: checkPhone || ru,
			variables: { ...(input.variables ?? {}) },
			callbackData: input.callbackData,
			...(input.clientExternalId !== undefined && input.clientExternalId !== null
				? { clientExternalId: String(input.clientExternalId) }
				: {}),
			...(input.timezone !== undefined && input.timezone !== null
				? { timezone: input.timezone }
				: {}),
			state: 'WAITING',
			phoneIndex: 0,
			attempts: 0,
			attemptsByPhone: phones.map(() => 0),
			redials: {},
			nextAttemptAt: now,
			createdAt: now,
		};
		this.candidates.set(c.id, c);
		task.candidateIds.push(c.id);
		return c;
	}

	/** Adds candidates to an existing task; answers each candidate's id (an existing one for a repeated clientExternalId). */
	addCandidates(task: Task, items: CandidateFields[], forceStart: boolean): string[] {
		const ids: string[] = [];
		for (const item of items) {
			const ext = item.clientExternalId;
			if (ext !== undefined && ext !== null) {
				const existing = task.candidateIds
					.map((id) => this.candidates.get(id))
					.find((c) => c?.clientExternalId === String(ext));
				if (existing) {
					this.duplicatesIgnored += 1;
					ids.push(existing.id);
					continue;
				}
			}
			ids.push(this.newCandidate(task, item, task.body.checkPhone === true).id);
		}
		task.updatedAt = this.clock();
		if (task.status === 'BLANK') this.setStatus(task, 'READY');
		if (task.status === 'FINISHED') this.setStatus(task, 'PROCESS');
		if (forceStart && task.status !== 'PAUSED') this.setStatus(task, 'PROCESS');
		this.settleTask(task, this.clock());
		return ids;
	}

	/** `/single/batch`: one task per template and bot in the request, started at once. */
	addFromTemplates(
		items: TemplateCandidateInput[],
	): Array<{ autoCallId: string; autoCallCandidateId: string }> {
		const taskFor = new Map<string, Task>();
		return items.map((item) => {
			const template = this.templateFor(item.autoCallTemplateId ?? undefined)!;
			const botId = item.botSettingsId ?? template.settings.defaultExecData;
			const key = `${template.id}|${botId}`;
			let task = taskFor.get(key);
			if (!task) {
				task = this.createTask(
					{
						...template.settings,
						name: `${template.name} ${this.companyDay(this.clock())}`,
						defaultExecData: botId,
					},
					template.id,
				);
				taskFor.set(key, task);
				this.setStatus(task, 'PROCESS');
			}
			const id = this.addTemplateCandidate(task, item);
			return { autoCallId: task.id, autoCallCandidateId: id };
		});
	}

	/** `/single`: today's task of the default template for this bot (created when missing). */
	addSingle(item: TemplateCandidateInput): { autoCallId: string; autoCallCandidateId: string } {
		const template = this.templateFor(undefined)!;
		const botId = item.botSettingsId ?? template.settings.defaultExecData;
		const key = `${botId}|${this.companyDay(this.clock())}`;
		let task = this.tasks.get(this.singleTasks.get(key) ?? '');
		if (!task || task.status === 'HALTED') {
			task = this.createTask(
				{
					...template.settings,
					name: `Single calls ${this.companyDay(this.clock())}`,
					defaultExecData: botId,
				},
				template.id,
			);
			this.singleTasks.set(key, task.id);
		}
		const id = this.addTemplateCandidate(task, item);
		if (task.status !== 'PAUSED') this.setStatus(task, 'PROCESS');
		return { autoCallId: task.id, autoCallCandidateId: id };
	}

	private addTemplateCandidate(task: Task, item: TemplateCandidateInput): string {
		const c = this.newCandidate(task, item, item.checkPhone ?? task.body.checkPhone === true);
		if (task.status === 'FINISHED') this.setStatus(task, 'PROCESS');
		return c.id;
	}

	templateFor(id: string | undefined): Template | undefined {
		if (id) return this.templates.get(id);
		return [...this.templates.values()].find((t) => t.isDefault);
	}

	/** `cancel?autoCallId&phone`: every candidate of the task with that phone that is not processed yet. */
	cancel(task: Task, phone: string): number {
		let n = 0;
		for (const id of task.candidateIds) {
			const c = this.candidates.get(id)!;
			if ((c.state === 'WAITING' || c.state === 'SCHEDULED') && c.phones.includes(phone)) {
				c.state = 'CANCEL';
				n += 1;
			}
		}
		if (n > 0) this.finishIfDone(task);
		return n;
	}

	private finishIfDone(task: Task): void {
		if (task.status !== 'PROCESS' || task.candidateIds.length === 0) return;
		const open = task.candidateIds.some((id) => {
			const s = this.candidates.get(id)!.state;
			return s === 'WAITING' || s === 'SCHEDULED';
		});
		if (!open) this.setStatus(task, 'FINISHED');
	}

	// ---- simulated dialling --------------------------------------------------------------------

	/** Whether the candidate's local time is inside the task's call window (useTr, research §2.1). */
	private inCallWindow(task: Task, c: Candidate, now: number): boolean {
		const o = task.body.additionalOptions;
		if (!o.useTr || o.allowCallTimeFrom === undefined || o.allowCallTimeTo === undefined)
			return true;
		const offset = c.timezone ?? this.companyUtcOffsetSeconds;
		const second = (((Math.floor(now / 1000) + offset) % 86400) + 86400) % 86400;
		const { allowCallTimeFrom: from, allowCallTimeTo: to } = o;
		return from <= to ? second >= from && second <= to : second >= from || second <= to;
	}

	/**
	 * One dialling round: every due candidate of the running tasks (or of `taskId`) gets one call, in
	 * the order they were added, at most `limit` of them. Outcomes are taken in turn from `outcomes`.
	 */
	dial(opts: { taskId?: string; limit?: number; outcomes?: CallOutcome[] } = {}): Call[] {
		this.settle();
		const now = this.clock();
		const outcomes = opts.outcomes ?? DEFAULT_OUTCOMES;
		const made: Call[] = [];
		const limit = opts.limit ?? Number.POSITIVE_INFINITY;
		for (const task of this.tasks.values()) {
			if (opts.taskId !== undefined && task.id !== opts.taskId) continue;
			if (task.status !== 'PROCESS') continue;
			for (const id of task.candidateIds) {
				if (made.length >= limit) break;
				const c = this.candidates.get(id)!;
				if ((c.state !== 'WAITING' && c.state !== 'SCHEDULED') || c.nextAttemptAt > now) continue;
				if (!this.inCallWindow(task, c, now)) continue;
				const outcome = outcomes[this.outcomeTurn++ % outcomes.length];
				made.push(
					this.callCandidate(
						task,
						c,
						typeof outcome === 'string' ? { status: outcome } : outcome,
						now,
					),
				);
			}
			this.finishIfDone(task);
		}
		return made;
	}

	private callCandidate(
		task: Task,
		c: Candidate,
		outcome: Exclude<CallOutcome, string>,
		now: number,
	): Call {
		const phone = c.phones[c.phoneIndex];
		const number = c.dialable[c.phoneIndex];
		// A bad number: checkPhone / normalisation mark it INVALID; otherwise the dial fails ("non-existent number").
		const status = number !== undefined ? outcome.status : c.checkPhone ? 'INVALID' : 'CONGESTION';
		const answered = status === 'ANSWERED';
		const duration = answered ? (outcome.duration ?? DEFAULT_ANSWERED_SECONDS) : 0;
		const machine = answered && outcome.answeringMachine === true;
		const redirected = answered && outcome.redirect === true && task.body.secondExec === 'ch';
		const call: Call = {
			id: randomUUID(),
			taskId: task.id,
			autoCallCandidateId: c.id,
			phone: number ?? phone,
			status,
			responder: answered ? (machine ? 'robot' : 'human') : null,
			duration,
			startedAt: now,
			finishedAt: now + duration * 1000,
			botId: task.body.defaultExecData,
			callFrom: task.body.cidType === 'default' ? DEFAULT_CALLER_ID : '74950000001',
			variables: { ...c.variables },
			result: answered ? (outcome.result ?? { confirmation: 'yes' }) : {},
			transferredToOperator: redirected,
			...(c.clientExternalId !== undefined ? { clientExternalId: c.clientExternalId } : {}),
			timezone: c.timezone ?? this.companyUtcOffsetSeconds,
			recordUrl:
				answered && task.body.additionalOptions.recordCall
					? `https://records.twin24.local/${c.id}.mp3`
					: null,
			depersonalized: false,
		};
		this.calls.set(call.id, call);
		task.callCount += 1;
		c.attempts += 1;
		c.attemptsByPhone[c.phoneIndex] += 1;
		c.lastCallId = call.id;
		const callbackData = emptyToArray(c.callbackData);

		// Order (research §3.7): CALL_REDIRECTED during the call, EFFICIENCY_REACHED once it counts as
		// effective [I], CALL_ENDED at its end, RECALL_SCHEDULED if a redial follows, CANDIDATE_CHANGED last.
		if (redirected)
			this.emit(
				task,
				'CALL_REDIRECTED',
				{
					event: 'CALL_REDIRECTED',
					id: call.id,
					redirectAdditional: null,
					redirectAnons: null,
					redirectDestination: 'ch',
					redirectDestinationId: task.body.secondExecData ?? null,
					callbackData,
				},
				c,
			);
		const effective = answered && !machine && duration >= task.body.additionalOptions.fullListTime;
		if (effective)
			this.emit(
				task,
				'EFFICIENCY_REACHED',
				{
					event: 'EFFICIENCY_REACHED',
					id: call.id,
					taskId: task.id,
					callbackData,
				},
				c,
			);
		this.emit(
			task,
			'CALL_ENDED',
			{
				event: 'CALL_ENDED',
				type: 'OUTGOING',
				id: call.id,
				taskId: task.id,
				botId: call.botId,
				status,
				callFrom: call.callFrom,
				callTo: call.phone,
				startedAt: isoSeconds(now),
				variables: call.variables,
				result: call.result,
				callbackData,
			},
			c,
		);

		if (effective) return this.completeCandidate(task, c, true, call);
		const rule = this.redialRuleFor(status, machine, answered);
		const redial = rule ? task.body.redialStrategyOptions[rule] : undefined;
		if (
			rule &&
			redial?.redial &&
			task.body.redialStrategyOptions.redialStrategyEn &&
			this.mayRedial(task, c, rule, redial.count ?? 0)
		) {
			c.redials[rule] = (c.redials[rule] ?? 0) + 1;
			// PARALLEL: the next attempt goes to the next number; STEP_2_STEP stays on this one.
			if (task.body.callStrategy === 'PARALLEL')
				c.phoneIndex = (c.phoneIndex + 1) % c.phones.length;
			c.state = 'SCHEDULED';
			c.nextAttemptAt = now + (redial.time ?? 0) * 1000;
			this.emit(
				task,
				'RECALL_SCHEDULED',
				{
					event: 'RECALL_SCHEDULED',
					id: call.id,
					taskId: task.id,
					callTo: call.phone,
					status,
					recallAt: isoSeconds(c.nextAttemptAt),
					callbackData,
				},
				c,
			);
			return call;
		}
		if (c.phoneIndex + 1 < c.phones.length) {
			c.phoneIndex += 1;
			c.state = 'WAITING';
			c.nextAttemptAt = now;
			return call;
		}
		return this.completeCandidate(task, c, false, call);
	}

	private completeCandidate(task: Task, c: Candidate, success: boolean, call: Call): Call {
		c.state = 'DONE';
		c.success = success;
		this.emit(
			task,
			'CANDIDATE_CHANGED',
			{
				event: 'CANDIDATE_CHANGED',
				taskId: task.id,
				lastCallId: call.id,
				callbackData: emptyToArray(c.callbackData),
			},
			c,
		);
		return call;
	}

	private redialRuleFor(
		status: string,
		machine: boolean,
		answered: boolean,
	): RedialRuleName | undefined {
		if (machine) return 'answerMash';
		if (answered) return 'answerNoList';
		if (status === 'BUSY') return 'busy';
		if (status === 'NOANSWER') return 'noAnswer';
		if (['CONGESTION', 'CHANUNAVAIL', 'FAILED', 'UNAVAILABLE'].includes(status))
			return 'congestion';
		return undefined; // INVALID, BLACKLIST, CANCEL...: no redial
	}

	/** The rule's own count and the candidate / number caps. */
	private mayRedial(task: Task, c: Candidate, rule: RedialRuleName, count: number): boolean {
		if ((c.redials[rule] ?? 0) >= count) return false;
		const cap = (limit: unknown): number | undefined => {
			if (typeof limit === 'number') return limit > 0 ? limit : undefined;
			if (limit && typeof limit === 'object' && (limit as { redial?: boolean }).redial)
				return (limit as { count?: number }).count;
			return undefined;
		};
		const r = task.body.redialStrategyOptions;
		const perCandidate = cap(r.candidateLimit);
		if (perCandidate !== undefined && c.attempts >= perCandidate) return false;
		const perNumber = cap(r.numberLimit);
		const nextIndex =
			task.body.callStrategy === 'PARALLEL' ? (c.phoneIndex + 1) % c.phones.length : c.phoneIndex;
		if (perNumber !== undefined && c.attemptsByPhone[nextIndex] >= perNumber) return false;
		return true;
	}

	private emit(
		task: Task,
		event: TaskEvent,
		payload: Record<string, unknown>,
		candidate?: Candidate,
	): void {
		for (const s of task.subscriptions)
			if (s.events.has(event))
				this.outbox.push({
					url: s.url,
					event,
					delay: s.delay,
					payload,
					taskId: task.id,
					...(candidate ? { chain: candidate.id } : {}),
				});
	}

	/** An inbound call to the cabinet (research §3.6): two hooks, the bot's and the shell's (record, billing). */
	inboundCall(opts: {
		url?: string;
		number?: string;
		callerId?: string;
		botId?: string;
		duration?: number;
	}): { callId: string } | undefined {
		const url = opts.url ?? this.incomingCallWebhookUrl;
		const now = this.clock();
		const duration = opts.duration ?? 30;
		const callId = randomUUID();
		const base = {
			callId,
			startedAt: isoSeconds(now),
			number: opts.number ?? '74992868344',
			callerId: opts.callerId ?? '79001112233',
			duration,
			robotCallDuration: Math.max(0, duration - 2),
			botId: opts.botId ?? SEED_BOTS[0].id,
			isIncoming: true,
		};
		if (!url) return undefined;
		this.outbox.push({
			url,
			event: 'INCOMING_CALL',
			delay: 0,
			payload: { ...base, stage: 'bot' },
			chain: callId,
		});
		this.outbox.push({
			url,
			event: 'INCOMING_CALL',
			delay: 0,
			payload: {
				...base,
				stage: 'shell',
				recordPath: `https://records.twin24.local/${callId}.mp3`,
				billing: { seconds: duration, cost: Math.ceil(duration / 60) * 1.5 },
			},
			chain: callId,
		});
		return { callId };
	}

	// ---- views ---------------------------------------------------------------------------------

	taskView(task: Task): Record<string, unknown> {
		return {
			...task.body,
			id: task.id,
			status: task.status,
			companyId: task.companyId,
			...(task.templateId ? { autoCallTemplateId: task.templateId } : {}),
			createdAt: isoSeconds(task.createdAt),
			updatedAt: isoSeconds(task.updatedAt),
			candidateCount: task.candidateIds.length,
			callCount: task.callCount,
		};
	}

	/** A row of `/search/cis/calls` (research §2.11 field names). */
	callRow(call: Call): Record<string, unknown> {
		const task = this.tasks.get(call.taskId);
		return {
			id: call.id,
			phone: call.depersonalized ? null : call.phone,
			duration: call.duration,
			taskId: call.taskId,
			taskName: task?.body.name ?? null,
			botId: call.botId,
			botName: this.bots.get(call.botId)?.name ?? null,
			regionId: null,
			timezone: call.timezone,
			status: call.status,
			responder: call.responder,
			shortNumber: null,
			transferredToOperator: call.transferredToOperator,
			linkToLog: `https://twin24.local/calls/${call.id}`,
			startedAt: isoSeconds(call.startedAt),
			finishedAt: isoSeconds(call.finishedAt),
			autoCallCandidateId: call.autoCallCandidateId,
			clientExternalId: call.clientExternalId ?? null,
			recordUrl: call.depersonalized && !call.recordUrl ? null : call.recordUrl,
		};
	}

	/** A row of `/search/cis/sessions` (research §2.11, the pydantic model's fields). */
	sessionRow(call: Call): Record<string, unknown> {
		const answered = call.status === 'ANSWERED';
		const results = call.depersonalized ? {} : call.result;
		return {
			id: call.id,
			taskId: call.taskId,
			botId: call.botId,
			number: call.depersonalized ? null : call.phone,
			timezone: call.timezone,
			nps: null,
			duration: call.duration,
			mainCallDuration: call.duration,
			robotCallDuration: call.duration,
			companyId: this.tasks.get(call.taskId)?.companyId ?? this.companyId(),
			isIncoming: false,
			createdAt: isoSeconds(call.startedAt),
			startedAt: isoSeconds(call.startedAt),
			finishedAt: isoSeconds(call.finishedAt),
			currentStatusName: call.status,
			autoCallCandidateId: call.autoCallCandidateId,
			dialogResult: answered ? 'SUCCESS' : 'FAIL',
			messagesAsString:
				answered && !call.depersonalized ? 'BOT: Hello! Can you talk now?\nCLIENT: Yes.' : '',
			results,
			resultsString: JSON.stringify({ status: call.status, ...results }),
		};
	}

	/** Erases the call's PII (research §2.12); the recording stays with skipDeleteRecord. */
	depersonalize(call: Call, keepRecord: boolean): void {
		call.depersonalized = true;
		call.phone = '';
		call.variables = {};
		call.result = {};
		if (!keepRecord) call.recordUrl = null;
	}

	snapshot(): Record<string, unknown> {
		return {
			tasks: [...this.tasks.values()].map((t) => ({
				...this.taskView(t),
				candidates: t.candidateIds.map((id) => {
					const c = this.candidates.get(id)!;
					return {
						id: c.id,
						phones: c.phones,
						state: c.state,
						attempts: c.attempts,
						callbackData: c.callbackData,
						clientExternalId: c.clientExternalId,
						variables: c.variables,
						timezone: c.timezone,
					};
				}),
			})),
			calls: this.calls.size,
			duplicatesIgnored: this.duplicatesIgnored,
			incomingCallWebhookUrl: this.incomingCallWebhookUrl ?? null,
			templates: [...this.templates.values()].map((t) => ({
				id: t.id,
				name: t.name,
				isDefault: t.isDefault,
			})),
		};
	}
}
