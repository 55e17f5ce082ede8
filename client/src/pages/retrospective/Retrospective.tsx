import { useCallback, useMemo, useState } from 'react';
import { useSession } from '../../auth/SessionGate';
import { atLeast } from '../../auth/session';
import { FirstRun } from '../../components/FirstRun';
import { ErrorState, LoadingState } from '../../components/StateViews';
import { useDashboard } from '../../dashboard/dashboard';
import type { RetrospectiveQueryVariables } from '../../generated/graphql';
import { dimensionFilters } from '../../state/filterState';
import { useUrlState } from '../../state/useUrlState';
import { Anomalies } from './Anomalies';
import { RetroEditingContext, useRetroMutations, type RetroEditing } from './editing';
import { Happened } from './Happened';
import { Headlines } from './Headlines';
import { groupItems, KINDS } from './items';
import { ItemsPanel } from './Items';
import { Movers } from './Movers';
import { Notes } from './Notes';
import { retroCodec, useRetrospective } from './retroState';
import { WeekBar } from './WeekBar';
import { lastCompleteWeek, weekLastDay } from './week';

/**
 * The weekly retrospective: last week against the weeks before (headlines, top movers with
 * false-discovery control, anomalies), what happened, the team's incident notes, findings, root
 * causes and actions — editable in place, exported as Markdown, printable.
 */
export function Retrospective() {
  const { catalogue, filters, noData } = useDashboard();
  const [view, setView] = useUrlState(retroCodec);
  const scope = dimensionFilters(filters);
  const scopeKey = JSON.stringify(scope);
  const variables = useMemo<RetrospectiveQueryVariables>(() => {
    const parsed = JSON.parse(scopeKey) as typeof scope;
    return { input: { ...(view.week ? { week: view.week } : {}), ...(parsed.length ? { filters: parsed } : {}) } };
  }, [view.week, scopeKey]);
  const answer = useRetrospective(noData ? undefined : variables);
  const retro = answer.data?.retrospective;
  const mutations = useRetroMutations(variables);
  const [forbidden, setForbidden] = useState<string | null>(null);
  const { user } = useSession();
  // Below editor, no write control is offered at all. A refusal (FORBIDDEN) still ends editing
  // when the session says more than the server now allows: the role was lowered meanwhile, or a
  // scoped editor wrote about regions outside their scope.
  const readOnly =
    forbidden ?? (atLeast(user, 'editor') ? null : `Writing the retrospective needs the editor role; you are ${user.role === 'analyst' ? 'an' : 'a'} ${user.role}.`);
  const latest = catalogue?.dataTo ? lastCompleteWeek(catalogue.dataTo) : null;
  // While another week loads, the one shown is the previous answer's: say which.
  const week = view.week ?? retro?.week ?? latest;
  const { retry } = answer;

  const editing = useMemo<RetroEditing | null>(
    () => (retro ? { canEdit: readOnly === null, forbid: setForbidden, week: retro.week, mutations, reload: retry } : null),
    [retro, readOnly, mutations, retry],
  );
  const setWeek = useCallback((next: string | null) => setView({ week: next !== null && next === latest ? null : next }), [setView, latest]);

  const groups = useMemo(() => (retro ? groupItems(retro.items, retro.week, weekLastDay(retro.week)) : null), [retro]);

  if (noData) return <FirstRun page="Retrospective" />;
  return (
    <div className="retro">
      <WeekBar week={week} latest={latest} dataFrom={catalogue?.dataFrom ?? null} loading={answer.loading} retro={retro} onWeek={setWeek} />
      {readOnly ? (
        <p className="retro-readonly" role="status">
          {readOnly} You can read, export and print this retrospective.
        </p>
      ) : null}
      {answer.error ? (
        <ErrorState
          what="the retrospective"
          error={answer.error}
          onRetry={answer.retry}
          action={
            view.week ? (
              <button type="button" className="button button-quiet" onClick={() => setWeek(null)}>
                Open the latest week
              </button>
            ) : undefined
          }
        />
      ) : !retro || !editing || !groups ? (
        <LoadingState what="the retrospective" />
      ) : (
        <RetroEditingContext.Provider value={editing}>
          <div className="retro-sections" aria-busy={answer.loading}>
            <Headlines headlines={retro.headlines} />
            <Movers retro={retro} />
            <Anomalies anomalies={retro.anomalies} />
            <Happened events={retro.events} />
            <Notes notes={retro.notes} />
            {KINDS.map((k) => (
              <ItemsPanel key={k.kind} kind={k.kind} listed={groups[k.kind]} />
            ))}
          </div>
        </RetroEditingContext.Provider>
      )}
    </div>
  );
}
