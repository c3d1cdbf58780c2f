/**
 * The governor on a virtual clock: `sleep` registers a timer and virtual time only moves when the
 * test's driver fires the earliest timer, after every pending promise has settled. Nothing here
 * waits on the wall clock, and the start times recorded are exactly the governor's own.
 */
import { Governor, sharedGovernor } from '../../../nodes/shared/governor';
import type { GovernorLimits, Release } from '../../../nodes/shared/governor';
import { limitsForProcess } from '../../../nodes/shared/processShare';

class VirtualClock {
	private t: number;

	private timers: Array<{ at: number; seq: number; resolve: () => void }> = [];

	private seq = 0;

	readonly sleeps: number[] = [];

	constructor(start = 1_000_000) {
		this.t = start;
	}

	now = (): number => this.t;

	sleep = async (ms: number): Promise<void> => {
		this.sleeps.push(ms);
		await new Promise<void>((resolve) =>
			this.timers.push({ at: this.t + ms, seq: this.seq++, resolve }),
		);
	};

	pendingTimers(): number {
		return this.timers.length;
	}

	/** Lets every promise that can settle now settle (setImmediate runs after the microtask queue). */
	async settle(): Promise<void> {
		for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => setImmediate(resolve));
	}

	/** Fires timers in time order until `done` says so. Throws when nothing is left to fire. */
	async runUntil(done: () => boolean, maxTimers = 100_000): Promise<void> {
		await this.settle();
		for (let fired = 0; !done(); fired++) {
			if (this.timers.length === 0) throw new Error('deadlock: not done and no timer left to fire');
			if (fired >= maxTimers) throw new Error('too many timers');
			this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
			const next = this.timers.shift() as { at: number; resolve: () => void };
			this.t = Math.max(this.t, next.at);
			next.resolve();
			await this.settle();
		}
	}
}

/** Most starts found in any window [s, s + span) (span exclusive), for sorted start times. */
function mostInAnyWindow(starts: number[], spanMs: number): number {
	let most = 0;
	let first = 0;
	for (let last = 0; last < starts.length; last++) {
		while (starts[last] - starts[first] >= spanMs) first++;
		most = Math.max(most, last - first + 1);
	}
	return most;
}

