/**
 * /messageDistribution/create ("Creating a distribution"): SMS, Viber PROMO (optional base64 image and
 * button), TRANSACTIONAL, CAROUSEL (2–5 cards, each with a base64 image and buttons) and Viber with SMS
 * fallback. Images arrive as base64 inside the JSON body; they are decoded and kept as bytes (with a
 * sha256) so tests can check they arrived intact. Success: `{"status":"Success","data":<id>}` (the doc:
 * "The distribution identifier returned in data").
 * Errors in the doc's order and words; the Viber-specific rules (TTL 60–86400, file name ≤ 20, button
 * text ≤ 30, card title 2–38, labels ≤ 10 / ≤ 12, 2–5 cards...) are "Validation error" with the cause in
 * `data` (a sandbox choice: the doc lists no separate strings for them).
 */
import { failure, success, type EndpointHandler, type UnitalkParams } from '../handler';
import {
	isBlank,
	isDateTime,
	MAX_DISTRIBUTION_NAME,
	MAX_DISTRIBUTION_NUMBERS,
	messaging,
	normalizePhone,
	symbols,
	textProblem,
} from './common';
import { causeOf, distributionBaseSchema, viberDistributionSchema } from './schemas';
import { imageFromBase64, type Distribution, type MessagingState } from './state';

export const NAME_ERROR = 'The name cannot be empty or contain more than 45 characters';
export const NAME_TAKEN = 'The name already exists';
export const TIME_ERROR = 'Incorrect time format';

/** Name rules shared with update: the error, or undefined. */
export function nameProblem(
	state: MessagingState,
	name: unknown,
	exceptId?: number,
): string | undefined {
	if (typeof name !== 'string' || name.trim() === '' || symbols(name) > MAX_DISTRIBUTION_NAME)
		return NAME_ERROR;
	const taken = [...state.distributions.values()].some((d) => d.name === name && d.id !== exceptId);
	return taken ? NAME_TAKEN : undefined;
}

export function startTimeProblem(startTime: unknown): string | undefined {
	if (isBlank(startTime)) return undefined;
	return typeof startTime === 'string' && isDateTime(startTime) ? undefined : TIME_ERROR;
}

export const distributionCreate: EndpointHandler = (ctx, params) => {
	const state = messaging(ctx);
	if (!state.serviceConnected)
		return failure('The project does not have a messaging service connected');
	const nameError = nameProblem(state, params.name);
	if (nameError) return failure(nameError);
	const numbers = params.numbers;
	if (!Array.isArray(numbers) || numbers.length === 0)
		return failure('No customer numbers are listed');
	if (numbers.length > MAX_DISTRIBUTION_NUMBERS)
		return failure('There can be no more than 10000 numbers in the message distribution');
	const normalized = numbers.map(normalizePhone);
	const wrong = numbers.filter((_, i) => normalized[i] === undefined);
	if (wrong.length > 0) return failure('Wrong numbers', wrong);
	const timeError = startTimeProblem(params.startTime);
	if (timeError) return failure(timeError);
	const cause = textProblem(params.messageType, params.text);
	if (cause) return failure('Validation error', cause);
	const base = distributionBaseSchema.safeParse(params);
	if (!base.success) return failure('Validation error', causeOf(base.error));

	const now = ctx.clock();
	const distribution: Distribution = {
		id: state.nextDistributionId++,
		name: base.data.name,
		messageType: base.data.messageType,
		viberMessageType: null,
		alphaName: typeof params.alphaName === 'string' ? params.alphaName : null,
		numbers: normalized as string[],
		text: base.data.text,
		startTime: isBlank(base.data.startTime) ? null : (base.data.startTime as string),
		paused: false,
		completed: false,
		processedCount: 0,
		viberTTL: null,
		image: null,
		buttonText: null,
		buttonUrl: null,
		carouselItems: null,
		sendSmsAfterViber: false,
		smsText: null,
		smsAlphaName: null,
		createdAt: now,
		updatedAt: now,
	};
	if (base.data.messageType === 'VIBER') {
		const viberError = applyViber(distribution, params);
		if (viberError) {
			state.nextDistributionId--;
			return failure('Validation error', viberError);
		}
	}
	state.distributions.set(distribution.id, distribution);
	return success({ data: distribution.id });
};

/** Checks and copies the Viber fields; returns the cause of a validation error, if any. */
function applyViber(d: Distribution, params: UnitalkParams): string | undefined {
	const v = viberDistributionSchema.safeParse(params);
	if (!v.success) return causeOf(v.error);
	const data = v.data;
	d.viberMessageType = data.viberMessageType;
	d.viberTTL = data.viberTTL;
	if (data.viberMessageType === 'PROMO') {
		if (data.base64Image)
			d.image = imageFromBase64(data.base64Image, data.mimeType ?? '', data.fileName ?? '');
		d.buttonText = data.buttonText ?? null;
		d.buttonUrl = data.buttonText ? (data.buttonUrl ?? null) : null;
	}
	if (data.viberMessageType === 'CAROUSEL') {
		d.carouselItems = (data.carouselItems ?? []).map((c) => ({
			title: c.title,
			image: imageFromBase64(c.base64Image, c.mimeType, c.fileName),
			primaryButton: { ...c.primaryButton },
			secondaryButton: c.secondaryButton
				? {
						label: c.secondaryButton.label ?? null,
						actionUrl: c.secondaryButton.actionUrl ?? null,
					}
				: null,
		}));
	}
	if (data.sendSmsAfterViber) {
		d.sendSmsAfterViber = true;
		d.smsText = data.smsText ?? null;
		d.smsAlphaName = data.smsAlphaName ?? null;
	}
	return undefined;
}
