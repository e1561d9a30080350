import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useListStore } from '../../../stores/notification-list-context';
import type { TableHandle } from './notification-table';

/** Typing pauses this long before the list asks the backend. */
export const SEARCH_DEBOUNCE_MS = 200;

/**
 * The query box. It keeps what is typed locally and hands it to the list store after a short
 * pause; arrows and Enter drive the table so the hands stay on the keyboard.
 */
export function SearchBox({ inputRef, table }: { inputRef: RefObject<HTMLInputElement | null>; table: RefObject<TableHandle | null> }) {
  const { t } = useTranslation();
  const committed = useListStore((s) => s.query);
  const setQuery = useListStore((s) => s.setQuery);
  const [text, setText] = useState(committed);
  // The store's query also changes from outside (a saved search, "clear"): follow it.
  const [seen, setSeen] = useState(committed);
  if (committed !== seen) {
    setSeen(committed);
    setText(committed);
  }

  useEffect(() => {
    if (text === committed) return;
    const timer = setTimeout(() => setQuery(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, committed, setQuery]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Escape') {
      if (text === '' && committed === '') return;
      event.preventDefault();
      event.stopPropagation();
      setText('');
      setQuery('');
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      table.current?.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (text !== committed) setQuery(text);
      else table.current?.openSelected();
    }
  };

  return (
    <div className="search-box">
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        value={text}
        maxLength={200}
        placeholder={t('list.searchPlaceholder')}
        aria-label={t('list.searchLabel')}
        aria-keyshortcuts="/"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <kbd className="search-kbd" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}
