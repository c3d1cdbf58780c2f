import type { IBinaryData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	allowAgentUse,
	assertAgentMayPlaceCalls,
	SENDS_MESSAGES,
} from '../../../shared/agentGuard';
import { checkPhone, describePhoneProblem } from '../../../shared/phone';
import type { ItemOperation } from '../../../shared/operations';
import { inputError, parseInput } from '../../../shared/validation';
import { unitalkRequest } from '../../transport';
import {
	ALPHA_NAME_DESCRIPTION,
	MESSAGE_TEXT_DESCRIPTION,
	checkViberText,
	messageTypeField,
	optionalText,
	textValue,
} from '../message/common';
import { splitList } from '../../../shared/lists';
import { unwrapData } from '../projectHelpers';
import { MAX_NAME_LENGTH, MAX_NUMBERS, START_TIME_DESCRIPTION, startTimeOf } from './common';

/**
 * "Creating a distribution": /messageDistribution/create. One distribution per input item: SMS, or
 * Viber PROMO (optional image and button), TRANSACTIONAL or CAROUSEL (2 to 5 cards, each with an image,
 * a title and buttons), optionally with an SMS sent when Viber fails.
 *
 * Images come from binary properties of the input item and travel as the doc asks: base64 in the JSON
 * body (`base64Image`) with `mimeType` and `fileName` (at most 20 characters, taken from the file name
 * without its extension unless given).
 *
 * Every documented limit is checked before anything is sent: name 1–45 characters, 1–10,000 numbers
 * (repeated numbers are sent once), Viber text ≤ 1000, time to live 60–86400 s, button text ≤ 30,
 * card title 2–38, button labels ≤ 10 / ≤ 12, file names ≤ 20. Unique names are checked by Unitalk
 * ("The name already exists").
 */

const VIBER_TYPES = ['PROMO', 'TRANSACTIONAL', 'CAROUSEL'] as const;

const httpUrl = z
	.string()
	.min(1)
	.refine(
		(v) => /^https?:\/\/[^\s/]+\S*$/i.test(v),
		'must be a web address starting with http:// or https://',
	);

const cardSchema = z
	.object({
		title: z.string().min(2).max(38),
		image: z.string().min(1),
		imageFileName: z.string().max(20).optional(),
		buttonLabel: z.string().min(1).max(10),
		buttonUrl: httpUrl,
		secondaryButtonLabel: z.string().max(12).optional(),
		secondaryButtonUrl: httpUrl.optional(),
	})
	.superRefine((c, ctx) => {
		if (c.secondaryButtonLabel && !c.secondaryButtonUrl)
			ctx.addIssue({
				code: 'custom',
				path: ['secondaryButtonUrl'],
				message: 'is required when a secondary button label is given',
			});
		if (c.secondaryButtonUrl && !c.secondaryButtonLabel)
			ctx.addIssue({
				code: 'custom',
				path: ['secondaryButtonLabel'],
				message: 'is required when a secondary button URL is given',
			});
	});

const schema = z
	.object({
		name: z.string().min(1).max(MAX_NAME_LENGTH),
		messageType: z.enum(['SMS', 'VIBER']),
		numbers: z.array(z.string()).min(1).max(MAX_NUMBERS),
		text: z.string().min(1),
		alphaName: z.string().optional(),
		viberMessageType: z.enum(VIBER_TYPES).optional(),
		viberTTL: z.number().int().min(60).max(86_400).optional(),
		image: z.string().optional(),
		imageFileName: z.string().max(20).optional(),
		buttonText: z.string().max(30).optional(),
		buttonUrl: httpUrl.optional(),
		carouselItems: z.array(cardSchema).min(2).max(5).optional(),
		sendSmsAfterViber: z.boolean().optional(),
		smsText: z.string().optional(),
		smsAlphaName: z.string().optional(),
	})
	.superRefine((v, ctx) => {
		checkViberText(ctx, v.messageType, v.text, ['text']);
		if (v.messageType !== 'VIBER') return;
		const need = (cond: boolean, path: string, message: string) => {
			if (cond) ctx.addIssue({ code: 'custom', path: [path], message });
		};
		need(v.viberMessageType === undefined, 'viberMessageType', 'is required for Viber');
		need(v.viberTTL === undefined, 'viberTTL', 'is required for Viber (60 to 86400 seconds)');
		need(
			v.viberMessageType === 'CAROUSEL' && v.carouselItems === undefined,
			'carouselItems',
			'is required for a carousel: add 2 to 5 cards',
		);
		need(
			!!v.buttonText && v.buttonUrl === undefined,
			'buttonUrl',
			'is required when a button text is given',
		);
		need(!!v.buttonUrl && !v.buttonText, 'buttonText', 'is required when a button URL is given');
		need(
			v.sendSmsAfterViber === true && !v.smsText,
			'smsText',
			'is required when an SMS is sent after Viber',
		);
	});

