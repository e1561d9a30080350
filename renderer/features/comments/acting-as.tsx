import { createContext, useCallback, useContext, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analyst } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { useAppStore } from '../../stores/app-store-context';

interface ActingAs {
  /** The name of the analyst this workstation acts as; '' while nobody is chosen. */
  actor: string;
  /** Their uid (what records keep and the four-eyes rule compares); '' while nobody is chosen. */
  actorUid: string;
  /** Active analysts, the ones who may act. */
  analysts: Analyst[];
  loaded: boolean;
  choose: (uid: string) => void;
}

const ActingAsContext = createContext<ActingAs | null>(null);

/**
 * Who is acting. There are no log-ins in this offline tool: the workstation acts as one analyst
 * from the team list, kept by the backend, which records them on every write. Choosing here
 * changes it for the whole workstation.
 */
export function ActingAsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const dataVersion = useAppStore((s) => s.dataVersion);
  const reportError = useAppStore((s) => s.reportError);
  const [changes, setChanges] = useState(0);
  const load = useCallback(async () => {
    const [analysts, acting] = await Promise.all([
      api.analystsList({}),
      // A store where nobody can act answers with an error: the picker then asks for a choice.
      api.analystsActing({}).catch(() => null),
    ]);
    return { analysts, acting };
  }, [api]);
  const { data } = useLoad(load, dataVersion + changes);

  const value = useMemo((): ActingAs => {
    const analysts = (data?.analysts ?? []).filter((a) => a.active);
    const acting = data?.acting ?? null;
    return {
      actor: acting?.name ?? '',
      actorUid: acting?.uid ?? '',
      analysts,
      loaded: data !== undefined,
      choose: (uid) => {
        // Refused (an analyst made inactive meanwhile): say why, and show who acts now.
        void api.analystsSetActing({ uid }).then(
          () => setChanges((n) => n + 1),
          (e: unknown) => {
            reportError(e);
            setChanges((n) => n + 1);
          },
        );
      },
    };
  }, [api, data, reportError]);

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
  const { actor, actorUid, analysts, loaded, choose } = useActingAs();
  const id = useId();
  if (loaded && analysts.length === 0) {
    return <span className="acting-as acting-as-missing">{t('commenting.actor.none')}</span>;
  }
  return (
    <div className={actor ? 'acting-as' : 'acting-as acting-as-missing'}>
      <label htmlFor={id}>{t('commenting.actor.label')}</label>
      <select id={id} value={actorUid} onChange={(e) => choose(e.target.value)} title={t('commenting.actor.hint')}>
        {actorUid === '' ? <option value="">{t('commenting.actor.placeholder')}</option> : null}
        {analysts.map((a) => (
          <option key={a.uid} value={a.uid}>
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
