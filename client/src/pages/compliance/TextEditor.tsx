import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { SetDsaReportTextDocument } from '../../generated/graphql';
import { saveFailure } from '../retrospective/saving';

export interface Period {
  from: string;
  to: string;
  service: string;
}

/**
 * One qualitative text of part 11, versioned: a save names the version it was based on; when
 * someone saved first the server refuses with CONFLICT, which is shown with a way to reload theirs
 * (this box keeps the writer's text until they do).
 */
export function TextEditor({ period, indicator, name, body, version, onSaved, onReload }: {
  period: Period;
  indicator: number;
  name: string;
  body: string;
  version: number;
  onSaved: () => void;
  onReload: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(body);
  const [problem, setProblem] = useState<{ conflict: boolean; message: string } | null>(null);
  const [save, { loading }] = useMutation(SetDsaReportTextDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await save({ variables: { input: { from: period.from, to: period.to, service: period.service, indicator, body: draft, expectedVersion: version } } });
      onSaved();
    } catch (e) {
      const failure = saveFailure(e);
      setProblem({ conflict: failure.kind === 'conflict', message: failure.message });
    }
  };

  return (
    <form className="compliance-text" onSubmit={(e) => void onSubmit(e)}>
      <label id={`${id}-name`} htmlFor={`${id}-body`} className="field-label">
        {indicator}. {name}
      </label>
      <textarea id={`${id}-body`} rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
      <div className="compliance-text-actions">
        <span className="compliance-text-version">{version === 0 ? 'not written yet' : `version ${version}`}</span>
        <button type="submit" className="button" disabled={loading || draft === body}>
          {loading ? 'Saving…' : 'Save'}
        </button>
      </div>
      {problem ? (
        <div role="alert" className="form-error">
          {problem.conflict ? `Not saved: someone else saved this text first. ${problem.message}` : problem.message}
          {problem.conflict ? (
            <button type="button" className="button button-quiet" onClick={onReload}>
              Reload their version
            </button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
