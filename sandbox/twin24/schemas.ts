/**
 * Request bodies of the Twin24 CIS API, as the provider docs give them
 * (provider-docs/twin24-create-autocall-task.txt, twin24-batch-candidates.txt) and research/twin24.md
 * §2.5 / §2.8 for the candidate methods the docs do not cover.
 *
 * Unknown keys pass everywhere: the docs do not say Twin24 refuses them, and clients send extra ones
 * (`fz230`, `callbackData` at task level, `extra`).
 */
import { z } from 'zod';

export const TASK_EVENTS = [
	'CALL_ENDED',
	'CANDIDATE_CHANGED',
	'CALL_REDIRECTED',
	'RECALL_SCHEDULED',
	'EFFICIENCY_REACHED',
	'AUTOCALL_STATUS_CHANGED',
] as const;
export type TaskEvent = (typeof TASK_EVENTS)[number];

/** Events a legacy plain-string `webhookUrls` entry receives (undocumented; the three the older RU page describes). */
export const LEGACY_WEBHOOK_EVENTS: readonly TaskEvent[] = [
	'CALL_ENDED',
	'CANDIDATE_CHANGED',
	'CALL_REDIRECTED',
];

const SECONDS_IN_DAY = 86400;
const httpUrl = z
	.string()
	.url()
	.refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');
const nonEmpty = z.string().min(1);

/** `"YYYY-MM-DD HH:MM"` (company time zone). */
export const START_MOMENT_PATTERN = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

// The docs give both the object form and (older examples) a bare integer for candidateLimit / numberLimit.
const limitRule = z.union([
	z.number().int().nonnegative(),
	z.object({ redial: z.boolean(), count: z.number().int().nonnegative().optional() }).passthrough(),
]);

const redialRule = z
	.object({
		redial: z.boolean(),
		time: z.number().int().nonnegative().optional(),
		count: z.number().int().nonnegative().optional(),
	})
	.passthrough();

const eventSwitch = z
	.object({ name: z.string().optional(), value: z.boolean().optional() })
	.passthrough();

const webhookSubscription = z.union([
	httpUrl,
	z
		.object({
			url: httpUrl.optional(),
			partialResults: z.boolean().optional(),
			delay: z.number().int().nonnegative().optional(),
			events: z.record(eventSwitch).optional(),
		})
		.passthrough(),
]);

const secondsOfDay = z
	.number()
	.int()
	.min(0)
	.max(SECONDS_IN_DAY - 1);

const additionalOptions = z
	.object({
		fullListMethod: z.literal('reject'),
		fullListTime: z.number().int().nonnegative(),
		useTr: z.boolean().optional(),
		allowCallTimeFrom: secondsOfDay.optional(),
		allowCallTimeTo: secondsOfDay.optional(),
		recordCall: z.boolean(),
		// One client sends a bool here (research §2.1); the doc says int seconds.
		recTrimLeft: z.union([z.number().int().nonnegative(), z.boolean()]).optional(),
		detectRobot: z.boolean().optional(),
		detectRobotMode: z.enum(['back', 'block']).nullable().optional(),
		detectRobotGreeting: z.string().nullable().optional(),
		providerId: z.union([z.string(), z.number()]).nullable().optional(),
	})
	.passthrough();

const REDIAL_RULES = ['busy', 'noAnswer', 'answerMash', 'congestion', 'answerNoList'] as const;
export type RedialRuleName = (typeof REDIAL_RULES)[number];

const redialStrategyOptions = z
	.object({
		redialStrategyEn: z.boolean(),
		candidateLimit: limitRule.optional(),
		numberLimit: limitRule.optional(),
		busy: redialRule,
		noAnswer: redialRule,
		answerMash: redialRule,
		congestion: redialRule,
		answerNoList: redialRule,
	})
	.passthrough();

// cps as the docs' formula gives it: 1 + N/100 (N calls per second) or 1 - N/100 (one call every N s).
// Sandbox choice: N from 0 to 100 in whole steps, so 0 < cps <= 2 on a 0.01 grid. A numeric string
// ("0.97", sent by one client) is read as the number.
const cps = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v),
	z
		.number()
		.gt(0, 'cps must be 1 + N/100 (N calls per second) or 1 - N/100 (one call every N seconds)')
		.max(2, 'cps must be at most 2 (100 calls per second)')
		.refine(
			(n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6,
			'cps must be 1 + N/100 or 1 - N/100 with a whole N',
		),
);

