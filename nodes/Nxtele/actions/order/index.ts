import type { NxteleResource } from '../resource';
import { add, importLatestBatch } from './add';
import { exportLatestBatch } from './exportLatestBatch.operation';
import { getCallDetails } from './getCallDetails.operation';
import { getCalls } from './getCalls.operation';
import { getMany } from './getMany.operation';
import { stop } from './stop.operation';

export const order: NxteleResource = {
	value: 'order',
	name: 'Callbot Order',
	description: 'Orders of a Callbot task: one phone number each, with its call rounds',
	credential: 'nxteleCallbotApi',
	operations: [add, exportLatestBatch, getCallDetails, getCalls, getMany, importLatestBatch, stop],
};
