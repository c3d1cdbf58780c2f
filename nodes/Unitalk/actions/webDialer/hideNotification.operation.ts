import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/operations';
import { inputError } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { userIds, usersField } from './common';

/** "Hiding notifications in Web Dialer": /widget/hideNotification with the id Send Notification returned. */
export const hideNotification: ItemOperation = {
	kind: 'item',
	value: 'hideNotification',
	name: 'Hide Notification',
	description: 'Hide a notification sent to Web Dialer',
	action: 'Hide a Web Dialer notification',
	properties: [
		usersField,
		{
			displayName: 'Notification ID',
			name: 'notificationId',
			type: 'string',
			default: '={{ $json.notificationId }}',
			required: true,
			placeholder: '5521',
			description: 'The ID that Send Notification returned, e.g. 5521',
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const users = userIds(this, itemIndex);
		const raw = String(this.getNodeParameter('notificationId', itemIndex, '') ?? '').trim();
		if (!/^\d+$/.test(raw))
			throw inputError(
				this.getNode(),
				itemIndex,
				'Notification ID',
				`must be a notification ID (a whole number), got "${raw}"`,
			);
		const notificationId = Number(raw);
		const answer = await unitalkRequest.call(
			this,
			'/widget/hideNotification',
			{ userIds: users, notificationId },
			// Hiding twice leaves it hidden.
			{ action: 'Hide Web Dialer Notification', idempotent: true, itemIndex },
		);
		return {
			...((answer && typeof answer === 'object' ? answer : {}) as IDataObject),
			notificationId,
			userIds: users,
			hidden: true,
		};
	},
};
