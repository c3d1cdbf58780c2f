/**
 * /messageDistribution/update ("Updating a distribution"): `{id, name, messageType, text, startTime}`,
 * all but startTime mandatory; a null or absent startTime means "start immediately" (the doc).
 * Success `{"status":"Success"}`. Errors in the doc's order and words.
 */
import { failure, success, type EndpointHandler } from '../handler';
import { messaging, textProblem, wholeNumber } from './common';
import { nameProblem, startTimeProblem } from './distributionCreate';
import { causeOf, distributionBaseSchema } from './schemas';

export const distributionUpdate: EndpointHandler = (ctx, params) => {
	const state = messaging(ctx);
	if (!state.serviceConnected)
		return failure('The project does not have a messaging service connected');
	const id = wholeNumber(params.id);
	if (id === undefined) return failure('id is not specified');
	const d = state.distributions.get(id);
	if (!d) return failure('Message distribution not found');
	if (d.completed) return failure('Message distribution completed');
	const nameError = nameProblem(state, params.name, id);
	if (nameError) return failure(nameError);
	const timeError = startTimeProblem(params.startTime);
	if (timeError) return failure(timeError);
	const cause = textProblem(params.messageType, params.text);
	if (cause) return failure('Validation error', cause);
	const p = distributionBaseSchema.safeParse(params);
	if (!p.success) return failure('Validation error', causeOf(p.error));
	d.name = p.data.name;
	d.messageType = p.data.messageType;
	d.text = p.data.text;
	d.startTime = p.data.startTime ? p.data.startTime : null;
	d.updatedAt = ctx.clock();
	return success();
};
