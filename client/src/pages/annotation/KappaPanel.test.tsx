import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DashboardProvider } from '../../dashboard/DashboardProvider';
import {
  AnnotatorAgreementDocument, AnnotatorsDocument, type AnnotatorAgreementQueryVariables, type AnnotatorsQueryVariables,
} from '../../generated/graphql';
import { catalogueMock, markersMock } from '../../testing/apiMocks';
import { matchAnnotators, searchTerm, SEARCH_DELAY_MS, type AnnotatorOption } from './AnnotatorPicker';
import { KappaPanel, pickA, pickB, type AnnotatorPair } from './KappaPanel';

const annotator = (id: string, labels: number, sharedTasks: number | null = null, vendor = 'tessera') => ({ __typename: 'Annotator', id, vendor, labels, sharedTasks });

const asked: AnnotatorsQueryVariables[] = [];
const compared: AnnotatorAgreementQueryVariables[] = [];

/** The API's search: ids containing it, any case, then at most 200. */
const searched = (list: ReturnType<typeof annotator>[], search: string | null | undefined) =>
  list.filter((o) => !search || o.id.toLowerCase().includes(search.toLowerCase())).slice(0, 200);

/** Annotators: everyone by labels; paired with a, b and c by shared tasks. */
const annotatorsMock: MockLink.MockedResponse = {
  request: { query: AnnotatorsDocument, variables: (v) => (asked.push(v as AnnotatorsQueryVariables), true) },
  result: (v) => {
    const { input } = v as AnnotatorsQueryVariables;
    return {
      data: {
        annotators: searched(input.pairedWith === 'tessera-bogota-1'
          ? [annotator('tessera-bogota-3', 40, 12), annotator('tessera-bogota-2', 55, 7)]
          : [annotator('tessera-bogota-2', 55), annotator('tessera-bogota-3', 40), annotator('tessera-bogota-1', 31), annotator('kestrel-krakow-4', 9, null, 'kestrel')], input.search),
      },
    };
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

/** 260 annotators, helios-manila-000 the busiest (300 labels) … helios-manila-259 (41): the API lists 200. */
const crowd = Array.from({ length: 260 }, (_, i) => annotator(`helios-manila-${String(i).padStart(3, '0')}`, 300 - i, null, 'helios'));
const crowdMock: MockLink.MockedResponse = {
  request: { query: AnnotatorsDocument, variables: (v) => (asked.push(v as AnnotatorsQueryVariables), true) },
  result: (v) => {
    const { input } = v as AnnotatorsQueryVariables;
    return { data: { annotators: input.pairedWith ? searched(crowd.filter((o) => o.id !== input.pairedWith).map((o) => ({ ...o, sharedTasks: 2 })), input.search) : searched(crowd, input.search) } };
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

const agreementMock: MockLink.MockedResponse = {
  request: { query: AnnotatorAgreementDocument, variables: (v) => (compared.push(v as AnnotatorAgreementQueryVariables), true) },
  result: { data: { annotatorAgreement: { __typename: 'AnnotatorAgreement', kappa: 0.5, items: 12, categories: ['benign', 'violating'], table: [[6, 3], [0, 3]] } } },
  maxUsageCount: Number.POSITIVE_INFINITY,
};

function Harness({ start }: { start: AnnotatorPair }) {
  const [pair, setPair] = useState(start);
  return (
    <>
      <output data-testid="pair">{`${pair.a ?? '-'}|${pair.b ?? '-'}`}</output>
      <KappaPanel pair={pair} onPair={setPair} />
    </>
  );
}

function renderPanel(start: AnnotatorPair = { a: null, b: null }, annotators = annotatorsMock) {
  return render(
    <MockedProvider mocks={[catalogueMock(), markersMock, annotators, agreementMock]} mockLinkDefaultOptions={{ delay: 5 }}>
      <DashboardProvider>
        <Harness start={start} />
      </DashboardProvider>
    </MockedProvider>,
  );
}

const group = (name: RegExp) => screen.getByRole('group', { name });
const pairShown = () => screen.getByTestId('pair').textContent;
const note = (picker: HTMLElement) => picker.querySelector('.picker-note')?.textContent;

describe('matchAnnotators', () => {
  const options: AnnotatorOption[] = [
    { id: 'tessera-bogota-2', vendor: 'tessera', count: 55 },
    { id: 'kestrel-krakow-4', vendor: 'kestrel', count: 9 },
    { id: 'tessera-bogota-12', vendor: 'tessera', count: 3 },
  ];
  const label = (c: string) => ({ tessera: 'Tessera BPO', kestrel: 'Kestrel Annotations' })[c] ?? c;

  it('keeps every option, in order, for an empty query', () => {
    expect(matchAnnotators(options, '  ')).toEqual(options);
  });
  it('matches ids and vendor labels, case-insensitively, every word', () => {
    expect(matchAnnotators(options, 'BOGOTA-1', label).map((o) => o.id)).toEqual(['tessera-bogota-12']);
    expect(matchAnnotators(options, 'annotations', label).map((o) => o.id)).toEqual(['kestrel-krakow-4']);
    expect(matchAnnotators(options, 'bpo 2', label).map((o) => o.id)).toEqual(['tessera-bogota-2', 'tessera-bogota-12']);
    expect(matchAnnotators(options, 'helios', label)).toEqual([]);
  });
});

describe('searchTerm', () => {
  it('is the longest word made of id characters, or nothing', () => {
    expect(searchTerm('')).toBeUndefined();
    expect(searchTerm('   ')).toBeUndefined();
    expect(searchTerm(' manila-25 ')).toBe('manila-25');
    expect(searchTerm('bpo bogota-1')).toBe('bogota-1');
    expect(searchTerm('Tessera BPO')).toBe('Tessera');
    expect(searchTerm('“quoted”')).toBeUndefined();
    expect(searchTerm('x'.repeat(65))).toBeUndefined();
  });
});

describe('pickA / pickB', () => {
  it('keeps B when A changes, unless B is the new A; never picks A as B', () => {
    expect(pickA({ a: 'x', b: 'y' }, 'z')).toEqual({ a: 'z', b: 'y' });
    expect(pickA({ a: 'x', b: 'y' }, 'y')).toEqual({ a: 'y', b: null });
    expect(pickB({ a: 'x', b: null }, 'y')).toEqual({ a: 'x', b: 'y' });
    expect(pickB({ a: 'x', b: 'y' }, 'x')).toEqual({ a: 'x', b: 'y' });
  });
});

describe('the kappa panel’s pickers', () => {
  beforeEach(() => {
    asked.length = 0;
    compared.length = 0;
    window.history.replaceState(null, '', '/annotation?vendor=tessera');
  });
  afterEach(cleanup);

  it('picks A by labels, then B among those sharing tasks with A, then shows their kappa', async () => {
    renderPanel();
    const a = group(/^Annotator A/);
    await within(a).findByRole('button', { name: /tessera-bogota-2/ });
    // most labels first, as the API ranks them, with the vendor's label and the count
    expect(within(a).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'tessera-bogota-2Tessera BPO55 labels', 'tessera-bogota-3Tessera BPO40 labels', 'tessera-bogota-1Tessera BPO31 labels', 'kestrel-krakow-4kestrel9 labels',
    ]);
    expect(within(group(/^Annotator B/)).getByText(/Pick annotator A first/)).toBeTruthy();
    // the page's slice (vendor) goes with the question
    expect(asked[0]!.input.filters).toEqual([{ dimension: 'VENDOR', values: ['tessera'] }]);
    expect(asked[0]!.input.pairedWith).toBeUndefined();

    // search narrows the list
    fireEvent.change(within(a).getByRole('searchbox', { name: 'Search Annotator A' }), { target: { value: 'bogota-1' } });
    expect(within(a).getAllByRole('button').map((b) => b.textContent)).toEqual(['tessera-bogota-1Tessera BPO31 labels']);
    // … and, after a pause, goes to the server
    await waitFor(() => expect(asked.at(-1)!.input.search).toBe('bogota-1'), { timeout: 5000 });
    expect(asked.at(-1)!.input.pairedWith).toBeUndefined();
    await waitFor(() => expect(note(a)).toBe('1 of 4'), { timeout: 5000 });
    expect(within(a).getAllByRole('button').map((b) => b.textContent)).toEqual(['tessera-bogota-1Tessera BPO31 labels']);
    fireEvent.click(within(a).getByRole('button', { name: /tessera-bogota-1/ }));
    expect(pairShown()).toBe('tessera-bogota-1|-');
    expect(within(a).getByRole('button', { name: /tessera-bogota-1/ }).getAttribute('aria-pressed')).toBe('true');

    // B: who shares tasks with A, by shared tasks
    const b = group(/^Annotator B/);
    await within(b).findByRole('button', { name: /tessera-bogota-3/ });
    expect(asked.at(-1)!.input.pairedWith).toBe('tessera-bogota-1');
    expect(within(b).getAllByRole('button').map((x) => x.textContent)).toEqual([
      'tessera-bogota-3Tessera BPO12 shared', 'tessera-bogota-2Tessera BPO7 shared',
    ]);
    expect(within(b).getByText('2 annotators sharing tasks with tessera-bogota-1')).toBeTruthy();
    expect(asked.every((v) => v.input.pairedWith === undefined || v.input.search === undefined)).toBe(true);
    fireEvent.click(within(b).getByRole('button', { name: /tessera-bogota-3/ }));
    expect(pairShown()).toBe('tessera-bogota-1|tessera-bogota-3');

    await waitFor(() => expect(screen.getByTestId('kappa').textContent).toBe('0.50'));
    expect(compared.at(-1)!.input).toMatchObject({ annotatorA: 'tessera-bogota-1', annotatorB: 'tessera-bogota-3', filters: [{ dimension: 'VENDOR', values: ['tessera'] }] });
    expect(compared.at(-1)!.input.range).toEqual(asked.at(-1)!.input.range);
  });

  it('shows a pair from the link as picked, even one the lists do not hold', async () => {
    renderPanel({ a: 'tessera-bogota-1', b: 'gone-7' });
    const b = group(/^Annotator B/);
    const stale = await within(b).findByRole('button', { name: /gone-7/ });
    expect(stale.getAttribute('aria-pressed')).toBe('true');
    expect(stale.textContent).toContain('not in this range');
    expect((await within(group(/^Annotator A/)).findByRole('button', { name: /tessera-bogota-1/ })).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(screen.getByTestId('kappa').textContent).toBe('0.50'));
    expect(compared.at(-1)!.input).toMatchObject({ annotatorA: 'tessera-bogota-1', annotatorB: 'gone-7' });
  });

  it('a capped list says so, and its search goes to the server (debounced, omitted when empty) to find anyone', async () => {
    renderPanel(undefined, crowdMock);
    const a = group(/^Annotator A/);
    await within(a).findByRole('button', { name: /helios-manila-000/ }, { timeout: 5000 });
    expect(within(a).getAllByRole('button')).toHaveLength(200);
    expect(note(a)).toBe('showing the 200 busiest — type to search all');
    expect(asked.every((v) => !('search' in v.input))).toBe(true);

    // typing fast: one search, for the last text, after the pause
    const box = within(a).getByRole('searchbox', { name: 'Search Annotator A' });
    const before = asked.length;
    for (const text of ['m', 'ma', 'manila-2', 'MANILA-25']) fireEvent.change(box, { target: { value: text } });
    // at once: the 200 listed, narrowed in the browser — none of them (250–259 are beyond the cap)
    expect(within(a).queryAllByRole('button')).toEqual([]);
    expect(within(a).getByText('Searching all annotators for “MANILA-25”…')).toBeTruthy();
    await within(a).findByRole('button', { name: /helios-manila-250/ }, { timeout: 5000 });
    const searches = asked.slice(before).filter((v) => v.input.search !== undefined);
    expect(searches.map((v) => v.input.search)).toEqual(['MANILA-25']);
    expect(searches[0]!.input.filters).toEqual([{ dimension: 'VENDOR', values: ['tessera'] }]);
    // most labels first
    expect(within(a).getAllByRole('button').map((b) => b.textContent)).toEqual(
      Array.from({ length: 10 }, (_, i) => `helios-manila-25${i}helios${50 - i} labels`),
    );
    await waitFor(() => expect(note(a)).toBe('10 matching'), { timeout: 5000 });
    fireEvent.click(within(a).getByRole('button', { name: /helios-manila-257/ }));
    expect(pairShown()).toBe('helios-manila-257|-');

    // B lists those sharing tasks with 257: capped too, and searched with pairedWith
    const b = group(/^Annotator B/);
    await within(b).findByRole('button', { name: /helios-manila-000/ }, { timeout: 5000 });
    expect(note(b)).toBe('showing the 200 sharing most tasks with helios-manila-257 — type to search all');
    fireEvent.change(within(b).getByRole('searchbox', { name: 'Search Annotator B' }), { target: { value: '259' } });
    fireEvent.click(await within(b).findByRole('button', { name: /helios-manila-259/ }, { timeout: 5000 }));
    expect(asked.at(-1)!.input).toMatchObject({ pairedWith: 'helios-manila-257', search: '259' });
    expect(pairShown()).toBe('helios-manila-257|helios-manila-259');

    // emptied: the search is dropped at once, the picked one stays at the top
    const n = asked.length;
    fireEvent.change(box, { target: { value: '' } });
    expect(note(a)).toBe('showing the 200 busiest — type to search all');
    const stale = within(a).getAllByRole('button')[0]!;
    expect(stale.textContent).toBe('helios-manila-257not among those shown');
    expect(stale.getAttribute('aria-pressed')).toBe('true');
    await new Promise((r) => setTimeout(r, SEARCH_DELAY_MS + 50));
    expect(asked.slice(n).every((v) => !('search' in v.input) || v.input.pairedWith === 'helios-manila-257')).toBe(true);
  }, 30_000); // several waits of up to 5 s each: the default 5 s budget for the whole test is too short on a loaded machine
});
