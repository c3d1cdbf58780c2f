/**
 * Where a request that carries a secret (a token in its address, a key in a header) may go: only
 * over https, or over plain http to this machine (127.0.0.0/8, ::1, localhost: a local simulator),
 * because that traffic never leaves the machine. Addresses are compared by scheme, host and port.
 */

/** Host names of this machine, as URL.hostname gives them (IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase();
	return (
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		host === '[::1]' ||
		/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
	);
}

/**
 * Why a secret must not be sent to `address`, or undefined when it may. `allowedOrigins` are the
 * scheme://host:port the secret belongs to; a loopback address is accepted as well.
 */
export function refuseSecretDestination(
	address: string,
	allowedOrigins: readonly string[],
): string | undefined {
	let url: URL;
	try {
		url = new URL(address);
	} catch {
		return `must be an https:// address, got "${address}"`;
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return `must be an https:// address, got "${url.protocol}"`;
	if (isLoopbackHost(url.hostname)) return undefined;
	if (url.protocol !== 'https:')
		return `must use https:// (plain http is only allowed to this machine: localhost, 127.x.x.x, ::1), got ${url.origin}`;
	if (!allowedOrigins.includes(url.origin))
		return `points to ${url.origin}; the token is only sent to ${allowedOrigins.join(' or ')} (or to this machine)`;
	return undefined;
}
