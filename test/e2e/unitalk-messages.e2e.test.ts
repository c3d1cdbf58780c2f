/**
 * Unitalk part 2 in a real n8n: 250 SMS from 250 input items in 3 requests with every item's own
 * message ID or error, call history read with Return All across pages, and a Viber carousel
 * distribution whose images are binary data made inside the workflow.
 */
import { createHash } from 'crypto';

import { BOOT_TIMEOUT_MS, manualWorkflow, PACKAGE, startPackageN8n } from './package-n8n';
import type { PackageN8n } from './package-n8n';

jest.setTimeout(240_000);

let env: PackageN8n;
let credentials: Record<string, { id: string; name: string }>;

beforeAll(async () => {
	env = await startPackageN8n('unitalk-messages');
	const id = await env.n8n.createCredential('unitalkApi', 'Unitalk sandbox', {
		apiKey: env.sandbox.accounts.unitalk.apiKey,
		baseUrl: env.sandbox.baseUrls.unitalk,
	});
	credentials = { unitalkApi: { id, name: 'Unitalk sandbox' } };
}, BOOT_TIMEOUT_MS);

afterAll(async () => await env?.stop(), 60_000);
beforeEach(() => env.sandbox.reset());

const unitalk = (name: string, parameters: Record<string, unknown>) => ({
	id: name.toLowerCase().replace(/\W+/g, '-'),
	name,
	type: `${PACKAGE}.unitalk`,
	parameters,
	credentials,
});

const code = (name: string, jsCode: string) => ({
	id: name.toLowerCase().replace(/\W+/g, '-'),
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode },
});

const requestsTo = (path: string) =>
	env.sandbox.requests.filter((r) => r.provider === 'unitalk' && r.path === path);

async function run(name: string, nodes: Array<Record<string, unknown>>) {
	const workflowId = await env.n8n.createWorkflow(manualWorkflow(name, nodes));
	return await env.n8n.runWorkflowManually(workflowId, { timeoutMs: 180_000 });
}

const phone = (i: number) => String(380500000000 + i);

it('sends 250 SMS from 250 items in 3 requests; each item gets its own message ID or error', async () => {
	const messaging = env.sandbox.providers.unitalk.state.messaging;
	messaging.refuseNumber(phone(42), "Service response: recipient's number is blocked");

	const result = await run('Bulk SMS', [
		code(
			'Customers',
			`return Array.from({ length: 250 }, (_, i) => ({ json: { phone: String(380500000000 + i) } }));`,
		),
		unitalk('Send Bulk', {
			resource: 'message',
			operation: 'sendBulk',
			messageType: 'SMS',
			phone: '={{ $json.phone }}',
			text: 'Your order is ready',
		}),
	]);

	expect(result.nodes['Send Bulk'].error).toBeUndefined();
	const bodies = requestsTo('/message/sendBulk').map((r) => JSON.parse(r.rawBody));
	expect(bodies.map((b) => b.recipients.length)).toEqual([100, 100, 50]);
	const out = result.nodes['Send Bulk'].json;
	expect(out).toHaveLength(250);
	const stored = new Map([...messaging.messages.values()].map((m) => [m.to, m]));
	out.forEach((json, i) => {
		expect(json.phone).toBe(phone(i));
		expect(json.messageId).toBe(stored.get(phone(i))?.id);
	});
	expect(out[42]).toMatchObject({
		sent: false,
		error: "Service response: recipient's number is blocked",
	});
	expect(out.filter((j) => j.sent === true)).toHaveLength(249);
});

it('reads the whole call history with Return All over several pages', async () => {
	const result = await run('Call history', [
		unitalk('History', {
			resource: 'callHistory',
			operation: 'getMany',
			dateFrom: '2024-01-01T00:00:00',
			dateTo: '2024-04-01T00:00:00',
			returnAll: true,
		}),
	]);

	expect(result.nodes.History.error).toBeUndefined();
	const pages = requestsTo('/history/get').map((r) => JSON.parse(r.rawBody));
	expect(pages.length).toBeGreaterThan(1);
	expect(pages.map((p) => p.offset)).toEqual(pages.map((_, i) => i * 1000));
	const calls = result.nodes.History.json;
	expect(calls.length).toBeGreaterThan(1000);
	expect(new Set(calls.map((c) => c.id)).size).toBe(calls.length);
});

it('creates a Viber carousel whose card images are binary data from the workflow, intact', async () => {
	// Three small "images" made in a Code node: a PNG signature followed by 256 bytes that differ per image.
	const imageBytes = (n: number) =>
		Buffer.concat([
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
			Buffer.from(Array.from({ length: 256 }, (_, i) => (i + n) % 256)),
		]);
	const productImages = [
		'const bytes = (n) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 256 }, (_, i) => (i + n) % 256))]);',
		"const img = (n) => ({ data: bytes(n).toString('base64'), mimeType: 'image/png', fileName: 'sneakers-' + n + '.png' });",
		"return [{ json: { campaign: 'spring' }, binary: { img1: img(1), img2: img(2), img3: img(3) } }];",
	].join('\n');
	const card = (n: number) => ({
		title: `Sneakers ${n}`,
		image: `img${n}`,
		buttonLabel: 'Buy',
		buttonUrl: `https://shop.example/${n}`,
	});

	const result = await run('Viber carousel', [
		code('Product Images', productImages),
		unitalk('Carousel', {
			resource: 'messageDistribution',
			operation: 'create',
			name: 'E2E sneakers carousel',
			messageType: 'VIBER',
			viberMessageType: 'CAROUSEL',
			numbers: '380971234567, 380671234567',
			text: 'New sneakers are here',
			carouselCards: { card: [card(1), card(2), card(3)] },
		}),
	]);

	expect(result.nodes.Carousel.error).toBeUndefined();
	const sent = JSON.parse(requestsTo('/messageDistribution/create')[0].rawBody);
	expect(sent.carouselItems.map((c: { base64Image: string }) => c.base64Image)).toEqual(
		[1, 2, 3].map((n) => imageBytes(n).toString('base64')),
	);
	const stored = [...env.sandbox.providers.unitalk.state.messaging.distributions.values()].find(
		(d) => d.name === 'E2E sneakers carousel',
	);
	const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
	expect(stored?.carouselItems?.map((c) => c.image.sha256)).toEqual(
		[1, 2, 3].map((n) => sha256(imageBytes(n))),
	);
	expect(result.nodes.Carousel.json[0].id).toBe(stored?.id);
});
