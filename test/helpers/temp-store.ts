import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBackend, type Backend } from '../../electron/backend/backend';

/** A fresh data folder in the system temp dir; removed by the returned cleanup. */
export function makeTempDir(prefix = 'pingyi-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A backend over a real SQLite file in a temp folder, outputs checked against the contract. */
export async function emptyBackend(): Promise<{ backend: Backend; dir: string; cleanup: () => void }> {
  const tmp = makeTempDir();
  const backend = await startBackend({ dataDir: tmp.dir, appVersion: 'test', validateOutput: true });
  return {
    backend,
    dir: tmp.dir,
    cleanup: () => {
      backend.close();
      tmp.cleanup();
    },
  };
}
