/**
 * Unitalk Trigger: webhook() driven with a hand-made IWebhookFunctions (request headers / query / body /
 * ip, a response object that records status and body, workflow static data).
 */
import { UnitalkTriggerApi } from '../../../credentials/UnitalkTriggerApi.credentials';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { DUPLICATE_WINDOW_MS, UnitalkTrigger } from '../../../nodes/Unitalk/UnitalkTrigger.node';
import { checkQueueAnswer, checkRouteAnswer } from '../../../nodes/Unitalk/trigger/answers';
import { detectEvent, EVENT_OPTIONS, UNITALK_EVENTS } from '../../../nodes/Unitalk/trigger/events';

const SECRET = 'k9$Vx-unitalk-trigger-secret';

/** Bodies from the documentation's examples ("Webhooks" section). */
const BODIES = {
	CALL_END: {
		event: 'CALL_END',
		call: {
			id: 1091944,
			dbid: 275,
			from: '380505557182',
			to: ['2000'],
			lastGroupName: 'Sales managers',
			outerNumber: 'site.ua',
			direction: 'IN',
			date: '2018-07-09 16:58:52',
			secondsFullTime: 19,
			secondsTalk: 9,
			utmSource: 'google',
			callback: true,
			state: 'ANSWER',
			source: 'REGULAR',
			link: 'https://api.unitalk.cloud:8443/tracking/rec/1531144732.920/2018-07-09',
			meta: 'some info',
			cause: 16,
		},
	},
	IVR: {
		ivrName: 'Distribution by departments',
		from: '380971234567',
		outerNumber: '380441234567',
		pressedDigit: 2,
		actionType: 'MAIN',
		projectName: 'myproject',
		utmCampaign: 'sale2021',
	},
	AUTODIAL_CALL_END: {
		from: '380971234567',
		operatorNumber: '2040',
		callName: 'Volodymyr',
		callNote: 'bought windows',
		calledCount: 1,
		callState: 'ANSWER',
		dialName: 'windows',
		totalCount: 2000,
		doneCount: 537,
		projectName: 'myproject',
	},
	AUTODIAL_EVENT: {},
	VOICE_QUEUE: {
		from: '380971234567',
		projectName: 'my-project',
		utmCampaign: 'sale2021',
		gclid: 'gclid...',
		referer: 'https://unitalk.cloud',
		ip: '111.111.111.111',
	},
	BALANCE_MOVEMENT: {
		date: '2022-11-12 19:12:50',
		type: 'MAIN_REFILL',
		sum: 500000,
		sumV2: 500000000,
		mainBalance: 15500000,
		mainBalanceV2: 15500000000,
		bonusBalance: 350000,
		description: 'Top-up of 500.00 UAH via LiqPay',
	},
	ROUTE: { event: 'ROUTE', call: { from: '380505557182', outerNumber: '380442949168' } },
	VOICE_QUEUE_PRIORITY: {
		outerNumber: '380440000001',
		from: '380501234567',
		utmSource: null,
		utmMedium: null,
		utmCampaign: null,
		utmTerm: null,
		utmContent: null,
		googleId: null,
		facebookClientId: null,
		gclid: null,
		cdid: null,
		referer: null,
	},
} as const;

interface FakeResponse {
	statusCode?: number;
	body?: unknown;
	status(code: number): FakeResponse;
	json(body: unknown): FakeResponse;
}

interface FakeRequest {
	params?: Record<string, unknown>;
	body?: unknown;
	headers?: Record<string, string>;
	query?: Record<string, unknown>;
	ip?: string;
	staticData?: IDataObject;
}

const BASE_PARAMS: Record<string, unknown> = {
	events: ['CALL_END'],
	secret: SECRET,
	secretLocation: 'query',
	queryParameterName: 'secret',
	headerName: 'X-Webhook-Secret',
	options: {},
};

