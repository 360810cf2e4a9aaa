// The sroi grammar: one CstParser, pure (no embedded actions), one rule per precedence level,
// lowest first. The AST is built from its CST by a separate visitor in @sroi/compiler.
import {
  CstParser,
  tokenLabel,
  tokenMatcher,
  type CstNode,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from 'chevrotain';
import {
  AdditiveOperator,
  AnyWord,
  allTokens,
  Colon,
  Comma,
  ComparisonOperator,
  DateLiteral,
  Dot,
  Equals,
  Identifier,
  Kw,
  keywordList,
  LBracket,
  LParen,
  Minus,
  MultiplicativeOperator,
  NameWord,
  NumberLiteral,
  PercentSign,
  Pipe,
  RBracket,
  RParen,
  StringLiteral,
} from './tokens.js';

/** Units of time after a number or `per`. */
const timeUnits: TokenType[] = [Kw.Jaar, Kw.Maand, Kw.Week, Kw.Dag, Kw.Uur];

/**
 * Syntax errors leave the parser as data (JSON in the message), so the compiler can word them
 * in Dutch or English with the catalogue's codes; the grammar itself stays free of our types.
 */
export interface SyntaxErrorPayload {
  readonly kind: 'mismatch' | 'no-alternative' | 'early-exit' | 'redundant';
  readonly expected: readonly string[];
  readonly rule: string;
}

const firstTokens = (paths: readonly (readonly TokenType[])[]): string[] => [
  ...new Set(paths.map((p) => (p[0] ? tokenLabel(p[0]) : 'einde'))),
];

const errorPayloads: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, ruleName }) =>
    JSON.stringify({
      kind: 'mismatch',
      expected: [tokenLabel(expected)],
      rule: ruleName,
    } satisfies SyntaxErrorPayload),
  buildNotAllInputParsedMessage: ({ ruleName }) =>
    JSON.stringify({ kind: 'redundant', expected: [], rule: ruleName } satisfies SyntaxErrorPayload),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, ruleName }) =>
    JSON.stringify({
      kind: 'no-alternative',
      expected: [...new Set(expectedPathsPerAlt.flatMap((alt) => firstTokens(alt)))],
      rule: ruleName,
    } satisfies SyntaxErrorPayload),
  buildEarlyExitMessage: ({ expectedIterationPaths, ruleName }) =>
    JSON.stringify({
      kind: 'early-exit',
      expected: firstTokens(expectedIterationPaths),
      rule: ruleName,
    } satisfies SyntaxErrorPayload),
};

export class SroiParser extends CstParser {
  /**
   * `validate` runs Chevrotain's grammar validations (ambiguities, left recursion, ...). They cost
   * about a third of a cold start and find nothing in a grammar that passed them once, so the
   * shared parser skips them; grammar/test/parser.test.ts builds one with them on.
   */
  constructor(options: { readonly validate?: boolean } = {}) {
    super(allTokens, {
      recoveryEnabled: true,
      // The grammar is LL(2) (its validations pass with 2; with 1 only `primary` is ambiguous).
      // Lookahead analysis grows fast with k: at 3 it was two thirds of building the parser.
      maxLookahead: 2,
      nodeLocationTracking: 'onlyOffset',
      errorMessageProvider: errorPayloads,
      skipValidations: options.validate !== true,
    });
    this.performSelfAnalysis();
  }

  // ── ruleset and header ────────────────────────────────────────────────────

