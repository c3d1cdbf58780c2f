/**
 * Test-side Twin24 client and webhook receiver for the sandbox tests (real HTTP both ways).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Sandbox } from '../../../sandbox';

export interface JsonAnswer {
	status: number;
	text: string;
	json: any;
}

export async function call(
	url: string,
	init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonAnswer> {
	const res = await fetch(url, {
		method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
		headers: {
			...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
			...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
			connection: 'close',
			...init.headers,
		},
		body:
			init.body === undefined
				? undefined
				: typeof init.body === 'string'
					? init.body
					: JSON.stringify(init.body),
	});
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, text, json };
}

export async function login(sb: Sandbox, extra: Record<string, unknown> = {}): Promise<string> {
	const a = sb.accounts.twin24;
	const r = await call(`${sb.baseUrls.twin24Iam}/auth/login`, {
		body: { email: a.email, password: a.password, ...extra },
	});
	if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
	return r.json.token as string;
}

/** The create-task example of provider-docs/twin24-create-autocall-task.txt, copied as published. */
export function docTaskExample(): Record<string, any> {
	return {
		name: 'test_autocall',
		taskComment: 'API test call task',
		startType: 'time',
		startMoment: '2023-06-02 10:00',
		scheduleId: 'bce7d22e-dde6-4427-b391-ebbdfda44de6',
		defaultExec: 'robot',
		defaultExecData: '228cc4fa-92f2-4709-94e3-7344a96a5903',
		secondExec: 'ch',
		secondExecData: '48a77bd7-8762-4e0f-a277-4ef77e36c41b',
		cidType: 'gornum',
		cidData: '9a67dee5-398e-4570-9426-fbb3f067b270',
		callStrategy: 'STEP_2_STEP',
		cps: 1.03,
		checkPhone: true,
		sendReportAfterFinish: true,
		webhookUrls: [
			{
				url: 'https://example.com',
				partialResults: true,
				delay: 4,
				events: {
					CALL_ENDED: {
						name: 'CALL_ENDED',
						value: true,
					},
					CANDIDATE_CHANGED: {
						name: 'CANDIDATE_CHANGED',
						value: true,
					},
					CALL_REDIRECTED: {
						name: 'CALL_REDIRECTED',
						value: true,
					},
					RECALL_SCHEDULED: {
						name: 'RECALL_SCHEDULED',
						value: true,
					},
					EFFICIENCY_REACHED: {
						name: 'EFFICIENCY_REACHED',
						value: true,
					},
					AUTOCALL_STATUS_CHANGED: {
						name: 'AUTOCALL_STATUS_CHANGED',
						value: true,
					},
				},
			},
		],
		additionalOptions: {
			fullListMethod: 'reject',
			fullListTime: 0,
			allowCallTimeFrom: 0,
			allowCallTimeTo: 86399,
			recordCall: true,
			recTrimLeft: 0,
			useTr: false,
			detectRobot: true,
			detectRobotMode: 'back',
			detectRobotGreeting: 'bce7d22e-dde6-4427-b391-ebbdfda44de6',
		},
		redialStrategyOptions: {
			redialStrategyEn: false,
			candidateLimit: {
				redial: false,
				count: 0,
			},
			numberLimit: {
				redial: false,
				count: 0,
			},
			busy: {
				redial: false,
				time: 1,
				count: 1,
			},
			noAnswer: {
				redial: false,
				time: 1,
				count: 1,
			},
			answerMash: {
				redial: false,
				time: 1,
				count: 1,
			},
			congestion: {
				redial: false,
				time: 1,
				count: 1,
			},
			answerNoList: {
				redial: false,
				time: 1,
				count: 1,
			},
		},
	};
}

/** A minimal valid create body: manual start, default caller ID, no webhooks. */
export function minimalTask(overrides: Record<string, unknown> = {}): Record<string, any> {
	return {
		name: 'unit task',
		defaultExec: 'robot',
		defaultExecData: '228cc4fa-92f2-4709-94e3-7344a96a5903',
		secondExec: 'end',
		cidType: 'default',
		startType: 'manual',
		cps: 1.03,
		additionalOptions: { fullListMethod: 'reject', fullListTime: 10, recordCall: false },
		redialStrategyOptions: {
			redialStrategyEn: false,
			busy: { redial: false },
			noAnswer: { redial: false },
			answerMash: { redial: false },
			congestion: { redial: false },
			answerNoList: { redial: false },
		},
		...overrides,
	};
}

export function allEvents(
	url: string,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	const names = [
		'CALL_ENDED',
		'CANDIDATE_CHANGED',
		'CALL_REDIRECTED',
		'RECALL_SCHEDULED',
		'EFFICIENCY_REACHED',
		'AUTOCALL_STATUS_CHANGED',
	];
	return {
		url,
		partialResults: true,
		delay: 0,
		events: Object.fromEntries(names.map((n) => [n, { name: n, value: true }])),
		...extra,
	};
}

/** A local HTTP server that records every POST it gets and answers `status` (default 200). */
export class Receiver {
	readonly bodies: Array<{
		path: string;
		body: string;
		json: any;
		headers: Record<string, unknown>;
	}> = [];
	status = 200;
	url = '';
	private server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			let json: unknown;
			try {
				json = JSON.parse(body);
			} catch {
				json = undefined;
			}
			this.bodies.push({ path: req.url ?? '/', body, json, headers: { ...req.headers } });
			res.writeHead(this.status, { 'content-type': 'text/plain' });
			res.end('ok');
		});
	});

	async start(): Promise<this> {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
		return this;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections?.();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	events(): string[] {
		return this.bodies.map((b) => b.json?.event as string);
	}
}
