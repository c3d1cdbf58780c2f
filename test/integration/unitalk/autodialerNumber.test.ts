/**
 * Unitalk → Autodialer Number (Add, Get, Get Many, Remove, Remove All) against the sandbox: node
 * output and the exact requests recorded. Doc sections "Adding numbers", "Obtaining information about
 * the autodialer number", "Obtaining information about all autodialer numbers", "Deleting numbers",
 * "Delete all numbers". Seeded autodialer 12345 holds 380970000001 (NEW), 380970000002 (ANSWER) and
 * 380970000003 (NOANSWER).
 */
import { startSandbox } from '../../../sandbox';
import type { RecordedRequest, Sandbox } from '../../../sandbox';
import type { AutodialNumber } from '../../../sandbox/unitalk/state';
import { singleNodeWorkflow } from '../harness/build';
import { faultOnRequest } from '../harness/faults';
import { runWorkflow } from '../harness/workflow-runner';

// The governor keeps this file under 30 Unitalk requests per 10 s, so some tests wait for a slot.
jest.setTimeout(60_000);

const AUTODIALER = 12345;

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => {
	sandbox.reset();
	// Deterministic request counts: adding and removing does not keep the handler busy by itself
	// (the busy test holds it explicitly).
	state().autodialNumbers.msPerThousandNumbers = 0;
});

const state = () => sandbox.providers.unitalk.state;
const autodialer = () => state().autodialers.get(AUTODIALER)!;

const credentials = () => ({
	unitalkApi: { apiKey: sandbox.accounts.unitalk.apiKey, baseUrl: sandbox.baseUrls.unitalk },
});

const byId = (id: number | string = AUTODIALER) => ({ __rl: true, mode: 'id', value: String(id) });

const run = async (parameters: Record<string, unknown>, items: object[] = [{}], settings = {}) =>
	await runWorkflow(
		singleNodeWorkflow(
			'unitalk',
			{ resource: 'autodialerNumber', autodialer: byId(), ...parameters } as never,
			items,
			['unitalkApi'],
			settings,
		),
		{ credentials: credentials() },
	);

const requests = (action?: string): RecordedRequest[] =>
	sandbox.requests.filter(
		(r) => r.provider === 'unitalk' && (!action || JSON.parse(r.rawBody).action === action),
	);
const body = (r: RecordedRequest) => JSON.parse(r.rawBody) as Record<string, any>;
const phones = (n: number, from = 380500000000) =>
	Array.from({ length: n }, (_, i) => String(from + i));

/** Puts numbers straight into the sandbox autodialer (no request). */
function seedNumbers(list: string[], numberState = 'NEW'): void {
	for (const phone of list)
		autodialer().numbers.push({
			phone,
			state: numberState,
			stateDateTime: null,
			calledCount: 0,
			realCalledCount: 0,
			highPriority: false,
			name: null,
			note: null,
			link: null,
			params: null,
			audios: null,
		} as AutodialNumber);
}

