import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../shared/domain/clock';

export interface Migration {
  /** Steps of 10; the highest applied version is stored in PRAGMA user_version. */
  version: number;
  name: string;
  /** `clock` dates whatever the migration seeds (the store's clock, never the machine's directly). */
  up(db: Database, clock: Clock): void;
}
