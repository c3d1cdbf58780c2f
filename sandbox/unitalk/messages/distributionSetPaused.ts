/**
 * /messageDistribution/setPaused ("Pausing and unpausing a distribution"): `id` and `paused`
 * (true = pause, false = unpause) as form fields or query parameters. (The doc's example
 * `?id=1234&id=true` repeats `id` by mistake; its text names the parameter `paused`.)
 * Success `{"status":"Success"}`. Errors: the doc's three; a missing or unreadable `paused` answers
 * "paused is not specified" (sandbox wording: the doc lists no error for it).
 */
import { failure, success, type EndpointHandler } from '../handler';
import { flag, messaging, wholeNumber } from './common';

export const distributionSetPaused: EndpointHandler = (ctx, params) => {
	const id = wholeNumber(params.id);
	if (id === undefined) return failure('id is not specified');
	const d = messaging(ctx).distributions.get(id);
	if (!d) return failure('Message distribution not found');
	if (d.completed) return failure('Message distribution completed');
	const paused = flag(params.paused);
	if (paused === undefined) return failure('paused is not specified');
	if (d.paused !== paused) {
		d.paused = paused;
		d.updatedAt = ctx.clock();
	}
	return success();
};
