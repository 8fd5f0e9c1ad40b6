// The prerendered page: readable and navigable with no JavaScript, and taken over by
// the app without anything on screen moving.
const { test, expect } = require('@playwright/test');
const {
  CONTENT_PATTERN,
  LIVE_TOGGLES,
  shippedGuide,
  holdContent,
  useFetchedContent,
  waitForApp,
  watchConsole,
  expectNoAxeViolations,
} = require('./helpers');

const guide = shippedGuide();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every section title shows, a section opens, and the crisis bar is there', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('complementary', { name: 'Crisis help' })).toBeVisible();
    const titles = page.locator('.section-title');
    await expect(titles).toHaveCount(guide.sections.length);
    for (const [i, section] of guide.sections.entries()) {
      await expect(titles.nth(i)).toHaveText(section.title);
    }
    const section = guide.sections[2];
    const panel = page.locator(`#${section.id}`);
    await expect(panel).toBeHidden();
    await page.locator(`#${section.id}-button`).click();
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(section.summary[0].text.slice(0, 40));
    // Controls that need a script are not offered.
    await expect(page.getByRole('searchbox')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Expand all' })).toBeHidden();
  });

  test('the contents links lead into the sections, opening them', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('./');
    const section = guide.sections.find((s) => s.id === 'cost');
    const link = page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: section.title });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/#cost$/);
    await expect(page.locator('#cost')).toBeVisible();
  });

  test('a citation leads to its reference, in a closed section', async ({ page }) => {
    await page.goto('./');
    const section = guide.sections.find((s) => s.summary.some((p) => (p.cite || []).length > 0));
    await page.locator(`#${section.id}-button`).click();
    const key = section.summary.find((p) => (p.cite || []).length > 0).cite[0];
    await page.locator(`#${section.id} a.cite[href="#ref-${key}"]`).first().click();
    await expect(page.locator(`#ref-${key}`)).toBeVisible();
  });

  test('a comparison prints its answers as cards, without the controls', async ({ page }) => {
    // Without a script there is no print event to build the table: the cards print.
    await page.goto('./');
    await page.locator('#compare-button').click();
    await page.emulateMedia({ media: 'print' });
    const panel = page.locator('#compare');
    await expect(panel.locator('.cmp-controls')).toBeHidden();
    await expect(panel.locator('table.cmp-table')).toHaveCount(0);
    const cards = panel.locator('.cmp-by-question .cmp-card');
    await expect(cards).toHaveCount(guide.comparison.rows.length);
    await expect(cards.first()).toBeVisible();
    await expect(cards.first()).toContainText(guide.comparison.rows[0].question);
  });
});

test('the prerendered page, before the app runs, has no accessibility violations', async ({ page }) => {
  // axe needs JavaScript, so the app is kept from starting instead: no wasm arrives.
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('./');
  await expect(page.locator('.section-title')).toHaveCount(guide.sections.length);
  await expectNoAxeViolations(page);
  await page.locator(`#${guide.sections[5].id}-button`).click();
  await expectNoAxeViolations(page);
});

test('the app takes over without a layout shift, and the console stays clean', async ({ page }) => {
  const problems = watchConsole(page);
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  await page.addInitScript(() => {
    window.__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__layoutShift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./');
    await waitForApp(page);
    // Let any late layout work land before reading the score.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shift = await page.evaluate(() => window.__layoutShift);
    expect(shift, `cumulative layout shift at ${width}px`).toBeLessThan(0.05);
  }
  expect(problems).toEqual([]);
  expect(warnings).toEqual([]);
});

test('the section headers stay exactly where they were when the app takes over', async ({ page }) => {
  let gate;
  await useFetchedContent(page);
  await page.route(CONTENT_PATTERN, async (route) => {
    await gate.held;
    await route.continue();
  });
  const boxes = () =>
    page.locator('.section-title, .toc-list a, .search input').evaluateAll((elements) =>
      elements.map((e) => {
        const r = e.getBoundingClientRect();
        return [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)];
      }),
    );
  for (const width of [390, 1280]) {
    gate = {};
    gate.held = new Promise((resolve) => (gate.release = resolve));
    await page.setViewportSize({ width, height: 900 });
    await page.goto('./');
    await expect(page.locator('.section-title')).toHaveCount(guide.sections.length);
    const before = await boxes();
    gate.release();
    await waitForApp(page);
    expect(await boxes(), `positions at ${width}px`).toEqual(before);
  }
});

test('what the reader did before the app started is kept: open sections and focus', async ({ page }) => {
  const release = await holdContent(page);
  await page.goto('./');
  const opened = guide.sections[3];
  await page.locator(`#${opened.id}-button`).click();
  await expect(page.locator(`#${opened.id}`)).toBeVisible();
  await page.locator(`#${guide.sections[5].id}-button`).focus();
  release();
  await expect(page.locator(LIVE_TOGGLES)).toHaveCount(guide.sections.length);
  await expect(page.locator(`#${opened.id}-button`)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator(`#${opened.id}-panel`)).toBeVisible();
  await expect(page.locator(`#${guide.sections[5].id}-button`)).toBeFocused();
});
