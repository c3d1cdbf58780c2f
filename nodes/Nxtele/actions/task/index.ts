import type { NxteleResource } from '../resource';
import { create } from './create.operation';
import { createAndCall } from './createAndCall.operation';
import { getMany } from './getMany.operation';
import { pause, start, stop } from './status';
import { update } from './update.operation';

export const task: NxteleResource = {
	value: 'task',
	name: 'Callbot Task',
	description: 'NXTele Callbot v3 tasks: a script template dialling a list of orders',
	credential: 'nxteleCallbotApi',
	operations: [create, createAndCall, getMany, pause, start, stop, update],
};
