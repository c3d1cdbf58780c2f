/**
 * Control routes of the Unitalk webhook emitter (webhooks.ts), under `${url}/__sandbox/`:
 *   POST   /unitalk/webhooks   {url, method?, headers?, query?, timeoutMs?}  where Unitalk sends its webhooks
 *   GET    /unitalk/webhooks   {config, deliveries}
 *   DELETE /unitalk/webhooks   forget the configuration and the deliveries
 *   POST   /unitalk/emit       {event, payload?, replacePayload?, rawBody?, repeat?, url?, headers?, query?}
 *                              sends one webhook; answers 200 with the delivery (status, responseBody,
 *                              responseJson, answer), 409 when no URL is configured, 400 for a bad request
 */
import type { ServerResponse } from 'node:http';

import type { SandboxServer } from '../server';
import type { UnitalkProvider } from './router';
import { emitSchema, webhookConfigSchema } from './webhooks';

function send(res: ServerResponse, status: number, payload: unknown): void {
	const body = JSON.stringify(payload);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(body),
	});
	res.end(body);
}

function parseJson(body: Buffer): { ok: true; json: unknown } | { ok: false } {
	const text = body.toString('utf8').trim();
	if (text === '') return { ok: true, json: {} };
	try {
		return { ok: true, json: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

/** Handles `route` ("METHOD /path") when it is one of the routes above; false otherwise. */
export async function handleUnitalkWebhookControl(
	server: SandboxServer,
	route: string,
	body: Buffer,
	res: ServerResponse,
): Promise<boolean> {
	if (!/^[A-Z]+ \/unitalk\/(webhooks|emit)$/.test(route)) return false;
	const provider = server.moduleFor('unitalk') as UnitalkProvider | undefined;
	if (!provider?.webhooks) {
		send(res, 404, { error: 'the Unitalk simulator is not running' });
		return true;
	}
	const webhooks = provider.webhooks;
	const [method, path] = route.split(' ');
	if (path === '/unitalk/webhooks' && method === 'GET') {
		send(res, 200, webhooks.snapshot());
		return true;
	}
	if (path === '/unitalk/webhooks' && method === 'DELETE') {
		webhooks.reset();
		send(res, 200, { ok: true });
		return true;
	}
	if (method !== 'POST') {
		send(res, 405, { error: `${method} not allowed on ${path}` });
		return true;
	}
	const parsed = parseJson(body);
	if (!parsed.ok) {
		send(res, 400, { error: 'body must be JSON' });
		return true;
	}
	if (path === '/unitalk/webhooks') {
		const config = webhookConfigSchema.safeParse(parsed.json);
		if (!config.success) {
			send(res, 400, { error: 'invalid webhook configuration', issues: config.error.issues });
			return true;
		}
		send(res, 200, { config: webhooks.configure(config.data) });
		return true;
	}
	const emit = emitSchema.safeParse(parsed.json);
	if (!emit.success) {
		send(res, 400, { error: 'invalid emit request', issues: emit.error.issues });
		return true;
	}
	if (!emit.data.url && !webhooks.config) {
		send(res, 409, { error: 'no webhook URL configured: POST /__sandbox/unitalk/webhooks first' });
		return true;
	}
	const { event, ...opts } = emit.data;
	try {
		send(res, 200, await webhooks.emit(event, opts));
	} catch (err) {
		send(res, 400, { error: err instanceof Error ? err.message : String(err) });
	}
	return true;
}
