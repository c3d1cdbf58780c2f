/**
 * The NXCloud voice send endpoints, the simulated calls and the voice receipts (research/nxcloud.md §4).
 *
 * What the docs leave open, and what this simulator does about it (also in sandbox/README.md):
 * - The NEW group call page was not found (§4.2 [U]). Parameters and rules come from the seed table
 *   (provider-docs/nxcloud-voice-group-call-params.txt); path, envelope and error codes from the analog
 *   API the research documents ([A], itniotech `/voice/group/call/send` → here `/v1/voice/group/call/send`,
 *   answer `{"code":"0","msg":"success","data":<task id>}`, errors -20 duplicate, -21 validation,
 *   -22 parameter error, -23 data limit). bizType / action of it are unknown: any non-empty value passes.
 * - Notification and OTP: only the old form APIs are documented (§4.9.2, §4.9.3, `notsend` / `versend`,
 *   `{"code":"0","messageid":…,"message":"Success"}`); they are served at those paths under the convention
 *   headers, appkey / secretkey optional. Whether `phone` carries the country code is not said; the receipt
 *   example (§4.11) shows it does, so numbers are 7-15 digits in full.
 * - How `voiceFileId` is obtained is unknown (§4.5): any non-empty id is accepted.
 * - Receipts: the new format is unknown; the old one (§4.11) is used: a form POST to the account's receipt
 *   URL (a console setting: here the `receiptUrl` control command), answered with the plain text `success`.
 *   Pushed once, never repeated (documented).
 */
import type { ProviderEnv, ProviderReply } from '../provider';
import { jsonReply } from '../provider';
import { formatDateTime, hexId } from '../util';
import type { PendingVoiceCall, ReceiptDelivery, VoiceRecordRow } from './state';
import { NxcloudState } from './state';
import {
	conversionSchema,
	GROUP_CALL_MAX_NUMBERS,
	groupCallSchema,
	notifySchema,
	otpSchema,
	type VoiceDialCommand,
} from './voiceSchemas';

export const GROUP_CALL_PATH = '/v1/voice/group/call/send';
export const NOTIFY_PATH = '/api/voiceSms/notsend';
export const OTP_PATH = '/api/voiceSms/versend';
export const CONVERSION_PATH = '/api/voiceSms/conversion';

type Params = Record<string, unknown> | undefined;

function firstIssue(issues: Array<{ path: Array<string | number>; message: string }>): string {
	const i = issues[0];
	return `${i.path.join('.') || 'body'}: ${i.message}`;
}

export class NxcloudVoice {
	constructor(
		private readonly state: NxcloudState,
		private readonly env: ProviderEnv,
	) {}

	// ---- group call (seed table, envelope [A]) -----------------------------------------------------

	groupCall(params: Params): ProviderReply {
		const fail = (code: string, msg: string) =>
			jsonReply(200, { code, msg }, 'rejected', `${code} ${msg}`);
		if (!params) return fail('-22', 'parameter error: the body must be a JSON object');
		// The cap first: it has its own code, and a 200,001-number body is otherwise valid.
		if (Array.isArray(params.numberList) && params.numberList.length > GROUP_CALL_MAX_NUMBERS)
			return fail(
				'-23',
				`data limit reached: numberList has ${params.numberList.length} numbers, at most ${GROUP_CALL_MAX_NUMBERS}`,
			);
		const p = groupCallSchema.safeParse(params);
		if (!p.success) return fail('-21', `data validation error: ${firstIssue(p.error.issues)}`);
		const b = p.data;
		if (this.state.groupCalls.some((t) => t.taskName === b.taskName))
			return fail('-20', `data already exists: a task named "${b.taskName}" exists`);
		const taskId = this.state.nextTaskId++;
		const { numberList, baseFile: _file, ...settings } = b;
		this.state.groupCalls.push({
			taskId,
			taskName: b.taskName,
			appId: b.appId,
			source: b.source,
			numbers: numberList,
			displayNum: b.displayNum ?? '',
			createdAt: this.env.clock(),
			settings,
		});
		for (const phone of numberList)
			this.state.pendingCalls.push({
				messageid: taskId,
				phone,
				// Not part of the group call request; the number holds it (country code + number).
				countryCode: '',
				showPhone: b.displayNum ?? '',
				voiceType: 0,
			});
		return jsonReply(200, { code: '0', msg: 'success', data: taskId }, 'accepted');
	}

	// ---- notification / verification code (old form APIs, §4.9) ------------------------------------

	notify(params: Params, kind: 'notification' | 'otp'): ProviderReply {
		const fail = (code: string, message: string) =>
			jsonReply(200, { code, messageid: '', message }, 'rejected', `${code} ${message}`);
		if (!params) return fail('2', 'Request parameter error');
		const p = (kind === 'otp' ? otpSchema : notifySchema).safeParse(params);
		if (!p.success) {
			const field = p.error.issues[0].path[0];
			if (field === 'country_code') return fail('23', 'Country code error');
			if (field === 'content') return fail('4', 'Content empty');
			return fail('2', `Request parameter error: ${firstIssue(p.error.issues)}`);
		}
		const phones = p.data.phone.split(',').map((s) => s.trim());
		if (kind === 'otp' && phones.length !== 1)
			return fail('6', 'Phone number error: one number only');
		if (phones.some((n) => !/^\d{7,15}$/.test(n))) return fail('6', 'Phone number error');
		const messageid = hexId();
		this.state.messages.push({
			messageid,
			kind,
			phones,
			countryCode: p.data.country_code,
			showPhone: p.data.show_phone,
			content: p.data.content,
			lang: p.data.lang,
			ext: (p.data as { ext?: string }).ext,
			createdAt: this.env.clock(),
		});
		for (const phone of phones)
			this.state.pendingCalls.push({
				messageid,
				phone,
				countryCode: p.data.country_code,
				showPhone: p.data.show_phone,
				voiceType: 1,
				otpKind: kind === 'otp' ? 1 : 2,
			});
		return jsonReply(200, { code: '0', messageid, message: 'Success' }, 'accepted');
	}

