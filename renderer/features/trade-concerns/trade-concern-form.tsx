import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Area, TradeConcernStatus, type TradeConcern } from '../../../shared/contract';
import { OTHER_WTO_MEMBERS } from '../../../shared/domain/wto-members';
import { useApi } from '../../api/api-context';
import { InlineError } from '../../components/error-banner';
import { useAppStore } from '../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { ActorMissing, useActingAs } from '../comments/acting-as';
import { NotificationSearch } from '../comments/list/notification-search';
import { concernInput, type ConcernDraft } from './concern-draft';
import { TextListEditor } from './text-list-editor';

const collator = new Intl.Collator('zh');

/** Members beyond the country list (the EU, the United States…), in the order of the list. */
const OTHER_MEMBERS = Object.entries(OTHER_WTO_MEMBERS);

/** A trade-concern suggestion for the TBT or SPS Committee, Chinese and English side by side. */
export function TradeConcernForm({ initial, onSaved, onCancel }: { initial: ConcernDraft; onSaved: (saved: TradeConcern) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { actor } = useActingAs();
  const countries = useAppStore((s) => s.countries);
  const locale = useAppStore((s) => s.locale);
  const [d, setD] = useState<ConcernDraft>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const ids = { titleZh: useId(), titleEn: useId(), committee: useId(), status: useId(), meeting: useId(), issueZh: useId(), issueEn: useId() };
  const k = 'commenting.concerns';
  const sorted = useMemo(() => [...countries].sort((a, b) => collator.compare(a.nameZh, b.nameZh)), [countries]);
  const set = (patch: Partial<ConcernDraft>): void => setD((current) => ({ ...current, ...patch }));
  const toggleMember = (code: string): void =>
    set({ memberCodes: d.memberCodes.includes(code) ? d.memberCodes.filter((x) => x !== code) : [...d.memberCodes, code] });

  const save = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.tradeConcernsSave(concernInput(d)));
    } catch (e) {
      setError(toErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card concern-form"
      aria-label={d.id === null ? t(`${k}.new`) : t(`${k}.editing`, { title: initial.titleZh })}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3 className="card-title">{d.id === null ? t(`${k}.new`) : t(`${k}.editing`, { title: initial.titleZh })}</h3>
      <ActorMissing />
      <div className="form-grid">
        <div className="form-row">
          <label htmlFor={ids.titleZh}>{t(`${k}.titleZh`)}</label>
          <input id={ids.titleZh} type="text" lang="zh-CN" required maxLength={500} value={d.titleZh} onChange={(e) => set({ titleZh: e.target.value })} />
        </div>
        <div className="form-row">
          <label htmlFor={ids.titleEn}>{t(`${k}.titleEn`)}</label>
          <input id={ids.titleEn} type="text" lang="en" maxLength={500} value={d.titleEn} onChange={(e) => set({ titleEn: e.target.value })} />
        </div>
        <div className="form-row">
          <label htmlFor={ids.committee}>{t(`${k}.committee`)}</label>
          <select id={ids.committee} value={d.committee} onChange={(e) => set({ committee: Area.parse(e.target.value) })}>
            {Area.options.map((a) => (
              <option key={a} value={a}>
                {t(`${k}.committees.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor={ids.status}>{t(`${k}.status`)}</label>
          <select id={ids.status} value={d.status} onChange={(e) => set({ status: TradeConcernStatus.parse(e.target.value) })}>
            {TradeConcernStatus.options.map((s) => (
              <option key={s} value={s}>
                {t(`${k}.statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="form-row form-row-wide industry-picker">
          <legend>{t(`${k}.members`)}</legend>
          <div className="chip-checks member-checks">
            {sorted.map((c) => {
              const on = d.memberCodes.includes(c.code);
              return (
                <label key={c.code} className={on ? 'chip-check chip-check-on' : 'chip-check'}>
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={() => toggleMember(c.code)}
                  />
                  {locale === 'zh-CN' ? c.nameZh : c.nameEn} {c.code}
                </label>
              );
            })}
          </div>
        </fieldset>
        <fieldset className="form-row form-row-wide industry-picker">
          <legend>{t('tradeMembers.others')}</legend>
          <div className="chip-checks member-checks">
            {OTHER_MEMBERS.map(([code, names]) => {
              const on = d.memberCodes.includes(code);
              return (
                <label key={code} className={on ? 'chip-check chip-check-on' : 'chip-check'}>
                  <input type="checkbox" checked={on} onChange={() => toggleMember(code)} />
                  {locale === 'zh-CN' ? names.nameZh : names.nameEn} {code}
                </label>
              );
            })}
          </div>
        </fieldset>
        <div className="form-row form-row-wide">
          <span className="filter-label">{t(`${k}.notifications`)}</span>
          {d.notifications.length === 0 ? <p className="muted">{t(`${k}.noNotifications`)}</p> : null}
          <ul className="chips linked-notifications">
            {d.notifications.map((n) => (
              <li key={n.id} className="chip">
                <span className="symbol">{n.symbol}</span> {n.title}{' '}
                <button
                  type="button"
                  className="button button-link button-link-danger"
                  aria-label={t(`${k}.unlink`, { symbol: n.symbol })}
                  onClick={() => set({ notifications: d.notifications.filter((x) => x.id !== n.id) })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <NotificationSearch
            label={t(`${k}.findNotification`)}
            chosenIds={d.notifications.map((n) => n.id)}
            pickLabel={t(`${k}.link`)}
            onPick={(item) => set({ notifications: [...d.notifications, { id: item.id, symbol: item.symbol, title: item.titleZh ?? item.title }] })}
          />
        </div>
        <div className="form-row">
          <label htmlFor={ids.issueZh}>{t(`${k}.issueZh`)}</label>
          <textarea id={ids.issueZh} lang="zh-CN" rows={4} value={d.issueZh} onChange={(e) => set({ issueZh: e.target.value })} />
        </div>
        <div className="form-row">
          <label htmlFor={ids.issueEn}>{t(`${k}.issueEn`)}</label>
          <textarea id={ids.issueEn} lang="en" rows={4} value={d.issueEn} onChange={(e) => set({ issueEn: e.target.value })} />
        </div>
        <TextListEditor label={t(`${k}.pointsZh`)} lang="zh-CN" items={d.talkingPointsZh} onChange={(items) => set({ talkingPointsZh: items })} />
        <TextListEditor label={t(`${k}.pointsEn`)} lang="en" items={d.talkingPointsEn} onChange={(items) => set({ talkingPointsEn: items })} />
        <div className="form-row form-row-wide">
          <label htmlFor={ids.meeting}>{t(`${k}.meeting`)}</label>
          <input id={ids.meeting} type="text" maxLength={200} placeholder={t(`${k}.meetingPlaceholder`)} value={d.meeting} onChange={(e) => set({ meeting: e.target.value })} />
        </div>
      </div>
      <InlineError error={error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !actor}>
          {busy ? t('common.saving') : t(`${k}.save`)}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
