/**
 * /widget/hideNotification ("Hiding notifications in Web Dialer"): `{userIds: [...], notificationId}`.
 * Success `{"status":"Success"}`. Errors in the doc's words; "not found or chrome extension not
 * connected" when none of the listed users is a known user with Web Dialer connected. An unknown
 * notificationId hides nothing and succeeds (the doc lists no error for it).
 */
import { failure, success, type EndpointHandler } from '../handler';
import { isBlank, messaging, projectUserIds, wholeNumber } from '../messages/common';
import { userIdsSchema } from '../messages/schemas';

export const widgetHideNotification: EndpointHandler = (ctx, params) => {
	const state = messaging(ctx);
	const ids = userIdsSchema.safeParse(params.userIds);
	if (!ids.success || ids.data.length === 0)
		return failure('No users was specified for notifications hide');
	if (isBlank(params.notificationId)) return failure('NotificationId not specified');
	const notificationId = wholeNumber(params.notificationId);
	if (notificationId === undefined) return failure('NotificationId not specified');
	const known = projectUserIds(ctx);
	const reachable = ids.data
		.map(Number)
		.filter((id) => known.has(id) && state.webDialer.get(id) === true);
	if (reachable.length === 0)
		return failure('The specified users are not found or chrome extension not connected');
	const notification = state.notifications.get(notificationId);
	if (notification) {
		for (const id of reachable)
			if (!notification.hiddenFor.includes(id)) notification.hiddenFor.push(id);
	}
	return success();
};
