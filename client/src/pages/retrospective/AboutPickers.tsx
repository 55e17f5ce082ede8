import { dimensionLabel, dimensionValues, valueLabel } from '../../catalogue';
import { MultiSelect } from '../../components/MultiSelect';
import { useDashboard } from '../../dashboard/dashboard';
import type { Dimension } from '../../generated/graphql';

export type AboutKey = 'regions' | 'countries' | 'policies' | 'models' | 'vendors';
export interface AboutField {
  dimension: Dimension;
  key: AboutKey;
  noun: string;
}

export const REGION_FIELD = { dimension: 'REGION', key: 'regions', noun: 'regions' } as const satisfies AboutField;
export const COUNTRY_FIELD = { dimension: 'COUNTRY', key: 'countries', noun: 'countries' } as const satisfies AboutField;
export const VENDOR_FIELD = { dimension: 'VENDOR', key: 'vendors', noun: 'vendors' } as const satisfies AboutField;
const ALL_FIELDS: readonly AboutField[] = [
  REGION_FIELD, COUNTRY_FIELD, { dimension: 'POLICY', key: 'policies', noun: 'policies' }, { dimension: 'MODEL', key: 'models', noun: 'models' }, VENDOR_FIELD,
];

/** What a note or item names, in words, regions first (empty when it names nothing). */
export function aboutLabels(catalogue: Parameters<typeof valueLabel>[0], about: Partial<Record<AboutKey, readonly string[]>>): string[] {
  return ALL_FIELDS.flatMap((f) => (about[f.key] ?? []).map((code) => valueLabel(catalogue, f.dimension, code)));
}

/**
 * What a note or retrospective item is about: one picker per dimension, offering the catalogue's
 * values — only those inside the editor's scope, which is all the server lets them name.
 */
export function AboutPickers<K extends AboutKey>({ fields, draft, set }: {
  fields: readonly (AboutField & { key: K })[];
  draft: Record<K, string[]>;
  set: (patch: Partial<Record<K, string[]>>) => void;
}) {
  const { catalogue } = useDashboard();
  return (
    <>
      {fields.map((s) => (
        <MultiSelect
          key={s.key}
          label={dimensionLabel(catalogue, s.dimension)}
          noun={s.noun}
          choices={dimensionValues(catalogue, s.dimension)}
          selected={draft[s.key]}
          onChange={(next) => set({ [s.key]: next } as Partial<Record<K, string[]>>)}
        />
      ))}
    </>
  );
}
