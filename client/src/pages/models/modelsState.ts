import type { Dimension } from '../../generated/graphql';
import { createUrlCodec, numberIn, oneOf, optional, textWhere } from '../../state/urlState';

export const TREND_SPLITS: readonly Dimension[] = ['MODEL_VERSION', 'POLICY', 'REGION', 'LABEL_SOURCE'];

/** The Models page's own choices: which version the curve is for, how trends split, the precision target. */
export const modelsCodec = createUrlCodec({
  version: { param: 'version', codec: optional(textWhere((v) => v.length > 0 && v.length <= 40)), default: null as string | null },
  by: { param: 'by', codec: oneOf(TREND_SPLITS), default: 'MODEL_VERSION' as Dimension },
  precisionTarget: { param: 'precision_target', codec: numberIn(0.5, 0.99), default: 0.9 },
});
