import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { autodialAction } from '../transport';

/** Autodialers of the project, newest first, filtered by name or ID as the user types. */
export async function searchAutodialers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = await autodialAction.call(
		this,
		'GET_LIST',
		{},
		{ action: 'Get Autodialers', idempotent: true },
	);
	const tasks = (
		Array.isArray(answer) ? answer : ((answer as IDataObject)?.tasks ?? [])
	) as IDataObject[];
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = tasks
		.filter(
			(t) =>
				!needle ||
				String(t.name ?? '')
					.toLowerCase()
					.includes(needle) ||
				String(t.id) === needle,
		)
		.sort((a, b) => Number(b.id) - Number(a.id))
		.map((t) => {
			const status = taskStatus(t);
			return { name: status ? `${t.name} (${status})` : String(t.name), value: String(t.id) };
		});
	return { results };
}

/** GET_LIST puts the status at `taskStatusInfo.status` (a plain `status` is read when it is there). */
function taskStatus(task: IDataObject): string | undefined {
	const info = task.taskStatusInfo as IDataObject | undefined;
	const status = info?.status ?? task.status;
	return status === undefined || status === null || status === '' ? undefined : String(status);
}
