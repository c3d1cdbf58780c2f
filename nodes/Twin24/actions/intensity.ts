import type { INodeProperties } from 'n8n-workflow';

/**
 * Twin24's call intensity `cps`, from the documentation of task creation: "1 + N / 100 for N calls
 * per second (N = 3: CPS = 1.03), or 1 - N / 100 for 1 call every N seconds (N = 60: CPS = 0.4)".
 * N is a whole number from 1 to 99, so a CPS is 0.01...0.99 or 1.01...1.99 in steps of 0.01. The
 * value 1 (N = 0) is outside the formula and refused.
 */

export const MIN_N = 1;
export const MAX_N = 99;

export type IntensityMode = 'callsPerSecond' | 'oneCallEvery' | 'rawCps';

export type Intensity = { ok: true; cps: number; words: string } | { ok: false; problem: string };

/** CPS for a mode and its number. */
export function toCps(mode: IntensityMode, value: number): Intensity {
	if (mode === 'rawCps') return fromCps(value);
	if (!Number.isInteger(value) || value < MIN_N || value > MAX_N)
		return {
			ok: false,
			problem: `must be a whole number from ${MIN_N} to ${MAX_N}, got ${String(value)}`,
		};
	const cps = round2(mode === 'callsPerSecond' ? 1 + value / 100 : 1 - value / 100);
	return { ok: true, cps, words: describeCps(cps) };
}

/** Checks a raw CPS against the formula. */
export function fromCps(cps: number): Intensity {
	const hundredths = Math.round(cps * 100);
	const n = Math.abs(hundredths - 100);
	if (
		typeof cps !== 'number' ||
		!Number.isFinite(cps) ||
		Math.abs(cps * 100 - hundredths) > 1e-6 ||
		n < MIN_N ||
		n > MAX_N
	)
		return {
			ok: false,
			problem: `must follow the Twin24 formula: 1 + N/100 (N calls per second, 1.01 to 1.99) or 1 - N/100 (one call every N seconds, 0.99 to 0.01), got ${String(cps)}`,
		};
	const value = round2(cps);
	return { ok: true, cps: value, words: describeCps(value) };
}

/** "3 calls per second" / "one call every 60 seconds" for a valid CPS. */
export function describeCps(cps: number): string {
	const n = Math.round(Math.abs(cps - 1) * 100);
	if (cps > 1) return n === 1 ? '1 call per second' : `${n} calls per second`;
	return n === 1 ? 'one call every second' : `one call every ${n} seconds`;
}

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

/** The editor fields: the mode, then the number it needs. */
export const intensityFields: INodeProperties[] = [
	{
		displayName: 'Call Intensity',
		name: 'intensityMode',
		type: 'options',
		default: 'callsPerSecond',
		options: [
			{
				name: 'Calls per Second',
				value: 'callsPerSecond',
				description: 'N calls are started every second (CPS = 1 + N/100)',
			},
			{
				name: 'One Call Every N Seconds',
				value: 'oneCallEvery',
				description: 'One call is started every N seconds (CPS = 1 - N/100)',
			},
			{
				name: 'Raw CPS Value',
				value: 'rawCps',
				description: 'The CPS number as Twin24 stores it, for example 1.03',
			},
		],
		description: 'How fast Twin24 starts calls',
	},
	{
		displayName: 'Calls per Second',
		name: 'callsPerSecond',
		type: 'number',
		typeOptions: { minValue: MIN_N, maxValue: MAX_N },
		default: 1,
		displayOptions: { show: { intensityMode: ['callsPerSecond'] } },
		description: 'From 1 to 99. Sent as CPS 1 + N/100: 3 calls per second = CPS 1.03.',
	},
	{
		displayName: 'Seconds Between Calls',
		name: 'secondsBetweenCalls',
		type: 'number',
		typeOptions: { minValue: MIN_N, maxValue: MAX_N },
		default: 10,
		displayOptions: { show: { intensityMode: ['oneCallEvery'] } },
		description: 'From 1 to 99. Sent as CPS 1 - N/100: one call every 60 seconds = CPS 0.40.',
	},
	{
		displayName: 'CPS',
		name: 'cps',
		type: 'number',
		typeOptions: { minValue: 0.01, maxValue: 1.99, numberPrecision: 2 },
		default: 1.01,
		displayOptions: { show: { intensityMode: ['rawCps'] } },
		description:
			'1.01 to 1.99 = 1 to 99 calls per second; 0.99 to 0.01 = one call every 1 to 99 seconds (example: 1.03 = 3 calls per second)',
	},
];