function fake(r: FakeRequest = {}) {
	const response: FakeResponse = {
		status(code) {
			this.statusCode = code;
			return this;
		},
		json(body) {
			this.body = body;
			return this;
		},
	};
	const params = { ...BASE_PARAMS, ...(r.params ?? {}) };
	const staticData: IDataObject = r.staticData ?? {};
	const headers: Record<string, string> = {};
	// Node's http module hands header names over in lower case.
	for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = v;
	const node = {
		id: 'n-trigger',
		name: 'Unitalk Trigger',
		type: 'n8n-nodes-dialers.unitalkTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: params,
	};
	const warnings: string[] = [];
	const ctx = {
		getNode: () => node,
		getNodeParameter: (name: string, fallback?: unknown) =>
			Object.prototype.hasOwnProperty.call(params, name) ? params[name] : fallback,
		// The secret fields live in the unitalkTriggerApi credential; the tests keep them with the params.
		getCredentials: async (type: string) => {
			expect(type).toBe('unitalkTriggerApi');
			return secretFields(params);
		},
		getRequestObject: () => ({ ip: r.ip ?? '127.0.0.1', socket: { remoteAddress: r.ip } }),
		getResponseObject: () => response,
		getHeaderData: () => headers,
		getQueryData: () => r.query ?? { secret: SECRET },
		getBodyData: () => r.body ?? BODIES.CALL_END,
		getWorkflowStaticData: (type: string) => {
			expect(type).toBe('node');
			return staticData;
		},
		helpers: {
			returnJsonArray: (d: IDataObject | IDataObject[]) =>
				(Array.isArray(d) ? d : [d]).map((json) => ({ json })),
		},
		logger: { warn: (m: string) => warnings.push(m), debug: () => undefined },
	};
	return {
		ctx: ctx as unknown as IWebhookFunctions,
		hook: ctx as unknown as IHookFunctions,
		response,
		staticData,
		warnings,
	};
}

const SECRET_FIELDS = ['secret', 'secretLocation', 'headerName', 'queryParameterName'];
const secretFields = (params: Record<string, unknown>) =>
	Object.fromEntries(Object.entries(params).filter(([k]) => SECRET_FIELDS.includes(k)));

const trigger = new UnitalkTrigger();
const run = (f: ReturnType<typeof fake>) => trigger.webhook.call(f.ctx);
const firstJson = (r: Awaited<ReturnType<typeof run>>) =>
	r.workflowData?.[0]?.[0]?.json as IDataObject;
/**
 * What the caller receives: the answer webhook() wrote itself, or, for a started run, the one n8n
 * sends once it has created the execution (webhookResponse, HTTP 200); then nothing is written before.
 */
function answerOf(f: ReturnType<typeof fake>, r: Awaited<ReturnType<typeof run>>) {
	if (r.noWebhookResponse) return { status: f.response.statusCode, body: f.response.body };
	expect(f.response.statusCode).toBeUndefined();
	return { status: 200, body: r.webhookResponse as unknown };
}

