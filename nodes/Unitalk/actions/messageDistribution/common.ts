import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeProperties,
} from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { asItems } from '../../../shared/lists';
import { unitalkDateTime, unwrapData } from '../projectHelpers';

/**
 * Pieces shared by the message distribution operations ("Getting a list of distributions" to "Pausing
 * and unpausing a distribution").
 */

/** "The maximum length is 45 characters." */
export const MAX_NAME_LENGTH = 45;
/** "The maximum number of numbers is 10000." */
export const MAX_NUMBERS = 10_000;

export const DISTRIBUTION_STATUSES = [
	{ name: 'Completed', value: 'COMPLETED' },
	{ name: 'In Progress', value: 'IN_PROGRESS' },
	{ name: 'Message Service Not Connected', value: 'MESSAGE_SERVICE_NOT_CONNECTED' },
	{ name: 'Paused', value: 'PAUSED' },
	{ name: 'Waiting for Start Time', value: 'WAITING_START_TIME' },
];

/** The distribution an operation works on: picked from a searchable list, or an ID typed or mapped. */
export const distributionField: INodeProperties = {
	displayName: 'Distribution',
	name: 'distribution',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The message distribution to work on',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchDistributions', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '1234',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[0-9]+\\s*$',
						errorMessage: 'A distribution ID is a whole number',
					},
				},
			],
		},
	],
};

/** The distribution ID of item `itemIndex`, or an error that names the item and the field. */
export function distributionId(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = String(
		ctx.getNodeParameter('distribution', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!/^[0-9]+$/.test(value))
		throw inputError(
			ctx.getNode(),
			itemIndex,
			'Distribution',
			`must be a distribution ID (a whole number), got "${value}"`,
		);
	return Number(value);
}

/** Every distribution of the project (/messageDistribution/getAll answers the whole list). */
export async function getAllDistributions(
	ctx: IExecuteFunctions | ILoadOptionsFunctions,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const answer = await unitalkRequest.call(ctx, '/messageDistribution/getAll', undefined, {
		action: 'Get Distributions',
		idempotent: true,
		itemIndex,
	});
	return asItems(unwrapData(answer));
}

/**
 * The optional start time of item `itemIndex` as Unitalk writes it ("yyyy-MM-dd HH:mm:ss"), or
 * undefined when the field is empty (the distribution then starts at once).
 */
export function startTimeOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	parameter: string,
): string | undefined {
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	return unitalkDateTime(ctx, itemIndex, parameter, 'Start Time');
}

export const START_TIME_DESCRIPTION =
	"When the distribution starts, in the time zone of your Unitalk project. Empty: it starts at once. A value with a time-zone offset is converted to the workflow's time zone.";
