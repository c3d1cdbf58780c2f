/**
 * Proves the real-n8n harness with n8n's own nodes only (plus a throw-away probe package built here,
 * to check the community-package install path without depending on this repo's build).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { startN8n, type N8nInstance } from './harness/n8n';

// n8n boots in 10-60 s; a cold runtime install (first run on a machine) takes minutes more.
const BOOT_TIMEOUT = 15 * 60_000;
jest.setTimeout(120_000);

const PROBE_PKG = 'n8n-nodes-harness-probe';

/** A minimal community package on disk: package.json + dist/, like an unpacked npm tarball. */
function makeProbePackage(root: string): string {
	const dir = path.join(root, 'probe-pkg');
	const nodeDir = path.join(dir, 'dist', 'nodes', 'Probe');
	fs.mkdirSync(nodeDir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({
			name: PROBE_PKG,
			version: '0.0.1',
			main: 'index.js',
			keywords: ['n8n-community-node-package'],
			n8n: { n8nNodesApiVersion: 1, nodes: ['dist/nodes/Probe/Probe.node.js'], credentials: [] },
		}),
	);
	fs.writeFileSync(
		path.join(nodeDir, 'Probe.node.js'),
		`'use strict';
class Probe {
	constructor() {
		this.description = {
			displayName: 'Harness Probe', name: 'harnessProbe', group: ['transform'], version: 1,
			description: 'Marks items', defaults: { name: 'Harness Probe' },
			inputs: ['main'], outputs: ['main'], properties: [],
		};
	}
	async execute() {
		return [this.getInputData().map((item, i) => ({ json: { ...item.json, probed: true }, pairedItem: { item: i } }))];
	}
}
module.exports = { Probe };
`,
	);
	return dir;
}

let n8n: N8nInstance;
let tmp: string;

beforeAll(async () => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-harness-'));
	n8n = await startN8n({ userFolder: path.join(tmp, 'user'), packageDir: makeProbePackage(tmp) });
}, BOOT_TIMEOUT);

afterAll(async () => {
	await n8n?.stop();
	if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}, 60_000);

const manualTrigger = {
	id: 'n-trigger',
	name: 'When clicking Execute',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function setNode(name: string, field: string, value: string, x: number) {
	return {
		id: `n-${name}`,
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [x, 0],
		parameters: {
			assignments: { assignments: [{ id: `a-${name}`, name: field, value, type: 'string' }] },
			options: {},
		},
	};
}

const chain = (...names: string[]) =>
	Object.fromEntries(
		names
			.slice(0, -1)
			.map((from, i) => [from, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]),
	);

test('community package nodes are registered as <package>.<node>', async () => {
	const types = await n8n.listNodeTypes();
	expect(types).toContain('n8n-nodes-base.manualTrigger');
	expect(types).toContain(`${PROBE_PKG}.harnessProbe`);
	expect(types.some((t) => t.startsWith('CUSTOM.'))).toBe(false);
});

test('runs a Manual Trigger workflow and returns per-node output', async () => {
	const id = await n8n.createWorkflow({
		name: 'harness manual',
		active: true, // editor exports carry fields the public API refuses; the harness drops them
		nodes: [
			manualTrigger,
			setNode('Set', 'hello', 'world', 200),
			{
				id: 'n-probe',
				name: 'Probe',
				type: `${PROBE_PKG}.harnessProbe`,
				typeVersion: 1,
				position: [400, 0],
				parameters: {},
			},
			{
				// Runs in n8n's task runner process. RegExp.escape exists from Node 24 on (not in the
				// machine's Node 20): proves the runner gets the pinned runtime too.
				id: 'n-code',
				name: 'Code',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [600, 0],
				parameters: {
					jsCode:
						'return $input.all().map((i) => ({ json: { ...i.json, escape: typeof RegExp.escape } }));',
				},
			},
		],
		connections: chain('When clicking Execute', 'Set', 'Probe', 'Code'),
	});
	const run = await n8n.runWorkflowManually(id);
	expect(run.error).toBeUndefined();
	expect(run.status).toBe('success');
	expect(run.nodes.Set.json).toEqual([{ hello: 'world' }]);
	expect(run.nodes.Probe.json).toEqual([{ hello: 'world', probed: true }]);
	expect(run.nodes.Code.json).toEqual([{ hello: 'world', probed: true, escape: 'function' }]);
	expect(run.lastNodeExecuted).toBe('Code');

	const executions = await n8n.getExecutions(id);
	expect(executions.map((e) => e.id)).toContain(run.executionId);
});

test('reports a failing node with its message', async () => {
	const id = await n8n.createWorkflow({
		name: 'harness error',
		nodes: [
			manualTrigger,
			{
				id: 'n-stop',
				name: 'Stop',
				type: 'n8n-nodes-base.stopAndError',
				typeVersion: 1,
				position: [200, 0],
				parameters: { errorMessage: 'boom from the harness test' },
			},
		],
		connections: chain('When clicking Execute', 'Stop'),
	});
	const run = await n8n.runWorkflowManually(id);
	expect(run.status).toBe('error');
	expect(run.nodes.Stop.error).toContain('boom from the harness test');
	expect(run.error).toContain('boom from the harness test');
});

test('activates a Webhook workflow and serves its production URL', async () => {
	const id = await n8n.createWorkflow({
		name: 'harness webhook',
		nodes: [
			{
				id: 'n-hook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
				parameters: {
					httpMethod: 'POST',
					path: 'harness-echo',
					responseMode: 'lastNode',
					options: {},
				},
			},
			setNode('Echo', 'echo', '={{ $json.body.name }}-{{ $json.query.tag }}', 200),
		],
		connections: chain('Webhook', 'Echo'),
	});
	const wf = await n8n.api<{ nodes: Array<{ webhookId?: string }> }>('GET', `/workflows/${id}`);
	expect(wf.nodes[0].webhookId).toBe('6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f');

	await n8n.activateWorkflow(id);
	const res = await n8n.callWebhook('harness-echo', {
		body: { name: 'Ada' },
		query: { tag: 't1' },
	});
	expect(res.status).toBe(200);
	expect(res.body).toEqual({ echo: 'Ada-t1' });

	const exec = await n8n.waitForExecution(id, (e) => e.status === 'success');
	expect(exec.mode).toBe('webhook');

	await n8n.deactivateWorkflow(id);
	const gone = await n8n.callWebhook('harness-echo', { body: { name: 'Ada' } });
	expect(gone.status).toBe(404);
});

test('creates credentials through the public API', async () => {
	const credId = await n8n.createCredential('httpHeaderAuth', 'harness header', {
		name: 'X-Key',
		value: 's3cret',
	});
	const list = await n8n.api<{ data: Array<{ id: string; name: string; type: string }> }>(
		'GET',
		'/credentials',
	);
	expect(list.data).toContainEqual(expect.objectContaining({ id: credId, type: 'httpHeaderAuth' }));
});
