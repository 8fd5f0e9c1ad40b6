// What three first-time readers needed (issue 15): search that leads to the match,
// getting around by keyboard and at 200 % zoom, verdicts that read without colour,
// building the question list where you read, and a comparison that fits the page.
const { test, expect } = require('@playwright/test');
const { openGuide, expectNoAxeViolations, shippedGuide } = require('./helpers');

async function search(page, query) {
  await page.locator('#search-input').fill(query);
  const first = page.locator('.search-result').first();
  await expect(first).toBeVisible();
  return first;
}

test.describe('search leads to the match', () => {
  for (const [query, text] of [
    ['cystitis', /cystitis/i],
    ['breathing', /breath/i],
  ]) {
    test(`a section result for "${query}" opens More detail and focuses the passage`, async ({ page }) => {
      await openGuide(page);
      await page.locator('#search-input').fill(query);
      const result = page
        .locator('.search-result')
        .filter({ has: page.locator('.result-kind', { hasText: /^Section$/ }) })
        .filter({ hasText: text })
        .first();
      await expect(result).toBeVisible();
      await result.click();
      const target = page.locator('.search-target');
      await expect(target).toBeVisible();
      await expect(target).toBeFocused();
      await expect(target).toContainText(text);
      await expect(target).toBeInViewport();
    });
  }

  test('"driving" finds the comparison row and shows it', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openGuide(page);
    const first = await search(page, 'driving');
    await expect(first.locator('.result-title')).toHaveText('Can I drive afterwards?');
    await first.click();
    const target = page.locator('.search-target');
    await expect(target).toBeFocused();
    await expect(target).toHaveText('Can I drive afterwards?');
    await expect(target).toBeInViewport();
  });

  test('word forms, synonyms and a typo find the right thing', async ({ page }) => {
    await openGuide(page);
    let first = await search(page, 'addictive');
    await expect(first.locator('.result-title')).toContainText('possibility of addiction');
    first = await search(page, 'insurence');
    await expect(first.locator('.result-title')).toHaveText('Cost and insurance');
    first = await search(page, 'k-hole');
    await expect(first.locator('.result-title')).toHaveText('Dissociation');
    await expect(first.locator('.result-snippet')).toContainText('Feeling detached');
  });
});

test.describe('getting around', () => {
  test('Expand all opens every More detail; Back to contents and Home bring focus up', async ({ page }) => {
    await openGuide(page);
    await page.getByRole('button', { name: 'Expand all' }).click();
    const details = page.locator('.section-panel > details.more');
    await expect(details.first()).toHaveAttribute('open', '');
    expect(await details.evaluateAll((all) => all.every((d) => d.open))).toBe(true);

    const back = page.locator('#cost-panel .back-to-contents a');
    await back.scrollIntoViewIfNeeded();
    await back.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#contents')).toBeFocused();

    // Home from deep in the page: the page goes to the top, and focus with it.
    await page.locator('#side-effects-panel .back-to-contents a').focus();
    await page.keyboard.press('Home');
    await expect(page.locator('#guide-top')).toBeFocused();
    await expect
      .poll(() => page.evaluate(() => window.scrollY))
      .toBeLessThan(50);
  });

  test('on a phone, Contents and My list stay in reach', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await openGuide(page);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await expect(page.locator('.toc-toggle')).toBeInViewport();
    await expect(page.locator('.my-list-link')).toBeInViewport();
  });

  test('at 200 % zoom, a glossary definition opens in view by keyboard', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await openGuide(page, '#what-it-is');
    const term = page.locator('#what-it-is-panel .summary button.term').first();
    await term.scrollIntoViewIfNeeded();
    await term.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await term.focus();
    await page.keyboard.press('Enter');
    const definition = page.locator(`#${await term.getAttribute('aria-controls')}`);
    await expect(definition).toBeVisible();
    await expect(definition).toBeInViewport({ ratio: 0.5 });
    await context.close();
  });

  test('citation links have a hit area of at least 24 by 24 pixels', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await openGuide(page, '#cost');
    const cite = page.locator('#cost-panel a.cite').first();
    await cite.scrollIntoViewIfNeeded();
    const box = await cite.boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    for (const [dx, dy] of [[0, -11], [0, 11], [-11, 0], [11, 0]]) {
      const hit = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x, y)?.closest('a.cite')?.id ?? null,
        [cx + dx, cy + dy],
      );
      expect(hit, `point ${dx},${dy} from the centre`).toBe(await cite.getAttribute('id'));
    }
  });
});

