/**
 * Which document links may leave the app for the system browser. Notification records carry
 * links from import files and manual entry; a crafted file could carry any address, so only
 * https links to the WTO and ePing sites are opened, and everything else is shown as text.
 */

/** Sites whose links open outside the app: the host itself and any subdomain of it. */
export const ALLOWED_LINK_DOMAINS = ['wto.org', 'epingalert.org'] as const;

/** No real WTO or ePing link comes near this length. */
export const MAX_LINK_LENGTH = 2048;

/**
 * - `wto`, `eping`: may be opened;
 * - `not-https`: a plain http (or other non-https web) link, even to an allowed site;
 * - `other-host`: https, but to a site outside the list;
 * - `unsafe`: carries a user name, password or non-default port, which no real WTO link does;
 * - `invalid`: not a web address at all (javascript:, file:, garbage, too long).
 */
export type ExternalLinkKind = 'wto' | 'eping' | 'not-https' | 'other-host' | 'unsafe' | 'invalid';

export interface ExternalLinkInfo {
  kind: ExternalLinkKind;
  /** Lower-case host name, when the address parses. */
  host: string | null;
  /** True only for `wto` and `eping`. */
  allowed: boolean;
}

function parseWebUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.length === 0 || text.length > MAX_LINK_LENGTH) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function isUnderDomain(host: string, domain: string): boolean {
  // The leading dot keeps lookalikes such as "evilwto.org" out.
  return host === domain || host.endsWith(`.${domain}`);
}

/** Sort a link into one of the kinds above. */
export function classifyExternalLink(value: unknown): ExternalLinkInfo {
  const url = parseWebUrl(value);
  if (!url) return { kind: 'invalid', host: null, allowed: false };
  const host = url.hostname.toLowerCase();
  if (url.protocol !== 'https:') return { kind: 'not-https', host, allowed: false };
  // URL drops ":443" for https, so a port left over is a non-default one.
  if (url.username !== '' || url.password !== '' || url.port !== '') return { kind: 'unsafe', host, allowed: false };
  if (isUnderDomain(host, 'wto.org')) return { kind: 'wto', host, allowed: true };
  if (isUnderDomain(host, 'epingalert.org')) return { kind: 'eping', host, allowed: true };
  return { kind: 'other-host', host, allowed: false };
}

/** May this link be handed to the system browser? */
export function isAllowedExternalLink(value: unknown): boolean {
  return classifyExternalLink(value).allowed;
}

/**
 * Is this an http or https address worth storing as a document link? Looser than the opening
 * rule: national sources publish on their own sites, and the analyst may copy the link by hand.
 */
export function isWebLink(value: unknown): boolean {
  const url = parseWebUrl(value);
  return url !== null && url.hostname !== '' && url.username === '' && url.password === '';
}
