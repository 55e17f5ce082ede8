import { viewHref } from '../../views';
import { Panel } from '../../components/Panel';
import type { RetrospectiveQuery } from '../../generated/graphql';
import { followLink } from '../../state/location';
import { DAY_MS } from '../../time/grain';
import { formatMoment } from '../../time/labels';

type RetroEvent = RetrospectiveQuery['retrospective']['events'][number];

const KIND: Record<string, { glyph: string; noun: string; tone: string }> = {
  ROLLOUT: { glyph: '▲', noun: 'rollout', tone: 'rollout' },
  ROLLBACK: { glyph: '▼', noun: 'rollback', tone: 'rollback' },
  SLA_BREACH: { glyph: '■', noun: 'SLA breach', tone: 'incident' },
  QUALITY_DIP: { glyph: '■', noun: 'quality dip', tone: 'incident' },
  INCIDENT: { glyph: '●', noun: 'incident', tone: 'incident' },
};

/** Breaches and dips span whole days, [first day, day after the last): read as first – last day. */
export function eventWhen(e: Pick<RetroEvent, 'at' | 'endsAt'>): string {
  if (!e.endsAt) return formatMoment(e.at);
  const dayAligned = e.at.endsWith('T00:00:00Z') && e.endsAt.endsWith('T00:00:00Z');
  if (!dayAligned) return `${formatMoment(e.at)} – ${formatMoment(e.endsAt)}`;
  const lastDay = new Date(Date.parse(e.endsAt) - DAY_MS);
  return lastDay.getTime() <= Date.parse(e.at) ? formatMoment(e.at) : `${formatMoment(e.at)} – ${formatMoment(lastDay)}`;
}

/** Rollouts, rollbacks, SLA breaches and quality dips of the week, each opening the view behind it. */
export function Happened({ events }: { events: readonly RetroEvent[] }) {
  return (
    <Panel id="events" title="What happened" subtitle="Model rollouts and rollbacks, review-SLA breaches and golden-set accuracy dips (days surely below target)">
      {events.length === 0 ? (
        <p className="state-detail">No rollout, breach or dip this week.</p>
      ) : (
        <ul className="events">
          {events.map((e) => {
            const kind = KIND[e.kind] ?? { glyph: '•', noun: e.kind.toLowerCase(), tone: 'incident' };
            return (
              <li key={`${e.kind}|${e.at}|${e.title}`} className={`event event-${kind.tone}`} data-testid="retro-event">
                <span className="event-when">
                  {kind.glyph} {eventWhen(e)}
                </span>
                <span className="event-what">
                  <a className="retro-link" href={viewHref(e.view, null)} onClick={followLink}>
                    <strong>{e.title}</strong>
                  </a>{' '}
                  <span className="tile-muted">({kind.noun})</span>
                  {e.detail ? <span className="event-detail">{e.detail}</span> : null}
                </span>
                <a className="flag-link no-print" href={viewHref(e.view, null)} onClick={followLink}>
                  Open →
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Panel>
  );
}
