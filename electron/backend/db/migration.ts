import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Steps of 10; the highest applied version is stored in PRAGMA user_version. */
  version: number;
  name: string;
  up(db: Database): void;
}
