/**
 * NXCloud Group Call in a real n8n (npm run bench): N numbers (default 1,000,000) from N input items
 * through Group Call → Create, against the sandbox. Prints the tasks made, wall time and numbers per
 * second, and the time from the first to the last task request. Asserts nothing.
 */
import { GROUP_CALL_PATH } from '../../sandbox/nxcloud/voice';
import {
	bootN8n,
	loadLine,
	manualWorkflow,
	PACKAGE,
	requestsSince,
	runBench,
	runTimed,
	withN8n,
} from './harness/n8n';

const COUNT = Number(process.env.BENCH_NUMBERS ?? 1_000_000);

runBench(async () => {
	const env = await bootN8n('bench-group-call', { heapMb: 12288 });
	await withN8n(env, async ({ n8n, sandbox }) => {
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
		const run = await runTimed(n8n, workflowId);
		const sent = requestsSince(sandbox, 0, 'nxcloud').sent.filter(
			(r) => r.path === GROUP_CALL_PATH,
		);
		const sendingMs = sent.length ? sent[sent.length - 1].receivedAt - sent[0].receivedAt : 0;
		console.log(
			`\nNXCloud Group Call in n8n: ${COUNT.toLocaleString('en')} numbers from ${COUNT.toLocaleString('en')} input items; ${loadLine()}`,
		);
		console.table([
			{
				status: run.status + (run.error ? `: ${run.error}` : ''),
				tasks: sandbox.providers.nxcloud.state.groupCalls.map((t) => t.numbers.length).join('/'),
				wallSeconds: run.wallS.toFixed(1),
				numbersPerSecond: Math.round(COUNT / run.wallS),
				firstToLastTaskSeconds: (sendingMs / 1000).toFixed(1),
			},
		]);
	});
});
