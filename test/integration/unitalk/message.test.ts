/**
 * Unitalk → Message (Send, Send Bulk, Get Status) against the sandbox: node output and the exact
 * requests the sandbox recorded. Doc sections "Message sending", "Bulk message sending", "Getting the
 * message sending status".
 */
import { startSandbox } from '../../../sandbox';
import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { singleNodeWorkflow } from '../harness/build';
import { runWorkflow } from '../harness/workflow-runner';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const credentials = () => ({
	unitalkApi: { apiKey: sandbox.accounts.unitalk.apiKey, baseUrl: sandbox.baseUrls.unitalk },
});

const workflow = (parameters: Record<string, unknown>, items: object[], settings = {}) =>
	singleNodeWorkflow(
		'unitalk',
		{ resource: 'message', ...parameters } as never,
		items,
		['unitalkApi'],
		settings,
	);

const run = async (parameters: Record<string, unknown>, items: object[], settings = {}) =>
	await runWorkflow(workflow(parameters, items, settings), { credentials: credentials() });

const unitalkRequests = (path?: string): RecordedRequest[] =>
	sandbox.requests.filter((r) => r.provider === 'unitalk' && (!path || r.path === path));

const body = (r: RecordedRequest) => JSON.parse(r.rawBody) as Record<string, unknown>;

const messaging = () => sandbox.providers.unitalk.state.messaging;

/** 380970000000 + n, as the 12-digit Ukrainian numbers of the doc's examples. */
const phone = (n: number) => String(380970000000 + n);