const LABELS = {
	name: 'Name',
	messageType: 'Message Type',
	numbers: 'Numbers',
	text: 'Text',
	alphaName: 'Alpha Name',
	viberMessageType: 'Viber Message Type',
	viberTTL: 'Viber Time to Live (Seconds)',
	image: 'Image (Binary Property)',
	imageFileName: 'Image File Name',
	buttonText: 'Button Text',
	buttonUrl: 'Button URL',
	carouselItems: 'Carousel Cards',
	'carouselItems.*.title': 'Title',
	'carouselItems.*.image': 'Image (Binary Property)',
	'carouselItems.*.imageFileName': 'Image File Name',
	'carouselItems.*.buttonLabel': 'Button Label',
	'carouselItems.*.buttonUrl': 'Button URL',
	'carouselItems.*.secondaryButtonLabel': 'Secondary Button Label',
	'carouselItems.*.secondaryButtonUrl': 'Secondary Button URL',
	sendSmsAfterViber: 'Send SMS If Viber Fails',
	smsText: 'SMS Text',
	smsAlphaName: 'SMS Alpha Name',
};

const viber = { messageType: ['VIBER'] };
const promo = { messageType: ['VIBER'], viberMessageType: ['PROMO'] };
const carousel = { messageType: ['VIBER'], viberMessageType: ['CAROUSEL'] };

const IMAGE_HINT =
	'Name of the binary property of the input item that holds the image (JPEG or PNG), for example "data"';

