import { createHash } from 'crypto';
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { assertAgentMayPlaceCalls } from '../../../shared/agentGuard';
import { runBulk, type BatchEntry } from '../../../shared/batching';
import type { BatchOperation } from '../../../shared/operations';
import { itemParameterReader, type ItemParameterReader } from '../../../shared/parameters';
import { inputError, parseInput } from '../../../shared/validation';
import { providerDateTime, readVoiceFile, sortNumbers } from '../voice/fields';
import { providerCode, readEndpoint, voiceRequest } from '../voice/transport';
import { GROUP_CALL_ENDPOINT, groupCallFields } from './fields';
import {
	GROUP_CALL_LABELS,
	groupCallSettingsSchema,
	MAX_NUMBERS_PER_TASK,
	TASK_NAME_MAX,
	type GroupCallSettings,
} from './schema';

/** One number of one item: to be called, or left out with the reason. */
type Entry = { number: string } | { refused: string; number: string };

/** A group of items whose settings are the same: their numbers share tasks. */
interface TaskGroup {
	settings: GroupCallSettings;
	/** Upload source: the item whose binary field holds the voice file. */
	fileItem?: number;
	binaryProperty?: string;
	/** Numbers already listed in this group, with the item that listed them first. */
	seen: Map<string, number>;
	taskCount: number;
	sent: number;
}

/** The refused numbers form a group of their own; nothing is sent for it. */
const REFUSED = '\u0000refused';
/** NXCloud's (analog) code for "data already exists", here a task name used before (research §4.2). */
const DUPLICATE_NAME = '-20';

const SOURCE_CODE = { file: 1, upload: 2, tts: 3 } as const;

/**
 * Group Call → Create. All input items become as few tasks as possible: items whose settings are the
 * same share tasks of at most 200,000 numbers (Numbers Per Task); the settings of an item are its own,
 * so an expression in, say, Text makes tasks per distinct text.
 */
