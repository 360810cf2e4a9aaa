import { describe, expect, test } from 'vitest';
import { Rational } from '@sroi/core';
import { constant, resultText } from '../src/values.js';

describe('resultText', () => {
  test('shows money and percentages with two decimals and other values exactly', () => {
    expect(resultText(Rational.of(1_333_333, 1), { t: 'bedrag' })).toBe('13333.33');
    expect(resultText(Rational.of(2, 9), { t: 'percentage' })).toBe('22.22');
    expect(resultText(Rational.of(1, 3), { t: 'getal' })).toBe('1/3');
    expect(resultText(Rational.of(19_754), { t: 'datum' })).toBe('2024-02-01');
    expect(resultText(null, { t: 'getal' })).toBe('onbekend');
    expect(resultText(true, { t: 'janee' })).toBe('ja');
    expect(resultText('ww', { t: 'opsomming', name: 'doelgroep' })).toBe('ww');
  });
});

describe('constant', () => {
  test('reads an IR constant: an exact fraction, a truth value, a text, or null for onbekend', () => {
    expect(constant({ num: '1000000/3' })).toEqual(Rational.of(1_000_000n, 3n));
    expect(constant({ num: '-5' })).toEqual(Rational.of(-5n));
    expect(constant({ bool: false })).toBe(false);
    expect(constant({ text: '__proto__' })).toBe('__proto__');
    expect(constant({ unknown: true })).toBeNull();
  });
});
