/**
 * Twin24 in the fault and bad-input suites: the operations that add people to be called or call them.
 * - Add to Task (/autoCallCandidate/batch) and Call From Template (/single/batch): 10,000 candidates,
 *   one per item, in about ten requests (a fault at the start, the middle and the end of the run);
 * - Single Call (/single): one call per item, 18 items;
 * - the login (IAM /auth/login, the credential's preAuthentication) under the same faults, with Add to
 *   Task behind it: a login that fails must never cost a candidate or add one twice.
 * Task > Create is not here: a new task has no candidates, so it calls nobody.
 *
 * Twin24 has no idempotency key and publishes no rate limit (research/twin24.md §4.2): a request that
 * ends in a 5xx, a reset or a timeout may have been acted on, and cannot be retried without risking a
 * second call, so the node reports its candidates as "outcome unknown" (counted as such, not lost),
 * also when the fault came before Twin24 acted (the node cannot tell the two apart). Only 429 is
 * retried. The breaches column stays 0 because the sandbox has no limit to break (it records the rate).
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import type { FaultOperation, NodeRun, ProviderFaultSuite, Verdict } from '../harness/types';
import { pairedIndex, verdictOfErrorItem } from '../harness/verdicts';
import { candidateNumbers, seedTask, taskOf, twin24BadInput } from './twin24.badInput';

const CIS = '/cis/api/v1/telephony/autoCallCandidate';
const LOGIN_PATH = '/iam/api/v1/auth/login';
const BULK = 10_000;
const CALLS = 18;
/** Requests a bulk run is cut into, so a fault lands at its start, middle and end. */
const REQUESTS_PER_BULK_RUN = 10;

const state = (sb: Sandbox) => sb.providers.twin24.state;

/** Candidates per request for `n` numbers (the operations' own maximum caps it). */
const perRequest = (n: number, max: number) =>
	Math.min(max, Math.max(1, Math.ceil(n / REQUESTS_PER_BULK_RUN)));

/** Every time Twin24 took one of our numbers as a candidate, in any task. */
function candidatesOf(sb: Sandbox, numbers: string[], taskId?: string): string[] {
	const ours = new Set(numbers);
	return [...state(sb).candidates.values()]
		.filter((c) => taskId === undefined || c.taskId === taskId)
		.flatMap((c) => c.phones)
		.filter((n) => ours.has(n));
}

/** What each item's output says: its status word, or its error. One candidate (number) per item. */
function itemVerdicts(
	words: Record<string, Verdict>,
): (run: NodeRun, numbers: string[]) => Map<string, Verdict> {
	return (run, numbers) => {
		const verdicts = new Map<string, Verdict>();
		for (const item of run.output) {
			const i = pairedIndex(item);
			if (i === undefined || numbers[i] === undefined) continue;
			const status = String(item.json.status);
			const verdict =
				words[status] ??
				(typeof item.json.error === 'string' ? verdictOfErrorItem(item.json) : undefined);
			if (verdict) verdicts.set(numbers[i], verdict);
		}
		return verdicts;
	};
}

/** Add to Task and Call From Template answer per item: done, or a failed request's status. */
const CANDIDATE_WORDS: Record<string, Verdict> = {
	added: 'done',
	calling: 'done',
	outcomeUnknown: 'unknown',
	notAdded: 'refused',
};

const onePhonePerItem = (numbers: string[]) => numbers.map((phone) => ({ phone }));

function addToTask(name: string, faultPath?: string): FaultOperation {
	return {
		name,
		numbers: BULK,
		path: `${CIS}/batch`,
		...(faultPath ? { faultPath } : {}),
		// The login faults: one login per run (the token lives a day), the fault on it.
		requestsPerRun: faultPath ? () => 1 : () => REQUESTS_PER_BULK_RUN,
		prepare: seedTask,
		build: (numbers, sb) => ({
			node: 'twin24',
			parameters: {
				resource: 'candidate',
				operation: 'addToTask',
				task: { __rl: true, mode: 'id', value: taskOf(sb)?.id },
				phone: '={{ $json.phone }}',
				options: { batchSize: perRequest(numbers.length, 1000) },
			},
			items: onePhonePerItem(numbers),
			credentialTypes: ['twin24Api'],
		}),
		applied: (sb, numbers) => candidatesOf(sb, numbers, taskOf(sb)?.id),
		numbersIn: candidateNumbers,
		verdicts: itemVerdicts(CANDIDATE_WORDS),
	};
}

const callFromTemplate: FaultOperation = {
	name: 'Call From Template',
	numbers: BULK,
	path: `${CIS}/single/batch`,
	requestsPerRun: () => REQUESTS_PER_BULK_RUN,
	build: (numbers) => ({
		node: 'twin24',
		parameters: {
			resource: 'candidate',
			operation: 'callFromTemplate',
			phone: '={{ $json.phone }}',
			options: { batchSize: perRequest(numbers.length, 100) },
		},
		items: onePhonePerItem(numbers),
		credentialTypes: ['twin24Api'],
	}),
	applied: (sb, numbers) => candidatesOf(sb, numbers),
	numbersIn: candidateNumbers,
	verdicts: itemVerdicts(CANDIDATE_WORDS),
};

const singleCall: FaultOperation = {
	name: 'Single Call',
	numbers: CALLS,
	path: `${CIS}/single`,
	itemByItem: true,
	requestsPerRun: (n) => n,
	build: (numbers) => ({
		node: 'twin24',
		parameters: { resource: 'candidate', operation: 'singleCall', phone: '={{ $json.phone }}' },
		items: onePhonePerItem(numbers),
		credentialTypes: ['twin24Api'],
	}),
	applied: (sb, numbers) => candidatesOf(sb, numbers),
	numbersIn: candidateNumbers,
	verdicts: itemVerdicts({ calling: 'done' }),
};

/** The login tokens the sandbox gave out in this scenario (secrets like the password). */
function issuedTokens(sb: Sandbox): string[] {
	return sb.requests
		.filter((r) => r.provider === 'twin24' && r.path === LOGIN_PATH && r.responseBody)
		.flatMap((r) => {
			try {
				const answer = JSON.parse(r.responseBody as string) as IDataObject;
				return [answer.token, answer.refreshToken].filter(
					(t): t is string => typeof t === 'string',
				);
			} catch {
				return [];
			}
		});
}

export const twin24Suite: ProviderFaultSuite = {
	title: 'Twin24',
	provider: 'twin24',
	phone: (i) => `7900${String(1_000_000 + i)}`,
	sandboxOptions: (accountId) => ({
		accounts: {
			twin24: { email: `${accountId}@faults.test`, password: `pw-${accountId}`, companyId: 1001 },
		},
	}),
	credentials: (sb) => ({
		twin24Api: {
			email: sb.accounts.twin24.email,
			password: sb.accounts.twin24.password,
			companyId: '',
			lifetime: 86400,
			iamBaseUrl: sb.baseUrls.twin24Iam,
			apiBaseUrl: sb.baseUrls.twin24,
			botApiBaseUrl: `${sb.baseUrls.twin24}/bot/api/v1`,
			accessToken: '',
		},
	}),
	secrets: (sb) => [sb.accounts.twin24.password, ...issuedTokens(sb)],
	operations: [
		addToTask('Add to Task'),
		callFromTemplate,
		singleCall,
		addToTask('Login (Add to Task)', LOGIN_PATH),
	],
	badInput: twin24BadInput,
};
