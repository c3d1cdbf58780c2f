/**
 * The autodialer state machine (Dictionaries > taskStatus) and the PAUSE / UNPAUSE / CANCEL actions,
 * with the doc's rules and error strings.
 *
 * Statuses:
 *   NO_NUMBERS         no numbers yet (the PAUSE / CANCEL sections call it NEW; 'NEW' is treated alike)
 *   WAITING            numbers to call, but outside the dates or today's hours (UTC in the sandbox)
 *   IN_PROGRESS        numbers to call, inside the dates and hours
 *   WAITING_REPEAT     every number was called, some wait for a repeat call (repeatCallsSettings)
 *   WAITING_OPERATORS  waiting for free operators: the sandbox has no operator model and never enters
 *                      it by itself; a test may set it, and it then behaves like IN_PROGRESS
 *   PAUSED             paused by PAUSE
 *   CANCELED           "canceled, but not completed yet": calls in progress still end
 *   FINISHED           completed
 *
 * Transitions:
 *   ADD        -> NO_NUMBERS, or the running status when the request brought numbers (add.ts)
 *   numbers    NO_NUMBERS | FINISHED -> running status (ADD_NUMBERS, numberStore.wakeOnNumbers)
 *   time       settled before every autodialer action and list (settle):
 *              WAITING <-> IN_PROGRESS as the hours open and close; -> WAITING_REPEAT or FINISHED
 *              when no number is left to call; -> FINISHED after the end date (numbers never called
 *              become AUTOCANCEL); CANCELED -> FINISHED CANCEL_SETTLE_MS after the cancel (numbers
 *              still DIALING become CANCEL); a FINISHED autodialer with removeAfterFinish is removed
 *   PAUSE      WAITING* | IN_PROGRESS -> PAUSED; NO_NUMBERS, PAUSED unchanged; FINISHED / CANCELED -> error
 *   UNPAUSE    PAUSED -> running status (WAITING or IN_PROGRESS, NO_NUMBERS when it has none);
 *              NO_NUMBERS, WAITING*, IN_PROGRESS unchanged; FINISHED / CANCELED -> error
 *   CANCEL     WAITING* | IN_PROGRESS | PAUSED -> CANCELED, numbers not called yet -> CANCEL;
 *              NO_NUMBERS unchanged; FINISHED / CANCELED -> error
 *   REFRESH    numbers in the given states -> NEW; a stopped autodialer (FINISHED, CANCELED) runs
 *              again; PAUSED stays PAUSED (refresh.ts)
 *   UPDATE     the running status is recomputed (dates and hours may have changed)
 * The doc names the time-driven steps but not their timing: CANCEL_SETTLE_MS is the sandbox's choice.
 */
import {
	failure,
	success,
	type EndpointHandler,
	type UnitalkContext,
	type UnitalkParams,
} from '../handler';
import { autodialIdSchema } from '../schemas';
import type { Autodialer, AutodialNumber, AutodialStatus, UnitalkState } from '../state';
import { formatDateTime } from '../../util';
import { runningStatus } from './numberStore';

/** How long a canceled autodialer stays CANCELED before it is FINISHED (calls in progress end). */
export const CANCEL_SETTLE_MS = 30_000;

/** Statuses of an autodialer that is working (dialling or waiting to). */
export const RUNNING_STATUSES: ReadonlySet<AutodialStatus> = new Set<AutodialStatus>([
	'WAITING',
	'IN_PROGRESS',
	'WAITING_OPERATORS',
	'WAITING_REPEAT',
]);
const WITHOUT_NUMBERS: ReadonlySet<AutodialStatus> = new Set<AutodialStatus>(['NEW', 'NO_NUMBERS']);

export const STATUS_ERRORS = {
	notFound: 'Task not found',
	finished: 'Task is finished',
	canceled: 'Task is canceled',
} as const;

export function setStatus(a: Autodialer, status: AutodialStatus, now: number): void {
	if (a.status !== status) {
		a.status = status;
		a.statusChangedAt = now;
	}
}

function markNumber(n: AutodialNumber, state: string, now: number): void {
	n.state = state;
	n.stateDateTime = formatDateTime(now);
}

function pastEndDate(a: Autodialer, now: number): boolean {
	const end = a.settings.endDate;
	return typeof end === 'string' && new Date(now).toISOString().slice(0, 10) > end;
}

