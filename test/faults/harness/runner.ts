/**
 * Runs one fault scenario (operation × fault × Continue On Fail) against its own sandbox and its own
 * API key, in-process with n8n-core, and counts in the sandbox what happened to every number.
 *
 * Each scenario has its own account, so the node's governor gives it its own window: scenarios run
 * side by side without sharing a limit, and a breach of one key's limits is still recorded by that
 * key's sandbox.
 */
import { randomBytes } from 'node:crypto';

import { LoggerProxy } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { singleNodeWorkflow } from '../../integration/harness/build';
import { runWorkflow } from '../../integration/harness/workflow-runner';
import { findSecrets, stringsOf } from './secrets';
import type { FaultOperation, FaultPlan, NodeRun, ProviderFaultSuite, Verdict } from './types';
import { errorVerdicts } from './verdicts';

/**
 * How long the HTTP client waits in the timeout scenarios: longer than any answer of a loaded run
 * takes (the event loop stalls up to ~4 s with 8 scenarios at a time), much shorter than the node's
 * own timeouts.
 */
const CLIENT_TIMEOUT_MS = 15_000;

/** Each fault of issue 7 §4, plus a fault-free run as the reference row. */
export const STANDARD_FAULTS: FaultPlan[] = [
	{ label: 'none', kind: 'none', placement: 'spread' },
	{ label: '5xx before acting', kind: 'http500', placement: 'spread' },
	{ label: '5xx after acting', kind: 'http500-after', placement: 'spread' },
	{ label: 'reset before acting', kind: 'reset-before', placement: 'spread' },
	{ label: 'reset after acting', kind: 'reset-after', placement: 'spread' },
	// The sandbox never answers; the client gives up after CLIENT_TIMEOUT_MS instead of the node's
	// own 60-180 s. Once per run is enough.
	{ label: 'timeout', kind: 'timeout', placement: 'once', clientTimeoutMs: CLIENT_TIMEOUT_MS },
	{ label: '429 + Retry-After', kind: 'http429', retryAfterSeconds: 1, placement: 'spread' },
	{ label: 'provider busy', kind: 'busy', retryAfterSeconds: 1, placement: 'spread' },
];

export type Mode = 'continue' | 'stop';

export interface ScenarioResult {
	provider: string;
	operation: string;
	fault: string;
	mode: Mode;
	numbers: number;
	/** Provider requests recorded at the operation's path (retries included). */
	requests: number;
	/** Distinct numbers that reached the provider in at least one request. */
	sent: number;
	/** Distinct numbers the provider acted on. */
	accepted: number;
	refused: number;
	notSent: number;
	unknown: number;
	/** Numbers the provider acted on more than once. */
	duplicated: number;
	/** Numbers the provider did not act on and the node did not report as refused / not sent / unknown. */
	lost: number;
	/** Numbers the provider acted on that the node reported as refused or not sent (a re-run repeats them). */
	misreported: number;
	/** Rate-limit violations recorded by the sandbox. */
	breaches: number;
	/** Their kinds and counts in window ("rate-30-per-10s:31"). */
	breachKinds: string[];
	/** A few of the numbers behind non-zero lost / duplicated / misreported counts, for the report. */
	examples: string[];
	/** What the node said when it stopped (first 300 characters), for the report. */
	stopMessage?: string;
	/** Where the first leaked secret was found (the secret masked), for the report. */
	leakContext?: string;
	/** Every string the run produced (messages, descriptions, output JSON), for the secret scan. */
	secretsFound: string[];
}

/** The secrets of every scenario run in this process (for the log-line scan). */
export const usedSecrets: string[] = [];

/** n8n log lines of every scenario of this process (n8n-core logs through LoggerProxy). */
export const logLines: string[] = [];
LoggerProxy.init(
	Object.fromEntries(
		(['error', 'warn', 'info', 'debug'] as const).map((level) => [
			level,
			(message: string, meta?: object) =>
				logLines.push(`${level} ${message} ${meta ? safeJson(meta) : ''}`),
		]),
	) as never,
);

function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value);
	} catch {
		return String(value);
	}
}

/**
 * Numbers per bulk run: at most FAULTS_NUMBERS (default 1,000, so `npm test` stays short; `npm run
 * test:faults` sets 10,000). The tables show the count used.
 */
function numbersFor(op: FaultOperation): number {
	const cap = Number(process.env.FAULTS_NUMBERS ?? 1000);
	return Number.isInteger(cap) && cap > 0 ? Math.min(op.numbers, cap) : op.numbers;
}

/** Where the faults go: the first, middle and last request of a fault-free run, or only the middle. */
export function faultSkips(plan: FaultPlan, requests: number): number[] {
	const middle = Math.floor(requests / 2);
	if (plan.placement === 'once' || requests < 3) return [middle];
	return [0, middle, requests - 1];
}

