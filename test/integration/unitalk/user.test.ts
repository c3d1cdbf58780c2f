/**
 * Unitalk → User (Get Many, Get Work Statuses, Get Work History, Set Work Status) against the sandbox.
 * Doc sections "Users list", "Obtaining user statuses", "Work history", "Changing work status".
 */
import { useAccountSandbox } from './account-helpers';

const kit = useAccountSandbox();
const users = () => kit.sandbox().providers.unitalk.state.account.users;

describe('Unitalk → User → Get Many', () => {
	it('outputs every user of /users/list, sent with an empty request', async () => {
		const result = await kit.run('user', { operation: 'getMany', returnAll: true });
		expect(result.error()).toBeUndefined();
		const out = result.output('Subject').map((i) => i.json);
		expect(out).toHaveLength(6);
		expect(out[0]).toEqual({
			email: 'john.callid@example.com',
			firstName: 'John',
			lastName: 'Callid',
			middleName: 'Triple',
			phone: 1111,
			role: 'ADMIN',
			id: 12345,
			workStatus: 'WORK',
			workStatusName: 'Cold Calling',
		});
		const sent = kit.requests('/users/list');
		expect(sent).toHaveLength(1);
		expect(sent[0].rawBody).toBe('');
	});

	it('stops at Limit', async () => {
		const result = await kit.run('user', { operation: 'getMany', returnAll: false, limit: 2 });
		expect(result.output('Subject').map((i) => i.json.id)).toEqual([12345, 12346]);
	});
});

describe('Unitalk → User → Get Work Statuses', () => {
	it('outputs the work status of every user', async () => {
		const result = await kit.run('user', { operation: 'getWorkStatuses' });
		expect(result.error()).toBeUndefined();
		const out = result.output('Subject').map((i) => i.json);
		expect(out).toHaveLength(6);
		expect(out[1]).toEqual({
			firstName: 'Jane',
			lastName: 'Doe',
			middleName: null,
			phone: 2222,
			workStatus: 'PAUS',
			workStatusName: 'Lunch',
		});
		expect(kit.requests('/users/getStatus')).toHaveLength(1);
	});
});

describe('Unitalk → User → Get Work History', () => {
	it('sends the date as yyyy-MM-dd in the URL and outputs one item per user', async () => {
		const result = await kit.run('user', {
			operation: 'getWorkHistory',
			date: '2024-03-01T15:30:00',
		});
		expect(result.error()).toBeUndefined();
		const sent = kit.requests('/users/workHistory');
		expect(sent).toHaveLength(1);
		expect(sent[0].query).toEqual({ date: '2024-03-01' });
		expect(sent[0].rawBody).toBe('');
		const out = result.output('Subject').map((i) => i.json);
		expect(out.map((u) => u.userId)).toEqual([12345, 12346, 12347, 12348, 12349, 12350]);
		const john = out[0] as {
			date: string;
			firstName: string;
			userTimeSeconds: Record<string, number>;
		};
		expect(john.date).toBe('2024-03-01');
		expect(john.firstName).toBe('John');
		const t = john.userTimeSeconds;
		expect(t.work + t.pause + t.stop).toBe(86_400);
		expect(Object.keys(t.byPauses as never)).toEqual(['Lunch', 'Break']);
	});

	it('explains "Future data is absent" for a future day and does not retry', async () => {
		const result = await kit.run('user', { operation: 'getWorkHistory', date: '2999-01-01' });
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Get Work History: Future data is absent: the date is in the future; work history exists only up to today',
		);
		expect(kit.requests('/users/workHistory')).toHaveLength(1);
	});

	it('refuses a date that is not one before sending', async () => {
		const result = await kit.run('user', { operation: 'getWorkHistory', date: '2024-02-30' });
		expect(result.error('Subject')?.message).toMatch(/^Item 1: "Date" must be a date and time/);
		expect(kit.requests()).toHaveLength(0);
	});
});

describe('Unitalk → User → Set Work Status', () => {
	it('sends number, status and status name as URL parameters and the status changes', async () => {
		const result = await kit.run('user', {
			operation: 'setWorkStatus',
			number: '2222',
			status: 'PAUS',
			statusName: 'Break',
		});
		expect(result.error()).toBeUndefined();
		const sent = kit.requests('/phones/inner/setStatus');
		expect(sent).toHaveLength(1);
		expect(sent[0].query).toEqual({ number: '2222', status: 'PAUS', statusName: 'Break' });
		expect(result.output('Subject')[0].json).toEqual({
			status: 'Success',
			number: '2222',
			workStatus: 'PAUS',
			workStatusName: 'Break',
		});
		expect(users().find((u) => u.id === 12346)).toMatchObject({
			workStatus: 'PAUS',
			workStatusName: 'Break',
		});
	});

	it('leaves the status name out when empty, and maps the line from the item', async () => {
		const result = await kit.run(
			'user',
			{ operation: 'setWorkStatus', number: '={{ $json.line }}', status: 'WORK' },
			[{ line: 4444 }],
		);
		expect(result.error()).toBeUndefined();
		expect(kit.requests('/phones/inner/setStatus')[0].query).toEqual({
			number: '4444',
			status: 'WORK',
		});
		expect(users().find((u) => u.id === 12349)?.workStatus).toBe('WORK');
	});

	it("reports Unitalk's refusal of a status name the project does not have", async () => {
		const result = await kit.run('user', {
			operation: 'setWorkStatus',
			number: '2222',
			status: 'WORK',
			statusName: 'Lunch',
		});
		expect(result.error('Subject')?.message).toBe('Unitalk Set Work Status: Status name not found');
		expect(kit.requests('/phones/inner/setStatus')).toHaveLength(1);
	});

	it('refuses a line that is not a number before sending', async () => {
		const result = await kit.run('user', {
			operation: 'setWorkStatus',
			number: 'John',
			status: 'WORK',
		});
		expect(result.error('Subject')?.message).toBe(
			'Item 1: "Line" must be an internal line number (digits only) (got "John")',
		);
		expect(kit.requests()).toHaveLength(0);
	});
});

describe('Unitalk dropdowns from the account (accountLists.ts)', () => {
	it('lists user lines and internal lines', async () => {
		const { Unitalk } = await import('../../../nodes/Unitalk/Unitalk.node');
		const methods = new Unitalk().methods.loadOptions as Record<
			string,
			(this: unknown) => Promise<Array<{ name: string; value: unknown }>>
		>;
		const userLines = await methods.getUserLines.call(kit.loadOptionsContext());
		expect(userLines).toEqual([
			{ name: 'Alexander Maksimov (5455)', value: '5455' },
			{ name: 'Busy Operator (3333)', value: '3333' },
			{ name: 'Jane Doe (2222)', value: '2222' },
			{ name: 'John Triple Callid (1111)', value: '1111' },
			{ name: 'Offline Operator (4444)', value: '4444' },
		]);
		const usersById = await methods.getUsers.call(kit.loadOptionsContext());
		expect(usersById.find((u) => u.value === 12350)?.name).toBe('Mary Manager');
		const lines = await methods.getInternalLines.call(kit.loadOptionsContext());
		expect(lines).toEqual([
			{ name: '1111 (online)', value: '1111' },
			{ name: '2222 (online)', value: '2222' },
			{ name: '3333 (busy)', value: '3333' },
			{ name: '4444 (offline)', value: '4444' },
			{ name: '5455 (online)', value: '5455' },
		]);
		expect(kit.requests('/users/list')).toHaveLength(2);
		expect(kit.requests('/phones/inner')).toHaveLength(1);
	});
});
