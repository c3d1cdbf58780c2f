/**
 * Twin24 Candidate → Add to Task in-process (npm run bench): N items (default 10,000) through the node
 * in n8n-core's WorkflowExecute against the sandbox, for several ways of filling the Candidate
 * collection, so the cost of reading parameters per item shows next to the cost of sending. Prints a
 * table; asserts nothing.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import { singleNodeWorkflow } from '../integration/harness/build';
import { runWorkflow } from '../integration/harness/workflow-runner';

const COUNT = Number(process.env.BENCH_CANDIDATES ?? 10_000);
const BOT = '228cc4fa-92f2-4709-94e3-7344a96a5903';

const VARIANTS: Array<{ name: string; candidate: IDataObject }> = [
	{ name: 'phone only (no collection)', candidate: {} },
	{
		name: 'callbackData = {{ $json.callback }}',
		candidate: { callbackData: '={{ $json.callback }}' },
	},
	{
		name: 'callbackData = {{ { "leadId": $json.leadId } }}',
		candidate: { callbackData: '={{ { "leadId": $json.leadId } }}' },
	},
	{
		name: 'callbackData, external id, one variable (paths)',
		candidate: {
			callbackData: '={{ $json.callback }}',
			clientExternalId: '={{ $json.leadId }}',
			variables: { variable: [{ name: 'Name', value: '={{ $json.name }}' }] },
		},
	},
];

function leads(count: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({
		phone: `+7 900 ${1_000_000 + i}`,
		leadId: `L${i}`,
		name: `Lead ${i}`,
		callback: { leadId: `L${i}` },
	}));
}

async function main() {
	const sandbox = await startSandbox();
	const a = sandbox.accounts.twin24;
	const credentials = {
		twin24Api: {
			email: a.email,
			password: a.password,
			companyId: '',
			lifetime: 86400,
			iamBaseUrl: sandbox.baseUrls.twin24Iam,
			apiBaseUrl: sandbox.baseUrls.twin24,
			botApiBaseUrl: `${sandbox.baseUrls.twin24}/bot/api/v1`,
			accessToken: '',
		},
	};
	const run = (parameters: IDataObject, items: IDataObject[]) =>
		runWorkflow(singleNodeWorkflow('twin24', parameters as never, items, ['twin24Api']), {
			credentials: credentials as never,
		});
	const items = leads(COUNT);
	const rows: Array<Record<string, string | number>> = [];
	try {
		for (const variant of VARIANTS) {
			sandbox.reset();
			const created = await run(
				{
					resource: 'task',
					operation: 'create',
					name: 'bench',
					bot: { __rl: true, mode: 'id', value: BOT },
					startType: 'manual',
				},
				[{}],
			);
			const taskId = created.output('Subject')[0].json.taskId as string;
			const started = process.hrtime.bigint();
			const result = await run(
				{
					resource: 'candidate',
					operation: 'addToTask',
					task: { __rl: true, mode: 'id', value: taskId },
					phone: '={{ $json.phone }}',
					candidate: variant.candidate,
				},
				items,
			);
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			const batches = sandbox.requests.filter((r) => r.path.endsWith('/autoCallCandidate/batch'));
			// From the first request to the last: the part of the run spent sending.
			const sendingMs = batches.length
				? batches[batches.length - 1].receivedAt - batches[0].receivedAt
				: 0;
			rows.push({
				candidate: variant.name,
				items: COUNT,
				added: result.output('Subject').filter((i) => i.json.status === 'added').length,
				requests: batches.length,
				totalMs: Math.round(ms),
				msPerItem: (ms / COUNT).toFixed(3),
				firstToLastRequestMs: sendingMs,
			});
		}
	} finally {
		await sandbox.close();
	}
	console.log(`Twin24 Add to Task in-process, ${COUNT} items (sandbox on 127.0.0.1)`);
	console.table(rows);
}

main().catch((err) => {
	console.error(err);
	process.exitCode = 1;
});
