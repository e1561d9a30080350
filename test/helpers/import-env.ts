import { afterEach, beforeEach } from 'vitest';
import { importNotificationsFile } from '../../electron/backend/imports/import-file';
import { fixtureDir } from '../fixtures/eping-fixtures';
import { emptyBackend, testActor } from './temp-store';

type Env = Awaited<ReturnType<typeof emptyBackend>>;
type Files = ReturnType<typeof fixtureDir>;

/**
 * For a file of import tests: an empty backend and a fixture folder made before each test and
 * removed after it, and the import as the app runs it (on the backend's clock).
 */
export function useImportEnv(): { readonly env: Env; readonly files: Files; importFile: (file: string) => ReturnType<typeof importNotificationsFile> } {
  let env: Env | null = null;
  let files: Files | null = null;
  beforeEach(async () => {
    env = await emptyBackend();
    files = fixtureDir();
  });
  afterEach(() => {
    env?.cleanup();
    files?.cleanup();
  });
  const need = <T>(value: T | null): T => {
    if (value === null) throw new Error('useImportEnv() is only set up inside a test');
    return value;
  };
  return {
    get env() {
      return need(env);
    },
    get files() {
      return need(files);
    },
    importFile: (file) => importNotificationsFile(need(env).backend.ctx.db, file, { actor: testActor('tester'), clock: need(env).backend.ctx.clock }),
  };
}
