// "Open in a browser" includes double-clicking dist/index.html: a file:// page, where the
// browser loads no module script and fetches nothing beside it. The prerendered guide must
// still be styled and readable, without dead controls, and say how to serve the folder.
const { test, expect } = require('@playwright/test');
const path = require('path');
const { pathToFileURL } = require('url');
const { shippedGuide, watchConsole } = require('./helpers');

const page_url = pathToFileURL(path.resolve(__dirname, '../../dist/index.html')).href;
const guide = shippedGuide();

test.beforeEach(({}, testInfo) => {
  // The same file whichever base URL a project serves: run it once.
  test.skip(testInfo.project.name !== 'root', 'file:// does not depend on the base URL');
});

test('opened from disk, the guide is styled and readable, with a notice and no dead controls', async ({ page }) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(page_url);
  const notice = page.locator('#disk-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('python3 -m http.server');
  // The stylesheets apply: the crisis bar has its background, the text its size.
  const styles = await page.evaluate(() => ({
    crisis: getComputedStyle(document.querySelector('.crisis-bar')).backgroundColor,
    body: getComputedStyle(document.body).fontSize,
  }));
  expect(styles.crisis).not.toBe('rgba(0, 0, 0, 0)');
  expect(styles.body).toBe('18px');
  // Controls that need the app are hidden, as without a script.
  await expect(page.locator('.search')).toBeHidden();
  await expect(page.locator('.expand-controls')).toBeHidden();
  // Every section is there and opens natively.
  await expect(page.locator('details.section-disclosure')).toHaveCount(guide.sections.length);
  await page.locator('#cost-button').click();
  await expect(page.locator('#cost')).toBeVisible();
  expect(problems).toEqual([]);
});

test('served over HTTP, the disk notice stays hidden', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('#app:not([data-prerendered]) button.section-toggle').first()).toBeVisible();
  await expect(page.locator('#disk-notice')).toBeHidden();
});
