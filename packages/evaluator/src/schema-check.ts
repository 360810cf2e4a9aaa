// A JSON Schema (2020-12) checker for the keywords the IR schema uses, compiled once into closures:
// the IR validator without ajv's generated code (175 kB minified), with ajv's semantics and its
// error messages for those keywords. Any other keyword is refused when the schema is compiled.

/** One schema violation, as ajv reports it (allErrors off): where, which keyword, what. */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message: string;
  readonly params: Readonly<Record<string, unknown>>;
}

type Schema = boolean | Readonly<Record<string, unknown>>;

/** The instance path, built only when an error needs it. */
interface At {
  readonly parent: At | undefined;
  readonly key: string | number;
}

const pointer = (at: At | undefined): string => {
  let out = '';
  for (let p = at; p; p = p.parent) out = `/${String(p.key).replace(/~/g, '~0').replace(/\//g, '~1')}${out}`;
  return out;
};

/** Checks `data` at `at`; on the first violation pushes errors and returns false. */
type Check = (data: unknown, at: At | undefined, errors: SchemaError[]) => boolean;

const fail = (
  errors: SchemaError[],
  at: At | undefined,
  keyword: string,
  message: string,
  params: Record<string, unknown> = {},
): false => {
  errors.push({ instancePath: pointer(at), keyword, message, params });
  return false;
};

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** ajv's data types: numbers are finite, integers whole, objects neither null nor arrays. */
const typeTests: Record<string, (x: unknown) => boolean> = {
  object: isObject,
  array: Array.isArray,
  string: (x) => typeof x === 'string',
  boolean: (x) => typeof x === 'boolean',
  null: (x) => x === null,
  number: (x) => typeof x === 'number' && Number.isFinite(x),
  integer: (x) => typeof x === 'number' && Number.isInteger(x),
};

