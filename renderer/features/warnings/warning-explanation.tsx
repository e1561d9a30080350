import { useTranslation } from 'react-i18next';
import type { Warning } from '../../../shared/contract';
import { useAppStore } from '../../stores/app-store-context';
import { useMarketName } from '../enterprises/market-select';
import { useFactorFinding, formatUsd } from './warning-words';

/**
 * Why the warning has its score: each factor with what it found, its points out of its most,
 * and the notification's own words that put it in its class; then the sum, which is the score.
 */
export function WarningExplanation({ warning }: { warning: Warning }) {
  const { t } = useTranslation();
  const finding = useFactorFinding();
  const k = 'warningsUi.detail';
  const sum = warning.factors.reduce((total, f) => total + f.points, 0);
  return (
    <section className="warning-explanation" aria-labelledby="warning-explanation-title">
      <h3 id="warning-explanation-title">{t(`${k}.explanation`)}</h3>
      <table className="warning-factors">
        <thead>
          <tr>
            <th>{t(`${k}.factor`)}</th>
            <th>{t(`${k}.found`)}</th>
            <th>{t(`${k}.points`)}</th>
            <th>{t(`${k}.evidence`)}</th>
          </tr>
        </thead>
        <tbody>
          {warning.factors.map((f) => (
            <tr key={f.key} data-factor={f.key} className={f.points > 0 ? 'scored' : 'unscored'}>
              <th scope="row" title={t(`warningWords.factorHelp.${f.key}`)}>
                {t(`warningWords.factors.${f.key}`)}
              </th>
              <td>{finding(f, warning)}</td>
              <td className="num factor-points" data-points={f.points}>
                {t(`${k}.pointsOf`, { points: f.points, max: f.max })}
              </td>
              <td>
                {groupEvidence(f.evidence).map((e, i) => (
                  <blockquote key={i} className="evidence">
                    “{e.text}” <cite>{`${e.symbols.join(', ')} · ${t(`${k}.evidenceFields.${e.field}`, { defaultValue: e.field })}`}</cite>
                  </blockquote>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="warning-sum">
            <th scope="row" colSpan={2}>
              {t(`${k}.sum`, { sum, score: warning.score })}
            </th>
            <td className="num" data-testid="warning-sum">
              {sum}
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

/**
 * The same words in the same field of several documents (a GCC measure notified by seven members)
 * are quoted once, naming every document, rather than seven times.
 */
function groupEvidence(evidence: Warning['factors'][number]['evidence']): Array<{ text: string; field: string; symbols: string[] }> {
  const groups = new Map<string, { text: string; field: string; symbols: string[] }>();
  for (const e of evidence) {
    const key = `${e.field}\u0000${e.text}`;
    const group = groups.get(key);
    if (group) {
      if (!group.symbols.includes(e.symbol)) group.symbols.push(e.symbol);
    } else groups.set(key, { text: e.text, field: e.field, symbols: [e.symbol] });
  }
  return [...groups.values()];
}

/** The products and markets of the target the measure reaches. */
export function WarningMatches({ warning }: { warning: Warning }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const marketName = useMarketName();
  const k = 'warningsUi.detail';
  if (warning.matches.length === 0) return null;
  return (
    <section className="warning-matches">
      <h3>{t(`${k}.matches`)}</h3>
      <table>
        <thead>
          <tr>
            <th>{t(`${k}.hs`)}</th>
            <th>{t(`${k}.market`)}</th>
            <th>{t(`${k}.depth`)}</th>
            <th>{t(`${k}.value`)}</th>
            <th>{t(`${k}.source`)}</th>
          </tr>
        </thead>
        <tbody>
          {warning.matches.map((m, i) => (
            <tr key={i}>
              <td>
                {m.hsCode}
                {m.measureCode && m.measureCode !== m.hsCode ? <span className="muted"> ← {m.measureCode}</span> : null}
              </td>
              <td>
                {marketName(m.market) === m.market ? m.market : <>{marketName(m.market)} <span className="muted">{m.market}</span></>}
              </td>
              <td>{t(`${k}.depths.${m.depth}`)}</td>
              <td className="num">{m.valueUsd === null ? '—' : t('warningsUi.inbox.usd', { value: formatUsd(m.valueUsd, locale) })}</td>
              <td>{t(`${k}.sources.${m.valueSource}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
