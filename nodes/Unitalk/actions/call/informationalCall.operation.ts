import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { TTS_SSML_MAX_CHARS, TTS_TEXT_MAX_CHARS, ttsTextIssue } from '../audio/common';
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

const audioSchema = z
	.object({
		source: z.enum(['id', 'text', 'ssml']),
		audioId: id.optional(),
		text: z.string().optional(),
		settingsId: id.optional(),
	})
	.superRefine((a, ctx) => {
		if (a.source === 'id') {
			if (a.audioId === undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['audioId'],
					message: 'is required when the audio comes from the project',
				});
			return;
		}
		const problem = ttsTextIssue(a.source, a.text);
		if (problem) ctx.addIssue({ code: 'custom', path: ['text'], message: problem });
		if (a.settingsId === undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['settingsId'],
				message: 'is required for speech synthesis',
			});
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
		const tts = v.audios?.filter((a) => a.source !== 'id').length ?? 0;
		if (tts > MAX_CALL_TTS)
			ctx.addIssue({
				code: 'custom',
				path: ['audios'],
				message: `has ${tts} speech syntheses, at most ${MAX_CALL_TTS} allowed`,
			});
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
		{
			displayName: 'Audios',
			name: 'audios',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			placeholder: 'Add Audio',
			description:
				'Played in this order as soon as the call is answered: at most 5, at most 2 of them synthesised from text. Give audios, a voice menu or a voice robot (or several).',
			options: [
				{
					displayName: 'Audio',
					name: 'audio',
					values: [
						{
							displayName: 'Source',
							name: 'source',
							type: 'options',
							options: [
								{ name: 'Project Audio (API Calls Section)', value: 'id' },
								{ name: 'Speech Synthesis (SSML)', value: 'ssml' },
								{ name: 'Speech Synthesis (Text)', value: 'text' },
							],
							default: 'id',
						},
						{
							displayName: 'Audio Name or ID',
							name: 'audioId',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getApiAudios' },
							default: '',
							displayOptions: { show: { source: ['id'] } },
							description:
								'An audio of the "API calls" section. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Text',
							name: 'text',
							type: 'string',
							typeOptions: { rows: 3 },
							default: '',
							displayOptions: { show: { source: ['text', 'ssml'] } },
							description: `At most ${TTS_TEXT_MAX_CHARS.toLocaleString('en-US')} characters of text, or ${TTS_SSML_MAX_CHARS.toLocaleString('en-US')} of SSML beginning with &lt;speak&gt; and ending with &lt;/speak&gt;`,
						},
						{
							displayName: 'TTS Profile Name or ID',
							name: 'settingsId',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getTtsSettings' },
							default: '',
							displayOptions: { show: { source: ['text', 'ssml'] } },
							description:
								'The speech synthesis profile (voice) to use. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
					],
				},
			],
		},
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
		const rawAudios = (this.getNodeParameter('audios', itemIndex, {}) as IDataObject).audio as
			| IDataObject[]
			| undefined;
		const outerLine = optionalText(options.outerLine)?.replace(/[\s()\-.+]/g, '');
		const input: Input = parseInput(
			this.getNode(),
			schema,
			{
				outerLine: outerLine || undefined,
				meta: optionalText(options.meta),
				ivrId: optionalId(options.ivrId),
				voiceSecretaryId: optionalId(options.voiceSecretaryId),
				audios: rawAudios?.map((a) => ({
					source: a.source,
					audioId: optionalId(a.audioId),
					text: optionalText(a.text),
					settingsId: optionalId(a.settingsId),
				})),
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
			audios: input.audios?.length
				? input.audios.map((a) =>
						a.source === 'id'
							? { id: a.audioId, tts: null }
							: {
									id: null,
									tts: {
										text: a.source === 'text' ? a.text : null,
										ssml: a.source === 'ssml' ? a.text : null,
										settingsId: a.settingsId,
									},
								},
					)
				: null,
		};
		const answer = await unitalkRequest.call(this, '/calls/originateNew', body, {
			action: 'Informational Call',
			idempotent: false,
			itemIndex,
		});
		return withAnswer(answer, { phone });
	},
};
