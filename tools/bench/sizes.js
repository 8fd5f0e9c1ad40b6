#!/usr/bin/env node
// Sizes for `make bench`: raw, gzip (-9) and brotli (quality 11) bytes of every file in
// dist/, and the first visit: the files the page really requests on first load
// (recorded in Chromium through Playwright), their brotli total, and the request start
// offsets that show whether content/guide.json is fetched in parallel with the wasm.
//
//   node tools/bench/sizes.js [--dist dist] [--json]
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const {
  DEFAULTS,
  MOBILE_VIEWPORT,
  parseArgs,
  listFiles,
  requireDist,
  serveDir,
  launchChromium,
  withTimeout,
  round,
  runMain,
} = require('./lib');

// The network used while recording the first visit: Lighthouse's mobile "slow 4G"
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), so a request waterfall shows up.
const NETWORK = { latencyMs: 150, downloadKbps: 1638.4, uploadKbps: 750 };

function fileSizes(dist) {
  return listFiles(dist).map((rel) => {
    const buf = fs.readFileSync(path.join(dist, rel));
    return {
      file: rel,
      raw: buf.length,
      gzip: zlib.gzipSync(buf, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(buf, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
        },
      }).length,
    };
  });
}

function kindOf(file) {
  if (file === 'index.html' || file.endsWith('.html')) return 'html';
  if (file.endsWith('.wasm')) return 'wasm';
  if (file.endsWith('.js')) return 'js';
  if (file.endsWith('.css')) return 'css';
  if (file.endsWith('content/guide.json')) return 'content';
  return 'other';
}

/** Loads the page once in a fresh profile and records every request it makes. */
async function recordFirstVisit(url, { timeoutMs = 120000 } = {}) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: MOBILE_VIEWPORT, serviceWorkers: 'block' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: NETWORK.latencyMs,
      downloadThroughput: (NETWORK.downloadKbps * 1024) / 8,
      uploadThroughput: (NETWORK.uploadKbps * 1024) / 8,
    });
    const requests = [];
    const done = new Map();
    page.on('request', (req) => requests.push(req));
    page.on('requestfinished', (req) => done.set(req, 'finished'));
    page.on('requestfailed', (req) => done.set(req, `failed: ${req.failure() ? req.failure().errorText : '?'}`));
    const problems = [];
    page.on('pageerror', (err) => problems.push(err.message));

    await withTimeout(page.goto(url, { waitUntil: 'load', timeout: timeoutMs }), timeoutMs + 5000, `loading ${url}`);
    const state = await withTimeout(
      page
        .waitForSelector('#app:not([data-prerendered]) button.section-toggle, .notice-error', { timeout: timeoutMs })
        .then(async (el) => ((await el.getAttribute('class')).includes('section-toggle') ? 'loaded' : 'error')),
      timeoutMs + 5000,
      'waiting for the guide to load',
    );
    await page.waitForLoadState('networkidle', { timeout: 30000 }).catch(() => {});
    // Let late requests (favicon) settle.
    await page.waitForTimeout(500);

    const base = new URL(url);
    const entries = [];
    for (const req of requests) {
      const u = new URL(req.url());
      const timing = req.timing();
      const response = await req.response().catch(() => null);
      let file = null;
      if (u.origin === base.origin && u.pathname.startsWith(base.pathname)) {
        file = decodeURIComponent(u.pathname.slice(base.pathname.length)) || 'index.html';
        if (file.endsWith('/')) file += 'index.html';
      }
      entries.push({
        url: req.url(),
        file,
        resourceType: req.resourceType(),
        status: response ? response.status() : null,
        outcome: done.get(req) || 'pending',
        startTime: timing.startTime,
        responseEndMs: timing.responseEnd >= 0 ? timing.responseEnd : null,
      });
    }
    await context.close();
    return { state, entries, problems };
  } finally {
    await browser.close();
  }
}