describe('Governor: rate windows', () => {
	const limits: GovernorLimits = {
		windows: [
			{ max: 30, perMs: 10_000 },
			{ max: 15, perMs: 1_000 },
		],
		concurrency: 20,
		safetyMarginMs: 50,
	};

	/** `n` requests on one key, each holding its slot for `holdMs` of virtual time. */
	async function startTimes(
		governor: Governor,
		clock: VirtualClock,
		n: number,
		holdMs: (i: number) => number,
	) {
		const starts: number[] = [];
		let finished = 0;
		for (let i = 0; i < n; i++) {
			void governor.run('account', async () => {
				starts.push(clock.now());
				const hold = holdMs(i);
				if (hold > 0) await clock.sleep(hold);
				finished++;
			});
		}
		await clock.runUntil(() => finished === n);
		return starts;
	}

	it('200 acquisitions never exceed either window, counted with the safety margin', async () => {
		const clock = new VirtualClock();
		const governor = new Governor(limits, clock);
		const starts = await startTimes(governor, clock, 200, () => 0);
		expect(starts).toHaveLength(200);
		expect(mostInAnyWindow(starts, 10_000 + 50)).toBeLessThanOrEqual(30);
		expect(mostInAnyWindow(starts, 1_000 + 50)).toBeLessThanOrEqual(15);
		// And the starts are in time order (first come, first served).
		expect([...starts].sort((a, b) => a - b)).toEqual(starts);
	});

	it('uses the whole budget: no slower than the limits require', async () => {
		const clock = new VirtualClock();
		const t0 = clock.now();
		const governor = new Governor(limits, clock);
		const starts = await startTimes(governor, clock, 200, () => 0);
		// The windows are saturated: 15 start at once, 15 more one short window later, then the long window.
		expect(starts.filter((t) => t === t0)).toHaveLength(15);
		expect(mostInAnyWindow(starts, 10_000 + 50)).toBe(30);
		expect(mostInAnyWindow(starts, 1_000 + 50)).toBe(15);
		// 200 starts need 6 full long windows after the first batch; allow 1 ms per wait for rounding.
		expect(starts[199] - t0).toBeLessThanOrEqual(7 * (10_000 + 50 + 1));
		expect(starts[199] - t0).toBeGreaterThanOrEqual(6 * (10_000 + 50));
	});

	it('the 31st start waits until the 1st has left the long window (plus margin), not longer', async () => {
		const clock = new VirtualClock();
		const governor = new Governor(limits, clock);
		const starts = await startTimes(governor, clock, 31, () => 0);
		expect(starts[30] - starts[0]).toBeGreaterThan(10_000 + 50);
		expect(starts[30] - starts[0]).toBeLessThanOrEqual(10_000 + 50 + 1);
	});

	it('holds the windows when requests also take time and the concurrency cap binds', async () => {
		const clock = new VirtualClock();
		const governor = new Governor({ ...limits, concurrency: 4 }, clock);
		let inFlight = 0;
		let mostInFlight = 0;
		const starts: number[] = [];
		let finished = 0;
		for (let i = 0; i < 120; i++) {
			void governor.run('account', async () => {
				inFlight++;
				mostInFlight = Math.max(mostInFlight, inFlight);
				starts.push(clock.now());
				await clock.sleep(((i * 7919) % 900) + 10);
				inFlight--;
				finished++;
			});
		}
		await clock.runUntil(() => finished === 120);
		expect(mostInFlight).toBe(4);
		expect(mostInAnyWindow(starts, 10_050)).toBeLessThanOrEqual(30);
		expect(mostInAnyWindow(starts, 1_050)).toBeLessThanOrEqual(15);
	});

	it('without a safety margin the windows are exactly perMs', async () => {
		const clock = new VirtualClock();
		const governor = new Governor({ windows: [{ max: 3, perMs: 1000 }], concurrency: 10 }, clock);
		const starts = await startTimes(governor, clock, 7, () => 0);
		const t0 = starts[0];
		expect(starts.map((t) => t - t0)).toEqual([0, 0, 0, 1001, 1001, 1001, 2002]);
	});

	it('one start exactly at the limit does not wait; the next one does', async () => {
		const clock = new VirtualClock();
		const governor = new Governor({ windows: [{ max: 5, perMs: 1000 }], concurrency: 10 }, clock);
		const five = await startTimes(governor, clock, 5, () => 0);
		expect(new Set(five).size).toBe(1);
		expect(clock.sleeps).toEqual([]);
		const sixth = await startTimes(governor, clock, 1, () => 0);
		expect(sixth[0] - five[0]).toBe(1001);
		expect(clock.sleeps).toEqual([1001]);
	});

	it('a slot freed long ago no longer counts', async () => {
		const clock = new VirtualClock();
		const governor = new Governor({ windows: [{ max: 2, perMs: 1000 }], concurrency: 10 }, clock);
		await startTimes(governor, clock, 2, () => 0);
		expect(governor.inspect('account').recentStarts).toBe(2);
		// Let 5 s pass by holding a request on another key.
		let done = false;
		void governor.run('other', async () => {
			await clock.sleep(5000);
			done = true;
		});
		await clock.runUntil(() => done);
		const sleepsBefore = clock.sleeps.length;
		const later = await startTimes(governor, clock, 2, () => 0);
		expect(later[0]).toBe(later[1]);
		expect(clock.sleeps.length).toBe(sleepsBefore);
	});
});