describe('description (lint rules for triggers, research/n8n.md §5)', () => {
	const d = trigger.description;

	it('is a trigger with no inputs, no usableAsTool, a subtitle and a themed icon', () => {
		expect(d.name).toBe('unitalkTrigger');
		expect(d.displayName).toContain('Trigger');
		expect(d.inputs).toEqual([]);
		expect(d.group).toEqual(['trigger']);
		expect(d.usableAsTool).toBeUndefined();
		expect(d.subtitle).toBeTruthy();
		expect(d.icon).toEqual({
			light: 'file:../../icons/unitalk.svg',
			dark: 'file:../../icons/unitalk.dark.svg',
		});
	});

	it('declares responseMode and responseData as expressions of "Answer From", responseData always', () => {
		const [w] = d.webhooks!;
		expect(w.httpMethod).toBe('POST');
		expect(w.responseMode).toMatch(/^=\{\{.*answerFrom.*lastNode.*onReceived.*\}\}$/);
		expect(w.responseData).toMatch(/^=\{\{.*answerFrom.*firstEntryJson.*""\}\}$/);
	});

	it('offers every event of the documentation, alphabetically, grouped by section', () => {
		const values = EVENT_OPTIONS.map((o) => o.value).sort();
		expect(values).toEqual([...UNITALK_EVENTS].sort());
		const names = EVENT_OPTIONS.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it('shows a setup notice with the method and where the secret goes', () => {
		const notice = d.properties.find((p) => p.name === 'setupNotice')!;
		expect(notice.type).toBe('notice');
		expect(notice.displayName).toMatch(/Production URL/);
		expect(notice.displayName).toMatch(/POST/);
		expect(notice.displayName).toMatch(/Event handling/);
		// Issue 7 §6: the secret is no node parameter (exported with the workflow, open to expressions
		// evaluated against the request) but a password field of a required credential.
		expect(d.properties.map((p) => p.name)).not.toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^(secret|secretLocation|headerName|queryParameterName)$/),
			]),
		);
		expect(d.credentials).toEqual([
			{ name: 'unitalkTriggerApi', required: true, testedBy: 'unitalkTriggerSecret' },
		]);
		const secret = new UnitalkTriggerApi().properties.find((p) => p.name === 'secret')!;
		expect(secret.typeOptions?.password).toBe(true);
		expect(secret.required).toBe(true);
	});

	it('the credential test says whether the secret is usable, without sending anything', async () => {
		const test = trigger.methods.credentialTest.unitalkTriggerSecret;
		const call = async (data: Record<string, unknown>) =>
			await test.call(
				{} as never,
				{ id: '1', name: 'c', type: 'unitalkTriggerApi', data } as never,
			);
		expect(
			await call({ secret: SECRET, secretLocation: 'query', queryParameterName: 'secret' }),
		).toEqual({
			status: 'OK',
			message: 'The secret is set',
		});
		expect((await call({ secret: '' })).status).toBe('Error');
		expect(
			(await call({ secret: 'x', secretLocation: 'header', headerName: 'bad name' })).message,
		).toMatch(/not a valid header name/);
	});

	it('webhookMethods has checkExists, create and delete; they check the settings', async () => {
		const m = trigger.webhookMethods.default;
		const f = fake();
		await expect(m.checkExists.call(f.hook)).resolves.toBe(true);
		await expect(m.create.call(f.hook)).resolves.toBe(true);
		await expect(m.delete.call(f.hook)).resolves.toBe(true);
		const empty = fake({ params: { secret: '' } });
		await expect(m.checkExists.call(empty.hook)).rejects.toThrow('The Secret is empty');
		await expect(m.create.call(empty.hook)).rejects.toThrow('The Secret is empty');
	});
});

describe('secret', () => {
	it('a request without the secret gets 401 and starts nothing', async () => {
		const f = fake({ query: {} });
		const r = await run(f);
		expect(f.response.statusCode).toBe(401);
		expect(f.response.body).toEqual({ message: 'Unauthorized' });
		expect(r).toEqual({ noWebhookResponse: true });
		expect(f.warnings.join()).toMatch(/without the secret/);
	});

	it('a wrong secret (same length, one character off) gets 401', async () => {
		const f = fake({ query: { secret: SECRET.slice(0, -1) + 'X' } });
		const r = await run(f);
		expect(f.response.statusCode).toBe(401);
		expect(r.workflowData).toBeUndefined();
	});

	it('the secret in a header does not count when the trigger expects it in the URL', async () => {
		const f = fake({ query: {}, headers: { 'X-Webhook-Secret': SECRET } });
		expect((await run(f)).workflowData).toBeUndefined();
		expect(f.response.statusCode).toBe(401);
	});

	it('the right secret starts the workflow with the payload, the event, receivedAt and the request minus the secret', async () => {
		const f = fake({
			query: { secret: SECRET, event: 'CALL_END', tag: 'crm' },
			headers: { 'User-Agent': 'Unitalk' },
		});
		const r = await run(f);
		expect(answerOf(f, r)).toEqual({
			status: 200,
			body: { received: true, started: true, event: 'CALL_END' },
		});
		expect(r.workflowData).toHaveLength(1);
		expect(r.workflowData![0]).toHaveLength(1);
		const json = firstJson(r);
		expect(json).toMatchObject({ event: 'CALL_END', call: BODIES.CALL_END.call });
		expect(Date.parse(json.receivedAt as string)).not.toBeNaN();
		expect(json.query).toEqual({ event: 'CALL_END', tag: 'crm' });
		expect(json.headers).toEqual({ 'user-agent': 'Unitalk' });
	});

	it('header mode: the header name is matched in any case and removed from the output', async () => {
		const f = fake({
			params: { secretLocation: 'header', headerName: 'X-Unitalk-Token' },
			query: { secret: 'ignored' },
			headers: { 'x-unitalk-token': SECRET, 'Content-Type': 'application/json' },
		});
		const r = await run(f);
		expect(answerOf(f, r).status).toBe(200);
		expect(firstJson(r).headers).toEqual({ 'content-type': 'application/json' });
		expect(firstJson(r).query).toEqual({ secret: 'ignored' });
		const wrong = fake({
			params: { secretLocation: 'header', headerName: 'X-Unitalk-Token' },
			headers: { 'x-unitalk-token': 'nope' },
		});
		expect((await run(wrong)).workflowData).toBeUndefined();
		expect(wrong.response.statusCode).toBe(401);
	});

	it('an empty secret or a bad header name in the settings is a clear error, not an open door', async () => {
		await expect(run(fake({ params: { secret: '' }, query: { secret: '' } }))).rejects.toThrow(
			'The Secret is empty',
		);
		await expect(
			run(fake({ params: { secretLocation: 'header', headerName: 'X Secret' } })),
		).rejects.toThrow('"X Secret" is not a valid header name');
	});
});

