/** The per-provider tables of `npm run test:faults` (also saved under .cache/faults/). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ScenarioResult } from './runner';

const COLUMNS: Array<[string, (r: ScenarioResult) => string | number]> = [
	['operation', (r) => r.operation],
	['fault', (r) => r.fault],
	['on fail', (r) => (r.mode === 'continue' ? 'continue' : 'stop')],
	['numbers', (r) => r.numbers],
	['requests', (r) => r.requests],
	['sent', (r) => r.sent],
	['accepted', (r) => r.accepted],
	['refused', (r) => r.refused],
	['not sent', (r) => r.notSent],
	['unknown', (r) => r.unknown],
	['duplicated', (r) => r.duplicated],
	['lost', (r) => r.lost],
	['misreported', (r) => r.misreported],
	['breaches', (r) => r.breaches],
];

/** The rows' notes: breach kinds and where a stopped run said it stopped. */
function notes(rows: ScenarioResult[]): string[] {
	return rows
		.filter((r) => r.breachKinds.length > 0 || r.examples.length > 0 || r.leakContext)
		.map(
			(r) =>
				`- ${r.operation} / ${r.fault} / ${r.mode}: ${[...r.breachKinds, ...r.examples, ...(r.leakContext ? [`secret in: ${r.leakContext}`] : [])].join('; ')}`,
		);
}

export function formatTable(title: string, rows: ScenarioResult[]): string {
	const cells = rows.map((r) => COLUMNS.map(([, get]) => String(get(r))));
	const widths = COLUMNS.map(([name], c) =>
		Math.max(name.length, ...cells.map((row) => row[c].length)),
	);
	const line = (values: string[]) =>
		`| ${values.map((v, c) => (c < 3 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join(' | ')} |`;
	return [
		`\n${title}: fault → what the sandbox counted`,
		line(COLUMNS.map(([name]) => name)),
		`|${widths.map((w, c) => (c < 3 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
		...cells.map(line),
		...notes(rows),
		'',
	].join('\n');
}

export function saveResults(title: string, rows: ScenarioResult[], table: string): void {
	const dir = join(__dirname, '..', '..', '..', '.cache', 'faults');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, `${title.toLowerCase()}.json`), JSON.stringify(rows, null, 2));
	writeFileSync(join(dir, `${title.toLowerCase()}.md`), table);
}
