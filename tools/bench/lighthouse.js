#!/usr/bin/env node
// Lighthouse for `make bench`: the guide (dist/) and the static HTML page of the same
// content (the physical limit), each served brotli-compressed on 127.0.0.1 (lib.js serveDir),
// run alternately in the same session with Lighthouse's mobile defaults (simulated
// slow 4G and 4x CPU), N runs each; the medians are reported, with the LCP ratio.
//
//   node tools/bench/lighthouse.js [--dist dist] [--out bench-report] [--runs 3]
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { DEFAULTS, CHROMIUM, CHROME_FLAGS, parseArgs, requireDist, serveDir, onCleanup, median, round, runMain } = require('./lib');
const { generateStaticPage } = require('./static-page');

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};
const RUN_TIMEOUT_MS = 240000;

function lighthouseCli() {
  try {
    return path.join(path.dirname(require.resolve('lighthouse/package.json')), 'cli/index.js');
  } catch (err) {
    throw new Error(`lighthouse is not installed: run \`cd tools/bench && npm ci\` (${err.message})`);
  }
}

function lighthouseVersion() {
  return require('lighthouse/package.json').version;
}

/** One Lighthouse run through its CLI; resolves to the parsed JSON report. */
function runLighthouse(url, outputPath) {
  const args = [
    lighthouseCli(),
    url,
    '--output=json',
    `--output-path=${outputPath}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    '--quiet',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: CHROMIUM },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.on('data', () => {});
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    // Stops Lighthouse: on SIGINT it closes the Chromium it launched (which runs in a
    // process group of its own); SIGKILL if it has not gone 2.5 s later.
    let exited = false;
    const stop = () => {
      if (exited) return;
      child.kill('SIGINT');
      setTimeout(() => {
        if (!exited) child.kill('SIGKILL');
      }, 2500).unref();
    };
    const unregister = onCleanup(stop);
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`lighthouse ${url}: timed out after ${RUN_TIMEOUT_MS / 1000} s`));
    }, RUN_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      unregister();
      reject(err);
    });
    child.on('exit', (code) => {
      exited = true;
      clearTimeout(timer);
      unregister();
      if (code !== 0) return reject(new Error(`lighthouse ${url} exited with ${code}: ${stderr.trim()}`));
      try {
        resolve(JSON.parse(fs.readFileSync(outputPath, 'utf8')));
      } catch (err) {
        reject(new Error(`lighthouse ${url}: unreadable report ${outputPath}: ${err.message}`));
      }
    });
  });
}

/** The figures the bench reports from one Lighthouse JSON report. */
function extract(lhr) {
  if (lhr.runtimeError && lhr.runtimeError.code) {
    throw new Error(`lighthouse runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  }
  const scores = {};
  for (const id of CATEGORIES) {
    const c = lhr.categories[id];
    scores[id] = c && c.score !== null ? Math.round(c.score * 100) : null;
  }
  const metrics = {};
  for (const [key, id] of Object.entries(METRICS)) {
    const a = lhr.audits[id];
    metrics[key] = a && typeof a.numericValue === 'number' ? a.numericValue : null;
  }
  // Audits that cost points, so a reader knows where to look.
  const failing = [];
  for (const id of CATEGORIES) {
    const c = lhr.categories[id];
    if (!c) continue;
    for (const ref of c.auditRefs) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 1) {
        failing.push({ category: id, audit: ref.id, score: a.score, display: a.displayValue || '' });
      }
    }
  }
  // LCP element: Lighthouse 13 reports it in the LCP breakdown insight (older: its own audit).
  let lcpNode = null;
  for (const id of ['lcp-breakdown-insight', 'largest-contentful-paint-element']) {
    const stack = [lhr.audits[id] && lhr.audits[id].details];
    while (stack.length && !lcpNode) {
      const d = stack.pop();
      if (!d || typeof d !== 'object') continue;
      if (d.type === 'node' && (d.selector || d.snippet)) {
        lcpNode = `${d.selector || d.snippet}${d.nodeLabel ? ` ("${d.nodeLabel.slice(0, 50)}")` : ''}`;
      } else if (d.node && d.node.type === 'node') stack.push(d.node);
      else if (Array.isArray(d.items)) stack.push(...[...d.items].reverse());
    }
    if (lcpNode) break;
  }
  return {
    scores,
    metrics,
    failing,
    lcpElement: lcpNode,
    benchmarkIndex: lhr.environment ? lhr.environment.benchmarkIndex : null,
    warnings: lhr.runWarnings || [],
  };
}

