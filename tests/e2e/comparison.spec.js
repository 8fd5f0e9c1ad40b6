// The side-by-side comparison of routes: table semantics, the three layouts, the
// reader's priorities (order, reload, clearing), phone widths, axe-core and print.
const { test, expect } = require('@playwright/test');
const {
  shippedGuide,
  openGuide,
  watchConsole,
  expectNoAxeViolations,
  expectUniqueIds,
  expectTermOpensByKeyboard,
} = require('./helpers');

const comparison = shippedGuide().comparison;
const contentOrder = comparison.rows.map((row) => row.id);

/** Opens the guide and the comparison section; returns its panel. */
async function openComparison(page) {
  await openGuide(page);
  const toggle = page.locator('#compare-button');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') {
    await toggle.click();
  }
  const panel = page.locator('#compare-panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('.comparison')).toBeVisible();
  return panel;
}

/** The row ids of the visible layout, top to bottom. */
async function shownRows(scope) {
  return scope.evaluateAll((nodes) => nodes.map((node) => node.dataset.row));
}

function group(panel, name) {
  return panel.getByRole('group', { name, exact: true });
}

/** A concern that moves rows when picked (the first row does not bear on it). */
const reordering = comparison.concerns.find(
  (concern) =>
    !comparison.rows[0].concerns.includes(concern.id) &&
    comparison.rows.some((row) => row.concerns.includes(concern.id)),
);
const matching = comparison.rows.filter((row) => row.concerns.includes(reordering.id));
const priorityOrder = [
  ...matching.map((row) => row.id),
  ...comparison.rows.filter((row) => !row.concerns.includes(reordering.id)).map((row) => row.id),
];

async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
}

