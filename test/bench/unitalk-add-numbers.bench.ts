/**
 * What a beginner builds instead of Add Numbers (npm run bench): n8n's HTTP Request node in its
 * per-item form, one ADD_NUMBERS request per number, run for a small sample (BENCH_HTTP_SAMPLE,
 * default 100) against the sandbox to show what happens to the API key, and the time a full
 * BENCH_NUMBERS (default 1,000,000) would need at the documented 30 requests per 10 s extrapolated.
 * Our node and the hand-batched flow at 10k / 100k / 1M are in side-by-side.bench.ts. Asserts nothing.
 */
import {
	bootN8n,
	loadLine,
	manualWorkflow,
	requestsSince,
	runBench,
	runTimed,
	withN8n,
} from './harness/n8n';

const COUNT = Number(process.env.BENCH_NUMBERS ?? 1_000_000);
const HTTP_SAMPLE = Number(process.env.BENCH_HTTP_SAMPLE ?? 100);
const AUTODIALER = '12346'; // seeded empty

runBench(async () => {
	await withN8n(await bootN8n('bench-unitalk-per-item'), async ({ n8n, sandbox }) => {
		const workflowId = await n8n.createWorkflow(
			manualWorkflow('Bench: HTTP Request per item', [
				{
					id: 'leads',
					name: 'Leads',
					type: 'n8n-nodes-base.code',
					typeVersion: 2,
					parameters: {
						jsCode: `const out = []; for (let i = 0; i < ${HTTP_SAMPLE}; i++) out.push({ json: { phone: String(380500000000 + i) } }); return out;`,
					},
				},
				{
					id: 'http',
					name: 'HTTP Request',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: {
						method: 'POST',
						url: `${sandbox.baseUrls.unitalk}/autodial/action`,
						sendHeaders: true,
						headerParameters: {
							parameters: [{ name: 'Authorization', value: sandbox.accounts.unitalk.apiKey }],
						},
						sendBody: true,
						specifyBody: 'json',
						jsonBody: `={{ JSON.stringify({ action: 'ADD_NUMBERS', id: ${AUTODIALER}, numbers: [$json.phone] }) }}`,
						options: { response: { response: { neverError: true } } },
					},
				},
			]),
		);
		sandbox.reset();
		const run = await runTimed(n8n, workflowId, { timeoutMs: 10 * 60_000 });
		const { sent } = requestsSince(sandbox, 0, 'unitalk');
		const refused = sent.filter((r) => r.responseStatus === 429 || r.responseStatus === 403).length;
		console.log(
			`\nn8n HTTP Request node, per-item form: sample of ${HTTP_SAMPLE} items, then ${COUNT.toLocaleString('en')} extrapolated; ${loadLine()}`,
		);
		console.table([
			{
				status: run.status + (run.error ? `: ${run.error}` : ''),
				sampleRequestsSent: sent.length,
				sampleRefusedByRateLimit: refused,
				sampleViolations: sandbox.violations.map((v) => v.kind).join(', ') || 'none',
				sampleWallSeconds: run.wallS.toFixed(1),
				requestsFor: `${COUNT.toLocaleString('en')} (one per number)`,
				minimumTimeAt30Per10s: `${(((COUNT / 30) * 10) / 3600).toFixed(1)} h`,
			},
		]);
	});
});
