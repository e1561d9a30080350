import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubscribe } from '../api/api-context';
import { isModalOpen, Modal } from './modal';
import { isApplePlatform, isTyping, shortcutLabel } from './shortcuts';

type Group = 'everywhere' | 'list' | 'record' | 'reports' | 'dialog';
type Item = 'sections' | 'help' | 'calendar' | 'search' | 'clearSearch' | 'select' | 'page' | 'open' | 'check' | 'checkAll' | 'import' | 'save' | 'back' | 'step' | 'close' | 'tab' | 'makeReport';

/** Every shortcut the app answers, by where it works; `keys` are written as on the keyboard. */
function shortcutGroups(apple: boolean): Array<{ group: Group; items: Array<{ id: Item; keys: string[] }> }> {
  return [
    {
      group: 'everywhere',
      items: [
        { id: 'sections', keys: [`${shortcutLabel(1)} … ${shortcutLabel(7)}`] },
        { id: 'help', keys: ['F1', '?'] },
        { id: 'calendar', keys: ['F4', apple ? '⌥↓' : 'Alt+↓'] },
      ],
    },
    {
      group: 'list',
      items: [
        { id: 'search', keys: ['/'] },
        { id: 'clearSearch', keys: ['Esc'] },
        { id: 'select', keys: ['↑', '↓'] },
        { id: 'page', keys: ['PageUp', 'PageDown', 'Home', 'End'] },
        { id: 'open', keys: ['Enter'] },
        { id: 'check', keys: ['Space'] },
        { id: 'checkAll', keys: [shortcutLabel('A')] },
        { id: 'import', keys: [shortcutLabel('I')] },
      ],
    },
    {
      group: 'record',
      items: [
        { id: 'save', keys: [shortcutLabel('S')] },
        { id: 'back', keys: apple ? ['Esc', '⌘['] : ['Esc', 'Alt+←'] },
        { id: 'step', keys: [shortcutLabel(','), shortcutLabel('.')] },
      ],
    },
    {
      group: 'reports',
      items: [{ id: 'makeReport', keys: [shortcutLabel(apple ? '↩' : 'Enter')] }],
    },
    {
      group: 'dialog',
      items: [
        { id: 'close', keys: ['Esc'] },
        { id: 'tab', keys: ['Tab', 'Shift+Tab'] },
      ],
    },
  ];
}

/** Whether a key event asks for the shortcut list: F1 anywhere, ? outside a field. */
export function isHelpKey(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  return event.key === 'F1' || (event.key === '?' && !isTyping(event.target));
}

function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const k = 'shortcutsHelp';
  return (
    <Modal title={t(`${k}.title`)} closeLabel={t('common.close')} onClose={onClose} className="shortcuts-dialog">
      {shortcutGroups(isApplePlatform()).map(({ group, items }) => (
        <section key={group} className="shortcuts-group" aria-labelledby={`shortcuts-${group}`}>
          <h3 id={`shortcuts-${group}`}>{t(`${k}.groups.${group}`)}</h3>
          <dl>
            {items.map(({ id, keys }) => (
              <div key={id} className="shortcuts-row">
                <dt>
                  {keys.map((key, i) => (
                    <span key={key}>
                      {i > 0 ? <span className="shortcuts-or"> / </span> : null}
                      <kbd>{key}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{t(`${k}.items.${id}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </Modal>
  );
}

/**
 * The list of keyboard shortcuts, opened with F1, with ? outside a field, or from the desktop
 * app's Help menu.
 */
export function ShortcutsHelp() {
  const subscribe = useSubscribe();
  const [open, setOpen] = useState(false);

  useEffect(
    () =>
      subscribe('menuCommand', (payload) => {
        if (payload.command === 'shortcuts') setOpen(true);
      }),
    [subscribe],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !isHelpKey(event)) return;
      // F1 is never the browser's help here; ? in another dialog is that dialog's.
      if (event.key === 'F1') event.preventDefault();
      if (isModalOpen()) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return open ? <ShortcutsDialog onClose={() => setOpen(false)} /> : null;
}
