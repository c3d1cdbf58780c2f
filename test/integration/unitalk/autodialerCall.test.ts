/**
 * Unitalk → Autodialer Call → Get Many against the sandbox: node output and the exact requests
 * recorded. Doc section "Obtaining information about autodialer calls". The seeded autodialer 12345
 * has three calls (ids 1000-1002); `state.simulateCalls` makes more (ids from 1003 on).
 */
import { startSandbox } from '../../../sandbox';
import type { RecordedRequest, Sandbox } from '../../../sandbox';
import type { AutodialNumber } from '../../../sandbox/unitalk/state';
import { singleNodeWorkflow } from '../harness/build';
import { runWorkflow } from '../harness/workflow-runner';

// The governor keeps this file under 30 Unitalk requests per 10 s, so some tests wait for a slot.
jest.setTimeout(60_000);

const AUTODIALER = 12345;
const ROBOT = 12346; // VOICE_ROBOT with voice robot 25

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const state = () => sandbox.providers.unitalk.state;

const credentials = () => ({
	unitalkApi: { apiKey: sandbox.accounts.unitalk.apiKey, baseUrl: sandbox.baseUrls.unitalk },
});

const byId = (id: number | string = AUTODIALER) => ({ __rl: true, mode: 'id', value: String(id) });

const run = async (parameters: Record<string, unknown>, items: object[] = [{}]) =>
	await runWorkflow(
		singleNodeWorkflow(
			'unitalk',
			{
				resource: 'autodialerCall',
				operation: 'getMany',
				autodialer: byId(),
				...parameters,
			} as never,
			items,
			['unitalkApi'],
		),
		{ credentials: credentials() },
	);

const requests = (): RecordedRequest[] => sandbox.requests.filter((r) => r.provider === 'unitalk');
const body = (r: RecordedRequest) => JSON.parse(r.rawBody) as Record<string, any>;
const historyRequests = () => requests().map((r) => body(r).callHistoryRequest);

/** Numbers straight into a sandbox autodialer, then dialled: one call each. */
function makeCalls(count: number, id = AUTODIALER, outcomes?: string[]) {
	const a = state().autodialers.get(id)!;
	const phones = Array.from({ length: count }, (_, i) => String(380500000000 + i));
	for (let i = 0; i < count; i++)
		a.numbers.push({
			phone: phones[i],
			state: 'NEW',
			stateDateTime: null,
			calledCount: 0,
			realCalledCount: 0,
			highPriority: false,
			name: i % 2 ? 'Odd lead' : 'Even lead',
			note: null,
			link: null,
			params: { '1': `lead-${i}` },
			audios: null,
		} as AutodialNumber);
	return state().simulateCalls(id, { phones, ...(outcomes ? { outcomes } : {}) });
}

