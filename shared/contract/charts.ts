import { z } from 'zod';

/**
 * A chart as data: what the dashboard draws in the window and what a report embeds as an image.
 * Both turn it into an ECharts option with shared/charts/chart-option.ts, so a chart looks the
 * same on screen, in Word and in PDF.
 */
export const ChartKind = z.enum([
  /** One bar per category; several series side by side. */
  'bar',
  /** Categories along the axis, series stacked (notifications per month by member). */
  'stackedBar',
  /** Horizontal bars, for long category names (industries, members). */
  'horizontalBar',
  /** Shares of one whole (TBT/SPS, warning levels). */
  'pie',
  /** Stages that narrow (the comment funnel). */
  'funnel',
  'line',
]);
export type ChartKind = z.infer<typeof ChartKind>;

export const ChartSeries = z.object({
  name: z.string(),
  values: z.array(z.number()),
  /** A fixed colour (#rrggbb), e.g. a warning level's; otherwise the palette's. */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
});
export type ChartSeries = z.infer<typeof ChartSeries>;

export const ChartSpec = z.object({
  kind: ChartKind,
  title: z.string(),
  /** Labels along the category axis, or the slices of a pie / stages of a funnel. */
  categories: z.array(z.string()),
  /**
   * The keys behind the categories (member code, month 2026-03, industry code, level), in the
   * same order: a click on a category passes its key to the list it opens.
   */
  keys: z.array(z.string()).optional(),
  series: z.array(ChartSeries),
  /** Colours per category (a pie of warning levels), same order as categories. */
  categoryColors: z.array(z.string().regex(/^#[0-9a-fA-F]{6}$/)).optional(),
  /** The unit the values are in, shown on the value axis (件, %, 万元). */
  unit: z.string().optional(),
});
export type ChartSpec = z.infer<typeof ChartSpec>;
