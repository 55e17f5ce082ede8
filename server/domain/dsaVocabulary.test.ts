// The category list Vigil stores and reports is Annex I Part 2 of Implementing Regulation (EU)
// 2024/2835: the same codes in the same order as the Commission's template file, each keyword
// under its category.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ANNEX_I_CATEGORIES, EEA_MEMBER_STATES, EU_KEYWORD_CODES, RESTRICTIONS } from './dsaVocabulary.js';

// the Commission's file, byte for byte
const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../dsa/templates/4_EN_Annex_I__Templates_for_Transparency_Reports_CSV_Part_2_categories_names.csv');

describe('DSA vocabulary', () => {
  it('lists the categories and keywords of Annex I Part 2 in template order', () => {
    const rows = parse(fs.readFileSync(TEMPLATE), { bom: true }) as string[][];
    const fromTemplate = rows.slice(2).map((r) => [r[0]!.trim(), r[2]!.trim(), r[1]!.trim()]);
    const ours = ANNEX_I_CATEGORIES.flatMap((c) => [[c.label, c.code, c.description], ...c.keywords.map((k) => [k.label, k.code, k.description])]);
    expect(ours).toEqual(fromTemplate);
  });

  it('has 17 categories, the 16 restriction codes and the 30 EEA states', () => {
    expect(ANNEX_I_CATEGORIES.map((c) => c.label.replace('Category ', '')).join(',')).toBe('1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17');
    expect(ANNEX_I_CATEGORIES.every((c) => c.keywords.length === 0 || c.keywords.at(-1)!.code === 'KEYWORD_OTHER')).toBe(true);
    expect(RESTRICTIONS).toHaveLength(16);
    expect([...EEA_MEMBER_STATES].sort().join(' ')).toBe(
      'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK',
    );
    expect(new Set(EU_KEYWORD_CODES).size).toBe(EU_KEYWORD_CODES.length);
  });
});
