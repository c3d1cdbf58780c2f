import { gunzipSync } from 'node:zlib';

import { startSandbox, type Sandbox } from '../../../sandbox';
import { callbotPost, callbotSignature } from './helpers';

// Vectors from research/nxcloud.md §1.8 (doc sample credentials, fixed requestID / createTs).
const V = {
	secretKey: 'u7Mf3zUNOkg4lMV9a0E6cHSgIkK22GSr',
	uuid: 'Vh71ym3yQwWSYZFpqkFwTskGXUbSxDtR',
	requestID: '0123456789abcdef0123456789abcdef',
	createTs: 1726000000,
	body: '{"data":"hello"}',
	md5: '7BF119787757410FBA5910137AFBED7F',
	sha256: '2824A97A3092F611902485D393216F1A3F9C13EA5FAE090E0A0FFBC20F2E051A',
};
const creds = { uuid: V.uuid, secretKey: V.secretKey };

let sb: Sandbox;
let nowMs = V.createTs * 1000;
const nowS = () => Math.floor(nowMs / 1000);

beforeAll(async () => {
	sb = await startSandbox({
		clock: () => nowMs,
		accounts: { nxteleCallbot: creds },
		callbot: { callListCap: 5 },
	});
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => {
	nowMs = V.createTs * 1000;
	sb.reset();
});

function lastRequest() {
	return sb.requests[sb.requests.length - 1];
}

describe('documented signature vectors', () => {
	it('the test-side formula reproduces the research vectors', () => {
		const p = {
			secretKey: V.secretKey,
			body: V.body,
			createTs: String(V.createTs),
			requestID: V.requestID,
			uuid: V.uuid,
		};
		expect(callbotSignature(p)).toBe(V.md5);
		expect(callbotSignature(p, 'SHA256')).toBe(V.sha256);
		expect(
			callbotSignature({ ...p, body: '{"customerId": "1234", "appKey": "xxxxxx", "status": 1}' }),
		).toBe('12D97B3724C213061EA6CE1D88AE0073');
	});
});

describe('Callbot ping authentication', () => {
	it('accepts the MD5 vector and answers the documented ping shape, signed', async () => {
		const r = await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', V.body, creds, nowS(), {
			requestID: V.requestID,
			sign: V.md5,
		});
		expect(r.status).toBe(200);
		expect(r.json).toEqual({
			data: 'hello',
			timestamp: V.createTs,
			code: 0,
			msg: 'success',
			reqId: V.requestID,
		});
		// Response headers signed the same way over the exact response body (§1.6).
		expect(r.headers.get('requestid')).toBe(V.requestID);
		expect(r.headers.get('uuid')).toBe(V.uuid);
		expect(r.headers.get('createts')).toBe(String(V.createTs));
		expect(r.headers.get('algorithm')).toBeNull();
		expect(r.headers.get('sign')).toBe(
			callbotSignature({
				secretKey: V.secretKey,
				body: r.text,
				createTs: String(V.createTs),
				requestID: V.requestID,
				uuid: V.uuid,
			}),
		);
		const rec = lastRequest();
		expect(rec.provider).toBe('nxteleCallbot');
		expect(rec.path).toBe('/callcentre/api/v3/ping');
		expect(rec.outcome).toBe('accepted');
		expect(rec.rawBody).toBe(V.body);
		expect(rec.headers['requestid']).toBe(V.requestID);
		expect(rec.receivedAt).toBe(V.createTs * 1000);
	});

	it('accepts the SHA256 vector with algorithm: SHA256 and signs the answer with SHA256', async () => {
		const r = await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', V.body, creds, nowS(), {
			requestID: V.requestID,
			algorithm: 'SHA256',
			sign: V.sha256,
		});
		expect(r.json.code).toBe(0);
		expect(r.headers.get('algorithm')).toBe('SHA256');
		expect(r.headers.get('sign')).toBe(
			callbotSignature(
				{
					secretKey: V.secretKey,
					body: r.text,
					createTs: String(V.createTs),
					requestID: V.requestID,
					uuid: V.uuid,
				},
				'SHA256',
			),
		);
	});

	it('reads header names case-insensitively (requestId as in the doc sample, all lower case)', async () => {
		for (const headerCase of ['python', 'lower'] as const) {
			const r = await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', V.body, creds, nowS(), {
				headerCase,
			});
			expect(r.json?.code).toBe(0);
		}
	});

	it('signs the raw bytes: a differently spaced JSON of the same object is a different signature', async () => {
		const spaced = '{"data": "hello"}';
		const ok = await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', spaced, creds, nowS());
		expect(ok.json.code).toBe(0);
		const bad = await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', spaced, creds, nowS(), {
			signedBody: V.body,
		});
		expect(bad.json.retCode).toBe(6);
	});

	it('rejects with retCode 6 when one byte of the body differs from the signed text', async () => {
		const r = await callbotPost(
			sb.baseUrls.nxteleCallbot,
			'ping',
			'{"data":"hellp"}',
			creds,
			nowS(),
			{
				requestID: V.requestID,
				sign: V.md5,
			},
		);
		expect(r.status).toBe(200);
		expect(r.json.retCode).toBe(6);
		expect(typeof r.json.responseID).toBe('string');
		expect(r.json.retMsg).toMatch(/Incorrect Signature/);
		const rec = lastRequest();
		expect(rec.outcome).toBe('rejected');
		expect(rec.reason).toMatch(/sign mismatch/);
		// Still a signed answer: the account is known.
		expect(r.headers.get('sign')).toBe(
			callbotSignature({
				secretKey: V.secretKey,
				body: r.text,
				createTs: String(V.createTs),
				requestID: V.requestID,
				uuid: V.uuid,
			}),
		);
	});

	it('accepts createTs 300 s off and rejects 301 s off (both directions)', async () => {
		nowMs = (V.createTs + 300) * 1000;
		expect(
			(
				await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', V.body, creds, nowS(), {
					requestID: V.requestID,
					createTs: String(V.createTs),
					sign: V.md5,
				})
			).json.code,
		).toBe(0);
		nowMs = (V.createTs + 301) * 1000;
		const stale = await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', V.body, creds, nowS(), {
			requestID: V.requestID,
			createTs: String(V.createTs),
			sign: V.md5,
		});
		expect(stale.json.retCode).toBe(6);
		expect(lastRequest().reason).toMatch(/createTs 1726000000 is 301 s away/);
		nowMs = (V.createTs - 301) * 1000;
		const future = await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', V.body, creds, nowS(), {
			requestID: V.requestID,
			createTs: String(V.createTs),
			sign: V.md5,
		});
		expect(future.json.retCode).toBe(6);
	});

	it('treats a millisecond createTs as stale', async () => {
		const r = await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', V.body, creds, nowS(), {
			createTs: String(nowMs),
		});
		expect(r.json.retCode).toBe(6);
	});

	it('rejects an unknown uuid with retCode 6002 and does not sign the answer', async () => {
		const r = await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', V.body, creds, nowS(), {
			uuid: 'someone-else',
		});
		expect(r.json.retCode).toBe(6002);
		expect(r.headers.get('sign')).toBeNull();
		expect(lastRequest().reason).toMatch(/unknown uuid someone-else/);
	});

	it('rejects a missing sign with retCode 6001, missing requestID with 2, bad algorithm with 3', async () => {
		expect(
			(await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', V.body, creds, nowS(), { sign: null }))
				.json.retCode,
		).toBe(6001);
		const noReq = await fetch(`${sb.baseUrls.nxteleCallbot}/callcentre/api/v3/ping`, {
			method: 'POST',
			headers: { uuid: V.uuid, createTs: String(V.createTs), sign: V.md5 },
			body: V.body,
		});
		expect((await noReq.json()).retCode).toBe(2);
		expect(
			(
				await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', V.body, creds, nowS(), {
					algorithmHeader: 'SHA1',
				})
			).json.retCode,
		).toBe(3);
	});

	it('accepts a lower-case algorithm header but requires the upper-case hex sign', async () => {
		expect(
			(
				await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', V.body, creds, nowS(), {
					algorithm: 'SHA256',
					algorithmHeader: 'sha256',
				})
			).json.code,
		).toBe(0);
		const lower = await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', V.body, creds, nowS(), {
			requestID: V.requestID,
			sign: V.md5.toLowerCase(),
		});
		expect(lower.json.retCode).toBe(6);
	});

	it('missing data in the ping body is retCode 2', async () => {
		const r = await callbotPost(sb.baseUrls.nxteleCallbot, 'ping', '{}', creds, nowS());
		expect(r.json.retCode).toBe(2);
	});
});