describe('events', () => {
	it('an event that is not selected is acknowledged with 200 and starts nothing', async () => {
		const f = fake({ body: BODIES.IVR, params: { events: ['CALL_END'] } });
		const r = await run(f);
		expect(f.response.statusCode).toBe(200);
		expect(f.response.body).toEqual({ received: true, started: false, event: 'IVR' });
		expect(r).toEqual({ noWebhookResponse: true });
	});

	it('an unselected ROUTE gets an empty answer (Unitalk keeps its own routing)', async () => {
		const f = fake({ body: BODIES.ROUTE, params: { events: ['CALL_END'] } });
		const r = await run(f);
		expect(f.response.statusCode).toBe(200);
		expect(f.response.body).toEqual({});
		expect(r.workflowData).toBeUndefined();
	});

	it.each(Object.entries(BODIES))('recognises the documented %s body', async (event, body) => {
		expect(detectEvent(body, {})).toBe(event);
		const f = fake({ body, params: { events: [event] } });
		const r = await run(f);
		expect(firstJson(r).event).toBe(event);
	});

	it('the URL parameter "event" names bodies that carry no name, but never overrides the body\'s own', () => {
		expect(detectEvent({}, { event: 'AUTODIAL_FINISH' })).toBe('AUTODIAL_EVENT');
		expect(detectEvent({}, { event: 'autodial_status_changed' })).toBe('AUTODIAL_EVENT');
		expect(detectEvent(BODIES.AUTODIAL_CALL_END, { event: 'AUTODIAL_NOANSWER' })).toBe(
			'AUTODIAL_CALL_END',
		);
		expect(detectEvent(BODIES.VOICE_QUEUE, { event: 'VOICE_QUEUE_MANAGEMENT' })).toBe(
			'VOICE_QUEUE_PRIORITY',
		);
		expect(detectEvent(BODIES.CALL_END, { event: 'IVR' })).toBe('CALL_END');
		expect(detectEvent({ anything: 1 }, { event: 'nonsense' })).toBe('OTHER');
		expect(detectEvent('plain text', {})).toBe('OTHER');
	});

	it('a body that is not an object is passed on under "body" (event OTHER)', async () => {
		const f = fake({ body: 'a=1', params: { events: ['OTHER'] } });
		const r = await run(f);
		expect(firstJson(r)).toMatchObject({ body: 'a=1', event: 'OTHER' });
	});
});

describe('IP allow list', () => {
	const opts = (allowedIps: string) => ({ events: ['CALL_END'], options: { allowedIps } });

	it('a request from an address outside the list gets 403 and starts nothing', async () => {
		const f = fake({ ip: '198.51.100.9', params: opts('203.0.113.0/24, 10.0.0.1') });
		const r = await run(f);
		expect(f.response.statusCode).toBe(403);
		expect(f.response.body).toEqual({ message: 'Forbidden' });
		expect(r).toEqual({ noWebhookResponse: true });
	});

	it('the IP check comes before the secret check', async () => {
		const f = fake({ ip: '198.51.100.9', query: {}, params: opts('203.0.113.0/24') });
		await run(f);
		expect(f.response.statusCode).toBe(403);
	});

	it('addresses inside a range pass, also as IPv4-mapped IPv6', async () => {
		for (const ip of ['203.0.113.77', '::ffff:203.0.113.5', '10.0.0.1']) {
			const f = fake({ ip, params: opts('203.0.113.0/24, 10.0.0.1') });
			expect((await run(f)).workflowData).toHaveLength(1);
		}
	});

	it('invalid entries are a clear error on activation and on a request', async () => {
		const f = fake({ params: opts('203.0.113.0/24, 10.0.0.300, example.com') });
		await expect(trigger.webhookMethods.default.checkExists.call(f.hook)).rejects.toThrow(
			'The IP Allow List has entries that are not addresses or ranges: 10.0.0.300, example.com',
		);
		await expect(run(f)).rejects.toThrow('10.0.0.300, example.com');
		expect(f.response.statusCode).toBeUndefined();
	});
});

