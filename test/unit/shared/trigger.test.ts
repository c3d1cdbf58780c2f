/**
 * nodes/shared/trigger.ts: the plumbing every unsigned-webhook trigger uses (the Unitalk Trigger's
 * tests in test/unit/unitalk/trigger.test.ts drive it through a whole trigger).
 */
import { EventEmitter } from 'events';

import type { IDataObject, INode, IWebhookFunctions } from 'n8n-workflow';

import {
	checkSecretSettings,
	deliveryGuard,
	deliveryKey,
	DUPLICATE_WINDOW_MS,
	readAllowList,
	refuseUnauthorised,
	requestWithoutSecret,
	secretCredentialProperties,
	testSecretCredential,
	webhookResponse,
} from '../../../nodes/shared/trigger';

const node: INode = {
	id: 't',
	name: 'Acme Trigger',
	type: 'n8n-nodes-dialers.acmeTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function request(r: { headers?: IDataObject; query?: IDataObject; ip?: string }) {
	const answer: { status?: number; body?: unknown } = {};
	const staticData: IDataObject = {};
	const response = {
		status(code: number) {
			answer.status = code;
			return response;
		},
		json(body: unknown) {
			answer.body = body;
			return response;
		},
	};
	const ctx = {
		getNode: () => node,
		getRequestObject: () => ({ ip: r.ip ?? '127.0.0.1' }),
		getResponseObject: () => response,
		getHeaderData: () => r.headers ?? {},
		getQueryData: () => r.query ?? {},
		getWorkflowStaticData: () => staticData,
		logger: { warn: () => undefined },
	} as unknown as IWebhookFunctions;
	return { ctx, answer, staticData };
}

const inQuery = checkSecretSettings(node, { secret: 's3cret', secretLocation: 'query' }, 'Acme');
const inHeader = checkSecretSettings(
	node,
	{ secret: 's3cret', secretLocation: 'header', headerName: 'X-Acme-Token' },
	'Acme',
);

describe('secret settings', () => {
	it('defaults the names and keeps a header name in lower case', () => {
		expect(inQuery).toEqual({ secret: 's3cret', location: 'query', name: 'secret' });
		expect(inHeader).toEqual({ secret: 's3cret', location: 'header', name: 'x-acme-token' });
	});

	it('an empty secret or an unusable name is an error that names the provider and the fix', () => {
		expect(() => checkSecretSettings(node, { secret: '' }, 'Acme')).toThrow('The Secret is empty');
		expect(() =>
			checkSecretSettings(
				node,
				{ secret: 'x', secretLocation: 'header', headerName: 'a b' },
				'Acme',
			),
		).toThrow('"a b" is not a valid header name');
		expect(testSecretCredential({ secret: '' }, 'Acme')).toEqual({
			status: 'Error',
			message: expect.stringContaining('Acme does not sign its webhooks') as unknown as string,
		});
		expect(testSecretCredential({ secret: 'x', secretLocation: 'query' }, 'Acme').status).toBe(
			'OK',
		);
	});

	it('credential fields: the secret is a password; one location means no location choice', () => {
		const both = secretCredentialProperties({ provider: 'Acme', locations: ['query', 'header'] });
		expect(both.map((p) => p.name)).toEqual([
			'secret',
			'secretLocation',
			'headerName',
			'queryParameterName',
		]);
		expect(both[0].typeOptions).toEqual({ password: true });
		expect(both[1]).toMatchObject({ type: 'options', default: 'query' });
		const queryOnly = secretCredentialProperties({ provider: 'Acme', locations: ['query'] });
		expect(queryOnly.map((p) => [p.name, p.type])).toEqual([
			['secret', 'string'],
			['secretLocation', 'hidden'],
			['queryParameterName', 'string'],
		]);
	});
});

describe('refuseUnauthorised', () => {
	it('403 for an address outside the allow list, before the secret is looked at', () => {
		const r = request({ ip: '198.51.100.1', query: { secret: 's3cret' } });
		const ranges = readAllowList(node, '203.0.113.0/24');
		expect(refuseUnauthorised(r.ctx, { secret: inQuery, ranges, triggerName: 'T' })).toEqual({
			noWebhookResponse: true,
		});
		expect(r.answer).toEqual({ status: 403, body: { message: 'Forbidden' } });
	});

	it('401 without the secret, with a wrong one, or with it in the other place', () => {
		for (const r of [
			request({}),
			request({ query: { secret: 's3creT' } }),
			request({ headers: { secret: 's3cret' } }),
		]) {
			expect(refuseUnauthorised(r.ctx, { secret: inQuery, ranges: [], triggerName: 'T' })).toEqual({
				noWebhookResponse: true,
			});
			expect(r.answer.status).toBe(401);
		}
	});

	it('lets the right secret through and leaves it out of the output', () => {
		const r = request({
			headers: { 'x-acme-token': 's3cret', 'content-type': 'a' },
			query: { a: '1' },
		});
		expect(
			refuseUnauthorised(r.ctx, { secret: inHeader, ranges: [], triggerName: 'T' }),
		).toBeUndefined();
		expect(r.answer.status).toBeUndefined();
		expect(requestWithoutSecret(r.ctx, inHeader)).toEqual({
			headers: { 'content-type': 'a' },
			query: { a: '1' },
		});
	});

	it('an allow list with an entry that is not an address is an error naming it', () => {
		expect(() => readAllowList(node, '10.0.0.1, 10.0.0.0/33, nope')).toThrow(
			'The IP Allow List has entries that are not addresses or ranges: 10.0.0.0/33, nope',
		);
	});
});

