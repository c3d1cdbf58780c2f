import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { runBulk } from '../../../shared/batching';
import { asNodeError } from '../../../shared/operations';
import { inputError, parseInput } from '../../../shared/validation';
import { refuseSecretDestination } from '../../../shared/secretDestination';
import { UNITALK_LINK_CREDENTIAL, unitalkLinkRequest } from '../../transport';
import { readPhones } from '../../../shared/lists';
import { PHONES_PER_ITEM } from '../common';

/**
 * "Incoming webhooks": links generated on the API page of a Unitalk account,
 *   https://api.unitalk.cloud:8443/tracking/webhook/event?token=...&action=AUTODIAL_ADD&id=20461&name=&note=&link=&phones=
 * The token in the link authenticates the request (no API key needed by Unitalk): it is kept in its
 * own credential and is the only secret sent. The node fills in action, id, phones (comma separated)
 * and, to add, name / note / link, and POSTs the link.
 */
export const DEFAULT_WEBHOOK_URL = 'https://api.unitalk.cloud:8443/tracking/webhook/event';
export const MAX_NAME = 100;
export const MAX_NOTE = 500;
export const MAX_LINK = 500;
/** Not a documented limit: keeps each link a safe length (100 numbers are about 1,600 characters). */
export const PHONES_PER_LINK = 100;

export type LinkAction = 'AUTODIAL_ADD' | 'AUTODIAL_REMOVE';

export const linkFields: INodeProperties[] = [
	{
		displayName: 'Autodialer ID',
		name: 'autodialerId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '20461',
		description:
			'The ID of the autodialer, the number a link generated for it carries, e.g. 20461. The token and the webhook address come from the "Unitalk Incoming Webhook Link API" credential.',
	},
];

export const phoneField = (verb: string): INodeProperties => ({
	displayName: 'Phone',
	name: 'phone',
	type: 'string',
	default: '={{ $json.phone }}',
	required: true,
	description: `The number to ${verb}, in international format. ${PHONES_PER_ITEM}.`,
});

const autodialerId = z.string().trim().regex(/^\d+$/, 'must be an autodialer ID (a whole number)');

const numberDataSchema = z.object({
	name: z.string().max(MAX_NAME).optional(),
	note: z.string().max(MAX_NOTE).optional(),
	link: z.string().max(MAX_LINK).optional(),
});

interface LinkTarget {
	/** scheme://host[:port]/path, without the query; the token is added by the credential. */
	address: string;
	id: string;
}

/** Where Unitalk serves incoming webhooks (doc); the token goes nowhere else but to this machine. */
const WEBHOOK_ORIGINS = [new URL(DEFAULT_WEBHOOK_URL).origin];

export const webhookUrlOf = (credentials: IDataObject): string =>
	String(credentials.webhookUrl || DEFAULT_WEBHOOK_URL).trim();

/** Why the token must not go to this webhook URL (scheme, host and port checked), or undefined. */
export function refuseWebhookUrl(raw: string): string | undefined {
	const refusal = refuseSecretDestination(raw, WEBHOOK_ORIGINS);
	if (refusal) return refusal;
	if (new URL(raw).search)
		return 'must be the address without "?" and what follows; put the token in the Token field';
	return undefined;
}

async function readTarget(ctx: IExecuteFunctions, itemIndex: number): Promise<LinkTarget> {
	const node = ctx.getNode();
	const { id } = parseInput(
		node,
		z.object({ id: autodialerId }),
		{ id: String(ctx.getNodeParameter('autodialerId', itemIndex, '')) },
		itemIndex,
		{ id: 'Autodialer ID' },
	);
	const credentials = await ctx.getCredentials(UNITALK_LINK_CREDENTIAL, itemIndex);
	const raw = webhookUrlOf(credentials);
	const refusal = refuseWebhookUrl(raw);
	if (refusal)
		throw inputError(
			node,
			itemIndex,
			'Webhook URL (Unitalk Incoming Webhook Link API credential)',
			refusal,
		);
	const url = new URL(raw);
	return { address: `${url.origin}${url.pathname}`, id };
}