describe('repeated deliveries', () => {
	it('the same call event delivered twice starts one execution; the second is acknowledged', async () => {
		const staticData: IDataObject = {};
		const first = fake({ staticData });
		expect((await run(first)).workflowData).toHaveLength(1);
		const second = fake({ staticData });
		const r = await run(second);
		expect(r).toEqual({ noWebhookResponse: true });
		expect(second.response.statusCode).toBe(200);
		expect(second.response.body).toMatchObject({ duplicate: true, started: false });
		expect((staticData.deliveries as unknown[]).length).toBe(1);
	});

	it('other events of the same call, and a changed body with the same id, are not duplicates', async () => {
		const staticData: IDataObject = {};
		const events = ['CALL_NEW', 'CALL_REDIRECT', 'CALL_END'];
		const body = (event: string, to: string[]) => ({
			event,
			call: { ...BODIES.CALL_END.call, to },
		});
		for (const [event, to] of [
			['CALL_NEW', []],
			['CALL_REDIRECT', ['2000']],
			['CALL_REDIRECT', ['2001']],
			['CALL_END', ['2001']],
		] as Array<[string, string[]]>) {
			const f = fake({ staticData, body: body(event, to), params: { events } });
			expect((await run(f)).workflowData).toHaveLength(1);
		}
	});

	it('after the window a repeat starts the workflow again; the list stays bounded', async () => {
		const staticData: IDataObject = {};
		await run(fake({ staticData }));
		const list = staticData.deliveries as Array<{ k: string; t: number }>;
		list[0].t -= DUPLICATE_WINDOW_MS + 1;
		expect((await run(fake({ staticData }))).workflowData).toHaveLength(1);
		expect((staticData.deliveries as unknown[]).length).toBe(1);

		for (let i = 0; i < 520; i++) {
			await run(fake({ staticData, body: { event: 'CALL_END', call: { id: i } } }));
		}
		expect((staticData.deliveries as unknown[]).length).toBe(500);
	});

	it('"Drop Repeated Deliveries" off lets repeats through; bodies without an id are never dropped', async () => {
		const staticData: IDataObject = {};
		for (let i = 0; i < 2; i++) {
			const f = fake({ staticData, params: { options: { dropDuplicates: false } } });
			expect((await run(f)).workflowData).toHaveLength(1);
		}
		for (let i = 0; i < 2; i++) {
			const f = fake({ staticData, body: {}, params: { events: ['AUTODIAL_EVENT'] } });
			expect((await run(f)).workflowData).toHaveLength(1);
		}
		expect(staticData.deliveries).toBeUndefined();
	});
});

