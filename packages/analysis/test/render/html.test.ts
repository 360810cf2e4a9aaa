import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildMatrix,
  compareContract,
  compareHtml,
  diffHtml,
  diffRulesets,
  escapeHtml,
  matrixHtml,
} from '../../src/index.js';
import { review, reviewText, rulesetsDir } from '../support/rulesets.js';

const hostile = reviewText(
  'kwaadaardig.sroi',
  `regeling "<script>alert('naam')</script>"
  gemeente "</td><img src=x onerror=alert(1)>"
  bron "<a href='javascript:alert(2)'>bron</a> & meer"
  breidt uit "rijnmond-2023-2027.sroi"

parameter sr_percentage: percentage = 4%
  aanname "<iframe src=//evil></iframe>"

waardering maatwerk =
  € 0 met melding "<b onmouseover=alert(3)>niet</b>"
  aanname "<style>body{display:none}</style>"
`,
);

/** Every tag in the page: only the ones the renderer writes itself. */
const tags = (html: string) =>
  [...new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1]!.toLowerCase()))].sort();
const own = [
  '!doctype',
  'a',
  'b',
  'body',
  'br',
  'code',
  'del',
  'h1',
  'h2',
  'h3',
  'head',
  'html',
  'ins',
  'li',
  'meta',
  'ol',
  'p',
  'span',
  'strong',
  'style',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'title',
  'tr',
  'ul',
  // the charts: ECharts' server-side SVG
  'clippath',
  'defs',
  'div',
  'figure',
  'g',
  'path',
  'rect',
  'svg',
  'text',
  'tspan',
];

describe('HTML reports', () => {
  test('escape every text from a ruleset: no tag, attribute or script of its own gets through', () => {
    const d = diffHtml(diffRulesets(review('rijnmond-2023-2027.sroi'), hostile));
    const m = matrixHtml(buildMatrix([review('rijnmond-2023-2027.sroi'), hostile]));
    const contract = JSON.parse(
      readFileSync(join(rulesetsDir, 'examples/schoonmaak-stadskantoor.json'), 'utf8'),
    );
    const c = compareHtml(compareContract([review('rijnmond-2023-2027.sroi'), hostile], contract));
    for (const html of [d, m, c]) {
      expect(tags(html).filter((t) => !own.includes(t))).toEqual([]);
      expect(html).not.toMatch(/<(script|img|iframe|a |b )/i);
      expect(html).not.toMatch(/<[^>]*\son\w+=/i);
      expect(html.match(/<style>/g)).toHaveLength(1);
    }
    expect(d).toContain('&lt;script&gt;alert(&#39;naam&#39;)&lt;/script&gt;');
    expect(m).toContain('&lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(c).toContain('<th>&lt;script&gt;alert(&#39;naam&#39;)&lt;/script&gt;</th>');
    // The ruleset's name in the chart legends, escaped by the SVG renderer.
    expect(
      m.match(/<text[^>]*>[^<]*&lt;script&gt;alert\(&#39;naam&#39;\)&lt;\/script&gt;<\/text>/g)?.length,
    ).toBeGreaterThan(0);
  });

  test('the matrix opens with a summary and charts, then the matrix with a fixed first column', () => {
    const html = matrixHtml(
      buildMatrix([review('haaglanden-zhc-2023.sroi'), review('rijnmond-2023-2027.sroi')]),
    );
    const headings = [...html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((x) => x[1]);
    expect(headings).toEqual(['Samenvatting', 'Grafieken', 'De matrix']);
    expect(html.match(/<figure><svg /g)).toHaveLength(4); // placements, and one per opdrachtsoort
    // The placements' value axis is in euros (it once said 40000% for € 40.000), the obligations' in %.
    const [placements, obligation] = html.split('<figure>').slice(1, 3);
    expect(placements).toMatch(/>€ 40\.000</);
    expect(placements).not.toMatch(/>\d+%</);
    expect(obligation).toMatch(/>5%</);
    expect(html).toContain('position: sticky; left: 0');
    expect(html).toContain('@page { size: A4 landscape');
    expect(html).toMatch(
      /<li>Plaatsing participatiewet: <span class="v">€ 40\.000,00<\/span> → <strong class="v">€ 42\.000,00<\/strong><\/li>/,
    );
    expect(html).toMatch(/<span class="tag aanname" title="aanname in: [^"]*tabel jaarwaarde_plaatsing/);
    expect(html).toContain('<span class="note">Leren en werken vraagt een startkwalificatie</span>');
  });

  test('forbid scripts in the page itself', () => {
    const html = diffHtml(
      diffRulesets(review('haaglanden-zhc-2023.sroi'), review('leidschendam-voorburg-2025.sroi')),
    );
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
  });

  test('mark divergent cells of the matrix', () => {
    const html = matrixHtml(
      buildMatrix([review('haaglanden-zhc-2023.sroi'), review('leidschendam-voorburg-2025.sroi')]),
    );
    expect(html).toMatch(
      /<tr class="divergent"><th scope="row" class="label">waarde sr_percentage<\/th><td[^>]*>5%/,
    );
    expect(html).toContain('<td class="divergent"');
  });

  test('escapeHtml escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
