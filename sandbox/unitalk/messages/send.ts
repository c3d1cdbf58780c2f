/**
 * /message/send – one SMS or Viber message ("Message sending"). JSON body
 * `{messageType, alfaName?, to, text}`; success `{"status":"Success","data":<message id>}` (the doc:
 * "Message identifier returned in data"). Errors in the doc's order: "Message service not connected",
 * "Validation error" (cause in `data`, a sandbox choice), "Service response" for a number the service
 * refuses (test knob `refuseNumber`, reason in `data`).
 */
import { failure, success, type EndpointHandler } from '../handler';
import { messaging, normalizePhone, textProblem } from './common';
import { sendSchema } from './schemas';

export const messageSend: EndpointHandler = (ctx, params) => {
	const state = messaging(ctx);
	if (!state.serviceConnected) return failure('Message service not connected');
	const cause = textProblem(params.messageType, params.text);
	if (cause) return failure('Validation error', cause);
	const p = sendSchema.safeParse(params);
	const to = p.success ? normalizePhone(p.data.to) : undefined;
	if (!p.success || !to) return failure('Validation error', "Wrong recipient's phone number");
	const refused = state.refusedNumbers.get(to);
	if (refused) return failure('Service response', refused);
	const message = state.addMessage({
		messageType: p.data.messageType,
		to,
		text: p.data.text,
		alfaName: p.data.alfaName ?? null,
		via: 'send',
		status: 'SENT',
		errorText: null,
	});
	return success({ data: message.id });
};
