/**
 * Webhook events per second in one real n8n (npm run bench; issue 11): the Unitalk, Twin24 and NXTele
 * triggers (secret or signature checked, repeated deliveries dropped) against n8n's own Webhook node
 * (header auth, answers on receipt, no duplicate check), each into a No Operation node.
 *
 * A bounded load generator on 127.0.0.1: BENCH_EVENTS deliveries (default 2,000), at most
 * BENCH_CONCURRENCY in flight (default 16); every 10th delivery repeats the one before it, as a
 * provider's redelivery would. Prints answers per second, what was answered, and how long n8n took
 * until every started execution had finished. The machine may be shared: the load average is
 * printed with the table. Asserts nothing.
 */
import { randomUUID } from 'crypto';
import { callbotSign } from '../../sandbox';
import { bootN8n, loadLine, PACKAGE, runBench, withN8n } from './harness/n8n';
import type { N8nInstance } from './harness/n8n';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECRET = 'bench-trigger-secret-7f3a';

interface Delivery {
	url: string;
	headers: Record<string, string>;
	body: string;
}

interface Target {
	name: string;
	/** Node type and parameters of the trigger; its webhook URL; what it needs as credentials. */
	trigger: Record<string, any>;
	/** The delivery of event number `n` (a repeat reuses the same n). */
	delivery(n: number): Delivery;
}

const json = { 'content-type': 'application/json' };

async function targets(
	n8n: N8nInstance,
	callbot: { uuid: string; secretKey: string },
): Promise<Target[]> {
	const credential = async (type: string, data: Record<string, unknown>) => ({
		[type]: { id: await n8n.createCredential(type, `bench ${type}`, data), name: `bench ${type}` },
	});
	const hook = (webhookId: string) => `${n8n.baseUrl}/webhook/${webhookId}/webhook`;
	const unitalkId = randomUUID();
	const twin24Id = randomUUID();
	const nxteleId = randomUUID();
	const n8nPath = randomUUID();
	return [
		{
			name: "n8n's Webhook node (header auth)",
			trigger: {
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: n8nPath,
				parameters: {
					httpMethod: 'POST',
					path: n8nPath,
					authentication: 'headerAuth',
					responseMode: 'onReceived',
					options: {},
				},
				credentials: await credential('httpHeaderAuth', {
					name: 'x-webhook-secret',
					value: SECRET,
				}),
			},
			delivery: (n) => ({
				url: `${n8n.baseUrl}/webhook/${n8nPath}`,
				headers: { ...json, 'x-webhook-secret': SECRET },
				body: JSON.stringify({
					event: 'CALL_END',
					call: { id: 5_000_000 + n, from: '380505557182' },
				}),
			}),
		},
		{
			name: 'Unitalk Trigger (secret in the URL, duplicates dropped)',
			trigger: {
				type: `${PACKAGE}.unitalkTrigger`,
				typeVersion: 1,
				webhookId: unitalkId,
				parameters: { events: ['CALL_END'], options: {} },
				credentials: await credential('unitalkTriggerApi', {
					secret: SECRET,
					secretLocation: 'query',
					queryParameterName: 'secret',
				}),
			},
			delivery: (n) => ({
				url: `${hook(unitalkId)}?secret=${SECRET}`,
				headers: json,
				body: JSON.stringify({
					event: 'CALL_END',
					call: { id: 5_000_000 + n, dbid: n, from: '380505557182', to: ['2000'], state: 'ANSWER' },
				}),
			}),
		},
		{
			name: 'Twin24 Trigger (secret in the URL, duplicates dropped)',
			trigger: {
				type: `${PACKAGE}.twin24Trigger`,
				typeVersion: 1,
				webhookId: twin24Id,
				parameters: { events: ['CALL_ENDED'], options: {} },
				credentials: await credential('twin24TriggerApi', {
					secret: SECRET,
					queryParameterName: 'secret',
				}),
			},
			delivery: (n) => ({
				url: `${hook(twin24Id)}?secret=${SECRET}`,
				headers: json,
				body: JSON.stringify({
					event: 'CALL_ENDED',
					id: `call-${n}`,
					taskId: 'task-bench',
					status: 'ANSWERED',
					phone: '79001112233',
				}),
			}),
		},
		{
			name: 'NXTele Trigger (body signature checked, duplicates dropped)',
			trigger: {
				type: `${PACKAGE}.nxteleTrigger`,
				typeVersion: 1,
				webhookId: nxteleId,
				parameters: { events: ['order'], options: {} },
				credentials: await credential('nxteleCallbotApi', {
					uuid: callbot.uuid,
					secretKey: callbot.secretKey,
					algorithm: 'MD5',
					baseUrl: 'http://127.0.0.1:9',
				}),
			},
			delivery: (n) => {
				const body = JSON.stringify({
					callbackType: '1',
					userTaskID: 'bench-task',
					orderID: `order-${n}`,
					userPhone: '85260000000',
					callStatus: 1,
				});
				const createTs = String(Math.floor(Date.now() / 1000));
				const requestID = randomUUID().replace(/-/g, '');
				return {
					url: `${hook(nxteleId)}?callback=order`,
					headers: {
						...json,
						requestID,
						uuid: callbot.uuid,
						createTs,
						sign: callbotSign(callbot.secretKey, body, createTs, requestID, callbot.uuid),
					},
					body,
				};
			},
		},
	];
}

