// Offline: after one visit the guide opens with no network and says it is the saved copy;
// online, readers get the current release; a new release replaces the saved copy whole;
// the web app manifest is linked and valid.
//
// Each test uses a fresh browser context, so the service worker of one never serves another.
const crypto = require('crypto');
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { test, expect } = require('@playwright/test');
const { shippedGuide, openGuide, watchConsole } = require('./helpers');
const { buildServiceWorker, versionFor, buildOf } = require('../../tools/service-worker');

const guide = shippedGuide();
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const SAVED_ON = new RegExp(`^You are offline\\. This is the copy of the guide saved on \\d{1,2} (${MONTHS}) \\d{4}\\.$`);

/** "21 November 2026", as the notice writes the date (the browser runs in UTC here). */
const today = () =>
  new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A fresh context (own service workers and caches), in UTC so the date is predictable. */
async function freshPage(browser, baseURL) {
  const context = await browser.newContext({ baseURL, timezoneId: 'UTC' });
  const page = await context.newPage();
  return { context, page };
}

/** Waits until the service worker has saved the guide and is active; returns the cache names. */
async function offlineCopyReady(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (worker.state !== 'activated') {
      await new Promise((resolve) =>
        worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()),
      );
    }
    return caches.keys();
  });
}

/** The names of the caches, and the URLs each holds. */
function savedCaches(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = (await cache.keys()).map((r) => r.url).sort();
    }
    return out;
  });
}

/** The build written into the served sw.js ({ version, files }). */
async function servedBuild(request, base) {
  const response = await request.get(new URL('sw.js', base).href);
  expect(response.ok()).toBe(true);
  return buildOf(await response.text());
}

/** What the service worker says about this page: { fromCache, savedAt }. */
function askWorker(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data);
        navigator.serviceWorker.controller.postMessage({ type: 'ketamine-guide:saved-copy?' }, [channel.port2]);
      }),
  );
}

/** The saved-copy notice. */
const notice = (page) => page.locator('#offline-notice');

test('after one visit the guide opens offline, and says it is the copy saved today', async ({ browser, baseURL }) => {
  const { context, page } = await freshPage(browser, baseURL);
  const problems = watchConsole(page);
  await openGuide(page);
  // Nothing is said on the first visit, which came from the network.
  await expect(notice(page)).toBeHidden();
  await offlineCopyReady(page);

  await context.setOffline(true);
  const failed = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure() && r.failure().errorText}`));
  const dayBefore = today();
  const response = await page.reload();
  expect(response.fromServiceWorker()).toBe(true);

  // The whole guide is there: the wasm, its script, the styles and the content.
  await expect(page.getByRole('button', { name: guide.sections[0].title })).toBeVisible();
  await expect(page.getByRole('button', { name: guide.sections.at(-1).title })).toBeVisible();
  await expect(page.locator('.section-toggle')).toHaveCount(guide.sections.length);
  await expect(page.getByRole('complementary', { name: 'Crisis help' })).toBeVisible();

  // ...and a polite, visible notice says it is the saved copy, and from when.
  const status = page.getByRole('status').filter({ hasText: 'You are offline' });
  await expect(status).toBeVisible();
  await expect(status).toHaveText(SAVED_ON);
  expect([dayBefore, today()].map((d) => `You are offline. This is the copy of the guide saved on ${d}.`)).toContain(
    await status.textContent(),
  );
  await expect(status).toHaveAttribute('id', 'offline-notice');
  // The service worker did try the network, and answered from its saved copy.
  expect((await askWorker(page)).fromCache).toBe(true);
  // Styled by the saved stylesheet: it sits between the header and the guide, in the page's colours.
  await expect(status).toHaveCSS('border-left-style', 'solid');
  const [headerBottom, noticeTop, appTop] = await page.evaluate(() => [
    document.querySelector('.site-header').getBoundingClientRect().bottom,
    document.getElementById('offline-notice').getBoundingClientRect().top,
    document.getElementById('app').getBoundingClientRect().top,
  ]);
  expect(noticeTop).toBeGreaterThanOrEqual(headerBottom);
  expect(noticeTop).toBeLessThan(appTop);

  // A section opens, as online.
  await page.getByRole('button', { name: guide.sections[0].title }).click();
  await expect(page.locator(`#${guide.sections[0].id}-panel`)).toBeVisible();

  // Back online, the notice no longer says "offline" and tells the reader how to get the newest.
  await context.setOffline(false);
  await expect(status).toHaveCount(0);
  await expect(notice(page)).toContainText('Reload the page to try again.');

  expect(failed).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});

