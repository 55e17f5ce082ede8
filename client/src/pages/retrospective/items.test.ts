import { describe, expect, it } from 'vitest';
import { groupItems, type Item } from './items';

let n = 0;
const item = (over: Partial<Item>): Item => ({
  id: `i${++n}`, version: 1, week: '2026-11-09', section: 'GENERAL', kind: 'FINDING', text: 't', owner: '', dueDate: null,
  status: 'OPEN', regions: [], countries: [], vendors: [], author: 'ana', deleted: false, updatedAt: '2026-11-10T00:00:00Z', ...over,
});

describe('items of the week', () => {
  const items = [
    item({ id: 'f1', kind: 'FINDING' }),
    item({ id: 'a-this', kind: 'ACTION', owner: 'bo', dueDate: '2026-11-20' }),
    item({ id: 'r1', kind: 'ROOT_CAUSE' }),
    item({ id: 'a-old', kind: 'ACTION', week: '2026-10-26', owner: 'cy', dueDate: '2026-11-01' }),
    item({ id: 'a-older', kind: 'ACTION', week: '2026-10-19', owner: 'cy' }),
    item({ id: 'gone', kind: 'FINDING', deleted: true }),
  ];
  const groups = groupItems(items, '2026-11-09', '2026-11-15');

  it('groups by kind and leaves deleted items out', () => {
    expect(groups.FINDING.map((l) => l.item.id)).toEqual(['f1']);
    expect(groups.ROOT_CAUSE.map((l) => l.item.id)).toEqual(['r1']);
  });

  it('marks carried-over actions with their own week and lists them first, oldest first', () => {
    expect(groups.ACTION.map((l) => [l.item.id, l.carriedFrom])).toEqual([
      ['a-older', '2026-10-19'],
      ['a-old', '2026-10-26'],
      ['a-this', null],
    ]);
  });

  it('calls an open action overdue when its due date passed by the end of the week, never a done one', () => {
    expect(groups.ACTION.map((l) => l.overdue)).toEqual([false, true, false]);
    const done = groupItems([item({ kind: 'ACTION', status: 'DONE', dueDate: '2026-11-01' })], '2026-11-09', '2026-11-15');
    expect(done.ACTION[0]!.overdue).toBe(false);
  });
});
