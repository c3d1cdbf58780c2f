/**
 * Malformed input for NXCloud voice: one bad item among good ones, in a field the node checks per item
 * before sending. Group Call: the documented ranges of the parameter table (task name 2-64 characters,
 * text 1-1,000, play count 1-9, max call 1-999 s, max ringing 20-120 s, display number digits, app ID
 * required). Notification and verification code: the numbers (nothing callable left), the text / the
 * code (1-12 digits), the display number (required) and the country code (1-4 digits).
 *
 * Not here: a Group Call number the node cannot call is by design left out and listed in the item's
 * `refusedNumbers` (the other numbers of the broadcast go ahead), not an error item.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { badInputCases, badPhone, tooLong } from '../harness/badInputCases';
import type { BadField, BadInputTarget } from '../harness/badInputCases';
import type { BadInputSuite } from '../harness/types';

export const COUNTRY_CODE = '86';
const goodPhone = (i: number) => `${COUNTRY_CODE}13${String(400_000_000 + i)}`;

/** The credential of a scenario's account: every secret derived from its access key. */
export function nxcloudCredentials(sb: Sandbox) {
	const { accessKey, accessSecret } = sb.accounts.nxcloud;
	return {
		nxteleApi: {
			accessKey,
			accessSecret,
			appKey: `app-${accessKey}`,
			appSecret: `appsecret-${accessSecret}`,
			consoleAccount: 'owner@example.com',
			consolePassword: `console-${accessSecret}`,
			baseUrl: sb.baseUrls.nxcloud,
		},
	};
}

export function nxcloudSecrets(sb: Sandbox): string[] {
	const c = nxcloudCredentials(sb).nxteleApi;
	return [c.accessSecret, c.appSecret, c.consolePassword];
}

/** The numbers a voice request carried: group call `numberList`, or the form's `phone` list. */
export function nxcloudNumbersIn(r: RecordedRequest): string[] {
	if (r.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
		return (new URLSearchParams(r.rawBody).get('phone') ?? '').split(',').filter(Boolean);
	try {
		const body = JSON.parse(r.rawBody) as IDataObject;
		return Array.isArray(body.numberList) ? body.numberList.map(String) : [];
	} catch {
		return [];
	}
}

/** A text-to-speech group call with one number per item (`$json.phone`). */
export const groupCallParameters = {
	resource: 'groupCall',
	operation: 'create',
	appId: 'iaAJ6COV',
	taskName: 'June reminder',
	numbers: '={{ $json.phone }}',
	source: 'tts',
	text: 'Your appointment is tomorrow at 10',
	language: 'VN',
};

const blank = fc.constantFrom('', ' ', '   ', '\t', '\n');
const outside = (min: number, max: number) =>
	fc.oneof(
		fc.integer({ min: -1000, max: min - 1 }),
		fc.integer({ min: max + 1, max: 100_000 }),
		fc.constantFrom(min + 0.5, 'many'),
	);
const badCountryCode = fc.oneof(
	fc.constantFrom('', ' ', '+', 'CN', '8 6', '+-86'),
	fc.stringMatching(/^[1-9][0-9]{4,7}$/),
	fc.stringMatching(/^[a-z]{1,4}$/),
);
const badCode = fc.oneof(
	fc.constantFrom('', ' ', '--', 'abc'),
	fc.stringMatching(/^[0-9]{13,20}$/),
	fc.stringMatching(/^[0-9]{1,4}[a-zA-Z#*.][0-9]{1,4}$/),
);

/** Well-formed numbers of another country: nothing callable is left for the country code 86. */
const otherCountry = fc.stringMatching(/^(1|44|7|91)[0-9]{9}$/);
const badNumber = fc.oneof(badPhone, otherCountry);

const callerFields: BadField[] = [
	{ key: 'show', field: 'Display Number', bad: blank },
	{ key: 'cc', field: 'Country Code', bad: badCountryCode },
];

const TARGETS: BadInputTarget[] = [
	{
		node: 'nxtele',
		credentialType: 'nxteleApi',
		operation: 'Group Call Create',
		parameters: {
			...groupCallParameters,
			taskName: '={{ $json.name }}',
			text: '={{ $json.text }}',
			appId: '={{ $json.app }}',
			displayNumber: '={{ $json.show }}',
			loopCount: '={{ $json.loops }}',
			maxCallSeconds: '={{ $json.maxCall }}',
			maxRingingSeconds: '={{ $json.ring }}',
		},
		good: (phone) => ({
			phone,
			name: 'June reminder',
			text: 'Your appointment is tomorrow at 10',
			app: 'iaAJ6COV',
			show: '1008122211',
			loops: 2,
			maxCall: 40,
			ring: 45,
		}),
		fields: [
			{
				key: 'name',
				field: 'Task Name',
				bad: fc.oneof(blank, fc.constantFrom('a', 'Z'), tooLong(64)),
			},
			{ key: 'text', field: 'Text', bad: fc.oneof(blank, tooLong(1000)) },
			{ key: 'app', field: 'App ID', bad: blank },
			{
				key: 'show',
				field: 'Display Number',
				bad: fc.oneof(
					fc.stringMatching(/^[0-9]{0,4}[a-z#*][0-9]{0,4}$/),
					fc.stringMatching(/^[1-9][0-9]{20,25}$/),
				),
			},
			{ key: 'loops', field: 'Play Count', bad: outside(1, 9) },
			{ key: 'maxCall', field: 'Max Call Seconds', bad: outside(1, 999) },
			{ key: 'ring', field: 'Max Ringing Seconds', bad: outside(20, 120) },
		],
	},
	{
		node: 'nxtele',
		credentialType: 'nxteleApi',
		operation: 'Voice Notification Send',
		parameters: {
			resource: 'voiceNotification',
			operation: 'send',
			numbers: '={{ $json.phone }}',
			countryCode: '={{ $json.cc }}',
			displayNumber: '={{ $json.show }}',
			text: '={{ $json.text }}',
			language: 'en',
		},
		good: (phone) => ({ phone, cc: COUNTRY_CODE, show: '085944247', text: 'Your parcel' }),
		fields: [
			{ key: 'phone', field: 'Numbers', bad: badNumber },
			{ key: 'text', field: 'Text', bad: blank },
			...callerFields,
		],
	},
	{
		node: 'nxtele',
		credentialType: 'nxteleApi',
		operation: 'Voice Verification Code Send',
		parameters: {
			resource: 'voiceOtp',
			operation: 'send',
			number: '={{ $json.phone }}',
			countryCode: '={{ $json.cc }}',
			displayNumber: '={{ $json.show }}',
			code: '={{ $json.code }}',
			language: 'en',
		},
		good: (phone) => ({ phone, cc: COUNTRY_CODE, show: '085944247', code: '482913' }),
		fields: [
			{ key: 'phone', field: 'Number', bad: badNumber },
			{ key: 'code', field: 'Code', bad: badCode },
			...callerFields,
		],
	},
];

export const nxcloudBadInput: BadInputSuite = {
	cases: badInputCases(TARGETS, goodPhone),
	numbersIn: nxcloudNumbersIn,
};
