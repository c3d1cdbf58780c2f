import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { unitalkRequest } from '../../transport';
import { asItems } from '../../../shared/lists';
import { unwrapData } from '../projectHelpers';

/** "Obtaining user statuses": /users/getStatus with an empty request; one item per user. */
export const getWorkStatuses: ItemOperation = {
	kind: 'item',
	value: 'getWorkStatuses',
	name: 'Get Work Statuses',
	description: 'Get the current work status (working, not working, pause) of every user',
	action: 'Get the work statuses of users',
	properties: [],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const answer = await unitalkRequest.call(this, '/users/getStatus', undefined, {
			action: 'Get Work Statuses',
			idempotent: true,
			itemIndex,
		});
		return asItems(unwrapData(answer));
	},
};
