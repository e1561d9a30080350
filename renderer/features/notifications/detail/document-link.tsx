import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { classifyExternalLink } from '../../../../shared/domain/external-links';

/**
 * A document link from a record. Only https links to the WTO and ePing sites open (in the
 * system browser under Electron, a new tab in web mode); anything else a file carried is shown
 * as text to copy, with the reason.
 */
export function DocumentLink({ href, children }: { href: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const info = classifyExternalLink(href);
  if (info.allowed) {
    return (
      <a className="link-button" href={href} target="_blank" rel="noopener noreferrer" title={href}>
        {children ?? href}
        <span aria-hidden="true" className="link-out">
          ↗
        </span>
      </a>
    );
  }
  return (
    <span className="link-blocked">
      {children ? <span className="link-blocked-label">{children}</span> : null}
      <span className="path">{href}</span>
      <span className="hint">{t(`editor.links.${info.kind === 'not-https' ? 'notHttps' : 'notAllowed'}`)}</span>
    </span>
  );
}
