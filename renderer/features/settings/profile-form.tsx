import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract';
import { useAppStore } from '../../stores/app-store-context';

/** The internal deadline (who acts is chosen in the header, for the whole workstation). */
export function ProfileForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [days, setDays] = useState(String(settings.internalDeadlineWorkingDays));
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  // Stored values that change under the form (a restored backup) replace what it shows; after
  // our own save they equal the typed values, so nothing visible changes then.
  const [shown, setShown] = useState(settings.internalDeadlineWorkingDays);
  if (shown !== settings.internalDeadlineWorkingDays) {
    setShown(settings.internalDeadlineWorkingDays);
    setDays(String(settings.internalDeadlineWorkingDays));
  }
  const titleId = useId();
  const daysId = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setState('saving');
    const saved = await updateSettings({ internalDeadlineWorkingDays: Number(days) });
    setState(saved ? 'saved' : 'idle');
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-labelledby={titleId}>
      <h2 className="card-title" id={titleId}>
        {t('settings.profile.title')}
      </h2>
      <div className="form-row">
        <label htmlFor={daysId}>{t('settings.profile.deadlineDays')}</label>
        <input
          id={daysId}
          type="number"
          min={0}
          max={30}
          step={1}
          required
          className="input-narrow"
          value={days}
          onChange={(e) => {
            setDays(e.target.value);
            setState('idle');
          }}
          aria-describedby={`${daysId}-hint`}
        />
        <p className="hint" id={`${daysId}-hint`}>
          {t('settings.profile.deadlineHint')}
        </p>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={state === 'saving'}>
          {state === 'saving' ? t('common.saving') : t('settings.profile.save')}
        </button>
        {state === 'saved' ? (
          <span role="status" className="saved-note">
            {t('settings.profile.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
