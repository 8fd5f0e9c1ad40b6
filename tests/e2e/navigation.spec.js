// Finding and opening the part a reader needs: the accordion, deep links, remembered
// state, search, glossary terms, print and small screens.
const { test, expect } = require('@playwright/test');
const { shippedGuide, openGuide, expectNoAxeViolations, watchConsole } = require('./helpers');

const guide = shippedGuide();
const ids = guide.sections.map((s) => s.id);
const toggle = (page, id) => page.locator(`#${id}-button`);
const panel = (page, id) => page.locator(`#${id}-panel`);

test('keyboard only: Tab reaches a header, Enter and Space toggle, arrows, Home and End move', async ({ page }) => {
  await openGuide(page);
  await toggle(page, ids[0]).focus();
  await expect(toggle(page, ids[0])).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(toggle(page, ids[0])).toHaveAttribute('aria-expanded', 'true');
  await expect(panel(page, ids[0])).toBeVisible();
  await page.keyboard.press('Space');
  await expect(toggle(page, ids[0])).toHaveAttribute('aria-expanded', 'false');
  await expect(panel(page, ids[0])).toBeHidden();

  await page.keyboard.press('ArrowDown');
  await expect(toggle(page, ids[1])).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(toggle(page, ids[0])).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(toggle(page, ids.at(-1))).toBeFocused();
  await page.keyboard.press('Home');
  await expect(toggle(page, ids[0])).toBeFocused();
  await page.keyboard.press('End');
  await expect(toggle(page, ids.at(-1))).toBeFocused();

  // Tab moves from an open header into its panel's first link or control.
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const focusedInPanel = await page.evaluate(
    (id) => document.getElementById(`${id}-panel`).contains(document.activeElement),
    ids[0],
  );
  expect(focusedInPanel).toBe(true);
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await openGuide(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('a deep link opens its section and focuses the header', async ({ page }) => {
  await page.goto('./#cost');
  await expect(toggle(page, 'cost')).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, 'cost')).toBeFocused();
  await expect(panel(page, 'cost')).toBeVisible();
  await expect(panel(page, 'side-effects')).toBeHidden();
});

test('a link changed in the page (hashchange) opens that section too', async ({ page }) => {
  await openGuide(page);
  await page.evaluate(() => (location.hash = '#side-effects'));
  await expect(toggle(page, 'side-effects')).toBeFocused();
  await expect(panel(page, 'side-effects')).toBeVisible();
});

test('a link to a claim check opens the claims section at that claim', async ({ page }) => {
  const claim = guide.claims[3];
  await page.goto(`./#${claim.id}`);
  await expect(panel(page, 'claims')).toBeVisible();
  await expect(page.locator(`#${claim.id}`)).toBeFocused();
});

test('an unknown link gets a polite notice, not an error', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('./#no-such-section');
  await expect(page.locator('.link-notice')).toContainText('not in this guide');
  await expect(page.locator('.link-notice')).toHaveAttribute('role', 'status');
  await expect(page.locator('.section-toggle')).toHaveCount(ids.length);
  expect(problems).toEqual([]);
});

test('opening a section points the URL at it without adding history entries', async ({ page }) => {
  await openGuide(page);
  const before = await page.evaluate(() => history.length);
  await toggle(page, 'routes').click();
  await expect(page).toHaveURL(/#routes$/);
  await toggle(page, 'cost').click();
  await expect(page).toHaveURL(/#cost$/);
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('expand all and collapse all update every header', async ({ page }) => {
  await openGuide(page);
  await page.getByRole('button', { name: 'Expand all' }).click();
  for (const id of ids) await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('button', { name: 'Collapse all' }).click();
  for (const id of ids) await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('.section-panel:visible')).toHaveCount(0);
});

test('open sections are remembered after a reload', async ({ page }) => {
  await openGuide(page);
  await toggle(page, 'depression').click();
  await toggle(page, 'cost').click();
  await page.goto('./');
  await expect(toggle(page, 'depression')).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, 'cost')).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, 'routes')).toHaveAttribute('aria-expanded', 'false');
});

test('with storage blocked the guide still works, quietly', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  });
  const problems = watchConsole(page);
  await openGuide(page);
  await toggle(page, 'cost').click();
  await expect(panel(page, 'cost')).toBeVisible();
  expect(problems).toEqual([]);
});