describe('Governor: requests that take time to arrive', () => {
	/**
	 * Most requests the provider can have received within any `spanMs`, when each one may arrive at
	 * any moment between its start and its end: the worst case of a delivery delay we cannot see.
	 */
	function mostArrivingInAnyWindow(intervals: Array<[number, number]>, spanMs: number): number {
		const candidates = intervals.flatMap(([start, end]) => [end, start - spanMs + 1]);
		let most = 0;
		for (const t of candidates) {
			const hits = intervals.filter(([start, end]) => start < t + spanMs && end >= t).length;
			most = Math.max(most, hits);
		}
		return most;
	}

	it('no arrival order can put more than max requests in a window, however late each arrives', async () => {
		const clock = new VirtualClock();
		const limits: GovernorLimits = {
			windows: [
				{ max: 30, perMs: 10_000 },
				{ max: 15, perMs: 1_000 },
			],
			concurrency: 20,
		};
		const governor = new Governor(limits, clock);
		const intervals: Array<[number, number]> = [];
		let finished = 0;
		for (let i = 0; i < 150; i++) {
			void governor.run('account', async () => {
				const start = clock.now();
				await clock.sleep(((i * 7919) % 3000) + 1); // up to 3 s on the way
				intervals.push([start, clock.now()]);
				finished++;
			});
		}
		await clock.runUntil(() => finished === 150);
		expect(mostArrivingInAnyWindow(intervals, 10_000)).toBeLessThanOrEqual(30);
		expect(mostArrivingInAnyWindow(intervals, 1_000)).toBeLessThanOrEqual(15);
	});

	it('a request in flight holds its place in the window until it ends', async () => {
		const clock = new VirtualClock();
		const governor = new Governor({ windows: [{ max: 2, perMs: 1000 }], concurrency: 10 }, clock);
		const starts: number[] = [];
		let finished = 0;
		for (let i = 0; i < 3; i++) {
			void governor.run('account', async () => {
				starts.push(clock.now());
				if (i < 2) await clock.sleep(i === 0 ? 3000 : 5000); // two slow uploads
				finished++;
			});
		}
		await clock.runUntil(() => finished === 3);
		const t0 = starts[0];
		// Counted from their starts, the third could go at t0 + 1001. Both may still arrive at any
		// moment, so it waits until the first has ended (t0 + 3000) and that end has left the window.
		expect(starts.map((t) => t - t0)).toEqual([0, 0, 4001]);
	});
});

describe('Governor: concurrency', () => {
	const limits: GovernorLimits = { windows: [], concurrency: 3 };

	/** Starts `n` acquisitions; records who got a slot, in order, and keeps their release functions. */
	function acquireAll(governor: Governor, n: number, key = 'k') {
		const granted: number[] = [];
		const releases = new Map<number, Release>();
		for (let i = 0; i < n; i++) {
			void governor.acquire(key).then((release) => {
				granted.push(i);
				releases.set(i, release);
			});
		}
		return { granted, releases };
	}

	it('never more than N in flight; the others wait in the queue', async () => {
		const clock = new VirtualClock();
		const governor = new Governor(limits, clock);
		const { granted } = acquireAll(governor, 10);
		await clock.settle();
		expect(granted).toEqual([0, 1, 2]);
		expect(governor.inspect('k')).toMatchObject({ inFlight: 3, queued: 7 });
	});

	it('a release lets the next one in, first come first served', async () => {
		const clock = new VirtualClock();
		const governor = new Governor(limits, clock);
		const { granted, releases } = acquireAll(governor, 6);
		await clock.settle();
		(releases.get(1) as Release)();
		await clock.settle();
		expect(granted).toEqual([0, 1, 2, 3]);
		(releases.get(0) as Release)();
		(releases.get(3) as Release)();
		await clock.settle();
		expect(granted).toEqual([0, 1, 2, 3, 4, 5]);
		expect(governor.inspect('k').inFlight).toBe(3);
		expect(governor.inspect('k').queued).toBe(0);
	});

	it('releasing twice frees one slot, not two', async () => {
		const clock = new VirtualClock();
		const governor = new Governor(limits, clock);
		const { granted, releases } = acquireAll(governor, 6);
		await clock.settle();
		const release0 = releases.get(0) as Release;
		release0();
		release0();
		release0();
		await clock.settle();
		expect(granted).toEqual([0, 1, 2, 3]);
		expect(governor.inspect('k')).toMatchObject({ inFlight: 3, queued: 2 });
	});

	it('all released: nothing in flight, nothing queued', async () => {
		const clock = new VirtualClock();
		const governor = new Governor({ windows: [], concurrency: 1 }, clock);
		const { granted, releases } = acquireAll(governor, 4);
		for (let i = 0; i < 4; i++) {
			await clock.settle();
			expect(granted).toEqual(Array.from({ length: i + 1 }, (_, j) => j));
			(releases.get(i) as Release)();
		}
		await clock.settle();
		expect(governor.inspect('k')).toMatchObject({ inFlight: 0, queued: 0 });
	});

	it('run() frees the slot when the task fails and passes the error on', async () => {
		const clock = new VirtualClock();
		const governor = new Governor({ windows: [], concurrency: 1 }, clock);
		const failure = governor.run('k', async () => {
			throw new Error('provider said no');
		});
		await expect(failure).rejects.toThrow('provider said no');
		expect(governor.inspect('k').inFlight).toBe(0);
		await expect(governor.run('k', async () => 'next')).resolves.toBe('next');
	});

	it('run() returns what the task returns', async () => {
		const governor = new Governor({ windows: [], concurrency: 1 }, new VirtualClock());
		await expect(governor.run('k', async () => ({ ok: 1 }))).resolves.toEqual({ ok: 1 });
	});
});

