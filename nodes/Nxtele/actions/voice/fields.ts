import { DateTime } from 'luxon';
import type { IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { splitList } from '../../../shared/lists';
import { checkPhone, describePhoneProblem } from '../../../shared/phone';
import { inputError } from '../../../shared/validation';

/** Fields and value rules the NXCloud voice operations share. */

/** Text-to-speech languages of the group call (seed table, `lan`). */
export const GROUP_CALL_LANGUAGES: Array<{ name: string; value: string }> = [
	{ name: 'Arabic', value: 'ARB' },
	{ name: 'Bengali (Bangladesh)', value: 'BD' },
	{ name: 'English', value: 'EN' },
	{ name: 'German', value: 'DE' },
	{ name: 'Hindi', value: 'IN' },
	{ name: 'Indonesian', value: 'IDN' },
	{ name: 'Italian', value: 'IT' },
	{ name: 'Japanese', value: 'JP' },
	{ name: 'Korean', value: 'KR' },
	{ name: 'Portuguese', value: 'PT' },
	{ name: 'Russian', value: 'RU' },
	{ name: 'Spanish', value: 'ES' },
	{ name: 'Thai', value: 'TH' },
	{ name: 'Vietnamese', value: 'VN' },
];

/** Text-to-speech languages of the notification and the verification code (research §4.12, `lang`). */
const NOTIFY_LANGUAGE_NAMES: Record<string, string> = {
	af: 'Afrikaans',
	ar: 'Arabic',
	bn: 'Bengali',
	bs: 'Bosnian',
	ca: 'Catalan',
	cs: 'Czech',
	cy: 'Welsh',
	da: 'Danish',
	de: 'German',
	el: 'Greek',
	en: 'English',
	eo: 'Esperanto',
	es: 'Spanish',
	et: 'Estonian',
	fi: 'Finnish',
	fr: 'French',
	gu: 'Gujarati',
	hi: 'Hindi',
	hr: 'Croatian',
	hu: 'Hungarian',
	hy: 'Armenian',
	id: 'Indonesian',
	is: 'Icelandic',
	it: 'Italian',
	ja: 'Japanese',
	jw: 'Javanese',
	km: 'Khmer',
	kn: 'Kannada',
	ko: 'Korean',
	la: 'Latin',
	lv: 'Latvian',
	mk: 'Macedonian',
	ml: 'Malayalam',
	mr: 'Marathi',
	my: 'Burmese',
	ne: 'Nepali',
	nl: 'Dutch',
	no: 'Norwegian',
	pl: 'Polish',
	pt: 'Portuguese',
	ro: 'Romanian',
	ru: 'Russian',
	si: 'Sinhala',
	sk: 'Slovak',
	sq: 'Albanian',
	sr: 'Serbian',
	su: 'Sundanese',
	sv: 'Swedish',
	sw: 'Swahili',
	ta: 'Tamil',
	te: 'Telugu',
	th: 'Thai',
	tl: 'Tagalog',
	tr: 'Turkish',
	uk: 'Ukrainian',
	ur: 'Urdu',
	vi: 'Vietnamese',
	zh: 'Chinese (Mandarin)',
	'zh-yue': 'Chinese (Cantonese)',
};

export const NOTIFY_LANGUAGES = Object.entries(NOTIFY_LANGUAGE_NAMES)
	.map(([value, name]) => ({ name: `${name} (${value})`, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

export const countryCodeField: INodeProperties = {
	displayName: 'Country Code',
	name: 'countryCode',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 86',
	description:
		'Country calling code of the numbers, digits only without + (e.g. 86 for China, 91 for India). Every number must start with it.',
};

export const displayNumberField: INodeProperties = {
	displayName: 'Display Number',
	name: 'displayNumber',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 085944247',
	description:
		'Number shown to the person called (show_phone). NXCloud may replace it when the route does not allow it.',
};

export const timeZoneOption: INodeProperties = {
	displayName: 'Provider Time Zone',
	name: 'timeZone',
	type: 'string',
	default: 'UTC',
	placeholder: 'e.g. Asia/Shanghai',
	description:
		"Time zone NXCloud reads date-times in (IANA name or UTC+8 style offset). NXCloud's docs do not say which one it uses, so UTC is assumed; change it if your account shows times in another zone.",
};

/** `yyyy-MM-dd HH:mm:ss`, the date-time format of the NXCloud voice APIs, in `zone`. */
export function providerDateTime(
	node: INode,
	itemIndex: number,
	label: string,
	value: unknown,
	zone: string,
): string {
	const dt = toDateTime(value).setZone(zone);
	if (!dt.isValid)
		throw inputError(
			node,
			itemIndex,
			label,
			`is not a date and time (${JSON.stringify(value)}) or the time zone "${zone}" is unknown; use e.g. 2026-06-21T09:00:00`,
		);
	return dt.toFormat('yyyy-MM-dd HH:mm:ss');
}

function toDateTime(value: unknown): DateTime {
	if (value instanceof Date) return DateTime.fromJSDate(value);
	if (DateTime.isDateTime(value)) return value;
	return DateTime.fromISO(String(value ?? ''), { setZone: true });
}

export interface RefusedNumber {
	number: string;
	reason: string;
}

/**
 * The numbers of one item split into those that can be dialed (digits, 7 to 15 with the country code)
 * and those refused, each with the reason. `countryCode`: each number must also start with it.
 */
export function sortNumbers(
	raw: unknown,
	countryCode?: string,
): { valid: string[]; refused: RefusedNumber[] } {
	const valid: string[] = [];
	const refused: RefusedNumber[] = [];
	for (const entry of splitList(raw)) {
		const check = checkPhone(entry);
		if (!check.ok) {
			refused.push({
				number: entry,
				reason: `${describePhoneProblem(check)}: a number is 7 to 15 digits, country code included`,
			});
		} else if (countryCode && !check.digits.startsWith(countryCode)) {
			refused.push({
				number: entry,
				reason: `"${entry}" does not start with the country code ${countryCode}`,
			});
		} else valid.push(check.digits);
	}
	return { valid, refused };
}

/** The country code field: 1 to 4 digits (a leading + is dropped). */
export function readCountryCode(node: INode, itemIndex: number, raw: unknown): string {
	const code = String(raw ?? '')
		.trim()
		.replace(/^\+/, '');
	if (!/^\d{1,4}$/.test(code))
		throw inputError(
			node,
			itemIndex,
			'Country Code',
			`must be 1 to 4 digits without + (e.g. 86), got ${JSON.stringify(raw)}`,
		);
	return code;
}

/** NXCloud refuses voice files over 2 MB (upload page, code 15001). */
export const MAX_VOICE_FILE_BYTES = 2 * 1024 * 1024;

export const binaryPropertyField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	placeholder: 'e.g. data',
	hint: 'The name of the input binary field containing the voice file (mp3, wav or m4a, at most 2 MB)',
	description: 'Binary field of the input item that holds the voice file, e.g. data',
};

/** The voice file in an item's binary field, checked: present, not empty, at most 2 MB. */
export async function readVoiceFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
): Promise<{ data: Buffer; fileName: string; mimeType: string }> {
	const node = ctx.getNode();
	const present = Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
	if (!present.includes(property))
		throw inputError(
			node,
			itemIndex,
			'Input Binary Field',
			`names "${property}", which the input item does not have (${
				present.length ? `it has: ${present.join(', ')}` : 'it has no binary data'
			})`,
		);
	const binary = ctx.helpers.assertBinaryData(itemIndex, property);
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	if (data.length === 0)
		throw inputError(node, itemIndex, 'Input Binary Field', `"${property}" holds an empty file`);
	if (data.length > MAX_VOICE_FILE_BYTES)
		throw inputError(
			node,
			itemIndex,
			'Input Binary Field',
			`holds ${(data.length / 1024 / 1024).toFixed(1)} MB; NXCloud accepts voice files of at most 2 MB`,
		);
	const fileName =
		binary.fileName || `voice${binary.fileExtension ? `.${binary.fileExtension}` : '.mp3'}`;
	return { data, fileName, mimeType: binary.mimeType || 'application/octet-stream' };
}