export async function runScenario(
	suite: ProviderFaultSuite,
	op: FaultOperation,
	plan: FaultPlan,
	mode: Mode,
): Promise<ScenarioResult> {
	const accountId = `${op.name}-${plan.kind}-${mode}-${randomBytes(6).toString('hex')}`.replace(
		/[^A-Za-z0-9-]/g,
		'',
	);
	const sandbox = await startSandbox(suite.sandboxOptions(accountId));
	try {
		return await runIn(sandbox, suite, op, plan, mode);
	} finally {
		await sandbox.close();
	}
}

async function runIn(
	sandbox: Sandbox,
	suite: ProviderFaultSuite,
	op: FaultOperation,
	plan: FaultPlan,
	mode: Mode,
): Promise<ScenarioResult> {
	const numbers = Array.from({ length: numbersFor(op) }, (_, i) => suite.phone(i));
	op.prepare?.(sandbox, numbers);
	if (plan.kind !== 'none') {
		for (const skip of faultSkips(plan, op.requestsPerRun(numbers.length)))
			sandbox.injectFault({
				provider: suite.provider,
				path: op.faultPath ?? op.path,
				kind: plan.kind,
				count: 1,
				skip,
				retryAfterSeconds: plan.retryAfterSeconds,
			});
	}

	const node = op.build(numbers, sandbox);
	const result = await runWorkflow(
		singleNodeWorkflow(
			node.node,
			node.parameters as never,
			node.items,
			node.credentialTypes,
			mode === 'continue' ? { onError: 'continueRegularOutput' } : {},
		),
		{ credentials: suite.credentials(sandbox), requestTimeoutMs: plan.clientTimeoutMs },
	);
	const run: NodeRun = { output: result.output('Subject'), error: result.error('Subject') };

	const perItem = op.numbersPerItem ?? 1;
	const numbersOfItem = (i: number) => numbers.slice(i * perItem, (i + 1) * perItem);
	const itemCount = Math.ceil(numbers.length / perItem);
	const verdicts = new Map<string, Verdict>([
		...errorVerdicts(run.error, numbersOfItem, op.itemByItem === true, itemCount),
		...op.verdicts(run, numbers),
	]);
	const timesApplied = new Map<string, number>();
	for (const n of op.applied(sandbox, numbers)) timesApplied.set(n, (timesApplied.get(n) ?? 0) + 1);

	const requests = sandbox.requests.filter(
		(r) => r.provider === suite.provider && r.path === op.path,
	);
	const sentAt = new Set([op.path, ...(op.alsoSentAt ?? [])]);
	// A number counts as sent once a request carrying it reached the provider, whatever came back.
	const sent = new Set(
		sandbox.requests
			.filter((r) => r.provider === suite.provider && sentAt.has(r.path))
			.flatMap((r) => op.numbersIn(r)),
	);

	const count = {
		accepted: 0,
		refused: 0,
		notSent: 0,
		unknown: 0,
		duplicated: 0,
		lost: 0,
		misreported: 0,
	};
	const examples: string[] = [];
	const note = (what: string, n: string) => {
		if (examples.length < 5)
			examples.push(
				`${what} ${n} (verdict ${verdicts.get(n) ?? 'none'}, applied ${timesApplied.get(n) ?? 0}×)`,
			);
	};
	for (const n of numbers) {
		const times = timesApplied.get(n) ?? 0;
		const verdict = verdicts.get(n);
		if (times > 0) count.accepted++;
		if (verdict === 'refused') count.refused++;
		if (verdict === 'not-sent') count.notSent++;
		if (verdict === 'unknown') count.unknown++;
		if (times > 1) {
			count.duplicated++;
			note('duplicated', n);
		}
		if (times === 0 && (verdict === undefined || verdict === 'done')) {
			count.lost++;
			note('lost', n);
		}
		if (times > 0 && (verdict === 'refused' || verdict === 'not-sent')) {
			count.misreported++;
			note('misreported', n);
		}
	}

	const secrets = suite.secrets(sandbox);
	usedSecrets.push(...secrets);
	const produced = [
		...stringsOf(run.output),
		...stringsOf(run.error),
		...stringsOf(result.run.data.resultData),
	];
	return {
		provider: suite.title,
		operation: op.name,
		fault: plan.label,
		mode,
		numbers: numbers.length,
		requests: requests.length,
		sent: sent.size,
		...count,
		breaches: sandbox.violations.length,
		breachKinds: sandbox.violations.map((v) => `${v.kind}:${v.countInWindow}`),
		examples,
		stopMessage: run.error
			? `${run.error.message} ${run.error.description ?? ''}`.slice(0, 300)
			: undefined,
		secretsFound: findSecrets(produced, secrets),
		leakContext: leakContext(produced, secrets),
	};
}

function leakContext(strings: string[], secrets: string[]): string | undefined {
	for (const text of strings)
		for (const secret of secrets.filter((x) => x.length >= 6)) {
			const at = text.indexOf(secret);
			if (at >= 0)
				return text
					.slice(Math.max(0, at - 120), at + secret.length + 60)
					.split(secret)
					.join('<secret>');
		}
	return undefined;
}

/** Runs `tasks` with at most `limit` at once, keeping their order in the result. */
export async function pool<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
	const results: T[] = new Array(tasks.length);
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const i = next++;
			results[i] = await tasks[i]();
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
	return results;
}
