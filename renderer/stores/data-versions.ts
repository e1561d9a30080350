import { DATA_ENTITIES, type DataEntity, type EventPayload } from '../../shared/contract';

export type DataChange = EventPayload<'dataChanged'>;
type RecordId = number | string;

/**
 * Counters of the changes the backend has reported, per entity and per record. They only go
 * up, so a sum of some of them changes exactly when one of the changes it counts arrives.
 */
export interface DataVersions {
  /** Every change of the entity. */
  entities: Record<DataEntity, number>;
  /** Changes of the entity that named no records (any record may have changed). */
  unnamed: Record<DataEntity, number>;
  /** Changes naming a record, by `entity:id`. */
  records: Record<string, number>;
}

const zeros = (): Record<DataEntity, number> => Object.fromEntries(DATA_ENTITIES.map((e) => [e, 0])) as Record<DataEntity, number>;

export const NO_CHANGES: DataVersions = { entities: zeros(), unnamed: zeros(), records: {} };

const recordKey = (entity: DataEntity, id: RecordId): string => `${entity}:${id}`;

/** The counters after one change; '*' counts as a change of every entity naming no records. */
export function countChange(versions: DataVersions, change: DataChange): DataVersions {
  const touched = change.entity === '*' ? DATA_ENTITIES : [change.entity];
  const ids = change.entity === '*' ? undefined : change.ids;
  const entities = { ...versions.entities };
  const unnamed = { ...versions.unnamed };
  const records = ids ? { ...versions.records } : versions.records;
  for (const entity of touched) {
    entities[entity] += 1;
    if (!ids) unnamed[entity] += 1;
    for (const id of ids ?? []) records[recordKey(entity, id)] = (records[recordKey(entity, id)] ?? 0) + 1;
  }
  return { entities, unnamed, records };
}

/**
 * A number that changes whenever a change of one of `entities` arrives; with `ids`, only when
 * the change names one of those records or names none. The ids must be of the entities' own
 * kind (a notification's id narrows 'triage', not 'comments').
 */
export function versionOf(versions: DataVersions, entities: readonly DataEntity[], ids?: readonly RecordId[]): number {
  let sum = 0;
  for (const entity of entities) {
    if (!ids) {
      sum += versions.entities[entity];
      continue;
    }
    sum += versions.unnamed[entity];
    for (const id of ids) sum += versions.records[recordKey(entity, id)] ?? 0;
  }
  return sum;
}

/** What one notification's record is made of, each change naming the notification's id: its row and attachments, triage, translation. */
export const NOTIFICATION_RECORD: readonly DataEntity[] = ['notifications', 'triage', 'translations'];
