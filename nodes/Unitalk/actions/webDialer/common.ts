import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/validation';
import { splitList } from '../../../shared/lists';

/** The users a Web Dialer notification is shown to or hidden from ("userIds"). */
export const usersField: INodeProperties = {
	displayName: 'User Names or IDs',
	name: 'userIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: [],
	required: true,
	description:
		'Users of the project who have Web Dialer (the Unitalk Chrome extension) connected. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const USERS_LABEL = 'User Names or IDs';

/** The user IDs of item `itemIndex` (a list or comma-separated text), or an error naming the field. */
export function userIds(ctx: IExecuteFunctions, itemIndex: number): number[] {
	const raw = ctx.getNodeParameter('userIds', itemIndex, []) as unknown;
	const ids = splitList(Array.isArray(raw) ? raw : [raw].flatMap((v) => splitList(v)));
	if (ids.length === 0)
		throw inputError(ctx.getNode(), itemIndex, USERS_LABEL, 'is empty; choose at least one user');
	const bad = ids.find((id) => !/^\d+$/.test(id));
	if (bad !== undefined)
		throw inputError(
			ctx.getNode(),
			itemIndex,
			USERS_LABEL,
			`contains "${bad}", which is not a user ID (a whole number)`,
		);
	return [...new Set(ids.map(Number))];
}