const properties: INodeProperties[] = [
	allowAgentUse(SENDS_MESSAGES),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Spring sale SMS',
		description:
			'Name of the distribution: unique in the project, at most 45 characters, e.g. Spring sale SMS',
	},
	messageTypeField(
		'messageType',
		'SMS or Viber, as enabled in the Unitalk message sending service',
	),
	{
		displayName: 'Viber Message Type',
		name: 'viberMessageType',
		type: 'options',
		displayOptions: { show: viber },
		options: [
			{
				name: 'Carousel',
				value: 'CAROUSEL',
				description: 'Text and 2 to 5 cards, each with an image, a title and buttons',
			},
			{
				name: 'Promo',
				value: 'PROMO',
				description: 'Text with an optional image and button',
			},
			{
				name: 'Transactional',
				value: 'TRANSACTIONAL',
				description: 'Text only, for codes, confirmations and notices',
			},
		],
		default: 'PROMO',
		description:
			'The kind of Viber message: Promo (text, an optional image and button), Transactional (text only, e.g. a delivery notice) or Carousel (2 to 5 cards)',
	},
	{
		displayName: 'Numbers',
		name: 'numbers',
		type: 'string',
		default: '',
		required: true,
		placeholder: '380971234567, 380671234567',
		description:
			'Recipients in international format: separated by commas or new lines, or a list from an expression. At most 10,000; repeated numbers are sent once.',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: 'Your order 1234 is ready for pickup',
		description: MESSAGE_TEXT_DESCRIPTION,
	},
	{
		displayName: 'Viber Time to Live (Seconds)',
		name: 'viberTTL',
		type: 'number',
		typeOptions: { minValue: 60, maxValue: 86_400 },
		displayOptions: { show: viber },
		default: 3600,
		description: 'How long the Viber message may wait for delivery: 60 to 86,400 seconds',
	},
	{
		displayName: 'Image (Binary Property)',
		name: 'image',
		type: 'string',
		displayOptions: { show: promo },
		default: '',
		placeholder: 'data',
		description: `${IMAGE_HINT}. Leave empty to send no image.`,
	},
	{
		displayName: 'Button Text',
		name: 'buttonText',
		type: 'string',
		displayOptions: { show: promo },
		default: '',
		placeholder: 'Shop now',
		description:
			'Text of the button under the message, at most 30 characters, e.g. Shop now (optional)',
	},
	{
		displayName: 'Button URL',
		name: 'buttonUrl',
		type: 'string',
		displayOptions: { show: promo },
		default: '',
		placeholder: 'https://example.com',
		description: 'Web address the button opens (required with a button text)',
	},
	{
		displayName: 'Carousel Cards',
		name: 'carouselCards',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		displayOptions: { show: carousel },
		default: {},
		placeholder: 'Add Card',
		description: 'Between 2 and 5 cards, shown in this order',
		options: [
			{
				displayName: 'Card',
				name: 'card',
				values: [
					{
						displayName: 'Button Label',
						name: 'buttonLabel',
						type: 'string',
						default: '',
						placeholder: 'Buy',
						description: 'Text of the main button, at most 10 characters, e.g. Buy',
					},
					{
						displayName: 'Button URL',
						name: 'buttonUrl',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/product',
						description: 'Web address the main button opens',
					},
					{
						displayName: 'Image (Binary Property)',
						name: 'image',
						type: 'string',
						default: 'data',
						description: `${IMAGE_HINT}. Every card needs an image.`,
					},
					{
						displayName: 'Image File Name',
						name: 'imageFileName',
						type: 'string',
						default: '',
						placeholder: 'sneakers',
						description:
							'Name sent with the image, at most 20 characters, e.g. sneakers. Empty: the file name of the binary data without its extension, cut to 20 characters.',
					},
					{
						displayName: 'Secondary Button Label',
						name: 'secondaryButtonLabel',
						type: 'string',
						default: '',
						placeholder: 'Details',
						description: 'Text of an optional second button, at most 12 characters, e.g. Details',
					},
					{
						displayName: 'Secondary Button URL',
						name: 'secondaryButtonUrl',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/product/details',
						description:
							'Web address the second button opens, e.g. https://example.com/product/details',
					},
					{
						displayName: 'Title',
						name: 'title',
						type: 'string',
						default: '',
						placeholder: 'Running sneakers, -20%',
						description: 'Title of the card, 2 to 38 characters, e.g. Running sneakers, -20%',
					},
				],
			},
		],
	},
	{
		displayName: 'Send SMS If Viber Fails',
		name: 'sendSmsAfterViber',
		type: 'boolean',
		displayOptions: { show: viber },
		default: false,
		description:
			'Whether to send an SMS as a fallback to the numbers the Viber message does not reach (Viber+SMS fallback distribution)',
	},
	{
		displayName: 'SMS Text',
		name: 'smsText',
		type: 'string',
		typeOptions: { rows: 3 },
		displayOptions: { show: { ...viber, sendSmsAfterViber: [true] } },
		default: '',
		placeholder: 'Spring sale: -20% on everything until Sunday',
		description:
			'The SMS sent to numbers the Viber message does not reach, e.g. Spring sale: -20% on everything until Sunday',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Alpha Name',
				name: 'alphaName',
				type: 'string',
				default: '',
				placeholder: 'MyShop',
				description: ALPHA_NAME_DESCRIPTION,
			},
			{
				displayName: 'Image File Name',
				name: 'imageFileName',
				type: 'string',
				displayOptions: { show: { '/messageType': ['VIBER'], '/viberMessageType': ['PROMO'] } },
				default: '',
				placeholder: 'spring-sale',
				description:
					'Name sent with the promo image, at most 20 characters, e.g. spring-sale. Empty: the file name of the binary data without its extension, cut to 20 characters.',
			},
			{
				displayName: 'SMS Alpha Name',
				name: 'smsAlphaName',
				type: 'string',
				displayOptions: { show: { '/messageType': ['VIBER'], '/sendSmsAfterViber': [true] } },
				default: '',
				placeholder: 'MyShop',
				description:
					'Sender name of the fallback SMS, e.g. MyShop; needed only when more than one is connected (Unitalk provider only)',
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: START_TIME_DESCRIPTION,
			},
		],
	},
];

