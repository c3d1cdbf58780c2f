import {
	dialHours,
	halfHourMinutes,
	weekDaysText,
} from '../../../nodes/Nxtele/actions/task/schedule';
import { entryOutcomes } from '../../../nodes/Nxtele/actions/order/orders';
import type { OrderEntry } from '../../../nodes/Nxtele/actions/order/orders';
import { responseSignatureProblem } from '../../../nodes/Nxtele/transport';
import { callbotSignature } from '../../../nodes/Nxtele/signatures';
import { uuidFromText } from '../../../nodes/shared/idempotency';
import { utcOffsetSeconds } from '../../../nodes/shared/timezone';

describe('Callbot working days and hours (createAndCall page)', () => {
	it('writes the picked days in week order, each once, 1 = Monday ... 7 = Sunday', () => {
		expect(weekDaysText([7, 1, 3, 1])).toBe('1,3,7');
		expect(weekDaysText(['5', '6'])).toBe('5,6');
		expect(weekDaysText([])).toBe('');
	});

	it('splits windows into first halves (dialAtUpHour) and second halves (dialAtDownHour)', () => {
		expect(dialHours([{ from: '09:00', to: '12:00' }])).toEqual({
			dialAtUpHour: '9,10,11',
			dialAtDownHour: '9,10,11',
		});
		expect(
			dialHours([
				{ from: '09:30', to: '11:00' },
				{ from: '13:00', to: '13:30' },
			]),
		).toEqual({
			dialAtUpHour: '10,13',
			dialAtDownHour: '9,10',
		});
		expect(
			dialHours([
				{ from: '23:00', to: '24:00' },
				{ from: '00:00', to: '00:30' },
			]),
		).toEqual({
			dialAtUpHour: '0,23',
			dialAtDownHour: '23',
		});
		// Overlapping windows count each half hour once.
		expect(
			dialHours([
				{ from: '08:00', to: '10:00' },
				{ from: '09:00', to: '10:30' },
			]),
		).toEqual({
			dialAtUpHour: '8,9,10',
			dialAtDownHour: '8,9',
		});
	});

	it('says in plain words what is wrong with a window', () => {
		expect(() => dialHours([{ from: '10:00', to: '09:00' }])).toThrow(
			/ends \(09:00\) before or when it starts \(10:00\)/,
		);
		expect(() => dialHours([{ from: '09:15', to: '10:00' }])).toThrow(/not on half hours/);
		expect(() =>
			dialHours([
				{ from: '09:00', to: '10:00' },
				{ from: '25:00', to: '26:00' },
			]),
		).toThrow(/^window 2 /);
		expect(halfHourMinutes('24:00')).toBe(1440);
		expect(halfHourMinutes('24:30')).toBeUndefined();
	});
});

describe('time zone → zoneSecond', () => {
	const winter = new Date('2026-01-15T12:00:00Z');
	const summer = new Date('2026-07-15T12:00:00Z');
	it('reads offsets in the usual spellings', () => {
		expect(utcOffsetSeconds('+08:00')).toBe(28800);
		expect(utcOffsetSeconds('-8')).toBe(-28800);
		expect(utcOffsetSeconds('UTC+5:30')).toBe(19800);
		expect(utcOffsetSeconds('GMT-0330')).toBe(-12600);
		expect(utcOffsetSeconds('UTC')).toBe(0);
		expect(utcOffsetSeconds('+15:00')).toBeUndefined();
	});
	it('reads IANA names at the given moment (summer time included)', () => {
		expect(utcOffsetSeconds('Asia/Hong_Kong', winter)).toBe(28800);
		expect(utcOffsetSeconds('Europe/Berlin', winter)).toBe(3600);
		expect(utcOffsetSeconds('Europe/Berlin', summer)).toBe(7200);
		expect(utcOffsetSeconds('America/New_York', summer)).toBe(-14400);
		expect(utcOffsetSeconds('Mars/Olympus')).toBeUndefined();
	});
});

describe('derived IDs', () => {
	it('are UUID-shaped, stable for the same parts and different for different parts', () => {
		const a = uuidFromText('["exec-1","node-1","order",0,"85261000000"]');
		expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(uuidFromText('["exec-1","node-1","order",0,"85261000000"]')).toBe(a);
		expect(uuidFromText('["exec-2","node-1","order",0,"85261000000"]')).not.toBe(a);
		expect(uuidFromText('["exec-1","node-1","order",0,"85261000001"]')).not.toBe(a);
	});
});

describe('errList → the entry that carried the number', () => {
	const entry = (orderID: string, userPhone: string) => ({
		itemIndex: 0,
		value: {
			orderID,
			userPhone,
			userName: '',
			customerName: '',
			other: '',
			params: [],
		} as OrderEntry,
	});
	it('matches by orderID, or by phone as the createAndCall page documents, each error once', () => {
		const part = [entry('o1', '111'), entry('o2', '222'), entry('o3', '222'), entry('o4', '444')];
		const outcomes = entryOutcomes(part, {
			errList: [
				{ phone: '222', errMsg: 'invalid number' },
				{ orderID: 'o4', errMsg: 'orderID already exists' },
			],
		});
		expect(outcomes).toEqual([
			{ added: true },
			{ added: false, error: 'invalid number' },
			{ added: true },
			{ added: true, alreadyExisted: true },
		]);
	});
});

describe('response signature check (research §1.6, inferred)', () => {
	const credentials = { secretKey: 's3cret', algorithm: 'MD5' };
	const signed = (body: string, algorithm: 'MD5' | 'SHA256' = 'MD5') => ({
		statusCode: 200,
		rawBody: body,
		body: JSON.parse(body),
		headers: {
			requestid: 'r1',
			uuid: 'u1',
			createts: '1726000000',
			sign: callbotSignature(
				's3cret',
				{ body, createTs: '1726000000', requestID: 'r1', uuid: 'u1' },
				algorithm,
			),
			...(algorithm === 'SHA256' ? { algorithm: 'SHA256' } : {}),
		},
	});
	it('accepts the request formula over the exact answer text, in either algorithm', () => {
		expect(responseSignatureProblem(signed('{"retCode":0}'), credentials)).toBeUndefined();
		expect(
			responseSignatureProblem(signed('{"retCode":0}', 'SHA256'), credentials),
		).toBeUndefined();
	});
	it('refuses a changed body, a missing sign and a different secret', () => {
		const changed = { ...signed('{"retCode":0}'), rawBody: '{"retCode": 0}' };
		expect(responseSignatureProblem(changed, credentials)).toMatch(/does not match/);
		const unsigned = signed('{"retCode":0}');
		delete (unsigned.headers as Record<string, unknown>).sign;
		expect(responseSignatureProblem(unsigned, credentials)).toMatch(/no sign header/);
		expect(
			responseSignatureProblem(signed('{"retCode":0}'), { ...credentials, secretKey: 'other' }),
		).toMatch(/does not match/);
	});
});
