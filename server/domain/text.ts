// Text that ClickHouse can store: half of a UTF-16 surrogate pair without its other half is not a
// character (JSON and JavaScript strings can carry one; ClickHouse refuses the row).

/** A lone UTF-16 surrogate. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The text with every lone surrogate replaced by U+FFFD (the replacement character). */
export const wellFormed = (s: string): string => s.replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
