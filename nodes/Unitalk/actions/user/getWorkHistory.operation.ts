import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { unitalkRequest } from '../../transport';
import { queryString } from '../../../shared/lists';
import { unitalkDate, unwrapData } from '../projectHelpers';

/**
 * "Work history": /users/workHistory?date=yyyy-MM-dd (the date is a URL parameter, no body). The
 * answer maps user IDs to their time per status; each user becomes one item with its ID.
 */
export const getWorkHistory: ItemOperation = {
	kind: 'item',
	value: 'getWorkHistory',
	name: 'Get Work History',
	description: 'Get how long each user spent working, not working and on pause on one day',
	action: 'Get the work history of users for a day',
	properties: [
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			default: '',
			required: true,
			description:
				'The day to report on (only the date part is used). Unitalk has no data for future days ("Future data is absent"); counting starts with the first status change after a user joined the project.',
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
		const date = unitalkDate(this, itemIndex, 'date', 'Date');
		const answer = await unitalkRequest.call(
			this,
			`/users/workHistory${queryString({ date })}`,
			undefined,
			{ action: 'Get Work History', idempotent: true, itemIndex },
		);
		const data = unwrapData(answer) as IDataObject | undefined;
		const users = (data?.users ?? {}) as IDataObject;
		return Object.entries(users).map(([userId, user]) => ({
			date,
			userId: /^\d+$/.test(userId) ? Number(userId) : userId,
			...((user ?? {}) as IDataObject),
		}));
	},
};
