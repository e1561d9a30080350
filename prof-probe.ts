import fs from 'node:fs';
import { drawReportCharts } from './electron/backend/reports/render/report-layout';
import { reportDocx } from './electron/backend/reports/render/report-docx';
import { svgToPng } from './electron/backend/charts/render-chart';
const doc = JSON.parse(fs.readFileSync('/tmp/rsp/doc.json', 'utf8'));
const charts = drawReportCharts(doc);
for (const c of charts.values()) c.png = fs.readFileSync(`/tmp/rsp/${[...charts].find(([, v]) => v === c)![0]}.png`);
void svgToPng;
for (let i = 0; i < 4; i++) { const t = performance.now(); await reportDocx(doc, charts); console.log('docx', (performance.now() - t).toFixed(0)); }