test('online, the page comes from the network and no saved-copy notice is shown', async ({ browser, baseURL }) => {
  const { context, page } = await freshPage(browser, baseURL);
  const problems = watchConsole(page);
  await openGuide(page);
  await offlineCopyReady(page);

  // Second visit, now under the service worker: it asks the network first.
  const response = await page.reload();
  expect(response.fromServiceWorker()).toBe(true);
  await expect(page.locator('.section-toggle')).toHaveCount(guide.sections.length);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // The worker confirms this page is not its saved copy...
  const answer = await askWorker(page);
  expect(answer.fromCache).toBe(false);
  expect(answer.savedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  // ...so nothing is said.
  await expect(notice(page)).toBeHidden();
  await expect(page.getByText('You are offline')).toHaveCount(0);
  await expect(page.getByText('saved on')).toHaveCount(0);
  expect(problems).toEqual([]);
  await context.close();
});

test('the saved copy is exactly this release, in one cache named after its version', async ({ browser, baseURL }) => {
  const { context, page } = await freshPage(browser, baseURL);
  const problems = watchConsole(page);
  await openGuide(page);
  const names = await offlineCopyReady(page);

  // The version in sw.js is the one derived from the files served now, byte for byte.
  const build = await servedBuild(context.request, baseURL);
  expect(build.version).toMatch(/^[0-9a-f]{16}$/);
  for (const file of build.files) {
    const body = await (await context.request.get(new URL(file.path, baseURL).href)).body();
    const digest = `sha256-${crypto.createHash('sha256').update(body).digest('base64')}`;
    expect(digest, file.path).toBe(file.integrity);
  }
  expect(versionFor(build.files)).toBe(build.version);
  const paths = build.files.map((f) => f.path);
  for (const needed of ['index.html', 'content/guide.json', 'manifest.webmanifest', 'offline.js']) {
    expect(paths).toContain(needed);
  }
  for (const pattern of [/\.wasm$/, /\.js$/, /\.css$/, /^favicon-[0-9a-f]{12,16}\.svg$/, /^icons\/icon-512\.png$/]) {
    expect(paths.some((p) => pattern.test(p)), String(pattern)).toBe(true);
  }
  expect(paths.filter((p) => /\.(br|gz)$/.test(p) || p === 'sw.js')).toEqual([]);

  // One cache, named after that version, holding those files (all from this site) and
  // the note of when they were saved.
  expect(names).toEqual([`ketamine-guide:${baseURL}:${build.version}`]);
  const saved = await savedCaches(page);
  expect(saved[names[0]]).toEqual(
    [...build.files.map((f) => new URL(f.path, baseURL).href), new URL('__saved-at', baseURL).href].sort(),
  );
  expect(problems).toEqual([]);
  await context.close();
});

test('the web app manifest is linked, valid and names the guide', async ({ page, baseURL }) => {
  await openGuide(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('manifest.webmanifest');
  const url = new URL(href, page.url()).href;
  const manifest = await (await page.request.get(url)).json();
  expect(manifest.name).toBe('Ketamine for depression: an independent guide');
  expect(manifest.short_name.length).toBeLessThanOrEqual(15);
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  expect(manifest.display).toBe('standalone');
  for (const icon of manifest.icons) {
    const response = await page.request.get(new URL(icon.src, url).href);
    expect(response.status(), icon.src).toBe(200);
    const png = await response.body();
    // PNG signature, then the IHDR width and height.
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes);
  }
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));

  // Chromium's own parser accepts it, with the start URL and scope resolved to this page's folder.
  const cdp = await page.context().newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  expect(parsed.errors).toEqual([]);
  expect(JSON.parse(parsed.data).name).toBe(manifest.name);
  const appId = await cdp.send('Page.getAppId');
  expect(appId.appId).toBe(baseURL);

  // The browser's bar takes the crisis bar's colour, in light and dark themes.
  const colours = await page
    .locator('meta[name="theme-color"]')
    .evaluateAll((ms) => ms.map((m) => `${m.getAttribute('media')} ${m.getAttribute('content')}`));
  expect(colours).toEqual(['(prefers-color-scheme: light) #f3ecdf', '(prefers-color-scheme: dark) #2b2619']);
});

// --- A new release, on a copy of the site that the test can change and switch off ------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Downloads the release being tested (sw.js and every file it lists) into a temporary
 * folder and serves it, under the same path as the project's base URL (/ or /guide/).
 */
