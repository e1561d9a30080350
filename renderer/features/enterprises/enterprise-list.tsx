import { useCallback, useEffect, useRef, useState, useMemo } from 'react';
import { ExportMenu } from '../exports/export-menu';
import type { ExportTarget } from '../exports/use-list-export';
import { useTranslation } from 'react-i18next';
import { WARNING_LEVELS, type EnterpriseListItem } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { EmptyState } from '../../components/empty-state';
import { InlineError } from '../../components/error-banner';
import { isModalOpen } from '../../components/modal';
import { isTyping } from '../../components/shortcuts';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { downloadExport } from '../comments/editor/download';
import { emptyEnterpriseDraft } from './enterprise-draft';
import { formatUsd, regionOf } from './enterprise-format';
import { EnterpriseForm } from './enterprise-form';
import { EnterpriseImportDialog, type ImportKind } from './enterprise-import-dialog';
import { MarketSelect, useMarketName } from './market-select';

const k = 'enterpriseWords.list';
const SORTS = ['name', 'updated', 'exposure', 'warnings'] as const;
type Sort = (typeof SORTS)[number];

/** The open warnings of an enterprise as four small counts in the level colours (zeros left out). */
export function OpenWarningCounts({ counts }: { counts: EnterpriseListItem['openWarnings'] }) {
  const { t } = useTranslation();
  const shown = WARNING_LEVELS.filter((level) => counts[level] > 0);
  if (shown.length === 0) return <span className="muted">0</span>;
  return (
    <span className="warning-counts">
      {shown.map((level) => (
        <span
          key={level}
          className={`warning-level warning-level-${level} warning-count`}
          data-level={level}
          title={t(`${k}.warningCount`, { level: t(`warningWords.levelsShort.${level}`), count: counts[level] })}
          aria-label={t(`${k}.warningCount`, { level: t(`warningWords.levelsShort.${level}`), count: counts[level] })}
        >
          {counts[level]}
        </span>
      ))}
    </span>
  );
}

