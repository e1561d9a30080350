import { useCallback } from 'react';
import type { Api, Industry } from '../../../shared/contract';
import { useApi } from '../../api/api-context';
import { useLoad } from '../../api/use-load';
import { useAppStore } from '../../stores/app-store-context';

/** The list is fixed reference data: one request per client serves every form and filter. */
const requests = new WeakMap<Api, Promise<Industry[]>>();

function loadIndustries(api: Api): Promise<Industry[]> {
  let request = requests.get(api);
  if (!request) {
    request = api.industriesList({});
    // A failed request is not kept, so the next view asks again.
    request.catch(() => requests.delete(api));
    requests.set(api, request);
  }
  return request;
}

/** The industries reference list (电动汽车, 锂电池, 家用电器 ...), empty until it arrives. */
export function useIndustries(): Industry[] {
  const api = useApi();
  const load = useCallback(() => loadIndustries(api), [api]);
  return useLoad(load).data ?? [];
}

/** An industry's name in the interface language; an unknown code shows as itself. */
export function useIndustryName(): (code: string) => string {
  const industries = useIndustries();
  const locale = useAppStore((s) => s.locale);
  return useCallback(
    (code: string) => {
      const found = industries.find((i) => i.code === code);
      if (!found) return code;
      return locale === 'zh-CN' ? found.nameZh : found.nameEn;
    },
    [industries, locale],
  );
}
