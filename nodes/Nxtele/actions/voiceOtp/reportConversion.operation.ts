import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { inputError } from '../../../shared/validation';
import {
	endpointOptions,
	readEndpoint,
	voiceRequest,
	type VoiceEndpoint,
} from '../voice/transport';

/** Documented (research §4.10): JSON body; bizType and action are not documented. */
export const CONVERSION_ENDPOINT: VoiceEndpoint = {
	path: '/api/voiceSms/conversion',
	bizType: '7',
	action: 'conversion',
};

/** Voice Verification Code → Report Conversion: tells NXCloud whether the code was entered. */
export const reportConversion: ItemOperation = {
	kind: 'item',
	value: 'reportConversion',
	name: 'Report Conversion',
	description: 'Tell NXCloud whether the person entered the code they heard',
	action: 'Report a voice verification code conversion',
	properties: [
		{
			displayName: 'Message ID',
			name: 'messageId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 7c9f36842095480189603142a4df76ed',
			description: 'The message ID "Send" returned for the code (messageid)',
		},
		{
			displayName: 'Code Was Entered',
			name: 'converted',
			type: 'boolean',
			default: true,
			description: 'Whether the person entered the code (status 1) or not (status 0)',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				endpointOptions(
					CONVERSION_ENDPOINT,
					'The path is documented; the bizType and action headers are not.',
				),
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const messageId = String(this.getNodeParameter('messageId', itemIndex, '')).trim();
		if (messageId === '') throw inputError(this.getNode(), itemIndex, 'Message ID', 'is required');
		const status = this.getNodeParameter('converted', itemIndex, true) ? 1 : 0;
		const answer = await voiceRequest.call(this, {
			endpoint: readEndpoint(this, itemIndex, CONVERSION_ENDPOINT),
			body: { json: { messageid: messageId, status } },
			action: 'Voice Verification Code Report Conversion',
			// Setting a status twice leaves the same status.
			idempotent: true,
			itemIndex,
		});
		return { messageId, converted: status === 1, response: answer };
	},
};
