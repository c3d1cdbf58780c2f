import {
	checkPhone,
	describePhoneProblem,
	PHONE_MAX_DIGITS,
	PHONE_MIN_DIGITS,
} from '../../../nodes/shared/phone';
import type { PhoneCheck } from '../../../nodes/shared/phone';

function digits(check: PhoneCheck): string {
	if (!check.ok) throw new Error(`expected a valid number, got: ${describePhoneProblem(check)}`);
	return check.digits;
}

function reason(check: PhoneCheck): string {
	if (check.ok) throw new Error(`expected a problem, got the valid number ${check.digits}`);
	return check.reason;
}

describe('checkPhone: cleaning', () => {
	it.each([
		['380501234567', '380501234567'],
		['+380501234567', '380501234567'],
		['00380501234567', '380501234567'],
		['+38 050 123 45 67', '380501234567'],
		['+38 (050) 123-45-67', '380501234567'],
		['38.050.123.45.67', '380501234567'],
		['+1\u00a0555\u00a0123\u00a04567', '15551234567'],
		['\t+44 20 7946 0958\n', '442079460958'],
		['00 44 (20) 7946-0958', '442079460958'],
		['+ 1 555 123 4567', '15551234567'],
	])('%j -> %s', (input, expected) => {
		expect(digits(checkPhone(input))).toBe(expected);
	});

	it('strips only one international prefix: "+00..." keeps the zeros', () => {
		expect(digits(checkPhone('+0044207946'))).toBe('0044207946');
	});

	it('strips 00 only at the start', () => {
		expect(digits(checkPhone('4420079460958'))).toBe('4420079460958');
	});

	it('a plus sign in the middle is not decoration', () => {
		expect(reason(checkPhone('380+501234567'))).toBe('contains characters other than digits');
	});
});

describe('checkPhone: numbers given as JS numbers', () => {
	it('accepts a number and returns its digits', () => {
		expect(digits(checkPhone(380501234567))).toBe('380501234567');
	});

	it('a too-short number is still reported with its digit count', () => {
		expect(reason(checkPhone(12345))).toBe(
			`has 5 digits; an international number has ${PHONE_MIN_DIGITS} to ${PHONE_MAX_DIGITS}`,
		);
	});

	it('NaN and a number in exponent notation are not phone numbers', () => {
		expect(checkPhone(Number.NaN).ok).toBe(false);
		expect(checkPhone(1e21).ok).toBe(false);
	});
});

describe('checkPhone: rejections', () => {
	it('letters', () => {
		const check = checkPhone('+1 (555) CALL-NOW');
		expect(reason(check)).toBe('contains letters');
		expect(check.ok === false && check.input).toBe('+1 (555) CALL-NOW');
	});

	it('non-Latin letters count as letters', () => {
		expect(reason(checkPhone('+7 495 ПРИВЕТ1'))).toBe('contains letters');
	});

	it.each(['+1 555 123#4567', '555*1234567', '555/123/4567', '555_1234567', '١٢٣٤٥٦٧٨'])(
		'other characters: %j',
		(input) => {
			expect(reason(checkPhone(input))).toBe('contains characters other than digits');
		},
	);

	it.each(['', '   ', '+', '00', '( ) - .'])('empty after cleaning: %j', (input) => {
		expect(reason(checkPhone(input))).toBe('is empty');
	});

	it.each([undefined, null, {}, ['380501234567'], true])('not text: %j', (input) => {
		expect(reason(checkPhone(input))).toBe('is empty or not text');
	});
});

describe('checkPhone: length limits', () => {
	const withDigits = (n: number) => '1234567890123456789'.slice(0, n);

	it('the limits are the E.164 ones', () => {
		expect(PHONE_MIN_DIGITS).toBe(7);
		expect(PHONE_MAX_DIGITS).toBe(15);
	});

	it('6 digits is too short', () => {
		expect(reason(checkPhone(withDigits(6)))).toBe(
			'has 6 digits; an international number has 7 to 15',
		);
	});

	it('7 digits is the shortest accepted', () => {
		expect(digits(checkPhone(withDigits(7)))).toBe('1234567');
	});

	it('15 digits is the longest accepted', () => {
		expect(digits(checkPhone(`+${withDigits(15)}`))).toBe('123456789012345');
	});

	it('16 digits is too long', () => {
		expect(reason(checkPhone(withDigits(16)))).toBe(
			'has 16 digits; an international number has 7 to 15',
		);
	});

	it('counts digits after removing the prefix and decoration', () => {
		// 00 + 15 digits with spaces: the prefix is not counted.
		expect(digits(checkPhone('00 123 456 789 012 345'))).toBe('123456789012345');
		// + and 6 digits: too short, even though the text is 7 characters.
		expect(reason(checkPhone('+123456'))).toBe('has 6 digits; an international number has 7 to 15');
	});
});

describe('describePhoneProblem', () => {
	it('quotes what the user typed, not the cleaned digits', () => {
		const check = checkPhone('+1 (555) 12a');
		if (check.ok) throw new Error('expected a problem');
		expect(describePhoneProblem(check)).toBe('"+1 (555) 12a" contains letters');
	});
});
