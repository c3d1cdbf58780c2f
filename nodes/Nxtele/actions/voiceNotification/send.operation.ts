import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { inputError } from '../../../shared/validation';
import {
	countryCodeField,
	displayNumberField,
	NOTIFY_LANGUAGES,
	readCountryCode,
	sortNumbers,
} from '../voice/fields';
import {
	endpointOptions,
	readEndpoint,
	voiceAppFields,
	voiceRequest,
	type VoiceEndpoint,
} from '../voice/transport';

/** Documented only in its old form (research §4.9.2): the path is that page's; bizType and action are not documented. */
export const NOTIFY_ENDPOINT: VoiceEndpoint = {
	path: '/api/voiceSms/notsend',
	bizType: '7',
	action: 'notsend',
};

/** Voice Notification → Send: a text read out by text-to-speech to one or more numbers. */
export const sendNotification: ItemOperation = {
	kind: 'item',
	value: 'send',
	name: 'Send',
	description: 'Call numbers and read a text to them',
	action: 'Send a voice notification',
	properties: [
		allowAgentUseField,
		{
			displayName: 'Numbers',
			name: 'numbers',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 8613242926514, 8613242926515',
			description:
				'Numbers to call, with the country code, separated by commas. A number that is not 7 to 15 digits is left out and listed in the output with the reason; the others are called.',
		},
		countryCodeField,
		displayNumberField,
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			placeholder: 'e.g. Your parcel arrives today between 2 and 4 pm',
			description:
				'What the voice reads. To read a code digit by digit, separate the digits with dashes (1-2-3-4), as NXCloud asks.',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: NOTIFY_LANGUAGES,
			default: 'en',
			description: 'Language of the text-to-speech voice (lang), e.g. English (en)',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				endpointOptions(
					NOTIFY_ENDPOINT,
					"Only NXCloud's older notification page was found: its path is the default, the bizType and action headers are not documented.",
				),
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		assertAgentMayPlaceCalls(this, 'NXCloud Voice Notification', itemIndex);
		const node = this.getNode();
		const countryCode = readCountryCode(
			node,
			itemIndex,
			this.getNodeParameter('countryCode', itemIndex),
		);
		const { valid, refused } = sortNumbers(
			this.getNodeParameter('numbers', itemIndex),
			countryCode,
		);
		if (valid.length === 0)
			throw inputError(
				node,
				itemIndex,
				'Numbers',
				refused.length
					? `has no number that can be called: ${refused.map((r) => r.reason).join('; ')}`
					: 'is empty; give at least one number',
			);
		const text = String(this.getNodeParameter('text', itemIndex, '')).trim();
		if (text === '') throw inputError(node, itemIndex, 'Text', 'is required');
		const displayNumber = String(this.getNodeParameter('displayNumber', itemIndex, '')).trim();
		if (displayNumber === '') throw inputError(node, itemIndex, 'Display Number', 'is required');
		const answer = await voiceRequest.call(this, {
			endpoint: readEndpoint(this, itemIndex, NOTIFY_ENDPOINT, 'options.endpoint'),
			body: {
				form: {
					...(await voiceAppFields(this, itemIndex)),
					phone: valid.join(','),
					country_code: countryCode,
					show_phone: displayNumber,
					content: text,
					lang: this.getNodeParameter('language', itemIndex) as string,
				},
			},
			action: 'Voice Notification Send',
			// No idempotency key exists: a repeat would call everyone again.
			idempotent: false,
			itemIndex,
		});
		return {
			messageId: answer.messageid,
			numbers: valid,
			refusedNumbers: refused,
			response: answer,
		};
	},
};
