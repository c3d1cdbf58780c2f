/**
 * NXTele → Voice Notification → Send and Voice Verification Code → Send / Report Conversion against the
 * sandbox (research/nxcloud.md §4.9.2, §4.9.3, §4.10).
 */
import { startSandbox } from '../../../sandbox';
import type { Sandbox } from '../../../sandbox';
import { CONVERSION_PATH, NOTIFY_PATH, OTP_PATH } from '../../../sandbox/nxcloud/voice';
import { APP_KEY, APP_SECRET, formOf, nxcloudRequests, runVoice } from './voice-helpers';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const messages = () => sandbox.providers.nxcloud.state.messages;

describe('NXTele → Voice Notification → Send', () => {
	const notify = (parameters: Record<string, unknown>, items: object[] = [{}], settings = {}) =>
		runVoice(
			sandbox,
			'voiceNotification',
			'send',
			{
				numbers: '={{ $json.phones }}',
				countryCode: '86',
				displayNumber: '085944247',
				text: 'Your parcel arrives today',
				language: 'en',
				...parameters,
			},
			items,
			{ settings },
		);

	it('sends the documented form with the signed convention headers and returns the message ID', async () => {
		const result = await notify({}, [{ phones: '+86 132 4292 6514, 8613242926515' }]);

		expect(result.error()).toBeUndefined();
		const [request] = nxcloudRequests(sandbox, NOTIFY_PATH);
		expect(request.outcome).toBe('accepted');
		expect(formOf(request)).toEqual({
			appkey: APP_KEY,
			secretkey: APP_SECRET,
			phone: '8613242926514,8613242926515',
			country_code: '86',
			show_phone: '085944247',
			content: 'Your parcel arrives today',
			lang: 'en',
		});
		expect(request.headers).toMatchObject({ biztype: '7', action: 'notsend' });
		const out = result.output('Subject')[0];
		expect(out.json.messageId).toBe(messages()[0].messageid);
		expect(out.pairedItem).toEqual({ item: 0 });
	});

	it('calls the valid numbers and lists the others with the reason', async () => {
		const result = await notify({}, [{ phones: '8613242926514, 4915112345678, 86123' }]);
		expect(result.error()).toBeUndefined();
		expect(messages()[0].phones).toEqual(['8613242926514']);
		expect(result.output('Subject')[0].json.refusedNumbers).toEqual([
			{
				number: '4915112345678',
				reason: '"4915112345678" does not start with the country code 86',
			},
			{ number: '86123', reason: expect.stringContaining('has 5 digits') },
		]);
	});

	it('refuses an item without a number that can be called, naming it; the other items still go', async () => {
		const result = await notify({}, [{ phones: '12' }, { phones: '8613242926514' }], {
			onError: 'continueRegularOutput',
		});
		const out = result.output('Subject');
		expect(out[0].json.error).toMatch(
			/^Item 1: "Numbers" has no number that can be called: "12" has 2 digits/,
		);
		expect(out[1].json.messageId).toEqual(expect.any(String));
		expect(nxcloudRequests(sandbox, NOTIFY_PATH)).toHaveLength(1);
	});

	it('does not send again after a 500: the people may already have been called', async () => {
		sandbox.injectFault({ provider: 'nxcloud', path: NOTIFY_PATH, kind: 'http500', count: 1 });
		const result = await notify({}, [{ phones: '8613242926514' }]);
		expect(result.error('Subject')?.message).toMatch(
			/Voice Notification Send: the outcome is unknown/,
		);
		expect(nxcloudRequests(sandbox, NOTIFY_PATH)).toHaveLength(1);
	});

	it('reports a wrong access secret as a credential problem', async () => {
		const result = await runVoice(
			sandbox,
			'voiceNotification',
			'send',
			{
				numbers: '8613242926514',
				countryCode: '86',
				displayNumber: '1',
				text: 'x',
				language: 'en',
			},
			[{}],
			{ credentials: { accessSecret: 'wrong' } },
		);
		expect(result.error('Subject')?.message).toMatch(
			/refused the credentials: Invalid signature.*\(code 1003\)/,
		);
	});
});

describe('NXTele → Voice Verification Code', () => {
	const sendCode = (parameters: Record<string, unknown> = {}) =>
		runVoice(sandbox, 'voiceOtp', 'send', {
			number: '8613242926514',
			countryCode: '+86',
			displayNumber: '085944247',
			code: '4829 13',
			language: 'zh',
			options: { ext: 'order-1234' },
			...parameters,
		});

	it('sends the code digit by digit to one number, with the custom data', async () => {
		const result = await sendCode();
		expect(result.error()).toBeUndefined();
		expect(formOf(nxcloudRequests(sandbox, OTP_PATH)[0])).toMatchObject({
			phone: '8613242926514',
			country_code: '86',
			content: '4-8-2-9-1-3',
			lang: 'zh',
			ext: 'order-1234',
		});
		expect(result.output('Subject')[0].json.messageId).toBe(messages()[0].messageid);
	});

	it('refuses a code that is not digits and a second number, before sending', async () => {
		const badCode = await sendCode({ code: '12a4' });
		expect(badCode.error('Subject')?.message).toBe(
			'Item 1: "Code" must be 1 to 12 digits, got "12a4"',
		);
		const twoNumbers = await sendCode({ number: '8613242926514, 8613242926515' });
		expect(twoNumbers.error('Subject')?.message).toBe('Item 1: "Number" takes one number only');
		expect(nxcloudRequests(sandbox)).toHaveLength(0);
	});

	it('reports the conversion of a sent code, and says when NXCloud does not know the message', async () => {
		await sendCode();
		const messageId = messages()[0].messageid;
		const reported = await runVoice(sandbox, 'voiceOtp', 'reportConversion', {
			messageId,
			converted: true,
		});
		expect(reported.error()).toBeUndefined();
		expect(JSON.parse(nxcloudRequests(sandbox, CONVERSION_PATH)[0].rawBody)).toEqual({
			messageid: messageId,
			status: 1,
		});
		expect(messages()[0].conversion).toBe(1);
		expect(reported.output('Subject')[0].json).toMatchObject({ messageId, converted: true });

		const unknown = await runVoice(sandbox, 'voiceOtp', 'reportConversion', {
			messageId: 'nope',
			converted: false,
		});
		expect(unknown.error('Subject')?.message).toMatch(/messageid not exist \(code failed\)/);
	});
});
