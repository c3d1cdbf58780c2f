import {
	ipAllowed,
	ipInRange,
	parseAddress,
	parseAllowList,
	secretsEqual,
	timestampFresh,
} from '../../../nodes/shared/webhook';

describe('secretsEqual', () => {
	it('equal secrets match', () => {
		expect(secretsEqual('s3cr3t-token', 's3cr3t-token')).toBe(true);
	});

	it('different secrets of the same length do not match', () => {
		expect(secretsEqual('s3cr3t-tokeN', 's3cr3t-token')).toBe(false);
	});

	it('different lengths do not match (and do not throw, unlike a bare timingSafeEqual)', () => {
		expect(secretsEqual('s3cr3t', 's3cr3t-token')).toBe(false);
		expect(secretsEqual('s3cr3t-token-and-more', 's3cr3t-token')).toBe(false);
	});

	it('a prefix of the secret does not match', () => {
		expect(secretsEqual('s3cr3t-toke', 's3cr3t-token')).toBe(false);
	});

	it('an empty expected secret never matches, not even an empty one', () => {
		expect(secretsEqual('', '')).toBe(false);
		expect(secretsEqual('anything', '')).toBe(false);
	});

	it('a missing or empty provided secret does not match', () => {
		expect(secretsEqual(undefined, 's3cr3t')).toBe(false);
		expect(secretsEqual('', 's3cr3t')).toBe(false);
	});

	it('is case-sensitive unless asked otherwise', () => {
		expect(secretsEqual('ABCDEF0123', 'abcdef0123')).toBe(false);
		expect(secretsEqual('ABCDEF0123', 'abcdef0123', true)).toBe(true);
		expect(secretsEqual('ABCDEF0124', 'abcdef0123', true)).toBe(false);
	});

	it('compares non-ASCII text', () => {
		expect(secretsEqual('牛小信', '牛小信')).toBe(true);
		expect(secretsEqual('牛小信', '牛小')).toBe(false);
	});
});

describe('timestampFresh', () => {
	const nowMs = 1_726_000_000_000;
	const windowMs = 300_000;

	it('seconds and milliseconds of the same moment are both fresh', () => {
		expect(timestampFresh(1_726_000_000, nowMs, windowMs)).toBe(true);
		expect(timestampFresh(1_726_000_000_000, nowMs, windowMs)).toBe(true);
		expect(timestampFresh('1726000000', nowMs, windowMs)).toBe(true);
		expect(timestampFresh('1726000000000', nowMs, windowMs)).toBe(true);
	});

	it('seconds are told apart from milliseconds by size: 10 digits are seconds, 13 are milliseconds', () => {
		// Read as milliseconds, 1_726_000_000 would be January 1970 and fail.
		expect(timestampFresh(1_726_000_000, nowMs, 1000)).toBe(true);
		// Read as seconds, 1_726_000_000_000 would be tens of thousands of years away and fail.
		expect(timestampFresh(1_726_000_000_000, nowMs, 1000)).toBe(true);
	});

	it('window edges in milliseconds: exactly the window is fresh, one more is not, both directions', () => {
		expect(timestampFresh(nowMs - windowMs, nowMs, windowMs)).toBe(true);
		expect(timestampFresh(nowMs - windowMs - 1, nowMs, windowMs)).toBe(false);
		expect(timestampFresh(nowMs + windowMs, nowMs, windowMs)).toBe(true);
		expect(timestampFresh(nowMs + windowMs + 1, nowMs, windowMs)).toBe(false);
	});

	it('window edges in seconds', () => {
		const nowS = nowMs / 1000;
		expect(timestampFresh(nowS - 300, nowMs, windowMs)).toBe(true);
		expect(timestampFresh(nowS - 301, nowMs, windowMs)).toBe(false);
		expect(timestampFresh(nowS + 300, nowMs, windowMs)).toBe(true);
		expect(timestampFresh(nowS + 301, nowMs, windowMs)).toBe(false);
	});

	it('a zero window accepts only the exact moment', () => {
		expect(timestampFresh(nowMs, nowMs, 0)).toBe(true);
		expect(timestampFresh(nowMs + 1, nowMs, 0)).toBe(false);
	});

	it.each([
		undefined,
		'',
		'abc',
		'12abc',
		0,
		-5,
		'-1726000000',
		Number.NaN,
		Number.POSITIVE_INFINITY,
	])('not a usable timestamp: %p', (value) => {
		expect(
			timestampFresh(value as string | number | undefined, nowMs, Number.MAX_SAFE_INTEGER),
		).toBe(false);
	});
});

