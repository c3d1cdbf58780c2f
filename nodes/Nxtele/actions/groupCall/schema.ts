import { z } from 'zod';

import type { FieldLabels } from '../../../shared/validation';
import { GROUP_CALL_LANGUAGES } from '../voice/fields';

/**
 * What NXCloud accepts for a group call task (provider-docs/nxcloud-voice-group-call-params.txt), checked
 * before anything is sent. The numbers are checked one by one elsewhere (a bad number is left out, not
 * the whole item).
 */

/** Documented: "A maximum of 20w mobile phone numbers" per task. */
export const MAX_NUMBERS_PER_TASK = 200_000;
export const TASK_NAME_MAX = 64;
export const TASK_NAME_MIN = 2;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:mm, e.g. 09:30');
const flag = z.union([z.literal(0), z.literal(1)]);
const whole = (min: number, max: number) => z.number().int().min(min).max(max);
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const groupCallSettingsSchema = z
	.object({
		appId: text(1, 200),
		displayNum: z.string().regex(/^\d{0,20}$/, 'must be 0 to 20 digits'),
		taskName: text(TASK_NAME_MIN, TASK_NAME_MAX),
		source: z.union([z.literal(1), z.literal(2), z.literal(3)]),
		voiceFileId: text(1, 200).optional(),
		uploadName: z.string().min(5).max(32).optional(),
		text: text(1, 1000).optional(),
		lan: z.enum(GROUP_CALL_LANGUAGES.map((l) => l.value) as [string, ...string[]]).optional(),
		sendTime: z.string().optional(),
		loopCount: whole(1, 9),
		maxCalls: whole(1, 999),
		hangUpSms: flag,
		smsAppId: text(1, 200).optional(),
		smsContent: text(1, 1000).optional(),
		senderId: z.string().max(32).optional(),
		feedbackPush: flag.optional(),
		feedbackValue: z.string().regex(/^\d$/, 'must be one key, 0 to 9').optional(),
		successPush: flag.optional(),
		successPushTime: whole(0, 9999).optional(),
		failedPush: flag.optional(),
		ringPush: flag.optional(),
		toSeat: flag,
		sipGroupId: z.number().int().min(0).optional(),
		outboundControl: z.literal(1).optional(),
		calloutRate: whole(1, 100).optional(),
		toSeatType: z.union([z.literal(1), z.literal(2)]).optional(),
		toSeatKey: whole(0, 9).optional(),
		allowSendTime: z
			.array(z.object({ strTime: hhmm, endTime: hhmm }))
			.max(3)
			.optional(),
		maxRingingTime: whole(20, 120),
	})
	.superRefine((s, ctx) => {
		if (s.hangUpSms === 1 && ![s.feedbackPush, s.successPush, s.failedPush, s.ringPush].includes(1))
			ctx.addIssue({
				code: 'custom',
				path: ['hangUpSms'],
				message:
					'needs at least one moment to send the SMS: on key press, after a successful call, after a failed call or on ringing',
			});
		for (const [i, w] of (s.allowSendTime ?? []).entries())
			if (w.endTime <= w.strTime)
				ctx.addIssue({
					code: 'custom',
					path: ['allowSendTime', i, 'endTime'],
					message: `must be after the start (${w.strTime})`,
				});
	});

export type GroupCallSettings = z.infer<typeof groupCallSettingsSchema>;

export const GROUP_CALL_LABELS: FieldLabels = {
	appId: 'App ID',
	displayNum: 'Display Number',
	taskName: 'Task Name',
	voiceFileId: 'Voice File ID',
	uploadName: 'Upload Name',
	text: 'Text',
	lan: 'Language',
	loopCount: 'Play Count',
	maxCalls: 'Max Call Seconds',
	hangUpSms: 'Hang-Up SMS',
	smsAppId: 'SMS App ID',
	smsContent: 'SMS Text',
	senderId: 'Sender ID',
	feedbackValue: 'Key Pressed',
	successPushTime: 'SMS Delay After Success (Seconds)',
	sipGroupId: 'Agent Group ID',
	calloutRate: 'Call Rate',
	toSeatKey: 'Transfer Key',
	allowSendTime: 'Allowed Send Periods',
	'allowSendTime.*.strTime': 'Start',
	'allowSendTime.*.endTime': 'End',
	maxRingingTime: 'Max Ringing Seconds',
};
