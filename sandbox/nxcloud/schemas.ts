/**
 * Request parameters of the simulated NXCloud voice endpoints (research/nxcloud.md §4.5, §4.7, §4.8).
 * The record query and the file list are documented as form posts; the simulator accepts the same
 * fields as a form or as a JSON object. Numbers may arrive as strings (forms).
 */
import { z } from 'zod';

const intLike = z.preprocess(
	(v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v),
	z.number().int(),
);
const dateTime = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'format yyyy-MM-dd HH:mm:ss');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'format yyyy-MM-dd');

/** 语音记录查询 / voice record query (§4.8). appkey/secretkey belong to the old form auth: optional here. */
export const recordQuerySchema = z
	.object({
		appkey: z.string().optional(),
		secretkey: z.string().optional(),
		voiceType: intLike.refine(
			(v) => v === 0 || v === 1,
			'voiceType must be 0 (group call) or 1 (OTP/notification)',
		),
		messageid: z.string().optional(),
		start_time: dateTime,
		end_time: dateTime,
		page_size: intLike.refine((v) => v >= 1, 'page_size must be >= 1'),
		page: intLike.refine((v) => v >= 1, 'page starts at 1'),
	})
	.passthrough();

/** 已上传录音文件查询 / uploaded voice files (§4.7). account/password belong to the old form auth: optional here. */
export const fileListSchema = z
	.object({
		account: z.string().optional(),
		password: z.string().optional(),
		page: intLike.refine((v) => v >= 1, 'page starts at 1'),
		page_size: intLike.refine((v) => v >= 1, 'page_size must be >= 1'),
		startTime: date.optional(),
		endTime: date.optional(),
		queryName: z.string().optional(),
	})
	.passthrough();

export type RecordQuery = z.infer<typeof recordQuerySchema>;
export type FileListQuery = z.infer<typeof fileListSchema>;
