/**
 * Shared types of the provider sandbox. Nothing here is published: the sandbox is a test and
 * development tool (see sandbox/README.md).
 */

export type ProviderName = 'nxteleCallbot' | 'nxcloud' | 'unitalk' | 'twin24';
/** `control` marks requests that matched no provider prefix (answered 404). `/__sandbox/` calls are never recorded. */
export type RecordedProvider = ProviderName | 'control';

export const PROVIDERS: readonly ProviderName[] = ['nxteleCallbot', 'nxcloud', 'unitalk', 'twin24'];

export interface SandboxAccounts {
	nxteleCallbot: { uuid: string; secretKey: string };
	nxcloud: { accessKey: string; accessSecret: string };
	unitalk: { apiKey: string };
	/** Twin24 cabinet user: IAM login with email + password; `companyId` is the cabinet. */
	twin24: { email: string; password: string; companyId: number };
}

export type RequestOutcome = 'accepted' | 'rejected' | 'fault';

export interface RecordedRequest {
	/** Sequence number in arrival order, starting at 1 (restarts on reset(), not on DELETE /requests). */
	seq: number;
	provider: RecordedProvider;
	method: string;
	/** Path after the provider prefix, e.g. `/callcentre/api/v3/ping` or `/autodial/action`. */
	path: string;
	query: Record<string, string | string[]>;
	/** Header names lower-cased; repeated headers joined with `, `. */
	headers: Record<string, string>;
	/** The body exactly as received, decoded as UTF-8 (gzip request bodies: the decompressed text). */
	rawBody: string;
	/**
	 * The body bytes exactly as received (after gzip decoding), for binary bodies such as multipart
	 * uploads that `rawBody` cannot show faithfully. Non-enumerable: kept out of JSON views (control API).
	 */
	rawBytes?: Buffer;
	receivedAt: number;
	outcome: RequestOutcome;
	reason?: string;
	/** HTTP status sent; 0 while pending or when the socket was reset without an answer. */
	responseStatus: number;
	/** The body sent back (absent for resets). */
	responseBody?: string;
	/** Endpoint-level detail, e.g. the Unitalk `action` or the Callbot endpoint name. */
	operation?: string;
	/** The injected fault applied to this request (outcome is then `fault`). */
	fault?: FaultKind;
	/**
	 * Whether the provider processed the request (its state may have changed). Always set once the
	 * request is finished: false for rejections and for faults that replace the answer
	 * (http500/503/429, reset-before, busy); true for accepted requests and for reset-after / slow
	 * when the provider accepted them.
	 */
	acted?: boolean;
	/** For reset-after / slow: what the provider itself answered (accepted or rejected). */
	providerOutcome?: 'accepted' | 'rejected';
}

export type ViolationKind =
	| 'rate-30-per-10s'
	| 'rate-100-per-10s'
	| 'concurrency-20'
	| 'rate-15-per-second'
	| 'record-query-1-per-second';

export interface Violation {
	provider: ProviderName;
	kind: ViolationKind;
	/** Clock time (ms) of the request that broke the rule. */
	at: number;
	/** Requests counted in the rule's window (or in flight, for concurrency) including the offending one. */
	countInWindow: number;
	/** The credential the limit applies to (Unitalk API key, NXCloud accessKey). */
	key?: string;
	path?: string;
	/** `seq` of the offending recorded request. */
	requestSeq?: number;
}

export type FaultKind =
	| 'http500'
	| 'http503'
	| 'http429'
	| 'reset-before'
	| 'reset-after'
	| 'slow'
	| 'busy';

export interface FaultSpec {
	provider?: ProviderName;
	/** Exact path after the provider prefix. Absent: any path of the provider(s). */
	path?: string;
	/** Applies to the next `count` matching requests. */
	count: number;
	kind: FaultKind;
	/** For http429 (and busy answers that fall back to 429): sets `Retry-After`. */
	retryAfterSeconds?: number;
	/** For slow: how long to hold the answer (the provider acts first). */
	delayMs?: number;
}

