import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { inputError } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { unwrapData } from '../projectHelpers';

/** "Getting the message sending status": /message/getStatus with the id Send or Send Bulk returned. */
export const getStatus: ItemOperation = {
	kind: 'item',
	value: 'getStatus',
	name: 'Get Status',
	description: 'Get the sending status of a message (sent, delivered, not delivered, error)',
	action: 'Get the status of a message',
	properties: [
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			default: '={{ $json.messageId }}',
			required: true,
			placeholder: '148213',
			description: 'The ID that Send or Send Bulk returned for the message, e.g. 148213',
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const raw = String(this.getNodeParameter('messageId', itemIndex, '') ?? '').trim();
		if (!/^\d+$/.test(raw))
			throw inputError(
				this.getNode(),
				itemIndex,
				'Message ID',
				`must be a message ID (a whole number), got "${raw}"`,
			);
		const answer = await unitalkRequest.call(
			this,
			'/message/getStatus',
			{ form: { id: raw } },
			{ action: 'Get Message Status', idempotent: true, itemIndex },
		);
		const data = unwrapData(answer);
		return {
			messageId: Number(raw),
			...(data && typeof data === 'object' && !Array.isArray(data)
				? (data as IDataObject)
				: { data: data as IDataObject[keyof IDataObject] }),
		};
	},
};