describe('deliveryGuard', () => {
	it('a remembered delivery is seen again within the window, not after it', () => {
		const r = request({});
		const key = deliveryKey('call-1', { a: 1 });
		const first = deliveryGuard(r.ctx, key, 1_000);
		expect(first.seen).toBe(false);
		first.remember();
		expect(deliveryGuard(r.ctx, key, 2_000).seen).toBe(true);
		expect(deliveryGuard(r.ctx, deliveryKey('call-1', { a: 2 }), 2_000).seen).toBe(false);
		expect(deliveryGuard(r.ctx, key, 1_000 + DUPLICATE_WINDOW_MS).seen).toBe(false);
	});

	it('without a key nothing is dropped and the static data is untouched', () => {
		const r = request({});
		const guard = deliveryGuard(r.ctx, undefined, 0);
		guard.remember();
		expect(guard.seen).toBe(false);
		expect(r.staticData).toEqual({});
	});

	it('keeps at most `memory` deliveries', () => {
		const r = request({});
		for (let i = 0; i < 5; i++) deliveryGuard(r.ctx, `k${i}`, i, DUPLICATE_WINDOW_MS, 3).remember();
		expect((r.staticData.deliveries as IDataObject[]).map((d) => d.k)).toEqual(['k2', 'k3', 'k4']);
	});
});

/**
 * A production webhook as n8n runs it: each request gets its own copy of the workflow's static data,
 * read from the database when the request arrives, and that copy is saved whole after webhook() (the
 * last save wins). `workflowId` and the trigger node's id scope the process memory.
 */
function productionWorkflow(workflowId: string) {
	let saved: IDataObject = {};
	return {
		get saved() {
			return saved;
		},
		/** One request: `handle` runs like webhook(); the returned `finish` saves and ends the answer. */
		request(handle: (ctx: IWebhookFunctions) => void) {
			const staticData = JSON.parse(JSON.stringify(saved)) as IDataObject;
			const response = Object.assign(new EventEmitter(), { statusCode: 200 });
			const ctx = {
				getNode: () => node,
				getWorkflow: () => ({ id: workflowId }),
				getResponseObject: () => response,
				getWorkflowStaticData: () => staticData,
			} as unknown as IWebhookFunctions;
			handle(ctx);
			return {
				finish(statusCode = 200) {
					saved = staticData;
					response.statusCode = statusCode;
					response.emit('finish');
				},
			};
		},
	};
}

describe("deliveryGuard under concurrent deliveries (n8n saves each request's copy of the static data)", () => {
	/** Delivers `key` and says whether the workflow started (a repeat is not started). */
	const deliver = (ctx: IWebhookFunctions, key: string, now: number) => {
		const guard = deliveryGuard(ctx, key, now);
		if (!guard.seen) guard.remember();
		return !guard.seen;
	};

	it('300 deliveries in flight at once, each sent twice: 300 runs; the next save holds every key', () => {
		const wf = productionWorkflow('wf-concurrent');
		const started: string[] = [];
		const inFlight = [];
		for (let i = 0; i < 300; i++) {
			for (const copy of [1, 2]) {
				inFlight.push(
					wf.request((ctx) => {
						if (deliver(ctx, `call-${i}`, 1_000 + i)) started.push(`call-${i}#${copy}`);
					}),
				);
			}
		}
		// n8n saves in whatever order the requests end: here the first ones last, so the saved list
		// is the first request's copy...
		for (const r of inFlight.reverse()) r.finish();
		expect(started).toHaveLength(300);
		expect(new Set(started.map((s) => s.split('#')[0])).size).toBe(300);
		expect((wf.saved.deliveries as IDataObject[]).map((d) => d.k)).toEqual(['call-0']);
		// ...until the next delivery's save, which writes what this process has seen.
		wf.request((ctx) => expect(deliver(ctx, 'call-300', 2_000)).toBe(true)).finish();
		const keys = (wf.saved.deliveries as IDataObject[]).map((d) => d.k);
		expect(keys).toEqual(Array.from({ length: 301 }, (_, i) => `call-${i}`));
	});

	it('after a restart (process memory empty) the saved static data still drops the repeat', () => {
		const before = productionWorkflow('wf-restart');
		before.request((ctx) => expect(deliver(ctx, 'call-1', 1_000)).toBe(true)).finish();
		// The same saved static data, seen by a trigger node the process has no memory of.
		const after = productionWorkflow('wf-restart-new-process');
		after.request(() => undefined);
		Object.assign(after.saved, before.saved);
		after.request((ctx) => expect(deliver(ctx, 'call-1', 2_000)).toBe(false)).finish();
	});

	it("a delivery n8n answered with an error (no run started) is forgotten: the provider's repeat runs", () => {
		const wf = productionWorkflow('wf-error');
		wf.request((ctx) => expect(deliver(ctx, 'call-1', 1_000)).toBe(true)).finish(500);
		wf.request((ctx) => expect(deliver(ctx, 'call-1', 2_000)).toBe(true)).finish(200);
		wf.request((ctx) => expect(deliver(ctx, 'call-1', 3_000)).toBe(false)).finish(200);
	});

	it('two trigger nodes (two workflows) each see every delivery once', () => {
		const a = productionWorkflow('wf-a');
		const b = productionWorkflow('wf-b');
		a.request((ctx) => expect(deliver(ctx, 'call-1', 1_000)).toBe(true)).finish();
		b.request((ctx) => expect(deliver(ctx, 'call-1', 1_000)).toBe(true)).finish();
		a.request((ctx) => expect(deliver(ctx, 'call-1', 1_500)).toBe(false)).finish();
	});
});

describe('webhookResponse', () => {
	it('always declares responseData, so n8n never answers the literal "firstEntryJson"', () => {
		expect(webhookResponse(false)).toEqual({ responseMode: 'onReceived', responseData: '' });
		expect(webhookResponse(true).responseData).toContain('firstEntryJson');
	});
});