describe('Unitalk → Message → Send', () => {
	it('sends one SMS per item with the documented body and returns the message id', async () => {
		const result = await run(
			{
				operation: 'send',
				messageType: 'SMS',
				phone: '={{ $json.phone }}',
				text: '={{ $json.text }}',
			},
			[
				{ phone: '+380 (97) 123-45-67', text: 'Your order is ready' },
				{ phone: '380671234567', text: 'Ваше замовлення готове 📦' },
			],
		);

		expect(result.error()).toBeUndefined();
		const out = result.output('Subject');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const sent = [...messaging().messages.values()];
		expect(out.map((i) => i.json)).toEqual([
			{ messageId: sent[0].id, messageType: 'SMS', to: '380971234567' },
			{ messageId: sent[1].id, messageType: 'SMS', to: '380671234567' },
		]);
		const requests = unitalkRequests('/message/send');
		expect(requests).toHaveLength(2);
		expect(requests[0].headers['content-type']).toMatch(/application\/json/);
		expect(requests[0].rawBody).toBe(
			'{"messageType":"SMS","to":"380971234567","text":"Your order is ready"}',
		);
		expect(body(requests[1])).toEqual({
			messageType: 'SMS',
			to: '380671234567',
			text: 'Ваше замовлення готове 📦',
		});
		expect(sent.map((m) => m.text)).toEqual(['Your order is ready', 'Ваше замовлення готове 📦']);
	});

	it('sends a Viber message with the alpha name in the doc\'s "alfaName" field', async () => {
		const result = await run(
			{
				operation: 'send',
				messageType: 'VIBER',
				phone: '380971234567',
				text: 'Hello from Viber',
				options: { alfaName: 'ShopViber' },
			},
			[{}],
		);

		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')[0].json).toMatchObject({ messageType: 'VIBER' });
		expect(body(unitalkRequests('/message/send')[0])).toEqual({
			messageType: 'VIBER',
			alfaName: 'ShopViber',
			to: '380971234567',
			text: 'Hello from Viber',
		});
	});

	it('reports the service refusing a number with the documented error and its explanation', async () => {
		messaging().refuseNumber('380971234567', "Recipient's number is blocked");
		const result = await run(
			{ operation: 'send', messageType: 'SMS', phone: '380971234567', text: 'Hi' },
			[{}],
		);

		const error = result.error('Subject');
		expect(error?.message).toMatch(/^Unitalk Send Message: Service response: /);
		expect(error?.description).toMatch(/Recipient's number is blocked/);
		// A message send is not repeated after a refusal.
		expect(unitalkRequests()).toHaveLength(1);
	});

	it.each([
		['an empty text', { phone: '380971234567', text: '   ' }, 'SMS', /^Item 2: "Text" is required/],
		[
			'a Viber text over 1000 characters',
			{ phone: '380971234567', text: 'x'.repeat(1001) },
			'VIBER',
			/^Item 2: "Text" is too long for Viber: 1001 characters given, at most 1000 allowed/,
		],
		[
			'a phone with letters',
			{ phone: '38097ABC4567', text: 'Hi' },
			'SMS',
			/^Item 2: "Phone" "38097ABC4567" contains letters/,
		],
		[
			'two numbers',
			{ phone: '380971234567, 380671234567', text: 'Hi' },
			'SMS',
			/^Item 2: "Phone" gives 2 numbers; Send sends to one number/,
		],
	])(
		'refuses %s naming the item and the field, sending nothing for it',
		async (_, bad, type, message) => {
			const result = await run(
				{
					operation: 'send',
					messageType: type,
					phone: '={{ $json.phone }}',
					text: '={{ $json.text }}',
				},
				[{ phone: '380501112233', text: 'fine' }, bad],
			);

			expect(result.error('Subject')?.message).toMatch(message);
			// Item 1 was sent before item 2 was read; nothing was sent for item 2.
			const requests = unitalkRequests('/message/send');
			expect(requests).toHaveLength(1);
			expect(body(requests[0]).to).toBe('380501112233');
		},
	);
});

describe('Unitalk → Message → Send Bulk', () => {
	it('sends 250 items in exactly 3 requests (100/100/50) and maps every id or error back to its item', async () => {
		const items = Array.from({ length: 250 }, (_, i) => ({ phone: phone(i) }));
		messaging().refuseNumber(phone(13), "Service response: recipient's number is blocked");
		messaging().refuseNumber(phone(207), 'Service response: invalid recipient number');

		const result = await run(
			{
				operation: 'sendBulk',
				messageType: 'SMS',
				phone: '={{ $json.phone }}',
				text: 'Spring sale: -20% until Sunday',
			},
			items,
		);

		expect(result.error()).toBeUndefined();
		const requests = unitalkRequests('/message/sendBulk');
		expect(requests).toHaveLength(3);
		const bodies = requests.map(body);
		expect(bodies.map((b) => (b.recipients as string[]).length)).toEqual([100, 100, 50]);
		expect(bodies.map((b) => b.messagesType)).toEqual(['SMS', 'SMS', 'SMS']);
		expect(bodies.every((b) => b.text === 'Spring sale: -20% until Sunday')).toBe(true);
		expect(bodies.every((b) => b.messages === undefined)).toBe(true);
		expect(bodies.flatMap((b) => b.recipients)).toEqual(items.map((i) => i.phone));

		const out = result.output('Subject');
		expect(out).toHaveLength(250);
		const byPhone = new Map([...messaging().messages.values()].map((m) => [m.to, m]));
		out.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			const stored = byPhone.get(phone(i));
			expect(item.json).toEqual({
				messageType: 'SMS',
				phone: phone(i),
				messageId: stored?.id,
				sent: stored?.status === 'SENT',
				error: stored?.errorText ?? null,
			});
		});
		expect(new Set(out.map((i) => i.json.messageId)).size).toBe(250);
		expect(
			out.filter((i) => i.json.sent === false).map((i) => [i.pairedItem, i.json.error]),
		).toEqual([
			[{ item: 13 }, "Service response: recipient's number is blocked"],
			[{ item: 207 }, 'Service response: invalid recipient number'],
		]);
	});

	it('sends different texts as the messages map, and never puts one number twice in a request', async () => {
		const result = await run(
			{
				operation: 'sendBulk',
				messageType: 'VIBER',
				phone: '={{ $json.phone }}',
				text: '={{ "Hi " + $json.name }}',
			},
			[
				{ phone: '380971234567', name: 'Anna' },
				{ phone: '380671234567, 380501234567', name: 'Bohdan' },
				{ phone: '+380 97 123 45 67', name: 'Anna again' },
			],
		);

		expect(result.error()).toBeUndefined();
		const requests = unitalkRequests('/message/sendBulk');
		expect(requests.map(body)).toEqual([
			{
				messagesType: 'VIBER',
				messages: {
					'380971234567': 'Hi Anna',
					'380671234567': 'Hi Bohdan',
					'380501234567': 'Hi Bohdan',
				},
			},
			{ messagesType: 'VIBER', recipients: ['380971234567'], text: 'Hi Anna again' },
		]);
		const out = result.output('Subject').map((i) => i.json);
		expect(out[0]).toMatchObject({ phone: '380971234567', sent: true, error: null });
		expect(out[1]).toMatchObject({ messageType: 'VIBER', sentCount: 2, failedCount: 0 });
		expect((out[1].messages as Array<{ phone: string }>).map((m) => m.phone)).toEqual([
			'380671234567',
			'380501234567',
		]);
		expect(out[2]).toMatchObject({ phone: '380971234567', sent: true });
		expect(out[2].messageId).not.toBe(out[0].messageId);
	});

	it('checks every item before sending: a bad item 3 stops the run and nothing is sent', async () => {
		const result = await run(
			{
				operation: 'sendBulk',
				messageType: 'SMS',
				phone: '={{ $json.phone }}',
				text: '={{ $json.text }}',
			},
			[
				{ phone: '380971234567', text: 'ok' },
				{ phone: '380671234567', text: 'ok' },
				{ phone: '380501234567', text: '' },
			],
		);

		expect(result.error('Subject')?.message).toMatch(/^Item 3: "Text" is required/);
		expect(unitalkRequests()).toHaveLength(0);
	});

	it('does not repeat a request that failed with an unknown outcome (sending twice sends twice)', async () => {
		sandbox.injectFault({
			provider: 'unitalk',
			path: '/message/sendBulk',
			kind: 'http500',
			count: 1,
		});
		const result = await run(
			{ operation: 'sendBulk', messageType: 'SMS', phone: '={{ $json.phone }}', text: 'Hi' },
			[{ phone: '380971234567' }, { phone: '380671234567' }],
		);

		const error = result.error('Subject');
		expect(error?.message).toMatch(/Unitalk Send Bulk Messages: the outcome is unknown/);
		expect(error?.description).toMatch(/was not sent again/);
		expect(unitalkRequests('/message/sendBulk')).toHaveLength(1);
	});

	it('with Continue On Fail, gives each item of a refused request the error, paired with its item', async () => {
		messaging().serviceConnected = false;
		const result = await run(
			{ operation: 'sendBulk', messageType: 'SMS', phone: '={{ $json.phone }}', text: 'Hi' },
			[{ phone: '380971234567' }, { phone: 'not a phone' }, { phone: '380671234567' }],
			{ onError: 'continueRegularOutput' },
		);

		expect(result.error()).toBeUndefined();
		const out = result.output('Subject');
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json).toMatchObject({
			phone: '380971234567',
			sent: false,
			error: expect.stringMatching(/^Unitalk Send Bulk Messages: Message service not connected/),
		});
		expect(out[1].json.error).toMatch(/^Item 2: "Phone" "not a phone" contains letters/);
		expect(out[2].json).toMatchObject({ phone: '380671234567', sent: false });
		const requests = unitalkRequests('/message/sendBulk');
		expect(requests).toHaveLength(1);
		expect(body(requests[0]).recipients).toEqual(['380971234567', '380671234567']);
	});
});

