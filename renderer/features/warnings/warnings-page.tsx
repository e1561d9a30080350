import { useCallback, useEffect, useMemo, useRef } from 'react';
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
const memory: { list: ListAnswer | undefined; keysInList: boolean } = { list: undefined, keysInList: false };

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
  const list = data ?? memory.list;
  const inboxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (data) memory.list = data;
  }, [data]);
  useEffect(() => {
    if (!memory.keysInList) return;
    memory.keysInList = false;
    inboxRef.current?.querySelector<HTMLElement>('[data-testid="warnings-inbox"]')?.focus();
  }, []);

  const change = (next: InboxQuery, fromKeys = false): void => {
    memory.keysInList = fromKeys;
    const text = formatInboxQuery(next);
    navigate({ section: 'warnings', id: null, ...(text ? { query: text } : {}) });
  };

  return (
    <div className={`warnings-page${query.uid ? ' with-detail' : ''}`}>
      <div className="warnings-list-pane" ref={inboxRef}>
        <InboxFilters query={query} levels={list?.levels} onChange={(next) => change(next)} />
        {error ? <ErrorText error={error} /> : null}
        {list ? <WarningsInbox query={query} items={list.items} total={list.total} onChange={change} /> : null}
      </div>
      {query.uid ? <WarningDetail uid={query.uid} onClose={() => change({ ...query, uid: null })} /> : null}
    </div>
  );
}
