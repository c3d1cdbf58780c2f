import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { TTS_SSML_MAX_CHARS, TTS_TEXT_MAX_CHARS, ttsTextIssue } from '../audio/common';
import {
	apiAudios,
	audioListField,
	audioSchema as audioListSchema,
	checkSynthesisCount,
	rawAudios,
} from '../audioList';
import {
	checkedPhone,
	metaField,
	metaSchema,
	optionalId,
	optionalText,
	withAnswer,
} from './common';

/**
 * "Creating a new call" (/calls/originateNew): Unitalk calls the number and, once answered, plays
 * audios (at most 5, at most 2 of them synthesised from text), then the voice menu or voice robot if
 * one is set. Audios must belong to the "API calls" section.
 */

export const MAX_CALL_AUDIOS = 5;
export const MAX_CALL_TTS = 2;

const id = z.number().int().positive();

const audioSchema = audioListSchema({
	text: z.string(),
	textIssue: ttsTextIssue,
	settingsRequired: true,
});

const schema = z
	.object({
		outerLine: z
			.string()
			.regex(/^\d{3,15}$/, 'must be an external line number in international format')
			.optional(),
		meta: metaSchema,
		ivrId: id.optional(),
		voiceSecretaryId: id.optional(),
		audios: z.array(audioSchema).max(MAX_CALL_AUDIOS).optional(),
	})
	.superRefine((v, ctx) => {
		checkSynthesisCount(v.audios, MAX_CALL_TTS, ctx);
		if (!v.audios?.length && v.ivrId === undefined && v.voiceSecretaryId === undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['audios'],
				message: 'is empty: give at least one audio, a voice menu or a voice robot',
			});
	});

type Input = z.infer<typeof schema>;

const LABELS = {
	outerLine: 'Outer Line',
	meta: 'Meta',
	ivrId: 'Voice Menu',
	voiceSecretaryId: 'Voice Robot',
	audios: 'Audios',
	'audios.*.source': 'Source',
	'audios.*.audioId': 'Audio',
	'audios.*.text': 'Text',
	'audios.*.settingsId': 'TTS Profile',
};

export const informationalCall: ItemOperation = {
	kind: 'item',
	value: 'informationalCall',
	name: 'Informational Call',
	description:
		'Call a number and play audios or synthesised text to whoever answers, then optionally a voice menu or voice robot',
	action: 'Place an informational call',
	properties: [
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '',
			required: true,
			placeholder: '380503332211',
			description:
				'The number to call, in international format. Spaces, brackets and dashes are removed.',
		},
		audioListField({
			sortable: true,
			placeholder: 'Add Audio',
			description:
				'Played in this order as soon as the call is answered: at most 5, at most 2 of them synthesised from text. Give audios, a voice menu or a voice robot (or several).',
			projectAudioName: 'Project Audio (API Calls Section)',
			synthesisOrder: ['ssml', 'text'],
			audiosMethod: 'getApiAudios',
			audioIdDescription:
				'An audio of the "API calls" section. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			textDescription: `At most ${TTS_TEXT_MAX_CHARS.toLocaleString('en-US')} characters of text, or ${TTS_SSML_MAX_CHARS.toLocaleString('en-US')} of SSML beginning with &lt;speak&gt; and ending with &lt;/speak&gt;`,
			settingsIdPurpose: 'The speech synthesis profile (voice) to use',
		}),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				metaField,
				{
					displayName: 'Outer Line',
					name: 'outerLine',
					type: 'string',
					default: '',
					placeholder: '380441234567',
					description:
						'The external line to call from. Empty: chosen by the outgoing scenarios of the project.',
				},
				{
					displayName: 'Voice Menu Name or ID',
					name: 'ivrId',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getIvrMenus' },
					default: '',
					description:
						'Voice menu played after the audios. It may only transfer to internal lines or groups of internal lines and play messages. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Voice Robot Name or ID',
					name: 'voiceSecretaryId',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getVoiceRobots' },
					default: '',
					description:
						'Voice robot started after the audios. It may not transfer to GSM numbers or start scenarios or voice menus. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
			],
		},
		allowAgentUseField,
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		assertAgentMayPlaceCalls(this, 'Unitalk Informational Call', itemIndex);
		const phone = checkedPhone(this, itemIndex, 'Phone', this.getNodeParameter('phone', itemIndex));
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const outerLine = optionalText(options.outerLine)?.replace(/[\s()\-.+]/g, '');
		const input: Input = parseInput(
			this.getNode(),
			schema,
			{
				outerLine: outerLine || undefined,
				meta: optionalText(options.meta),
				ivrId: optionalId(options.ivrId),
				voiceSecretaryId: optionalId(options.voiceSecretaryId),
				audios: rawAudios(this.getNodeParameter('audios', itemIndex, {}), {
					id: optionalId,
					text: optionalText,
				}),
			},
			itemIndex,
			LABELS,
		);
		const body = {
			phone,
			outerLine: input.outerLine ?? null,
			meta: input.meta ?? null,
			ivrId: input.ivrId ?? null,
			voiceSecretaryId: input.voiceSecretaryId ?? null,
			audios: input.audios?.length ? apiAudios(input.audios, 'full') : null,
		};
		const answer = await unitalkRequest.call(this, '/calls/originateNew', body, {
			action: 'Informational Call',
			idempotent: false,
			itemIndex,
		});
		return withAnswer(answer, { phone });
	},
};
