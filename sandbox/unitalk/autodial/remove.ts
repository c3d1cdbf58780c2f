/**
 * REMOVE – "Autodialer removal". Success: `{"status": "Success", "message": "Removed"}`; an unknown id
 * is "Task not found". The autodialer goes with its numbers and call history, whatever its status
 * (the doc names no status that prevents it). "Handler is busy, try again later" comes while the
 * project's add/remove numbers handler is working (numberStore.ts), as for the numbers actions.
 */
import { failure, success, type EndpointHandler } from '../handler';
import { autodialIdSchema } from '../schemas';
import { numbersHandlerBusy } from './numberStore';
import { STATUS_ERRORS } from './statusActions';

export const REMOVE_ERRORS = {
	notFound: STATUS_ERRORS.notFound,
	busy: 'Handler is busy, try again later',
} as const;

export const remove: EndpointHandler = (ctx, params) => {
	const p = autodialIdSchema.safeParse(params);
	const a = p.success ? ctx.state.autodialers.get(p.data.id) : undefined;
	if (!a) return failure(REMOVE_ERRORS.notFound);
	if (numbersHandlerBusy(ctx.state, ctx.clock())) return failure(REMOVE_ERRORS.busy);
	ctx.state.autodialers.delete(a.id);
	ctx.state.autodialNumbers.history.delete(a.id);
	ctx.state.lastRefreshAt.delete(a.id);
	return success({ message: 'Removed' });
};
