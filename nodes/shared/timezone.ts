import { DateTime, IANAZone } from 'luxon';

/**
 * Time zones typed by people: an IANA name ("Europe/Berlin", "Asia/Hong_Kong"), "UTC", or an offset
 * ("+08:00", "-0530", "UTC+8", "GMT-3"). Returns the offset from UTC in seconds at `at` (a named zone
 * with summer time has two offsets in a year), or undefined when the text is neither.
 */
export function utcOffsetSeconds(zone: string, at: Date = new Date()): number | undefined {
	const text = zone.trim();
	const offset = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
	if (offset) {
		const [, sign, hours, minutes = '0'] = offset;
		if (Number(hours) > 14 || Number(minutes) > 59) return undefined;
		const seconds = Number(hours) * 3600 + Number(minutes) * 60;
		return sign === '-' ? -seconds : seconds;
	}
	if (/^(UTC|GMT|Z)$/i.test(text)) return 0;
	if (!IANAZone.isValidZone(text)) return undefined;
	return DateTime.fromJSDate(at, { zone: text }).offset * 60;
}

/** Whether `utcOffsetSeconds` understands the text. */
export function isTimeZone(zone: string): boolean {
	return utcOffsetSeconds(zone) !== undefined;
}