describe('Unitalk → Autodialer Number → Add', () => {
	const add = (items: object[], options: Record<string, unknown> = {}, extra = {}, settings = {}) =>
		run({ operation: 'add', phone: '={{ $json.phone }}', options, ...extra }, items, settings);

	it('sends 250 items as 100 / 100 / 50 numbers and pairs every output item with its input item', async () => {
		const list = phones(250);
		const result = await add(
			list.map((phone) => ({ phone: `+${phone}` })),
			{ batchSize: 100 },
		);

		expect(result.error()).toBeUndefined();
		const sent = requests('ADD_NUMBERS');
		expect(sent).toHaveLength(3);
		expect(sent.map((r) => body(r).numbers.length)).toEqual([100, 100, 50]);
		expect(sent.every((r) => r.outcome === 'accepted')).toBe(true);
		expect(body(sent[0])).toEqual({
			action: 'ADD_NUMBERS',
			id: AUTODIALER,
			refreshDuplicates: false,
			highPriority: false,
			numbers: list.slice(0, 100),
		});
		expect(body(sent[2]).numbers).toEqual(list.slice(200));

		const out = result.output('Subject');
		expect(out).toHaveLength(250);
		out.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toEqual({ autodialerId: AUTODIALER, phone: list[i], status: 'added' });
		});
		expect(autodialer().numbers).toHaveLength(253);
	});

	it('sends number data in numbersWithData with the doc field names', async () => {
		const result = await add(
			[{ phone: '380971110001', name: 'Alice' }],
			{ highPriority: true },
			{
				numberData: {
					name: '={{ $json.name }}',
					note: 'VIP',
					link: 'https://crm.example/1',
					params: { param: [{ key: 2, value: 'gold' }] },
					audios: {
						audio: [
							{ source: 'id', audioId: 46615 },
							{ source: 'text', text: 'Hello {{name}}', settingsId: 18 },
						],
					},
				},
			},
		);

		expect(result.error()).toBeUndefined();
		const [sent] = requests('ADD_NUMBERS');
		expect(body(sent)).toEqual({
			action: 'ADD_NUMBERS',
			id: AUTODIALER,
			refreshDuplicates: false,
			highPriority: true,
			numbersWithData: [
				{
					phone: '380971110001',
					name: 'Alice',
					note: 'VIP',
					link: 'https://crm.example/1',
					params: { '2': 'gold' },
					audios: [{ id: 46615 }, { tts: { text: 'Hello {{name}}', settingsId: 18 } }],
				},
			],
		});
		expect(autodialer().numbers[3]).toMatchObject({
			phone: '380971110001',
			name: 'Alice',
			highPriority: true,
			params: { '2': 'gold' },
		});
	});

	it('maps a "Wrong numbers" answer back onto the items that carried them and sends the rest again', async () => {
		// A number that passes our own check but Unitalk refuses.
		state().autodialNumbers.refusedNumbers.add('380971110002');
		const result = await add([
			{ phone: '380971110001' },
			{ phone: '380 97 111 00 02' },
			{ phone: '380971110003, 380971110002' },
		]);

		expect(result.error()).toBeUndefined();
		const sent = requests('ADD_NUMBERS');
		expect(sent.map((r) => body(r).numbers)).toEqual([
			['380971110001', '380971110002', '380971110003', '380971110002'],
			['380971110001', '380971110003'],
		]);
		expect(JSON.parse(sent[0].responseBody!)).toEqual({
			status: 'Error',
			message: 'Wrong numbers',
			data: ['380971110002', '380971110002'],
		});
		const out = result.output('Subject');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json).toEqual({
			autodialerId: AUTODIALER,
			phone: '380971110001',
			status: 'added',
		});
		expect(out[1].json).toMatchObject({
			phone: '380971110002',
			status: 'rejected',
			reason: expect.stringMatching(/did not accept this number/),
		});
		// The refused number was settled first, the other one by the second request.
		expect(out[2].json).toEqual({
			autodialerId: AUTODIALER,
			added: 1,
			rejected: 1,
			alreadyPresent: 0,
			phones: expect.arrayContaining([
				{ phone: '380971110003', status: 'added' },
				{ phone: '380971110002', status: 'rejected', reason: expect.any(String) },
			]),
		});
		expect(autodialer().numbers.map((n) => n.phone)).toContain('380971110003');
		expect(autodialer().numbers.map((n) => n.phone)).not.toContain('380971110002');
	});

	it.each([
		[
			'a number with letters',
			[{ phone: '380971110001' }, { phone: '38097abc0001' }],
			/^Item 2: "Phone" "38097abc0001" contains letters/,
		],
		['an empty phone', [{ phone: '' }, { phone: '380971110001' }], /^Item 1: "Phone" is empty/],
	])(
		'refuses %s, naming the item and the "Phone" field, and sends nothing',
		async (_, items, message) => {
			const result = await add(items);
			expect(result.error('Subject')?.message).toMatch(message);
			expect(requests()).toHaveLength(0);
		},
	);

	it('with Continue On Fail keeps the valid items and sends them', async () => {
		const result = await add(
			[{ phone: '380971110001' }, { phone: 'call me' }, { phone: '380971110003' }],
			{},
			{},
			{ onError: 'continueRegularOutput' },
		);

		const sent = requests('ADD_NUMBERS');
		expect(sent).toHaveLength(1);
		expect(body(sent[0]).numbers).toEqual(['380971110001', '380971110003']);
		const out = result.output('Subject');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.status).toBe('added');
		expect(out[1].json.error).toMatch(/^Item 2: "Phone" "call me" contains letters/);
		expect(out[2].json.status).toBe('added');
	});

	it('retries "Handler is busy, try again later" until Unitalk takes the numbers', async () => {
		// Another add/remove of the project is running for the next 1.2 s.
		state().autodialNumbers.holdHandler(1200);
		const result = await add([{ phone: '380971110001' }]);

		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json.status).toBe('added');
		const sent = requests('ADD_NUMBERS');
		expect(sent.length).toBeGreaterThanOrEqual(2);
		expect(
			sent
				.slice(0, -1)
				.every((r) => JSON.parse(r.responseBody!).message === 'Handler is busy, try again later'),
		).toBe(true);
		expect(sent[sent.length - 1].outcome).toBe('accepted');
		expect(autodialer().numbers.map((n) => n.phone)).toContain('380971110001');
	});

	it('does not repeat a refreshDuplicates request after a 500 and says the outcome is unknown', async () => {
		// The run first reads the account's limits (GET_WITH_DATA): the add is the 2nd request.
		faultOnRequest(sandbox, 2, { provider: 'unitalk', path: '/autodial/action', kind: 'http500' });
		const result = await add([{ phone: '380970000002' }], { refreshDuplicates: true });

		const error = result.error('Subject');
		expect(error?.message).toBe('Unitalk Add Numbers: the outcome is unknown');
		expect(error?.description).toMatch(/may or may not have acted on it.*not sent again/s);
		expect(requests('ADD_NUMBERS')).toHaveLength(1);
		expect(body(requests('ADD_NUMBERS')[0]).refreshDuplicates).toBe(true);
	});

	it('repeats a plain add after a 500 (adding twice cannot add twice)', async () => {
		// The run first reads the account's limits (GET_WITH_DATA): the add is the 2nd request.
		faultOnRequest(sandbox, 2, { provider: 'unitalk', path: '/autodial/action', kind: 'http500' });
		const result = await add([{ phone: '380971110001' }]);

		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json.status).toBe('added');
		expect(requests('ADD_NUMBERS').map((r) => r.outcome)).toEqual(['fault', 'accepted']);
	});

	it('reports numbers already in the autodialer ("Numbers not added") as alreadyPresent, not as a failure', async () => {
		// The add went through but its answer was lost: the retry finds the number there.
		// The run first reads the account's limits (GET_WITH_DATA): the add is the 2nd request.
		faultOnRequest(sandbox, 2, {
			provider: 'unitalk',
			path: '/autodial/action',
			kind: 'reset-after',
		});
		const result = await add([{ phone: '380971110001' }, { phone: '380970000002' }]);

		expect(result.error()).toBeUndefined();
		expect(requests('ADD_NUMBERS').map((r) => [r.outcome, r.acted])).toEqual([
			['fault', true],
			['rejected', false],
		]);
		expect(JSON.parse(requests('ADD_NUMBERS')[1].responseBody!).message).toBe('Numbers not added');
		expect(result.output('Subject').map((i) => i.json.status)).toEqual([
			'alreadyPresent',
			'alreadyPresent',
		]);
		expect(autodialer().numbers.filter((n) => n.phone === '380971110001')).toHaveLength(1);
	});
});

