import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { unitalkRequest } from '../../transport';
import { unwrapData } from '../projectHelpers';

/**
 * Internal lines status: /phones/inner with an empty request. The answer maps each internal line
 * number to its status (online, busy, offline); each line becomes one item.
 */
export const getStatuses: ItemOperation = {
	kind: 'item',
	value: 'getStatuses',
	name: 'Get Statuses',
	description: 'Get every internal line with its status: online, busy (in a call) or offline',
	action: 'Get the statuses of internal lines',
	properties: [],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const answer = await unitalkRequest.call(this, '/phones/inner', undefined, {
			action: 'Get Internal Line Statuses',
			idempotent: true,
			itemIndex,
		});
		const data = unwrapData(answer);
		// Also read as a list, should Unitalk answer with one ({number, status} entries).
		if (Array.isArray(data)) return data as IDataObject[];
		return Object.entries((data ?? {}) as IDataObject)
			.filter(([key]) => key !== 'status' && key !== 'message')
			.map(([number, status]) => ({ number, status }));
	},
};
