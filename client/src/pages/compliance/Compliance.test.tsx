// The Compliance page against scripted API answers: an offence picked in the checks lands on its
// cell; a download of a report failing a check asks for a reason and sends it; a stale text edit
// shows the CONFLICT and reloads on request.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { GraphQLError } from 'graphql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DsaReportDocument, DsaReportServicesDocument, ExportDsaReportDocument, SetDsaReportTextDocument, type DsaReportQuery } from '../../generated/graphql';
import { Compliance } from './Compliance';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});
beforeEach(() => {
  // 3 December 2026: the last complete half-year is 1 January – 30 June 2026
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-03T14:00:00Z'));
});

const INPUT = { from: '2026-01-01', to: '2026-06-30', service: '' };
const HEADER = ['Applicability', 'Service', 'Reporting period', 'Category', 'Other', 'Number of measures '];
const part = (n: number, rows: string[][]) => ({ part: n, header: HEADER, rows, csv: `${HEADER.join(',')}\n${rows.map((r) => r.join(',')).join('\n')}\n` });
const REPORT: DsaReportQuery['dsaReport'] = {
  parts: Array.from({ length: 11 }, (_, i) =>
    part(i + 1, [
      ['All', '', '2026-01-01/2026-06-30', 'TOTAL', '', '175'],
      ['All', '', '2026-01-01/2026-06-30', 'STATEMENT_CATEGORY_ANIMAL_WELFARE', '', '0'],
    ]),
  ),
  checks: [
    { rule: 'categories-add-up', description: 'categories add up to TOTAL', offences: [{ part: 6, cell: 'F2', row: 'TOTAL', column: 'Number of measures ', value: '175', message: 'categories add up to 0, not 175' }] },
    { rule: 'parts-agree', description: 'parts agree', offences: [] },
  ],
  texts: [{ indicator: 3, name: 'Qualitative description of the automated means', body: 'Classifiers flag.', version: 2 }],
};
const reportMock = (report = REPORT, input = INPUT): MockLink.MockedResponse => ({ request: { query: DsaReportDocument, variables: { input } }, result: { data: { dsaReport: report } } });
const servicesMock = (names: string[], period = { from: INPUT.from, to: INPUT.to }): MockLink.MockedResponse => ({
  request: { query: DsaReportServicesDocument, variables: { input: period } },
  result: { data: { dsaReportServices: names } },
  maxUsageCount: 10,
});
const SERVICES = servicesMock(['alpha', 'vigil-video']);

describe('Compliance', () => {
  it('asks for the last complete half-year, and a picked offence opens its part on the marked cell', async () => {
    render(
      <MockedProvider mocks={[reportMock(), SERVICES]}>
        <Compliance />
      </MockedProvider>,
    );
    const offence = await screen.findByRole('button', { name: 'Part 6 F2' });
    expect(screen.getByLabelText('From')).toHaveProperty('value', '2026-01-01');
    expect(screen.getByLabelText('To')).toHaveProperty('value', '2026-06-30');
    expect(screen.getByRole('button', { name: /^Part 6 ?\(fails\)/ }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(offence);
    expect(screen.getByRole('button', { name: /^Part 6 ?\(fails\)/ }).getAttribute('aria-pressed')).toBe('true');
    const table = screen.getByRole('region', { name: 'Part 6 (table)' });
    const cell = table.querySelector('td[data-cell="F2"]')!;
    expect(cell.textContent).toContain('175');
    expect(cell.className).toBe('is-offending is-picked');
    expect(document.activeElement).toBe(cell);
    // the row below is not an offence
    expect(table.querySelector('td[data-cell="F3"]')!.className).toBe('');
  });

  it('picks the service from those with data in the period, and the list follows the dates', async () => {
    const video = { ...REPORT, parts: REPORT.parts.map((p) => ({ ...p, rows: [['All', 'vigil-video', '2026-01-01/2026-06-30', 'TOTAL', '', '9']] })) };
    render(
      <MockedProvider mocks={[reportMock(), SERVICES, reportMock(video, { ...INPUT, service: 'vigil-video' }), servicesMock(['beta'], { from: '2025-07-01', to: '2025-12-31' })]}>
        <Compliance />
      </MockedProvider>,
    );
    const picker = screen.getByRole('combobox', { name: 'Service' });
    await waitFor(() => expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['All services', 'alpha', 'vigil-video']));
    expect(picker).toHaveProperty('value', '');
    fireEvent.change(picker, { target: { value: 'vigil-video' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show report' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Part 1 (table)' }).textContent).toContain('vigil-video'));
    // another half-year: its own services; the one chosen stays, marked as without data there
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-12-31' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-07-01' } });
    await waitFor(() => expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['All services', 'beta', 'vigil-video (no data in the period)']));
    expect(picker).toHaveProperty('value', 'vigil-video');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('downloads a failing report only after a reason is given, and sends the reason', async () => {
    const saved: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      saved.push(b);
      return 'blob:x';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const csv = 'a,b\n1,2\n';
    const exportMock: MockLink.MockedResponse = {
      request: { query: ExportDsaReportDocument, variables: { input: { ...INPUT, format: 'CSV', part: 1, override: 'reclassified next period' } } },
      result: { data: { exportDsaReport: { fileName: 'part1.csv', mediaType: 'text/csv', content: csv, base64: false, failing: ['categories-add-up'] } } },
    };
    render(
      <MockedProvider mocks={[reportMock(), SERVICES, exportMock]}>
        <Compliance />
      </MockedProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Download part 1 (CSV)' }));
    const form = screen.getByRole('form', { name: 'Export despite failing checks' });
    expect(within(form).getByRole('alert').textContent).toContain('categories-add-up');
    const go = within(form).getByRole('button', { name: 'Export part 1 anyway' });
    expect(go).toHaveProperty('disabled', true);
    fireEvent.change(within(form).getByLabelText('Reason for the override'), { target: { value: '  reclassified next period ' } });
    fireEvent.click(go);
    await waitFor(() => expect(clicked).toHaveBeenCalledTimes(1));
    expect(await saved[0]!.text()).toBe(csv);
    expect(screen.queryByRole('form', { name: 'Export despite failing checks' })).toBeNull();
  });

  it('shows a stale text edit as a conflict, and reloads the stored version on request', async () => {
    const stale: MockLink.MockedResponse = {
      request: { query: SetDsaReportTextDocument, variables: { input: { ...INPUT, indicator: 3, body: 'Classifiers flag; people decide.', expectedVersion: 2 } } },
      result: { errors: [new GraphQLError('The DSA report text changed since version 2 (now version 3).', { extensions: { code: 'CONFLICT', currentVersion: 3 } })] },
    };
    const newer = { ...REPORT, texts: [{ ...REPORT.texts[0]!, body: 'Someone else’s text.', version: 3 }] };
    render(
      <MockedProvider mocks={[reportMock(), SERVICES, stale, reportMock(newer)]}>
        <Compliance />
      </MockedProvider>,
    );
    const box = await screen.findByLabelText('3. Qualitative description of the automated means');
    fireEvent.change(box, { target: { value: 'Classifiers flag; people decide.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('someone else saved this text first');
    expect(screen.getByText('version 2')).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Reload their version' }));
    await waitFor(() => expect(screen.getByLabelText('3. Qualitative description of the automated means')).toHaveProperty('value', 'Someone else’s text.'));
    expect(screen.getByText('version 3')).toBeTruthy();
  });
});
