import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract';
import { useAppStore } from '../../stores/app-store-context';

/** Analyst name and internal deadline; saved together so one click records one audit entry. */
export function ProfileForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const updateSettings = useAppStore((s) => s.updateSettings);
  const [analystName, setAnalystName] = useState(settings.analystName);
  const [days, setDays] = useState(String(settings.internalDeadlineWorkingDays));
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  // Stored values that change under the form (a restored backup) replace what it shows; after
  // our own save they equal the typed values, so nothing visible changes then.
  const [shown, setShown] = useState({ name: settings.analystName, days: settings.internalDeadlineWorkingDays });
  if (shown.name !== settings.analystName || shown.days !== settings.internalDeadlineWorkingDays) {
    setShown({ name: settings.analystName, days: settings.internalDeadlineWorkingDays });
    setAnalystName(settings.analystName);
    setDays(String(settings.internalDeadlineWorkingDays));
  }
  const nameId = useId();
  const daysId = useId();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setState('saving');
    const saved = await updateSettings({ analystName: analystName.trim(), internalDeadlineWorkingDays: Number(days) });
    setState(saved ? 'saved' : 'idle');
  };

  return (
    <form className="form" onSubmit={(event) => void submit(event)} aria-labelledby={`${nameId}-title`}>
      <h2 className="card-title" id={`${nameId}-title`}>
        {t('settings.profile.title')}
      </h2>
      <div className="form-row">
        <label htmlFor={nameId}>{t('settings.profile.analystName')}</label>
        <input
          id={nameId}
          type="text"
          maxLength={80}
          value={analystName}
          onChange={(e) => {
            setAnalystName(e.target.value);
            setState('idle');
          }}
          aria-describedby={`${nameId}-hint`}
        />
        <p className="hint" id={`${nameId}-hint`}>
          {t('settings.profile.analystNameHint')}
        </p>
      </div>
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
