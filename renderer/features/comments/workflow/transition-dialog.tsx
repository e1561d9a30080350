import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmissionChannel } from '../../../../shared/contract';
import { useToday } from '../../../clock/clock-context';
import { DateField, dateProblemFree } from '../../../components/date-field';
import { InlineError } from '../../../components/error-banner';
import { Modal } from '../../../components/modal';
import type { ErrorInfo } from '../../../stores/error-info';
import type { StepRequest } from './workflow-bar';

export type DialogStep = 'draft' | 'submitted' | 'reply_received';

interface Props {
  step: DialogStep;
  /** A reply cannot predate the submission; the date field starts no earlier. */
  submissionDate: string | null;
  error: ErrorInfo | null;
  onCancel: () => void;
  onConfirm: (request: StepRequest) => Promise<boolean>;
}

/** The moves that need more than a click: return for changes (a note), submission, reply. */
export function TransitionDialog({ step, submissionDate, error, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const ids = { date: useId(), channel: useId(), reference: useId(), text: useId() };
  const today = useToday();
  const [date, setDate] = useState(today);
  const [channel, setChannel] = useState<SubmissionChannel>('enquiry-point');
  const [reference, setReference] = useState('');
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  // Set when confirming found the date missing or wrong: its problem shows without a blur.
  const [dateTried, setDateTried] = useState(false);
  const minDate = step === 'reply_received' ? submissionDate ?? undefined : undefined;
  const [busy, setBusy] = useState(false);
  const k = step === 'draft' ? 'commenting.workflow.returnDraft' : step === 'submitted' ? 'commenting.workflow.submit' : 'commenting.workflow.reply';
  const textKey = step === 'draft' ? 'commenting.workflow.returnDraft' : 'commenting.workflow.reply';
  const dateKey = step === 'submitted' ? 'commenting.workflow.submit' : 'commenting.workflow.reply';

  const confirm = async (): Promise<void> => {
    if (step !== 'draft' && !dateProblemFree(date, minDate, today)) {
      setDateTried(true);
      return;
    }
    let request: StepRequest;
    if (step === 'draft') request = { to: 'draft', note: text.trim() };
    else if (step === 'submitted') request = { to: 'submitted', submission: { date, channel, reference: reference.trim() } };
    else request = { to: 'reply_received', reply: { date, summary: text.trim() } };
    if (step !== 'submitted' && text.trim() === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    await onConfirm(request);
    setBusy(false);
  };

  return (
    <Modal
      title={t(`${k}.title`)}
      closeLabel={t('common.close')}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
          <button type="button" className={step === 'draft' ? 'button button-danger' : 'button button-primary'} disabled={busy} onClick={() => void confirm()}>
            {t(`${k}.confirm`)}
          </button>
        </>
      }
    >
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void confirm();
        }}
      >
        {step !== 'draft' ? (
          <div className="form-row">
            <label htmlFor={ids.date}>{t(`${dateKey}.date`)}</label>
            <DateField
              id={ids.date}
              required
              value={date}
              min={minDate}
              max={today}
              showProblem={dateTried}
              onChange={(next) => {
                setDate(next);
                setDateTried(false);
              }}
            />
          </div>
        ) : null}
        {step === 'submitted' ? (
          <>
            <div className="form-row">
              <label htmlFor={ids.channel}>{t('commenting.workflow.submit.channel')}</label>
              <select id={ids.channel} value={channel} onChange={(e) => setChannel(SubmissionChannel.parse(e.target.value))}>
                {SubmissionChannel.options.map((c) => (
                  <option key={c} value={c}>
                    {t(`commenting.workflow.channels.${c}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="form-row">
              <label htmlFor={ids.reference}>{t('commenting.workflow.submit.reference')}</label>
              <input id={ids.reference} type="text" maxLength={200} value={reference} onChange={(e) => setReference(e.target.value)} />
            </div>
          </>
        ) : (
          <div className="form-row">
            <label htmlFor={ids.text}>{t(`${textKey}.text`)}</label>
            <textarea
              id={ids.text}
              rows={4}
              value={text}
              aria-invalid={missing && text.trim() === ''}
              onChange={(e) => {
                setText(e.target.value);
                setMissing(false);
              }}
            />
            {missing ? (
              <p className="field-error" role="alert">
                {t(`${textKey}.required`)}
              </p>
            ) : null}
          </div>
        )}
      </form>
      <InlineError error={error} />
    </Modal>
  );
}