describe('parseAddress', () => {
	it('IPv4', () => {
		expect(parseAddress('10.0.0.5')).toEqual({ family: 4, bytes: [10, 0, 0, 5] });
		expect(parseAddress(' 255.255.255.255 ')).toEqual({ family: 4, bytes: [255, 255, 255, 255] });
	});

	it.each(['256.0.0.1', '1.2.3', '1.2.3.4.5', '1..3.4', 'a.b.c.d', '1.2.3.-4', '1234.1.1.1', ''])(
		'invalid IPv4 %j',
		(ip) => {
			expect(parseAddress(ip)).toBeUndefined();
		},
	);

	it('IPv6 with and without compression', () => {
		const loopback = [...Array<number>(15).fill(0), 1];
		expect(parseAddress('::1')).toEqual({ family: 6, bytes: loopback });
		expect(parseAddress('0:0:0:0:0:0:0:1')).toEqual({ family: 6, bytes: loopback });
		expect(parseAddress('::')).toEqual({ family: 6, bytes: Array<number>(16).fill(0) });
		expect(parseAddress('2001:db8::')).toEqual({
			family: 6,
			bytes: [0x20, 0x01, 0x0d, 0xb8, ...Array<number>(12).fill(0)],
		});
		expect(parseAddress('2001:DB8:0:0:1::ff')?.bytes).toEqual([
			0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0xff,
		]);
	});

	it('IPv6 in brackets and with a zone', () => {
		expect(parseAddress('[::1]')?.family).toBe(6);
		expect(parseAddress('fe80::1%eth0')?.bytes.slice(0, 2)).toEqual([0xfe, 0x80]);
	});

	it('IPv4-mapped IPv6 becomes the IPv4 address', () => {
		expect(parseAddress('::ffff:10.0.0.5')).toEqual({ family: 4, bytes: [10, 0, 0, 5] });
		expect(parseAddress('::FFFF:0a00:0005')).toEqual({ family: 4, bytes: [10, 0, 0, 5] });
	});

	it('an IPv4 tail that is not mapped stays IPv6', () => {
		expect(parseAddress('64:ff9b::192.0.2.33')).toEqual({
			family: 6,
			bytes: [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, 192, 0, 2, 33],
		});
	});

	it.each([
		'1:2:3:4:5:6:7',
		'1:2:3:4:5:6:7:8:9',
		'1::2::3',
		'1:::2',
		'12345::1',
		'g::1',
		'::ffff:10.0.0.256',
		// "::" has to stand for at least one group of zeros.
		'1:2:3:4:5:6:7:8::',
		'1::2:3:4:5:6:7:8',
		'1:2:3:4:5:6::1.2.3.4',
		':',
		'not an address',
	])('invalid IPv6 %j', (ip) => {
		expect(parseAddress(ip)).toBeUndefined();
	});
});

describe('ipInRange', () => {
	it('IPv4 CIDR', () => {
		expect(ipInRange('10.1.2.3', '10.0.0.0/8')).toBe(true);
		expect(ipInRange('11.0.0.1', '10.0.0.0/8')).toBe(false);
		expect(ipInRange('192.168.1.255', '192.168.1.0/24')).toBe(true);
		expect(ipInRange('192.168.2.0', '192.168.1.0/24')).toBe(false);
	});

	it('prefix lengths that do not end on a byte', () => {
		expect(ipInRange('172.16.0.1', '172.16.0.0/12')).toBe(true);
		expect(ipInRange('172.31.255.255', '172.16.0.0/12')).toBe(true);
		expect(ipInRange('172.32.0.0', '172.16.0.0/12')).toBe(false);
		expect(ipInRange('172.15.255.255', '172.16.0.0/12')).toBe(false);
	});

	it('/32 and a bare address match only that address', () => {
		expect(ipInRange('203.0.113.7', '203.0.113.7/32')).toBe(true);
		expect(ipInRange('203.0.113.8', '203.0.113.7/32')).toBe(false);
		expect(ipInRange('203.0.113.7', '203.0.113.7')).toBe(true);
		expect(ipInRange('203.0.113.6', '203.0.113.7')).toBe(false);
	});

	it('/0 matches every address of the family and none of the other', () => {
		expect(ipInRange('1.2.3.4', '0.0.0.0/0')).toBe(true);
		expect(ipInRange('255.255.255.255', '0.0.0.0/0')).toBe(true);
		expect(ipInRange('::1', '0.0.0.0/0')).toBe(false);
		expect(ipInRange('2001:db8::1', '::/0')).toBe(true);
		expect(ipInRange('1.2.3.4', '::/0')).toBe(false);
	});

	it('IPv6 ranges', () => {
		expect(ipInRange('2001:db8::1', '2001:db8::/32')).toBe(true);
		expect(ipInRange('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', '2001:db8::/32')).toBe(true);
		expect(ipInRange('2001:db9::1', '2001:db8::/32')).toBe(false);
		expect(ipInRange('::1', '::1/128')).toBe(true);
		expect(ipInRange('::2', '::1/128')).toBe(false);
		expect(ipInRange('::1', '::1')).toBe(true);
	});

	it('an IPv4 client on a dual-stack socket (::ffff:a.b.c.d) matches an IPv4 range', () => {
		expect(ipInRange('::ffff:10.0.0.5', '10.0.0.0/8')).toBe(true);
		expect(ipInRange('::ffff:11.0.0.5', '10.0.0.0/8')).toBe(false);
	});

	it.each([
		['10.0.0.0/33'],
		['10.0.0.0/-1'],
		['10.0.0.0/'],
		['10.0.0.0/abc'],
		['10.0.0.0/8.5'],
		['10.0.0.0/0x8'],
		['10.0.0.0/8/8'],
		['300.0.0.0/8'],
		['::/129'],
		['garbage'],
		[''],
	])('an invalid range %j matches nothing', (cidr) => {
		expect(ipInRange('10.0.0.1', cidr)).toBe(false);
		expect(ipInRange('::1', cidr)).toBe(false);
	});

	it('an invalid address matches nothing, not even /0', () => {
		expect(ipInRange('not-an-ip', '0.0.0.0/0')).toBe(false);
		expect(ipInRange('', '::/0')).toBe(false);
	});
});

