/**
 * /groups/action – "Deleting a number from a group": `{"action": "REMOVE_NUMBER", "groupId": 141,
 * "number": "2561"}`. Success: `{"status":"Success"}`.
 *
 * The doc shows neither the answer nor errors. Sandbox choices: another action answers "Wrong action"
 * (as /autodial/action does here); a groupId that is missing or not a group of the project
 * (`state.project.groups`, autodial/dictionaries.ts) "Group not found" (the doc's string for groups in
 * autodialer settings); a missing number, or one not in the group (`state.account.groupMembers`),
 * "Number not found" (invented).
 */
import { failure, success, type EndpointHandler } from '../handler';
import { groupsActionSchema } from './schemas';

export const GROUPS_ERRORS = {
	wrongAction: 'Wrong action',
	groupNotFound: 'Group not found',
	numberNotFound: 'Number not found',
} as const;

export const groupsAction: EndpointHandler = (ctx, params) => {
	const p = groupsActionSchema.safeParse(params);
	const action = p.success ? p.data.action : undefined;
	if (!p.success || action !== 'REMOVE_NUMBER')
		return {
			...failure(`${GROUPS_ERRORS.wrongAction}: ${String(action)}`),
			operation: String(action),
		};
	const groupId = p.data.groupId;
	if (
		groupId == null ||
		!Object.prototype.hasOwnProperty.call(ctx.state.project.groups, String(groupId))
	)
		return { ...failure(GROUPS_ERRORS.groupNotFound), operation: action };
	const members = ctx.state.account.groupMembers.get(groupId) ?? [];
	const number = p.data.number ?? '';
	if (!members.includes(number))
		return { ...failure(GROUPS_ERRORS.numberNotFound), operation: action };
	ctx.state.account.groupMembers.set(
		groupId,
		members.filter((n) => n !== number),
	);
	return { ...success(), operation: action };
};