export const create: ItemOperation = {
	kind: 'item',
	value: 'create',
	name: 'Create',
	description: 'Create an SMS or Viber distribution (promo, transactional, carousel, SMS fallback)',
	action: 'Create a message distribution',
	properties,

	async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
		assertAgentMayPlaceCalls(this, 'Unitalk Create Distribution', itemIndex, SENDS_MESSAGES);
		const node = this.getNode();
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const messageType = this.getNodeParameter('messageType', itemIndex) as string;
		const isViber = messageType === 'VIBER';
		const viberMessageType = isViber
			? (this.getNodeParameter('viberMessageType', itemIndex) as string)
			: undefined;
		const param = (name: string, fallback: unknown = '') =>
			this.getNodeParameter(name, itemIndex, fallback) as unknown;

		// 1. Numbers: cleaned, each checked, repeated ones sent once.
		const numbers: string[] = [];
		for (const raw of splitList(param('numbers'))) {
			const check = checkPhone(raw);
			if (!check.ok)
				throw inputError(
					node,
					itemIndex,
					'Numbers',
					`${describePhoneProblem(check)}: a number must be international, 7 to 15 digits`,
				);
			numbers.push(check.digits);
		}
		const unique = [...new Set(numbers)];

		// 2. Every field against the documented rules.
		const cards =
			viberMessageType === 'CAROUSEL'
				? (
						((param('carouselCards', {}) as IDataObject).card as IDataObject[] | undefined) ?? []
					).map((c) => ({
						title: textValue(c.title),
						image: textValue(c.image).trim(),
						imageFileName: optionalText(c.imageFileName),
						buttonLabel: textValue(c.buttonLabel),
						buttonUrl: textValue(c.buttonUrl).trim(),
						secondaryButtonLabel: optionalText(c.secondaryButtonLabel),
						secondaryButtonUrl: optionalText(c.secondaryButtonUrl)?.trim(),
					}))
				: undefined;
		const input = parseInput(
			node,
			schema,
			{
				name: textValue(param('name')),
				messageType,
				numbers: unique,
				text: textValue(param('text')),
				alphaName: optionalText(options.alphaName),
				...(isViber
					? {
							viberMessageType,
							viberTTL: wholeNumber(param('viberTTL', 3600)),
							sendSmsAfterViber: param('sendSmsAfterViber', false) === true,
						}
					: {}),
				...(viberMessageType === 'PROMO'
					? {
							image: optionalText(param('image'))?.trim(),
							imageFileName: optionalText(options.imageFileName),
							buttonText: optionalText(param('buttonText')),
							buttonUrl: optionalText(param('buttonUrl'))?.trim(),
						}
					: {}),
				...(cards ? { carouselItems: cards } : {}),
				...(isViber && param('sendSmsAfterViber', false) === true
					? {
							smsText: optionalText(param('smsText')),
							smsAlphaName: optionalText(options.smsAlphaName),
						}
					: {}),
			},
			itemIndex,
			LABELS,
		);
		const startTime = startTimeOf(this, itemIndex, options.startTime, 'options.startTime');

		// 3. Images from the item's binary data (checked before sending, too).
		const body: IDataObject = { name: input.name, messageType: input.messageType };
		if (input.viberMessageType) body.viberMessageType = input.viberMessageType;
		if (input.alphaName) body.alphaName = input.alphaName;
		body.numbers = input.numbers;
		body.text = input.text;
		if (input.viberMessageType === 'PROMO') {
			if (input.image)
				Object.assign(
					body,
					await readImage(
						this,
						itemIndex,
						input.image,
						'Image (Binary Property)',
						input.imageFileName,
					),
				);
			if (input.buttonText) {
				body.buttonText = input.buttonText;
				body.buttonUrl = input.buttonUrl;
			}
		}
		if (input.viberMessageType === 'CAROUSEL' && input.carouselItems) {
			const items: IDataObject[] = [];
			for (const [n, card] of input.carouselItems.entries()) {
				const image = await readImage(
					this,
					itemIndex,
					card.image,
					`Carousel Cards ${n + 1} > Image (Binary Property)`,
					card.imageFileName,
				);
				items.push({
					title: card.title,
					...image,
					primaryButton: { label: card.buttonLabel, actionUrl: card.buttonUrl },
					...(card.secondaryButtonLabel
						? {
								secondaryButton: {
									label: card.secondaryButtonLabel,
									actionUrl: card.secondaryButtonUrl,
								},
							}
						: {}),
				});
			}
			body.carouselItems = items;
		}
		if (input.messageType === 'VIBER') body.viberTTL = input.viberTTL;
		if (input.sendSmsAfterViber) {
			body.sendSmsAfterViber = true;
			body.smsText = input.smsText;
			if (input.smsAlphaName) body.smsAlphaName = input.smsAlphaName;
		}
		if (startTime) body.startTime = startTime;

		// 4. Send. Not idempotent: a distribution sends messages.
		const answer = await unitalkRequest.call(this, '/messageDistribution/create', body, {
			action: 'Create Distribution',
			idempotent: false,
			itemIndex,
			timeoutMs: 180_000,
		});
		const envelope = (answer && typeof answer === 'object' ? answer : {}) as IDataObject;
		return {
			id: unwrapData(answer) as IDataObject[keyof IDataObject],
			name: input.name,
			messageType: input.messageType,
			...(input.viberMessageType ? { viberMessageType: input.viberMessageType } : {}),
			numbersCount: input.numbers.length,
			startTime: startTime ?? null,
			...(input.sendSmsAfterViber ? { sendSmsAfterViber: true } : {}),
			...(envelope.message !== undefined ? { message: envelope.message } : {}),
		};
	},
};

