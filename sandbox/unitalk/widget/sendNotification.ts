/**
 * /widget/sendNotification ("Sending notifications to Web Dialer"): `{userIds: [...], data: {contactName,
 * contactLink, entityName, entityLink, responsible}}`. Success
 * `{"status":"Success","data":{"notificationId":<id>}}`; the notification is shown to the listed users
 * who have Web Dialer connected. Errors in the doc's words ("User with id <id> not found" names the first
 * unknown id).
 */
import { failure, success, type EndpointHandler } from '../handler';
import { isBlank, messaging, projectUserIds } from '../messages/common';
import { notificationDataSchema, userIdsSchema } from '../messages/schemas';

export const NOTIFICATION_FIELDS = [
	'contactName',
	'contactLink',
	'entityName',
	'entityLink',
	'responsible',
] as const;

export const widgetSendNotification: EndpointHandler = (ctx, params) => {
	const state = messaging(ctx);
	const ids = userIdsSchema.safeParse(params.userIds);
	if (!ids.success || ids.data.length === 0)
		return failure('No users was specified for notifications send');
	const data = notificationDataSchema.safeParse(params.data ?? {});
	if (!data.success || NOTIFICATION_FIELDS.every((f) => isBlank(data.data[f])))
		return failure('Data fields is all null');
	const userIds = ids.data.map(Number);
	const known = projectUserIds(ctx);
	const unknown = userIds.find((id) => !known.has(id));
	if (unknown !== undefined) return failure(`User with id ${unknown} not found`);
	const shownTo = userIds.filter((id) => state.webDialer.get(id) === true);
	if (shownTo.length === 0) return failure('No users with connected chrome extension was found');
	const notification = {
		id: state.nextNotificationId++,
		userIds,
		shownTo,
		data: Object.fromEntries(
			NOTIFICATION_FIELDS.map((f) => [f, isBlank(data.data[f]) ? null : String(data.data[f])]),
		),
		hiddenFor: [],
		createdAt: ctx.clock(),
	};
	state.notifications.set(notification.id, notification);
	return success({ data: { notificationId: notification.id } });
};
