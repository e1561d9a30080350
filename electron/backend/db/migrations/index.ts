import type { Migration } from '../migration';
import { migration0010 } from './0010-reference';
import { migration0020 } from './0020-notifications';
import { migration0030 } from './0030-audit';

/** Every migration, in order. Append only: shipped migrations never change. */
export const migrations: readonly Migration[] = [migration0010, migration0020, migration0030];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]?.version ?? 0;
