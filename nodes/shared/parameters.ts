import type { IExecuteFunctions, INodeExecutionData, NodeParameterValueType } from 'n8n-workflow';

/**
 * Reading one parameter for every input item, fast. n8n evaluates a parameter per item through its
 * expression engine, which costs about a tenth of a millisecond: fine for a hundred items, minutes for
 * a million. The cases that cover nearly every bulk flow are read without it, with the same result:
 * - a value without any expression is the same for every item, so it is read once;
 * - `={{ $json.field }}` (a plain path into the item) is read straight from the item;
 * - a collection (object or list, e.g. a node's "Additional Fields") whose every expression is such a
 *   plain path is built for each item from its constants and those paths.
 * Anything else goes through getNodeParameter as usual.
 */

const PLAIN_JSON_PATH =
	/^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:'[^']*'|"[^"]*"|\d+)\s*\])+)\s*\}\}$/;
const PATH_PART = /\.([A-Za-z_$][\w$]*)|\[\s*(?:'([^']*)'|"([^"]*)"|(\d+))\s*\]/g;

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

function jsonPath(expression: string): string[] | undefined {
	const match = PLAIN_JSON_PATH.exec(expression);
	if (!match) return undefined;
	const parts: string[] = [];
	for (const m of match[1].matchAll(PATH_PART)) parts.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
	return parts;
}

/** n8n reads a path through null or a missing key as undefined, never as an error or null. */
function readPath(json: unknown, path: string[]): unknown {
	let value = json;
	for (const part of path) {
		if (value === null || value === undefined) return undefined;
		value = (value as Record<string, unknown>)[part];
	}
	return value;
}

type Build = (json: unknown) => unknown;

/**
 * How to build the value of a parameter from an item without the engine, or undefined when some part
 * needs the engine. Objects and lists are built anew for each item, as the engine does.
 */
function builder(raw: unknown): Build | undefined {
	if (typeof raw === 'string') {
		if (!raw.startsWith('=')) return () => raw;
		const path = jsonPath(raw);
		// A path that finds nothing is undefined, as n8n's own evaluation gives it (the fallback is only
		// for a parameter that is not set at all); test/integration/shared/parameters.test.ts compares both.
		return path ? (json) => readPath(json, path) : undefined;
	}
	if (Array.isArray(raw)) {
		const parts = raw.map(builder);
		if (!parts.every((p): p is Build => p !== undefined)) return undefined;
		return (json) => parts.map((p) => p(json));
	}
	if (raw !== null && typeof raw === 'object') {
		const entries = Object.entries(raw).map(([k, v]) => [k, builder(v)] as const);
		if (!entries.every((e): e is readonly [string, Build] => e[1] !== undefined)) return undefined;
		return (json) => {
			const out: Record<string, unknown> = {};
			for (const [k, build] of entries) out[k] = build(json);
			return out;
		};
	}
	return () => raw;
}

export type ItemParameterReader<T> = (itemIndex: number) => T;

export function itemParameterReader<T = NodeParameterValueType | object>(
	ctx: IExecuteFunctions,
	name: string,
	items: INodeExecutionData[],
	fallback: unknown,
	options?: { extractValue?: boolean },
): ItemParameterReader<T> {
	const raw = ctx.getNode().parameters[name];
	const read = (i: number) => ctx.getNodeParameter(name, i, fallback, options) as T;
	if (items.length === 0) return read;
	if (!hasExpression(raw)) {
		const constant = read(0);
		return () => constant;
	}
	// extractValue reads and checks the value of a resource locator object: the engine's job.
	if (options?.extractValue && typeof raw !== 'string') return read;
	const build = builder(raw);
	if (!build) return read;
	return (i: number) => build(items[i]?.json) as T;
}