describe('Unitalk → Message → Get Status', () => {
	it('reads the status of sent and refused messages with a form-encoded id', async () => {
		messaging().refuseNumber('380671234567', 'Service response: invalid authorization data');
		const sent = await run(
			{ operation: 'sendBulk', messageType: 'SMS', phone: '={{ $json.phone }}', text: 'Hi' },
			[{ phone: '380971234567' }, { phone: '380671234567' }],
		);
		const ids = sent.output('Subject').map((i) => i.json.messageId);

		const result = await run(
			{ operation: 'getStatus', messageId: '={{ $json.messageId }}' },
			ids.map((messageId) => ({ messageId })),
		);

		expect(result.error()).toBeUndefined();
		expect(result.output('Subject').map((i) => i.json)).toEqual([
			{ messageId: ids[0], messageStatus: 'SENT', errorText: null },
			{
				messageId: ids[1],
				messageStatus: 'ERROR',
				errorText: 'Service response: invalid authorization data',
			},
		]);
		const requests = unitalkRequests('/message/getStatus');
		expect(requests.map((r) => r.rawBody)).toEqual([`id=${ids[0]}`, `id=${ids[1]}`]);
		expect(requests[0].headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
	});

	it('explains an unknown message id, and refuses a non-number id before sending', async () => {
		const unknown = await run({ operation: 'getStatus', messageId: '999' }, [{}]);
		expect(unknown.error('Subject')?.message).toBe(
			'Unitalk Get Message Status: Message not found: no message has this ID',
		);

		const bad = await run({ operation: 'getStatus', messageId: 'abc' }, [{}]);
		expect(bad.error('Subject')?.message).toMatch(/^Item 1: "Message ID" must be a message ID/);
		expect(unitalkRequests('/message/getStatus')).toHaveLength(1);
	});
});
