import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeliveryChannel, type Warning, type WarningLetter } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useToday } from '../../clock/clock-context';
import { DateField } from '../../components/date-field';
import { InlineError } from '../../components/error-banner';
import { formatDate, formatDateTime } from '../../i18n/format-date';
import { useAppStore } from '../../stores/app-store-context';
import { toErrorInfo, type ErrorInfo } from '../../stores/error-info';
import { downloadExport } from '../comments/editor/download';

/** The letters about this warning: make one (Word or PDF, downloaded at once), record its delivery and acknowledgement. */
export function WarningLetters({ warning }: { warning: Warning }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const k = 'warningsUi.letters';
  const target = warning.target;

  if (target.kind !== 'enterprise') {
    return (
      <section className="warning-letters">
        <h3>{t(`${k}.title`)}</h3>
        <p className="muted">{t(`${k}.industryNote`)}</p>
      </section>
    );
  }

  const make = async (format: 'docx' | 'pdf'): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const { file } = await api.warningLettersMake({ enterpriseUid: target.enterpriseUid, warningUids: [warning.uid], format, inline: true });
      downloadExport(file);
      notify(t(`${k}.made`, { file: file.fileName }));
    } catch (e) {
      setError(toErrorInfo(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="warning-letters" aria-labelledby="warning-letters-title">
      <h3 id="warning-letters-title">{t(`${k}.title`)}</h3>
      <div className="button-row">
        <button type="button" className="button" disabled={busy} onClick={() => void make('docx')}>
          {t(`${k}.makeDocx`)}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void make('pdf')}>
          {t(`${k}.makePdf`)}
        </button>
      </div>
      <InlineError error={error} />
      {warning.letters.length === 0 ? (
        <p className="muted">{t(`${k}.none`)}</p>
      ) : (
        <ul className="letter-list">
          {warning.letters.map((letter) => (
            <li key={letter.uid}>
              <span className="file-name">{letter.fileName}</span> <span className="muted">{formatDateTime(letter.createdAt, locale)} · {letter.createdBy}</span>
              <LetterReceipts letter={letter} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Delivery, then acknowledgement: each recorded once with its date. */
function LetterReceipts({ letter }: { letter: WarningLetter }) {
  const { t } = useTranslation();
  const api = useApi();
  const locale = useAppStore((s) => s.locale);
  const today = useToday();
  const [editing, setEditing] = useState<'delivery' | 'acknowledgement' | null>(null);
  const [date, setDate] = useState(today);
  const [channel, setChannel] = useState<DeliveryChannel>('email');
  const [note, setNote] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const k = 'warningsUi.letters';

  const save = async (): Promise<void> => {
    setError(null);
    try {
      if (editing === 'delivery') await api.warningLettersRecordDelivery({ uid: letter.uid, date, channel, note });
      else await api.warningLettersRecordAcknowledgement({ uid: letter.uid, date, note });
      setEditing(null);
    } catch (e) {
      setError(toErrorInfo(e));
    }
  };

  // A Chinese label takes the full-width colon and no space after it.
  const colon = locale === 'zh-CN' ? '：' : ': ';
  return (
    <div className="letter-receipts">
      <div>
        {t(`${k}.delivery`)}
        {colon}
        {letter.delivery ? (
          t(`${k}.delivered`, { date: formatDate(letter.delivery.date, locale), channel: t(`${k}.channels.${letter.delivery.channel}`), by: letter.delivery.by })
        ) : (
          <button type="button" className="button-link" onClick={() => setEditing('delivery')}>
            {t(`${k}.recordDelivery`)}
          </button>
        )}
      </div>
      {letter.delivery ? (
        <div>
          {t(`${k}.acknowledgement`)}
          {colon}
          {letter.acknowledgement ? (
            t(`${k}.acknowledged`, { date: formatDate(letter.acknowledgement.date, locale), by: letter.acknowledgement.by })
          ) : (
            <button type="button" className="button-link" onClick={() => setEditing('acknowledgement')}>
              {t(`${k}.recordAck`)}
            </button>
          )}
        </div>
      ) : null}
      {editing ? (
        <form
          className="warning-form"
          aria-label={editing === 'delivery' ? t(`${k}.recordDelivery`) : t(`${k}.recordAck`)}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor={`letter-date-${letter.uid}`}>{t(`${k}.date`)}</label>
          <DateField id={`letter-date-${letter.uid}`} value={date} onChange={setDate} required />
          {editing === 'delivery' ? (
            <label>
              {t(`${k}.channel`)}
              <select value={channel} onChange={(e) => setChannel(DeliveryChannel.parse(e.target.value))}>
                {DeliveryChannel.options.map((c) => (
                  <option key={c} value={c}>
                    {t(`${k}.channels.${c}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label>
            {t('warningsUi.actions.note')}
            <input value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <InlineError error={error} />
          <div className="button-row">
            <button type="submit" className="button button-primary">
              {t(`${k}.save`)}
            </button>
            <button type="button" className="button" onClick={() => setEditing(null)}>
              {t('warningsUi.actions.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
