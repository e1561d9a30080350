import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../../components/modal';
import { isApplePlatform } from '../../../components/shortcuts';
import { useAppStore } from '../../../stores/app-store-context';

interface FormEntry {
  dirty: boolean;
  save: () => Promise<boolean>;
}

/** The edit forms of one record view, read when the analyst leaves or presses Ctrl/Cmd+S. */
class FormRegistry {
  private readonly forms = new Map<string, FormEntry>();
  set(key: string, entry: FormEntry): void {
    this.forms.set(key, entry);
  }
  delete(key: string): void {
    this.forms.delete(key);
  }
  anyDirty(): boolean {
    return [...this.forms.values()].some((f) => f.dirty);
  }
  /** Save every form with edits; true when all of them saved. */
  async saveAll(): Promise<boolean> {
    const results = await Promise.all([...this.forms.values()].filter((f) => f.dirty).map((f) => f.save()));
    return results.every(Boolean);
  }
}

const RegistryContext = createContext<FormRegistry | null>(null);

/** A form reports whether it has unsaved edits and how to save them. */
export function useUnsavedForm(key: string, dirty: boolean, save: () => Promise<boolean>): void {
  const registry = useContext(RegistryContext);
  useEffect(() => {
    registry?.set(key, { dirty, save });
  });
  useEffect(() => () => registry?.delete(key), [registry, key]);
}

/**
 * Around a record view with edit forms: asks before leaving with unsaved edits (in-app
 * navigation, the address bar, closing the window), and saves them on Ctrl/Cmd+S.
 */
export function UnsavedChangesScope({ children, body }: { children: ReactNode; /** What would be lost, where the default sentence does not fit. */ body?: string }) {
  const { t } = useTranslation();
  const [registry] = useState(() => new FormRegistry());
  const setLeaveGuard = useAppStore((s) => s.setLeaveGuard);
  const [pendingLeave, setPendingLeave] = useState<(() => void) | null>(null);
  const [saving, setSaving] = useState(false);
  const k = 'editor.unsaved';

  useEffect(() => {
    setLeaveGuard((leave) => {
      if (!registry.anyDirty()) return true;
      setPendingLeave(() => leave);
      return false;
    });
    return () => setLeaveGuard(null);
  }, [registry, setLeaveGuard]);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (!registry.anyDirty()) return;
      event.preventDefault();
      // Older Chromium builds still need returnValue set to show the question.
      event.returnValue = '';
    };
    const onKey = (event: KeyboardEvent): void => {
      const mod = isApplePlatform() ? event.metaKey : event.ctrlKey;
      if (!mod || event.altKey || event.shiftKey || event.key.toLowerCase() !== 's') return;
      // Always: the browser's "save page as" is never what the analyst means here.
      event.preventDefault();
      void registry.saveAll();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('keydown', onKey);
    };
  }, [registry]);

  const saveAndLeave = async (leave: () => void): Promise<void> => {
    setSaving(true);
    const ok = await registry.saveAll();
    setSaving(false);
    setPendingLeave(null);
    if (ok) leave();
  };

  return (
    <RegistryContext.Provider value={registry}>
      {children}
      {pendingLeave ? (
        <Modal
          title={t(`${k}.title`)}
          closeLabel={t('common.close')}
          onClose={() => setPendingLeave(null)}
          footer={
            <>
              <button type="button" className="button" onClick={() => setPendingLeave(null)} data-autofocus disabled={saving}>
                {t(`${k}.stay`)}
              </button>
              <button
                type="button"
                className="button button-danger"
                disabled={saving}
                onClick={() => {
                  // `leave` goes straight to the new address; the guard is not asked again.
                  const leave = pendingLeave;
                  setPendingLeave(null);
                  leave();
                }}
              >
                {t(`${k}.discard`)}
              </button>
              <button type="button" className="button button-primary" disabled={saving} onClick={() => void saveAndLeave(pendingLeave)}>
                {saving ? t('common.saving') : t(`${k}.saveAndLeave`)}
              </button>
            </>
          }
        >
          <p>{body ?? t(`${k}.body`)}</p>
        </Modal>
      ) : null}
    </RegistryContext.Provider>
  );
}
