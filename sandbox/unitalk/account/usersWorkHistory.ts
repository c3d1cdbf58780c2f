/**
 * /users/workHistory?date=yyyy-MM-dd – "Work history": seconds per work status of every user on one
 * day, `{"users": {"<id>": {firstName, lastName, phone, userTimeSeconds: {byPauses, byWork, byStop,
 * stop, work, pause}, middleName}}}` (bare, as the doc's example).
 *
 * Errors: "Future data is absent" (doc) for a date after today on the sandbox clock (UTC). A missing
 * or malformed date answers "Wrong date" (sandbox choice; the doc lists no error for it).
 * The users are those of account/state.ts (the list /users/list answers). The seconds are derived
 * from the user id and the date (same answer every time); a day always has 86,400 seconds in all; a
 * user without a line only has "Not working" time.
 */
import { bare, failure, type EndpointHandler } from '../handler';
import { DATE, isDateText } from './schemas';
import { prng, seedOf, WORK_STATUS_NAMES } from './state';

export const WORK_HISTORY_ERRORS = {
	future: 'Future data is absent',
	wrongDate: 'Wrong date',
} as const;

export const usersWorkHistory: EndpointHandler = (ctx, params) => {
	const date = params.date;
	if (!isDateText(date, DATE)) return failure(WORK_HISTORY_ERRORS.wrongDate);
	if (date > ctx.state.account.today()) return failure(WORK_HISTORY_ERRORS.future);
	const users: Record<string, unknown> = {};
	for (const u of ctx.state.account.users) {
		const rnd = prng(seedOf(`${u.id}:${date}`));
		const split = (total: number, names: string[]) => {
			const out: Record<string, number> = {};
			let left = total;
			names.forEach((name, i) => {
				const part = i === names.length - 1 ? left : Math.floor(left * rnd());
				out[name] = part;
				left -= part;
			});
			return out;
		};
		const work = u.phone === null ? 0 : 3600 * (4 + Math.floor(rnd() * 5));
		const pause = u.phone === null ? 0 : 300 * Math.floor(rnd() * 12);
		const stop = 86_400 - work - pause;
		users[String(u.id)] = {
			firstName: u.firstName,
			lastName: u.lastName,
			phone: u.phone,
			userTimeSeconds: {
				byPauses: split(pause, WORK_STATUS_NAMES.PAUS),
				byWork: split(work, WORK_STATUS_NAMES.WORK),
				byStop: split(stop, WORK_STATUS_NAMES.STOP),
				stop,
				work,
				pause,
			},
			middleName: u.middleName,
		};
	}
	return { ...bare({ users }), operation: date };
};
