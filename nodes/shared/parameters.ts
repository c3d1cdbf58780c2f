import type { IExecuteFunctions, INodeExecutionData, NodeParameterValueType } from 'n8n-workflow';

/**
 * Reading one parameter for every input item, fast. n8n evaluates a parameter per item through its
 * expression engine, which costs about a tenth of a millisecond: fine for a hundred items, minutes for
 * a million. The two cases that cover nearly every bulk flow are read without it, with the same result:
 * - a value without any expression is the same for every item, so it is read once;
 * - `={{ $json.field }}` (a plain path into the item) is read straight from the item;
 * - a collection (an object of fields) whose fields are constants or such paths: the constants are
 *   read once, the paths straight from each item.
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
	if (typeof raw === 'string') {
		const path = jsonPath(raw);
		return path ? (i: number) => valueAt(items[i]?.json, path) as T : read;
	}
	// A resource locator is read as its value (extractValue), not as the object: left to the engine.
	const fields = options?.extractValue ? undefined : collectionPaths(raw);
	if (!fields) return read;
	// Item 0 through the engine gives the constants exactly as n8n resolves them; the paths are per item.
	const template = read(0) as Record<string, unknown>;
	if (!template || typeof template !== 'object' || Array.isArray(template)) return read;
	return (i: number) => {
		const out = { ...template };
		for (const [key, path] of fields) out[key] = valueAt(items[i]?.json, path);
		return out as T;
	};
}

/** The fields of a collection that are plain $json paths, or undefined when one holds any other expression. */
function collectionPaths(raw: unknown): Array<[string, string[]]> | undefined {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw) || '__rl' in raw) return undefined;
	const fields: Array<[string, string[]]> = [];
	for (const [key, value] of Object.entries(raw)) {
		if (!hasExpression(value)) continue;
		const path = typeof value === 'string' ? jsonPath(value) : undefined;
		if (!path) return undefined;
		fields.push([key, path]);
	}
	return fields;
}

function valueAt(json: unknown, path: string[]): unknown {
	let value = json;
	for (const part of path) {
		// n8n reads a path through null or a missing key as undefined, never as an error or null.
		if (value === null || value === undefined) return undefined;
		value = (value as Record<string, unknown>)[part];
	}
	// A path that finds nothing is undefined, as n8n's own evaluation gives it (the fallback is only
	// for a parameter that is not set at all); test/integration/shared/parameters.test.ts compares both.
	return value;
}
