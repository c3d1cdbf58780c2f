/**
 * Our bulk operations side by side with what a user would build, in one real n8n per provider
 * (npm run bench; issue 11). On the same items from the same Code node and the same sandbox:
 *
 * - baseline: the items into a No Operation node (the floor n8n itself sets);
 * - hand-built: a Code node that groups the items into the provider's request size, then n8n's HTTP
 *   Request node with the credential, no governor, n8n's own batching/interval set to stay under the
 *   documented limits (Twin24: a login HTTP Request first, as a user would);
 * - ours: the package's node on the same work.
 *
 * One table per provider and scale: wall time (n8n's own startedAt → stoppedAt of the execution),
 * requests, rate-limit violations, peak RSS of n8n main and its task runner, and the ratios.
 * BENCH_SCALES=10000,100000 and BENCH_PROVIDERS=unitalk,twin24,nxtele choose what runs.
 * The machine may be shared: the load average is printed with every table. Asserts nothing.
 */
import * as os from 'os';

import type { RecordedRequest, Sandbox } from '../../sandbox';
import {
	bootN8n,
	loadLine,
	manualWorkflow,
	MemoryWatch,
	PACKAGE,
	requestsSince,
	runBench,
	runTimed,
	withN8n,
} from './harness/n8n';
import type { N8nInstance } from './harness/n8n';

const SCALES = (process.env.BENCH_SCALES ?? '10000,100000,1000000').split(',').map(Number);
const PROVIDERS = (process.env.BENCH_PROVIDERS ?? 'unitalk,twin24,nxtele').split(',');

type NodeJson = Record<string, any>;
type Variant = 'baseline' | 'hand-built' | 'ours';

const code = (name: string, jsCode: string): NodeJson => ({
	id: name.toLowerCase().replace(/\W+/g, '-'),
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { jsCode },
});

const noOp: NodeJson = { id: 'noop', name: 'No Operation', type: 'n8n-nodes-base.noOp' };

