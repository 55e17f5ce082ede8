import { useEffect, useId, useState } from 'react';
import { downloadText } from '../../download';
import { useRecordExport } from '../../exports';
import type { RetrospectiveQuery } from '../../generated/graphql';
import { DateField } from '../../components/DateField';
import { addWeeks, mondayOf, weekLabel } from './week';

type Answer = RetrospectiveQuery['retrospective'];

export const markdownFilename = (week: string) => `retrospective-${week}.md`;

/**
 * Which week (previous, next, any Monday, the latest complete one), and what to do with it:
 * copy or download the Markdown the server wrote from the same answer, or print it.
 */
export function WeekBar({ week, latest, dataFrom, loading, retro, onWeek }: {
  week: string | null;
  latest: string | null;
  dataFrom: string | null;
  loading: boolean;
  retro: Answer | undefined;
  onWeek: (week: string | null) => void;
}) {
  const inputId = useId();
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const first = dataFrom ? mondayOf(dataFrom.slice(0, 10)) : null;
  const markdown = retro && retro.week === week ? retro.markdown : null;

  const recordExport = useRecordExport();
  // Printing is recorded however it starts (the button or the browser's own Print): both fire
  // beforeprint, and the button does nothing else.
  useEffect(() => {
    const onPrint = () => recordExport('PRINT');
    window.addEventListener('beforeprint', onPrint);
    return () => window.removeEventListener('beforeprint', onPrint);
  }, [recordExport]);

  const copy = () => {
    if (!markdown) return;
    recordExport('MARKDOWN');
    navigator.clipboard
      .writeText(markdown)
      .then(() => setCopied('done'))
      .catch(() => setCopied('failed'));
  };

  return (
    <div className="retro-bar">
      <div className="retro-week">
        <h2 className="retro-week-title" data-testid="retro-week">
          {week ? weekLabel(week) : 'Retrospective'}
          <span className="tile-muted retro-week-zone"> · UTC{loading ? ' · loading…' : ''}</span>
        </h2>
        <div className="retro-week-controls no-print">
          <button type="button" className="button button-quiet" aria-label="Previous week" disabled={!week || (first !== null && week <= first)} onClick={() => week && onWeek(addWeeks(week, -1))}>
            ← Previous
          </button>
          <label className="visually-hidden" htmlFor={inputId}>
            Week of (any day; its Monday is used)
          </label>
          <DateField id={inputId} value={week ?? ''} min={first ?? undefined} max={latest ? lastDayOf(latest) : undefined} onChange={(day) => onWeek(mondayOf(day))} />
          <button type="button" className="button button-quiet" aria-label="Next week" disabled={!week || (latest !== null && week >= latest)} onClick={() => week && onWeek(addWeeks(week, 1))}>
            Next →
          </button>
          <button type="button" className="button button-quiet" disabled={!week || week === latest} onClick={() => onWeek(null)}>
            Latest week
          </button>
        </div>
      </div>
      <div className="retro-actions no-print">
        <button type="button" className="button button-quiet" disabled={!markdown} onClick={copy}>
          {copied === 'done' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy Markdown'}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={!markdown || !week}
          onClick={() => {
            if (!markdown || !week) return;
            downloadText(markdown, markdownFilename(week), 'text/markdown');
            recordExport('MARKDOWN');
          }}
        >
          Export Markdown
        </button>
        <button type="button" className="button" disabled={!retro} onClick={() => window.print()}>
          Print / PDF
        </button>
      </div>
    </div>
  );
}

/** The Sunday of the week starting on a Monday: any day of the latest week may be typed. */
function lastDayOf(monday: string): string {
  return new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
}
