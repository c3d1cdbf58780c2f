import { isLoopbackHost, refuseSecretDestination } from '../../../nodes/shared/secretDestination';

const ALLOWED = ['https://api.example.com:8443'];

describe('isLoopbackHost', () => {
	it.each(['localhost', 'LOCALHOST', 'a.localhost', '127.0.0.1', '127.255.3.4', '[::1]'])(
		'%s is this machine',
		(host) => expect(isLoopbackHost(host)).toBe(true),
	);
	it.each(['128.0.0.1', '127.0.0.1.example.com', 'localhost.example.com', '[::2]', '10.0.0.1'])(
		'%s is not',
		(host) => expect(isLoopbackHost(host)).toBe(false),
	);
});

describe('refuseSecretDestination', () => {
	it.each([
		'https://api.example.com:8443/path',
		'http://127.0.0.1:4100/path',
		'http://localhost/path',
		'http://[::1]:80/x',
	])('lets the secret go to %s', (address) =>
		expect(refuseSecretDestination(address, ALLOWED)).toBeUndefined(),
	);
	it.each([
		['http://api.example.com:8443/path', /must use https:\/\//],
		['https://api.example.com/path', /points to https:\/\/api\.example\.com;/],
		['https://api.example.com:9443/path', /points to https:\/\/api\.example\.com:9443;/],
		['https://evil.example.com:8443/path', /points to https:\/\/evil\.example\.com:8443;/],
		['ftp://api.example.com:8443/path', /must be an https:\/\/ address, got "ftp:"/],
		['api.example.com', /must be an https:\/\/ address/],
	])('refuses %s', (address, why) =>
		expect(refuseSecretDestination(address, ALLOWED)).toMatch(why),
	);
});
