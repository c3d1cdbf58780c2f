/**
 * Shared setup of the project-data tests (blocked lists, users, internal lines, groups, operator
 * statistics, call history, event handlers, incoming webhook links): one sandbox per test file,
 * reset before each test, and small readers for the requests it recorded.
 */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { startSandbox } from '../../../sandbox';
import type { RecordedRequest, Sandbox } from '../../../sandbox';
import { singleNodeWorkflow } from '../harness/build';
import { runWorkflow } from '../harness/workflow-runner';

export interface AccountTestKit {
	sandbox: () => Sandbox;
	run: (
		resource: string,
		parameters: Record<string, unknown>,
		items?: object[],
		settings?: Record<string, unknown>,
		/** Overrides of the "Unitalk Incoming Webhook Link API" credential (token, webhookUrl). */
		link?: Record<string, string>,
	) => ReturnType<typeof runWorkflow>;
	requests: (path?: string) => RecordedRequest[];
	credentials: () => { unitalkApi: { apiKey: string; baseUrl: string } };
	loadOptionsContext: () => ILoadOptionsFunctions;
}

export function useAccountSandbox(): AccountTestKit {
	// The first workflow of a file loads n8n-core; under a full parallel run that can pass 5 s.
	jest.setTimeout(30_000);
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => await sandbox.close());
	beforeEach(() => sandbox.reset());

	const credentials = () => ({
		unitalkApi: { apiKey: sandbox.accounts.unitalk.apiKey, baseUrl: sandbox.baseUrls.unitalk },
	});

	return {
		sandbox: () => sandbox,
		credentials,
		run: async (resource, parameters, items = [{}], settings = {}, link = {}) =>
			await runWorkflow(
				singleNodeWorkflow(
					'unitalk',
					{ resource, ...parameters } as never,
					items,
					// Links have their own credential, and only it (the node asks for no other there).
					resource === 'incomingWebhookLink' ? ['unitalkWebhookLinkApi'] : ['unitalkApi'],
					settings,
				),
				{
					credentials: {
						...credentials(),
						unitalkWebhookLinkApi: {
							token: 'sandbox-webhook-token',
							webhookUrl: `${sandbox.baseUrls.unitalk}/tracking/webhook/event`,
							...link,
						},
					},
				},
			),
		requests: (path) =>
			sandbox.requests.filter((r) => r.provider === 'unitalk' && (!path || r.path === path)),
		/** The bits of a load-options context the methods use; HTTP goes to the sandbox with the key. */
		loadOptionsContext: () =>
			({
				getNode: () => ({
					id: 'subject',
					name: 'Subject',
					type: 'n8n-nodes-dialers.unitalk',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				}),
				getCredentials: async () => credentials().unitalkApi,
				helpers: {
					httpRequestWithAuthentication: async (
						_type: string,
						options: {
							url: string;
							method: string;
							headers: Record<string, string>;
							body?: string;
						},
					) => {
						const response = await fetch(options.url, {
							method: options.method,
							headers: { ...options.headers, Authorization: sandbox.accounts.unitalk.apiKey },
							body: options.body,
						});
						const headers: Record<string, string> = {};
						response.headers.forEach((value, key) => (headers[key] = value));
						return { statusCode: response.status, headers, body: await response.text() };
					},
				},
			}) as unknown as ILoadOptionsFunctions,
	};
}

export const jsonBody = (r: RecordedRequest) => JSON.parse(r.rawBody) as Record<string, unknown>;
