import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { splitList as list } from '../../../shared/lists';
import { inputError } from '../../../shared/validation';
import { PRODUCT_ID, TASK_STATUSES } from '../common';
import { listFields, readList } from '../paging';

/** Task → Get Many (listTask). */
export const getMany: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description: 'List tasks with their statistics',
	action: 'Get many callbot tasks',
	properties: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Created After',
					name: 'createdAfter',
					type: 'dateTime',
					default: '',
					description: 'Only tasks created at or after this time, e.g. 2026-03-01T00:00:00',
				},
				{
					displayName: 'Created Before',
					name: 'createdBefore',
					type: 'dateTime',
					default: '',
					description: 'Only tasks created at or before this time, e.g. 2026-03-31T23:59:59',
				},
				{
					displayName: 'Scene ID',
					name: 'sceneId',
					type: 'string',
					default: '',
					placeholder: 'e.g. 1790012345678901234',
					description: 'Only tasks of this script template',
				},
				{
					displayName: 'Status',
					name: 'taskStatus',
					type: 'multiOptions',
					options: TASK_STATUSES,
					default: [],
					description: 'Only tasks in one of these states',
				},
				{
					displayName: 'Task IDs',
					name: 'userTaskIds',
					type: 'string',
					default: '',
					placeholder: 'e.g. lead-campaign-1, lead-campaign-2',
					description: 'Only these tasks (userTaskID), separated by commas',
				},
				{
					displayName: 'Task Names',
					name: 'taskNames',
					type: 'string',
					default: '',
					placeholder: 'e.g. Spring leads 2026',
					description: 'Only tasks with one of these names, separated by commas',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const f = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const seconds = (v: unknown, label: string) => {
			if (v === undefined || v === '') return undefined;
			const ms = Date.parse(String(v));
			if (Number.isNaN(ms))
				throw inputError(
					this.getNode(),
					itemIndex,
					label,
					`is "${String(v)}", which is not a date and time`,
				);
			return Math.floor(ms / 1000);
		};
		const queryConditions: IDataObject = {};
		const statuses = (f.taskStatus as number[] | undefined) ?? [];
		if (statuses.length) queryConditions.taskStatus = statuses.map(Number);
		if (list(f.taskNames).length) queryConditions.taskName = list(f.taskNames);
		if (f.sceneId) queryConditions.sceneID = String(f.sceneId);
		if (list(f.userTaskIds).length) queryConditions.userTaskID = list(f.userTaskIds);
		const startTs = seconds(f.createdAfter, 'Created After');
		const endTs = seconds(f.createdBefore, 'Created Before');
		if (startTs !== undefined) queryConditions.startTs = startTs;
		if (endTs !== undefined) queryConditions.endTs = endTs;
		return await readList(
			this,
			itemIndex,
			'listTask',
			'taskData',
			{ productID: PRODUCT_ID, queryConditions },
			'Get Many Tasks',
		);
	},
};
