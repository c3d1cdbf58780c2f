/**
 * In-memory state of the Callbot simulator: tasks (keyed by the caller's userTaskID), orders (one phone
 * number = one order, keyed by the caller's globally unique orderID) and calls (rounds of an order).
 *
 * Enumerations the docs confirm: taskStatus 1 pending, 2 in progress, 3 completed, 4 ended (failed), 5 paused.
 * Invented (the docs lost them, research §7): callStatus 1 = answered, 2 = not answered; intentLevel 0.
 */
import { hexId } from '../util';

export const TASK_STATUS = { pending: 1, running: 2, completed: 3, ended: 4, paused: 5 } as const;
export const CALL_STATUS = { answered: 1, notAnswered: 2 } as const;

export interface CallbotParam {
	name: string | null;
	value: string | null;
}

export interface CallbotCall {
	callID: string;
	orderID: string;
	userTaskID: string;
	taskID: string;
	callingNumber: string;
	lineAddress: string;
	callStatus: number;
	callStartTs: number;
	callAnswerTs: number;
	callEndTs: number;
	callDuration: number;
	callAudioUrl: string;
	hangupCause: string;
	termSipCode: string;
	turnTime: number;
	intents: Array<{ intentID: string; intentTag: string; intentName: string; intentLevel: number }>;
	sms: Array<{ smsSendTs: number; sysMessageID: string; smsContent: string }>;
	agent: {
		agentName: string | null;
		agentGroup: string | null;
		agentCallStatus: number | null;
		agentCallElapsed: number | null;
		agentLabel: string | null;
		manualCallStart: number;
		manualCallAnswer: number;
		manualCallEnd: number;
		manualHangupBy: number;
	};
	params: CallbotParam[];
}

export interface CallbotOrder {
	orderID: string;
	userTaskID: string;
	taskID: string;
	sceneID: string;
	userPhone: string;
	userName: string;
	customerName: string;
	other: string;
	params: CallbotParam[];
	orderCallbackUrl: string;
	callCallbackUrl: string;
	batchID?: string;
	createdTs: number;
	finish: boolean;
	stopped: boolean;
	/** delCall=1 removed it before it was dialled. */
	deleted: boolean;
	calls: CallbotCall[];
}

export interface CallbotTask {
	userTaskID: string;
	taskID: string;
	sceneID: string;
	taskName: string;
	taskStatus: number;
	createTs: number;
	updatedTs: number;
	taskCreateSetting: Record<string, unknown>;
	funcFlag: Record<string, unknown>;
	taskCallbackUrl: string;
	orderCallbackUrl: string;
	other: string;
	/** Order ids in insertion order. */
	orderIDs: string[];
	latestBatchID?: string;
	/** Which endpoint created it. */
	createdBy: 'createTask' | 'createAndCall';
}

export interface TaskStat {
	answerOrderCount: number;
	finishOrderCount: number;
	totalOrderCount: number;
	finishRate: number;
	totalAnswerCall: number;
	totalCall: number;
	answerRate: number;
}

let taskCounter = 0;

export class CallbotState {
	readonly tasks = new Map<string, CallbotTask>();
	readonly orders = new Map<string, CallbotOrder>();

	reset(): void {
		this.tasks.clear();
		this.orders.clear();
	}

	newTaskID(): string {
		taskCounter += 1;
		return `T${String(taskCounter).padStart(8, '0')}${hexId().slice(0, 8)}`;
	}

	ordersOf(task: CallbotTask): CallbotOrder[] {
		return task.orderIDs
			.map((id) => this.orders.get(id))
			.filter((o): o is CallbotOrder => !!o && !o.deleted);
	}

	taskStat(task: CallbotTask): TaskStat {
		const orders = this.ordersOf(task);
		const calls = orders.flatMap((o) => o.calls);
		const answered = calls.filter((c) => c.callStatus === CALL_STATUS.answered).length;
		const answerOrders = orders.filter((o) =>
			o.calls.some((c) => c.callStatus === CALL_STATUS.answered),
		).length;
		const finished = orders.filter((o) => o.finish).length;
		const rate = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100) / 100);
		return {
			answerOrderCount: answerOrders,
			finishOrderCount: finished,
			totalOrderCount: orders.length,
			finishRate: rate(finished, orders.length),
			totalAnswerCall: answered,
			totalCall: calls.length,
			answerRate: rate(answered, calls.length),
		};
	}

	/**
	 * Simulates one dialling round: every undialled, unstopped order of a running task (or of the given
	 * orders) gets one call. Used by the control API so list endpoints and callbacks have something to show.
	 */
	dial(
		nowSeconds: number,
		filter: {
			userTaskID?: string;
			orderIDs?: string[];
			answered?: boolean;
			durationSeconds?: number;
		},
	): CallbotCall[] {
		const made: CallbotCall[] = [];
		const targets = filter.orderIDs
			? filter.orderIDs.map((id) => this.orders.get(id)).filter((o): o is CallbotOrder => !!o)
			: [...this.tasks.values()]
					.filter((t) => !filter.userTaskID || t.userTaskID === filter.userTaskID)
					.filter((t) => t.taskStatus === TASK_STATUS.running)
					.flatMap((t) => this.ordersOf(t));
		for (const order of targets) {
			if (order.finish || order.stopped || order.deleted) continue;
			const answered = filter.answered ?? true;
			const duration = answered ? (filter.durationSeconds ?? 42) : 0;
			const start = nowSeconds - duration - 5;
			const call: CallbotCall = {
				callID: `C${hexId().slice(0, 20)}`,
				orderID: order.orderID,
				userTaskID: order.userTaskID,
				taskID: order.taskID,
				callingNumber: '85230001000',
				lineAddress: '127.0.0.1',
				callStatus: answered ? CALL_STATUS.answered : CALL_STATUS.notAnswered,
				callStartTs: start,
				callAnswerTs: answered ? start + 5 : 0,
				callEndTs: nowSeconds,
				callDuration: duration,
				callAudioUrl: answered ? `https://sandbox.invalid/audio/${order.orderID}.wav` : '',
				hangupCause: answered ? 'NORMAL_CLEARING' : 'NO_ANSWER',
				termSipCode: answered ? '200' : '480',
				turnTime: answered ? 3 : 0,
				intents: answered
					? [{ intentID: 'I1', intentTag: 'interested', intentName: 'Interested', intentLevel: 0 }]
					: [],
				sms: [],
				agent: {
					agentName: null,
					agentGroup: null,
					agentCallStatus: null,
					agentCallElapsed: null,
					agentLabel: null,
					manualCallStart: 0,
					manualCallAnswer: 0,
					manualCallEnd: 0,
					manualHangupBy: 0,
				},
				params: order.params,
			};
			order.calls.push(call);
			order.finish = true;
			made.push(call);
		}
		// A running task without remaining work completes unless taskKeep is set.
		for (const task of this.tasks.values()) {
			if (task.taskStatus !== TASK_STATUS.running) continue;
			const orders = this.ordersOf(task);
			if (
				orders.length > 0 &&
				orders.every((o) => o.finish || o.stopped) &&
				task.funcFlag.taskKeep !== true
			) {
				task.taskStatus = TASK_STATUS.completed;
				task.updatedTs = nowSeconds;
			}
		}
		return made;
	}

	snapshot(): unknown {
		return {
			tasks: [...this.tasks.values()].map((t) => ({ ...t, taskStat: this.taskStat(t) })),
			orders: [...this.orders.values()],
		};
	}
}
