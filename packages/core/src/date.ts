// Calendar dates as whole days since 1970-01-01 (UTC): ordered, exact, free of time zones.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`, or undefined when it is not a real date. */
export function parseIsoDate(text: string): number | undefined {
  // By character codes and calendar arithmetic, without a RegExp or Date objects: a what-if run
  // reads a date of every contract, and the Date round trip was a tenth of its time (profiled).
  if (typeof text !== 'string' || text.length !== 10) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined; // '-'
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return daysFromCivil(y, mo, d);
}

/** The number written by `n` ASCII digits from `at`, or -1 when one is not a digit. */
function digits(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

// The proleptic Gregorian calendar in days since 1970-01-01 and back, as JS Dates count it
// (H. Hinnant's days_from_civil and civil_from_days, for years 0 through 9999 and beyond).
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Year, month and day of a day number, written into `into` (no allocation per call). */
function civilFromDays(days: number, into: { y: number; m: number; d: number }): void {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  into.d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  into.m = mp < 10 ? mp + 3 : mp - 9;
  into.y = yoe + era * 400 + (into.m <= 2 ? 1 : 0);
}

/** ISO text of a day number. */
export function formatIsoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Dutch long form, e.g. "1 juli 2023". */
export function formatDutchDate(day: number): string {
  const months = [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ];
  const d = new Date(day * DAY_MS);
  return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * The months from day `from` up to and including day `to`, a part month counting as a whole one
 * (`maanden_tussen` in the language, and the contract's duration in meldingen): 12 × the years
 * between them plus the months between them, plus one when `to`'s day of the month is at least
 * `from`'s. 2024-03-01 to 2026-02-28 is 24; 2024-01-15 to 2024-03-10 is 2 (one whole month to
 * 2024-02-14, then a part); a single day is 1; `to` before `from` is 0.
 */
export function monthsBetween(from: number, to: number): number {
  if (to < from) return 0;
  civilFromDays(from, fromDate);
  civilFromDays(to, toDate);
  const months = (toDate.y - fromDate.y) * 12 + (toDate.m - fromDate.m);
  return months + (toDate.d >= fromDate.d ? 1 : 0);
}
const fromDate = { y: 0, m: 0, d: 0 };
const toDate = { y: 0, m: 0, d: 0 };
