/**
 * Unitalk Add Numbers in a real n8n (npm run bench): N numbers (default 1,000,000) from input items
 * through the Unitalk node, against the sandbox. Prints the requests sent, wall time, the node's own
 * execution time and n8n's peak memory; then what n8n's HTTP Request node would need for the same
 * numbers in its per-item form: it is run for a small sample to show what happens to the API key, and
 * the full count is extrapolated. Asserts nothing.
 */
import * as fs from 'fs';

import { BOOT_TIMEOUT_MS, manualWorkflow, PACKAGE, startPackageN8n } from '../e2e/package-n8n';

const COUNT = Number(process.env.BENCH_NUMBERS ?? 1_000_000);
const HTTP_SAMPLE = Number(process.env.BENCH_HTTP_SAMPLE ?? 100);
const AUTODIALER = '12346'; // seeded empty: room for 1,000,000 numbers

/** Code node source that emits `count` CRM-like items with phones in mixed human formats. */
function leadsCode(count: number): string {
	return [
		`const out = new Array(${count});`,
		`for (let i = 0; i < ${count}; i++) {`,
		'  const n = String(380500000000 + i);',
		"  out[i] = { json: { phone: i % 2 ? '+' + n : n.slice(0, 3) + ' (' + n.slice(3, 5) + ') ' + n.slice(5) } };",
		'}',
		'return out;',
	].join('\n');
}

/** Peak resident memory (VmHWM) of every process whose command line mentions the n8n user folder. */
function peakRssMb(userFolder: string): number {
	let peakKb = 0;
	for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		try {
			const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
			if (!environ.includes(`N8N_USER_FOLDER=${userFolder}`)) continue;
			const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
			const hwm = /VmHWM:\s+(\d+)/.exec(status);
			if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
		} catch {
			// process gone or not ours
		}
	}
	return Math.round(peakKb / 1024);
}

async function main() {
	const env = await Promise.race([
		// n8n keeps a run's items in memory and saves them with the execution: give it room for a million.
		startPackageN8n('bench', { env: { NODE_OPTIONS: '--max-old-space-size=12288' } }),
		new Promise<never>((_, reject) =>
			setTimeout(() => reject(new Error('n8n did not start')), BOOT_TIMEOUT_MS),
		),
	]);
	const { n8n, sandbox } = env;
	try {
		const credentialId = await n8n.createCredential('unitalkApi', 'Unitalk bench', {
			apiKey: sandbox.accounts.unitalk.apiKey,
			baseUrl: sandbox.baseUrls.unitalk,
		});
		const credentials = { unitalkApi: { id: credentialId, name: 'Unitalk bench' } };
		const leads = (count: number) => ({
			id: 'leads',
			name: 'Leads',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: { jsCode: leadsCode(count) },
		});

		// 1. The Unitalk node.
		const addId = await n8n.createWorkflow({
			...manualWorkflow('Bench: Add Numbers', [
				leads(COUNT),
				{
					id: 'add',
					name: 'Add Numbers',
					type: `${PACKAGE}.unitalk`,
					parameters: {
						resource: 'autodialerNumber',
						operation: 'add',
						autodialer: { __rl: true, mode: 'id', value: AUTODIALER },
						phone: '={{ $json.phone }}',
					},
					credentials,
				},
			]),
			settings: { executionOrder: 'v1' },
		});
		sandbox.reset();
		const started = Date.now();
		// Only the status is fetched: the saved data of a million-item run is hundreds of megabytes.
		const run = await n8n.runWorkflowManually(addId, {
			timeoutMs: 60 * 60_000,
			includeData: false,
		});
		const wallMs = Date.now() - started;
		const adds = sandbox.requests.filter(
			(r) => r.provider === 'unitalk' && r.operation === 'ADD_NUMBERS',
		);
		const sendingMs = adds.length ? adds[adds.length - 1].receivedAt - adds[0].receivedAt : 0;
		console.log(
			`\nUnitalk Add Numbers in n8n: ${COUNT.toLocaleString('en')} numbers from ${COUNT.toLocaleString('en')} input items`,
		);
		console.table([
			{
				status: run.status + (run.error ? `: ${run.error}` : ''),
				requestsSent: adds.length,
				numbersPerRequest: adds.map((r) => (JSON.parse(r.rawBody).numbers ?? []).length).join('/'),
				numbersInAutodialer: sandbox.providers.unitalk.state.autodialers.get(Number(AUTODIALER))
					?.numbers.length,
				rateLimitViolations: sandbox.violations.length,
				wallSecondsIncludingLeadsAndSaving: (wallMs / 1000).toFixed(1),
				firstToLastRequestSeconds: (sendingMs / 1000).toFixed(1),
				n8nPeakRssMb: peakRssMb(n8n.userFolder),
			},
		]);

		// 2. n8n's HTTP Request node, one request per item, on a small sample.
		const httpId = await n8n.createWorkflow(
			manualWorkflow('Bench: HTTP Request per item', [
				leads(HTTP_SAMPLE),
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
		const httpStarted = Date.now();
		await n8n.runWorkflowManually(httpId, { timeoutMs: 10 * 60_000 });
		const httpMs = Date.now() - httpStarted;
		const sent = sandbox.requests.filter((r) => r.provider === 'unitalk');
		const refused = sent.filter((r) => r.responseStatus === 429 || r.responseStatus === 403).length;
		const fullRequests = COUNT;
		const minSecondsAtLimit = (fullRequests / 30) * 10;
		console.log(
			`\nn8n HTTP Request node, per-item form: sample of ${HTTP_SAMPLE} items, then ${COUNT.toLocaleString('en')} extrapolated`,
		);
		console.table([
			{
				sampleRequestsSent: sent.length,
				sampleRefusedByRateLimit: refused,
				sampleViolations: sandbox.violations.map((v) => v.kind).join(', ') || 'none',
				sampleWallSeconds: (httpMs / 1000).toFixed(1),
				requestsFor: `${fullRequests.toLocaleString('en')} (one per number)`,
				minimumTimeAt30Per10s: `${(minSecondsAtLimit / 3600).toFixed(1)} h`,
			},
		]);
	} catch (error) {
		const exit = await Promise.race([
			n8n.exited,
			new Promise((r) => setTimeout(() => r('still running'), 2000)),
		]);
		console.error(`n8n process: ${JSON.stringify(exit)}`);
		console.error(`n8n log tail:\n${n8n.readLog().split('\n').slice(-40).join('\n')}`);
		throw error;
	} finally {
		await env.stop();
	}
}

// Exit explicitly: kept-alive HTTP client sockets would otherwise hold the script open after the tables.
main().then(
	() => process.exit(0),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
