#!/usr/bin/env node
// Interaction timings for `make bench`, in Chromium with 4x CPU throttling (CDP
// Emulation.setCPUThrottlingRate), against the release build in dist/:
//   - toggling a section open and closed (about 10 different sections),
//   - "Expand all" and "Collapse all",
//   - typing a word in the search box (the app waits 120 ms after the last key on
//     purpose; that pause is reported apart),
//   - applying a filter in the comparison (when its controls are present).
//
// Each sample is taken in the page: performance.now() before the action, then the
// app's reaction is awaited (its DOM change, then one more task so every queued
// effect has run), then a style + layout is forced: that is "script + layout". The
// same sample then waits for the next frame (requestAnimationFrame, then a task):
// "to next paint", which also includes waiting for the frame to start.
//
//   node tools/bench/interactions.js [--dist dist] [--json]
'use strict';
const { DEFAULTS, MOBILE_VIEWPORT, parseArgs, requireDist, serveDir, launchChromium, withTimeout, stats, round, runMain } = require('./lib');

const CPU_THROTTLE = 4;
const SEARCH_DEBOUNCE_MS = 120;
const SEARCH_WORDS = ['blood', 'cost', 'driving', 'nausea', 'bladder', 'insurance', 'dissociation', 'pregnancy', 'infusion', 'spray'];
const TOGGLED_SECTIONS = 10;
const EXPAND_REPEATS = 3;
const FILTER_SAMPLES = 6;

// Runs in the page before the app: notes when the search's typing pause (a 120 ms
// setTimeout) fires, and lets the bench wait for its callback to finish.
function initScript(debounceMs) {
  const original = window.setTimeout;
  window.__bench = { debounceFired: null, debounceDone: null, debounceWaiters: [] };
  window.setTimeout = function patchedSetTimeout(fn, delay, ...args) {
    if (Number(delay) === debounceMs && typeof fn === 'function') {
      const wrapped = function debounceProbe(...a) {
        window.__bench.debounceFired = performance.now();
        try {
          return fn.apply(this, a);
        } finally {
          window.__bench.debounceDone = performance.now();
          const waiters = window.__bench.debounceWaiters.splice(0);
          waiters.forEach((w) => w());
        }
      };
      return original.call(this, wrapped, delay, ...args);
    }
    return original.call(this, fn, delay, ...args);
  };
}

