/**
 * UPDATE – "Creating and updating autodialers". The task is the whole configuration, as for ADD: the
 * doc's errors for a missing name, dates, time ranges, crmMode or clientCalledMode apply to UPDATE as
 * well, so a partial task is refused like a partial ADD. `task.id` names the autodialer ("Task not
 * found" otherwise); `autodialerType`, `numbers` and `highPriority` are ignored. The configuration is
 * replaced, the numbers and the status stay (a working autodialer's status is recomputed, since the
 * dates and hours may have changed). Success: `{"status": "Success"}` (the doc shows ADD's answer
 * only; UPDATE's has no `data`: sandbox choice).
 */
import { success, type EndpointHandler } from '../handler';
import { settle } from './statusActions';
import { checkTask, taskBodySchema } from './task';

function taskId(params: Record<string, unknown>): number | undefined {
	const body = taskBodySchema.safeParse(params);
	const raw = body.success ? body.data.task?.id : undefined;
	const id = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
	return typeof id === 'number' && Number.isInteger(id) ? id : undefined;
}

export const update: EndpointHandler = (ctx, params) => {
	const id = taskId(params);
	const existing = id === undefined ? null : (ctx.state.autodialers.get(id) ?? null);
	const checked = checkTask(ctx, params, existing);
	if (!checked.ok) return checked.result;
	const a = existing!;
	const t = checked.task;
	a.name = t.name;
	a.autodialerMode = t.autodialerMode;
	a.settings = t.settings;
	settle(ctx.state, a, ctx.clock());
	return success();
};
