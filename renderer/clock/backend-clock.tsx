import { useMemo, type ReactNode } from 'react';
import { clockStartingAt, systemClock, type Clock } from '../../shared/domain/clock';
import { useAppStore } from '../stores/app-store-context';
import { ClockProvider } from './clock-context';

/**
 * The window's clock from the backend's reading: it starts at the `now` the backend last
 * reported and runs on, so both sides agree on today even when PINGYI_NOW sets the backend's
 * clock elsewhere. Until the first reading arrives nothing counts days (the app is loading).
 */
export function clockFromReading(now: string | null | undefined): Clock {
  return now ? clockStartingAt(now) : systemClock;
}

/** Provides the backend's clock, or `clock` when one is handed in (tests). */
export function BackendClockProvider({ clock, children }: { clock?: Clock; children: ReactNode }) {
  const reading = useAppStore((s) => s.appInfo?.now);
  const fromBackend = useMemo(() => clockFromReading(reading), [reading]);
  return <ClockProvider clock={clock ?? fromBackend}>{children}</ClockProvider>;
}
