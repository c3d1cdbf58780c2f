/**
 * /calls/hangup – "Call termination": ends an active call by `id` (from webhooks) or by internal /
 * external line `number`. Success `{"status":"Success","message":"Found: <n>"}` with the number of
 * calls ended (the doc shows "Found: 1"; sandbox choice: nothing active matching answers "Found: 0").
 * Error "Empty request" when neither is given. When both are given the id is used (sandbox choice).
 * A number matches the subscriber's number, the internal line, a prompter line or the external line.
 */
import { failure, success, type EndpointHandler } from '../handler';
import { given } from './common';

export const hangup: EndpointHandler = (ctx, params) => {
	const calls = ctx.state.calls;
	let found = calls.activeCalls();
	if (given(params.id)) {
		const id = Number(params.id);
		found = found.filter((c) => c.id === id);
	} else if (given(params.number)) {
		const number = String(params.number).trim();
		const digits = number.replace(/\D/g, '');
		found = found.filter(
			(c) =>
				c.sip === number ||
				c.prompters.includes(number) ||
				(digits !== '' && (c.phone === digits || c.outerLine === digits)),
		);
	} else {
		return failure('Empty request');
	}
	for (const call of found) calls.endCall(call);
	return success({ message: `Found: ${found.length}` });
};
