import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';

import { inputError } from './validation';

/**
 * The "<Noun> Per Request" option of a bulk operation (how many entries one request carries), for any
 * provider: put `perRequestOption({ max, noun, provider })` in the operation's Options collection and
 * read it back with `perRequestSize(node, options, { max, noun })`, the one parser (a whole number from
 * 1 to `max`, `max` when left out). The option is named `batchSize` in every operation.
 */

export interface PerRequestSpec {
	/** The most one request may carry (from the provider docs); also the default. */
	max: number;
	/** What is counted, in the plural and lower case: "numbers", "messages", "candidates". */
	noun: string;
}

export const PER_REQUEST_OPTION = 'batchSize';

/** "Numbers Per Request" for "numbers". */
export function perRequestLabel(noun: string): string {
	return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} Per Request`;
}

export function perRequestOption(spec: PerRequestSpec & { provider: string }): INodeProperties {
	return {
		displayName: perRequestLabel(spec.noun),
		name: PER_REQUEST_OPTION,
		type: 'number',
		typeOptions: { minValue: 1, maxValue: spec.max },
		default: spec.max,
		description: `How many ${spec.noun} go into one request (${spec.provider} accepts up to ${spec.max.toLocaleString('en-US')})`,
	};
}

/**
 * The checked size from the node's Options (read for item 0, like every bulk setting). `cap`: a lower
 * limit learnt at run time (for example the account's own maximum); the size is then at most `cap`.
 */
export function perRequestSize(
	node: INode,
	options: IDataObject,
	spec: PerRequestSpec,
	cap?: number,
): number {
	const raw = options[PER_REQUEST_OPTION];
	const size = raw === undefined || raw === null || raw === '' ? spec.max : Number(raw);
	if (!Number.isInteger(size) || size < 1 || size > spec.max)
		throw inputError(
			node,
			0,
			perRequestLabel(spec.noun),
			`must be a whole number from 1 to ${spec.max.toLocaleString('en-US')}, got ${String(raw)}`,
		);
	return cap !== undefined && cap >= 1 ? Math.min(size, Math.floor(cap)) : size;
}
