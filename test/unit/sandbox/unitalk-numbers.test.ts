/**
 * The Unitalk sandbox's autodialer number and call actions: ADD_NUMBERS, GET_NUMBER, GET_NUMBERS,
 * REMOVE_NUMBERS, REMOVE_ALL_NUMBERS, GET_CALLS_HISTORY, with the documented errors, the busy
 * handler and a million numbers in one autodialer.
 */
import { BLOCKED_FOR_AUTODIAL_REASON } from '../../../sandbox/unitalk/autodial/numberStore';
import { DEFAULT_ACCOUNTS, startSandbox, type Sandbox } from '../../../sandbox';
import { unitalkPost } from './helpers';

const KEY = DEFAULT_ACCOUNTS.unitalk.apiKey;
/** Thursday 10:00 UTC: inside the seeded autodialers' period and hours (09:00-19:00 on weekdays). */
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);
const AUTODIALER = 12345; // AUTODIAL, IN_PROGRESS, numbers 380970000001..3 (NEW, ANSWER, NOANSWER)
const ROBOT = 12346; // VOICE_ROBOT (voiceSecretaryId 25), PAUSED, no numbers

let sb: Sandbox;
let nowMs = T0;

beforeAll(async () => {
	// The request limits have their own tests; here they would only slow the big cases down.
	sb = await startSandbox({
		clock: () => nowMs,
		unitalk: {
			limits: { tempBlockThreshold: 1e9, permBlockThreshold: 1e9, perSecond: 1e9 },
		},
	});
});
afterAll(async () => await sb.close());
beforeEach(() => {
	nowMs = T0;
	sb.reset();
});

const state = () => sb.providers.unitalk.state;
const autodialer = (id = AUTODIALER) => state().autodialers.get(id)!;

async function act(body: Record<string, unknown>): Promise<any> {
	const r = await unitalkPost(sb.baseUrls.unitalk, '/autodial/action', body, KEY);
	expect(r.status).toBe(200);
	return r.json;
}

const add = (fields: Record<string, unknown>, id = AUTODIALER) =>
	act({ action: 'ADD_NUMBERS', id, ...fields });
const error = (message: string, data?: unknown) =>
	data === undefined ? { status: 'Error', message } : { status: 'Error', message, data };
const phones = (n: number, from = 380500000000) =>
	Array.from({ length: n }, (_, i) => String(from + i));

