import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeliveryChannel, type WarningLetter } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { useToday } from '../../clock/clock-context';
import { DateField } from '../../components/date-field';
import { InlineError } from '../../components/error-banner';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { downloadExport } from '../comments/editor/download';

const k = 'enterpriseWords.page';

type Recording = { uid: string; what: 'delivery' | 'acknowledgement' };

/** Record a letter's delivery (date and channel) or the enterprise's acknowledgement (date), in one line. */
function RecordForm({ recording, onDone, onCancel }: { recording: Recording; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const today = useToday();
  const id = useId();
  const [date, setDate] = useState(today);
  const [channel, setChannel] = useState<DeliveryChannel>('email');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const label = t(recording.what === 'delivery' ? `${k}.recordDelivery` : `${k}.recordAcknowledgement`);

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      if (recording.what === 'delivery') await api.warningLettersRecordDelivery({ uid: recording.uid, date, channel, note });
      else await api.warningLettersRecordAcknowledgement({ uid: recording.uid, date, note });
      onDone();
    } catch (e) {
      setError(toErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="letter-record-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="form-row">
        <label htmlFor={`${id}-date`}>{t(`${k}.date`)}</label>
        <DateField id={`${id}-date`} value={date} onChange={setDate} max={today} required />
      </div>
      {recording.what === 'delivery' ? (
        <div className="form-row">
          <label htmlFor={`${id}-channel`}>{t(`${k}.channel`)}</label>
          <select id={`${id}-channel`} value={channel} onChange={(e) => setChannel(DeliveryChannel.parse(e.target.value))}>
            {DeliveryChannel.options.map((c) => (
              <option key={c} value={c}>
                {t(`${k}.channels.${c}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="form-row">
        <label htmlFor={`${id}-note`}>{t(`${k}.note`)}</label>
        <input id={`${id}-note`} type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy || !/^\d{4}-\d{2}-\d{2}$/.test(date)}>
          {t(`${k}.record`)}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      <InlineError error={error} />
    </form>
  );
}

/** The letters made for an enterprise, with their delivery and acknowledgement, and the button that makes one. */
export function EnterpriseLetters({ enterpriseUid }: { enterpriseUid: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const notify = useAppStore((s) => s.notify);
  const load = useCallback(() => api.warningLettersList({ enterpriseUid }), [api, enterpriseUid]);
  const { data, error } = useLoad(load, useDataVersion(['warnings']));
  const [recording, setRecording] = useState<Recording | null>(null);
  const [making, setMaking] = useState(false);
  const [makeError, setMakeError] = useState<ErrorInfo | null>(null);

  const make = async (format: 'docx' | 'pdf'): Promise<void> => {
    setMaking(true);
    setMakeError(null);
    try {
      const { file } = await api.warningLettersMake({ enterpriseUid, format, inline: true });
      downloadExport(file);
      notify(t(`${k}.letterMade`, { file: file.fileName }));
    } catch (e) {
      setMakeError(toErrorInfo(e));
    } finally {
      setMaking(false);
    }
  };

  const delivery = (l: WarningLetter): string =>
    l.delivery ? t(`${k}.deliveredOn`, { date: formatDate(l.delivery.date, locale), channel: t(`${k}.channels.${l.delivery.channel}`) }) : t(`${k}.notDelivered`);
  const acknowledgement = (l: WarningLetter): string =>
    l.acknowledgement ? t(`${k}.acknowledgedOn`, { date: formatDate(l.acknowledgement.date, locale) }) : t(`${k}.notDelivered`);

  return (
    <section className="card enterprise-letters" aria-labelledby="enterprise-letters-title">
      <div className="card-head">
        <h3 id="enterprise-letters-title" className="card-title">
          {t(`${k}.letters`)}
        </h3>
        <span className="toolbar-spacer" />
        <span className="button-group" role="group" aria-label={t(`${k}.makeLetter`)}>
          <button type="button" className="button button-primary" disabled={making} onClick={() => void make('docx')}>
            {t(`${k}.makeDocx`)}
          </button>
          <button type="button" className="button" disabled={making} onClick={() => void make('pdf')}>
            {t(`${k}.makePdf`)}
          </button>
        </span>
      </div>
      <InlineError error={makeError ?? error} />
      {data && data.length === 0 ? <p className="muted">{t(`${k}.noLetters`)}</p> : null}
      {data && data.length > 0 ? (
        <table className="data-table" aria-label={t(`${k}.letters`)}>
          <thead>
            <tr>
              {(['file', 'made', 'delivery', 'acknowledgement'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`${k}.letterColumns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((l) => (
              <tr key={l.uid}>
                <td>
                  {l.fileName}
                  <span className="cell-sub muted">{l.symbols.join(', ')}</span>
                </td>
                <td className="cell-date">
                  {formatDateTime(l.createdAt, locale)}
                  <span className="cell-sub muted">{l.createdBy}</span>
                </td>
                <td>
                  {delivery(l)}
                  {l.delivery ? null : (
                    <button type="button" className="button button-link" onClick={() => setRecording({ uid: l.uid, what: 'delivery' })}>
                      {t(`${k}.recordDelivery`)}
                    </button>
                  )}
                </td>
                <td>
                  {acknowledgement(l)}
                  {l.acknowledgement ? null : (
                    <button type="button" className="button button-link" onClick={() => setRecording({ uid: l.uid, what: 'acknowledgement' })}>
                      {t(`${k}.recordAcknowledgement`)}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {recording ? <RecordForm key={`${recording.uid}-${recording.what}`} recording={recording} onDone={() => setRecording(null)} onCancel={() => setRecording(null)} /> : null}
    </section>
  );
}
