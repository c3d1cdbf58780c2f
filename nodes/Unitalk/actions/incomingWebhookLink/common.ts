import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { z } from 'zod';

import { chunk } from '../../../shared/batching';
import { asNodeError, errorItem } from '../../../shared/operations';
import { inputError, parseInput } from '../../../shared/validation';
import { unitalkLinkRequest } from '../../transport';
import { readPhones } from '../../../shared/lists';

/**
 * "Incoming webhooks": links generated on the API page of a Unitalk account,
 *   https://api.unitalk.cloud:8443/tracking/webhook/event?token=...&action=AUTODIAL_ADD&id=20461&name=&note=&link=&phones=
 * The token in the link authenticates the request (no API key needed by Unitalk); the node fills in
 * phones (comma separated) and, to add, name / note / link, and POSTs the link.
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
		displayName: 'Link Source',
		name: 'linkSource',
		type: 'options',
		options: [
			{
				name: 'Generated Link',
				value: 'link',
				description: 'Paste the link Unitalk generated; its token, action and autodialer are used',
			},
			{
				name: 'Token and Autodialer ID',
				value: 'token',
				description: 'Give the incoming webhook token and the autodialer separately',
			},
		],
		default: 'link',
	},
	{
		displayName: 'Generated Link',
		name: 'link',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { linkSource: ['link'] } },
		placeholder: 'https://api.unitalk.cloud:8443/tracking/webhook/event?token=...',
		description:
			'The link from the "API" page of your Unitalk account (Generate link). It contains the token, so it is hidden like a password.',
	},
	{
		displayName: 'Token',
		name: 'token',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { linkSource: ['token'] } },
		description: 'The token for incoming webhooks from the "API" page of your Unitalk account',
	},
	{
		displayName: 'Autodialer ID',
		name: 'autodialerId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { linkSource: ['token'] } },
		placeholder: '20461',
		description: 'The ID of the autodialer, as in a link generated for it',
	},
	{
		displayName: 'Webhook URL',
		name: 'webhookUrl',
		type: 'string',
		default: DEFAULT_WEBHOOK_URL,
		displayOptions: { show: { linkSource: ['token'] } },
		description:
			"Address of Unitalk incoming webhooks. It must be on the host of the credential's base URL, because the request goes out with that credential.",
	},
];

export const phoneField = (verb: string): INodeProperties => ({
	displayName: 'Phone',
	name: 'phone',
	type: 'string',
	default: '={{ $json.phone }}',
	required: true,
	description: `The number to ${verb}, in international format. Spaces, brackets and dashes are removed. Several numbers per item can be given as a list or separated by commas.`,
});

const token = z.string().trim().min(1).regex(/^\S+$/, 'must not contain spaces');
const autodialerId = z.string().trim().regex(/^\d+$/, 'must be an autodialer ID (a whole number)');

const numberDataSchema = z.object({
	name: z.string().max(MAX_NAME).optional(),
	note: z.string().max(MAX_NOTE).optional(),
	link: z.string().max(MAX_LINK).optional(),
});

interface LinkTarget {
	/** scheme://host[:port]/path, without the query. */
	address: string;
	token: string;
	id: string;
}

function parseUrl(text: string): URL | undefined {
	try {
		const url = new URL(text);
		return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
	} catch {
		return undefined;
	}
}

