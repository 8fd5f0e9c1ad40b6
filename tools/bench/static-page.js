#!/usr/bin/env node
// The "physical limit" baseline for `make bench`: the guide's content as one plain,
// static HTML page (no script at all), generated from the same guide.json, inside the
// release build's own crisis bar, header and footer, and styled by the same
// stylesheet(s). Lighthouse runs it side by side with the guide.
//
//   node tools/bench/static-page.js [--dist dist] [--content public/content/guide.json] [--out bench-report]
//
// Writes <out>/static/index.html and copies the stylesheet(s) and icon next to it.
'use strict';
const fs = require('fs');
const path = require('path');
const { DEFAULTS, parseArgs, requireDist, runMain } = require('./lib');

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML element content and attribute values. */
function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const NOTE_LABELS = { uncertain: 'Not certain', caution: 'Caution', info: 'Good to know' };
const VERDICT_LABELS = {
  accurate: 'Accurate',
  inaccurate: 'Inaccurate',
  misleading: 'Misleading',
  partly_accurate: 'Partly accurate',
  unproven: 'Unproven',
};
const CERTAINTY_LABELS = {
  well_studied: 'Well studied',
  some_evidence: 'Some evidence',
  little_evidence: 'Little evidence',
  not_known: 'Not known',
};
const label = (table, key) => table[key] || String(key).replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** The stylesheets and icons the release build's index.html links, in order. */
function linkedAssets(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const assets = { stylesheets: [], icons: [] };
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const rel = /\brel=["']?([^"' >]+)/i.exec(tag);
    const href = /\bhref=["']([^"']+)["']/i.exec(tag);
    if (!rel || !href || /^[a-z]+:/i.test(href[1])) continue;
    const file = href[1].replace(/^\.?\//, '').split(/[?#]/)[0];
    if (rel[1].toLowerCase() === 'stylesheet') assets.stylesheets.push(file);
    else if (rel[1].toLowerCase() === 'icon') assets.icons.push(file);
  }
  if (assets.stylesheets.length === 0) throw new Error(`no <link rel="stylesheet"> in ${dist}/index.html`);
  return assets;
}

/**
 * The parts of the release build's page around the guide (the crisis bar, the header
 * and the footer), taken as they are, so the baseline differs only in the guide itself.
 */
function pageShell(dist) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const part = (name, pattern) => {
    const m = pattern.exec(html);
    if (!m) throw new Error(`no ${name} in ${dist}/index.html`);
    return m[0];
  };
  return {
    crisisBar: part('crisis bar', /<aside class="crisis-bar"[\s\S]*?<\/aside>/),
    header: part('site header', /<header class="site-header">[\s\S]*?<\/header>/),
    footer: part('site footer', /<footer class="site-footer">[\s\S]*?<\/footer>/),
  };
}

