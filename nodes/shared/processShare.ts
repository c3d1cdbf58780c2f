import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';

import type { GovernorLimits } from './governor';

/**
 * Provider limits in n8n queue mode: the share of a key each n8n process may use.
 *
 * The governor keeps one queue per API key in each n8n process; in queue mode several processes (the
 * main process and every worker) use the same key, and the provider counts their requests together,
 * so each process must keep to its share of every documented limit. Nothing in the package can see
 * the other processes (no runtime dependency, no Redis client), so the user says how many there are
 * in a credential field, and every process divides the limits by that number.
 *
 * How a provider adopts it (see also /work/wt/_prompts/queue-api.md):
 * - its credential lists `processShareProperty(<the profile's governor limits>)` among its properties;
 * - nothing else: the shared transport reads the field from the credential on every request and hands
 *   `processLimits(profile.governor, credentials)` to the governor.
 */

/** Name of the credential field; the same in every provider's credential. */
export const PROCESS_SHARE_FIELD = 'n8nProcessesSharingKey';

/**
 * How many processes the credential says share its key: a whole number, at least 1. Anything else
 * (missing field, 0, text) counts as 1, the single-process n8n the field defaults to.
 */
export function processShareOf(credentials: ICredentialDataDecryptedObject): number {
	const value = Number(credentials[PROCESS_SHARE_FIELD]);
	return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1;
}

/**
 * The limits one of `share` processes may use: every window's maximum and the concurrency divided by
 * the share, rounded down (the processes together never exceed the provider's figure), but never
 * below 1 (a process must be able to send at all).
 */
export function limitsForProcess(limits: GovernorLimits, share: number): GovernorLimits {
	const part = (max: number) => Math.max(1, Math.floor(max / share));
	return {
		...limits,
		windows: limits.windows.map((w) => ({ ...w, max: part(w.max) })),
		concurrency: part(limits.concurrency),
	};
}

/** The limits this process may use with these credentials. */
export function processLimits(
	limits: GovernorLimits,
	credentials: ICredentialDataDecryptedObject,
): GovernorLimits {
	const share = processShareOf(credentials);
	return share === 1 ? limits : limitsForProcess(limits, share);
}

/**
 * The largest share that still divides every limit exactly enough: above it, the floor of 1 request
 * per process lets the processes together pass the provider's smallest limit.
 */
export function largestSafeShare(limits: GovernorLimits): number {
	return Math.min(limits.concurrency, ...limits.windows.map((w) => w.max));
}

function describeWindow(max: number, perMs: number): string {
	const unit = perMs === 1000 ? 'per second' : `per ${perMs / 1000} s`;
	return `${max} ${max === 1 ? 'request' : 'requests'} ${unit}`;
}

/** "15 requests per 10 s, 7 per second and 10 at once": what one process keeps to. */
export function describeLimits(limits: GovernorLimits): string {
	const parts = [
		...limits.windows.map((w) => describeWindow(w.max, w.perMs)),
		`${limits.concurrency} at once`,
	];
	return parts.length === 1
		? parts[0]
		: `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * The credential field "Processes Sharing This Key", with a hint that spells out the limits each
 * process keeps to (computed from the provider's documented `limits`).
 */
export function processShareProperty(limits: GovernorLimits): INodeProperties {
	const example = 3; // a main process and two workers, the example of the description
	return {
		displayName: 'Processes Sharing This Key',
		name: PROCESS_SHARE_FIELD,
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description:
			'How many n8n processes use this key at the same time. Leave 1 for a normal n8n. In queue mode, count the main process (editor dropdowns, and manual executions unless they are offloaded to workers) and every worker of every n8n that uses this key, e.g. 3 for a main and two workers.',
		hint: `The provider allows ${describeLimits(limits)} per key. Each process keeps to its share, rounded down and never below 1: with ${example}, ${describeLimits(limitsForProcess(limits, example))} per process; above ${largestSafeShare(limits)} processes the limits cannot be divided further: use another key.`,
	};
}
