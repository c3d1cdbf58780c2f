/**
 * Shared-core benchmark (npm run bench): how long cleaning, validating and chunking 1,000,000 phone
 * numbers into provider batches takes and how much memory it needs, and how many requests per
 * second each NXTele signature scheme can sign. Prints a table; asserts nothing.
 */
import { chunk } from '../../nodes/shared/batching';
import { checkPhone } from '../../nodes/shared/phone';
import { serialiseBody } from '../../nodes/shared/transport';
import { callbotSignature, conventionSignature } from '../../nodes/Nxtele/signatures';

const COUNT = Number(process.env.BENCH_NUMBERS ?? 1_000_000);

function formats(i: number): string {
	const n = String(380_500_000_000 + i);
	switch (i % 5) {
		case 0:
			return `+${n}`;
		case 1:
			return `00${n}`;
		case 2:
			return `+${n.slice(0, 3)} (${n.slice(3, 5)}) ${n.slice(5, 8)}-${n.slice(8)}`;
		case 3:
			return n.replace(/(\d{3})(\d{3})/, '$1 $2 ');
		default:
			return i % 1000 === 999 ? `${n.slice(0, 6)}abc` : n; // one in 1000 is invalid
	}
}

function peakTracker() {
	let peak = process.memoryUsage().rss;
	return {
		sample: () => (peak = Math.max(peak, process.memoryUsage().rss)),
		get peakMb() {
			return Math.round(peak / 1024 / 1024);
		},
	};
}

function phoneBench() {
	const raw: string[] = new Array(COUNT);
	for (let i = 0; i < COUNT; i++) raw[i] = formats(i);
	const memory = peakTracker();
	const baseRss = Math.round(process.memoryUsage().rss / 1024 / 1024);
	const started = process.hrtime.bigint();

	const valid: Array<{ itemIndex: number; value: string }> = [];
	let invalid = 0;
	for (let i = 0; i < raw.length; i++) {
		const check = checkPhone(raw[i]);
		if (check.ok) valid.push({ itemIndex: i, value: check.digits });
		else invalid++;
		if (i % 100_000 === 0) memory.sample();
	}
	const cleanedAt = process.hrtime.bigint();
	const batches = chunk(valid, 100_000);
	let bytes = 0;
	for (const batch of batches) {
		const { body } = serialiseBody({
			json: { action: 'ADD_NUMBERS', id: 1, numbers: batch.map((e) => e.value) },
		});
		bytes += body?.length ?? 0;
		memory.sample();
	}
	const done = process.hrtime.bigint();
	memory.sample();
	return {
		numbers: COUNT,
		valid: valid.length,
		invalid,
		batches: batches.length,
		requestBytesMb: (bytes / 1024 / 1024).toFixed(1),
		cleanValidateMs: Number(cleanedAt - started) / 1e6,
		chunkSerialiseMs: Number(done - cleanedAt) / 1e6,
		totalMs: Number(done - started) / 1e6,
		rssBeforeMb: baseRss,
		peakRssMb: memory.peakMb,
	};
}

function signaturesPerSecond(sign: () => string, durationMs = 1000): number {
	let count = 0;
	const end = Date.now() + durationMs;
	while (Date.now() < end) {
		for (let i = 0; i < 100; i++) sign();
		count += 100;
	}
	return Math.round((count * 1000) / durationMs);
}

function signatureBench() {
	const body = JSON.stringify({
		userTaskID: 'a'.repeat(36),
		callList: Array.from({ length: 10 }, (_, i) => ({ phone: `38050000${i}`, orderID: `o-${i}` })),
	});
	const fields = {
		body,
		createTs: '1726000000',
		requestID: '0123456789abcdef0123456789abcdef',
		uuid: 'Vh71ym3yQwWSYZFpqkFwTskGXUbSxDtR',
	};
	const headers = { accessKey: 'fme2na3kdi3ki', action: 'send', bizType: '1', ts: '1655710885431' };
	return [
		{
			scheme: 'Callbot MD5',
			bodyBytes: body.length,
			perSecond: signaturesPerSecond(() => callbotSignature('secret', fields, 'MD5')),
		},
		{
			scheme: 'Callbot SHA256',
			bodyBytes: body.length,
			perSecond: signaturesPerSecond(() => callbotSignature('secret', fields, 'SHA256')),
		},
		{
			scheme: 'NXCloud convention MD5',
			bodyBytes: body.length,
			perSecond: signaturesPerSecond(() => conventionSignature(headers, body, 'secret')),
		},
	];
}

console.log(
	`\nShared core: clean, validate and chunk ${COUNT.toLocaleString('en')} phone numbers into ADD_NUMBERS requests of 100,000`,
);
console.table([phoneBench()]);
console.log('\nRequest signatures per second (one core)');
console.table(signatureBench());
