import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { ItemOperation } from '../../../shared/operations';
import { inputError, parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import {
	checkViberText,
	MESSAGE_TEXT_DESCRIPTION,
	MESSAGE_TYPE_OPTIONS,
	textValue,
} from '../message/common';
import {
	distributionField,
	distributionId,
	getAllDistributions,
	MAX_NAME_LENGTH,
	START_TIME_DESCRIPTION,
	startTimeOf,
} from './common';

/**
 * "Updating a distribution": /messageDistribution/update. Unitalk wants name, message type and text
 * every time, and treats a missing start time as "start immediately". So only the fields to change
 * are asked for; the others are taken from the distribution as /messageDistribution/getAll shows it
 * (read once per run), and its start time is kept unless changed or cleared.
 */

const schema = z
	.object({
		name: z.string().min(1).max(MAX_NAME_LENGTH),
		messageType: z.enum(['SMS', 'VIBER']),
		text: z.string().min(1),
	})
	.superRefine((v, ctx) => checkViberText(ctx, v.messageType, v.text, ['text']));

const LABELS = {
	name: 'Update Fields > Name',
	messageType: 'Update Fields > Message Type',
	text: 'Update Fields > Text',
};

/** The project's distributions, read once per node run. */
const lists = new WeakMap<object, Promise<IDataObject[]>>();

export const update: ItemOperation = {
	kind: 'item',
	value: 'update',
	name: 'Update',
	description: 'Change the name, message type, text or start time of a distribution',
	action: 'Update a message distribution',
	properties: [
		distributionField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Fields left out keep their current value',
			options: [
				{
					displayName: 'Message Type',
					name: 'messageType',
					type: 'options',
					options: MESSAGE_TYPE_OPTIONS,
					default: 'SMS',
					description: 'SMS or Viber, as enabled in the Unitalk message sending service',
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'Spring sale SMS',
					description: 'Unique in the project, at most 45 characters, e.g. Spring sale SMS',
				},
				{
					displayName: 'Start Immediately',
					name: 'startImmediately',
					type: 'boolean',
					default: false,
					description: 'Whether to clear the start time so that the distribution starts at once',
				},
				{
					displayName: 'Start Time',
					name: 'startTime',
					type: 'dateTime',
					default: '',
					description: START_TIME_DESCRIPTION,
				},
				{
					displayName: 'Text',
					name: 'text',
					type: 'string',
					typeOptions: { rows: 4 },
					default: '',
					placeholder: 'Your order 1234 is ready for pickup',
					description: MESSAGE_TEXT_DESCRIPTION,
				},
			],
		},
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		const node = this.getNode();
		const id = distributionId(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const changes = Object.entries(fields).filter(
			([, v]) => v !== undefined && v !== null && v !== '' && v !== false,
		);
		if (changes.length === 0)
			throw inputError(
				node,
				itemIndex,
				'Update Fields',
				'is empty; add at least one field to change',
			);
		const newStart = startTimeOf(this, itemIndex, fields.startTime, 'updateFields.startTime');
		if (newStart && fields.startImmediately === true)
			throw inputError(
				node,
				itemIndex,
				'Update Fields > Start Time',
				'and "Start Immediately" contradict each other; use one of them',
			);

		// The current values of the fields not given (checked before sending: Unitalk would refuse too).
		let list = lists.get(this);
		if (!list) {
			list = getAllDistributions(this, itemIndex);
			lists.set(this, list);
		}
		const current = (await list).find((d) => Number(d.id) === id);
		if (!current)
			throw inputError(
				node,
				itemIndex,
				'Distribution',
				`names no distribution of the project (ID ${id})`,
			);
		if (current.status === 'COMPLETED')
			throw inputError(
				node,
				itemIndex,
				'Distribution',
				`${id} ("${String(current.name)}") is completed; Unitalk does not change completed distributions`,
			);

		const has = (key: string) => fields[key] !== undefined && fields[key] !== '';
		const input = parseInput(
			node,
			schema,
			{
				name: has('name') ? textValue(fields.name) : textValue(current.name),
				messageType: has('messageType') ? fields.messageType : current.messageType,
				text: has('text') ? textValue(fields.text) : textValue(current.text),
			},
			itemIndex,
			LABELS,
		);
		const startTime =
			fields.startImmediately === true
				? null
				: (newStart ?? ((current.startTime as string | null | undefined) || null));
		const body: IDataObject = { id, ...input, startTime };
		const answer = await unitalkRequest.call(this, '/messageDistribution/update', body, {
			action: 'Update Distribution',
			// Setting the same values again changes nothing.
			idempotent: true,
			itemIndex,
		});
		Object.assign(current, input, { startTime });
		return {
			...((answer && typeof answer === 'object' ? answer : {}) as IDataObject),
			...body,
		};
	},
};
