/** The token helpers of nodes/shared/session.ts (used by the Twin24 credential and transport). */
import {
	findLoginFailure,
	jwtExpiresAt,
	LoginFailure,
	tokenExpiresSoon,
} from '../../../nodes/shared/session';

const jwt = (claims: object) =>
	['{"alg":"RS512","typ":"JWT"}', JSON.stringify(claims)]
		.map((p) => Buffer.from(p).toString('base64url'))
		.join('.') + '.signature';

describe('jwtExpiresAt / tokenExpiresSoon', () => {
	const now = Date.UTC(2026, 0, 15, 10, 0, 0);

	it('reads exp (seconds) as milliseconds', () => {
		expect(jwtExpiresAt(jwt({ exp: now / 1000 + 3600 }))).toBe(now + 3_600_000);
	});

	it('a token that is not a readable JWT has no expiry and is used until refused', () => {
		for (const token of ['opaque', '', 'a.b.c', jwt({ sub: '1' }), undefined, 42]) {
			expect(jwtExpiresAt(token)).toBeUndefined();
			expect(tokenExpiresSoon(token, now)).toBe(false);
		}
	});

	it('is replaced a minute before exp, not earlier', () => {
		const token = jwt({ exp: now / 1000 + 120 });
		expect(tokenExpiresSoon(token, now)).toBe(false);
		expect(tokenExpiresSoon(token, now + 59_999)).toBe(false);
		expect(tokenExpiresSoon(token, now + 60_000)).toBe(true);
		expect(tokenExpiresSoon(token, now + 600_000)).toBe(true);
	});
});

describe('findLoginFailure', () => {
	it('finds the failure through the cause chain n8n wraps it in', () => {
		const failure = new LoginFailure('Example refused the email or password', 'refused');
		const wrapped = new Error('outer', { cause: new Error('middle', { cause: failure }) });
		expect(findLoginFailure(wrapped)).toBe(failure);
		expect(findLoginFailure(new Error('other'))).toBeUndefined();
	});
});
