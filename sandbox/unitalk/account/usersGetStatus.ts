/**
 * /users/getStatus – "Obtaining user statuses": an empty request; the answer is the bare array of
 * users with their work status (the doc's fields: firstName, lastName, middleName, phone,
 * workStatus, workStatusName; no id). The users are those of account/state.ts (the list /users/list
 * answers).
 */
import { bare, type EndpointHandler } from '../handler';

export const usersGetStatus: EndpointHandler = (ctx) =>
	bare(
		ctx.state.account.users.map((u) => ({
			firstName: u.firstName,
			lastName: u.lastName,
			middleName: u.middleName,
			phone: u.phone,
			workStatus: u.workStatus,
			workStatusName: u.workStatusName,
		})),
	);
