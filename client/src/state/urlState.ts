// Pure URL <-> state mapping. Each part of the app (the shared filters, each page) describes its
// state as a set of query parameters, each with a codec and a default; defaults never appear in
// the URL so links stay short and a link keeps meaning "the default" if the default changes later.

export interface ParamCodec<T> {
  /** All values of the parameter, in URL order; undefined when none is usable. */
  parse(values: readonly string[]): T | undefined;
  /** The already URL-encoded value; "" writes nothing. */
  serialize(value: T): string;
}

export interface ParamSpec<T> {
  param: string;
  codec: ParamCodec<T>;
  default: T;
}

export type StateSpec<S> = { [K in keyof S]: ParamSpec<S[K]> };

export interface UrlCodec<S> {
  defaults: S;
  /** The parameters this codec owns; a page's codec and the filters' never share one. */
  params: readonly string[];
  parse(search: string): S;
  /** This codec's part of the query string, without "?"; "" when everything is at its default. */
  serialize(state: S): string;
}

/** One of a fixed set of values, matched case-insensitively; the last valid value wins. */
export function oneOf<const V extends string>(values: readonly V[]): ParamCodec<V> {
  const byLower = new Map(values.map((v) => [v.toLowerCase(), v] as const));
  return {
    parse(raw) {
      let found: V | undefined;
      for (const value of raw) found = byLower.get(value.trim().toLowerCase()) ?? found;
      return found;
    },
    serialize: (value) => encodeURIComponent(value),
  };
}

/** A free value accepted when `valid` says so (e.g. a known time zone); the last valid one wins. */
export function textWhere(valid: (value: string) => boolean): ParamCodec<string> {
  return {
    parse(raw) {
      let found: string | undefined;
      for (const value of raw) if (valid(value.trim())) found = value.trim();
      return found;
    },
    serialize: (value) => encodeURIComponent(value),
  };
}

/** An optional value: absent (null) writes nothing. */
export function optional<T>(inner: ParamCodec<T>): ParamCodec<T | null> {
  return {
    parse: (raw) => inner.parse(raw),
    serialize: (value) => (value === null ? '' : inner.serialize(value)),
  };
}

/** A number within bounds, e.g. a precision target. */
export function numberIn(min: number, max: number): ParamCodec<number> {
  return textAsNumber((n) => n >= min && n <= max);
}

/** A whole number within bounds, e.g. how many groups to show. */
export function integerIn(min: number, max: number): ParamCodec<number> {
  return textAsNumber((n) => Number.isInteger(n) && n >= min && n <= max);
}

function textAsNumber(valid: (n: number) => boolean): ParamCodec<number> {
  return {
    parse(raw) {
      let found: number | undefined;
      for (const value of raw) {
        const n = Number(value);
        if (value.trim() !== '' && Number.isFinite(n) && valid(n)) found = n;
      }
      return found;
    },
    serialize: (value) => String(value),
  };
}

/**
 * A list of codes, written comma-separated (`region=EU,NA`) because that reads well in a
 * pasted link; repeated parameters (`region=EU&region=NA`) are accepted too. Duplicates are
 * dropped and order is kept. Codes therefore cannot contain commas.
 */
export function listOf(): ParamCodec<string[]> {
  return {
    parse(raw) {
      const items = raw.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
      return [...new Set(items)];
    },
    serialize: (value) => value.map(encodeURIComponent).join(','),
  };
}

// Parameters in the order their codecs were created (the shared filters first, then pages), so
// the same view always gives the same link, whichever control changed last.
const PARAM_ORDER: string[] = [];

export function createUrlCodec<S extends object>(spec: StateSpec<S>): UrlCodec<S> {
  const keys = Object.keys(spec) as (keyof S)[];
  const defaults = {} as S;
  for (const key of keys) defaults[key] = spec[key].default;
  const params = keys.map((key) => spec[key].param);
  for (const p of params) if (!PARAM_ORDER.includes(p)) PARAM_ORDER.push(p);

  return {
    defaults,
    params,
    parse(search) {
      const query = new URLSearchParams(search);
      const state = {} as S;
      for (const key of keys) {
        const { param, codec, default: fallback } = spec[key];
        const values = query.getAll(param);
        state[key] = (values.length > 0 ? codec.parse(values) : undefined) ?? fallback;
      }
      return state;
    },
    serialize(state) {
      const pairs: string[] = [];
      for (const key of keys) {
        const { param, codec, default: fallback } = spec[key];
        const value = codec.serialize(state[key]);
        // Comparing serialized forms treats e.g. [] and the default [] as equal without a deep-equal.
        if (value === codec.serialize(fallback) || value === '') continue;
        pairs.push(`${encodeURIComponent(param)}=${value}`);
      }
      return pairs.join('&');
    },
  };
}

/**
 * The whole query string after one codec's state changed: its own parameters rewritten, those of
 * the other codecs kept, anything no codec knows (e.g. utm_source) dropped.
 */
export function replaceParams<S>(search: string, codec: UrlCodec<S>, state: S): string {
  const owned = new Set(codec.params);
  const pairs: [string, string][] = [];
  for (const pair of codec.serialize(state).split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    pairs.push([decodeURIComponent(pair.slice(0, at)), pair]);
  }
  // Other codecs' pairs are kept as written, so a view has one link whichever codec wrote last.
  for (const raw of search.replace(/^\?/, '').split('&')) {
    if (raw === '') continue;
    const at = raw.indexOf('=');
    const name = safeDecode(at < 0 ? raw : raw.slice(0, at));
    if (owned.has(name) || !PARAM_ORDER.includes(name)) continue;
    pairs.push([name, raw]);
  }
  pairs.sort((a, b) => PARAM_ORDER.indexOf(a[0]) - PARAM_ORDER.indexOf(b[0]));
  return pairs.map((p) => p[1]).join('&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}
