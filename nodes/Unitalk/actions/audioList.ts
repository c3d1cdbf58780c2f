import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

/**
 * Lists of audios to play: a project audio by ID, or speech synthesised from text or SSML with a TTS
 * profile. Used by Add Numbers (per-number audios, ADD_NUMBERS) and Informational Call
 * (/calls/originateNew). Each keeps its own documented limits, descriptions and API shape; the field
 * layout, the checks and the conversions live here.
 */

export type AudioSource = 'id' | 'text' | 'ssml';

const SOURCE_NAMES: Record<Exclude<AudioSource, 'id'>, string> = {
	text: 'Speech Synthesis (Text)',
	ssml: 'Speech Synthesis (SSML)',
};

export interface AudioListFieldConfig {
	/** Description of the list itself. */
	description: string;
	/** Placeholder of the list's add button, if any. */
	placeholder?: string;
	/** Whether the entries can be reordered in the editor. */
	sortable?: boolean;
	/** Name of the "project audio" source. */
	projectAudioName: string;
	/** Order of the two synthesis sources in the Source dropdown. */
	synthesisOrder: [Exclude<AudioSource, 'id'>, Exclude<AudioSource, 'id'>];
	/** loadOptionsMethod of the audio dropdown. */
	audiosMethod: string;
	audioIdDescription: string;
	textDescription: string;
	/** What the TTS profile is for (one sentence, no final period); "Choose from the list…" follows. */
	settingsIdPurpose: string;
}

/** The "Audios" fixedCollection (entries `audio` with source, audioId, text, settingsId). */
export function audioListField(config: AudioListFieldConfig): INodeProperties {
	return {
		displayName: 'Audios',
		name: 'audios',
		type: 'fixedCollection',
		typeOptions: config.sortable
			? { multipleValues: true, sortable: true }
			: { multipleValues: true },
		default: {},
		...(config.placeholder ? { placeholder: config.placeholder } : {}),
		description: config.description,
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
							{ name: config.projectAudioName, value: 'id' },
							...config.synthesisOrder.map((s) => ({ name: SOURCE_NAMES[s], value: s })),
						],
						default: 'id',
						description: `Where this audio comes from: "${config.projectAudioName}" plays an audio already in the project, the speech synthesis sources read out text you write here (plain text, or SSML for pauses and stress)`,
					},
					{
						displayName: 'Audio Name or ID',
						name: 'audioId',
						type: 'options',
						typeOptions: { loadOptionsMethod: config.audiosMethod },
						default: '',
						displayOptions: { show: { source: ['id'] } },
						description: config.audioIdDescription,
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						typeOptions: { rows: 3 },
						default: '',
						displayOptions: { show: { source: ['text', 'ssml'] } },
						placeholder: 'Hello! Your order is ready for pickup.',
						description: `${config.textDescription}. E.g. Hello! Your order is ready for pickup. (as SSML: &lt;speak&gt;Hello! Your order is ready.&lt;/speak&gt;)`,
					},
					{
						displayName: 'TTS Profile Name or ID',
						name: 'settingsId',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getTtsSettings' },
						default: '',
						displayOptions: { show: { source: ['text', 'ssml'] } },
						description: `${config.settingsIdPurpose}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
					},
				],
			},
		],
	};
}

export interface AudioRules {
	/** Schema of the text (for example with a length limit). */
	text: z.ZodType<string>;
	/** What is wrong with the text of a synthesis, or undefined when it is fine. */
	textIssue: (source: Exclude<AudioSource, 'id'>, text: string | undefined) => string | undefined;
	/** Whether a synthesis must name its TTS profile. */
	settingsRequired: boolean;
}

/** The checks of one audio entry. */
export function audioSchema(rules: AudioRules) {
	const id = z.number().int().positive();
	return z
		.object({
			source: z.enum(['id', 'text', 'ssml']),
			audioId: id.optional(),
			text: rules.text.optional(),
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
			const problem = rules.textIssue(a.source, a.text);
			if (problem) ctx.addIssue({ code: 'custom', path: ['text'], message: problem });
			if (rules.settingsRequired && a.settingsId === undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['settingsId'],
					message: 'is required for speech synthesis',
				});
		});
}

export type CheckedAudio = z.infer<ReturnType<typeof audioSchema>>;

/** Adds an issue at `audios` when more than `max` of the audios are syntheses. */
export function checkSynthesisCount(
	audios: Array<{ source: AudioSource }> | undefined,
	max: number,
	ctx: z.RefinementCtx,
): void {
	const tts = audios?.filter((a) => a.source !== 'id').length ?? 0;
	if (tts > max)
		ctx.addIssue({
			code: 'custom',
			path: ['audios'],
			message: `has ${tts} speech syntheses, at most ${max} allowed`,
		});
}

/** How an operation turns the raw ID and text of an entry into values for the schema. */
export interface AudioValueReaders {
	id: (value: unknown) => unknown;
	text: (value: unknown) => unknown;
}

/** The entries of the raw "Audios" parameter, ready for the schema. */
export function rawAudios(
	raw: unknown,
	read: AudioValueReaders,
): Array<Record<'source' | 'audioId' | 'text' | 'settingsId', unknown>> | undefined {
	const entries = (raw as IDataObject | undefined)?.audio as IDataObject[] | undefined;
	return entries?.map((a) => ({
		source: a.source,
		audioId: read.id(a.audioId),
		text: read.text(a.text),
		settingsId: read.id(a.settingsId),
	}));
}

/**
 * The checked audios as the API takes them:
 * - 'compact' (ADD_NUMBERS): `{id}` or `{tts: {text|ssml, settingsId?}}`;
 * - 'full' (/calls/originateNew): `{id, tts: null}` or `{id: null, tts: {text, ssml, settingsId}}`.
 */
export function apiAudios(audios: CheckedAudio[], shape: 'compact' | 'full'): IDataObject[] {
	return audios.map((a) => {
		if (shape === 'compact')
			return a.source === 'id'
				? { id: a.audioId }
				: { tts: { [a.source]: a.text, ...(a.settingsId ? { settingsId: a.settingsId } : {}) } };
		return a.source === 'id'
			? { id: a.audioId, tts: null }
			: {
					id: null,
					tts: {
						text: a.source === 'text' ? a.text : null,
						ssml: a.source === 'ssml' ? a.text : null,
						settingsId: a.settingsId,
					},
				};
	});
}