/** Deep equality of JSON values (ajv's `const` and `enum`). */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every(
    (k) => Object.hasOwn(b, k) && equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Keywords that only annotate: they never refuse anything. */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', '$defs', 'default', 'examples']);
const KNOWN = new Set([
  ...ANNOTATIONS,
  ...Object.keys({
    type: 0,
    $ref: 0,
    const: 0,
    enum: 0,
    anyOf: 0,
    oneOf: 0,
    discriminator: 0,
    minimum: 0,
    maximum: 0,
    exclusiveMinimum: 0,
    exclusiveMaximum: 0,
    pattern: 0,
    minItems: 0,
    maxItems: 0,
    prefixItems: 0,
    items: 0,
    required: 0,
    propertyNames: 0,
    additionalProperties: 0,
    properties: 0,
  }),
]);

/**
 * Compiles a schema; the result gives the errors of a value (none: it is valid). `$ref` may only
 * point into the root's `$defs` (`#/$defs/Name`).
 */
export function compileSchema(root: Readonly<Record<string, unknown>>): (data: unknown) => SchemaError[] {
  const defs = (root['$defs'] ?? {}) as Readonly<Record<string, Schema>>;
  const compiledDefs = new Map<string, Check>();

  const ref = (target: string): Check => {
    const name = /^#\/\$defs\/([^/~]+)$/.exec(target)?.[1];
    if (name === undefined || !Object.hasOwn(defs, name)) throw new Error(`unsupported $ref ${target}`);
    let check: Check | undefined;
    // Compiled on first use, so recursive definitions close over themselves.
    return (data, at, errors) => {
      check ??= compiledDefs.get(name) ?? compiledDefs.set(name, compile(defs[name]!)).get(name)!;
      return check(data, at, errors);
    };
  };

  /** The checks of one schema, in the order ajv applies its keywords. */
  function compile(schema: Schema): Check {
    if (schema === true) return () => true;
    if (schema === false)
      return (_d, at, errors) => fail(errors, at, 'false schema', 'boolean schema is false');
    for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`unsupported keyword ${k}`);
    const checks: Check[] = [];
    const s = schema as Record<string, unknown>;

    if (s['type'] !== undefined) {
      const types = (Array.isArray(s['type']) ? s['type'] : [s['type']]) as string[];
      const tests = types.map((t) => typeTests[t]!);
      const message = `must be ${types.join(',')}`;
      checks.push((d, at, e) => tests.some((t) => t(d)) || fail(e, at, 'type', message, { type: s['type'] }));
    }
    if (typeof s['$ref'] === 'string') checks.push(ref(s['$ref']));
    if (s['const'] !== undefined) {
      const allowedValue = s['const'];
      checks.push(
        (d, at, e) =>
          equal(d, allowedValue) || fail(e, at, 'const', 'must be equal to constant', { allowedValue }),
      );
    }
    if (Array.isArray(s['enum'])) {
      const allowedValues = s['enum'] as unknown[];
      checks.push(
        (d, at, e) =>
          allowedValues.some((v) => equal(d, v)) ||
          fail(e, at, 'enum', 'must be equal to one of the allowed values', { allowedValues }),
      );
    }
    for (const [keyword, holds, op] of [
      ['maximum', (x: number, l: number) => x <= l, '<='],
      ['minimum', (x: number, l: number) => x >= l, '>='],
      ['exclusiveMaximum', (x: number, l: number) => x < l, '<'],
      ['exclusiveMinimum', (x: number, l: number) => x > l, '>'],
    ] as const) {
      const limit = s[keyword];
      if (typeof limit !== 'number') continue;
      checks.push(
        (d, at, e) =>
          typeof d !== 'number' ||
          holds(d, limit) ||
          fail(e, at, keyword, `must be ${op} ${limit}`, { comparison: op, limit }),
      );
    }
    if (typeof s['pattern'] === 'string') {
      const pattern = s['pattern'];
      const regex = new RegExp(pattern, 'u');
      checks.push(
        (d, at, e) =>
          typeof d !== 'string' ||
          regex.test(d) ||
          fail(e, at, 'pattern', `must match pattern "${pattern}"`, { pattern }),
      );
    }
    if (Array.isArray(s['required'])) {
      const required = s['required'] as string[];
      checks.push((d, at, e) => {
        if (!isObject(d)) return true;
        for (const missingProperty of required)
          if (d[missingProperty] === undefined)
            return fail(e, at, 'required', `must have required property '${missingProperty}'`, {
              missingProperty,
            });
        return true;
      });
    }
    for (const [keyword, fewer] of [
      ['maxItems', false],
      ['minItems', true],
    ] as const) {
      const limit = s[keyword];
      if (typeof limit !== 'number') continue;
      const message = `must NOT have ${fewer ? 'fewer' : 'more'} than ${limit} items`;
      checks.push(
        (d, at, e) =>
          !Array.isArray(d) ||
          (fewer ? d.length >= limit : d.length <= limit) ||
          fail(e, at, keyword, message, { limit }),
      );
    }
    const prefix = Array.isArray(s['prefixItems']) ? (s['prefixItems'] as Schema[]).map(compile) : [];
    if (prefix.length > 0)
      checks.push((d, at, e) => {
        if (!Array.isArray(d)) return true;
        for (let i = 0; i < prefix.length && i < d.length; i++)
          if (!prefix[i]!(d[i], { parent: at, key: i }, e)) return false;
        return true;
      });
    if (s['items'] !== undefined) {
      const start = prefix.length;
      if (s['items'] === false)
        checks.push(
          (d, at, e) =>
            !Array.isArray(d) ||
            d.length <= start ||
            fail(e, at, 'items', `must NOT have more than ${start} items`, { limit: start }),
        );
      else {
        const item = compile(s['items'] as Schema);
        checks.push((d, at, e) => {
          if (!Array.isArray(d)) return true;
          for (let i = start; i < d.length; i++) if (!item(d[i], { parent: at, key: i }, e)) return false;
          return true;
        });
      }
    }
    if (s['propertyNames'] !== undefined) {
      const name = compile(s['propertyNames'] as Schema);
      checks.push((d, at, e) => {
        if (!isObject(d)) return true;
        for (const key in d)
          if (!name(key, at, e))
            return fail(e, at, 'propertyNames', 'property name must be valid', { propertyName: key });
        return true;
      });
    }
    const properties = (s['properties'] ?? {}) as Readonly<Record<string, Schema>>;
    const known = new Set(Object.keys(properties));
    if (s['additionalProperties'] !== undefined && s['additionalProperties'] !== true) {
      const extra =
        s['additionalProperties'] === false ? undefined : compile(s['additionalProperties'] as Schema);
      checks.push((d, at, e) => {
        if (!isObject(d)) return true;
        for (const key in d) {
          if (known.has(key)) continue;
          if (!extra)
            return fail(e, at, 'additionalProperties', 'must NOT have additional properties', {
              additionalProperty: key,
            });
          if (!extra(d[key], { parent: at, key }, e)) return false;
        }
        return true;
      });
    }
    const propertyChecks = Object.entries(properties).map(([key, p]) => [key, compile(p)] as const);
    if (propertyChecks.length > 0)
      checks.push((d, at, e) => {
        if (!isObject(d)) return true;
        for (const [key, check] of propertyChecks) {
          const v = d[key];
          if (v !== undefined && !check(v, { parent: at, key }, e)) return false;
        }
        return true;
      });
    const discriminator = s['discriminator'] as { propertyName: string } | undefined;
    if (discriminator) checks.push(tagged(discriminator.propertyName, s['oneOf'] as Schema[]));
    else {
      if (Array.isArray(s['anyOf'])) checks.push(union(s['anyOf'] as Schema[], false));
      if (Array.isArray(s['oneOf'])) checks.push(union(s['oneOf'] as Schema[], true));
    }

    if (checks.length === 1) return checks[0]!;
    return (d, at, e) => {
      for (const check of checks) if (!check(d, at, e)) return false;
      return true;
    };
  }

  /** `anyOf` (`exactlyOne` false) or `oneOf`: the branches' errors, then the union's own. */
  function union(branches: readonly Schema[], exactlyOne: boolean): Check {
    const checks = branches.map(compile);
    const keyword = exactlyOne ? 'oneOf' : 'anyOf';
    const message = exactlyOne ? 'must match exactly one schema in oneOf' : 'must match a schema in anyOf';
    return (d, at, e) => {
      const before = e.length;
      let passing = 0;
      for (const check of checks) {
        if (check(d, at, e)) passing++;
        if (passing > 0 && !exactlyOne) break;
      }
      if (passing === 1 || (passing > 1 && !exactlyOne)) {
        e.length = before;
        return true;
      }
      return fail(
        e,
        at,
        keyword,
        message,
        exactlyOne ? { passingSchemas: passing > 1 ? passing : null } : {},
      );
    };
  }

  /** ajv's `discriminator`: the branch whose constant tag the value names, or a tag error. */
  function tagged(tag: string, branches: readonly Schema[]): Check {
    const byTag = new Map<unknown, Check>();
    for (const branch of branches) {
      const p = (branch as { properties: Record<string, { const?: unknown; enum?: unknown[] }> }).properties[
        tag
      ]!;
      const check = compile(branch);
      for (const v of p.const !== undefined ? [p.const] : p.enum!) byTag.set(v, check);
    }
    return (d, at, e) => {
      const tagValue = (d as Record<string, unknown>)[tag];
      if (typeof tagValue !== 'string')
        return fail(e, at, 'discriminator', `tag "${tag}" must be string`, { error: 'tag', tag, tagValue });
      const check = byTag.get(tagValue);
      if (!check)
        return fail(e, at, 'discriminator', `value of tag "${tag}" must be in oneOf`, {
          error: 'mapping',
          tag,
          tagValue,
        });
      return check(d, at, e);
    };
  }

  const check = compile(root);
  return (data) => {
    const errors: SchemaError[] = [];
    check(data, undefined, errors);
    return errors;
  };
}
