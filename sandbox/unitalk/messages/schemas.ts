/**
 * zod shapes of the message, distribution and Web Dialer request bodies, as the doc's JSON examples
 * give them. The handlers check the documented error conditions first, in the doc's order, with the
 * doc's strings; these shapes then check the remaining structure (Viber fields, card fields), whose
 * failures the doc files under "Validation error".
 */
import { z } from 'zod';

import { isBase64, isHttpUrl, MAX_VIBER_TEXT, symbols } from './common';

const text = (max?: number) =>
	z
		.string()
		.refine((s) => s.trim() !== '', 'is empty')
		.refine((s) => max === undefined || symbols(s) <= max, `is longer than ${max} characters`);

const base64 = z.string().refine(isBase64, 'is not base64');
const url = z.string().refine(isHttpUrl, 'is not an http(s) URL');
const fileName = z.string().min(1).max(20);

export const sendSchema = z
	.object({
		messageType: z.enum(['SMS', 'VIBER']),
		alfaName: z.string().nullish(),
		to: z.union([z.string(), z.number()]),
		text: z.string(),
	})
	.passthrough();

export const sendBulkSchema = z
	.object({
		messagesType: z.enum(['SMS', 'VIBER']),
		recipients: z.array(z.union([z.string(), z.number(), z.null()])).nullish(),
		text: z.string().nullish(),
		messages: z.record(z.union([z.string(), z.null()])).nullish(),
	})
	.passthrough();

/** Fields every distribution has (create and update). */
export const distributionBaseSchema = z
	.object({
		name: z.string(),
		messageType: z.enum(['SMS', 'VIBER']),
		text: z.string(),
		startTime: z.string().nullish(),
	})
	.passthrough();

const carouselItemSchema = z.object({
	title: z.string().min(2).max(38),
	base64Image: base64,
	mimeType: z.string().regex(/^image\/[\w.+-]+$/),
	fileName,
	primaryButton: z.object({ label: z.string().min(1).max(10), actionUrl: url }),
	secondaryButton: z
		.object({ label: z.string().max(12).nullish(), actionUrl: url.nullish() })
		.nullish(),
});

/** The Viber part of /messageDistribution/create (PROMO, TRANSACTIONAL, CAROUSEL, SMS fallback). */
export const viberDistributionSchema = z
	.object({
		viberMessageType: z.enum(['PROMO', 'TRANSACTIONAL', 'CAROUSEL']),
		alphaName: z.string().nullish(),
		text: text(MAX_VIBER_TEXT),
		viberTTL: z.number().int().min(60).max(86_400),
		base64Image: base64.nullish(),
		mimeType: z
			.string()
			.regex(/^image\/[\w.+-]+$/)
			.nullish(),
		fileName: fileName.nullish(),
		buttonText: z.string().max(30).nullish(),
		buttonUrl: url.nullish(),
		carouselItems: z.array(carouselItemSchema).min(2).max(5).nullish(),
		sendSmsAfterViber: z.boolean().nullish(),
		smsText: z.string().nullish(),
		smsAlphaName: z.string().nullish(),
	})
	.passthrough()
	.superRefine((d, ctx) => {
		const need = (cond: boolean, path: string, message: string) => {
			if (cond) ctx.addIssue({ code: 'custom', path: [path], message });
		};
		need(
			!!d.base64Image && (!d.mimeType || !d.fileName),
			'base64Image',
			'needs mimeType and fileName',
		);
		need(!!d.buttonText && !d.buttonUrl, 'buttonUrl', 'is required when buttonText is given');
		need(
			d.viberMessageType === 'CAROUSEL' && !d.carouselItems,
			'carouselItems',
			'are required for CAROUSEL',
		);
		need(
			d.sendSmsAfterViber === true && (!d.smsText || d.smsText.trim() === ''),
			'smsText',
			'is required when sendSmsAfterViber is true',
		);
	});

export const notificationDataSchema = z
	.object({
		contactName: z.string().nullish(),
		contactLink: z.string().nullish(),
		entityName: z.string().nullish(),
		entityLink: z.string().nullish(),
		responsible: z.string().nullish(),
	})
	.passthrough();

export const userIdsSchema = z.array(z.union([z.number().int(), z.string().regex(/^\d+$/)]));

/** "Validation error" cause text from the first zod issue: `carouselItems.0.title: too short`. */
export function causeOf(error: z.ZodError): string {
	const issue = error.issues[0];
	return `${issue.path.join('.') || 'body'}: ${issue.message}`;
}
