import { createContext, useCallback, useContext, useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Analyst } from '../../shared/contract';
import { useApi } from '../api/api-context';
import { useLoad } from '../api/use-load';
import { useAppStore, useDataVersion } from '../stores/app-store-context';

interface ActingAs {
  /** The name of the analyst every write on this workstation is recorded by; '' while nobody acts. */
  actor: string;
  /** Their uid (what records keep and the four-eyes rule compares); '' while nobody acts. */
  actorUid: string;
  /** Active analysts, the ones who may act. */
  analysts: Analyst[];
  loaded: boolean;
  /** Act as the analyst of this uid from now on (for every screen and window of this workstation). */
  choose: (uid: string) => void;
}

const ActingAsContext = createContext<ActingAs | null>(null);

/**
 * Who is acting. There are no log-ins in this offline tool: the workstation acts as one analyst
 * from the team list, chosen in the header, and the backend records that analyst on every write.
 * Nested providers share the outermost one, so a screen may wrap itself without splitting the choice.
 */
export function ActingAsProvider({ children }: { children: ReactNode }) {
  const outer = useContext(ActingAsContext);
  if (outer) return <>{children}</>;
  return <ActingAsRoot>{children}</ActingAsRoot>;
}

function ActingAsRoot({ children }: { children: ReactNode }) {
  const api = useApi();
  const dataVersion = useDataVersion(['analysts']);
  const notify = useAppStore((s) => s.notify);
  const reportError = useAppStore((s) => s.reportError);
  const { t } = useTranslation();
  const load = useCallback(async () => {
    // A store where nobody acts yet answers the acting analyst with an error: nobody is chosen.
    const [analysts, acting] = await Promise.all([api.analystsList({}), api.analystsActing({}).catch(() => null)]);
    return { analysts, acting };
  }, [api]);
  const { data } = useLoad(load, dataVersion);
  // A choice applies at once, before the backend's answer reloads the list; the next load decides.
  const [chosen, setChosen] = useState<{ analyst: Analyst; over: typeof data } | null>(null);

  const value = useMemo((): ActingAs => {
    const analysts = (data?.analysts ?? []).filter((a) => a.active);
    const pending = chosen && chosen.over === data ? chosen.analyst : null;
    const acting = pending ?? (data?.acting && analysts.some((a) => a.uid === data.acting?.uid) ? data.acting : null);
    return {
      actor: acting?.name ?? '',
      actorUid: acting?.uid ?? '',
      analysts,
      loaded: data !== undefined,
      choose: (uid) => {
        const analyst = analysts.find((a) => a.uid === uid);
        if (!analyst) return;
        setChosen({ analyst, over: data });
        api.analystsSetActing({ uid: analyst.uid }).then((acting) => notify(t('actingAs.changed', { name: acting.name })), reportError);
      },
    };
  }, [api, chosen, data, notify, reportError, t]);

  return <ActingAsContext.Provider value={value}>{children}</ActingAsContext.Provider>;
}

export function useActingAs(): ActingAs {
  const value = useContext(ActingAsContext);
  if (!value) throw new Error('useActingAs() needs an <ActingAsProvider> above it');
  return value;
}

/** The switch in the header, shown on every screen. */
export function ActingAsPicker() {
  const { t } = useTranslation();
  const { actor, actorUid, analysts, loaded, choose } = useActingAs();
  const id = useId();
  if (loaded && analysts.length === 0) {
    return <span className="acting-as acting-as-missing">{t('actingAs.none')}</span>;
  }
  return (
    <div className={actor ? 'acting-as' : 'acting-as acting-as-missing'}>
      <label htmlFor={id}>{t('actingAs.label')}</label>
      <select id={id} value={actorUid} onChange={(e) => choose(e.target.value)} title={t('actingAs.hint')}>
        {actor === '' ? <option value="">{t('actingAs.placeholder')}</option> : null}
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
  return <p className="hint actor-missing">{t('actingAs.required')}</p>;
}
