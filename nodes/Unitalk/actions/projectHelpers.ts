import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/validation';

/**
 * Unitalk's own value formats: its date-times ("yyyy-MM-dd HH:mm:ss" in the project's time zone) and
 * its `{status: "Success", data}` envelope. List and phone helpers any provider uses are in
 * nodes/shared/lists.ts.
 */

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
