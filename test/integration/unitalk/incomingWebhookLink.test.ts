/**
 * Unitalk → Incoming Webhook Link (Add Numbers, Remove Numbers) against the sandbox. Doc section
 * "Incoming webhooks": POST to the generated link ...tracking/webhook/event?token=&action=&id=&phones=.
 * The sandbox serves the link at `${baseUrls.unitalk}/tracking/webhook/event`. The token and the
 * address come from the "Unitalk Incoming Webhook Link API" credential (account-helpers.ts).
 */
import { useAccountSandbox } from './account-helpers';

const kit = useAccountSandbox();
const PATH = '/tracking/webhook/event';
const TOKEN = 'sandbox-webhook-token';
const autodialer = (id: number) => kit.sandbox().providers.unitalk.state.autodialers.get(id);

describe('Unitalk → Incoming Webhook Link → Add Numbers', () => {
	it('fills in the generated link and POSTs it; the numbers join the autodialer with name and note', async () => {
		const result = await kit.run(
			'incomingWebhookLink',
			{
				operation: 'addNumbers',
				autodialerId: '12346',
				phone: '={{ $json.phone }}',
				numberData: { name: 'vasya', note: 'okna bez pyli' },
			},
			[{ phone: '+380 97 123 45 67, 380670001000' }],
		);
		expect(result.error()).toBeUndefined();
		const sent = kit.requests(PATH);
		expect(sent).toHaveLength(1);
		expect(sent[0].method).toBe('POST');
		expect(sent[0].query).toEqual({
			token: TOKEN,
			action: 'AUTODIAL_ADD',
			id: '12346',
			name: 'vasya',
			note: 'okna bez pyli',
			phones: '380971234567,380670001000',
		});
		expect(sent[0].rawBody).toBe('');
		expect(result.output('Subject')[0].json).toEqual({
			status: 'Success',
			action: 'AUTODIAL_ADD',
			autodialerId: 12346,
			name: 'vasya',
			note: 'okna bez pyli',
			phones: ['380971234567', '380670001000'],
		});
		expect(autodialer(12346)?.numbers.map((n) => [n.phone, n.name, n.note])).toEqual([
			['380971234567', 'vasya', 'okna bez pyli'],
			['380670001000', 'vasya', 'okna bez pyli'],
		]);
	});

	it('reports "Phones not added" when every number is already there, without sending it again', async () => {
		const result = await kit.run('incomingWebhookLink', {
			operation: 'addNumbers',
			autodialerId: '12345',
			phone: '380970000001',
		});
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Add Numbers Through Link: Phones not added: no number was added to the autodialer; perhaps the numbers are already in it',
		);
		expect(kit.requests(PATH)).toHaveLength(1);
	});

	it('reports an unknown token', async () => {
		const result = await kit.run(
			'incomingWebhookLink',
			{ operation: 'addNumbers', autodialerId: '12345', phone: '380971110000' },
			[{}],
			{},
			{ token: 'NotTheToken' },
		);
		expect(result.error('Subject')?.message).toMatch(
			/^Unitalk Add Numbers Through Link: Token not found: Unitalk does not know the token/,
		);
	});

	it('refuses a name of 101 characters before sending, naming the item and the field', async () => {
		const result = await kit.run(
			'incomingWebhookLink',
			{
				operation: 'addNumbers',
				autodialerId: '12345',
				phone: '={{ $json.phone }}',
				numberData: { name: '={{ $json.name }}' },
			},
			[
				{ phone: '380971110001', name: 'fine' },
				{ phone: '380971110002', name: 'x'.repeat(101) },
			],
		);
		expect(result.error('Subject')?.message).toBe(
			'Item 2: "Name" is too long: 101 characters given, at most 100 allowed',
		);
		// Every item is checked before the first link goes out: item 1 was not sent either.
		expect(kit.requests()).toHaveLength(0);
	});

	it('with Continue On Fail, outputs the bad item as an error and sends the good one', async () => {
		const result = await kit.run(
			'incomingWebhookLink',
			{
				operation: 'addNumbers',
				autodialerId: '12345',
				phone: '={{ $json.phone }}',
				numberData: { name: '={{ $json.name }}' },
			},
			[
				{ phone: '380971110001', name: 'x'.repeat(101) },
				{ phone: '380971110002', name: 'fine' },
			],
			{ onError: 'continueRegularOutput' },
		);
		const out = result.output('Subject');
		expect(out[0].json.error).toMatch(/^Item 1: "Name" is too long/);
		expect(out[1].json).toMatchObject({ status: 'Success', phones: ['380971110002'] });
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(kit.requests(PATH).map((r) => r.query.phones)).toEqual(['380971110002']);
	});

	it('sends only the token: no API key, no Authorization header reaches the tracking endpoint', async () => {
		const result = await kit.run('incomingWebhookLink', {
			operation: 'addNumbers',
			autodialerId: '12345',
			phone: '380971110004',
		});
		expect(result.error()).toBeUndefined();
		const [sent] = kit.requests(PATH);
		expect(sent.headers.authorization).toBeUndefined();
		expect(JSON.stringify(sent)).not.toContain(kit.sandbox().accounts.unitalk.apiKey);
		expect(sent.query.token).toBe(TOKEN);
	});

	it.each([
		[
			'plain http to another machine',
			'http://api.unitalk.cloud:8443/tracking/webhook/event',
			/must use https:\/\/ \(plain http is only allowed to this machine/,
		],
		[
			'another port',
			'https://api.unitalk.cloud:9443/tracking/webhook/event',
			/points to https:\/\/api\.unitalk\.cloud:9443; the token is only sent to https:\/\/api\.unitalk\.cloud:8443/,
		],
		[
			'another host',
			'https://api.unitalk.cloud.example.com:8443/tracking/webhook/event',
			/points to https:\/\/api\.unitalk\.cloud\.example\.com:8443;/,
		],
		['not an address', 'api.unitalk.cloud/tracking', /must be an https:\/\/ address/],
	])(
		'refuses a webhook URL with %s before sending, naming the item and the field',
		async (_, webhookUrl, why) => {
			const result = await kit.run(
				'incomingWebhookLink',
				{ operation: 'addNumbers', autodialerId: '12345', phone: '380971110003' },
				[{}],
				{},
				{ webhookUrl },
			);
			const message = result.error('Subject')?.message ?? '';
			expect(message).toMatch(
				/^Item 1: "Webhook URL \(Unitalk Incoming Webhook Link API credential\)" /,
			);
			expect(message).toMatch(why);
			expect(message).not.toContain(TOKEN);
			expect(kit.sandbox().requests).toHaveLength(0);
		},
	);

	it('accepts plain http to this machine under another loopback name (localhost)', async () => {
		const result = await kit.run(
			'incomingWebhookLink',
			{ operation: 'addNumbers', autodialerId: '12345', phone: '380971110005' },
			[{}],
			{},
			{ webhookUrl: `${kit.sandbox().baseUrls.unitalk.replace('127.0.0.1', 'localhost')}${PATH}` },
		);
		expect(result.error()).toBeUndefined();
		expect(kit.requests(PATH)).toHaveLength(1);
	});
});

