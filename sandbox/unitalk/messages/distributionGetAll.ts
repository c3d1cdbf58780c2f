/**
 * /messageDistribution/getAll ("Getting a list of distributions"): an empty request, answered with a
 * bare array of `{id, name, messageType, text, startTime, paused, totalNumbersCount,
 * currentNumbersCount, status}` (the doc's example has no envelope). Oldest first (sandbox choice).
 */
import { bare, type EndpointHandler } from '../handler';
import { messaging } from './common';

export const distributionGetAll: EndpointHandler = (ctx) => {
	const state = messaging(ctx);
	return bare(
		[...state.distributions.values()]
			.sort((a, b) => a.id - b.id)
			.map((d) => state.distributionView(d)),
	);
};