describe('Governor: keys', () => {
	it('separate keys do not block each other (concurrency)', async () => {
		const clock = new VirtualClock();
		const governor = new Governor({ windows: [], concurrency: 1 }, clock);
		const order: string[] = [];
		void governor.acquire('a').then(() => order.push('a1'));
		void governor.acquire('a').then(() => order.push('a2'));
		void governor.acquire('b').then(() => order.push('b1'));
		await clock.settle();
		expect(order).toEqual(['a1', 'b1']);
		expect(governor.inspect('a')).toMatchObject({ inFlight: 1, queued: 1 });
		expect(governor.inspect('b')).toMatchObject({ inFlight: 1, queued: 0 });
	});

	it('separate keys do not block each other (rate window)', async () => {
		const clock = new VirtualClock();
		const t0 = clock.now();
		const governor = new Governor({ windows: [{ max: 2, perMs: 10_000 }], concurrency: 10 }, clock);
		const startedAt: Record<string, number> = {};
		for (const name of ['a1', 'a2', 'a3'])
			void governor.run('a', async () => void (startedAt[name] = clock.now()));
		await clock.settle();
		expect(startedAt.a3).toBeUndefined(); // key a is waiting for its window
		for (const name of ['b1', 'b2'])
			void governor.run('b', async () => void (startedAt[name] = clock.now()));
		await clock.settle();
		expect(startedAt.b1).toBe(t0);
		expect(startedAt.b2).toBe(t0);
		await clock.runUntil(() => startedAt.a3 !== undefined);
		expect(startedAt.a3).toBe(t0 + 10_001);
	});

	it('inspect on an unknown key is all zeros', () => {
		expect(new Governor({ windows: [], concurrency: 1 }).inspect('nobody')).toEqual({
			inFlight: 0,
			queued: 0,
			recentStarts: 0,
		});
	});
});

describe('Governor: construction', () => {
	it.each([
		[{ windows: [], concurrency: 0 }, 'Governor concurrency must be at least 1'],
		[
			{ windows: [{ max: 0, perMs: 1000 }], concurrency: 1 },
			'Governor windows need max >= 1 and perMs > 0',
		],
		[
			{ windows: [{ max: 1, perMs: 0 }], concurrency: 1 },
			'Governor windows need max >= 1 and perMs > 0',
		],
	])('refuses %j', (limits, message) => {
		expect(() => new Governor(limits)).toThrow(message);
	});
});

describe('sharedGovernor', () => {
	const limits: GovernorLimits = { windows: [{ max: 15, perMs: 1000 }], concurrency: 20 };

	it('returns the same instance for the same provider name', () => {
		const a = sharedGovernor('unit-test-provider-x', limits);
		const b = sharedGovernor('unit-test-provider-x', { windows: [], concurrency: 1 });
		expect(a).toBeInstanceOf(Governor);
		expect(b).toBe(a);
	});

	it('returns different instances for different providers', () => {
		expect(sharedGovernor('unit-test-provider-y', limits)).not.toBe(
			sharedGovernor('unit-test-provider-z', limits),
		);
	});

	it('the shared instance really is shared: a slot taken through one reference is seen through the other', async () => {
		const first = sharedGovernor('unit-test-provider-w', { windows: [], concurrency: 1 });
		const release = await first.acquire('acct');
		expect(sharedGovernor('unit-test-provider-w', limits).inspect('acct').inFlight).toBe(1);
		release();
		expect(sharedGovernor('unit-test-provider-w', limits).inspect('acct').inFlight).toBe(0);
	});
});

