// The three states a reader can see: loading, loaded and failed, and recovery from failure.
const { test, expect } = require('@playwright/test');
const {
  CONTENT_PATTERN,
  shippedGuide,
  openGuide,
  watchConsole,
  expectNoAxeViolations,
} = require('./helpers');

const guide = shippedGuide();

test('the content loads and every section is listed', async ({ page }) => {
  const problems = watchConsole(page);
  await openGuide(page);
  const toggles = page.locator('.section-toggle');
  await expect(toggles).toHaveCount(guide.sections.length);
  for (const [i, section] of guide.sections.entries()) {
    await expect(toggles.nth(i)).toHaveText(section.title);
  }
  await expect(page.getByText('Loading the guide…')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(guide.meta.title);
  expect(problems).toEqual([]);
});

test('a section opens to show its summary, with citations that lead to references', async ({ page }) => {
  await openGuide(page);
  const section = guide.sections.find((s) => s.summary.some((p) => (p.cite || []).length > 0));
  const toggle = page.locator(`#${section.id}-button`);
  const panel = page.locator(`#${section.id}-panel`);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(panel).toBeVisible();
  await expect(panel.getByText(section.summary[0].text, { exact: false })).toBeVisible();
  const key = section.summary.find((p) => (p.cite || []).length > 0).cite[0];
  const citation = panel.locator(`a.cite[href="#ref-${key}"]`).first();
  await expect(citation).toBeVisible();
  await citation.click();
  const entry = page.locator(`#ref-${key}`);
  await expect(entry).toBeFocused();
  await expect(entry).toBeVisible();
  // ...and back to exactly where the reader was.
  await entry.getByRole('link', { name: 'Back to the text' }).click();
  await expect(citation).toBeFocused();
});

test('while loading, a status message is announced', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(CONTENT_PATTERN, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText('Loading the guide…');
  release();
  await expect(page.locator('.section-toggle').first()).toBeVisible();
});

test('a missing content file shows a plain error, and Retry recovers once it is back', async ({ page }) => {
  await page.route(CONTENT_PATTERN, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("The guide's content could not be found.");
  await expect(alert).toContainText('try again');
  await alert.getByText("Technical details (for the site's host)").click();
  await expect(alert.locator('pre')).toContainText('HTTP 404 Not Found for content/guide.json');
  await expect(page.locator('.crisis-bar')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.unroute(CONTENT_PATTERN);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.section-toggle')).toHaveCount(guide.sections.length);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('invalid JSON shows the error, not a blank page', async ({ page }) => {
  await page.route(CONTENT_PATTERN, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"meta": {"title": ' }),
  );
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("The guide's content is damaged, so it is not shown.");
  await expect(alert.locator('pre')).toContainText('is not valid guide content');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.locator('.crisis-bar')).toBeVisible();
});

test('content that breaks the rules is refused with the problems listed', async ({ page }) => {
  const broken = structuredClone(guide);
  broken.sections[1].id = broken.sections[0].id;
  await page.route(CONTENT_PATTERN, (route) => route.fulfill({ status: 200, json: broken }));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('damaged');
  await expect(alert.locator('pre')).toContainText(`id "${guide.sections[0].id}": id is used more than once`);
});

test('a network failure says so and Retry works', async ({ page }) => {
  await page.route(CONTENT_PATTERN, (route) => route.abort('internetdisconnected'));
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("The guide's content could not be loaded.");
  await expect(alert).toContainText('Check your connection');
  await page.unroute(CONTENT_PATTERN);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.section-toggle')).toHaveCount(guide.sections.length);
});

test('a panic replaces the page with a notice instead of leaving it blank', async ({ page }) => {
  await openGuide(page);
  await page.evaluate(() => {
    try {
      window.wasmBindings.simulate_crash();
    } catch (_) {
      // The wasm trap after the panic hook surfaces here; the notice is what matters.
    }
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Something went wrong in this page.');
  await expect(alert.getByRole('link', { name: 'Reload the page' })).toBeVisible();
  await expect(page.locator('.crisis-bar')).toBeVisible();
  await alert.getByRole('link', { name: 'Reload the page' }).click();
  await expect(page.locator('.section-toggle')).toHaveCount(guide.sections.length);
});

test('the loaded guide has no accessibility violations', async ({ page }) => {
  await openGuide(page);
  await expectNoAxeViolations(page);
  for (const toggle of await page.locator('.section-toggle').all()) await toggle.click();
  await expectNoAxeViolations(page);
});
