import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../../shared/contract/charts';
import { PRINT_SCALE, chartFontCandidates, chartFontOptions, chartSvg, svgToPng, svgToPngAsync } from './render-chart';

const specs: ChartSpec[] = [
  { kind: 'bar', title: '预警等级', categories: ['红色', '橙色'], series: [{ name: '预警', values: [3, 7] }] },
  { kind: 'stackedBar', title: '各月通报', categories: ['2026-09', '2026-10'], series: [{ name: 'TBT', values: [3, 4] }, { name: 'SPS', values: [1, 2] }], unit: '件' },
  { kind: 'horizontalBar', title: '各成员', categories: ['俄罗斯', '沙特阿拉伯'], series: [{ name: '通报', values: [5, 2] }] },
  { kind: 'pie', title: 'TBT 与 SPS', categories: ['TBT', 'SPS'], series: [{ name: '通报', values: [9, 5] }] },
  { kind: 'funnel', title: '评议进展', categories: ['起草', '采纳'], series: [{ name: '评议', values: [8, 2] }] },
  { kind: 'line', title: '趋势', categories: ['1月', '2月'], series: [{ name: '通报', values: [1, 4] }] },
];

describe('a report chart drawn on the server', () => {
  it.each(specs.map((s) => [s.kind, s] as const))('%s: well-formed SVG (the font list stays inside its style attribute) that rasterises', (_kind, spec) => {
    const svg = chartSvg(spec);
    // Every style attribute closes where it should: a double quote inside would end it early.
    for (const m of svg.matchAll(/style="([^"]*)"/g)) expect(m[1]).not.toMatch(/font-family:\s*$/);
    expect(svg).toContain(spec.title);
    const png = svgToPng(svg, 320, 1);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(320);
  });
});

describe('the font a report chart is rasterised with', () => {
  it('is the CJK face each system ships that the charts name, and Noto Sans CJK where Linux distributions put it', () => {
    expect(chartFontCandidates('win32', { WINDIR: 'D:\\Windows' })).toEqual([{ file: 'D:\\Windows\\Fonts\\msyh.ttc', family: 'Microsoft YaHei' }]);
    expect(chartFontCandidates('darwin', {})[0]).toEqual({ file: '/System/Library/Fonts/PingFang.ttc', family: 'PingFang SC' });
    const linux = chartFontCandidates('linux', {});
    expect(linux.map((c) => c.file)).toContain('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
    expect(new Set(linux.map((c) => c.family))).toEqual(new Set(['Noto Sans CJK SC']));
  });

  it('is one file when a known one exists, else every system font', () => {
    const options = chartFontOptions();
    const known = chartFontCandidates(process.platform, process.env).find((c) => fs.existsSync(c.file));
    if (known) expect(options).toMatchObject({ loadSystemFonts: false, fontFiles: [known.file], defaultFontFamily: known.family });
    else expect(options).toMatchObject({ loadSystemFonts: true });
  });

  it('draws the same PNG on the thread pool as on the calling thread, at print scale', async () => {
    const svg = chartSvg(specs[2]!);
    const [sync, pooled] = [svgToPng(svg, 640), await svgToPngAsync(svg, 640)];
    expect(pooled.readUInt32BE(16)).toBe(Math.round(640 * PRINT_SCALE));
    expect(pooled.equals(sync)).toBe(true);
  });
});