test('with storage full the guide still works, and corrupt saved state is ignored', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('ketamine-guide.open-sections', '{corrupt');
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  const problems = watchConsole(page);
  await openGuide(page);
  await expect(page.locator('.section-panel:visible')).toHaveCount(0);
  await toggle(page, 'cost').click();
  await expect(panel(page, 'cost')).toBeVisible();
  expect(problems).toEqual([]);
});

test('search finds a phrase, highlights it, and opens its section', async ({ page }) => {
  await openGuide(page);
  const box = page.getByRole('searchbox', { name: 'Search the guide' });
  await box.fill('bladder');
  await expect(page.locator('.search-status')).toContainText('results for “bladder”');
  const result = page.locator('.search-result', { hasText: 'Side effects' }).first();
  await expect(result.locator('mark').first()).toHaveText(/bladder/i);
  await result.click();
  await expect(toggle(page, 'side-effects')).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, 'side-effects')).toBeFocused();
});

test('search says when nothing matches', async ({ page }) => {
  await openGuide(page);
  await page.getByRole('searchbox', { name: 'Search the guide' }).fill('zebrafish');
  await expect(page.getByRole('status').filter({ hasText: 'No results' })).toContainText(
    'No results for “zebrafish”',
  );
  await expect(page.locator('.search-result')).toHaveCount(0);
});

test('a glossary term opens its definition in place and Escape closes it', async ({ page }) => {
  await openGuide(page);
  await toggle(page, 'how-it-works').click();
  const term = panel(page, 'how-it-works').locator('button.term').first();
  await expect(term).toHaveAttribute('aria-expanded', 'false');
  const definition = page.locator(`#${await term.getAttribute('aria-controls')}`);
  await expect(definition).toBeHidden();
  await term.click();
  await expect(term).toHaveAttribute('aria-expanded', 'true');
  await expect(definition).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(definition).toBeHidden();
  await expect(term).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(definition).toBeVisible();
});

test('the table of contents links to every section and marks where the reader is', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openGuide(page);
  const nav = page.getByRole('navigation', { name: 'Contents' });
  await expect(nav.getByRole('link')).toHaveCount(ids.length);
  await nav.getByRole('link', { name: guide.sections[7].title }).click();
  await expect(toggle(page, ids[7])).toBeFocused();
  await expect(nav.locator('a[aria-current="location"]')).toHaveText(guide.sections[7].title);
});

test('on a phone the contents fold into a menu button', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await openGuide(page);
  const menu = page.getByRole('button', { name: 'Contents' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#toc-list')).toBeHidden();
  await menu.click();
  await expect(page.locator('#toc-list')).toBeVisible();
  await page.locator('#toc-list').getByRole('link', { name: guide.sections[2].title }).click();
  await expect(page.locator('#toc-list')).toBeHidden();
  await expect(toggle(page, ids[2])).toBeFocused();
});

test('printing shows every section and its detail, with link addresses', async ({ page }) => {
  await openGuide(page);
  await page.emulateMedia({ media: 'print' });
  for (const id of ids) await expect(panel(page, id)).toBeVisible();
  await expect(page.locator('.more-body').first()).toBeVisible();
  await expect(page.locator('.references')).toBeVisible();
  await expect(page.locator('.search')).toBeHidden();
});

test('the print event opens every section, and closing it restores the reader\'s view', async ({ page }) => {
  await openGuide(page);
  await toggle(page, 'cost').click();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  for (const id of ids) await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'true');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(toggle(page, 'cost')).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, 'routes')).toHaveAttribute('aria-expanded', 'false');
});

for (const width of [320, 390]) {
  test(`at ${width} px wide nothing scrolls sideways, with every section open`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openGuide(page);
    await page.getByRole('button', { name: 'Expand all' }).click();
    for (const details of await page.locator('details.more > summary').all()) await details.click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations, all open and all closed, ${colorScheme} theme`, async ({ page }) => {
    // axe over the whole guide, every section open, takes over a minute on a busy 2-core machine.
    test.slow();
    await page.emulateMedia({ colorScheme });
    await openGuide(page);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Expand all' }).click();
    for (const details of await page.locator('details.more > summary').all()) await details.click();
    await page.locator('button.term').first().click();
    await expectNoAxeViolations(page);
  });
}
