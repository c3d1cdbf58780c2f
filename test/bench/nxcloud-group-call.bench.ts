/**
 * NXCloud Group Call in a real n8n (npm run bench): N numbers (default 1,000,000) from N input items
 * through Group Call → Create, against the sandbox. Prints the tasks made, wall time and numbers per
 * second, and the time from the first to the last task request. Asserts nothing.
 */
import { BOOT_TIMEOUT_MS, manualWorkflow, PACKAGE, startPackageN8n } from '../e2e/package-n8n';
import { GROUP_CALL_PATH } from '../../sandbox/nxcloud/voice';

const COUNT = Number(process.env.BENCH_NUMBERS ?? 1_000_000);

async function main() {
	const env = await Promise.race([
		// n8n keeps a run's items in memory and saves them with the execution.
		startPackageN8n('bench-group-call', { env: { NODE_OPTIONS: '--max-old-space-size=12288' } }),
		new Promise<never>((_, reject) =>
			setTimeout(() => reject(new Error('n8n did not start')), BOOT_TIMEOUT_MS),
		),
	]);
	const { n8n, sandbox } = env;
	try {
		const credentialId = await n8n.createCredential('nxteleApi', 'NXCloud bench', {
			accessKey: sandbox.accounts.nxcloud.accessKey,
			accessSecret: sandbox.accounts.nxcloud.accessSecret,
			baseUrl: sandbox.baseUrls.nxcloud,
		});
		const workflowId = await n8n.createWorkflow({
			...manualWorkflow('Bench: Group Call', [
				{
					id: 'leads',
					name: 'Leads',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					parameters: {
						jsCode: `const out = new Array(${COUNT}); for (let i = 0; i < ${COUNT}; i++) out[i] = { json: { phone: '+86 ' + (13000000000 + i) } }; return out;`,
					},
				},
				{
					id: 'group-call',
					name: 'Group Call',
					type: `${PACKAGE}.nxtele`,
					parameters: {
						resource: 'groupCall',
						operation: 'create',
						appId: 'bench',
						taskName: 'Bench broadcast',
						numbers: '={{ $json.phone }}',
						source: 'tts',
						text: 'Hello',
						language: 'EN',
					},
					credentials: { nxteleApi: { id: credentialId, name: 'NXCloud bench' } },
				},
			]),
			settings: { executionOrder: 'v1' },
		});
		sandbox.reset();
		const started = Date.now();
		const run = await n8n.runWorkflowManually(workflowId, {
			timeoutMs: 60 * 60_000,
			includeData: false,
		});
		const wallMs = Date.now() - started;
		const sent = sandbox.requests.filter(
			(r) => r.provider === 'nxcloud' && r.path === GROUP_CALL_PATH,
		);
		const sendingMs = sent.length ? sent[sent.length - 1].receivedAt - sent[0].receivedAt : 0;
		console.log(
			`\nNXCloud Group Call in n8n: ${COUNT.toLocaleString('en')} numbers from ${COUNT.toLocaleString('en')} input items`,
		);
		console.table([
			{
				status: run.status + (run.error ? `: ${run.error}` : ''),
				tasks: sandbox.providers.nxcloud.state.groupCalls.map((t) => t.numbers.length).join('/'),
				wallSecondsIncludingLeadsAndSaving: (wallMs / 1000).toFixed(1),
				numbersPerSecond: Math.round(COUNT / (wallMs / 1000)),
				firstToLastTaskSeconds: (sendingMs / 1000).toFixed(1),
			},
		]);
	} finally {
		await env.stop();
	}
}

main().then(
	() => process.exit(0),
	(err: unknown) => {
		console.error(err);
		process.exit(1);
	},
);
