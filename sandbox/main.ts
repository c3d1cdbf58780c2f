/**
 * `npm run sandbox [-- --port 5680 --host 127.0.0.1]`: starts the provider sandbox, prints the URLs and
 * credentials, logs each request, stops on Ctrl-C.
 */
import { DEFAULT_PORT_FOR_CLI, startSandbox } from './index';

function arg(name: string): string | undefined {
	const argv = process.argv.slice(2);
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === `--${name}`) return argv[i + 1];
		if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
	}
	return undefined;
}

async function main(): Promise<void> {
	const portArg = arg('port') ?? process.env.SANDBOX_PORT;
	const port = portArg === undefined ? DEFAULT_PORT_FOR_CLI : Number(portArg);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new Error(`invalid --port ${portArg}`);
	const host = arg('host') ?? '127.0.0.1';
	const quiet = process.argv.includes('--quiet');
	const sb = await startSandbox({ port, host });
	const a = sb.accounts;
	const row = (label: string, name: string, value: string) =>
		`${label.padEnd(16)}${name.padEnd(14)}${value}`;
	const lines = [
		`provider sandbox listening on ${sb.url}`,
		'',
		row('NXTele Callbot', 'base URL', sb.baseUrls.nxteleCallbot),
		row('', 'uuid', a.nxteleCallbot.uuid),
		row('', 'secretKey', a.nxteleCallbot.secretKey),
		row('NXCloud', 'base URL', sb.baseUrls.nxcloud),
		row('', 'accessKey', a.nxcloud.accessKey),
		row('', 'accessSecret', a.nxcloud.accessSecret),
		row('Unitalk', 'base URL', sb.baseUrls.unitalk),
		row('', 'API key', a.unitalk.apiKey),
		row('Twin24', 'API base URL', sb.baseUrls.twin24),
		row('', 'IAM base URL', sb.baseUrls.twin24Iam),
		row('', 'email', a.twin24.email),
		row('', 'password', a.twin24.password),
		row('', 'company ID', String(a.twin24.companyId)),
		'',
		`control API     ${sb.url}/__sandbox/  (health, requests, violations, faults, reset, state)`,
		'Ctrl-C stops.',
	];
	process.stdout.write(`${lines.join('\n')}\n`);

	if (!quiet) {
		let printed = 0;
		const timer = setInterval(() => {
			// Requests may be cleared through the control API.
			if (sb.requests.length < printed) printed = 0;
			for (; printed < sb.requests.length; printed++) {
				const r = sb.requests[printed];
				if (r.responseStatus === 0 && r.outcome !== 'fault') break; // still pending
				process.stdout.write(
					`${new Date(r.receivedAt).toISOString()} ${r.provider} ${r.method} ${r.path}${r.operation ? ` [${r.operation}]` : ''} -> ${r.responseStatus} ${r.outcome}${r.reason ? ` (${r.reason})` : ''}\n`,
				);
			}
		}, 200);
		timer.unref();
	}

	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`\n${signal}: stopping sandbox\n`);
		sb.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
	process.stderr.write(
		`sandbox failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
	);
	process.exit(1);
});
