// A JSON Schema rewrite for the IR validator: a union whose branches are all objects told apart by
// one required property with distinct constant values (the `k` of an expression, the `t` of a
// type) becomes ajv's `discriminator` form, so the validator jumps to the one branch that can
// match instead of trying each in turn (an expression union has 23 branches; `oneOf` even tries
// them all). It accepts exactly the same documents: the branches exclude each other by the tag.
type Schema = Record<string, unknown>;

const isSchema = (x: unknown): x is Schema => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The tag values of one branch for property `name`, or undefined when it is not a required constant. */
function tagValues(branch: unknown, name: string): unknown[] | undefined {
  if (!isSchema(branch) || branch['type'] !== 'object') return undefined;
  const required = branch['required'];
  const properties = branch['properties'];
  if (!Array.isArray(required) || !required.includes(name) || !isSchema(properties)) return undefined;
  const tag = properties[name];
  if (!isSchema(tag)) return undefined;
  if (tag['const'] !== undefined) return [tag['const']];
  return Array.isArray(tag['enum']) ? tag['enum'] : undefined;
}

/** The property that tells every branch apart, if there is one. */
export function discriminatorOf(branches: readonly unknown[]): string | undefined {
  const first = branches[0];
  if (branches.length < 2 || !isSchema(first) || !isSchema(first['properties'])) return undefined;
  for (const name of Object.keys(first['properties'])) {
    const seen = new Set<string>();
    const distinct = branches.every((b) => {
      const values = tagValues(b, name);
      return (
        values !== undefined &&
        values.length > 0 &&
        values.every((v) => typeof v === 'string' && !seen.has(v) && Boolean(seen.add(v)))
      );
    });
    if (distinct) return name;
  }
  return undefined;
}

/** A copy of `schema` with every tag-distinguished `anyOf`/`oneOf` as `oneOf` plus `discriminator`. */
export function withDiscriminators(schema: unknown): Schema {
  const rewrite = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(rewrite);
    if (!isSchema(x)) return x;
    const out: Schema = {};
    for (const [k, v] of Object.entries(x)) out[k] = rewrite(v);
    // One union per schema (a schema with both keeps both as they are); the other keywords of the
    // schema stay and still apply, as they did beside the union.
    const unions = (['anyOf', 'oneOf'] as const).filter((u) => Array.isArray(out[u]));
    const union = unions.length === 1 ? unions[0]! : undefined;
    const tag =
      union && out['discriminator'] === undefined ? discriminatorOf(out[union] as unknown[]) : undefined;
    if (union && tag !== undefined && (out['type'] === undefined || out['type'] === 'object')) {
      const branches = out[union];
      delete out[union];
      // `discriminator` applies to objects only: `type` refuses anything else, as every branch did.
      Object.assign(out, { type: 'object', discriminator: { propertyName: tag }, oneOf: branches });
    }
    return out;
  };
  return rewrite(schema) as Schema;
}
