// Tokens of the sroi language: every keyword in Dutch with its English alias, joined by a
// Chevrotain token category, so the parser sees one concept and the editor one keyword list.
import { createToken, Lexer, type TokenType } from 'chevrotain';

const LETTER = 'A-Za-zÀ-ÖØ-öø-ÿ_';
const WORD = `[${LETTER}][${LETTER}0-9]*`;

/** The characters of a character-class body such as `A-Za-z_` (ranges and single characters). */
function classChars(body: string): string[] {
  const chars = [...body];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      for (let c = chars[i]!.codePointAt(0)!; c <= chars[i + 2]!.codePointAt(0)!; c++)
        out.push(String.fromCodePoint(c));
      i += 2;
    } else out.push(chars[i]!);
  }
  return out;
}

/**
 * What Chevrotain would otherwise work out at startup by parsing every token's regular
 * expression (a third of building the lexer): the characters a token can start with, and
 * whether it can span lines. grammar/test/tokens.test.ts holds them to an unoptimised lexer.
 */
const starts = (chars: string) => ({ start_chars_hint: classChars(chars), line_breaks: false });
const DIGITS = starts('0-9');

/** Names: letters, digits and inner hyphens before a letter (mbo-bbl, jongere-zonder-startkwalificatie). */
export const Identifier = createToken({
  name: 'Identifier',
  label: 'naam',
  pattern: new RegExp(`${WORD}(?:-${WORD})*`),
  ...starts(LETTER),
});

/** Everything that may name a field after a dot, keywords included (activiteit.maanden). */
export const AnyWord = createToken({ name: 'AnyWord', label: 'naam', pattern: Lexer.NA });
/** Words that may name a definition or outcome although they are also type or unit words (percentage). */
export const NameWord = createToken({
  name: 'NameWord',
  label: 'naam',
  pattern: Lexer.NA,
  categories: [AnyWord],
});
Identifier.CATEGORIES = [NameWord, AnyWord];

/** The keyword concepts; each is a category token matched by its Dutch and English spellings. */
const keywordSpellings = {
  Regeling: [['regeling'], ['ruleset']],
  Versie: [['versie'], ['version']],
  Regio: [['regio'], ['region']],
  Gemeente: [['gemeente'], ['municipality']],
  Bron: [['bron'], ['source']],
  Aanname: [['aanname'], ['assumption']],
  Document: [['document'], ['document']],
  Bestand: [['bestand'], ['file']],
  Vindplaats: [['vindplaats'], ['url']],
  Breidt: [['breidt'], []],
  Uit: [['uit'], []],
  Extends: [[], ['extends']],
  Peildatum: [['peildatum'], ['reference-date']],
  Periode: [['periode'], ['period']],
  Van: [['van'], ['from']],
  Vanaf: [['vanaf'], ['from']],
  Tot: [['tot'], []],
  Met: [['met'], ['with']],
  Through: [[], ['through']],
  Opsomming: [['opsomming'], ['enumeration']],
  Parameter: [['parameter'], ['parameter']],
  Definitie: [['definitie'], ['definition']],
  Bij: [['bij'], ['for']],
  Tabel: [['tabel'], ['table']],
  Uniek: [['uniek'], ['unique']],
  Eerste: [['eerste'], ['first']],
  Som: [['som'], ['sum']],
  Waardering: [['waardering'], ['valuation']],
  Route: [['route'], ['route']],
  Maximum: [['maximum'], ['cap']],
  Uitkomst: [['uitkomst'], ['outcome']],
  Vereist: [['vereist'], ['requires']],
  Binnen: [['binnen'], ['within']],
  Als: [['als'], ['if']],
  Dan: [['dan'], ['then']],
  Anders: [['anders'], ['else', 'otherwise']],
  En: [['en'], ['and']],
  Tussen: [['tussen'], ['between']],
  Of: [['of'], ['or']],
  Niet: [['niet'], ['not']],
  In: [['in'], ['in']],
  Afronden: [['afronden'], ['round']],
  Op: [['op'], ['to']],
  Naar: [['naar'], []],
  Beneden: [['beneden'], ['down']],
  Boven: [['boven'], ['up']],
  Melding: [['melding'], ['message']],
  Onbekend: [['onbekend'], ['unknown']],
  Ja: [['ja'], ['yes']],
  Nee: [['nee'], ['no']],
  Optioneel: [['optioneel'], ['optional']],
  Voorbeeld: [['voorbeeld'], ['example']],
  Contract: [['contract'], ['contract']],
  Activiteit: [['activiteit'], ['activity']],
  Verwacht: [['verwacht'], ['expect']],
  Voor: [['voor'], ['for']],
  Elke: [['elke', 'elk'], ['each']],
  Waarbij: [['waarbij'], ['where']],
  Eigenschap: [['eigenschap'], ['property']],
  Per: [['per'], ['per']],
  Euro: [['EUR'], ['EUR']],
  // Type words: also allowed as names (the outcome `percentage`).
  Bedrag: [['bedrag'], ['money']],
  Getal: [['getal'], ['number']],
  Percentage: [['percentage'], ['percentage']],
  Datum: [['datum'], ['date']],
  Duur: [['duur'], ['duration']],
  Tekst: [['tekst'], ['text']],
  JaNee: [['janee'], ['boolean']],
  // Units of time.
  Jaar: [
    ['jaar', 'jaren'],
    ['year', 'years'],
  ],
  Maand: [
    ['maand', 'maanden'],
    ['month', 'months'],
  ],
  Week: [
    ['week', 'weken'],
    ['week', 'weeks'],
  ],
  Dag: [
    ['dag', 'dagen'],
    ['day', 'days'],
  ],
  Uur: [
    ['uur', 'uren'],
    ['hour', 'hours'],
  ],
} as const satisfies Record<string, readonly [readonly string[], readonly string[]]>;

