// Value slots (what-if): the numbers of parameters and of table rows' constant outputs, which
// generated code with slots reads from `VALUES` instead of its source. A ruleset that differs from
// one whose code was generated only in such numbers (a slider's next value) gets its values read
// from the slots' origins, without generating the code again (`SharedCode.reuse`).
import type { IrDocument, IrValue } from '@sroi/core';
import { kindOfType, safeInteger } from './code.js';
import type { ValueOrigin } from './module-writer.js';

/**
 * A value as a slot holds it (numerator, denominator): `onbekend` is NaN; undefined for a value a
 * slot cannot hold (not a number, or beyond 2^53: then it is a constant of the source).
 */
export function slotNumber(v: IrValue): readonly [number, number] | undefined {
  if ('unknown' in v) return [NaN, 1];
  if (!('num' in v)) return undefined;
  const [n, d] = v.num.split('/');
  const nv = safeInteger(BigInt(n!));
  const dv = safeInteger(BigInt(d ?? '1'));
  return nv === undefined || dv === undefined ? undefined : [nv, dv];
}

/** Fields of the IR the generated code never reads: source texts, citations, spans and ranges. */
const UNREAD = new Set(['src', 'provenance', 'at', 'range']);
const withoutUnread = (key: string, value: unknown) => (UNREAD.has(key) ? undefined : value);
const SLOT = { slot: true };

type Parameter = IrDocument['parameters'][number];
type Table = IrDocument['tables'][number];

/**
 * JSON of a parameter or a table as its generated code sees it: without the fields it does not
 * read, and with each value a slot holds (a number parameter's values, a table row's constant
 * outputs: where `Expressions.setting` is called) written as the same mark. Two parts with equal
 * keys generate the same code, up to the slots' values.
 */
function codeKey(part: Parameter | Table): string {
  const slotted = (v: IrValue) => slotNumber(v) !== undefined;
  const masked =
    'type' in part
      ? kindOfType(part.type) !== 'num'
        ? part
        : { ...part, versions: part.versions.map((v) => (slotted(v.value) ? { ...v, value: SLOT } : v)) }
      : {
          ...part,
          versions: part.versions.map((v) => ({
            ...v,
            rows: v.rows.map((r) => ({
              ...r,
              then: r.then.map((x) => (x.k === 'const' && slotted(x.v) ? SLOT : x)),
            })),
          })),
        };
  return JSON.stringify(masked, withoutUnread);
}

/** Whether two lists of parameters or tables generate the same code, up to the slots' values. */
function sameParts<T extends Parameter | Table>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && codeKey(a[i]!) !== codeKey(b[i]!)) return false;
  return true;
}

/**
 * Whether `variant` generates the code of `base` with other values in its slots: every part of
 * the IR but the parameters and tables is the same object (a what-if variant shares them with its
 * base; anything else is generated), and those differ only in slotted values and unread fields.
 */
export function sameCode(base: IrDocument, variant: IrDocument): boolean {
  for (const key of Object.keys(base) as (keyof IrDocument)[])
    if (key !== 'parameters' && key !== 'tables' && key !== 'files' && base[key] !== variant[key])
      return false;
  if (Object.keys(variant).length !== Object.keys(base).length) return false;
  return sameParts(base.parameters, variant.parameters) && sameParts(base.tables, variant.tables);
}

/** The value of a slot's origin in an IR. */
function valueAt(ir: IrDocument, o: ValueOrigin): IrValue | undefined {
  if ('parameter' in o) return ir.parameters.find((p) => p.name === o.parameter)?.versions[o.version]?.value;
  const cell = ir.tables.find((t) => t.name === o.table)?.versions[o.version]?.rows[o.row]?.then[o.column];
  return cell?.k === 'const' ? cell.v : undefined;
}

/**
 * The values of slots with these origins for `ir` (numerator, denominator per slot); undefined
 * when an origin holds no number a slot can hold (then the code must be generated for `ir`).
 */
export function slotValues(origins: readonly ValueOrigin[], ir: IrDocument): number[] | undefined {
  const values = new Array<number>(2 * origins.length);
  for (let i = 0; i < origins.length; i++) {
    const v = valueAt(ir, origins[i]!);
    const slotted = v && slotNumber(v);
    if (!slotted) return undefined;
    values[2 * i] = slotted[0];
    values[2 * i + 1] = slotted[1];
  }
  return values;
}
