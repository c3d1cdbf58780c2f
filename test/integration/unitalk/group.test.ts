/**
 * Unitalk → Group → Remove Number against the sandbox. Doc section "Deleting a number from a group"
 * (/groups/action with action REMOVE_NUMBER).
 */
import { jsonBody, useAccountSandbox } from './account-helpers';

const kit = useAccountSandbox();
const members = (id: number) => kit.sandbox().providers.unitalk.state.account.groupMembers.get(id);

describe('Unitalk → Group → Remove Number', () => {
	it('sends REMOVE_NUMBER with the group ID and the number, and the line leaves the group', async () => {
		const result = await kit.run(
			'group',
			{ operation: 'removeNumber', groupId: '={{ $json.group }}', number: '={{ $json.line }}' },
			[{ group: '455', line: 2222 }],
		);
		expect(result.error()).toBeUndefined();
		const sent = kit.requests('/groups/action');
		expect(sent.map(jsonBody)).toEqual([{ action: 'REMOVE_NUMBER', groupId: 455, number: '2222' }]);
		expect(result.output('Subject')[0].json).toEqual({
			status: 'Success',
			groupId: 455,
			number: '2222',
		});
		expect(members(455)).toEqual(['1111', '5455']);
	});

	it("reports Unitalk's answer for a group that does not exist", async () => {
		const result = await kit.run('group', {
			operation: 'removeNumber',
			groupId: 999,
			number: '1111',
		});
		expect(result.error('Subject')?.message).toBe(
			'Unitalk Remove Number from Group: Group not found',
		);
		expect(kit.requests('/groups/action')).toHaveLength(1);
	});

	it('refuses a number that is not an internal line before sending', async () => {
		const result = await kit.run('group', {
			operation: 'removeNumber',
			groupId: 455,
			number: 'abc',
		});
		expect(result.error('Subject')?.message).toBe(
			'Item 1: "Number" must be an internal line number (digits only) (got "abc")',
		);
		expect(kit.requests()).toHaveLength(0);
	});
});
