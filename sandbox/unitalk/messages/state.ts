/**
 * In-memory state of the Unitalk messaging simulator: sent messages (/message/*), message
 * distributions (/messageDistribution/*), Web Dialer notifications (/widget/*) and which users have
 * Web Dialer connected. The users themselves are the project's (`state.account.users`, /users/list;
 * see projectUserIds in common.ts).
 *
 * Test knobs (not part of the provider API):
 *   - `serviceConnected = false` makes every message endpoint answer "message service not connected";
 *   - `refuseNumber(phone, reason)` makes the messaging service refuse that number: /message/send
 *     answers "Service response", /message/sendBulk gives that number an id and the reason as its error;
 *   - `completeDistribution(id)` marks a distribution COMPLETED (update / pause then refuse it).
 */
import { createHash } from 'node:crypto';

import { formatDateTime } from '../../util';

export type MessageType = 'SMS' | 'VIBER';
export type MessageStatus = 'SENT' | 'DELIVERED' | 'NOT_DELIVERED' | 'ERROR';
export type ViberMessageType = 'PROMO' | 'TRANSACTIONAL' | 'CAROUSEL';
export type DistributionStatus =
	| 'COMPLETED'
	| 'PAUSED'
	| 'WAITING_START_TIME'
	| 'IN_PROGRESS'
	| 'MESSAGE_SERVICE_NOT_CONNECTED';

export interface SentMessage {
	id: number;
	messageType: MessageType;
	to: string;
	text: string;
	alfaName: string | null;
	/** Which endpoint sent it. */
	via: 'send' | 'sendBulk';
	status: MessageStatus;
	errorText: string | null;
	createdAt: number;
}

/** An image received as base64: the decoded bytes are kept so tests can compare them with what was sent. */
export interface ReceivedImage {
	mimeType: string;
	fileName: string;
	bytes: Buffer;
	sha256: string;
}

export interface CarouselCard {
	title: string;
	image: ReceivedImage;
	primaryButton: { label: string; actionUrl: string };
	secondaryButton: { label: string | null; actionUrl: string | null } | null;
}

export interface Distribution {
	id: number;
	name: string;
	messageType: MessageType;
	viberMessageType: ViberMessageType | null;
	alphaName: string | null;
	numbers: string[];
	text: string;
	/** `yyyy-MM-dd HH:mm:ss` or null (started at once). */
	startTime: string | null;
	paused: boolean;
	completed: boolean;
	/** Numbers already processed (the simulator does not send by itself; tests may set it). */
	processedCount: number;
	viberTTL: number | null;
	image: ReceivedImage | null;
	buttonText: string | null;
	buttonUrl: string | null;
	carouselItems: CarouselCard[] | null;
	sendSmsAfterViber: boolean;
	smsText: string | null;
	smsAlphaName: string | null;
	createdAt: number;
	updatedAt: number;
}

export interface WebDialerNotification {
	id: number;
	userIds: number[];
	/** Users with Web Dialer connected who were shown the notification. */
	shownTo: number[];
	data: Record<string, string | null>;
	hiddenFor: number[];
	createdAt: number;
}

export const SEED_DISTRIBUTION_IDS = [701, 702] as const;
/** Creation time of the seeded distributions (2024-07-01 00:00:00 UTC). */
const SEED_TIME = Date.UTC(2024, 6, 1);
/** Users of the seeded project (the USER dictionary and /users/list use the same ids). */
export const SEED_USER_IDS = { connected: [12345, 12346], notConnected: 12347 } as const;

export function imageFromBase64(base64: string, mimeType: string, fileName: string): ReceivedImage {
	const bytes = Buffer.from(base64, 'base64');
	return {
		mimeType,
		fileName,
		bytes,
		sha256: createHash('sha256').update(bytes).digest('hex'),
	};
}

export class MessagingState {
	serviceConnected = true;
	readonly refusedNumbers = new Map<string, string>();
	readonly messages = new Map<number, SentMessage>();
	readonly distributions = new Map<number, Distribution>();
	/** User id -> whether that user has Web Dialer (the Chrome extension) connected. */
	readonly webDialer = new Map<number, boolean>();
	readonly notifications = new Map<number, WebDialerNotification>();
	nextMessageId = 500_001;
	nextDistributionId = 800;
	nextNotificationId = 1_700_000_001;