describe('Unitalk → Autodialer Call → Get Many', () => {
	it('reads the newest calls up to Limit, one output item per call', async () => {
		const result = await run({ limit: 2 });

		expect(result.error()).toBeUndefined();
		expect(requests().map((r) => body(r))).toEqual([
			{ action: 'GET_CALLS_HISTORY', id: AUTODIALER, callHistoryRequest: { limit: 2 } },
		]);
		const out = result.output('Subject');
		expect(out.map((i) => [i.json.id, i.json.phone, i.json.state])).toEqual([
			[1002, '380970000003', 'NOANSWER'],
			[1001, '380970000002', 'ANSWER'],
		]);
		expect(out[1].json).toMatchObject({
			operatorNumber: expect.any(String),
			callEndTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
			withdrawByCategories: { CALL: '0.50', AUTODIALER: '0.02' },
		});
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('sends every documented filter with the doc field names and dates as yyyy-MM-dd HH:mm:ss', async () => {
		const calls = makeCalls(4);
		const answered = calls.find((c) => c.state === 'ANSWER')!;
		const result = await run({
			limit: 10,
			filters: {
				dateFrom: '2000-01-15T09:00:00',
				dateTo: '2100-01-16T18:30:00',
				states: ['ANSWER', 'NOANSWER'],
				phone: '+380 50',
				operatorNumber: answered.operatorNumber,
				name: 'even',
				note: '',
				link: '',
				param: 'lead-0',
				voiceSecretaryIds: [],
				voiceSecretaryEndReasons: [],
				voiceSecretaryEndNodeTypes: [],
			},
			options: { offset: 0, maxId: 5000 },
		});

		expect(result.error()).toBeUndefined();
		expect(historyRequests()).toEqual([
			{
				limit: 10,
				maxId: 5000,
				dateFrom: '2000-01-15 09:00:00',
				dateTo: '2100-01-16 18:30:00',
				filter: {
					states: ['ANSWER', 'NOANSWER'],
					phone: '+380 50',
					operatorNumber: answered.operatorNumber,
					name: 'even',
					param: 'lead-0',
				},
			},
		]);
		expect(result.output('Subject').map((i) => i.json.id)).toEqual([answered.id]);
	});

	it('filters by voice robot, end reason and end node type', async () => {
		const calls = makeCalls(3, ROBOT, ['ANSWER', 'ANSW_RJCT', 'NOANSWER']);
		const [first] = calls;
		const result = await run({
			autodialer: byId(ROBOT),
			filters: {
				voiceSecretaryIds: [25],
				voiceSecretaryEndReasons: [first.secretary!.endReason],
				voiceSecretaryEndNodeTypes: [first.secretary!.endNodeType],
			},
		});

		expect(result.error()).toBeUndefined();
		expect(historyRequests()).toEqual([
			{
				limit: 50,
				filter: {
					voiceSecretaryIds: ['25'],
					voiceSecretaryEndReasons: [first.secretary!.endReason],
					voiceSecretaryEndNodeTypes: [first.secretary!.endNodeType],
				},
			},
		]);
		expect(result.output('Subject').map((i) => i.json.id)).toEqual([first.id]);
		expect(result.output('Subject')[0].json.secretary).toMatchObject({ id: 25 });
	});

	it('Return All walks down the call IDs with maxId, 1,000 calls a page', async () => {
		makeCalls(2500); // ids 1003..3502, plus the seeded 1000..1002
		const result = await run({ returnAll: true });

		expect(result.error()).toBeUndefined();
		expect(historyRequests()).toEqual([
			{ limit: 1000 },
			{ limit: 1000, maxId: 2502 },
			{ limit: 1000, maxId: 1502 },
		]);
		const ids = result.output('Subject').map((i) => i.json.id as number);
		expect(ids).toHaveLength(2503);
		expect(ids[0]).toBe(3502);
		expect(ids[2502]).toBe(1000);
		expect(new Set(ids).size).toBe(2503);
	});

	it('Return All starting below a given Max Call ID', async () => {
		makeCalls(1500);
		const result = await run({ returnAll: true, options: { maxId: 2200 } });

		expect(result.error()).toBeUndefined();
		expect(historyRequests()).toEqual([
			{ limit: 1000, maxId: 2200 },
			{ limit: 1000, maxId: 1200 },
		]);
		expect(result.output('Subject')).toHaveLength(1201);
	});

	it('Return All can page by offset instead', async () => {
		makeCalls(2000); // 2003 calls in all
		const result = await run({ returnAll: true, options: { paging: 'offset' } });

		expect(result.error()).toBeUndefined();
		expect(historyRequests()).toEqual([
			{ limit: 1000, offset: 0 },
			{ limit: 1000, offset: 1000 },
			{ limit: 1000, offset: 2000 },
		]);
		const ids = result.output('Subject').map((i) => i.json.id as number);
		expect(ids).toHaveLength(2003);
		expect(new Set(ids).size).toBe(2003);
	});

	it.each([
		[
			'a limit above 1,000',
			{ limit: '={{ 1001 }}' },
			/^Item 1: "Limit" is too large: 1001 given, at most 1000 allowed/,
		],
		[
			'a phone filter without digits',
			{ filters: { phone: 'abc' } },
			/^Item 1: "Phone" must contain digits/,
		],
		[
			'a date that is not one',
			{ filters: { dateFrom: '={{ "yesterday" }}' } },
			/^Item 1: "Date From" must be a date and time/,
		],
		[
			'Date To before Date From',
			{ filters: { dateFrom: '2026-01-16T00:00:00', dateTo: '2026-01-15T00:00:00' } },
			/^Item 1: "Date To" must be after "Date From" \(2026-01-16 00:00:00\)/,
		],
		[
			'a voice robot that is not an ID',
			{ filters: { voiceSecretaryIds: '={{ ["robot"] }}' } },
			/^Item 1: "Voice Robot Names or IDs 1" must be voice robot IDs/,
		],
	])(
		'refuses %s, naming the item and the field, and sends nothing',
		async (_, parameters, message) => {
			const result = await run(parameters);
			expect(result.error('Subject')?.message).toMatch(message);
			expect(requests()).toHaveLength(0);
		},
	);

	it('passes on "Task not found" for an unknown autodialer', async () => {
		const result = await run({ autodialer: byId(999) });
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Get Calls: Task not found: no autodialer has this ID in the project',
		);
		expect(requests()).toHaveLength(1);
	});
});
