import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { readPagesByOffset } from '../../../shared/paging';
import { listRows, twin24Request } from '../../transport';
import { returnAllFields } from '../../../shared/lists';
import { pagingLimit } from '../paging';

const PAGE = 100;

/** GET {Bot API}/bots (research §2.10): the bot scripts of the cabinet, `{count, items}`. */
export const getMany: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description: 'List the voice robot scripts of the cabinet',
	action: 'Get many bots',
	properties: [...returnAllFields()],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const limit = pagingLimit(this, itemIndex);
		return await readPagesByOffset<IDataObject>(
			0,
			Math.min(PAGE, limit),
			async (offset, size) =>
				listRows(
					await twin24Request.call(this, {
						service: 'bot',
						method: 'GET',
						path: '/bots',
						qs: { offset, limit: size },
						action: 'Get Bots',
						idempotent: true,
						itemIndex,
					}),
				),
			limit,
		);
	},
};
