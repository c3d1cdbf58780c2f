/** zod schemas for Unitalk request bodies (per endpoint / action; grows with the simulator). */
import { z } from 'zod';

/** Every /autodial/action body names its action. */
export const autodialBaseSchema = z.object({ action: z.string() }).passthrough();

const id = z.preprocess(
	(v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v),
	z.number().int(),
);

export const autodialIdSchema = z.object({ action: z.string(), id }).passthrough();

export const getListSchema = z.object({ action: z.literal('GET_LIST') }).passthrough();
