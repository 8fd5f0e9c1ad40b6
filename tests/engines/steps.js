// The reader's steps, shared by both engines. Each step is a function of `t`, the small
// driver interface that tests/engines/drivers.js implements twice (Firefox through
// puppeteer-core over WebDriver BiDi, WebKitGTK through selenium-webdriver):
//   t.goto(path)           load a page of the served build, e.g. './' or './#cost'
//   t.reload()             reload the page
//   t.js(fn, ...args)      run fn in the page, return its (JSON) result; fn is a function
//                          or the source text of one (to build one from another)
//   t.until(what, fn, ...) poll fn in the page until it returns something truthy
//   t.click(css)           a real click (the driver scrolls the element into view)
//   t.type(css, text)      real key presses into a field (after clearing it)
//   t.download(click)      runs click(), returns { name, text } of the file the browser got
//                          (see drivers.js for what each engine can prove)
//   t.problems()           console errors and uncaught exceptions seen so far
// Selectors and names come from the Playwright specs in tests/e2e and the shipped content.
const fs = require('fs');
const path = require('path');

const guide = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../public/content/guide.json'), 'utf8'),
);
const routesComparison = guide.comparison;
const optionsComparison = guide.options_comparison;
const nasal = guide.planner.schedules.find((s) => s.id === 'nasal');
const firstArticle = guide.sections.find((s) => s.kind === 'article');
const compareSection = guide.sections.find((s) => s.kind === 'comparison');
const optionsSection = guide.sections.find((s) => s.kind === 'options_comparison');
const plannerSection = guide.sections.find((s) => s.kind === 'planner');
const questionsSection = guide.sections.find((s) => s.kind === 'questions');

/** The app's own section headers: present once it has taken over the prerendered page. */
const LIVE_TOGGLES = '#app:not([data-prerendered]) button.section-toggle';
const APP_START_MS = 60_000;

// In-page predicates. They are serialised into the page, so they use only their arguments.
const visible = (css) => {
  const el = document.querySelector(css);
  return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
};
const text = (css) => {
  const el = document.querySelector(css);
  return el ? el.textContent.replace(/\s+/g, ' ').trim() : null;
};
const count = (css) => document.querySelectorAll(css).length;

/** Marks the element `find` returns (run in the page) so a real click can reach it. */
let marks = 0;
async function clickFound(t, what, find, ...args) {
  marks += 1;
  const id = `m${marks}`;
  // Built as source text: the page's Content-Security-Policy forbids `new Function` in it.
  const source = `(mark, args) => {
    const el = (${find}).apply(null, args);
    if (!el || el.getClientRects().length === 0) return false;
    el.setAttribute('data-smoke', mark);
    return true;
  }`;
  await t.until(what, source, id, args);
  await t.click(`[data-smoke="${id}"]`);
}

/** In the page: the radio labelled `name` in the fieldset whose legend is `legend`, inside `scope`. */
const radioIn = (scope, legend, name) => {
  const sets = [...document.querySelectorAll(`${scope} fieldset`)].filter(
    (f) => f.querySelector('legend')?.textContent.trim() === legend,
  );
  for (const set of sets) {
    for (const input of set.querySelectorAll('input[type=radio]')) {
      const label = input.labels && input.labels[0];
      if (label && label.textContent.replace(/\s+/g, ' ').trim() === name) return input;
    }
  }
  return null;
};

/** Opens a section by its header button, unless it is open already; waits for its panel. */
async function openSection(t, id) {
  await t.until(`#${id}-button is there`, visible, `#${id}-button`);
  const expanded = await t.js((css) => document.querySelector(css).getAttribute('aria-expanded'), `#${id}-button`);
  if (expanded !== 'true') await t.click(`#${id}-button`);
  await t.until(
    `#${id}-button says aria-expanded="true"`,
    (css) => document.querySelector(css).getAttribute('aria-expanded') === 'true',
    `#${id}-button`,
  );
  await t.until(`#${id}-panel is visible`, visible, `#${id}-panel`);
}

async function waitForApp(t) {
  await t.until('the app takes over the page (live section buttons)', visible, LIVE_TOGGLES, {
    timeout: APP_START_MS,
  });
}

