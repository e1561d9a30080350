import { useTranslation } from 'react-i18next';
import type { ReportBlock, ReportCell, ReportColumn, ReportDocument, ReportTable } from '../../../shared/contract';
import { chineseDate } from '../../../shared/domain/date-words';
import { ChartView } from '../../components/chart-view';
import { formatDate } from '../../i18n/format-date';
import { useAppStore } from '../../stores/app-store-context';

/** Rows a table shows in the preview; the rest are in the documents and the annex. */
const PREVIEW_ROWS = 15;

const money = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** A cell as the Word and PDF documents print it: dates in Chinese, percentages from their fraction, numbers grouped. */
function cellText(cell: ReportCell, column: ReportColumn | undefined): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return column?.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(cell) ? chineseDate(cell) : cell;
  if (column?.kind === 'percent') return `${(cell * 100).toFixed(1)}%`;
  return money.format(cell);
}

/** Each column's share of the table's width, from the relative widths the content gives. */
function columnShares(columns: ReportColumn[]): string[] {
  const widths = columns.map((c) => c.width ?? 1);
  const sum = widths.reduce((a, b) => a + b, 0) || 1;
  return widths.map((w) => `${((w / sum) * 100).toFixed(2)}%`);
}

function PreviewTable({ table }: { table: ReportTable }) {
  const { t } = useTranslation();
  const k = 'reportsUi.preview';
  if (table.annexOnly) {
    return (
      <p className="report-annex-note">
        {table.title} <span className="muted">{t(`${k}.annexOnly`, { count: table.rows.length })}</span>
      </p>
    );
  }
  const shown = table.rows.slice(0, PREVIEW_ROWS);
  const numeric = (c: ReportColumn | undefined): boolean => c?.kind === 'number' || c?.kind === 'percent' || c?.kind === 'money';
  return (
    <figure className="report-table">
      <figcaption>{table.title}</figcaption>
      <table>
        <colgroup>
          {columnShares(table.columns).map((width, i) => (
            <col key={i} style={{ width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={numeric(c) ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} className="muted">
                {t(`${k}.empty`)}
              </td>
            </tr>
          ) : (
            shown.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className={numeric(table.columns[j]) ? 'num' : undefined}>
                    {cellText(cell, table.columns[j])}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {table.rows.length > PREVIEW_ROWS ? <p className="report-table-more muted">{t(`${k}.moreRows`, { count: table.rows.length - PREVIEW_ROWS })}</p> : null}
      {table.note ? <p className="report-table-note">{table.note}</p> : null}
    </figure>
  );
}

function Block({ block, recommendations, onRecommendations }: { block: ReportBlock; recommendations: string; onRecommendations: (text: string) => void }) {
  const { t } = useTranslation();
  switch (block.type) {
    case 'heading': {
      const Tag = (['h3', 'h4', 'h5'] as const)[block.level - 1]!;
      return <Tag className={`report-heading report-heading-${block.level}`}>{block.text}</Tag>;
    }
    case 'paragraph':
      return <p className="report-paragraph">{block.text}</p>;
    case 'list':
      return (
        <ul className="report-list">
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'table':
      return <PreviewTable table={block} />;
    case 'chart':
      return (
        <figure className="report-chart">
          <ChartView spec={block.chart} height={300} />
        </figure>
      );
    case 'recommendations':
      return (
        <div className="report-recommendations">
          <label htmlFor="report-recommendations" className="report-field-label">
            {t('reportsUi.preview.recommendations')}
          </label>
          <textarea
            id="report-recommendations"
            className="input"
            rows={8}
            maxLength={20_000}
            value={recommendations}
            aria-describedby="report-recommendations-hint"
            onChange={(e) => onRecommendations(e.target.value)}
          />
          <p id="report-recommendations-hint" className="hint">
            {t('reportsUi.preview.recommendationsHint')}
          </p>
        </div>
      );
  }
}

/**
 * The report as a page: title, subtitle, issuing body and compiler, then its blocks in reading
 * order as Word and PDF lay them out. The recommendations are edited here, from the form's
 * text (not the preview's), so a new preview never overwrites what the analyst is typing.
 */
export function ReportPreview({ doc, recommendations, onRecommendations }: { doc: ReportDocument; recommendations: string; onRecommendations: (text: string) => void }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const k = 'reportsUi.preview';
  return (
    <article className="report-page" aria-label={doc.title} data-kind={doc.kind} tabIndex={0}>
      <header className="report-page-header">
        <h2 className="report-title">{doc.title}</h2>
        {doc.subtitle ? <p className="report-subtitle">{doc.subtitle}</p> : null}
        <p className="report-byline">
          <span>{t(`${k}.organisation`, { name: doc.organisation })}</span>
          <span>{t(`${k}.compiledBy`, { name: doc.compiler })}</span>
          <span>{t(`${k}.madeOn`, { date: formatDate(doc.date, locale) })}</span>
        </p>
      </header>
      {doc.blocks.map((block, i) => (
        <Block key={`${block.type}-${i}`} block={block} recommendations={recommendations} onRecommendations={onRecommendations} />
      ))}
    </article>
  );
}
