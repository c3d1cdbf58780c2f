/**
 * /message/getStatus – the sending status of one message ("Getting the message sending status"). `id`
 * comes as a form field or a query parameter (JSON is read too). Success:
 * `{"status":"Success","data":{"messageStatus":"SENT|DELIVERED|NOT_DELIVERED|ERROR","errorText":...}}`.
 * Errors: "Invalid id", "Message not found".
 */
import { failure, success, type EndpointHandler } from '../handler';
import { messaging, wholeNumber } from './common';

export const messageGetStatus: EndpointHandler = (ctx, params) => {
	const id = wholeNumber(params.id);
	if (id === undefined) return failure('Invalid id');
	const message = messaging(ctx).messages.get(id);
	if (!message) return failure('Message not found');
	return success({
		data: {
			messageStatus: message.status,
			errorText: message.status === 'ERROR' ? message.errorText : null,
		},
	});
};
