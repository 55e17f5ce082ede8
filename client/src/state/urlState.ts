// Pure URL <-> state mapping. Each page describes its state as a set of query parameters,
// each with a codec and a default; defaults never appear in the URL so links stay short and
// a link keeps meaning "the default" if the default changes later.

export interface ParamCodec<T> {
  /** All values of the parameter, in URL order; undefined when none is usable. */
  parse(values: readonly string[]): T | undefined;
  /** The already URL-encoded value. */
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
  parse(search: string): S;
  /** The query string without its leading "?"; "" when everything is at its default. */
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

export function createUrlCodec<S extends object>(spec: StateSpec<S>): UrlCodec<S> {
  const keys = Object.keys(spec) as (keyof S)[];
  const defaults = {} as S;
  for (const key of keys) defaults[key] = spec[key].default;

  return {
    defaults,
    parse(search) {
      const params = new URLSearchParams(search);
      const state = {} as S;
      for (const key of keys) {
        const { param, codec, default: fallback } = spec[key];
        const values = params.getAll(param);
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
