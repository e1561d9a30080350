import { useEffect, useId, useRef, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]';

export interface ModalProps {
  title: string;
  /** Without it the dialog cannot be closed by Esc or the × button (e.g. while a job runs). */
  onClose?: (() => void) | undefined;
  closeLabel: string;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'normal' | 'wide';
  className?: string;
  /** When this changes (a dialog moving to its next step), focus goes back into the dialog. */
  focusKey?: string;
  onDragOver?: (event: DragEvent) => void;
  onDragLeave?: (event: DragEvent) => void;
  onDrop?: (event: DragEvent) => void;
}

/**
 * A modal dialog: focus moves in when it opens and back where it was when it closes, Tab stays
 * inside, Esc closes. Rendered into <body> so sticky table headers and the scrolling main area
 * cannot sit on top of it.
 */
export function Modal({ title, onClose, closeLabel, children, footer, size = 'normal', className, focusKey, onDragOver, onDragLeave, onDrop }: ModalProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    const first = root?.querySelector<HTMLElement>('[data-autofocus]') ?? root?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? root)?.focus();
    return () => previous?.focus();
  }, []);

  // The element that had focus may be gone with the previous step; without this, keys go to <body>.
  const shownKey = useRef(focusKey);
  useEffect(() => {
    if (shownKey.current === focusKey) return;
    shownKey.current = focusKey;
    const root = ref.current;
    (root?.querySelector<HTMLElement>('[data-autofocus]') ?? root)?.focus();
  }, [focusKey]);

  // Esc is read at the window, so it works wherever focus is; only the topmost dialog answers.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const open = document.querySelectorAll('[aria-modal="true"]');
      if (open[open.length - 1] !== ref.current || !closeRef.current) return;
      event.preventDefault();
      closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  const classes = ['modal', size === 'wide' ? 'modal-wide' : '', className ?? ''].filter(Boolean).join(' ');
  return createPortal(
    <div className="modal-backdrop">
      <div
        ref={ref}
        className={classes}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <header className="modal-header">
          <h2 id={titleId} className="modal-title">
            {title}
          </h2>
          {onClose ? (
            <button type="button" className="button button-quiet modal-close" aria-label={closeLabel} onClick={onClose}>
              ×
            </button>
          ) : null}
        </header>
        <div className="modal-body">{children}</div>
        {footer ? <footer className="modal-footer">{footer}</footer> : null}
      </div>
    </div>,
    document.body,
  );
}

/** True while any modal dialog is open: page-wide shortcuts stay quiet then. */
export function isModalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}
