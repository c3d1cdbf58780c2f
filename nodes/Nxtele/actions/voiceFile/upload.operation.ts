import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { MultipartPart } from '../../../shared/transport';

import type { ItemOperation } from '../../../shared/operations';
import { inputError } from '../../../shared/validation';
import { binaryPropertyField, readVoiceFile } from '../voice/fields';
import {
	endpointOptions,
	readEndpoint,
	voiceRequest,
	type VoiceEndpoint,
} from '../voice/transport';

/**
 * Upload v1 (research §4.5): multipart with `appkey` and `file`, action `upload`. bizType conflicts on the
 * page (7 in its text, 8 in its example): 7 by default.
 */
export const UPLOAD_ENDPOINT: VoiceEndpoint = {
	path: '/v1/voice/uploadFile',
	bizType: '7',
	action: 'upload',
};

/** Voice File → Upload: sends a voice file from an n8n binary field; NXCloud answers with its URL. */
export const uploadVoiceFile: ItemOperation = {
	kind: 'item',
	value: 'upload',
	name: 'Upload',
	description: 'Upload a voice file from a binary field',
	action: 'Upload a voice file',
	properties: [
		binaryPropertyField,
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'e.g. welcome.mp3',
			description: "Name to give the file; empty: the binary field's own file name",
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				endpointOptions(
					UPLOAD_ENDPOINT,
					'Path and action are documented; the docs give bizType as 7 in the text and 8 in the example.',
				),
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const node = this.getNode();
		const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
		const file = await readVoiceFile(this, itemIndex, property);
		const credentials = await this.getCredentials('nxteleApi', itemIndex);
		const appKey = String(credentials.appKey ?? '').trim();
		if (appKey === '')
			throw inputError(
				node,
				itemIndex,
				'Voice App Key',
				'is empty in the NXCloud credential; the upload needs the appkey of your voice application',
			);
		const fileName =
			String(this.getNodeParameter('fileName', itemIndex, '') ?? '').trim() || file.fileName;
		const answer = await voiceRequest.call(this, {
			endpoint: readEndpoint(this, itemIndex, UPLOAD_ENDPOINT),
			body: {
				multipart: [
					formField('appkey', appKey),
					filePart('file', file.data, fileName, file.mimeType),
				],
			},
			action: 'Voice File Upload',
			// A repeat would store the file twice.
			idempotent: false,
			itemIndex,
		});
		return { url: answer.data, fileName, size: file.data.length, traceId: answer.traceId };
	},
};

function formField(name: string, value: string): MultipartPart {
	return { name, value };
}

function filePart(
	name: string,
	value: Buffer,
	filename: string,
	contentType: string,
): MultipartPart {
	return { name, value, filename, contentType };
}
