import { describe, expect, test } from 'vitest';
import { formatDutchDate, formatIsoDate, monthsBetween, parseIsoDate } from '../src/date.js';

describe('parseIsoDate', () => {
  test('counts days since 1970-01-01', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(parseIsoDate('1970-01-02')).toBe(1);
    expect(parseIsoDate('1969-12-31')).toBe(-1);
    expect(parseIsoDate('2024-02-01')).toBe(19_754);
  });

  test('2023-02-30 does not exist', () => {
    expect(parseIsoDate('2023-02-30')).toBeUndefined();
  });

  test('2024-02-29 exists in a leap year, 2023-02-29 does not', () => {
    expect(parseIsoDate('2024-02-29')).toBe(parseIsoDate('2024-03-01')! - 1);
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
  });

  test('century years are leap years only when divisible by 400', () => {
    expect(parseIsoDate('2000-02-29')).toBe(11_016);
    expect(parseIsoDate('2100-02-29')).toBeUndefined();
  });

  test.each(['2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-01-32'])(
    '%s is not a real date',
    (text) => {
      expect(parseIsoDate(text)).toBeUndefined();
    },
  );

  test.each(['2023-1-01', '23-01-01', '2023/01/01', ' 2023-01-01', '2023-01-01T00:00:00Z', '01-02-2023', ''])(
    '%j is not in the form YYYY-MM-DD',
    (text) => {
      expect(parseIsoDate(text)).toBeUndefined();
    },
  );

  test('the last day of every month is accepted', () => {
    const ends = [
      '01-31',
      '02-28',
      '03-31',
      '04-30',
      '05-31',
      '06-30',
      '07-31',
      '08-31',
      '09-30',
      '10-31',
      '11-30',
      '12-31',
    ];
    expect(ends.filter((md) => parseIsoDate(`2023-${md}`) === undefined)).toEqual([]);
  });
});

describe('formatting', () => {
  test('formatIsoDate is the inverse of parseIsoDate', () => {
    expect(formatIsoDate(0)).toBe('1970-01-01');
    expect(formatIsoDate(-1)).toBe('1969-12-31');
    expect(formatIsoDate(parseIsoDate('2024-02-29')!)).toBe('2024-02-29');
  });

  test('formatDutchDate writes the day, the Dutch month name and the year', () => {
    expect(formatDutchDate(parseIsoDate('2023-07-01')!)).toBe('1 juli 2023');
    expect(formatDutchDate(parseIsoDate('2027-12-31')!)).toBe('31 december 2027');
    expect(formatDutchDate(parseIsoDate('2024-03-09')!)).toBe('9 maart 2024');
  });
});

describe('monthsBetween (maanden_tussen): months from one day through another, a part month whole', () => {
  const months = (from: string, to: string) => monthsBetween(parseIsoDate(from)!, parseIsoDate(to)!);

  test.each([
    ['2024-03-01', '2026-02-28', 24, 'a contract of two whole years'],
    ['2024-01-01', '2024-12-31', 12, 'a calendar year'],
    ['2024-01-15', '2024-03-10', 2, 'one whole month to 2024-02-14, then a part'],
    ['2024-01-15', '2024-02-14', 1, 'exactly one month'],
    ['2024-01-15', '2024-02-15', 2, 'one month and a day'],
    ['2024-05-07', '2024-05-07', 1, 'the same day is a part month'],
    ['2024-05-01', '2024-05-31', 1, 'a month within one calendar month'],
    ['2024-01-31', '2024-02-29', 1, 'from the end of January to the end of February (leap year)'],
    ['2023-01-31', '2023-02-28', 1, 'from the end of January to the end of February'],
    ['2024-01-31', '2024-03-01', 2, 'a day into March is a part month'],
    ['2024-01-31', '2024-04-30', 3, 'to the end of April'],
    ['2024-02-29', '2025-02-28', 12, 'from a leap day to the day before its anniversary'],
    ['2024-02-29', '2025-03-01', 13, 'from a leap day, one day past a year'],
    ['2023-12-15', '2024-01-14', 1, 'across a year boundary'],
    ['1999-12-31', '2000-01-01', 1, 'two days across a year boundary are one part month, not two'],
  ])('%s to %s is %i (%s)', (from, to, expected) => {
    expect(months(from, to)).toBe(expected);
  });

  test('an end before the start is no month at all', () => {
    expect(months('2024-03-10', '2024-03-09')).toBe(0);
    expect(months('2025-01-01', '2024-01-01')).toBe(0);
  });
});
