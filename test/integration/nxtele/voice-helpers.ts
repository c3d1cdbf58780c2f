/**
 * Shared setup of the NXCloud voice integration tests: a sandbox, the nxteleApi credential pointing at
 * it, and a one-node workflow runner.
 */
import type { INode } from 'n8n-workflow';

import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { singleNodeWorkflow } from '../harness/build';
import { runWorkflow } from '../harness/workflow-runner';

export const APP_KEY = 'voice-app-key';
export const APP_SECRET = 'voice-app-secret';

export function voiceCredentials(sandbox: Sandbox, overrides: Record<string, string> = {}) {
	return {
		nxteleApi: {
			accessKey: sandbox.accounts.nxcloud.accessKey,
			accessSecret: sandbox.accounts.nxcloud.accessSecret,
			appKey: APP_KEY,
			appSecret: APP_SECRET,
			consoleAccount: 'owner@example.com',
			consolePassword: 'console-pass',
			baseUrl: sandbox.baseUrls.nxcloud,
			...overrides,
		},
	};
}

export async function runVoice(
	sandbox: Sandbox,
	resource: string,
	operation: string,
	parameters: Record<string, unknown>,
	items: object[] = [{}],
	options: { settings?: Partial<INode>; credentials?: Record<string, string> } = {},
) {
	return await runWorkflow(
		singleNodeWorkflow(
			'nxtele',
			{ resource, operation, ...parameters } as never,
			items,
			['nxteleApi'],
			options.settings ?? {},
		),
		{ credentials: voiceCredentials(sandbox, options.credentials) },
	);
}

export const nxcloudRequests = (sandbox: Sandbox, path?: string): RecordedRequest[] =>
	sandbox.requests.filter((r) => r.provider === 'nxcloud' && (!path || r.path === path));

export const formOf = (r: RecordedRequest): Record<string, string> =>
	Object.fromEntries(new URLSearchParams(r.rawBody));