/** #/enterprises: search, filter and open the enterprises of the registry; add one or import a list. */
export function EnterpriseList() {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const navigate = useAppStore((s) => s.navigate);
  const notify = useAppStore((s) => s.notify);
  const reportError = useAppStore((s) => s.reportError);
  const marketName = useMarketName();
  const version = useDataVersion(['enterprises', 'warnings']);
  const [query, setQuery] = useState('');
  const [market, setMarket] = useState('');
  const [sort, setSort] = useState<Sort>('name');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState<ImportKind | null>(null);
  // Opened once the form has gone: while it is mounted its unsaved-changes guard would still ask.
  const [opening, setOpening] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const load = useCallback(
    () => api.enterprisesList({ ...(query.trim() ? { query: query.trim() } : {}), ...(market ? { market } : {}), sort, limit: 500 }),
    [api, query, market, sort],
  );
  const { data, error } = useLoad(load, version);
  const exportTarget = useMemo(
    (): ExportTarget => ({ list: 'enterprises', filter: { ...(query.trim() ? { query: query.trim() } : {}), ...(market ? { market } : {}), sort } }),
    [query, market, sort],
  );
  const open = useCallback((uid: string): void => navigate({ section: 'enterprises', id: null, query: `uid=${uid}` }), [navigate]);
  useEffect(() => {
    if (opening && !creating) open(opening);
  }, [opening, creating, open]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || isModalOpen()) return;
      if (event.key === '/') {
        event.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        setCreating(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const downloadTemplate = async (): Promise<void> => {
    try {
      const file = await api.enterprisesTemplate({ format: 'xlsx', locale, inline: true });
      downloadExport(file);
      notify(t(`${k}.templateDone`, { file: file.fileName }));
    } catch (e) {
      reportError(e);
    }
  };

  const filtering = query.trim() !== '' || market !== '';
  const items = data?.items ?? [];
  const templateLink = (
    <button type="button" className="button button-link" onClick={() => void downloadTemplate()}>
      {t(`${k}.template`)}
    </button>
  );

  return (
    <div className="page enterprises-page">
      <div className="list-toolbar">
        <div className="search-box">
          <input
            ref={searchRef}
            type="search"
            className="search-input"
            aria-label={t(`${k}.search`)}
            placeholder={t(`${k}.searchPlaceholder`)}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <kbd className="search-kbd" aria-hidden="true">
            /
          </kbd>
        </div>
        <MarketSelect label={t(`${k}.market`)} value={market} onChange={setMarket} allowAll />
        <select className="select" aria-label={t(`${k}.sort`)} value={sort} onChange={(e) => setSort(e.target.value as Sort)}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`${k}.sorts.${s}`)}
            </option>
          ))}
        </select>
        <span className="toolbar-spacer" />
        <ExportMenu target={exportTarget} />
        {templateLink}
        <button type="button" className="button" onClick={() => setImporting('trade')}>
          {t(`${k}.tradeExposure`)}
        </button>
        <button type="button" className="button" onClick={() => setImporting('enterprises')}>
          {t(`${k}.import`)}
        </button>
        <button type="button" className="button button-primary" aria-keyshortcuts="N" onClick={() => setCreating(true)}>
          {t(`${k}.new`)}
        </button>
      </div>
      <InlineError error={error} />
      {data && data.total === 0 && !filtering ? (
        <EmptyState
          title={t(`${k}.empty.title`)}
          action={
            <>
              <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
                {t(`${k}.new`)}
              </button>
              <button type="button" className="button" onClick={() => setImporting('enterprises')}>
                {t(`${k}.import`)}
              </button>
              {templateLink}
            </>
          }
        >
          {t(`${k}.empty.body`)}
        </EmptyState>
      ) : null}
      {data && data.total === 0 && filtering ? <p className="muted">{t(`${k}.noMatch`)}</p> : null}
      {items.length > 0 ? (
        <>
          <p className="muted list-count">{t(`${k}.total`, { count: data?.total ?? 0 })}</p>
          <div className="table-wrap">
            <table className="data-table enterprise-table" aria-label={t(`${k}.tableLabel`)}>
              <thead>
                <tr>
                  {(['name', 'creditCode', 'region', 'industry', 'hsCodes', 'markets', 'totalExport', 'openWarnings'] as const).map((c) => (
                    <th key={c} scope="col" className={c === 'totalExport' ? 'cell-number' : undefined}>
                      {t(`${k}.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((e) => (
                  <tr
                    key={e.uid}
                    tabIndex={0}
                    className="row-link"
                    onClick={() => open(e.uid)}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter') {
                        event.preventDefault();
                        open(e.uid);
                      }
                    }}
                  >
                    <td className="cell-title">
                      <a href={`#/enterprises?uid=${e.uid}`} onClick={(event) => event.preventDefault()}>
                        {e.name}
                      </a>
                    </td>
                    <td>
                      <code>{e.creditCode}</code>
                    </td>
                    <td>{regionOf(e)}</td>
                    <td>{e.industry || '—'}</td>
                    <td className="cell-codes">{e.hsCodes.join(', ') || '—'}</td>
                    <td className="cell-markets">
                      {e.markets.length === 0
                        ? '—'
                        : e.markets.map((m, i) => (
                            <span key={m}>
                              {i > 0 ? (locale === 'zh-CN' ? '、' : ', ') : null}
                              <span className="market-name">{marketName(m)}</span>
                            </span>
                          ))}
                    </td>
                    <td className="cell-number">{formatUsd(e.totalExportUsd, locale)}</td>
                    <td>
                      <OpenWarningCounts counts={e.openWarnings} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {creating ? (
        <EnterpriseForm
          initial={emptyEnterpriseDraft()}
          onCancel={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            notify(t('enterpriseWords.form.saved', { name: saved.name }));
            setOpening(saved.uid);
          }}
        />
      ) : null}
      {importing ? <EnterpriseImportDialog kind={importing} onClose={() => setImporting(null)} /> : null}
    </div>
  );
}
