import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { distributionField } from './common';
import { setPaused } from './setPaused';

/** "Pausing and unpausing a distribution" with paused = false. */
export const unpause: ItemOperation = {
	kind: 'item',
	value: 'unpause',
	name: 'Unpause',
	description: 'Continue a paused message distribution',
	action: 'Unpause a message distribution',
	properties: [distributionField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		return await setPaused(this, itemIndex, false);
	},
};
