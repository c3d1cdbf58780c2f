import type { NxteleResource } from '../resource';
import { ping } from './ping.operation';

export const callbot: NxteleResource = {
	value: 'callbot',
	name: 'Callbot Account',
	description: 'Check the NXTele Callbot v3 credential',
	credential: 'nxteleCallbotApi',
	operations: [ping],
};
