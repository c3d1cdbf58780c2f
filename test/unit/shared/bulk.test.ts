/** runBulk: the read-all / group / chunk / send / one-output-per-item loop of every bulk operation. */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { runBulk } from '../../../nodes/shared/batching';
import type { BatchEntry, BulkPlan, BulkReport } from '../../../nodes/shared/batching';
import { SETTLED_BEFORE_FAILURE } from '../../../nodes/shared/refusals';

const node: INode = {
	id: 'node-1',
	name: 'Unitalk',
	type: 'n8n-nodes-dialers.unitalk',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** What the node showed in the browser console (n8n's sendMessageToUI), per context. */
const consoleLines = new WeakMap<IExecuteFunctions, string[]>();

const context = (continueOnFail = false) => {
	const lines: string[] = [];
	const ctx = {
		getNode: () => node,
		continueOnFail: () => continueOnFail,
		sendMessageToUI: (line: string) => lines.push(line),
	} as unknown as IExecuteFunctions;
	consoleLines.set(ctx, lines);
	return ctx;
};

/** What an input item holds: the group it belongs to and its entries (or `bad`: reading it fails). */
interface Item {
	group?: string;
	entries?: string[];
	bad?: boolean;
}

interface Request {
	group: string;
	entries: Array<[number, string]>;
}

/**
 * A plan over `items` that records every read and request. Each entry's outcome is `{ value, request }`
 * (request: its 1-based number); requests listed in `failing` throw. An item's output lists its
 * outcomes as summarise got them.
 */
function recordingPlan(items: Item[], perRequest: number, failing: number[] = []) {
	const log: string[] = [];
	const requests: Request[] = [];
	const plan: BulkPlan<string> = {
		read: (i) => {
			log.push(`read ${i}`);
			const item = items[i];
			if (item.bad)
				throw new NodeOperationError(node, `Item ${i + 1}: "Phone" is bad`, { itemIndex: i });
			return { group: item.group ?? 'g', entries: item.entries ?? [`v${i}`] };
		},
		perRequest,
		send: async (group, batch) => {
			requests.push({ group, entries: batch.map((e) => [e.itemIndex, e.value]) });
			const request = requests.length;
			log.push(`send ${request}`);
			await Promise.resolve();
			if (failing.includes(request)) throw new Error(`request ${request} failed`);
			return batch.map((e) => ({ value: e.value, request }));
		},
		summarise: (outcomes, itemIndex) => ({
			item: itemIndex,
			outcomes: outcomes.map((o) => {
				expect(o.entry.itemIndex).toBe(itemIndex);
				return o.json;
			}),
		}),
	};
	return { plan, log, requests };
}

async function thrownBy(promise: Promise<unknown>): Promise<Error & IDataObject> {
	try {
		await promise;
	} catch (error) {
		return error as Error & IDataObject;
	}
	throw new Error('expected an error, the promise resolved');
}

const simple = (n: number): Item[] => Array.from({ length: n }, () => ({}));

describe('runBulk: reading', () => {
	it('no items: nothing read, nothing sent, no output', async () => {
		const { plan, log } = recordingPlan([], 10);
		expect(await runBulk(context(), 0, plan)).toEqual([]);
		expect(log).toEqual([]);
	});

	it('reads every item before the first request', async () => {
		const { plan, log } = recordingPlan(simple(5), 2);
		await runBulk(context(), 5, plan);
		expect(log).toEqual([
			'read 0',
			'read 1',
			'read 2',
			'read 3',
			'read 4',
			'send 1',
			'send 2',
			'send 3',
		]);
	});

	it('a bad item stops the run before any request, even the last one, and names the item', async () => {
		const items = simple(5);
		items[4].bad = true;
		const { plan, requests } = recordingPlan(items, 2);

		const error = await thrownBy(runBulk(context(false), 5, plan));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Item 5: "Phone" is bad');
		expect((error as unknown as NodeOperationError).context.itemIndex).toBe(4);
		expect(requests).toEqual([]);
	});

	it('an error that is not a node error is wrapped, naming the item', async () => {
		const plan: BulkPlan<string> = {
			read: () => {
				throw new Error('broken');
			},
			perRequest: 1,
			send: jest.fn(),
			summarise: () => ({}),
		};
		const error = await thrownBy(runBulk(context(false), 2, plan));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('broken');
		expect((error as unknown as NodeOperationError).context.itemIndex).toBe(0);
		expect(plan.send).not.toHaveBeenCalled();
	});

	it('with Continue On Fail a bad item becomes an error item and the others are sent', async () => {
		const items = simple(4);
		items[1].bad = true;
		const { plan, requests } = recordingPlan(items, 10);

		const out = await runBulk(context(true), 4, plan);
		expect(requests).toEqual([
			{
				group: 'g',
				entries: [
					[0, 'v0'],
					[2, 'v2'],
					[3, 'v3'],
				],
			},
		]);
		expect(out).toEqual([
			{ json: { item: 0, outcomes: [{ value: 'v0', request: 1 }] }, pairedItem: { item: 0 } },
			{ json: { error: 'Item 2: "Phone" is bad' }, pairedItem: { item: 1 } },
			{ json: { item: 2, outcomes: [{ value: 'v2', request: 1 }] }, pairedItem: { item: 2 } },
			{ json: { item: 3, outcomes: [{ value: 'v3', request: 1 }] }, pairedItem: { item: 3 } },
		]);
	});

	it('checkGroup sees each whole group and can stop the run before any request', async () => {
		const items: Item[] = [{ group: 'a' }, { group: 'b', entries: ['x', 'y'] }, { group: 'a' }];
		const { plan, requests } = recordingPlan(items, 10);
		const seen: Array<[string, Array<BatchEntry<string>>]> = [];
		plan.checkGroup = (group, entries) => {
			seen.push([group, [...entries]]);
			if (group === 'b') throw new Error('group b is too big');
		};

		await expect(runBulk(context(true), 3, plan)).rejects.toThrow('group b is too big');
		expect(seen).toEqual([
			[
				'a',
				[
					{ itemIndex: 0, value: 'v0' },
					{ itemIndex: 2, value: 'v2' },
				],
			],
			[
				'b',
				[
					{ itemIndex: 1, value: 'x' },
					{ itemIndex: 1, value: 'y' },
				],
			],
		]);
		expect(requests).toEqual([]);
	});

	it('an item without entries gives no output item', async () => {
		const { plan } = recordingPlan([{}, { entries: [] }, {}], 10);
		const out = await runBulk(context(), 3, plan);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
	});
});

describe('runBulk: requests', () => {
	it('chunks of at most perRequest in input order, one request at a time', async () => {
		const { plan, requests } = recordingPlan(simple(7), 3);
		let running = 0;
		const send = plan.send;
		plan.send = async (group, batch) => {
			running++;
			expect(running).toBe(1);
			const answer = await send(group, batch);
			running--;
			return answer;
		};

		await runBulk(context(), 7, plan);
		expect(requests.map((r) => r.entries.map(([i]) => i))).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
	});

	it('an item with several entries may span requests and gets all its outcomes', async () => {
		const items: Item[] = [{ entries: ['a', 'b'] }, { entries: ['c', 'd', 'e'] }, {}];
		const { plan, requests } = recordingPlan(items, 2);

		const out = await runBulk(context(), 3, plan);
		expect(requests.map((r) => r.entries.map(([, v]) => v))).toEqual([
			['a', 'b'],
			['c', 'd'],
			['e', 'v2'],
		]);
		expect(out.map((o) => o.json)).toEqual([
			{
				item: 0,
				outcomes: [
					{ value: 'a', request: 1 },
					{ value: 'b', request: 1 },
				],
			},
			{
				item: 1,
				outcomes: [
					{ value: 'c', request: 2 },
					{ value: 'd', request: 2 },
					{ value: 'e', request: 3 },
				],
			},
			{ item: 2, outcomes: [{ value: 'v2', request: 3 }] },
		]);
	});

	it('never mixes groups in a request, and sends one group after the other', async () => {
		const items: Item[] = Array.from({ length: 6 }, (_, i) => ({ group: i % 2 ? 'b' : 'a' }));
		const { plan, requests } = recordingPlan(items, 2);

		const out = await runBulk(context(), 6, plan);
		expect(requests).toEqual([
			{
				group: 'a',
				entries: [
					[0, 'v0'],
					[2, 'v2'],
				],
			},
			{ group: 'a', entries: [[4, 'v4']] },
			{
				group: 'b',
				entries: [
					[1, 'v1'],
					[3, 'v3'],
				],
			},
			{ group: 'b', entries: [[5, 'v5']] },
		]);
		// Output stays in input order, whatever the order of the requests.
		expect(out.map((o) => [o.pairedItem, (o.json.outcomes as IDataObject[])[0].request])).toEqual([
			[{ item: 0 }, 1],
			[{ item: 1 }, 3],
			[{ item: 2 }, 1],
			[{ item: 3 }, 3],
			[{ item: 4 }, 2],
			[{ item: 5 }, 4],
		]);
	});

	it.each([0, 1.5, NaN])('refuses a perRequest of %s before any request', async (size) => {
		const { plan, requests } = recordingPlan(simple(2), size);
		await expect(runBulk(context(), 2, plan)).rejects.toThrow(/Batch size must be a whole number/);
		expect(requests).toEqual([]);
	});

	it('distinct: a repeated key goes into a later request; outcomes stay in the order read', async () => {
		const items: Item[] = [{ entries: ['x'] }, { entries: ['x', 'y'] }, { entries: ['x'] }];
		const { plan, requests } = recordingPlan(items, 3);
		plan.distinct = (value) => value;

		const out = await runBulk(context(), 3, plan);
		expect(requests.map((r) => r.entries)).toEqual([
			[
				[0, 'x'],
				[1, 'y'],
			],
			[[1, 'x']],
			[[2, 'x']],
		]);
		// Item 1's "y" went out first, yet its outcomes come in the order of its entries.
		expect(out[1].json).toEqual({
			item: 1,
			outcomes: [
				{ value: 'x', request: 2 },
				{ value: 'y', request: 1 },
			],
		});
	});

	it('distinct: a repeat fills an earlier request that has room; none holds more than perRequest', async () => {
		const items: Item[] = [{ entries: ['x'] }, { entries: ['x'] }, { entries: ['x', 'y', 'z'] }];
		const { plan, requests } = recordingPlan(items, 2);
		plan.distinct = (value) => value;

		await runBulk(context(), 3, plan);
		expect(requests.map((r) => r.entries)).toEqual([
			[
				[0, 'x'],
				[2, 'y'],
			],
			[
				[1, 'x'],
				[2, 'z'],
			],
			[[2, 'x']],
		]);
	});

	it('a missing answer for an entry becomes an empty outcome', async () => {
		const plan: BulkPlan<string> = {
			read: (i) => ({ group: 'g', entries: [`v${i}`] }),
			perRequest: 2,
			send: async () => [{ ok: true }],
			summarise: (outcomes) => outcomes[0].json,
		};
		expect((await runBulk(context(), 2, plan)).map((o) => o.json)).toEqual([{ ok: true }, {}]);
	});
});

describe('runBulk: a failing request', () => {
	it('stops the run (Continue On Fail off), naming the first item of the request and what was never sent', async () => {
		const { plan, requests } = recordingPlan(simple(5), 2, [1]);

		const error = await thrownBy(runBulk(context(false), 5, plan));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('request 1 failed');
		expect((error as unknown as NodeOperationError).context.itemIndex).toBe(0);
		expect(error.description).toBe(
			"Of the 5 entries of this run: 2 in the failed request, outcome unknown: check them before sending again (items 1-2); 3 never sent (items 3-5). The error's context.bulk lists them, with the provider's answers.",
		);
		expect(requests).toHaveLength(1);
	});

	it('a later failure says how many requests had gone through, after its own description', async () => {
		const { plan, requests } = recordingPlan(simple(5), 2);
		plan.send = async (group, batch) => {
			requests.push({ group, entries: batch.map((e) => [e.itemIndex, e.value]) });
			if (requests.length === 3)
				throw new NodeOperationError(node, 'Unitalk: busy', {
					description: 'Try later.',
					itemIndex: 4,
				});
			return batch.map(() => ({}));
		};

		const error = await thrownBy(runBulk(context(false), 5, plan));
		expect(error.message).toBe('Unitalk: busy');
		expect(error.description).toMatch(
			/^Try later\. 2 earlier request\(s\) of this run had already been carried out\. Of the 5 entries of this run: 4 accepted \(items 1-4\); 1 in the failed request, outcome unknown/,
		);
		expect((error as unknown as NodeOperationError).context.itemIndex).toBe(4);
	});

	it('the plan can word the progress note; it gets the requests and entries gone through', async () => {
		const items: Item[] = [{ entries: ['a', 'b'] }, { entries: ['c'] }, {}];
		const { plan } = recordingPlan(items, 2, [2]);
		plan.progressNote = (requests, entries) => `${entries} entries in ${requests} request(s) done.`;

		const error = await thrownBy(runBulk(context(false), 3, plan));
		expect(error.message).toBe('request 2 failed');
		expect(error.description).toMatch(/^2 entries in 1 request\(s\) done\. Of the 4 entries/);
		expect((error as unknown as NodeOperationError).context.itemIndex).toBe(1);
	});

	it('the error carries every entry by state, split items entry by entry, and the answers so far', async () => {
		// Requests: [0, 1a], [1b, 2], [3, 4]; the second fails with an unknown outcome.
		const items: Item[] = [{}, { entries: ['1a', '1b'] }, {}, { entries: ['3a', '3b'] }];
		const { plan } = recordingPlan(items, 2, [2]);
		plan.noun = 'numbers';

		const error = await thrownBy(runBulk(context(false), 4, plan));
		const report = (error as unknown as NodeOperationError).context.bulk as unknown as BulkReport;
		expect(report).toEqual({
			noun: 'numbers',
			counts: { accepted: 2, refused: 0, requestRefused: 0, notSent: 2, outcomeUnknown: 2 },
			items: {
				accepted: [[1, 1]],
				refused: [],
				requestRefused: [],
				notSent: [[4, 4]],
				outcomeUnknown: [[3, 3]],
			},
			split: [{ item: 2, accepted: ['1a'], outcomeUnknown: ['1b'] }],
			results: [
				{ item: 1, result: { item: 0, outcomes: [{ value: 'v0', request: 1 }] } },
				{ item: 2, result: { item: 1, outcomes: [{ value: '1a', request: 1 }] } },
			],
		});
		expect(error.description).toContain('2 accepted (item 1, part of item 2)');
		expect(error.description).toContain('2 never sent (item 4)');
	});

	it('the state of a failed request follows its error: not sent, refused as a whole, unknown', async () => {
		const failWith = async (requestOutcome: string) => {
			const plan: BulkPlan<string> = {
				read: (i) => ({ group: 'g', entries: [`v${i}`] }),
				perRequest: 1,
				send: async () => {
					const e = new NodeOperationError(node, 'failed');
					e.context.requestOutcome = requestOutcome;
					throw e;
				},
				summarise: (outcomes) => outcomes[0].json,
			};
			const error = await thrownBy(runBulk(context(false), 2, plan));
			return ((error as unknown as NodeOperationError).context.bulk as unknown as BulkReport)
				.counts;
		};
		expect(await failWith('not-sent')).toMatchObject({ notSent: 2, outcomeUnknown: 0 });
		expect(await failWith('refused')).toMatchObject({ requestRefused: 1, notSent: 1 });
		expect(await failWith('unknown')).toMatchObject({ outcomeUnknown: 1, notSent: 1 });
	});

	it('`accepted` tells accepted from refused answers; entries refused before a failure stay refused', async () => {
		const plan: BulkPlan<string> = {
			read: (i) => ({ group: 'g', entries: [`v${i}`, `w${i}`] }),
			perRequest: 2,
			accepted: (o) => o.ok === true,
			send: async (_g, batch) => {
				if (batch[0].itemIndex === 1)
					throw Object.assign(new Error('timeout'), {
						[SETTLED_BEFORE_FAILURE]: [undefined, { ok: false, why: 'bad number' }],
					});
				return [{ ok: true }, { ok: false }];
			},
			summarise: (outcomes) => ({ n: outcomes.length }),
		};
		const error = await thrownBy(runBulk(context(false), 2, plan));
		const report = (error as unknown as NodeOperationError).context.bulk as unknown as BulkReport;
		expect(report.counts).toMatchObject({ accepted: 1, refused: 2, outcomeUnknown: 1 });
		expect(report.split).toEqual([
			{ item: 1, accepted: ['v0'], refused: ['w0'] },
			{ item: 2, refused: ['w1'], outcomeUnknown: ['v1'] },
		]);
	});

	it('with Continue On Fail, items of that request report the failed part; later requests still go', async () => {
		// Requests: [0, 1a], [1b, 2], [3, 4]; the second fails, so item 2 fails and item 1 is split.
		const items: Item[] = [{}, { entries: ['1a', '1b'] }, {}, {}, {}];
		const { plan, requests } = recordingPlan(items, 2, [2]);

		const out = await runBulk(context(true), 5, plan);
		expect(requests).toHaveLength(3);
		expect(out).toEqual([
			{ json: { item: 0, outcomes: [{ value: 'v0', request: 1 }] }, pairedItem: { item: 0 } },
			{
				json: {
					item: 1,
					outcomes: [{ value: '1a', request: 1 }],
					error: 'request 2 failed',
					outcomeUnknown: ['1b'],
				},
				pairedItem: { item: 1 },
			},
			{
				json: { error: 'request 2 failed', outcomeUnknown: ['v2'] },
				pairedItem: { item: 2 },
			},
			{ json: { item: 3, outcomes: [{ value: 'v3', request: 3 }] }, pairedItem: { item: 3 } },
			{ json: { item: 4, outcomes: [{ value: 'v4', request: 3 }] }, pairedItem: { item: 4 } },
		]);
	});

	it('with Continue On Fail, an error item keeps the error description', async () => {
		const plan: BulkPlan<string> = {
			read: (i) => ({ group: 'g', entries: [`v${i}`] }),
			perRequest: 1,
			send: async (_group, [entry]) => {
				if (entry.itemIndex === 0)
					throw new NodeOperationError(node, 'refused', { description: 'Why.' });
				return [{ ok: true }];
			},
			summarise: (outcomes) => outcomes[0].json,
		};
		expect(await runBulk(context(true), 2, plan)).toEqual([
			{
				json: { error: 'refused', errorDescription: 'Why.', outcomeUnknown: ['v0'] },
				pairedItem: { item: 0 },
			},
			{ json: { ok: true }, pairedItem: { item: 1 } },
		]);
	});

	it('requestFailed: with Continue On Fail, the entries of a failed request report what the plan says', async () => {
		const items: Item[] = [{}, { entries: ['1a', '1b'] }, {}];
		const { plan } = recordingPlan(items, 2, [2]);
		plan.requestFailed = (error, batch, state) =>
			batch.map((e) => ({ value: e.value, failed: (error as Error).message, state }));

		const out = await runBulk(context(true), 3, plan);
		expect(out.map((o) => o.json)).toEqual([
			{ item: 0, outcomes: [{ value: 'v0', request: 1 }] },
			{
				item: 1,
				outcomes: [
					{ value: '1a', request: 1 },
					{ value: '1b', failed: 'request 2 failed', state: 'outcomeUnknown' },
				],
			},
			{
				item: 2,
				outcomes: [{ value: 'v2', failed: 'request 2 failed', state: 'outcomeUnknown' }],
			},
		]);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('requestFailed is not used without Continue On Fail', async () => {
		const { plan } = recordingPlan(simple(2), 1, [1]);
		plan.requestFailed = jest.fn(() => []);
		await expect(runBulk(context(false), 2, plan)).rejects.toThrow('request 1 failed');
		expect(plan.requestFailed).not.toHaveBeenCalled();
	});
});

describe('runBulk: progress in the browser console', () => {
	it('says after each answered request how far the run is', async () => {
		const { plan } = recordingPlan(simple(5), 2, [2]);
		plan.noun = 'numbers';
		const ctx = context(true);
		await runBulk(ctx, 5, plan);
		// Request 2 failed: no line for it, and its numbers are not counted.
		expect(consoleLines.get(ctx)).toEqual([
			'Request 1 of 3 answered: 2 of 5 numbers answered so far',
			'Request 3 of 3 answered: 3 of 5 numbers answered so far',
		]);
	});

	it('says nothing for a run of one request', async () => {
		const { plan } = recordingPlan(simple(3), 10);
		const ctx = context();
		await runBulk(ctx, 3, plan);
		expect(consoleLines.get(ctx)).toEqual([]);
	});
});
