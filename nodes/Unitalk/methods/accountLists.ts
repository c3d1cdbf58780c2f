import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { unwrapData } from '../actions/projectHelpers';
import { unitalkRequest } from '../transport';

/**
 * Dropdowns filled from the account's own lists: users (/users/list) and internal lines with their
 * status (/phones/inner). Groups of internal lines come from getPhoneGroups (dictionary.ts).
 */

function fullName(user: IDataObject): string {
	return [user.firstName, user.middleName, user.lastName]
		.filter((p) => p !== undefined && p !== null && p !== '')
		.join(' ');
}

async function users(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const answer = await unitalkRequest.call(ctx, '/users/list', undefined, {
		action: 'Get Users',
		idempotent: true,
	});
	const list = unwrapData(answer);
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

export const accountLists = {
	/** Users by ID: "John Callid (line 1234)". */
	async getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await users(this))
			.map((u) => ({
				name: `${fullName(u) || String(u.email ?? u.id)}${u.phone ? ` (line ${String(u.phone)})` : ''}`,
				value: Number(u.id),
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
	},

	/** The internal lines assigned to users, by line number: "John Callid (1234)". */
	async getUserLines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return (await users(this))
			.filter((u) => u.phone !== undefined && u.phone !== null && u.phone !== '')
			.map((u) => ({
				name: `${fullName(u) || String(u.email ?? u.id)} (${String(u.phone)})`,
				value: String(u.phone),
			}))
			.sort((a, b) => a.name.localeCompare(b.name));
	},

	/** Every internal line with its current status: "1234 (online)". */
	async getInternalLines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const answer = await unitalkRequest.call(this, '/phones/inner', undefined, {
			action: 'Get Internal Line Statuses',
			idempotent: true,
		});
		const data = unwrapData(answer);
		const lines: Array<[string, unknown]> = Array.isArray(data)
			? (data as IDataObject[]).map((l) => [String(l.number), l.status])
			: Object.entries((data ?? {}) as IDataObject).filter(
					([key]) => key !== 'status' && key !== 'message',
				);
		return lines
			.map(([number, status]) => ({
				name: status ? `${number} (${String(status)})` : number,
				value: number,
			}))
			.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
	},
};
