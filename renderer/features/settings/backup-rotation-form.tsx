import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupRotation } from '../../../shared/contract/backups';

const FIELDS = [
  ['daily', 'rotationDaily'],
  ['weekly', 'rotationWeekly'],
  ['preImport', 'rotationPreImport'],
  ['preMigration', 'rotationPreMigration'],
] as const;

/** How many backups of each automatic kind are kept; checked with the contract's own limits. */
export function RotationForm({ rotation, busy, onSave }: { rotation: BackupRotation; busy: boolean; onSave: (r: BackupRotation) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState<Record<keyof BackupRotation, string>>({
    daily: String(rotation.daily),
    weekly: String(rotation.weekly),
    preImport: String(rotation.preImport),
    preMigration: String(rotation.preMigration),
  });
  const parsed = BackupRotation.safeParse(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim() === '' ? NaN : Number(v)])));
  const invalid = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (parsed.success) onSave(parsed.data);
  };

  return (
    <form className="backup-rotation" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('backups.rotation')}</h3>
      <div className="backup-rotation-fields">
        {FIELDS.map(([key, label]) => (
          <label key={key}>
            {t(`backups.${label}`)}
            <input
              type="number"
              min={key === 'weekly' ? 0 : 1}
              step={1}
              value={values[key]}
              aria-invalid={invalid.has(key) || undefined}
              onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
            />
          </label>
        ))}
      </div>
      <p className="hint">{t('backups.rotationHint')}</p>
      <button type="submit" className="button" disabled={busy || !parsed.success}>
        {t('backups.rotationSave')}
      </button>
    </form>
  );
}
