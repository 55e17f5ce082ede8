// The document rule of server/access/access.ts as SQL, for lists of incident notes, rollout
// markers and retrospective items: a document is listed if it is team-wide (no region, country or
// vendor) or wholly inside the asker's scope. Bounds are the places and vendors wholly inside the
// scope (null where it does not restrict), computed by scopeBounds; they reach SQL as parameters.
import { regionOfCountry } from '../domain/taxonomy.js';

export interface DocumentBounds {
  regions: readonly string[] | null;
  countries: readonly string[] | null;
  vendors: readonly string[] | null;
}

export const NO_BOUNDS: DocumentBounds = { regions: null, countries: null, vendors: null };

/** The condition on a row with columns regions, countries and vendors (Array(String)). */
export function readableCondition(b: DocumentBounds): { sql: string; params: Record<string, unknown> } {
  return {
    sql: `((empty(regions) AND empty(countries) AND empty(vendors))
    OR (({sb_geo:UInt8} = 0 OR (length(regions) + length(countries) > 0 AND hasAll({sb_regions:Array(String)}, regions) AND hasAll({sb_countries:Array(String)}, countries)))
        AND ({sb_vendor:UInt8} = 0 OR (notEmpty(vendors) AND hasAll({sb_vendors:Array(String)}, vendors)))))`,
    params: {
      sb_geo: b.regions && b.countries ? 1 : 0, sb_regions: [...(b.regions ?? [])], sb_countries: [...(b.countries ?? [])],
      sb_vendor: b.vendors ? 1 : 0, sb_vendors: [...(b.vendors ?? [])],
    },
  };
}

const COUNTRIES = Object.keys(regionOfCountry);

/**
 * "Concerns one of these regions": a document naming no place concerns every region; one naming
 * countries concerns their regions (regions and countries columns, Array(String)).
 */
export function regionFilterCondition(regions: readonly string[]): { sql: string; params: Record<string, unknown> } {
  return {
    sql: `(empty({f_regions:Array(String)}) OR (empty(regions) AND empty(countries))
    OR hasAny(arrayConcat(regions, arrayMap(c -> transform(c, {geo_countries:Array(String)}, {geo_regions:Array(String)}, ''), countries)), {f_regions:Array(String)}))`,
    params: { f_regions: [...regions], geo_countries: COUNTRIES, geo_regions: COUNTRIES.map((c) => regionOfCountry[c]) },
  };
}
