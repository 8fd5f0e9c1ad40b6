// Shared helpers for the end-to-end tests.
const fs = require('fs');
const path = require('path');
const { expect } = require('@playwright/test');
const { default: AxeBuilder } = require('@axe-core/playwright');

const CONTENT_PATTERN = '**/content/guide.json';

/** The content the release build ships, read from the source tree. */
function shippedGuide() {
  const file = path.resolve(__dirname, '../../public/content/guide.json');
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The app's own section headers: buttons, present once it has taken over the prerendered page. */
const LIVE_TOGGLES = '#app:not([data-prerendered]) button.section-toggle';

/** Waits until the app has taken over the prerendered page. */
async function waitForApp(page) {
  await expect(page.locator(LIVE_TOGGLES).first()).toBeVisible();
}

/** Opens the guide (relative to the project's base URL) and waits until the app runs it. */
async function openGuide(page, hash = '') {
  await page.goto(`./${hash}`);
  await waitForApp(page);
}

/**
 * Serves the page without its copy of the content (the `#guide-content` data block a
 * release build writes), so the app fetches content/guide.json instead: a test can then
 * hold that file back, break it or fail it.
 */
async function useFetchedContent(page) {
  await page.route(
    (url) => /\/(index\.html)?$/.test(url.pathname),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      const response = await route.fetch();
      const body = (await response.text()).replace(
        /<script type="application\/json" id="guide-content">[\s\S]*?<\/script>/,
        '',
      );
      return route.fulfill({ response, body });
    },
  );
}

/**
 * Holds back the content file until the returned `release()` is called, so a test can
 * look at the page before the app has its content (and so before it takes over).
 */
async function holdContent(page) {
  await useFetchedContent(page);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(CONTENT_PATTERN, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Collects console errors and uncaught exceptions so a test can assert there were none. */
function watchConsole(page) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  return problems;
}

/** Runs axe-core (WCAG 2.x A and AA rules) and fails with a readable list. */
async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.length}x) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`,
  );
  expect(summary, 'axe-core violations').toEqual([]);
}

/** No two elements share an id (the table is in the page for printing beside the cards). */
async function expectUniqueIds(page) {
  const repeated = await page.evaluate(() => {
    const counts = new Map();
    for (const element of document.querySelectorAll('[id]')) {
      counts.set(element.id, (counts.get(element.id) || 0) + 1);
    }
    return [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  });
  expect(repeated, 'ids used more than once').toEqual([]);
}

/** The start of `target` is on top where it is drawn: no sticky bar or header covers it. */
async function expectUncovered(target) {
  await expect
    .poll(() =>
      target.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + Math.min(box.width / 2, 24), box.top + Math.min(box.height / 2, 12));
        return !!hit && el.contains(hit);
      }),
    )
    .toBe(true);
}

/**
 * A glossary term is reached with Tab, opens with Enter, its definition shows in view,
 * and Escape closes it again, leaving the focus on the term.
 */
async function expectTermOpensByKeyboard(page, term) {
  await expect(term).toBeVisible();
  await expect(term).toHaveAttribute('aria-expanded', 'false');
  const definition = page.locator(`#${await term.getAttribute('aria-controls')}`);
  await expect(definition).toBeHidden();
  // In the tab order: back one stop and forward again lands on it.
  await term.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(term).not.toBeFocused();
  await page.keyboard.press('Tab');
  await expect(term).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  await expect(definition).toBeVisible();
  await expect(definition).toBeInViewport();
  // The term stays where the reader can see it: no sticky header row covers it.
  await expectUncovered(term);
  await expect(definition.getByRole('link', { name: 'In the glossary' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(definition).toBeHidden();
  await expect(term).toBeFocused();
}

module.exports = {
  CONTENT_PATTERN,
  LIVE_TOGGLES,
  shippedGuide,
  holdContent,
  useFetchedContent,
  waitForApp,
  openGuide,
  watchConsole,
  expectNoAxeViolations,
  expectUniqueIds,
  expectUncovered,
  expectTermOpensByKeyboard,
};
