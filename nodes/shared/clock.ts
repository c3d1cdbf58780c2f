/**
 * Times of day as people type them ("09:00", "9:30", "24:00") and as dialers store them (seconds
 * since midnight). A provider reads its "from / to" call window fields with `callWindowSeconds`, which
 * says in words what is wrong.
 */

export const SECONDS_PER_DAY = 86_400;

const CLOCK = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;

/** Seconds since midnight of "HH:mm" (or "HH:mm:ss"); "24:00" is the end of the day. Undefined when not a time. */
export function clockToSeconds(text: string): number | undefined {
	const m = CLOCK.exec(text);
	if (!m) return undefined;
	const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
	if (h === 24 && mi === 0 && s === 0) return SECONDS_PER_DAY;
	if (h > 23 || mi > 59 || s > 59) return undefined;
	return h * 3600 + mi * 60 + s;
}

/** "HH:mm" of seconds since midnight (the inverse of clockToSeconds for whole minutes). */
export function secondsToClock(seconds: number): string {
	const h = Math.floor(seconds / 3600);
	const m = Math.floor((seconds % 3600) / 60);
	return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export type CallWindow =
	| { ok: true; from: number; to: number }
	| { ok: false; field: 'from' | 'to'; problem: string };

/**
 * A "from / to" window within one day, as seconds since midnight. `lastSecond` is the largest value
 * the provider stores (86399 when a day is 0...86399): "24:00" becomes it. From must come before To.
 */
export function callWindowSeconds(
	from: string,
	to: string,
	lastSecond = SECONDS_PER_DAY - 1,
): CallWindow {
	const start = clockToSeconds(from);
	if (start === undefined || start >= SECONDS_PER_DAY)
		return { ok: false, field: 'from', problem: `must be a time such as 09:00, got "${from}"` };
	const endRaw = clockToSeconds(to);
	if (endRaw === undefined)
		return {
			ok: false,
			field: 'to',
			problem: `must be a time such as 21:00 (24:00 for the end of the day), got "${to}"`,
		};
	const end = Math.min(endRaw, lastSecond);
	if (end <= start)
		return { ok: false, field: 'to', problem: `(${to}) must be later than the start (${from})` };
	return { ok: true, from: start, to: end };
}
