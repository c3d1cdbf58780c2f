import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { twin24Request } from '../../transport';
import { readId } from '../common';

/**
 * POST /calls/{callId}/depersonalization (research §2.12): irreversibly removes the phone number,
 * start variables, results and (unless kept) the recording of a call. 200 with an empty body.
 * Doing it twice leaves the same call, so a lost answer is retried.
 */
export const depersonalize: ItemOperation = {
	kind: 'item',
	value: 'depersonalize',
	name: 'Depersonalize',
	description:
		'Erase the personal data of a call for good (number, variables, results; recording optional)',
	action: 'Depersonalize a call',
	properties: [
		{
			displayName: 'Call ID',
			name: 'callId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The call to erase, for example the ID of a Call Ended event: bce7d22e-dde6-4427-b391-ebbdfda44de6',
		},
		{
			displayName: 'Keep Recording',
			name: 'keepRecording',
			type: 'boolean',
			default: true,
			description: 'Whether the audio recording is kept (skipDeleteRecord); off deletes it too',
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const callId = readId(this, itemIndex, 'callId', 'Call ID') as string;
		const keepRecording = this.getNodeParameter('keepRecording', itemIndex, true) === true;
		await twin24Request.call(this, {
			method: 'POST',
			path: `/calls/${encodeURIComponent(callId)}/depersonalization`,
			body: keepRecording ? { skipDeleteRecord: true } : {},
			action: 'Depersonalize Call',
			idempotent: true,
			itemIndex,
		});
		return { callId, depersonalized: true, recordingKept: keepRecording };
	},
};