/** An HTTP Request node (4.2) sending `={{ JSON.stringify(body) }}`, one request per input item. */
function httpRequest(
	name: string,
	url: string,
	body: string,
	extra: {
		auth?: { type: string; id: string };
		headers?: Record<string, string>;
		batch?: { size: number; intervalMs: number };
	},
): NodeJson {
	return {
		id: name.toLowerCase().replace(/\W+/g, '-'),
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url,
			...(extra.auth
				? { authentication: 'predefinedCredentialType', nodeCredentialType: extra.auth.type }
				: {}),
			...(extra.headers
				? {
						sendHeaders: true,
						headerParameters: {
							parameters: Object.entries(extra.headers).map(([name, value]) => ({ name, value })),
						},
					}
				: {}),
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify(${body}) }}`,
			options: extra.batch
				? {
						batching: {
							batch: { batchSize: extra.batch.size, batchInterval: extra.batch.intervalMs },
						},
					}
				: {},
		},
		...(extra.auth
			? { credentials: { [extra.auth.type]: { id: extra.auth.id, name: 'bench' } } }
			: {}),
	};
}

/** What one provider needs to run the three variants of its bulk operation. */
interface ProviderBench {
	title: string;
	/** Code node source making `count` CRM-like items (the same for all three variants). */
	leads(count: number): string;
	/** Run before each variant (after sandbox.reset()): returns what the flows need, e.g. a task id. */
	setup(): Promise<string>;
	/** Nodes after the leads (hand-built) or the node (ours); `target` is what setup returned. */
	handBuilt(target: string): { before?: NodeJson[]; after: NodeJson[] };
	ours(target: string): NodeJson;
	/** The provider's name in sandbox.requests: every request of the flow is counted, logins too. */
	provider: RecordedRequest['provider'];
	/** How many the provider holds now (numbers in the autodialer, candidates or orders in the task). */
	accepted(target: string): number;
}

function unitalkBench(n8n: N8nInstance, sandbox: Sandbox, credentialId: string): ProviderBench {
	const AUTODIALER = '12346'; // seeded empty: room for 1,000,000 numbers
	const perRequest = 100_000; // ADD_NUMBERS: 100,000 numbers per request (docs)
	return {
		title: 'Unitalk Autodialer Number → Add',
		leads: (count) =>
			[
				`const out = new Array(${count});`,
				`for (let i = 0; i < ${count}; i++) {`,
				'  const n = String(380500000000 + i);',
				"  out[i] = { json: { phone: i % 2 ? '+' + n : n.slice(0, 3) + ' (' + n.slice(3, 5) + ') ' + n.slice(5) } };",
				'}',
				'return out;',
			].join('\n'),
		setup: async () => AUTODIALER,
		handBuilt: (id) => ({
			after: [
				code(
					'Group',
					[
						`const size = ${perRequest}; const all = $input.all(); const out = [];`,
						"for (let i = 0; i < all.length; i += size) out.push({ json: { numbers: all.slice(i, i + size).map((it) => String(it.json.phone).replace(/\\D/g, '')) } });",
						'return out;',
					].join('\n'),
				),
				// 15 per second and 30 per 10 s: one request every 400 ms stays under both.
				httpRequest(
					'HTTP Request',
					`${sandbox.baseUrls.unitalk}/autodial/action`,
					`{ action: 'ADD_NUMBERS', id: ${id}, numbers: $json.numbers }`,
					{ auth: { type: 'unitalkApi', id: credentialId }, batch: { size: 1, intervalMs: 400 } },
				),
			],
		}),
		ours: (id) => ({
			id: 'ours',
			name: 'Add Numbers',
			type: `${PACKAGE}.unitalk`,
			parameters: {
				resource: 'autodialerNumber',
				operation: 'add',
				autodialer: { __rl: true, mode: 'id', value: id },
				phone: '={{ $json.phone }}',
			},
			credentials: { unitalkApi: { id: credentialId, name: 'bench' } },
		}),
		provider: 'unitalk',
		accepted: (id) =>
			sandbox.providers.unitalk.state.autodialers.get(Number(id))?.numbers.length ?? 0,
	};
}

async function twin24Bench(n8n: N8nInstance, sandbox: Sandbox): Promise<ProviderBench> {
	const account = sandbox.accounts.twin24;
	const credentialId = await n8n.createCredential('twin24Api', 'bench', {
		email: account.email,
		password: account.password,
		companyId: '',
		lifetime: 86400,
		iamBaseUrl: sandbox.baseUrls.twin24Iam,
		apiBaseUrl: sandbox.baseUrls.twin24,
		botApiBaseUrl: `${sandbox.baseUrls.twin24}/bot/api/v1`,
	});
	const credentials = { twin24Api: { id: credentialId, name: 'bench' } };
	const perRequest = 1000; // Add to Task's default (Twin24 documents no cap)
	const createTask = await n8n.createWorkflow(
		manualWorkflow('Bench: Twin24 task', [
			{
				id: 'create',
				name: 'Create Task',
				type: `${PACKAGE}.twin24`,
				parameters: {
					resource: 'task',
					operation: 'create',
					name: 'Bench',
					bot: { __rl: true, mode: 'id', value: '228cc4fa-92f2-4709-94e3-7344a96a5903' },
					startType: 'manual',
					intensityMode: 'callsPerSecond',
					callsPerSecond: 5,
					transferAction: 'end',
					callerIdType: 'default',
				},
				credentials,
			},
		]),
	);
	return {
		title: 'Twin24 Candidate → Add to Task',
		leads: (count) =>
			`const out = new Array(${count}); for (let i = 0; i < ${count}; i++) out[i] = { json: { phone: '+7 900 ' + (1000000 + i), leadId: 'L' + i } }; return out;`,
		setup: async () => {
			const run = await n8n.runWorkflowManually(createTask);
			const taskId = run.nodes['Create Task']?.json[0]?.taskId;
			if (typeof taskId !== 'string') throw new Error(`no Twin24 task: ${run.error}`);
			return taskId;
		},
		handBuilt: (taskId) => ({
			// The user logs in by hand and passes the token on (Twin24 publishes no request limit).
			before: [
				httpRequest(
					'Login',
					`${sandbox.baseUrls.twin24Iam}/auth/login`,
					`{ email: '${account.email}', password: '${account.password}', ttl: 86400 }`,
					{},
				),
			],
			after: [
				code(
					'Group',
					[
						`const size = ${perRequest}; const token = $('Login').first().json.token; const all = $input.all(); const out = [];`,
						"for (let i = 0; i < all.length; i += size) out.push({ json: { token, batch: all.slice(i, i + size).map((it) => ({ autoCallId: '" +
							taskId +
							"', phone: [String(it.json.phone).replace(/\\D/g, '')], callbackData: { leadId: it.json.leadId } })) } });",
						'return out;',
					].join('\n'),
				),
				httpRequest(
					'HTTP Request',
					`${sandbox.baseUrls.twin24}/cis/api/v1/telephony/autoCallCandidate/batch`,
					'{ batch: $json.batch }',
					{
						headers: { Authorization: '=Bearer {{ $json.token }}' },
						batch: { size: 1, intervalMs: 0 },
					},
				),
			],
		}),
		ours: (taskId) => ({
			id: 'ours',
			name: 'Add to Task',
			type: `${PACKAGE}.twin24`,
			parameters: {
				resource: 'candidate',
				operation: 'addToTask',
				task: { __rl: true, mode: 'id', value: taskId },
				phone: '={{ $json.phone }}',
				candidate: { callbackData: '={{ { "leadId": $json.leadId } }}' },
				options: {},
			},
			credentials,
		}),
		provider: 'twin24',
		accepted: (taskId) =>
			sandbox.providers.twin24.state.tasks.get(taskId)?.candidateIds.length ?? 0,
	};
}

async function nxteleBench(n8n: N8nInstance, sandbox: Sandbox): Promise<ProviderBench> {
	const credentialId = await n8n.createCredential('nxteleCallbotApi', 'bench', {
		uuid: sandbox.accounts.nxteleCallbot.uuid,
		secretKey: sandbox.accounts.nxteleCallbot.secretKey,
		algorithm: 'MD5',
		baseUrl: sandbox.baseUrls.nxteleCallbot,
	});
	const credentials = { nxteleCallbotApi: { id: credentialId, name: 'bench' } };
	const perRequest = 500; // Order → Add's default (the docs give no number; retCode 4001 says there is a cap)
	const createTask = await n8n.createWorkflow(
		manualWorkflow('Bench: NXTele task', [
			{
				id: 'create',
				name: 'Create Task',
				type: `${PACKAGE}.nxtele`,
				parameters: {
					resource: 'task',
					operation: 'create',
					userTaskId: 'bench-task',
					sceneId: 'scene-bench',
					taskName: 'Bench',
					taskOptions: { taskKeep: true },
				},
				credentials,
			},
		]),
	);
	return {
		title: 'NXTele Callbot Order → Add',
		leads: (count) =>
			`const out = new Array(${count}); for (let i = 0; i < ${count}; i++) out[i] = { json: { phone: '+852 ' + (60000000 + i), crm: 'lead-' + i } }; return out;`,
		setup: async () => {
			const run = await n8n.runWorkflowManually(createTask);
			if (run.error) throw new Error(`no NXTele task: ${run.error}`);
			return 'bench-task';
		},
		handBuilt: (taskId) => ({
			after: [
				// The user's own orderID (the CRM id) keeps a repeat from adding an order twice; every field
				// the docs mark required is sent, empty where the flow has nothing.
				code(
					'Group',
					[
						`const size = ${perRequest}; const all = $input.all(); const out = [];`,
						"for (let i = 0; i < all.length; i += size) out.push({ json: { callList: all.slice(i, i + size).map((it) => ({ orderID: it.json.crm, userPhone: String(it.json.phone).replace(/\\D/g, ''), userName: '', customerName: '', other: it.json.crm, params: [] })) } });",
						'return out;',
					].join('\n'),
				),
				// The callbot docs publish no request rate: one request at a time, no pause.
				httpRequest(
					'HTTP Request',
					`${sandbox.baseUrls.nxteleCallbot}/callcentre/api/v3/addBatchCall`,
					`{ productID: 'callbot', userTaskID: '${taskId}', callInfoList: { orderCallbackUrl: '', callCallbackUrl: '', callList: $json.callList } }`,
					{
						auth: { type: 'nxteleCallbotApi', id: credentialId },
						batch: { size: 1, intervalMs: 0 },
					},
				),
			],
		}),
		ours: (taskId) => ({
			id: 'ours',
			name: 'Add Orders',
			type: `${PACKAGE}.nxtele`,
			parameters: {
				resource: 'order',
				operation: 'add',
				task: { __rl: true, mode: 'id', value: taskId },
				phone: '={{ $json.phone }}',
				orderId: '={{ $json.crm }}',
				orderDetails: { other: '={{ $json.crm }}' },
			},
			credentials,
		}),
		provider: 'nxteleCallbot',
		accepted: (taskId) =>
			sandbox.providers.nxteleCallbot.state.tasks.get(taskId)?.orderIDs.length ?? 0,
	};
}

interface Row {
	variant: Variant;
	status: string;
	wallS: number;
	requests: number;
	/** Requests per endpoint, e.g. `ADD_NUMBERS 10`. */
	kinds: string;
	accepted: number;
	violations: number;
	mainMb: number;
	runnerMb: number;
}

async function runVariant(
	n8n: N8nInstance,
	sandbox: Sandbox,
	bench: ProviderBench,
	count: number,
	variant: Variant,
): Promise<Row> {
	sandbox.reset();
	const target = await bench.setup();
	const leads = code('Leads', bench.leads(count));
	const hand = bench.handBuilt(target);
	const nodes =
		variant === 'baseline'
			? [leads, noOp]
			: variant === 'hand-built'
				? [...(hand.before ?? []), leads, ...hand.after]
				: [leads, bench.ours(target)];
	const id = await n8n.createWorkflow(
		manualWorkflow(`Bench ${bench.title} ${variant} ${count}`, nodes),
	);
	const before = sandbox.requests.length;
	const violationsBefore = sandbox.violations.length;
	const memory = new MemoryWatch(n8n.userFolder);
	memory.start();
	const run = await runTimed(n8n, id);
	const { mainMb, runnerMb } = memory.stop();
	const { sent, kinds, refusal } = requestsSince(sandbox, before, bench.provider);
	return {
		variant,
		status:
			run.status +
			(run.error ? `: ${run.error.slice(0, 120)}` : '') +
			(refusal ? `; refused: ${(refusal.responseBody ?? '').slice(0, 120)}` : ''),
		wallS: run.wallS,
		requests: sent.length,
		kinds,
		accepted: variant === 'baseline' ? 0 : bench.accepted(target),
		violations: sandbox.violations.length - violationsBefore,
		mainMb,
		runnerMb,
	};
}

function printTable(bench: ProviderBench, count: number, rows: Row[]): void {
	const by = (v: Variant) => rows.find((r) => r.variant === v)!;
	const ours = by('ours');
	const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(2) : '-');
	console.log(`\n${bench.title}, ${count.toLocaleString('en')} items; ${loadLine()}`);
	console.table(
		rows.map((r) => ({
			flow: r.variant,
			status: r.status,
			wallSeconds: r.wallS.toFixed(1),
			requests: r.requests,
			endpoints: r.kinds,
			acceptedByProvider: r.accepted,
			violations: r.violations,
			mainPeakMb: r.mainMb,
			runnerPeakMb: r.runnerMb,
		})),
	);
	const base = by('baseline');
	const hand = by('hand-built');
	console.log(
		`ours ÷ baseline: time ${ratio(ours.wallS, base.wallS)}, main memory ${ratio(ours.mainMb, base.mainMb)}; ` +
			`ours ÷ hand-built: time ${ratio(ours.wallS, hand.wallS)}, main memory ${ratio(ours.mainMb, hand.mainMb)}, requests ${ratio(ours.requests, hand.requests)}`,
	);
	if (bench.provider === 'twin24')
		console.log(
			`Twin24 Add to Task in real n8n: ${Math.round(ours.accepted / ours.wallS)} candidates/s, ${ours.requests} requests`,
		);
	console.log(
		`BENCH-ROW ${JSON.stringify({ provider: bench.title, count, load: os.loadavg()[0], rows })}`,
	);
}

async function benchProvider(name: string): Promise<void> {
	const env = await bootN8n(`bench-${name}`, { heapMb: 12288 });
	await withN8n(env, async ({ n8n, sandbox }) => {
		let bench: ProviderBench;
		if (name === 'unitalk') {
			const credentialId = await n8n.createCredential('unitalkApi', 'bench', {
				apiKey: sandbox.accounts.unitalk.apiKey,
				baseUrl: sandbox.baseUrls.unitalk,
			});
			bench = unitalkBench(n8n, sandbox, credentialId);
		} else if (name === 'twin24') bench = await twin24Bench(n8n, sandbox);
		else if (name === 'nxtele') bench = await nxteleBench(n8n, sandbox);
		else throw new Error(`unknown provider ${name} (unitalk, twin24, nxtele)`);
		for (const count of SCALES) {
			const rows: Row[] = [];
			for (const variant of ['baseline', 'hand-built', 'ours'] as Variant[])
				rows.push(await runVariant(n8n, sandbox, bench, count, variant));
			printTable(bench, count, rows);
		}
	});
}

runBench(async () => {
	for (const name of PROVIDERS) await benchProvider(name);
});