async function measureSizes({ dist = DEFAULTS.dist, firstVisit = true } = {}) {
  requireDist(dist);
  const files = fileSizes(dist);
  const byFile = new Map(files.map((f) => [f.file, f]));
  const totals = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
  const wasm = files.filter((f) => f.file.endsWith('.wasm'));
  const result = {
    dist,
    files,
    totals,
    wasm: wasm.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 }),
    // A <link rel="preload"> in the page, or one the app's loader adds as it starts (Trunk.toml).
    preloadsContent: /<link\b[^>]*rel=["']?preload[^>]*content\/guide\.json|rel: 'preload'[^<]*content\/guide\.json/i.test(
      fs.readFileSync(path.join(dist, 'index.html'), 'utf8'),
    ),
  };
  if (!firstVisit) return result;

  const server = await serveDir(dist);
  let visit;
  try {
    visit = await recordFirstVisit(server.url);
  } finally {
    await server.close();
  }
  const t0 = Math.min(...visit.entries.map((e) => e.startTime));
  const requests = visit.entries.map((e) => {
    const f = e.file && byFile.get(e.file);
    return {
      file: e.file || e.url,
      kind: e.file ? kindOf(e.file) : 'external',
      resourceType: e.resourceType,
      status: e.status,
      outcome: e.outcome,
      inDist: Boolean(f),
      startMs: round(e.startTime - t0, 1),
      endMs: e.responseEndMs === null ? null : round(e.startTime - t0 + e.responseEndMs, 1),
      raw: f ? f.raw : 0,
      gzip: f ? f.gzip : 0,
      brotli: f ? f.brotli : 0,
    };
  });
  const counted = requests.filter((r) => r.inDist && r.status === 200);
  const first = (kind) => requests.find((r) => r.kind === kind) || null;
  const wasmReq = first('wasm');
  const jsonReq = first('content');
  const seen = new Map();
  for (const r of counted) seen.set(r.file, (seen.get(r.file) || 0) + 1);
  result.firstVisit = {
    network: NETWORK,
    state: visit.state,
    pageErrors: visit.problems,
    requests,
    totals: counted.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
      raw: 0,
      gzip: 0,
      brotli: 0,
    }),
    // The prerendered page is readable before the app arrives: what that takes (the HTML,
    // its stylesheets and icon) apart from the app (its script, wasm and the content).
    toRead: counted
      .filter((r) => r.kind !== 'js' && r.kind !== 'wasm' && r.kind !== 'content')
      .reduce((t, r) => ({ raw: t.raw + r.raw, brotli: t.brotli + r.brotli }), { raw: 0, brotli: 0 }),
    duplicates: [...seen].filter(([, n]) => n > 1).map(([file, n]) => ({ file, requests: n })),
    offsets: Object.fromEntries(
      ['html', 'js', 'wasm', 'css', 'content'].map((k) => {
        const r = first(k);
        return [k, r ? { file: r.file, startMs: r.startMs, endMs: r.endMs } : null];
      }),
    ),
    // In parallel = the JSON's request starts while the wasm is still arriving: at least
    // one network round trip before the wasm's response ends. (A request the app makes
    // once the wasm has arrived and started can be logged a few ms before the wasm's
    // response end; the margin keeps that waterfall from passing.)
    contentParallelWithWasm:
      wasmReq && jsonReq && wasmReq.endMs !== null ? jsonReq.startMs + NETWORK.latencyMs <= wasmReq.endMs : null,
    contentStartBeforeWasmEndMs:
      wasmReq && jsonReq && wasmReq.endMs !== null ? round(wasmReq.endMs - jsonReq.startMs, 1) : null,
  };
  return result;
}

module.exports = { measureSizes, fileSizes, NETWORK };

if (require.main === module) {
  runMain(async () => {
    const opts = parseArgs(process.argv.slice(2), { dist: DEFAULTS.dist, json: false, firstVisit: true });
    const r = await measureSizes(opts);
    if (opts.json) {
      console.log(JSON.stringify(r, null, 2));
      return 0;
    }
    for (const f of r.files) console.log(`${f.file.padEnd(48)} raw ${f.raw}  gzip ${f.gzip}  brotli ${f.brotli}`);
    if (r.firstVisit) {
      console.log(`first visit (${r.firstVisit.state}): brotli ${r.firstVisit.totals.brotli} bytes`);
      for (const q of r.firstVisit.requests) console.log(`  ${String(q.startMs).padStart(8)} .. ${String(q.endMs).padStart(8)} ms  ${q.status} ${q.file}`);
      console.log(`guide.json in parallel with the wasm: ${r.firstVisit.contentParallelWithWasm}`);
    }
    return 0;
  });
}
