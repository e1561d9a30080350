import type { faultsZhCN } from './faults-zh-CN';

type Leaves<T> = { [K in keyof T]: T[K] extends string ? string : Leaves<T[K]> };

export const faultsEn: Leaves<typeof faultsZhCN> = {
  hints: {
    DB_CORRUPT: 'The store file is damaged. Pingyi writes nothing more to it; what is there can still be read. Restore the newest good backup in Settings › Backups, or keep a copy of the file for support.',
    BUSY: 'Another write (an import, say) is running. Try again when it has finished; a running import can be cancelled on the import page.',
    DISK_FULL: 'The disk is full and nothing was changed. Free some space (or move the data folder to a larger disk), then try again.',
    READ_ONLY: 'The store or its folder is read-only. Give your account write access, or move the data folder somewhere writable, then try again.',
    ACCESS_DENIED: 'A file or folder Pingyi needs cannot be used, or a file stands where a folder belongs. Check the path named in the message, then try again.',
    TOO_LARGE: 'This is larger than Pingyi accepts. Split the file or make it smaller, then try again.',
    INTERNAL: 'Something unexpected went wrong. The details are in logs/pingyi.log in the data folder, for support.',
  },
  banner: {
    title: 'The store is damaged and now read-only',
    body: 'So that the damage does not spread, Pingyi writes nothing more; you can still look things up and copy them. Restore a backup in Settings › Backups.',
    openSettings: 'Open Settings',
  },
  check: {
    title: 'Store check',
    intro: 'The full check reads every page of the store (seconds to tens of seconds on a large one); it also runs once a week.',
    run: 'Check the store now',
    running: 'Checking…',
    passed: 'The store passed the check ({{kind}}, {{ms}} ms).',
    failed: 'The check found damage ({{kind}}):',
    kindQuick: 'quick check',
    kindFull: 'full check',
    last: 'Last check: {{at}}, {{result}}',
    lastOk: 'passed',
    lastFailed: 'damage found',
  },
};