describe('Governor: n8n processes sharing one key (queue mode)', () => {
	// The provider's figures for the key, as a provider profile declares them.
	const keyLimits: GovernorLimits = {
		windows: [
			{ max: 30, perMs: 10_000 },
			{ max: 15, perMs: 1_000 },
		],
		concurrency: 20,
		safetyMarginMs: 50,
	};

	/**
	 * `processes` governors (one per n8n process, nothing shared between them) on one clock, each
	 * sending `perProcess` requests on the same key with the limits `share` gives it. Returns every
	 * start, sorted, and the most requests in flight at once over all processes.
	 */
	async function sharedKeyRun(processes: number, share: number, perProcess: number) {
		const clock = new VirtualClock();
		const limits = limitsForProcess(keyLimits, share);
		const starts: number[] = [];
		let inFlight = 0;
		let mostInFlight = 0;
		let finished = 0;
		for (let p = 0; p < processes; p++) {
			const governor = new Governor(keyLimits, clock);
			for (let i = 0; i < perProcess; i++) {
				void governor.run(
					'the-key',
					async () => {
						starts.push(clock.now());
						mostInFlight = Math.max(mostInFlight, ++inFlight);
						await clock.sleep(3_000); // slow answers: concurrency matters
						inFlight--;
						finished++;
					},
					limits,
				);
			}
		}
		await clock.runUntil(() => finished === processes * perProcess);
		return { starts: starts.sort((a, b) => a - b), mostInFlight };
	}

	it('two processes with share 2 stay inside every limit of the key together', async () => {
		const { starts, mostInFlight } = await sharedKeyRun(2, 2, 100);
		expect(starts).toHaveLength(200);
		expect(mostInAnyWindow(starts, 10_000)).toBeLessThanOrEqual(30);
		expect(mostInAnyWindow(starts, 1_000)).toBeLessThanOrEqual(15);
		expect(mostInFlight).toBeLessThanOrEqual(20);
		// The key's window is used, not wasted: each process sends its full 15 in the first window.
		expect(mostInAnyWindow(starts, 10_000)).toBe(30);
	});

	it('three processes with share 3 stay inside every limit of the key together', async () => {
		const { starts, mostInFlight } = await sharedKeyRun(3, 3, 60);
		expect(mostInAnyWindow(starts, 10_000)).toBeLessThanOrEqual(30);
		expect(mostInAnyWindow(starts, 1_000)).toBeLessThanOrEqual(15);
		expect(mostInFlight).toBeLessThanOrEqual(20);
	});

	it('two processes left at share 1 pass the key limit: the setting is what keeps it', async () => {
		const { starts, mostInFlight } = await sharedKeyRun(2, 1, 100);
		expect(mostInAnyWindow(starts, 10_000)).toBe(60);
		expect(mostInAnyWindow(starts, 1_000)).toBe(30);
		expect(mostInFlight).toBe(30); // 15 each (the per-second window), more than the key's 20
	});

	it('limits passed to run() replace the key limits for the requests already waiting', async () => {
		const clock = new VirtualClock();
		const governor = new Governor(keyLimits, clock);
		const starts: number[] = [];
		let finished = 0;
		const request = (limits?: GovernorLimits) =>
			void governor.run(
				'the-key',
				async () => {
					starts.push(clock.now());
					finished++;
				},
				limits,
			);
		for (let i = 0; i < 40; i++) request();
		// The credential now says two processes share the key: the rest of the queue keeps to 15.
		request(limitsForProcess(keyLimits, 2));
		await clock.runUntil(() => finished === 41);
		expect(mostInAnyWindow(starts.slice(0, 15), 10_000)).toBe(15);
		expect(mostInAnyWindow(starts, 10_000)).toBe(15);
	});

	it('refuses limits below 1 passed to run()', async () => {
		const governor = new Governor(keyLimits);
		await expect(
			governor.run('k', async () => 1, { windows: [{ max: 0, perMs: 1000 }], concurrency: 1 }),
		).rejects.toThrow('max >= 1');
	});
});
