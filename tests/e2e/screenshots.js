// Screenshots of the release build for a human to look at:
//   node screenshots.js [url] [outdir]   (serve dist/ first, e.g. on port 4173)
// Writes phone (390 px) and desktop (1280 px) shots, light and dark, closed and open.
const { chromium } = require('@playwright/test');

const url = process.argv[2] || 'http://127.0.0.1:4173/';
const out = process.argv[3] || '/tmp/shots';

(async () => {
  require('fs').mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  for (const [name, width] of [['phone', 390], ['desktop', 1280]]) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(url);
      await page.locator('.section-toggle').first().waitFor();
      await page.screenshot({ path: `${out}/${name}-${scheme}-closed.png`, fullPage: false });
      const hash = process.argv[4];
      const target = hash ? page.locator(`#${hash}-button`) : page.locator('.section-toggle').nth(6);
      await target.click();
      await page.locator('.section-panel:not([hidden]) details.more > summary').first().click();
      await target.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${out}/${name}-${scheme}-open.png`, fullPage: false });
      await page.close();
    }
  }
  await browser.close();
  console.log(`screenshots in ${out}`);
})();
