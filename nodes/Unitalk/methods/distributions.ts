import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getAllDistributions } from '../actions/messageDistribution/common';

/** Message distributions of the project, newest first, filtered by name or ID as the user types. */
export async function searchDistributions(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = (await getAllDistributions(this))
		.filter(
			(d) =>
				!needle ||
				String(d.name ?? '')
					.toLowerCase()
					.includes(needle) ||
				String(d.id) === needle,
		)
		.sort((a, b) => Number(b.id) - Number(a.id))
		.map((d) => ({
			name: d.status ? `${String(d.name)} (${String(d.status)})` : String(d.name),
			value: String(d.id),
		}));
	return { results };
}
