/**
 * Unitalk request limits ("Limits" section of provider-docs/unitalk-api.txt), applied per API key:
 *   · more than 30 requests in 10 seconds – temporary blocking; repeated exceeding – longer blocking
 *   · more than 100 requests in 10 seconds – permanent blocking
 *   · 20 simultaneous calls
 *   · 15 requests per second
 * Every request that presents a key counts (blocked or not: the limits are on "any HTTP requests").
 * A violation is recorded once per breach episode: once per window for the rate rules, once per
 * stretch of over-limit concurrency. The consequences of the per-second and concurrency rules are not
 * documented; by default the offending request is answered 429 without acting.
 */
import type { UnitalkLimits, Violation, ViolationKind } from '../types';

export type Verdict =
	| { kind: 'ok' }
	| { kind: 'temp-blocked'; untilMs: number }
	| { kind: 'perm-blocked' }
	| { kind: 'too-many-concurrent'; inFlight: number }
	| { kind: 'too-fast'; inLastSecond: number };

interface KeyState {
	stamps: number[];
	inFlight: number;
	concurrencyEpisode: boolean;
	tempBlockedUntil: number;
	tempBlocks: number;
	permBlocked: boolean;
	lastViolation: Partial<Record<ViolationKind, number>>;
}

export class UnitalkLimiter {
	private readonly keys = new Map<string, KeyState>();

	constructor(
		private readonly limits: UnitalkLimits,
		private readonly onViolation: (v: Violation) => void,
	) {}

	reset(): void {
		this.keys.clear();
	}

	private stateOf(key: string): KeyState {
		let s = this.keys.get(key);
		if (!s) {
			s = {
				stamps: [],
				inFlight: 0,
				concurrencyEpisode: false,
				tempBlockedUntil: 0,
				tempBlocks: 0,
				permBlocked: false,
				lastViolation: {},
			};
			this.keys.set(key, s);
		}
		return s;
	}

	/** Registers an arriving request; `release` must be called when it is finished. */
	arrive(
		key: string,
		now: number,
		meta: { path: string; seq: number },
	): { verdict: Verdict; release: () => void } {
		const L = this.limits;
		const s = this.stateOf(key);
		s.stamps.push(now);
		while (s.stamps.length && s.stamps[0] <= now - L.windowMs) s.stamps.shift();
		const inWindow = s.stamps.length;
		let inLastSecond = 0;
		for (let i = s.stamps.length - 1; i >= 0 && s.stamps[i] > now - 1000; i--) inLastSecond++;
		s.inFlight += 1;
		let released = false;
		const release = () => {
			if (released) return;
			released = true;
			s.inFlight -= 1;
			if (s.inFlight <= L.maxConcurrent) s.concurrencyEpisode = false;
		};

		const violate = (kind: ViolationKind, count: number, dedupeWindowMs: number): boolean => {
			const last = s.lastViolation[kind];
			if (last !== undefined && last > now - dedupeWindowMs) return false;
			s.lastViolation[kind] = now;
			this.onViolation({
				provider: 'unitalk',
				kind,
				at: now,
				countInWindow: count,
				key,
				path: meta.path,
				requestSeq: meta.seq,
			});
			return true;
		};

		let concurrencyBreach = false;
		if (s.inFlight > L.maxConcurrent) {
			concurrencyBreach = true;
			if (!s.concurrencyEpisode) {
				s.concurrencyEpisode = true;
				violate('concurrency-20', s.inFlight, 0);
			}
		}
		if (inWindow > L.permBlockThreshold && !s.permBlocked) {
			s.permBlocked = true;
			violate('rate-100-per-10s', inWindow, L.windowMs);
		}
		if (inWindow > L.tempBlockThreshold) {
			if (violate('rate-30-per-10s', inWindow, L.windowMs)) {
				const duration = L.tempBlockMs * Math.pow(L.tempBlockEscalation, s.tempBlocks);
				s.tempBlocks += 1;
				s.tempBlockedUntil = Math.max(s.tempBlockedUntil, now + duration);
			}
		}
		const tooFast = inLastSecond > L.perSecond;
		if (tooFast) violate('rate-15-per-second', inLastSecond, 1000);

		let verdict: Verdict = { kind: 'ok' };
		if (s.permBlocked) verdict = { kind: 'perm-blocked' };
		else if (now < s.tempBlockedUntil)
			verdict = { kind: 'temp-blocked', untilMs: s.tempBlockedUntil };
		else if (L.rejectSoftLimitBreaches && concurrencyBreach)
			verdict = { kind: 'too-many-concurrent', inFlight: s.inFlight };
		else if (L.rejectSoftLimitBreaches && tooFast) verdict = { kind: 'too-fast', inLastSecond };
		return { verdict, release };
	}

	snapshot(): unknown {
		return Object.fromEntries(
			[...this.keys.entries()].map(([k, s]) => [
				k,
				{
					inWindow: s.stamps.length,
					inFlight: s.inFlight,
					tempBlockedUntil: s.tempBlockedUntil,
					tempBlocks: s.tempBlocks,
					permBlocked: s.permBlocked,
				},
			]),
		);
	}
}
