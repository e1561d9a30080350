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

function errorReason(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('details' in error)) return null;
  const details = (error as { details: unknown }).details;
  if (typeof details !== 'object' || details === null || !('reason' in details)) return null;
  const reason = (details as { reason: unknown }).reason;
  return typeof reason === 'string' ? reason : null;
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
      if (errorReason(error) === 'empty') {
        return {
          title: '数据库文件是空的 / The database file is empty',
          message:
            '文件大小为 0，其中没有数据；工作台未将其当作新数据库，也未作任何改动。请从数据目录下的 backups 文件夹恢复备份，或将该空文件移走以新建数据库。\n' +
            'The file holds no data (0 bytes); Pingyi has not treated it as a new store and has not changed it. ' +
            `Restore a copy from the backups folder of the data folder, or move the empty file aside to start a new store.\n\n${message}`,
        };
      }
      return {
        title: '无法读取数据库 / The database cannot be read',
        message:
          '文件未作任何改动；可从数据目录下的 backups 文件夹恢复备份。\n' +
          `The file has not been changed; a copy in the backups folder of the data folder can replace it.\n\n${message}`,
      };
    case 'READ_ONLY':
      return {
        title: '无法写入数据文件夹 / The data folder cannot be written',
        message:
          '请为当前账户开放该文件夹及数据库文件的写入权限（或取消只读），或用 PINGYI_DATA_DIR 指定可写的数据文件夹。\n' +
          `Give your account write access to the folder and the store (or clear read-only), or point PINGYI_DATA_DIR at a writable folder.\n\n${message}`,
      };
    case 'ACCESS_DENIED':
      return {
        title: '无法访问数据文件夹 / The data folder cannot be used',
        message:
          '请检查下面所列路径：是否有读写权限，或是否有同名文件占用了文件夹的位置。\n' +
          `Check the path below: whether your account may read and write it, and whether a file stands where the folder belongs.\n\n${message}`,
      };
    case 'DISK_FULL':
      return {
        title: '磁盘已满 / The disk is full',
        message: `请清理数据文件夹所在磁盘后再启动。\nFree some space on the disk holding the data folder, then start again.\n\n${message}`,
      };
    default:
      return { title: 'Pingyi 无法启动 / Pingyi cannot start', message };
  }
}
