import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { BatchEntry } from '../../../shared/batching';
import { derivedKey } from '../../../shared/idempotency';
import { itemParameterReader } from '../../../shared/parameters';
import { checkPhone, describePhoneProblem } from '../../../shared/phone';
import { inputError } from '../../../shared/validation';
import { callbackUrlHint, httpUrl, looksLikeDuplicate } from '../common';

/**
 * Orders (one phone number each) as createAndCall, addBatchCall and importBatchCall take them in
 * `callInfoList`: the fields, reading them from the input items, and sending them in requests the
 * provider accepts, with each answer put back on the entry that carried it.
 */

/** How many orders go into one request unless the user says otherwise. The docs give no cap (retCode 4001 says there is one). */
export const DEFAULT_ORDERS_PER_REQUEST = 500;
const CAPACITY_CODE = 4001;

export interface OrderEntry {
	orderID: string;
	userPhone: string;
	userName: string;
	customerName: string;
	other: string;
	params: Array<{ name: string; value: string }>;
}

export function orderFields(): INodeProperties[] {
	return [
		{
			displayName: 'Phone Number',
			name: 'phone',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 8613800138000 or ={{ $json.phone }}',
			description:
				'The number to call, with country code (spaces, dashes, brackets and a leading + are removed). One order per input item.',
		},
		{
			displayName: 'Order ID',
			name: 'orderId',
			type: 'string',
			default: '',
			placeholder: 'e.g. ={{ $json.leadNumber }}',
			description:
				'Your own unique ID for this order (orderID), e.g. a CRM lead ID. Empty: one is derived from this execution, the node and the item, so a retry can never add the order twice.',
		},
		{
			displayName: 'Order Details',
			name: 'orderDetails',
			type: 'collection',
			placeholder: 'Add Detail',
			default: {},
			options: [
				{
					displayName: 'Customer Name',
					name: 'customerName',
					type: 'string',
					default: '',
					placeholder: 'e.g. ACME Ltd',
					description: 'Customer name stored with the order (customerName)',
				},
				{
					displayName: 'Custom Data',
					name: 'other',
					type: 'string',
					default: '',
					placeholder: 'e.g. ={{ $json.leadNumber }}',
					description:
						'Text passed through untouched (other): it comes back in callbacks and lists, e.g. your lead ID',
				},
				{
					displayName: 'User Name',
					name: 'userName',
					type: 'string',
					default: '',
					placeholder: 'e.g. Jane Doe',
					description: 'Name of the person called (userName)',
				},
			],
		},
		{
			displayName: 'Script Variables',
			name: 'variables',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Variable',
			default: {},
			description:
				'Values for the variables of the script template (params). If the template has variables, all of them must be given (console → Script Management → Variable Settings).',
			options: [
				{
					displayName: 'Variable',
					name: 'variable',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							placeholder: 'e.g. amount',
							description: 'Variable name as the template defines it',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							placeholder: 'e.g. ={{ $json.amount }}',
							description: 'Its value for this order',
						},
					],
				},
			],
		},
	];
}

/** The callback URLs of `callInfoList` and the per-request size. */
export function orderRunFields(): INodeProperties[] {
	return [
		{
			displayName: 'Order Callback URL',
			name: 'orderCallbackUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/…',
			description: `Where NXTele posts an order's result once all its call rounds are done (orderCallbackUrl). ${callbackUrlHint} Empty: nothing is posted.`,
		},
		{
			displayName: 'Call Callback URL',
			name: 'callCallbackUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://n8n.example.com/webhook/…',
			description: `Where NXTele posts each call's result (callCallbackUrl). ${callbackUrlHint} Empty: nothing is posted.`,
		},
		{
			displayName: 'Orders Per Request',
			name: 'ordersPerRequest',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_ORDERS_PER_REQUEST,
			description: `How many orders go into one request, e.g. ${DEFAULT_ORDERS_PER_REQUEST}. NXTele caps the list without saying where (retCode 4001); when a request is refused for its size, it is split and sent again in smaller parts.`,
		},
	];
}