describe('Unitalk → Autodialer Number → Get', () => {
	it('returns the number as Unitalk describes it', async () => {
		const result = await run({ operation: 'get', phone: '={{ $json.phone }}' }, [
			{ phone: '+380 97 000 00 02' },
		]);

		expect(result.error()).toBeUndefined();
		expect(body(requests()[0])).toEqual({
			action: 'GET_NUMBER',
			id: AUTODIALER,
			number: '380970000002',
		});
		expect(result.output('Subject')).toEqual([
			{
				json: {
					taskId: AUTODIALER,
					phone: '380970000002',
					state: 'ANSWER',
					stateDateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
					calledCount: 1,
					realCalledCount: 1,
					highPriority: false,
					name: null,
					note: null,
					link: null,
					params: null,
					audios: null,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('explains a number that is not in the autodialer', async () => {
		const result = await run({ operation: 'get', phone: '380979999999' });
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Get Number: Call not found: this number is not in the autodialer',
		);
		expect(requests()).toHaveLength(1);
	});

	it('refuses a bad number or autodialer ID before sending', async () => {
		const bad = await run({ operation: 'get', phone: '12-34' });
		expect(bad.error('Subject')?.message).toMatch(/^Item 1: "Phone" "12-34" has 4 digits/);
		// A fixed value is checked by the editor; a mapped one by the node.
		const noId = await run(
			{ operation: 'get', phone: '380970000002', autodialer: byId('={{ $json.id }}') },
			[{ id: 'abc' }],
		);
		expect(noId.error('Subject')?.message).toMatch(
			/^Item 1: "Autodialer" must be an autodialer ID/,
		);
		expect(requests()).toHaveLength(0);
	});
});

describe('Unitalk → Autodialer Number → Get Many', () => {
	it('reads one page with Limit, Offset and the call-state filter', async () => {
		const result = await run({
			operation: 'getMany',
			limit: 1,
			filters: { callStates: ['ANSWER', 'NOANSWER'] },
			options: { offset: 1 },
		});

		expect(result.error()).toBeUndefined();
		expect(body(requests()[0])).toEqual({
			action: 'GET_NUMBERS',
			id: AUTODIALER,
			limit: 1,
			offset: 1,
			callStates: ['ANSWER', 'NOANSWER'],
		});
		expect(result.output('Subject')).toEqual([
			{
				json: expect.objectContaining({ phone: '380970000003', state: 'NOANSWER' }),
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Return All reads pages of 5,000 until a short page', async () => {
		seedNumbers(phones(11_997)); // 12,000 numbers in all
		const result = await run({ operation: 'getMany', returnAll: true });

		expect(result.error()).toBeUndefined();
		const sent = requests('GET_NUMBERS');
		expect(sent.map((r) => [body(r).limit, body(r).offset])).toEqual([
			[5000, 0],
			[5000, 5000],
			[5000, 10_000],
		]);
		const out = result.output('Subject');
		expect(out).toHaveLength(12_000);
		expect(out[0].json.phone).toBe('380970000001');
		expect(out[11_999].json.phone).toBe('380500011996');
		expect(out.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('refuses a limit above 5,000 before sending', async () => {
		const result = await run({ operation: 'getMany', limit: 5001 });
		expect(result.error('Subject')?.message).toMatch(
			/^Item 1: "Limit" is too large: 5001 given, at most 5000 allowed/,
		);
		expect(requests()).toHaveLength(0);
	});
});

describe('Unitalk → Autodialer Number → Remove', () => {
	it('removes 25,000 numbers from 25,000 items in 3 requests of at most 10,000', async () => {
		const list = phones(25_000);
		seedNumbers(list);
		const result = await run(
			{ operation: 'remove', removeBy: 'numbers', phone: '={{ $json.phone }}' },
			list.map((phone) => ({ phone })),
		);

		expect(result.error()).toBeUndefined();
		const sent = requests('REMOVE_NUMBERS');
		expect(sent.map((r) => body(r).numbers.length)).toEqual([10_000, 10_000, 5000]);
		expect(body(sent[1]).numbers[0]).toBe(list[10_000]);
		const out = result.output('Subject');
		expect(out).toHaveLength(25_000);
		expect(out[24_999]).toEqual({
			json: { autodialerId: AUTODIALER, phone: list[24_999], status: 'removed' },
			pairedItem: { item: 24_999 },
		});
		expect(autodialer().numbers).toHaveLength(3);
	});

	it('marks the numbers Unitalk calls invalid, and numbers that are not there as notFound', async () => {
		state().autodialNumbers.refusedNumbers.add('380979990001');
		const first = await run({ operation: 'remove', phone: '={{ $json.phone }}' }, [
			{ phone: '380970000001, 380979990001' },
		]);
		expect(first.error()).toBeUndefined();
		expect(JSON.parse(requests('REMOVE_NUMBERS')[0].responseBody!)).toEqual({
			status: 'Success',
			data: ['380979990001'],
		});
		expect(first.output('Subject')[0].json).toMatchObject({
			autodialerId: AUTODIALER,
			removed: 1,
			notFound: 0,
			invalid: 1,
			phones: [
				{ phone: '380970000001', status: 'removed' },
				{ phone: '380979990001', status: 'invalid', reason: expect.any(String) },
			],
		});

		// Removing again is not an error: the number is simply not there any more.
		const again = await run({ operation: 'remove', phone: '380970000001' });
		expect(again.error()).toBeUndefined();
		expect(again.output('Subject')[0].json).toEqual({
			autodialerId: AUTODIALER,
			phone: '380970000001',
			status: 'notFound',
			reason: expect.stringMatching(/^Numbers not found/),
		});
		expect(requests('REMOVE_NUMBERS')).toHaveLength(2);
	});

	it('removes by call states, one request per item; no number in those states is a result', async () => {
		const result = await run(
			{ operation: 'remove', removeBy: 'callStates', callStates: '={{ $json.states }}' },
			[{ states: ['ANSWER', 'NOANSWER'] }, { states: 'BUSY' }],
		);

		expect(result.error()).toBeUndefined();
		expect(requests().map((r) => body(r))).toEqual([
			{ action: 'REMOVE_NUMBERS', id: AUTODIALER, callStates: ['ANSWER', 'NOANSWER'] },
			{ action: 'REMOVE_NUMBERS', id: AUTODIALER, callStates: ['BUSY'] },
		]);
		expect(result.output('Subject')).toEqual([
			{
				json: {
					autodialerId: AUTODIALER,
					callStates: ['ANSWER', 'NOANSWER'],
					removed: true,
					status: 'Success',
				},
				pairedItem: { item: 0 },
			},
			{
				json: {
					autodialerId: AUTODIALER,
					callStates: ['BUSY'],
					removed: false,
					message: expect.stringMatching(/^Numbers not found by states/),
				},
				pairedItem: { item: 1 },
			},
		]);
		expect(autodialer().numbers.map((n) => n.phone)).toEqual(['380970000001']);
	});

	it('refuses a bad number or an empty call-state list before sending', async () => {
		const bad = await run({ operation: 'remove', phone: '={{ $json.phone }}' }, [
			{ phone: '380970000001' },
			{ phone: '' },
		]);
		expect(bad.error('Subject')?.message).toMatch(/^Item 2: "Phone" is empty/);
		const noStates = await run({
			operation: 'remove',
			removeBy: 'callStates',
			callStates: '={{ [] }}',
		});
		expect(noStates.error('Subject')?.message).toMatch(
			/^Item 1: "Call State Names or IDs" has too few entries/,
		);
		expect(requests()).toHaveLength(0);
	});
});

describe('Unitalk → Autodialer Number → Remove All', () => {
	it('empties the autodialer; an empty one is a result, not an error', async () => {
		const first = await run({ operation: 'removeAll' });
		expect(first.error()).toBeUndefined();
		expect(first.output('Subject')).toEqual([
			{
				json: { autodialerId: AUTODIALER, removed: true, status: 'Success', message: 'Removed' },
				pairedItem: { item: 0 },
			},
		]);
		expect(autodialer().numbers).toEqual([]);

		const again = await run({ operation: 'removeAll' });
		expect(again.output('Subject')[0].json).toEqual({
			autodialerId: AUTODIALER,
			removed: false,
			message: expect.stringMatching(/^Numbers not found/),
		});
		expect(requests().map((r) => body(r))).toEqual([
			{ action: 'REMOVE_ALL_NUMBERS', id: AUTODIALER },
			{ action: 'REMOVE_ALL_NUMBERS', id: AUTODIALER },
		]);
	});

	it('passes on "Task not found" for an unknown autodialer', async () => {
		const result = await run({ operation: 'removeAll', autodialer: byId(999) });
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Remove All Numbers: Task not found: no autodialer has this ID in the project',
		);
	});
});
