import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listRows, twin24Request } from '../transport';

const PAGE = 100;

/** Bot scripts of the cabinet, filtered by name as the user types; paged with the list's offset. */
export async function searchBots(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const { rows } = listRows(
		await twin24Request.call(this, {
			service: 'bot',
			method: 'GET',
			path: '/bots',
			qs: { offset, limit: PAGE },
			action: 'Get Bots',
			idempotent: true,
		}),
	);
	return {
		results: matching(rows, filter).map((b) => ({
			name: String(b.name ?? b.id),
			value: String(b.id),
		})),
		paginationToken: rows.length === PAGE ? String(offset + PAGE) : undefined,
	};
}

/** Call tasks, newest first, found by name (Twin24's keyword filter). */
export async function searchTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const { rows } = listRows(
		await twin24Request.call(this, {
			method: 'GET',
			path: '/telephony/autoCall',
			qs: { offset, limit: PAGE, sort: '-createdAt', ...(filter ? { keyword: filter } : {}) },
			action: 'Get Tasks',
			idempotent: true,
		}),
	);
	return {
		results: matching(rows, filter).map((t) => ({
			name: t.status ? `${String(t.name ?? t.id)} (${String(t.status)})` : String(t.name ?? t.id),
			value: String((t.id as IDataObject | undefined)?.identity ?? t.id),
		})),
		paginationToken: rows.length === PAGE ? String(offset + PAGE) : undefined,
	};
}

/** Rows whose name contains the filter, or whose ID is the filter (the provider may not filter). */
function matching(rows: IDataObject[], filter?: string): IDataObject[] {
	const needle = filter?.trim().toLowerCase() ?? '';
	if (!needle) return rows;
	return rows.filter(
		(r) =>
			String(r.name ?? '')
				.toLowerCase()
				.includes(needle) || String(r.id) === needle,
	);
}
