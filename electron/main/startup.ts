import type { RecoveryChoice, RecoveryStatus } from '../../shared/contract/backups';
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

export interface RecoveryDialog {
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  /** The choice behind each button, in the same order. */
  choices: RecoveryChoice[];
  defaultId: number;
  /** Esc or closing the dialog quits: the one choice that changes nothing. */
  cancelId: number;
}

const CHOICE_LABELS: Record<RecoveryChoice, string> = {
  'restore-newest': '恢复最新的备份 / Restore the newest backup',
  'read-only': '以只读方式打开 / Open read-only',
  quit: '退出 / Quit',
};

/**
 * The native dialog shown when the store cannot be opened: the choices the backend offers, in
 * both languages (the interface language is a setting inside the store that could not be read).
 */
export function recoveryDialog(status: RecoveryStatus): RecoveryDialog {
  const choices = status.choices.length > 0 ? status.choices : (['quit'] as RecoveryChoice[]);
  const newest = status.newestGood;
  const backupLine = newest
    ? `最新的可用备份 Newest good backup: ${newest.createdAt.slice(0, 16).replace('T', ' ')} UTC ` +
      `(${newest.counts.notifications} notifications, ${newest.counts.comments} comments)`
    : '没有通过检查的备份 / There is no backup that passed its check.';
  return {
    title: '数据库无法打开 / The database cannot be opened',
    message: '数据库文件已损坏或无法读取。没有任何文件被删除。\nThe database file is damaged or cannot be read. No file has been deleted.',
    detail:
      `${status.databasePath}\n${status.problem ? `${status.problem.code}: ${status.problem.message}\n` : ''}\n${backupLine}\n` +
      `恢复时损坏的文件先移到 / A restore first moves the damaged file to: ${status.replacedFolder}`,
    buttons: choices.map((c) => CHOICE_LABELS[c]),
    choices,
    defaultId: 0,
    cancelId: Math.max(0, choices.indexOf('quit')),
  };
}

/** The choice behind the button pressed; anything unexpected quits. */
export function choiceForResponse(dialog: RecoveryDialog, response: number): RecoveryChoice {
  return dialog.choices[response] ?? 'quit';
}
