import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { phonesOf } from '../../../shared/lists';
import type { ItemOperation } from '../../../shared/operations';
import { twin24Request } from '../../transport';
import { readId, taskField } from '../common';

/**
 * POST /telephony/autoCallCandidate/cancel?autoCallId=&phone= (research §2.9, one client): the person
 * with this number is not called (any more) in the task. One request per number.
 */
export const cancel: ItemOperation = {
	kind: 'item',
	value: 'cancel',
	name: 'Cancel',
	description: 'Stop calling a person in a task, found by task and phone number',
	action: 'Cancel a candidate',
	properties: [
		taskField,
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '={{ $json.phone }}',
			required: true,
			description:
				'The number the person was added with, for example 79001112233; several numbers: a list or separated by commas',
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const node = this.getNode();
		const taskId = readId(this, itemIndex, 'task', 'Task') as string;
		const phones = phonesOf(
			node,
			itemIndex,
			'Phone',
			this.getNodeParameter('phone', itemIndex, ''),
		);
		const results: IDataObject[] = [];
		for (const phone of phones) {
			await twin24Request.call(this, {
				method: 'POST',
				path: '/telephony/autoCallCandidate/cancel',
				qs: { autoCallId: taskId, phone },
				action: 'Cancel Candidate',
				// Cancelling twice leaves the same result.
				idempotent: true,
				itemIndex,
			});
			results.push({ taskId, phone, status: 'cancelled' });
		}
		return results;
	},
};