export const createTaskSchema = z
	.object({
		name: nonEmpty,
		taskComment: z.string().nullable().optional(),
		defaultExec: z.literal('robot'),
		defaultExecData: nonEmpty,
		secondExec: z.enum(['end', 'ignore', 'ch']),
		secondExecData: z.string().nullable().optional(),
		cidType: z.enum(['default', 'gornum', 'pool']),
		cidData: z.string().nullable().optional(),
		callStrategy: z.enum(['STEP_2_STEP', 'PARALLEL']).nullable().optional(),
		startType: z.enum(['manual', 'time']),
		startMoment: z.string().nullable().optional(),
		scheduleId: z.string().nullable().optional(),
		cps,
		checkPhone: z.boolean().optional(),
		sendReportAfterFinish: z.boolean().optional(),
		lifetime: z.number().int().positive().nullable().optional(),
		phoneNormalization: z.literal('RU').nullable().optional(),
		normalizationErrorAction: z
			.enum(['IGNORE_NORMALIZATION_ERROR', 'SET_NORMALIZATION_ERROR_FLAG'])
			.nullable()
			.optional(),
		webhookUrls: z.array(webhookSubscription).optional(),
		additionalOptions,
		redialStrategyOptions,
	})
	.passthrough()
	.superRefine((t, ctx) => {
		const requireIf = (cond: boolean, value: unknown, path: (string | number)[], why: string) => {
			if (cond && (value === undefined || value === null || value === ''))
				ctx.addIssue({ code: z.ZodIssueCode.custom, path, message: `Required if ${why}` });
		};
		requireIf(t.secondExec === 'ch', t.secondExecData, ['secondExecData'], 'secondExec = ch');
		requireIf(
			t.cidType === 'gornum' || t.cidType === 'pool',
			t.cidData,
			['cidData'],
			'cidType = gornum or pool',
		);
		requireIf(t.startType === 'time', t.startMoment, ['startMoment'], 'startType = time');
		if (t.startType === 'time' && t.startMoment && !validStartMoment(t.startMoment))
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['startMoment'],
				message: 'Must be a date and time "YYYY-MM-DD HH:MM"',
			});
		const o = t.additionalOptions;
		requireIf(
			o.useTr === true,
			o.allowCallTimeFrom,
			['additionalOptions', 'allowCallTimeFrom'],
			'useTr = true',
		);
		requireIf(
			o.useTr === true,
			o.allowCallTimeTo,
			['additionalOptions', 'allowCallTimeTo'],
			'useTr = true',
		);
		requireIf(
			o.recordCall,
			o.recTrimLeft,
			['additionalOptions', 'recTrimLeft'],
			'recordCall = true',
		);
		requireIf(
			o.detectRobot === true,
			o.detectRobotMode,
			['additionalOptions', 'detectRobotMode'],
			'detectRobot = true',
		);
		requireIf(
			o.detectRobotMode === 'block',
			o.detectRobotGreeting,
			['additionalOptions', 'detectRobotGreeting'],
			'detectRobotMode = block',
		);
		if (t.normalizationErrorAction && !t.phoneNormalization)
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['normalizationErrorAction'],
				message: 'Normalization must be enabled (phoneNormalization = RU) for this parameter',
			});
		const r = t.redialStrategyOptions;
		for (const name of ['candidateLimit', 'numberLimit'] as const) {
			const rule = r[name];
			if (typeof rule === 'object')
				requireIf(
					rule.redial,
					rule.count,
					['redialStrategyOptions', name, 'count'],
					'redial = true',
				);
		}
		for (const name of REDIAL_RULES) {
			const rule = r[name];
			requireIf(rule.redial, rule.time, ['redialStrategyOptions', name, 'time'], 'redial = true');
			requireIf(rule.redial, rule.count, ['redialStrategyOptions', name, 'count'], 'redial = true');
		}
	});
export type CreateTaskBody = z.infer<typeof createTaskSchema>;

