import { registerTheme } from 'echarts/core';
import { PALETTES } from './colors';
import type { ColorScheme } from './colorScheme';

// Canvas text needs a concrete family: "inherit" is an invalid canvas font and falls back to 10px serif.
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

const INK: Record<ColorScheme, { text: string; muted: string; line: string; grid: string; tooltip: string }> = {
  light: { text: '#1c2430', muted: '#5c6778', line: '#c9d0da', grid: '#e7ebf0', tooltip: '#ffffff' },
  dark: { text: '#e4e9f0', muted: '#9aa6b5', line: '#3a4452', grid: '#262e39', tooltip: '#1b222c' },
};

function themeOf(scheme: ColorScheme, fontSize: number): object {
  const ink = INK[scheme];
  const axis = {
    axisLine: { lineStyle: { color: ink.line } },
    axisTick: { lineStyle: { color: ink.line } },
    axisLabel: { color: ink.muted, fontSize },
    splitLine: { lineStyle: { color: ink.grid } },
  };
  return {
    // The series palette of colors.ts, so ungrouped charts use its first colour too.
    color: [...PALETTES[scheme]],
    backgroundColor: 'transparent',
    textStyle: { color: ink.text, fontFamily: FONT_FAMILY, fontSize },
    categoryAxis: axis,
    valueAxis: axis,
    timeAxis: axis,
    legend: {
      textStyle: { color: ink.muted, fontSize },
      pageTextStyle: { color: ink.muted, fontSize },
      itemWidth: Math.round(fontSize * 2),
      itemHeight: Math.round(fontSize * 1.15),
    },
    tooltip: {
      backgroundColor: ink.tooltip,
      borderColor: ink.line,
      textStyle: { color: ink.text, fontSize },
      axisPointer: { lineStyle: { color: ink.line }, crossStyle: { color: ink.line } },
    },
  };
}

const registered = new Set<string>();

/**
 * Name of the registered theme for a colour scheme and text size, registering it on first use.
 * Text size is part of the theme because ECharts draws fixed pixel sizes, while the page's type
 * scales with the screen (see the root font-size in styles.css).
 */
export function chartTheme(scheme: ColorScheme, fontSize: number): string {
  const name = `vigil-${scheme}-${fontSize}`;
  if (!registered.has(name)) {
    registerTheme(name, themeOf(scheme, fontSize));
    registered.add(name);
  }
  return name;
}

/** Chart text at 12 px where the page's root font is 14 px, scaled alike on bigger screens. */
export function chartFontSize(): number {
  const root = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Math.round(((Number.isFinite(root) && root > 0 ? root : 14) * 12) / 14);
}
