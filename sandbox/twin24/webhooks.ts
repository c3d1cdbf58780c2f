/**
 * Twin24's outgoing webhooks (research/twin24.md §3): a JSON POST per event to each subscribed URL,
 * with no signature or secret header (Twin24 documents none). Every delivery is recorded with the
 * status and body that came back.
 *
 * - A connection per delivery (`connection: close`, no agent): a busy receiver may close an idle
 *   kept-alive socket just as it is reused, which would lose a delivery the receiver never saw.
 *   node:http rather than fetch: several times faster per connection, which matters for 10,000 candidates.
 * - Order: the deliveries of one call / candidate go one after the other, in the order the state
 *   produced them; different candidates go in parallel (`concurrency`). A task status change waits for
 *   everything before it and goes alone.
 * - Twin24 re-sends a delivery that was not answered 200 for 24 hours with growing pauses (documented);
 *   the schedule is not, so the sandbox does not re-send by itself: `redeliverFailed()` (control
 *   `redeliver`) sends the failed ones again byte for byte, and `repeat(seq)` any one (a duplicate).
 * - `delay` of a subscription is recorded; waited for only with the `honourWebhookDelay` option.
 */
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';

import type { OutboxEntry } from './state';

export interface Twin24Delivery {
	seq: number;
	event: OutboxEntry['event'];
	taskId?: string;
	/** Set when this delivery repeats an earlier one byte for byte. */
	repeatOf?: number;
	url: string;
	headers: Record<string, string>;
	body: string;
	/** The subscription's `delay` in seconds. */
	delay: number;
	sentAt: number;
	/** HTTP status of the receiver; 0 when there was no answer (connection error or timeout). */
	status: number;
	responseBody?: string;
	error?: string;
	durationMs: number;
}

type Pending = Pick<Twin24Delivery, 'event' | 'taskId' | 'url' | 'body' | 'delay' | 'repeatOf'> & {
	/** Deliveries with the same chain go in order; undefined: a barrier (waits for all before it). */
	chain?: string;
};

const HEADERS = { 'Content-Type': 'application/json', connection: 'close' };

function chainOf(e: OutboxEntry): string | undefined {
	return e.chain === undefined ? undefined : `${e.url}|${e.chain}`;
}

export class Twin24Webhooks {
	readonly deliveries: Twin24Delivery[] = [];
	private seq = 0;
	private queue: Promise<void> = Promise.resolve();

	constructor(
		private readonly clock: () => number,
		private readonly opts: () => { webhookTimeoutMs: number; honourWebhookDelay: boolean },
	) {}

	reset(): void {
		this.deliveries.length = 0;
		this.seq = 0;
	}

	/** Sends the entries (in the order above); runs after anything already queued. */
	send(entries: OutboxEntry[], concurrency = 4): Promise<Twin24Delivery[]> {
		const pending: Pending[] = entries.map((e) => ({
			event: e.event,
			...(e.taskId ? { taskId: e.taskId } : {}),
			url: e.url,
			body: JSON.stringify(e.payload),
			delay: e.delay,
			chain: chainOf(e),
		}));
		const run = this.queue.then(() => this.drain(pending, concurrency));
		this.queue = run.then(
			() => undefined,
			() => undefined,
		);
		return run;
	}

	/** Resolves when every queued delivery is done. */
	async idle(): Promise<void> {
		await this.queue;
	}

	/** Sends delivery `seq` again, same URL and body (what Twin24's guaranteed delivery does). */
	repeat(seq: number): Promise<Twin24Delivery> {
		const earlier = this.deliveries.find((d) => d.seq === seq);
		if (!earlier) return Promise.reject(new Error(`no delivery ${seq} to repeat`));
		const run = this.queue.then(() =>
			this.post({
				event: earlier.event,
				...(earlier.taskId ? { taskId: earlier.taskId } : {}),
				url: earlier.url,
				body: earlier.body,
				delay: earlier.delay,
				repeatOf: earlier.repeatOf ?? earlier.seq,
			}),
		);
		this.queue = run.then(
			() => undefined,
			() => undefined,
		);
		return run;
	}

	/** Re-sends each delivery whose latest attempt was not answered 200. */
	async redeliverFailed(): Promise<Twin24Delivery[]> {
		const latest = new Map<number, Twin24Delivery>();
		for (const d of this.deliveries) latest.set(d.repeatOf ?? d.seq, d);
		const out: Twin24Delivery[] = [];
		for (const [origin, d] of latest) if (d.status !== 200) out.push(await this.repeat(origin));
		return out;
	}

	private async drain(pending: Pending[], concurrency: number): Promise<Twin24Delivery[]> {
		const done: Twin24Delivery[] = [];
		const chains = new Map<string, Promise<void>>();
		const inFlight = new Set<Promise<void>>();
		for (const p of pending) {
			if (p.chain === undefined) {
				await Promise.all(inFlight);
				done.push(await this.post(p));
				continue;
			}
			while (inFlight.size >= concurrency) await Promise.race(inFlight);
			const before = chains.get(p.chain) ?? Promise.resolve();
			const job: Promise<void> = before.then(async () => {
				done.push(await this.post(p));
			});
			chains.set(p.chain, job);
			inFlight.add(job);
			void job.then(() => inFlight.delete(job));
		}
		await Promise.all(inFlight);
		return done.sort((a, b) => a.seq - b.seq);
	}

	private async post(p: Pending): Promise<Twin24Delivery> {
		const { webhookTimeoutMs, honourWebhookDelay } = this.opts();
		if (honourWebhookDelay && p.delay > 0)
			await new Promise((resolve) => setTimeout(resolve, p.delay * 1000));
		const delivery: Twin24Delivery = {
			seq: ++this.seq,
			event: p.event,
			...(p.taskId ? { taskId: p.taskId } : {}),
			...(p.repeatOf !== undefined ? { repeatOf: p.repeatOf } : {}),
			url: p.url,
			headers: { ...HEADERS },
			body: p.body,
			delay: p.delay,
			sentAt: this.clock(),
			status: 0,
			durationMs: 0,
		};
		this.deliveries.push(delivery);
		const started = Date.now();
		try {
			const res = await postJson(p.url, p.body, webhookTimeoutMs);
			delivery.status = res.status;
			delivery.responseBody = res.body;
		} catch (err) {
			delivery.error = err instanceof Error ? err.message : String(err);
		}
		delivery.durationMs = Date.now() - started;
		return delivery;
	}
}

/** One POST on a fresh connection; rejects on a connection error or when no answer came within timeoutMs. */
function postJson(
	url: string,
	body: string,
	timeoutMs: number,
): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const send = url.startsWith('https:') ? httpsRequest : request;
		const req = send(
			url,
			{
				method: 'POST',
				agent: false,
				headers: { ...HEADERS, 'Content-Length': String(Buffer.byteLength(body)) },
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
				);
				res.on('error', reject);
			},
		);
		req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', reject);
		req.end(body);
	});
}
