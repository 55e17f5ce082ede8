import type { SqlFieldsFragment } from '../../generated/graphql';

/**
 * A parameter's JSON value as clickhouse-client takes it in `SET param_x = '…'`: strings bare,
 * arrays in ClickHouse's literal form.
 */
export function paramLiteral(json: string): string {
  const value: unknown = JSON.parse(json);
  const literal = (v: unknown): string => (typeof v === 'string' ? `'${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'` : String(v));
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  return typeof value === 'string' ? value : String(value);
}

/** The statements as a script clickhouse-client runs as is: the parameters SET, then each query. */
export function sqlScript(statements: readonly SqlFieldsFragment[]): string {
  return statements
    .map((s) => {
      const sets = s.params.map((p) => `SET param_${p.name} = '${paramLiteral(p.value).replaceAll("'", "\\'")}';`);
      return [...sets, `${s.sql.trim()};`].join('\n');
    })
    .join('\n\n');
}
