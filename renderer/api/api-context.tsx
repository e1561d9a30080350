import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from '../../shared/contract';
import type { ApiClient } from './client';
import type { Subscribe } from './transport';

const ApiContext = createContext<ApiClient | null>(null);

/** Components reach the backend through context so tests can hand them an in-memory backend. */
export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApiClient(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() needs an <ApiProvider> above it');
  return client;
}

export function useApi(): Api {
  return useApiClient().api;
}

export function useSubscribe(): Subscribe {
  return useApiClient().subscribe;
}
