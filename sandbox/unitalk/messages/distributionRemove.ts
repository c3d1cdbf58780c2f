/**
 * /messageDistribution/remove ("Removing a distribution"): `id` as a form field or query parameter.
 * Success `{"status":"Success"}`. The doc lists one error, "id is not specified"; an id that names no
 * distribution is therefore answered with success (nothing to remove).
 */
import { failure, success, type EndpointHandler } from '../handler';
import { messaging, wholeNumber } from './common';

export const distributionRemove: EndpointHandler = (ctx, params) => {
	const id = wholeNumber(params.id);
	if (id === undefined) return failure('id is not specified');
	messaging(ctx).distributions.delete(id);
	return success();
};
