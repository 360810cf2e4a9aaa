import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../src/date.js';

// Day numbers from 1900-01-01 to 2199-12-31.
const day = fc.integer({ min: -25_567, max: 83_969 });

test.prop([day])('parseIsoDate(formatIsoDate(day)) is day', (d) => {
  expect(parseIsoDate(formatIsoDate(d))).toBe(d);
});

test.prop([day])('consecutive days format in increasing text order', (d) => {
  expect(formatIsoDate(d) < formatIsoDate(d + 1)).toBe(true);
});
