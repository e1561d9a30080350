import type { Analyst, ChannelOutput } from '../../shared/contract';
import { ApiError } from '../../shared/result';
import { ACTING_AS_KEY } from '../features/comments/acting-as';

/**
 * Who the in-memory backend acts as. A test names the analyst under ACTING_AS_KEY in sessionStorage
 * before the first question (or calls actAs); without one, the first fake analyst acts.
 */
export function fakeActing(analysts: () => Analyst[], emitChanged: () => void, acting: { get: () => string; set: (uid: string) => void }) {
  let named = false;
  const current = (): Analyst | null => {
    if (!named) {
      named = true;
      const name = window.sessionStorage.getItem(ACTING_AS_KEY);
      const chosen = name === null ? undefined : analysts().find((a) => a.name === name && a.active);
      if (chosen) acting.set(chosen.uid);
    }
    return analysts().find((a) => a.uid === acting.get() && a.active) ?? null;
  };
  const refuse = (message: string): ApiError =>
    new ApiError({ code: 'VALIDATION', message, details: { fields: [{ path: 'uid', message }] } });
  return {
    current,
    handlers: {
      analystsActing: (): ChannelOutput<'analystsActing'> => {
        const acting = current();
        if (!acting) throw refuse('No active analyst is chosen to act on this workstation');
        return acting;
      },
      analystsSetActing: ({ uid }: { uid: string }): ChannelOutput<'analystsSetActing'> => {
        const chosen = analysts().find((a) => a.uid === uid);
        if (!chosen?.active) throw refuse(`${uid} is not an active analyst`);
        acting.set(uid);
        emitChanged();
        return chosen;
      },
    },
  };
}
