/**
 * Provider sandbox: local simulators of the NXTele Callbot v3, NXCloud (API call convention) and
 * Unitalk HTTP APIs on one real node:http server. Used by the jest integration tests (in-process), the
 * e2e tests (a real n8n process calls it over loopback) and `npm run sandbox`. Never published.
 *
 *   const sb = await startSandbox({ clock: () => frozenMs });
 *   sb.baseUrls.unitalk  // http://127.0.0.1:PORT/unitalk/api
 *   sb.requests / sb.violations / sb.injectFault({...}) / sb.reset() / await sb.close()
 */
import { baseUrls } from './control';
import { NxcloudProvider } from './nxcloud/router';
import { NxteleCallbotProvider } from './nxteleCallbot/router';
import type { ProviderEnv, ProviderModule } from './provider';
import { SandboxServer } from './server';
import type {
	FaultSpec,
	RecordedRequest,
	ResolvedOptions,
	SandboxAccounts,
	SandboxOptions,
	Twin24Options,
	UnitalkLimits,
	Violation,
} from './types';
import { UnitalkProvider } from './unitalk/router';
import { Twin24Provider } from './twin24/router';

export type {
	CallbotOptions,
	FaultKind,
	FaultSpec,
	NxcloudOptions,
	ProviderName,
	RecordedRequest,
	RequestOutcome,
	SandboxAccounts,
	SandboxOptions,
	UnitalkLimits,
	UnitalkOptions,
	Twin24Options,
	Violation,
	ViolationKind,
} from './types';
export { callbotSign } from './nxteleCallbot/sign';
export { nxcloudSign } from './nxcloud/sign';

export const DEFAULT_ACCOUNTS: SandboxAccounts = Object.freeze({
	nxteleCallbot: Object.freeze({ uuid: 'sandbox-uuid', secretKey: 'sandbox-callbot-secret' }),
	nxcloud: Object.freeze({
		accessKey: 'sandbox-access-key',
		accessSecret: 'sandbox-access-secret',
	}),
	unitalk: Object.freeze({ apiKey: 'sandbox-unitalk-key' }),
	twin24: Object.freeze({
		email: 'sandbox@twin24.test',
		password: 'sandbox-twin24-password',
		companyId: 1001,
	}),
}) as SandboxAccounts;

export const DEFAULT_PORT_FOR_CLI = 5680;

export const DEFAULT_UNITALK_LIMITS: UnitalkLimits = Object.freeze({
	windowMs: 10_000,
	tempBlockThreshold: 30,
	permBlockThreshold: 100,
	tempBlockMs: 60_000,
	tempBlockEscalation: 2,
	maxConcurrent: 20,
	perSecond: 15,
	rejectSoftLimitBreaches: true,
});

export const DEFAULT_TWIN24_OPTIONS: Twin24Options = Object.freeze({
	defaultTtlSeconds: 86400,
	maxTtlSeconds: 604800,
	loginErrorStatus: 401,
	listLimitMax: 1000,
	analyticsPeriodCap: 50_000,
	candidateBatchCap: 0,
	companyUtcOffsetSeconds: 10800,
	webhookTimeoutMs: 10_000,
	honourWebhookDelay: false,
});

export interface Sandbox {
	/** http://127.0.0.1:PORT */
	url: string;
	baseUrls: {
		nxteleCallbot: string;
		nxcloud: string;
		unitalk: string;
		/** Twin24 API base URL (credential "API Base URL"); `/cis/api/v1`, `/analyse/api/v1`, `/bot/api/v1` below it. */
		twin24: string;
		/** Twin24 IAM base URL (credential "IAM Base URL"). */
		twin24Iam: string;
	};
	/** Every provider request in arrival order (live array). */
	requests: RecordedRequest[];
	/** Rate-limit breaches (live array). */
	violations: Violation[];
	accounts: SandboxAccounts;
	injectFault(f: FaultSpec): void;
	/** Clears requests, violations, faults and provider state (providers re-seed). */
	reset(): void;
	close(): Promise<void>;
	/** Direct access to the simulators' state (tests may inspect or seed it). */
	providers: {
		nxteleCallbot: NxteleCallbotProvider;
		nxcloud: NxcloudProvider;
		unitalk: UnitalkProvider;
		twin24: Twin24Provider;
	};
}

export function resolveOptions(opts: SandboxOptions = {}): ResolvedOptions {
	const a = opts.accounts ?? {};
	return {
		host: opts.host ?? '127.0.0.1',
		port: opts.port ?? 0,
		clock: opts.clock ?? Date.now,
		accounts: {
			nxteleCallbot: { ...DEFAULT_ACCOUNTS.nxteleCallbot, ...a.nxteleCallbot },
			nxcloud: { ...DEFAULT_ACCOUNTS.nxcloud, ...a.nxcloud },
			unitalk: { ...DEFAULT_ACCOUNTS.unitalk, ...a.unitalk },
			twin24: { ...DEFAULT_ACCOUNTS.twin24, ...a.twin24 },
		},
		callbot: {
			createTsToleranceSeconds: 300,
			callListCap: 1000,
			listOrderDetailMax: 500,
			maxPageSize: 0,
			...opts.callbot,
		},
		nxcloud: { tsToleranceMs: 60_000, recordQueryMinIntervalMs: 1000, ...opts.nxcloud },
		unitalk: {
			authErrorHttpStatus: opts.unitalk?.authErrorHttpStatus ?? 401,
			limits: { ...DEFAULT_UNITALK_LIMITS, ...opts.unitalk?.limits },
		},
		twin24: { ...DEFAULT_TWIN24_OPTIONS, ...opts.twin24 },
	};
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
	const options = resolveOptions(opts);
	// The server owns the request and violation lists; providers report violations through env.
	const modules: ProviderModule[] = [];
	const server = new SandboxServer(options, modules);
	const env: ProviderEnv = {
		options,
		clock: () => options.clock(),
		addViolation: server.addViolation,
	};
	const nxteleCallbot = new NxteleCallbotProvider(env);
	const nxcloud = new NxcloudProvider(env);
	const unitalk = new UnitalkProvider(env);
	const twin24 = new Twin24Provider(env);
	modules.push(
		nxteleCallbot as ProviderModule,
		nxcloud as ProviderModule,
		unitalk as ProviderModule,
		twin24 as ProviderModule,
	);
	await server.listen();
	return {
		url: server.url,
		baseUrls: baseUrls(server.url),
		requests: server.requests,
		violations: server.violations,
		accounts: options.accounts,
		injectFault: (f) => server.injectFault(f),
		reset: () => server.reset(),
		close: () => server.close(),
		providers: { nxteleCallbot, nxcloud, unitalk, twin24 },
	};
}
