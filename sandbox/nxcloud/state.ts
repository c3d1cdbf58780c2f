/** In-memory state of the NXCloud voice simulator. */

export interface VoiceFile {
	gmt_create: string;
	file_name: string;
	url: string;
	appkey: string;
	size: number;
}

/** Row of the voice record query (§4.8 group-call shape; OTP rows have voice_type instead of basic_price/ivr_result). */
export interface VoiceRecordRow {
	id: number;
	result: string;
	cycle: number;
	time: string;
	start_time: string;
	end_time: string;
	phone: string;
	basic_price?: number;
	second: number;
	countryCode: string;
	messageid: string | number;
	customer_price: number;
	show_phone: string;
	size: number;
	ivr_result?: number;
	voice_type?: number;
	/** 0 group call, 1 OTP/notification (filter field, not in the documented row). */
	voiceTypeFilter: 0 | 1;
	/** ms timestamp used for the time-range filter. */
	atMs: number;
}

/** A group call task the simulator accepted (numbers kept for the simulated calls). */
export interface GroupCallTask {
	taskId: number;
	taskName: string;
	appId: string;
	source: 1 | 2 | 3;
	numbers: string[];
	displayNum: string;
	createdAt: number;
	/** The accepted parameters without numberList and baseFile (kept small for snapshots). */
	settings: Record<string, unknown>;
}

/** A voice notification or verification code the simulator accepted. */
export interface VoiceMessage {
	messageid: string;
	kind: 'notification' | 'otp';
	phones: string[];
	countryCode: string;
	showPhone: string;
	content: string;
	lang: string;
	ext?: string;
	createdAt: number;
	/** OTP conversion report (§4.10): 1 converted, 0 not; absent until reported. */
	conversion?: 0 | 1;
}

/** One call still to be simulated (by the `dial` control command). */
export interface PendingVoiceCall {
	messageid: string | number;
	phone: string;
	countryCode: string;
	showPhone: string;
	/** Record query / receipt `voice_type`: 0 group call, 1 OTP or notification. */
	voiceType: 0 | 1;
	/** OTP / notification rows: 1 verification, 2 notification. */
	otpKind?: 1 | 2;
}

export interface ReceiptDelivery {
	url: string;
	/** The form body sent. */
	body: string;
	status: number;
	responseBody?: string;
	/** Whether the receiver answered the documented plain `success`. */
	acknowledged: boolean;
	error?: string;
}

export class NxcloudState {
	files: VoiceFile[] = [];
	records: VoiceRecordRow[] = [];
	groupCalls: GroupCallTask[] = [];
	messages: VoiceMessage[] = [];
	pendingCalls: PendingVoiceCall[] = [];
	receiptDeliveries: ReceiptDelivery[] = [];
	/** Where receipts go (the console setting of a real account); set by the `receiptUrl` command. */
	receiptUrl: string | undefined;
	nextTaskId = 1000;
	/** Per accessKey: arrival times of record queries (rate rule). */
	recordQueryTimes = new Map<string, number[]>();
	recordQueryLastViolation = new Map<string, number>();

	reset(): void {
		this.files = [];
		this.records = [];
		this.groupCalls = [];
		this.messages = [];
		this.pendingCalls = [];
		this.receiptDeliveries = [];
		this.receiptUrl = undefined;
		this.nextTaskId = 1000;
		this.recordQueryTimes.clear();
		this.recordQueryLastViolation.clear();
	}

	snapshot(): unknown {
		return {
			files: this.files,
			records: this.records,
			// Numbers as counts: a task holds up to 200,000 of them.
			groupCalls: this.groupCalls.map(({ numbers, ...t }) => ({
				...t,
				numberCount: numbers.length,
			})),
			messages: this.messages,
			pendingCalls: this.pendingCalls.length,
			receiptDeliveries: this.receiptDeliveries,
			receiptUrl: this.receiptUrl,
		};
	}
}
