import { useEffect } from 'react';
import { SECTIONS, type Section } from '../stores/route';

/** Apple keyboards use Cmd where others use Ctrl. */
export function isApplePlatform(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent);
}

/** Inputs that take no typing and no arrows: a tick box, a button. */
const KEYLESS_INPUTS: ReadonlySet<string> = new Set(['checkbox', 'button', 'submit', 'reset', 'file', 'color', 'image']);

/** Keys typed into a field are the field's: page shortcuts leave them alone. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(target.type);
  return target.isContentEditable || ['TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** How Ctrl (⌘ on Apple keyboards) plus `key` is written in tooltips: Ctrl+2, ⌘I, Ctrl+, */
export function shortcutLabel(key: number | string): string {
  return isApplePlatform() ? `⌘${key}` : `Ctrl+${key}`;
}

/** The aria-keyshortcuts value for Ctrl (⌘) plus `key`, named as aria names keys (2, I, Comma). */
export function shortcutAria(key: number | string): string {
  return `${isApplePlatform() ? 'Meta' : 'Control'}+${key}`;
}

/** A plain left click: one with a modifier is the browser's (a new window, a download). */
export function isPlainClick(event: Pick<MouseEvent, 'button' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}

/** The section a key event asks for, if it is one of Ctrl/Cmd+1..7. */
export function sectionForKey(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): Section | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : null);
  if (!digit) return null;
  return SECTIONS[Number(digit) - 1] ?? null;
}

/** Ctrl/Cmd+1..7 switch sections from anywhere in the window. */
export function useSectionShortcuts(go: (section: Section) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const section = sectionForKey(event);
      if (!section) return;
      event.preventDefault();
      go(section);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
}