/** Switches a comparison's layout and checks the cells of each layout. */
async function switchLayouts(t, id, data, byColumn) {
  const panel = `#${id}-panel`;
  const rows = data.rows.length;
  const columns = data.routes.length;
  const layout = 'Show the comparison as';

  await clickFound(t, `${panel}: the "By question" radio`, radioIn, panel, layout, 'By question');
  await t.until(`${panel}: "By question" shows ${rows} cards`, (p, n) => {
    const cards = document.querySelectorAll(`${p} .cmp-by-question .cmp-card`);
    return cards.length === n && cards[0].getClientRects().length > 0;
  }, panel, rows);
  await t.until(`${panel}: the table is hidden in "By question"`, (p) => {
    const table = document.querySelector(`${p} table.cmp-table`);
    return !table || table.getClientRects().length === 0;
  }, panel);

  await clickFound(t, `${panel}: the "${byColumn}" radio`, radioIn, panel, layout, byColumn);
  await t.until(`${panel}: "${byColumn}" shows one column with ${rows} cards`, (p, n) => {
    const cards = document.querySelectorAll(`${p} .cmp-by-route .cmp-card`);
    return (
      document.querySelectorAll(`${p} .cmp-by-question`).length === 0 &&
      cards.length === n &&
      cards[0].getClientRects().length > 0
    );
  }, panel, rows);

  await clickFound(t, `${panel}: the "Table" radio`, radioIn, panel, layout, 'Table');
  await t.until(`${panel}: the table shows ${rows} x ${columns} cells`, (p, r, c, caption) => {
    const table = document.querySelector(`${p} table.cmp-table`);
    if (!table || table.getClientRects().length === 0) return false;
    const cells = table.querySelectorAll('tbody td');
    return (
      cells.length === r * c &&
      table.querySelectorAll('tbody th[scope="row"]').length === r &&
      table.querySelector('caption')?.textContent.includes(caption) &&
      cells[0].getClientRects().length > 0 &&
      cells[0].querySelector('a.cite') !== null
    );
  }, panel, rows, columns, data.caption);
  const checked = await t.js(`(p, l) => {
    const radio = (${radioIn})(p, l, 'Table');
    return !!radio && radio.checked;
  }`, panel, layout);
  if (!checked) throw new Error(`${panel}: the "Table" radio is not checked after choosing it`);
}