export const createGroupCall: BatchOperation = {
	kind: 'batch',
	value: 'create',
	name: 'Create',
	description: 'Create a voice broadcast task that calls many numbers',
	action: 'Create a group call',
	properties: groupCallFields,
	async execute(
		this: IExecuteFunctions,
		items: INodeExecutionData[],
	): Promise<INodeExecutionData[]> {
		assertAgentMayPlaceCalls(this, 'NXCloud Group Call', 0);
		const node = this.getNode();
		const reader = <T>(name: string, fallback: unknown): ItemParameterReader<T> =>
			itemParameterReader<T>(this, name, items, fallback);
		const read = {
			appId: reader<string>('appId', ''),
			taskName: reader<string>('taskName', ''),
			numbers: reader<unknown>('numbers', ''),
			displayNumber: reader<string>('displayNumber', ''),
			source: reader<keyof typeof SOURCE_CODE>('source', 'tts'),
			text: reader<string>('text', ''),
			language: reader<string>('language', 'EN'),
			voiceFileId: reader<string>('voiceFileId', ''),
			binaryPropertyName: reader<string>('binaryPropertyName', 'data'),
			uploadName: reader<string>('uploadName', ''),
			loopCount: reader<number>('loopCount', 1),
			maxCallSeconds: reader<number>('maxCallSeconds', 60),
			maxRingingSeconds: reader<number>('maxRingingSeconds', 60),
			sendTime: reader<string>('sendTime', ''),
			periods: reader<IDataObject>('allowedSendPeriods', {}),
			hangUpSms: reader<boolean>('hangUpSms', false),
			smsAppId: reader<string>('smsAppId', ''),
			smsContent: reader<string>('smsContent', ''),
			senderId: reader<string>('senderId', ''),
			feedbackPush: reader<boolean>('feedbackPush', false),
			feedbackValue: reader<string>('feedbackValue', '1'),
			successPush: reader<boolean>('successPush', false),
			successPushTime: reader<number>('successPushTime', 10),
			failedPush: reader<boolean>('failedPush', false),
			ringPush: reader<boolean>('ringPush', false),
			transferToAgents: reader<boolean>('transferToAgents', false),
			sipGroupId: reader<number>('sipGroupId', 0),
			outboundControl: reader<number>('outboundControl', 1),
			calloutRate: reader<number>('calloutRate', 1),
			toSeatType: reader<number>('toSeatType', 1),
			toSeatKey: reader<number>('toSeatKey', 0),
			options: reader<IDataObject>('options', {}),
		};
		const options = read.options(0);
		const perTask = Number(options.numbersPerTask ?? MAX_NUMBERS_PER_TASK);
		const useRunKey = options.runKey !== false;
		const zone = String(options.timeZone || 'UTC');
		const endpoint = readEndpoint(this, 0, GROUP_CALL_ENDPOINT);
		const runSeed = `${this.getExecutionId() ?? 'manual'}|${node.id ?? node.name}`;

		/** The provider body of item i without its numbers, checked; throws an error naming the item. */
		const settingsOf = (i: number): GroupCallSettings => {
			const source = read.source(i);
			const hangUpSms = read.hangUpSms(i) === true;
			const toSeat = read.transferToAgents(i) === true;
			const sendTime = read.sendTime(i);
			const flag = (v: boolean) => (v === true ? 1 : 0);
			const periods = (read.periods(i).periods ?? []) as IDataObject[];
			const body: IDataObject = {
				appId: String(read.appId(i) ?? '').trim(),
				displayNum: String(read.displayNumber(i) ?? '').replace(/[\s+()-]/g, ''),
				taskName: String(read.taskName(i) ?? '').trim(),
				source: SOURCE_CODE[source] ?? source,
				...(source === 'file' ? { voiceFileId: String(read.voiceFileId(i) ?? '').trim() } : {}),
				...(source === 'tts' ? { text: String(read.text(i) ?? ''), lan: read.language(i) } : {}),
				...(sendTime ? { sendTime: providerDateTime(node, i, 'Send Time', sendTime, zone) } : {}),
				loopCount: Number(read.loopCount(i)),
				maxCalls: Number(read.maxCallSeconds(i)),
				hangUpSms: flag(hangUpSms),
				toSeat: flag(toSeat),
				maxRingingTime: Number(read.maxRingingSeconds(i)),
			};
			if (hangUpSms) {
				const senderId = String(read.senderId(i) ?? '').trim();
				Object.assign(body, {
					smsAppId: String(read.smsAppId(i) ?? '').trim(),
					smsContent: String(read.smsContent(i) ?? ''),
					...(senderId ? { senderId } : {}),
					feedbackPush: flag(read.feedbackPush(i)),
					successPush: flag(read.successPush(i)),
					failedPush: flag(read.failedPush(i)),
					ringPush: flag(read.ringPush(i)),
				});
				if (body.feedbackPush === 1)
					body.feedbackValue = String(read.feedbackValue(i) ?? '').trim();
				if (body.successPush === 1) body.successPushTime = Number(read.successPushTime(i));
			}
			if (toSeat) {
				Object.assign(body, {
					sipGroupId: Number(read.sipGroupId(i)),
					outboundControl: Number(read.outboundControl(i)),
					calloutRate: Number(read.calloutRate(i)),
					toSeatType: Number(read.toSeatType(i)),
				});
				if (body.toSeatType === 2) body.toSeatKey = Number(read.toSeatKey(i));
			}
			if (periods.length > 0)
				body.allowSendTime = periods.map((p) => ({
					strTime: String(p.start ?? '').trim(),
					endTime: String(p.end ?? '').trim(),
				}));
			if (source === 'upload') {
				const property = String(read.binaryPropertyName(i) ?? 'data').trim();
				const fileName = items[i]?.binary?.[property]?.fileName ?? '';
				body.uploadName = String(read.uploadName(i) ?? '').trim() || fileName;
			}
			return parseInput(node, groupCallSettingsSchema, body, i, GROUP_CALL_LABELS);
		};

		// Reading and checking the settings once per distinct set of values, not once per item: a
		// broadcast of 200,000 items has one set (every field but Numbers the same).
		const settingReaders = Object.entries(read)
			.filter(([name]) => name !== 'numbers' && name !== 'options')
			.map(([, r]) => r as ItemParameterReader<unknown>);
		const checked = new Map<string, GroupCallSettings>();
		const cachedSettingsOf = (
			i: number,
			fileKey: string,
		): { key: string; settings: GroupCallSettings } => {
			const key = JSON.stringify([settingReaders.map((r) => r(i)), fileKey]);
			let settings = checked.get(key);
			if (!settings) {
				settings = settingsOf(i);
				checked.set(key, settings);
			}
			return { key, settings };
		};

		const groups = new Map<string, TaskGroup>();
		/** Refused numbers of items that also had numbers to call, reported with those. */
		const pendingRefused = new Map<number, Entry[]>();
		const created: Array<{ taskName: string; taskId: unknown; numbers: number }> = [];

		const taskName = (base: string, groupKey: string, index: number, count: number): string => {
			const numbering = count > 1 ? ` ${index}/${count}` : '';
			const key = useRunKey
				? ` #${createHash('sha256').update(`${runSeed}|${groupKey}`).digest('hex').slice(0, 6)}`
				: '';
			const room = TASK_NAME_MAX - numbering.length - key.length;
			return `${base.slice(0, room).trimEnd()}${numbering}${key}`;
		};

		return await runBulk<Entry>(this, items.length, {
			noun: 'numbers',
			perRequest: perTask,
			read: (i) => {
				const source = read.source(i);
				const property = String(read.binaryPropertyName(i) ?? 'data').trim();
				if (source === 'upload' && !items[i]?.binary?.[property])
					throw inputError(
						node,
						i,
						'Input Binary Field',
						`names "${property}", which the input item does not have`,
					);
				// The voice file is part of the settings: items with different files make different tasks.
				const fileKey = source === 'upload' ? binaryIdentity(items[i], property) : '';
				const { key, settings } = cachedSettingsOf(i, fileKey);
				let group = groups.get(key);
				if (!group) {
					group = {
						settings,
						seen: new Map(),
						taskCount: 0,
						sent: 0,
						...(source === 'upload' ? { fileItem: i, binaryProperty: property } : {}),
					};
					groups.set(key, group);
				}
				const { valid, refused } = sortNumbers(read.numbers(i));
				const entries: Entry[] = [];
				const refusedEntries: Entry[] = refused.map((r) => ({
					number: r.number,
					refused: r.reason,
				}));
				for (const number of valid) {
					const first = group.seen.get(number);
					if (first !== undefined) {
						refusedEntries.push({
							number,
							refused: `"${number}" is already in this broadcast (item ${first + 1}); it is called once`,
						});
						continue;
					}
					group.seen.set(number, i);
					entries.push({ number });
				}
				// An item with only refused numbers still gets its output item (from the refused group).
				if (entries.length === 0) return { group: REFUSED, entries: refusedEntries };
				pendingRefused.set(i, refusedEntries);
				return { group: key, entries };
			},
			checkGroup: (key, entries) => {
				const group = groups.get(key);
				if (group) group.taskCount = Math.ceil(entries.length / perTask);
			},
			send: async (key, batch) => {
				if (key === REFUSED) return batch.map((e) => refusedJson(e));
				const group = groups.get(key) as TaskGroup;
				const index = ++group.sent;
				const name = taskName(group.settings.taskName, key, index, group.taskCount);
				const body = orderedBody(group.settings, name, batch);
				if (group.fileItem !== undefined) {
					const file = await readVoiceFile(this, group.fileItem, group.binaryProperty as string);
					body.baseFile = file.data.toString('base64');
				}
				const itemIndex = batch[0].itemIndex;
				let taskId: unknown;
				let alreadyCreated = false;
				try {
					const answer = await voiceRequest.call(this, {
						endpoint,
						body: { json: body },
						action: 'Group Call Create',
						// Task names are unique at NXCloud: sending the same task again cannot make a second one.
						// Only with the run key is the name this execution's own, so that "name used before" on a
						// retry means "created by the first attempt"; without it the retry's refusal would hide
						// a task the first attempt made, so a request whose fate is unknown is not sent again.
						idempotent: useRunKey,
						itemIndex,
					});
					taskId = answer.data;
				} catch (error) {
					// With the run key the name is this execution's own: "already exists" means it was created.
					if (!(useRunKey && providerCode(error) === DUPLICATE_NAME))
						throw new NodeApiError(node, error as JsonObject);
					alreadyCreated = true;
				}
				created.push({ taskName: name, taskId, numbers: batch.length });
				return batch.map(() => ({
					taskName: name,
					...(taskId !== undefined ? { taskId } : {}),
					...(alreadyCreated ? { alreadyCreated: true } : {}),
				}));
			},
			requestFailed: (error, batch) => {
				const message = (error as Error)?.message ?? String(error);
				return batch.map(() => ({ error: message }));
			},
			progressNote: () =>
				`These tasks had already been created: ${created
					.map(
						(t) =>
							`"${t.taskName}"${t.taskId !== undefined ? ` (ID ${String(t.taskId)})` : ''} with ${t.numbers} numbers`,
					)
					.join(', ')}.`,
			summarise: (outcomes, itemIndex) => summarise(outcomes, pendingRefused.get(itemIndex) ?? []),
		});
	},
};

