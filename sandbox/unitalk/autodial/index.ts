/**
 * `/autodial/action`: one endpoint, many actions (`action` field of the body). Map action -> handler;
 * each action lives in its own file. Actions of the doc not implemented yet answer "Wrong action".
 */
import { failure, type EndpointHandler } from '../handler';
import { autodialBaseSchema } from '../schemas';
import { getList } from './getList';
import { cancel, pause, unpause } from './statusActions';
import { addNumbers } from './addNumbers';
import { getCallsHistory } from './callsHistory';
import { getNumber, getNumbers, removeAllNumbers, removeNumbers } from './numbers';
import { getWithData } from './getWithData';
import { add } from './add';
import { update } from './update';
import { remove } from './remove';
import { refresh } from './refresh';

export const AUTODIAL_ACTIONS: Record<string, EndpointHandler> = {
	GET_LIST: getList,
	PAUSE: pause,
	UNPAUSE: unpause,
	CANCEL: cancel,
	ADD_NUMBERS: addNumbers,
	GET_NUMBER: getNumber,
	GET_NUMBERS: getNumbers,
	REMOVE_NUMBERS: removeNumbers,
	REMOVE_ALL_NUMBERS: removeAllNumbers,
	GET_CALLS_HISTORY: getCallsHistory,
	GET_WITH_DATA: getWithData,
	ADD: add,
	UPDATE: update,
	REMOVE: remove,
	REFRESH: refresh,
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
