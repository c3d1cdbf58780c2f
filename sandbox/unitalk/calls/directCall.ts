/**
 * /phones/directCall – "Direct SIP call -> GSM". Form body (application/x-www-form-urlencoded) or URL
 * parameters: `sip` (internal line), `number` (international), `meta` (≤ 1000 characters, may be null).
 * Success `{"status":"Success","message":"Called"}`; errors, in the doc's order: "Sip not found",
 * "Sip not ready" (line offline or busy), "Wrong phone", "Meta info is too big".
 * Sandbox choice: the internal line is busy while the call lasts (until /calls/hangup).
 */
import { failure, success, type EndpointHandler } from '../handler';
import { META_MAX_CHARS, cleanPhone, given } from './common';

export const directCall: EndpointHandler = (ctx, params) => {
	const calls = ctx.state.calls;
	const sip = given(params.sip) ? String(params.sip).trim() : '';
	const line = calls.innerPhones.get(sip);
	if (!line) return failure('Sip not found');
	if (line.status !== 'online') return failure('Sip not ready');
	const phone = cleanPhone(params.number);
	if (!phone) return failure('Wrong phone');
	const meta = given(params.meta) ? String(params.meta) : null;
	if (meta !== null && meta.length > META_MAX_CHARS) return failure('Meta info is too big');
	calls.startCall({ kind: 'DIRECT', phone, sip, meta, separateRecords: false });
	return success({ message: 'Called' });
};
