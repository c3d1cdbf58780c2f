import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import { z } from 'zod';

import {
	describeIssue,
	fieldLabel,
	InputError,
	inputError,
	parseInput,
} from '../../../nodes/shared/validation';

const node: INode = {
	id: 'node-1',
	name: 'NXTele',
	type: 'n8n-nodes-dialers.nxtele',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** The error parseInput throws, or a failure when it does not throw. */
function errorOf(fn: () => unknown): InputError {
	try {
		fn();
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		return error as InputError;
	}
	throw new Error('expected an InputError, nothing was thrown');
}

const taskSchema = z.object({
	taskName: z.string().min(1).max(45),
	algorithm: z.enum(['MD5', 'SHA256']),
	phones: z.array(z.string()).max(3).optional(),
	retries: z.number().int().min(0).max(5).optional(),
});
const taskLabels = {
	taskName: 'Task Name',
	algorithm: 'Signature Algorithm',
	phones: 'Phone Numbers',
	retries: 'Retries',
};

describe('parseInput', () => {
	it('returns the parsed value when the input is valid', () => {
		const input = { taskName: 'Spring campaign', algorithm: 'MD5', phones: ['1', '2', '3'] };
		expect(parseInput(node, taskSchema, input, 0, taskLabels)).toEqual(input);
	});

	it('returns transformed output (the schema output, not the input)', () => {
		const schema = z.object({ count: z.string().transform((s) => Number(s)) });
		expect(parseInput(node, schema, { count: '42' }, 0)).toEqual({ count: 42 });
	});

	it('string too long: names the item (1-based), the field label, the length given and the maximum', () => {
		const taskName = 'x'.repeat(50);
		const error = errorOf(() =>
			parseInput(node, taskSchema, { taskName, algorithm: 'MD5' }, 2, taskLabels),
		);
		expect(error.message).toBe(
			'Item 3: "Task Name" is too long: 50 characters given, at most 45 allowed',
		);
		expect(error.context.itemIndex).toBe(2);
		expect(error.description).toBe('Nothing was sent for this item.');
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.node).toBe(node);
	});

	it('string of exactly the maximum length passes, one more fails', () => {
		expect(
			parseInput(node, taskSchema, { taskName: 'y'.repeat(45), algorithm: 'MD5' }, 0, taskLabels)
				.taskName,
		).toHaveLength(45);
		const error = errorOf(() =>
			parseInput(node, taskSchema, { taskName: 'y'.repeat(46), algorithm: 'MD5' }, 0, taskLabels),
		);
		expect(error.message).toBe(
			'Item 1: "Task Name" is too long: 46 characters given, at most 45 allowed',
		);
	});

	it('empty required string is "required"', () => {
		const error = errorOf(() =>
			parseInput(node, taskSchema, { taskName: '', algorithm: 'MD5' }, 0, taskLabels),
		);
		expect(error.message).toBe('Item 1: "Task Name" is required');
	});

	it('enum: shows the value given and lists the allowed values', () => {
		const error = errorOf(() =>
			parseInput(node, taskSchema, { taskName: 'a', algorithm: 'SHA1' }, 0, taskLabels),
		);
		expect(error.message).toBe(
			'Item 1: "Signature Algorithm" has the value "SHA1", allowed: MD5, SHA256',
		);
	});

	it('array: too many entries names the count given and the maximum', () => {
		const phones = ['1', '2', '3', '4'];
		const error = errorOf(() =>
			parseInput(node, taskSchema, { taskName: 'a', algorithm: 'MD5', phones }, 4, taskLabels),
		);
		expect(error.message).toBe(
			'Item 5: "Phone Numbers" has too many entries: 4 given, at most 3 allowed',
		);
	});

	it('array: too few entries', () => {
		const schema = z.object({ phones: z.array(z.string()).min(2) });
		const error = errorOf(() =>
			parseInput(node, schema, { phones: ['1'] }, 0, { phones: 'Phone Numbers' }),
		);
		expect(error.message).toBe(
			'Item 1: "Phone Numbers" has too few entries: 1 given, at least 2 needed',
		);
	});

	it('number out of range shows the value', () => {
		const error = errorOf(() =>
			parseInput(node, taskSchema, { taskName: 'a', algorithm: 'MD5', retries: 9 }, 0, taskLabels),
		);
		expect(error.message).toBe('Item 1: "Retries" is too large: 9 given, at most 5 allowed');
		const small = errorOf(() =>
			parseInput(node, taskSchema, { taskName: 'a', algorithm: 'MD5', retries: -1 }, 0, taskLabels),
		);
		expect(small.message).toBe('Item 1: "Retries" is too small: -1 given, at least 0 allowed');
	});

	it('missing required field is "required"', () => {
		const error = errorOf(() => parseInput(node, taskSchema, { algorithm: 'MD5' }, 1, taskLabels));
		expect(error.message).toBe('Item 2: "Task Name" is required');
	});

	it('wrong type names the expected type and shows the value', () => {
		const error = errorOf(() =>
			parseInput(node, taskSchema, { taskName: 12, algorithm: 'MD5' }, 0, taskLabels),
		);
		expect(error.message).toBe('Item 1: "Task Name" must be a string, got 12');
		const arrayError = errorOf(() =>
			parseInput(node, z.object({ list: z.array(z.string()) }), { list: 'a' }, 0),
		);
		expect(arrayError.message).toBe('Item 1: "list" must be an array, got "a"');
	});

	it('a field without a label is named by its key', () => {
		const error = errorOf(() => parseInput(node, taskSchema, { taskName: 'a', algorithm: 'X' }, 0));
		expect(error.message).toBe('Item 1: "algorithm" has the value "X", allowed: MD5, SHA256');
	});

	it('several problems: the first is the message, all are in the description', () => {
		const error = errorOf(() =>
			parseInput(node, taskSchema, { taskName: 'z'.repeat(46), algorithm: 'X' }, 0, taskLabels),
		);
		expect(error.message).toBe(
			'Item 1: "Task Name" is too long: 46 characters given, at most 45 allowed',
		);
		expect(error.description).toBe(
			'All problems in this item:\n' +
				'"Task Name" is too long: 46 characters given, at most 45 allowed\n' +
				'"Signature Algorithm" has the value "X", allowed: MD5, SHA256\n' +
				'Nothing was sent for this item.',
		);
	});

	it('long values are shortened in the message', () => {
		const schema = z.object({ mode: z.enum(['a', 'b']) });
		const value = 'm'.repeat(100);
		const error = errorOf(() => parseInput(node, schema, { mode: value }, 0));
		expect(error.message).toBe(`Item 1: "mode" has the value "${'m'.repeat(56)}..., allowed: a, b`);
	});

	it('literal and unknown keys', () => {
		const literal = errorOf(() => parseInput(node, z.object({ v: z.literal(3) }), { v: 4 }, 0));
		expect(literal.message).toBe('Item 1: "v" must be 3, got 4');
		const strict = errorOf(() =>
			parseInput(node, z.object({ a: z.string() }).strict(), { a: 'x', b: 1, c: 2 }, 0),
		);
		expect(strict.message).toBe('Item 1: "input" has fields the provider does not know: b, c');
	});

	it('other checks fall back to the zod message and show the value', () => {
		const schema = z.object({ email: z.string().email() });
		const error = errorOf(() =>
			parseInput(node, schema, { email: 'nope' }, 0, { email: 'E-mail' }),
		);
		expect(error.message).toBe('Item 1: "E-mail" invalid email (got "nope")');
	});

	describe('nested array paths', () => {
		const schema = z.object({
			audios: z.array(z.object({ text: z.string().max(10), voice: z.string() })).max(5),
		});
		const audios = [
			{ text: 'ok', voice: 'a' },
			{ text: 'ok', voice: 'a' },
			{ text: 'far too long text', voice: 'a' },
		];

		it('labels each level and numbers entries from 1 (audios.2.text -> Audios 3 > Text)', () => {
			const labels = { audios: 'Audios', 'audios.*.text': 'Text' };
			const error = errorOf(() => parseInput(node, schema, { audios }, 0, labels));
			expect(error.message).toBe(
				'Item 1: "Audios 3 > Text" is too long: 17 characters given, at most 10 allowed',
			);
		});

		it('an exact label for the full path wins', () => {
			const labels = { 'audios.2.text': 'Third audio text' };
			const error = errorOf(() => parseInput(node, schema, { audios }, 0, labels));
			expect(error.message).toBe(
				'Item 1: "Third audio text" is too long: 17 characters given, at most 10 allowed',
			);
		});

		it('a label for the bare key is used when there is no path label', () => {
			const labels = { audios: 'Audios', text: 'Spoken Text' };
			const error = errorOf(() => parseInput(node, schema, { audios }, 0, labels));
			expect(error.message).toBe(
				'Item 1: "Audios 3 > Spoken Text" is too long: 17 characters given, at most 10 allowed',
			);
		});

		it('a missing field inside an entry names the entry', () => {
			const labels = { audios: 'Audios', 'audios.*.voice': 'Voice' };
			const error = errorOf(() =>
				parseInput(node, schema, { audios: [{ text: 'a', voice: 'v' }, { text: 'b' }] }, 6, labels),
			);
			expect(error.message).toBe('Item 7: "Audios 2 > Voice" is required');
		});

		it('the array itself over its maximum', () => {
			const many = Array.from({ length: 6 }, () => ({ text: 't', voice: 'v' }));
			const error = errorOf(() =>
				parseInput(node, schema, { audios: many }, 0, { audios: 'Audios' }),
			);
			expect(error.message).toBe(
				'Item 1: "Audios" has too many entries: 6 given, at most 5 allowed',
			);
			const exactly = Array.from({ length: 5 }, () => ({ text: 't', voice: 'v' }));
			expect(parseInput(node, schema, { audios: exactly }, 0).audios).toHaveLength(5);
		});
	});
});

