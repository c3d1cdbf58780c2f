/**
 * The secret scan: every string a run produced (output JSON, error message, description, stack,
 * context, what n8n stores as run data, the n8n log lines) is searched for every secret of the
 * credentials used.
 */

/** All strings reachable from `value`: own properties (enumerable or not, so `message` and `stack`
 * of errors too), array entries and object keys, each object visited once. */
export function stringsOf(value: unknown): string[] {
	const out: string[] = [];
	const seen = new Set<object>();
	const walk = (v: unknown, depth: number): void => {
		if (typeof v === 'string') {
			out.push(v);
			return;
		}
		if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return;
		if (typeof v !== 'object' || depth > 40 || seen.has(v)) return;
		seen.add(v);
		if (Buffer.isBuffer(v)) {
			out.push(v.toString('utf8'));
			return;
		}
		for (const key of Object.getOwnPropertyNames(v)) {
			out.push(key);
			let child: unknown;
			try {
				child = (v as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			walk(child, depth + 1);
		}
	};
	walk(value, 0);
	return out;
}

/** The secrets (at least 6 characters, so no short word matches by chance) found in `strings`. */
export function findSecrets(strings: readonly string[], secrets: readonly string[]): string[] {
	const wanted = secrets.filter((s) => s.length >= 6);
	const found = new Set<string>();
	for (const text of strings) for (const s of wanted) if (text.includes(s)) found.add(s);
	return [...found];
}
