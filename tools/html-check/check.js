#!/usr/bin/env node
// HTML validation for `make test`: the Nu Html Checker (vnu-jar, on Java) must find no
// errors in the page as shipped (dist/index.html, with the prerendered guide) nor in the
// page after the app has started and every section is open (its live DOM, serialised).
//
//   node tools/html-check/check.js [dist]
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '../..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const vnu = require.resolve('vnu-jar/build/dist/vnu.jar', { paths: [__dirname] });
const { chromium } = require(require.resolve('playwright', { paths: [path.join(root, 'tests/e2e')] }));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

function serve(dir) {
  const server = http.createServer((req, res) => {
    let file = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (file.endsWith('/')) file += 'index.html';
    const full = path.join(dir, file);
    if (!full.startsWith(dir) || !fs.existsSync(full) || fs.statSync(full).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(full)] || 'application/octet-stream' });
    fs.createReadStream(full).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function livePage(url) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('#app:not([data-prerendered]) button.section-toggle').first().waitFor();
    await page.getByRole('button', { name: 'Expand all' }).click();
    for (const summary of await page.locator('details.more > summary').all()) await summary.click();
    await page.waitForTimeout(300);
    return '<!DOCTYPE html>\n' + (await page.evaluate(() => document.documentElement.outerHTML));
  } finally {
    await browser.close();
  }
}

/** The checker's report, or null when it found no errors. A missing Java is an error. */
function check(files) {
  try {
    execFileSync('java', ['-jar', vnu, '--errors-only', '--format', 'text', ...files], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `${error.stdout || ''}${error.stderr || ''}` || String(error);
  }
}

(async () => {
  const server = await serve(dist);
  const live = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'html-check-')), 'live-page.html');
  try {
    fs.writeFileSync(live, await livePage(`http://127.0.0.1:${server.address().port}/`));
  } finally {
    server.close();
  }
  const problems = check([path.join(dist, 'index.html'), live]);
  if (problems !== null) {
    console.error(problems);
    console.error('HTML validation: errors found (the live page was saved as ' + live + ')');
    process.exit(1);
  }
  console.log('HTML validation: no errors in dist/index.html or in the page after the app has started');
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
