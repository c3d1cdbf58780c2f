/**
 * /calls/originateC2c – independent "click to call" call: `clientNumber` and `steps`
 * (`{type: GSM|SIP|GROUP, to, awaitingTime: 5..300}`), tried in order.
 * The doc shows neither the answer nor the errors. Sandbox choices: success `{"status":"Success"}`;
 * errors "Wrong phone" (client number, as in the other call methods), "Steps is empty",
 * "Wrong step type", "Wrong awaiting time" (outside 5–300 s), "Wrong step number" (`to` not a valid
 * international number / internal line / department id), "Sip not found", "Group not found",
 * "Limit of Simultaneously calls has reached".
 */
import { z } from 'zod';

import { failure, success, type EndpointHandler } from '../handler';
import { MAX_SIMULTANEOUS_CALLS, type C2cStep } from '../callsState';
import { dictionaryEntries } from '../dictionary';
import { cleanPhone, intLike, text } from './common';

export const C2C_MIN_AWAITING_SECONDS = 5;
export const C2C_MAX_AWAITING_SECONDS = 300;

const stepSchema = z.object({ type: z.string(), to: text, awaitingTime: intLike }).passthrough();

export const originateC2c: EndpointHandler = (ctx, params) => {
	const calls = ctx.state.calls;
	const clientNumber = cleanPhone(params.clientNumber);
	if (!clientNumber) return failure('Wrong phone');
	if (!Array.isArray(params.steps) || params.steps.length === 0) return failure('Steps is empty');
	const steps: C2cStep[] = [];
	for (const raw of params.steps) {
		const p = stepSchema.safeParse(raw);
		if (!p.success) return failure('Wrong step type');
		const { type, to, awaitingTime } = p.data;
		if (type !== 'GSM' && type !== 'SIP' && type !== 'GROUP') return failure('Wrong step type');
		if (awaitingTime < C2C_MIN_AWAITING_SECONDS || awaitingTime > C2C_MAX_AWAITING_SECONDS)
			return failure('Wrong awaiting time');
		const target = to.trim();
		if (type === 'GSM') {
			const phone = cleanPhone(target);
			if (!phone) return failure('Wrong step number');
			steps.push({ type, to: phone, awaitingTime });
		} else if (type === 'SIP') {
			if (!calls.innerPhones.has(target)) return failure('Sip not found');
			steps.push({ type, to: target, awaitingTime });
		} else {
			if (!/^\d+$/.test(target)) return failure('Wrong step number');
			if (!dictionaryEntries(ctx.state, 'PHONE_GROUP')?.[target]) return failure('Group not found');
			steps.push({ type, to: target, awaitingTime });
		}
	}
	if (calls.activeCalls().length >= MAX_SIMULTANEOUS_CALLS)
		return failure('Limit of Simultaneously calls has reached');
	const firstSip = steps.find((s) => s.type === 'SIP')?.to;
	calls.startCall({
		kind: 'C2C',
		phone: clientNumber,
		...(firstSip ? { sip: firstSip } : {}),
		steps,
		separateRecords: false,
	});
	return success();
};
