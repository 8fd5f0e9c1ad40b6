// Issue #14: the header, its subtitle and the main column stand on one grid. The page
// has one content box (the crisis bar, the header, the main column and the footer share
// it); on a wide screen the contents sit in its first column and the text in the second.
// The crisis help, the title, the line above it, the guide's opening line (its subtitle),
// the contents and the footer all start at the content box's left edge, so nothing looks
// shifted; nothing scrolls sideways.
const { test, expect } = require('@playwright/test');
const { openGuide } = require('./helpers');

/** The left edge of an element's first line of text (where a reader sees it start). */
function textLeft(locator) {
  return locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    return range.getClientRects()[0].left;
  });
}

for (const width of [1024, 1280, 1440, 1920]) {
  test(`at ${width} px the title, subtitle and main column start at one x`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openGuide(page);
    const main = page.locator('main');
    const contentLeft = await main.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return box.left + parseFloat(getComputedStyle(element).paddingLeft);
    });
    const title = await textLeft(page.locator('.site-header h1'));
    expect(Math.abs(title - contentLeft), `title at ${title}, main column at ${contentLeft}`).toBeLessThanOrEqual(1);
    for (const selector of ['.crisis-bar strong', '.site-kicker', '.lede', '.toc', '.site-footer p']) {
      const left = await page.locator(selector).first().evaluate((element) => element.getBoundingClientRect().left);
      expect(Math.abs(left - contentLeft), `${selector} at ${left}`).toBeLessThanOrEqual(1);
    }
    // The contents and the text are the grid's two columns, the title above both.
    const toc = await page.locator('.toc').boundingBox();
    const text = await page.locator('.guide-main').boundingBox();
    expect(text.x).toBeGreaterThan(toc.x + toc.width);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
  });
}