export type KeywordName = keyof typeof keywordSpellings;

/** Type and unit words double as names where no keyword is expected. */
const nameLikeKeywords: readonly KeywordName[] = [
  'Bedrag',
  'Getal',
  'Percentage',
  'Datum',
  'Duur',
  'Tekst',
  'JaNee',
  'Jaar',
  'Maand',
  'Week',
  'Dag',
  'Uur',
];

/** Category token per keyword concept, e.g. `Kw.Als` matches both `als` and `if`. */
export const Kw = Object.fromEntries(
  Object.keys(keywordSpellings).map((name) => [
    name,
    createToken({
      name: `Kw${name}`,
      // Labels show in syntax errors: the Dutch spelling, or the English one if there is none.
      label:
        name === 'Euro'
          ? "'€'"
          : `'${(keywordSpellings[name as KeywordName][0][0] ?? keywordSpellings[name as KeywordName][1][0])!}'`,
      pattern: Lexer.NA,
      categories: nameLikeKeywords.includes(name as KeywordName) ? [NameWord, AnyWord] : [AnyWord],
    }),
  ]),
) as Record<KeywordName, TokenType>;

/** One concrete token per spelling; a spelling shared by two concepts (from, for) belongs to both. */
const spellingCategories = new Map<string, { language: 'nl' | 'en' | 'both'; categories: TokenType[] }>();
for (const [name, [dutch, english]] of Object.entries(keywordSpellings) as [
  KeywordName,
  readonly [readonly string[], readonly string[]],
][]) {
  for (const [language, spellings] of [
    ['nl', dutch],
    ['en', english],
  ] as const) {
    for (const spelling of spellings) {
      const entry = spellingCategories.get(spelling);
      if (entry) {
        if (!entry.categories.includes(Kw[name])) entry.categories.push(Kw[name]);
        if (entry.language !== language) entry.language = 'both';
      } else spellingCategories.set(spelling, { language, categories: [Kw[name]] });
    }
  }
}

/** The concrete keyword tokens, longest first so `vanaf` is not read as `van` + `af`. */
export const keywordTokens: readonly TokenType[] = [...spellingCategories.entries()]
  .sort(([a], [b]) => b.length - a.length || (a < b ? -1 : 1))
  .map(([spelling, { categories }]) =>
    createToken({
      name: `Word_${spelling.replace(/-/g, '_')}`,
      label: `'${spelling}'`,
      // A plain text pattern: Chevrotain takes its first character as is, no regex analysis.
      pattern: spelling,
      line_breaks: false,
      longer_alt: Identifier,
      categories,
    }),
  );

/** Every keyword spelling with its language, for editor highlighting and completion. */
export const keywordList: readonly {
  spelling: string;
  language: 'nl' | 'en' | 'both';
  concepts: string[];
}[] = [...spellingCategories.entries()]
  .map(([spelling, { language, categories }]) => ({
    spelling,
    language,
    concepts: categories.map((c) => c.name.replace(/^Kw/, '')),
  }))
  .sort((a, b) => (a.spelling < b.spelling ? -1 : 1));

// ── literals, punctuation and trivia ─────────────────────────────────────────

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\u00a0\u2028\u2029\ufeff]+/,
  group: Lexer.SKIPPED,
  start_chars_hint: [' ', '\t', '\r', '\n', '\u00a0', '\u2028', '\u2029', '\ufeff'],
  line_breaks: true,
});
/** `# ...` to the end of the line; kept in a group so the formatter can put comments back. */
export const Comment = createToken({
  name: 'Comment',
  pattern: /#[^\n\r\u2028\u2029]*/,
  group: 'comments',
  ...starts('#'),
});

