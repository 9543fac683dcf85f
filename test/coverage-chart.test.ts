// The chart is drawn in-process: an SVG rendered to PNG by resvg with a font from npm.
import { describe, expect, it } from 'vitest';
import { barChartSvg, chartSeries, coverageChartSvg, renderPng } from '../src/charts/coverage-chart.ts';
import type { CoverageSnapshotData } from '../src/domain/coverage/coverage-report.ts';

const snapshot = (asOf: string, figures: Partial<CoverageSnapshotData>): CoverageSnapshotData => ({
  regionCode: '00',
  asOf,
  asOfPrecision: 'month',
  activeParticipants: null,
  wageEarners: null,
  informal: null,
  workingPopulation: null,
  coveragePercent: null,
  wageEarnersPercent: null,
  informalPercent: null,
  targetPercent: null,
  targetYear: null,
  measure: null,
  sourceName: 'Uji <&>',
  sourceUrl: null,
  sourceDate: null,
  uncertain: false,
  note: null,
  noteEn: null,
  ...figures,
});

describe('coverage chart', () => {
  it('renders a PNG of the right size', () => {
    const svg = coverageChartSvg(
      { values: [65.8, 85.34], percent: true, target: 90 },
      {
        title: 'Cakupan — Papua Barat Daya & <uji>',
        axis: '%',
        target: 'target',
        footer: 'Sumber: <x>',
        labels: ['2022', '2023'],
        format: String,
      },
    );
    expect(svg).toContain('&#38; &#60;uji&#62;');
    const png = renderPng(svg);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(900);
    expect(png.readUInt32BE(20)).toBe(500);
  });

  it('charts one figure at a time: coverage, else active participants, else informal ones', () => {
    const national = [
      snapshot('2024-12-01', { activeParticipants: 45_220_000 }),
      snapshot('2025-04-01', { coveragePercent: 35.68 }),
      snapshot('2025-05-01', { informal: 9_000_000 }),
      snapshot('2025-07-01', { activeParticipants: 39_950_000 }),
    ];
    expect(chartSeries(national)).toMatchObject({ metric: 'active', series: { values: [45_220_000, 39_950_000] } });
    const pbd = [snapshot('2022-01-01', { coveragePercent: 65.8 }), snapshot('2023-01-01', { coveragePercent: 85.34, targetPercent: 90 })];
    expect(chartSeries(pbd)).toMatchObject({ metric: 'percent', series: { values: [65.8, 85.34], target: 90 } });
    expect(chartSeries([snapshot('2023-01-01', { informal: 8_300 })])).toMatchObject({ metric: 'informal' });
    expect(chartSeries([])).toBeUndefined();
  });

  it('draws bars in the order given, each with its figure and date, text escaped', () => {
    const svg = barChartSvg(
      [
        { label: 'Papua Barat Daya', value: 85.34, date: '2023' },
        { label: 'A & B', value: 31.33, date: 'Agustus 2025' },
      ],
      { title: 'Cakupan', axis: 'Cakupan (UCJ), %', footer: 'Tiap angka bertanggal sendiri', format: (n) => `${n}%`, percent: true },
    );
    expect(svg.indexOf('Papua Barat Daya')).toBeLessThan(svg.indexOf('A &#38; B'));
    expect(svg).toContain('<tspan font-weight="bold">85.34%</tspan> <tspan fill="#777777">2023</tspan>');
    expect(svg).toContain('<tspan fill="#777777">Agustus 2025</tspan>');
    // Bars are as long as their share of 100%.
    const widths = [...svg.matchAll(/<rect x="230" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths[0]! / widths[1]!).toBeCloseTo(85.34 / 31.33, 5);
    expect(renderPng(svg).subarray(1, 4).toString()).toBe('PNG');
  });
});
