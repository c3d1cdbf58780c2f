import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { unitalkRequest } from '../../transport';
import { applyLimit, asItems, returnAllFields } from '../../../shared/lists';
import { unwrapData } from '../projectHelpers';

/** "Users list": /users/list with an empty request; the answer is the array of users. */
export const getMany: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description: 'Get the users of the project with their line, role and work status',
	action: 'Get many users',
	properties: returnAllFields(),

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const answer = await unitalkRequest.call(this, '/users/list', undefined, {
			action: 'Get Users',
			idempotent: true,
			itemIndex,
		});
		return applyLimit(this, itemIndex, asItems(unwrapData(answer)));
	},
};