/** One image of the item as the doc wants it: base64, MIME type, a file name of at most 20 characters. */
async function readImage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	label: string,
	fileNameOverride: string | undefined,
): Promise<{ base64Image: string; mimeType: string; fileName: string }> {
	const node = ctx.getNode();
	let binary: IBinaryData;
	try {
		binary = ctx.helpers.assertBinaryData(itemIndex, property);
	} catch {
		const present = Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
		throw inputError(
			node,
			itemIndex,
			label,
			`names the binary property "${property}", which the input item does not have${
				present.length ? ` (it has: ${present.join(', ')})` : ' (it has no binary data)'
			}`,
		);
	}
	const mimeType = String(binary.mimeType ?? '');
	if (!/^image\//i.test(mimeType))
		throw inputError(
			node,
			itemIndex,
			label,
			`names "${property}", which holds ${mimeType || 'data of unknown type'}, not an image (JPEG or PNG)`,
		);
	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	if (bytes.length === 0)
		throw inputError(node, itemIndex, label, `names "${property}", which is empty`);
	return {
		base64Image: bytes.toString('base64'),
		mimeType,
		fileName: fileNameOverride ?? imageFileName(binary.fileName),
	};
}

/** "promo_image.png" -> "promo_image": without extension, at most 20 characters. */
export function imageFileName(fileName: string | undefined): string {
	const base = String(fileName ?? '')
		.replace(/^.*[\\/]/, '')
		.replace(/\.[^.]*$/, '')
		.trim();
	return [...(base || 'image')].slice(0, 20).join('');
}

/** A number typed or mapped as text ("3600") is read as a number; anything else is left to the schema. */
function wholeNumber(value: unknown): unknown {
	return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
}
