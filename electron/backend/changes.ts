import type { DataEntity } from '../../shared/contract';
import type { Emit } from './context';

/** Whatever can push events: the backend context, or the job runner's options. */
interface Emitter {
  emit: Emit;
}

type RecordId = number | string;

/**
 * Tell the window which records a write changed, after the write has committed: a view reloads
 * only when an entity it shows changes. `ids` are the local ids (or uids) of the records written
 * where the writer has them at hand: the notification's id for triage, translations and
 * attachments, the comment's id for its text and its outcomes. '*' is for a whole store replaced.
 */
export function changed(target: Emitter, entity: DataEntity | '*' | readonly DataEntity[], ids?: readonly RecordId[]): void {
  for (const one of typeof entity === 'string' ? [entity] : entity) {
    target.emit('dataChanged', ids ? { entity: one, ids: [...ids] } : { entity: one });
  }
}

/** `changed`, passing a handler's answer through (the write has run by the time this is called). */
export function withChange<T>(value: T, target: Emitter, entity: DataEntity | '*', ids?: readonly RecordId[]): T {
  changed(target, entity, ids);
  return value;
}
