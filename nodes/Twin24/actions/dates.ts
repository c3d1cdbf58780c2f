import { DateTime } from 'luxon';
import type { INode } from 'n8n-workflow';

import { inputError } from '../../shared/validation';

/**
 * A date-time field as the ISO-8601 UTC instant Twin24's list filters take
 * (2025-06-01T00:00:00.000Z). A value without a zone is read in the workflow's time zone.
 */
export function isoInstant(
	node: INode,
	itemIndex: number,
	label: string,
	raw: unknown,
	zone: string,
): string | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text =
		raw instanceof Date
			? raw.toISOString()
			: typeof (raw as { toISO?: unknown }).toISO === 'function'
				? String((raw as { toISO: () => string }).toISO())
				: String(raw).trim();
	const parsed = DateTime.fromISO(text.replace(' ', 'T'), { zone });
	if (!parsed.isValid)
		throw inputError(
			node,
			itemIndex,
			label,
			`must be a date and time such as 2026-06-01 00:00, got "${text}"`,
		);
	return parsed.toUTC().toISO() as string;
}
