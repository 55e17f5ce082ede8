// Row skeletons of the eleven parts, derived from the template files: the published rows in their
// order, with the placeholder scopes ("AT, […], SE", "[...]") expanded into one row per member
// state or official language. The fixed cells (applicability, section, indicator, category,
// scope) are the template's own text; the report only fills service, period and values.
import { OFFICIAL_LANGUAGES, REPORT_MEMBER_STATES, readTemplate, type Part } from '../domain/dsaTemplates.js';

export interface SkeletonRow {
  /** the row's cells as the template gives them (values empty) */
  cells: string[];
  /** the category or keyword code (parts 3–6), '' elsewhere */
  code: string;
  /** for a keyword row, its category */
  category: string;
  /** part 3: 'TOTAL' or a member state; parts 7–10: the scope cell */
  scope: string;
}

const STATE_PLACEHOLDER = /^AT, \[…\], SE$/;
const LIST_PLACEHOLDER = '[...]';
const ACCURACY_GROUPS = ['Accuracy of the automated means - Accuracy', 'Accuracy of the automated means - Precision', 'Accuracy of the automated means - Recall'];

function column(part: Part, name: string): number {
  return readTemplate(part).header.indexOf(name);
}

export function skeleton(part: Part): SkeletonRow[] {
  const t = readTemplate(part);
  const categoryAt = column(part, 'Category of illegal content') >= 0 ? column(part, 'Category of illegal content')
    : column(part, "Category of incompatibility with the provider's terms and conditions");
  const scopeAt = t.header.indexOf('Scope');
  const indicatorAt = t.header.indexOf('Indicator');
  const out: SkeletonRow[] = [];
  let category = '';
  let accuracyGroup = 0;
  for (let i = 0; i < t.rows.length; i++) {
    const cells = t.rows[i]!;
    const code = categoryAt >= 0 ? cells[categoryAt]! : '';
    if (code.startsWith('STATEMENT_CATEGORY_') || code === 'TOTAL') category = code;
    const row = (scope: string, patch: Record<number, string> = {}): SkeletonRow => {
      const c = [...cells];
      for (const [k, v] of Object.entries(patch)) c[Number(k)] = v;
      if (scopeAt >= 0) c[scopeAt] = scope;
      return { cells: c, code, category: code.startsWith('KEYWORD_') ? category : code, scope };
    };
    const scope = scopeAt >= 0 ? cells[scopeAt]! : '';
    if (STATE_PLACEHOLDER.test(scope)) {
      for (const ms of REPORT_MEMBER_STATES) out.push(row(ms));
    } else if (scopeAt >= 0 && t.rows[i + 1]?.[scopeAt] === LIST_PLACEHOLDER && (scope === 'AT' || scope === 'bg')) {
      // a "first, [...], last" run of three rows: one row per member state or language
      const list: readonly string[] = scope === 'AT' ? REPORT_MEMBER_STATES : OFFICIAL_LANGUAGES;
      const indicators = [cells[indicatorAt], t.rows[i + 1]![indicatorAt], t.rows[i + 2]![indicatorAt]];
      // Part 8 prints its per-language accuracy block as three runs whose rows name Accuracy,
      // Precision and Recall in turn; read as: run k gives indicator k for every language.
      const mixed = new Set(indicators).size > 1;
      const indicator = mixed ? ACCURACY_GROUPS[accuracyGroup++]! : cells[indicatorAt]!;
      for (const x of list) out.push(row(x, { [indicatorAt]: indicator }));
      i += 2;
    } else out.push(row(scope));
  }
  return out;
}
