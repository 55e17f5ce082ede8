// How an EU DSA Transparency Database statement of reasons becomes a Vigil moderation decision.
// Column names and values are those of the published statement attributes, in both the original
// (v1, until July 2025) and the revised (v2) category lists. Each rule's reason is in a comment.
// The DSA values themselves (category, keywords, ground, restrictions, scope…) are kept as filed
// (importer.ts); this is only how they read on Vigil's own dimensions.
import { EEA_MEMBER_STATES, EU_MEMBER_STATES } from '../../domain/dsaVocabulary.js';

/** The policy of statements no Vigil policy soundly covers (they still count, in the DSA report too). */
export const UNMAPPED_POLICY = 'unmapped';

/**
 * DSA category -> Vigil policy, only where the whole category falls under one policy; the others
 * (intellectual property, data protection and privacy, other violations of terms, unspecified
 * notices and orders, v1 "scope of platform service") take their policy from a keyword or are
 * unmapped.
 */
const CATEGORY_POLICY: Record<string, string> = {
  STATEMENT_CATEGORY_ANIMAL_WELFARE: 'violent_graphic', // animal harm (the sale of animals: keyword below)
  STATEMENT_CATEGORY_CONSUMER_INFORMATION: 'frauds_scams', // misleading commercial practices towards consumers
  STATEMENT_CATEGORY_CYBER_VIOLENCE: 'harassment_bullying',
  STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN: 'harassment_bullying',
  STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH: 'hate_speech',
  STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS: 'misinformation',
  STATEMENT_CATEGORY_PROTECTION_OF_MINORS: 'minor_safety',
  STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY: 'violent_extremism', // illegal organisations, terrorism (other risks: keywords)
  STATEMENT_CATEGORY_SCAMS_AND_FRAUD: 'frauds_scams',
  STATEMENT_CATEGORY_SELF_HARM: 'suicide_self_harm',
  STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS: 'regulated_goods',
  STATEMENT_CATEGORY_VIOLENCE: 'violent_graphic',
  // v1
  STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR: 'harassment_bullying',
  STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT: 'adult_nudity',
  STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS: 'regulated_goods',
};

/** A keyword says more than its category: the first keyword listed here wins (v1 and v2 codes). */
const KEYWORD_POLICY: Record<string, string> = {
  KEYWORD_UNSAFE_CHALLENGES: 'dangerous_acts',
  KEYWORD_RISK_ENVIRONMENTAL_DAMAGE: 'dangerous_acts',
  KEYWORD_RISK_PUBLIC_HEALTH: 'misinformation', // health misinformation is what platforms file under it
  KEYWORD_INAUTHENTIC_ACCOUNTS: 'spam_fake_engagement',
  KEYWORD_INAUTHENTIC_USER_REVIEWS: 'spam_fake_engagement',
  KEYWORD_NUDITY: 'adult_nudity',
  KEYWORD_ADULT_SEXUAL_MATERIAL: 'adult_nudity',
  KEYWORD_GOODS_SERVICES_NOT_PERMITTED: 'regulated_goods',
  KEYWORD_PROHIBITED_PRODUCTS: 'regulated_goods',
  KEYWORD_UNSAFE_PRODUCTS: 'regulated_goods',
  KEYWORD_UNLAWFUL_SALE_ANIMALS: 'regulated_goods',
  KEYWORD_AGE_SPECIFIC_RESTRICTIONS: 'minor_safety',
  KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS: 'minor_safety',
  KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL: 'minor_safety',
  KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE: 'minor_safety',
  KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS: 'minor_safety',
  KEYWORD_HATE_SPEECH: 'hate_speech',
  KEYWORD_TERRORIST_CONTENT: 'violent_extremism',
  KEYWORD_ILLEGAL_ORGANIZATIONS: 'violent_extremism',
  KEYWORD_PHISHING: 'frauds_scams',
  KEYWORD_PYRAMID_SCHEMES: 'frauds_scams',
  KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING: 'frauds_scams',
  KEYWORD_SUICIDE: 'suicide_self_harm',
  KEYWORD_SELF_MUTILATION: 'suicide_self_harm',
  KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS: 'suicide_self_harm',
  KEYWORD_MISINFORMATION_DISINFORMATION: 'misinformation',
  KEYWORD_DISINFORMATION: 'misinformation', // v1
  KEYWORD_MISINFORMATION: 'misinformation', // v1
  KEYWORD_CYBER_BULLYING_INTIMIDATION: 'harassment_bullying',
  KEYWORD_CYBER_HARASSMENT: 'harassment_bullying',
  KEYWORD_CYBER_STALKING: 'harassment_bullying',
  KEYWORD_ONLINE_BULLYING_INTIMIDATION: 'harassment_bullying', // v1
  KEYWORD_STALKING: 'harassment_bullying', // v1
};

/** The Vigil policy of a statement; 'unmapped' when neither a keyword nor the category says one soundly. */
export function policyOf(category: string, keywords: readonly string[]): string {
  for (const k of keywords) if (KEYWORD_POLICY[k]) return KEYWORD_POLICY[k]!;
  return CATEGORY_POLICY[category] ?? UNMAPPED_POLICY;
}

/** Account and total service restrictions weigh most, then removal, then age restriction, then any other restriction. */
export function actionOf(restrictions: readonly string[]): string {
  if (restrictions.some((r) => r.startsWith('DECISION_ACCOUNT_') || r.startsWith('DECISION_PROVISION_TOTAL_'))) return 'account_action';
  if (restrictions.some((r) => r === 'DECISION_VISIBILITY_CONTENT_REMOVED' || r === 'DECISION_VISIBILITY_CONTENT_DISABLED')) return 'removed';
  if (restrictions.includes('DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED')) return 'age_restricted';
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

/** Scope codes the Transparency Database uses besides member states, as the states they stand for. */
const SCOPE_GROUPS: Record<string, readonly string[]> = {
  EU: EU_MEMBER_STATES,
  EEA: EEA_MEMBER_STATES,
  EEA_no_IS: EEA_MEMBER_STATES.filter((c) => c !== 'IS'),
};

/** The member states of a territorial scope, each once, in EEA order; Greece is GR (the DB may say EL). */
export function memberStatesOf(scope: readonly string[]): { states: string[] } | { skip: string; detail: string } {
  if (scope.length === 0) return { skip: 'territorial_scope is empty', detail: 'territorial_scope is empty' };
  const states = new Set<string>();
  for (const raw of scope) {
    const c = raw === 'EL' ? 'GR' : raw;
    const group = SCOPE_GROUPS[c] ?? (EEA_MEMBER_STATES.includes(c) ? [c] : null);
    if (!group) return { skip: 'territorial_scope has a code outside the EEA', detail: `territorial_scope has ${JSON.stringify(c.slice(0, 10))}, not an EEA member state` };
    for (const s of group) states.add(s);
  }
  return { states: EEA_MEMBER_STATES.filter((s) => states.has(s)) };
}

/** Vigil's one country: a single member state keeps its code; several are 'EU' ("several EU/EEA member states"). */
export function countryOf(states: readonly string[]): string {
  return states.length === 1 ? states[0]! : 'EU';
}

/** A platform name as a Vigil dimension value (letters, digits, . _ : -): "Google Shopping" → "Google_Shopping". */
export function serviceOf(platformName: string): string {
  return platformName.trim().replace(/[^A-Za-z0-9_.:-]+/g, '_').replace(/^[^A-Za-z0-9]+/, '').slice(0, 64);
}
