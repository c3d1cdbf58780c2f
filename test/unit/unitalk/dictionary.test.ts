import { dictionaryEntries } from '../../../nodes/Unitalk/actions/dictionary/request';

/** The answer of /dictionary is not documented: every plausible shape must give {id, name} entries. */
describe('dictionaryEntries', () => {
	it('reads an "ID": "Name" map inside the envelope', () => {
		expect(
			dictionaryEntries({ status: 'Success', data: { '211': 'Main menu', '212': 'Other' } }),
		).toEqual([
			{ id: '211', name: 'Main menu' },
			{ id: '212', name: 'Other' },
		]);
	});

	it('reads a bare map', () => {
		expect(dictionaryEntries({ '18': 'Pretty woman voice' })).toEqual([
			{ id: '18', name: 'Pretty woman voice' },
		]);
	});

	it('keeps list entries whole, bare or in the envelope', () => {
		const list = [{ id: 4953, name: 'API greeting', type: 'API' }];
		expect(dictionaryEntries(list)).toEqual(list);
		expect(dictionaryEntries({ status: 'Success', message: 'ok', data: list })).toEqual(list);
	});

	it('gives nothing for an answer of another shape', () => {
		expect(dictionaryEntries({ tasks: [{ id: 1 }], total: { count: 1 } })).toBeUndefined();
		expect(dictionaryEntries('text')).toBeUndefined();
	});
});
