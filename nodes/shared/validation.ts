import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import type { ZodIssue, ZodType, ZodTypeDef } from 'zod';

/**
 * Input checks before anything is sent. A zod schema describes what the provider accepts; a failed
 * check becomes one NodeOperationError that names the item (1-based, as the editor shows it), the
 * field, the value that was given and what is allowed.
 */

/** Field path (as zod reports it, joined with '.') -> the label the user sees in the editor. */
export type FieldLabels = Record<string, string>;

export class InputError extends NodeOperationError {}

export function parseInput<Out, In = Out>(
	node: INode,
	schema: ZodType<Out, ZodTypeDef, In>,
	value: unknown,
	itemIndex: number,
	labels: FieldLabels = {},
): Out {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const problems = result.error.issues.map((i) => describeIssue(i, value, labels));
	throw new InputError(node, `Item ${itemIndex + 1}: ${problems[0]}`, {
		itemIndex,
		description:
			problems.length > 1
				? `All problems in this item:\n${problems.join('\n')}\nNothing was sent for this item.`
				: 'Nothing was sent for this item.',
		level: 'warning',
	});
}

/** Throws the same kind of error for a check that is not a schema (for example a cross-item limit). */
export function inputError(
	node: INode,
	itemIndex: number,
	field: string,
	problem: string,
): InputError {
	return new InputError(node, `Item ${itemIndex + 1}: "${field}" ${problem}`, {
		itemIndex,
		description: 'Nothing was sent for this item.',
		level: 'warning',
	});
}

export function fieldLabel(path: Array<string | number>, labels: FieldLabels): string {
	const key = path.join('.');
	if (labels[key]) return labels[key];
	// Entries of a list: "Audios 3 > Text" reads better than audios.2.text.
	const parts: string[] = [];
	let prefix: Array<string | number> = [];
	for (const p of path) {
		prefix = [...prefix, p];
		if (typeof p === 'number') {
			// The entry number joins the list's name ("Audios 3"); a list at the root stands alone.
			if (parts.length > 0) parts[parts.length - 1] += ` ${p + 1}`;
			else parts.push(`${p + 1}`);
			continue;
		}
		const generic = prefix.map((x) => (typeof x === 'number' ? '*' : x)).join('.');
		parts.push(labels[generic] ?? labels[p] ?? p);
	}
	return parts.join(' > ') || 'input';
}

function valueAt(value: unknown, path: Array<string | number>): unknown {
	let v: unknown = value;
	for (const p of path) {
		if (v === null || typeof v !== 'object') return undefined;
		v = (v as Record<string | number, unknown>)[p];
	}
	return v;
}

function show(v: unknown): string {
	if (v === undefined) return 'nothing';
	const text = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function describeIssue(issue: ZodIssue, input: unknown, labels: FieldLabels): string {
	const field = `"${fieldLabel(issue.path, labels)}"`;
	const got = valueAt(input, issue.path);
	switch (issue.code) {
		case 'too_big':
			if (issue.type === 'string')
				return `${field} is too long: ${String(got).length} characters given, at most ${issue.maximum} allowed`;
			if (issue.type === 'array')
				return `${field} has too many entries: ${Array.isArray(got) ? got.length : '?'} given, at most ${issue.maximum} allowed`;
			return `${field} is too large: ${show(got)} given, at most ${issue.maximum} allowed`;
		case 'too_small':
			if (issue.type === 'string')
				return issue.minimum === 1
					? `${field} is required`
					: `${field} is too short: at least ${issue.minimum} characters needed`;
			if (issue.type === 'array')
				return `${field} has too few entries: ${Array.isArray(got) ? got.length : 0} given, at least ${issue.minimum} needed`;
			return `${field} is too small: ${show(got)} given, at least ${issue.minimum} allowed`;
		case 'invalid_enum_value':
			return `${field} has the value ${show(got)}, allowed: ${issue.options.join(', ')}`;
		case 'invalid_literal':
			return `${field} must be ${show(issue.expected)}, got ${show(got)}`;
		case 'invalid_type':
			if (issue.received === 'undefined') return `${field} is required`;
			return `${field} must be ${article(issue.expected)}, got ${show(got)}`;
		case 'unrecognized_keys':
			return `${field} has fields the provider does not know: ${issue.keys.join(', ')}`;
		default:
			return `${field} ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)} (got ${show(got)})`;
	}
}

function article(type: string): string {
	return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
