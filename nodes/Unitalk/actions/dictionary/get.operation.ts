import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemOperation } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { returnAllFields } from '../../../shared/lists';
import { dictionaryEntries, requestDictionary } from './request';

/**
 * "Dictionaries / Main Entities" (/dictionary?type=…): the IDs and names of one kind of project entity,
 * one output item per entity. The type list of the documentation ends abruptly, so a type it does
 * not list can be typed in.
 */

const CUSTOM = '__custom';

const schema = z.object({
	type: z
		.string()
		.trim()
		.min(1)
		.regex(/^[A-Z][A-Z0-9_]*$/, 'must be a type name such as AUDIO_API'),
	returnAll: z.boolean(),
	limit: z.number().int().min(1),
});
const LABELS = { type: 'Type', returnAll: 'Return All', limit: 'Limit' };

export const get: ItemOperation = {
	kind: 'item',
	value: 'get',
	name: 'Get',
	description: 'Get the IDs and names of one kind of project entity (audios, lines, menus...)',
	action: 'Get a dictionary',
	properties: [
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			// Every type the documentation lists, and a way to type one it does not.
			options: [
				{ name: 'Audio (All Sections)', value: 'AUDIO_ALL', description: 'Audios of all sections' },
				{
					name: 'Audio: API Calls',
					value: 'AUDIO_API',
					description: 'Audios of the "API Calls" section',
				},
				{
					name: 'Audio: Autodial',
					value: 'AUDIO_AUTODIAL',
					description: 'Audios of the "Autodial" section',
				},
				{
					name: 'Audio: On-Hold and Queue Melodies',
					value: 'AUDIO_MELODY',
					description: 'Audios of the "On-hold and Queue Melodies" section',
				},
				{
					name: 'Audio: Scenarios',
					value: 'AUDIO_GENERAL',
					description: 'Audios of the "Scenarios" section',
				},
				{
					name: 'Audio: Voice Menus',
					value: 'AUDIO_IVR',
					description: 'Audios of the "Voice Menus" section',
				},
				{
					name: 'Audio: Voice Queue Calls',
					value: 'AUDIO_VOICE_QUEUE',
					description: 'Audios of the "Voice Queue Calls" section',
				},
				{
					name: 'Audio: Voice Robots',
					value: 'AUDIO_VOICE_ROBOT',
					description: 'Audios of the "Voice Robots" section',
				},
				{
					name: 'Autodialer (All Types)',
					value: 'AUTODIAL_ALL',
					description: 'Autodials of all types',
				},
				{
					name: 'Autodialer: Autodialer',
					value: 'AUTODIAL_AUTODIALER',
					description: 'Autodials of the type "Autodialer"',
				},
				{
					name: 'Autodialer: Predictive Dialing',
					value: 'AUTODIAL_PREDICTIVE',
					description: 'Autodials of the type "Predictive Dialing"',
				},
				{
					name: 'Autodialer: Voice Robot',
					value: 'AUTODIAL_ROBOT',
					description: 'Autodials of the type "Voice Robot"',
				},
				{ name: 'Contact Form', value: 'CONTACT_FORMS', description: 'Contact forms' },
				{ name: 'Event Handler', value: 'TRIGGER_ACTION', description: 'Event handlers' },
				{ name: 'Inbound Scenario', value: 'IN_SCENARIO', description: 'Inbound scenarios' },
				{
					name: 'Internal Line',
					value: 'INNER_PHONE',
					description: 'SIP line numbers and the operator assigned to each',
				},
				{
					name: 'Message Campaign',
					value: 'MESSAGE_DISTRIBUTION',
					description: 'Message campaigns',
				},
				{
					name: 'Other (Type In)',
					value: CUSTOM,
					description: 'A type that is not in this list',
				},
				{ name: 'Outbound Scenario', value: 'OUT_SCENARIO', description: 'Outbound scenarios' },
				{ name: 'Site', value: 'SITE', description: 'Sites' },
				{
					name: 'Speech Analytics Profile',
					value: 'VOICE_ANALYTICS_PROFILE',
					description: 'Speech analytics profiles',
				},
				{
					name: 'Speech Recognition Profile',
					value: 'STT_PROFILE',
					description: 'Speech recognition profile settings',
				},
				{
					name: 'Speech Synthesis Profile',
					value: 'TTS_PROFILE',
					description: 'Audio synthesis profile settings',
				},
				{
					name: 'Telephony Department',
					value: 'PHONE_GROUP',
					description: 'Telephony departments',
				},
				{ name: 'User', value: 'USER', description: 'Users' },
				{ name: 'Voice Menu', value: 'IVR', description: 'Voice menus (IVR)' },
				{ name: 'Voice Robot', value: 'VOICE_ROBOT', description: 'Voice robots' },
			],
			default: 'AUDIO_API',
			description: 'Which entities to list',
		},
		{
			displayName: 'Custom Type',
			name: 'customType',
			type: 'string',
			default: '',
			// Not marked required: the editor would then also ask for it when Type is an expression.
			placeholder: 'AUTODIAL_ROBOT',
			displayOptions: { show: { type: [CUSTOM] } },
			description: 'The type name as Unitalk spells it',
		},
		...returnAllFields(),
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const chosen = this.getNodeParameter('type', itemIndex) as string;
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const input = parseInput(
			this.getNode(),
			schema,
			{
				type:
					chosen === CUSTOM
						? String(this.getNodeParameter('customType', itemIndex, '') ?? '')
						: chosen,
				returnAll,
				limit: returnAll ? 1 : Number(this.getNodeParameter('limit', itemIndex, 50)),
			},
			itemIndex,
			{ ...LABELS, type: chosen === CUSTOM ? 'Custom Type' : 'Type' },
		);
		// The whole dictionary comes in one answer; the documentation describes no paging.
		const answer = await requestDictionary(this, input.type, itemIndex);
		const entries = dictionaryEntries(answer);
		if (!entries)
			return [
				answer && typeof answer === 'object'
					? (answer as IDataObject)
					: { answer: answer as string },
			];
		return input.returnAll ? entries : entries.slice(0, input.limit);
	},
};
