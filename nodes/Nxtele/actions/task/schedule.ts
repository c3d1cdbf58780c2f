/**
 * The task's working time as the Callbot docs want it (createAndCall page), from what people pick:
 * - dialAtWeekDay: "1,2,3", 1 = Monday ... 7 = Sunday;
 * - dialAtUpHour: the hours h whose first half [h:00, h:30) may be dialled, "9,10";
 * - dialAtDownHour: the hours h whose second half [h:30, h+1:00) may be dialled.
 * People pick days and time windows ("09:00" to "12:30"); a window covers every half hour in it.
 */

export const WEEK_DAYS = [
	{ name: 'Monday', value: 1 },
	{ name: 'Tuesday', value: 2 },
	{ name: 'Wednesday', value: 3 },
	{ name: 'Thursday', value: 4 },
	{ name: 'Friday', value: 5 },
	{ name: 'Saturday', value: 6 },
	{ name: 'Sunday', value: 7 },
] as const;

/** "1,3,5" from the picked days, in week order, each once. */
export function weekDaysText(days: ReadonlyArray<number | string>): string {
	const picked = new Set(days.map(Number));
	return WEEK_DAYS.filter((d) => picked.has(d.value))
		.map((d) => d.value)
		.join(',');
}

/** Minutes after midnight of "HH:MM" on a half hour (00:00 ... 24:00), or undefined. */
export function halfHourMinutes(text: string): number | undefined {
	const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
	if (!m) return undefined;
	const minutes = Number(m[1]) * 60 + Number(m[2]);
	if ((m[2] !== '00' && m[2] !== '30') || minutes > 24 * 60) return undefined;
	return minutes;
}

export interface TimeWindow {
	from: string;
	to: string;
}

export interface DialHours {
	dialAtUpHour: string;
	dialAtDownHour: string;
}

/**
 * The two hour lists covering the windows. Throws a plain-words problem (without the field name) for
 * a window that is not on half hours or ends before it starts.
 */
export function dialHours(windows: readonly TimeWindow[]): DialHours {
	const firstHalves = new Set<number>();
	const secondHalves = new Set<number>();
	for (const [k, w] of windows.entries()) {
		const from = halfHourMinutes(w.from);
		const to = halfHourMinutes(w.to);
		const which = windows.length > 1 ? `window ${k + 1} ` : '';
		if (from === undefined || to === undefined)
			throw new Error(
				`${which}"${w.from}" to "${w.to}" is not on half hours; use times such as 09:00 or 17:30`,
			);
		if (to <= from) throw new Error(`${which}ends (${w.to}) before or when it starts (${w.from})`);
		for (let slot = from; slot < to; slot += 30) {
			const hour = Math.floor(slot / 60);
			(slot % 60 === 0 ? firstHalves : secondHalves).add(hour);
		}
	}
	const text = (hours: Set<number>) => [...hours].sort((a, b) => a - b).join(',');
	return { dialAtUpHour: text(firstHalves), dialAtDownHour: text(secondHalves) };
}

/** Every half hour of the day as a dropdown, "00:00" ... "24:00". */
export function halfHourOptions(from: number, to: number): Array<{ name: string; value: string }> {
	const options: Array<{ name: string; value: string }> = [];
	for (let minutes = from; minutes <= to; minutes += 30) {
		const text = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${minutes % 60 === 0 ? '00' : '30'}`;
		options.push({ name: text, value: text });
	}
	return options;
}