// ---- v3 endpoints -----------------------------------------------------------------------------------

const setting = {
	strategyName: '',
	startupType: 1,
	startupAt: 0,
	zoneSecond: 28800,
	dialAtWeekDay: '1,2,3,4,5',
	dialAtUpHour: '9,10,11',
	dialAtDownHour: '9,10,11',
	maxCall: 5,
	taskName: 'Leads',
	taskCallbackUrl: 'http://127.0.0.1:9/task',
	maxRingTime: 30,
	routeID: '',
};
const funcFlag = {
	taskKeep: false,
	roundRedial: false,
	wholeTTS: false,
	smsEnable: false,
	phoneEncrypt: false,
};
const item = (orderID: string, userPhone = '8615600000000') => ({
	orderID,
	userPhone,
	other: `o-${orderID}`,
	userName: '',
	customerName: '',
	params: [],
});
const callInfoList = (ids: string[]) => ({
	orderCallbackUrl: 'http://127.0.0.1:9/order',
	callCallbackUrl: 'http://127.0.0.1:9/call',
	callList: ids.map((id) => item(id)),
});

async function call(endpoint: string, body: unknown, extraHeaders: Record<string, string> = {}) {
	return callbotPost(sb.baseUrls.nxteleCallbot, endpoint, JSON.stringify(body), creds, nowS(), {
		extraHeaders,
	});
}

