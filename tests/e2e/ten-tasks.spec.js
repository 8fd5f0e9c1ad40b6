// The ten tasks of issue 15's three first-time readers (one on a phone whose
// psychiatrist mentioned the nasal spray, one on a laptop who saw an ad for at-home
// lozenges, one at 200 % zoom with only the keyboard), each done as a reader would, in
// a few steps, at 390 and 1280 px. Each test ends on what the reader came for, and
// asserts it is on screen.
//
// With WALKTHROUGH_DIR set, each task also saves a screenshot of what the reader sees at
// the end (docs/walkthrough holds the set the closing note of issue 15 walks through):
//   cd tests/e2e && WALKTHROUGH_DIR=../../docs/walkthrough npx playwright test ten-tasks --project=root
const path = require('path');
const { test, expect } = require('@playwright/test');
const { openGuide, shippedGuide, expectUncovered } = require('./helpers');

const guide = shippedGuide();
const driving = guide.comparison.rows.find((r) => r.id === 'driving');
const insurance = guide.comparison.rows.find((r) => r.id === 'insurance');
const riskFree = guide.claims.find((c) => c.id === 'safe-for-most-adults');

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

async function snapshot(page, name) {
  const dir = process.env.WALKTHROUGH_DIR;
  if (!dir) return;
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** Types a query into the search box and follows the first result. */
async function searchAndFollow(page, query) {
  await page.getByRole('searchbox', { name: 'Search the guide' }).fill(query);
  // The results are for these words once the status names them.
  await expect(page.locator('.search-status')).toContainText(`for “${query}”`);
  const first = page.locator('.search-result').first();
  await expect(first).toBeVisible();
  await first.click();
  const target = page.locator('.search-target, .emergency:focus').first();
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  await expectUncovered(target);
  return target;
}

test.describe('the ten tasks', () => {
  // One project is enough: the sub-path serving is covered by every other spec.
  test.beforeEach(async ({}, testInfo) => {
    test.skip(testInfo.project.name !== 'root', 'run once, at the site root');
  });
  test.describe.configure({ timeout: 90_000 });

  for (const size of WIDTHS) {
    test.describe(`at ${size.width} px`, () => {
      test.beforeEach(async ({ page }) => {
        await page.setViewportSize({ width: size.width, height: size.height });
      });

      test('1. the stay and driving rules', async ({ page }) => {
        await openGuide(page);
        // The stay: how long the clinic keeps you after the nasal spray.
        let target = await searchAndFollow(page, 'how long do I stay');
        await expect(target).toContainText(/you stay at least 2 hours/);
        // Driving: the nasal spray's next-day rule and the 24 hours after racemic ketamine.
        target = await searchAndFollow(page, 'driving');
        await expect(target).toHaveText(driving.question);
        const row = page.locator('#compare-panel [data-row="driving"]:visible').first();
        await expect(row).toContainText(/not until the next day/);
        await expect(row).toContainText(/24 hours/);
        await snapshot(page, `01-driving-${size.name}`);
      });

      test('2. what it costs with insurance', async ({ page }) => {
        await openGuide(page);
        const target = await searchAndFollow(page, 'does insurance pay');
        await expect(target).toHaveText(insurance.question);
        const row = page.locator(`#compare-panel [data-row="insurance"]:visible`).first();
        await expect(row).toContainText(/savings programme/);
        await expect(row).toContainText(/Medicare, Medicaid/);
        await expect(row).toContainText(/clinic fees/);
        await snapshot(page, `02-insurance-${size.name}`);
      });

      test('3. side effects compared like for like', async ({ page }) => {
        await openGuide(page, '#compare');
        const panel = page.locator('#compare-panel');
        const topics = panel.getByRole('group', { name: 'Topics' });
        for (const other of ['Benefits', 'Time and cost', 'Who and how sure']) {
          const box = topics.getByRole('checkbox', { name: other });
          if (await box.count()) await box.uncheck();
        }
        const sideEffects = panel.locator('[data-row="common-side-effects"]:visible').first();
        await sideEffects.scrollIntoViewIfNeeded();
        await expect(sideEffects).toBeInViewport();
        // Every route answers the same question, each with its certainty in words.
        for (const route of guide.comparison.routes) {
          await expect(panel.locator(':visible', { hasText: route.name }).first()).toBeAttached();
        }
        await expect(panel.locator('[data-row="benefit"]:visible')).toHaveCount(0);
        await snapshot(page, `03-side-effects-${size.name}`);
      });

      test('4. a question list, printed', async ({ page }) => {
        await page.addInitScript(() => {
          window.__printed = 0;
          window.print = () => {
            window.__printed += 1;
          };
        });
        await openGuide(page, '#cost');
        await page.locator('#cost-panel .ask button.add-question').first().click();
        await page.locator('.my-list-link').click();
        await expect(page.locator('#myq-list-heading')).toBeFocused();
        await page.getByRole('button', { name: 'Print my summary' }).click();
        expect(await page.evaluate(() => window.__printed)).toBe(1);
        await page.emulateMedia({ media: 'print' });
        const summary = page.locator('.myq-summary');
        await expect(summary.locator('.myq-item-text')).toHaveCount(1);
        await expect(page.locator('#cost-panel')).toBeHidden();
        await page.emulateMedia({ media: 'screen' });
        await page.locator('#myq-list-heading').scrollIntoViewIfNeeded();
        await snapshot(page, `04-question-list-${size.name}`);
      });

      test('5. whether at-home use is approved', async ({ page }) => {
        await openGuide(page);
        const target = await searchAndFollow(page, 'at home approved');
        await expect(page.locator('#safety-regulation-panel')).toBeVisible();
        await expect(target).toContainText(/only one form of ketamine is approved/);
        await expect(target).toContainText(/cannot take it home/);
        await snapshot(page, `05-at-home-${size.name}`);
      });

      test('6. the warning signs that need emergency help', async ({ page }) => {
        await openGuide(page);
        const box = await searchAndFollow(page, 'warning signs');
        await expect(box).toContainText(guide.emergency.heading);
        await expect(box).toContainText('911');
        await expect(box.locator('li').first()).toBeVisible();
        await snapshot(page, `06-warning-signs-${size.name}`);
      });

      test('7. the "risk-free, not addictive" claims', async ({ page }) => {
        await openGuide(page);
        await searchAndFollow(page, 'risk free');
        const card = page.locator(`#${riskFree.id}`);
        await expect(card).toBeInViewport();
        await expect(card.locator('.verdict')).toContainText(/inaccurate/i);
        await expect(card.locator('.claim-bottom-line')).not.toBeEmpty();
        // The addiction claim sits near the top of the same list.
        await expect(page.locator('#claims-panel .claim').nth(1)).toContainText(/addiction/);
        await snapshot(page, `07-risk-free-claim-${size.name}`);
      });

      test('9. a glossary term', async ({ page }) => {
        await openGuide(page, '#what-it-is');
        const term = page.locator('#what-it-is-panel .summary button.term').first();
        await term.scrollIntoViewIfNeeded();
        await term.click();
        const definition = page.locator(`#${await term.getAttribute('aria-controls')}`);
        await expect(definition).toBeVisible();
        await expect(definition).toBeInViewport();
        await snapshot(page, `09-glossary-term-${size.name}`);
      });

      test('10. expand, then back to the top', async ({ page }) => {
        await openGuide(page);
        await page.getByRole('button', { name: 'Expand all' }).click();
        await expect(page.locator('.section-panel > details.more').first()).toHaveAttribute('open', '');
        const back = page.locator('#cost-panel .back-to-contents a');
        await back.scrollIntoViewIfNeeded();
        await back.click();
        await expect(page.locator('#contents')).toBeFocused();
        await expect(page.locator('#contents')).toBeInViewport();
        await expectUncovered(page.locator('#contents'));
        await snapshot(page, `10-back-to-contents-${size.name}`);
      });
    });
  }

  test('8. the driving row at 200 % zoom, by keyboard alone', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await openGuide(page);
    // From the top of the page: Tab to the search box, type, then Tab to the first
    // result and press Enter. No mouse.
    const search = page.getByRole('searchbox', { name: 'Search the guide' });
    for (let i = 0; i < 30 && !(await search.evaluate((el) => el === document.activeElement)); i += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(search).toBeFocused();
    await page.keyboard.type('driving');
    const first = page.locator('.search-result').first();
    await expect(first).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    const target = page.locator('.search-target');
    await expect(target).toBeFocused();
    await expect(target).toHaveText(driving.question);
    await expect(target).toBeInViewport();
    await expectUncovered(target);
    await snapshot(page, '08-driving-200-percent-keyboard');
    await context.close();
  });
});
