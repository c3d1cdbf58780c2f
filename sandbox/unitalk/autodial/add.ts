/**
 * ADD – "Creating and updating autodialers". Success: `{"status": "Success", "data": <new id>}`.
 * The task is checked by task.ts (the doc's rules and error strings, in order). The new autodialer
 * starts NO_NUMBERS, or with the numbers of the request (state NEW, `highPriority` as given) in its
 * running status (statusActions.ts). Ids count up from 20000.
 */
import { success, type EndpointHandler } from '../handler';
import type { Autodialer, AutodialNumber } from '../state';
import { appendNumbers } from './numberStore';
import { runningStatusOf } from './statusActions';
import { checkTask } from './task';

export const add: EndpointHandler = (ctx, params) => {
	const checked = checkTask(ctx, params);
	if (!checked.ok) return checked.result;
	const t = checked.task;
	const now = ctx.clock();
	const a: Autodialer = {
		id: ctx.state.nextAutodialerId++,
		name: t.name,
		autodialerType: t.autodialerType,
		autodialerMode: t.autodialerMode,
		status: 'NO_NUMBERS',
		statusChangedAt: now,
		createdAt: now,
		settings: t.settings,
		numbers: [],
	};
	appendNumbers(
		a,
		t.numbers.map(
			(phone): AutodialNumber => ({
				phone,
				state: 'NEW',
				stateDateTime: null,
				calledCount: 0,
				realCalledCount: 0,
				highPriority: t.highPriority,
				name: null,
				note: null,
				link: null,
				params: null,
				audios: null,
			}),
		),
	);
	a.status = runningStatusOf(a, now);
	ctx.state.autodialers.set(a.id, a);
	return success({ data: a.id });
};
