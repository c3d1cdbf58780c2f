/**
 * NXTele → Group Call → Create against the sandbox (provider-docs/nxcloud-voice-group-call-params.txt):
 * items combined into the fewest tasks, every parameter of the table, refused numbers, retries that can
 * never create a second task.
 */
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { binaryItem } from '../harness/items-source';
import { GROUP_CALL_PATH } from '../../../sandbox/nxcloud/voice';
import { nxcloudRequests, runVoice } from './voice-helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const base = {
	appId: 'iaAJ6COV',
	taskName: 'June reminder',
	numbers: '={{ $json.phone }}',
	source: 'tts',
	text: 'Your appointment is tomorrow at 10',
	language: 'VN',
};

const run = (parameters: Record<string, unknown>, items: object[], settings = {}) =>
	runVoice(sandbox, 'groupCall', 'create', { ...base, ...parameters }, items, { settings });

const tasks = () => sandbox.providers.nxcloud.state.groupCalls;
const sentBodies = () =>
	nxcloudRequests(sandbox, GROUP_CALL_PATH).map(
		(r) => JSON.parse(r.rawBody) as Record<string, unknown>,
	);

describe('NXTele → Group Call → Create', () => {
	it('puts the numbers of all items into one task with the documented parameters', async () => {
		const result = await run(
			{
				displayNumber: '1008122211',
				loopCount: 2,
				maxCallSeconds: 40,
				maxRingingSeconds: 45,
				sendTime: '2026-06-21T09:30:00',
				allowedSendPeriods: {
					periods: [
						{ start: '09:00', end: '12:00' },
						{ start: '14:00', end: '18:28' },
					],
				},
			},
			[{ phone: '+86 132 4292 6514' }, { phone: '8613242926515, 8613242926516' }],
		);

		expect(result.error()).toBeUndefined();
		expect(tasks()).toHaveLength(1);
		expect(tasks()[0].numbers).toEqual(['8613242926514', '8613242926515', '8613242926516']);
		const [body] = sentBodies();
		expect(body).toMatchObject({
			appId: 'iaAJ6COV',
			displayNum: '1008122211',
			source: 3,
			text: 'Your appointment is tomorrow at 10',
			lan: 'VN',
			sendTime: '2026-06-21 09:30:00',
			loopCount: 2,
			maxCalls: 40,
			maxRingingTime: 45,
			hangUpSms: 0,
			toSeat: 0,
			allowSendTime: [
				{ strTime: '09:00', endTime: '12:00' },
				{ strTime: '14:00', endTime: '18:28' },
			],
		});
		expect(String(body.taskName)).toMatch(/^June reminder #[0-9a-f]{6}$/);
		const out = result.output('Subject');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(out[1].json).toMatchObject({
			numbersSent: 2,
			refusedNumbers: [],
			tasks: [{ taskName: body.taskName, taskId: tasks()[0].taskId, numbers: 2 }],
		});
	});

	it('leaves out numbers that cannot be dialed or repeat, says why, and calls the others', async () => {
		const result = await run({}, [
			{ phone: '8613242926514, 12ab, 123' },
			{ phone: '8613242926514' },
			{ phone: '8613242926599' },
		]);

		expect(result.error()).toBeUndefined();
		expect(tasks()[0].numbers).toEqual(['8613242926514', '8613242926599']);
		const out = result.output('Subject').map((i) => i.json);
		expect(out[0].numbersSent).toBe(1);
		expect(out[0].refusedNumbers).toEqual([
			{ number: '12ab', reason: expect.stringContaining('"12ab" contains letters') },
			{ number: '123', reason: expect.stringContaining('has 3 digits') },
		]);
		expect(out[1]).toMatchObject({
			numbersSent: 0,
			refusedNumbers: [
				{
					number: '8613242926514',
					reason: expect.stringContaining('already in this broadcast (item 1)'),
				},
			],
		});
		expect(out[2].numbersSent).toBe(1);
	});

	it('splits more numbers than fit into one task into numbered tasks', async () => {
		const items = Array.from({ length: 7 }, (_, i) => ({ phone: `86132429265${10 + i}` }));
		const result = await run({ options: { numbersPerTask: 3, runKey: false } }, items);

		expect(result.error()).toBeUndefined();
		expect(tasks().map((t) => [t.taskName, t.numbers.length])).toEqual([
			['June reminder 1/3', 3],
			['June reminder 2/3', 3],
			['June reminder 3/3', 1],
		]);
		const out = result.output('Subject');
		expect(out).toHaveLength(7);
		expect(out[6].json.tasks).toEqual([
			expect.objectContaining({ taskName: 'June reminder 3/3', numbers: 1 }),
		]);
	});

	it('makes two tasks for 200,001 numbers: NXCloud takes at most 200,000 per task', async () => {
		const items = Array.from({ length: 200_001 }, (_, i) => ({ phone: String(8610000000000 + i) }));
		const result = await run({}, items);

		expect(result.error()).toBeUndefined();
		expect(tasks().map((t) => t.numbers.length)).toEqual([200_000, 1]);
		expect(tasks().map((t) => t.taskName)).toEqual([
			expect.stringMatching(/^June reminder 1\/2 #/),
			expect.stringMatching(/^June reminder 2\/2 #/),
		]);
		expect(result.output('Subject')).toHaveLength(200_001);
	}, 120_000);

	it('sends the hang-up SMS block and the agent transfer with their "required if" fields', async () => {
		const result = await run(
			{
				hangUpSms: true,
				smsAppId: '9obbP7Nl',
				smsContent: 'Thanks',
				senderId: 'Shop',
				feedbackPush: true,
				feedbackValue: '3',
				successPush: true,
				successPushTime: 15,
				transferToAgents: true,
				sipGroupId: 1000019,
				calloutRate: 5,
				toSeatType: 2,
				toSeatKey: 9,
			},
			[{ phone: '8613242926514' }],
		);

		expect(result.error()).toBeUndefined();
		expect(sentBodies()[0]).toMatchObject({
			hangUpSms: 1,
			smsAppId: '9obbP7Nl',
			smsContent: 'Thanks',
			senderId: 'Shop',
			feedbackPush: 1,
			feedbackValue: '3',
			successPush: 1,
			successPushTime: 15,
			failedPush: 0,
			ringPush: 0,
			toSeat: 1,
			sipGroupId: 1000019,
			outboundControl: 1,
			calloutRate: 5,
			toSeatType: 2,
			toSeatKey: 9,
		});
	});

	it('refuses a hang-up SMS without a moment to send it, naming the item, and sends nothing', async () => {
		const result = await run({ hangUpSms: true, smsAppId: 'x', smsContent: 'y' }, [
			{ phone: '8613242926514' },
		]);
		expect(result.error('Subject')?.message).toBe(
			'Item 1: "Hang-Up SMS" needs at least one moment to send the SMS: on key press, after a successful call, after a failed call or on ringing (got 1)',
		);
		expect(nxcloudRequests(sandbox)).toHaveLength(0);
	});

	it('with Continue On Fail, an item with a bad value becomes an error item and the others still go', async () => {
		const result = await run(
			{ loopCount: '={{ $json.loops }}' },
			[
				{ phone: '8613242926514', loops: 1 },
				{ phone: '8613242926515', loops: 12 },
			],
			{ onError: 'continueRegularOutput' },
		);
		const out = result.output('Subject');
		expect(out[1].json.error).toBe(
			'Item 2: "Play Count" is too large: 12 given, at most 9 allowed',
		);
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(out[0].json.numbersSent).toBe(1);
		expect(tasks()).toHaveLength(1);
	});

	it('uploads the voice file of a binary field as base64 with the task', async () => {
		const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 13, 10]);
		const result = await run({ source: 'upload', binaryPropertyName: 'voice' }, [
			binaryItem(
				{ phone: '8613242926514' },
				{ voice: { bytes, mimeType: 'audio/mpeg', fileName: 'june-call.mp3' } },
			),
		]);
		expect(result.error()).toBeUndefined();
		const body = sentBodies()[0];
		expect(body).toMatchObject({ source: 2, uploadName: 'june-call.mp3' });
		expect(Buffer.from(String(body.baseFile), 'base64').equals(bytes)).toBe(true);
	});

	it('retries after the connection dropped once the task was created, and reports that one task', async () => {
		sandbox.injectFault({
			provider: 'nxcloud',
			path: GROUP_CALL_PATH,
			kind: 'reset-after',
			count: 1,
		});
		const result = await run({}, [{ phone: '8613242926514' }]);

		expect(result.error()).toBeUndefined();
		expect(tasks()).toHaveLength(1);
		const attempts = nxcloudRequests(sandbox, GROUP_CALL_PATH);
		expect(attempts.map((r) => r.acted)).toEqual([true, false]);
		expect(JSON.parse(attempts[1].responseBody ?? '{}').code).toBe('-20');
		expect(result.output('Subject')[0].json.tasks).toEqual([
			expect.objectContaining({ taskName: tasks()[0].taskName, alreadyCreated: true }),
		]);
	});

	it('without the run key, a name used before is an error from NXCloud', async () => {
		await run({ options: { runKey: false } }, [{ phone: '8613242926514' }]);
		const second = await run({ options: { runKey: false } }, [{ phone: '8613242926515' }]);
		expect(second.error('Subject')?.message).toMatch(/data already exists.*\(code -20\)/);
		expect(tasks()).toHaveLength(1);
	});

	it('without the run key, a dropped connection after the task was made is not retried and is reported as unknown', async () => {
		sandbox.injectFault({
			provider: 'nxcloud',
			path: GROUP_CALL_PATH,
			kind: 'reset-after',
			count: 1,
		});
		const result = await run({ options: { runKey: false } }, [{ phone: '8613242926514' }]);

		// A retry would hear "name used before" and report the task the first attempt made as refused.
		expect(nxcloudRequests(sandbox, GROUP_CALL_PATH)).toHaveLength(1);
		expect(tasks()).toHaveLength(1);
		// The run stops; its report puts the item among those whose outcome is unknown.
		const report = (result.error('Subject') as { context?: { bulk?: unknown } } | undefined)
			?.context?.bulk;
		expect(JSON.stringify(report)).toMatch(/"outcomeUnknown":\[\[1,1\]\]/);
	});

	it('refuses to run for an AI agent unless the flow builder allowed it', async () => {
		const result = await run({}, [{ phone: '8613242926514' }], {
			type: 'n8n-nodes-dialers.nxteleTool',
		});
		expect(result.error('Subject')?.message).toBe(
			'NXCloud Group Call places real phone calls and is not allowed for AI agents',
		);
		expect(nxcloudRequests(sandbox)).toHaveLength(0);
	});
});
