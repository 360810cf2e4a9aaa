import { describe, expect, it } from 'vitest';
import { parseMoneyInput, parseNumberInput, showMoney } from '../src/money.js';

describe('amounts shown and typed', () => {
  it('shows result amounts in Dutch and English notation without rounding', () => {
    expect(showMoney('1234567.89', 'nl')).toBe('€ 1.234.567,89');
    expect(showMoney('1234567.89', 'en')).toBe('€ 1,234,567.89');
    expect(showMoney('-20.5', 'nl')).toBe('-€ 20,50');
    expect(showMoney('0.00', 'nl')).toBe('€ 0,00');
    expect(showMoney('90071992547409931.01', 'nl')).toBe('€ 90.071.992.547.409.931,01');
  });

  it('reads what a person types as an amount in the contract format', () => {
    expect(parseMoneyInput('2.437.500,00')).toBe('2437500.00');
    expect(parseMoneyInput('€ 31.415,93')).toBe('31415.93');
    expect(parseMoneyInput('1250000.5')).toBe('1250000.5');
    expect(parseNumberInput('0,8')).toBe(0.8);
    expect(parseNumberInput('twaalf')).toBe('twaalf');
  });
});
