import type { Section } from '../stores/route';

const PATHS: Record<Section, string> = {
  dashboard: 'M3 3h6v8H3zM11 3h6v5h-6zM11 10h6v7h-6zM3 13h6v4H3z',
  notifications: 'M4 2.5h9l3 3V17.5H4zM7 8h6M7 11h6M7 14h4',
  comments: 'M3 4h14v9H9l-4 3.5V13H3zM6.5 7.5h7M6.5 10h5',
  warnings: 'M10 2.5 18 17H2zM10 8v4M10 14.5v.5',
  enterprises: 'M3 17.5V6l5-3v14.5M8 8h9v9.5M11 11h1M14 11h1M11 14h1M14 14h1M2 17.5h16',
  reports: 'M5 2.5h10v15H5zM8 13v2M10 10v5M12 7v8',
  settings: 'M10 6.5a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zM10 1.5v3M10 15.5v3M1.5 10h3M15.5 10h3M4 4l2 2M14 14l2 2M4 16l2-2M14 6l2-2',
};

/** Line icons for the navigation rail; decorative, the label beside them carries the name. */
export function SectionIcon({ section }: { section: Section }) {
  return (
    <svg className="icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={PATHS[section]} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
