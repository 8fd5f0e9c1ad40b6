// "Get emergency help now if…": a reader finds the warning signs and what to do
// without opening "More detail", by reading or by searching the words people type.
const { test, expect } = require('@playwright/test');
const { shippedGuide, openGuide, expectNoAxeViolations } = require('./helpers');

const guide = shippedGuide();
const sectionsWithBox = guide.sections.filter((s) => s.emergency).map((s) => s.id);

test('the emergency box is in the summary layer, with the numbers to call', async ({ page }) => {
  expect(sectionsWithBox).toEqual(expect.arrayContaining(['side-effects', 'routes', 'treatment-course']));
  await openGuide(page, '#side-effects');
  const box = page.locator('#side-effects-emergency');
  await expect(box).toBeVisible();
  await expect(box.getByRole('heading', { name: guide.emergency.heading })).toBeVisible();
  await expect(box).toContainText('911');
  await expect(box).toContainText('999');
  await expect(box).toContainText('112');
  // Shown without opening "More detail".
  await expect(page.locator('#side-effects-panel details.more')).not.toHaveAttribute('open', '');
  // The group is named by its heading for screen readers.
  await expect(page.getByRole('group', { name: guide.emergency.heading }).first()).toBeVisible();
});

test('the at-home rules are shown where doses outside a clinic are discussed', async ({ page }) => {
  await openGuide(page, '#routes');
  const box = page.locator('#routes-emergency');
  await expect(box).toBeVisible();
  await expect(box).toContainText(guide.emergency.at_home_heading);
  await expect(box).toContainText(/alone/i);
  await openGuide(page, '#side-effects');
  await expect(page.locator('#side-effects-emergency .emergency-rules')).toHaveCount(0);
});

for (const query of ['chest pain', 'overdose', 'call 911', 'warning signs']) {
  test(`searching "${query}" leads to the emergency box and focuses it`, async ({ page }) => {
    await openGuide(page);
    await page.getByRole('searchbox', { name: 'Search the guide' }).fill(query);
    const first = page.locator('.search-result').first();
    await expect(first).toContainText(guide.emergency.heading);
    await first.click();
    const focused = page.locator('.emergency:focus');
    await expect(focused).toBeVisible();
    await expect(focused).toBeInViewport();
    await expect(focused).toContainText('911');
  });
}

test('a page with the emergency box open passes axe in light and dark', async ({ page }) => {
  await openGuide(page, '#side-effects');
  await openGuide(page, '#routes');
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);
});
