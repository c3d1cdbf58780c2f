import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { checkPhone, describePhoneProblem } from '../../shared/phone';
import { inputError } from '../../shared/validation';

/**
 * Small pieces shared by the project-data operations (users, lines, groups, blocked lists, call
 * history, statistics, event handlers, incoming webhook links).
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

const WALL_CLOCK =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A date-time parameter as Unitalk writes it, "yyyy-MM-dd HH:mm:ss". A value without a time zone is
 * sent as written; a value with one (or a Date / Luxon value from an expression) is first converted
 * to the workflow's time zone.
 */
export function unitalkDateTime(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
): string {
	const value = ctx.getNodeParameter(parameter, itemIndex, '') as unknown;
	const text = dateText(value);
	const bad = () =>
		inputError(
			ctx.getNode(),
			itemIndex,
			label,
			`must be a date and time such as 2024-01-31 18:00:00, got "${String(text ?? value)}"`,
		);
	if (text === undefined || text === '') throw bad();
	const m = WALL_CLOCK.exec(text);
	if (!m) throw bad();
	const [, y, mo, d, h = '00', mi = '00', s = '00', zone] = m;
	if (!validParts(+y, +mo, +d, +h, +mi, +s)) throw bad();
	if (!zone) return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
	const instant = new Date(text.replace(' ', 'T'));
	if (Number.isNaN(instant.getTime())) throw bad();
	return inTimeZone(instant, ctx.getTimezone());
}

/** A date parameter as "yyyy-MM-dd" (the date part of unitalkDateTime). */
export function unitalkDate(
	ctx: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	label: string,
): string {
	return unitalkDateTime(ctx, itemIndex, parameter, label).slice(0, 10);
}

function dateText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (value instanceof Date)
		return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function')
		return String((value as { toISO: () => string }).toISO());
	return String(value).trim();
}

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
	return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** "yyyy-MM-dd HH:mm:ss" of an instant in a time zone. */
export function inTimeZone(instant: Date, timeZone: string): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-CA', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		})
			.formatToParts(instant)
			.map((p) => [p.type, p.value]),
	);
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The `data` of a `{status: "Success", data}` envelope, or the answer itself when it is bare. */
export function unwrapData(answer: unknown): unknown {
	if (
		answer &&
		typeof answer === 'object' &&
		!Array.isArray(answer) &&
		'data' in answer &&
		/^success$/i.test(String((answer as IDataObject).status ?? ''))
	)
		return (answer as IDataObject).data;
	return answer;
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

/**
 * The "<Noun> Per Request" option of a bulk operation: how many entries one request carries, up to
 * what Unitalk accepts (`max`, which is also the default).
 */
export function perRequestOption(max: number, noun: 'numbers' | 'messages'): INodeProperties {
	const label = noun === 'numbers' ? 'Numbers Per Request' : 'Messages Per Request';
	return {
		displayName: label,
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: max },
		default: max,
		description: `How many ${noun} go into one request (Unitalk accepts up to ${max.toLocaleString('en-US')})`,
	};
}