/** Builds the page. Returns the HTML text. */
function buildStaticPage(guide, { stylesheets, icons = [] }, shell) {
  const refNumber = new Map((guide.references || []).map((r, i) => [r.key, i + 1]));
  const cites = (keys) => {
    const links = (keys || [])
      .filter((k) => refNumber.has(k))
      .map((k) => `<a class="cite" href="#ref-${esc(k)}"><span class="visually-hidden">Reference </span>${refNumber.get(k)}</a>`);
    return links.length ? ` <sup class="citations">[${links.join(', ')}]</sup>` : '';
  };
  const para = (p) => `<p>${esc(p.text)}${cites(p.cite)}</p>`;
  const block = (b) => {
    switch (b.type) {
      case 'heading':
        return `<h3>${esc(b.text)}</h3>`;
      case 'paragraph':
        return para(b);
      case 'list':
        return `<ul>${(b.items || []).map((i) => `<li>${esc(i.text)}${cites(i.cite)}</li>`).join('')}</ul>`;
      case 'note': {
        const tone = NOTE_LABELS[b.tone] ? b.tone : 'info';
        const name = NOTE_LABELS[tone];
        return `<aside class="note note-${esc(tone)}" aria-label="${esc(name)}"><p><strong class="note-label">${esc(name)}: </strong>${esc(b.text)}${cites(b.cite)}</p></aside>`;
      }
      case 'icon_array':
        // The static copy has no pictures: the same numbers, in words.
        return `<figure id="${esc(b.id)}"><figcaption>${esc(b.title)}</figcaption><p>${esc(b.text)}${cites(b.cite)}</p></figure>`;
      default:
        throw new Error(`unknown block type ${JSON.stringify(b.type)}`);
    }
  };

  const claims = () =>
    `<ul class="claims">${(guide.claims || [])
      .map(
        (c) =>
          `<li class="claim" id="claim-${esc(c.id)}"><p class="claim-text">“${esc(c.claim)}”</p>` +
          `<p class="verdict"><strong>${esc(label(VERDICT_LABELS, c.verdict))}.</strong> ${esc(c.explanation)}${cites(c.cite)}</p></li>`,
      )
      .join('')}</ul>`;
  const glossary = () =>
    `<dl class="glossary">${(guide.glossary || [])
      .map((g) => `<dt id="term-${esc(g.id)}">${esc(g.term)}</dt><dd>${esc(g.definition)}${cites(g.cite)}</dd>`)
      .join('')}</dl>`;
  const references = () =>
    `<ol class="references">${(guide.references || [])
      .map((r) => {
        const link = r.doi ? `https://doi.org/${r.doi}` : r.url || (r.pmid ? `https://pubmed.ncbi.nlm.nih.gov/${r.pmid}/` : null);
        const title = link ? `<a href="${esc(link)}" rel="noopener noreferrer">${esc(r.title)}</a>` : esc(r.title);
        return `<li id="ref-${esc(r.key)}">${esc(r.authors)}. ${title}. ${esc(r.source)}, ${esc(r.year)}.${r.note ? ` <span class="ref-note">${esc(r.note)}</span>` : ''}</li>`;
      })
      .join('')}</ol>`;
  const allQuestions = () => {
    const qs = guide.sections.filter((s) => s.kind !== 'questions').flatMap((s) => s.questions || []);
    const own = guide.sections.filter((s) => s.kind === 'questions').flatMap((s) => [...(s.questions || []), ...(s.checklist || [])]);
    return `<ul class="question-list">${[...own, ...qs].map((q) => `<li>${esc(q)}</li>`).join('')}</ul>`;
  };
  const comparison = () => {
    const c = guide.comparison;
    if (!c) return '';
    const routes = c.routes || [];
    const head = `<tr><th scope="col">Question</th>${routes.map((r) => `<th scope="col">${esc(r.short_name || r.name)}</th>`).join('')}</tr>`;
    const rows = (c.rows || [])
      .map((row) => {
        const cells = routes
          .map((r) => {
            const cell = (row.cells || {})[r.id];
            return cell
              ? `<td><p>${esc(cell.answer)}${cites(cell.cite)}</p><p class="cmp-certainty">Certainty: ${esc(label(CERTAINTY_LABELS, cell.certainty))}</p></td>`
              : '<td>No answer is given for this route.</td>';
          })
          .join('');
        return `<tr><th scope="row">${esc(row.question)}</th>${cells}</tr>`;
      })
      .join('');
    const about = routes.map((r) => `<dt>${esc(r.name)}</dt><dd>${esc(r.description)}</dd>`).join('');
    const timelines = (c.timelines || [])
      .map((t) => {
        const route = routes.find((r) => r.id === t.route);
        const steps = (t.visit || []).map((s) => `<li>${esc(s.label)} (${esc(s.minutes)} minutes)</li>`).join('');
        return `<section class="cmp-timeline"><h3>${esc(route ? route.name : t.route)}</h3><ol>${steps}</ol><p>${esc(t.note)}${cites(t.cite)}</p></section>`;
      })
      .join('');
    return (
      `<div class="comparison"><p class="comparison-intro">${esc(c.intro)}</p>` +
      `<dl>${about}</dl>` +
      `<div class="table-scroll"><table><caption>${esc(c.caption)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div>` +
      `<div class="cmp-timelines">${timelines}</div></div>`
    );
  };
  const extras = { claims, glossary, about: references, questions: allQuestions, comparison };

  const section = (s) => {
    const detail = (s.detail || []).length
      ? `<details class="more"><summary>More detail</summary><div class="more-body">${s.detail.map(block).join('')}</div></details>`
      : '';
    const ask =
      (s.questions || []).length && s.kind !== 'questions'
        ? `<div class="ask"><h3>Questions you could ask</h3><ul>${s.questions.map((q) => `<li>${esc(q)}</li>`).join('')}</ul></div>`
        : '';
    const extra = extras[s.kind] ? extras[s.kind]() : '';
    return (
      `<section class="guide-section" id="${esc(s.id)}">` +
      `<h2 class="section-heading"><span class="section-title">${esc(s.title)}</span></h2>` +
      `<div class="section-panel"><div class="summary">${(s.summary || []).map(para).join('')}</div>${detail}${ask}${extra}</div>` +
      `</section>`
    );
  };

  const meta = guide.meta || {};
  const contents = guide.sections.map((s) => `<li><a href="#${esc(s.id)}">${esc(s.title)}</a></li>`).join('');
  const links = [
    ...stylesheets.map((href) => `<link rel="stylesheet" href="./${esc(href)}">`),
    ...icons.map((href) => `<link rel="icon" href="./${esc(href)}">`),
  ].join('\n    ');

  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${esc(meta.title)}</title>
    <meta name="description" content="${esc(meta.subtitle)}">
    <meta name="referrer" content="no-referrer">
    <meta name="color-scheme" content="light dark">
    ${links}
  </head>
  <body>
    <a class="skip-link" href="#main">Skip to main content</a>
    <!-- make bench: static baseline generated from guide.json; no script. -->
    ${shell.crisisBar}
    ${shell.header}
    <main id="main" class="wrap" tabindex="-1">
      <div class="guide">
        <div class="intro">
          <p class="lede">${esc(meta.subtitle)}</p>
          <p class="reviewed">Last reviewed <time datetime="${esc(meta.last_reviewed)}">${esc(meta.last_reviewed)}</time></p>
        </div>
        <nav class="toc" aria-label="Contents"><p class="toc-heading">Contents</p><ol class="toc-list">${contents}</ol></nav>
        <div class="sections">
${guide.sections.map(section).join('\n')}
        </div>
      </div>
    </main>
    ${shell.footer}
  </body>
</html>
`;
  return html;
}