describe('answers: ROUTE and voice queue management', () => {
	it('ROUTE answered from the node parameters with the exact JSON, and the workflow starts', async () => {
		const f = fake({
			body: BODIES.ROUTE,
			params: {
				events: ['ROUTE'],
				answerFrom: 'parameters',
				operatorNumber: '2048',
				callerName: 'Александр',
				ivrId: '487',
			},
		});
		const r = await run(f);
		const answer = answerOf(f, r);
		expect(answer.status).toBe(200);
		expect(JSON.stringify(answer.body)).toBe(
			'{"operatorNumber":"2048","callerName":"Александр","ivrId":487}',
		);
		expect(firstJson(r)).toMatchObject({ event: 'ROUTE', call: BODIES.ROUTE.call });
	});

	it('ROUTE: empty fields are sent as null, a GSM number is cleaned to digits', async () => {
		const f = fake({
			body: BODIES.ROUTE,
			params: {
				events: ['ROUTE'],
				operatorNumber: '+380 (50) 123-45-67',
				callerName: '',
				ivrId: '',
			},
		});
		expect(answerOf(f, await run(f)).body).toEqual({
			operatorNumber: '380501234567',
			callerName: null,
			ivrId: null,
		});
	});

	it('ROUTE: a value Unitalk cannot use is a clear error and nothing is answered by the trigger', async () => {
		const f = fake({ body: BODIES.ROUTE, params: { events: ['ROUTE'], operatorNumber: 'Anna' } });
		await expect(run(f)).rejects.toThrow(
			'Operator Number "Anna" is not a SIP line (e.g. 2048) or an international phone number',
		);
		expect(f.response.statusCode).toBeUndefined();
		const ivr = fake({
			body: BODIES.ROUTE,
			params: { events: ['ROUTE'], operatorNumber: '2048', ivrId: 'menu' },
		});
		await expect(run(ivr)).rejects.toThrow('IVR ID "menu" must be the ID of a voice menu');
	});

	it('voice queue management answered from the parameters: {"setPriority": 7}', async () => {
		const f = fake({
			body: BODIES.VOICE_QUEUE_PRIORITY,
			params: { events: ['VOICE_QUEUE_PRIORITY'], priority: 7 },
		});
		const r = await run(f);
		expect(JSON.stringify(answerOf(f, r).body)).toBe('{"setPriority":7}');
		expect(firstJson(r).event).toBe('VOICE_QUEUE_PRIORITY');
	});

	it('voice queue management: priority 11 from the parameters (e.g. an expression) is refused', async () => {
		const f = fake({
			body: BODIES.VOICE_QUEUE_PRIORITY,
			params: { events: ['VOICE_QUEUE_PRIORITY'], priority: 11 },
		});
		await expect(run(f)).rejects.toThrow(
			"Priority 11 is not allowed: Unitalk's voice queue takes a whole number from 1 to 10 (setPriority)",
		);
		expect(f.response.statusCode).toBeUndefined();
	});

	it('Last Node: the trigger writes no answer and leaves it to n8n (lastNode + firstEntryJson)', async () => {
		for (const [event, body] of [
			['ROUTE', BODIES.ROUTE],
			['VOICE_QUEUE_PRIORITY', BODIES.VOICE_QUEUE_PRIORITY],
		] as const) {
			const f = fake({ body, params: { events: [event], answerFrom: 'lastNode' } });
			const r = await run(f);
			expect(f.response.statusCode).toBeUndefined();
			expect(r.noWebhookResponse).toBeUndefined();
			expect(firstJson(r).event).toBe(event);
		}
	});

	it('Last Node mode still answers every other event at once itself', async () => {
		const f = fake({ params: { events: ['CALL_END', 'ROUTE'], answerFrom: 'lastNode' } });
		const r = await run(f);
		expect(answerOf(f, r).status).toBe(200);
		expect(r.webhookResponse).toEqual({ received: true, started: true, event: 'CALL_END' });
		expect(r.workflowData).toHaveLength(1);
	});

	it('Last Node: priority 11 from the last node is refused by the answer rules with a clear error', () => {
		// n8n sends the last node's first item itself once the workflow is done: no node code runs
		// between that node and the HTTP answer, so these rules (the ones the notice states) are where the
		// check can live; the sandbox plays Unitalk and reports the refusal on the wire (see the e2e test).
		const lastNodeItem = { setPriority: 11 };
		expect(checkQueueAnswer(lastNodeItem)).toEqual({
			ok: false,
			problem:
				"Priority 11 is not allowed: Unitalk's voice queue takes a whole number from 1 to 10 (setPriority)",
		});
		expect(checkQueueAnswer({ setPriority: 10 })).toEqual({ ok: true, value: { setPriority: 10 } });
		expect(checkQueueAnswer({ setPriority: '3' })).toEqual({ ok: true, value: { setPriority: 3 } });
		expect(checkQueueAnswer({ setPriority: 2.5 }).ok).toBe(false);
		expect(checkQueueAnswer({}).ok).toBe(false);
		expect(checkRouteAnswer({ operatorNumber: '2048', ivrId: 0 }).ok).toBe(false);
	});
});
