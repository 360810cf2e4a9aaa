// Printing formulas in canonical form: Dutch notation for numbers (€ 50.000, 1,5), Unicode
// operators, and parentheses exactly where precedence needs them (so print ∘ parse is stable).
import { Rational } from '@sroi/core';
import type * as A from '../ast/ast.js';
import { unitPlural, unitWord, word, type Spelling } from './keywords.js';

/** Dutch number notation: groups of three with dots, decimal comma. */
export function dutchNumber(r: Rational): string {
  const text = r.toString();
  if (text.includes('/')) return r.toFixed(6).replace(/0+$/, '').replace('.', ',');
  const negative = text.startsWith('-');
  const [int, frac] = (negative ? text.slice(1) : text).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** Money: whole euros without decimals, otherwise two (or more when written so). */
export function dutchMoney(cents: Rational): string {
  const euros = cents.div(Rational.of(100));
  const text = dutchNumber(euros);
  const frac = text.split(',')[1];
  return frac !== undefined && frac.length === 1 ? `${text}0` : text;
}

export const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Binding strength: higher binds tighter. */
function precedence(e: A.Expression): number {
  switch (e.kind) {
    case 'message':
      return 0;
    case 'conditional':
      return 1;
    case 'binary':
      switch (e.operator) {
        case 'of':
          return 2;
        case 'en':
          return 3;
        case '+':
        case '-':
          return 6;
        case '×':
        case '/':
          return 7;
        default:
          return 5; // comparisons
      }
    case 'membership':
      return 5;
    case 'unary':
      return e.operator === 'niet' ? 4 : 8;
    default:
      return 10;
  }
}

/** One printed line of a formula and the source range it stands for. */
export interface BlockLine {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export class ExpressionPrinter {
  constructor(private readonly lang: Spelling) {}

  private w = (x: Parameters<typeof word>[0]) => word(x, this.lang);

  template(t: A.Template): string {
    const body = t.parts
      .map((p) =>
        typeof p === 'string'
          ? p.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\{/g, '{{').replace(/\}/g, '}}')
          : `{${this.path(p)}}`,
      )
      .join('');
    return `"${body}"`;
  }

  private path(p: A.PathExpression): string {
    const root = p.rootKeyword
      ? this.w(p.rootKeyword === 'activiteit' ? 'activiteit' : p.rootKeyword)
      : p.root.name;
    return [root, ...p.fields.map((f) => f.name)].join('.');
  }

  /** Prints `e`; wraps it in parentheses when it binds looser than its context requires. */
  print(e: A.Expression, context = 0): string {
    const text = this.bare(e);
    return precedence(e) < context ? `(${text})` : text;
  }

  private bare(e: A.Expression): string {
    switch (e.kind) {
      case 'money':
        return `€ ${dutchMoney(e.cents)}${e.per ? ` ${this.w('per')} ${unitWord(e.per, this.lang, false)}` : ''}`;
      case 'number': {
        const n = dutchNumber(e.value);
        if (e.unit === 'percent') return `${n}%`;
        if (e.unit) return `${n} ${unitWord(e.unit, this.lang, !e.value.eq(Rational.ONE))}`;
        return n;
      }
      case 'date':
        return e.text;
      case 'text':
        return quote(e.value);
      case 'boolean':
        return this.w(e.value ? 'ja' : 'nee');
      case 'unknown':
        return this.w('onbekend');
      case 'error':
        return '?';
      case 'parenthesized':
        return `(${this.print(e.expression)})`;
      case 'path':
        return this.path(e);
      case 'member':
        return `${this.print(e.object, 10)}.${e.field.name}`;
      case 'call':
        return `${e.callee.name}(${e.args.map((a) => this.print(a)).join(', ')})`;
      case 'unary':
        return e.operator === '-'
          ? `-${this.print(e.operand, 8)}`
          : `${this.w('niet')} ${this.print(e.operand, 4)}`;
      case 'binary': {
        const p = precedence(e);
        const op = e.operator === 'en' ? this.w('en') : e.operator === 'of' ? this.w('of') : e.operator;
        // Left-associative: the right operand needs parentheses at equal strength; comparisons never chain.
        const comparison = p === 5;
        return `${this.print(e.left, comparison ? p + 1 : p)} ${op} ${this.print(e.right, p + 1)}`;
      }
      case 'conditional':
        // Each part is a full formula in the grammar (a branch may carry `met melding`).
        return `${this.w('als')} ${this.print(e.condition)} ${this.w('dan')} ${this.print(e.then)} ${this.w('anders')} ${this.print(e.else)}`;
      case 'membership':
        return `${this.print(e.value, 6)} ${e.negated ? `${this.w('niet')} ` : ''}${this.w('in')} (${e.options.map((o) => this.print(o)).join(', ')})`;
      case 'rounding': {
        const mode =
          e.mode === 'half' ? '' : ` ${this.w(e.mode === 'beneden' ? 'naarBeneden' : 'naarBoven')}`;
        return `${this.w('afronden')}(${this.print(e.value)}, ${this.w('op')} ${this.print(e.quantum)}${mode})`;
      }
      case 'aggregate': {
        const over = this.w(e.over === 'activiteit' ? 'activiteit' : 'route');
        const filter = e.filter ? ` ${this.w('waarbij')} ${this.print(e.filter)}` : '';
        return `${this.w('som')}(${this.print(e.body)} ${this.w('voorElke')} ${over}${filter})`;
      }
      case 'message':
        // A conditional before `met melding` needs parentheses, or the message would bind to its else.
        return `${this.print(e.value, 2)} ${this.w('metMelding')} ${this.template(e.message)}`;
    }
  }

  /**
   * A formula over several lines when it does not fit in `width`: conditionals one branch per line,
   * calls one argument per line, sums and products broken before their operators. Each line keeps
   * the source range it prints, so comments inside a long formula stay near their code.
   */
  block(e: A.Expression, width: number): BlockLine[] {
    const flat = this.print(e);
    const whole = (text: string, node: A.Node = e): BlockLine => ({
      text,
      start: node.span.start,
      end: node.span.end,
    });
    if (flat.length <= width) return [whole(flat)];
    const nest = (lines: BlockLine[]) => lines.map((l) => ({ ...l, text: `  ${l.text}` }));
    switch (e.kind) {
      case 'conditional': {
        const out: BlockLine[] = [];
        let rest: A.Expression = e;
        let first = true;
        while (rest.kind === 'conditional') {
          const head = `${first ? '' : `${this.w('anders')} `}${this.w('als')} ${this.print(rest.condition)} ${this.w('dan')}`;
          const then = this.print(rest.then);
          const span = { span: { start: rest.span.start, end: rest.then.span.end } } as A.Node;
          if (head.length + 1 + then.length <= width) out.push(whole(`${head} ${then}`, span));
          else out.push(whole(head, rest.condition), ...nest(this.block(rest.then, width - 2)));
          rest = rest.else;
          first = false;
        }
        const last = `${this.w('anders')} ${this.print(rest)}`;
        if (last.length <= width) out.push(whole(last, rest));
        else out.push(whole(this.w('anders'), rest), ...nest(this.block(rest, width - 2)));
        return out;
      }
      case 'rounding':
      case 'call':
      case 'aggregate': {
        const args: { text: string; node: A.Expression }[] =
          e.kind === 'rounding'
            ? [
                { text: '', node: e.value },
                { text: `${this.w('op')} `, node: e.quantum },
              ]
            : e.kind === 'call'
              ? e.args.map((node) => ({ text: '', node }))
              : [{ text: '', node: e.body }];
        const head =
          e.kind === 'rounding'
            ? `${this.w('afronden')}(`
            : e.kind === 'call'
              ? `${e.callee.name}(`
              : `${this.w('som')}(`;
        const tail =
          e.kind === 'rounding' && e.mode !== 'half'
            ? ` ${this.w(e.mode === 'beneden' ? 'naarBeneden' : 'naarBoven')})`
            : e.kind === 'aggregate'
              ? ` ${this.w('voorElke')} ${this.w(e.over === 'activiteit' ? 'activiteit' : 'route')}${e.filter ? ` ${this.w('waarbij')} ${this.print(e.filter)}` : ''})`
              : ')';
        // The head line stands for `som(` only and the last line also for the tail, so a comment
        // after either stays on its line when the output is formatted again.
        const out: BlockLine[] = [
          { text: head, start: e.span.start, end: args[0]?.node.span.start ?? e.span.end },
        ];
        args.forEach((a, i) => {
          const lines = nest(this.block(a.node, width - 2 - a.text.length));
          lines[0] = { ...lines[0]!, text: `  ${a.text}${lines[0]!.text.slice(2)}` };
          const last = lines.length - 1;
          const end = i < args.length - 1 ? lines[last]!.end : e.span.end;
          lines[last] = {
            ...lines[last]!,
            text: lines[last]!.text + (i < args.length - 1 ? ',' : tail),
            end,
          };
          out.push(...lines);
        });
        return out;
      }
      case 'binary': {
        if (!['+', '-', '×', '/', 'en', 'of'].includes(e.operator)) return [whole(flat)];
        // Flatten a left-leaning chain of operators of the same strength: a × b × c + d.
        const operands: A.Expression[] = [];
        const operators: string[] = [];
        const strength = (op: string) =>
          op === '+' || op === '-' ? 6 : op === '×' || op === '/' ? 7 : op === 'en' ? 3 : 2;
        let node: A.Expression = e;
        while (node.kind === 'binary' && strength(node.operator) === strength(e.operator)) {
          operands.unshift(node.right);
          operators.unshift(
            node.operator === 'en' ? this.w('en') : node.operator === 'of' ? this.w('of') : node.operator,
          );
          node = node.left;
        }
        operands.unshift(node);
        const p = strength(e.operator);
        // Each operand on its own line, itself broken if it is still too long.
        const operand = (o: A.Expression, context: number, prefix: string): BlockLine[] => {
          const text = this.print(o, context);
          if (prefix.length + text.length <= width || precedence(o) < context)
            return [whole(prefix + text, o)];
          const lines = this.block(o, width - prefix.length);
          return lines.map((l, i) => ({
            ...l,
            text: (i === 0 ? prefix : ' '.repeat(prefix.length)) + l.text,
          }));
        };
        const out: BlockLine[] = operand(operands[0]!, p, '');
        operands.slice(1).forEach((o, i) => out.push(...operand(o, p + 1, `  ${operators[i]} `)));
        return out;
      }
      case 'message':
        return [
          ...this.block(e.value, width).map((l) => l),
          whole(`  ${this.w('metMelding')} ${this.template(e.message)}`, e.message),
        ];
      case 'parenthesized': {
        const inner = nest(this.block(e.expression, width - 2));
        return [
          { text: '(', start: e.span.start, end: e.expression.span.start },
          ...inner,
          { text: ')', start: e.span.end - 1, end: e.span.end },
        ];
      }
      default:
        return [whole(flat)];
    }
  }

  type(t: A.TypeReference): string {
    const opt = t.optional ? ` ${this.w('optioneel')}` : '';
    switch (t.kind) {
      case 'bedrag':
        return `${this.w('bedrag')}${t.per ? ` ${this.w('per')} ${unitWord(t.per, this.lang, false)}` : ''}${opt}`;
      case 'duur':
        return `${this.w('duur')}${t.unit ? ` ${this.w('in')} ${unitPlural(t.unit, this.lang)}` : ''}${opt}`;
      case 'named':
        return `${t.name.name}${opt}`;
      default:
        return `${this.w(t.kind)}${opt}`;
    }
  }
}
