import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../../../shared/contract';
import { useAppStore } from '../../../stores/app-store-context';
import { downloadExport } from './download';

/**
 * Word files: the English letter for the enquiry point and the Chinese internal version. The
 * backend also keeps a copy in the data folder's exports/, named in the confirmation.
 */
export function ExportButtons({ exportLetter, before }: { exportLetter: (language: 'en' | 'zh') => Promise<ExportedFile>; before: () => Promise<boolean> }) {
  const { t } = useTranslation();
  const notify = useAppStore((s) => s.notify);
  const reportError = useAppStore((s) => s.reportError);
  const [busy, setBusy] = useState<'en' | 'zh' | null>(null);

  const run = async (language: 'en' | 'zh'): Promise<void> => {
    setBusy(language);
    try {
      // The letter is made from the saved text: pending edits go in first.
      if (!(await before())) return;
      const file = await exportLetter(language);
      downloadExport(file);
      notify(t('commenting.export.done', { file: file.fileName }));
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export-buttons">
      <button type="button" className="button" disabled={busy !== null} onClick={() => void run('en')}>
        {busy === 'en' ? t('commenting.export.exporting') : t('commenting.export.en')}
      </button>
      <button type="button" className="button" disabled={busy !== null} onClick={() => void run('zh')}>
        {busy === 'zh' ? t('commenting.export.exporting') : t('commenting.export.zh')}
      </button>
    </div>
  );
}
