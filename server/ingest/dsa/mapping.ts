// How an EU DSA Transparency Database statement of reasons becomes a Vigil moderation decision.
// Column names and values are those of the published statement attributes, in both the original
// (v1, until July 2025) and the revised (v2) category lists. Each rule's reason is in a comment.

/** DSA category -> Vigil policy; keywords (category_specification) refine it where they say more. */
const CATEGORY_POLICY: Record<string, string | null> = {
  // v1 and v2
  STATEMENT_CATEGORY_ANIMAL_WELFARE: 'violent_graphic',
  STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS: 'harassment_bullying', // doxxing and exposure of private data
  STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH: 'hate_speech',
  STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS: null, // no counterpart in the taxonomy
  STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS: 'misinformation',
  STATEMENT_CATEGORY_PROTECTION_OF_MINORS: 'minor_safety',
  STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY: 'violent_extremism',
  STATEMENT_CATEGORY_SCAMS_AND_FRAUD: 'frauds_scams',
  STATEMENT_CATEGORY_SELF_HARM: 'suicide_self_harm',
  STATEMENT_CATEGORY_VIOLENCE: 'violent_graphic',
  // v1 only
  STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR: 'harassment_bullying',
  STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT: 'adult_nudity',
  STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE: null, // only its keywords say which policy (see below)
  STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS: 'regulated_goods',
  // v2 only
  STATEMENT_CATEGORY_CONSUMER_INFORMATION: 'frauds_scams',
  STATEMENT_CATEGORY_CYBER_VIOLENCE: 'harassment_bullying',
  STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN: 'harassment_bullying',
  STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE: null,
  STATEMENT_CATEGORY_OTHER_VIOLATION_TC: null,
  STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS: 'regulated_goods',
};

const KEYWORD_POLICY: Record<string, string> = {
  KEYWORD_UNSAFE_CHALLENGES: 'dangerous_acts',
  KEYWORD_RISK_ENVIRONMENTAL_DAMAGE: 'dangerous_acts',
  KEYWORD_RISK_PUBLIC_HEALTH: 'misinformation',
  KEYWORD_INAUTHENTIC_ACCOUNTS: 'spam_fake_engagement',
  KEYWORD_INAUTHENTIC_USER_REVIEWS: 'spam_fake_engagement',
  KEYWORD_NUDITY: 'adult_nudity',
  KEYWORD_ADULT_SEXUAL_MATERIAL: 'adult_nudity',
  KEYWORD_GOODS_SERVICES_NOT_PERMITTED: 'regulated_goods',
  KEYWORD_AGE_SPECIFIC_RESTRICTIONS: 'minor_safety',
  KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL: 'minor_safety',
  KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS: 'minor_safety',
};

export const DSA_CATEGORIES = Object.keys(CATEGORY_POLICY);

/** The policy of a statement, or the reason it has none. */
export function policyOf(category: string, keywords: readonly string[]): { policy: string } | { skip: string } {
  if (!(category in CATEGORY_POLICY)) return { skip: `unknown category ${JSON.stringify(category.slice(0, 80))}` };
  for (const k of keywords) if (KEYWORD_POLICY[k]) return { policy: KEYWORD_POLICY[k]! };
  const p = CATEGORY_POLICY[category];
  return p ? { policy: p } : { skip: `category ${category} has no Vigil policy` };
}

/** Account and service restrictions weigh most, then removal, then age restriction, then any other restriction. */
export function actionOf(s: { visibility: string[]; account: string; provision: string; monetary: string }): string {
  if (s.account || /TOTAL_/.test(s.provision)) return 'account_action';
  if (s.visibility.some((v) => v === 'DECISION_VISIBILITY_CONTENT_REMOVED' || v === 'DECISION_VISIBILITY_CONTENT_DISABLED')) return 'removed';
  if (s.visibility.includes('DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED')) return 'age_restricted';
  return 'restricted'; // demotion, labels, interaction limits, monetary or partial service restrictions
}

/** Notices are reports; own initiative is automated detection only when the platform says so. */
export function detectionOf(sourceType: string, automatedDetection: string): string | null {
  switch (sourceType) {
    case 'SOURCE_ARTICLE_16':
      return 'user_report';
    case 'SOURCE_TRUSTED_FLAGGER':
      return 'trusted_flagger';
    case 'SOURCE_TYPE_OTHER_NOTIFICATION':
      return 'legal_request'; // notices outside Article 16, e.g. from authorities
    case 'SOURCE_VOLUNTARY':
      return automatedDetection === 'Yes' ? 'automated' : 'own_initiative';
    default:
      return null;
  }
}

/** v2 values (AUTOMATED_DECISION_*) and the original Yes/No. */
export function enforcementOf(automatedDecision: string): string | null {
  const map: Record<string, string> = {
    AUTOMATED_DECISION_FULLY: 'automated', AUTOMATED_DECISION_PARTIALLY: 'hybrid', AUTOMATED_DECISION_NOT_AUTOMATED: 'human', Yes: 'automated', No: 'human',
  };
  return map[automatedDecision] ?? null;
}

export function contentTypeOf(types: readonly string[]): string {
  const first = types[0] ?? '';
  const map: Record<string, string> = {
    CONTENT_TYPE_VIDEO: 'video', CONTENT_TYPE_AUDIO: 'video', CONTENT_TYPE_IMAGE: 'image', CONTENT_TYPE_SYNTHETIC_MEDIA: 'image', CONTENT_TYPE_TEXT: 'comment',
  };
  return map[first] ?? 'other';
}

const EU = ['AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK'];
const EEA = [...EU, 'IS', 'LI', 'NO'];

/** One member state keeps its code; a wider scope (several states, 'EU', 'EEA') is 'EU'. Greece is GR (the DB may say EL). */
export function countryOf(scope: readonly string[]): { country: string } | { skip: string } {
  const codes = scope.map((c) => (c === 'EL' ? 'GR' : c));
  if (codes.length === 0) return { skip: 'territorial_scope is empty' };
  for (const c of codes) if (![...EEA, 'EU', 'EEA', 'EEA_no_IS'].includes(c)) return { skip: `territorial_scope has ${JSON.stringify(c.slice(0, 10))}, not an EU/EEA code` };
  return { country: codes.length === 1 && EEA.includes(codes[0]!) ? codes[0]! : 'EU' };
}