	constructor(private readonly clock: () => number) {
		this.seed();
	}

	reset(): void {
		this.serviceConnected = true;
		this.refusedNumbers.clear();
		this.messages.clear();
		this.distributions.clear();
		this.webDialer.clear();
		this.notifications.clear();
		this.nextMessageId = 500_001;
		this.nextDistributionId = 800;
		this.nextNotificationId = 1_700_000_001;
		this.seed();
	}

	refuseNumber(phone: string, reason: string): void {
		this.refusedNumbers.set(phone.replace(/\D/g, ''), reason);
	}

	completeDistribution(id: number): void {
		const d = this.distributions.get(id);
		if (d) {
			d.completed = true;
			d.processedCount = d.numbers.length;
		}
	}

	addMessage(m: Omit<SentMessage, 'id' | 'createdAt'>): SentMessage {
		const message: SentMessage = { ...m, id: this.nextMessageId++, createdAt: this.clock() };
		this.messages.set(message.id, message);
		return message;
	}

	distributionStatus(d: Distribution): DistributionStatus {
		if (d.completed) return 'COMPLETED';
		if (!this.serviceConnected) return 'MESSAGE_SERVICE_NOT_CONNECTED';
		if (d.paused) return 'PAUSED';
		// startTime is compared as UTC wall time, like every date the sandbox prints.
		if (d.startTime !== null && d.startTime > formatDateTime(this.clock()))
			return 'WAITING_START_TIME';
		return 'IN_PROGRESS';
	}

	/** A distribution as /messageDistribution/getAll shows it. */
	distributionView(d: Distribution): Record<string, unknown> {
		return {
			id: d.id,
			name: d.name,
			messageType: d.messageType,
			text: d.text,
			startTime: d.startTime,
			paused: d.paused,
			totalNumbersCount: d.numbers.length,
			currentNumbersCount: d.numbers.length - d.processedCount,
			status: this.distributionStatus(d),
		};
	}

	/**
	 * Seeds fixed data without reading the clock: the state is created while UnitalkState is still
	 * being constructed (a field initializer), before its clock is available.
	 */
	private seed(): void {
		const blank = {
			viberMessageType: null,
			alphaName: null,
			viberTTL: null,
			image: null,
			buttonText: null,
			buttonUrl: null,
			carouselItems: null,
			sendSmsAfterViber: false,
			smsText: null,
			smsAlphaName: null,
			createdAt: SEED_TIME,
			updatedAt: SEED_TIME,
		};
		this.distributions.set(701, {
			...blank,
			id: 701,
			name: 'Sandbox spring sale',
			messageType: 'SMS',
			numbers: ['380971234567', '380671234567'],
			text: 'Spring sale: -20% until Sunday',
			startTime: null,
			paused: false,
			completed: false,
			processedCount: 1,
		});
		this.distributions.set(702, {
			...blank,
			id: 702,
			name: 'Sandbox finished reminder',
			messageType: 'SMS',
			numbers: ['380971234567'],
			text: 'Your appointment is tomorrow',
			startTime: '2024-07-07 12:00:00',
			paused: false,
			completed: true,
			processedCount: 1,
		});
		for (const id of SEED_USER_IDS.connected) this.webDialer.set(id, true);
		this.webDialer.set(SEED_USER_IDS.notConnected, false);
	}

	snapshot(): unknown {
		const image = (i: ReceivedImage | null) =>
			i && { mimeType: i.mimeType, fileName: i.fileName, size: i.bytes.length, sha256: i.sha256 };
		return {
			serviceConnected: this.serviceConnected,
			refusedNumbers: Object.fromEntries(this.refusedNumbers),
			messages: [...this.messages.values()],
			distributions: [...this.distributions.values()].map((d) => ({
				...d,
				image: image(d.image),
				carouselItems: d.carouselItems?.map((c) => ({ ...c, image: image(c.image) })) ?? null,
			})),
			webDialer: Object.fromEntries(this.webDialer),
			notifications: [...this.notifications.values()],
		};
	}
}
