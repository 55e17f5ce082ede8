import { useState } from 'react';
import { Panel } from '../../components/Panel';
import { ErrorState, LoadingState } from '../../components/StateViews';
import { useDashboard } from '../../dashboard/dashboard';
import { useApi } from '../../dashboard/useApi';
import { formatCount } from '../../format';
import { AnnotatorAgreementDocument } from '../../generated/graphql';
import { useMetric } from '../../panels/useMetric';

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

/**
 * Cohen's kappa of two annotators on the tasks both labelled. The API has no list of annotators
 * yet, so the ids are typed in (as they appear in QA reports); the pair lives in the URL.
 */
export function KappaPanel({ pair, onPair }: { pair: { a: string | null; b: string | null }; onPair: (a: string, b: string) => void }) {
  const { resolved, pollInterval } = useDashboard();
  const { filters } = useMetric('krippendorff_alpha');
  const [a, setA] = useState(pair.a ?? '');
  const [b, setB] = useState(pair.b ?? '');
  const query = useApi(
    AnnotatorAgreementDocument,
    resolved && pair.a && pair.b ? { input: { annotatorA: pair.a, annotatorB: pair.b, range: resolved.range, ...(filters.length ? { filters } : {}) } } : undefined,
    pollInterval,
  );
  const answer = query.data?.annotatorAgreement;

  let body;
  if (!pair.a || !pair.b) body = <p className="state-detail">Enter two annotator ids to compare their answers on the tasks both labelled.</p>;
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
      <form
        className="kappa-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (a.trim() && b.trim()) onPair(a.trim(), b.trim());
        }}
      >
        <label className="field">
          <span className="field-label">Annotator A</span>
          <input className="date-input" value={a} onChange={(e) => setA(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Annotator B</span>
          <input className="date-input" value={b} onChange={(e) => setB(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={!a.trim() || !b.trim()}>
          Compare
        </button>
      </form>
      {body}
    </Panel>
  );
}
