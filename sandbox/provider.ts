/**
 * The contract between the shared server plumbing (server.ts) and one provider simulator
 * (sandbox/<provider>/router.ts). The server does the HTTP work, recording, faults and the order of
 * the pipeline; a provider only decides: admission (rate limits), authentication, the endpoint
 * answer, and its own "busy" answer.
 */
import type { ProviderName, RecordedRequest, ResolvedOptions, Violation } from './types';

export interface ProviderRequest {
	provider: ProviderName;
	method: string;
	/** Path after the provider prefix, without the query string. */
	path: string;
	query: Record<string, string | string[]>;
	/** Lower-cased header names. */
	headers: Record<string, string>;
	/** Body bytes as received (after gzip decoding when the request said `Content-Encoding: gzip`). */
	rawBody: Buffer;
	/** rawBody decoded as UTF-8. */
	rawText: string;
	receivedAt: number;
	record: RecordedRequest;
}

export interface ProviderReply {
	status: number;
	headers?: Record<string, string>;
	/** The exact bytes to send (providers sign this text). */
	body: string | Buffer;
	/** Text to record when `body` is not the readable text (e.g. gzip). */
	recordBody?: string;
	outcome: 'accepted' | 'rejected';
	reason?: string;
	operation?: string;
}

export interface Admission {
	/** Present when the request is refused at the edge (rate limit, blocked key). */
	reply?: ProviderReply;
	/** Called once the answer is finished or the socket closed. */
	release(): void;
}

export type AuthResult<A> = { ok: true; auth: A } | { ok: false; reply: ProviderReply };

export interface ProviderEnv {
	options: ResolvedOptions;
	clock: () => number;
	addViolation(v: Violation): void;
}

export interface ProviderModule<A = unknown> {
	readonly name: ProviderName;
	/** URL prefix, e.g. `/nxbot`. */
	readonly prefix: string;
	/** Edge checks that see every request as it arrives (before the body is read). */
	admit?(req: Omit<ProviderRequest, 'rawBody' | 'rawText'>): Admission;
	authenticate(req: ProviderRequest): AuthResult<A>;
	handle(req: ProviderRequest, auth: A): ProviderReply | Promise<ProviderReply>;
	/** The provider's own "not now" answer (fault kind `busy`). */
	busyReply(req: ProviderRequest, auth: A, retryAfterSeconds?: number): ProviderReply;
	/** Forget all state (and re-seed fixtures). */
	reset(): void;
	/** Plain-JSON view of the provider's state for tests and the control API. */
	snapshot(): unknown;
	/** Provider-specific control commands: `POST /__sandbox/<provider>/<command>` with a JSON body. */
	control?(command: string, body: unknown): Promise<{ status: number; payload: unknown }>;
}

export function jsonReply(
	status: number,
	payload: unknown,
	outcome: 'accepted' | 'rejected',
	reason?: string,
	extraHeaders: Record<string, string> = {},
): ProviderReply {
	return {
		status,
		body: JSON.stringify(payload),
		headers: { 'Content-Type': 'application/json; charset=utf-8', ...extraHeaders },
		outcome,
		reason,
	};
}
