import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { searchCallbotTasks } from './tasks';

/**
 * The dropdown functions of the NXTele node, by the name the fields use
 * (`typeOptions.searchListMethod` / `loadOptionsMethod`). A resource adds its functions here.
 */
export const listSearch: Record<
	string,
	(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	) => Promise<INodeListSearchResult>
> = { searchCallbotTasks };

export const loadOptions: Record<
	string,
	(this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>
> = {};
