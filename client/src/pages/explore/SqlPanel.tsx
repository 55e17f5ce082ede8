import { useEffect, useState } from 'react';
import { Panel } from '../../components/Panel';
import { useRecordExport } from '../../exports';
import type { SqlFieldsFragment } from '../../generated/graphql';
import { sqlScript } from './sqlText';

/**
 * The exact ClickHouse statements behind the figures, with their bound parameters, and a button
 * that copies them as a script clickhouse-client runs unchanged.
 */
export function SqlPanel({ statements }: { statements: readonly SqlFieldsFragment[] }) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const recordExport = useRecordExport();
  // Showing the SQL is an export in itself (it names tables, filters and parameters): recorded
  // when the panel opens, by the button or by a link with sql=1, and again on each copy.
  useEffect(() => recordExport('SQL'), [recordExport]);
  const copy = () => {
    recordExport('SQL');
    navigator.clipboard
      .writeText(sqlScript(statements))
      .then(() => setCopied('done'))
      .catch(() => setCopied('failed'));
  };
  return (
    <Panel
      id="sql"
      className="panel-wide"
      title="SQL"
      subtitle={`${statements.length} statement${statements.length === 1 ? '' : 's'}, run in this order; values reach ClickHouse only as bound parameters`}
      aside={
        <div className="sql-actions">
          <button type="button" className="button" onClick={copy}>
            Copy SQL
          </button>
          <span role="status" className="tile-muted">
            {copied === 'done' ? 'Copied as a clickhouse-client script' : copied === 'failed' ? 'Copy failed: select the text below' : ''}
          </span>
        </div>
      }
    >
      {statements.map((s, i) => (
        <div className="sql-statement" key={i} data-testid="sql-statement">
          <pre className="sql-text" data-testid="sql-text">
            {s.sql}
          </pre>
          {s.params.length > 0 ? (
            <table className="data-table sql-params" aria-label={`Parameters of statement ${i + 1}`}>
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  <th scope="col">Type</th>
                  <th scope="col">Value (JSON)</th>
                </tr>
              </thead>
              <tbody>
                {s.params.map((p) => (
                  <tr key={p.name} data-testid="sql-param" data-name={p.name} data-type={p.type} data-value={p.value}>
                    <th scope="row">{p.name}</th>
                    <td>{p.type}</td>
                    <td className="sql-value">{p.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ))}
    </Panel>
  );
}