export function validStartMoment(s: string): boolean {
	const m = START_MOMENT_PATTERN.exec(s);
	if (!m) return false;
	const [, y, mo, d, h, mi] = m.map(Number);
	const date = new Date(Date.UTC(y, mo - 1, d, h, mi));
	return (
		date.getUTCFullYear() === y &&
		date.getUTCMonth() === mo - 1 &&
		date.getUTCDate() === d &&
		h < 24 &&
		mi < 60
	);
}

// Phones: an array of strings (docs). Formats are checked later (checkPhone / normalisation), not here.
const phones = z.array(z.string()).min(1, 'At least one phone number is required');
// The batch-candidates doc: "seconds from -43200 to 43200".
const timezone = z.number().int().min(-43200).max(43200).nullable().optional();

const candidateFields = {
	phone: phones,
	variables: z.record(z.unknown()).nullable().optional(),
	callbackData: z.unknown().optional(),
	clientExternalId: z.union([z.string(), z.number()]).nullable().optional(),
	timezone,
};

export const candidateSchema = z.object({ autoCallId: nonEmpty, ...candidateFields }).passthrough();
export type CandidateInput = z.infer<typeof candidateSchema>;
/** What every way of adding a candidate carries (the task comes from elsewhere). */
export type CandidateFields = Pick<
	CandidateInput,
	'phone' | 'variables' | 'callbackData' | 'clientExternalId' | 'timezone'
>;

export const candidateBatchSchema = z
	.object({
		forceStart: z.boolean().optional(),
		batch: z.array(candidateSchema).min(1, 'batch must hold at least one candidate'),
	})
	.passthrough();

/** One candidate of `/autoCallCandidate` (research §2.6: one object, `forceStart` inside it). */
export const singleCandidateSchema = candidateSchema.extend({ forceStart: z.boolean().optional() });

const templateCandidate = z
	.object({
		...candidateFields,
		botSettingsId: z.string().nullable().optional(),
		autoCallTemplateId: z.string().nullable().optional(),
		checkPhone: z.boolean().optional(),
	})
	.passthrough();
export type TemplateCandidateInput = z.infer<typeof templateCandidate>;

export const templateBatchSchema = z
	.object({ batch: z.array(templateCandidate).min(1, 'batch must hold at least one candidate') })
	.passthrough();

/** `/autoCallCandidate/single`: one candidate, default template (create-single-call page). */
export const singleCallSchema = templateCandidate;

export const depersonalizeSchema = z
	.object({ skipDeleteRecord: z.boolean().optional() })
	.passthrough();

/** Control command `simulateCalls`. */
export const callOutcomeSchema = z.union([
	z.string(),
	z
		.object({
			status: z.string(),
			/** The bot transferred the call (CALL_REDIRECTED first). */
			redirect: z.boolean().optional(),
			/** Answering machine detected (redial rule answerMash). */
			answeringMachine: z.boolean().optional(),
			/** Conversation length in seconds (answered calls; default 42). */
			duration: z.number().int().nonnegative().optional(),
			result: z.record(z.unknown()).optional(),
		})
		.strict(),
]);
export type CallOutcome = z.infer<typeof callOutcomeSchema>;

export const simulateCallsSchema = z
	.object({
		taskId: z.string().optional(),
		/** At most this many candidates dialled in this round. */
		limit: z.number().int().positive().optional(),
		/** Outcomes in turn over the dialled candidates (default ANSWERED, NOANSWER, BUSY). */
		outcomes: z.array(callOutcomeSchema).min(1).optional(),
		/** Parallel webhook deliveries (default 4). */
		concurrency: z.number().int().positive().max(64).optional(),
		/** Skip webhook deliveries (state only). */
		webhooks: z.boolean().optional(),
	})
	.strict();
export type SimulateCallsCommand = z.infer<typeof simulateCallsSchema>;

export const inboundCallSchema = z
	.object({
		url: httpUrl.optional(),
		number: z.string().optional(),
		callerId: z.string().optional(),
		botId: z.string().optional(),
		duration: z.number().int().nonnegative().optional(),
	})
	.strict();
export type InboundCallCommand = z.infer<typeof inboundCallSchema>;