describe('parseAllowList', () => {
	it('splits on commas, semicolons, spaces and new lines', () => {
		expect(parseAllowList('1.2.3.0/24, 10.0.0.1;2001:db8::/32\n::1  \t 0.0.0.0/0')).toEqual({
			ranges: ['1.2.3.0/24', '10.0.0.1', '2001:db8::/32', '::1', '0.0.0.0/0'],
			invalid: [],
		});
	});

	it('an empty list has no ranges and no errors', () => {
		expect(parseAllowList('')).toEqual({ ranges: [], invalid: [] });
		expect(parseAllowList(' ,; \n')).toEqual({ ranges: [], invalid: [] });
	});

	it('tells which entries are not ranges', () => {
		expect(
			parseAllowList(
				'10.0.0.0/8, 10.0.0.0/33, example.com, 1.2.3.4/x, ::/129, ::/128, 10.0.0.0/, 10.0.0.0/8/8',
			),
		).toEqual({
			ranges: ['10.0.0.0/8', '::/128'],
			invalid: ['10.0.0.0/33', 'example.com', '1.2.3.4/x', '::/129', '10.0.0.0/', '10.0.0.0/8/8'],
		});
	});

	it('the limits of the prefix length: /32 and /128 are valid, one more is not', () => {
		expect(parseAllowList('1.1.1.1/32 1.1.1.1/33 ::1/128 ::1/129')).toEqual({
			ranges: ['1.1.1.1/32', '::1/128'],
			invalid: ['1.1.1.1/33', '::1/129'],
		});
	});

	it('every range it accepts works in ipInRange', () => {
		const { ranges } = parseAllowList('10.0.0.0/8 ::1 2001:db8::/32 192.168.0.1');
		for (const [ip, range] of [
			['10.200.0.1', '10.0.0.0/8'],
			['::1', '::1'],
			['2001:db8:1::', '2001:db8::/32'],
			['192.168.0.1', '192.168.0.1'],
		]) {
			expect(ranges).toContain(range);
			expect(ipInRange(ip, range)).toBe(true);
		}
	});
});

describe('ipAllowed', () => {
	const ranges = ['10.0.0.0/8', '2001:db8::/32', '203.0.113.7'];

	it('no ranges means no restriction, even without a client address', () => {
		expect(ipAllowed('8.8.8.8', [])).toBe(true);
		expect(ipAllowed(undefined, [])).toBe(true);
	});

	it('an address in any range is allowed', () => {
		expect(ipAllowed('10.9.8.7', ranges)).toBe(true);
		expect(ipAllowed('2001:db8::42', ranges)).toBe(true);
		expect(ipAllowed('203.0.113.7', ranges)).toBe(true);
		expect(ipAllowed('::ffff:10.0.0.5', ranges)).toBe(true);
	});

	it('an address in none of them is refused', () => {
		expect(ipAllowed('8.8.8.8', ranges)).toBe(false);
		expect(ipAllowed('2001:db9::1', ranges)).toBe(false);
		expect(ipAllowed('203.0.113.8', ranges)).toBe(false);
	});

	it('an unknown client address is refused when there are ranges', () => {
		expect(ipAllowed(undefined, ranges)).toBe(false);
		expect(ipAllowed('', ranges)).toBe(false);
	});
});