  public ruleset = this.RULE('ruleset', () => {
    this.SUBRULE(this.header);
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  private header = this.RULE('header', () => {
    this.CONSUME(Kw.Regeling);
    this.CONSUME(StringLiteral, { LABEL: 'name' });
    this.MANY(() => this.SUBRULE(this.headerClause));
  });

  private headerClause = this.RULE('headerClause', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.versionClause) },
      { ALT: () => this.SUBRULE(this.regionClause) },
      { ALT: () => this.SUBRULE(this.municipalityClause) },
      { ALT: () => this.SUBRULE(this.provenance) },
      { ALT: () => this.SUBRULE(this.documentClause) },
      { ALT: () => this.SUBRULE(this.extendsClause) },
      { ALT: () => this.SUBRULE(this.referenceDateClause) },
      { ALT: () => this.SUBRULE(this.period) },
    ]);
  });

  private versionClause = this.RULE('versionClause', () => {
    this.CONSUME(Kw.Versie);
    this.CONSUME(StringLiteral);
  });

  private regionClause = this.RULE('regionClause', () => {
    this.CONSUME(Kw.Regio);
    this.CONSUME(StringLiteral);
  });

  private municipalityClause = this.RULE('municipalityClause', () => {
    this.CONSUME(Kw.Gemeente);
    this.CONSUME(StringLiteral);
  });

  /**
   * `document beleid "Titel" bestand "beleid.txt" vindplaats "https://..."`: a source document
   * the ruleset quotes, with where its text is found (checked by `sroi check --bronnen`).
   */
  private documentClause = this.RULE('documentClause', () => {
    this.CONSUME(Kw.Document);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(StringLiteral, { LABEL: 'title' });
    this.MANY(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(Kw.Bestand);
            this.CONSUME2(StringLiteral, { LABEL: 'file' });
          },
        },
        {
          ALT: () => {
            this.CONSUME(Kw.Vindplaats);
            this.CONSUME3(StringLiteral, { LABEL: 'location' });
          },
        },
      ]),
    );
  });

  private extendsClause = this.RULE('extendsClause', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Kw.Breidt);
          this.CONSUME(Kw.Uit);
        },
      },
      { ALT: () => this.CONSUME(Kw.Extends) },
    ]);
    this.CONSUME(StringLiteral, { LABEL: 'path' });
  });

  private referenceDateClause = this.RULE('referenceDateClause', () => {
    this.CONSUME(Kw.Peildatum);
    this.SUBRULE(this.path);
  });

  /** `periode "2023-2027" van 2023-07-01 tot en met 2027-12-31`: both ends inclusive. */
  private period = this.RULE('period', () => {
    this.CONSUME(Kw.Periode);
    this.CONSUME(StringLiteral, { LABEL: 'name' });
    this.CONSUME(Kw.Van);
    this.CONSUME(DateLiteral, { LABEL: 'from' });
    this.SUBRULE(this.throughKeyword);
    this.CONSUME2(DateLiteral, { LABEL: 'to' });
    this.MANY(() => this.SUBRULE(this.provenance));
  });

  private throughKeyword = this.RULE('throughKeyword', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Kw.Tot);
          this.CONSUME(Kw.En);
          this.CONSUME(Kw.Met);
        },
      },
      { ALT: () => this.CONSUME(Kw.Through) },
    ]);
  });

  /**
   * `bron "..."` cites a public source; `aanname "..."` marks a provisional value. A document name
   * before the text (`bron beleid "... '...'"`) says which declared document its quotes quote.
   */
  private provenance = this.RULE('provenance', () => {
    this.OR([
      { ALT: () => this.CONSUME(Kw.Bron, { LABEL: 'kind' }) },
      { ALT: () => this.CONSUME(Kw.Aanname, { LABEL: 'kind' }) },
    ]);
    this.OPTION(() => this.CONSUME(Identifier, { LABEL: 'document' }));
    this.CONSUME(StringLiteral, { LABEL: 'text' });
  });

  // ── declarations ──────────────────────────────────────────────────────────

  /** Public for incremental reparsing: one declaration on its own (`parseDeclarationAt`). */
  public declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.enumeration) },
      { ALT: () => this.SUBRULE(this.parameter) },
      { ALT: () => this.SUBRULE(this.table) },
      { ALT: () => this.SUBRULE(this.definition) },
      { ALT: () => this.SUBRULE(this.valuation) },
      { ALT: () => this.SUBRULE(this.route) },
      { ALT: () => this.SUBRULE(this.outcome) },
      { ALT: () => this.SUBRULE(this.example) },
      { ALT: () => this.SUBRULE(this.property) },
    ]);
  });

  /** `opsomming doelgroep: participatiewet, wia, ...` */
  private enumeration = this.RULE('enumeration', () => {
    this.CONSUME(Kw.Opsomming);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.CONSUME(Colon);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME2(Identifier, { LABEL: 'values' }) });
    this.MANY(() => this.SUBRULE(this.provenance));
  });

  /**
   * A named value: constant (`= 5%`) or varying by reference date (`vanaf 2023-07-01: € 50.000`),
   * optionally within a range (`percentage tussen 0% en 100%`) that every value must respect.
   */
  private parameter = this.RULE('parameter', () => {
    this.CONSUME(Kw.Parameter);
    this.CONSUME(NameWord, { LABEL: 'name' });
    this.CONSUME(Colon);
    this.SUBRULE(this.typeReference);
    this.OPTION(() => this.SUBRULE(this.parameterRange, { LABEL: 'range' }));
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Equals);
          this.SUBRULE(this.expression, { LABEL: 'value' });
          this.MANY(() => this.SUBRULE(this.provenance));
        },
      },
      { ALT: () => this.AT_LEAST_ONE(() => this.SUBRULE(this.versionedValue)) },
    ]);
  });

  /** `tussen 0% en 100%`: constants, so `en` is never read as a logical and. */
  private parameterRange = this.RULE('parameterRange', () => {
    this.CONSUME(Kw.Tussen);
    this.OPTION(() => this.CONSUME(Minus, { LABEL: 'lowNegative' }));
    this.SUBRULE(this.literal, { LABEL: 'low' });
    this.CONSUME(Kw.En);
    this.OPTION2(() => this.CONSUME2(Minus, { LABEL: 'highNegative' }));
    this.SUBRULE2(this.literal, { LABEL: 'high' });
  });

  private versionedValue = this.RULE('versionedValue', () => {
    this.CONSUME(Kw.Vanaf);
    this.CONSUME(DateLiteral, { LABEL: 'from' });
    this.OPTION(() => this.CONSUME(Colon));
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.MANY(() => this.SUBRULE(this.provenance));
  });

  /** bedrag [per jaar] · getal · percentage · datum · duur [in maanden] · tekst · janee · <opsomming>, then [optioneel]. */
  private typeReference = this.RULE('typeReference', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Kw.Bedrag, { LABEL: 'base' });
          this.OPTION(() => {
            this.CONSUME(Kw.Per);
            this.SUBRULE(this.timeUnit, { LABEL: 'per' });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME(Kw.Duur, { LABEL: 'base' });
          this.OPTION2(() => {
            this.CONSUME(Kw.In);
            this.SUBRULE2(this.timeUnit, { LABEL: 'unit' });
          });
        },
      },
      { ALT: () => this.CONSUME(Kw.Getal, { LABEL: 'base' }) },
      { ALT: () => this.CONSUME(Kw.Percentage, { LABEL: 'base' }) },
      { ALT: () => this.CONSUME(Kw.Datum, { LABEL: 'base' }) },
      { ALT: () => this.CONSUME(Kw.Tekst, { LABEL: 'base' }) },
      { ALT: () => this.CONSUME(Kw.JaNee, { LABEL: 'base' }) },
      { ALT: () => this.CONSUME(Identifier, { LABEL: 'named' }) },
    ]);
    this.OPTION3(() => this.CONSUME(Kw.Optioneel));
  });

  private timeUnit = this.RULE('timeUnit', () => {
    this.OR(timeUnits.map((t) => ({ ALT: () => this.CONSUME(t) })));
  });

  /**
   * A decision table. Its signature names the inputs and outputs; rows follow, optionally
   * grouped per start date (`vanaf`). The hit policy says what happens when rows overlap.
   */
  private table = this.RULE('table', () => {
    this.CONSUME(Kw.Tabel);
    this.CONSUME(NameWord, { LABEL: 'name' });
    this.CONSUME(LParen);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.tableColumn, { LABEL: 'inputs' }) });
    this.CONSUME(RParen);
    this.CONSUME(Colon);
    this.OR([
      {
        ALT: () => {
          this.CONSUME2(LParen);
          this.AT_LEAST_ONE_SEP2({
            SEP: Comma,
            DEF: () => this.SUBRULE2(this.tableColumn, { LABEL: 'outputs' }),
          });
          this.CONSUME2(RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.typeReference, { LABEL: 'output' }) },
    ]);
    this.OPTION(() => this.SUBRULE(this.hitPolicy));
    this.MANY(() => this.SUBRULE(this.provenance));
    this.OR2([
      { ALT: () => this.AT_LEAST_ONE(() => this.SUBRULE(this.tableRow, { LABEL: 'rows' })) },
      { ALT: () => this.AT_LEAST_ONE2(() => this.SUBRULE(this.tableVersion)) },
    ]);
  });

  private tableColumn = this.RULE('tableColumn', () => {
    this.CONSUME(NameWord, { LABEL: 'name' });
    this.CONSUME(Colon);
    this.SUBRULE(this.typeReference);
  });

  private hitPolicy = this.RULE('hitPolicy', () => {
    this.CONSUME(LBracket);
    this.OR([
      { ALT: () => this.CONSUME(Kw.Uniek, { LABEL: 'policy' }) },
      { ALT: () => this.CONSUME(Kw.Eerste, { LABEL: 'policy' }) },
      { ALT: () => this.CONSUME(Kw.Som, { LABEL: 'policy' }) },
    ]);
    this.CONSUME(RBracket);
  });

  private tableVersion = this.RULE('tableVersion', () => {
    this.CONSUME(Kw.Vanaf);
    this.CONSUME(DateLiteral, { LABEL: 'from' });
    this.OPTION(() => this.CONSUME(Colon));
    this.MANY(() => this.SUBRULE(this.provenance));
    this.AT_LEAST_ONE(() => this.SUBRULE(this.tableRow, { LABEL: 'rows' }));
  });

  /** `| participatiewet | € 40.000 |`: a row ends where the next `|` cannot start a cell. */
  private tableRow = this.RULE('tableRow', () => {
    this.CONSUME(Pipe);
    this.AT_LEAST_ONE({
      // `route werken` or `waardering plaatsing` after a row is the next declaration, not a cell.
      GATE: () => !this.declarationAhead(),
      DEF: () => {
        this.SUBRULE(this.tableCell, { LABEL: 'cells' });
        this.CONSUME2(Pipe);
      },
    });
    this.MANY(() => this.SUBRULE(this.provenance));
  });

  /** `-` (any value), `< 3`, `>= 3 en < 5`, or one or more values separated by commas. */
  private tableCell = this.RULE('tableCell', () => {
    this.OR([
      {
        GATE: () => this.LA(2).tokenType === Pipe,
        ALT: () => this.CONSUME(Minus, { LABEL: 'any' }),
      },
      {
        ALT: () => {
          // A bound that is one literal or name (`≥ 10 en < 20`, as nearly all are) is a cellValue,
          // not the six precedence levels of `additive`: a 100,000-row table has 200,000 bounds.
          this.CONSUME(ComparisonOperator, { LABEL: 'operator' });
          this.OR3({
            IGNORE_AMBIGUITIES: true,
            DEF: [
              {
                GATE: () => this.cellValueAhead(true),
                ALT: () => this.SUBRULE2(this.cellValue, { LABEL: 'bound' }),
              },
              { ALT: () => this.SUBRULE(this.additive, { LABEL: 'bound' }) },
            ],
          });
          this.OPTION(() => {
            this.CONSUME(Kw.En);
            this.CONSUME2(ComparisonOperator, { LABEL: 'operator' });
            this.OR4({
              IGNORE_AMBIGUITIES: true,
              DEF: [
                {
                  GATE: () => this.cellValueAhead(true),
                  ALT: () => this.SUBRULE3(this.cellValue, { LABEL: 'bound' }),
                },
                { ALT: () => this.SUBRULE2(this.additive, { LABEL: 'bound' }) },
              ],
            });
          });
        },
      },
      {
        ALT: () =>
          this.AT_LEAST_ONE_SEP({
            SEP: Comma,
            DEF: () =>
              this.OR2({
                // Both start with a literal or a name; the gate decides, by token types only.
                IGNORE_AMBIGUITIES: true,
                DEF: [
                  {
                    GATE: () => this.cellValueAhead(),
                    ALT: () => this.SUBRULE(this.cellValue, { LABEL: 'values' }),
                  },
                  { ALT: () => this.SUBRULE(this.expression, { LABEL: 'values' }) },
                ],
              }),
          }),
      },
    ]);
  });

  /**
   * A cell value that is one literal or one name, as most cells are (`participatiewet`,
   * `€ 40.000 per jaar`): parsed as itself, not through the eleven precedence levels of
   * `expression`, which were three quarters of a table's syntax tree. The AST is the same.
   */
  private cellValue = this.RULE('cellValue', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.literal) },
      { ALT: () => this.CONSUME(NameWord, { LABEL: 'name' }) },
    ]);
  });

  /**
   * Whether the next value of a cell is a `cellValue` and nothing more: a literal or a name,
   * then `|` or `,` (a bound: `|` or `en`). Reads token types only, at most five tokens ahead
   * (`DECLARATION_LOOKAHEAD`).
   */
  private cellValueAhead(bound = false): boolean {
    const is = (k: number, type: TokenType) => tokenMatcher(this.LA(k), type);
    const isUnit = (k: number) => timeUnits.some((u) => is(k, u));
    let length: number;
    if (is(1, Kw.Euro)) {
      if (!is(2, NumberLiteral)) return false;
      length = is(3, Kw.Per) ? (isUnit(4) ? 4 : 0) : 2;
    } else if (is(1, NumberLiteral)) length = is(2, PercentSign) || isUnit(2) ? 2 : 1;
    else if (
      is(1, NameWord) ||
      is(1, DateLiteral) ||
      is(1, StringLiteral) ||
      is(1, Kw.Ja) ||
      is(1, Kw.Nee) ||
      is(1, Kw.Onbekend)
    )
      length = 1;
    else return false;
    return length > 0 && (is(length + 1, Pipe) || (bound ? is(length + 1, Kw.En) : is(length + 1, Comma)));
  }

  /** `definitie naam [bij soort]: type = formule`; with `bij`, `activiteit` is in scope. */
  private definition = this.RULE('definition', () => {
    this.CONSUME(Kw.Definitie);
    this.CONSUME(NameWord, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(Kw.Bij);
      this.CONSUME(Identifier, { LABEL: 'scope' });
    });
    this.CONSUME(Colon);
    this.SUBRULE(this.typeReference);
    this.CONSUME(Equals);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.MANY(() => this.SUBRULE(this.provenance));
  });

  /**
   * `waardering plaatsing = formule`, with requirements whose failure values it at € 0 with a
   * message, and `binnen <duur>`: a melding when the activity's months run past the contract.
   */
  private valuation = this.RULE('valuation', () => {
    this.CONSUME(Kw.Waardering);
    this.CONSUME(Identifier, { LABEL: 'kind' });
    this.CONSUME(Equals);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.MANY(() => this.SUBRULE(this.provenance));
    this.MANY2(() => this.SUBRULE(this.requirement));
    this.OPTION(() => this.SUBRULE(this.within));
  });

  /** `binnen looptijd_contract`: the contract's duration in months, which the activity's should not exceed. */
  private within = this.RULE('within', () => {
    this.CONSUME(Kw.Binnen);
    this.SUBRULE(this.expression, { LABEL: 'duration' });
    this.MANY(() => this.SUBRULE(this.provenance));
  });

  private requirement = this.RULE('requirement', () => {
    this.CONSUME(Kw.Vereist);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.CONSUME(Kw.Anders);
    this.CONSUME(StringLiteral, { LABEL: 'message' });
    this.MANY(() => this.SUBRULE(this.provenance));
  });

  /** `route naam "Label": soort, soort [maximum formule]`: the activity kinds that count together. */
  private route = this.RULE('route', () => {
    this.CONSUME(Kw.Route);
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.OPTION(() => this.CONSUME(StringLiteral, { LABEL: 'label' }));
    this.CONSUME(Colon);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME2(Identifier, { LABEL: 'kinds' }) });
    this.MANY(() => this.SUBRULE(this.provenance));
    this.OPTION2(() => this.SUBRULE(this.routeCap));
  });

  private routeCap = this.RULE('routeCap', () => {
    this.CONSUME(Kw.Maximum);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.MANY(() => this.SUBRULE(this.provenance));
  });

  /** `uitkomst verplichting: bedrag = formule`: a named result. */
  private outcome = this.RULE('outcome', () => {
    this.CONSUME(Kw.Uitkomst);
    this.CONSUME(NameWord, { LABEL: 'name' });
    this.CONSUME(Colon);
    this.SUBRULE(this.typeReference);
    this.CONSUME(Equals);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.MANY(() => this.SUBRULE(this.provenance));
  });

  /** A worked example: a contract, its activities and the outcomes it must give. */
  private example = this.RULE('example', () => {
    this.CONSUME(Kw.Voorbeeld);
    this.CONSUME(StringLiteral, { LABEL: 'title' });
    this.MANY(() => this.SUBRULE(this.provenance));
    this.MANY2(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.exampleContract) },
        { ALT: () => this.SUBRULE(this.exampleActivity) },
        { ALT: () => this.SUBRULE(this.exampleExpectations) },
      ]),
    );
  });

  private exampleContract = this.RULE('exampleContract', () => {
    this.CONSUME(Kw.Contract);
    this.MANY(() => this.SUBRULE(this.fieldValue));
  });

  private exampleActivity = this.RULE('exampleActivity', () => {
    this.CONSUME(Kw.Activiteit);
    this.CONSUME(Identifier, { LABEL: 'kind' });
    this.MANY(() => this.SUBRULE(this.fieldValue));
  });

  private fieldValue = this.RULE('fieldValue', () => {
    this.CONSUME(NameWord, { LABEL: 'field' });
    this.SUBRULE(this.exampleValue, { LABEL: 'value' });
  });

  private exampleExpectations = this.RULE('exampleExpectations', () => {
    this.CONSUME(Kw.Verwacht);
    // `waardering 1 € 5` is an expectation; `waardering plaatsing = ...` the next declaration.
    this.MANY({ GATE: () => !this.declarationAhead(), DEF: () => this.SUBRULE(this.expectation) });
  });

  /** `verplichting € 6.000` · `waardering 1 € 13.333,33` · `melding "begrensd"`. */
  private expectation = this.RULE('expectation', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Kw.Waardering);
          this.CONSUME(NumberLiteral, { LABEL: 'index' });
          this.SUBRULE(this.exampleValue, { LABEL: 'value' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(Kw.Melding);
          this.CONSUME(StringLiteral, { LABEL: 'message' });
        },
      },
      {
        ALT: () => {
          this.CONSUME(NameWord, { LABEL: 'outcome' });
          this.SUBRULE2(this.exampleValue, { LABEL: 'value' });
        },
      },
    ]);
  });

  /** `eigenschap "naam": voor elk contract geldt formule` (checked with generated contracts). */
  private property = this.RULE('property', () => {
    this.CONSUME(Kw.Eigenschap);
    this.CONSUME(StringLiteral, { LABEL: 'title' });
    this.OPTION(() => this.CONSUME(Colon));
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.MANY(() => this.SUBRULE(this.provenance));
  });

  // ── expressions, lowest precedence first ──────────────────────────────────

  /** A formula, optionally followed by `met melding "..."` which reports when it is used. */
  public expression = this.RULE('expression', () => {
    this.OR([{ ALT: () => this.SUBRULE(this.conditional) }, { ALT: () => this.SUBRULE(this.disjunction) }]);
    this.OPTION(() => {
      this.CONSUME(Kw.Met);
      this.CONSUME(Kw.Melding);
      this.CONSUME(StringLiteral, { LABEL: 'message' });
    });
  });

  /** `als c dan a anders b`; `anders als` chains without extra nesting in the source. */
  private conditional = this.RULE('conditional', () => {
    this.CONSUME(Kw.Als);
    this.SUBRULE(this.expression, { LABEL: 'condition' });
    this.CONSUME(Kw.Dan);
    this.SUBRULE2(this.expression, { LABEL: 'then' });
    this.CONSUME(Kw.Anders);
    this.SUBRULE3(this.expression, { LABEL: 'else' });
  });

  private disjunction = this.RULE('disjunction', () => {
    this.SUBRULE(this.conjunction, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(Kw.Of);
      this.SUBRULE2(this.conjunction, { LABEL: 'operands' });
    });
  });

  private conjunction = this.RULE('conjunction', () => {
    this.SUBRULE(this.negation, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(Kw.En);
      this.SUBRULE2(this.negation, { LABEL: 'operands' });
    });
  });

  private negation = this.RULE('negation', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Kw.Niet);
          this.SUBRULE(this.negation, { LABEL: 'operand' });
        },
      },
      { ALT: () => this.SUBRULE(this.comparison, { LABEL: 'operand' }) },
    ]);
  });

  /** Comparisons do not chain: `a < b < c` is read, then refused with its own message (SR1013). */
  private comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive, { LABEL: 'lhs' });
    this.OPTION(() =>
      this.OR([
        {
          ALT: () => {
            this.CONSUME(ComparisonOperator, { LABEL: 'operator' });
            this.SUBRULE2(this.additive, { LABEL: 'rhs' });
          },
        },
        {
          ALT: () => {
            this.OPTION2(() => this.CONSUME(Kw.Niet, { LABEL: 'negated' }));
            this.CONSUME(Kw.In);
            this.CONSUME(LParen);
            this.AT_LEAST_ONE_SEP({
              SEP: Comma,
              DEF: () => this.SUBRULE(this.expression, { LABEL: 'options' }),
            });
            this.CONSUME(RParen);
          },
        },
      ]),
    );
    this.MANY(() => {
      this.CONSUME2(ComparisonOperator, { LABEL: 'chained' });
      this.SUBRULE3(this.additive, { LABEL: 'chainedRhs' });
    });
  });

  public additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(AdditiveOperator, { LABEL: 'operators' });
      this.SUBRULE2(this.multiplicative, { LABEL: 'operands' });
    });
  });

  private multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(MultiplicativeOperator, { LABEL: 'operators' });
      this.SUBRULE2(this.unary, { LABEL: 'operands' });
    });
  });

  private unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Minus);
          this.SUBRULE(this.unary, { LABEL: 'operand' });
        },
      },
      { ALT: () => this.SUBRULE(this.postfix, { LABEL: 'operand' }) },
    ]);
  });

  /** A primary followed by field accesses: `contract.waarde`, `tabel(x).jaarwaarde`. */
  private postfix = this.RULE('postfix', () => {
    this.SUBRULE(this.primary);
    this.MANY(() => {
      this.CONSUME(Dot);
      this.CONSUME(AnyWord, { LABEL: 'fields' });
    });
  });

  private primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.literal) },
      { ALT: () => this.SUBRULE(this.rounding) },
      { ALT: () => this.SUBRULE(this.aggregate) },
      { ALT: () => this.SUBRULE(this.call) },
      { ALT: () => this.SUBRULE(this.parenthesized) },
      { ALT: () => this.CONSUME(NameWord, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(Kw.Contract, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(Kw.Activiteit, { LABEL: 'name' }) },
      { ALT: () => this.CONSUME(Kw.Route, { LABEL: 'name' }) },
      // The reference date is a value too: `als peildatum ≥ 2025-07-01 dan ...`.
      { ALT: () => this.CONSUME(Kw.Peildatum, { LABEL: 'name' }) },
      // In a property: `stijgend(waardering, plaatsing.maanden)`.
      { ALT: () => this.CONSUME(Kw.Waardering, { LABEL: 'name' }) },
    ]);
  });

  private parenthesized = this.RULE('parenthesized', () => {
    this.CONSUME(LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(RParen);
  });

  /** A table lookup or a built-in function: `jaarwaarde(activiteit.doelgroep)`, `min(a, b)`. */
  private call = this.RULE('call', () => {
    this.CONSUME(NameWord, { LABEL: 'callee' });
    this.CONSUME(LParen);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.expression, { LABEL: 'arguments' }) });
    this.CONSUME(RParen);
  });

  /** `afronden(x, op € 0,01 [naar beneden|naar boven])`: rounding is always explicit. */
  private rounding = this.RULE('rounding', () => {
    this.CONSUME(Kw.Afronden);
    this.CONSUME(LParen);
    this.SUBRULE(this.expression, { LABEL: 'value' });
    this.CONSUME(Comma);
    this.CONSUME(Kw.Op);
    this.SUBRULE2(this.expression, { LABEL: 'quantum' });
    this.OPTION(() => {
      this.OPTION2(() => this.CONSUME(Kw.Naar));
      this.OR([
        { ALT: () => this.CONSUME(Kw.Beneden, { LABEL: 'mode' }) },
        { ALT: () => this.CONSUME(Kw.Boven, { LABEL: 'mode' }) },
      ]);
    });
    this.CONSUME(RParen);
  });

  /** `som(activiteit.waardering voor elke activiteit [waarbij ...])`, also over routes. */
  private aggregate = this.RULE('aggregate', () => {
    this.CONSUME(Kw.Som);
    this.CONSUME(LParen);
    this.SUBRULE(this.expression, { LABEL: 'body' });
    this.CONSUME(Kw.Voor);
    this.CONSUME(Kw.Elke);
    this.OR([
      { ALT: () => this.CONSUME(Kw.Activiteit, { LABEL: 'over' }) },
      { ALT: () => this.CONSUME(Kw.Route, { LABEL: 'over' }) },
    ]);
    this.OPTION(() => {
      this.CONSUME(Kw.Waarbij);
      this.SUBRULE2(this.expression, { LABEL: 'filter' });
    });
    this.CONSUME(RParen);
  });

  /** `€ 40.000 [per jaar]`, `5%`, `12 maanden`, `1,5`, a date, a text, ja/nee, onbekend. */
  public literal = this.RULE('literal', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Kw.Euro);
          this.CONSUME(NumberLiteral, { LABEL: 'amount' });
          this.OPTION(() => {
            this.CONSUME(Kw.Per);
            this.SUBRULE(this.timeUnit, { LABEL: 'per' });
          });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(NumberLiteral, { LABEL: 'number' });
          this.OPTION2(() =>
            this.OR2([
              { ALT: () => this.CONSUME(PercentSign, { LABEL: 'percent' }) },
              { ALT: () => this.SUBRULE2(this.timeUnit, { LABEL: 'unit' }) },
            ]),
          );
        },
      },
      { ALT: () => this.CONSUME(DateLiteral, { LABEL: 'date' }) },
      { ALT: () => this.CONSUME(StringLiteral, { LABEL: 'text' }) },
      { ALT: () => this.CONSUME(Kw.Ja, { LABEL: 'boolean' }) },
      { ALT: () => this.CONSUME(Kw.Nee, { LABEL: 'boolean' }) },
      { ALT: () => this.CONSUME(Kw.Onbekend, { LABEL: 'unknown' }) },
    ]);
  });

  /**
   * A value in an example: `€ 6.000`, `0,5`, `20%`, a date, a text, ja/nee or a word such as an
   * enumeration value. No units: the field says what it counts (so `fte 1 maanden 12` reads right).
   */
  private exampleValue = this.RULE('exampleValue', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Kw.Euro);
          this.CONSUME(NumberLiteral, { LABEL: 'amount' });
        },
      },
      {
        ALT: () => {
          this.CONSUME2(NumberLiteral, { LABEL: 'number' });
          this.OPTION(() => this.CONSUME(PercentSign, { LABEL: 'percent' }));
        },
      },
      { ALT: () => this.CONSUME(DateLiteral, { LABEL: 'date' }) },
      { ALT: () => this.CONSUME(StringLiteral, { LABEL: 'text' }) },
      { ALT: () => this.CONSUME(Kw.Ja, { LABEL: 'boolean' }) },
      { ALT: () => this.CONSUME(Kw.Nee, { LABEL: 'boolean' }) },
      { ALT: () => this.CONSUME(Kw.Onbekend, { LABEL: 'unknown' }) },
      { ALT: () => this.CONSUME(Identifier, { LABEL: 'word' }) },
    ]);
  });

  /**
   * Whether the next tokens start a `route` or `waardering` declaration. Both words are also values
   * (`route.totaal`, `waardering` in a property), so a loop that can start with a value would read
   * on into the next declaration: Chevrotain decides a repetition by the rule's own tokens only.
   * Followed by a name, they can only be a declaration: no formula puts two names side by side.
   */
  private declarationAhead(): boolean {
    const next = this.LA(1);
    return (
      (tokenMatcher(next, Kw.Route) || tokenMatcher(next, Kw.Waardering)) &&
      this.LA(2).tokenType === Identifier
    );
  }

  // ── helpers used by the path root ─────────────────────────────────────────

  private path = this.RULE('path', () => {
    this.OR([
      { ALT: () => this.CONSUME(Kw.Contract, { LABEL: 'root' }) },
      { ALT: () => this.CONSUME(Kw.Activiteit, { LABEL: 'root' }) },
      { ALT: () => this.CONSUME(Identifier, { LABEL: 'root' }) },
    ]);
    this.MANY(() => {
      this.CONSUME(Dot);
      this.CONSUME(AnyWord, { LABEL: 'fields' });
    });
  });
}

/** The one parser instance: Chevrotain parsers are built once and reset per input. */
export const sroiParser = new SroiParser();

/**
 * The keyword spellings that can start a declaration (`parameter`, `waardering`, `table`, ...),
 * taken from the grammar's own first set, so that "did you mean" never lags behind the grammar.
 */
export const declarationKeywords: readonly string[] = (() => {
  const concepts = new Set(
    sroiParser.computeContentAssist('declaration', []).map((p) => p.nextTokenType.name.replace(/^Kw/, '')),
  );
  return keywordList.filter((k) => k.concepts.some((c) => concepts.has(c))).map((k) => k.spelling);
})();

export type { CstNode, IToken };
