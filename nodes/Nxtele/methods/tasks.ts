import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { PRODUCT_ID, TASK_STATUSES } from '../actions/common';
import { callbotRequest } from '../transport';

const PAGE_SIZE = 100;

/** Callbot tasks for the Task dropdown, newest first, filtered by name or ID as the user types. */
export async function searchCallbotTasks(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const answer = await callbotRequest.call(
		this,
		'listTask',
		{ productID: PRODUCT_ID, page, size: PAGE_SIZE, queryConditions: {} },
		{ action: 'Get Tasks', idempotent: true },
	);
	const tasks = (answer.taskData ?? []) as IDataObject[];
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = tasks
		.filter(
			(t) =>
				!needle ||
				String(t.taskName ?? '')
					.toLowerCase()
					.includes(needle) ||
				String(t.userTaskID ?? '')
					.toLowerCase()
					.includes(needle),
		)
		.sort((a, b) => Number(b.createTs ?? 0) - Number(a.createTs ?? 0))
		.map((t) => {
			const status = TASK_STATUSES.find((s) => s.value === Number(t.taskStatus))?.name;
			const name = String(t.taskName || t.userTaskID);
			return { name: status ? `${name} (${status})` : name, value: String(t.userTaskID) };
		});
	return { results, paginationToken: tasks.length === PAGE_SIZE ? String(page + 1) : undefined };
}
