/**
 * The sandbox plays Unitalk and POSTs its documented webhooks over real HTTP to a small receiver that
 * hands each request to UnitalkTrigger.webhook() the way n8n does (headers, query, body, client address,
 * response object). Checks the emitter (bodies, secret, recorded answers, control API) and the trigger
 * together without a real n8n; test/e2e/unitalk-trigger.e2e.test.ts does the same with n8n.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../../sandbox';
import { n8nAnswer } from '../harness/n8n-answer';
import {
	UNITALK_WEBHOOK_EVENTS,
	type UnitalkWebhookDelivery,
} from '../../../sandbox/unitalk/webhooks';
import { UnitalkTrigger } from '../../../nodes/Unitalk/UnitalkTrigger.node';
import { EVENT_OPTIONS } from '../../../nodes/Unitalk/trigger/events';

const SECRET = 'integration-secret-7f3a';
const trigger = new UnitalkTrigger();

interface Receiver {
	url: string;
	/** The workflow's static data (repeated deliveries); emptied before each test. */
	staticData: IDataObject;
	params: Record<string, unknown>;
	/** What the workflow's last node outputs (Last Node mode). */
	lastNodeJson: IDataObject;
	items: IDataObject[];
	close(): Promise<void>;
}

/** An HTTP endpoint that behaves like n8n's production webhook for this one trigger. */
async function startReceiver(): Promise<Receiver> {
	const receiver: Receiver = {
		url: '',
		staticData: {},
		params: {},
		lastNodeJson: {},
		items: [],
		close: async () => undefined,
	};
	const handle = async (req: IncomingMessage, res: ServerResponse, raw: string) => {
		const url = new URL(req.url ?? '/', 'http://receiver.local');
		const query: IDataObject = {};
		for (const [k, v] of url.searchParams) query[k] = v;
		let body: unknown = {};
		try {
			body = raw.trim() === '' ? {} : JSON.parse(raw);
		} catch {
			body = raw;
		}
		const response = {
			status(code: number) {
				res.statusCode = code;
				return response;
			},
			json(payload: unknown) {
				res.setHeader('Content-Type', 'application/json');
				res.end(JSON.stringify(payload));
				return response;
			},
		};
		const params = receiver.params;
		const node = {
			name: 'Unitalk Trigger',
			type: 'n8n-nodes-dialers.unitalkTrigger',
			parameters: params,
		};
		const ctx = {
			getNode: () => node,
			getNodeParameter: (name: string, fallback?: unknown) =>
				Object.prototype.hasOwnProperty.call(params, name) ? params[name] : fallback,
			// The secret fields live in the unitalkTriggerApi credential; kept with the params here.
			getCredentials: async () =>
				Object.fromEntries(
					['secret', 'secretLocation', 'headerName', 'queryParameterName'].map((k) => [
						k,
						params[k],
					]),
				),
			getRequestObject: () => ({ ip: req.socket.remoteAddress, socket: req.socket }),
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
			// n8n answers a throwing trigger with 500.
			res.statusCode = 500;
			res.end(JSON.stringify({ message: (err as Error).message }));
			return;
		}
		for (const item of result.workflowData?.[0] ?? []) receiver.items.push(item.json);
		const answer = n8nAnswer(result, receiver.lastNodeJson);
		if (answer) {
			res.statusCode = answer.status;
			if (answer.contentType) res.setHeader('Content-Type', answer.contentType);
			res.end(answer.body);
		}
	};
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((err) => {
				res.statusCode = 599;
				res.end(String(err));
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	receiver.url = `http://127.0.0.1:${port}/webhook/0b8d5c1e-unitalk/webhook`;
	receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return receiver;
}

let sandbox: Sandbox;
let receiver: Receiver;

async function control(method: string, path: string, body?: unknown) {
	const res = await fetch(`${sandbox.url}/__sandbox${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, json: (await res.json()) as any };
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
	receiver.items.length = 0;
	receiver.staticData = {};
	receiver.lastNodeJson = {};
	receiver.params = {
		events: EVENT_OPTIONS.map((o) => o.value),
		secret: SECRET,
		secretLocation: 'query',
		queryParameterName: 'secret',
		answerFrom: 'parameters',
		operatorNumber: '2048',
		callerName: 'Alexander',
		ivrId: '487',
		priority: 7,
		options: {},
	};
});

const webhooks = () => sandbox.providers.unitalk.webhooks;

describe('Unitalk webhook emitter → Unitalk Trigger', () => {
	it('configured over the control API, CALL_END reaches the trigger with the secret and starts one item', async () => {
		const cfg = await control('POST', '/unitalk/webhooks', {
			url: receiver.url,
			query: { secret: SECRET },
		});
		expect(cfg.status).toBe(200);
		const out = await control('POST', '/unitalk/emit', {
			event: 'CALL_END',
			payload: { call: { id: 555001, from: '380671112233' } },
		});
		expect(out.status).toBe(200);
		const d = out.json as UnitalkWebhookDelivery;
		expect(d.status).toBe(200);
		expect(d.method).toBe('POST');
		expect(new URL(d.url).searchParams.get('secret')).toBe(SECRET);
		expect(d.responseJson).toEqual({ received: true, started: true, event: 'CALL_END' });
		const sent = JSON.parse(d.body);
		expect(sent).toMatchObject({
			event: 'CALL_END',
			call: { id: 555001, from: '380671112233', state: 'ANSWER', secondsTalk: 9, cause: 16 },
		});
		expect(receiver.items).toHaveLength(1);
		expect(receiver.items[0]).toMatchObject({ event: 'CALL_END', call: { id: 555001 }, query: {} });

		const listed = await control('GET', '/unitalk/webhooks');
		expect(listed.json.config).toEqual({ url: receiver.url, query: { secret: SECRET } });
		expect(listed.json.deliveries).toHaveLength(1);
	});

	it('without the secret the trigger answers 401, the sandbox records it, nothing starts', async () => {
		webhooks().configure({ url: receiver.url, query: { secret: SECRET } });
		const d = await webhooks().emit('CALL_END', { query: { secret: null } });
		expect(new URL(d.url).searchParams.has('secret')).toBe(false);
		expect(d.status).toBe(401);
		expect(d.responseJson).toEqual({ message: 'Unauthorized' });
		const wrong = await webhooks().emit('CALL_END', { query: { secret: 'guess' } });
		expect(wrong.status).toBe(401);
		expect(receiver.items).toHaveLength(0);
	});

	it('the secret as a header (Event handling "HTTP headers")', async () => {
		receiver.params.secretLocation = 'header';
		receiver.params.headerName = 'X-Webhook-Secret';
		webhooks().configure({ url: receiver.url, headers: { 'X-Webhook-Secret': SECRET } });
		const d = await webhooks().emit('IVR');
		expect(d.status).toBe(200);
		expect(receiver.items[0].event).toBe('IVR');
		expect(receiver.items[0].headers).not.toHaveProperty('x-webhook-secret');
		const without = await webhooks().emit('IVR', { headers: { 'X-Webhook-Secret': null } });
		expect(without.status).toBe(401);
	});

	it.each([
		['CALL_NEW', 'CALL_NEW'],
		['CALL_REDIRECT', 'CALL_REDIRECT'],
		['CALL_ANSWER', 'CALL_ANSWER'],
		['CALL_END', 'CALL_END'],
		['IVR', 'IVR'],
		['AUTODIAL_NOANSWER', 'AUTODIAL_CALL_END'],
		['AUTODIAL_FINISH', 'AUTODIAL_EVENT'],
		['VOICE_QUEUE', 'VOICE_QUEUE'],
		['BALANCE_MOVEMENT', 'BALANCE_MOVEMENT'],
		['ROUTE', 'ROUTE'],
		['VOICE_QUEUE_MANAGEMENT', 'VOICE_QUEUE_PRIORITY'],
	])('the documented %s body is recognised as %s', async (sandboxEvent, triggerEvent) => {
		webhooks().configure({ url: receiver.url, query: { secret: SECRET } });
		const d = await webhooks().emit(sandboxEvent);
		expect(d.status).toBe(200);
		expect(receiver.items.map((i) => i.event)).toEqual([triggerEvent]);
	});

	it('the sandbox can emit every documented event name', async () => {
		webhooks().configure({ url: receiver.url, query: { secret: SECRET } });
		for (const event of UNITALK_WEBHOOK_EVENTS) {
			const d = await webhooks().emit(event, { query: { event } });
			expect(d.status).toBe(200);
		}
		expect(receiver.items).toHaveLength(UNITALK_WEBHOOK_EVENTS.length);
		expect(receiver.items.every((i) => i.event !== 'OTHER')).toBe(true);
		expect(webhooks().deliveries.map((d) => d.seq)).toEqual(
			UNITALK_WEBHOOK_EVENTS.map((_, i) => i + 1),
		);
	});

	it('ROUTE: the sandbox records the JSON answer and reads it as Unitalk would', async () => {
		webhooks().configure({ url: receiver.url, query: { secret: SECRET } });
		const d = await webhooks().emit('ROUTE');
		expect(d.status).toBe(200);
		expect(d.responseBody).toBe('{"operatorNumber":"2048","callerName":"Alexander","ivrId":487}');
		expect(d.answer).toEqual({
			accepted: true,
			operatorNumber: '2048',
			callerName: 'Alexander',
			ivrId: 487,
		});
		expect(receiver.items[0]).toMatchObject({ event: 'ROUTE', call: { from: '380505557182' } });
	});

	it('voice queue management from the parameters: setPriority 7 applied', async () => {
		webhooks().configure({ url: receiver.url, query: { secret: SECRET } });
		const d = await webhooks().emit('VOICE_QUEUE_MANAGEMENT');
		expect(d.responseJson).toEqual({ setPriority: 7 });
		expect(d.answer).toEqual({ accepted: true, priority: 7 });
	});

	it('voice queue management from the last node: 7 is applied, 11 is refused and queue 5 kept', async () => {
		receiver.params.answerFrom = 'lastNode';
		webhooks().configure({ url: receiver.url, query: { secret: SECRET } });
		receiver.lastNodeJson = { setPriority: 7 };
		expect((await webhooks().emit('VOICE_QUEUE_MANAGEMENT')).answer).toEqual({
			accepted: true,
			priority: 7,
		});
		receiver.lastNodeJson = { setPriority: 11 };
		const d = await webhooks().emit('VOICE_QUEUE_MANAGEMENT');
		expect(d.status).toBe(200);
		expect(d.answer).toEqual({
			accepted: false,
			priority: 5,
			problem: 'setPriority 11 is not a queue number from 1 to 10',
		});
	});

	it('an unusable answer from the parameters: the trigger fails (HTTP 500) and Unitalk keeps queue 5', async () => {
		receiver.params.priority = 11;
		webhooks().configure({ url: receiver.url, query: { secret: SECRET } });
		const d = await webhooks().emit('VOICE_QUEUE_MANAGEMENT');
		expect(d.status).toBe(500);
		expect(d.answer).toEqual({ accepted: false, priority: 5, problem: 'HTTP 500' });
		expect(receiver.items).toHaveLength(0);
	});

	it('a repeated CALL_END delivery is acknowledged once more but starts nothing', async () => {
		webhooks().configure({ url: receiver.url, query: { secret: SECRET } });
		const first = await webhooks().emit('CALL_END', { payload: { call: { id: 777001 } } });
		const again = await webhooks().emit('CALL_END', { repeat: first.seq });
		expect(again.repeatOf).toBe(first.seq);
		expect(again.body).toBe(first.body);
		expect(again.status).toBe(200);
		expect(again.responseJson).toMatchObject({ duplicate: true });
		expect(receiver.items).toHaveLength(1);
		// A new event of the same call is not a repeat.
		const answered = await webhooks().emit('CALL_ANSWER', { payload: { call: { id: 777001 } } });
		expect(answered.responseJson).toMatchObject({ started: true });
		expect(receiver.items).toHaveLength(2);
	});

	it('control API: emit before configure is 409, unknown events and bad bodies 400, DELETE forgets', async () => {
		expect((await control('POST', '/unitalk/emit', { event: 'CALL_END' })).status).toBe(409);
		const bad = await control('POST', '/unitalk/emit', { event: 'CALL_EXPLODED' });
		expect(bad.status).toBe(400);
		expect(JSON.stringify(bad.json.issues)).toContain('event must be one of');
		expect((await control('POST', '/unitalk/webhooks', { url: 'not a url' })).status).toBe(400);
		expect((await control('PUT', '/unitalk/emit', {})).status).toBe(405);
		const noRepeat = await control('POST', '/unitalk/emit', {
			event: 'ROUTE',
			repeat: 99,
			url: receiver.url,
		});
		expect(noRepeat.status).toBe(400);
		expect(noRepeat.json.error).toBe('no delivery 99 to repeat');
		await control('POST', '/unitalk/webhooks', { url: receiver.url, query: { secret: SECRET } });
		await control('POST', '/unitalk/emit', { event: 'BALANCE_MOVEMENT' });
		expect((await control('GET', '/unitalk/webhooks')).json.deliveries).toHaveLength(1);
		expect((await control('DELETE', '/unitalk/webhooks')).status).toBe(200);
		expect((await control('GET', '/unitalk/webhooks')).json).toEqual({ deliveries: [] });
		// Other control routes still work after the Unitalk hook.
		expect((await control('GET', '/health')).status).toBe(200);
	});

	it('a receiver that does not answer is recorded with status 0 and the error', async () => {
		webhooks().configure({ url: 'http://127.0.0.1:9/nothing-here', timeoutMs: 2000 });
		const d = await webhooks().emit('ROUTE');
		expect(d.status).toBe(0);
		expect(d.error).toBeTruthy();
		expect(d.answer).toMatchObject({ accepted: false, operatorNumber: null });
	});
});
