/**
 * Unitalk → Internal Line → Get Statuses against the sandbox (/phones/inner: line number -> status).
 */
import { useAccountSandbox } from './account-helpers';

const kit = useAccountSandbox();

describe('Unitalk → Internal Line → Get Statuses', () => {
	it('outputs one item per line with its status, from an empty request', async () => {
		const result = await kit.run('internalLine', { operation: 'getStatuses' });
		expect(result.error()).toBeUndefined();
		const out = result.output('Subject').map((i) => i.json);
		expect(out).toEqual(
			expect.arrayContaining([
				{ number: '1111', status: 'online' },
				{ number: '3333', status: 'busy' },
				{ number: '4444', status: 'offline' },
			]),
		);
		expect(out).toHaveLength(5);
		const sent = kit.requests('/phones/inner');
		expect(sent).toHaveLength(1);
		expect(sent[0].rawBody).toBe('');
	});

	it('follows the live status of the lines', async () => {
		const line = kit.sandbox().providers.unitalk.state.calls.innerPhones.get('1111');
		if (line) line.status = 'busy';
		const result = await kit.run('internalLine', { operation: 'getStatuses' }, [{}, {}]);
		const out = result.output('Subject');
		expect(out).toHaveLength(10);
		expect(out.find((i) => i.json.number === '1111')?.json.status).toBe('busy');
		expect(out[9].pairedItem).toEqual({ item: 1 });
		expect(kit.requests('/phones/inner')).toHaveLength(2);
	});
});
