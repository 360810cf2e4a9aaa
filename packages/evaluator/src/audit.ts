// What a result was computed with, for an embedding app's audit trail: the ruleset's name and
// version, its periods, and a content hash of the IR (SHA-256 of its canonical JSON).
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { IR_VERSION, type IrDocument } from '@sroi/core';

/** A plan's identity: what "computed with Rijnmond 2023-2027, IR sha256 …" names. */
export interface PlanMetadata {
  readonly regeling: string;
  readonly versie?: string;
  readonly perioden: readonly { readonly naam: string; readonly van: string; readonly tot: string }[];
  readonly irVersie: number;
  /** SHA-256 of the IR's canonical JSON (`canonicalJson`), 64 lower-case hex digits. */
  readonly irSha256: string;
}

/**
 * The canonical JSON text of a JSON value: object keys sorted by UTF-16 code units, no
 * whitespace, strings and numbers as `JSON.stringify` writes them, `undefined` members left out.
 * For every value whose strings are well-formed UTF-16 this is the JSON Canonicalization Scheme
 * (RFC 8785), which a property test holds it to; a lone surrogate (which RFC 8785 refuses) is
 * written as JSON.stringify escapes it, so every document that passed validation has a hash.
 * Recursive: an accepted IR document is only as deep as the validator, itself recursive, took.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // Strings built by `+=` rather than arrays joined: the editor hashes a fresh IR on each keystroke,
  // and this halved the time (2-3 ms of a 75 kB IR).
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i++) text += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return text + ']';
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  // `sort()` without a comparator orders strings by UTF-16 code units, as RFC 8785 asks.
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member === undefined) continue;
    text += (text.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(member);
  }
  return text + '}';
}

/** What a result says it was computed with (`berekend`): ruleset, version, period, IR hash. */
export interface Berekend {
  readonly regeling: string;
  readonly versie?: string;
  readonly periode: string;
  readonly irSha256: string;
}

/** The hash of each IR document a plan or a writer has seen (documents are never changed). */
const hashes = new WeakMap<IrDocument, string>();

/** `irSha256(ir)`, computed once per document. */
export function irSha256Of(ir: IrDocument): string {
  let hash = hashes.get(ir);
  if (hash === undefined) hashes.set(ir, (hash = irSha256(ir)));
  return hash;
}

/** Where a result's `berekend` keeps the IR it names: not enumerable, so never serialised. */
const NAMED_IR = Symbol('ir');

/** The getter every `berekend` shares (one function, so all of them share one hidden class). */
function hashOfNamedIr(this: { readonly [NAMED_IR]: IrDocument }): string {
  return irSha256Of(this[NAMED_IR]);
}

/**
 * A result's `berekend` for a contract whose reference date fell in `periode`. The hash is computed
 * when `irSha256` is first read (then kept per IR document): JSON and structured clones read it, but
 * an editor that shows a draft's result and leaves `berekend` out never pays for hashing the IR it
 * compiled on that keystroke (half of the playground worker's time per keystroke).
 */
export function berekendOf(ir: IrDocument, periode: string): Berekend {
  const berekend = {
    regeling: ir.ruleset.name,
    ...(ir.ruleset.version !== undefined ? { versie: ir.ruleset.version } : {}),
    periode,
  };
  Object.defineProperty(berekend, NAMED_IR, { value: ir });
  return Object.defineProperty(berekend, 'irSha256', { enumerable: true, get: hashOfNamedIr }) as Berekend;
}

/** `berekend` as JSON text, the same for every result of a period: written once per plan and period. */
const berekendTexts = new WeakMap<IrDocument, Map<string, string>>();
export function berekendJson(ir: IrDocument, periode: string): string {
  let texts = berekendTexts.get(ir);
  if (!texts) berekendTexts.set(ir, (texts = new Map()));
  let text = texts.get(periode);
  if (text === undefined) texts.set(periode, (text = JSON.stringify(berekendOf(ir, periode))));
  return text;
}

/** SHA-256 of an IR document's canonical JSON, as hex. Synchronous, in browsers and in node. */
export function irSha256(ir: IrDocument): string {
  return bytesToHex(sha256(new TextEncoder().encode(canonicalJson(ir))));
}

/** The metadata of a plan for an IR document (with its hash, computed by the caller once). */
export function planMetadata(ir: IrDocument, hash: string): PlanMetadata {
  return {
    regeling: ir.ruleset.name,
    ...(ir.ruleset.version !== undefined ? { versie: ir.ruleset.version } : {}),
    perioden: ir.periods.map((p) => ({ naam: p.name, van: p.from, tot: p.to })),
    irVersie: IR_VERSION,
    irSha256: hash,
  };
}
