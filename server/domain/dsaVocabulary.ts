// The vocabulary of the EU Digital Services Act as Vigil stores it on moderation decisions (columns
// of migration 0017) and as the transparency report prints it. Codes are those of the DSA
// Transparency Database, which the harmonised report templates (Commission Implementing Regulation
// (EU) 2024/2835, Annex I) reuse: the category list is Annex I Part 2, byte for byte in its codes;
// its descriptions here are trimmed of the template's trailing spaces (dsaVocabulary.test.ts
// compares this list with the template file).

export interface EuKeyword {
  /** the template's row label, e.g. 'Category 1a' */
  label: string;
  /** KEYWORD_* code */
  code: string;
  description: string;
}

export interface EuCategory {
  /** the template's row label, e.g. 'Category 1' */
  label: string;
  /** STATEMENT_CATEGORY_* code */
  code: string;
  description: string;
  /** in template order; KEYWORD_OTHER ("not captured by any other sub-category") closes each list */
  keywords: readonly EuKeyword[];
}

/** Annex I Part 2: the 17 categories of the report (v2 of the Transparency Database, from 1 July 2025), in template order. */
export const ANNEX_I_CATEGORIES: readonly EuCategory[] = [
  {
    label: 'Category 1', code: 'STATEMENT_CATEGORY_ANIMAL_WELFARE', description: 'Animal welfare',
    keywords: [
      { label: 'Category 1a', code: 'KEYWORD_ANIMAL_HARM', description: 'Animal harm' },
      { label: 'Category 1b', code: 'KEYWORD_UNLAWFUL_SALE_ANIMALS', description: 'Unlawful sale of animals' },
      { label: 'Category 1c', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 2', code: 'STATEMENT_CATEGORY_CONSUMER_INFORMATION', description: 'Consumer information infringements',
    keywords: [
      { label: 'Category 2a', code: 'KEYWORD_HIDDEN_ADVERTISEMENT', description: 'Hidden advertisement or commercial communication, including by influencers' },
      { label: 'Category 2b', code: 'KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS', description: 'Insufficient information on traders' },
      { label: 'Category 2c', code: 'KEYWORD_MISLEADING_INFO_GOODS_SERVICES', description: 'Misleading information about the characteristics of the goods and services' },
      { label: 'Category 2d', code: 'KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS', description: 'Misleading information about the consumer’s rights' },
      { label: 'Category 2e', code: 'KEYWORD_NONCOMPLIANCE_PRICING', description: 'Non-compliance with pricing regulations' },
      { label: 'Category 2f', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 3', code: 'STATEMENT_CATEGORY_CYBER_VIOLENCE', description: 'Cyber violence',
    keywords: [
      { label: 'Category 3a', code: 'KEYWORD_CYBER_BULLYING_INTIMIDATION', description: 'Cyber bullying and intimidation' },
      { label: 'Category 3b', code: 'KEYWORD_CYBER_HARASSMENT', description: 'Cyber harassment' },
      { label: 'Category 3c', code: 'KEYWORD_CYBER_INCITEMENT', description: 'Cyber incitement to hatred or violence' },
      { label: 'Category 3d', code: 'KEYWORD_CYBER_STALKING', description: 'Cyber stalking' },
      { label: 'Category 3e', code: 'KEYWORD_NON_CONSENSUAL_IMAGE_SHARING', description: 'Non-consensual (intimate) material sharing, including (image-based) sexual abuse (excluding content depicting minors)' },
      { label: 'Category 3f', code: 'KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE', description: 'Non-consensual sharing of material containing deepfake or similar technology using a third party\'s features (excluding content depicting minors)' },
      { label: 'Category 3g', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 4', code: 'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN', description: 'Cyber violence against women',
    keywords: [
      { label: 'Category 4a', code: 'KEYWORD_BULLYING_AGAINST_GIRLS', description: 'Cyber bullying and intimidation against girls' },
      { label: 'Category 4b', code: 'KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN', description: 'Cyber harassment against women' },
      { label: 'Category 4c', code: 'KEYWORD_CYBER_STALKING_AGAINST_WOMEN', description: 'Cyber stalking against women' },
      { label: 'Category 4d', code: 'KEYWORD_FEMALE_GENDERED_DISINFORMATION', description: 'Gendered disinformation' },
      { label: 'Category 4e', code: 'KEYWORD_INCITEMENT_AGAINST_WOMEN', description: 'Illegal incitement to violence and hatred against women' },
      { label: 'Category 4f', code: 'KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN', description: 'Non-consensual (intimate) material sharing against women, including (image-based) sexual abuse against women (excluding content depicting minors)' },
      { label: 'Category 4g', code: 'KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN', description: 'Non-consensual sharing of material containing deepfake or similar technology using a third party\'s features against women (excluding content depicting minors)' },
      { label: 'Category 4h', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 5', code: 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS', description: 'Data protection and privacy violations',
    keywords: [
      { label: 'Category 5a', code: 'KEYWORD_BIOMETRIC_DATA_BREACH', description: 'Biometric data breach' },
      { label: 'Category 5b', code: 'KEYWORD_DATA_FALSIFICATION', description: 'Data falsification' },
      { label: 'Category 5c', code: 'KEYWORD_MISSING_PROCESSING_GROUND', description: 'Missing processing ground for data' },
      { label: 'Category 5d', code: 'KEYWORD_RIGHT_TO_BE_FORGOTTEN', description: 'Right to be forgotten' },
      { label: 'Category 5e', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 6', code: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', description: 'Illegal or harmful speech',
    keywords: [
      { label: 'Category 6a', code: 'KEYWORD_DEFAMATION', description: 'Defamation' },
      { label: 'Category 6b', code: 'KEYWORD_DISCRIMINATION', description: 'Discrimination' },
      { label: 'Category 6c', code: 'KEYWORD_HATE_SPEECH', description: 'Illegal incitement to violence and hatred based on protected characteristics (hate speech)' },
      { label: 'Category 6d', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 7', code: 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS', description: 'Intellectual property infringements',
    keywords: [
      { label: 'Category 7a', code: 'KEYWORD_COPYRIGHT_INFRINGEMENT', description: 'Copyright infringements' },
      { label: 'Category 7b', code: 'KEYWORD_DESIGN_INFRINGEMENT', description: 'Design infringements' },
      { label: 'Category 7c', code: 'KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT', description: 'Geographical indications infringements' },
      { label: 'Category 7d', code: 'KEYWORD_PATENT_INFRINGEMENT', description: 'Patent infringements' },
      { label: 'Category 7e', code: 'KEYWORD_TRADE_SECRET_INFRINGEMENT', description: 'Trade secret infringements' },
      { label: 'Category 7f', code: 'KEYWORD_TRADEMARK_INFRINGEMENT', description: 'Trademark infringements' },
      { label: 'Category 7g', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 8', code: 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS', description: 'Negative effects on civic discourse or elections',
    keywords: [
      { label: 'Category 8a', code: 'KEYWORD_MISINFORMATION_DISINFORMATION', description: 'Misinformation, disinformation, foreign information manipulation and interference' },
      { label: 'Category 8b', code: 'KEYWORD_VIOLATION_EU_LAW', description: 'Violation of EU law relevant to civic discourse or elections' },
      { label: 'Category 8c', code: 'KEYWORD_VIOLATION_NATIONAL_LAW', description: 'Violation of national law relevant to civic discourse or elections' },
      { label: 'Category 8d', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 9', code: 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS', description: 'Protection of minors',
    keywords: [
      { label: 'Category 9a', code: 'KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS', description: 'Age-specific restrictions concerning minors' },
      { label: 'Category 9b', code: 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL', description: 'Child sexual abuse material' },
      { label: 'Category 9c', code: 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE', description: 'Child sexual abuse material containing deepfake or similar technology' },
      { label: 'Category 9d', code: 'KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS', description: 'Grooming/sexual enticement of minors' },
      { label: 'Category 9e', code: 'KEYWORD_UNSAFE_CHALLENGES', description: 'Unsafe challenges' },
      { label: 'Category 9f', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 10', code: 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY', description: 'Risk for public security',
    keywords: [
      { label: 'Category 10a', code: 'KEYWORD_ILLEGAL_ORGANIZATIONS', description: 'Illegal organizations' },
      { label: 'Category 10b', code: 'KEYWORD_RISK_ENVIRONMENTAL_DAMAGE', description: 'Risk for environmental damage' },
      { label: 'Category 10c', code: 'KEYWORD_RISK_PUBLIC_HEALTH', description: 'Risk for public health' },
      { label: 'Category 10d', code: 'KEYWORD_TERRORIST_CONTENT', description: 'Terrorist content' },
      { label: 'Category 10e', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 11', code: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', description: 'Scams and/or fraud',
    keywords: [
      { label: 'Category 11a', code: 'KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING', description: 'Impersonation or account hijacking' },
      { label: 'Category 11b', code: 'KEYWORD_INAUTHENTIC_ACCOUNTS', description: 'Inauthentic accounts' },
      { label: 'Category 11c', code: 'KEYWORD_INAUTHENTIC_LISTINGS', description: 'Inauthentic listings' },
      { label: 'Category 11d', code: 'KEYWORD_INAUTHENTIC_USER_REVIEWS', description: 'Inauthentic user reviews' },
      { label: 'Category 11e', code: 'KEYWORD_PHISHING', description: 'Phishing' },
      { label: 'Category 11f', code: 'KEYWORD_PYRAMID_SCHEMES', description: 'Pyramid schemes' },
      { label: 'Category 11g', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 12', code: 'STATEMENT_CATEGORY_SELF_HARM', description: 'Self-harm',
    keywords: [
      { label: 'Category 12a', code: 'KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS', description: 'Content promoting eating disorders' },
      { label: 'Category 12b', code: 'KEYWORD_SELF_MUTILATION', description: 'Self-mutilation' },
      { label: 'Category 12c', code: 'KEYWORD_SUICIDE', description: 'Suicide' },
      { label: 'Category 12d', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 13', code: 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS', description: 'Unsafe, non-compliant or prohibited products',
    keywords: [
      { label: 'Category 13a', code: 'KEYWORD_PROHIBITED_PRODUCTS', description: 'Prohibited or restricted products' },
      { label: 'Category 13b', code: 'KEYWORD_UNSAFE_PRODUCTS', description: 'Unsafe or non-compliant products' },
      { label: 'Category 13c', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 14', code: 'STATEMENT_CATEGORY_VIOLENCE', description: 'Violence',
    keywords: [
      { label: 'Category 14a', code: 'KEYWORD_COORDINATED_HARM', description: 'Coordinated harm' },
      { label: 'Category 14b', code: 'KEYWORD_INCITEMENT_VIOLENCE_HATRED', description: 'General calls or incitement to violence and/or hatred' },
      { label: 'Category 14c', code: 'KEYWORD_HUMAN_EXPLOITATION', description: 'Human exploitation' },
      { label: 'Category 14d', code: 'KEYWORD_HUMAN_TRAFFICKING', description: 'Human trafficking' },
      { label: 'Category 14e', code: 'KEYWORD_TRAFFICKING_WOMEN_GIRLS', description: 'Trafficking in women and girls' },
      { label: 'Category 14f', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  {
    label: 'Category 15', code: 'STATEMENT_CATEGORY_OTHER_VIOLATION_TC', description: 'Other violation of provider’s terms and conditions',
    keywords: [
      { label: 'Category 15a', code: 'KEYWORD_ADULT_SEXUAL_MATERIAL', description: 'Adult sexual material' },
      { label: 'Category 15b', code: 'KEYWORD_AGE_SPECIFIC_RESTRICTIONS', description: 'Age-specific restrictions' },
      { label: 'Category 15c', code: 'KEYWORD_GEOGRAPHICAL_REQUIREMENTS', description: 'Geographical requirements' },
      { label: 'Category 15d', code: 'KEYWORD_GOODS_SERVICES_NOT_PERMITTED', description: 'Goods/services not permitted to be offered on the platform' },
      { label: 'Category 15e', code: 'KEYWORD_LANGUAGE_REQUIREMENTS', description: 'Language requirements' },
      { label: 'Category 15f', code: 'KEYWORD_NUDITY', description: 'Nudity' },
      { label: 'Category 15g', code: 'KEYWORD_OTHER', description: 'Not captured by any other sub-category' },
    ],
  },
  { label: 'Category 16', code: 'STATEMENT_CATEGORY_NOT_SPECIFIED_ORDER', description: 'Type of illegal content not specified by the public authority', keywords: [] },
  { label: 'Category 17', code: 'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE', description: 'Type of alleged illegal content not specified by the notifier', keywords: [] },
];

/**
 * Categories of the original (v1) Transparency Database list, before July 2025. Statements filed
 * with them are kept as filed (a report period before July 2025, or a re-import of old dumps);
 * they are not rows of the Annex I template.
 */
export const LEGACY_V1_CATEGORIES = [
  'STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR',
  'STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT',
  'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
  'STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS',
] as const;

/** v1 keywords renamed or dropped in v2 (the others kept their codes). */
export const LEGACY_V1_KEYWORDS = [
  'KEYWORD_DANGEROUS_TOYS',
  'KEYWORD_DISINFORMATION',
  'KEYWORD_FOREIGN_INFORMATION_MANIPULATION',
  'KEYWORD_GENDER_BASED_VIOLENCE',
  'KEYWORD_IMAGE_BASED_SEXUAL_ABUSE',
  'KEYWORD_INSUFFICIENT_INFORMATION_TRADERS',
  'KEYWORD_MISINFORMATION',
  'KEYWORD_NON_CONSENSUAL_ITEMS_DEEPFAKE',
  'KEYWORD_ONLINE_BULLYING_INTIMIDATION',
  'KEYWORD_REGULATED_GOODS_SERVICES',
  'KEYWORD_STALKING',
] as const;

/** Every category code a decision may carry (`eu_category`): Annex I, then v1. */
export const EU_CATEGORY_CODES: readonly string[] = [...ANNEX_I_CATEGORIES.map((c) => c.code), ...LEGACY_V1_CATEGORIES];

/** Every keyword code a decision may carry (`eu_keywords`), each once: Annex I, then v1. */
export const EU_KEYWORD_CODES: readonly string[] = [...new Set([...ANNEX_I_CATEGORIES.flatMap((c) => c.keywords.map((k) => k.code)), ...LEGACY_V1_KEYWORDS])];

/** `legal_ground`: Article 17(3)(d) (illegal content) or (e) (incompatible with the terms and conditions). */
export const LEGAL_GROUNDS = ['DECISION_GROUND_ILLEGAL_CONTENT', 'DECISION_GROUND_INCOMPATIBLE_CONTENT'] as const;

/** `account_type` of the recipient affected. */
export const ACCOUNT_TYPES = ['ACCOUNT_TYPE_BUSINESS', 'ACCOUNT_TYPE_PRIVATE'] as const;

/** The restrictions of Article 17(1), by kind, with the Transparency Database codes; `restrictions` holds any of them. */
export const VISIBILITY_RESTRICTIONS = [
  'DECISION_VISIBILITY_CONTENT_REMOVED',
  'DECISION_VISIBILITY_CONTENT_DISABLED',
  'DECISION_VISIBILITY_CONTENT_DEMOTED',
  'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_LABELLED',
  'DECISION_VISIBILITY_OTHER',
] as const;
export const MONETARY_RESTRICTIONS = ['DECISION_MONETARY_SUSPENSION', 'DECISION_MONETARY_TERMINATION', 'DECISION_MONETARY_OTHER'] as const;
export const PROVISION_RESTRICTIONS = [
  'DECISION_PROVISION_PARTIAL_SUSPENSION',
  'DECISION_PROVISION_TOTAL_SUSPENSION',
  'DECISION_PROVISION_PARTIAL_TERMINATION',
  'DECISION_PROVISION_TOTAL_TERMINATION',
] as const;
export const ACCOUNT_RESTRICTIONS = ['DECISION_ACCOUNT_SUSPENDED', 'DECISION_ACCOUNT_TERMINATED'] as const;
export const RESTRICTIONS: readonly string[] = [...VISIBILITY_RESTRICTIONS, ...MONETARY_RESTRICTIONS, ...PROVISION_RESTRICTIONS, ...ACCOUNT_RESTRICTIONS];

/** The 27 EU member states, ISO 3166 alpha-2 (Greece is GR, not the EU's EL). */
export const EU_MEMBER_STATES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;
/** The EEA, where the DSA applies: the EU 27 and Iceland, Liechtenstein, Norway. `territorial_scope` holds any of them. */
export const EEA_MEMBER_STATES: readonly string[] = [...EU_MEMBER_STATES, 'IS', 'LI', 'NO'];

/** ISO 639-1 language codes, lower case (`content_language`). */
export const LANGUAGE_CODES: readonly string[] = (
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu ' +
  'fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km ' +
  'kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om ' +
  'or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ' +
  'ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu'
).split(' ');
