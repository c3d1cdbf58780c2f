/**
 * Shared server plumbing: one node:http server for all provider simulators.
 *
 * Pipeline of a provider request (the order matters for what tests can observe):
 *   1. arrival: recorded at once (arrival order), provider edge checks (`admit`, e.g. Unitalk rate limits)
 *   2. body read (gzip request bodies decoded)
 *   3. edge refusal from step 1 answered (the injected fault is NOT consumed)
 *   4. injected fault that replaces the answer: http500 / http503 / http429 / reset-before
 *   5. provider authentication (signature, key)
 *   6. injected `busy`: the provider's own "not now" answer (authenticated, nothing done)
 *   7. provider handler (state changes here)
 *   8. injected `reset-after` (socket destroyed, no answer), `slow` (answer held for delayMs),
 *      `http500-after` (the provider acted, a 500 is sent instead of its answer) or `timeout` (the
 *      provider acted, no answer ever: the socket stays open until the client gives up)
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';

import { handleControl } from './control';
import type { ProviderModule, ProviderReply, ProviderRequest } from './provider';
import type { FaultSpec, ProviderName, RecordedRequest, ResolvedOptions, Violation } from './types';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

interface ActiveFault extends FaultSpec {
	remaining: number;
	/** Matching requests still to let through before this fault applies. */
	toSkip: number;
}

export class SandboxServer {
	readonly requests: RecordedRequest[] = [];
	readonly violations: Violation[] = [];
	readonly faults: ActiveFault[] = [];
	private seq = 0;
	private readonly server: Server;
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly sockets = new Set<Socket>();
	url = '';

