import { useCallback, useEffect, useMemo, useRef } from 'react';
import { ExportMenu } from '../exports/export-menu';
import type { ExportTarget } from '../exports/use-list-export';
import type { ChannelOutput } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { ErrorText } from '../../components/error-banner';
import { useAppStore, useDataVersion } from '../../stores/app-store-context';
import { formatInboxQuery, listInputOf, parseInboxQuery, type InboxQuery } from './inbox-query';
import { InboxFilters } from './inbox-filters';
import { WarningDetail } from './warning-detail';
import { WarningsInbox } from './warnings-inbox';

type ListAnswer = ChannelOutput<'warningsList'>;

/**
 * What the inbox remembers across addresses: each filter or selection is a new address, and the
 * frame draws a new address afresh, so the last answer (shown until the new one arrives) and
 * whether the keys were in the list live here rather than in the component.
 */
const memories = new WeakMap<object, { list: ListAnswer | undefined; keysInList: boolean }>();

/** The memory of one backend's inbox (a window has one; each test its own). */
function memoryOf(api: object): { list: ListAnswer | undefined; keysInList: boolean } {
  let memory = memories.get(api);
  if (!memory) memories.set(api, (memory = { list: undefined, keysInList: false }));
  return memory;
}

const rememberList = (api: object, list: ListAnswer): void => {
  memoryOf(api).list = list;
};
const noteKeysInList = (api: object, keys: boolean): void => {
  memoryOf(api).keysInList = keys;
};
/** Whether the keys were in the list when the address changed; asked once. */
const takeKeysInList = (api: object): boolean => {
  const memory = memoryOf(api);
  const keys = memory.keysInList;
  memory.keysInList = false;
  return keys;
};

/** #/warnings: the inbox of risk warnings, with the open warning (…?uid=) beside it. */
export function WarningsPage() {
  const api = useApi();
  const route = useAppStore((s) => s.route);
  const navigate = useAppStore((s) => s.navigate);
  const query = useMemo(() => parseInboxQuery(route.query), [route.query]);
  const version = useDataVersion(['warnings']);
  const listKey = formatInboxQuery({ ...query, uid: null });
  const load = useCallback(() => api.warningsList(listInputOf(parseInboxQuery(listKey))), [api, listKey]);
  const { data, error } = useLoad(load, version);
  const exportTarget = useMemo((): ExportTarget => {
    const { limit: _limit, offset: _offset, ...filter } = listInputOf(parseInboxQuery(listKey));
    return { list: 'warnings', filter };
  }, [listKey]);
  const list = data ?? memoryOf(api).list;
  const inboxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (data) rememberList(api, data);
  }, [api, data]);
  useEffect(() => {
    if (takeKeysInList(api)) inboxRef.current?.querySelector<HTMLElement>('[data-testid="warnings-inbox"]')?.focus();
  }, [api]);

  const change = (next: InboxQuery, fromKeys = false): void => {
    noteKeysInList(api, fromKeys);
    const text = formatInboxQuery(next);
    navigate({ section: 'warnings', id: null, ...(text ? { query: text } : {}) });
  };

  return (
    <div className={`warnings-page${query.uid ? ' with-detail' : ''}`}>
      <div className="warnings-list-pane" ref={inboxRef}>
        <div className="warnings-export">
          <ExportMenu target={exportTarget} />
        </div>
        <InboxFilters query={query} levels={list?.levels} onChange={(next) => change(next)} />
        {error ? <ErrorText error={error} /> : null}
        {list ? <WarningsInbox query={query} items={list.items} total={list.total} onChange={change} /> : null}
      </div>
      {query.uid ? <WarningDetail uid={query.uid} onClose={() => change({ ...query, uid: null })} /> : null}
    </div>
  );
}