describe('Callbot v3 endpoints', () => {
	it('createAndCall creates a task with orders; the same userTaskID twice does not create a second task', async () => {
		const body = {
			productID: 'callbot',
			userTaskID: 'ut-1',
			sceneID: 'scene-1',
			taskCreateSetting: setting,
			funcFlag,
			callInfoList: callInfoList(['o1', 'o2']),
		};
		const r = await call('createAndCall', body);
		expect(r.json).toMatchObject({ retCode: 0, totalCount: 2, successCount: 2, errList: [] });
		expect(typeof r.json.taskID).toBe('string');
		const again = await call('createAndCall', body);
		expect(again.json.retCode).toBe(4);
		expect(again.json.taskID).toBe(r.json.taskID);
		expect(sb.providers.nxteleCallbot.state.tasks.size).toBe(1);
		expect(sb.providers.nxteleCallbot.state.orders.size).toBe(2);
	});

	it('createAndCall enforces the documented required fields and the callList cap (4001)', async () => {
		const base = {
			productID: 'callbot',
			userTaskID: 'ut-2',
			sceneID: 's',
			taskCreateSetting: setting,
			funcFlag,
		};
		const { maxCall: _drop, ...noMaxCall } = setting;
		expect(
			(
				await call('createAndCall', {
					...base,
					taskCreateSetting: noMaxCall,
					callInfoList: callInfoList(['a']),
				})
			).json.retCode,
		).toBe(2);
		expect(
			(
				await call('createAndCall', {
					...base,
					productID: 'other',
					callInfoList: callInfoList(['a']),
				})
			).json.retCode,
		).toBe(4);
		expect(
			(
				await call('createAndCall', {
					...base,
					taskCreateSetting: { ...setting, startupType: '1' },
					callInfoList: callInfoList(['a']),
				})
			).json.retCode,
		).toBe(3);
		expect(
			(
				await call('createAndCall', {
					...base,
					taskCreateSetting: { ...setting, dialAtWeekDay: '0,8' },
					callInfoList: callInfoList(['a']),
				})
			).json.retCode,
		).toBe(4);
		const tooMany = await call('createAndCall', {
			...base,
			callInfoList: callInfoList(['1', '2', '3', '4', '5', '6']),
		});
		expect(tooMany.json.retCode).toBe(4001);
		expect(sb.providers.nxteleCallbot.state.tasks.size).toBe(0);
		const atCap = await call('createAndCall', {
			...base,
			callInfoList: callInfoList(['1', '2', '3', '4', '5']),
		});
		expect(atCap.json).toMatchObject({ retCode: 0, successCount: 5 });
	});

	it('addBatchCall reports duplicate orderIDs in errList and adds the rest', async () => {
		await call('createTask', { productID: 'callbot', userTaskID: 'ut-3', sceneID: 's' });
		const first = await call('addBatchCall', {
			productID: 'callbot',
			userTaskID: 'ut-3',
			callInfoList: callInfoList(['x1', 'x2']),
		});
		expect(first.json).toMatchObject({ retCode: 0, totalCount: 2, successCount: 2 });
		const retry = await call('addBatchCall', {
			productID: 'callbot',
			userTaskID: 'ut-3',
			callInfoList: callInfoList(['x2', 'x3', 'x3']),
		});
		expect(retry.json).toMatchObject({ retCode: 0, totalCount: 3, successCount: 1 });
		expect(retry.json.errList.map((e: { orderID: string }) => e.orderID)).toEqual(['x2', 'x3']);
		expect(sb.providers.nxteleCallbot.state.tasks.get('ut-3')!.orderIDs).toEqual([
			'x1',
			'x2',
			'x3',
		]);
		expect(
			(
				await call('addBatchCall', {
					productID: 'callbot',
					userTaskID: 'nope',
					callInfoList: callInfoList(['y']),
				})
			).json.retCode,
		).toBe(4);
	});

	it('mgrTaskStatus moves the task through the documented statuses', async () => {
		await call('createTask', { productID: 'callbot', userTaskID: 'ut-4', sceneID: 's' });
		const op = async (taskOperate: number) =>
			(
				await call('mgrTaskStatus', {
					productID: 'callbot',
					userTaskID: 'ut-4',
					taskOperate,
					delCall: 0,
				})
			).json;
		expect(await op(1)).toMatchObject({ retCode: 0, taskStatus: 2 });
		expect(await op(2)).toMatchObject({ retCode: 0, taskStatus: 5 });
		expect(await op(3)).toMatchObject({ retCode: 0, taskStatus: 4 });
		expect((await op(1)).retCode).toBe(4);
	});

	it('updateTask only while pending or paused', async () => {
		await call('createTask', { productID: 'callbot', userTaskID: 'ut-5', sceneID: 's' });
		const upd = () =>
			call('updateTask', {
				productID: 'callbot',
				userTaskID: 'ut-5',
				taskCreateSetting: { taskName: 'renamed' },
			});
		expect((await upd()).json.retCode).toBe(0);
		expect(sb.providers.nxteleCallbot.state.tasks.get('ut-5')!.taskName).toBe('renamed');
		await call('mgrTaskStatus', { productID: 'callbot', userTaskID: 'ut-5', taskOperate: 1 });
		expect((await upd()).json.retCode).toBe(4);
	});

	it('listTask, stopOrder, listOrderDetail (<= 500 ids) and listCall (gzip on request)', async () => {
		await call('createAndCall', {
			productID: 'callbot',
			userTaskID: 'ut-6',
			sceneID: 's',
			taskCreateSetting: { ...setting, startupType: 3 },
			funcFlag: { ...funcFlag, taskKeep: true },
			callInfoList: callInfoList(['p1', 'p2', 'p3']),
		});
		const list = await call('listTask', {
			productID: 'callbot',
			page: 1,
			size: 10,
			queryConditions: { taskStatus: [2] },
		});
		expect(list.json.taskData).toHaveLength(1);
		expect(list.json.taskData[0]).toMatchObject({
			userTaskID: 'ut-6',
			taskStatus: 2,
			taskStat: { totalOrderCount: 3, totalCall: 0 },
		});

		const stop = await call('stopOrder', {
			productID: 'callbot',
			userTaskID: 'ut-6',
			orderIDs: ['p3', 'missing'],
		});
		expect(stop.json).toMatchObject({
			retCode: 0,
			totalCount: 2,
			successCount: 1,
			errList: [{ orderID: 'missing' }],
		});

		const calls = sb.providers.nxteleCallbot.state.dial(nowS(), { userTaskID: 'ut-6' });
		expect(calls.map((c) => c.orderID)).toEqual(['p1', 'p2']);

		const detail = await call('listOrderDetail', {
			productID: 'callbot',
			userTaskID: 'ut-6',
			orderList: ['p1', 'p3'],
		});
		expect(detail.json.orderDetailList).toHaveLength(2);
		expect(detail.json.orderDetailList[0].callInfoDetailList).toHaveLength(1);
		expect(detail.json.orderDetailList[1].callInfoDetailList).toHaveLength(0);
		const ids = Array.from({ length: 501 }, (_, i) => `id${i}`);
		expect(
			(await call('listOrderDetail', { productID: 'callbot', userTaskID: 'ut-6', orderList: ids }))
				.json.retCode,
		).toBe(4001);

		// listCall with Accept-Encoding: gzip: compressed body, signature over the JSON text.
		const body = JSON.stringify({
			productID: 'callbot',
			userTaskID: 'ut-6',
			options: {},
			page: 1,
			size: 100,
		});
		const requestID = 'gz-1';
		const createTs = String(nowS());
		const sign = callbotSignature({
			secretKey: V.secretKey,
			body,
			createTs,
			requestID,
			uuid: V.uuid,
		});
		const http = await import('node:http');
		const url = new URL(`${sb.baseUrls.nxteleCallbot}/callcentre/api/v3/listCall`);
		const raw = await new Promise<{
			headers: Record<string, string | string[] | undefined>;
			buf: Buffer;
		}>((resolve, reject) => {
			const req = http.request(
				url,
				{
					method: 'POST',
					headers: {
						requestID,
						uuid: V.uuid,
						createTs,
						sign,
						'Accept-Encoding': 'gzip',
						'Content-Type': 'application/json',
					},
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () => resolve({ headers: res.headers, buf: Buffer.concat(chunks) }));
				},
			);
			req.on('error', reject);
			req.end(body);
		});
		expect(raw.headers['content-encoding']).toBe('gzip');
		const text = gunzipSync(raw.buf).toString('utf8');
		const json = JSON.parse(text);
		expect(json.retCode).toBe(0);
		expect(json.callList).toHaveLength(2);
		expect(raw.headers['sign']).toBe(
			callbotSignature({
				secretKey: V.secretKey,
				body: text,
				createTs: String(raw.headers['createts']),
				requestID,
				uuid: V.uuid,
			}),
		);
	});

	it('importBatchCall accepts a gzip request body (signed as the JSON text) and exportBatchCall returns that batch', async () => {
		const { gzipSync } = await import('node:zlib');
		await call('createTask', { productID: 'callbot', userTaskID: 'ut-7', sceneID: 's' });
		await call('addBatchCall', {
			productID: 'callbot',
			userTaskID: 'ut-7',
			callInfoList: callInfoList(['old']),
		});
		const json = JSON.stringify({
			productID: 'callbot',
			userTaskID: 'ut-7',
			callInfoList: callInfoList(['b1', 'b2']),
		});
		const requestID = 'imp-1';
		const createTs = String(nowS());
		const sign = callbotSignature({
			secretKey: V.secretKey,
			body: json,
			createTs,
			requestID,
			uuid: V.uuid,
		});
		const res = await fetch(`${sb.baseUrls.nxteleCallbot}/callcentre/api/v3/importBatchCall`, {
			method: 'POST',
			headers: {
				requestID,
				uuid: V.uuid,
				createTs,
				sign,
				'Content-Encoding': 'gzip',
				'Content-Type': 'application/json',
			},
			body: gzipSync(Buffer.from(json)),
		});
		const imp = await res.json();
		expect(imp).toMatchObject({ retCode: 0, successCount: 2 });
		expect(lastRequest().rawBody).toBe(json);
		const exp = await call('exportBatchCall', { productID: 'callbot', userTaskID: 'ut-7' });
		expect(exp.json).toMatchObject({ retCode: 0, totalCount: 2, batchID: imp.batchID });
		expect(exp.json.callList.map((c: { orderID: string }) => c.orderID)).toEqual(['b1', 'b2']);
	});

	it('unknown endpoint is 404, invalid JSON is retCode 3', async () => {
		expect((await call('nope', {})).status).toBe(404);
		const bad = await callbotPost(
			sb.baseUrls.nxteleCallbot,
			'createTask',
			'{not json',
			creds,
			nowS(),
		);
		expect(bad.json.retCode).toBe(3);
	});
});

