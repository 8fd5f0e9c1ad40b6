// The three states a reader can see: loading, loaded and failed, and recovery from failure.
const { test, expect } = require('@playwright/test');
const {
  CONTENT_PATTERN,
  LIVE_TOGGLES,
  shippedGuide,
  holdContent,
  useFetchedContent,
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

test('while the content loads, the prerendered guide is already there to read', async ({ page }) => {
  const release = await holdContent(page);
  await page.goto('./');
  const titles = page.locator('.section-title');
  await expect(titles).toHaveCount(guide.sections.length);
  await expect(titles.first()).toHaveText(guide.sections[0].title);
  await expect(page.getByText('Loading the guide…')).toHaveCount(0);
  await expect(page.locator(LIVE_TOGGLES)).toHaveCount(0);
  release();
  await expect(page.locator(LIVE_TOGGLES)).toHaveCount(guide.sections.length);
});

/** The notice shown above the prerendered guide when the app cannot start. */
const startNotice = (page) =>
  page.getByRole('status').filter({ hasText: 'are not working' });

/** The prerendered sections still open and read when the app could not start. */
async function expectGuideStillReadable(page) {
  const section = guide.sections[1];
  await page.locator(`#${section.id}-button`).click();
  await expect(page.locator(`#${section.id}`)).toContainText(section.summary[0].text.slice(0, 40));
}

test('a missing content file: the guide stays readable, the notice says what does not work, and Retry recovers', async ({ page }) => {
  await useFetchedContent(page);
  await page.route(CONTENT_PATTERN, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
  await page.goto('./');
  const notice = startNotice(page);
  await expect(notice).toContainText('You can still read every section below.');
  await expect(notice).toContainText('try again');
  await notice.getByText("Technical details (for the site's host)").click();
  await expect(notice.locator('pre')).toContainText('HTTP 404 Not Found for content/guide.json');
  await expect(page.locator('.crisis-bar')).toBeVisible();
  await expectGuideStillReadable(page);
  await expectNoAxeViolations(page);

  await page.unroute(CONTENT_PATTERN);
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator(LIVE_TOGGLES)).toHaveCount(guide.sections.length);
  await expect(startNotice(page)).toHaveCount(0);
  // The section the reader opened before the app started is still open.
  await expect(page.locator(`#${guide.sections[1].id}-button`)).toHaveAttribute('aria-expanded', 'true');
});

test('invalid JSON is not used: the prerendered guide stays, with the reason one click away', async ({ page }) => {
  await useFetchedContent(page);
  await page.route(CONTENT_PATTERN, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"meta": {"title": ' }),
  );
  await page.goto('./');
  const notice = startNotice(page);
  await expect(notice).toContainText('Please try again later.');
  await expect(notice.locator('pre')).toContainText('is not valid guide content');
  await expect(notice.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.locator('.crisis-bar')).toBeVisible();
  await expectGuideStillReadable(page);
});

test('content that breaks the rules is refused with the problems listed', async ({ page }) => {
  const broken = structuredClone(guide);
  broken.sections[1].id = broken.sections[0].id;
  await useFetchedContent(page);
  await page.route(CONTENT_PATTERN, (route) => route.fulfill({ status: 200, json: broken }));
  await page.goto('./');
  await expect(startNotice(page).locator('pre')).toContainText(
    `id "${guide.sections[0].id}": id is used more than once`,
  );
  await expect(page.locator(LIVE_TOGGLES)).toHaveCount(0);
});

test('a network failure says so and Retry works', async ({ page }) => {
  await useFetchedContent(page);
  await page.route(CONTENT_PATTERN, (route) => route.abort('internetdisconnected'));
  await page.goto('./');
  const notice = startNotice(page);
  await expect(notice).toContainText('Check your connection');
  await page.unroute(CONTENT_PATTERN);
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator(LIVE_TOGGLES)).toHaveCount(guide.sections.length);
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
  await expect(page.locator(LIVE_TOGGLES)).toHaveCount(guide.sections.length);
});

test('the loaded guide has no accessibility violations', async ({ page }) => {
  // Every section open is a long page: axe needs more time on a busy machine.
  test.setTimeout(300_000);
  await openGuide(page);
  await expectNoAxeViolations(page);
  for (const toggle of await page.locator('.section-toggle').all()) await toggle.click();
  await expectNoAxeViolations(page);
});

test('the app reads the content from the page, without fetching the file too', async ({ page }) => {
  const requested = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await openGuide(page);
  await page.waitForLoadState('networkidle');
  expect(requested.filter((p) => p.endsWith('content/guide.json'))).toEqual([]);
});

test.describe('a damaged copy of the content in the page', () => {
  // The service worker would fetch the page itself, past the test's route.
  test.use({ serviceWorkers: 'block' });

  const BLOCK = /(<script type="application\/json" id="guide-content">)([\s\S]*?)(<\/script>)/;
  // A host (or a proxy) that mangled the page's copy: so it is no longer JSON, or it is
  // JSON that breaks one of the content's rules (two sections with one id). The app
  // decodes and checks the copy in separate tasks; either failure falls back.
  const damages = {
    'that is not JSON': () => '{"meta": damaged',
    'that breaks a rule': (block) => {
      const content = JSON.parse(block);
      content.sections[1].id = content.sections[0].id;
      return JSON.stringify(content).replace(/</g, '\\u003c');
    },
  };

  for (const [damage, mangle] of Object.entries(damages)) {
    test(`${damage}: not used, the app falls back to the content file`, async ({ page }) => {
      const requested = [];
      page.on('request', (request) => requested.push(new URL(request.url()).pathname));
      await page.route(
        (url) => /\/(index\.html)?$/.test(url.pathname),
        async (route) => {
          if (route.request().resourceType() !== 'document') return route.fallback();
          const response = await route.fetch();
          const body = (await response.text()).replace(BLOCK, (_, open, block, close) => open + mangle(block) + close);
          return route.fulfill({ response, body });
        },
      );
      await openGuide(page);
      await expect(page.locator(LIVE_TOGGLES)).toHaveCount(guide.sections.length);
      // What went live is the file's content: the second section keeps its own id.
      await expect(page.locator(`#app:not([data-prerendered]) #${guide.sections[1].id}-button`)).toHaveCount(1);
      expect(requested.filter((p) => p.endsWith('content/guide.json')).length).toBe(1);
    });
  }
});
