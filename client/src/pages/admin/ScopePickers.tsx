import { dimensionValues, valueLabel } from '../../catalogue';
import { MultiSelect } from '../../components/MultiSelect';
import { useDashboard } from '../../dashboard/dashboard';
import type { Dimension } from '../../generated/graphql';
import { FieldError } from '../retrospective/Conflict';
import { scopeList, type ScopeDraft } from './adminForms';

export const SCOPE_FIELDS: readonly { key: keyof ScopeDraft; dimension: Dimension; label: string; noun: string }[] = [
  { key: 'regions', dimension: 'REGION', label: 'Regions', noun: 'regions' },
  { key: 'countries', dimension: 'COUNTRY', label: 'Countries', noun: 'countries' },
  { key: 'vendors', dimension: 'VENDOR', label: 'Vendors', noun: 'vendors' },
];

export const SCOPE_HINT = 'A scope limits what the user sees; an empty list means all (nothing ticked: every region, country or vendor).';

/** The three scope lists, with the catalogue's values (the admin's catalogue is unrestricted). */
export function ScopePickers({ scope, onChange, errors, idPrefix }: {
  scope: ScopeDraft;
  onChange: (scope: ScopeDraft) => void;
  errors: Partial<Record<keyof ScopeDraft, string>>;
  idPrefix: string;
}) {
  const { catalogue } = useDashboard();
  return (
    <>
      {SCOPE_FIELDS.map((f) => (
        <div key={f.key} className="admin-field">
          <MultiSelect
            label={f.label}
            noun={f.noun}
            choices={dimensionValues(catalogue, f.dimension)}
            selected={scope[f.key]}
            onChange={(next) => onChange({ ...scope, [f.key]: next })}
            {...(catalogue ? {} : { disabledText: 'Loading…' })}
          />
          <FieldError id={`${idPrefix}-${f.key}-error`} error={errors[f.key]} />
        </div>
      ))}
    </>
  );
}

/** A scope list in a table cell: names from the catalogue, "All" for an empty list. */
export function useScopeText(): (dimension: Dimension, codes: readonly string[]) => string {
  const { catalogue } = useDashboard();
  return (dimension, codes) => scopeList(codes, (c) => valueLabel(catalogue, dimension, c));
}
