/**
 * The sandbox plays Twin24: a task is created over its API with a webhook URL pointing at a small
 * receiver that hands each request to Twin24Trigger.webhook() the way n8n does (headers, query, body,
 * client address, response object, the trigger credential, static data). The sandbox then calls the
 * candidates and POSTs the documented events over real HTTP. Checks the trigger against real deliveries
 * without a real n8n; the e2e test of the Twin24 node does the same with n8n.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	IDataObject,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../../sandbox';
import { n8nAnswer } from '../harness/n8n-answer';
import { Twin24TriggerApi } from '../../../credentials/Twin24TriggerApi.credentials';
import { Twin24Trigger } from '../../../nodes/Twin24/Twin24Trigger.node';
import { EVENT_OPTIONS } from '../../../nodes/Twin24/trigger/events';

// Hundreds of real HTTP deliveries on a shared, busy machine.
jest.setTimeout(60_000);

const SECRET = 'twin24-integration-secret-5c1d';
const trigger = new Twin24Trigger();

interface Receiver {
	url: string;
	staticData: IDataObject;
	params: Record<string, unknown>;
	credential: ICredentialDataDecryptedObject;
	items: IDataObject[];
	close(): Promise<void>;
}

/** An HTTP endpoint that behaves like n8n's production webhook for this one trigger. */
async function startReceiver(): Promise<Receiver> {
	const receiver: Receiver = {
		url: '',
		staticData: {},
		params: {},
		credential: {},
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
			name: 'Twin24 Trigger',
			type: 'n8n-nodes-dialers.twin24Trigger',
			parameters: params,
		};
		const ctx = {
			getNode: () => node,
			getNodeParameter: (name: string, fallback?: unknown) =>
				Object.prototype.hasOwnProperty.call(params, name) ? params[name] : fallback,
			getCredentials: async (type: string) => {
				if (type !== 'twin24TriggerApi') throw new Error(`unexpected credential ${type}`);
				return receiver.credential;
			},
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
		const answer = n8nAnswer(result);
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
	receiver.url = `http://127.0.0.1:${port}/webhook/6f0c2d1e-twin24/webhook`;
	receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return receiver;
}

let sandbox: Sandbox;
let receiver: Receiver;
let token: string;

async function api(path: string, body?: unknown, method?: string): Promise<any> {
	const res = await fetch(`${sandbox.baseUrls.twin24}/cis/api/v1${path}`, {
		method: method ?? (body === undefined ? 'GET' : 'POST'),
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	expect(res.status).toBe(200);
	return await res.json();
}

function subscription(url: string): IDataObject {
	return {
		url,
		partialResults: true,
		delay: 0,
		events: Object.fromEntries(
			[
				'CALL_ENDED',
				'CANDIDATE_CHANGED',
				'CALL_REDIRECTED',
				'RECALL_SCHEDULED',
				'EFFICIENCY_REACHED',
				'AUTOCALL_STATUS_CHANGED',
			].map((n) => [n, { name: n, value: true }]),
		),
	};
}

/** Creates a task sending every event to `url`, adds the candidates and starts it. */
async function runningTask(
	url: string,
	candidates: IDataObject[],
	task: IDataObject = {},
): Promise<string> {
	const created = await api('/telephony/autoCall', {
		name: 'trigger test',
		defaultExec: 'robot',
		defaultExecData: '228cc4fa-92f2-4709-94e3-7344a96a5903',
		secondExec: 'ch',
		secondExecData: '48a77bd7-8762-4e0f-a277-4ef77e36c41b',
		cidType: 'default',
		startType: 'manual',
		cps: 1.05,
		webhookUrls: [subscription(url)],
		additionalOptions: { fullListMethod: 'reject', fullListTime: 10, recordCall: false },
		redialStrategyOptions: {
			redialStrategyEn: true,
			busy: { redial: true, time: 0, count: 1 },
			noAnswer: { redial: false },
			answerMash: { redial: false },
			congestion: { redial: false },
			answerNoList: { redial: false },
		},
		...task,
	});
	const id = created.id.identity as string;
	await api('/telephony/autoCallCandidate/batch', {
		batch: candidates.map((c) => ({ autoCallId: id, ...c })),
	});
	await api(`/telephony/autoCall/${id}/play`, undefined, 'POST');
	await sandbox.providers.twin24.flush();
	return id;
}

const withSecret = () => `${receiver.url}?secret=${SECRET}`;

beforeAll(async () => {
	sandbox = await startSandbox();
	receiver = await startReceiver();
});
afterAll(async () => {
	await receiver.close();
	await sandbox.close();
});
beforeEach(async () => {
	sandbox.reset();
	receiver.items.length = 0;
	receiver.staticData = {};
	receiver.credential = { secret: SECRET, secretLocation: 'query', queryParameterName: 'secret' };
	receiver.params = { events: EVENT_OPTIONS.map((o) => o.value), options: {} };
	const a = sandbox.accounts.twin24;
	const res = await fetch(`${sandbox.baseUrls.twin24Iam}/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: a.email, password: a.password }),
	});
	token = ((await res.json()) as { token: string }).token;
});

describe('Twin24 sandbox deliveries → Twin24 Trigger', () => {
	it('every event of every candidate starts one item with its callbackData exactly as the candidate gave it', async () => {
		const callbackData: unknown[] = [
			{ crmId: 'lead-1', owner: { id: 7, name: 'Ольга' }, tags: ['a', 'b'] },
			{ deep: { list: [1, null, { x: true }] }, amount: 12.5 },
			'{"crmId":"as-text"}',
			{ crmId: 'lead-4' },
		];
		const taskId = await runningTask(
			withSecret(),
			callbackData.map((cb, i) => ({
				phone: [`7900111220${i}`],
				callbackData: cb,
			})) as IDataObject[],
		);
		const run = await sandbox.providers.twin24.simulateAllCalls({
			outcomes: [{ status: 'ANSWERED', redirect: true }, 'BUSY', 'ANSWERED', 'NOANSWER'],
		});
		const deliveries = sandbox.providers.twin24.webhooks.deliveries;
		expect(deliveries.length).toBeGreaterThan(8);
		expect(deliveries.every((d) => d.status === 200)).toBe(true);
		// One item per delivery, in the order sent, each the body Twin24 sent plus event / request fields.
		expect(receiver.items.map((i) => i.event)).toEqual(deliveries.map((d) => d.event));
		for (const [k, item] of receiver.items.entries()) {
			const sent = JSON.parse(deliveries[k].body);
			expect(item).toMatchObject(sent);
			expect(item.query).toEqual({});
			expect(item.receivedAt).toEqual(expect.any(String));
		}
		const st = sandbox.providers.twin24.state;
		for (const item of receiver.items.filter((i) => i.event !== 'AUTOCALL_STATUS_CHANGED')) {
			const callId = (item.id ?? item.lastCallId) as string;
			const candidate = st.candidates.get(st.calls.get(callId)!.autoCallCandidateId)!;
			// The phone's last digit is the candidate's index.
			expect(item.callbackData).toEqual(callbackData[Number(candidate.phones[0].at(-1))]);
		}
		// Each candidate ends with exactly one CANDIDATE_CHANGED; the task reports FINISHED.
		expect(receiver.items.filter((i) => i.event === 'CANDIDATE_CHANGED')).toHaveLength(4);
		// Outcomes go round: the BUSY candidate's recall is the fifth call, answered with a transfer again.
		expect(receiver.items.filter((i) => i.event === 'CALL_REDIRECTED')).toHaveLength(2);
		expect(receiver.items.filter((i) => i.event === 'RECALL_SCHEDULED')).toHaveLength(1);
		expect(receiver.items.at(-1)).toMatchObject({
			event: 'AUTOCALL_STATUS_CHANGED',
			taskId,
			status: 'FINISHED',
		});
		expect(run.calls).toBe(5);
	});

	it('without the secret or with a wrong one: 401 to Twin24, nothing starts', async () => {
		await runningTask(receiver.url, [{ phone: ['79001112233'] }]);
		await runningTask(`${receiver.url}?secret=guess`, [{ phone: ['79001112234'] }]);
		await sandbox.providers.twin24.simulateAllCalls({ outcomes: ['ANSWERED'] });
		const deliveries = sandbox.providers.twin24.webhooks.deliveries;
		expect(deliveries.length).toBeGreaterThan(4);
		expect(deliveries.every((d) => d.status === 401)).toBe(true);
		expect(JSON.parse(deliveries[0].responseBody!)).toEqual({ message: 'Unauthorized' });
		expect(receiver.items).toHaveLength(0);
		// Twin24 re-sends what was not answered 200; the same URL is refused again.
		const again = await sandbox.providers.twin24.webhooks.redeliverFailed();
		expect(again.every((d) => d.status === 401)).toBe(true);
		expect(receiver.items).toHaveLength(0);
	});

	it('the secret never reaches the output item', async () => {
		await runningTask(`${withSecret()}&source=crm`, [{ phone: ['79001112233'] }]);
		await sandbox.providers.twin24.simulateAllCalls({ outcomes: ['ANSWERED'] });
		expect(receiver.items.length).toBeGreaterThan(0);
		for (const item of receiver.items) {
			expect(item.query).toEqual({ source: 'crm' });
			expect(JSON.stringify(item)).not.toContain(SECRET);
		}
	});

	it('events not chosen are answered 200 and start nothing (Twin24 would re-send anything else)', async () => {
		receiver.params.events = ['CANDIDATE_CHANGED'];
		await runningTask(withSecret(), [{ phone: ['79001112233'], callbackData: { crm: 1 } }]);
		await sandbox.providers.twin24.simulateAllCalls({ outcomes: ['ANSWERED'] });
		const deliveries = sandbox.providers.twin24.webhooks.deliveries;
		expect(deliveries.every((d) => d.status === 200)).toBe(true);
		const ended = deliveries.find((d) => d.event === 'CALL_ENDED')!;
		expect(JSON.parse(ended.responseBody!)).toEqual({
			received: true,
			started: false,
			event: 'CALL_ENDED',
		});
		expect(receiver.items.map((i) => i.event)).toEqual(['CANDIDATE_CHANGED']);
		expect(receiver.items[0].callbackData).toEqual({ crm: 1 });
	});

	it('a delivery Twin24 sends again is dropped; with the option off it runs again; status changes are never dropped', async () => {
		await runningTask(withSecret(), [{ phone: ['79001112233'] }]);
		await sandbox.providers.twin24.simulateAllCalls({ outcomes: ['ANSWERED'] });
		const wh = sandbox.providers.twin24.webhooks;
		const ended = wh.deliveries.find((d) => d.event === 'CALL_ENDED')!;
		const status = wh.deliveries.find((d) => d.event === 'AUTOCALL_STATUS_CHANGED')!;
		const before = receiver.items.length;
		const repeat = await wh.repeat(ended.seq);
		expect(repeat.status).toBe(200);
		expect(JSON.parse(repeat.responseBody!)).toMatchObject({ duplicate: true, started: false });
		expect(receiver.items).toHaveLength(before);
		expect((await wh.repeat(status.seq)).status).toBe(200);
		expect(receiver.items).toHaveLength(before + 1);
		receiver.params.options = { dropDuplicates: false };
		await wh.repeat(ended.seq);
		expect(receiver.items).toHaveLength(before + 2);
		expect(receiver.items.at(-1)!.event).toBe('CALL_ENDED');
	});

	it('the IP allow list: a request from outside is 403, from inside runs', async () => {
		receiver.params.options = { allowedIps: '87.251.83.160/27' };
		await runningTask(withSecret(), [{ phone: ['79001112233'] }]);
		await sandbox.providers.twin24.simulateAllCalls({ outcomes: ['NOANSWER'] });
		const wh = sandbox.providers.twin24.webhooks;
		expect(wh.deliveries.every((d) => d.status === 403)).toBe(true);
		expect(receiver.items).toHaveLength(0);
		receiver.params.options = { allowedIps: '87.251.83.160/27, 127.0.0.1' };
		const again = await wh.redeliverFailed();
		expect(again.every((d) => d.status === 200)).toBe(true);
		expect(receiver.items.map((i) => i.event)).toEqual(again.map((d) => d.event));
	});

	it('the inbound-call webhook: both hooks of a call start an item as INCOMING_CALL', async () => {
		await fetch(`${sandbox.baseUrls.twin24Iam}/companies/1001/settings`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ settings: { 'cis.webhooks.incomingCall': withSecret() } }),
		});
		const d = await sandbox.providers.twin24.inboundCall({ number: '74950000000' });
		expect(d.map((x) => x.status)).toEqual([200, 200]);
		expect(receiver.items.map((i) => [i.event, i.stage])).toEqual([
			['INCOMING_CALL', 'bot'],
			['INCOMING_CALL', 'shell'],
		]);
		expect(receiver.items[1].recordPath).toEqual(expect.any(String));
	});

	it('an unusable credential (empty secret) refuses every request with an error, never an open door', async () => {
		receiver.credential = { secret: '', secretLocation: 'query', queryParameterName: 'secret' };
		await runningTask(withSecret(), [{ phone: ['79001112233'] }]);
		await sandbox.providers.twin24.simulateAllCalls({ outcomes: ['ANSWERED'] });
		const d = sandbox.providers.twin24.webhooks.deliveries;
		expect(d.every((x) => x.status === 500)).toBe(true);
		expect(d[0].responseBody).toContain('The Secret is empty');
		expect(receiver.items).toHaveLength(0);
	});

	it('the credential: Secret is a password field in the URL parameter, and its test says what is wrong', async () => {
		const cred = new Twin24TriggerApi();
		const secret = cred.properties.find((p) => p.name === 'secret')!;
		expect(secret.typeOptions?.password).toBe(true);
		expect(cred.properties.find((p) => p.name === 'secretLocation')).toMatchObject({
			type: 'hidden',
			default: 'query',
		});
		const test = trigger.methods.credentialTest.twin24TriggerSecret;
		const ctx = {} as ICredentialTestFunctions;
		const bad = await test.call(ctx, { id: '1', name: 'c', type: cred.name, data: { secret: '' } });
		expect(bad.status).toBe('Error');
		const good = await test.call(ctx, {
			id: '1',
			name: 'c',
			type: cred.name,
			data: { secret: SECRET },
		});
		expect(good.status).toBe('OK');
		expect(trigger.description.credentials).toEqual([
			{ name: 'twin24TriggerApi', required: true, testedBy: 'twin24TriggerSecret' },
		]);
	});
});
