import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../../components/error-banner';
import type { ImportError } from './import-machine';
import { refusalOfError, refusalReason } from './import-reasons';

/**
 * Why an import did not happen. A refused file is told in words of the interface language, with
 * the code and the technical message behind "details"; any other failure shows its code and
 * message as errors do everywhere.
 */
export function ImportFailure({ error }: { error: ImportError }) {
  const { t } = useTranslation();
  const [details, setDetails] = useState(false);
  const refusal = refusalOfError(error);
  if (!refusal) {
    return (
      <div className="inline-error">
        <ErrorText error={error} />
      </div>
    );
  }
  return (
    <div className="inline-error">
      <p>{t('importOutcomes.refusedReason', { reason: refusalReason(t, refusal) })}</p>
      <button type="button" className="button button-link" aria-expanded={details} onClick={() => setDetails((d) => !d)}>
        {details ? t('importOutcomes.hideDetails') : t('importOutcomes.showDetails')}
      </button>
      {details ? (
        <p className="cell-technical">
          <ErrorText error={error} />
        </p>
      ) : null}
    </div>
  );
}
