/**
 * Twin24 sandbox over real HTTP: IAM (login, refresh, token checks, expire-all), tasks (create with the
 * documented validation, list, get, the status machine) and candidates (batch, single, cancel, template).
 */
import { startSandbox, type Sandbox } from '../../../sandbox';
import { call, docTaskExample, login, minimalTask } from './twin24-helpers';

let sb: Sandbox;
let nowMs = Date.UTC(2026, 5, 1, 9, 0, 0);
let token: string;
const cis = () => `${sb.baseUrls.twin24}/cis/api/v1`;

beforeAll(async () => {
	sb = await startSandbox({ clock: () => nowMs });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(async () => {
	nowMs = Date.UTC(2026, 5, 1, 9, 0, 0);
	sb.reset();
	token = await login(sb);
});

function claims(jwt: string): Record<string, unknown> {
	return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

async function createTask(body: Record<string, unknown> = minimalTask()): Promise<string> {
	const r = await call(`${cis()}/telephony/autoCall`, { token, body });
	expect(r.status).toBe(200);
	return r.json.id.identity as string;
}

async function status(id: string): Promise<string> {
	return (await call(`${cis()}/telephony/autoCall/${id}`, { token })).json.status as string;
}

describe('IAM', () => {
	it('login answers a signed RS512 JWT with a real exp from ttl, and a refresh token', async () => {
		const a = sb.accounts.twin24;
		const r = await call(`${sb.baseUrls.twin24Iam}/auth/login`, {
			body: { email: a.email, password: a.password, ttl: 3600, companyId: null, extra: {} },
		});
		expect(r.status).toBe(200);
		expect(Object.keys(r.json).sort()).toEqual(['refreshToken', 'token']);
		const header = JSON.parse(Buffer.from(r.json.token.split('.')[0], 'base64url').toString());
		expect(header).toEqual({ typ: 'JWT', alg: 'RS512' });
		const c = claims(r.json.token);
		expect(c.iat).toBe(nowMs / 1000);
		expect(c.exp).toBe(nowMs / 1000 + 3600);
		expect(c).toMatchObject({ version: 4, company_id: a.companyId });
		expect(typeof c.sub).toBe('string');
	});

	it('without ttl the token lives 86400 s; a ttl above the maximum is shortened', async () => {
		expect(claims(await login(sb)).exp).toBe(nowMs / 1000 + 86400);
		expect(claims(await login(sb, { ttl: 10 ** 9 })).exp).toBe(nowMs / 1000 + 604800);
	});

	it('a wrong email or password is 401 with an error body and counts no login', async () => {
		const a = sb.accounts.twin24;
		const before = sb.providers.twin24.iam.logins;
		for (const body of [
			{ email: a.email, password: 'wrong' },
			{ email: 'nobody@example.com', password: a.password },
			{},
		]) {
			const r = await call(`${sb.baseUrls.twin24Iam}/auth/login`, { body });
			expect(r.status).toBe(401);
			expect(r.json).toEqual({ error: 'Invalid email or password', details: null });
			expect(r.text).not.toContain(a.password);
		}
		expect(sb.providers.twin24.iam.logins).toBe(before);
		expect(sb.providers.twin24.iam.failedLogins).toBe(3);
	});

	it('a companyId of another cabinet is refused with 403', async () => {
		const a = sb.accounts.twin24;
		const r = await call(`${sb.baseUrls.twin24Iam}/auth/login`, {
			body: { email: a.email, password: a.password, companyId: a.companyId + 1 },
		});
		expect(r.status).toBe(403);
		expect(claims(await login(sb, { companyId: String(a.companyId) })).company_id).toBe(
			a.companyId,
		);
	});

	it('a token is refused once exp has passed (clock), with the SDK refresh trigger text', async () => {
		const short = await login(sb, { ttl: 60 });
		expect((await call(`${cis()}/telephony/autoCall`, { token: short })).status).toBe(200);
		nowMs += 60_000;
		const r = await call(`${cis()}/telephony/autoCall`, { token: short });
		expect(r.status).toBe(401);
		expect(r.json.error).toBe('Token is expired.');
	});

	it('a forged, edited, missing or foreign token is 401', async () => {
		const [h, p, s] = token.split('.');
		const edited = JSON.parse(Buffer.from(p, 'base64url').toString());
		edited.exp += 1000;
		const forgedPayload = Buffer.from(JSON.stringify(edited)).toString('base64url');
		for (const t of [
			`${h}.${forgedPayload}.${s}`,
			'not-a-jwt',
			`${h}.${p}.${s.slice(0, -4)}AAAA`,
		]) {
			const r = await call(`${cis()}/telephony/autoCall`, { token: t });
			expect(r.status).toBe(401);
			expect(r.json.error).toBe('Token is invalid.');
		}
		const none = await call(`${cis()}/telephony/autoCall`);
		expect(none.status).toBe(401);
		// A token of another sandbox instance (same key, not issued here) is refused too.
		sb.reset();
		expect((await call(`${cis()}/telephony/autoCall`, { token })).status).toBe(401);
	});

	it('expireTokens ends every token at once (control API); a new login works; logins are counted', async () => {
		const second = await login(sb);
		const r = await call(`${sb.url}/__sandbox/twin24/expireTokens`, { body: {} });
		expect(r.status).toBe(200);
		expect(r.json.expired).toBe(2);
		for (const t of [token, second]) {
			const a = await call(`${cis()}/telephony/autoCall`, { token: t });
			expect(a.status).toBe(401);
			expect(a.json.error).toBe('Token is expired.');
		}
		const fresh = await login(sb);
		expect((await call(`${cis()}/telephony/autoCall`, { token: fresh })).status).toBe(200);
		expect(sb.providers.twin24.iam.logins).toBe(3);
		const state = await call(`${sb.url}/__sandbox/state?provider=twin24`);
		expect(state.json.twin24.iam).toMatchObject({ logins: 3, tokensRevoked: 2 });
	});

	it('refresh by POST body and by GET query gives a new working token; a bad refresh token is 401', async () => {
		const a = sb.accounts.twin24;
		const l = await call(`${sb.baseUrls.twin24Iam}/auth/login`, {
			body: { email: a.email, password: a.password },
		});
		sb.providers.twin24.expireAllTokens();
		const post = await call(`${sb.baseUrls.twin24Iam}/auth/refresh`, {
			body: { refreshToken: l.json.refreshToken, ttl: 120 },
		});
		expect(post.status).toBe(200);
		expect(claims(post.json.token).exp).toBe(nowMs / 1000 + 120);
		expect((await call(`${cis()}/telephony/autoCall`, { token: post.json.token })).status).toBe(
			200,
		);
		const get = await call(
			`${sb.baseUrls.twin24Iam}/auth/refresh?refreshToken=${l.json.refreshToken}&ttl=60`,
			{ headers: { authorization: l.json.token } },
		);
		expect(get.status).toBe(200);
		expect(sb.providers.twin24.iam.refreshes).toBe(2);
		const bad = await call(`${sb.baseUrls.twin24Iam}/auth/refresh`, {
			body: { refreshToken: 'x' },
		});
		expect(bad.status).toBe(401);
		// With refreshTokens: true only a new login helps.
		sb.providers.twin24.expireAllTokens({ refreshTokens: true });
		const gone = await call(`${sb.baseUrls.twin24Iam}/auth/refresh`, {
			body: { refreshToken: l.json.refreshToken },
		});
		expect(gone.status).toBe(401);
	});

	it('users/me answers the logged-in user (a cheap authenticated read)', async () => {
		const r = await call(`${sb.baseUrls.twin24Iam}/users/me`, { token });
		expect(r.status).toBe(200);
		expect(r.json).toMatchObject({ email: sb.accounts.twin24.email, companyId: 1001 });
		expect((await call(`${sb.baseUrls.twin24Iam}/users/me`)).status).toBe(401);
	});
});

describe('task create', () => {
	it('accepts the doc example as published and answers {"id":{"identity":uuid}} in BLANK', async () => {
		const r = await call(`${cis()}/telephony/autoCall`, { token, body: docTaskExample() });
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ id: { identity: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
		const got = await call(`${cis()}/telephony/autoCall/${r.json.id.identity}`, { token });
		expect(got.json).toMatchObject({
			id: r.json.id.identity,
			name: 'test_autocall',
			status: 'BLANK',
			cps: 1.03,
			candidateCount: 0,
			callCount: 0,
		});
	});

	it.each([
		['name', { name: '' }],
		['defaultExec', { defaultExec: 'human' }],
		['secondExec', { secondExec: 'transfer' }],
		['secondExecData', { secondExec: 'ch' }],
		['cidData', { cidType: 'gornum' }],
		['cidData', { cidType: 'pool', cidData: '' }],
		['startMoment', { startType: 'time' }],
		['startMoment', { startType: 'time', startMoment: '2026-06-01T10:00' }],
		['startMoment', { startType: 'time', startMoment: '2026-02-30 10:00' }],
		['cps', { cps: 0 }],
		['cps', { cps: 2.5 }],
		['cps', { cps: 1.005 }],
		['callStrategy', { callStrategy: 'RANDOM' }],
		['normalizationErrorAction', { normalizationErrorAction: 'IGNORE_NORMALIZATION_ERROR' }],
		['webhookUrls.0', { webhookUrls: ['ftp://example.com'] }],
	])('refuses a bad %s with 400 and the field in details', async (field, patch) => {
		const r = await call(`${cis()}/telephony/autoCall`, { token, body: minimalTask(patch) });
		expect(r.status).toBe(400);
		expect(r.json.error).toBe('Validation failed');
		expect(Object.keys(r.json.details).some((k) => k.startsWith(field))).toBe(true);
		expect(sb.providers.twin24.state.tasks.size).toBe(0);
	});

	it.each([
		['additionalOptions.allowCallTimeFrom', { useTr: true, allowCallTimeTo: 3600 }],
		['additionalOptions.allowCallTimeTo', { useTr: true, allowCallTimeFrom: 0 }],
		['additionalOptions.allowCallTimeTo', { allowCallTimeTo: 86400 }],
		['additionalOptions.recTrimLeft', { recordCall: true }],
		['additionalOptions.detectRobotMode', { detectRobot: true }],
		['additionalOptions.detectRobotGreeting', { detectRobot: true, detectRobotMode: 'block' }],
		['additionalOptions.fullListMethod', { fullListMethod: 'accept' }],
	])('additionalOptions: refuses %s', async (field, patch) => {
		const body = minimalTask();
		body.additionalOptions = { ...body.additionalOptions, ...patch };
		const r = await call(`${cis()}/telephony/autoCall`, { token, body });
		expect(r.status).toBe(400);
		expect(Object.keys(r.json.details)).toContain(field);
	});

	it('redial rules: time and count required when redial is on; limits as object or bare integer', async () => {
		const body = minimalTask();
		body.redialStrategyOptions.busy = { redial: true, time: 60 };
		let r = await call(`${cis()}/telephony/autoCall`, { token, body });
		expect(r.status).toBe(400);
		expect(Object.keys(r.json.details)).toEqual(['redialStrategyOptions.busy.count']);
		body.redialStrategyOptions.busy = { redial: true, time: 60, count: 2 };
		body.redialStrategyOptions.candidateLimit = 3;
		body.redialStrategyOptions.numberLimit = { redial: true };
		r = await call(`${cis()}/telephony/autoCall`, { token, body });
		expect(Object.keys(r.json.details)).toEqual(['redialStrategyOptions.numberLimit.count']);
		body.redialStrategyOptions.numberLimit = { redial: true, count: 2 };
		expect((await call(`${cis()}/telephony/autoCall`, { token, body })).status).toBe(200);
		delete body.redialStrategyOptions.noAnswer;
		r = await call(`${cis()}/telephony/autoCall`, { token, body });
		expect(Object.keys(r.json.details)).toEqual(['redialStrategyOptions.noAnswer']);
	});

	it('accepts cps on the formula (0.4, 0.97, "0.97", 1, 2) and an unknown bot is refused', async () => {
		for (const cps of [0.4, 0.97, '0.97', 1, 2]) await createTask(minimalTask({ cps }));
		const r = await call(`${cis()}/telephony/autoCall`, {
			token,
			body: minimalTask({ defaultExecData: '00000000-0000-0000-0000-000000000000' }),
		});
		expect(r.status).toBe(400);
		expect(r.json.details).toEqual({ defaultExecData: 'Bot script not found' });
	});

	it('invalid JSON is 400', async () => {
		const r = await call(`${cis()}/telephony/autoCall`, { token, body: '{"name":' });
		expect(r.status).toBe(400);
	});
});

describe('task list and get', () => {
	it('filters by status (CSV), keyword, period; pages by page or offset; limit 1..1000', async () => {
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) {
			ids.push(await createTask(minimalTask({ name: i % 2 ? `Odd ${i}` : `Even ${i}` })));
			nowMs += 60_000;
		}
		await call(`${cis()}/telephony/autoCall/${ids[0]}/play`, { token, method: 'POST' });
		const list = (q: string) => call(`${cis()}/telephony/autoCall?${q}`, { token });
		expect((await list('limit=1000')).json.count).toBe(5);
		expect((await list('status=PROCESS')).json.items.map((t: any) => t.id)).toEqual([ids[0]]);
		expect((await list('status=BLANK%2CPROCESS')).json.count).toBe(5);
		expect((await list('status=BLANK%2C%20PROCESS')).json.count).toBe(4);
		expect((await list('keyword=odd')).json.count).toBe(2);
		const from = new Date(Date.UTC(2026, 5, 1, 9, 2)).toISOString();
		expect((await list(`from=${encodeURIComponent(from)}`)).json.count).toBe(3);
		const page1 = await list('limit=2&page=1&sort=%2BcreatedAt');
		expect(page1.json.items.map((t: any) => t.id)).toEqual([ids[2], ids[3]]);
		const off = await list('limit=2&offset=3&sort=%2BcreatedAt');
		expect(off.json.items.map((t: any) => t.id)).toEqual([ids[3], ids[4]]);
		const desc = await list('sort=-createdAt&limit=1');
		expect(desc.json.items[0].id).toBe(ids[4]);
		for (const q of ['limit=0', 'limit=1001', 'limit=abc', 'page=1&offset=2', 'from=yesterday'])
			expect((await list(q)).status).toBe(400);
	});

	it('get of an unknown task is 404', async () => {
		const r = await call(`${cis()}/telephony/autoCall/0b7c3a2e-0000-4000-8000-000000000000`, {
			token,
		});
		expect(r.status).toBe(404);
		expect(r.json.error).toBe('AutoCall not found');
	});
});

describe('task status machine', () => {
	const act = (id: string, a: string) =>
		call(`${cis()}/telephony/autoCall/${id}/${a}`, { token, method: 'POST' });
	const add = (id: string, extra: Record<string, unknown> = {}) =>
		call(`${cis()}/telephony/autoCallCandidate/batch`, {
			token,
			body: { batch: [{ autoCallId: id, phone: ['79001112233'] }], ...extra },
		});

	it('BLANK → READY (candidates) → PROCESS (play) ⇄ PAUSED → HALTED, and HALTED stays', async () => {
		const id = await createTask();
		expect(await status(id)).toBe('BLANK');
		await add(id);
		expect(await status(id)).toBe('READY');
		expect((await act(id, 'play')).json).toEqual({ id: { identity: id }, status: 'PROCESS' });
		expect((await act(id, 'pause')).status).toBe(200);
		expect(await status(id)).toBe('PAUSED');
		await act(id, 'play');
		expect(await status(id)).toBe('PROCESS');
		expect((await act(id, 'halted')).status).toBe(200);
		expect(await status(id)).toBe('HALTED');
		expect((await act(id, 'halted')).status).toBe(200);
		for (const a of ['play', 'pause']) expect((await act(id, a)).status).toBe(400);
		const more = await add(id);
		expect(more.status).toBe(400);
		expect(more.json.details).toEqual({ 'batch.0.autoCallId': 'AutoCall is halted' });
	});

	it('forceStart starts the task; lifetime over → HALTED', async () => {
		const id = await createTask(minimalTask({ lifetime: 600 }));
		await add(id, { forceStart: true });
		expect(await status(id)).toBe('PROCESS');
		nowMs += 600_000;
		expect(await status(id)).toBe('HALTED');
	});

	it('startType time starts at startMoment in company time (UTC+3 by default) once it has candidates', async () => {
		// 2026-06-01 13:00 Moscow = 10:00 UTC; now is 09:00 UTC.
		const id = await createTask(
			minimalTask({ startType: 'time', startMoment: '2026-06-01 13:00' }),
		);
		await add(id);
		expect(await status(id)).toBe('READY');
		nowMs = Date.UTC(2026, 5, 1, 9, 59);
		expect(await status(id)).toBe('READY');
		nowMs = Date.UTC(2026, 5, 1, 10, 0);
		expect(await status(id)).toBe('PROCESS');
	});

	it('actions on an unknown task are 404; a wrong method is 405', async () => {
		expect((await act('nope', 'play')).status).toBe(404);
		const r = await call(`${cis()}/telephony/autoCall/x/play`, { token });
		expect(r.status).toBe(405);
	});
});

describe('candidates', () => {
	it('batch adds every candidate and answers its ids in request order, across tasks', async () => {
		const a = await createTask();
		const b = await createTask();
		const r = await call(`${cis()}/telephony/autoCallCandidate/batch`, {
			token,
			body: {
				batch: [
					{ autoCallId: a, phone: ['79001112233'], callbackData: { crmId: '1' } },
					{ autoCallId: b, phone: ['79001112234', '79001112235'], variables: { Name: 'Ivan' } },
					{ autoCallId: a, phone: ['79001112236'], clientExternalId: '555', timezone: 25200 },
				],
			},
		});
		expect(r.status).toBe(200);
		expect(r.json).toHaveLength(3);
		expect(r.json.map((x: any) => x.autoCallId.identity)).toEqual([a, b, a]);
		const st = sb.providers.twin24.state;
		const cand = r.json.map((x: any) => st.candidates.get(x.autoCallCandidateId.identity)!);
		expect(cand[0].callbackData).toEqual({ crmId: '1' });
		expect(cand[1].phones).toEqual(['79001112234', '79001112235']);
		expect(cand[1].variables).toEqual({ Name: 'Ivan' });
		expect(cand[2]).toMatchObject({ clientExternalId: '555', timezone: 25200 });
		expect((await call(`${cis()}/telephony/autoCall/${a}`, { token })).json.candidateCount).toBe(2);
	});

	it('is all or nothing: one bad candidate refuses the request with its index', async () => {
		const a = await createTask();
		const r = await call(`${cis()}/telephony/autoCallCandidate/batch`, {
			token,
			body: {
				batch: [
					{ autoCallId: a, phone: ['79001112233'] },
					{ autoCallId: a, phone: [] },
					{ autoCallId: a, phone: ['79001112233'], timezone: 50000 },
					{ autoCallId: 'unknown', phone: ['79001112233'] },
				],
			},
		});
		expect(r.status).toBe(400);
		expect(Object.keys(r.json.details).sort()).toEqual(['batch.1.phone', 'batch.2.timezone']);
		expect(sb.providers.twin24.state.candidates.size).toBe(0);
		const unknown = await call(`${cis()}/telephony/autoCallCandidate/batch`, {
			token,
			body: { batch: [{ autoCallId: 'unknown', phone: ['79001112233'] }] },
		});
		expect(unknown.json.details).toEqual({ 'batch.0.autoCallId': 'AutoCall not found' });
	});

	it('a repeated clientExternalId in a task is added once and answers the existing id', async () => {
		const a = await createTask();
		const body = { batch: [{ autoCallId: a, phone: ['79001112233'], clientExternalId: 7 }] };
		const one = await call(`${cis()}/telephony/autoCallCandidate/batch`, { token, body });
		const two = await call(`${cis()}/telephony/autoCallCandidate/batch`, { token, body });
		expect(two.json[0].autoCallCandidateId).toEqual(one.json[0].autoCallCandidateId);
		expect(sb.providers.twin24.state.candidates.size).toBe(1);
		expect(sb.providers.twin24.state.duplicatesIgnored).toBe(1);
	});

	it('candidateBatchCap (off by default) refuses larger batches', async () => {
		const capped = await startSandbox({ twin24: { candidateBatchCap: 2 } });
		try {
			const t = await login(capped);
			const c = await call(`${capped.baseUrls.twin24}/cis/api/v1/telephony/autoCall`, {
				token: t,
				body: minimalTask(),
			});
			const batch = [1, 2, 3].map((i) => ({
				autoCallId: c.json.id.identity,
				phone: [`7900111223${i}`],
			}));
			const r = await call(
				`${capped.baseUrls.twin24}/cis/api/v1/telephony/autoCallCandidate/batch`,
				{
					token: t,
					body: { batch },
				},
			);
			expect(r.status).toBe(400);
			expect(r.json.details).toEqual({ batch: 'at most 2' });
		} finally {
			await capped.close();
		}
	});

	it('cancel by task and phone cancels open candidates; none open is 404', async () => {
		const a = await createTask();
		await call(`${cis()}/telephony/autoCallCandidate/batch`, {
			token,
			body: {
				batch: [
					{ autoCallId: a, phone: ['79001112233'] },
					{ autoCallId: a, phone: ['79001112234'] },
				],
			},
		});
		const r = await call(
			`${cis()}/telephony/autoCallCandidate/cancel?autoCallId=${a}&phone=79001112233`,
			{
				token,
				method: 'POST',
			},
		);
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ cancelled: 1 });
		const states = [...sb.providers.twin24.state.candidates.values()].map((c) => c.state).sort();
		expect(states).toEqual(['CANCEL', 'WAITING']);
		const again = await call(
			`${cis()}/telephony/autoCallCandidate/cancel?autoCallId=${a}&phone=79001112233`,
			{
				token,
				method: 'POST',
			},
		);
		expect(again.status).toBe(404);
		const missing = await call(`${cis()}/telephony/autoCallCandidate/cancel?autoCallId=${a}`, {
			token,
			method: 'POST',
		});
		expect(missing.status).toBe(400);
		expect(missing.json.details).toEqual({ phone: 'Required' });
	});

	it('/autoCallCandidate takes one candidate (or a batch wrapper)', async () => {
		const a = await createTask();
		const r = await call(`${cis()}/telephony/autoCallCandidate`, {
			token,
			body: { autoCallId: a, phone: ['79001112233'], forceStart: true },
		});
		expect(r.status).toBe(200);
		expect(r.json.autoCallId.identity).toBe(a);
		expect(await status(a)).toBe('PROCESS');
		const w = await call(`${cis()}/telephony/autoCallCandidate`, {
			token,
			body: { batch: [{ autoCallId: a, phone: ['79001112234'] }] },
		});
		expect(w.status).toBe(200);
		expect(sb.providers.twin24.state.candidates.size).toBe(2);
	});

	it('single/batch (doc example shape) creates started tasks from templates and answers [[{autoCallId, autoCallCandidateId}]]', async () => {
		const r = await call(`${cis()}/telephony/autoCallCandidate/single/batch`, {
			token,
			body: {
				batch: [
					{
						callbackData: { id_client: '123456' },
						phone: ['79876543210', '79876543211'],
						botSettingsId: 'a8c57dfe-5f8b-4a43-9d57-3c1b8d850d2e',
						variables: { Name: 'John', LastName: 'Doe' },
						clientExternalId: '123',
						autoCallTemplateId: 'bb973460-7c1e-4d55-9f5c-0a09d2d12196',
						timezone: 25200,
						checkPhone: true,
					},
					{ phone: ['79876543222'], callbackData: { id_client: '78910' } },
				],
			},
		});
		expect(r.status).toBe(200);
		expect(r.json).toHaveLength(2);
		const [[first], [second]] = r.json;
		expect(first.autoCallId.identity).not.toBe(second.autoCallId.identity);
		const t = sb.providers.twin24.state.tasks.get(first.autoCallId.identity)!;
		expect(t.status).toBe('PROCESS');
		expect(t.body.defaultExecData).toBe('a8c57dfe-5f8b-4a43-9d57-3c1b8d850d2e');
		const bad = await call(`${cis()}/telephony/autoCallCandidate/single/batch`, {
			token,
			body: {
				batch: [{ phone: ['79876543222'], autoCallTemplateId: 'nope', botSettingsId: 'nope' }],
			},
		});
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.json.details).sort()).toEqual([
			'batch.0.autoCallTemplateId',
			'batch.0.botSettingsId',
		]);
	});

	it('single adds to one task per bot per day from the default template', async () => {
		const one = await call(`${cis()}/telephony/autoCallCandidate/single`, {
			token,
			body: { phone: ['79001112233'], callbackData: { lead: 1 } },
		});
		const two = await call(`${cis()}/telephony/autoCallCandidate/single`, {
			token,
			body: { phone: ['79001112234'] },
		});
		expect(one.status).toBe(200);
		expect(two.json.autoCallId).toEqual(one.json.autoCallId);
		nowMs += 86_400_000;
		token = await login(sb); // the first token lived one day
		const nextDay = await call(`${cis()}/telephony/autoCallCandidate/single`, {
			token,
			body: { phone: ['79001112235'] },
		});
		expect(nextDay.json.autoCallId).not.toEqual(one.json.autoCallId);
		expect(await status(one.json.autoCallId.identity)).toBe('PROCESS');
	});
});
