/**
 * /message/sendBulk – up to 100 messages in one request ("Bulk message sending"): either
 * `{messagesType, recipients: [...], text}` or `{messagesType, messages: {"<phone>": "<text>"}}`
 * (messages wins when both are given). Success: `{"status":"Success","data":{"<phone>":{"id","error"}}}`
 * with an id for every message, sent or not, keyed by the phone as the request gave it.
 * Request errors, in the doc's order, with its strings; per-message errors (sandbox texts): a wrong
 * number, a Viber text over 1000 symbols, a number the service refuses (test knob `refuseNumber`).
 */
import { failure, success, type EndpointHandler } from '../handler';
import { isBlank, MAX_BULK_MESSAGES, messaging, normalizePhone, textProblem } from './common';
import { sendBulkSchema } from './schemas';

export const messageSendBulk: EndpointHandler = (ctx, params) => {
	const state = messaging(ctx);
	if (!state.serviceConnected) return failure('Message service not connected');
	if (params.messagesType !== 'SMS' && params.messagesType !== 'VIBER')
		return failure('messagesType is null');

	let pairs: Array<[string, string]>;
	const messages = params.messages;
	const recipients = params.recipients;
	if (messages !== undefined && messages !== null) {
		if (typeof messages !== 'object' || Array.isArray(messages))
			return failure('Messages not specified');
		const entries = Object.entries(messages as Record<string, unknown>);
		if (entries.length > MAX_BULK_MESSAGES) return failure('Too many messages');
		if (entries.length === 0) return failure('messages is empty');
		if (entries.some(([k]) => k.trim() === '')) return failure('messages contains null key');
		if (entries.some(([, v]) => isBlank(v))) return failure('messages contains null value');
		pairs = entries.map(([k, v]) => [k, String(v)]);
	} else if (recipients !== undefined && recipients !== null) {
		if (!Array.isArray(recipients)) return failure('Messages not specified');
		if (recipients.length > MAX_BULK_MESSAGES) return failure('Too many recipients');
		if (recipients.length === 0) return failure('recipients is empty');
		if (recipients.some((r) => isBlank(r))) return failure('recipients contains null');
		if (isBlank(params.text) || typeof params.text !== 'string')
			return failure('text is null or empty');
		const text = params.text;
		pairs = recipients.map((r) => [String(r), text]);
	} else {
		return failure('Messages not specified');
	}
	const p = sendBulkSchema.safeParse(params);
	if (!p.success) return failure('Messages not specified');
	const messageType = p.data.messagesType;

	const data: Record<string, { id: number; error: string | null }> = {};
	for (const [key, text] of pairs) {
		const to = normalizePhone(key);
		const cause = textProblem(messageType, text);
		const error = !to
			? "Validation error: Wrong recipient's phone number"
			: cause
				? `Validation error: ${cause}`
				: (state.refusedNumbers.get(to) ?? null);
		const message = state.addMessage({
			messageType,
			to: to ?? key,
			text,
			alfaName: null,
			via: 'sendBulk',
			status: error ? 'ERROR' : 'SENT',
			errorText: error,
		});
		data[key] = { id: message.id, error };
	}
	return success({ data });
};
