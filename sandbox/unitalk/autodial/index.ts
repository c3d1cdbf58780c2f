/**
 * `/autodial/action`: one endpoint, many actions (`action` field of the body). Map action -> handler;
 * each action lives in its own file. Actions of the doc not implemented yet answer "Wrong action".
 */
import { failure, type EndpointHandler } from '../handler';
import { autodialBaseSchema } from '../schemas';
import { getList } from './getList';
import { cancel, pause, unpause } from './statusActions';

export const AUTODIAL_ACTIONS: Record<string, EndpointHandler> = {
	GET_LIST: getList,
	PAUSE: pause,
	UNPAUSE: unpause,
	CANCEL: cancel,
};

export const autodialAction: EndpointHandler = (ctx, params) => {
	const p = autodialBaseSchema.safeParse(params);
	if (!p.success) return { ...failure('action is null'), operation: undefined };
	const action = p.data.action;
	const handler = Object.prototype.hasOwnProperty.call(AUTODIAL_ACTIONS, action)
		? AUTODIAL_ACTIONS[action]
		: undefined;
	if (!handler) return { ...failure(`Wrong action: ${action}`), operation: action };
	return { ...handler(ctx, params), operation: action };
};
