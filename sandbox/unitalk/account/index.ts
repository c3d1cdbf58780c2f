/**
 * The project-data endpoints (users, lines, groups, blocked lists, call history, operator statistics,
 * scheduled event handlers, incoming webhook links), merged into UNITALK_ENDPOINTS (endpoints.ts).
 * One handler file per endpoint; state in ./state.ts (`state.account`).
 */
import type { EndpointHandler } from '../handler';
import { groupsAction } from './groupsAction';
import { historyGet } from './historyGet';
import { innerPhones } from './innerPhones';
import { innerSetStatus } from './innerSetStatus';
import { lists } from './lists';
import { operatorStatistic } from './operatorStatistic';
import { removeScheduledByPhones } from './removeScheduledByPhones';
import { usersGetStatus } from './usersGetStatus';
import { usersList } from './usersList';
import { usersWorkHistory } from './usersWorkHistory';
import { webhookEvent } from './webhookEvent';

export const ACCOUNT_ENDPOINTS: Record<string, EndpointHandler> = {
	'/lists': lists,
	'/users/list': usersList,
	'/users/getStatus': usersGetStatus,
	'/users/workHistory': usersWorkHistory,
	'/phones/inner': innerPhones,
	'/phones/inner/setStatus': innerSetStatus,
	'/groups/action': groupsAction,
	'/operator/statistic': operatorStatistic,
	'/history/get': historyGet,
	'/eventHandlers/removeScheduledByPhones': removeScheduledByPhones,
	// The doc's literal path (see removeScheduledByPhones.ts).
	'/api/eventHandlers/removeScheduledByPhones': removeScheduledByPhones,
	'/tracking/webhook/event': webhookEvent,
};
