/**
 * The numbers of an autodialer, kept fast enough for the documented 1,000,000 per autodialer.
 *
 * `Autodialer.numbers` (state.ts) stays the ordered list every handler reads (GET_NUMBERS pages it by
 * offset, GET_LIST counts it). Next to it this module keeps a phone -> number index per autodialer
 * (a WeakMap, so the state's shape and snapshot do not change). The index notices when someone
 * else replaced or grew the list (another action that creates an autodialer with numbers) and is
 * rebuilt once, in O(n); adding is O(k) and removing is one in-place compaction pass, O(n), per
 * request: nothing here is O(n²).
 *
 * Also here: the phone rule of the sandbox, the project-wide add/remove "handler" (the doc's
 * "Handler is busy, try again later") and the status an autodialer takes when numbers arrive.
 */
import type { Autodialer, AutodialNumber, AutodialStatus, UnitalkState } from '../state';

interface Index {
	list: AutodialNumber[];
	length: number;
	byPhone: Map<string, AutodialNumber>;
}

const indexes = new WeakMap<Autodialer, Index>();

/** phone -> number of an autodialer (rebuilt when the list changed behind this module's back). */
export function numberIndex(a: Autodialer): Map<string, AutodialNumber> {
	const cached = indexes.get(a);
	if (cached && cached.list === a.numbers && cached.length === a.numbers.length)
		return cached.byPhone;
	const byPhone = new Map<string, AutodialNumber>();
	for (const n of a.numbers) if (!byPhone.has(n.phone)) byPhone.set(n.phone, n);
	indexes.set(a, { list: a.numbers, length: a.numbers.length, byPhone });
	return byPhone;
}

function remember(a: Autodialer, byPhone: Map<string, AutodialNumber>): void {
	indexes.set(a, { list: a.numbers, length: a.numbers.length, byPhone });
}

export function findNumber(a: Autodialer, phone: string): AutodialNumber | undefined {
	return numberIndex(a).get(phone);
}

/** Appends numbers that are not in the autodialer yet (the caller has checked). */
export function appendNumbers(a: Autodialer, numbers: AutodialNumber[]): void {
	const byPhone = numberIndex(a);
	for (const n of numbers) {
		a.numbers.push(n);
		byPhone.set(n.phone, n);
	}
	remember(a, byPhone);
}

/** Removes the numbers `drop` picks, in place (one pass), and returns how many went. */
export function removeNumbersWhere(a: Autodialer, drop: (n: AutodialNumber) => boolean): number {
	const byPhone = numberIndex(a);
	const list = a.numbers;
	let kept = 0;
	for (let i = 0; i < list.length; i++) {
		const n = list[i];
		if (drop(n)) byPhone.delete(n.phone);
		else list[kept++] = n;
	}
	const removed = list.length - kept;
	list.length = kept;
	remember(a, byPhone);
	return removed;
}

/**
 * The sandbox's phone rule. The doc: numbers "must be specified in international format; all
 * third-party characters will be previously removed". So everything but digits is dropped, and what
 * is left must be 7 to 15 digits (E.164; the doc gives no length) and not in the test-seeded
 * `state.autodialNumbers.refusedNumbers` (numbers a test wants Unitalk to refuse although they look fine).
 */
export function cleanPhone(state: UnitalkState, raw: unknown): string | undefined {
	if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
	const digits = String(raw).replace(/\D/g, '');
	if (digits.length < 7 || digits.length > 15) return undefined;
	if (state.autodialNumbers.refusedNumbers.has(digits)) return undefined;
	return digits;
}

/** Why a number on the account's BLOCKED_FOR_AUTODIAL_PHONES list is refused (the sandbox's words). */
export const BLOCKED_FOR_AUTODIAL_REASON =
	'The number is on the BLOCKED_FOR_AUTODIAL_PHONES list: it cannot be added to autodialers';

