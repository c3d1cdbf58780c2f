import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { unitalkRequest } from '../../transport';
import { distributionField, distributionId } from './common';

/**
 * "Removing a distribution": /messageDistribution/remove with the id as a form field. Shown under n8n's name
 * "Delete"; the stored value stays 'remove' so saved workflows keep working.
 */
export const remove: ItemOperation = {
	kind: 'item',
	value: 'remove',
	name: 'Delete',
	description: 'Delete a message distribution',
	action: 'Delete a message distribution',
	properties: [distributionField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const id = distributionId(this, itemIndex);
		const answer = await unitalkRequest.call(
			this,
			'/messageDistribution/remove',
			{ form: { id } },
			// Deleting twice leaves the same result.
			{ action: 'Delete Distribution', idempotent: true, itemIndex },
		);
		return {
			...((answer && typeof answer === 'object' ? answer : {}) as IDataObject),
			id,
			removed: true,
		};
	},
};
