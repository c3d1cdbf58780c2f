/**
 * NXTele Callbot Order → Add in a real n8n (npm run bench): N orders (default 100,000) from input
 * items into one task, against the sandbox with its call-list cap at 1,000 (the node's default of
 * 500 per request). Prints the requests sent, wall time and orders per second. Asserts nothing.
 */
import { BOOT_TIMEOUT_MS, manualWorkflow, PACKAGE, startPackageN8n } from '../e2e/package-n8n';

const COUNT = Number(process.env.BENCH_ORDERS ?? 100_000);

async function main() {
	const env = await Promise.race([
		startPackageN8n('bench-nxtele', { env: { NODE_OPTIONS: '--max-old-space-size=8192' } }),
		new Promise<never>((_, reject) =>
			setTimeout(() => reject(new Error('n8n did not start')), BOOT_TIMEOUT_MS),
		),
	]);
	const { n8n, sandbox } = env;
	try {
		const credentialId = await n8n.createCredential('nxteleCallbotApi', 'Callbot bench', {
			uuid: sandbox.accounts.nxteleCallbot.uuid,
			secretKey: sandbox.accounts.nxteleCallbot.secretKey,
			algorithm: 'MD5',
			baseUrl: sandbox.baseUrls.nxteleCallbot,
		});
		const credentials = { nxteleCallbotApi: { id: credentialId, name: 'Callbot bench' } };
		const nxtele = (name: string, parameters: Record<string, unknown>) => ({
			id: name.toLowerCase().replace(/\W+/g, '-'),
			name,
			type: `${PACKAGE}.nxtele`,
			parameters,
			credentials,
		});
		const createId = await n8n.createWorkflow(
			manualWorkflow('Bench: Create task', [
				nxtele('Create Task', {
					resource: 'task',
					operation: 'create',
					userTaskId: 'bench-task',
					sceneId: 'scene-bench',
					taskName: 'Bench',
					taskOptions: { taskKeep: true },
				}),
			]),
		);
		await n8n.runWorkflowManually(createId);

		const addId = await n8n.createWorkflow(
			manualWorkflow('Bench: Add Orders', [
				{
					id: 'leads',
					name: 'Leads',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					parameters: {
						jsCode: `const out = new Array(${COUNT}); for (let i = 0; i < ${COUNT}; i++) out[i] = { json: { phone: '+852 ' + (60000000 + i), crm: 'lead-' + i } }; return out;`,
					},
				},
				nxtele('Add Orders', {
					resource: 'order',
					operation: 'add',
					task: { __rl: true, mode: 'id', value: 'bench-task' },
					phone: '={{ $json.phone }}',
					orderDetails: { other: '={{ $json.crm }}' },
				}),
			]),
		);
		const before = sandbox.requests.length;
		const started = Date.now();
		const run = await n8n.runWorkflowManually(addId, {
			timeoutMs: 60 * 60_000,
			includeData: false,
		});
		const wallMs = Date.now() - started;
		const adds = sandbox.requests
			.slice(before)
			.filter((r) => r.path === '/callcentre/api/v3/addBatchCall');
		const sendingMs = adds.length ? adds[adds.length - 1].receivedAt - adds[0].receivedAt : 0;
		const inTask =
			sandbox.providers.nxteleCallbot.state.tasks.get('bench-task')?.orderIDs.length ?? 0;
		console.log(
			`\nNXTele Callbot Order → Add in n8n: ${COUNT.toLocaleString('en')} orders from input items`,
		);
		console.table([
			{
				status: run.status + (run.error ? `: ${run.error}` : ''),
				requestsSent: adds.length,
				ordersInTask: inTask,
				wallSecondsIncludingLeadsAndSaving: (wallMs / 1000).toFixed(1),
				firstToLastRequestSeconds: (sendingMs / 1000).toFixed(1),
				ordersPerSecondWall: Math.round(inTask / (wallMs / 1000)),
			},
		]);
	} finally {
		await env.stop();
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