/**
 * "BLOCKED_FOR_AUTODIAL_PHONES – A list of numbers in international format that cannot be added to
 * autodialers": whichever way they arrive (ADD_NUMBERS, or ADD with `numbers`). The doc does not say
 * how a request carrying one is answered; the sandbox answers "Wrong numbers" (an error the doc gives
 * both actions), the whole request refused, with `data` = `[{"phone": "<digits>", "error":
 * BLOCKED_FOR_AUTODIAL_REASON}]` (the object shape of "Wrong audios", so the reason travels).
 * Returns that `data`, empty when no number is blocked.
 */
export function blockedForAutodial(
	state: UnitalkState,
	phones: Iterable<string>,
): Array<{ phone: string; error: string }> {
	const blocked = new Set(state.account.lists.get('BLOCKED_FOR_AUTODIAL_PHONES') ?? []);
	return [...phones]
		.filter((phone) => blocked.has(phone))
		.map((phone) => ({ phone, error: BLOCKED_FOR_AUTODIAL_REASON }));
}

/**
 * "One project can simultaneously delete or add numbers in only one autodialer." The handlers answer
 * at once (they are synchronous), so the work is modelled as a window on the sandbox clock that
 * starts when a request is accepted and lasts `msPerThousandNumbers` (numbersState.ts) per 1,000 numbers; add/remove
 * requests arriving inside the window get "Handler is busy, try again later".
 */
export function numbersHandlerBusy(state: UnitalkState, now: number): boolean {
	return now < state.autodialNumbers.busyUntil;
}

export function occupyNumbersHandler(state: UnitalkState, now: number, count: number): void {
	const s = state.autodialNumbers;
	// Whole milliseconds: a request that takes less than 1 ms leaves the handler free at once.
	const ms = Math.floor((Math.max(0, count) * s.msPerThousandNumbers) / 1000);
	if (ms > 0) s.busyUntil = Math.max(s.busyUntil, now + ms);
}

/**
 * IN_PROGRESS when `now` is inside the autodialer's period and today's time range (UTC, like every
 * date the sandbox writes), WAITING otherwise.
 */
export function runningStatus(a: Autodialer, now: number): AutodialStatus {
	const s = a.settings;
	const d = new Date(now);
	const iso = d.toISOString();
	const date = iso.slice(0, 10);
	const time = iso.slice(11, 16);
	const day = (d.getUTCDay() + 6) % 7; // the doc's arrays start on Monday
	const from = Array.isArray(s.timeFrom) ? (s.timeFrom[day] as unknown) : undefined;
	const to = Array.isArray(s.timeTo) ? (s.timeTo[day] as unknown) : undefined;
	const inPeriod =
		(typeof s.startDate !== 'string' || s.startDate <= date) &&
		(typeof s.endDate !== 'string' || date <= s.endDate);
	const inHours = typeof from === 'string' && typeof to === 'string' && from <= time && time < to;
	return inPeriod && inHours ? 'IN_PROGRESS' : 'WAITING';
}

/**
 * Numbers arrived: a FINISHED autodialer goes back to WAITING or IN_PROGRESS (doc), and so does one
 * that had no numbers yet (NEW here; the doc's NO_NUMBERS). PAUSED and CANCELED stay as they are.
 */
export function wakeOnNumbers(a: Autodialer, now: number): void {
	const status = a.status as string;
	if (status !== 'FINISHED' && status !== 'NEW' && status !== 'NO_NUMBERS') return;
	const next = runningStatus(a, now);
	if (a.status !== next) {
		a.status = next;
		a.statusChangedAt = now;
	}
}

/** GET_NUMBER / GET_NUMBERS record: the doc's fields, `taskId` first. */
export function numberView(a: Autodialer, n: AutodialNumber): Record<string, unknown> {
	return {
		taskId: a.id,
		phone: n.phone,
		state: n.state,
		stateDateTime: n.stateDateTime,
		calledCount: n.calledCount,
		realCalledCount: n.realCalledCount,
		highPriority: n.highPriority,
		name: n.name,
		note: n.note,
		link: n.link,
		params: n.params,
		audios: n.audios,
	};
}
