import { describe, expect, it } from 'vitest';
import { filterCodec } from './filterState';
import { createUrlCodec, integerIn, oneOf, replaceParams } from './urlState';

// A page codec created after the filters', as pages are: its parameters come after theirs.
const pageCodec = createUrlCodec({
  metric: { param: 'metric', codec: oneOf(['decisions', 'review_sla']), default: 'decisions' },
  top: { param: 'top', codec: integerIn(1, 25), default: 8 },
});

describe('replaceParams', () => {
  it('rewrites only the codec’s own parameters and keeps the others as written', () => {
    const search = '?region=EU,NA&metric=review_sla&range=7d';
    const next = replaceParams(search, filterCodec, { ...filterCodec.parse(search), region: ['SEA'] });
    expect(next).toBe('range=7d&region=SEA&metric=review_sla');
  });

  it('gives one link per view whichever codec wrote last', () => {
    const a = replaceParams('?metric=review_sla', filterCodec, { ...filterCodec.defaults, range: 'lw' });
    const b = replaceParams('?range=lw', pageCodec, { metric: 'review_sla', top: 8 });
    expect(a).toBe('range=lw&metric=review_sla');
    expect(b).toBe(a);
  });

  it('drops parameters no codec knows and defaults', () => {
    expect(replaceParams('?utm_source=x&top=12', pageCodec, { metric: 'decisions', top: 8 })).toBe('');
  });
});

describe('codecs', () => {
  it('reads whole numbers within bounds only', () => {
    expect(pageCodec.parse('?top=12').top).toBe(12);
    expect(pageCodec.parse('?top=12.5').top).toBe(8);
    expect(pageCodec.parse('?top=99').top).toBe(8);
    expect(pageCodec.parse('?top=').top).toBe(8);
  });
});