export const StringLiteral = createToken({
  name: 'StringLiteral',
  label: 'tekst "..."',
  pattern: /"(?:[^"\\\n\r\u2028\u2029]|\\.)*"/,
  ...starts('"'),
});
/** A string that runs to the end of the line: reported (SR1007) but parsed as a string to keep going. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n\r\u2028\u2029]|\\.)*\\?/,
  ...starts('"'),
  categories: [StringLiteral],
});
export const DateLiteral = createToken({
  name: 'DateLiteral',
  label: 'datum JJJJ-MM-DD',
  pattern: /\d{4}-\d{2}-\d{2}/,
  ...DIGITS,
});
/** Digits with dots and commas; Dutch notation (50.000 / 1,5) is checked when building the AST. */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  label: 'getal',
  pattern: /\d+(?:[.,]\d+)*/,
  ...DIGITS,
});
export const EuroSign = createToken({
  name: 'EuroSign',
  label: "'€'",
  pattern: /€/,
  categories: [Kw.Euro],
  ...starts('€'),
});
export const PercentSign = createToken({ name: 'PercentSign', label: "'%'", pattern: /%/, ...starts('%') });

export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('", ...starts('(') });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'", ...starts(')') });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/, label: "'['", ...starts('[') });
export const RBracket = createToken({ name: 'RBracket', pattern: /]/, label: "']'", ...starts(']') });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','", ...starts(',') });
export const Colon = createToken({ name: 'Colon', pattern: /:/, label: "':'", ...starts(':') });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: "'.'", ...starts('.') });
export const Pipe = createToken({ name: 'Pipe', pattern: /\|/, label: "'|'", ...starts('|') });

export const ComparisonOperator = createToken({
  name: 'ComparisonOperator',
  label: 'vergelijking (=, <, ≥ ...)',
  pattern: Lexer.NA,
});
export const NotEquals = createToken({
  name: 'NotEquals',
  pattern: /≠|<>|!=/,
  ...starts('≠<!'),
  label: "'≠'",
  categories: [ComparisonOperator],
});
export const LessEquals = createToken({
  name: 'LessEquals',
  pattern: /≤|<=/,
  ...starts('≤<'),
  label: "'≤'",
  categories: [ComparisonOperator],
});
export const GreaterEquals = createToken({
  name: 'GreaterEquals',
  pattern: /≥|>=/,
  ...starts('≥>'),
  label: "'≥'",
  categories: [ComparisonOperator],
});
export const Less = createToken({
  name: 'Less',
  pattern: /</,
  ...starts('<'),
  label: "'<'",
  categories: [ComparisonOperator],
});
export const Greater = createToken({
  name: 'Greater',
  pattern: />/,
  ...starts('>'),
  label: "'>'",
  categories: [ComparisonOperator],
});
export const Equals = createToken({
  name: 'Equals',
  pattern: /=/,
  ...starts('='),
  label: "'='",
  categories: [ComparisonOperator],
});

export const AdditiveOperator = createToken({
  name: 'AdditiveOperator',
  label: "'+' of '-'",
  pattern: Lexer.NA,
});
export const Plus = createToken({
  name: 'Plus',
  pattern: /\+/,
  ...starts('+'),
  label: "'+'",
  categories: [AdditiveOperator],
});
/** Hyphen-minus, the Unicode minus sign and the en dash all subtract. */
export const Minus = createToken({
  name: 'Minus',
  pattern: /[-−–]/,
  ...starts('−–-'),
  label: "'-'",
  categories: [AdditiveOperator],
});
export const MultiplicativeOperator = createToken({
  name: 'MultiplicativeOperator',
  label: "'×' of '/'",
  pattern: Lexer.NA,
});
export const Times = createToken({
  name: 'Times',
  pattern: /[×*·]/,
  ...starts('×*·'),
  label: "'×'",
  categories: [MultiplicativeOperator],
});
export const Divide = createToken({
  name: 'Divide',
  pattern: /[/÷]/,
  ...starts('/÷'),
  label: "'/'",
  categories: [MultiplicativeOperator],
});

/** All tokens in lexing order: trivia, literals, keywords before identifiers, longest operators first. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLiteral,
  UnterminatedString,
  DateLiteral,
  NumberLiteral,
  EuroSign,
  PercentSign,
  ...keywordTokens,
  Identifier,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Dot,
  Pipe,
  NotEquals,
  LessEquals,
  GreaterEquals,
  Less,
  Greater,
  Equals,
  Plus,
  Minus,
  Times,
  Divide,
  // Categories last: they match nothing themselves but must be known to the lexer.
  ComparisonOperator,
  AdditiveOperator,
  MultiplicativeOperator,
  NameWord,
  AnyWord,
  ...Object.values(Kw),
];

/** How the lexer is configured; `positionTracking: full` gives lines and columns for diagnostics. */
export const lexerConfig = { positionTracking: 'full', ensureOptimizations: false } as const;

/**
 * The one lexer. Its definition checks are skipped at startup (they cost a tenth of a cold start);
 * grammar/test/tokens.test.ts builds a lexer of the same tokens with them on.
 */
export const sroiLexer = new Lexer(allTokens, { ...lexerConfig, skipValidations: true });

/** Whether a token is of a type or one of its categories (e.g. `tokenIs(t, Kw.Bron)`). */
export { tokenMatcher as tokenIs } from 'chevrotain';
