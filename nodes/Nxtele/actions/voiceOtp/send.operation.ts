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

/** Documented only in its old form (research §4.9.3): the path is that page's; bizType and action are not documented. */
export const OTP_ENDPOINT: VoiceEndpoint = {
	path: '/api/voiceSms/versend',
	bizType: '7',
	action: 'versend',
};

/** Voice Verification Code → Send: one number hears a code read digit by digit. */
export const sendOtp: ItemOperation = {
	kind: 'item',
	value: 'send',
	name: 'Send',
	description: 'Call one number and read a verification code to it',
	action: 'Send a voice verification code',
	properties: [
		allowAgentUseField,
		{
			displayName: 'Number',
			name: 'number',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 8613242926514',
			description: 'The one number to call, with the country code (7 to 15 digits)',
		},
		countryCodeField,
		displayNumberField,
		{
			displayName: 'Code',
			name: 'code',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 482913',
			description:
				'The verification code, 1 to 12 digits. It is sent as 4-8-2-9-1-3 so that the voice reads each digit, as NXCloud asks.',
		},
		{
			displayName: 'Language',
			name: 'language',
			type: 'options',
			options: NOTIFY_LANGUAGES,
			default: 'en',
			description: 'Language of the voice that reads the code (lang), e.g. English (en)',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Custom Data',
					name: 'ext',
					type: 'string',
					default: '',
					placeholder: 'e.g. order-1234',
					description: 'Your own text, given back in the voice receipt (ext)',
				},
				endpointOptions(
					OTP_ENDPOINT,
					"Only NXCloud's older verification code page was found: its path is the default, the bizType and action headers are not documented.",
				),
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		assertAgentMayPlaceCalls(this, 'NXCloud Voice Verification Code', itemIndex);
		const node = this.getNode();
		const countryCode = readCountryCode(
			node,
			itemIndex,
			this.getNodeParameter('countryCode', itemIndex),
		);
		const raw = String(this.getNodeParameter('number', itemIndex, '') ?? '');
		const { valid, refused } = sortNumbers(raw, countryCode);
		if (refused.length > 0) throw inputError(node, itemIndex, 'Number', refused[0].reason);
		if (valid.length !== 1)
			throw inputError(
				node,
				itemIndex,
				'Number',
				valid.length ? 'takes one number only' : 'is required',
			);
		const code = String(this.getNodeParameter('code', itemIndex, '')).replace(/[\s-]/g, '');
		if (!/^\d{1,12}$/.test(code))
			throw inputError(
				node,
				itemIndex,
				'Code',
				`must be 1 to 12 digits, got ${JSON.stringify(code)}`,
			);
		const displayNumber = String(this.getNodeParameter('displayNumber', itemIndex, '')).trim();
		if (displayNumber === '') throw inputError(node, itemIndex, 'Display Number', 'is required');
		const ext = String(this.getNodeParameter('options.ext', itemIndex, '') ?? '');
		const answer = await voiceRequest.call(this, {
			endpoint: readEndpoint(this, itemIndex, OTP_ENDPOINT),
			body: {
				form: {
					...(await voiceAppFields(this, itemIndex)),
					phone: valid[0],
					country_code: countryCode,
					show_phone: displayNumber,
					content: code.split('').join('-'),
					lang: this.getNodeParameter('language', itemIndex) as string,
					ext: ext === '' ? undefined : ext,
				},
			},
			action: 'Voice Verification Code Send',
			// No idempotency key exists: a repeat would call the person again.
			idempotent: false,
			itemIndex,
		});
		return { messageId: answer.messageid, number: valid[0], response: answer };
	},
};
