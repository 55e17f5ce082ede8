import { useState } from 'react';
import { Panel } from '../../components/Panel';
import { ErrorState, LoadingState } from '../../components/StateViews';
import { useDashboard } from '../../dashboard/dashboard';
import { useApi } from '../../dashboard/useApi';
import { formatCount } from '../../format';
import { valueLabel } from '../../catalogue';
import { AnnotatorAgreementDocument, AnnotatorsDocument } from '../../generated/graphql';
import { useMetric } from '../../panels/useMetric';
import { AnnotatorPicker, labelsText, sharedText } from './AnnotatorPicker';

/** Landis & Koch's reading of kappa, the one QA teams quote. */
export function kappaReading(kappa: number | null): string {
  if (kappa === null) return 'not computable';
  if (kappa < 0) return 'worse than chance';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

export interface AnnotatorPair {
  a: string | null;
  b: string | null;
}

/** The pair after picking annotator A: B stays unless it is the new A. */
export function pickA(pair: AnnotatorPair, a: string): AnnotatorPair {
  return { a, b: pair.b === a ? null : pair.b };
}

/** The pair after picking annotator B (never the same as A). */
export function pickB(pair: AnnotatorPair, b: string): AnnotatorPair {
  return pair.a === b ? pair : { a: pair.a, b };
}

/**
 * Cohen's kappa of two annotators on the tasks both labelled. Annotator A is picked from those who
 * labelled in the range and slice (by labels), B from those who share tasks with A (by shared
 * tasks), so a pair with data is one click each; the pair lives in the URL.
 */
export function KappaPanel({ pair, onPair }: { pair: AnnotatorPair; onPair: (pair: AnnotatorPair) => void }) {
  const { resolved, pollInterval, catalogue } = useDashboard();
  const { filters } = useMetric('krippendorff_alpha');
  const slice = resolved ? { range: resolved.range, ...(filters.length ? { filters } : {}) } : undefined;
  const firsts = useApi(AnnotatorsDocument, slice ? { input: slice } : undefined, pollInterval);
  const seconds = useApi(AnnotatorsDocument, slice && pair.a ? { input: { ...slice, pairedWith: pair.a } } : undefined, pollInterval);
  // what each picker's search box asks the server for (omitted when empty): any annotator, not only the listed 200
  const [searchA, setSearchA] = useState<string>();
  const [searchB, setSearchB] = useState<string>();
  const foundA = useApi(AnnotatorsDocument, slice && searchA ? { input: { ...slice, search: searchA } } : undefined, pollInterval);
  const foundB = useApi(AnnotatorsDocument, slice && pair.a && searchB ? { input: { ...slice, pairedWith: pair.a, search: searchB } } : undefined, pollInterval);
  const query = useApi(
    AnnotatorAgreementDocument,
    resolved && pair.a && pair.b ? { input: { annotatorA: pair.a, annotatorB: pair.b, range: resolved.range, ...(filters.length ? { filters } : {}) } } : undefined,
    pollInterval,
  );
  const vendorLabel = (code: string) => valueLabel(catalogue, 'VENDOR', code);
  const why = (e: unknown) => (e instanceof Error ? e.message : String(e));
  const failure = (e: unknown) => (e ? `The annotators could not be loaded: ${why(e)}` : undefined);
  const answer = query.data?.annotatorAgreement;

  let body;
  if (!pair.a || !pair.b) body = <p className="state-detail">Pick two annotators to compare their answers on the tasks both labelled.</p>;
  else if (query.error) body = <ErrorState what="the agreement of these annotators" error={query.error} onRetry={query.retry} />;
  else if (!answer) body = <LoadingState what="the agreement of these annotators" />;
  else if (answer.items === 0) body = <p className="state-detail">These two annotators labelled no task in common in this range and slice.</p>;
  else {
    body = (
      <div className="kappa">
        <p>
          <strong className="kpi-value" data-testid="kappa">
            {answer.kappa === null ? '–' : answer.kappa.toFixed(2)}
          </strong>{' '}
          {kappaReading(answer.kappa)} agreement on {formatCount(answer.items)} shared task{answer.items === 1 ? '' : 's'}
          {answer.items < 30 ? <span className="low-sample"> · low sample</span> : null}
        </p>
        <table className="data-table confusion" aria-label="Answers of annotator A (rows) against annotator B (columns)">
          <thead>
            <tr>
              <td>A \ B</td>
              {answer.categories.map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {answer.table.map((row, i) => (
              <tr key={answer.categories[i]}>
                <th scope="row">{answer.categories[i]}</th>
                {row.map((n, j) => (
                  <td key={answer.categories[j]} className={i === j ? 'cm-good' : undefined}>
                    {formatCount(n)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <Panel id="kappa" title="Cohen's kappa of two annotators" busy={query.loading}>
      <div className="kappa-form">
        <AnnotatorPicker
          label="Annotator A"
          options={firsts.data?.annotators.map((o) => ({ id: o.id, vendor: o.vendor, count: o.labels }))}
          value={pair.a}
          onChange={(a) => onPair(pickA(pair, a))}
          countText={labelsText}
          vendorLabel={vendorLabel}
          message={failure(firsts.error)}
          emptyText="No annotator labelled in this range and slice."
          onSearch={setSearchA}
          found={searchA ? foundA.data?.annotators.map((o) => ({ id: o.id, vendor: o.vendor, count: o.labels })) : undefined}
          searching={!!searchA && foundA.loading}
          searchError={searchA && foundA.error ? why(foundA.error) : undefined}
        />
        <AnnotatorPicker
          label="Annotator B"
          options={seconds.data?.annotators.map((o) => ({ id: o.id, vendor: o.vendor, count: o.sharedTasks ?? 0 }))}
          value={pair.b}
          onChange={(b) => onPair(pickB(pair, b))}
          countText={sharedText}
          vendorLabel={vendorLabel}
          message={pair.a ? failure(seconds.error) : 'Pick annotator A first: this list shows who shares tasks with them.'}
          emptyText={`No one labelled a task that ${pair.a ?? 'annotator A'} also labelled in this range and slice.`}
          noun={`annotators sharing tasks with ${pair.a ?? 'A'}`}
          rank={`sharing most tasks with ${pair.a ?? 'A'}`}
          onSearch={setSearchB}
          found={searchB && pair.a ? foundB.data?.annotators.map((o) => ({ id: o.id, vendor: o.vendor, count: o.sharedTasks ?? 0 })) : undefined}
          searching={!!searchB && !!pair.a && foundB.loading}
          searchError={searchB && pair.a && foundB.error ? why(foundB.error) : undefined}
        />
      </div>
      {body}
    </Panel>
  );
}
