// A ruleset set: the rulesets of one region over time (e.g. Rijnmond 2019-2023 and 2023-2027).
// A contract is evaluated by the member whose period holds its reference date.
import * as z from 'zod';

const buildSchema = () =>
  z
    .strictObject({
      $schema: z.string().optional(),
      naam: z.string().min(1).describe('Naam van de set, bijvoorbeeld "Social Return Rijnmond"'),
      regio: z.string().optional(),
      bron: z.array(z.string()).optional().describe('Bronnen van de set als geheel'),
      regelingen: z
        .array(z.string().min(1))
        .min(1)
        .describe('De regelingen van de set (paden ten opzichte van dit bestand), elk met eigen perioden'),
    })
    .describe('Een set regelingen van één regio; de gunningsdatum kiest de regeling');

let schema: ReturnType<typeof buildSchema> | undefined;

/** The zod schema of a set manifest (built on first use: loading a single ruleset never needs it). */
export const rulesetSetSchema = (): ReturnType<typeof buildSchema> => (schema ??= buildSchema());

export type RulesetSet = z.infer<ReturnType<typeof buildSchema>>;

/** Files whose name ends in this are ruleset sets. */
export const RULESET_SET_SUFFIX = '.set.json';
