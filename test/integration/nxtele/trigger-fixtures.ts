/**
 * A Callbot task with orders in the sandbox, created by a signed createAndCall whose callback URLs point
 * at a trigger (used by the trigger's integration and e2e tests).
 */
import { createHash, randomBytes } from 'crypto';

export interface CallbotAccount {
	uuid: string;
	secretKey: string;
}

function sign(account: CallbotAccount, body: string, createTs: string, requestID: string): string {
	return createHash('md5')
		.update(
			`${account.secretKey}&body=${body}&createTs=${createTs}&requestID=${requestID}&uuid=${account.uuid}`,
		)
		.digest('hex')
		.toUpperCase();
}

/** Headers of a Callbot-signed request or callback over `body` (research §1.2). */
export function callbotHeaders(
	account: CallbotAccount,
	body: string,
	createTs = String(Math.floor(Date.now() / 1000)),
): Record<string, string> {
	const requestID = randomBytes(16).toString('hex');
	return {
		'Content-Type': 'application/json',
		requestID,
		uuid: account.uuid,
		createTs,
		sign: sign(account, body, createTs, requestID),
	};
}

/** createAndCall with `phones.length` orders; the three callback URLs are `triggerUrl?callback=<kind>`. */
export async function createCallbotTask(
	callbotBaseUrl: string,
	account: CallbotAccount,
	triggerUrl: string,
	userTaskID: string,
	phones: string[],
): Promise<unknown> {
	const at = (kind: string) => `${triggerUrl}?callback=${kind}`;
	const body = JSON.stringify({
		productID: 'callbot',
		userTaskID,
		sceneID: 'scene-1',
		taskCreateSetting: {
			strategyName: '',
			startupType: 3,
			startupAt: 0,
			zoneSecond: 0,
			dialAtWeekDay: '1,2,3,4,5,6,7',
			dialAtUpHour: '0,23',
			dialAtDownHour: '0,23',
			maxCall: 5,
			taskName: userTaskID,
			taskCallbackUrl: at('task'),
			maxRingTime: 30,
			routeID: '',
		},
		funcFlag: {
			taskKeep: false,
			roundRedial: false,
			wholeTTS: false,
			smsEnable: false,
			phoneEncrypt: false,
		},
		callInfoList: {
			orderCallbackUrl: at('order'),
			callCallbackUrl: at('call'),
			callList: phones.map((userPhone, i) => ({
				orderID: `${userTaskID}-o${i + 1}`,
				userPhone,
				other: JSON.stringify({ crmId: `lead-${i + 1}`, note: 'ünïcödé & "quotes"' }),
				userName: '',
				customerName: '',
				params: [],
			})),
		},
	});
	const res = await fetch(`${callbotBaseUrl}/callcentre/api/v3/createAndCall`, {
		method: 'POST',
		headers: callbotHeaders(account, body),
		body,
	});
	return await res.json();
}
