/** Pure helpers of the Message and Message Distribution operations. */
import { batchesOf } from '../../../nodes/Unitalk/actions/message/sendBulk.operation';
import { imageFileName } from '../../../nodes/Unitalk/actions/messageDistribution/create.operation';

type Entry = Parameters<typeof batchesOf>[0][number];

const entry = (itemIndex: number, phone: string, messageType: 'SMS' | 'VIBER' = 'SMS'): Entry => ({
	itemIndex,
	messageType,
	phone,
	text: 'hi',
});

const shape = (entries: Entry[], size: number) =>
	batchesOf(entries, size).map((b) => ({
		type: b.messageType,
		items: b.entries.map((e) => e.itemIndex),
	}));

describe('batchesOf (Send Bulk requests)', () => {
	it('fills requests of at most `size` in input order', () => {
		const entries = Array.from({ length: 250 }, (_, i) => entry(i, String(380970000000 + i)));
		const batches = batchesOf(entries, 100);
		expect(batches.map((b) => b.entries.length)).toEqual([100, 100, 50]);
		expect(batches.flatMap((b) => b.entries.map((e) => e.itemIndex))).toEqual(
			entries.map((e) => e.itemIndex),
		);
	});

	it('never puts one number twice in a request: a repeat goes to the next request with room', () => {
		expect(
			shape(
				[entry(0, '1111111'), entry(1, '2222222'), entry(2, '1111111'), entry(3, '3333333')],
				3,
			),
		).toEqual([
			{ type: 'SMS', items: [0, 1, 3] },
			{ type: 'SMS', items: [2] },
		]);
	});

	it('keeps SMS and Viber in separate requests', () => {
		expect(
			shape([entry(0, '1111111'), entry(1, '2222222', 'VIBER'), entry(2, '3333333')], 100),
		).toEqual([
			{ type: 'SMS', items: [0, 2] },
			{ type: 'VIBER', items: [1] },
		]);
	});
});

describe('imageFileName (Viber image "fileName", at most 20 characters)', () => {
	it.each([
		['promo_image.png', 'promo_image'],
		['b2_very_long_file_name_photo.jpg', 'b2_very_long_file_na'],
		['C:\\photos\\shoe.v2.jpeg', 'shoe.v2'],
		['фото_кросівок_для_розсилки.png', 'фото_кросівок_для_ро'],
		['', 'image'],
		[undefined, 'image'],
	])('%s -> %s', (input, expected) => {
		expect(imageFileName(input)).toBe(expected);
		expect([...imageFileName(input)].length).toBeLessThanOrEqual(20);
	});
});
