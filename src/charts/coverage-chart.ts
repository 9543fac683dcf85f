// The coverage trend of a region as a PNG: an SVG drawn here, rendered in-process by resvg
// (a prebuilt npm binary, no browser, nothing compiled) with a font shipped as an npm package,
// so the picture is the same on every machine whatever fonts it has.
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type { CoverageSnapshotData } from '../domain/coverage/coverage-report.ts';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = [path.join(FONT_DIR, 'DejaVuSans.ttf'), path.join(FONT_DIR, 'DejaVuSans-Bold.ttf')];

const WIDTH = 900;
const HEIGHT = 500;
const PLOT = { left: 120, right: 40, top: 90, bottom: 110 };
/** Points stay this far from the plot's sides, so that their labels fit. */
const INSET = 70;

export interface ChartText {
  title: string;
  /** The y axis: "Cakupan (%)" or "Peserta aktif". */
  axis: string;
  target?: string;
  footer: string;
  /** A label per point, e.g. "Apr 2025". */
  labels: string[];
  /** A number as shown on the axis and by the points. */
  format: (n: number) => string;
}

export interface ChartSeries {
  values: number[];
  target?: number;
  /** Percentages are drawn from 0 to 100. */
  percent: boolean;
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Round steps for the y axis: 0, 20, 40 … or 0, 2 juta, 4 juta … */
function niceMax(max: number): { top: number; step: number } {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return { top: Math.ceil(max / step) * step || step, step };
}

/** SVG of one series over time, with its target as a dashed line. */
export function coverageChartSvg(series: ChartSeries, text: ChartText): string {
  const { values } = series;
  const highest = Math.max(...values, series.target ?? 0);
  const { top, step } = series.percent ? { top: 100, step: 20 } : niceMax(highest * 1.1);
  const w = WIDTH - PLOT.left - PLOT.right;
  const h = HEIGHT - PLOT.top - PLOT.bottom;
  const x = (i: number) => PLOT.left + INSET + (values.length === 1 ? (w - 2 * INSET) / 2 : (i * (w - 2 * INSET)) / (values.length - 1));
  const y = (v: number) => PLOT.top + h - (v / top) * h;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="DejaVu Sans">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PLOT.left}" y="45" font-size="24" font-weight="bold" fill="#0b3d2e">${escapeXml(text.title)}</text>`,
    `<text x="${PLOT.left}" y="72" font-size="15" fill="#555555">${escapeXml(text.axis)}</text>`,
  ];
  for (let v = 0; v <= top + 1e-9; v += step) {
    parts.push(
      `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(v)}" y2="${y(v)}" stroke="#e3e3e3"/>`,
      `<text x="${PLOT.left - 10}" y="${y(v) + 5}" font-size="13" text-anchor="end" fill="#555555">${escapeXml(text.format(v))}</text>`,
    );
  }
  if (series.target !== undefined) {
    parts.push(
      `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(series.target)}" y2="${y(series.target)}" stroke="#c0392b" stroke-width="2" stroke-dasharray="8 6"/>`,
      `<text x="${PLOT.left + 8}" y="${y(series.target) - 8}" font-size="14" fill="#c0392b">${escapeXml(text.target ?? '')}</text>`,
    );
  }
  if (values.length > 1) {
    parts.push(`<polyline fill="none" stroke="#1e8449" stroke-width="3" points="${values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}"/>`);
  }
  values.forEach((v, i) => {
    parts.push(
      `<circle cx="${x(i)}" cy="${y(v)}" r="6" fill="#1e8449"/>`,
      `<text x="${x(i)}" y="${y(v) - 14}" font-size="14" font-weight="bold" text-anchor="middle" fill="#0b3d2e">${escapeXml(text.format(v))}</text>`,
      `<text x="${x(i)}" y="${PLOT.top + h + 28}" font-size="14" text-anchor="middle" fill="#333333">${escapeXml(text.labels[i] ?? '')}</text>`,
    );
  });
  parts.push(
    `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${PLOT.top + h}" y2="${PLOT.top + h}" stroke="#999999"/>`,
    `<text x="${PLOT.left}" y="${HEIGHT - 30}" font-size="13" fill="#555555">${escapeXml(text.footer)}</text>`,
    '</svg>',
  );
  return parts.join('\n');
}

export interface Bar {
  label: string;
  value: number;
  /** The date of the figure, shown beside its bar: figures of different dates are not alike. */
  date: string;
}

