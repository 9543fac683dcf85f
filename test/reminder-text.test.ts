// What a person asks of their reminder in words, and the zone of a region.
import { describe, expect, it } from 'vitest';
import { readReminderRequest } from '../src/domain/reminders/reminder-text.ts';
import { timeZoneOfRegion } from '../src/domain/regions/time-zones.ts';

describe('a reminder asked in words', () => {
  it.each([
    ['ingatkan saya bayar iuran tiap tanggal 10', { day: 10 }],
    ['tlg ingetin tgl 5 jam 7 malam ya', { day: 5, minute: 19 * 60 }],
    ['/pengingat_iuran 25', { day: 25 }],
    ['tiap akhir bulan pukul 19.30 WITA', { day: 0, minute: 19 * 60 + 30, zone: 'WITA' }],
    ['remind me on the 5th at 8pm', { day: 5, minute: 20 * 60 }],
    ['end of the month at 6 am', { day: 0, minute: 6 * 60 }],
    ['ubah jam pengingat jadi jam 10', { minute: 10 * 60 }],
    ['jam 1 siang', { minute: 13 * 60 }],
    ['berhenti ingatkan bayar iuran', { stop: true }],
    ['tiap tgl 30', { day: 0, dayTooLate: 30 }],
    ['tanggal 45', {}],
  ])('%s', (text, expected) => {
    expect(readReminderRequest(text)).toEqual(expected);
  });
});

describe('the time zone of a region', () => {
  it.each([
    ['13.74', 'Asia/Jakarta'],
    ['61', 'Asia/Jakarta'],
    ['62.71', 'Asia/Jakarta'],
    ['63', 'Asia/Makassar'],
    ['51.03', 'Asia/Makassar'],
    ['73.71', 'Asia/Makassar'],
    ['82', 'Asia/Jayapura'],
    ['96', 'Asia/Jayapura'],
    ['00', 'Asia/Jakarta'],
  ])('%s is %s', (code, zone) => expect(timeZoneOfRegion(code)).toBe(zone));
});
