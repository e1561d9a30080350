import path from 'node:path';

/** PINGYI_DATA_DIR wins (tests, portable setups); otherwise Electron's per-user folder. */
export function resolveDesktopDataDir(envValue: string | undefined, userDataPath: () => string): string {
  return envValue ? path.resolve(envValue) : userDataPath();
}

export interface StartupFailure {
  title: string;
  message: string;
}

function errorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * What to tell the user when the store cannot be opened. Both languages, because the interface
 * language is a setting inside the database that could not be read.
 */
export function describeStartupFailure(error: unknown): StartupFailure {
  const message = errorMessage(error);
  // Checked before the codes: a wrong-ABI addon surfaces from the first open of the file.
  if (/NODE_MODULE_VERSION|compiled against a different Node\.js version/.test(message)) {
    return {
      title: 'Pingyi 无法加载 SQLite 模块 / Pingyi cannot load its SQLite module',
      message:
        'better-sqlite3 was built for Node, not for this Electron. Run `node scripts/electron-native.mjs` ' +
        `(or \`npm start\`, which runs it) and start again.\n\n${message}`,
    };
  }
  switch (errorCode(error)) {
    case 'DB_TOO_NEW':
      return {
        title: '数据库来自更新版本的 Pingyi / The database is from a newer Pingyi',
        message: `请安装较新版本的 Pingyi 后再打开。文件未作任何改动。\n\n${message}`,
      };
    case 'DB_CORRUPT':
      return {
        title: '无法读取数据库 / The database cannot be read',
        message:
          '文件未作任何改动；可从数据目录下的 backups 文件夹恢复备份。\n' +
          `The file has not been changed; a copy in the backups folder of the data folder can replace it.\n\n${message}`,
      };
    default:
      return { title: 'Pingyi 无法启动 / Pingyi cannot start', message };
  }
}
