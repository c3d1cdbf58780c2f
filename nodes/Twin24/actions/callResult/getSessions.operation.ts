import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { checkPhone } from '../../../shared/phone';
import { inputError } from '../../../shared/validation';
import { checkId } from '../common';
import { returnAllFields } from '../../../shared/lists';
import { fieldsField, otherFiltersField, periodFields, searchAnalytics } from './search';

/**
 * GET {API}/analyse/api/v1/search/cis/sessions: dialog sessions (status, transcript, what the script
 * found). Sessions can appear a minute after the CALL_ENDED webhook. `resultsString` (JSON text) is
 * also given parsed, as `resultsParsed`.
 */
export const getSessions: ItemOperation = {
	kind: 'item',
	value: 'getSessions',
	name: 'Get Sessions',
	description: 'Get the dialogs of calls: status, transcript and script results',
	action: 'Get dialog sessions',
	properties: [
		...returnAllFields(),
		fieldsField(
			'id,currentStatusName,number,messagesAsString,results,resultsString,autoCallCandidateId,duration,startedAt,finishedAt',
			'currentStatusName,number,messagesAsString,results',
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
					displayName: 'Call ID',
					name: 'id',
					type: 'string',
					default: '',
					description: 'The call, for example from the ID of a Call Ended event',
				},
				{
					displayName: 'Phone',
					name: 'phone',
					type: 'string',
					default: '',
					description: 'Only dialogs with this number, for example 79001112233',
				},
				{
					displayName: 'Task ID',
					name: 'taskId',
					type: 'string',
					default: '',
					description:
						'Only dialogs of this task, for example bce7d22e-dde6-4427-b391-ebbdfda44de6',
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
		if (filters.id) out.id = checkId(node, itemIndex, 'Call ID', filters.id);
		if (filters.phone) {
			const phone = checkPhone(filters.phone);
			if (!phone.ok) throw inputError(node, itemIndex, 'Phone', `"${phone.input}" ${phone.reason}`);
			out.phone = phone.digits;
		}
		const rows = await searchAnalytics(
			this,
			itemIndex,
			'/search/cis/sessions',
			'Get Sessions',
			out,
		);
		return rows.map((row) => {
			if (typeof row.resultsString !== 'string') return row;
			try {
				return { ...row, resultsParsed: JSON.parse(row.resultsString) as IDataObject };
			} catch {
				return row;
			}
		});
	},
};
