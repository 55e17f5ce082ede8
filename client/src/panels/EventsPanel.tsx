import { valueLabel } from '../catalogue';
import { MARKER_GLYPH, MARKER_NOUN } from '../charts/markers';
import { Panel } from '../components/Panel';
import { useDashboard } from '../dashboard/dashboard';
import type { MarkerKind } from '../generated/graphql';
import { filterQuery, withFilterValues, withRange } from '../state/filterState';
import { followLink } from '../state/location';
import { DAY_MS } from '../time/grain';
import { formatMoment } from '../time/labels';
import { localDate } from '../time/range';

/** Days shown before and after an event when opening it: enough to see the before and the after. */
const BEFORE_DAYS = 14;
const AFTER_DAYS = 7;

/**
 * Rollouts, rollbacks and incidents in the range and slice, as a list: the chart markers say
 * when, this says what, and each opens the weeks around it in the regions and countries it concerns.
 */
export function EventsPanel({ kinds, page, anchor }: { kinds: readonly MarkerKind[]; page: string; anchor?: string }) {
  const { markers, catalogue, filters, resolved } = useDashboard();
  const shown = markers.filter((m) => kinds.includes(m.kind));
  if (shown.length === 0 || !resolved) return null;
  const zone = resolved.zone;
  const around = (m: (typeof shown)[number]) => {
    const start = Date.parse(m.at);
    const end = Date.parse(m.endsAt ?? m.at);
    let next = withRange(filters, {
      from: localDate(new Date(start - BEFORE_DAYS * DAY_MS), zone),
      to: localDate(new Date(end + AFTER_DAYS * DAY_MS), zone),
    });
    if (m.regions.length > 0) next = withFilterValues(next, 'REGION', m.regions);
    if (m.countries.length > 0) next = withFilterValues(next, 'COUNTRY', m.countries);
    return `${page}${filterQuery(next)}${anchor ? `#${anchor}` : ''}`;
  };
  return (
    <Panel id="events" title="What happened" className="panel-wide" subtitle="Rollouts, rollbacks and incidents in this range and slice">
      <ul className="events">
        {shown.map((m) => (
          <li key={`${m.kind}|${m.at}|${m.title}`} className={`event event-${m.kind.toLowerCase()}`}>
            <span className="event-when">
              {MARKER_GLYPH[m.kind]} {formatMoment(m.at, zone)}
              {m.endsAt ? ` – ${formatMoment(m.endsAt, zone)}` : ''}
            </span>
            <span className="event-what">
              <strong>{m.title}</strong> <span className="tile-muted">({MARKER_NOUN[m.kind]})</span>
              {m.detail ? <span className="event-detail">{m.detail}</span> : null}
              {m.policies.length ? (
                <span className="event-detail">Policies: {m.policies.map((p) => valueLabel(catalogue, 'POLICY', p)).join(', ')}</span>
              ) : null}
            </span>
            <a className="flag-link" href={around(m)} onClick={followLink}>
              Open the weeks around it →
            </a>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
