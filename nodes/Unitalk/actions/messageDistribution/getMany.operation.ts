import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { applyLimit, returnAllFields } from '../../../shared/lists';
import { DISTRIBUTION_STATUSES, getAllDistributions } from './common';

/**
 * "Getting a list of distributions": /messageDistribution/getAll answers every distribution at once
 * (no paging), one output item each; Limit cuts the list after the filters.
 */
export const getMany: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description: 'List the message distributions of the project with their status and progress',
	action: 'Get many message distributions',
	properties: [
		...returnAllFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Name Contains',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'spring',
					description: 'Only distributions whose name contains this text (any case), e.g. spring',
				},
				{
					displayName: 'Statuses',
					name: 'statuses',
					type: 'multiOptions',
					options: DISTRIBUTION_STATUSES,
					default: [],
					description: 'Only distributions in one of these statuses',
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const needle = String(filters.name ?? '')
			.trim()
			.toLowerCase();
		const statuses = (filters.statuses as string[] | undefined) ?? [];
		const rows = (await getAllDistributions(this, itemIndex)).filter(
			(d) =>
				(!needle ||
					String(d.name ?? '')
						.toLowerCase()
						.includes(needle)) &&
				(statuses.length === 0 || statuses.includes(String(d.status))),
		);
		return applyLimit(this, itemIndex, rows);
	},
};
