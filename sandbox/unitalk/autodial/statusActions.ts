/**
 * PAUSE / UNPAUSE / CANCEL – status changes with the doc's rules and error strings.
 *   PAUSE:   WAITING | IN_PROGRESS -> PAUSED; NEW, PAUSED unchanged; FINISHED / CANCELED -> error
 *   UNPAUSE: PAUSED -> IN_PROGRESS (WAITING when it has no numbers left); NEW, WAITING, IN_PROGRESS unchanged
 *   CANCEL:  WAITING | IN_PROGRESS | PAUSED -> CANCELED; NEW unchanged; FINISHED / CANCELED -> error
 */
import {
	failure,
	success,
	type EndpointHandler,
	type UnitalkContext,
	type UnitalkParams,
} from '../handler';
import { autodialIdSchema } from '../schemas';
import type { Autodialer, AutodialStatus } from '../state';

function target(
	ctx: UnitalkContext,
	params: UnitalkParams,
): Autodialer | { error: ReturnType<typeof failure> } {
	const p = autodialIdSchema.safeParse(params);
	if (!p.success) return { error: failure('Task not found') };
	const a = ctx.state.autodialers.get(p.data.id);
	return a ?? { error: failure('Task not found') };
}

function setStatus(ctx: UnitalkContext, a: Autodialer, status: AutodialStatus): void {
	if (a.status !== status) {
		a.status = status;
		a.statusChangedAt = ctx.clock();
	}
}

export const pause: EndpointHandler = (ctx, params) => {
	const a = target(ctx, params);
	if ('error' in a) return a.error;
	if (a.status === 'FINISHED') return failure('Task is finished');
	if (a.status === 'CANCELED') return failure('Task is canceled');
	if (a.status === 'WAITING' || a.status === 'IN_PROGRESS') setStatus(ctx, a, 'PAUSED');
	return success();
};

export const unpause: EndpointHandler = (ctx, params) => {
	const a = target(ctx, params);
	if ('error' in a) return a.error;
	if (a.status === 'FINISHED') return failure('Task is finished');
	if (a.status === 'CANCELED') return failure('Task is canceled');
	if (a.status === 'PAUSED') {
		setStatus(ctx, a, a.numbers.some((n) => n.state === 'NEW') ? 'IN_PROGRESS' : 'WAITING');
	}
	return success();
};

export const cancel: EndpointHandler = (ctx, params) => {
	const a = target(ctx, params);
	if ('error' in a) return a.error;
	if (a.status === 'FINISHED') return failure('Task is finished');
	if (a.status === 'CANCELED') return failure('Task is canceled');
	if (a.status !== 'NEW') setStatus(ctx, a, 'CANCELED');
	return success({ message: 'Cancelled' });
};
