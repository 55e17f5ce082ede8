import type { Dimension, MetricFamily } from '../generated/graphql';

/**
 * Where a metric's explanation lives: the page of its family, and the two dimensions whose cell
 * is the usual culprit (region × policy for moderation and models; vendor × region for labelling
 * throughput, since queues are regional; vendor × policy for label quality).
 */
export const FAMILY_DRILL: Record<MetricFamily, { page: string; pageTitle: string; dimensions: [Dimension, Dimension] }> = {
  MODERATION: { page: '/moderation', pageTitle: 'Moderation', dimensions: ['REGION', 'POLICY'] },
  MODELS: { page: '/models', pageTitle: 'Models', dimensions: ['REGION', 'POLICY'] },
  ANNOTATION_THROUGHPUT: { page: '/annotation', pageTitle: 'Annotation', dimensions: ['VENDOR', 'REGION'] },
  ANNOTATION_QUALITY: { page: '/annotation', pageTitle: 'Annotation', dimensions: ['VENDOR', 'POLICY'] },
};
