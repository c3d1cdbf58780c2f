import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemOperation } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { optionalId } from './common';

/**
 * "Voice analytics" (/calls/analytics/create): runs a speech analytics profile over a finished call
 * that has separate records. Unitalk answers only once the call has been processed, so the request
 * waits minutes rather than seconds. The doc gives no Content-Type for this method (like the other
 * methods whose parameters travel in the URL), so callId and profileId are sent as query parameters.
 * Each run is charged and Unitalk processes at most 50 calls at once.
 */

export const DEFAULT_WAIT_MINUTES = 5;
export const MAX_WAIT_MINUTES = 30;

const id = z.number().int().positive();
const schema = z.object({
	callId: id,
	profileId: id,
	waitMinutes: z.number().min(1).max(MAX_WAIT_MINUTES),
});
const LABELS = { callId: 'Call ID', profileId: 'Profile', waitMinutes: 'Wait Up To (Minutes)' };

export const voiceAnalytics: ItemOperation = {
	kind: 'item',
	value: 'voiceAnalytics',
	name: 'Voice Analytics',
	description: 'Transcribe a call and evaluate it with a speech analytics profile',
	action: 'Run voice analytics on a call',
	properties: [
		{
			displayName: 'Call ID',
			name: 'callId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '1474427802',
			description: 'The call, as call history or the call webhooks give its ID',
		},
		{
			displayName: 'Profile Name or ID',
			name: 'profileId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getVoiceAnalyticsProfiles' },
			default: '',
			required: true,
			description:
				'The speech analytics profile (its ID is shown in the profile header on the "Voice analytics" page). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Wait Up To (Minutes)',
					name: 'waitMinutes',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: MAX_WAIT_MINUTES },
					default: DEFAULT_WAIT_MINUTES,
					description:
						'How long to wait for Unitalk to process the call. It answers only when the analytics are ready.',
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const input = parseInput(
			this.getNode(),
			schema,
			{
				callId: optionalId(this.getNodeParameter('callId', itemIndex, '')),
				profileId: optionalId(this.getNodeParameter('profileId', itemIndex, '')),
				waitMinutes: Number(options.waitMinutes ?? DEFAULT_WAIT_MINUTES),
			},
			itemIndex,
			LABELS,
		);
		const query = new URLSearchParams({
			callId: String(input.callId),
			profileId: String(input.profileId),
		});
		const answer = (await unitalkRequest.call(this, `/calls/analytics/create?${query}`, undefined, {
			action: 'Voice Analytics',
			// Each run is charged, and a repeat while the first still runs is refused.
			idempotent: false,
			itemIndex,
			timeoutMs: input.waitMinutes * 60_000,
		})) as IDataObject;
		const result: IDataObject = { callId: input.callId, ...answer };
		// analyticsJson is JSON in a string; give it as an object too, for the next nodes.
		if (typeof answer?.analyticsJson === 'string') {
			try {
				result.analytics = JSON.parse(answer.analyticsJson) as IDataObject;
			} catch {
				// Left as the string Unitalk sent.
			}
		}
		return result;
	},
};