// Installs the in-page timing helpers (run once after the guide has loaded).
function installHelpers() {
  const nextTask = () =>
    new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(0);
    });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const forceLayout = () => {
    void document.documentElement.getBoundingClientRect();
    return document.body.offsetHeight;
  };
  // Resolves once cond() holds, checking now and after every DOM mutation.
  const waitFor = (cond, timeoutMs = 15000) =>
    new Promise((resolve, reject) => {
      if (cond()) return resolve();
      const mo = new MutationObserver(() => {
        if (cond()) {
          mo.disconnect();
          clearTimeout(timer);
          resolve();
        }
      });
      const timer = setTimeout(() => {
        mo.disconnect();
        cond() ? resolve() : reject(new Error('the page did not react within 15 s'));
      }, timeoutMs);
      mo.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  /** Times `act()`; `done()` says when the app has reacted. */
  async function sample(act, done) {
    await frame();
    await nextTask();
    const t0 = performance.now();
    act();
    await nextTask();
    await waitFor(done);
    await nextTask();
    forceLayout();
    const t1 = performance.now();
    await frame();
    await nextTask();
    const t2 = performance.now();
    return { scriptLayout: t1 - t0, toPaint: t2 - t0 };
  }
  const buttonByText = (text) =>
    [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === text) || null;
  window.__benchHelpers = { nextTask, frame, forceLayout, waitFor, sample, buttonByText };
}

async function toggleSections(page, count) {
  return page.evaluate(async (count) => {
    const { sample } = window.__benchHelpers;
    const buttons = [...document.querySelectorAll('#app:not([data-prerendered]) button.section-toggle')];
    if (buttons.length === 0) throw new Error('no .section-toggle buttons');
    // Spread the samples over the guide.
    const step = Math.max(1, buttons.length / count);
    const picked = [];
    for (let i = 0; picked.length < Math.min(count, buttons.length); i += step) picked.push(buttons[Math.floor(i)]);
    const open = [];
    const close = [];
    for (const b of picked) {
      for (const list of [open, close]) {
        const before = b.getAttribute('aria-expanded');
        const s = await sample(
          () => b.click(),
          () => b.getAttribute('aria-expanded') !== before,
        );
        list.push({ section: b.id, wasExpanded: before, ...s });
      }
    }
    return { open, close };
  }, count);
}

async function expandCollapse(page, repeats) {
  return page.evaluate(async (repeats) => {
    const { sample, buttonByText } = window.__benchHelpers;
    const expand = buttonByText('Expand all');
    const collapse = buttonByText('Collapse all');
    if (!expand || !collapse) throw new Error('no "Expand all" / "Collapse all" buttons');
    const toggles = () => [...document.querySelectorAll('#app:not([data-prerendered]) button.section-toggle')];
    const expandAll = [];
    const collapseAll = [];
    for (let i = 0; i < repeats; i += 1) {
      expandAll.push(await sample(() => expand.click(), () => toggles().every((b) => b.getAttribute('aria-expanded') === 'true')));
      collapseAll.push(await sample(() => collapse.click(), () => toggles().every((b) => b.getAttribute('aria-expanded') === 'false')));
    }
    return { expandAll, collapseAll };
  }, repeats);
}

async function typeInSearch(page, words, debounceMs) {
  return page.evaluate(
    async ({ words, debounceMs }) => {
      const { nextTask, frame, forceLayout, waitFor } = window.__benchHelpers;
      const input = document.querySelector('#search-input');
      const status = document.querySelector('.search-status');
      const list = document.querySelector('.search-results');
      if (!input || !status) return { notMeasured: 'search box (#search-input, .search-status) not present' };
      const type = (text) => {
        input.value = text;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      };
      const debounced = (since) =>
        new Promise((resolve, reject) => {
          if (window.__bench.debounceDone !== null && window.__bench.debounceDone > since) return resolve(true);
          const timer = setTimeout(() => resolve(false), debounceMs + 3000);
          window.__bench.debounceWaiters.push(() => {
            clearTimeout(timer);
            resolve(true);
          });
          void reject;
        });
      const samples = [];
      let hooked = true;
      for (const word of words) {
        // Start from an empty box, after its own pause has passed.
        type('');
        await debounced(performance.now() - 1);
        await new Promise((r) => setTimeout(r, 50));
        await frame();
        await nextTask();
        const statusBefore = status.textContent;
        const listBefore = list ? list.innerHTML : '';
        let statusChanged = null;
        const mo = new MutationObserver(() => {
          if (statusChanged === null && status.textContent !== statusBefore) statusChanged = performance.now();
        });
        mo.observe(status, { subtree: true, childList: true, characterData: true });
        const t0 = performance.now();
        type(word);
        const sawDebounce = await debounced(t0);
        if (!sawDebounce) {
          // The probe did not see the pause: wait for the results to change instead.
          hooked = false;
          await waitFor(() => (list ? list.innerHTML !== listBefore : status.textContent !== statusBefore));
        }
        await nextTask();
        forceLayout();
        const t1 = performance.now();
        await frame();
        await nextTask();
        const t2 = performance.now();
        mo.disconnect();
        const fired = sawDebounce ? window.__bench.debounceFired : null;
        samples.push({
          word,
          status: status.textContent,
          rawScriptLayout: t1 - t0,
          rawToPaint: t2 - t0,
          // From the moment the typing pause ended (measured when the probe saw it).
          scriptLayout: fired !== null ? t1 - fired : t1 - t0 - debounceMs,
          toPaint: fired !== null ? t2 - fired : t2 - t0 - debounceMs,
          statusChangedMs: statusChanged !== null ? statusChanged - t0 : null,
        });
      }
      type('');
      return { debounceHooked: hooked, samples };
    },
    { words, debounceMs },
  );
}

async function applyFilters(page, count) {
  const present = await page.evaluate(() => Boolean(document.querySelector('#compare-button')));
  if (!present) return { notMeasured: 'comparison controls not present (no #compare-button)' };
  return page.evaluate(async (count) => {
    const { sample, waitFor } = window.__benchHelpers;
    const button = document.querySelector('#compare-button');
    if (button.getAttribute('aria-expanded') !== 'true') {
      button.click();
      await waitFor(() => button.getAttribute('aria-expanded') === 'true');
    }
    const panel = document.getElementById(button.getAttribute('aria-controls')) || document.querySelector('#compare');
    const boxes = [...(panel || document).querySelectorAll('.cmp-controls input[type="checkbox"]')].filter(
      (b) => !b.disabled && b.offsetParent !== null,
    );
    if (boxes.length === 0) return { notMeasured: 'comparison controls not present (no checkboxes in .cmp-controls)' };
    const step = Math.max(1, boxes.length / count);
    const picked = [];
    for (let i = 0; picked.length < Math.min(count, boxes.length); i += step) picked.push(boxes[Math.floor(i)]);
    const comparison = panel.querySelector('.comparison') || panel;
    const on = [];
    const off = [];
    for (const box of picked) {
      for (const list of [on, off]) {
        const before = comparison.innerHTML;
        const wasChecked = box.checked;
        // A filter may legitimately change nothing on screen: then "reacted" is when
        // the checkbox changed and every queued effect ran.
        let mutated = false;
        const mo = new MutationObserver(() => {
          mutated = true;
        });
        mo.observe(comparison, { subtree: true, childList: true, attributes: true, characterData: true });
        const s = await sample(() => box.click(), () => box.checked !== wasChecked);
        mo.disconnect();
        list.push({ filter: (box.closest('label')?.textContent.trim() || box.value || box.id || box.name).slice(0, 60), checked: box.checked, domChanged: mutated || comparison.innerHTML !== before, ...s });
      }
    }
    return { on, off };
  }, count);
}

async function measureInteractions({ dist = DEFAULTS.dist, log = () => {} } = {}) {
  requireDist(dist);
  const server = await serveDir(dist);
  const browser = await launchChromium().catch(async (err) => {
    await server.close();
    throw err;
  });
  try {
    const context = await browser.newContext({ viewport: MOBILE_VIEWPORT, serviceWorkers: 'block' });
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.addInitScript(initScript, SEARCH_DEBOUNCE_MS);
    const cdp = await context.newCDPSession(page);
    await withTimeout(page.goto(server.url, { waitUntil: 'load', timeout: 90000 }), 95000, 'loading the guide');
    const first = await page.waitForSelector('#app:not([data-prerendered]) button.section-toggle, .notice-error', { timeout: 90000 });
    if (!(await first.getAttribute('class')).includes('section-toggle')) {
      throw new Error(`the guide did not load: ${(await first.textContent()).trim()}`);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
    await page.evaluate(installHelpers);
    const budget = 240000;
    log('interactions: toggling sections');
    const toggles = await withTimeout(toggleSections(page, TOGGLED_SECTIONS), budget, 'toggling sections');
    log('interactions: expand all / collapse all');
    const expand = await withTimeout(expandCollapse(page, EXPAND_REPEATS), budget, 'expand all');
    log('interactions: search');
    const search = await withTimeout(typeInSearch(page, SEARCH_WORDS, SEARCH_DEBOUNCE_MS), budget, 'search');
    log('interactions: comparison filters');
    const filters = await withTimeout(applyFilters(page, FILTER_SAMPLES), budget, 'comparison filters');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await context.close();

    const summary = (samples, key = 'scriptLayout') => stats(samples.map((s) => s[key]));
    const both = (samples) => ({ scriptLayout: summary(samples), toPaint: summary(samples, 'toPaint') });
    const r2 = (samples) => samples.map((s) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'number' ? round(v, 1) : v])));
    return {
      cpuThrottle: CPU_THROTTLE,
      viewport: MOBILE_VIEWPORT,
      method:
        'in-page performance.now(): action, wait for the DOM change + one task, forced style/layout = "script + layout"; then requestAnimationFrame + one task = "to next paint"',
      pageErrors,
      toggle: {
        open: both(toggles.open),
        close: both(toggles.close),
        all: both([...toggles.open, ...toggles.close]),
        samples: r2([...toggles.open, ...toggles.close]),
      },
      expandAll: { ...both(expand.expandAll), samples: r2(expand.expandAll) },
      collapseAll: { ...both(expand.collapseAll), samples: r2(expand.collapseAll) },
      search: search.notMeasured
        ? search
        : {
            debounceMs: SEARCH_DEBOUNCE_MS,
            debounceHooked: search.debounceHooked,
            afterDebounce: both(search.samples),
            raw: { scriptLayout: summary(search.samples, 'rawScriptLayout'), toPaint: summary(search.samples, 'rawToPaint') },
            samples: r2(search.samples),
          },
      filter: filters.notMeasured
        ? filters
        : { ...both([...filters.on, ...filters.off]), samples: r2([...filters.on, ...filters.off]) },
    };
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

module.exports = { measureInteractions };

if (require.main === module) {
  runMain(async () => {
    const opts = parseArgs(process.argv.slice(2), { dist: DEFAULTS.dist, json: false });
    const r = await measureInteractions({ ...opts, log: (m) => console.error(m) });
    if (opts.json) {
      console.log(JSON.stringify(r, null, 2));
    } else {
      const line = (name, s) => console.log(`${name.padEnd(24)} script+layout median ${s.scriptLayout.median} ms (max ${s.scriptLayout.max}); to next paint median ${s.toPaint.median} ms`);
      line('toggle open', r.toggle.open);
      line('toggle close', r.toggle.close);
      line('expand all', r.expandAll);
      line('collapse all', r.collapseAll);
      if (r.search.notMeasured) console.log(`search: not measured: ${r.search.notMeasured}`);
      else line(`search (after ${r.search.debounceMs} ms pause)`, r.search.afterDebounce);
      if (r.filter.notMeasured) console.log(`filter: not measured: ${r.filter.notMeasured}`);
      else line('comparison filter', r.filter);
      if (r.pageErrors.length) console.log(`page errors: ${r.pageErrors.join(' | ')}`);
    }
    return 0;
  });
}
