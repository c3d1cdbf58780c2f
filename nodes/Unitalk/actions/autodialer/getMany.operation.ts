import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { autodialAction } from '../../transport';
import { returnAllFields } from '../../../shared/lists';
import { TASK_STATUSES } from './schema';

/**
 * GET_LIST ("Get autodialers list"). Unitalk answers every autodialer of the project in one response
 * (no paging), so Limit and the filters are applied here. One output item per autodialer.
 */
export const getMany: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description: 'List the autodialers of the project with their status and statistics',
	action: 'Get many autodialers',
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
					placeholder: 'promo',
					description:
						'Only autodialers whose name contains this text (any letter case), e.g. promo',
				},
				{
					displayName: 'Statuses',
					name: 'statuses',
					type: 'multiOptions',
					options: [...TASK_STATUSES].sort().map((status) => ({ name: status, value: status })),
					default: [],
					description: 'Only autodialers in one of these statuses',
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = this.getNodeParameter('limit', itemIndex, 50) as number;
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const answer = await autodialAction.call(
			this,
			'GET_LIST',
			{},
			{ action: 'Get Autodialers', idempotent: true, itemIndex },
		);
		const tasks = (
			Array.isArray(answer) ? answer : ((answer as IDataObject | null)?.tasks ?? [])
		) as IDataObject[];
		const needle = String(filters.name ?? '')
			.trim()
			.toLowerCase();
		const statuses = (filters.statuses as string[] | undefined) ?? [];
		const matching = tasks.filter(
			(t) =>
				(!needle ||
					String(t.name ?? '')
						.toLowerCase()
						.includes(needle)) &&
				(statuses.length === 0 ||
					statuses.includes(String((t.taskStatusInfo as IDataObject | undefined)?.status))),
		);
		return returnAll ? matching : matching.slice(0, limit);
	},
};
