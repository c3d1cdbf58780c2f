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

export class NxcloudState {
	files: VoiceFile[] = [];
	records: VoiceRecordRow[] = [];
	/** Per accessKey: arrival times of record queries (rate rule). */
	recordQueryTimes = new Map<string, number[]>();
	recordQueryLastViolation = new Map<string, number>();

	reset(): void {
		this.files = [];
		this.records = [];
		this.recordQueryTimes.clear();
		this.recordQueryLastViolation.clear();
	}

	snapshot(): unknown {
		return { files: this.files, records: this.records };
	}
}
