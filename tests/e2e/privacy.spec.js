// Safety and privacy: crisis help in every state, nothing leaves the device, the
// Content-Security-Policy is in force, and content is never run as markup.
const { test, expect } = require('@playwright/test');
const { CONTENT_PATTERN, shippedGuide, holdContent, useFetchedContent, openGuide, waitForApp, watchConsole } = require('./helpers');

const guide = shippedGuide();

/** Records CSP violations reported to the page, from before any script runs. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

test('the crisis bar shows before the content, at 320 px, and matches the content', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const release = await holdContent(page);
  await page.goto('./');
  const bar = page.getByRole('complementary', { name: 'Crisis help' });
  await expect(bar).toBeVisible();
  await expect(bar.locator('a[href="tel:988"]')).toBeVisible();
  await expect(bar.locator('a[href="sms:988"]')).toBeVisible();
  await expect(bar.locator('a[href="tel:116123"]')).toBeVisible();
  await expect(bar.locator('a[href="https://findahelpline.com"]')).toBeVisible();
  await expect(bar).toContainText('emergency number');
  const box = await bar.boundingBox();
  expect(box.y).toBe(0);
  // Every help line the bar links to is also in the content's crisis list.
  const contentLinks = guide.crisis.lines.flatMap((l) => l.links.map((k) => k.href));
  for (const href of await bar.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    expect(contentLinks).toContain(href);
  }
  release();
  await waitForApp(page);
  await expect(bar).toBeVisible();
});

test('the crisis bar shows without JavaScript and in print', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByRole('complementary', { name: 'Crisis help' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('complementary', { name: 'Crisis help' })).toBeVisible();
  await context.close();
});

test('no request leaves the page\'s origin and no cookie is set', async ({ page, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openGuide(page);
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.getByRole('searchbox', { name: 'Search the guide' }).fill('cost');
  await expect(page.locator('.search-result').first()).toBeVisible();
  const elsewhere = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
  expect(elsewhere).toEqual([]);
  expect(await page.context().cookies()).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('the Content-Security-Policy is in force and nothing violates it', async ({ page }) => {
  await watchCsp(page);
  const problems = watchConsole(page);
  await openGuide(page);
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  expect(policy).not.toContain('unsafe-inline');
  await page.getByRole('button', { name: 'Expand all' }).click();
  for (const summary of await page.locator('details.more > summary').all()) await summary.click();
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(problems).toEqual([]);
  // And it does block what it should: an inline script added now does not run.
  const ran = await page.evaluate(() => {
    window.__inlineRan = false;
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.body.appendChild(s);
    return window.__inlineRan;
  });
  expect(ran).toBe(false);
});

test('the referrer policy is no-referrer and external links cannot reach back', async ({ page }) => {
  await openGuide(page);
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
  await page.getByRole('button', { name: 'Expand all' }).click();
  const external = page.locator('a[href^="http"]');
  expect(await external.count()).toBeGreaterThan(10);
  const rels = await external.evaluateAll((as) => as.map((a) => a.getAttribute('rel') || ''));
  for (const rel of rels) {
    expect(rel).toContain('noopener');
    expect(rel).toContain('noreferrer');
  }
});

test('markup inside the content is shown as text and never runs', async ({ page }) => {
  const hostile = structuredClone(guide);
  const attack = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  hostile.sections[0].summary[0].text = `Before ${attack} after`;
  hostile.sections[0].title = '<b onclick="window.__pwned=3">Start</b>';
  hostile.claims[0].explanation = attack;
  await useFetchedContent(page);
  await page.route(CONTENT_PATTERN, (route) => route.fulfill({ status: 200, json: hostile }));
  await openGuide(page);
  await page.getByRole('button', { name: 'Expand all' }).click();
  await expect(page.locator(`#${guide.sections[0].id}-button`)).toHaveText(hostile.sections[0].title);
  await expect(page.locator(`#${guide.sections[0].id}-panel`)).toContainText(attack);
  await page.locator(`#${guide.sections[0].id}-button`).click();
  expect(await page.locator('main img, main b, .summary script, .claims script').count()).toBe(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});
