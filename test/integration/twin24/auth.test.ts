/**
 * Credential twin24Api against the sandbox IAM: the login (preAuthentication), the Bearer token on
 * every request, one new login when Twin24 refuses an expired or revoked token (never more than once
 * per request, no item lost or sent twice), and a wrong password in plain words, nowhere echoed.
 */
import { body, createTask, twin24Context } from './helpers';

jest.setTimeout(60_000);

const ctx = twin24Context();

const jwt = (exp: number) =>
	['{"alg":"RS512","typ":"JWT"}', JSON.stringify({ exp, sub: '1' })]
		.map((p) => Buffer.from(p).toString('base64url'))
		.join('.') + '.x';

describe('Twin24 credential: login', () => {
	it('logs in once with email, password and lifetime, then sends Bearer <token>', async () => {
		const taskId = await createTask(ctx);
		const result = await ctx.run(
			'task',
			{ operation: 'get', task: { mode: 'id', value: taskId } },
			[{}, {}, {}],
		);
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject')).toHaveLength(3);
		// One login per run (each run starts from the empty stored token), none per request.
		expect(ctx.logins()).toBe(2);
		const login = ctx.requests().find((r) => r.path.endsWith('/auth/login'))!;
		expect(body(login)).toEqual({
			email: ctx.sandbox.accounts.twin24.email,
			password: ctx.sandbox.accounts.twin24.password,
			ttl: 86400,
		});
		const gets = ctx.requests('autoCall/get');
		expect(gets).toHaveLength(3);
		for (const r of gets)
			expect(r.headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
	});

	it('sends the company ID as a number when one is set', async () => {
		await ctx.run(
			'bot',
			{ operation: 'getMany', returnAll: true },
			[{}],
			{},
			{
				companyId: String(ctx.sandbox.accounts.twin24.companyId),
			},
		);
		const login = ctx.requests().find((r) => r.path.endsWith('/auth/login'))!;
		expect(body(login).companyId).toBe(ctx.sandbox.accounts.twin24.companyId);
	});

	it('replaces a stored token whose exp has passed before sending anything with it', async () => {
		const stale = jwt(Math.floor(Date.now() / 1000) - 10);
		const result = await ctx.run(
			'bot',
			{ operation: 'getMany', returnAll: true },
			[{}],
			{},
			{
				accessToken: stale,
			},
		);
		expect(result.error()).toBeUndefined();
		expect(ctx.logins()).toBe(1);
		const list = ctx.requests('bots/list');
		expect(list).toHaveLength(1);
		expect(list[0].headers.authorization).not.toContain(stale);
		expect(list[0].responseStatus).toBe(200);
	});
});

describe('Twin24 credential: a refused token gets one new login', () => {
	it('tokens revoked in the middle of 3,000 candidates cost one login and no candidate', async () => {
		const taskId = await createTask(ctx);
		const before = ctx.logins();
		const answered = () =>
			ctx.requests('/autoCallCandidate/batch').filter((r) => r.responseStatus === 200).length;
		// When the third request of candidates arrives, the sandbox ends every token (like a revoke).
		let expired = false;
		ctx.onClock = () => {
			if (!expired && answered() === 2) {
				expired = true;
				ctx.sandbox.providers.twin24.expireAllTokens();
			}
		};
		const items = Array.from({ length: 3000 }, (_, i) => ({
			phone: `7900${String(i).padStart(7, '0')}`,
			lead: i,
		}));
		const result = await ctx.run(
			'candidate',
			{
				operation: 'addToTask',
				task: { mode: 'id', value: taskId },
				phone: '={{ $json.phone }}',
				candidate: { callbackData: '={{ { "lead": $json.lead } }}' },
				options: { batchSize: 500 },
			},
			items,
		);
		expect(result.error()).toBeUndefined();
		expect(expired).toBe(true);
		const out = result.output('Subject');
		expect(out).toHaveLength(3000);
		expect(out.every((o) => o.json.status === 'added')).toBe(true);
		expect(out[2999].json.callbackData).toEqual({ lead: 2999 });
		// Every candidate once, in the task.
		const task = ctx.sandbox.providers.twin24.state.tasks.get(taskId)!;
		expect(task.candidateIds).toHaveLength(3000);
		const phones = [...ctx.sandbox.providers.twin24.state.candidates.values()].map(
			(c) => c.phones[0],
		);
		expect(new Set(phones).size).toBe(3000);
		// Six requests of 500 accepted; the third was refused once (401) and sent again after one login.
		const batches = ctx.requests('/autoCallCandidate/batch');
		expect(batches.map((r) => r.responseStatus)).toEqual([200, 200, 401, 200, 200, 200, 200]);
		expect(body(batches[2])).toEqual(body(batches[3]));
		expect(ctx.logins() - before).toBe(2); // the run's first login, and the one new login
	});

	it('a token refused again right after the new login fails the item, without a third login', async () => {
		const taskId = await createTask(ctx);
		const before = ctx.logins();
		// Every token refused as it arrives: the request goes out twice (old token, new token), then stops.
		ctx.onClock = () => ctx.sandbox.providers.twin24.expireAllTokens();
		const result = await ctx.run('task', { operation: 'get', task: { mode: 'id', value: taskId } });
		const error = result.error();
		expect(error?.message).toBe(
			'Twin24 Get Task: Twin24 refused the credentials: Token is expired.',
		);
		expect(ctx.logins() - before).toBe(2);
		const gets = ctx.requests(`/telephony/autoCall/${taskId}`);
		expect(gets.map((r) => r.responseStatus)).toEqual([401, 401]);
	});
});

describe('Twin24 credential: wrong password', () => {
	const secret = 'Wr0ng-Pa55word-do-not-echo';

	it('says "Twin24 refused the email or password", sends nothing, and never shows the password', async () => {
		const result = await ctx.run(
			'task',
			{ operation: 'getMany', returnAll: true },
			[{}],
			{},
			{ password: secret },
		);
		const error = result.error();
		expect(error?.message).toBe('Twin24 refused the email or password');
		expect(ctx.requests('autoCall/list')).toHaveLength(0);
		expect(ctx.logins()).toBe(1);
		const everything = JSON.stringify(result.run, (_k, v) =>
			v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v,
		);
		expect(everything).toContain('Twin24 refused the email or password');
		expect(everything).not.toContain(secret);
	});

	it('with Continue On Fail the error becomes the item, without the password', async () => {
		const result = await ctx.run(
			'task',
			{ operation: 'getMany', returnAll: true },
			[{}, {}],
			{ onError: 'continueRegularOutput' },
			{ password: secret },
		);
		const out = result.output('Subject');
		expect(out).toHaveLength(2);
		expect(out[0].json.error).toBe('Twin24 refused the email or password');
		expect(JSON.stringify(out)).not.toContain(secret);
	});

	it('an unreachable login names the address and the network error, not the request', async () => {
		const result = await ctx.run(
			'bot',
			{ operation: 'getMany', returnAll: true },
			[{}],
			{},
			{ iamBaseUrl: 'http://127.0.0.1:9/iam', password: secret },
		);
		const error = result.error();
		expect(error?.message).toMatch(/could not reach Twin24/);
		expect(error?.description).toMatch(
			/Could not reach the Twin24 login at http:\/\/127\.0\.0\.1:9\/iam\/auth\/login \(ECONNREFUSED\)/,
		);
		expect(JSON.stringify(result.run)).not.toContain(secret);
	});
});

describe('Twin24 credential: a busy login (HTTP 429)', () => {
	const loginPath = '/iam/api/v1/auth/login';
	const secret = 'Busy-Pa55word-do-not-echo';

	it('waits the Retry-After, logs in again and sends the candidates once', async () => {
		const taskId = await createTask(ctx);
		ctx.sandbox.injectFault({
			provider: 'twin24',
			path: loginPath,
			kind: 'http429',
			count: 1,
			retryAfterSeconds: 1,
		});
		const result = await ctx.run(
			'candidate',
			{
				operation: 'addToTask',
				task: { __rl: true, mode: 'id', value: taskId },
				phone: '={{ $json.phone }}',
			},
			[{ phone: '79001110001' }, { phone: '79001110002' }],
		);
		expect(result.error()).toBeUndefined();
		expect(result.output('Subject').map((i) => i.json.status)).toEqual(['added', 'added']);
		const logins = ctx.requests().filter((r) => r.path === loginPath);
		// The run's own login (429, then one that worked); createTask logged in once before.
		expect(logins.map((r) => r.responseStatus)).toEqual([200, 429, 200]);
		expect(ctx.requests('/autoCallCandidate/batch')).toHaveLength(1);
	});

	it('says "refused the request for now", not that the credentials are wrong, when it stays busy', async () => {
		ctx.sandbox.injectFault({
			provider: 'twin24',
			path: loginPath,
			kind: 'http429',
			count: 10,
			retryAfterSeconds: 60,
		});
		const result = await ctx.run(
			'bot',
			{ operation: 'getMany', returnAll: true },
			[{}],
			{},
			{ password: secret },
		);
		const error = result.error();
		expect(error?.message).toMatch(/Twin24 login answered HTTP 429/);
		expect(error?.description).toMatch(
			/refused the request for now and asked to wait 60 s\. Nothing was done/,
		);
		expect(error?.description).not.toMatch(/check the values/);
		expect(JSON.stringify(result.run)).not.toContain(secret);
	});
});
