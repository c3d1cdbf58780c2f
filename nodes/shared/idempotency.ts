import { createHash, randomUUID } from 'crypto';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Idempotency keys for providers that refuse a second request with the same caller-made ID (a task
 * ID, an order ID). The key is derived from the execution, the node and what the request is about,
 * so that every repeat of the same work gives the same key: our own retry of an unanswered request,
 * and n8n's "Retry On Fail", which runs the node again in the same execution with the same items.
 * Different work in the same execution (a loop feeding other items through the node) gives other
 * keys, because the parts name the work (an item's phone number, say), not only its position.
 *
 * A provider uses it as `derivedKey(this, 'order', itemIndex, phone)`: UUID-shaped, which is what
 * providers asking for a "unique ID, UUID recommended" accept.
 */
export function derivedKey(ctx: IExecuteFunctions, ...parts: unknown[]): string {
	const executionId = executionIdOf(ctx);
	const node = ctx.getNode();
	return uuidFromText(JSON.stringify([executionId, node.id ?? node.name, ...parts]));
}

/** A UUID-shaped text (8-4-4-4-12 hex, version 5 style bits) that depends only on `text`. */
export function uuidFromText(text: string): string {
	const hex = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32).split('');
	hex[12] = '5';
	hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	const h = hex.join('');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The execution ID, or one random ID per node run when n8n gives none (then a repeat in the same run
 * still gets the same keys, but a later run does not).
 */
const fallbackIds = new WeakMap<object, string>();
function executionIdOf(ctx: IExecuteFunctions): string {
	const id = ctx.getExecutionId?.();
	if (id) return id;
	let fallback = fallbackIds.get(ctx);
	if (!fallback) fallbackIds.set(ctx, (fallback = randomUUID()));
	return fallback;
}
