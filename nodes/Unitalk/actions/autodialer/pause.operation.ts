import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { autodialerField } from '../common';
import { autodialerAction } from './statusAction';

/** PAUSE ("Pausing"). */
export const pause: ItemOperation = {
	kind: 'item',
	value: 'pause',
	name: 'Pause',
	description: 'Pause a waiting or running autodialer',
	action: 'Pause an autodialer',
	properties: [autodialerField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		return await autodialerAction(this, itemIndex, 'PAUSE', 'Pause Autodialer');
	},
};