describe('ADD_NUMBERS', () => {
	it('refuses a number on BLOCKED_FOR_AUTODIAL_PHONES ("cannot be added to autodialers"), adding nothing', async () => {
		expect(await add({ numbers: ['380501234567', '+380 97 111 22 33'] })).toEqual(
			error('Wrong numbers', [{ phone: '380971112233', error: BLOCKED_FOR_AUTODIAL_REASON }]),
		);
		expect(autodialer().numbers.map((n) => n.phone)).not.toContain('380501234567');
	});

	it('adds plain numbers and numbers with data; GET_NUMBER shows them as the doc does', async () => {
		// The doc's example number is also on the seeded BLOCKED_FOR_AUTODIAL_PHONES list.
		state().account.lists.set('BLOCKED_FOR_AUTODIAL_PHONES', []);
		const long = 'x'.repeat(600);
		expect(
			await add({
				highPriority: true,
				numbers: ['+38 (097) 111-22-33', 380971112234],
				numbersWithData: [
					{
						phone: '380671112235',
						name: 'n'.repeat(150),
						note: long,
						link: 'https://crm.example/1',
						params: { '1': 'first', '10': long, '3': null },
						audios: [{ id: 46615 }, { tts: { text: 'Hello', settingsId: 18 } }],
					},
				],
			}),
		).toEqual({ status: 'Success', message: 'Numbers added' });

		expect(await act({ action: 'GET_NUMBER', id: AUTODIALER, number: '380971112233' })).toEqual({
			taskId: AUTODIALER,
			phone: '380971112233',
			state: 'NEW',
			stateDateTime: null,
			calledCount: 0,
			realCalledCount: 0,
			highPriority: true,
			name: null,
			note: null,
			link: null,
			params: null,
			audios: null,
		});
		const withData = await act({
			action: 'GET_NUMBER',
			id: AUTODIALER,
			number: '+380 67 111 22 35',
		});
		expect(withData).toMatchObject({
			phone: '380671112235',
			name: 'n'.repeat(100),
			note: 'x'.repeat(500),
			link: 'https://crm.example/1',
			params: { '1': 'first', '10': 'x'.repeat(500), '3': null },
			audios: [{ id: 46615 }, { tts: { text: 'Hello', settingsId: 18 } }],
		});
		expect(autodialer().numbers).toHaveLength(6);
	});

	it('refuses the documented bad requests with the documented strings', async () => {
		expect(await add({}, 999)).toEqual(error('Task not found'));
		expect(await add({})).toEqual(error('Numbers is null or empty'));
		expect(await add({ numbers: [], numbersWithData: null })).toEqual(
			error('Numbers is null or empty'),
		);
		expect(
			await add({ numbers: phones(100_000), numbersWithData: [{ phone: '380670000000' }] }),
		).toEqual(error('Too many numbers'));
		const params = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [String(i + 1), 'v']));
		expect(await add({ numbersWithData: [{ phone: '380670000000', params }] })).toEqual(
			error('Too many params'),
		);
		for (const key of ['0', '11', 'a', '1.5'])
			expect(
				await add({ numbersWithData: [{ phone: '380670000000', params: { [key]: 'v' } }] }),
			).toEqual(error('Wrong parameter key'));
		expect(autodialer().numbers).toHaveLength(3);
	});

	it('"Wrong numbers" refuses the whole request and lists the offending entries as sent', async () => {
		state().autodialNumbers.refusedNumbers.add('380971111111');
		const answer = await add({
			numbers: ['380970001000', '12345', 'call me', '+380 97 111 11 11'],
			numbersWithData: [
				{ phone: '380970001001' },
				{ phone: '1234567890123456' },
				{ name: 'no phone' },
			],
		});
		expect(answer).toEqual(
			error('Wrong numbers', ['12345', 'call me', '+380 97 111 11 11', '1234567890123456', null]),
		);
		expect(autodialer().numbers).toHaveLength(3); // nothing was added
	});

	it('"Wrong audios" names each number with the first problem of its audios', async () => {
		const entry = (phone: string, audios: unknown[]) => ({ phone, audios });
		const answer = await add({
			numbersWithData: [
				entry('380970002001', [
					{ id: 46615 },
					{ id: 46615 },
					{ id: 46615 },
					{ id: 46615 },
					{ id: 46615 },
					{ id: 46615 },
				]),
				entry('380970002002', [
					{ tts: { text: 'a' } },
					{ tts: { text: 'b' } },
					{ tts: { text: 'c' } },
				]),
				entry('380970002003', [null]),
				entry('380970002004', [{ id: 999999 }]),
				entry('380970002005', [{ id: 4956 }]), // a hold melody, not an autodialer audio
				entry('380970002006', [{ tts: { text: null, ssml: null } }]),
				entry('380970002007', [{ tts: { text: 't'.repeat(2501) } }]),
				entry('380970002008', [{ tts: { ssml: 'no speak tag' } }]),
				entry('380970002009', [{ tts: { text: 'ok', settingsId: 4242 } }]),
				entry('380970002010', [{}]),
				entry('380970002011', [
					{ id: 46615 },
					{ tts: { ssml: '<speak>ok</speak>', settingsId: 16 } },
				]),
			],
		});
		expect(answer).toEqual(
			error('Wrong audios', [
				{ phone: '380970002001', error: 'Too many audios' },
				{ phone: '380970002002', error: 'Too many text to speech' },
				{ phone: '380970002003', error: 'Audio is null' },
				{ phone: '380970002004', error: 'Audio not found by id' },
				{ phone: '380970002005', error: 'Wrong type of audio' },
				{
					phone: '380970002006',
					error: 'Text to speech \u2018text\u2019 and \u2018ssml\u2019 is null',
				},
				{ phone: '380970002007', error: 'Text to speech \u2018text\u2019 not valid' },
				{ phone: '380970002008', error: 'Text to speech \u2018ssml\u2019 not valid' },
				{ phone: '380970002009', error: 'Text to speech settings not found by id' },
				{ phone: '380970002010', error: 'Audio is empty' },
			]),
		);
		expect(autodialer().numbers).toHaveLength(3);
	});

	it('GUARANTEED_DIAL takes one hold melody; VOICE_ROBOT ignores audios', async () => {
		autodialer().autodialerType = 'GUARANTEED_DIAL';
		expect(
			await add({ numbersWithData: [{ phone: '380970003001', audios: [{ id: 4956 }] }] }),
		).toEqual({
			status: 'Success',
			message: 'Numbers added',
		});
		expect(
			await add({ numbersWithData: [{ phone: '380970003002', audios: [{ id: 46615 }] }] }),
		).toEqual(error('Wrong audios', [{ phone: '380970003002', error: 'Wrong type of audio' }]));
		expect(
			await add({
				numbersWithData: [{ phone: '380970003003', audios: [{ id: 4956 }, { id: 4956 }] }],
			}),
		).toEqual(error('Wrong audios', [{ phone: '380970003003', error: 'Too many audios' }]));

		expect(
			await add({ numbersWithData: [{ phone: '380970003004', audios: [{ id: 999999 }] }] }, ROBOT),
		).toEqual({ status: 'Success', message: 'Numbers added' });
		expect(autodialer(ROBOT).numbers[0].audios).toBeNull();
	});

	it('adds a duplicate once, answers "Numbers not added" when nothing is new, and refreshDuplicates calls them again', async () => {
		expect(await add({ numbers: ['380970000001', '380970004001', '380970004001'] })).toEqual({
			status: 'Success',
			message: 'Numbers added',
		});
		expect(autodialer().numbers.map((n) => n.phone)).toEqual([
			'380970000001',
			'380970000002',
			'380970000003',
			'380970004001',
		]);
		expect(await add({ numbers: ['380970000002', '380970004001'] })).toEqual(
			error('Numbers not added'),
		);

		const answered = autodialer().numbers[1];
		expect(answered).toMatchObject({ state: 'ANSWER', calledCount: 1, realCalledCount: 1 });
		expect(
			await add({
				refreshDuplicates: true,
				highPriority: true,
				numbersWithData: [{ phone: '380970000002', name: 'Again' }],
			}),
		).toEqual({ status: 'Success', message: 'Numbers added' });
		expect(autodialer().numbers).toHaveLength(4);
		expect(answered).toMatchObject({
			state: 'NEW',
			stateDateTime: null,
			calledCount: 0,
			realCalledCount: 1,
			highPriority: true,
			name: 'Again',
		});
	});

	it('wakes a FINISHED autodialer: IN_PROGRESS inside its hours, WAITING outside', async () => {
		const a = autodialer();
		a.status = 'FINISHED';
		await add({ numbers: ['380970005001'] });
		expect(a.status).toBe('IN_PROGRESS');
		expect(a.statusChangedAt).toBe(T0);

		a.status = 'FINISHED';
		nowMs = Date.UTC(2026, 0, 17, 10, 0, 0); // Saturday: no hours
		await add({ numbers: ['380970005002'] });
		expect(a.status).toBe('WAITING');

		a.status = 'PAUSED';
		nowMs += 1000;
		await add({ numbers: ['380970005003'] });
		expect(a.status).toBe('PAUSED');
	});

	it('"Numbers limit exceeded" counts the numbers already there plus the new distinct ones', async () => {
		state().autodialNumbers.perAutodialerLimit = 5;
		expect(
			await add({ numbers: ['380970006001', '380970006001', '380970000001', '380970006002'] }),
		).toEqual({ status: 'Success', message: 'Numbers added' });
		expect(await add({ numbers: ['380970006003'] })).toEqual(error('Numbers limit exceeded'));
		expect(autodialer().numbers).toHaveLength(5);
	});
});