describe('fieldLabel', () => {
	it('an empty path is the input itself', () => {
		expect(fieldLabel([], {})).toBe('input');
	});

	it('plain key with and without a label', () => {
		expect(fieldLabel(['taskName'], {})).toBe('taskName');
		expect(fieldLabel(['taskName'], { taskName: 'Task Name' })).toBe('Task Name');
	});

	it('a list at the root is numbered from 1', () => {
		expect(fieldLabel([0, 'phone'], { phone: 'Phone' })).toBe('1 > Phone');
	});

	it('nested lists', () => {
		const labels = {
			groups: 'Groups',
			'groups.*.members': 'Members',
			'groups.*.members.*.name': 'Name',
		};
		expect(fieldLabel(['groups', 1, 'members', 0, 'name'], labels)).toBe(
			'Groups 2 > Members 1 > Name',
		);
	});
});

describe('describeIssue', () => {
	it('describes one issue without the item prefix', () => {
		const result = z.object({ a: z.string().max(2) }).safeParse({ a: 'abcd' });
		if (result.success) throw new Error('expected a failure');
		expect(describeIssue(result.error.issues[0], { a: 'abcd' }, { a: 'A' })).toBe(
			'"A" is too long: 4 characters given, at most 2 allowed',
		);
	});
});

describe('inputError', () => {
	it('builds an InputError naming the item (1-based) and the field', () => {
		const error = inputError(
			node,
			3,
			'Phone Numbers',
			'has 1,000,001 entries in all; at most 1,000,000 allowed',
		);
		expect(error).toBeInstanceOf(InputError);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Item 4: "Phone Numbers" has 1,000,001 entries in all; at most 1,000,000 allowed',
		);
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toBe('Nothing was sent for this item.');
		expect(error.node).toBe(node);
	});
});
