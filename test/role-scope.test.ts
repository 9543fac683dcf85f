// Who may act on which region: an admin everywhere, an official on their region and below it,
// and national matters for admins only.
import { describe, expect, it } from 'vitest';
import { ceremonyRegion, isOfficial, mayActOn, mayManage, type Roles } from '../src/domain/roles/role-scope.ts';

const nobody: Roles = { admin: false, scopes: [] };
const admin: Roles = { admin: true, scopes: [] };
const sumbar: Roles = { admin: false, scopes: ['13'] };
const padang: Roles = { admin: false, scopes: ['13.71'] };
const national: Roles = { admin: false, scopes: ['00'] };
const two: Roles = { admin: false, scopes: ['16', '61.04'] };

describe('the scope of a role', () => {
  it('lets an admin act anywhere and nobody without a role', () => {
    for (const code of ['00', '13', '13.71', '13.73.02.2005']) {
      expect(mayActOn(admin, code), code).toBe(true);
      expect(mayActOn(nobody, code), code).toBe(false);
    }
  });

  it('lets an official act on their region and everything inside it, nothing beside or above', () => {
    expect(mayActOn(sumbar, '13')).toBe(true);
    expect(mayActOn(sumbar, '13.71')).toBe(true);
    expect(mayActOn(sumbar, '13.73.02.2005')).toBe(true);
    expect(mayActOn(sumbar, '16')).toBe(false);
    // A code that begins with the same digits is another province.
    expect(mayActOn(sumbar, '131')).toBe(false);
    expect(mayActOn(sumbar, '00')).toBe(false);
    expect(mayActOn(padang, '13.71.01')).toBe(true);
    expect(mayActOn(padang, '13')).toBe(false);
    expect(mayActOn(padang, '13.72')).toBe(false);
    expect(mayActOn(padang, '13.710')).toBe(false);
  });

  it('reads every grant of an official with several', () => {
    expect(mayActOn(two, '16.71')).toBe(true);
    expect(mayActOn(two, '61.04.01')).toBe(true);
    expect(mayActOn(two, '61')).toBe(false);
    expect(mayActOn(two, '13')).toBe(false);
  });

  it('lets a grant on Indonesia act on every region', () => {
    expect(mayActOn(national, '13.71')).toBe(true);
    expect(mayActOn(national, '00')).toBe(true);
  });

  it('keeps national ceremonies and announcements for admins', () => {
    expect(mayManage(admin, '00')).toBe(true);
    expect(mayManage(national, '00')).toBe(false);
    expect(mayManage(sumbar, '00')).toBe(false);
    expect(mayManage(national, '13')).toBe(true);
    expect(mayManage(sumbar, '13')).toBe(true);
    expect(mayManage(sumbar, '13.71')).toBe(true);
    expect(mayManage(sumbar, '16')).toBe(false);
    expect(mayManage(nobody, '13')).toBe(false);
  });

  it('counts admins and officials of any region as officials, and nobody else', () => {
    expect([admin, sumbar, padang, national, two, nobody].map(isOfficial)).toEqual([true, true, true, true, true, false]);
  });

  it('places a ceremony in its province, or in Indonesia when national', () => {
    expect(ceremonyRegion('13')).toBe('13');
    expect(ceremonyRegion(null)).toBe('00');
  });
});
