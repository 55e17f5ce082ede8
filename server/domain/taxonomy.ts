// The fixed taxonomy of Vigil, kept in one place: regions and their countries, policies,
// and the enumerations of every event dimension. Migrations store codes; people read labels.

export interface Coded {
  code: string;
  label: string;
}

export const REGIONS = [
  { code: 'NA', label: 'North America', countries: ['US', 'CA'] },
  { code: 'LATAM', label: 'Latin America', countries: ['BR', 'MX', 'AR', 'CO'] },
  {
    code: 'EU',
    label: 'Europe',
    // every EU and EEA state (for EU DSA data), the UK, and 'EU' for decisions covering several member states
    countries: ['DE', 'FR', 'GB', 'IT', 'ES', 'PL', 'GR', 'AT', 'BE', 'BG', 'CY', 'CZ', 'DK', 'EE', 'FI', 'HR', 'HU', 'IE', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'RO', 'SE', 'SI', 'SK', 'IS', 'LI', 'NO', 'EU'],
  },
  { code: 'MENA', label: 'Middle East & North Africa', countries: ['TR', 'SA', 'AE', 'EG'] },
  { code: 'SSA', label: 'Sub-Saharan Africa', countries: ['NG', 'KE', 'ZA'] },
  { code: 'SA', label: 'South Asia', countries: ['IN', 'PK', 'BD'] },
  { code: 'SEA', label: 'Southeast Asia', countries: ['ID', 'PH', 'VN', 'TH'] },
  { code: 'EA', label: 'East Asia', countries: ['JP', 'KR', 'TW'] },
] as const;

export type RegionCode = (typeof REGIONS)[number]['code'];

export const COUNTRY_NAMES: Record<string, string> = {
  US: 'United States', CA: 'Canada', BR: 'Brazil', MX: 'Mexico', AR: 'Argentina', CO: 'Colombia',
  DE: 'Germany', FR: 'France', GB: 'United Kingdom', IT: 'Italy', ES: 'Spain', PL: 'Poland', GR: 'Greece',
  AT: 'Austria', BE: 'Belgium', BG: 'Bulgaria', CY: 'Cyprus', CZ: 'Czechia', DK: 'Denmark', EE: 'Estonia', FI: 'Finland',
  HR: 'Croatia', HU: 'Hungary', IE: 'Ireland', LT: 'Lithuania', LU: 'Luxembourg', LV: 'Latvia', MT: 'Malta', NL: 'Netherlands',
  PT: 'Portugal', RO: 'Romania', SE: 'Sweden', SI: 'Slovenia', SK: 'Slovakia', IS: 'Iceland', LI: 'Liechtenstein', NO: 'Norway',
  EU: 'Several EU member states',
  TR: 'Türkiye', SA: 'Saudi Arabia', AE: 'United Arab Emirates', EG: 'Egypt',
  NG: 'Nigeria', KE: 'Kenya', ZA: 'South Africa', IN: 'India', PK: 'Pakistan', BD: 'Bangladesh',
  ID: 'Indonesia', PH: 'Philippines', VN: 'Vietnam', TH: 'Thailand', JP: 'Japan', KR: 'South Korea', TW: 'Taiwan',
};

export const POLICIES: readonly Coded[] = [
  { code: 'hate_speech', label: 'Hate speech' },
  { code: 'harassment_bullying', label: 'Harassment & bullying' },
  { code: 'violent_graphic', label: 'Violent & graphic' },
  { code: 'adult_nudity', label: 'Adult nudity' },
  { code: 'minor_safety', label: 'Minor safety' },
  { code: 'suicide_self_harm', label: 'Suicide & self-harm' },
  { code: 'dangerous_acts', label: 'Dangerous acts' },
  { code: 'violent_extremism', label: 'Violent extremism' },
  { code: 'misinformation', label: 'Misinformation' },
  { code: 'spam_fake_engagement', label: 'Spam & fake engagement' },
  { code: 'frauds_scams', label: 'Frauds & scams' },
  { code: 'regulated_goods', label: 'Regulated goods' },
  // decisions imported with a category no policy above soundly covers (e.g. EU DSA intellectual
  // property or data protection statements): they count in every total and show under this label
  { code: 'unmapped', label: 'Unmapped (DSA category only)' },
];

export const CONTENT_TYPES: readonly Coded[] = [
  { code: 'video', label: 'Video' },
  { code: 'live', label: 'Live' },
  { code: 'comment', label: 'Comment' },
  { code: 'image', label: 'Image' },
  { code: 'account', label: 'Account' },
  { code: 'other', label: 'Other' },
];

export const DETECTION_SOURCES: readonly Coded[] = [
  { code: 'automated', label: 'Automated detection' },
  { code: 'user_report', label: 'User report' },
  { code: 'trusted_flagger', label: 'Trusted flagger' },
  { code: 'legal_request', label: 'Legal request' },
  // found by the platform itself without automation (EU DSA: own voluntary initiative, not automated)
  { code: 'own_initiative', label: 'Own initiative (manual)' },
];

export const ENFORCEMENT_PATHS: readonly Coded[] = [
  { code: 'automated', label: 'Automated' },
  { code: 'human', label: 'Human' },
  { code: 'hybrid', label: 'Hybrid' },
];

/** 'none' is a decision that found no violation; every other action is an enforcement. */
export const ACTIONS: readonly Coded[] = [
  { code: 'none', label: 'No action' },
  { code: 'removed', label: 'Removed' },
  { code: 'restricted', label: 'Restricted' },
  { code: 'age_restricted', label: 'Age-restricted' },
  { code: 'account_action', label: 'Account action' },
];

/** Where a ground-truth label came from. Only random audits and golden sets are unbiased samples. */
export const LABEL_SOURCES: readonly (Coded & { unbiased: boolean })[] = [
  { code: 'human_review', label: 'Human review', unbiased: false },
  { code: 'golden_set', label: 'Golden set', unbiased: true },
  { code: 'random_audit', label: 'Random audit', unbiased: true },
  { code: 'appeal', label: 'Appeal', unbiased: false },
];

/** Annotation vendors (labelling companies) and their display names. */
export const VENDOR_LABELS: Record<string, string> = {
  northwind: 'Northwind Labelling', helios: 'Helios Data', tessera: 'Tessera BPO', kestrel: 'Kestrel Annotations',
};

export const ANNOTATION_ANSWERS = ['violating', 'borderline', 'benign'] as const;

export const regionOfCountry: Record<string, RegionCode> = Object.fromEntries(
  REGIONS.flatMap((r) => r.countries.map((c) => [c, r.code])),
);

export function labelOf(list: readonly Coded[], code: string): string {
  return list.find((x) => x.code === code)?.label ?? code;
}
