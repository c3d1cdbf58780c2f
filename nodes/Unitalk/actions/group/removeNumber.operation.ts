import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemOperation } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';

const wholeNumber = z.preprocess(
	(v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
	z.number().int().positive(),
);

const schema = z.object({
	groupId: wholeNumber,
	number: z.string().trim().regex(/^\d+$/, 'must be an internal line number (digits only)'),
});

/** "Deleting a number from a group": /groups/action with action REMOVE_NUMBER, groupId and number. */
export const removeNumber: ItemOperation = {
	kind: 'item',
	value: 'removeNumber',
	name: 'Remove Number',
	description: 'Remove an internal line from a group of internal lines (department)',
	action: 'Remove a number from a group',
	properties: [
		{
			displayName: 'Group Name or ID',
			name: 'groupId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getPhoneGroups' },
			default: '',
			required: true,
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		{
			displayName: 'Number Name or ID',
			name: 'number',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getInternalLines' },
			default: '',
			required: true,
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const input = parseInput(
			this.getNode(),
			schema,
			{
				groupId: this.getNodeParameter('groupId', itemIndex, ''),
				number: String(this.getNodeParameter('number', itemIndex, '') ?? ''),
			},
			itemIndex,
			{ groupId: 'Group', number: 'Number' },
		);
		const answer = await unitalkRequest.call(
			this,
			'/groups/action',
			{ action: 'REMOVE_NUMBER', groupId: input.groupId, number: input.number },
			// Removing a number that is no longer in the group changes nothing.
			{ action: 'Remove Number from Group', idempotent: true, itemIndex },
		);
		return {
			...(answer && typeof answer === 'object' && !Array.isArray(answer)
				? (answer as IDataObject)
				: {}),
			groupId: input.groupId,
			number: input.number,
		};
	},
};
