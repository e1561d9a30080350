import { useCallback, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/api-context';
import { useLoad } from '../../../api/use-load';
import { ErrorText, InlineError } from '../../../components/error-banner';
import { formatDateTime } from '../../../i18n/format-date';
import { useAppStore, useDataVersion } from '../../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';

/**
 * The analysts' team list: every comment step records who acted, and approval needs someone
 * other than the author. Names are identities in the history, so nobody is renamed or removed;
 * someone who left is marked inactive.
 */
export function AnalystsEditor() {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const dataVersion = useDataVersion(['analysts']);
  const notify = useAppStore((s) => s.notify);
  const load = useCallback(() => api.analystsList({}), [api]);
  // Reload after our own save too: the change event may come later than the answer.
  const [reloads, setReloads] = useState(0);
  const loaded = useLoad(load, dataVersion + reloads);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const id = useId();
  const k = 'commenting.analysts';
  const analysts = loaded.data ?? [];

  const write = async (input: { name: string; active: boolean }): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await api.analystsSave(input);
      setReloads((r) => r + 1);
      return true;
    } catch (e) {
      setError(toErrorInfo(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return;
    if (await write({ name: trimmed, active: true })) {
      setName('');
      notify(t(`${k}.added`, { name: trimmed }));
    }
  };

  return (
    <section className="card analysts" aria-labelledby={`${id}-title`}>
      <h2 className="card-title" id={`${id}-title`}>
        {t(`${k}.title`)}
      </h2>
      <p className="hint">{t(`${k}.hint`)}</p>
      {loaded.error && !loaded.data ? (
        <div className="inline-error">
          <ErrorText error={loaded.error} />
        </div>
      ) : null}
      {analysts.length === 0 && loaded.data ? <p className="muted">{t(`${k}.empty`)}</p> : null}
      {analysts.length > 0 ? (
        <table className="data-table data-table-compact" aria-label={t(`${k}.title`)}>
          <tbody>
            {analysts.map((a) => (
              <tr key={a.name} className={a.active ? undefined : 'analyst-inactive'}>
                <th scope="row">{a.name}</th>
                <td>{a.active ? t(`${k}.active`) : t(`${k}.inactive`)}</td>
                <td className="cell-date muted">{formatDateTime(a.createdAt, locale)}</td>
                <td className="cell-actions">
                  <button
                    type="button"
                    className="button button-link"
                    disabled={busy}
                    aria-label={t(a.active ? `${k}.deactivateName` : `${k}.activateName`, { name: a.name })}
                    onClick={() => void write({ name: a.name, active: !a.active })}
                  >
                    {a.active ? t(`${k}.deactivate`) : t(`${k}.activate`)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form className="analyst-add" onSubmit={(event) => void add(event)}>
        <label htmlFor={id}>{t(`${k}.name`)}</label>
        <input id={id} type="text" maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button" disabled={busy || name.trim() === ''}>
          {t(`${k}.add`)}
        </button>
      </form>
      <InlineError error={error} />
    </section>
  );
}
