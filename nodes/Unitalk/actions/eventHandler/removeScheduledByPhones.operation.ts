import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { z } from 'zod';

import type { BatchOperation } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { readPhones } from '../../../shared/lists';
import { perRequestOption, perRequestSize } from '../../../shared/perRequest';
import { runPhoneBatches } from '../../../shared/phoneBatch';
import { unwrapData } from '../projectHelpers';
import { refusedPhones } from '../refusals';
import { PHONES_PER_ITEM } from '../common';

/** "Removing Scheduled Event Handlers": "Too many phones" above 100. */
export const MAX_PHONES_PER_REMOVAL = 100;

/**
 * The doc writes the path as /api/eventHandlers/removeScheduledByPhones while every path it gives
 * is relative to https://api.unitalk.cloud/api. Read as one more path below the base URL, the default
 * is /eventHandlers/removeScheduledByPhones; the Path option takes the literal reading.
 */
export const REMOVE_SCHEDULED_PATH = '/eventHandlers/removeScheduledByPhones';

/*
 * One removal at a time per project: "Wait until the previous request is processed" means "not now",
 * nothing was removed; the transport retries it like "Handler is busy" (UNITALK_BUSY_MESSAGES).
 */

const pathSchema = z.object({
	path: z
		.string()
		.regex(/^\/[A-Za-z0-9/_-]+$/, 'must be a path such as /eventHandlers/removeScheduledByPhones'),
});

export const removeScheduledByPhones: BatchOperation = {
	kind: 'batch',
	value: 'removeScheduledByPhones',
	name: 'Remove Scheduled by Phones',
	description:
		'Remove the scheduled event handlers of phone numbers; the numbers of all input items are sent together, 100 per request',
	action: 'Remove scheduled event handlers by phone numbers',
	properties: [
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '={{ $json.phone }}',
			required: true,
			description: `The number whose scheduled event handlers are removed, in international format. ${PHONES_PER_ITEM}.`,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				perRequestOption({ max: MAX_PHONES_PER_REMOVAL, noun: 'numbers', provider: 'Unitalk' }),
				{
					displayName: 'Path',
					name: 'path',
					type: 'string',
					default: REMOVE_SCHEDULED_PATH,
					description:
						'Path below the base URL. The documentation writes /api/eventHandlers/removeScheduledByPhones; if Unitalk answers that the method is not found, try /api/eventHandlers/removeScheduledByPhones.',
				},
			],
		},
	],

	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const options = this.getNodeParameter('options', 0, {}) as IDataObject;
		const { path } = parseInput(
			this.getNode(),
			pathSchema,
			{ path: String(options.path ?? REMOVE_SCHEDULED_PATH).trim() },
			0,
			{ path: 'Path' },
		);
		const perRequest = perRequestSize(this.getNode(), options, {
			max: MAX_PHONES_PER_REMOVAL,
			noun: 'numbers',
		});
		return await runPhoneBatches(this, items, {
			perRequest,
			doneStatus: 'processed',
			refused: (error) =>
				refusedPhones(error, {
					refusalMessages: ['Invalid phones'],
					refusalReason: 'Unitalk did not accept this number',
				}),
			read: (i) => ({
				target: { key: 'phones', fields: {} },
				phones: readPhones(this, i, 'phone', 'Phone'),
			}),
			send: async (_target, phones, firstItemIndex) => {
				const answer = await unitalkRequest.call(
					this,
					path,
					{ phones },
					// Removing handlers that are already gone removes nothing more.
					{
						action: 'Remove Scheduled Event Handlers',
						idempotent: true,
						itemIndex: firstItemIndex,
					},
				);
				// The number removed by the whole request (the answer does not break it down by number).
				const removed = unwrapData(answer);
				return { removedInRequest: typeof removed === 'number' ? removed : Number(removed) || 0 };
			},
		});
	},
};
