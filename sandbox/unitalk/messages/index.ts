/**
 * The message, distribution and Web Dialer endpoints of the Unitalk simulator, one handler file each;
 * spread into UNITALK_ENDPOINTS (endpoints.ts).
 */
import type { EndpointHandler } from '../handler';
import { widgetHideNotification } from '../widget/hideNotification';
import { widgetSendNotification } from '../widget/sendNotification';
import { distributionCreate } from './distributionCreate';
import { distributionGetAll } from './distributionGetAll';
import { distributionRemove } from './distributionRemove';
import { distributionSetPaused } from './distributionSetPaused';
import { distributionUpdate } from './distributionUpdate';
import { messageGetStatus } from './getStatus';
import { messageSend } from './send';
import { messageSendBulk } from './sendBulk';

export const MESSAGING_ENDPOINTS: Record<string, EndpointHandler> = {
	'/message/send': messageSend,
	'/message/sendBulk': messageSendBulk,
	'/message/getStatus': messageGetStatus,
	'/messageDistribution/getAll': distributionGetAll,
	'/messageDistribution/create': distributionCreate,
	'/messageDistribution/update': distributionUpdate,
	'/messageDistribution/remove': distributionRemove,
	'/messageDistribution/setPaused': distributionSetPaused,
	'/widget/sendNotification': widgetSendNotification,
	'/widget/hideNotification': widgetHideNotification,
};
