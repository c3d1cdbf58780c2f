import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { checkPhone } from '../../../shared/phone';
import { inputError } from '../../../shared/validation';
import { checkId } from '../common';
import { returnAllFields } from '../../../shared/lists';
import { fieldsField, otherFiltersField, periodFields, searchAnalytics } from './search';

export const CALL_STATUSES = [
	'ANSWERED',
	'BLACKLIST',
	'BUSY',
	'CANCEL',
	'CHANUNAVAIL',
	'CONGESTION',
	'DIAL',
	'EXPIRED',
	'FAILED',
	'INPROGRESS',
	'INVALID',
	'NOANSWER',
	'REJECTED',
	'SCHEDULED',
	'UNAVAILABLE',
];

/** GET {API}/analyse/api/v1/search/cis/calls: call statistics. */
export const getMany: ItemOperation = {
	kind: 'item',
	value: 'getMany',
	name: 'Get Many',
	description:
		'Search the results of calls: status, duration, task, bot (at most 50,000 per period)',
	action: 'Get many call results',
	properties: [
		...returnAllFields(),
		fieldsField(
			'id,phone,status,duration,taskId,taskName,botId,botName,responder,transferredToOperator',
			'id,phone,status,duration,taskId',
		),
		...periodFields,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Phone',
					name: 'phone',
					type: 'string',
					default: '',
					description: 'Only calls to this number, for example 79001112233',
				},
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					options: CALL_STATUSES.map((s) => ({ name: s, value: s })),
					default: 'ANSWERED',
					description: 'Only calls that ended with this status',
				},
				{
					displayName: 'Task ID',
					name: 'taskId',
					type: 'string',
					default: '',
					description: 'Only calls of this task, for example bce7d22e-dde6-4427-b391-ebbdfda44de6',
				},
			],
		},
		otherFiltersField,
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const node = this.getNode();
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const out: IDataObject = {};
		if (filters.taskId) out.taskId = checkId(node, itemIndex, 'Task ID', filters.taskId);
		if (filters.status) out.status = filters.status;
		if (filters.phone) {
			const phone = checkPhone(filters.phone);
			if (!phone.ok) throw inputError(node, itemIndex, 'Phone', `"${phone.input}" ${phone.reason}`);
			out.phone = phone.digits;
		}
		return await searchAnalytics(this, itemIndex, '/search/cis/calls', 'Get Call Results', out);
	},
};
