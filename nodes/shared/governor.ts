import { sleep } from 'n8n-workflow';

/**
 * Per-credential request governor: a sliding-window rate limit plus a concurrency cap.
 *
 * A request counts against a window from the moment it starts until `perMs` after it ended. The
 * provider stamps its arrival somewhere in between, and how long it travelled is unknown (a busy
 * event loop, a slow upload), so its end is the only time by which it surely arrived: counted this
 * way, no `max + 1` requests can ever arrive within `perMs`, however late each one is delivered.
 *
 * The state lives at module level on purpose: n8n loads this file once per process, so every
 * execution of every workflow that uses the same credential waits in the same queue. That is what
 * keeps four workflows adding numbers at once inside the provider's limit. It is not shared across
 * n8n processes: in queue mode each process gets its share of the limits from the credential
 * (processShare.ts), passed as the `limits` of `acquire` / `run`.
 */

export interface RateWindow {
	/** Most requests the provider may receive within `perMs`. */
	max: number;
	perMs: number;
}

export interface GovernorLimits {
	windows: RateWindow[];
	/** Most requests in flight at once. */
	concurrency: number;
	/** Added to every window when counting, for the provider's clock and its rounding. */
	safetyMarginMs?: number;
}

export type Release = () => void;

interface Waiter {
	grant: (release: Release) => void;
}

interface KeyState {
	/** The limits of the latest request for this key (a changed credential takes effect at once). */
	limits: GovernorLimits;
	/** When the requests that still count ended, oldest first. */
	ends: number[];
	inFlight: number;
	queue: Waiter[];
	pumping: boolean;
	wakeOnRelease?: () => void;
}

export interface GovernorClock {
	now: () => number;
	sleep: (ms: number) => Promise<void>;
}

const realClock: GovernorClock = { now: () => Date.now(), sleep };

export class Governor {
	private readonly states = new Map<string, KeyState>();

	/** `limits` apply to every key whose requests bring no limits of their own. */
	constructor(
		private readonly limits: GovernorLimits,
		private readonly clock: GovernorClock = realClock,
	) {
		assertValidLimits(limits);
	}

	/**
	 * Waits for a slot for `key` (first come, first served) and returns the function that frees it.
	 * `limits` replace the key's limits from now on, for the requests already waiting too.
	 */
	async acquire(key: string, limits: GovernorLimits = this.limits): Promise<Release> {
		assertValidLimits(limits);
		const state = this.stateFor(key, limits);
		state.limits = limits;
		const granted = new Promise<Release>((grant) => state.queue.push({ grant }));
		void this.pump(state);
		return await granted;
	}

	/** Runs `task` inside a slot for `key`. */
	async run<T>(key: string, task: () => Promise<T>, limits?: GovernorLimits): Promise<T> {
		const release = await this.acquire(key, limits);
		try {
			return await task();
		} finally {
			release();
		}
	}

	/**
	 * For tests and benchmarks: `recentStarts` is how many requests count against the longest window
	 * (in flight, or ended within it).
	 */
	inspect(key: string): {
		inFlight: number;
		queued: number;
		recentStarts: number;
	} {
		const s = this.states.get(key);
		return {
			inFlight: s?.inFlight ?? 0,
			queued: s?.queue.length ?? 0,
			recentStarts: s ? s.ends.length + s.inFlight : 0,
		};
	}

	private stateFor(key: string, limits: GovernorLimits): KeyState {
		let state = this.states.get(key);
		if (!state) {
			state = { limits, ends: [], inFlight: 0, queue: [], pumping: false };
			this.states.set(key, state);
		}
		return state;
	}

	/** One pump per key hands out slots in order, sleeping only as long as the limits require. */
	private async pump(state: KeyState): Promise<void> {
		if (state.pumping) return;
		state.pumping = true;
		try {
			while (state.queue.length > 0) {
				const wait = this.windowWait(state);
				if (state.inFlight >= state.limits.concurrency || wait === 'release') {
					await new Promise<void>((resolve) => (state.wakeOnRelease = resolve));
					continue;
				}
				if (wait > 0) {
					await this.clock.sleep(wait);
					continue;
				}
				state.inFlight++;
				const waiter = state.queue.shift() as Waiter;
				waiter.grant(this.releaseFor(state));
			}
		} finally {
			state.pumping = false;
		}
	}

	private releaseFor(state: KeyState): Release {
		let released = false;
		return () => {
			if (released) return;
			released = true;
			state.inFlight--;
			state.ends.push(this.clock.now());
			const wake = state.wakeOnRelease;
			state.wakeOnRelease = undefined;
			wake?.();
		};
	}

	/**
	 * How long until one more request fits in every window: 0 when it fits now, 'release' when the
	 * requests in flight fill a window by themselves (only one of them ending makes room).
	 */
	private windowWait(state: KeyState): number | 'release' {
		const now = this.clock.now();
		const { windows, safetyMarginMs: margin = 0 } = state.limits;
		const longest = Math.max(0, ...windows.map((w) => w.perMs + margin));
		while (state.ends.length > 0 && state.ends[0] <= now - longest) state.ends.shift();

		let wait = 0;
		for (const w of windows) {
			const span = w.perMs + margin;
			const endedInWindow = state.ends.filter((t) => t > now - span);
			const counted = endedInWindow.length + state.inFlight;
			if (counted < w.max) continue;
			if (state.inFlight >= w.max) return 'release';
			// The last of the ended requests that have to leave the window before one more may start.
			const blocking = endedInWindow[counted - w.max];
			wait = Math.max(wait, blocking + span - now + 1);
		}
		return wait;
	}
}

function assertValidLimits(limits: GovernorLimits): void {
	if (limits.concurrency < 1) throw new Error('Governor concurrency must be at least 1');
	for (const w of limits.windows) {
		if (w.max < 1 || w.perMs <= 0) throw new Error('Governor windows need max >= 1 and perMs > 0');
	}
}

const sharedGovernors = new Map<string, Governor>();

/**
 * The one process-wide governor for a provider (created on first use with that provider's limits;
 * requests pass their process's share of them to `run`).
 */
export function sharedGovernor(provider: string, limits: GovernorLimits): Governor {
	let governor = sharedGovernors.get(provider);
	if (!governor) {
		governor = new Governor(limits);
		sharedGovernors.set(provider, governor);
	}
	return governor;
}
