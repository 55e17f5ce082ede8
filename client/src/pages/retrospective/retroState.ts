import { createUrlCodec, optional, textWhere } from '../../state/urlState';
import { isMonday } from './week';

/**
 * The page's own choice, beside the filters in the URL: `week=2026-11-09` (a Monday). Absent
 * means the last complete week of the data, whatever it is when the link is opened.
 */
export const retroCodec = createUrlCodec({
  week: { param: 'week', codec: optional(textWhere(isMonday)), default: null as string | null },
});
