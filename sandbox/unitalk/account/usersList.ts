/**
 * /users/list – "Users list": an empty request; the answer is the bare array of users with the doc's
 * fields (email, firstName, lastName, middleName, phone, role, id, workStatus, workStatusName).
 */
import { bare, type EndpointHandler } from '../handler';

export const usersList: EndpointHandler = (ctx) =>
	bare(
		ctx.state.account.users.map((u) => ({
			email: u.email,
			firstName: u.firstName,
			lastName: u.lastName,
			middleName: u.middleName,
			phone: u.phone,
			role: u.role,
			id: u.id,
			workStatus: u.workStatus,
			workStatusName: u.workStatusName,
		})),
	);
