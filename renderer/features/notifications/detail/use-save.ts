import { useState } from 'react';
import { toErrorInfo, type ErrorInfo } from '../../../stores/error-info';

export interface SaveAction {
  saving: boolean;
  error: ErrorInfo | null;
  /** Run one save; resolves true when it went through, false when it failed (error is set). */
  run: (save: () => Promise<void>) => Promise<boolean>;
}

/** The busy flag and the last error of an edit form's save button. */
export function useSave(): SaveAction {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const run = async (save: () => Promise<void>): Promise<boolean> => {
    setSaving(true);
    setError(null);
    try {
      await save();
      return true;
    } catch (e) {
      setError(toErrorInfo(e));
      return false;
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, run };
}
