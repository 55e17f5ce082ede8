import { useId, useRef, useState, type FormEvent } from 'react';
import { DateField } from '../../components/DateField';
import { useMutation, useQuery } from '@apollo/client/react';
import { Panel } from '../../components/Panel';
import { Select } from '../../components/Select';
import { ErrorState, LoadingState } from '../../components/StateViews';
import { DsaReportDocument, DsaReportServicesDocument, ExportDsaReportDocument, type DsaExportFormat } from '../../generated/graphql';
import { describeError } from '../../errors';
import { PartTable, type Offence } from './PartTable';
import { TextEditor, type Period } from './TextEditor';
import { PART_SOURCES, lastCompleteHalfYear, saveFile, serviceOptions } from './report';

interface Download {
  format: DsaExportFormat;
  part?: number;
}

/**
 * The DSA transparency report (README "DSA transparency report"): a period and service, the
 * checks with their offending cells, each part as the file holds it, the qualitative texts, and
 * the files — a report failing a check is exported only with a reason, kept in the audit log.
 */
export function Compliance() {
  const [period, setPeriod] = useState<Period>(() => ({ ...lastCompleteHalfYear(new Date().toISOString().slice(0, 10)), service: '' }));
  const [draft, setDraft] = useState(period);
  const report = useQuery(DsaReportDocument, { variables: { input: period }, notifyOnNetworkStatusChange: true });
  const [part, setPart] = useState(1);
  const [picked, setPicked] = useState<string | null>(null);
  const [pending, setPending] = useState<Download | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [exportFile, exporting] = useMutation(ExportDsaReportDocument);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  // the services with data in the period being chosen (the draft), so the list follows the dates
  const services = useQuery(DsaReportServicesDocument, { variables: { input: { from: draft.from, to: draft.to } }, skip: draft.from > draft.to });
  const data = report.data?.dsaReport;
  const failing = data?.checks.filter((c) => c.offences.length > 0) ?? [];
  const shown = data?.parts.find((p) => p.part === part);

  const onPeriod = (event: FormEvent) => {
    event.preventDefault();
    setPeriod({ from: draft.from, to: draft.to, service: draft.service });
    setPicked(null);
    setPending(null);
  };

  const run = async (d: Download, override: string) => {
    setProblem(null);
    try {
      const { data: answer } = await exportFile({ variables: { input: { ...period, format: d.format, ...(d.part ? { part: d.part } : {}), ...(override ? { override } : {}) } } });
      if (answer) saveFile(answer.exportDsaReport);
      setPending(null);
      setReason('');
    } catch (e) {
      setProblem(describeError(e));
    }
  };
  const download = (d: Download) => {
    if (failing.length === 0) return void run(d, '');
    setPending(d);
    // the reason box appears where the request was made; take the keyboard there
    setTimeout(() => reasonRef.current?.focus(), 0);
  };
  const pick = (o: Offence) => {
    setPart(o.part);
    setPicked(o.cell);
  };

  return (
    <div className="compliance">
      <form className="compliance-period" onSubmit={onPeriod} aria-label="Report period and service">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-from`}>From</label>
          <DateField id={`${id}-from`} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-to`}>To</label>
          <DateField id={`${id}-to`} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} />
        </div>
        <Select label="Service" value={draft.service} options={serviceOptions(services.data?.dsaReportServices, draft.service)} onChange={(service) => setDraft({ ...draft, service })} />
        <button type="submit" className="button">Show report</button>
      </form>
      {services.error ? <p role="alert" className="form-error">The services of the period could not be listed: {describeError(services.error)}</p> : null}

      {report.error ? <ErrorState what="the DSA report" error={report.error} onRetry={() => void report.refetch()} /> : null}
      {!data && report.loading ? <LoadingState what="the DSA report" /> : null}
      {data ? (
        <>
          <Panel title="Consistency checks" subtitle={failing.length ? `${failing.length} of ${data.checks.length} rules fail: the report is exported only with a reason (kept in the audit log).` : `All ${data.checks.length} rules pass.`} busy={report.loading}>
            <ul className="compliance-checks">
              {data.checks.map((c) => (
                <li key={c.rule}>
                  <span className={c.offences.length ? 'check-fail' : 'check-pass'}>{c.offences.length ? 'Fails' : 'Passes'}</span> <strong>{c.rule}</strong>: {c.description}
                  {c.offences.length ? (
                    <ul>
                      {c.offences.map((o) => (
                        <li key={`${o.part}-${o.cell}`}>
                          <button type="button" className="link-button" onClick={() => pick(o)}>
                            Part {o.part} {o.cell}
                          </button>{' '}
                          {o.row} · {o.column.trim()}: {o.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ul>
          </Panel>

          <Panel title="Files" subtitle="The part shown below as the Commission's CSV file, or every part in one workbook.">
            <div className="compliance-downloads">
              <button type="button" className="button" disabled={exporting.loading} onClick={() => download({ format: 'XLSX' })}>
                Download every part (XLSX)
              </button>
              <button type="button" className="button button-quiet" disabled={exporting.loading} onClick={() => download({ format: 'CSV', part })}>
                Download part {part} (CSV)
              </button>
            </div>
            {pending ? (
              <form
                className="compliance-override"
                aria-label="Export despite failing checks"
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(pending, reason.trim());
                }}
              >
                <p role="alert">
                  The report fails {failing.map((c) => c.rule).join(', ')}. Say why it is exported anyway: the reason is kept in the audit log.
                </p>
                <label className="field-label" htmlFor={`${id}-reason`}>Reason for the override</label>
                <textarea id={`${id}-reason`} ref={reasonRef} rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />
                <div className="compliance-text-actions">
                  <button type="submit" className="button" disabled={!reason.trim() || exporting.loading}>
                    {exporting.loading ? 'Exporting…' : `Export ${pending.format === 'XLSX' ? 'the workbook' : `part ${pending.part}`} anyway`}
                  </button>
                  <button type="button" className="button button-quiet" onClick={() => setPending(null)}>
                    Cancel
                  </button>
                </div>
              </form>
            ) : null}
            {problem ? <p role="alert" className="form-error">{problem}</p> : null}
          </Panel>

          <Panel title={`Part ${part}`} subtitle={PART_SOURCES[part]} busy={report.loading}>
            <div className="compliance-parts" role="group" aria-label="Parts">
              {data.parts.map((p) => {
                const fails = failing.some((c) => c.offences.some((o) => o.part === p.part));
                return (
                  <button key={p.part} type="button" className="button button-quiet" aria-pressed={p.part === part} onClick={() => { setPart(p.part); setPicked(null); }}>
                    Part {p.part}
                    {fails ? <span className="check-fail"> (fails)</span> : null}
                  </button>
                );
              })}
            </div>
            {shown ? (
              <PartTable
                part={shown.part}
                header={shown.header}
                rows={shown.rows}
                offences={failing.flatMap((c) => c.offences).filter((o) => o.part === shown.part)}
                picked={picked}
              />
            ) : null}
          </Panel>

          <Panel title="Qualitative texts (part 11)" subtitle="Each text is versioned: a save based on an older version than the one stored is refused, never overwritten.">
            {data.texts.map((t) => (
              <TextEditor
                key={`${period.from}|${period.to}|${period.service}|${t.indicator}|${t.version}`}
                period={period}
                indicator={t.indicator}
                name={t.name}
                body={t.body}
                version={t.version}
                onSaved={() => void report.refetch()}
                onReload={() => void report.refetch()}
              />
            ))}
          </Panel>
        </>
      ) : null}
    </div>
  );
}
