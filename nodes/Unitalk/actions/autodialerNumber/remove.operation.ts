import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { z } from 'zod';

import { runBulk } from '../../../shared/batching';
import type { BatchEntry } from '../../../shared/batching';
import type { BatchOperation } from '../../../shared/operations';
import { asNodeError, errorItem } from '../../../shared/operations';
import { parseInput } from '../../../shared/validation';
import { autodialAction } from '../../transport';
import { accountLimit } from './accountLimits';
import { itemParameterReader } from '../../../shared/parameters';
import { autodialerField, autodialerId, checkAutodialerId, PHONES_PER_ITEM } from '../common';
import { phonesOf, splitList } from '../../../shared/lists';
import { perRequestOption, perRequestSize } from '../../../shared/perRequest';

/** From the documentation of REMOVE_NUMBERS: "a maximum of 10,000 numbers". */
export const MAX_REMOVE_NUMBERS_PER_REQUEST = 10_000;

type PhoneStatus = 'removed' | 'notFound' | 'invalid';

interface NumberEntry {
	autodialerId: number;
	phone: string;
}

const REASONS: Record<Exclude<PhoneStatus, 'removed'>, string> = {
	notFound: 'Numbers not found: none of the numbers of this request was in the autodialer',
	invalid: 'Unitalk did not accept this number as valid',
};

const statesSchema = z
	.array(z.string().regex(/^[A-Z_]+$/, 'must be call states such as NOANSWER'))
	.min(1);

/**
 * REMOVE_NUMBERS ("Deleting numbers"), two ways:
 * - by numbers: the numbers of all input items, per autodialer, go into requests of at most 10,000;
 *   every item is checked before anything is sent. Unitalk names the numbers it found invalid in
 *   `data`; those are marked "invalid" on the items that carried them. Numbers that are not in the
 *   autodialer are not an error (removing is idempotent): when a request finds none of its numbers,
 *   they are marked "notFound"; otherwise Unitalk does not say which ones it found, and all count as
 *   "removed".
 * - by call states: one request per item; "no number in these states" is a result, not an error.
 */
export const remove: BatchOperation = {
	kind: 'batch',
	value: 'remove',
	name: 'Remove',
	description: 'Remove numbers from an autodialer, given as numbers or by their call state',
	action: 'Remove numbers from an autodialer',
	properties: [
		autodialerField,
		{
			displayName: 'Remove By',
			name: 'removeBy',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Numbers',
					value: 'numbers',
					description: 'Remove the numbers given in the input items',
				},
				{
					name: 'Call States',
					value: 'callStates',
					description: 'Remove every number whose last call ended in one of the chosen states',
				},
			],
			default: 'numbers',
			description:
				'How the numbers to remove are chosen: listed in the input items (e.g. +380971234567), or every number whose last call ended in a chosen state (e.g. No Answer).',
		},
		{
			displayName: 'Phone',
			name: 'phone',
			type: 'string',
			default: '={{ $json.phone }}',
			required: true,
			displayOptions: { show: { removeBy: ['numbers'] } },
			description: `The number in international format. ${PHONES_PER_ITEM}.`,
		},
		{
			displayName: 'Call State Names or IDs',
			name: 'callStates',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getCallStates' },
			default: [],
			required: true,
			displayOptions: { show: { removeBy: ['callStates'] } },
			description:
				'Numbers in these states are removed. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: { show: { removeBy: ['numbers'] } },
			options: [
				perRequestOption({
					max: MAX_REMOVE_NUMBERS_PER_REQUEST,
					noun: 'numbers',
					provider: 'Unitalk',
				}),
			],
		},
	],

	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		const removeBy = this.getNodeParameter('removeBy', 0, 'numbers') as string;
		return removeBy === 'callStates'
			? await removeByStates(this, items)
			: await removeByNumbers(this, items);
	},
};

