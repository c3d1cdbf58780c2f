'use strict';
/**
 * Preloaded into a benchmark's n8n (NODE_OPTIONS=--require this file, SQLITE_PROBE_FILE=<json out>,
 * SQLITE_PROBE_FROM=<n8n package folder>):
 * measures n8n's one SQLite write connection (@n8n/typeorm's SqliteWriteConnection, a mutex with a
 * 60 s acquire timeout). Counts who waits for it and how long each holder keeps it, by the first
 * statement it ran, and writes the figures to SQLITE_PROBE_FILE once a second. Measurement only:
 * never loaded by the package or the tests. Does nothing when the module is not found (the task
 * runner child process, another n8n version).
 */
const fs = require('fs');
const out = process.env.SQLITE_PROBE_FILE;
let Write;
let Runner;
try {
	// n8n's own copy (SQLITE_PROBE_FROM: the n8n package folder), so the patched classes are its.
	const from = process.env.SQLITE_PROBE_FROM ?? process.cwd();
	const main = require.resolve('@n8n/typeorm', { paths: [from] });
	const dir = require('path').join(main, '..', 'driver', 'sqlite-pooled');
	Write = require(`${dir}/SqliteWriteConnection`).SqliteWriteConnection;
	Runner = require(`${dir}/SqliteReadWriteQueryRunner`).SqliteReadWriteQueryRunner;
} catch {
	Write = undefined;
}
// Only in n8n's main process (not its task runner, which may inherit NODE_OPTIONS).
const isN8nMain = /[\\/]bin[\\/]n8n$/.test(process.argv[1] ?? '');
if (out && Write && Runner && isN8nMain) {
	const stats = {
		acquisitions: 0,
		waiting: 0,
		maxWaiting: 0,
		waitMsTotal: 0,
		maxWaitMs: 0,
		holdMsTotal: 0,
		timeouts: 0,
		/** first statement of a hold -> { n, holdMs, maxHoldMs } */
		byStatement: {},
	};
	const holders = new WeakMap(); // lease -> { since, first }
	let current; // the hold in progress (one write connection: at most one)
	const label = (sql) =>
		String(sql)
			.replace(/\s+/g, ' ')
			.replace(/\(.*$/, '')
			.replace(/ (WHERE|SET|VALUES) .*$/i, '')
			.slice(0, 60);
	const begin = (waitStart, connection) => {
		const now = Date.now();
		stats.waiting--;
		stats.acquisitions++;
		const wait = now - waitStart;
		stats.waitMsTotal += wait;
		stats.maxWaitMs = Math.max(stats.maxWaitMs, wait);
		current = { since: now, first: undefined, connection };
		return current;
	};
	const end = (hold) => {
		if (!hold) return;
		const ms = Date.now() - hold.since;
		stats.holdMsTotal += ms;
		const key = hold.first ?? '(no statement)';
		const s = (stats.byStatement[key] ??= { n: 0, holdMs: 0, maxHoldMs: 0 });
		s.n++;
		s.holdMs += ms;
		s.maxHoldMs = Math.max(s.maxHoldMs, ms);
		if (current === hold) current = undefined;
	};
	const queued = () => {
		stats.waiting++;
		stats.maxWaiting = Math.max(stats.maxWaiting, stats.waiting);
		return Date.now();
	};
	const failed = (err) => {
		stats.waiting--;
		if (err && /LockAcquireTimeout|Timeout waiting for lock/.test(String(err.message ?? err)))
			stats.timeouts++;
	};

	const runExclusive = Write.prototype.runExclusive;
	Write.prototype.runExclusive = async function (holder, callback) {
		const t = queued();
		let hold;
		let started = false;
		try {
			return await runExclusive.call(this, holder, async (lease) => {
				started = true;
				hold = begin(t, lease.connection);
				try {
					return await callback(lease);
				} finally {
					end(hold);
				}
			});
		} catch (err) {
			if (!started) failed(err);
			throw err;
		}
	};
	const lease = Write.prototype.leaseConnection;
	Write.prototype.leaseConnection = async function (holder) {
		const t = queued();
		let l;
		try {
			l = await lease.call(this, holder);
		} catch (err) {
			failed(err);
			throw err;
		}
		holders.set(l, begin(t, l.connection));
		return l;
	};
	const release = Write.prototype.releaseConnection;
	Write.prototype.releaseConnection = async function (l) {
		end(holders.get(l));
		return await release.call(this, l);
	};
	const runQuery = Runner.prototype.runQueryWithinConnection;
	Runner.prototype.runQueryWithinConnection = function (connection, query, ...rest) {
		if (
			current &&
			current.connection === connection &&
			current.first === undefined &&
			!/^\s*BEGIN/i.test(query)
		)
			current.first = label(query);
		return runQuery.call(this, connection, query, ...rest);
	};
	const flush = () => {
		try {
			// The benchmark asks for fresh maxima per row by creating <out>.reset.
			if (fs.existsSync(`${out}.reset`)) {
				fs.rmSync(`${out}.reset`, { force: true });
				stats.maxWaiting = stats.waiting;
				stats.maxWaitMs = 0;
			}
			fs.writeFileSync(out, JSON.stringify({ at: Date.now(), ...stats }));
		} catch {
			// the benchmark's folder is gone
		}
	};
	setInterval(flush, 1000).unref();
	process.on('exit', flush);
}