const BAR = { height: 26, gap: 8, label: 230, right: 250 };

/** SVG of one figure per region as horizontal bars, in the order given (highest first). */
export function barChartSvg(bars: Bar[], text: Omit<ChartText, 'labels' | 'target'> & { percent: boolean }): string {
  const top = text.percent ? 100 : niceMax(Math.max(...bars.map((b) => b.value)) * 1.05).top;
  const plotTop = 100;
  const height = plotTop + bars.length * (BAR.height + BAR.gap) + 60;
  const w = WIDTH - BAR.label - BAR.right;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="DejaVu Sans">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="20" y="45" font-size="24" font-weight="bold" fill="#0b3d2e">${escapeXml(text.title)}</text>`,
    `<text x="20" y="72" font-size="15" fill="#555555">${escapeXml(text.axis)}</text>`,
  ];
  bars.forEach((bar, i) => {
    const y = plotTop + i * (BAR.height + BAR.gap);
    const length = Math.max(2, (bar.value / top) * w);
    parts.push(
      `<text x="${BAR.label - 10}" y="${y + 18}" font-size="14" text-anchor="end" fill="#333333">${escapeXml(bar.label)}</text>`,
      `<rect x="${BAR.label}" y="${y}" width="${length}" height="${BAR.height}" fill="#1e8449"/>`,
      `<text x="${BAR.label + length + 8}" y="${y + 18}" font-size="14" fill="#0b3d2e"><tspan font-weight="bold">${escapeXml(text.format(bar.value))}</tspan> <tspan fill="#777777">${escapeXml(bar.date)}</tspan></text>`,
    );
  });
  parts.push(`<text x="20" y="${height - 25}" font-size="13" fill="#555555">${escapeXml(text.footer)}</text>`, '</svg>');
  return parts.join('\n');
}

export function renderPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.render().asPng();
}

export type ChartMetric = 'percent' | 'active' | 'informal';

/**
 * One source's points of a figure: a line joining two sources' figures would read as a change
 * between them. The source is the one with a trend (two points or more) whose last point is
 * newest; without any, the newest point's.
 */
function oneSource(points: CoverageSnapshotData[]): CoverageSnapshotData[] {
  const count = new Map<string, number>();
  for (const p of points) count.set(p.sourceName, (count.get(p.sourceName) ?? 0) + 1);
  const source = points.findLast((p) => count.get(p.sourceName)! >= 2)?.sourceName ?? points.at(-1)?.sourceName;
  return points.filter((p) => p.sourceName === source);
}

/**
 * Which figure a region's snapshots can show as a trend: coverage if one source gives it twice
 * (or nothing else is known), else active participants, else informal (BPU) participants.
 * One figure per chart: an informal count between totals would read as a collapse. `leftOut`:
 * that figure's points from other sources, not drawn.
 */
export function chartSeries(
  history: CoverageSnapshotData[],
): { metric: ChartMetric; points: CoverageSnapshotData[]; series: ChartSeries; leftOut: number } | undefined {
  const all = {
    percent: history.filter((s) => s.coveragePercent !== null),
    active: history.filter((s) => s.activeParticipants !== null),
    informal: history.filter((s) => s.informal !== null),
  };
  const withPercent = oneSource(all.percent);
  const active = oneSource(all.active);
  const informal = oneSource(all.informal);
  const leftOut = (metric: ChartMetric, points: CoverageSnapshotData[]) => all[metric].length - points.length;
  if (withPercent.length >= 2 || (withPercent.length && !active.length && !informal.length)) {
    const target = [...withPercent].reverse().find((s) => s.targetPercent !== null)?.targetPercent ?? undefined;
    return {
      metric: 'percent',
      points: withPercent,
      series: { values: withPercent.map((s) => s.coveragePercent!), percent: true, ...(target !== undefined ? { target } : {}) },
      leftOut: leftOut('percent', withPercent),
    };
  }
  if (active.length)
    return {
      metric: 'active',
      points: active,
      series: { values: active.map((s) => s.activeParticipants!), percent: false },
      leftOut: leftOut('active', active),
    };
  if (informal.length)
    return {
      metric: 'informal',
      points: informal,
      series: { values: informal.map((s) => s.informal!), percent: false },
      leftOut: leftOut('informal', informal),
    };
  return undefined;
}