function summarize(runs) {
  const scores = {};
  for (const id of CATEGORIES) scores[id] = median(runs.map((r) => r.scores[id]));
  const metrics = {};
  for (const key of Object.keys(METRICS)) {
    const m = median(runs.map((r) => r.metrics[key]));
    metrics[key] = key === 'cls' ? round(m, 4) : round(m, 0);
  }
  const failing = new Map();
  for (const r of runs) for (const f of r.failing) failing.set(`${f.category}/${f.audit}`, f);
  return {
    runs: runs.length,
    scores,
    metrics,
    lcpElement: runs.map((r) => r.lcpElement).find(Boolean) || null,
    failingAudits: [...failing.values()],
    benchmarkIndex: median(runs.map((r) => r.benchmarkIndex)),
    warnings: [...new Set(runs.flatMap((r) => r.warnings))],
    each: runs.map((r) => ({ scores: r.scores, metrics: r.metrics })),
  };
}

async function measureLighthouse({ dist = DEFAULTS.dist, out = DEFAULTS.out, content = DEFAULTS.content, runs = 3, log = console.log } = {}) {
  requireDist(dist);
  const staticPage = generateStaticPage({ dist, content, out });
  const reports = path.join(out, 'lighthouse');
  fs.mkdirSync(reports, { recursive: true });
  const guideServer = await serveDir(dist);
  let staticServer;
  try {
    staticServer = await serveDir(staticPage.dir);
    const pages = { guide: guideServer.url, static: staticServer.url };
    const results = { guide: [], static: [] };
    // Alternate the two pages so both see the same machine load.
    for (let i = 1; i <= runs; i += 1) {
      for (const [name, url] of Object.entries(pages)) {
        log(`lighthouse: ${name} run ${i}/${runs} (${url})`);
        const file = path.join(reports, `${name}-${i}.json`);
        results[name].push(extract(await runLighthouse(url, file)));
      }
    }
    const guide = summarize(results.guide);
    const stat = summarize(results.static);
    return {
      lighthouseVersion: lighthouseVersion(),
      settings: 'mobile defaults (simulated throttling: 150 ms RTT, 1.6 Mbit/s, 4x CPU)',
      server: 'tools/bench/lib.js serveDir: brotli (the precompressed .br copies), as the README asks hosts to serve',
      chromeFlags: CHROME_FLAGS.join(' '),
      staticPage: { file: path.relative(out, staticPage.file), bytes: staticPage.bytes },
      guide,
      static: stat,
      lcpRatio: guide.metrics.lcp && stat.metrics.lcp ? round(guide.metrics.lcp / stat.metrics.lcp, 2) : null,
      reportsDir: reports,
    };
  } finally {
    await guideServer.close();
    if (staticServer) await staticServer.close();
  }
}

module.exports = { measureLighthouse, extract };

if (require.main === module) {
  runMain(async () => {
    const opts = parseArgs(process.argv.slice(2), { dist: DEFAULTS.dist, out: DEFAULTS.out, content: DEFAULTS.content, runs: 3 });
    const r = await measureLighthouse(opts);
    console.log(JSON.stringify({ ...r, guide: { ...r.guide, each: undefined }, static: { ...r.static, each: undefined } }, null, 2));
    return 0;
  });
}
