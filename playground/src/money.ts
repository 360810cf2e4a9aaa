// Amounts as the result format writes them ("1234.50", "-20.00", "12.5") shown in Dutch or English
// notation, by text alone: an amount never passes through a floating-point number.
import type { Language } from '@sroi/core';

export function showMoney(value: string, lang: Language): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) return value;
  const [, sign, whole, fraction = ''] = m;
  const group = lang === 'nl' ? '.' : ',';
  const point = lang === 'nl' ? ',' : '.';
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const cents = fraction.padEnd(2, '0');
  return `${sign}€ ${grouped}${point}${cents}`;
}

export function showNumber(value: string, lang: Language): string {
  return lang === 'nl' ? value.replace('.', ',') : value;
}

/** What a person typed as an amount ("1.250.000,50", "1250000.5", "€ 20 000") in the contract format. */
export function parseMoneyInput(raw: string): string {
  let s = raw.trim().replace(/[€\s]/g, '');
  if (s.includes(',')) s = s.replace(/\./g, '').replace(',', '.');
  return s;
}

/** A number typed with a decimal comma or point; the text itself when it is not a number. */
export function parseNumberInput(raw: string): number | string {
  const s = raw.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : raw.trim();
}
