import { createContext, useCallback, useContext, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analyst } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';

/** Kept per window session: two windows may act as two different analysts. */
export const ACTING_AS_KEY = 'pingyi.comments.actingAs';

interface ActingAs {
  /** The analyst every write names as `actor`; '' while nobody is chosen. */
  actor: string;
  /** Active analysts, the ones who may act. */
  analysts: Analyst[];
  loaded: boolean;
  choose: (name: string) => void;
}

const ActingAsContext = createContext<ActingAs | null>(null);

function readStored(): string {
  try {
    return window.sessionStorage.getItem(ACTING_AS_KEY) ?? '';
  } catch {
    return '';
  }
}

function store(name: string): void {
  try {
    window.sessionStorage.setItem(ACTING_AS_KEY, name);
  } catch {
    // Storage can be disabled; the choice then lasts until the page is left.
  }
}

/**
 * Who is acting on comments. There are no log-ins in this offline tool, so the analyst picks a
 * name from the team list; the choice is remembered for the session, and the name in Settings
 * is the default when it is on the list.
 */
export function ActingAsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const dataVersion = useDataVersion(['analysts']);
  const ownName = useAppStore((s) => s.settings?.analystName ?? '');
  const load = useCallback(() => api.analystsList({}), [api]);
  const { data } = useLoad(load, dataVersion);
  const [chosen, setChosen] = useState(readStored);

  const value = useMemo((): ActingAs => {
    const analysts = (data ?? []).filter((a) => a.active);
    const onList = (name: string): boolean => name !== '' && analysts.some((a) => a.name === name);
    const actor = onList(chosen) ? chosen : onList(ownName) ? ownName : '';
    return {
      actor,
      analysts,
      loaded: data !== undefined,
      choose: (name) => {
        store(name);
        setChosen(name);
      },
    };
  }, [data, chosen, ownName]);

  return <ActingAsContext.Provider value={value}>{children}</ActingAsContext.Provider>;
}

export function useActingAs(): ActingAs {
  const value = useContext(ActingAsContext);
  if (!value) throw new Error('useActingAs() needs an <ActingAsProvider> above it');
  return value;
}

/** The picker in the comments header. */
export function ActingAsPicker() {
  const { t } = useTranslation();
  const { actor, analysts, loaded, choose } = useActingAs();
  const id = useId();
  if (loaded && analysts.length === 0) {
    return <span className="acting-as acting-as-missing">{t('commenting.actor.none')}</span>;
  }
  return (
    <div className={actor ? 'acting-as' : 'acting-as acting-as-missing'}>
      <label htmlFor={id}>{t('commenting.actor.label')}</label>
      <select id={id} value={actor} onChange={(e) => choose(e.target.value)} title={t('commenting.actor.hint')}>
        {actor === '' ? <option value="">{t('commenting.actor.placeholder')}</option> : null}
        {analysts.map((a) => (
          <option key={a.name} value={a.name}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Said where a write is offered but nobody has been chosen to act. */
export function ActorMissing() {
  const { t } = useTranslation();
  const { actor } = useActingAs();
  if (actor) return null;
  return <p className="hint actor-missing">{t('commenting.actor.required')}</p>;
}
