import { createHash, timingSafeEqual } from 'crypto';

/**
 * Checks for requests that reach a trigger. Every comparison of a secret is constant-time: both
 * sides are hashed to the same length first, so neither the content nor the length leaks.
 */

export function secretsEqual(
	provided: string | undefined,
	expected: string,
	ignoreCase = false,
): boolean {
	if (provided === undefined || expected === '') return false;
	const a = ignoreCase ? provided.toLowerCase() : provided;
	const b = ignoreCase ? expected.toLowerCase() : expected;
	const da = createHash('sha256').update(a, 'utf8').digest();
	const db = createHash('sha256').update(b, 'utf8').digest();
	return timingSafeEqual(da, db);
}

/**
 * True when `timestamp` (seconds or milliseconds, told apart by size) is within `windowMs` of `nowMs`.
 */
export function timestampFresh(
	timestamp: string | number | undefined,
	nowMs: number,
	windowMs: number,
): boolean {
	if (timestamp === undefined || timestamp === '') return false;
	const n = Number(timestamp);
	if (!Number.isFinite(n) || n <= 0) return false;
	const ms = n < 1e12 ? n * 1000 : n;
	return Math.abs(nowMs - ms) <= windowMs;
}

type ParsedAddress = { family: 4 | 6; bytes: number[] };

function parseIPv4(ip: string): number[] | undefined {
	const parts = ip.split('.');
	if (parts.length !== 4) return undefined;
	const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
	return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined;
}

function parseIPv6(ip: string): number[] | undefined {
	let text = ip.replace(/^\[|\]$/g, '').split('%')[0];
	let tail: number[] = [];
	const lastColon = text.lastIndexOf(':');
	if (text.includes('.') && lastColon >= 0) {
		const v4 = parseIPv4(text.slice(lastColon + 1));
		if (!v4) return undefined;
		tail = v4;
		text = `${text.slice(0, lastColon + 1)}0:0`;
	}
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const groups = (s: string) => (s === '' ? [] : s.split(':'));
	const head = groups(halves[0]);
	const rest = halves.length === 2 ? groups(halves[1]) : [];
	const fill = halves.length === 2 ? 8 - head.length - rest.length : 0;
	// "::" stands for at least one group of zeros.
	if (fill < 0 || (halves.length === 2 && fill === 0)) return undefined;
	const all = [...head, ...Array<string>(fill).fill('0'), ...rest];
	if (all.length !== 8 || !all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
	const bytes = all.flatMap((g) => {
		const v = parseInt(g, 16);
		return [v >> 8, v & 0xff];
	});
	if (tail.length) bytes.splice(12, 4, ...tail);
	return bytes;
}

export function parseAddress(ip: string): ParsedAddress | undefined {
	const v4 = parseIPv4(ip.trim());
	if (v4) return { family: 4, bytes: v4 };
	const v6 = parseIPv6(ip.trim());
	if (!v6) return undefined;
	// ::ffff:a.b.c.d is how an IPv4 client shows up on a dual-stack socket.
	const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
	return mapped ? { family: 4, bytes: v6.slice(12) } : { family: 6, bytes: v6 };
}

/** Is `ip` inside `cidr` (a.b.c.d/n, a bare address, or an IPv6 range)? Invalid ranges match nothing. */
export function ipInRange(ip: string, cidr: string): boolean {
	const parts = cidr.trim().split('/');
	if (parts.length > 2) return false;
	const [range, bitsText] = parts;
	// Digits only: Number() would read "" as 0 (match everything) and "0x8" as 8.
	if (bitsText !== undefined && !/^\d+$/.test(bitsText)) return false;
	const addr = parseAddress(ip);
	const net = parseAddress(range);
	if (!addr || !net || addr.family !== net.family) return false;
	const total = addr.bytes.length * 8;
	const bits = bitsText === undefined ? total : Number(bitsText);
	if (!Number.isInteger(bits) || bits < 0 || bits > total) return false;
	for (let i = 0; i < bits; i++) {
		const byte = i >> 3;
		const mask = 0x80 >> (i & 7);
		if ((addr.bytes[byte] & mask) !== (net.bytes[byte] & mask)) return false;
	}
	return true;
}

/** Splits a user-entered list ("1.2.3.0/24, 10.0.0.1") into ranges; tells which entries are not ranges. */
export function parseAllowList(text: string): {
	ranges: string[];
	invalid: string[];
} {
	const entries = text
		.split(/[\s,;]+/)
		.map((e) => e.trim())
		.filter(Boolean);
	const invalid = entries.filter((e) => !parseAddress(e.split('/')[0]) || !validBits(e));
	return { ranges: entries.filter((e) => !invalid.includes(e)), invalid };
}

function validBits(entry: string): boolean {
	const parts = entry.split('/');
	if (parts.length > 2) return false;
	const [range, bits] = parts;
	if (bits === undefined) return true;
	const addr = parseAddress(range);
	const n = Number(bits);
	return !!addr && /^\d+$/.test(bits) && n <= addr.bytes.length * 8;
}

export function ipAllowed(ip: string | undefined, ranges: string[]): boolean {
	if (ranges.length === 0) return true;
	if (!ip) return false;
	return ranges.some((r) => ipInRange(ip, r));
}
