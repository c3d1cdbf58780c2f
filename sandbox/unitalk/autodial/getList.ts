/**
 * GET_LIST – "Get autodialers list". The doc lists the action without an example; the answer mirrors
 * GET_WITH_DATA's `tasks` array without the dictionaries: `{"tasks": [ <autodialer>, ... ]}`.
 */
import { bare, type EndpointHandler } from '../handler';
import { settleAll } from './statusActions';
import { autodialerView } from './view';

export const getList: EndpointHandler = (ctx) => {
	const now = ctx.clock();
	settleAll(ctx.state, now);
	return bare({ tasks: [...ctx.state.autodialers.values()].map((a) => autodialerView(a, now)) });
};