/** Executions of the workflow n8n has saved, and whether any is still running (internal REST API). */
async function executionCount(
	n8n: N8nInstance,
	workflowId: string,
): Promise<{ count: number; running: number }> {
	const query = (status?: string) =>
		`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId, ...(status ? { status: [status] } : {}) }))}&limit=1`;
	const all = await n8n.rest<{ count: number }>('GET', query());
	const running = await n8n.rest<{ count: number }>('GET', query('running'));
	return { count: all.count, running: running.count };
}

async function load(
	target: Target,
): Promise<{ seconds: number; statuses: Record<string, number> }> {
	const statuses: Record<string, number> = {};
	let next = 0;
	const started = performance.now();
	const worker = async () => {
		for (;;) {
			const i = next++;
			if (i >= EVENTS) return;
			// Every 10th delivery repeats the event before it (same id, same body).
			const d = target.delivery(i % 10 === 9 ? i - 1 : i);
			let key: string;
			try {
				const res = await fetch(d.url, { method: 'POST', headers: d.headers, body: d.body });
				const text = await res.text();
				key = `${res.status}${/"duplicate":true/.test(text) ? ' duplicate' : ''}`;
			} catch (error) {
				key = `failed: ${(error as Error).message}`;
			}
			statuses[key] = (statuses[key] ?? 0) + 1;
		}
	};
	await Promise.all(Array.from({ length: CONCURRENCY }, worker));
	return { seconds: (performance.now() - started) / 1000, statuses };
}

runBench(async () => {
	await withN8n(await bootN8n('bench-triggers'), async ({ n8n, sandbox }) => {
		const rows: Array<Record<string, unknown>> = [];
		for (const target of await targets(n8n, sandbox.accounts.nxteleCallbot)) {
			const workflowId = await n8n.createWorkflow({
				name: `Bench trigger: ${target.name}`,
				nodes: [
					{ id: 'trigger', name: 'Trigger', position: [0, 0], ...target.trigger },
					{
						id: 'noop',
						name: 'No Operation',
						type: 'n8n-nodes-base.noOp',
						typeVersion: 1,
						position: [240, 0],
						parameters: {},
					},
				],
				connections: { Trigger: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } },
				settings: { executionOrder: 'v1' },
			});
			await n8n.activateWorkflow(workflowId);
			const loadStarted = performance.now();
			const { seconds, statuses } = await load(target);
			// Until n8n has saved every execution it started and none runs (bounded: 10 minutes).
			const started = statuses['200'] ?? 0;
			let drainS = Number.NaN;
			let count = 0;
			for (const until = Date.now() + 10 * 60_000; Date.now() < until; ) {
				const now = await executionCount(n8n, workflowId);
				count = now.count;
				if (count >= started && now.running === 0) {
					drainS = (performance.now() - loadStarted) / 1000;
					break;
				}
				await new Promise((r) => setTimeout(r, 250));
			}
			rows.push({
				receiver: target.name,
				deliveries: EVENTS,
				answersPerSecond: Math.round(EVENTS / seconds),
				seconds: seconds.toFixed(1),
				answers: Object.entries(statuses)
					.map(([k, v]) => `${k}: ${v}`)
					.join(', '),
				executionsSaved: count,
				secondsUntilAllExecutionsDone: Number.isNaN(drainS) ? 'over 10 min' : drainS.toFixed(1),
			});
			await n8n.deactivateWorkflow(workflowId);
		}
		console.log(
			`\nWebhook deliveries into n8n, ${EVENTS} per receiver, ${CONCURRENCY} in flight, 1 in 10 a repeat; ${loadLine()}`,
		);
		console.table(rows);
		console.log(`BENCH-TRIGGERS ${JSON.stringify(rows)}`);
	});
});