describe('the add/remove handler ("Handler is busy, try again later")', () => {
	it('is busy for 1 ms per 1,000 numbers after an add, for every add/remove of the project, and only for them', async () => {
		expect(await add({ numbers: phones(100_000) })).toEqual({
			status: 'Success',
			message: 'Numbers added',
		});
		nowMs = T0 + 50;
		const busy = error('Handler is busy, try again later');
		expect(await add({ numbers: ['380970007001'] }, ROBOT)).toEqual(busy);
		expect(
			await act({ action: 'REMOVE_NUMBERS', id: AUTODIALER, numbers: ['380500000000'] }),
		).toEqual(busy);
		expect(await act({ action: 'REMOVE_NUMBERS', id: AUTODIALER, callStates: ['NEW'] })).toEqual(
			busy,
		);
		expect(await act({ action: 'REMOVE_ALL_NUMBERS', id: AUTODIALER })).toEqual(busy);
		// Reading is not affected.
		expect(await act({ action: 'GET_NUMBERS', id: AUTODIALER, limit: 1 })).toHaveLength(1);

		nowMs = T0 + 100;
		expect(await add({ numbers: ['380970007001'] }, ROBOT)).toEqual({
			status: 'Success',
			message: 'Numbers added',
		});
		expect(sb.requests.filter((r) => r.outcome === 'rejected').map((r) => r.operation)).toEqual([
			'ADD_NUMBERS',
			'REMOVE_NUMBERS',
			'REMOVE_NUMBERS',
			'REMOVE_ALL_NUMBERS',
		]);
	});

	it('the time per 1,000 numbers is configurable, and holdHandler makes it busy on demand', async () => {
		state().autodialNumbers.msPerThousandNumbers = 0;
		await add({ numbers: phones(50_000) });
		expect(await add({ numbers: ['380970008001'] })).toEqual({
			status: 'Success',
			message: 'Numbers added',
		});
		state().autodialNumbers.holdHandler(2000);
		nowMs += 1999;
		expect(await add({ numbers: ['380970008002'] })).toEqual(
			error('Handler is busy, try again later'),
		);
		nowMs += 1;
		expect((await add({ numbers: ['380970008002'] })).status).toBe('Success');
	});
});

