import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import {
	allowAgentUse,
	assertAgentMayPlaceCalls,
	SENDS_MESSAGES,
} from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { inputError, parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { readPhones } from '../../../shared/lists';
import { unwrapData } from '../projectHelpers';
import {
	ALPHA_NAME_DESCRIPTION,
	MESSAGE_TEXT_DESCRIPTION,
	checkViberText,
	messageTypeField,
	optionalText,
	textValue,
} from './common';

/** "Message sending": /message/send, one SMS or Viber message. */

const schema = z
	.object({
		messageType: z.enum(['SMS', 'VIBER']),
		text: z.string().min(1),
		alfaName: z.string().optional(),
	})
	.superRefine((v, ctx) => checkViberText(ctx, v.messageType, v.text, ['text']));

const LABELS = { messageType: 'Message Type', text: 'Text', alfaName: 'Alpha Name' };

export const send: ItemOperation = {
	kind: 'item',
	value: 'send',
	name: 'Send',
	description: 'Send one SMS or Viber message',
	action: 'Send a message',
	properties: [
		allowAgentUse(SENDS_MESSAGES),
		messageTypeField(
			'messageType',
			'SMS or Viber, as enabled in the Unitalk message sending service',
		),
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '={{ $json.phone }}',
			required: true,
			placeholder: '380971234567',
			description:
				'The recipient in international format. Spaces, brackets and dashes are removed. To send to many numbers, use Send Bulk.',
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			placeholder: 'Your order 1234 is ready for pickup',
			description: MESSAGE_TEXT_DESCRIPTION,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Alpha Name',
					name: 'alfaName',
					type: 'string',
					default: '',
					placeholder: 'MyShop',
					description: ALPHA_NAME_DESCRIPTION,
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		assertAgentMayPlaceCalls(this, 'Unitalk Send Message', itemIndex, SENDS_MESSAGES);
		const node = this.getNode();
		const phones = readPhones(this, itemIndex, 'phone', 'Phone');
		if (phones.length > 1)
			throw inputError(
				node,
				itemIndex,
				'Phone',
				`gives ${phones.length} numbers; Send sends to one number (use Send Bulk for several)`,
			);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const input = parseInput(
			node,
			schema,
			{
				messageType: this.getNodeParameter('messageType', itemIndex),
				text: textValue(this.getNodeParameter('text', itemIndex, '')),
				alfaName: optionalText(options.alfaName),
			},
			itemIndex,
			LABELS,
		);
		const body: IDataObject = {
			messageType: input.messageType,
			...(input.alfaName ? { alfaName: input.alfaName } : {}),
			to: phones[0],
			text: input.text,
		};
		const answer = await unitalkRequest.call(this, '/message/send', body, {
			action: 'Send Message',
			// Sending again would send the message again.
			idempotent: false,
			itemIndex,
		});
		const envelope = (answer && typeof answer === 'object' ? answer : {}) as IDataObject;
		return {
			messageId: unwrapData(answer) as IDataObject[keyof IDataObject],
			messageType: input.messageType,
			to: phones[0],
			...(envelope.message !== undefined ? { message: envelope.message } : {}),
		};
	},
};