function readNumberData(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('numberData', itemIndex, {}) as IDataObject;
	const text = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
	const data = parseInput(
		ctx.getNode(),
		numberDataSchema,
		{ name: text(raw.name), note: text(raw.note), link: text(raw.link) },
		itemIndex,
		{ name: 'Name', note: 'Note', link: 'Web Dialer Data' },
	);
	return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

/** The link as the doc shows it filled in, less the token (the credential adds it): action, id, the fields, phones comma separated. */
export function buildLink(
	target: LinkTarget,
	action: LinkAction,
	fields: IDataObject,
	phones: string[],
): string {
	const params: Array<[string, string]> = [
		['action', action],
		['id', target.id],
		...Object.entries(fields).map(([k, v]) => [k, String(v)] as [string, string]),
	];
	const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
	// Phones are digits only; the commas stay literal, as in the doc's example.
	return `${target.address}?${query}&phones=${phones.join(',')}`;
}

interface CheckedItem {
	target: LinkTarget;
	phones: string[];
	fields: IDataObject;
}

async function checkItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	action: LinkAction,
): Promise<CheckedItem> {
	const target = await readTarget(ctx, itemIndex);
	const phones = readPhones(ctx, itemIndex, 'phone', 'Phone');
	const fields = action === 'AUTODIAL_ADD' ? readNumberData(ctx, itemIndex) : {};
	return { target, phones, fields };
}

/** What one number of an item got: the answer of its request (the same object for the request). */
interface LinkOutcome extends IDataObject {
	phone: string;
	answer: IDataObject;
}

/** POSTs one link for some numbers of a checked item. */
async function sendLink(
	ctx: IExecuteFunctions,
	itemIndex: number,
	action: LinkAction,
	{ target, fields }: CheckedItem,
	phones: string[],
): Promise<IDataObject> {
	const answer = await unitalkLinkRequest.call(ctx, buildLink(target, action, fields, phones), {
		action: action === 'AUTODIAL_ADD' ? 'Add Numbers Through Link' : 'Remove Numbers Through Link',
		// The doc does not say whether a number added again is dialled again: never resend an add.
		idempotent: action === 'AUTODIAL_REMOVE',
		itemIndex,
	});
	return answer && typeof answer === 'object' && !Array.isArray(answer)
		? { ...(answer as IDataObject) }
		: {};
}

/**
 * Every item is checked before the first link is sent (nothing goes out while any item is wrong,
 * unless Continue On Fail turns bad items into error items); then each item's numbers are POSTed in
 * links of 100, in item order, one output item per input item. An item whose numbers took several
 * links and failed part way reports which numbers went through and which did not (runBulk).
 */
export async function runLinkOperation(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	action: LinkAction,
): Promise<INodeExecutionData[]> {
	const checked: Array<CheckedItem | Error> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			checked.push(await checkItem(ctx, i, action));
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, i);
			checked.push(error as Error);
		}
	}
	const itemOf = (i: number) => checked[i] as CheckedItem;
	return await runBulk<string>(ctx, items.length, {
		read: (i) => {
			const item = checked[i];
			if (item instanceof Error) throw item;
			// One group per item: a link carries one item's autodialer and fields.
			return { group: String(i), entries: item.phones };
		},
		perRequest: PHONES_PER_LINK,
		noun: 'numbers',
		send: async (group, batch) => {
			const i = Number(group);
			const answer = await sendLink(
				ctx,
				i,
				action,
				itemOf(i),
				batch.map((e) => e.value),
			);
			return batch.map((e): LinkOutcome => ({ phone: e.value, answer }));
		},
		summarise: (outcomes, i) => {
			const { target, fields } = itemOf(i);
			const answers = [...new Set(outcomes.map((o) => (o.json as LinkOutcome).answer))];
			return {
				...answers[answers.length - 1],
				action,
				autodialerId: Number(target.id),
				...fields,
				phones: outcomes.map((o) => (o.json as LinkOutcome).phone),
				...(answers.length > 1 ? { requests: answers.length } : {}),
			};
		},
	});
}