	/** OTP conversion report (§4.10). */
	conversion(params: Params): ProviderReply {
		const fail = (info: string) =>
			jsonReply(200, { code: 'failed', info }, 'rejected', `failed: ${info}`);
		const p = conversionSchema.safeParse(params ?? {});
		if (!p.success) return fail(firstIssue(p.error.issues));
		const message = this.state.messages.find(
			(m) => m.kind === 'otp' && m.messageid === p.data.messageid,
		);
		if (!message) return fail('messageid not exist');
		message.conversion = p.data.status;
		return jsonReply(200, { code: 'success', info: 'success' }, 'accepted');
	}

	// ---- simulated calls and receipts (§4.8 rows, §4.11 receipts) --------------------------------

	/**
	 * Makes the calls of everything sent so far (oldest first): each becomes a voice record row and, when a
	 * receipt URL is known, one receipt (form POST, `success` expected back).
	 */
	async dial(cmd: VoiceDialCommand): Promise<{ dialed: number; receipts: ReceiptDelivery[] }> {
		const calls = this.state.pendingCalls.splice(0, cmd.limit ?? this.state.pendingCalls.length);
		const url = cmd.receiptUrl ?? this.state.receiptUrl;
		const answered = cmd.answered ?? true;
		const seconds = answered ? (cmd.durationSeconds ?? 20) : 0;
		const receipts: ReceiptDelivery[] = [];
		const now = this.env.clock();
		for (const call of calls) {
			const row = this.recordRow(call, now, answered, seconds);
			this.state.records.push(row);
			if (url) {
				const delivery = await deliverReceipt(url, receiptFields(call, row));
				receipts.push(delivery);
				this.state.receiptDeliveries.push(delivery);
			}
		}
		return { dialed: calls.length, receipts };
	}

	private recordRow(
		call: PendingVoiceCall,
		now: number,
		answered: boolean,
		seconds: number,
	): VoiceRecordRow {
		const start = formatDateTime(now);
		const row: VoiceRecordRow = {
			id: this.state.records.length + 1,
			result: answered ? '成功接通' : '未接通',
			cycle: 60,
			time: start,
			start_time: start,
			end_time: formatDateTime(now + seconds * 1000),
			phone: call.phone,
			second: seconds,
			countryCode: call.countryCode,
			messageid: call.messageid,
			customer_price: 0.036,
			show_phone: call.showPhone,
			size: answered ? Math.max(1, Math.ceil(seconds / 60)) : 0,
			voiceTypeFilter: call.voiceType,
			atMs: now,
		};
		if (call.voiceType === 0) {
			row.basic_price = 0.005;
			row.ivr_result = 1;
		} else row.voice_type = call.otpKind;
		return row;
	}
}

/** The §4.11 receipt fields of one simulated call. */
function receiptFields(call: PendingVoiceCall, row: VoiceRecordRow): Record<string, string> {
	const answered = row.second > 0;
	const fields: Record<string, string> = {
		phone: row.phone,
		countryCode: row.countryCode,
		duration: String(row.second),
		voice_type: String(call.voiceType),
		messageid: String(row.messageid),
		second: String(row.second),
		cycle: String(row.cycle),
		size: String(row.size),
		customer_price: String(row.customer_price),
		start_time: row.start_time,
		end_time: row.end_time,
		result: answered ? 'Successful connection' : 'Not connected',
		hangup_cause: answered ? 'NORMAL_CLEARING' : 'NO_ANSWER',
		hangup_disposition: answered ? 'recv_bye' : 'send_cancel',
		show_phone: row.show_phone,
	};
	if (call.voiceType === 0) {
		fields.basic_price = String(row.basic_price);
		fields.ivr_result = String(row.ivr_result ?? '');
	}
	return fields;
}

async function deliverReceipt(
	url: string,
	fields: Record<string, string>,
	timeoutMs = 5000,
): Promise<ReceiptDelivery> {
	const body = new URLSearchParams(fields).toString();
	try {
		// A connection per delivery, like the other emitters: no kept-alive socket to lose it on.
		const res = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', connection: 'close' },
			body,
			signal: AbortSignal.timeout(timeoutMs),
		});
		const text = await res.text();
		return {
			url,
			body,
			status: res.status,
			responseBody: text,
			acknowledged: res.status === 200 && text.trim() === 'success',
		};
	} catch (err) {
		return {
			url,
			body,
			status: 0,
			acknowledged: false,
			error: err instanceof Error ? err.message : String(err),
		};
	}
}
