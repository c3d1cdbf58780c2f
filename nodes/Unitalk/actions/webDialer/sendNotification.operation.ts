import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemOperation } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { unwrapData } from '../projectHelpers';
import { userIds, usersField } from './common';

/**
 * "Sending notifications to Web Dialer": /widget/sendNotification shows a card (contact, linked entity,
 * responsible manager) to the chosen users. At least one notification field is required.
 */

const FIELDS = ['contactName', 'contactLink', 'entityName', 'entityLink', 'responsible'] as const;

const schema = z
	.object({
		contactName: z.string().optional(),
		contactLink: z.string().optional(),
		entityName: z.string().optional(),
		entityLink: z.string().optional(),
		responsible: z.string().optional(),
	})
	.refine((d) => FIELDS.some((f) => d[f] !== undefined), {
		message:
			'needs at least one field (Contact Name, Contact Link, Entity Name, Entity Link or Responsible)',
	});

export const sendNotification: ItemOperation = {
	kind: 'item',
	value: 'sendNotification',
	name: 'Send Notification',
	description: 'Show a notification about a contact in Web Dialer to chosen users',
	action: 'Send a notification to Web Dialer',
	properties: [
		usersField,
		{
			displayName: 'Notification',
			name: 'notification',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'What the notification shows; at least one field',
			options: [
				{
					displayName: 'Contact Link',
					name: 'contactLink',
					type: 'string',
					default: '',
					placeholder: 'https://www.example-crm.com/leads/1',
					description: 'Link to the contact, for example in your CRM',
				},
				{
					displayName: 'Contact Name',
					name: 'contactName',
					type: 'string',
					default: '',
					placeholder: 'John Smith',
					description: 'Name of the contact the notification is about, e.g. John Smith',
				},
				{
					displayName: 'Entity Link',
					name: 'entityLink',
					type: 'string',
					default: '',
					placeholder: 'https://www.example-crm.com/deals/1',
					description: 'Link to the entity associated with the contact',
				},
				{
					displayName: 'Entity Name',
					name: 'entityName',
					type: 'string',
					default: '',
					description: 'Name of an entity associated with the contact, for example a deal',
				},
				{
					displayName: 'Responsible',
					name: 'responsible',
					type: 'string',
					default: '',
					placeholder: 'Anna Petrenko',
					description: 'Name of the responsible manager, e.g. Anna Petrenko',
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const users = userIds(this, itemIndex);
		const raw = this.getNodeParameter('notification', itemIndex, {}) as IDataObject;
		const data = parseInput(
			this.getNode(),
			schema,
			Object.fromEntries(
				FIELDS.map((f) => [
					f,
					raw[f] === undefined || String(raw[f]).trim() === '' ? undefined : String(raw[f]),
				]),
			),
			itemIndex,
			{ '': 'Notification' },
		);
		const answer = await unitalkRequest.call(
			this,
			'/widget/sendNotification',
			{
				userIds: users,
				data: Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)),
			},
			// Sending again would show the notification again.
			{ action: 'Send Web Dialer Notification', idempotent: false, itemIndex },
		);
		const result = unwrapData(answer);
		return {
			...(result && typeof result === 'object' && !Array.isArray(result)
				? (result as IDataObject)
				: { data: result as IDataObject[keyof IDataObject] }),
			userIds: users,
		};
	},
};
