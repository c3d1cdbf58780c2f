/**
 * Request bodies of the Callbot v3 endpoints (research/nxcloud.md §2, provider-docs/nxtele-callbot-createAndCall.txt).
 * createAndCall follows its complete doc page (every documented "Yes" is required). Pages whose field
 * tables were cut off (createTask, updateTask, lists) only require what survived; unknown keys pass through.
 */
import { z } from 'zod';

const productID = z.literal('callbot');
const str = z.string();
const int = z.number().int();
/** An integer from a fixed set (missing -> invalid_type, so the router answers retCode 2 rather than 4). */
const oneOf = (...values: number[]) =>
	z
		.number()
		.int()
		.refine((v) => values.includes(v), { message: `must be one of ${values.join(', ')}` });

const commaList = (min: number, max: number, what: string) =>
	z.string().refine(
		(s) =>
			s
				.split(',')
				.map((x) => x.trim())
				.every((x) => /^\d+$/.test(x) && Number(x) >= min && Number(x) <= max),
		{ message: `${what}: comma-separated integers in [${min},${max}]` },
	);

export const pingSchema = z.object({ data: z.string() }).passthrough();

export const paramSchema = z
	.object({ name: z.string().nullable(), value: z.string().nullable() })
	.passthrough();

export const callItemSchema = z
	.object({
		orderID: z.string().min(1),
		userPhone: z.string().regex(/^\d{6,20}$/, 'userPhone: digits with country code, no symbols'),
		other: str,
		userName: str,
		customerName: str,
		params: z.array(paramSchema),
	})
	.passthrough();

export const callInfoListSchema = z
	.object({
		orderCallbackUrl: str,
		callCallbackUrl: str,
		callList: z.array(callItemSchema),
	})
	.passthrough();

const manualCallSettingSchema = z
	.object({
		agentGroup: str,
		dispatchType: oneOf(0, 1, 2, 3),
		ratioCallRate: z.number(),
		predictCallRate: z.number(),
	})
	.passthrough();

const startupType = oneOf(1, 2, 3);

/** createAndCall: every field the doc marks "Yes". */
export const taskCreateSettingSchema = z
	.object({
		strategyName: str,
		startupType,
		startupAt: int,
		zoneSecond: int.min(-14 * 3600).max(14 * 3600),
		dialAtWeekDay: commaList(1, 7, 'dialAtWeekDay'),
		dialAtUpHour: commaList(0, 23, 'dialAtUpHour'),
		dialAtDownHour: commaList(0, 23, 'dialAtDownHour'),
		maxCall: int.nonnegative(),
		taskName: str,
		taskCallbackUrl: str,
		maxRingTime: int.nonnegative(),
		routeID: str,
		manualCallSetting: manualCallSettingSchema.optional(),
	})
	.passthrough();

const smsFuncFlagSchema = z
	.object({
		smsID: str.optional(),
		intentID: z.array(str).optional(),
		intentName: z.array(str).optional(),
	})
	.passthrough();

export const funcFlagSchema = z
	.object({
		taskKeep: z.boolean(),
		roundRedial: z.boolean(),
		wholeTTS: z.boolean(),
		smsEnable: z.boolean(),
		smsFuncFlag: z.array(smsFuncFlagSchema).optional(),
		phoneEncrypt: z.boolean().optional(),
	})
	.passthrough();

export const createAndCallSchema = z
	.object({
		productID,
		userTaskID: z.string().min(1),
		sceneID: z.string().min(1),
		taskCreateSetting: taskCreateSettingSchema,
		funcFlag: funcFlagSchema,
		callInfoList: callInfoListSchema,
	})
	.passthrough();

/** createTask: its page was truncated; only productID/userTaskID/sceneID survived as required. */
export const createTaskSchema = z
	.object({
		productID,
		userTaskID: z.string().min(1),
		sceneID: z.string().min(1),
		account: str.optional(),
		taskCreateSetting: taskCreateSettingSchema.partial().passthrough().optional(),
		funcFlag: funcFlagSchema.partial().passthrough().optional(),
		other: str.optional(),
		taskCallbackUrl: str.optional(),
		orderCallbackUrl: str.optional(),
	})
	.passthrough();