async function readTarget(
	ctx: IExecuteFunctions,
	itemIndex: number,
	action: LinkAction,
): Promise<LinkTarget> {
	const node = ctx.getNode();
	const source = ctx.getNodeParameter('linkSource', itemIndex, 'link') as string;
	let target: LinkTarget;
	let field: string;
	if (source === 'token') {
		field = 'Webhook URL';
		const raw = String(ctx.getNodeParameter('webhookUrl', itemIndex, DEFAULT_WEBHOOK_URL)).trim();
		const url = parseUrl(raw);
		if (!url) throw inputError(node, itemIndex, field, `must be an http(s) address, got "${raw}"`);
		const checked = parseInput(
			node,
			z.object({ token, id: autodialerId }),
			{
				token: String(ctx.getNodeParameter('token', itemIndex, '')),
				id: String(ctx.getNodeParameter('autodialerId', itemIndex, '')),
			},
			itemIndex,
			{ token: 'Token', id: 'Autodialer ID' },
		);
		target = { address: `${url.origin}${url.pathname}`, ...checked };
	} else {
		field = 'Generated Link';
		const raw = String(ctx.getNodeParameter('link', itemIndex, '')).trim();
		const url = parseUrl(raw);
		// The link is never repeated in messages: it carries the token.
		if (!url)
			throw inputError(node, itemIndex, field, 'must be the link Unitalk generated (https://...)');
		const linkAction = url.searchParams.get('action');
		if (linkAction && linkAction !== action)
			throw inputError(
				node,
				itemIndex,
				field,
				`is a link for ${linkAction}; this operation needs a link generated for ${action}`,
			);
		const checked = parseInput(
			node,
			z.object({ token, id: autodialerId }),
			{ token: url.searchParams.get('token') ?? '', id: url.searchParams.get('id') ?? '' },
			itemIndex,
			{ token: 'Generated Link > token', id: 'Generated Link > id' },
		);
		target = { address: `${url.origin}${url.pathname}`, ...checked };
	}
	// The request carries the credential (shared transport), so it only goes to the credential's host.
	const credentials = await ctx.getCredentials('unitalkApi', itemIndex);
	const apiHost = parseUrl(
		String(credentials.baseUrl || 'https://api.unitalk.cloud/api'),
	)?.hostname;
	const linkHost = new URL(target.address).hostname;
	if (apiHost !== linkHost)
		throw inputError(
			node,
			itemIndex,
			field,
			`points to ${linkHost}, not to the Unitalk host of the credential (${apiHost ?? 'none'}); links are only sent to that host`,
		);
	return target;
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

/** The link as the doc shows it filled in: token, action, id, then the fields, phones comma separated. */
export function buildLink(
	target: LinkTarget,
	action: LinkAction,
	fields: IDataObject,
	phones: string[],
): string {
	const params: Array<[string, string]> = [
		['token', target.token],
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
	const target = await readTarget(ctx, itemIndex, action);
	const phones = readPhones(ctx, itemIndex, 'phone', 'Phone');
	const fields = action === 'AUTODIAL_ADD' ? readNumberData(ctx, itemIndex) : {};
	return { target, phones, fields };
}

/** POSTs the link of one checked item (100 numbers per request) and describes the outcome. */
async function sendItem(
	ctx: IExecuteFunctions,
	itemIndex: number,
	action: LinkAction,
	{ target, phones, fields }: CheckedItem,
): Promise<IDataObject> {
	const answers: unknown[] = [];
	for (const batch of chunk(phones, PHONES_PER_LINK)) {
		answers.push(
			await unitalkLinkRequest.call(ctx, buildLink(target, action, fields, batch), {
				action:
					action === 'AUTODIAL_ADD' ? 'Add Numbers Through Link' : 'Remove Numbers Through Link',
				// The doc does not say whether a number added again is dialled again: never resend an add.
				idempotent: action === 'AUTODIAL_REMOVE',
				itemIndex,
			}),
		);
	}
	const last = answers[answers.length - 1];
	return {
		...(last && typeof last === 'object' && !Array.isArray(last) ? (last as IDataObject) : {}),
		action,
		autodialerId: Number(target.id),
		...fields,
		phones,
		...(answers.length > 1 ? { requests: answers.length } : {}),
	};
}

/**
 * Every item is checked before the first link is sent (nothing goes out while any item is wrong,
 * unless Continue On Fail turns bad items into error items); then each item's link is POSTed, in
 * item order, one output item per input item.
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
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const item = checked[i];
		if (item instanceof Error) {
			output.push(errorItem(item, i));
			continue;
		}
		try {
			output.push({ json: await sendItem(ctx, i, action, item), pairedItem: { item: i } });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, i);
			output.push(errorItem(error, i));
		}
	}
	return output;
}