	constructor(
		readonly options: ResolvedOptions,
		readonly modules: ProviderModule[],
	) {
		this.server = createServer((req, res) => {
			this.route(req, res).catch((err: unknown) => {
				if (!res.headersSent) {
					res.writeHead(500, { 'Content-Type': 'text/plain' });
					res.end(`sandbox error: ${String(err)}`);
				} else {
					res.destroy();
				}
			});
		});
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	get clock(): () => number {
		return this.options.clock;
	}

	async listen(): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(this.options.port, this.options.host, () => {
				this.server.off('error', reject);
				resolve();
			});
		});
		const addr = this.server.address() as AddressInfo;
		const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
		this.url = `http://${host}:${addr.port}`;
	}

	async close(): Promise<void> {
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			for (const s of this.sockets) s.destroy();
			this.server.closeAllConnections?.();
		});
	}

	addViolation = (v: Violation): void => {
		this.violations.push(v);
	};

	injectFault(f: FaultSpec): void {
		if (!Number.isInteger(f.count) || f.count < 1)
			throw new Error('FaultSpec.count must be a positive integer');
		if (f.skip !== undefined && (!Number.isInteger(f.skip) || f.skip < 0))
			throw new Error('FaultSpec.skip must be a whole number of at least 0');
		this.faults.push({ ...f, remaining: f.count, toSkip: f.skip ?? 0 });
	}

	clearRequests(): void {
		this.requests.length = 0;
	}

	reset(): void {
		this.seq = 0;
		this.requests.length = 0;
		this.violations.length = 0;
		this.faults.length = 0;
		for (const m of this.modules) m.reset();
	}

	moduleFor(name: ProviderName): ProviderModule | undefined {
		return this.modules.find((m) => m.name === name);
	}

	private takeFault(provider: ProviderName, path: string): ActiveFault | undefined {
		const matches = (f: ActiveFault) =>
			f.remaining > 0 &&
			(!f.provider || f.provider === provider) &&
			(f.path === undefined || f.path === path);
		const i = this.faults.findIndex((f) => matches(f) && f.toSkip === 0);
		// This request counts as one let through by every matching fault still waiting for its turn.
		for (const f of this.faults) if (matches(f) && f.toSkip > 0) f.toSkip -= 1;
		if (i < 0) return undefined;
		const f = this.faults[i];
		f.remaining -= 1;
		if (f.remaining <= 0) this.faults.splice(i, 1);
		return f;
	}

	private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox.local');
		const pathname = url.pathname;
		if (pathname === '/__sandbox' || pathname.startsWith('/__sandbox/')) {
			const body = await readBody(req);
			await handleControl(
				this,
				req,
				res,
				pathname.slice('/__sandbox'.length) || '/',
				url.searchParams,
				body,
			);
			return;
		}
		const module = this.modules.find(
			(m) => pathname === m.prefix || pathname.startsWith(`${m.prefix}/`),
		);
		if (!module) {
			const record = this.newRecord('control', req, pathname, url.searchParams);
			record.rawBody = (await readBody(req).catch(() => Buffer.alloc(0))).toString('utf8');
			this.sendReply(res, record, {
				status: 404,
				headers: { 'Content-Type': 'application/json; charset=utf-8' },
				body: JSON.stringify({ error: 'no simulated provider at this path', path: pathname }),
				outcome: 'rejected',
				reason: 'unknown path prefix',
			});
			return;
		}
		await this.handleProvider(
			module,
			req,
			res,
			pathname.slice(module.prefix.length) || '/',
			url.searchParams,
		);
	}

	private newRecord(
		provider: RecordedRequest['provider'],
		req: IncomingMessage,
		path: string,
		params: URLSearchParams,
	): RecordedRequest {
		const record: RecordedRequest = {
			seq: ++this.seq,
			provider,
			method: req.method ?? 'GET',
			path,
			query: queryObject(params),
			headers: headerObject(req),
			rawBody: '',
			receivedAt: this.clock(),
			outcome: 'accepted',
			responseStatus: 0,
		};
		this.requests.push(record);
		return record;
	}

	private async handleProvider(
		module: ProviderModule,
		req: IncomingMessage,
		res: ServerResponse,
		path: string,
		params: URLSearchParams,
	): Promise<void> {
		const record = this.newRecord(module.name, req, path, params);
		const base = {
			provider: module.name,
			method: record.method,
			path,
			query: record.query,
			headers: record.headers,
			receivedAt: record.receivedAt,
			record,
		};
		const admission = module.admit?.(base) ?? { release: () => undefined };
		let released = false;
		const release = (): void => {
			if (!released) {
				released = true;
				admission.release();
			}
		};
		res.on('close', release);

		let raw: Buffer;
		try {
			raw = await readBody(req);
		} catch (err) {
			record.outcome = 'rejected';
			record.reason = `request body could not be read: ${String(err)}`;
			record.acted = false;
			release();
			res.destroy();
			return;
		}
		if (/\bgzip\b/i.test(record.headers['content-encoding'] ?? '')) {
			try {
				raw = gunzipSync(raw);
			} catch {
				record.rawBody = raw.toString('latin1');
				this.sendReply(res, record, {
					status: 400,
					headers: { 'Content-Type': 'text/plain' },
					body: 'invalid gzip body',
					outcome: 'rejected',
					reason: 'Content-Encoding gzip but the body is not gzip',
				});
				return;
			}
		}
		record.rawBody = raw.toString('utf8');
		Object.defineProperty(record, 'rawBytes', { value: raw, enumerable: false, writable: true });
		const preq: ProviderRequest = { ...base, rawBody: raw, rawText: record.rawBody };

		if (admission.reply) {
			this.sendReply(res, record, admission.reply);
			return;
		}

		const fault = this.takeFault(module.name, path);
		if (fault) {
			record.fault = fault.kind;
			const answer = replacingFaultReply(fault);
			if (fault.kind === 'reset-before') {
				this.resetSocket(
					res,
					record,
					false,
					'reset-before: socket destroyed before the provider acted',
				);
				return;
			}
			if (answer) {
				this.sendReply(res, record, answer, { fault: true, acted: false });
				return;
			}
		}

		const auth = module.authenticate(preq);
		if (!auth.ok) {
			// An auth failure happens before the provider would act: the fault (busy / reset-after / slow) still
			// applies to how the refusal is delivered, except busy, which needs an authenticated caller.
			this.deliver(res, record, auth.reply, fault && fault.kind !== 'busy' ? fault : undefined);
			return;
		}

		if (fault?.kind === 'busy') {
			this.sendReply(res, record, module.busyReply(preq, auth.auth, fault.retryAfterSeconds), {
				fault: true,
				acted: false,
			});
			return;
		}

		let reply: ProviderReply;
		try {
			reply = await module.handle(preq, auth.auth);
		} catch (err) {
			reply = {
				status: 500,
				headers: { 'Content-Type': 'text/plain' },
				body: `sandbox handler error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
				outcome: 'rejected',
				reason: `sandbox handler threw: ${String(err)}`,
			};
		}
		this.deliver(res, record, reply, fault);
	}

	/** Sends a provider reply, honouring the post-processing faults (reset-after, slow). */
	private deliver(
		res: ServerResponse,
		record: RecordedRequest,
		reply: ProviderReply,
		fault: ActiveFault | undefined,
	): void {
		if (reply.operation) record.operation = reply.operation;
		if (fault?.kind === 'reset-after') {
			record.providerOutcome = reply.outcome;
			this.resetSocket(
				res,
				record,
				reply.outcome === 'accepted',
				`reset-after: provider answered ${reply.status} (${reply.outcome}${reply.reason ? `: ${reply.reason}` : ''}), socket destroyed instead`,
			);
			return;
		}
		if (fault?.kind === 'http500-after') {
			record.providerOutcome = reply.outcome;
			this.sendReply(res, record, INTERNAL_ERROR_AFTER_ACTING, {
				fault: true,
				acted: reply.outcome === 'accepted',
			});
			record.reason = `http500-after: provider answered ${reply.status} (${reply.outcome}), 500 sent instead`;
			return;
		}
		if (fault?.kind === 'timeout') {
			// No answer at all: the client's own timeout ends the request (the socket closes then).
			record.providerOutcome = reply.outcome;
			record.outcome = 'fault';
			record.acted = reply.outcome === 'accepted';
			record.reason = `timeout: provider answered ${reply.status} (${reply.outcome}), answer withheld`;
			return;
		}
		if (fault?.kind === 'slow') {
			const delay = Math.max(0, fault.delayMs ?? 1000);
			record.providerOutcome = reply.outcome;
			const t = setTimeout(() => {
				this.timers.delete(t);
				this.sendReply(res, record, reply, { fault: true, acted: reply.outcome === 'accepted' });
				record.reason = `slow: answered after ${delay} ms${reply.reason ? `; ${reply.reason}` : ''}`;
			}, delay);
			this.timers.add(t);
			return;
		}
		this.sendReply(res, record, reply);
	}

	private resetSocket(
		res: ServerResponse,
		record: RecordedRequest,
		acted: boolean,
		reason: string,
	): void {
		record.outcome = 'fault';
		record.acted = acted;
		record.reason = reason;
		record.responseStatus = 0;
		res.socket?.destroy();
		res.destroy();
	}

	private sendReply(
		res: ServerResponse,
		record: RecordedRequest,
		reply: ProviderReply,
		flags: { fault?: boolean; acted?: boolean } = {},
	): void {
		record.outcome = flags.fault ? 'fault' : reply.outcome;
		record.acted = flags.acted ?? reply.outcome === 'accepted';
		if (reply.reason !== undefined) record.reason = reply.reason;
		if (reply.operation) record.operation = reply.operation;
		record.responseStatus = reply.status;
		const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
		record.responseBody = reply.recordBody ?? body.toString('utf8');
		if (res.destroyed || res.writableEnded) return;
		res.writeHead(reply.status, {
			...(reply.headers ?? {}),
			'Content-Length': String(body.length),
		});
		res.end(body);
	}
}

const INTERNAL_ERROR_AFTER_ACTING: ProviderReply = {
	status: 500,
	headers: { 'Content-Type': 'text/html' },
	body: '<html><body><h1>500 Internal Server Error</h1></body></html>',
	outcome: 'rejected',
	reason: 'injected http500-after',
};

function replacingFaultReply(f: ActiveFault): ProviderReply | undefined {
	switch (f.kind) {
		case 'http500':
			return {
				status: 500,
				headers: { 'Content-Type': 'text/html' },
				body: '<html><body><h1>500 Internal Server Error</h1></body></html>',
				outcome: 'rejected',
				reason: 'injected http500',
			};
		case 'http503':
			return {
				status: 503,
				headers: {
					'Content-Type': 'text/html',
					...(f.retryAfterSeconds !== undefined
						? { 'Retry-After': String(f.retryAfterSeconds) }
						: {}),
				},
				body: '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>',
				outcome: 'rejected',
				reason: 'injected http503',
			};
		case 'http429':
			return {
				status: 429,
				headers: {
					'Content-Type': 'text/html',
					...(f.retryAfterSeconds !== undefined
						? { 'Retry-After': String(f.retryAfterSeconds) }
						: {}),
				},
				body: '<html><body><h1>429 Too Many Requests</h1></body></html>',
				outcome: 'rejected',
				reason: 'injected http429',
			};
		default:
			return undefined;
	}
}

function queryObject(params: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [k, v] of params) {
		const prev = out[k];
		if (prev === undefined) out[k] = v;
		else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
	}
	return out;
}

function headerObject(req: IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(req.headers)) {
		if (v === undefined) continue;
		out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
	}
	return out;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (c: Buffer) => {
			size += c.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('body too large'));
				req.destroy();
				return;
			}
			chunks.push(c);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}
