import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chartSvg, svgToPng } from '../../electron/backend/charts/render-chart';
import type { ReportDocument } from '../../shared/contract/reports';
import { blocksOf, reportStore, type ReportStore } from '../helpers/report-store';

let fx: ReportStore;
beforeEach(async () => {
  fx = await reportStore();
});
afterEach(() => fx.cleanup());

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("the bulletin's charts", () => {
  it('draw as SVG with their Chinese titles and rasterise for Word', () => {
    const doc: ReportDocument = fx.backend.call('reportsPreview', { kind: 'bulletin', from: fx.from, to: fx.to });
    const charts = blocksOf(doc, 'chart');
    expect(charts).toHaveLength(5);
    for (const { chart } of charts) {
      const svg = chartSvg(chart);
      expect(svg).toContain(chart.title);
      // The font stack sits in a double-quoted style attribute: a double quote inside would end it.
      expect(svg).not.toMatch(/style="[^"]*font-family:[^";]*"[A-Z]/);
      const png = svgToPng(svg, 640, 1);
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    }
  });
});
