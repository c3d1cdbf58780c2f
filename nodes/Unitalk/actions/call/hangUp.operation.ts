import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemOperation } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { withAnswer } from './common';

/**
 * "Call termination" (/calls/hangup): ends an active call by its ID (from the call webhooks) or every
 * call of an internal or external line number. Unitalk answers "Found: <n>", the number of calls
 * ended.
 */

const schema = z.discriminatedUnion('by', [
	z.object({
		by: z.literal('id'),
		callId: z.string().trim().min(1).regex(/^\d+$/, 'must be a call ID (a whole number)'),
	}),
	z.object({
		by: z.literal('number'),
		number: z
			.string()
			.trim()
			.min(1)
			.regex(/^\+?[\d\s()\-.]+$/, 'must be a line number (digits)'),
	}),
]);

const LABELS = { callId: 'Call ID', number: 'Line Number', by: 'Hang Up By' };

export const hangUp: ItemOperation = {
	kind: 'item',
	value: 'hangUp',
	name: 'Hang Up',
	description: 'End an active call by its ID, or the calls of an internal or external line',
	action: 'Hang up a call',
	properties: [
		{
			displayName: 'Hang Up By',
			name: 'by',
			type: 'options',
			options: [
				{ name: 'Call ID', value: 'id', description: 'The ID the call webhooks carry' },
				{
					name: 'Line Number',
					value: 'number',
					description: 'Every active call of an internal or external line',
				},
			],
			default: 'id',
			description:
				'Which call to end: one call by its ID (e.g. 1474427802, from a call webhook), or every active call of a line (e.g. 2048).',
		},
		{
			displayName: 'Call ID',
			name: 'callId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '1474427802',
			displayOptions: { show: { by: ['id'] } },
			description: 'The ID of the call, as the Unitalk call webhooks give it',
		},
		{
			displayName: 'Line Number',
			name: 'number',
			type: 'string',
			default: '',
			required: true,
			placeholder: '5455',
			displayOptions: { show: { by: ['number'] } },
			description: 'An internal line number or an external line number',
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const by = this.getNodeParameter('by', itemIndex) as string;
		const input = parseInput(
			this.getNode(),
			schema,
			by === 'id'
				? { by, callId: String(this.getNodeParameter('callId', itemIndex, '') ?? '') }
				: { by, number: String(this.getNodeParameter('number', itemIndex, '') ?? '') },
			itemIndex,
			LABELS,
		);
		const body =
			input.by === 'id'
				? { number: null, id: Number(input.callId) }
				: { number: input.number.replace(/[\s()\-.+]/g, ''), id: null };
		const answer = await unitalkRequest.call(this, '/calls/hangup', body, {
			action: 'Hang Up',
			// Ending the same call twice changes nothing; a line, though, may have a new call by then.
			idempotent: input.by === 'id',
			itemIndex,
		});
		const found = /Found:\s*(\d+)/.exec(String((answer as IDataObject)?.message ?? ''));
		return withAnswer(answer, {
			...(found ? { found: Number(found[1]) } : {}),
			...(input.by === 'id' ? { id: body.id } : { number: body.number }),
		});
	},
};
