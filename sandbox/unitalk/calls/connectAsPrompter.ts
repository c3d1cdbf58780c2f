/**
 * /calls/connectAsPrompter – "Calling the prompter": internal line `source` joins the active call of
 * internal line `target` as prompter. Success `{"status":"Success"}`; errors in the doc's order:
 * "Target not found", "Target is not in call", "Source not found", "Source is offline".
 */
import { failure, success, type EndpointHandler } from '../handler';
import { given } from './common';

export const connectAsPrompter: EndpointHandler = (ctx, params) => {
	const calls = ctx.state.calls;
	const target = given(params.target) ? String(params.target).trim() : '';
	if (!calls.innerPhones.has(target)) return failure('Target not found');
	const call = calls.activeCalls().find((c) => c.sip === target);
	if (!call) return failure('Target is not in call');
	const source = given(params.source) ? String(params.source).trim() : '';
	const line = calls.innerPhones.get(source);
	if (!line) return failure('Source not found');
	if (line.status === 'offline') return failure('Source is offline');
	if (!call.prompters.includes(source)) call.prompters.push(source);
	line.status = 'busy';
	return success();
};
