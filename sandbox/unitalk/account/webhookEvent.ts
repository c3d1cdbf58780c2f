/**
 * /tracking/webhook/event – "Incoming webhooks": the links generated on the API page,
 *   POST .../tracking/webhook/event?token=...&action=AUTODIAL_ADD&id=20461&name=&note=&link=&phones=
 * with action AUTODIAL_ADD (phones, name <= 100, note <= 500, link <= 500) or AUTODIAL_REMOVE (phones).
 * Success: `{"status":"Success"}`. Errors (doc, in this order): "Token not found", "Action not found",
 * "Id is null", "Autodial not found", "Empty phones", "Phones not found" (no valid number in the
 * list), "Phones not added" (AUTODIAL_ADD added nothing: all already there), "Calls not found"
 * (AUTODIAL_REMOVE removed nothing).
 *
 * Where it lives: the real links are at https://api.unitalk.cloud:8443/tracking/webhook/event, beside
 * the API rather than below /api. The sandbox serves it below the Unitalk prefix,
 * `${baseUrls.unitalk}/tracking/webhook/event`. As the doc says, the token alone authenticates it: the
 * router does not ask for the API key there. The doc is silent on whether links count against the
 * key's request limits: the sandbox does not count them (a request without a key is not limited). Sandbox choices: an action other than the two answers "Action
 * not found"; phones are split on commas, everything but digits dropped, 7-15 digits valid (the rule
 * of numberStore.ts); name / note / link longer than the doc's maximum are cut to it.
 */
import type { AutodialNumber } from '../state';
import { failure, success, type EndpointHandler } from '../handler';
import {
	appendNumbers,
	cleanPhone,
	findNumber,
	removeNumbersWhere,
	wakeOnNumbers,
} from '../autodial/numberStore';
import { webhookEventSchema } from './schemas';

export const WEBHOOK_ERRORS = {
	token: 'Token not found',
	action: 'Action not found',
	id: 'Id is null',
	autodial: 'Autodial not found',
	empty: 'Empty phones',
	noValid: 'Phones not found',
	notAdded: 'Phones not added',
	notRemoved: 'Calls not found',
} as const;

const cut = (v: string | null | undefined, max: number) => (v ? v.slice(0, max) : null);

export const webhookEvent: EndpointHandler = (ctx, params) => {
	const parsed = webhookEventSchema.safeParse(params);
	const p = parsed.success ? parsed.data : {};
	const action = p.action ?? undefined;
	const fail = (message: string) => ({ ...failure(message), operation: action });
	if (!p.token || !ctx.state.account.webhookTokens.has(p.token)) return fail(WEBHOOK_ERRORS.token);
	if (action !== 'AUTODIAL_ADD' && action !== 'AUTODIAL_REMOVE') return fail(WEBHOOK_ERRORS.action);
	if (!p.id) return fail(WEBHOOK_ERRORS.id);
	const autodialer = /^\d+$/.test(p.id) ? ctx.state.autodialers.get(Number(p.id)) : undefined;
	if (!autodialer) return fail(WEBHOOK_ERRORS.autodial);
	const raw = (p.phones ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	if (raw.length === 0) return fail(WEBHOOK_ERRORS.empty);
	const phones = [
		...new Set(raw.map((r) => cleanPhone(ctx.state, r)).filter((x): x is string => !!x)),
	];
	if (phones.length === 0) return fail(WEBHOOK_ERRORS.noValid);
	const now = ctx.clock();
	if (action === 'AUTODIAL_ADD') {
		const fresh = phones.filter((phone) => !findNumber(autodialer, phone));
		if (fresh.length === 0) return fail(WEBHOOK_ERRORS.notAdded);
		appendNumbers(
			autodialer,
			fresh.map(
				(phone): AutodialNumber => ({
					phone,
					state: 'NEW',
					stateDateTime: null,
					calledCount: 0,
					realCalledCount: 0,
					highPriority: false,
					name: cut(p.name, 100),
					note: cut(p.note, 500),
					link: cut(p.link, 500),
					params: null,
					audios: null,
				}),
			),
		);
		wakeOnNumbers(autodialer, now);
		return { ...success(), operation: action };
	}
	const wanted = new Set(phones);
	const removed = removeNumbersWhere(autodialer, (n) => wanted.has(n.phone));
	if (removed === 0) return fail(WEBHOOK_ERRORS.notRemoved);
	return { ...success(), operation: action };
};
