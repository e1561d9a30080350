import type { Migration } from '../migration';
import { migration0010 } from './0010-reference';
import { migration0020 } from './0020-notifications';
import { migration0030 } from './0030-audit';
import { migration0040 } from './0040-notification-import';
import { migration0050 } from './0050-measure-families';
import { migration0060 } from './0060-triage';
import { migration0070 } from './0070-search';
import { migration0080 } from './0080-attachments';
import { migration0090 } from './0090-search-indexes';
import { migration0100 } from './0100-comments';
import { migration0110 } from './0110-comment-templates';
import { migration0120 } from './0120-trade-concerns';
import { migration0130 } from './0130-bulk-load';
import { migration0140 } from './0140-import-outcomes';
import { migration0150 } from './0150-comment-checks';
import { migration0170 } from './0170-gso-bloc';
import { migration0180 } from './0180-analyst-identity';
import { migration0190 } from './0190-notification-side-identity';
import { migration0200 } from './0200-comment-identity';
import { migration0210 } from './0210-enterprises-warnings';
import { migration0230 } from './0230-reports';

/** Every migration, in order. Append only: shipped migrations never change. */
export const migrations: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0100,
  migration0110,
  migration0120,
  migration0130,
  migration0140,
  migration0150,
  migration0170,
  migration0180,
  migration0190,
  migration0200,
  migration0210,
  migration0230,
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]?.version ?? 0;
