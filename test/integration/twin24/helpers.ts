/**
 * Shared set-up of the Twin24 integration tests: the sandbox, the credential pointing at it, a
 * one-node workflow run in-process, and views of the requests the sandbox recorded.
 */
import { startSandbox } from '../../../sandbox';
import type { RecordedRequest, Sandbox, SandboxOptions } from '../../../sandbox';
import { singleNodeWorkflow } from '../harness/build';
import { runWorkflow } from '../harness/workflow-runner';

export interface Twin24Context {
	sandbox: Sandbox;
	credentials(extra?: Record<string, unknown>): Record<string, Record<string, unknown>>;
	run(
		resource: string,
		parameters: Record<string, unknown>,
		items?: object[],
		settings?: Record<string, unknown>,
		credentialOverrides?: Record<string, unknown>,
	): ReturnType<typeof runWorkflow>;
	/** Recorded Twin24 requests (login included), optionally of one sandbox operation. */
	requests(operation?: string): RecordedRequest[];
	logins(): number;
	/** Runs whenever the sandbox reads its clock (every request arrival): a hook to act mid-run. */
	onClock?: () => void;
}

export function twin24Context(options: SandboxOptions = {}): Twin24Context {
	const ctx = {} as Twin24Context;
	beforeAll(async () => {
		ctx.sandbox = await startSandbox({
			...options,
			clock: () => {
				ctx.onClock?.();
				return Date.now();
			},
		});
	});
	afterAll(async () => await ctx.sandbox.close());
	beforeEach(() => {
		ctx.sandbox.reset();
		ctx.onClock = undefined;
	});

	ctx.credentials = (extra = {}) => {
		const a = ctx.sandbox.accounts.twin24;
		return {
			twin24Api: {
				email: a.email,
				password: a.password,
				companyId: '',
				lifetime: 86400,
				iamBaseUrl: ctx.sandbox.baseUrls.twin24Iam,
				apiBaseUrl: ctx.sandbox.baseUrls.twin24,
				botApiBaseUrl: `${ctx.sandbox.baseUrls.twin24}/bot/api/v1`,
				accessToken: '',
				...extra,
			},
		};
	};
	ctx.run = async (resource, parameters, items = [{}], settings = {}, credentialOverrides = {}) =>
		await runWorkflow(
			singleNodeWorkflow(
				'twin24',
				{ resource, ...parameters } as never,
				items,
				['twin24Api'],
				settings,
			),
			{ credentials: ctx.credentials(credentialOverrides) as never },
		);
	/** `what`: a sandbox operation ("autoCall/get") or a path ending ("/autoCallCandidate/batch"). */
	ctx.requests = (what) =>
		ctx.sandbox.requests.filter(
			(r) =>
				r.provider === 'twin24' &&
				(!what || (what.startsWith('/') ? r.path.endsWith(what) : r.operation === what)),
		);
	ctx.logins = () => ctx.requests().filter((r) => r.path.endsWith('/auth/login')).length;
	return ctx;
}

export const body = (r: RecordedRequest) => JSON.parse(r.rawBody) as Record<string, any>;

export const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

export const SURVEY_BOT = '228cc4fa-92f2-4709-94e3-7344a96a5903';
export const REMINDER_BOT = 'a8c57dfe-5f8b-4a43-9d57-3c1b8d850d2e';

/** Parameters of a valid manual task; `extra` overrides. */
export const taskParams = (extra: Record<string, unknown> = {}) => ({
	operation: 'create',
	name: 'Spring promo',
	bot: byId(SURVEY_BOT),
	startType: 'manual',
	intensityMode: 'callsPerSecond',
	callsPerSecond: 3,
	transferAction: 'end',
	callerIdType: 'default',
	...extra,
});

/** Creates a task through the node and returns its ID. */
export async function createTask(
	ctx: Twin24Context,
	extra: Record<string, unknown> = {},
): Promise<string> {
	const result = await ctx.run('task', taskParams(extra));
	const error = result.error();
	if (error) throw error;
	return result.output('Subject')[0].json.taskId as string;
}