/** Reads the order of each input item; throws an error naming the item and the field. */
export function orderReader(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
): (itemIndex: number) => OrderEntry {
	const node = ctx.getNode();
	const phone = itemParameterReader<unknown>(ctx, 'phone', items, '');
	const orderId = itemParameterReader<unknown>(ctx, 'orderId', items, '');
	const details = itemParameterReader<IDataObject>(ctx, 'orderDetails', items, {});
	const variables = itemParameterReader<{ variable?: IDataObject[] }>(ctx, 'variables', items, {});
	const seen = new Map<string, { itemIndex: number; phone: string }>();
	return (i) => {
		const check = checkPhone(phone(i));
		if (!check.ok)
			throw inputError(
				node,
				i,
				'Phone Number',
				`${describePhoneProblem(check)}: give the number with country code, 7 to 15 digits`,
			);
		const own = String(orderId(i) ?? '').trim();
		if (own.length > 64)
			throw inputError(node, i, 'Order ID', `is ${own.length} characters long; use at most 64`);
		const d = details(i) ?? {};
		const params = (variables(i)?.variable ?? []).map((v, k) => {
			const name = String(v.name ?? '').trim();
			if (!name)
				throw inputError(node, i, `Script Variables > Variable ${k + 1} > Name`, 'is required');
			return { name, value: String(v.value ?? '') };
		});
		const orderID = own || derivedKey(ctx, 'order', i, check.digits);
		// The same ID twice is one order; for two different numbers, the second would never be called.
		const first = seen.get(orderID);
		if (first && first.phone !== check.digits)
			throw inputError(
				node,
				i,
				'Order ID',
				`"${orderID}" is also the Order ID of item ${first.itemIndex + 1}, which has another number; each order needs its own ID`,
			);
		if (!first) seen.set(orderID, { itemIndex: i, phone: check.digits });
		return {
			orderID,
			userPhone: check.digits,
			userName: String(d.userName ?? ''),
			customerName: String(d.customerName ?? ''),
			other: String(d.other ?? ''),
			params,
		};
	};
}

/** A callback URL field of item `itemIndex`: empty, or an http(s) address. */
export function callbackUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	name: 'orderCallbackUrl' | 'callCallbackUrl' | 'taskCallbackUrl',
	label: string,
): string {
	return checkCallbackUrl(ctx, itemIndex, label, ctx.getNodeParameter(name, itemIndex, ''));
}

export function checkCallbackUrl(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	raw: unknown,
): string {
	const value = String(raw ?? '').trim();
	if (value && !httpUrl.safeParse(value).success)
		throw inputError(
			ctx.getNode(),
			itemIndex,
			label,
			`is "${value}": it must be a web address starting with http:// or https://`,
		);
	return value;
}

/** Orders Per Request of the run. */
export function ordersPerRequest(ctx: IExecuteFunctions): number {
	const size = Number(ctx.getNodeParameter('ordersPerRequest', 0, DEFAULT_ORDERS_PER_REQUEST));
	if (!Number.isInteger(size) || size < 1)
		throw inputError(
			ctx.getNode(),
			0,
			'Orders Per Request',
			`must be a whole number of at least 1, got ${String(size)}`,
		);
	return size;
}

/** The size requests are sent at; shrinks for the rest of the run when the provider refuses a size. */
export interface RequestSize {
	value: number;
}

/**
 * Sends `batch` through `request` (one call per part), in parts of `size.value`; a part refused with
 * retCode 4001 is halved and sent again. Returns, for each entry in order, what became of it:
 * `added`, or `added: false` with the provider's reason from errList (matched by orderID, or by phone
 * as the createAndCall page documents errList). An "already exists" entry is one an earlier attempt
 * of this work added: it reports `added` with `alreadyExisted`.
 */
export async function sendOrders(
	batch: Array<BatchEntry<OrderEntry>>,
	size: RequestSize,
	request: (callList: OrderEntry[]) => Promise<IDataObject>,
	/** Fields of a part's answer that go on each of its entries (the batch ID, say). */
	fromAnswer: (answer: IDataObject) => IDataObject = () => ({}),
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	for (let start = 0; start < batch.length; ) {
		const part = batch.slice(start, start + size.value);
		const answer = await request(part.map((e) => e.value));
		if (Number(answer.retCode) === CAPACITY_CODE && part.length > 1) {
			size.value = Math.ceil(part.length / 2);
			continue;
		}
		if (Number(answer.retCode) === CAPACITY_CODE)
			throw new Error(`NXTele refused even a single order as too many (retCode ${CAPACITY_CODE})`);
		const shared = fromAnswer(answer);
		results.push(...entryOutcomes(part, answer).map((o) => ({ ...shared, ...o })));
		start += part.length;
	}
	return results;
}

/** What the answer's errList says about each entry of the request. */
export function entryOutcomes(
	part: Array<BatchEntry<OrderEntry>>,
	answer: IDataObject,
): IDataObject[] {
	const outcomes: IDataObject[] = part.map(() => ({ added: true }));
	const open = new Set(part.map((_, k) => k));
	for (const err of (answer.errList ?? []) as IDataObject[]) {
		const k = [...open].find((j) =>
			err.orderID !== undefined && err.orderID !== ''
				? part[j].value.orderID === err.orderID
				: part[j].value.userPhone === String(err.phone ?? err.userPhone ?? ''),
		);
		if (k === undefined) continue;
		open.delete(k);
		outcomes[k] = looksLikeDuplicate(err.errMsg)
			? { added: true, alreadyExisted: true }
			: { added: false, error: String(err.errMsg ?? 'refused') };
	}
	return outcomes;
}

/** One output item's JSON for an order entry and what became of it. */
export function orderOutput(entry: OrderEntry, outcome: IDataObject): IDataObject {
	return { orderID: entry.orderID, userPhone: entry.userPhone, ...outcome };
}