async function removeByNumbers(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = ctx.getNode();
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	// Numbers Per Request; runBulk lowers it to the account's own figure (perRequestCap).
	const batchSize = perRequestSize(node, options, {
		max: MAX_REMOVE_NUMBERS_PER_REQUEST,
		noun: 'numbers',
	});

	// Parameters read in bulk: see parameters.ts.
	const readAutodialer = itemParameterReader(ctx, 'autodialer', items, '', { extractValue: true });
	const readPhone = itemParameterReader(ctx, 'phone', items, '');
	return await runBulk<NumberEntry>(ctx, items.length, {
		read: (i) => {
			const autodialerId = checkAutodialerId(node, i, readAutodialer(i));
			const phones = phonesOf(node, i, 'Phone', readPhone(i));
			return {
				group: String(autodialerId),
				entries: phones.map((phone) => ({ autodialerId, phone })),
			};
		},
		perRequest: batchSize,
		perRequestCap: async () => await accountLimit(ctx, 'maxRemoveNumbersCount'),
		send: async (group, batch) => await sendNumbers(ctx, Number(group), batch),
		noun: 'numbers',
		accepted: (outcome) => outcome.status !== 'invalid',
		progressNote: (requests) =>
			`${requests} earlier request(s) of this run had already removed their numbers.`,
		summarise: (outcomes) => {
			const phones = outcomes.map((o) => o.json);
			const autodialerId = outcomes[0].entry.value.autodialerId;
			if (phones.length === 1) return { autodialerId, ...phones[0] };
			const count = (s: PhoneStatus) => phones.filter((p) => p.status === s).length;
			return {
				autodialerId,
				removed: count('removed'),
				notFound: count('notFound'),
				invalid: count('invalid'),
				phones,
			};
		},
	});
}

/** Sends one batch and says what happened to each of its numbers. */
async function sendNumbers(
	ctx: IExecuteFunctions,
	id: number,
	batch: Array<BatchEntry<NumberEntry>>,
): Promise<IDataObject[]> {
	const numbers = [...new Set(batch.map((e) => e.value.phone))];
	let statusOf: (phone: string) => PhoneStatus;
	try {
		const answer = (await autodialAction.call(
			ctx,
			'REMOVE_NUMBERS',
			{ id, numbers },
			{ action: 'Remove Numbers', idempotent: true, itemIndex: batch[0].itemIndex },
		)) as IDataObject;
		// "The response will contain an array of invalid numbers in the data field."
		const invalid = new Set(
			(Array.isArray(answer?.data) ? answer.data : []).map((n) => String(n).replace(/\D/g, '')),
		);
		statusOf = (phone) => (invalid.has(phone) ? 'invalid' : 'removed');
	} catch (error) {
		const message = providerMessage(error);
		if (message === 'Numbers not found') statusOf = () => 'notFound';
		// "numbers array does not contain any numbers": Unitalk found none of them valid.
		else if (message === 'Phones not found') statusOf = () => 'invalid';
		// runBulk reads what became of the request from the error: keep it as the transport made it.
		else throw asNodeError(ctx, error, batch[0].itemIndex);
	}
	return batch.map(({ value: { phone } }) => {
		const status = statusOf(phone);
		return { phone, status, ...(status === 'removed' ? {} : { reason: REASONS[status] }) };
	});
}

async function removeByStates(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const id = autodialerId(ctx, i);
			const callStates = parseInput(
				ctx.getNode(),
				z.object({ callStates: statesSchema }),
				{ callStates: splitList(ctx.getNodeParameter('callStates', i, [])) },
				i,
				{ callStates: 'Call State Names or IDs' },
			).callStates;
			let json: IDataObject;
			try {
				const answer = (await autodialAction.call(
					ctx,
					'REMOVE_NUMBERS',
					{ id, callStates },
					{ action: 'Remove Numbers', idempotent: true, itemIndex: i },
				)) as IDataObject;
				json = { autodialerId: id, callStates, removed: true, ...answer };
			} catch (error) {
				if (providerMessage(error) !== 'Numbers not found by states')
					throw new NodeApiError(ctx.getNode(), error as JsonObject);
				json = {
					autodialerId: id,
					callStates,
					removed: false,
					message: 'Numbers not found by states: no number of the autodialer is in these states',
				};
			}
			output.push({ json, pairedItem: { item: i } });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, i);
			output.push(errorItem(error, i));
		}
	}
	return output;
}

/** The message of a Unitalk error answer ("Numbers not found"), if the error is one. */
function providerMessage(error: unknown): string | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	const body = (error.errorResponse ?? {}) as IDataObject;
	return typeof body.message === 'string' ? body.message.trim() : undefined;
}
