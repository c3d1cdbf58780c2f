import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemOperation } from '../../../shared/operations';
import type { MultipartPart } from '../../../shared/transport';
import { inputError, parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { AUDIO_NAME_MAX_CHARS, AUDIO_SECTIONS, sectionField } from './common';

/**
 * "Adding audio files to the project" (/audio/upload): a multipart form with `name`, `type` (the
 * section), `file` (≤ 15 MB, any audio or video format; Unitalk converts it and cuts it to the
 * section's length) and the optional `temp` (deleted automatically at 04:00). The new audio's ID comes
 * back as the text of `message`.
 */

export const MAX_UPLOAD_BYTES = 15 * 1024 * 1024;

const schema = z.object({
	name: z.string().trim().min(1).max(AUDIO_NAME_MAX_CHARS),
	type: z.enum(AUDIO_SECTIONS),
});
const LABELS = { name: 'Audio Name', type: 'Section' };

export const upload: ItemOperation = {
	kind: 'item',
	value: 'upload',
	name: 'Upload',
	description: 'Add an audio or video file of the input item to the project as an audio',
	action: 'Upload an audio file',
	properties: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field holding the file',
			description:
				'Audio or video file of any format, at most 15 MB; its sound is converted and normalised by Unitalk',
		},
		{
			displayName: 'Audio Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'Welcome message',
			description:
				'Name of the audio in the project, at most 200 characters, e.g. Welcome message. Empty: the file name.',
		},
		sectionField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Temporary',
					name: 'temp',
					type: 'boolean',
					default: false,
					description: 'Whether Unitalk deletes the audio automatically at 04:00',
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const node = this.getNode();
		const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
		const present = Object.keys(this.getInputData()[itemIndex]?.binary ?? {});
		if (!present.includes(property))
			throw inputError(
				node,
				itemIndex,
				'Input Binary Field',
				`names "${property}", which the input item does not have (${
					present.length ? `it has: ${present.join(', ')}` : 'it has no binary data'
				})`,
			);
		const binary = this.helpers.assertBinaryData(itemIndex, property);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const givenName = String(this.getNodeParameter('name', itemIndex, '') ?? '').trim();
		const input = parseInput(
			node,
			schema,
			{
				name: givenName || binary.fileName || '',
				type: this.getNodeParameter('type', itemIndex),
			},
			itemIndex,
			LABELS,
		);
		const file = await this.helpers.getBinaryDataBuffer(itemIndex, property);
		if (file.length === 0)
			throw inputError(node, itemIndex, 'Input Binary Field', `"${property}" holds an empty file`);
		if (file.length > MAX_UPLOAD_BYTES)
			throw inputError(
				node,
				itemIndex,
				'Input Binary Field',
				`holds ${(file.length / 1024 / 1024).toFixed(1)} MB; Unitalk accepts files of at most 15 MB`,
			);
		const temp = options.temp === true;
		const fileName =
			binary.fileName || `${input.name}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
		const answer = (await unitalkRequest.call(
			this,
			'/audio/upload',
			{
				multipart: [
					field('name', input.name),
					field('type', input.type),
					filePart(file, fileName, binary.mimeType || 'application/octet-stream'),
					...(temp ? [field('temp', 'true')] : []),
				],
			},
			// A second upload would add the audio twice.
			{ action: 'Upload Audio', idempotent: false, itemIndex, timeoutMs: 180_000 },
		)) as IDataObject;
		const id = /^\s*\d+\s*$/.test(String(answer?.message ?? ''))
			? Number(answer.message)
			: undefined;
		return {
			...(id !== undefined ? { id } : {}),
			name: input.name,
			type: input.type,
			temp,
			fileName,
			fileSize: file.length,
			...answer,
		};
	},
};

/** A text field of the multipart form. */
function field(partName: string, text: string): MultipartPart {
	return { name: partName, value: text };
}

/** The `file` part of the multipart form, with the bytes exactly as the input item holds them. */
function filePart(bytes: Buffer, filename: string, contentType: string): MultipartPart {
	return { ...field('file', ''), value: bytes, filename, contentType };
}