export const updateTaskSchema = z
	.object({
		productID,
		userTaskID: z.string().min(1),
		sceneID: str.optional(),
		taskCreateSetting: taskCreateSettingSchema.partial().passthrough().optional(),
		funcFlag: funcFlagSchema.partial().passthrough().optional(),
	})
	.passthrough();

export const mgrTaskStatusSchema = z
	.object({
		productID,
		userTaskID: z.string().min(1),
		taskOperate: oneOf(1, 2, 3),
		delCall: oneOf(0, 1).optional(),
	})
	.passthrough();

export const addBatchCallSchema = z
	.object({ productID, userTaskID: z.string().min(1), callInfoList: callInfoListSchema })
	.passthrough();

export const exportBatchCallSchema = z
	.object({ productID, userTaskID: z.string().min(1) })
	.passthrough();

export const stopOrderSchema = z
	.object({
		productID,
		userTaskID: z.string().min(1),
		orderIDs: z.array(z.string()).min(1),
		delCall: oneOf(0, 1).optional(),
	})
	.passthrough();

const page = int.min(1);
const size = int.min(1);

export const listTaskSchema = z
	.object({
		productID,
		page,
		size,
		queryConditions: z
			.object({
				taskStatus: z.array(int).nullish(),
				taskName: z.array(str).nullish(),
				sceneID: str.nullish(),
				userTaskID: z.array(str).nullish(),
				startTs: int.nullish(),
				endTs: int.nullish(),
			})
			.passthrough(),
	})
	.passthrough();

const rangeSchema = z.object({ gt: z.number(), lt: z.number(), enable: z.boolean() }).passthrough();

export const listOrderSchema = z
	.object({
		productID,
		userTaskID: z.string().min(1),
		options: z
			.object({
				orderID: z.array(str).nullish(),
				intentID: z.array(str).nullish(),
				intentName: z.array(str).nullish(),
				intentTag: z.array(str).nullish(),
				intentLevel: z.array(int).nullish(),
				finish: int.nullish(),
				turnTime: rangeSchema.nullish(),
				callDuration: rangeSchema.nullish(),
				callStatus: z.array(int).nullish(),
			})
			.passthrough(),
		page,
		size,
	})
	.passthrough();

export const listOrderDetailSchema = z
	.object({ productID, userTaskID: z.string().min(1), orderList: z.array(str) })
	.passthrough();

export const listCallSchema = z
	.object({
		productID,
		userTaskID: z.string().min(1),
		options: z
			.object({
				callID: z.array(str).nullish(),
				intentID: z.array(str).nullish(),
				intentName: z.array(str).nullish(),
				intentTag: z.array(str).nullish(),
				intentLevel: z.array(int).nullish(),
				turnTime: rangeSchema.nullish(),
				callDuration: rangeSchema.nullish(),
				callStatus: z.array(int).nullish(),
				startTs: int.nullish(),
				endTs: int.nullish(),
			})
			.passthrough(),
		page,
		size,
	})
	.passthrough();

export type CallItem = z.infer<typeof callItemSchema>;
export type CallInfoList = z.infer<typeof callInfoListSchema>;

/** Control command `POST /__sandbox/nxteleCallbot/dial` (sandbox only, not a provider API). */
export const dialCommandSchema = z
	.object({
		userTaskID: z.string().optional(),
		orderIDs: z.array(z.string()).optional(),
		answered: z.boolean().optional(),
		durationSeconds: z.number().int().nonnegative().optional(),
		callbacks: z.boolean().optional(),
		algorithm: z.enum(['MD5', 'SHA256']).optional(),
	})
	.strict();
export type DialCommand = z.infer<typeof dialCommandSchema>;

/** Control command `POST /__sandbox/nxteleCallbot/failAfterActing` (sandbox only). */
export const failAfterActingSchema = z
	.object({
		endpoint: z.string().min(1),
		count: z.number().int().min(1).optional(),
		status: z.number().int().min(400).max(599).optional(),
	})
	.strict();
export type FailAfterActingCommand = z.infer<typeof failAfterActingSchema>;

/** Control command `POST /__sandbox/nxteleCallbot/configure` (sandbox only): Callbot rules to change. */
export const configureSchema = z
	.object({
		createTsToleranceSeconds: z.number().int().min(0).optional(),
		callListCap: z.number().int().min(1).optional(),
		listOrderDetailMax: z.number().int().min(1).optional(),
		maxPageSize: z.number().int().min(0).optional(),
	})
	.strict();
