// Accepting IR: only documents that validate against the IR JSON Schema and satisfy the
// invariants are evaluated; anything else gets located diagnostics, never a crash.
import {
  diagnostic,
  IR_VERSION,
  irDepthProblems,
  irInvariants,
  jsonDeeperThan,
  MAX_FORMULA_DEPTH,
  MAX_IR_JSON_DEPTH,
  type Diagnostic,
  type IrDocument,
  type Result,
} from '@sroi/core';
// The IR JSON Schema as data (`pnpm generate`; CI checks it is current), checked by a small
// checker with ajv's semantics: test/ir-validator.prop.test.ts holds it to ajv.
import { irSchema } from './ir-schema.generated.js';
import { compileSchema, type SchemaError } from './schema-check.js';

let schemaCheck: ((data: unknown) => SchemaError[]) | undefined;

/** The schema violations of a value (none: it is an IR document by the schema). */
export function irSchemaErrors(json: unknown): SchemaError[] {
  schemaCheck ??= compileSchema(irSchema);
  return schemaCheck(json);
}

/** Checks a parsed JSON value as an IR document. */
export function validateIr(json: unknown): Result<IrDocument | undefined> {
  const refused = refuseVersion(json);
  if (refused) return { value: undefined, diagnostics: [refused] };
  // The schema check recurses: nesting is bounded before it runs.
  if (jsonDeeperThan(json, MAX_IR_JSON_DEPTH))
    return {
      value: undefined,
      diagnostics: [
        diagnostic(
          'SR6600',
          { limit: MAX_IR_JSON_DEPTH, formula: MAX_FORMULA_DEPTH },
          { path: '(document)' },
        ),
      ],
    };
  const errors = irSchemaErrors(json);
  if (errors.length > 0) return { value: undefined, diagnostics: errors.slice(0, 10).map(schemaDiagnostic) };
  // The same limit as the compiler's (SR2351), measured on the IR, before anything walks it.
  const deep = irDepthProblems(json as IrDocument);
  if (deep.length > 0)
    return {
      value: undefined,
      diagnostics: deep
        .slice(0, 10)
        .map((p) => diagnostic('SR6601', { depth: p.depth, limit: MAX_FORMULA_DEPTH }, { path: p.path })),
    };
  return checkInvariants(json as IrDocument);
}

/**
 * The version is checked before the schema, so a document of another version gets one clear
 * message instead of the schema's complaints about fields that version may not have. The version
 * is a whole number, the IR's major version: a text ("1") or a fraction is refused as such (a
 * message saying "version 1 is not supported (this evaluator: 1)" would be a riddle), a newer
 * version asks for a newer evaluator, an older one for a new export.
 */
function refuseVersion(json: unknown): Diagnostic | undefined {
  if (typeof json !== 'object' || json === null || !Object.hasOwn(json, 'irVersion')) return undefined;
  const version = (json as { irVersion: unknown }).irVersion;
  if (version === IR_VERSION) return undefined;
  const at = { path: 'irVersion' };
  if (typeof version !== 'number' || !Number.isInteger(version))
    return diagnostic('SR6400', { found: describeValue(version), supported: IR_VERSION }, at);
  return version > IR_VERSION
    ? diagnostic('SR6401', { version, supported: IR_VERSION }, at)
    : diagnostic('SR6002', { version: String(version), supported: IR_VERSION }, at);
}

/** A JSON value as a message names it: the text "1", the number 1.5, null. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? '[…]' : '{…}';
}

/**
 * Checks an IR document that `@sroi/compiler` produced in this process (an editor compiling after
 * every keystroke): the invariants only. The compiler builds its IR to the schema's own type, and
 * `test/compiler-ir.prop.test.ts` holds what it emits, for the shipped rulesets and after random
 * edits to them, to the JSON Schema validator; that check is for IR from anywhere else.
 */
export function checkCompilerIr(doc: IrDocument): Result<IrDocument | undefined> {
  if (doc.irVersion !== IR_VERSION) return validateIr(doc);
  // Not measured for depth: the compiler measured this IR with the same function (SR2351).
  return checkInvariants(doc);
}

function checkInvariants(doc: IrDocument): Result<IrDocument | undefined> {
  const problems = irInvariants(doc);
  if (problems.length > 0) {
    return {
      value: undefined,
      diagnostics: problems
        .slice(0, 10)
        .map((p) => diagnostic('SR6001', { message: p }, { path: p.split(':')[0]! })),
    };
  }
  return { value: doc, diagnostics: [] };
}

/**
 * One schema violation. A union told apart by a tag (`k` of an expression, `t`
 * of a type) reports an unknown tag at the tag itself, with the value it found.
 */
function schemaDiagnostic(e: SchemaError): Diagnostic {
  let path = e.instancePath;
  let message = e.message;
  if (e.keyword === 'discriminator') {
    const { tag, tagValue } = e.params as { tag: string; tagValue: unknown };
    path = `${path}/${tag}`;
    message =
      typeof tagValue === 'string'
        ? `must be one of the known values, not ${JSON.stringify(tagValue)}`
        : 'must be string';
  }
  return diagnostic(
    'SR6001',
    { message: `${path || '(document)'} ${message}` },
    { path: path || '(document)' },
  );
}
