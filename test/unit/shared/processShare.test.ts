/**
 * The share arithmetic of queue mode: what one of N n8n processes may send with a key, and the
 * credential field that says N.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { GovernorLimits } from '../../../nodes/shared/governor';
import {
	describeLimits,
	largestSafeShare,
	limitsForProcess,
	PROCESS_SHARE_FIELD,
	processLimits,
	processShareOf,
	processShareProperty,
} from '../../../nodes/shared/processShare';
import { UnitalkApi } from '../../../credentials/UnitalkApi.credentials';
import { UNITALK_LIMITS } from '../../../nodes/Unitalk/transport';

const keyLimits: GovernorLimits = {
	windows: [
		{ max: 30, perMs: 10_000 },
		{ max: 15, perMs: 1_000 },
	],
	concurrency: 20,
	safetyMarginMs: 500,
};

const figures = (l: GovernorLimits) => [...l.windows.map((w) => w.max), l.concurrency];

describe('limitsForProcess', () => {
	it.each([
		[1, [30, 15, 20]],
		[2, [15, 7, 10]],
		[3, [10, 5, 6]],
		[4, [7, 3, 5]],
		[7, [4, 2, 2]],
		[15, [2, 1, 1]],
		[16, [1, 1, 1]],
		[1000, [1, 1, 1]],
	])('share %i: each process gets %j (rounded down, at least 1)', (share, expected) => {
		expect(figures(limitsForProcess(keyLimits, share))).toEqual(expected);
	});

	it('the processes together never pass a limit while the share is at most the safe share', () => {
		for (let share = 1; share <= largestSafeShare(keyLimits); share++) {
			const each = limitsForProcess(keyLimits, share);
			each.windows.forEach((w, i) =>
				expect(w.max * share).toBeLessThanOrEqual(keyLimits.windows[i].max),
			);
			expect(each.concurrency * share).toBeLessThanOrEqual(keyLimits.concurrency);
		}
	});

	it('keeps the windows, their lengths and the safety margin; leaves the input untouched', () => {
		const each = limitsForProcess(keyLimits, 2);
		expect(each.windows.map((w) => w.perMs)).toEqual([10_000, 1_000]);
		expect(each.safetyMarginMs).toBe(500);
		expect(figures(keyLimits)).toEqual([30, 15, 20]);
	});

	it('largestSafeShare is the smallest figure of the limits', () => {
		expect(largestSafeShare(keyLimits)).toBe(15);
		expect(largestSafeShare({ windows: [], concurrency: 4 })).toBe(4);
	});
});

describe('processShareOf / processLimits (the credential field)', () => {
	it.each([
		[undefined, 1],
		[1, 1],
		[2, 2],
		['3', 3],
		[2.9, 2],
		[0, 1],
		[-4, 1],
		['two', 1],
		[Number.NaN, 1],
		[Number.POSITIVE_INFINITY, 1],
	])('field %p counts as %i processes', (value, share) => {
		const credentials: ICredentialDataDecryptedObject =
			value === undefined ? {} : { [PROCESS_SHARE_FIELD]: value };
		expect(processShareOf(credentials)).toBe(share);
	});

	it('share 1 (or no field) keeps the provider limits as they are', () => {
		expect(processLimits(keyLimits, {})).toBe(keyLimits);
		expect(processLimits(keyLimits, { [PROCESS_SHARE_FIELD]: 1 })).toBe(keyLimits);
	});

	it('share 2 from the credential halves every limit', () => {
		expect(figures(processLimits(keyLimits, { [PROCESS_SHARE_FIELD]: 2 }))).toEqual([15, 7, 10]);
	});
});

describe('processShareProperty', () => {
	const field = processShareProperty(keyLimits);

	it('is a whole number field, at least 1, defaulting to one process', () => {
		expect(field).toMatchObject({
			displayName: 'Processes Sharing This Key',
			name: PROCESS_SHARE_FIELD,
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, numberPrecision: 0 },
		});
	});

	it('explains queue mode and spells out the limits per process', () => {
		expect(field.description).toMatch(/queue mode/);
		expect(field.description).toMatch(/main process/);
		expect(field.description).toMatch(/worker/);
		expect(field.hint).toContain(
			'30 requests per 10 s, 15 requests per second and 20 at once per key',
		);
		expect(field.hint).toContain(
			'with 3, 10 requests per 10 s, 5 requests per second and 6 at once per process',
		);
		expect(field.hint).toContain('above 15 processes');
	});

	it('describeLimits words one window, several windows and the concurrency', () => {
		expect(describeLimits({ windows: [], concurrency: 1 })).toBe('1 at once');
		expect(describeLimits({ windows: [{ max: 1, perMs: 1000 }], concurrency: 3 })).toBe(
			'1 request per second and 3 at once',
		);
	});
});

describe('Unitalk API credential', () => {
	it('carries the field, worded from the Unitalk profile limits', () => {
		const field = new UnitalkApi().properties.find((p) => p.name === PROCESS_SHARE_FIELD);
		expect(field).toEqual(processShareProperty(UNITALK_LIMITS));
		expect(field?.hint).toContain('30 requests per 10 s');
	});
});
