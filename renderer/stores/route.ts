/** The sections of the navigation rail, in rail order; Ctrl/Cmd+1..7 follow this order. */
export const SECTIONS = ['dashboard', 'notifications', 'comments', 'warnings', 'enterprises', 'reports', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

/** Named pages of a section besides its list and its records (#/comments/stats). */
export const SECTION_VIEWS: Partial<Record<Section, readonly string[]>> = {
  comments: ['stats', 'trade-concerns', 'templates', 'new'],
};

/** Sections whose records have an address of their own (#/notifications/123). */
const RECORD_SECTIONS: readonly Section[] = ['notifications', 'comments'];

/**
 * Where the app is: a section and, for a record view, the record's id (#/notifications/123);
 * optionally a named page of the section and its parameters (#/comments/new?notification=12).
 * Records named by uid are addressed by a parameter of the section (#/enterprises?uid=…).
 */
export interface Route {
  section: Section;
  id: number | null;
  /** One of SECTION_VIEWS[section]; absent for the section's main view. */
  view?: string;
  /** What follows '?', as written (notification=12); absent when there is nothing. */
  query?: string;
}

export const DEFAULT_ROUTE: Route = { section: 'dashboard', id: null };

function isSection(value: string): value is Section {
  return (SECTIONS as readonly string[]).includes(value);
}

/** Parse a location hash; anything unknown lands on the dashboard rather than a blank page. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean);
  const [section, id] = parts;
  if (!section || !isSection(section)) return DEFAULT_ROUTE;
  const extra = query === '' ? {} : { query };
  if (id !== undefined && /^[1-9]\d{0,14}$/.test(id) && RECORD_SECTIONS.includes(section)) {
    return { section, id: Number(id), ...extra };
  }
  if (id !== undefined && SECTION_VIEWS[section]?.includes(id)) return { section, id: null, view: id, ...extra };
  // A section's main view keeps its parameters (#/warnings?uid=…, #/enterprises?uid=…); an unknown page does not.
  return id === undefined ? { section, id: null, ...extra } : { section, id: null };
}

export function formatRoute(route: Route): string {
  const path = route.id !== null ? `/${route.id}` : route.view ? `/${route.view}` : '';
  return `#/${route.section}${path}${route.query ? `?${route.query}` : ''}`;
}

export function sameRoute(a: Route, b: Route): boolean {
  return formatRoute(a) === formatRoute(b);
}
