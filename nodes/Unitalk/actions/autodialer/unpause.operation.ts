import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { autodialerField } from '../common';
import { autodialerAction } from './statusAction';

/** UNPAUSE ("Unpausing"). */
export const unpause: ItemOperation = {
	kind: 'item',
	value: 'unpause',
	name: 'Unpause',
	description: 'Continue a paused autodialer',
	action: 'Unpause an autodialer',
	properties: [autodialerField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		return await autodialerAction(this, itemIndex, 'UNPAUSE', 'Unpause Autodialer');
	},
};
