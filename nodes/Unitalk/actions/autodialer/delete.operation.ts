import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { autodialerField } from '../common';
import { autodialerAction } from './statusAction';

/** REMOVE ("Autodialer removal"). */
export const remove: ItemOperation = {
	kind: 'item',
	value: 'delete',
	name: 'Delete',
	description: 'Delete an autodialer with its numbers',
	action: 'Delete an autodialer',
	properties: [autodialerField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		return await autodialerAction(this, itemIndex, 'REMOVE', 'Delete Autodialer');
	},
};
