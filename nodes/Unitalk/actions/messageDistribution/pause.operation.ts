import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { distributionField } from './common';
import { setPaused } from './setPaused';

/** "Pausing and unpausing a distribution" with paused = true. */
export const pause: ItemOperation = {
	kind: 'item',
	value: 'pause',
	name: 'Pause',
	description: 'Pause a message distribution',
	action: 'Pause a message distribution',
	properties: [distributionField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		return await setPaused(this, itemIndex, true);
	},
};