async function serveCopy(request, baseURL) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guide-release-'));
  const build = await servedBuild(request, baseURL);
  for (const rel of ['sw.js', ...build.files.map((f) => f.path)]) {
    const body = await (await request.get(new URL(rel, baseURL).href)).body();
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
  }
  const base = new URL(baseURL).pathname;
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    let rel = pathname.startsWith(base) ? decodeURIComponent(pathname.slice(base.length)) : null;
    if (rel === '') rel = 'index.html';
    const file = rel && path.join(dir, rel);
    if (!file || !file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    dir,
    url: `http://127.0.0.1:${server.address().port}${base}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Changes the copy's content, as a new release would: the first section's new title in
 * content/guide.json and in the page's own copy of it (sw.js is not updated here).
 */
function publishNewTitle(site, title) {
  const file = path.join(site.dir, 'content/guide.json');
  const content = JSON.parse(fs.readFileSync(file, 'utf8'));
  content.sections[0].title = title;
  fs.writeFileSync(file, JSON.stringify(content));
  const page = path.join(site.dir, 'index.html');
  const block = `<script type="application/json" id="guide-content">${JSON.stringify(content).replace(/</g, '\\u003c')}</script>`;
  const html = fs.readFileSync(page, 'utf8');
  const updated = html.replace(/<script type="application\/json" id="guide-content">[\s\S]*?<\/script>/, () => block);
  expect(updated).not.toBe(html);
  fs.writeFileSync(page, updated);
}

test('a new release replaces the saved copy whole; readers online get it at once', async ({ browser, baseURL, request }) => {
  const site = await serveCopy(request, baseURL);
  const { context, page } = await freshPage(browser, site.url);
  const problems = watchConsole(page);
  try {
    await openGuide(page);
    const first = buildOf(fs.readFileSync(path.join(site.dir, 'sw.js'), 'utf8'));
    expect(await offlineCopyReady(page)).toEqual([`ketamine-guide:${site.url}:${first.version}`]);

    // Release 2: new content, and its service worker.
    publishNewTitle(site, 'Start here: updated');
    const second = buildServiceWorker(site.dir);
    expect(second.version).not.toBe(first.version);

    // Online, the reader gets the new content straight away (network first)...
    await page.reload();
    await expect(page.getByRole('button', { name: 'Start here: updated' })).toBeVisible();
    await expect(notice(page)).toBeHidden();

    // ...the browser installs the new worker, and only the new release's cache is left.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect
      .poll(() => page.evaluate(() => caches.keys()), { timeout: 30_000 })
      .toEqual([`ketamine-guide:${site.url}:${second.version}`]);
    const savedTitle = await page.evaluate(
      async (url) => (await (await caches.match(url)).json()).sections[0].title,
      new URL('content/guide.json', site.url).href,
    );
    expect(savedTitle).toBe('Start here: updated');

    // With the site gone and the reader offline, the new release opens, not a mix.
    await site.close();
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Start here: updated' })).toBeVisible();
    await expect(page.locator('.section-toggle')).toHaveCount(guide.sections.length);
    await expect(notice(page)).toHaveText(SAVED_ON);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
    await site.close().catch(() => {});
    site.remove();
  }
});

test('a half-published release (a file that does not match sw.js) is not saved', async ({ browser, baseURL, request }) => {
  const site = await serveCopy(request, baseURL);
  // The content changed on the server, but sw.js still lists the old one.
  publishNewTitle(site, 'Start here: not yet released');
  const { context, page } = await freshPage(browser, site.url);
  try {
    await openGuide(page);
    // The page registers its worker once loaded; registering again joins or repeats that
    // attempt, and gives the worker to watch.
    const outcome = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.register('./sw.js', { scope: './' });
      const worker = registration.installing || registration.waiting || registration.active;
      if (worker && worker.state === 'installing') {
        await new Promise((resolve) =>
          worker.addEventListener('statechange', () => worker.state !== 'installing' && resolve()),
        );
      }
      return { state: worker ? worker.state : 'none', caches: await caches.keys() };
    });
    // The worker refused to install: no saved copy, nothing half-saved...
    expect(outcome.state).toBe('redundant');
    expect(outcome.caches).toEqual([]);
    // ...and the guide still works online, as without a service worker.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Start here: not yet released' })).toBeVisible();
  } finally {
    await context.close();
    await site.close().catch(() => {});
    site.remove();
  }
});
