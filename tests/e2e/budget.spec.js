// The size budget in tools/bench/budget.json: the release wasm, and everything a first
// visit downloads (the service worker aside), in brotli bytes. Brotli output is
// deterministic, so this is a plain check, not a timing.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const dist = path.resolve(__dirname, '../../dist');
const budget = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../tools/bench/budget.json'), 'utf8'));

function brotliBytes(file) {
  const buf = fs.readFileSync(path.join(dist, file));
  return zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;
}

test('the wasm is within its budget', async () => {
  const wasm = fs.readdirSync(dist).filter((f) => f.endsWith('.wasm'));
  expect(wasm.length).toBeGreaterThan(0);
  const total = wasm.reduce((sum, f) => sum + brotliBytes(f), 0);
  console.log(`wasm: ${total} bytes brotli (budget ${budget.wasm_brotli_bytes})`);
  expect(total).toBeLessThanOrEqual(budget.wasm_brotli_bytes);
});

test('a first visit downloads no more than its budget', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const files = new Set();
  const base = new URL(baseURL);
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return;
    let file = decodeURIComponent(url.pathname.slice(base.pathname.length)) || 'index.html';
    if (file.endsWith('/')) file += 'index.html';
    if (fs.existsSync(path.join(dist, file))) files.add(file);
  });
  await page.goto('./');
  await expect(page.locator('#app:not([data-prerendered]) button.section-toggle').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await context.close();
  const total = [...files].reduce((sum, f) => sum + brotliBytes(f), 0);
  console.log(`first visit: ${total} bytes brotli over ${files.size} files (budget ${budget.first_visit_brotli_bytes})`);
  expect([...files]).toContain('index.html');
  // The content travels once, inside the page; content/guide.json is not fetched too.
  expect([...files]).not.toContain('content/guide.json');
  expect(total).toBeLessThanOrEqual(budget.first_visit_brotli_bytes);
});