/** The guide with each `{{figure}}` replaced by the figure's text, as the app shows it. */
function withFiguresFilledIn(json) {
  const figures = new Map((JSON.parse(json).figures || []).map((f) => [f.id, f.text]));
  return JSON.parse(
    json.replace(/\{\{([a-z0-9-]+)\}\}/g, (whole, id) =>
      figures.has(id) ? JSON.stringify(figures.get(id)).slice(1, -1) : whole,
    ),
  );
}

/** Generates <out>/static/ and returns { dir, file, bytes, stylesheets }. */
function generateStaticPage({ dist = DEFAULTS.dist, content = DEFAULTS.content, out = DEFAULTS.out } = {}) {
  requireDist(dist);
  const guide = withFiguresFilledIn(fs.readFileSync(content, 'utf8'));
  if (!guide || !Array.isArray(guide.sections)) throw new Error(`${content} has no sections`);
  const assets = linkedAssets(dist);
  const dir = path.join(out, 'static');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const href of [...assets.stylesheets, ...assets.icons]) {
    const target = path.join(dir, href);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(dist, href), target);
  }
  const html = buildStaticPage(guide, assets, pageShell(dist));
  const file = path.join(dir, 'index.html');
  fs.writeFileSync(file, html);
  return { dir, file, bytes: Buffer.byteLength(html), stylesheets: assets.stylesheets, icons: assets.icons };
}

module.exports = { esc, buildStaticPage, generateStaticPage };

if (require.main === module) {
  runMain(async () => {
    const opts = parseArgs(process.argv.slice(2), { dist: DEFAULTS.dist, content: DEFAULTS.content, out: DEFAULTS.out });
    const r = generateStaticPage(opts);
    console.log(`static page: ${r.file} (${r.bytes} bytes, stylesheets: ${r.stylesheets.join(', ')})`);
  });
}