describe('Unitalk → Incoming Webhook Link → Remove Numbers', () => {
	it('builds the link from the credential token and an autodialer ID and removes the numbers', async () => {
		const result = await kit.run(
			'incomingWebhookLink',
			{
				operation: 'removeNumbers',
				autodialerId: '={{ $json.autodialer }}',
				phone: '={{ $json.phones }}',
			},
			[{ autodialer: 12345, phones: ['380970000001', '380970000002'] }],
		);
		expect(result.error()).toBeUndefined();
		const sent = kit.requests(PATH);
		expect(sent).toHaveLength(1);
		expect(sent[0].query).toEqual({
			token: TOKEN,
			action: 'AUTODIAL_REMOVE',
			id: '12345',
			phones: '380970000001,380970000002',
		});
		expect(result.output('Subject')[0].json).toMatchObject({
			status: 'Success',
			action: 'AUTODIAL_REMOVE',
			autodialerId: 12345,
		});
		expect(autodialer(12345)?.numbers.map((n) => n.phone)).toEqual(['380970000003']);
	});

	it('reports "Calls not found" when none of the numbers is in the autodialer', async () => {
		const result = await kit.run('incomingWebhookLink', {
			operation: 'removeNumbers',
			autodialerId: '12345',
			phone: '380111111111',
		});
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Remove Numbers Through Link: Calls not found: no number was removed; perhaps none of them is in the autodialer',
		);
	});

	it('refuses an item without a valid autodialer ID before sending', async () => {
		const result = await kit.run('incomingWebhookLink', {
			operation: 'removeNumbers',
			autodialerId: 'twelve',
			phone: '380970000001',
		});
		expect(result.error('Subject')?.message).toBe(
			'Item 1: "Autodialer ID" must be an autodialer ID (a whole number) (got "twelve")',
		);
		expect(kit.requests()).toHaveLength(0);
	});
});