describe('GET_NUMBER / GET_NUMBERS', () => {
	it('GET_NUMBER errors: Task not found, Wrong phone number, Call not found', async () => {
		expect(await act({ action: 'GET_NUMBER', id: 999, number: '380970000001' })).toEqual(
			error('Task not found'),
		);
		expect(await act({ action: 'GET_NUMBER', id: AUTODIALER, number: '123' })).toEqual(
			error('Wrong phone number'),
		);
		expect(await act({ action: 'GET_NUMBER', id: AUTODIALER })).toEqual(
			error('Wrong phone number'),
		);
		expect(await act({ action: 'GET_NUMBER', id: AUTODIALER, number: '380979999999' })).toEqual(
			error('Call not found'),
		);
	});

	it('pages by offset and limit (default 1000, 1-5000) and filters by call states', async () => {
		await add({ numbers: phones(1500) });
		const all = await act({ action: 'GET_NUMBERS', id: AUTODIALER });
		expect(all).toHaveLength(1000);
		expect(all[0]).toMatchObject({ taskId: AUTODIALER, phone: '380970000001', state: 'NEW' });
		const tail = await act({ action: 'GET_NUMBERS', id: AUTODIALER, limit: 5000, offset: 1000 });
		expect(tail).toHaveLength(503);
		expect(tail[502].phone).toBe('380500001499');
		expect(await act({ action: 'GET_NUMBERS', id: AUTODIALER, limit: 2, offset: 1 })).toEqual([
			expect.objectContaining({ phone: '380970000002', state: 'ANSWER' }),
			expect.objectContaining({ phone: '380970000003', state: 'NOANSWER' }),
		]);
		const answered = await act({
			action: 'GET_NUMBERS',
			id: AUTODIALER,
			callStates: ['ANSWER', 'NOANSWER'],
			offset: 1,
		});
		expect(answered.map((n: { phone: string }) => n.phone)).toEqual(['380970000003']);
		expect(
			await act({ action: 'GET_NUMBERS', id: AUTODIALER, callStates: [], limit: 1 }),
		).toHaveLength(1);
	});

	it('GET_NUMBERS errors', async () => {
		expect(await act({ action: 'GET_NUMBERS', id: 999 })).toEqual(error('Task not found'));
		for (const limit of [0, 5001, -1, 2.5, 'ten'])
			expect(await act({ action: 'GET_NUMBERS', id: AUTODIALER, limit })).toEqual(
				error('Limit range is 1-5000'),
			);
		expect(await act({ action: 'GET_NUMBERS', id: AUTODIALER, offset: -1 })).toEqual(
			error('Offset cannot be negative'),
		);
	});
});