/** Repeat attempts a number in `state` gets (repeatCallsSettings, or the deprecated fields). */
function repeatAttempts(a: Autodialer, state: string): number {
	const settings = a.settings.repeatCallsSettings as
		| { statesSettings?: Record<string, { attempts?: number | null } | null> | null }
		| null
		| undefined;
	if (settings && typeof settings === 'object') {
		return Number(settings.statesSettings?.[state]?.attempts ?? 0) || 0;
	}
	const states = a.settings.repeatCallStates;
	if (Array.isArray(states) && states.includes(state))
		return Number(a.settings.repeatCallAttempts ?? 0) || 0;
	return 0;
}

/** Whether some number has a repeat call still to come. */
function repeatPending(a: Autodialer): boolean {
	return a.numbers.some((n) => {
		const attempts = repeatAttempts(a, n.state);
		return attempts > 0 && n.realCalledCount <= attempts;
	});
}

/** The status a working autodialer has now: NO_NUMBERS, WAITING, IN_PROGRESS, WAITING_REPEAT or FINISHED. */
export function runningStatusOf(a: Autodialer, now: number): AutodialStatus {
	if (a.numbers.length === 0) return 'NO_NUMBERS';
	if (pastEndDate(a, now)) return 'FINISHED';
	if (!a.numbers.some((n) => n.state === 'NEW' || n.state === 'DIALING'))
		return repeatPending(a) ? 'WAITING_REPEAT' : 'FINISHED';
	return runningStatus(a, now);
}

/**
 * Applies the transitions that come with time. Returns false when the autodialer was removed
 * (removeAfterFinish).
 */
export function settle(state: UnitalkState, a: Autodialer, now: number): boolean {
	if (a.status === 'CANCELED') {
		if (now - a.statusChangedAt >= CANCEL_SETTLE_MS) {
			for (const n of a.numbers)
				if (n.state === 'DIALING' || n.state === 'NEW') markNumber(n, 'CANCEL', now);
			setStatus(a, 'FINISHED', now);
		}
	} else if (RUNNING_STATUSES.has(a.status) || WITHOUT_NUMBERS.has(a.status)) {
		let next = runningStatusOf(a, now);
		if (a.status === 'WAITING_OPERATORS' && next === 'IN_PROGRESS') next = 'WAITING_OPERATORS';
		if (next === 'FINISHED' && pastEndDate(a, now))
			for (const n of a.numbers) if (n.state === 'NEW') markNumber(n, 'AUTOCANCEL', now);
		setStatus(a, next, now);
	}
	if (a.status === 'FINISHED' && a.settings.removeAfterFinish === true) {
		state.autodialers.delete(a.id);
		state.lastRefreshAt.delete(a.id);
		return false;
	}
	return true;
}

/** Settles every autodialer (before lists). */
export function settleAll(state: UnitalkState, now: number): void {
	for (const a of [...state.autodialers.values()]) settle(state, a, now);
}

/** The autodialer named by `id`, settled, or the doc's "Task not found". */
export function findAutodialer(
	ctx: UnitalkContext,
	params: UnitalkParams,
): Autodialer | { error: ReturnType<typeof failure> } {
	const p = autodialIdSchema.safeParse(params);
	if (!p.success) return { error: failure(STATUS_ERRORS.notFound) };
	const a = ctx.state.autodialers.get(p.data.id);
	if (!a || !settle(ctx.state, a, ctx.clock())) return { error: failure(STATUS_ERRORS.notFound) };
	return a;
}

function stopped(a: Autodialer): ReturnType<typeof failure> | undefined {
	if (a.status === 'FINISHED') return failure(STATUS_ERRORS.finished);
	if (a.status === 'CANCELED') return failure(STATUS_ERRORS.canceled);
	return undefined;
}

export const pause: EndpointHandler = (ctx, params) => {
	const a = findAutodialer(ctx, params);
	if ('error' in a) return a.error;
	const error = stopped(a);
	if (error) return error;
	if (RUNNING_STATUSES.has(a.status)) setStatus(a, 'PAUSED', ctx.clock());
	return success();
};

export const unpause: EndpointHandler = (ctx, params) => {
	const a = findAutodialer(ctx, params);
	if ('error' in a) return a.error;
	const error = stopped(a);
	if (error) return error;
	if (a.status === 'PAUSED') setStatus(a, runningStatusOf(a, ctx.clock()), ctx.clock());
	return success();
};

export const cancel: EndpointHandler = (ctx, params) => {
	const a = findAutodialer(ctx, params);
	if ('error' in a) return a.error;
	const error = stopped(a);
	if (error) return error;
	if (RUNNING_STATUSES.has(a.status) || a.status === 'PAUSED') {
		const now = ctx.clock();
		for (const n of a.numbers) if (n.state === 'NEW') markNumber(n, 'CANCEL', now);
		setStatus(a, 'CANCELED', now);
	}
	return success({ message: 'Cancelled' });
};
