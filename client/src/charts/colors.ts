import type { Catalogue } from '../catalogue';
import type { Dimension } from '../generated/graphql';
import type { ColorScheme } from './colorScheme';

// One colour per dimension value, everywhere: a value's colour is its position in the catalogue's
// list of that dimension (a stable order), so Latin America is the same orange on every page and
// in every chart whatever else is shown. Twelve colours cover the largest fixed taxonomy (policies).
export const PALETTES: Record<ColorScheme, readonly string[]> = {
  light: ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7', '#9c755f', '#499894', '#d37295', '#8cd17d'],
  dark: ['#7aa6d6', '#f7a758', '#7cc46f', '#f07f80', '#cc9ec0', '#f1d66e', '#94d0cb', '#ffb7bf', '#c29a82', '#6cc0bb', '#e898b5', '#a8e29a'],
};

/** "Other" (everything beyond the top N) is grey: it is not a value of its own. */
const OTHER_COLOR: Record<ColorScheme, string> = { light: '#a3a9b3', dark: '#6b7380' };

export type ColorOf = (key: string, isOther?: boolean) => string;

export function colorOfDimension(catalogue: Catalogue | undefined, dimension: Dimension | null, scheme: ColorScheme): ColorOf {
  const palette = PALETTES[scheme];
  const codes = dimension ? (catalogue?.dimensions.find((d) => d.id === dimension)?.values.map((v) => v.code) ?? []) : [];
  const seen: string[] = [];
  return (key, isOther = false) => {
    if (isOther) return OTHER_COLOR[scheme];
    let index = codes.indexOf(key);
    // A value the catalogue does not list (e.g. "all", or a dimension with data-driven values
    // that arrived later) still gets a stable colour within this chart.
    if (index < 0) {
      if (!seen.includes(key)) seen.push(key);
      index = codes.length + seen.indexOf(key);
    }
    return palette[index % palette.length] ?? palette[0]!;
  };
}