describe('REMOVE_NUMBERS / REMOVE_ALL_NUMBERS', () => {
	it('removes given numbers and lists the invalid ones in data', async () => {
		await add({ numbers: ['380970009001', '380970009002'] });
		expect(
			await act({
				action: 'REMOVE_NUMBERS',
				id: AUTODIALER,
				numbers: ['+380 97 000 90 01', '389833883838383838383838', '380979999999'],
				callStates: ['NEW'], // ignored: numbers win
			}),
		).toEqual({ status: 'Success', data: ['389833883838383838383838'] });
		expect(autodialer().numbers.map((n) => n.phone)).toEqual([
			'380970000001',
			'380970000002',
			'380970000003',
			'380970009002',
		]);
		// The index follows the list: the removed number can be added again.
		expect((await add({ numbers: ['380970009001'] })).status).toBe('Success');
	});

	it('removes by call states', async () => {
		expect(
			await act({ action: 'REMOVE_NUMBERS', id: AUTODIALER, callStates: ['ANSWER', 'NOANSWER'] }),
		).toEqual({ status: 'Success' });
		expect(autodialer().numbers.map((n) => n.phone)).toEqual(['380970000001']);
		expect(await act({ action: 'REMOVE_NUMBERS', id: AUTODIALER, callStates: ['ANSWER'] })).toEqual(
			error('Numbers not found by states'),
		);
	});

	it('REMOVE_NUMBERS errors', async () => {
		expect(await act({ action: 'REMOVE_NUMBERS', id: 999, numbers: ['380970000001'] })).toEqual(
			error('Task not found'),
		);
		expect(await act({ action: 'REMOVE_NUMBERS', id: AUTODIALER })).toEqual(
			error('numbers and states is null'),
		);
		expect(
			await act({ action: 'REMOVE_NUMBERS', id: AUTODIALER, numbers: [], callStates: null }),
		).toEqual(error('numbers and states is null'));
		expect(
			await act({ action: 'REMOVE_NUMBERS', id: AUTODIALER, numbers: phones(10_001) }),
		).toEqual(error('Too many numbers'));
		expect(await act({ action: 'REMOVE_NUMBERS', id: AUTODIALER, numbers: ['12', 'abc'] })).toEqual(
			error('Phones not found'),
		);
		expect(
			await act({ action: 'REMOVE_NUMBERS', id: AUTODIALER, numbers: ['380979999999'] }),
		).toEqual(error('Numbers not found'));
		expect(autodialer().numbers).toHaveLength(3);
	});

	it('REMOVE_ALL_NUMBERS empties the autodialer, then answers "Numbers not found"', async () => {
		expect(await act({ action: 'REMOVE_ALL_NUMBERS', id: AUTODIALER })).toEqual({
			status: 'Success',
			message: 'Removed',
		});
		expect(autodialer().numbers).toEqual([]);
		expect(await act({ action: 'REMOVE_ALL_NUMBERS', id: AUTODIALER })).toEqual(
			error('Numbers not found'),
		);
		expect(await act({ action: 'REMOVE_ALL_NUMBERS', id: 999 })).toEqual(error('Task not found'));
	});
});

describe('a million numbers in one autodialer', () => {
	it('adds 10 × 100,000, refuses one more, pages the end and removes 10,000 in one pass', async () => {
		const started = Date.now();
		await act({ action: 'REMOVE_ALL_NUMBERS', id: AUTODIALER });
		for (let batch = 0; batch < 10; batch++) {
			expect(await add({ numbers: phones(100_000, 380600000000 + batch * 100_000) })).toEqual({
				status: 'Success',
				message: 'Numbers added',
			});
			nowMs += 1000; // past the handler's busy window
		}
		const a = autodialer();
		expect(a.numbers).toHaveLength(1_000_000);
		expect(await add({ numbers: ['380970010001'] })).toEqual(error('Numbers limit exceeded'));
		expect(await add({ numbers: ['380600000000'] })).toEqual(error('Numbers not added'));

		const end = await act({ action: 'GET_NUMBERS', id: AUTODIALER, limit: 5000, offset: 999_000 });
		expect(end).toHaveLength(1000);
		expect(end[999].phone).toBe('380600999999');
		expect(
			await act({ action: 'GET_NUMBER', id: AUTODIALER, number: '380600543210' }),
		).toMatchObject({ phone: '380600543210', state: 'NEW' });

		expect(
			await act({
				action: 'REMOVE_NUMBERS',
				id: AUTODIALER,
				numbers: phones(10_000, 380600500000),
			}),
		).toEqual({ status: 'Success', data: [] });
		expect(a.numbers).toHaveLength(990_000);
		expect(await act({ action: 'GET_NUMBER', id: AUTODIALER, number: '380600505000' })).toEqual(
			error('Call not found'),
		);
		// Well under a minute on a laptop; a quadratic store would take hours.
		expect(Date.now() - started).toBeLessThan(60_000);
	}, 120_000);
});

