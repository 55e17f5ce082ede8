// The eleven CSV templates of Annex I of Commission Implementing Regulation (EU) 2024/2835, kept
// byte for byte in server/dsa/templates/ (the Commission's public files). Headers, row skeletons,
// the category and keyword list, member states and languages are all read from them, so the
// export cannot drift from the templates.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { ANNEX_I_CATEGORIES } from './dsaVocabulary.js';

const TEMPLATE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dsa', 'templates');

export const TEMPLATE_FILES: Readonly<Record<number, string>> = {
  1: 'Part_1_summary', 2: 'Part_2_categories_names', 3: 'Part_3_member_states_orders', 4: 'Part_4_notices',
  5: 'Part_5_own_initiative_illegal', 6: 'Part_6_own_initiative_TC', 7: 'Part_7_appeals_and_recidivism',
  8: 'Part_8_automated_means', 9: 'Part_9_human_resources', 10: 'Part_10_AMAR', 11: 'Part_11_qualitative',
};
export const PARTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
export type Part = (typeof PARTS)[number];

export const templateFileName = (part: number) => `4_EN_Annex_I__Templates_for_Transparency_Reports_CSV_${TEMPLATE_FILES[part]}.csv`;

/** EU member states in the templates' order (AT … SE: by English name), Greece as GR. */
export const REPORT_MEMBER_STATES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
] as const;

/** Official EU languages (ISO 639-1) in the templates' order (bg … sv: by English name). */
export const OFFICIAL_LANGUAGES = [
  'bg', 'hr', 'cs', 'da', 'nl', 'en', 'et', 'fi', 'fr', 'de', 'el', 'hu', 'ga', 'it', 'lv', 'lt', 'mt', 'pl', 'pt', 'ro', 'sk', 'sl', 'es', 'sv',
] as const;

export interface Template {
  /** the header line exactly as published (without its newline) */
  headerLine: string;
  header: string[];
  rows: string[][];
}

const cache = new Map<number, Template>();

export function readTemplate(part: number): Template {
  let t = cache.get(part);
  if (!t) {
    const text = fs.readFileSync(path.join(TEMPLATE_DIR, templateFileName(part)), 'utf8');
    const [header, ...rows] = parse(text, { relax_column_count: true }) as string[][];
    t = { headerLine: text.slice(0, text.indexOf('\n')), header: header!, rows };
    cache.set(part, t);
  }
  return t;
}

/** The keyword an item is counted under in its category: its first keyword that belongs there, else KEYWORD_OTHER. */
export function reportedKeyword(category: string, keywords: readonly string[]): string {
  const own = ANNEX_I_CATEGORIES.find((c) => c.code === category)?.keywords.map((k) => k.code) ?? [];
  return keywords.find((k) => own.includes(k) && k !== 'KEYWORD_OTHER') ?? 'KEYWORD_OTHER';
}