describe('simulated dialling and signed callbacks (control API)', () => {
	it('POST /__sandbox/nxteleCallbot/dial places calls and sends signed call, order and task callbacks', async () => {
		const http = await import('node:http');
		const received: Array<{
			path: string;
			headers: Record<string, string | string[] | undefined>;
			body: string;
		}> = [];
		const receiver = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push({
					path: req.url ?? '',
					headers: req.headers,
					body: Buffer.concat(chunks).toString('utf8'),
				});
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end('{"retCode":0,"retMsg":"success"}');
			});
		});
		await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
		const port = (receiver.address() as { port: number }).port;
		try {
			const hook = `http://127.0.0.1:${port}`;
			await call('createAndCall', {
				productID: 'callbot',
				userTaskID: 'ut-cb',
				sceneID: 's',
				taskCreateSetting: { ...setting, startupType: 3, taskCallbackUrl: `${hook}/task` },
				funcFlag,
				callInfoList: {
					orderCallbackUrl: `${hook}/order`,
					callCallbackUrl: `${hook}/call`,
					callList: [item('cb-1')],
				},
			});
			const res = await fetch(`${sb.url}/__sandbox/nxteleCallbot/dial`, {
				method: 'POST',
				body: JSON.stringify({ userTaskID: 'ut-cb', answered: true }),
			});
			const out = await res.json();
			expect(out.calls).toHaveLength(1);
			expect(
				out.deliveries.map((d: { kind: string; status: number }) => [d.kind, d.status]),
			).toEqual([
				['call', 200],
				['order', 200],
				['task', 200],
			]);
			expect(received.map((r) => r.path)).toEqual(['/call', '/order', '/task']);
			for (const r of received) {
				expect(r.headers['uuid']).toBe(V.uuid);
				expect(r.headers['sign']).toBe(
					callbotSignature({
						secretKey: V.secretKey,
						body: r.body,
						createTs: String(r.headers['createts']),
						requestID: String(r.headers['requestid']),
						uuid: V.uuid,
					}),
				);
			}
			const [callCb, orderCb, taskCb] = received.map((r) => JSON.parse(r.body));
			expect(callCb).toMatchObject({
				callbackType: 1,
				orderID: 'cb-1',
				userTaskID: 'ut-cb',
				finish: true,
				callInfoDetail: { callStatus: 1 },
			});
			expect(callCb.callInfoDetail.callingNumber).toBeDefined();
			expect(orderCb.callbackType).toBe('1');
			expect(taskCb).toMatchObject({
				callbackType: 1,
				userTaskID: 'ut-cb',
				taskStatus: 3,
				taskStat: { totalOrderCount: 1, finishOrderCount: 1 },
			});
		} finally {
			await new Promise<void>((r) => receiver.close(() => r()));
		}
	});
});
