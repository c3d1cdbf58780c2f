/**
 * NXCloud voice in the fault and bad-input suites: Group Call → Create (10,000 numbers, split into ten
 * tasks or more so that faults land at the start, middle and end) and the two operations that place one
 * call per item, Voice Notification → Send and Voice Verification Code → Send (18 items each).
 *
 * Group calls are safe to repeat: with the run key every task name is this execution's own and NXCloud
 * refuses a name used before (code -20), so a retried task is reported as already created, never made
 * twice. Notification and verification code have no idempotency key at all: a request whose fate is
 * unknown (reset or 5xx after acting, timeout) is never sent again, and the item is reported as "may
 * have been called" (outcome unknown). That is the honest answer the API allows: 0 duplicates, 0 lost.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../../sandbox';
import { GROUP_CALL_PATH, NOTIFY_PATH, OTP_PATH } from '../../../sandbox/nxcloud/voice';
import type { FaultOperation, NodeRun, ProviderFaultSuite, Verdict } from '../harness/types';
import { pairedIndex, verdictOfErrorItem } from '../harness/verdicts';
import {
	COUNTRY_CODE,
	groupCallParameters,
	nxcloudBadInput,
	nxcloudCredentials,
	nxcloudNumbersIn,
	nxcloudSecrets,
} from './nxcloud.badInput';

const BULK = 10_000;
const CALLS = 18;
/** Ten tasks a run, whatever the count (NXCloud takes up to 200,000 numbers in one). */
const numbersPerTask = (n: number) => Math.max(1, Math.ceil(n / 10));

const state = (sb: Sandbox) => sb.providers.nxcloud.state;

/** Verdicts of operations with one output item per input item: an error item, or done. */
function perItemVerdicts(
	run: NodeRun,
	numbers: string[],
	done: (json: IDataObject) => boolean,
): Map<string, Verdict> {
	const verdicts = new Map<string, Verdict>();
	for (const item of run.output) {
		const i = pairedIndex(item);
		const phone = i === undefined ? undefined : numbers[i];
		if (phone === undefined) continue;
		if (typeof item.json.error === 'string') verdicts.set(phone, verdictOfErrorItem(item.json));
		else if (done(item.json)) verdicts.set(phone, 'done');
	}
	return verdicts;
}

/**
 * Group Call → Create. With the run key (the default) a task name is this execution's own, so a retry
 * that hears "name used before" knows its task exists. Without it the name may be anyone's: a request
 * whose fate is unknown cannot be retried and is reported as such.
 */
const groupCall = (name: string, runKey: boolean): FaultOperation => ({
	name,
	numbers: BULK,
	path: GROUP_CALL_PATH,
	requestsPerRun: (n) => Math.ceil(n / numbersPerTask(n)),
	build: (numbers) => ({
		node: 'nxtele',
		parameters: {
			...groupCallParameters,
			options: { numbersPerTask: numbersPerTask(numbers.length), runKey },
		},
		items: numbers.map((phone) => ({ phone })),
		credentialTypes: ['nxteleApi'],
	}),
	applied: (sb, numbers) => {
		const ours = new Set(numbers);
		return state(sb)
			.groupCalls.flatMap((t) => t.numbers)
			.filter((n) => ours.has(n));
	},
	numbersIn: nxcloudNumbersIn,
	// `{tasks, numbersSent, refusedNumbers}`: numbersSent 1 is this item's number in a task.
	verdicts: (run, numbers) => perItemVerdicts(run, numbers, (j) => j.numbersSent === 1),
});

/** One call per item: the item's number is the one called. */
function callOperation(
	name: string,
	path: string,
	kind: 'notification' | 'otp',
	parameters: Record<string, unknown>,
): FaultOperation {
	return {
		name,
		numbers: CALLS,
		path,
		itemByItem: true,
		requestsPerRun: (n) => n,
		build: (numbers) => ({
			node: 'nxtele',
			parameters,
			items: numbers.map((phone) => ({ phone })),
			credentialTypes: ['nxteleApi'],
		}),
		applied: (sb, numbers) => {
			const ours = new Set(numbers);
			return state(sb)
				.messages.filter((m) => m.kind === kind)
				.flatMap((m) => m.phones)
				.filter((n) => ours.has(n));
		},
		numbersIn: nxcloudNumbersIn,
		verdicts: (run, numbers) => perItemVerdicts(run, numbers, (j) => j.messageId !== undefined),
	};
}

const notification = callOperation('Voice Notification Send', NOTIFY_PATH, 'notification', {
	resource: 'voiceNotification',
	operation: 'send',
	numbers: '={{ $json.phone }}',
	countryCode: COUNTRY_CODE,
	displayNumber: '085944247',
	text: 'Your parcel arrives today',
	language: 'en',
});

const verificationCode = callOperation('Voice Verification Code Send', OTP_PATH, 'otp', {
	resource: 'voiceOtp',
	operation: 'send',
	number: '={{ $json.phone }}',
	countryCode: COUNTRY_CODE,
	displayNumber: '085944247',
	code: '482913',
	language: 'en',
});

export const nxcloudSuite: ProviderFaultSuite = {
	title: 'NXCloud Voice',
	provider: 'nxcloud',
	phone: (i) => `${COUNTRY_CODE}13${String(200_000_000 + i)}`,
	sandboxOptions: (accountId) => ({
		accounts: { nxcloud: { accessKey: `ak-${accountId}`, accessSecret: `as-${accountId}` } },
	}),
	credentials: nxcloudCredentials,
	secrets: nxcloudSecrets,
	operations: [
		groupCall('Group Call Create', true),
		groupCall('Group Call Create (no run key)', false),
		notification,
		verificationCode,
	],
	badInput: nxcloudBadInput,
};
