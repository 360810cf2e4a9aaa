// Calendar dates as whole days since 1970-01-01 (UTC): ordered, exact, free of time zones.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`, or undefined when it is not a real date. */
export function parseIsoDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  // Date.UTC reads years 0-99 as 1900-1999; setting the full year afterwards keeps them.
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y, mo - 1, d);
  const ms = date.getTime();
  const back = new Date(ms);
  // Date.UTC rolls 2023-02-30 over into March; a real date survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return Math.round(ms / DAY_MS);
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
  const a = new Date(from * DAY_MS);
  const b = new Date(to * DAY_MS);
  const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
  return months + (b.getUTCDate() >= a.getUTCDate() ? 1 : 0);
}
