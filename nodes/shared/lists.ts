import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { checkPhone, describePhoneProblem } from './phone';
import { inputError } from './validation';

/**
 * Lists in and out, for any provider:
 * - `splitList`, `readPhones`, `phonesOf`: a field that holds several values ("a, b; c", one per line,
 *   or an array from an expression), and the same for phone numbers, checked and cleaned to digits;
 * - `returnAllFields`, `isReturnAll`, `applyLimit`: the one Return All / Limit pair of every list
 *   operation (put `...returnAllFields()` in the operation's properties, then `applyLimit` on the rows,
 *   or `isReturnAll` when the provider pages);
 * - `asItems`: a provider's answer as output rows; `queryString`: URL parameters.
 */

/** A list typed as text ("a, b; c" or one per line) or given as an array by an expression. */
export function splitList(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const parts = Array.isArray(value) ? value : String(value).split(/[,;\n]/);
	return parts.map((p) => String(p ?? '').trim()).filter(Boolean);
}

/**
 * The phone numbers of a field, cleaned to digits; an error naming the item and the field for the
 * first one that is not an international number. `required`: at least one number.
 */
export function readPhones(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
	required = true,
): string[] {
	const raw = ctx.getNodeParameter(parameter, itemIndex, '') as unknown;
	return phonesOf(ctx.getNode(), itemIndex, label, raw, required);
}

/**
 * The same for a value already read (bulk operations read their parameters in bulk): a list, or text
 * with numbers separated by commas, semicolons or lines.
 */
export function phonesOf(
	node: INode,
	itemIndex: number,
	label: string,
	raw: unknown,
	required = true,
): string[] {
	const phones = Array.isArray(raw) || typeof raw === 'string' ? splitList(raw) : splitList([raw]);
	if (phones.length === 0 && required)
		throw inputError(node, itemIndex, label, 'is empty; give at least one phone number');
	return phones.map((p) => {
		const check = checkPhone(p);
		if (!check.ok)
			throw inputError(
				node,
				itemIndex,
				label,
				`${describePhoneProblem(check)}: a number must be international, 7 to 15 digits`,
			);
		return check.digits;
	});
}

/** A provider value as output items: arrays entry by entry, anything else as one item. */
export function asItems(value: unknown): IDataObject[] {
	if (Array.isArray(value))
		return value.map((v) => (v && typeof v === 'object' ? (v as IDataObject) : { value: v }));
	if (value && typeof value === 'object') return [value as IDataObject];
	return value === undefined || value === null ? [] : [{ value }];
}

/**
 * Return All + Limit, the one definition for every list. `maxLimit`: the most the provider gives in
 * one request, when Limit is sent to it; without it the list is read whole and cut to Limit here.
 */
export function returnAllFields(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxLimit === undefined ? {} : { maxValue: maxLimit }) },
			default: 50,
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** Whether Return All is on for the item. */
export function isReturnAll(ctx: IExecuteFunctions, itemIndex: number): boolean {
	return ctx.getNodeParameter('returnAll', itemIndex, false) === true;
}

/** The first Limit entries unless Return All is on. */
export function applyLimit<T>(ctx: IExecuteFunctions, itemIndex: number, rows: T[]): T[] {
	if (isReturnAll(ctx, itemIndex)) return rows;
	const limit = Number(ctx.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1)
		throw inputError(
			ctx.getNode(),
			itemIndex,
			'Limit',
			`must be a whole number of at least 1, got ${String(limit)}`,
		);
	return rows.slice(0, limit);
}

/** `?a=1&b=x%20y` for URL parameters (spaces as %20, which every server reads as a space). */
export function queryString(params: Record<string, string | number | undefined>): string {
	const pairs = Object.entries(params)
		.filter(([, v]) => v !== undefined)
		.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
	return pairs.length ? `?${pairs.join('&')}` : '';
}
