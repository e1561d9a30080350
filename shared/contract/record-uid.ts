import { z } from 'zod';

/** A record's stable identity: a UUIDv7 (see shared/domain/uid.ts). A leaf module, so any contract file may use it. */
export const Uid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'expected a record uid (UUIDv7)');
