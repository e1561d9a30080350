import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { systemClock, todayOf, type Clock } from '../../shared/domain/clock';

const ClockContext = createContext<Clock>(systemClock);

/** Hands the one clock to every component; tests and the browser suite pass a fixed one. */
export function ClockProvider({ clock, children }: { clock: Clock; children: ReactNode }) {
  return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}

/** The app's clock: the only way a component learns the time. */
export function useClock(): Clock {
  return useContext(ClockContext);
}

const DAY_CHECK_MS = 60_000;

/**
 * Today's date (YYYY-MM-DD, local) by the app's clock. It is checked once a minute, so a window
 * left open overnight moves its day counts on at midnight.
 */
export function useToday(): string {
  const clock = useClock();
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), DAY_CHECK_MS);
    return () => clearInterval(timer);
  }, [clock]);
  return todayOf(clock);
}
