/**
 * /phones/inner/setStatus – "Changing work status": `number` (the user's internal line), `status`
 * (WORK, STOP, PAUS) and optional `statusName` (must match one of the project's names exactly).
 * Parameters are read from the URL, a form or JSON. Success: `{"status":"Success"}`.
 *
 * The doc lists no errors here. Sandbox choices (invented strings): "Number is null", "Wrong status",
 * "User not found" (no user has this line), "Status name not found" (statusName is not a name of
 * this status in the project: WORK Cold Calling / Incoming calls, PAUS Lunch / Break, STOP
 * Non-working hours). Without statusName the user's status name becomes null. The users are those
 * of account/state.ts (the list /users/list answers).
 */
import { failure, success, type EndpointHandler } from '../handler';
import { setStatusSchema } from './schemas';
import { WORK_STATUS_NAMES, type WorkStatus } from './state';

export const SET_STATUS_ERRORS = {
	noNumber: 'Number is null',
	wrongStatus: 'Wrong status',
	userNotFound: 'User not found',
	nameNotFound: 'Status name not found',
} as const;

export const innerSetStatus: EndpointHandler = (ctx, params) => {
	const p = setStatusSchema.safeParse(params);
	if (!p.success || !p.data.number) return failure(SET_STATUS_ERRORS.noNumber);
	const { number, status, statusName } = p.data;
	if (status !== 'WORK' && status !== 'STOP' && status !== 'PAUS')
		return failure(SET_STATUS_ERRORS.wrongStatus);
	const user = ctx.state.account.users.find((u) => u.phone !== null && String(u.phone) === number);
	if (!user) return failure(SET_STATUS_ERRORS.userNotFound);
	if (statusName && !WORK_STATUS_NAMES[status as WorkStatus].includes(statusName))
		return failure(SET_STATUS_ERRORS.nameNotFound);
	user.workStatus = status;
	user.workStatusName = statusName || null;
	return { ...success(), operation: `${number} ${status}` };
};
