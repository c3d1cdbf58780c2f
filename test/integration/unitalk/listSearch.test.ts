/**
 * Issue 7 §5: the autodialer search shows each autodialer's status, which GET_LIST gives at
 * `taskStatusInfo.status` ("Obtaining a list of autodialers").
 */
import { Unitalk } from '../../../nodes/Unitalk/Unitalk.node';
import { useAccountSandbox } from './account-helpers';

const kit = useAccountSandbox();

it('lists autodialers newest first as "name (status)", the status from taskStatusInfo', async () => {
	const state = kit.sandbox().providers.unitalk.state;
	const search = new Unitalk().methods.listSearch.searchAutodialers;
	const { results } = await search.call(kit.loadOptionsContext());
	const expected = [...state.autodialers.values()]
		.sort((a, b) => b.id - a.id)
		.map((a) => ({ name: `${a.name} (${a.status})`, value: String(a.id) }));
	expect(results).toEqual(expected);
	expect(results.length).toBeGreaterThan(0);
	expect(results.every((r) => /\([A-Z_]+\)$/.test(r.name))).toBe(true);
});
