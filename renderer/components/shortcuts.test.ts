import { describe, expect, it } from 'vitest';
import { isTyping, sectionForKey } from './shortcuts';

const key = (digit: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key: digit,
  code: `Digit${digit}`,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('section shortcuts', () => {
  it('maps Ctrl+1..7 and Cmd+1..7 to the sections in rail order', () => {
    expect(sectionForKey(key('1', { ctrlKey: true }))).toBe('dashboard');
    expect(sectionForKey(key('2', { metaKey: true }))).toBe('notifications');
    expect(sectionForKey(key('7', { ctrlKey: true }))).toBe('settings');
  });

  it('leaves other keys to the page', () => {
    expect(sectionForKey(key('2'))).toBeNull();
    expect(sectionForKey(key('8', { ctrlKey: true }))).toBeNull();
    expect(sectionForKey(key('2', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });
});

describe('isTyping', () => {
  const element = <K extends keyof HTMLElementTagNameMap>(tag: K, type?: string): HTMLElementTagNameMap[K] => {
    const el = document.createElement(tag);
    if (type && el instanceof HTMLInputElement) el.type = type;
    return el;
  };

  it('leaves keys to text fields, lists and radio groups, not to tick boxes and buttons', () => {
    for (const el of [element('input'), element('input', 'search'), element('input', 'date'), element('input', 'radio'), element('textarea'), element('select')]) {
      expect(isTyping(el), el.outerHTML).toBe(true);
    }
    for (const el of [element('input', 'checkbox'), element('input', 'button'), element('button'), element('div'), document.body]) {
      expect(isTyping(el), el.outerHTML).toBe(false);
    }
    expect(isTyping(null)).toBe(false);
  });
});
