/** The sections of the navigation rail, in rail order; Ctrl/Cmd+1..7 follow this order. */
export const SECTIONS = ['dashboard', 'notifications', 'comments', 'warnings', 'enterprises', 'reports', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

/** Where the app is: a section and, for a record view, the record's id (#/notifications/123). */
export interface Route {
  section: Section;
  id: number | null;
}

export const DEFAULT_ROUTE: Route = { section: 'dashboard', id: null };

function isSection(value: string): value is Section {
  return (SECTIONS as readonly string[]).includes(value);
}

/** Parse a location hash; anything unknown lands on the dashboard rather than a blank page. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [section, id] = parts;
  if (!section || !isSection(section)) return DEFAULT_ROUTE;
  if (id !== undefined && /^[1-9]\d{0,14}$/.test(id) && section === 'notifications') {
    return { section, id: Number(id) };
  }
  return { section, id: null };
}

export function formatRoute(route: Route): string {
  return route.id === null ? `#/${route.section}` : `#/${route.section}/${route.id}`;
}

export function sameRoute(a: Route, b: Route): boolean {
  return a.section === b.section && a.id === b.id;
}
