import type { IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { callbotRequest } from '../../transport';

/** Callbot → Ping: checks that the account answers and the signature is accepted. */
export const ping: ItemOperation = {
	kind: 'item',
	value: 'ping',
	name: 'Ping',
	description: 'Check that the Callbot API answers and accepts the credential',
	action: 'Ping the callbot API',
	properties: [
		{
			displayName: 'Echo Text',
			name: 'echo',
			type: 'string',
			default: 'ping',
			placeholder: 'e.g. order-42 check',
			description:
				'Text the platform sends back unchanged, to match the answer to the request, e.g. the name of the flow that pings',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const echo = this.getNodeParameter('echo', itemIndex) as string;
		return await callbotRequest.call(
			this,
			'ping',
			{ data: echo },
			{ action: 'Ping', idempotent: true, itemIndex },
		);
	},
};
