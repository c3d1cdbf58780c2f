/**
 * Control API under `${url}/__sandbox/` (never recorded as provider requests):
 *   GET    /health                      {status:'ok', url, baseUrls, accounts}
 *   GET    /requests[?provider=&path=]  recorded requests, arrival order
 *   DELETE /requests                    forget recorded requests
 *   GET    /violations[?provider=]      rate-limit breaches
 *   GET    /faults                      faults still pending
 *   POST   /faults                      FaultSpec JSON (or an array of them)
 *   DELETE /faults                      drop pending faults
 *   POST   /reset                       requests, violations, faults and provider state
 *   GET    /state[?provider=]           provider state snapshots (debugging, e2e assertions)
 *   POST   /<provider>/<command>        provider commands, e.g. POST /nxteleCallbot/dial (simulated calls + callbacks),
 *                                        POST /twin24/simulateCalls, POST /twin24/expireTokens (twin24/router.ts)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';

import type { SandboxServer } from './server';
import { PROVIDERS, type ProviderName } from './types';
import { handleUnitalkWebhookControl } from './unitalk/webhookControl';

const providerSchema = z.enum(['nxteleCallbot', 'nxcloud', 'unitalk', 'twin24']);

export const faultSpecSchema = z
	.object({
		provider: providerSchema.optional(),
		path: z.string().startsWith('/').optional(),
		count: z.number().int().positive(),
		kind: z.enum(['http500', 'http503', 'http429', 'reset-before', 'reset-after', 'slow', 'busy']),
		retryAfterSeconds: z.number().int().nonnegative().optional(),
		delayMs: z.number().int().nonnegative().optional(),
	})
	.strict();

function send(res: ServerResponse, status: number, payload: unknown): void {
	const body = JSON.stringify(payload);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(body),
	});
	res.end(body);
}

function providerFilter(params: URLSearchParams): ProviderName | undefined | 'invalid' {
	const p = params.get('provider');
	if (p === null || p === '') return undefined;
	return (PROVIDERS as readonly string[]).includes(p) ? (p as ProviderName) : 'invalid';
}

export function baseUrls(url: string): {
	nxteleCallbot: string;
	nxcloud: string;
	unitalk: string;
	twin24: string;
	twin24Iam: string;
} {
	return {
		nxteleCallbot: `${url}/nxbot`,
		nxcloud: `${url}/nxcloud`,
		unitalk: `${url}/unitalk/api`,
		twin24: `${url}/twin24`,
		twin24Iam: `${url}/twin24/iam/api/v1`,
	};
}

export async function handleControl(
	server: SandboxServer,
	req: IncomingMessage,
	res: ServerResponse,
	path: string,
	params: URLSearchParams,
	body: Buffer,
): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const route = `${method} ${path.replace(/\/+$/, '') || '/'}`;
	if (await handleUnitalkWebhookControl(server, route, body, res)) return;
	const provider = providerFilter(params);
	if (provider === 'invalid') {
		send(res, 400, {
			error: `unknown provider ${params.get('provider')}; one of ${PROVIDERS.join(', ')}`,
		});
		return;
	}
	switch (route) {
		case 'GET /health':
		case 'GET /':
			send(res, 200, {
				status: 'ok',
				url: server.url,
				baseUrls: baseUrls(server.url),
				accounts: server.options.accounts,
				requests: server.requests.length,
				violations: server.violations.length,
				pendingFaults: server.faults.length,
			});
			return;
		case 'GET /requests': {
			const pathFilter = params.get('path');
			send(
				res,
				200,
				server.requests.filter(
					(r) =>
						(!provider || r.provider === provider) &&
						(pathFilter === null || r.path === pathFilter),
				),
			);
			return;
		}
		case 'DELETE /requests':
			server.clearRequests();
			send(res, 200, { ok: true });
			return;
		case 'GET /violations':
			send(
				res,
				200,
				server.violations.filter((v) => !provider || v.provider === provider),
			);
			return;
		case 'GET /faults':
			send(res, 200, server.faults);
			return;
		case 'DELETE /faults':
			server.faults.length = 0;
			send(res, 200, { ok: true });
			return;
		case 'POST /faults': {
			let json: unknown;
			try {
				json = JSON.parse(body.toString('utf8'));
			} catch {
				send(res, 400, { error: 'body must be a FaultSpec JSON object or an array of them' });
				return;
			}
			const parsed = z.union([faultSpecSchema, z.array(faultSpecSchema)]).safeParse(json);
			if (!parsed.success) {
				send(res, 400, { error: 'invalid FaultSpec', issues: parsed.error.issues });
				return;
			}
			const specs = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
			for (const s of specs) server.injectFault(s);
			send(res, 201, { ok: true, pending: server.faults });
			return;
		}
		case 'POST /reset':
			server.reset();
			send(res, 200, { ok: true });
			return;
		case 'GET /state': {
			const out: Record<string, unknown> = {};
			for (const m of server.modules)
				if (!provider || m.name === provider) out[m.name] = m.snapshot();
			send(res, 200, out);
			return;
		}
		default: {
			const m = /^POST \/([A-Za-z0-9]+)\/([A-Za-z]+)$/.exec(route);
			const module = m ? server.modules.find((x) => x.name === m[1]) : undefined;
			if (m && module?.control) {
				let json: unknown = {};
				const text = body.toString('utf8').trim();
				if (text !== '') {
					try {
						json = JSON.parse(text);
					} catch {
						send(res, 400, { error: 'body must be JSON' });
						return;
					}
				}
				const out = await module.control(m[2], json);
				send(res, out.status, out.payload);
				return;
			}
			send(res, 404, { error: `no control route ${route}` });
		}
	}
}