export interface CallbotOptions {
	/** Accepted |createTs - now| in seconds. Default 300 (not documented by the provider). */
	createTsToleranceSeconds: number;
	/** Max callList entries per createAndCall / addBatchCall / importBatchCall before retCode 4001. Default 1000 (cap undocumented). */
	callListCap: number;
	/** Max order ids per listOrderDetail (documented: 500). */
	listOrderDetailMax: number;
	/** Max `size` for list endpoints (undocumented). 0 = no cap. Default 0. */
	maxPageSize: number;
}

export interface NxcloudOptions {
	/** Accepted |ts - now| in ms. Documented: 60 000. */
	tsToleranceMs: number;
	/** Voice record query: at most 1 request per this many ms per accessKey (documented: 1/s). */
	recordQueryMinIntervalMs: number;
}

export interface UnitalkLimits {
	/** Sliding window for the two burst rules. Documented: 10 s. */
	windowMs: number;
	/** More than this many requests in the window: temporary block. Documented: 30. */
	tempBlockThreshold: number;
	/** More than this many requests in the window: permanent block. Documented: 100. */
	permBlockThreshold: number;
	/** First temporary block duration (undocumented). Default 60 s. */
	tempBlockMs: number;
	/** Each further temporary block lasts this factor longer ("repeated exceeding – increased duration"). Default 2. */
	tempBlockEscalation: number;
	/** Documented: 20 simultaneous calls. */
	maxConcurrent: number;
	/** Documented: 15 requests per second. */
	perSecond: number;
	/** Answer requests that break the concurrency / per-second rules with 429 (true) or serve them anyway (false). Default true. */
	rejectSoftLimitBreaches: boolean;
}

export interface UnitalkOptions {
	limits: UnitalkLimits;
	/** HTTP status for a missing or wrong key (undocumented: the doc shows the body only). Default 401. */
	authErrorHttpStatus: number;
}

export interface SandboxOptions {
	/** 0 = ephemeral port (default). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	accounts?: Partial<SandboxAccounts>;
	/** Time source in ms (freeze it in tests). Default Date.now. */
	clock?: () => number;
	callbot?: Partial<CallbotOptions>;
	nxcloud?: Partial<NxcloudOptions>;
	unitalk?: Partial<Omit<UnitalkOptions, 'limits'>> & { limits?: Partial<UnitalkLimits> };
	twin24?: Partial<Twin24Options>;
}

export interface ResolvedOptions {
	host: string;
	port: number;
	accounts: SandboxAccounts;
	clock: () => number;
	callbot: CallbotOptions;
	nxcloud: NxcloudOptions;
	unitalk: UnitalkOptions;
	twin24: Twin24Options;
}

export interface Twin24Options {
	/** `ttl` used when a login or refresh names none (undocumented). Default 86400 s. */
	defaultTtlSeconds: number;
	/** Longest `ttl` granted; longer requests are shortened (undocumented). Default 604800 s, the doc's example token. */
	maxTtlSeconds: number;
	/** HTTP status of a login with a wrong email or password (undocumented). Default 401. */
	loginErrorStatus: number;
	/** Documented: list `limit` 1...1000. */
	listLimitMax: number;
	/** Documented: analytics serve at most 50,000 records per period. */
	analyticsPeriodCap: number;
	/** Candidates per `/autoCallCandidate/batch` (undocumented). 0 = no cap. Default 0. */
	candidateBatchCap: number;
	/** Company time zone offset in seconds (`startMoment` is company time). Default 10800 (Moscow, sandbox choice). */
	companyUtcOffsetSeconds: number;
	/** How long the sandbox waits for a webhook receiver's answer. Default 10000 ms (undocumented). */
	webhookTimeoutMs: number;
	/** Wait the subscription's `delay` seconds before each delivery (real time). Default false: recorded only. */
	honourWebhookDelay: boolean;
}
