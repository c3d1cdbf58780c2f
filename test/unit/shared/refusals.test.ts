/**
 * nodes/shared/refusals.ts: send, take back the refused entries, send the rest. `send` here is a
 * scripted provider: it refuses the entries it is told to, once each, the way a provider answers
 * "these numbers are wrong" without acting on the request.
 */
import type { IDataObject } from 'n8n-workflow';

import type { BatchEntry } from '../../../nodes/shared/batching';
import {
	phonesNamedIn,
	sendTakingBackRefused,
	settledOutcomes,
} from '../../../nodes/shared/refusals';

class Refusal extends Error {
	constructor(readonly phones: string[]) {
		super('Wrong numbers');
	}
}

const entries = (...phones: string[]): Array<BatchEntry<string>> =>
	phones.map((value, itemIndex) => ({ itemIndex, value }));

function provider(bad: Set<string>, failOnRequest?: number) {
	const requests: string[][] = [];
	return {
		requests,
		spec: {
			keyOf: (v: string) => v,
			send: async (pending: Array<BatchEntry<string>>): Promise<IDataObject> => {
				const phones = pending.map((e) => e.value);
				requests.push(phones);
				if (requests.length === failOnRequest) throw new Error('socket hang up');
				const refused = phones.filter((p) => bad.has(p));
				if (refused.length) throw new Refusal(refused);
				return { requestNumber: requests.length };
			},
			refused: (error: unknown) =>
				new Map(
					error instanceof Refusal ? error.phones.map((p) => [p, 'not accepted'] as const) : [],
				),
			accepted: (entry: BatchEntry<string>, answer: IDataObject) => ({
				phone: entry.value,
				status: 'added',
				...answer,
			}),
			rejected: (entry: BatchEntry<string>, reason: string) => ({
				phone: entry.value,
				status: 'rejected',
				reason,
			}),
		},
	};
}

describe('sendTakingBackRefused', () => {
	it('marks refused entries rejected and sends the rest again, outcomes in batch order', async () => {
		const p = provider(new Set(['2', '4']));
		const outcomes = await sendTakingBackRefused(entries('1', '2', '3', '4'), p.spec);
		expect(p.requests).toEqual([
			['1', '2', '3', '4'],
			['1', '3'],
		]);
		expect(outcomes).toEqual([
			{ phone: '1', status: 'added', requestNumber: 2 },
			{ phone: '2', status: 'rejected', reason: 'not accepted' },
			{ phone: '3', status: 'added', requestNumber: 2 },
			{ phone: '4', status: 'rejected', reason: 'not accepted' },
		]);
	});

	it('sends nothing more when every entry is refused', async () => {
		const p = provider(new Set(['1', '2']));
		const outcomes = await sendTakingBackRefused(entries('1', '2'), p.spec);
		expect(p.requests).toHaveLength(1);
		expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
	});

	it('an error naming no pending entry is thrown, carrying what was refused before it', async () => {
		const p = provider(new Set(['2']), 2);
		const error = await sendTakingBackRefused(entries('1', '2', '3'), p.spec).catch((e) => e);
		expect((error as Error).message).toBe('socket hang up');
		expect(settledOutcomes(error)).toEqual([
			undefined,
			{ phone: '2', status: 'rejected', reason: 'not accepted' },
			undefined,
		]);
		// A first request that fails outright carries nothing.
		const q = provider(new Set(), 1);
		expect(settledOutcomes(await sendTakingBackRefused(entries('1'), q.spec).catch((e) => e))).toBe(
			undefined,
		);
	});

	it('`settle` ends the loop without a failure (e.g. "all already there")', async () => {
		const p = provider(new Set(['1']));
		const outcomes = await sendTakingBackRefused(entries('1', '2'), {
			...p.spec,
			settle: (_error, pending) =>
				pending.map((e) => ({ phone: e.value, status: 'alreadyPresent' })),
		});
		expect(outcomes).toEqual([
			{ phone: '1', status: 'alreadyPresent' },
			{ phone: '2', status: 'alreadyPresent' },
		]);
	});
});

describe('phonesNamedIn', () => {
	it('reads strings, numbers and objects as digits, with the provider reason when it gives one', () => {
		const refused = phonesNamedIn(
			[
				'+0441234567',
				123,
				{ phone: '380-1', error: 'too short' },
				{ number: '5', reason: 'r' },
				null,
			],
			(why) => why ?? 'not accepted',
		);
		expect([...refused]).toEqual([
			['0441234567', 'not accepted'],
			['123', 'not accepted'],
			['3801', 'too short'],
			['5', 'r'],
		]);
		expect(phonesNamedIn(undefined, () => 'x').size).toBe(0);
	});
});
