import { describe, expect, test } from 'vitest';
import { activityKinds, contractFields, fieldDoc, type FieldSpec } from '../src/vocabulary.js';

/** Every field of the vocabulary with where it is: the contract's and each activity kind's. */
const everyField: [string, FieldSpec][] = [
  ...Object.entries(contractFields).map(([name, spec]): [string, FieldSpec] => [`contract.${name}`, spec]),
  ...Object.entries(activityKinds).flatMap(([kind, fields]) =>
    Object.entries(fields).map(([name, spec]): [string, FieldSpec] => [`${kind}.${name}`, spec]),
  ),
];

describe('field docs', () => {
  test('the vocabulary has contract fields and fields of every activity kind', () => {
    expect(everyField.length).toBeGreaterThan(Object.keys(contractFields).length);
    for (const kind of Object.keys(activityKinds))
      expect(everyField.some(([where]) => where.startsWith(`${kind}.`))).toBe(true);
  });

  test.each(everyField)('%s has a Dutch and an English doc, the English one translated', (_where, spec) => {
    expect(spec.doc.trim()).not.toBe('');
    expect(spec.docEn.trim()).not.toBe('');
    expect(spec.docEn).not.toBe(spec.doc);
  });

  test('fieldDoc gives the Dutch doc by default and for nl, the English one for en', () => {
    const waarde = contractFields['waarde']!;
    expect(fieldDoc(waarde)).toBe('Contractwaarde exclusief btw');
    expect(fieldDoc(waarde, 'nl')).toBe('Contractwaarde exclusief btw');
    expect(fieldDoc(waarde, 'en')).toBe('Contract value excluding VAT');
  });
});
