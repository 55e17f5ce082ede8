import type { Catalogue } from '../catalogue';
import type { Dimension } from '../generated/graphql';
import type { ColorScheme } from './colorScheme';

// One colour per dimension value, everywhere. A value listed in the catalogue among the first 20
// of its dimension takes the colour at its position (a stable order), so Latin America is the same
// orange on every page and in every chart, and no two of those 20 share one. Other values (the
// 21st country, queues the catalogue does not list) take a colour hashed from dimension and value,
// stable across pages; within one chart a colour already taken goes to the next free one, so every
// visible series is distinct as long as the chart shows at most 20.
export const PALETTES: Record<ColorScheme, readonly string[]> = {
  light: [
    '#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7', '#9c755f', '#499894',
    '#d37295', '#8cd17d', '#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#17becf',
  ],
  dark: [
    '#7aa6d6', '#f7a758', '#7cc46f', '#f07f80', '#cc9ec0', '#f1d66e', '#94d0cb', '#ffb7bf', '#c29a82', '#6cc0bb',
    '#e898b5', '#a8e29a', '#4fd1ae', '#ff8a3d', '#a29ee0', '#f266b0', '#92d14f', '#ffd23f', '#d9a85a', '#5fe3f0',
  ],
};

/** "Other" (everything beyond the top N) is grey: it is not a value of its own. */
const OTHER_COLOR: Record<ColorScheme, string> = { light: '#a3a9b3', dark: '#6b7380' };

export type ColorOf = (key: string, isOther?: boolean) => string;

/** FNV-1a: a small, stable hash of a string (the same value gets the same colour on every page). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The colour a value prefers, as an index into the palette. */
export function preferredColorIndex(codes: readonly string[], dimension: string, key: string, size: number): number {
  const position = codes.indexOf(key);
  return position >= 0 && position < size ? position : hash(`${dimension}:${key}`) % size;
}

/** The colours of one chart: call once per chart, so that its series never share a colour. */
export function colorOfDimension(catalogue: Catalogue | undefined, dimension: Dimension | null, scheme: ColorScheme): ColorOf {
  const palette = PALETTES[scheme];
  const codes = dimension ? (catalogue?.dimensions.find((d) => d.id === dimension)?.values.map((v) => v.code) ?? []) : [];
  const given = new Map<string, number>();
  const taken = new Set<number>();
  return (key, isOther = false) => {
    if (isOther) return OTHER_COLOR[scheme];
    let index = given.get(key);
    if (index === undefined) {
      index = preferredColorIndex(codes, dimension ?? '', key, palette.length);
      // beyond 20 series some must repeat: then the preferred colour is kept
      for (let step = 0; step < palette.length && taken.has(index); step++) index = (index + 1) % palette.length;
      given.set(key, index);
      taken.add(index);
    }
    return palette[index] ?? palette[0]!;
  };
}
