import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { unitalkRequest } from '../../transport';
import { applyLimit, returnAllFields } from '../../../shared/lists';
import { unwrapData } from '../projectHelpers';
import { LISTS_PATH, listField, readList } from './common';

export const get: ItemOperation = {
	kind: 'item',
	value: 'get',
	name: 'Get',
	description: 'Get the numbers of a blocked list, one item per number',
	action: 'Get the numbers of a blocked list',
	properties: [listField, ...returnAllFields()],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const list = readList(this, itemIndex);
		const answer = await unitalkRequest.call(
			this,
			LISTS_PATH,
			{ list, operation: 'GET' },
			{ action: 'Get Blocked List', idempotent: true, itemIndex },
		);
		const data = unwrapData(answer);
		const entries = Array.isArray(data)
			? data
			: Array.isArray((data as IDataObject | undefined)?.items)
				? ((data as IDataObject).items as unknown[])
				: [];
		const rows = entries.map((entry) =>
			entry && typeof entry === 'object'
				? { list, ...(entry as IDataObject) }
				: { list, phone: String(entry) },
		);
		return applyLimit(this, itemIndex, rows);
	},
};
