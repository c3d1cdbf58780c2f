/**
 * What `npm start` (scripts/start.ts) puts into the local n8n: credentials pointing at the provider
 * sandbox and example workflows that use them.
 *
 * One credential entry per credential type of the package; the workflows are the files of examples/.
 * - Credentials are matched by name: an existing one with the same name and type is updated (the
 *   sandbox URL can change between runs), otherwise it is created.
 * - Workflows are matched by name and only imported when missing, so the user's edits survive restarts.
 *   Use the installed node types (`n8n-nodes-dialers.<node>`, never `CUSTOM.*`). In a node's
 *   `credentials`, give `{ "<credentialType>": { "id": "", "name": "<name of a devCredentials entry>" } }`:
 *   start.ts fills in the id of the credential with that name.
 * - `active: true` publishes the workflow after import (trigger workflows), so its production webhook
 *   URL works at once.
 */

export interface DevCredential {
	/** Credential type name, e.g. 'unitalkApi'. */
	type: string;
	/** Display name in n8n; also the key workflows use to reference it. */
	name: string;
	/** Plain credential fields; n8n encrypts them on save. */
	data: Record<string, unknown>;
}

export interface DevWorkflow {
	name: string;
	nodes: Array<Record<string, any>>;
	connections: Record<string, any>;
	settings?: Record<string, any>;
	/** Publish after import. */
	active?: boolean;
}

import * as fs from 'fs';
import * as path from 'path';

import { DEFAULT_ACCOUNTS } from '../sandbox';

/** Importable example workflows; `npm start` imports each file, the browser tests run each one. */
export const EXAMPLES_DIR = path.join(__dirname, '..', 'examples');

/** The webhook secret of the dev trigger credentials (the sandbox sends it as `?secret=`). */
export const DEV_TRIGGER_SECRET = 'change-me-to-a-long-random-value';

/** Credentials for the sandbox at `sandboxUrl` (e.g. http://127.0.0.1:5680). */
export function devCredentials(sandboxUrl: string): DevCredential[] {
	return [
		{
			type: 'unitalkApi',
			name: 'Unitalk (sandbox)',
			data: { apiKey: DEFAULT_ACCOUNTS.unitalk.apiKey, baseUrl: `${sandboxUrl}/unitalk/api` },
		},
		{
			type: 'nxteleCallbotApi',
			name: 'NXTele Callbot (sandbox)',
			data: {
				uuid: DEFAULT_ACCOUNTS.nxteleCallbot.uuid,
				secretKey: DEFAULT_ACCOUNTS.nxteleCallbot.secretKey,
				algorithm: 'MD5',
				baseUrl: `${sandboxUrl}/nxbot`,
			},
		},
		{
			type: 'nxteleApi',
			name: 'NXCloud (sandbox)',
			data: {
				accessKey: DEFAULT_ACCOUNTS.nxcloud.accessKey,
				accessSecret: DEFAULT_ACCOUNTS.nxcloud.accessSecret,
				baseUrl: `${sandboxUrl}/nxcloud`,
			},
		},
		{
			type: 'unitalkWebhookLinkApi',
			name: 'Unitalk Incoming Webhook Link (sandbox)',
			data: {
				token: 'sandbox-webhook-token',
				webhookUrl: `${sandboxUrl}/unitalk/api/tracking/webhook/event`,
			},
		},
		{
			type: 'twin24Api',
			name: 'Twin24 (sandbox)',
			data: {
				email: DEFAULT_ACCOUNTS.twin24.email,
				password: DEFAULT_ACCOUNTS.twin24.password,
				companyId: String(DEFAULT_ACCOUNTS.twin24.companyId),
				iamBaseUrl: `${sandboxUrl}/twin24/iam/api/v1`,
				apiBaseUrl: `${sandboxUrl}/twin24`,
				botApiBaseUrl: `${sandboxUrl}/twin24/bot/api/v1`,
			},
		},
		{
			type: 'twin24TriggerApi',
			name: 'Twin24 Trigger (sandbox)',
			// No secretLocation: a hidden field there (query only), which n8n's API refuses to set.
			data: { secret: DEV_TRIGGER_SECRET, queryParameterName: 'secret' },
		},
		{
			type: 'unitalkTriggerApi',
			name: 'Unitalk Trigger (sandbox)',
			data: { secret: DEV_TRIGGER_SECRET, secretLocation: 'query', queryParameterName: 'secret' },
		},
	];
}

/** Every workflow in examples/ (editor exports; credentials referenced by the names above). */
export function devWorkflows(): DevWorkflow[] {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, f), 'utf8')) as DevWorkflow);
}

/** Points node credential references (by name) at the ids of an instance. */
export function linkCredentials(wf: DevWorkflow, ids: Map<string, string>): DevWorkflow {
	const nodes = wf.nodes.map((node) => {
		if (!node.credentials) return node;
		const credentials: Record<string, { id: string; name: string }> = {};
		for (const [type, ref] of Object.entries(
			node.credentials as Record<string, { id?: string; name: string }>,
		)) {
			credentials[type] = { id: ids.get(ref.name) ?? ref.id ?? '', name: ref.name };
		}
		return { ...node, credentials };
	});
	return { ...wf, nodes };
}
