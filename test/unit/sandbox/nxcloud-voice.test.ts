/**
 * The sandbox's NXCloud voice group call follows the seed parameter table
 * (provider-docs/nxcloud-voice-group-call-params.txt), not the node: checked here with raw signed requests.
 */
import { startSandbox, type Sandbox } from '../../../sandbox';
import { GROUP_CALL_PATH } from '../../../sandbox/nxcloud/voice';
import { conventionPost } from './helpers';

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox();
});
afterAll(async () => await sb.close());
beforeEach(() => sb.reset());

const valid = {
	appId: 'iaAJ6COV',
	taskName: 'Seed example',
	numberList: ['8613242926514'],
	source: 3,
	text: 'Hi',
	lan: 'VN',
	loopCount: 1,
	maxCalls: 40,
};

const send = async (body: unknown) =>
	(
		await conventionPost(sb.baseUrls.nxcloud, GROUP_CALL_PATH, sb.accounts.nxcloud, Date.now(), {
			body: JSON.stringify(body),
			action: 'groupCall',
		})
	).json;

describe('sandbox NXCloud group call', () => {
	it('accepts the seed parameters and refuses a repeated task name (-20)', async () => {
		expect(await send(valid)).toEqual({ code: '0', msg: 'success', data: 1000 });
		expect((await send(valid)).code).toBe('-20');
		expect(sb.providers.nxcloud.state.groupCalls).toHaveLength(1);
	});

	it.each([
		['loopCount above 9', { loopCount: 10 }, /loopCount/],
		['maxCalls above 999', { maxCalls: 1000 }, /maxCalls/],
		['a 6-digit number', { numberList: ['123456'] }, /numberList\.0/],
		['a task name of 1 character', { taskName: 'x' }, /taskName/],
		['source 1 without voiceFileId', { source: 1 }, /voiceFileId: required when source=1/],
		['hang-up SMS without its fields', { hangUpSms: 1 }, /smsAppId: required when hangUpSms=1/],
		[
			'hang-up SMS with no push moment',
			{
				hangUpSms: 1,
				smsAppId: 'a',
				smsContent: 'b',
				feedbackPush: 0,
				successPush: 0,
				failedPush: 0,
				ringPush: 0,
			},
			/at least one of feedbackPush/,
		],
		[
			'toSeatType 2 without the key',
			{ toSeat: 1, sipGroupId: 1, outboundControl: 1, calloutRate: 1, toSeatType: 2 },
			/toSeatKey/,
		],
		[
			'calloutRate above 100',
			{ toSeat: 1, sipGroupId: 1, outboundControl: 1, calloutRate: 101, toSeatType: 1 },
			/calloutRate/,
		],
		[
			'four send periods',
			{ allowSendTime: Array(4).fill({ strTime: '09:00', endTime: '10:00' }) },
			/allowSendTime/,
		],
		['ringing of 10 s', { maxRingingTime: 10 }, /maxRingingTime/],
	])('refuses %s (-21)', async (_name, change, message) => {
		const answer = await send({ ...valid, ...change });
		expect(answer.code).toBe('-21');
		expect(answer.msg).toMatch(message);
		expect(sb.providers.nxcloud.state.groupCalls).toHaveLength(0);
	});

	it('refuses more than 200,000 numbers in one task (-23)', async () => {
		const numberList = Array.from({ length: 200_001 }, (_, i) => String(8610000000000 + i));
		const answer = await send({ ...valid, numberList });
		expect(answer.code).toBe('-23');
		expect(sb.providers.nxcloud.state.groupCalls).toHaveLength(0);
	});
});
