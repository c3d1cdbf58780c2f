import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { twin24Request } from '../../transport';
import { botField, readId } from '../common';
import { candidateEcho } from './addToTask.operation';
import { candidateFieldsField, phoneField, readCandidate, resultsByPosition } from './fields';

/**
 * POST /telephony/autoCallCandidate/single: one call with the cabinet's default template. Twin24
 * keeps one task per bot and day built from that template and adds the person to it.
 */
export const singleCall: ItemOperation = {
	kind: 'item',
	value: 'singleCall',
	name: 'Single Call',
	description:
		"Call one person with the default call task template of the cabinet (Twin24 adds them to the day's task of the bot)",
	action: 'Call one candidate',
	properties: [
		allowAgentUseField,
		phoneField,
		{
			...botField('bot', 'Bot Script', false),
			description: "The script to use instead of the default template's one (optional)",
		},
		candidateFieldsField,
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		assertAgentMayPlaceCalls(this, 'Twin24 Single Call', itemIndex);
		const node = this.getNode();
		const candidate = readCandidate(
			node,
			itemIndex,
			this.getNodeParameter('phone', itemIndex, ''),
			this.getNodeParameter('candidate', itemIndex, {}) as IDataObject,
		);
		const botId = readId(this, itemIndex, 'bot', 'Bot Script', false);
		const answer = await twin24Request.call(this, {
			method: 'POST',
			path: '/telephony/autoCallCandidate/single',
			body: { ...candidate, ...(botId ? { botSettingsId: botId } : {}) },
			action: 'Single Call',
			idempotent: false,
			itemIndex,
		});
		// Twin24 does not document this answer: IDs when it has them, the answer itself otherwise.
		const ids = resultsByPosition(Array.isArray(answer) ? answer : [answer], 1)[0] ?? {};
		return {
			status: 'calling',
			...ids,
			phone: candidate.phone,
			...candidateEcho(candidate),
			...(Object.keys(ids).length === 0 && answer && typeof answer === 'object'
				? { response: answer as IDataObject }
				: {}),
		};
	},
};