test.describe('comparison of routes', () => {
  // axe-core over the whole guide and several layouts per test take a while on slow machines.
  test.describe.configure({ timeout: 90_000 });

  test('on a wide screen it is a table with a caption, column and row headers', async ({ page }) => {
    const problems = watchConsole(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    const panel = await openComparison(page);
    await expect(group(panel, 'Show the comparison as').getByRole('radio', { name: 'Table' })).toBeChecked();

    const table = panel.getByRole('table', { name: comparison.caption });
    await expect(table).toBeVisible();
    await expect(table.locator('caption')).toHaveText(comparison.caption);
    const columns = table.locator('thead th');
    await expect(columns).toHaveCount(comparison.routes.length + 1);
    await expect(table.locator('thead th[scope="col"]')).toHaveCount(comparison.routes.length + 1);
    for (const [i, route] of comparison.routes.entries()) {
      await expect(columns.nth(i + 1)).toHaveText(route.name);
      await expect(table.getByRole('columnheader', { name: route.name })).toBeVisible();
    }
    const rowHeads = table.locator('tbody th[scope="row"]');
    await expect(rowHeads).toHaveCount(comparison.rows.length);
    for (const [i, row] of comparison.rows.entries()) {
      await expect(rowHeads.nth(i)).toContainText(row.question);
    }
    expect(await shownRows(table.locator('tbody tr'))).toEqual(contentOrder);

    // Every answer names its certainty in words and cites its sources.
    const cells = table.locator('tbody td');
    await expect(cells).toHaveCount(comparison.rows.length * comparison.routes.length);
    const first = comparison.rows[0].cells[comparison.routes[0].id];
    await expect(cells.first()).toContainText(first.answer);
    await expect(cells.first().locator('.cmp-certainty')).toHaveText(/^Certainty: (Well studied|Some evidence|Little evidence|Not known)$/);
    const cite = cells.first().locator('a.cite').first();
    const href = await cite.getAttribute('href');
    expect(href).toBe(`#ref-${first.cite[0]}`);
    await expect(page.locator(href)).toHaveCount(1);
    expect(await cells.evaluateAll((tds) => tds.every((td) => td.querySelector('a.cite')))).toBe(true);

    // One timeline per route, each picture with a name and words beside it.
    const timelines = panel.locator('.cmp-timeline');
    await expect(timelines).toHaveCount(comparison.routes.length);
    await expect(panel.locator('.cmp-timeline svg[role="img"]')).toHaveCount(comparison.routes.length * 2);
    await expect(timelines.first()).toContainText(comparison.timelines[0].note);
    expect(problems).toEqual([]);
  });

  test('the reader can switch to "by question" and "by route"', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const panel = await openComparison(page);
    const views = group(panel, 'Show the comparison as');

    await views.getByRole('radio', { name: 'By question' }).check();
    await expect(panel.locator('table.cmp-table')).toBeHidden();
    const cards = panel.locator('.cmp-by-question .cmp-card');
    await expect(cards).toHaveCount(comparison.rows.length);
    const firstCard = cards.first();
    await expect(firstCard.getByRole('heading', { level: 4 })).toHaveText(comparison.rows[0].question);
    await expect(firstCard.locator('dt')).toHaveText(comparison.routes.map((route) => route.short_name));

    await views.getByRole('radio', { name: 'By route' }).check();
    await expect(panel.locator('.cmp-by-question')).toHaveCount(0);
    const route = panel.locator('.cmp-by-route .cmp-route');
    await expect(route).toHaveCount(1);
    await expect(route.getByRole('heading', { level: 4 })).toHaveText(comparison.routes[0].name);
    await expect(route.locator('.cmp-card')).toHaveCount(comparison.rows.length);
    const last = comparison.routes[comparison.routes.length - 1];
    await group(panel, 'Route to read').getByRole('radio', { name: last.short_name, exact: true }).check();
    await expect(route.getByRole('heading', { level: 4 })).toHaveText(last.name);
    await expect(route).toContainText(comparison.rows[0].cells[last.id].answer);

    await views.getByRole('radio', { name: 'Table' }).check();
    await expect(panel.locator('table.cmp-table')).toBeVisible();
    await expect(panel.locator('.cmp-by-route')).toHaveCount(0);
  });

  test('glossary terms in the answers open by keyboard in every layout, and no id repeats', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const panel = await openComparison(page);
    const views = group(panel, 'Show the comparison as');
    for (const [layout, answers] of [
      ['Table', 'table.cmp-table td'],
      ['By question', '.cmp-by-question .cmp-answers'],
      ['By route', '.cmp-by-route .cmp-card'],
    ]) {
      await views.getByRole('radio', { name: layout }).check();
      await expectTermOpensByKeyboard(page, panel.locator(`${answers} button.term`).first());
      await expectUniqueIds(page);
    }
  });

  test('picking what matters moves those questions to the top, survives a reload and can be cleared', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    let panel = await openComparison(page);
    const status = panel.locator('.cmp-status');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    const priorities = () => group(panel, 'What matters most to you');
    const rows = () => panel.locator('table.cmp-table tbody tr');

    await priorities().getByRole('checkbox', { name: reordering.label, exact: true }).check();
    await expect.poll(() => shownRows(rows())).toEqual(priorityOrder);
    const marked = panel.locator('table.cmp-table tbody tr.cmp-marked');
    await expect(marked).toHaveCount(matching.length);
    await expect(marked.first().locator('.cmp-marker')).toHaveText(new RegExp(`Matters to you: .*${reordering.label}`));
    await expect(status).toHaveText(
      `Showing ${comparison.rows.length} questions for ${comparison.routes.length} routes, ${matching.length} marked as mattering to you.`,
    );

    await page.reload();
    panel = await openComparison(page);
    await expect(priorities().getByRole('checkbox', { name: reordering.label, exact: true })).toBeChecked();
    await expect.poll(() => shownRows(rows())).toEqual(priorityOrder);
    await expect(panel.locator('table.cmp-table tbody tr.cmp-marked')).toHaveCount(matching.length);

    await panel.getByRole('button', { name: 'Clear my choices' }).click();
    await expect(panel.locator('.cmp-status')).toHaveText(/^Your choices were cleared\./);
    await expect(priorities().getByRole('checkbox', { name: reordering.label, exact: true })).not.toBeChecked();
    await expect.poll(() => shownRows(rows())).toEqual(contentOrder);
    await expect(panel.locator('.cmp-marked')).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem('ketamine-guide.comparison.choices'))).toBeNull();

    await page.reload();
    panel = await openComparison(page);
    await expect.poll(() => shownRows(rows())).toEqual(contentOrder);
  });

  test('the reader can compare any two routes, but not fewer', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const panel = await openComparison(page);
    const routes = group(panel, 'Routes to compare');
    const [first, second, third] = comparison.routes;
    await routes.getByRole('checkbox', { name: first.short_name, exact: true }).uncheck();
    const table = panel.locator('table.cmp-table');
    await expect(table.locator('thead th')).toHaveCount(comparison.routes.length);
    await expect(table.getByRole('columnheader', { name: first.name })).toHaveCount(0);
    await expect(routes.getByRole('checkbox', { name: second.short_name, exact: true })).toBeDisabled();
    await expect(routes.getByRole('checkbox', { name: third.short_name, exact: true })).toBeDisabled();
    await expect(panel.locator('.cmp-timeline')).toHaveCount(comparison.routes.length - 1);
    await routes.getByRole('checkbox', { name: first.short_name, exact: true }).check();
    await expect(table.locator('thead th')).toHaveCount(comparison.routes.length + 1);
  });

  for (const width of [320, 390]) {
    test(`at ${width} px it starts "by question" and never scrolls sideways`, async ({ page }) => {
      await page.setViewportSize({ width, height: 844 });
      const panel = await openComparison(page);
      const views = group(panel, 'Show the comparison as');
      await expect(views.getByRole('radio', { name: 'By question' })).toBeChecked();
      await expect(panel.locator('table.cmp-table')).toBeHidden();
      await expect(panel.locator('.cmp-by-question .cmp-card')).toHaveCount(comparison.rows.length);
      await noSidewaysScroll(page);

      await views.getByRole('radio', { name: 'By route' }).check();
      await expect(panel.locator('.cmp-by-route .cmp-route')).toBeVisible();
      await noSidewaysScroll(page);

      // The table may be picked anywhere; it then scrolls inside its own box.
      await views.getByRole('radio', { name: 'Table' }).check();
      await expect(panel.locator('table.cmp-table')).toBeVisible();
      await noSidewaysScroll(page);
    });
  }

  test('axe-core finds no violations in the table, with a priority marked and a timeline as text', async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    const panel = await openComparison(page);
    await group(panel, 'What matters most to you').getByRole('checkbox', { name: reordering.label, exact: true }).check();
    await panel.locator('.cmp-tl-text summary').first().click();
    await expectNoAxeViolations(page);
  });

  for (const layout of ['By question', 'By route', 'Table']) {
    test(`axe-core finds no violations at 390 px, "${layout}"`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: 390, height: 844 });
      const panel = await openComparison(page);
      await group(panel, 'What matters most to you').getByRole('checkbox', { name: reordering.label, exact: true }).check();
      await group(panel, 'Show the comparison as').getByRole('radio', { name: layout }).check();
      await expectNoAxeViolations(page);
    });
  }

  test('printing shows the table with every route and its citations, without the controls', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const panel = await openComparison(page);
    await group(panel, 'What matters most to you').getByRole('checkbox', { name: reordering.label, exact: true }).check();
    await expect(group(panel, 'Show the comparison as').getByRole('radio', { name: 'By question' })).toBeChecked();

    // A printed page is about as wide as a 794 px (A4) window; the layout stays the reader's.
    await page.setViewportSize({ width: 794, height: 1123 });
    // Browsers send the print event, then lay out the printout: the app builds the table
    // (it is not kept beside the cards) before the next task, with every row.
    await page.emulateMedia({ media: 'print' });
    const rowsWhenLaidOut = await page.evaluate(
      () =>
        new Promise((resolve) => {
          setTimeout(() => resolve(document.querySelectorAll('#compare-panel table.cmp-table tbody tr').length), 0);
          window.dispatchEvent(new Event('beforeprint'));
        }),
    );
    expect(rowsWhenLaidOut).toBe(comparison.rows.length);
    const table = panel.locator('table.cmp-table');
    await expect(table).toBeVisible();
    await expect(panel.locator('.cmp-controls')).toBeHidden();
    await expect(panel.locator('.cmp-by-question')).toBeHidden();
    for (const route of comparison.routes) {
      await expect(table.locator('thead th', { hasText: route.name })).toBeVisible();
    }
    await expect(table.locator('tbody tr')).toHaveCount(comparison.rows.length);
    await expect(table.locator('tbody tr.cmp-marked .cmp-marker').first()).toBeVisible();
    await expect(table.locator('tbody td a.cite').first()).toBeVisible();
    await noSidewaysScroll(page);
    // The references the numbers point to print too (every section prints open).
    const key = comparison.rows[0].cells[comparison.routes[0].id].cite[0];
    await expect(page.locator(`#ref-${key}`)).toBeVisible();
  });
});