test.describe('claims and the question list', () => {
  test('verdict badges differ by icon and word, with a key, and each card starts with a bottom line', async ({ page }) => {
    await openGuide(page, '#claims');
    const key = page.locator('.verdict-key .verdict');
    await expect(key).toHaveCount(5);
    const texts = await key.allTextContents();
    expect(new Set(texts).size).toBe(5);
    const icons = await page.locator('.verdict-key .verdict-icon').allTextContents();
    expect(new Set(icons).size).toBe(5);
    // Each verdict in the key says, beside its icon and word, what it means.
    const labels = {
      accurate: 'Accurate',
      partly_accurate: 'Partly accurate',
      misleading: 'Misleading',
      inaccurate: 'Inaccurate',
      unproven: 'Unproven',
    };
    const meanings = shippedGuide().verdict_meanings;
    expect(meanings.map((m) => m.verdict).sort()).toEqual(Object.keys(labels).sort());
    const entries = page.locator('.verdict-key li');
    await expect(entries).toHaveCount(5);
    for (const { verdict, meaning } of meanings) {
      const entry = entries.filter({ has: page.locator('.verdict', { hasText: new RegExp(`^\\S+ ${labels[verdict]}$`) }) });
      await expect(entry).toHaveCount(1);
      await expect(entry.locator('.verdict-meaning')).toHaveText(meaning);
      await expect(entry.locator('.verdict-meaning')).toBeVisible();
    }
    const firstClaim = page.locator('.claim').first();
    await expect(firstClaim.locator('.claim-bottom-line strong')).not.toBeEmpty();
  });

  test('Add to my list from a section, the count updates, no duplicates', async ({ page }) => {
    await openGuide(page, '#cost');
    const counter = page.locator('.my-list-link');
    await expect(counter).toHaveText('My list (0)');
    const add = page.locator('#cost-panel .ask button.add-question').first();
    await add.click();
    await expect(counter).toHaveText('My list (1)');
    await expect(add).toHaveText(/On my list/);
    await add.press('Enter');
    await expect(counter).toHaveText('My list (1)');
    await expect(page.locator('#cost-panel .ask [role=status]')).toContainText('Already on your list');
    await counter.click();
    await expect(page.locator('#myq-list-heading')).toBeFocused();
    const question = await page.locator('#cost-panel .ask .ask-text').first().textContent();
    await expect(page.locator('#questions-panel')).toContainText(question);
    await page.reload();
    await expect(page.locator('.my-list-link')).toHaveText('My list (1)');
  });

  test('the review status is near the top', async ({ page }) => {
    await openGuide(page);
    await expect(page.locator('.intro .review-status')).toContainText('medical reviewer');
  });
});

test.describe('the comparison at desktop widths', () => {
  for (const width of [1024, 1280, 1440, 1920]) {
    test(`no sideways scroll and no overlap with the Contents at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await openGuide(page, '#compare');
      await page.getByRole('radio', { name: /table/i }).check().catch(() => {});
      await expect(page.locator('#compare-panel')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const tocRight = await page.locator('.reach').evaluate((el) => el.getBoundingClientRect().right);
      const boxes = await page.locator('#compare-panel .comparison').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
      expect(boxes.left).toBeGreaterThanOrEqual(tocRight);
      expect(boxes.right).toBeLessThanOrEqual(width);
    });
  }
});

test.describe('axe-core with the new controls', () => {
  for (const scheme of ['light', 'dark']) {
    test(`clean in ${scheme}: claims, a section's questions and a search target`, async ({ page }) => {
      test.setTimeout(300_000);
      await page.emulateMedia({ colorScheme: scheme });
      await openGuide(page, '#cost');
      await page.locator('#cost-panel .ask button.add-question').first().click();
      await page.locator('.toc-list a[href="#claims"]').click();
      const first = await search(page, 'cystitis');
      await first.click();
      await expectNoAxeViolations(page);
    });
  }
});
