import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBackend, type Backend } from '../../electron/backend/backend';
import { clockStartingAt, type Clock } from '../../shared/domain/clock';
import { UNRECORDED_ANALYST_UID } from '../../shared/domain/uid';

/**
 * The instant test backends start at: fixed, so a test's dates never slide into the past, and
 * running on from there, so the order of writes (autosave pauses, history) stays real.
 */
export const TEST_NOW = '2026-11-20T02:00:00.000Z';

/** A clock starting at TEST_NOW (or `at`) and running on with the machine's. */
export function testClock(at: string = TEST_NOW): Clock {
  return clockStartingAt(at);
}

/** A fresh data folder in the system temp dir; removed by the returned cleanup. */
export function makeTempDir(prefix = 'pingyi-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A backend over a real SQLite file in a temp folder, outputs checked against the contract. */
export async function emptyBackend(clock: Clock = testClock()): Promise<{ backend: Backend; dir: string; cleanup: () => void }> {
  const tmp = makeTempDir();
  const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', validateOutput: true, clock });
  return {
    backend,
    dir: tmp.dir,
    cleanup: () => {
      backend.close();
      tmp.cleanup();
    },
  };
}

/** An analyst for code that takes one directly (imports in tests): the unrecorded analyst's uid, named. */
export function testActor(name = 'test'): { uid: string; name: string } {
  return { uid: UNRECORDED_ANALYST_UID, name };
}
