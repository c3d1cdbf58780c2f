/** The autodialer object as the doc's GET_WITH_DATA `tasks[]` shows it (shared by the list actions). */
import type { Autodialer } from '../state';
import { formatDate } from '../../util';

export function autodialerStatistics(a: Autodialer) {
	const statesCount: Record<string, number> = {};
	for (const n of a.numbers) statesCount[n.state] = (statesCount[n.state] ?? 0) + 1;
	return {
		totalCount: a.numbers.length,
		doneCount: a.numbers.filter((n) => n.state !== 'NEW' && n.state !== 'DIALING').length,
		repeatCount: a.numbers.reduce((sum, n) => sum + Math.max(0, n.realCalledCount - 1), 0),
		callsDoneCount: a.numbers.reduce((sum, n) => sum + n.realCalledCount, 0),
		statesCount,
	};
}

export function autodialerView(a: Autodialer, now: number): Record<string, unknown> {
	return {
		id: a.id,
		name: a.name,
		autodialerType: a.autodialerType,
		autodialerMode: a.autodialerMode,
		statistics: autodialerStatistics(a),
		...(a.status === 'FINISHED' ? { finishedDate: formatDate(a.statusChangedAt) } : {}),
		...a.settings,
		taskStatusInfo: {
			millis: a.statusChangedAt,
			status: a.status,
			dateForDescription: formatDate(a.statusChangedAt),
			durationMillis: Math.max(0, now - a.statusChangedAt),
		},
	};
}
