/**
 * GET_WITH_DATA – "Obtaining complete information about autodialers with additional data". The doc
 * shows the answer without the envelope: the project's lists and dictionaries (dictionaries.ts), the
 * limits, `tasks` (every autodialer, the shape view.ts builds, after the time-driven status changes)
 * and `statesInfo`.
 */
import { bare, type EndpointHandler } from '../handler';
import { projectDictionaries, statesInfo } from './dictionaries';
import { settleAll } from './statusActions';
import { autodialerView } from './view';

export const getWithData: EndpointHandler = (ctx) => {
	const now = ctx.clock();
	settleAll(ctx.state, now);
	return bare({
		...projectDictionaries(ctx.state.project, ctx.state.calls),
		// The account's figures (a test may lower them), over the doc example's in the dictionaries.
		maxAddNumbersCount: ctx.state.autodialNumbers.maxAddNumbersCount,
		maxRemoveNumbersCount: ctx.state.autodialNumbers.maxRemoveNumbersCount,
		tasks: [...ctx.state.autodialers.values()].map((a) => autodialerView(a, now)),
		statesInfo: statesInfo(),
	});
};
