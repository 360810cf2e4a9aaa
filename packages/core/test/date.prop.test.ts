import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { formatIsoDate, monthsBetween, parseIsoDate } from '../src/date.js';

// Day numbers from 1900-01-01 to 2199-12-31.
const day = fc.integer({ min: -25_567, max: 83_969 });

test.prop([day])('parseIsoDate(formatIsoDate(day)) is day', (d) => {
  expect(parseIsoDate(formatIsoDate(d))).toBe(d);
});

test.prop([day])('consecutive days format in increasing text order', (d) => {
  expect(formatIsoDate(d) < formatIsoDate(d + 1)).toBe(true);
});

// The calendar through JS Date objects: what parseIsoDate and monthsBetween are held to.
const DAY_MS = 86_400_000;
function dateParse(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(y, mo - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return Math.round(date.getTime() / DAY_MS);
}
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const dateText = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.string({ maxLength: 12 }),
  fc.stringMatching(/^[0-9-]{10}$/),
);

test.prop([dateText], { numRuns: 2000 })(
  'parseIsoDate agrees with Date on any text, real dates or not',
  (t) => {
    expect(parseIsoDate(t)).toBe(dateParse(t));
  },
);

test.prop([fc.integer({ min: -719_528, max: 2_932_896 }), fc.integer({ min: -400, max: 40_000 })], {
  numRuns: 2000,
})('monthsBetween agrees with Date arithmetic (years 0 through 9999)', (from, length) => {
  const a = new Date(from * DAY_MS);
  const b = new Date((from + length) * DAY_MS);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  const expected = length < 0 ? 0 : months + (b.getUTCDate() >= a.getUTCDate() ? 1 : 0);
  expect(monthsBetween(from, from + length)).toBe(expected);
});
