// Regression cases the formatter properties found (format.prop.test.ts), each with its smallest
// input: a comment stays on the line of the code it followed, so a second format changes nothing.
import { describe, expect, test } from 'vitest';
import { formatSource } from '../../src/format/format.js';

/** The formatted text, checked to be a fixed point: formatting it again changes nothing. */
function formatted(text: string): string {
  const once = formatSource('regression.sroi', text);
  expect(once.diagnostics).toEqual([]);
  expect(formatSource('regression.sroi', once.value!).value).toBe(once.value);
  return once.value!;
}

describe('comments the formatter keeps on their line', () => {
  test('a comment after `verwacht` stays after it, even when the expectation starts on that line', () => {
    expect(formatted('regeling "x"\nvoorbeeld "v"\n  verwacht melding # c\n    "y"\n')).toBe(
      'regeling "x"\nvoorbeeld "v"\n  verwacht  # c\n    melding "y"\n',
    );
  });

  test('a comment after the first token of a formula moved below its head stays on the head line', () => {
    const body = 'som(activiteit.waarde_van_de_activiteit voor elke activiteit waarbij activiteit.meegeteld)';
    expect(formatted(`regeling "x"\ndefinitie a: bedrag = som( # c\n  ${body.slice(4)}\n`)).toBe(
      `regeling "x"\ndefinitie a: bedrag =  # c\n  ${body}\n`,
    );
  });

  test('a comment after `som(` of a sum broken over lines stays after `som(`', () => {
    const body = 'basiswaarde_van_de_plaatsing + bonus_voor_onbepaalde_tijd + bonus_voor_duurzaam_werk';
    expect(
      formatted(
        `regeling "x"\ndefinitie a: bedrag = som( # c\n  afronden(${body}, op € 0,01) voor elke activiteit)\n`,
      ),
    ).toBe(
      `regeling "x"\ndefinitie a: bedrag =\n  som(  # c\n    afronden(\n      ${body},\n      op € 0,01) voor elke activiteit)\n`,
    );
  });

  test('a comment after the closing `|` of a table row written over two lines stays on the row', () => {
    expect(formatted('regeling "x"\ntabel t(x: getal): getal\n  | 1 | 2\n  | # c\n')).toBe(
      'regeling "x"\ntabel t(x: getal): getal\n  | 1 | 2 |  # c\n',
    );
  });

  test('a comment inside the last row stays with that row', () => {
    expect(formatted('regeling "x"\ntabel t(x: getal): getal\n  | 1 # c\n  | 2 |\n')).toBe(
      'regeling "x"\ntabel t(x: getal): getal\n  | 1 | 2 |  # c\n',
    );
  });

  test('a comment after an empty `contract` (not printed) stays in its example', () => {
    expect(
      formatted('regeling "x"\nvoorbeeld "v"\n  bron "b"\n  contract # c\nparameter p: getal = 1\n'),
    ).toBe('regeling "x"\nvoorbeeld "v"\n  bron "b"  # c\nparameter p: getal = 1\n');
  });
});
