import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import {
	checkedPhone,
	innerLineSchema,
	sipField,
	metaField,
	metaSchema,
	optionalText,
	withAnswer,
} from './common';

/**
 * "Direct SIP call -> GSM" (/phones/directCall): the internal line rings first; once it answers,
 * Unitalk calls the number. The doc asks for a form body (application/x-www-form-urlencoded) with
 * `sip`, `number` and the optional `meta`.
 */

const schema = z.object({ sip: innerLineSchema, meta: metaSchema });
const LABELS = { sip: 'Internal Line', meta: 'Meta' };

export const directCall: ItemOperation = {
	kind: 'item',
	value: 'directCall',
	name: 'Direct Call',
	description: 'Ring an internal line and, once it answers, call a number from it',
	action: 'Place a direct call from an internal line',
	properties: [
		sipField,
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			required: true,
			placeholder: '380504443322',
			description:
				'The number to call, in international format. Spaces, brackets and dashes are removed.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [metaField],
		},
		allowAgentUseField,
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		assertAgentMayPlaceCalls(this, 'Unitalk Direct Call', itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const input = parseInput(
			this.getNode(),
			schema,
			{
				sip: String(this.getNodeParameter('sip', itemIndex, '') ?? ''),
				meta: optionalText(options.meta),
			},
			itemIndex,
			LABELS,
		);
		const number = checkedPhone(
			this,
			itemIndex,
			'Phone',
			this.getNodeParameter('phone', itemIndex),
		);
		const answer = await unitalkRequest.call(
			this,
			'/phones/directCall',
			{ form: { sip: input.sip, number, meta: input.meta } },
			{ action: 'Direct Call', idempotent: false, itemIndex },
		);
		return withAnswer(answer, { sip: input.sip, number });
	},
};
