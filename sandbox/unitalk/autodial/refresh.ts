/**
 * REFRESH – "Re-call numbers": the numbers in the given states go back to NEW (call counters kept)
 * and are called again. Success: `{"status": "Success"}`.
 *
 * Checks in the doc's order: Task not found · states is null or empty · state is not allowed (a state
 * the callState dictionary does not mark "available for REFRESH": NEW, DIALING, or unknown) ·
 * Try again later (a successful REFRESH of the same autodialer less than 60 s ago: the doc's "previous
 * action" read as the previous re-call; a refused one does not count) · Numbers not found by states.
 * Afterwards a FINISHED or CANCELED autodialer runs again (WAITING / IN_PROGRESS); PAUSED stays PAUSED
 * (statusActions.ts).
 */
import { z } from 'zod';

import { failure, success, type EndpointHandler } from '../handler';
import { formatDateTime } from '../../util';
import { AUTODIAL_LIMITS, REFRESHABLE_STATES } from './dictionaries';
import { findAutodialer, runningStatusOf, setStatus } from './statusActions';

export const REFRESH_ERRORS = {
	notFound: 'Task not found',
	statesEmpty: 'states is null or empty',
	stateNotAllowed: 'state is not allowed',
	tooSoon: 'Try again later',
	numbersNotFound: 'Numbers not found by states',
} as const;

export const refreshSchema = z
	.object({
		action: z.literal('REFRESH'),
		callStates: z.array(z.unknown()).nullish(),
	})
	.passthrough();

export const refresh: EndpointHandler = (ctx, params) => {
	const a = findAutodialer(ctx, params);
	if ('error' in a) return a.error;
	const body = refreshSchema.safeParse(params);
	const states = body.success ? (body.data.callStates ?? []) : [];
	if (states.length === 0) return failure(REFRESH_ERRORS.statesEmpty);
	if (states.some((s) => typeof s !== 'string' || !REFRESHABLE_STATES.includes(s)))
		return failure(REFRESH_ERRORS.stateNotAllowed);
	const now = ctx.clock();
	const last = ctx.state.lastRefreshAt.get(a.id);
	if (last !== undefined && now - last < AUTODIAL_LIMITS.refreshIntervalMs)
		return failure(REFRESH_ERRORS.tooSoon);
	const wanted = new Set(states as string[]);
	const hits = a.numbers.filter((n) => wanted.has(n.state));
	if (hits.length === 0) return failure(REFRESH_ERRORS.numbersNotFound);
	for (const n of hits) {
		n.state = 'NEW';
		n.stateDateTime = formatDateTime(now);
	}
	ctx.state.lastRefreshAt.set(a.id, now);
	if (a.status !== 'PAUSED') setStatus(a, runningStatusOf(a, now), now);
	return success();
};
