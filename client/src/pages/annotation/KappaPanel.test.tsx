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
import { matchAnnotators, type AnnotatorOption } from './AnnotatorPicker';
import { KappaPanel, pickA, pickB, type AnnotatorPair } from './KappaPanel';

const annotator = (id: string, labels: number, sharedTasks: number | null = null, vendor = 'tessera') => ({ __typename: 'Annotator', id, vendor, labels, sharedTasks });

const asked: AnnotatorsQueryVariables[] = [];
const compared: AnnotatorAgreementQueryVariables[] = [];

/** Annotators: everyone by labels; paired with a, b and c by shared tasks. */
const annotatorsMock: MockLink.MockedResponse = {
  request: { query: AnnotatorsDocument, variables: (v) => (asked.push(v as AnnotatorsQueryVariables), true) },
  result: (v) => ({
    data: {
      annotators: (v as AnnotatorsQueryVariables).input.pairedWith === 'tessera-bogota-1'
        ? [annotator('tessera-bogota-3', 40, 12), annotator('tessera-bogota-2', 55, 7)]
        : [annotator('tessera-bogota-2', 55), annotator('tessera-bogota-3', 40), annotator('tessera-bogota-1', 31), annotator('kestrel-krakow-4', 9, null, 'kestrel')],
    },
  }),
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

function renderPanel(start: AnnotatorPair = { a: null, b: null }) {
  return render(
    <MockedProvider mocks={[catalogueMock(), markersMock, annotatorsMock, agreementMock]} mockLinkDefaultOptions={{ delay: 5 }}>
      <DashboardProvider>
        <Harness start={start} />
      </DashboardProvider>
    </MockedProvider>,
  );
}

const group = (name: RegExp) => screen.getByRole('group', { name });
const pairShown = () => screen.getByTestId('pair').textContent;

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
});
