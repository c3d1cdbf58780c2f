import type { ResourceDefinition } from '../../shared/operations';
import { ping } from './callbot/ping.operation';
import { voiceResources } from './voice/resources';

/** Every resource of the NXTele node with its operations, in dropdown order. */
export const resources: ResourceDefinition[] = [
	{
		value: 'callbot',
		name: 'Callbot',
		description: 'NXTele Callbot voice robot (v3 API)',
		operations: [ping],
	},
	...voiceResources,
];