function refusedJson(e: BatchEntry<Entry>): IDataObject {
	return { refused: (e.value as { refused: string }).refused };
}

/** The item's output: the tasks its numbers went into, and the numbers left out with the reason. */
function summarise(
	outcomes: Array<{ entry: BatchEntry<Entry>; json: IDataObject }>,
	extraRefused: Entry[],
): IDataObject {
	const tasks = new Map<string, IDataObject>();
	const refusedNumbers: IDataObject[] = [];
	const errors = new Set<string>();
	let numbersSent = 0;
	for (const { entry, json } of outcomes) {
		if ('refused' in entry.value) {
			refusedNumbers.push({ number: entry.value.number, reason: entry.value.refused });
			continue;
		}
		if (json.error) {
			errors.add(String(json.error));
			continue;
		}
		numbersSent++;
		const name = String(json.taskName);
		const task = tasks.get(name) ?? { ...json, numbers: 0 };
		task.numbers = (task.numbers as number) + 1;
		tasks.set(name, task);
	}
	for (const e of extraRefused)
		if ('refused' in e) refusedNumbers.push({ number: e.number, reason: e.refused });
	const out: IDataObject = { tasks: [...tasks.values()], numbersSent, refusedNumbers };
	if (errors.size) out.error = [...errors].join('; ');
	return out;
}

/** The request body in the order of NXCloud's parameter table, with this task's name and numbers. */
function orderedBody(
	settings: GroupCallSettings,
	taskName: string,
	batch: Array<BatchEntry<Entry>>,
): IDataObject {
	const { appId, displayNum, ...rest } = settings;
	return {
		appId,
		displayNum,
		...rest,
		taskName,
		numberList: batch.map((e) => e.value.number),
	};
}

/** What tells two voice files apart without reading them: the stored id, or a digest of inline data. */
function binaryIdentity(item: INodeExecutionData | undefined, property: string): string {
	const binary = item?.binary?.[property];
	if (!binary) return `${property}:missing`;
	if (binary.id) return `${property}:${binary.id}`;
	return `${property}:${createHash('sha256')
		.update(binary.data ?? '')
		.digest('hex')}`;
}