const steps = [
  {
    name: 'the page loads and the app takes over',
    async run(t) {
      await t.goto('./');
      await waitForApp(t);
      // A fresh reader: each run starts the browser with a new, empty profile (drivers.js),
      // so nothing is stored yet; My questions checks that its count starts at 0.
      const title = await t.js(() => document.title);
      if (!title.includes(guide.meta.title.split(':')[0])) {
        throw new Error(`unexpected title ${JSON.stringify(title)}`);
      }
      const sections = await t.js((css) => document.querySelectorAll(css).length, LIVE_TOGGLES);
      if (sections !== guide.sections.length) {
        throw new Error(`${sections} section buttons, expected ${guide.sections.length}`);
      }
    },
  },
  {
    name: `sections: "${firstArticle.title}" opens and closes`,
    async run(t) {
      const id = firstArticle.id;
      await openSection(t, id);
      await t.until(`#${id}-panel has its text`, (css) => (document.querySelector(css)?.textContent.trim().length ?? 0) > 100, `#${id}-panel`);
      await t.click(`#${id}-button`);
      await t.until(
        `#${id}-button says aria-expanded="false" and the panel hides`,
        (id) => document.getElementById(`${id}-button`).getAttribute('aria-expanded') === 'false' &&
          (() => {
            const p = document.getElementById(`${id}-panel`);
            return !p || p.getClientRects().length === 0;
          })(),
        id,
      );
    },
  },
  {
    name: 'search: "driving" leads to the comparison row',
    async run(t) {
      await t.type('#search-input', 'driving');
      await t.until('a search result is shown', visible, '.search-result');
      const title = await t.js(text, '.search-result .result-title');
      if (title !== 'Can I drive afterwards?') {
        throw new Error(`first result is ${JSON.stringify(title)}, expected "Can I drive afterwards?"`);
      }
      await t.click('.search-result');
      await t.until(`#${compareSection.id}-panel opens`, visible, `#${compareSection.id}-panel`);
      await t.until(
        'the matching text is marked, visible, in view and focused',
        () => {
          const target = document.querySelector('.search-target');
          if (!target || target.getClientRects().length === 0) return false;
          const r = target.getBoundingClientRect();
          const inView = r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
          return (
            inView &&
            document.activeElement === target &&
            target.textContent.replace(/\s+/g, ' ').trim() === 'Can I drive afterwards?'
          );
        },
      );
    },
  },
  {
    name: `comparison: "${compareSection.title}" in its three layouts`,
    async run(t) {
      await openSection(t, compareSection.id);
      await t.until('the route comparison is visible', visible, `#${compareSection.id}-panel .comparison`);
      await switchLayouts(t, compareSection.id, routesComparison, 'By route');
    },
  },
  {
    name: `comparison: "${optionsSection.title}" in its three layouts`,
    async run(t) {
      await openSection(t, optionsSection.id);
      await t.until('the options comparison is visible', visible, `#${optionsSection.id}-panel .comparison`);
      await switchLayouts(t, optionsSection.id, optionsComparison, 'By option');
    },
  },
  {
    name: 'My questions: add from a section, the count changes, it survives a reload',
    async run(t) {
      await openSection(t, 'cost');
      await t.until('the counter says "My list (0)"', (css) => document.querySelector(css)?.textContent.trim() === 'My list (0)', '.my-list-link');
      const question = await t.js(text, '#cost-panel .ask .ask-text');
      await t.click('#cost-panel .ask button.add-question');
      await t.until('the counter says "My list (1)"', (css) => document.querySelector(css)?.textContent.trim() === 'My list (1)', '.my-list-link');
      await t.until('the button says "On my list"', (css) => /On my list/.test(document.querySelector(css)?.textContent ?? ''), '#cost-panel .ask button.add-question');
      await t.reload();
      await waitForApp(t);
      await t.until('after a reload the counter still says "My list (1)"', (css) => document.querySelector(css)?.textContent.trim() === 'My list (1)', '.my-list-link');
      await openSection(t, questionsSection.id);
      await t.until('the question is in My questions', (css, q) => {
        const items = [...document.querySelectorAll(css)].map((el) => el.textContent.replace(/\s+/g, ' ').trim());
        return items.length === 1 && items[0] === q;
      }, `#${questionsSection.id}-panel .myq-list .myq-item-text`, question);
    },
  },
  {
    name: 'planner: a start date and the nasal spray give 12 visits; the calendar file downloads',
    async run(t) {
      await openSection(t, plannerSection.id);
      await t.until('the date field is visible', visible, '#plan-start');
      await t.setDate('#plan-start', '2026-12-07');
      await clickFound(t, `the "${nasal.label}" radio`, (label) => {
        return [...document.querySelectorAll('.plan-choices input[type=radio]')].find(
          (input) => input.labels?.[0]?.textContent.replace(/\s+/g, ' ').trim() === label,
        );
      }, nasal.label);
      await t.until('12 visits are listed, from Monday 7 December 2026', () => {
        const rows = document.querySelectorAll('.plan-list > li');
        return rows.length === 12 && rows[0].textContent.includes('Monday 7 December 2026') &&
          rows[1].textContent.includes('Thursday 10 December 2026');
      });
      const file = await t.download(() =>
        clickFound(t, 'the "Add to my calendar (.ics file)" button', () =>
          [...document.querySelectorAll('.plan-actions button')].find(
            (b) => b.textContent.trim() === 'Add to my calendar (.ics file)',
          ),
        ),
      );
      if (file.name !== 'ketamine-visits.ics') throw new Error(`the file is named ${file.name}`);
      const events = (file.text.match(/^BEGIN:VEVENT\r$/gm) || []).length;
      if (!file.text.startsWith('BEGIN:VCALENDAR\r\n') || events !== 12) {
        throw new Error(`the calendar file has ${events} events (expected 12):\n${file.text.slice(0, 300)}`);
      }
      if (!/^DTSTART;VALUE=DATE:20261207\r$/m.test(file.text)) {
        throw new Error('the calendar file does not start on 2026-12-07');
      }
      await t.until('the status says the file has 12 visits', (css) => /12 visits/.test(document.querySelector(css)?.textContent ?? ''), '.plan-actions [role=status]');
    },
  },
  {
    name: 'no console errors or uncaught exceptions',
    async run(t) {
      const problems = await t.problems();
      if (problems.length > 0) throw new Error(`seen:\n  ${problems.join('\n  ')}`);
    },
  },
];

module.exports = { steps, APP_START_MS };
