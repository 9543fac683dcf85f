// Who may act on which region, on roles already read: pure, so that mutation testing can run it.
// An admin may act everywhere; an official on the regions granted and everything below them.

export interface Roles {
  admin: boolean;
  /** Region codes an official may act on, with everything below them. */
  scopes: string[];
}

/** Whether these roles may act on a region: admin, or a grant on it or on a region above it. */
export function mayActOn(roles: Roles, regionCode: string): boolean {
  return roles.admin || roles.scopes.some((scope) => regionCode === scope || regionCode.startsWith(`${scope}.`) || scope === '00');
}

/**
 * Whether these roles may manage what concerns a region's ceremonies and announcements: as
 * mayActOn, except that Indonesia as a whole ("00", national ceremonies) is for admins.
 */
export function mayManage(roles: Roles, regionCode: string): boolean {
  return regionCode === '00' ? roles.admin : mayActOn(roles, regionCode);
}

/** The region a ceremony concerns: its province, or Indonesia for a national one. */
export const ceremonyRegion = (provinceCode: string | null): string => provinceCode ?? '00';

/** An admin, or an official of at least one region: who may use the official commands at all. */
export const isOfficial = (roles: Roles): boolean => roles.admin || roles.scopes.length > 0;
