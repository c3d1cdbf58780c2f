import type { IExecuteFunctions, INodeExecutionData, NodeParameterValueType } from 'n8n-workflow';

/**
 * Reading one parameter for every input item, fast. n8n evaluates a parameter per item through its
 * expression engine, which costs about a tenth of a millisecond: fine for a hundred items, minutes for
 * a million. The cases that cover nearly every bulk flow are read without it, with the same result:
 * - a value without any expression is the same for every item, so it is read once;
 * - `={{ $json.field }}` (a plain path into the item) is read straight from the item;
 * - a collection (object or list, e.g. a node's "Additional Fields") whose every expression is such a
 *   plain path is built for each item from its constants and those paths;
 * - `={{ { "leadId": $json.id, source: 'crm' } }}` (a flat object literal of plain paths and constants,
 *   the usual way to fill a JSON field) is built for each item the same way.
 * Anything else goes through getNodeParameter as usual.
 */

/** A plain path into the item: `$json` then `.key`, `['key']`, `["key"]` or `[0]`, one or more. */
const PATH_SOURCE = String.raw`\$json(?:\.[A-Za-z_$][\w$]*|\[\s*(?:'[^']*'|"[^"]*"|\d+)\s*\])+`;
const PLAIN_JSON_PATH = new RegExp(String.raw`^=\{\{\s*(${PATH_SOURCE})\s*\}\}$`);
const PATH_PART = /\.([A-Za-z_$][\w$]*)|\[\s*(?:'([^']*)'|"([^"]*)"|(\d+))\s*\]/g;

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

function jsonPath(expression: string): string[] | undefined {
	const match = PLAIN_JSON_PATH.exec(expression);
	return match ? pathParts(match[1]) : undefined;
}

/** The keys of a path matched by PATH_SOURCE: `$json.a['b c'][0]` → ['a', 'b c', '0']. */
function pathParts(path: string): string[] {
	const parts: string[] = [];
	for (const m of path.slice('$json'.length).matchAll(PATH_PART))
		parts.push(m[1] ?? m[2] ?? m[3] ?? m[4]);
	return parts;
}

const OBJECT_LITERAL = /^=\{\{\s*\{([^]*)\}\s*\}\}$/;
/**
 * One `key: value` of a flat object literal, then a comma or the end. Only what reads the same
 * everywhere: unescaped quoted strings, plain decimal numbers, true/false/null, plain paths. Anything
 * else (a call, an operator, a nested object, a trailing comma) does not match and goes to the engine.
 */
const LITERAL_ENTRY = new RegExp(
	String.raw`\s*(?:([A-Za-z_$][\w$]*)|"([^"\\]*)"|'([^'\\]*)')\s*:\s*` +
		String.raw`(${PATH_SOURCE}|"[^"\\\n\r]*"|'[^'\\\n\r]*'|-?(?:0|[1-9]\d*)(?:\.\d+)?|true|false|null)\s*(?:,|$)`,
	'y',
);

/** The entries of a flat object literal expression, each a constant or a path; undefined otherwise. */
function objectLiteral(expression: string): Array<[string, Build]> | undefined {
	const body = OBJECT_LITERAL.exec(expression)?.[1];
	// `{{` or `}}` inside would be read by n8n's template splitter first: leave it to the engine.
	if (body === undefined || body.includes('{{') || body.includes('}}')) return undefined;
	if (body.trim() === '') return [];
	const entries: Array<[string, Build]> = [];
	LITERAL_ENTRY.lastIndex = 0;
	while (LITERAL_ENTRY.lastIndex < body.length) {
		const at = LITERAL_ENTRY.lastIndex;
		const m = LITERAL_ENTRY.exec(body);
		if (!m || LITERAL_ENTRY.lastIndex === at) return undefined;
		const key = m[1] ?? m[2] ?? m[3];
		// `__proto__:` in a literal sets the prototype, not a key: leave that to the engine.
		if (key === '__proto__') return undefined;
		entries.push([key, valueOf(m[4])]);
		// `{ a: 1, }` ends on a comma: JavaScript allows it, the engine handles it.
		if (
			body[LITERAL_ENTRY.lastIndex - 1] === ',' &&
			body.slice(LITERAL_ENTRY.lastIndex).trim() === ''
		)
			return undefined;
	}
	return entries;
}

function valueOf(source: string): Build {
	if (source.startsWith('$json')) {
		const path = pathParts(source);
		return (json) => readPath(json, path);
	}
	const constant: unknown =
		source.startsWith("'") || source.startsWith('"') ? source.slice(1, -1) : JSON.parse(source);
	return () => constant;
}

/** A path read through null or undefined: JavaScript throws there, and n8n makes the whole expression undefined. */
const THROWS = Symbol('read through null');

function readPath(json: unknown, path: string[]): unknown {
	let value = json;
	for (const part of path) {
		if (value === null || value === undefined) return THROWS;
		value = (value as Record<string, unknown>)[part];
	}
	return value;
}

/** n8n reads a plain path through null or a missing key as undefined, never as an error or null. */
function readPlainPath(json: unknown, path: string[]): unknown {
	const value = readPath(json, path);
	return value === THROWS ? undefined : value;
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
		if (path) return (json) => readPlainPath(json, path);
		const entries = objectLiteral(raw);
		return entries ? literalOf(entries) : undefined;
	}
	if (Array.isArray(raw)) {
		const parts = raw.map(builder);
		if (!parts.every((p): p is Build => p !== undefined)) return undefined;
		return (json) => parts.map((p) => p(json));
	}
	if (raw !== null && typeof raw === 'object') {
		const entries = Object.entries(raw).map(([k, v]) => [k, builder(v)] as const);
		if (!entries.every((e): e is readonly [string, Build] => e[1] !== undefined)) return undefined;
		return objectOf(entries);
	}
	return () => raw;
}

/** One expression: a path in it that reads through null makes the whole object undefined, as in n8n. */
function literalOf(entries: ReadonlyArray<readonly [string, Build]>): Build {
	const build = objectOf(entries);
	return (json) => {
		const out = build(json) as Record<string, unknown>;
		return Object.values(out).includes(THROWS) ? undefined : out;
	};
}

function objectOf(entries: ReadonlyArray<readonly [string, Build]>): Build {
	return (json) => {
		const out: Record<string, unknown> = {};
		for (const [k, build] of entries) out[k] = build(json);
		return out;
	};
}

/** Whether itemParameterReader reads this raw parameter value without n8n's expression engine. */
export function readsWithoutEngine(raw: unknown): boolean {
	return !hasExpression(raw) || builder(raw) !== undefined;
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
