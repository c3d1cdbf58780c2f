import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { allowAgentUseField, assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import type { ItemOperation } from '../../../shared/operations';
import { checkPhone } from '../../../shared/phone';
import { parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import { checkedPhone, withAnswer } from './common';

/**
 * Independent "click to call" call (/calls/originateC2c): Unitalk calls through the redirect steps
 * in order (a number, an internal line or a department), each for 5 to 300 seconds, and connects
 * the one who answers with the client.
 */

export const C2C_MIN_SECONDS = 5;
export const C2C_MAX_SECONDS = 300;

const stepSchema = z
	.object({
		type: z.enum(['GSM', 'SIP', 'GROUP']),
		to: z.string().trim().min(1),
		awaitingTime: z.number().int().min(C2C_MIN_SECONDS).max(C2C_MAX_SECONDS),
	})
	.superRefine((s, ctx) => {
		if (s.type === 'GSM' && s.to) {
			const check = checkPhone(s.to);
			if (!check.ok)
				ctx.addIssue({
					code: 'custom',
					path: ['to'],
					message: `${check.reason}: a number must be international, 7 to 15 digits`,
				});
		}
		if (s.type !== 'GSM' && s.to && !/^\d+$/.test(s.to))
			ctx.addIssue({
				code: 'custom',
				path: ['to'],
				message:
					s.type === 'SIP'
						? 'must be an internal line number (digits only)'
						: 'must be a department ID (a whole number)',
			});
	});

const schema = z.object({ steps: z.array(stepSchema).min(1) });

const LABELS = {
	steps: 'Steps',
	'steps.*.type': 'Call',
	'steps.*.to': 'Target',
	'steps.*.awaitingTime': 'Ring Time (Seconds)',
};

export const clickToCall: ItemOperation = {
	kind: 'item',
	value: 'clickToCall',
	name: 'Click-to-Call',
	description:
		'Call through numbers, internal lines or departments in turn and connect the one who answers with a client',
	action: 'Place a click-to-call call',
	properties: [
		{
			displayName: 'Client Phone',
			name: 'clientNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: '380501112233',
			description:
				'The client to connect, in international format. Spaces, brackets and dashes are removed.',
		},
		{
			displayName: 'Steps',
			name: 'steps',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			required: true,
			placeholder: 'Add Step',
			description: 'Who is called, in this order, until someone answers',
			options: [
				{
					displayName: 'Step',
					name: 'step',
					values: [
						{
							displayName: 'Call',
							name: 'type',
							type: 'options',
							options: [
								{ name: 'Department', value: 'GROUP' },
								{ name: 'Internal Line (SIP)', value: 'SIP' },
								{ name: 'Phone Number', value: 'GSM' },
							],
							default: 'SIP',
							description:
								"What this step rings: a department (its free operators), one internal SIP line (e.g. 2048), or an operator's phone number in international format",
						},
						{
							displayName: 'Department Name or ID',
							name: 'group',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getPhoneGroups' },
							default: '',
							displayOptions: { show: { type: ['GROUP'] } },
							description:
								'The ID is shown at the top right of each department in Unitalk. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Internal Line Name or ID',
							name: 'sip',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getInnerPhones' },
							default: '',
							displayOptions: { show: { type: ['SIP'] } },
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Phone',
							name: 'phone',
							type: 'string',
							default: '',
							placeholder: '380501112233',
							displayOptions: { show: { type: ['GSM'] } },
							description: 'An operator number in international format',
						},
						{
							displayName: 'Ring Time (Seconds)',
							name: 'awaitingTime',
							type: 'number',
							typeOptions: { minValue: C2C_MIN_SECONDS, maxValue: C2C_MAX_SECONDS },
							default: 30,
							description: 'How long this step rings, from 5 to 300 seconds',
						},
					],
				},
			],
		},
		allowAgentUseField,
	],

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		assertAgentMayPlaceCalls(this, 'Unitalk Click-to-Call', itemIndex);
		const clientNumber = checkedPhone(
			this,
			itemIndex,
			'Client Phone',
			this.getNodeParameter('clientNumber', itemIndex),
		);
		const raw = this.getNodeParameter('steps', itemIndex, {}) as IDataObject;
		const steps = ((raw.step as IDataObject[] | undefined) ?? []).map((s) => {
			const type = s.type as string;
			const target = type === 'GSM' ? s.phone : type === 'GROUP' ? s.group : s.sip;
			return {
				type,
				to: target === undefined || target === null ? '' : String(target),
				awaitingTime:
					s.awaitingTime === undefined || s.awaitingTime === '' ? 30 : Number(s.awaitingTime),
			};
		});
		const input = parseInput(this.getNode(), schema, { steps }, itemIndex, LABELS);
		const body = {
			clientNumber,
			steps: input.steps.map((s) => ({
				type: s.type,
				to: s.type === 'GSM' ? (checkPhone(s.to) as { digits: string }).digits : s.to,
				awaitingTime: s.awaitingTime,
			})),
		};
		const answer = await unitalkRequest.call(this, '/calls/originateC2c', body, {
			action: 'Click-to-Call',
			idempotent: false,
			itemIndex,
		});
		return withAnswer(answer, body);
	},
};
