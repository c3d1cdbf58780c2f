/**
 * /operator/statistic – "Operator statistics": `from`, `to` ("yyyy-MM-dd HH:mm:ss") and an optional
 * `filter` (callTypes, innerPhones, minTimeSeconds, minTimeAwaitingSeconds, maxTimeAwaitingSeconds).
 * Answer: the bare array of per-operator rows with the doc's fields, computed from the seeded call
 * history (historyGet.ts) of the period.
 *
 * Errors (doc): "Wrong FROM date", "Wrong TO date". Sandbox choices: a filter of the wrong shape
 * answers "Wrong filter" (invented); callTypes are compared with the calls' `source` (the doc points
 * to "the corresponding dictionary" without naming it); waiting time is secondsFullTime - secondsTalk;
 * one row per internal line of the project (callsState.ts), also when it had no calls; a line
 * takes part in an incoming call that it answered, and in the outgoing and internal calls it made.
 * Fields the history cannot give (log in / out, pauses) are fixed sample values.
 */
import { bare, failure, type EndpointHandler } from '../handler';
import { HISTORY_ERRORS, selectHistory } from './historyGet';
import { DATE_TIME, isDateText, statisticSchema } from './schemas';

function mmss(seconds: number): string {
	const m = Math.floor(seconds / 60);
	const s = seconds % 60;
	return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

function percent(part: number, whole: number): string {
	return `${whole === 0 ? '0.0' : ((100 * part) / whole).toFixed(1)}%`;
}

export const operatorStatistic: EndpointHandler = (ctx, params) => {
	const shape = statisticSchema.safeParse(params);
	if (!shape.success) return failure(HISTORY_ERRORS.filter);
	const p = shape.data;
	if (!isDateText(p.from, DATE_TIME)) return failure(HISTORY_ERRORS.wrongFrom);
	if (!isDateText(p.to, DATE_TIME)) return failure(HISTORY_ERRORS.wrongTo);
	const from = p.from;
	const to = p.to;
	const f: NonNullable<typeof p.filter> = p.filter ?? {};
	const records = selectHistory(ctx.state.account.history, from, to, null).filter((r) => {
		const waiting = r.call.secondsFullTime - r.call.secondsTalk;
		if (f.callTypes?.length && !f.callTypes.includes(r.call.source)) return false;
		if (f.minTimeSeconds != null && r.call.secondsTalk < f.minTimeSeconds) return false;
		if (f.minTimeAwaitingSeconds != null && waiting < f.minTimeAwaitingSeconds) return false;
		if (f.maxTimeAwaitingSeconds != null && waiting > f.maxTimeAwaitingSeconds) return false;
		return true;
	});
	const users = ctx.state.account.users;
	const lines = [...ctx.state.calls.innerPhones.values()].filter(
		(l) => !f.innerPhones?.length || f.innerPhones.includes(l.number),
	);
	const rows = lines.map((line) => {
		const mine = records.filter((r) => r.flags.line === line.number);
		const incoming = mine.filter((r) => r.call.direction === 'IN');
		const outgoing = mine.filter((r) => r.call.direction !== 'IN');
		const answeredOut = outgoing.filter((r) => r.call.state === 'ANSWER');
		const talk = (rs: typeof mine) => rs.reduce((sum, r) => sum + r.call.secondsTalk, 0);
		const wait = (rs: typeof mine) =>
			rs.reduce((sum, r) => sum + r.call.secondsFullTime - r.call.secondsTalk, 0);
		const unique = (rs: typeof mine) => new Set(rs.map((r) => r.flags.client ?? r.call.to[0])).size;
		const bySource = (source: string) => incoming.filter((r) => r.call.source === source).length;
		const user = users.find((u) => String(u.phone) === line.number);
		const name = user ? [user.firstName, user.lastName].filter(Boolean).join(' ') : line.name;
		return {
			operatorName: `${line.number} (${name})`,
			operatorPhone: line.number,
			totalCount: mine.length,
			inCount: incoming.length,
			outCount: outgoing.length,
			totalDuration: mmss(talk(mine)),
			inUniqueCount: unique(incoming),
			answOpNaCount: 0,
			outAnsweredCount: answeredOut.length,
			outAnsweredPercentage: percent(answeredOut.length, outgoing.length),
			outMissedCount: outgoing.length - answeredOut.length,
			outUniqueCount: unique(outgoing),
			outUniqueAnsweredCount: unique(answeredOut),
			outUniqueAnsweredPercentage: percent(unique(answeredOut), outgoing.length),
			outDuration: mmss(talk(outgoing)),
			outAverageDuration: mmss(
				answeredOut.length ? Math.round(talk(outgoing) / answeredOut.length) : 0,
			),
			inAnsweredCount: incoming.length,
			inAnsweredPercentage: percent(incoming.length, incoming.length),
			inMissedCount: 0,
			inHangupByOperatorCount: Math.floor(incoming.length / 2),
			inHangupByClientCount: incoming.length - Math.floor(incoming.length / 2),
			inUniqueAnsweredCount: unique(incoming),
			inUniqueAnsweredPercentage: percent(unique(incoming), incoming.length),
			inAnsweredNewLeadCount: incoming.filter((r) => r.flags.newLead).length,
			inLostCount: 0,
			inAverageAwaitingTime: mmss(
				incoming.length ? Math.round(wait(incoming) / incoming.length) : 0,
			),
			inTotalAwaitingTime: mmss(wait(incoming)),
			inDuration: mmss(talk(incoming)),
			inAverageDuration: mmss(incoming.length ? Math.round(talk(incoming) / incoming.length) : 0),
			inUniqueRegularCount: unique(incoming.filter((r) => r.call.source === 'REGULAR')),
			inUniqueTrackingCount: unique(incoming.filter((r) => r.call.source === 'TRACKING')),
			inUniqueC2cButtonCount: unique(incoming.filter((r) => r.call.source === 'CLICK2CALL')),
			inUniqueC2cFormCount: unique(incoming.filter((r) => r.call.source === 'FORM')),
			inUniqueC2cApiCount: unique(incoming.filter((r) => r.call.source === 'C2C_API')),
			inUniqueAutodialCount: unique(incoming.filter((r) => r.call.source === 'AUTODIAL')),
			inUniqueCallbackCount: unique(incoming.filter((r) => r.call.source === 'AUTO_CB')),
			inUniqueAutoCallbackCount: unique(incoming.filter((r) => r.call.source === 'CALLBACK')),
			inUniqueApiCount: unique(incoming.filter((r) => r.call.source === 'API_CALL')),
			inRegularCount: bySource('REGULAR'),
			inTrackingCount: bySource('TRACKING'),
			inC2cButtonCount: bySource('CLICK2CALL'),
			inC2cFormCount: bySource('FORM'),
			inC2cApiCount: bySource('C2C_API'),
			inAutodialCount: bySource('AUTODIAL'),
			inCallbackCount: bySource('CALLBACK'),
			inAutoCallbackCount: bySource('AUTO_CB'),
			inApiCount: bySource('API_CALL'),
			inMissedAnsweredCount: 0,
			inMissedNewLeadCount: 0,
			inMissedPercentage: '0.0%',
			inMissedAverageAwaitingTime: '00:00',
			logInTime: `${from.slice(0, 10)} 08:40:00`,
			logOutTime: `${to.slice(0, 10)} 18:30:00`,
			availableNotInWorkTime: '02:30:00',
			pauseTime: '00:45:00',
			wrapUpTime: '',
			compoundTime: mine.length,
		};
	});
	return { ...bare(rows), operation: `${from} - ${to}` };
};
