import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isModalOpen } from './modal';
import { isApplePlatform, isPlainClick, isTyping } from './shortcuts';

/** The keys that go back, as tooltips write them and as aria-keyshortcuts lists them. */
function backKeys(): { label: string; aria: string } {
  return isApplePlatform() ? { label: 'Esc / ⌘[', aria: 'Escape Meta+BracketLeft' } : { label: 'Esc / Alt+←', aria: 'Escape Alt+ArrowLeft' };
}

/** Whether a key event asks to go back: Esc outside a field, or Alt+← (⌘[ on Apple keyboards). */
export function isBackKey(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>): boolean {
  if (event.shiftKey) return false;
  if (event.key === 'Escape') return !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
  if (isApplePlatform()) return event.metaKey && !event.ctrlKey && !event.altKey && (event.code === 'BracketLeft' || event.key === '[');
  return event.altKey && !event.ctrlKey && !event.metaKey && event.key === 'ArrowLeft';
}

/**
 * "← back to the list" above a record, and its keys: Esc (when no field has the focus and no
 * dialog is open) or Alt+← (⌘[). Leaving still asks about unsaved edits (the app's leave guard).
 */
export function BackLink({ href, onBack, children }: { href: string; onBack: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const keys = backKeys();
  const back = useRef(onBack);
  useEffect(() => {
    back.current = onBack;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isModalOpen() || !isBackKey(event)) return;
      event.preventDefault();
      back.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const onClick = (event: MouseEvent): void => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    onBack();
  };
  return (
    <a className="back-link" href={href} onClick={onClick} aria-keyshortcuts={keys.aria} title={t('nav.shortcut', { label: t('common.back'), keys: keys.label })}>
      ← {children}
    </a>
  );
}
