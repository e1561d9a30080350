import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The project's own eslint.config.mjs, run through ESLint's Node API on small sources placed at
// the paths the rules are about: the boundaries hold only if these imports are refused.
const ROOT = path.resolve(import.meta.dirname, '../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it('refuses Electron anywhere in the backend, which also runs under the CLI and in web mode', async () => {
    expect(await restrictedImports('electron/backend/notifications/probe.ts', "import { app } from 'electron';\nexport const name = app.getName();\n")).toEqual([
      expect.stringContaining('no Electron here'),
    ]);
    expect(await restrictedImports('electron/backend/probe.ts', "import type { IpcMain } from 'electron';\nexport type Probe = IpcMain;\n")).toHaveLength(1);
    expect(await restrictedImports('electron/backend/db/probe.ts', "import { ipcMain } from 'electron/main';\nexport const probe = ipcMain;\n")).toHaveLength(1);
  });

  it('refuses a transport importing from main/', async () => {
    expect(await restrictedImports('electron/transports/probe.ts', "import { APP_ORIGIN } from '../main/protocol';\nexport const probe = APP_ORIGIN;\n")).toEqual([
      expect.stringContaining('Transports do not reach into main/'),
    ]);
    expect(await restrictedImports('electron/transports/probe.ts', "export { startMain } from '../main';\n")).toHaveLength(1);
  });

  it('lets a transport use Electron, the backend and the security policy, and main use Electron', async () => {
    const transport = [
      "import { ipcMain } from 'electron';",
      "import type { Backend } from '../backend/backend';",
      "import { isTrustedSender } from '../security/policy';",
      'export const probe: [unknown, Backend | null, unknown] = [ipcMain, null, isTrustedSender];',
      '',
    ].join('\n');
    expect(await restrictedImports('electron/transports/probe.ts', transport)).toEqual([]);
    expect(await restrictedImports('electron/main/probe.ts', "import { app } from 'electron';\nexport const probe = app;\n")).toEqual([]);
  });
});
