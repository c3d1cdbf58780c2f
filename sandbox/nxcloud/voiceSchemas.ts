/**
 * Request bodies of the simulated NXCloud voice send endpoints.
 *
 * Group call: every parameter and rule of provider-docs/nxcloud-voice-group-call-params.txt (the seed
 * table), plus the one "required if" rule the research takes from the analog update page (§4.2 [A]):
 * with hangUpSms=1 at least one of feedbackPush / successPush / failedPush / ringPush is 1.
 * Notification / OTP / conversion: the documented form fields of research/nxcloud.md §4.9.2, §4.9.3, §4.10.
 */
import { z } from 'zod';

/** Documented: "A maximum of 20w mobile phone numbers" (200,000) per group call task. */
export const GROUP_CALL_MAX_NUMBERS = 200_000;

/** Documented `lan` codes of the group call's text-to-speech (seed table). */
export const GROUP_CALL_LANGUAGES = [
	'VN',
	'EN',
	'JP',
	'ARB',
	'DE',
	'IN',
	'IT',
	'KR',
	'RU',
	'ES',
	'PT',
	'IDN',
	'BD',
	'TH',
] as const;

/** Documented `lang` codes of the notification / OTP text-to-speech (§4.12). */
export const NOTIFY_LANGUAGES = (
	'af ar bn bs ca cs cy da de el en eo es et fi fr gu hi hr hu hy id is it ja jw km kn ko la lv mk ml ' +
	'mr my ne nl no pl pt ro ru si sk sq sr su sv sw ta te th tl tr uk ur vi zh zh-yue'
).split(' ');

const flag = z.union([z.literal(0), z.literal(1)]);
const int = (min: number, max: number) => z.number().int().min(min).max(max);
/** "Each mobile phone number consists of 7 to 15 digits: country code + mobile phone number." */
export const groupCallNumber = z.string().regex(/^\d{7,15}$/, 'must be 7 to 15 digits');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'format HH:mm');

export const groupCallSchema = z
	.object({
		appId: z.string().min(1),
		displayNum: z
			.string()
			.regex(/^\d{0,20}$/, 'must be 0 to 20 digits')
			.optional()
			.nullable(),
		taskName: z.string().min(2).max(64),
		// The cap is checked by the handler (its own error code), so the array itself is unbounded here.
		numberList: z.array(groupCallNumber).min(1),
		source: z.union([z.literal(1), z.literal(2), z.literal(3)]),
		voiceFileId: z.string().min(1).optional(),
		uploadName: z.string().min(5).max(32).optional(),
		baseFile: z
			.string()
			.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
			.optional(),
		text: z.string().min(1).max(1000).optional(),
		lan: z.enum(GROUP_CALL_LANGUAGES).optional(),
		sendTime: z
			.string()
			.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'format yyyy-MM-dd HH:mm:ss')
			.nullable()
			.optional(),
		loopCount: int(1, 9),
		maxCalls: int(1, 999),
		hangUpSms: flag.optional(),
		smsAppId: z.string().min(1).optional(),
		smsContent: z.string().min(1).max(1000).optional(),
		senderId: z.string().max(32).optional(),
		feedbackPush: flag.optional(),
		// String in the table, a number in the analog example (§4.2): both accepted.
		feedbackValue: z.union([z.string().regex(/^\d$/, 'must be one key 0-9'), int(0, 9)]).optional(),
		successPush: flag.optional(),
		successPushTime: int(0, 9999).optional(),
		failedPush: flag.optional(),
		ringPush: flag.optional(),
		toSeat: flag.optional(),
		sipGroupId: z.number().int().optional(),
		outboundControl: z.literal(1).optional(),
		calloutRate: int(1, 100).optional(),
		toSeatType: z.union([z.literal(1), z.literal(2)]).optional(),
		toSeatKey: int(0, 9).optional(),
		allowSendTime: z
			.array(z.object({ strTime: hhmm, endTime: hhmm }).strict())
			.max(3)
			.optional(),
		maxRingingTime: int(20, 120).optional(),
	})
	.strict()
	.superRefine((b, ctx) => {
		const need = (cond: boolean, field: keyof typeof b, rule: string) => {
			if (cond && (b[field] === undefined || b[field] === null))
				ctx.addIssue({ code: 'custom', path: [field], message: `required when ${rule}` });
		};
		need(b.source === 1, 'voiceFileId', 'source=1');
		need(b.source === 2, 'uploadName', 'source=2');
		need(b.source === 2, 'baseFile', 'source=2');
		need(b.source === 3, 'text', 'source=3');
		need(b.source === 3, 'lan', 'source=3');
		if (b.hangUpSms === 1) {
			need(true, 'smsAppId', 'hangUpSms=1');
			need(true, 'smsContent', 'hangUpSms=1');
			for (const f of ['feedbackPush', 'successPush', 'failedPush', 'ringPush'] as const)
				need(true, f, 'hangUpSms=1');
			if (![b.feedbackPush, b.successPush, b.failedPush, b.ringPush].includes(1))
				ctx.addIssue({
					code: 'custom',
					path: ['hangUpSms'],
					message:
						'hangUpSms=1 needs at least one of feedbackPush, successPush, failedPush, ringPush',
				});
		}
		need(b.feedbackPush === 1, 'feedbackValue', 'feedbackPush=1');
		need(b.successPush === 1, 'successPushTime', 'successPush=1');
		if (b.toSeat === 1) {
			for (const f of ['sipGroupId', 'outboundControl', 'calloutRate', 'toSeatType'] as const)
				need(true, f, 'toSeat=1');
			need(b.toSeatType === 2, 'toSeatKey', 'toSeat=1 and toSeatType=2');
		}
		for (const [i, w] of (b.allowSendTime ?? []).entries())
			if (w.endTime <= w.strTime)
				ctx.addIssue({
					code: 'custom',
					path: ['allowSendTime', i, 'endTime'],
					message: 'must be after strTime',
				});
	});
export type GroupCallBody = z.infer<typeof groupCallSchema>;

/** Form fields of the notification (§4.9.2); `phone` may hold several comma-separated numbers. */
export const notifySchema = z
	.object({
		appkey: z.string().optional(),
		secretkey: z.string().optional(),
		phone: z.string().min(1),
		country_code: z.string().regex(/^\d{1,4}$/, 'digits, no +'),
		show_phone: z.string().min(1),
		content: z.string().min(1),
		lang: z.string().refine((l) => NOTIFY_LANGUAGES.includes(l), 'unknown language code'),
	})
	.passthrough();

/** Form fields of the verification code (§4.9.3): a single number, plus the echoed `ext`. */
export const otpSchema = notifySchema.extend({ ext: z.string().optional() });

/** OTP conversion report (§4.10), JSON. */
export const conversionSchema = z
	.object({
		messageid: z.string().min(1),
		status: z.union([z.literal(0), z.literal(1)]),
	})
	.strict();

/** Control command `POST /__sandbox/nxcloud/dial`: the voice calls of everything sent so far. */
export const voiceDialSchema = z
	.object({
		/** Where the receipts go; default: the URL set with `receiptUrl`. Absent: no receipts. */
		receiptUrl: z.string().url().optional(),
		answered: z.boolean().optional(),
		durationSeconds: z.number().int().nonnegative().optional(),
		/** Dial at most this many pending calls (default all). */
		limit: z.number().int().positive().optional(),
	})
	.strict();
export type VoiceDialCommand = z.infer<typeof voiceDialSchema>;
