import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { z } from 'zod';

import { runBulk } from '../../../shared/batching';
import type { BatchOperation } from '../../../shared/operations';
import { itemParameterReader } from '../../../shared/parameters';
import type { ItemParameterReader } from '../../../shared/parameters';
import { parseInput } from '../../../shared/validation';
import { explainUnitalkError } from '../../errors';
import { unitalkRequest } from '../../transport';
import { optionalId } from '../call/common';
import {
	AUDIO_NAME_MAX_CHARS,
	AUDIO_SECTIONS,
	TTS_SSML_MAX_CHARS,
	TTS_TEXT_MAX_CHARS,
	sectionField,
	ttsTextIssue,
} from './common';

/**
 * "Synthesizing audio from text" (/audio/tts): each input item becomes one audio of the project.
 * Unitalk takes at most 5 per request and one request per project at a time, so the items go in
 * requests of up to 5, one after the other. Unitalk answers per entry with the new audio's ID or an
 * error; each answer goes back to the item it came from.
 */

export const MAX_TTS_PER_REQUEST = 5;

const schema = z
	.object({
		name: z.string().trim().min(1).max(AUDIO_NAME_MAX_CHARS),
		type: z.enum(AUDIO_SECTIONS),
		format: z.enum(['text', 'ssml']),
		text: z.string().optional(),
		settingsId: z.number().int().positive(),
	})
	.superRefine((v, ctx) => {
		const problem = ttsTextIssue(v.format, v.text);
		if (problem) ctx.addIssue({ code: 'custom', path: ['text'], message: problem });
	});

type Entry = z.infer<typeof schema>;

const LABELS = {
	name: 'Audio Name',
	type: 'Section',
	format: 'Text Format',
	text: 'Text',
	settingsId: 'TTS Profile',
};

export const synthesize: BatchOperation = {
	kind: 'batch',
	value: 'synthesize',
	name: 'Synthesize',
	description:
		'Turn text into audios of the project, one per input item; items are sent 5 per request',
	action: 'Synthesize audio from text',
	properties: [
		{
			displayName: 'Audio Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'Order ready greeting',
			description:
				'Name of the new audio; unique in the project, at most 200 characters, e.g. Order ready greeting',
		},
		sectionField,
		{
			displayName: 'Text Format',
			name: 'format',
			type: 'options',
			options: [
				{ name: 'Plain Text', value: 'text' },
				{ name: 'SSML', value: 'ssml' },
			],
			default: 'text',
			description:
				'How Text is written: plain text read as it is, or SSML markup for pauses and stress (e.g. &lt;speak&gt;Hello&lt;break time="500ms"/&gt;&lt;/speak&gt;)',
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			placeholder: 'Hello! Your order is ready for pickup.',
			description: `What the audio says. At most ${TTS_TEXT_MAX_CHARS.toLocaleString('en-US')} characters of text, or ${TTS_SSML_MAX_CHARS.toLocaleString('en-US')} of SSML beginning with &lt;speak&gt; and ending with &lt;/speak&gt;; e.g. Hello! Your order is ready for pickup.`,
		},
		{
			displayName: 'TTS Profile Name or ID',
			name: 'settingsId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTtsSettings' },
			default: '',
			required: true,
			description:
				'The speech synthesis profile (voice) to use. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	],

	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const node = this.getNode();
		const read: ItemReaders = {
			name: itemParameterReader(this, 'name', items, ''),
			type: itemParameterReader(this, 'type', items, undefined),
			format: itemParameterReader(this, 'format', items, 'text'),
			text: itemParameterReader(this, 'text', items, ''),
			settingsId: itemParameterReader(this, 'settingsId', items, ''),
		};
		return await runBulk<Entry>(this, items.length, {
			noun: 'texts',
			read: (i) => ({ group: '', entries: [readItem(node, i, read)] }),
			// Up to 5 per request, one after the other (Unitalk allows one at a time).
			perRequest: MAX_TTS_PER_REQUEST,
			send: async (_group, batch) => {
				const answer = (await unitalkRequest.call(
					this,
					'/audio/tts',
					{ json: { data: batch.map((e) => requestEntry(e.value)) } },
					{
						action: 'Synthesize Audio',
						// A repeat would synthesise (and charge) again, or fail on the now-taken names.
						idempotent: false,
						itemIndex: batch[0].itemIndex,
						timeoutMs: 300_000,
					},
				)) as IDataObject;
				const data = Array.isArray(answer?.data) ? (answer.data as IDataObject[]) : [];
				return batch.map((e, position) => itemResult(e.value, answerFor(data, e.value, position)));
			},
			progressNote: (_requests, answered) =>
				`Earlier requests of this run had already been answered for ${answered} item(s).`,
			summarise: (outcomes) => outcomes[0].json,
		});
	},
};

interface ItemReaders {
	name: ItemParameterReader<unknown>;
	type: ItemParameterReader<unknown>;
	format: ItemParameterReader<unknown>;
	text: ItemParameterReader<unknown>;
	settingsId: ItemParameterReader<unknown>;
}

/** `node` is passed in: getNode() copies the whole node, too slow to call per item. */
function readItem(node: INode, itemIndex: number, read: ItemReaders): Entry {
	const text = read.text(itemIndex);
	return parseInput(
		node,
		schema,
		{
			name: String(read.name(itemIndex) ?? ''),
			type: read.type(itemIndex),
			format: read.format(itemIndex),
			text: text === '' || text === undefined || text === null ? undefined : String(text),
			settingsId: optionalId(read.settingsId(itemIndex)),
		},
		itemIndex,
		LABELS,
	);
}

function requestEntry(e: Entry): IDataObject {
	return {
		name: e.name,
		type: e.type,
		tts: {
			text: e.format === 'text' ? (e.text as string) : null,
			ssml: e.format === 'ssml' ? (e.text as string) : null,
			settingsId: e.settingsId,
		},
	};
}

/** The answer entry of a request entry: same position (the doc's order), checked by name. */
function answerFor(data: IDataObject[], entry: Entry, position: number): IDataObject | undefined {
	const atPosition = data[position];
	if (atPosition && (atPosition.name === undefined || atPosition.name === entry.name))
		return atPosition;
	return data.find((d) => d.name === entry.name);
}

function itemResult(entry: Entry, answered: IDataObject | undefined): IDataObject {
	if (!answered)
		return {
			name: entry.name,
			type: entry.type,
			id: null,
			error: 'Unitalk did not report on this audio',
			success: false,
		};
	const success = answered.id !== null && answered.id !== undefined && !answered.error;
	return {
		...answered,
		type: entry.type,
		success,
		...(!success && answered.error
			? { errorDescription: explainUnitalkError(String(answered.error), 'Synthesize Audio') }
			: {}),
	};
}
