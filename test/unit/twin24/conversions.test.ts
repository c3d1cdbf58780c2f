/**
 * The two conversions of Twin24 task creation at their edges: call intensity in plain words to the
 * documented `cps` formula (1 + N/100, 1 - N/100) and back, and HH:mm call windows to seconds since
 * midnight (0...86399).
 */
import { callWindowSeconds, clockToSeconds, secondsToClock } from '../../../nodes/shared/clock';
import { describeCps, fromCps, toCps } from '../../../nodes/Twin24/actions/intensity';

const cpsOf = (r: ReturnType<typeof toCps>) => {
	if (!r.ok) throw new Error(`expected a CPS, got: ${r.problem}`);
	return r.cps;
};
const problemOf = (r: ReturnType<typeof toCps>) => {
	if (r.ok) throw new Error(`expected a problem, got CPS ${r.cps}`);
	return r.problem;
};

describe('Call intensity → CPS (documented formula)', () => {
	it('gives the documentation examples: 3 calls per second = 1.03, one call every 60 s = 0.4', () => {
		expect(cpsOf(toCps('callsPerSecond', 3))).toBe(1.03);
		expect(cpsOf(toCps('oneCallEvery', 60))).toBe(0.4);
	});

	it.each([
		['callsPerSecond', 1, 1.01],
		['callsPerSecond', 99, 1.99],
		['oneCallEvery', 1, 0.99],
		['oneCallEvery', 99, 0.01],
		['callsPerSecond', 7, 1.07], // 1 + 7/100 is 1.0699999... in floating point
		['oneCallEvery', 3, 0.97],
	] as const)('%s %d → %d', (mode, n, cps) => {
		expect(cpsOf(toCps(mode, n))).toBe(cps);
	});

	it.each([
		['callsPerSecond', 0],
		['callsPerSecond', 100],
		['oneCallEvery', 0],
		['oneCallEvery', 100],
		['callsPerSecond', 2.5],
		['oneCallEvery', -3],
		['callsPerSecond', NaN],
	] as const)('refuses %s %d (outside 1...99 whole numbers)', (mode, n) => {
		expect(problemOf(toCps(mode, n))).toMatch(/whole number from 1 to 99/);
	});

	it.each([1.01, 1.03, 1.99, 0.99, 0.4, 0.01])('accepts the raw CPS %d', (cps) => {
		expect(cpsOf(fromCps(cps))).toBe(cps);
	});

	it.each([1, 2, 0, -0.5, 1.005, 0.999, 2.01, NaN, Infinity])(
		'refuses the raw CPS %d as outside the formula',
		(cps) => {
			expect(problemOf(fromCps(cps))).toMatch(/must follow the Twin24 formula/);
		},
	);

	it('says a CPS back in words', () => {
		expect(describeCps(1.03)).toBe('3 calls per second');
		expect(describeCps(1.01)).toBe('1 call per second');
		expect(describeCps(0.4)).toBe('one call every 60 seconds');
		expect(describeCps(0.99)).toBe('one call every second');
		const fromWords = toCps('oneCallEvery', 45);
		expect(fromWords.ok && fromWords.words).toBe('one call every 45 seconds');
	});
});

describe('Call window HH:mm → seconds since midnight', () => {
	it.each([
		['00:00', 0],
		['0:00', 0],
		['09:00', 32_400],
		['9:30', 34_200],
		['23:59', 86_340],
		['23:59:59', 86_399],
		['24:00', 86_400],
	])('%s = %d s', (text, seconds) => {
		expect(clockToSeconds(text)).toBe(seconds);
	});

	it.each(['24:01', '25:00', '12:60', '9', '9h30', '', '12:5', '-1:00', '12:00:60'])(
		'"%s" is not a time',
		(text) => {
			expect(clockToSeconds(text)).toBeUndefined();
		},
	);

	it('whole day: 00:00 to 24:00 becomes 0 to 86399, the documented range', () => {
		expect(callWindowSeconds('00:00', '24:00')).toEqual({ ok: true, from: 0, to: 86_399 });
	});

	it('09:00 to 21:00', () => {
		expect(callWindowSeconds('09:00', '21:00')).toEqual({ ok: true, from: 32_400, to: 75_600 });
	});

	it('one minute is enough; an empty or reversed window is refused on "to"', () => {
		expect(callWindowSeconds('10:00', '10:01')).toEqual({ ok: true, from: 36_000, to: 36_060 });
		expect(callWindowSeconds('10:00', '10:00')).toMatchObject({ ok: false, field: 'to' });
		expect(callWindowSeconds('21:00', '09:00')).toMatchObject({ ok: false, field: 'to' });
	});

	it('24:00 cannot start a window; a bad "from" is named as "from"', () => {
		expect(callWindowSeconds('24:00', '24:00')).toMatchObject({ ok: false, field: 'from' });
		expect(callWindowSeconds('9am', '21:00')).toMatchObject({ ok: false, field: 'from' });
		expect(callWindowSeconds('09:00', 'late')).toMatchObject({ ok: false, field: 'to' });
	});

	it('seconds back to HH:mm', () => {
		expect(secondsToClock(0)).toBe('00:00');
		expect(secondsToClock(75_600)).toBe('21:00');
		expect(secondsToClock(86_399)).toBe('23:59');
	});
});