describe('GET_CALLS_HISTORY and simulateCalls', () => {
	const history = (request: Record<string, unknown> | null, id = AUTODIALER) =>
		act({ action: 'GET_CALLS_HISTORY', id, callHistoryRequest: request });

	it('starts with the calls of the seeded numbers, newest first', async () => {
		const answer = await history({});
		expect(answer).toMatchObject({ count: 3, offset: 0, limit: 50 });
		expect(
			answer.items.map((c: { id: number; phone: string; state: string }) => [
				c.id,
				c.phone,
				c.state,
			]),
		).toEqual([
			[1002, '380970000003', 'NOANSWER'],
			[1001, '380970000002', 'ANSWER'],
			[1000, '380970000003', 'NOANSWER'],
		]);
	});

	it('simulateCalls dials the NEW numbers (priority first), sets their state and records the calls', async () => {
		await add({ numbers: ['380970011001', '380970011002'] });
		await add({
			highPriority: true,
			numbersWithData: [{ phone: '380970011003', name: 'VIP', params: { '2': 'gold' } }],
		});
		const calls = state().simulateCalls(AUTODIALER);
		expect(calls.map((c) => [c.phone, c.state])).toEqual([
			['380970011003', 'ANSWER'],
			['380970000001', 'NOANSWER'],
			['380970011001', 'BUSY'],
			['380970011002', 'ANSW_RJCT'],
		]);
		expect(calls[0]).toMatchObject({
			id: 1003,
			name: 'VIP',
			params: { '2': 'gold' },
			calledCount: 1,
			realCalledCount: 1,
			operatorNumber: expect.any(String),
			callEndTime: '2026-01-15 09:59:57',
		});
		expect(calls[3].callEndTime).toBe('2026-01-15 10:00:00');
		expect(
			await act({ action: 'GET_NUMBER', id: AUTODIALER, number: '380970011003' }),
		).toMatchObject({
			state: 'ANSWER',
			stateDateTime: '2026-01-15 09:59:57',
			calledCount: 1,
		});
		// Nothing NEW is left: the autodialer has finished.
		expect(autodialer().status).toBe('FINISHED');
		expect((await history({})).count).toBe(7);
	});

	it('pages by offset, limit and maxId (inclusive); count ignores offset and limit', async () => {
		await add({ numbers: phones(120) });
		state().simulateCalls(AUTODIALER); // ids 1003..1123
		const first = await history({ limit: 50 });
		expect(first.count).toBe(124);
		expect(first.items[0].id).toBe(1123);
		expect(first.items[49].id).toBe(1074);
		const byMaxId = await history({ limit: 50, maxId: 1073 });
		expect(byMaxId.count).toBe(74);
		expect(byMaxId.items[0].id).toBe(1073);
		const byOffset = await history({ limit: 50, offset: 50 });
		expect(byOffset.items).toEqual(byMaxId.items);
		const last = await history({ limit: 1000, maxId: 1010 });
		expect(last.items.map((c: { id: number }) => c.id)).toEqual(
			Array.from({ length: 11 }, (_, i) => 1010 - i),
		);
	});

	it('filters by dates, states, phone, operator, name, note, link, param and voice robot', async () => {
		await add({
			numbersWithData: [
				{
					phone: '380970012001',
					name: 'Alice Smith',
					note: 'VIP client',
					link: 'crm/1',
					params: { '1': 'Kyiv' },
				},
				{
					phone: '380970012002',
					name: 'Bob',
					note: 'cold',
					link: 'crm/2',
					params: { '5': 'Lviv' },
				},
			],
		});
		nowMs = T0 + 3_600_000;
		const calls = state().simulateCalls(AUTODIALER, { outcomes: ['ANSWER'] });
		expect(calls).toHaveLength(3);
		const ids = (r: { items: Array<{ id: number }> }) => r.items.map((c) => c.id);
		const [c1, c2, c3] = calls.map((c) => c.id); // 380970000001, ...12001, ...12002

		expect(ids(await history({ dateFrom: '2026-01-15 10:59:59' }))).toEqual([c3, c2]);
		expect(
			ids(await history({ dateFrom: '2026-01-15 10:59:59', dateTo: '2026-01-15 11:00:00' })),
		).toEqual([c2]);
		expect(ids(await history({ filter: { states: ['NOANSWER'] } }))).toEqual([1002, 1000]);
		expect(ids(await history({ filter: { phone: '+380 97 0012' } }))).toEqual([c3, c2]);
		expect(ids(await history({ filter: { name: 'alice' } }))).toEqual([c2]);
		expect(ids(await history({ filter: { note: 'COLD' } }))).toEqual([c3]);
		expect(ids(await history({ filter: { link: 'crm/' } }))).toEqual([c3, c2]);
		expect(ids(await history({ filter: { param: 'lviv' } }))).toEqual([c3]);
		const operator = calls[0].operatorNumber!;
		const withOperator = await history({ filter: { operatorNumber: `(${operator})` } });
		expect(withOperator.items.length).toBeGreaterThan(0);
		expect(
			withOperator.items.every((c: { operatorNumber: string }) => c.operatorNumber === operator),
		).toBe(true);
		expect(ids(await history({ filter: { phone: '', name: null, states: [] }, limit: 2 }))).toEqual(
			[c3, c2],
		);
		expect(c1).toBeLessThan(c2);

		// Voice robot filters need a voice robot autodialer.
		await add({ numbers: ['380970012101', '380970012102', '380970012103'] }, ROBOT);
		const robotCalls = state().simulateCalls(ROBOT, {
			outcomes: ['ANSWER', 'ANSW_RJCT', 'NOANSWER'],
		});
		expect(robotCalls[0].secretary).toMatchObject({ id: 25, steps: [expect.any(Object)] });
		expect(robotCalls[2].secretary).toBeNull(); // nobody picked up
		const robotIds = (filter: Record<string, unknown>) =>
			history({ filter }, ROBOT).then((r) => ids(r));
		expect(await robotIds({ voiceSecretaryIds: ['25'] })).toEqual([
			robotCalls[1].id,
			robotCalls[0].id,
		]);
		expect(await robotIds({ voiceSecretaryIds: [118] })).toEqual([]);
		const reason = robotCalls[0].secretary!.endReason as string;
		const nodeType = robotCalls[1].secretary!.endNodeType as string;
		expect(await robotIds({ voiceSecretaryEndReasons: [reason] })).toContain(robotCalls[0].id);
		expect(await robotIds({ voiceSecretaryEndNodeTypes: [nodeType] })).toContain(robotCalls[1].id);
		expect(await robotIds({ voiceSecretaryEndReasons: ['JUMP_LIMIT'] })).toEqual([]);
	});

	it('GET_CALLS_HISTORY errors', async () => {
		expect(await history({}, 999)).toEqual(error('Task not found'));
		expect(await act({ action: 'GET_CALLS_HISTORY', callHistoryRequest: {} })).toEqual(
			error('Task not found'),
		);
		expect(await history(null)).toEqual(error('callHistoryRequest is null'));
		expect(await act({ action: 'GET_CALLS_HISTORY', id: AUTODIALER })).toEqual(
			error('callHistoryRequest is null'),
		);
		for (const limit of [0, 1001])
			expect(await history({ limit })).toEqual(error('Limit range is 1-5000'));
		expect((await history({ limit: 1000 })).limit).toBe(1000);
		expect(await history({ offset: -1 })).toEqual(error('Offset is less than 0'));
		for (const dateFrom of ['2023-10-24', '2023-02-30 00:00:00', '2023-10-24T00:00:00', 5])
			expect(await history({ dateFrom })).toEqual(error('Invalid date from'));
		expect(await history({ dateTo: '24.10.2023 00:00:00' })).toEqual(error('Invalid date to'));
	});
});
