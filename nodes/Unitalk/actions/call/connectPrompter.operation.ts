import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { innerLineSchema, sourceLineField, targetLineField, withAnswer } from './common';

/**
 * "Calling the prompter" (/calls/connectAsPrompter): the prompter's internal line is called into the
 * active call of another internal line, where only that line's user hears it. The users' rights to
 * call a prompter are not checked for API requests.
 */

const schema = z.object({ target: innerLineSchema, source: innerLineSchema });
const LABELS = { target: 'Line in Call', source: 'Prompter Line' };

export const connectPrompter: ItemOperation = {
	kind: 'item',
	value: 'connectPrompter',
	name: 'Connect Prompter',
	description: 'Call an internal line into the active call of another line as a prompter',
	action: 'Connect a prompter to a call',
	properties: [targetLineField, sourceLineField, allowAgentUseField],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		assertAgentMayPlaceCalls(this, 'Unitalk Connect Prompter', itemIndex);
		const input = parseInput(
			this.getNode(),
			schema,
			{
				target: String(this.getNodeParameter('target', itemIndex, '') ?? ''),
				source: String(this.getNodeParameter('source', itemIndex, '') ?? ''),
			},
			itemIndex,
			LABELS,
		);
		const answer = await unitalkRequest.call(this, '/calls/connectAsPrompter', input, {
			action: 'Connect Prompter',
			idempotent: false,
			itemIndex,
		});
		return withAnswer(answer, input);
	},
};
