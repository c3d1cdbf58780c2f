/**
 * What `npm start` (scripts/start.ts) puts into the local n8n: credentials pointing at the provider
 * sandbox and example workflows that use them.
 *
 * TO FILL IN (lead engineer): one entry per credential type of the package, and the example workflows.
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

import { DEFAULT_ACCOUNTS } from '../sandbox';
import { manualWorkflow } from '../test/e2e/harness/workflows';

const PACKAGE = 'n8n-nodes-dialers';

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
	];
}

export function devWorkflows(): DevWorkflow[] {
	return [
		manualWorkflow('Example: NXTele Callbot ping', [
			{
				id: 'ping',
				name: 'NXTele',
				type: `${PACKAGE}.nxtele`,
				parameters: { resource: 'callbot', operation: 'ping', echo: 'hello from n8n' },
				credentials: { nxteleCallbotApi: { id: '', name: 'NXTele Callbot (sandbox)' } },
			},
		]),
		manualWorkflow('Example: push CRM leads into a Unitalk autodialer', [
			{
				id: 'leads',
				name: 'CRM Leads',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode:
						'// Stand-in for a CRM node: 1,000 leads, a few with typos to show the error messages.\n' +
						'return Array.from({ length: 1000 }, (_, i) => ({ json: {\n' +
						'  name: `Lead ${i + 1}`,\n' +
						'  phone: `+380 (50) ${String(1000000 + i).slice(0, 3)}-${String(1000000 + i).slice(3)}`,\n' +
						'} }));',
				},
			},
			{
				id: 'add',
				name: 'Add Numbers',
				type: `${PACKAGE}.unitalk`,
				parameters: {
					resource: 'autodialerNumber',
					operation: 'add',
					autodialer: { __rl: true, mode: 'id', value: '12345' },
					phone: '={{ $json.phone }}',
					numberData: { name: '={{ $json.name }}' },
				},
				credentials: { unitalkApi: { id: '', name: 'Unitalk (sandbox)' } },
			},
		]),
	];
}
