/**
 * The sandbox plays NXTele Callbot and NXCloud: it runs calls and POSTs its signed task, order and call
 * callbacks and its voice receipts over real HTTP to a small receiver that hands each request to
 * NxteleTrigger.webhook() the way n8n does (headers, query, parsed body, raw body, response object).
 * test/e2e/nxtele-voice.e2e.test.ts does the same with a real n8n.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../../sandbox';
import { n8nAnswer } from '../harness/n8n-answer';
import { NxteleTrigger } from '../../../nodes/Nxtele/NxteleTrigger.node';
import { callbotHeaders, createCallbotTask } from './trigger-fixtures';

const RECEIPT_SECRET = 'receipt-secret-51c2';
const trigger = new NxteleTrigger();

interface Receiver {
	url: string;
	staticData: IDataObject;
	params: Record<string, unknown>;
	items: IDataObject[];
	answers: Array<{ status: number; body: string }>;
	close(): Promise<void>;
}

let sandbox: Sandbox;
let receiver: Receiver;

async function startReceiver(): Promise<Receiver> {
	const receiver: Receiver = {
		url: '',
		staticData: {},
		params: {},
		items: [],
		answers: [],
		close: async () => undefined,
	};
	const handle = async (req: IncomingMessage, res: ServerResponse, raw: Buffer) => {
		const url = new URL(req.url ?? '/', 'http://receiver.local');
		const query: IDataObject = Object.fromEntries(url.searchParams);
		const text = raw.toString('utf8');
		const form = String(req.headers['content-type']).startsWith(
			'application/x-www-form-urlencoded',
		);
		const body = form
			? Object.fromEntries(new URLSearchParams(text))
			: text
				? JSON.parse(text)
				: {};
		const answer = (status: number, payload: string) => {
			res.statusCode = status;
			res.end(payload);
			receiver.answers.push({ status, body: payload });
		};
		const response = {
			status(code: number) {
				res.statusCode = code;
				return response;
			},
			type(t: string) {
				res.setHeader('Content-Type', t);
				return response;
			},
			json: (payload: unknown) => answer(res.statusCode, JSON.stringify(payload)),
			send: (payload: string) => answer(res.statusCode, payload),
		};
		const params = receiver.params;
		const ctx = {
			getNode: () => ({
				name: 'NXTele Trigger',
				type: 'n8n-nodes-dialers.nxteleTrigger',
				parameters: params,
			}),
			getNodeParameter: (name: string, fallback?: unknown) =>
				Object.prototype.hasOwnProperty.call(params, name) ? params[name] : fallback,
			getCredentials: async (type: string) =>
				type === 'nxteleCallbotApi'
					? { ...sandbox.accounts.nxteleCallbot, algorithm: 'MD5' }
					: { secret: RECEIPT_SECRET, secretLocation: 'query', queryParameterName: 'secret' },
			getRequestObject: () => ({ ip: req.socket.remoteAddress, socket: req.socket, rawBody: raw }),
			getResponseObject: () => response,
			getHeaderData: () => req.headers,
			getQueryData: () => query,
			getBodyData: () => body,
			getWorkflowStaticData: () => receiver.staticData,
			helpers: {
				returnJsonArray: (d: IDataObject | IDataObject[]) =>
					(Array.isArray(d) ? d : [d]).map((json) => ({ json })),
			},
			logger: { warn: () => undefined },
		} as unknown as IWebhookFunctions;
		let result: IWebhookResponseData;
		try {
			result = await trigger.webhook.call(ctx);
		} catch (err) {
			answer(500, JSON.stringify({ message: (err as Error).message }));
			return;
		}
		for (const item of result.workflowData?.[0] ?? []) receiver.items.push(item.json);
		const n8n = n8nAnswer(result);
		if (n8n) answer(n8n.status, n8n.body);
	};
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => void handle(req, res, Buffer.concat(chunks)));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/nxtele/webhook`;
	receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return receiver;
}

beforeAll(async () => {
	sandbox = await startSandbox();
	receiver = await startReceiver();
});
afterAll(async () => {
	await receiver.close();
	await sandbox.close();
});
beforeEach(() => {
	sandbox.reset();
	receiver.staticData = {};
	receiver.items = [];
	receiver.answers = [];
	receiver.params = { events: ['task', 'order', 'call'], options: {} };
});

const account = () => sandbox.accounts.nxteleCallbot;
const post = (body: string, headers: Record<string, string>, query = '?callback=call') =>
	fetch(`${receiver.url}${query}`, { method: 'POST', headers, body });

describe('NXTele Trigger: Callbot callbacks', () => {
	it('starts the workflow for each signed call, order and task callback and answers retCode 0', async () => {
		const created = (await createCallbotTask(
			sandbox.baseUrls.nxteleCallbot,
			account(),
			receiver.url,
			'task-trigger-1',
			['8615600000001', '8615600000002'],
		)) as { retCode: number };
		expect(created.retCode).toBe(0);

		const { deliveries } = await sandbox.providers.nxteleCallbot.dial({
			userTaskID: 'task-trigger-1',
		});

		expect(deliveries.map((d) => [d.kind, d.status])).toEqual(
			expect.arrayContaining([
				['call', 200],
				['order', 200],
				['task', 200],
			]),
		);
		expect(deliveries.every((d) => JSON.parse(d.responseBody ?? '{}').retCode === 0)).toBe(true);
		const events = receiver.items.map((i) => i.event);
		expect(events.filter((e) => e === 'call')).toHaveLength(
			deliveries.filter((d) => d.kind === 'call').length,
		);
		expect(events).toContain('order');
		expect(events).toContain('task');
		const order = receiver.items.find((i) => i.event === 'order') as IDataObject;
		const sent = sandbox.providers.nxteleCallbot.state.orders.get(order.orderID as string);
		// The pass-through field arrives exactly as the order carried it.
		expect(order.other).toBe(sent?.other);
		expect(JSON.parse(order.other as string)).toMatchObject({ note: 'ünïcödé & "quotes"' });
	});

	it('refuses a wrong sign, an unsigned and a stale callback with 401 and starts nothing', async () => {
		const body = JSON.stringify({
			callbackType: 1,
			orderID: 'o1',
			callInfoDetail: { callID: 'c1' },
		});
		const good = callbotHeaders(account(), body);
		const forged = await post(body, {
			...good,
			sign: good.sign.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
		});
		const unsigned = await post(body, { 'Content-Type': 'application/json' });
		const stale = await post(
			body,
			callbotHeaders(account(), body, String(Math.floor(Date.now() / 1000) - 301)),
		);
		const otherBody = await post(`${body} `, good);
		expect([forged.status, unsigned.status, stale.status, otherBody.status]).toEqual([
			401, 401, 401, 401,
		]);
		expect(await forged.json()).toEqual({ retCode: 6, retMsg: 'incorrect signature' });
		expect(receiver.items).toEqual([]);

		const accepted = await post(body, good);
		expect(accepted.status).toBe(200);
		expect(receiver.items).toHaveLength(1);
	});

	it('drops a repeated delivery but answers it as received', async () => {
		const body = JSON.stringify({
			callbackType: 1,
			orderID: 'o1',
			callInfoDetail: { callID: 'c-9' },
		});
		const headers = callbotHeaders(account(), body);
		const first = await post(body, headers);
		const again = await post(body, callbotHeaders(account(), body));
		expect([first.status, again.status]).toEqual([200, 200]);
		expect(await again.json()).toEqual({ retCode: 0, retMsg: 'success' });
		expect(receiver.items).toHaveLength(1);
	});

	it('starts only for the chosen events and tells order from call callbacks without the URL hint', async () => {
		receiver.params = { events: ['order'], options: {} };
		const order = JSON.stringify({
			callbackType: '1',
			orderID: 'o1',
			other: 'x',
			callInfoDetail: {},
		});
		const call = JSON.stringify({
			callbackType: 1,
			orderID: 'o1',
			callInfoDetail: { callID: 'c1' },
		});
		await post(order, callbotHeaders(account(), order), '');
		await post(call, callbotHeaders(account(), call), '');
		expect(receiver.answers.map((a) => a.status)).toEqual([200, 200]);
		expect(receiver.items.map((i) => i.event)).toEqual(['order']);
	});
});

describe('NXTele Trigger: NXCloud voice receipts', () => {
	const groupCall = () =>
		sandbox.providers.nxcloud.voice.groupCall({
			appId: 'app',
			taskName: 'Receipts',
			numberList: ['8613242926514', '8613242926515'],
			source: 3,
			text: 'Hi',
			lan: 'EN',
			loopCount: 1,
			maxCalls: 30,
		});

	it('answers the plain text "success" and starts the workflow for each receipt with the secret', async () => {
		receiver.params = { events: ['voiceReceipt'], options: {} };
		groupCall();
		const { receipts } = await sandbox.providers.nxcloud.voice.dial({
			receiptUrl: `${receiver.url}?secret=${RECEIPT_SECRET}`,
		});
		expect(receipts.map((r) => [r.status, r.responseBody, r.acknowledged])).toEqual([
			[200, 'success', true],
			[200, 'success', true],
		]);
		expect(receiver.items.map((i) => [i.event, i.phone, i.voice_type])).toEqual([
			['voiceReceipt', '8613242926514', '0'],
			['voiceReceipt', '8613242926515', '0'],
		]);
	});

	it('refuses a receipt without the right secret (401) and starts nothing', async () => {
		receiver.params = { events: ['voiceReceipt'], options: {} };
		groupCall();
		const { receipts } = await sandbox.providers.nxcloud.voice.dial({
			receiptUrl: `${receiver.url}?secret=wrong`,
		});
		expect(receipts.map((r) => [r.status, r.acknowledged])).toEqual([
			[401, false],
			[401, false],
		]);
		expect(receiver.items).toEqual([]);
	});
});
