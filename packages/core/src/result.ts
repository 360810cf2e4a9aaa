// The result format (contract-format.md) as a zod schema: what `sroi eval --json`, the embedding
// API and the HTTP API return, and the JSON Schema published for it (`sroi export --schema result`).
import * as z from 'zod';
import type { Language } from './diagnostic.js';

/**
 * The version of the result format, in its JSON Schema's `$id`. A change that can break a reader
 * (a field removed, renamed or given another meaning) raises it; a new optional field does not.
 */
export const RESULT_FORMAT_VERSION = 1;

/** An amount in euros as text with two decimals: "1234.56", "-0.01". */
const amount = z.string().regex(/^-?\d+\.\d{2}$/);

const place = z.strictObject({
  bestand: z.string(),
  regel: z.number().int().min(1),
  kolom: z.number().int().min(1),
});

const input = z.strictObject({ naam: z.string(), waarde: z.string() });

const condition = z.strictObject({
  formule: z.string(),
  uitkomst: z.boolean(),
  waarden: z.array(input),
  plaats: place.optional(),
});

/** One rule's part in a result: the explanation tree (`uitleg`). */
export interface ExplanationShape {
  regel: string;
  waarde: string;
  formule?: string | undefined;
  bron?: string[] | undefined;
  aanname?: string[] | undefined;
  plaats?: z.infer<typeof place> | undefined;
  invoer?: z.infer<typeof input>[] | undefined;
  voorwaarden?: z.infer<typeof condition>[] | undefined;
  onderdelen?: ExplanationShape[] | undefined;
  meldingen?: string[] | undefined;
}

const explanation: z.ZodType<ExplanationShape> = z.strictObject({
  regel: z.string(),
  waarde: z.string(),
  formule: z.string().optional(),
  bron: z.array(z.string()).optional(),
  aanname: z.array(z.string()).optional(),
  plaats: place.optional(),
  invoer: z.array(input).optional(),
  voorwaarden: z.array(condition).optional(),
  get onderdelen() {
    return z.array(explanation).optional();
  },
  meldingen: z.array(z.string()).optional(),
});

/** The zod schema of an evaluation result. */
export function resultSchema() {
  return z.strictObject({
    regeling: z.string(),
    periode: z.string(),
    contract: z.string().optional(),
    verplichting: amount,
    waarderingen: z.array(
      z.strictObject({
        index: z.number().int().min(0),
        soort: z.string(),
        bedrag: amount,
        route: z.string(),
        uitleg: explanation.optional(),
      }),
    ),
    gerealiseerd: amount,
    restant: amount,
    overschot: amount,
    percentage: amount.optional(),
    boete: amount,
    routes: z.array(
      z.strictObject({
        naam: z.string(),
        label: z.string(),
        totaal: amount,
        gerealiseerd: amount,
        maximum: amount.optional(),
        uitleg: explanation.optional(),
      }),
    ),
    meldingen: z.array(
      z.strictObject({
        soort: z.enum(['maximum', 'regel', 'vereiste', 'niet-gewaardeerd', 'looptijd']),
        tekst: z.string(),
        activiteit: z.number().int().min(0).optional(),
        route: z.string().optional(),
        plaats: place.optional(),
      }),
    ),
    overige: z.record(z.string(), z.string()).optional(),
    berekend: z.strictObject({
      regeling: z.string(),
      versie: z.string().optional(),
      periode: z.string(),
      irSha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
    uitleg: z.record(z.string(), explanation).optional(),
  });
}

/**
 * The JSON Schema (draft 2020-12) of an evaluation result, for `sroi export --schema result`;
 * its description in `lang` (Dutch by default).
 */
export function resultJsonSchema(lang: Language = 'nl'): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(resultSchema(), { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>),
    $id: `https://sroi.dev/schema/result-v${RESULT_FORMAT_VERSION}.json`,
    title: `sroi result v${RESULT_FORMAT_VERSION}`,
    description:
      lang === 'en'
        ? 'Result of an evaluated contract (contract-format.md)'
        : 'Resultaat van een doorgerekend contract (contract-format.md)',
  };
}
