import type { ResourceDefinition } from '../../shared/operations';
import { add as addNumbers } from './autodialerNumber/add.operation';

/**
 * Every resource of the Unitalk node with its operations, in dropdown order. A new operation is a
 * file in actions/<resource>/ and one entry here.
 */
export const resources: ResourceDefinition[] = [
	{
		value: 'autodialerNumber',
		name: 'Autodialer Number',
		description: 'Numbers in an autodialer: add, read, remove',
		operations: [addNumbers],
	},
];
