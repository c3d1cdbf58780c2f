import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { z } from 'zod';

import { chunk } from '../../../shared/batching';
import type { BatchEntry } from '../../../shared/batching';
import type { BatchOperation } from '../../../shared/operations';
import { asNodeError, errorItem } from '../../../shared/operations';
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
			description: 'Name of the new audio; unique in the project, at most 200 characters',
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
		},
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: `At most ${TTS_TEXT_MAX_CHARS.toLocaleString('en-US')} characters of text, or ${TTS_SSML_MAX_CHARS.toLocaleString('en-US')} of SSML beginning with &lt;speak&gt; and ending with &lt;/speak&gt;`,
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
		// 1. Read and check every item before anything is sent.
		const failed = new Map<number, Error>();
		const entries: Array<BatchEntry<Entry>> = [];
		for (let i = 0; i < items.length; i++) {
			try {
				entries.push({ itemIndex: i, value: readItem(this, i) });
			} catch (error) {
				if (!this.continueOnFail()) throw asNodeError(this, error, i);
				failed.set(i, error as Error);
			}
		}

		// 2. Requests of up to 5 entries, one after the other (Unitalk allows one at a time).
		const results = new Map<number, IDataObject>();
		let sent = 0;
		for (const batch of chunk(entries, MAX_TTS_PER_REQUEST)) {
			try {
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
				batch.forEach((entry, position) => {
					results.set(
						entry.itemIndex,
						itemResult(entry.value, answerFor(data, entry.value, position)),
					);
				});
				sent += batch.length;
			} catch (error) {
				if (!this.continueOnFail()) throw withProgress(error, sent);
				for (const entry of batch) failed.set(entry.itemIndex, error as Error);
			}
		}

		// 3. One output item per input item, in input order.
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const error = failed.get(i);
			if (error) output.push(errorItem(error, i));
			else {
				const json = results.get(i);
				if (json) output.push({ json, pairedItem: { item: i } });
			}
		}
		return output;
	},
};

function readItem(ctx: IExecuteFunctions, itemIndex: number): Entry {
	const text = ctx.getNodeParameter('text', itemIndex, '') as unknown;
	return parseInput(
		ctx.getNode(),
		schema,
		{
			name: String(ctx.getNodeParameter('name', itemIndex, '') ?? ''),
			type: ctx.getNodeParameter('type', itemIndex),
			format: ctx.getNodeParameter('format', itemIndex, 'text'),
			text: text === '' || text === undefined || text === null ? undefined : String(text),
			settingsId: optionalId(ctx.getNodeParameter('settingsId', itemIndex, '')),
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

/** Adds to a request failure how many audios earlier requests of this run had already created. */
function withProgress(error: unknown, sent: number): unknown {
	if (sent === 0 || !(error instanceof Error)) return error;
	const note = `Earlier requests of this run had already been answered for ${sent} item(s).`;
	const e = error as Error & { description?: string | null };
	e.description = e.description ? `${e.description} ${note}` : note;
	return e;
}
