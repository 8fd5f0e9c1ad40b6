// Shared helpers for `make bench`: paths, static servers, Chromium, statistics.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const path = require('path');
const zlib = require('zlib');

const ROOT = path.resolve(__dirname, '../..');
const DEFAULTS = {
  dist: path.join(ROOT, 'dist'),
  out: path.join(ROOT, 'bench-report'),
  content: path.join(ROOT, 'public/content/guide.json'),
};
const CHROMIUM = process.env.CHROMIUM || process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
];
// Extra flags for Playwright runs (quiet, repeatable).
const PLAYWRIGHT_FLAGS = [
  ...CHROME_FLAGS.filter((f) => f !== '--headless=new'),
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
// A phone-sized viewport, as Lighthouse's mobile preset.
const MOBILE_VIEWPORT = { width: 412, height: 823 };

/** Reads `--name value` / `--name=value` / `--flag` options. */
function parseArgs(argv, spec) {
  const opts = { ...spec };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument: ${arg}`);
    const [rawName, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const name = rawName.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!(name in spec)) throw new Error(`unknown option --${rawName}`);
    if (typeof spec[name] === 'boolean') {
      opts[name] = inline === undefined ? true : inline !== 'false';
    } else {
      const value = inline !== undefined ? inline : argv[++i];
      if (value === undefined) throw new Error(`--${rawName} needs a value`);
      opts[name] = typeof spec[name] === 'number' ? Number(value) : value;
      if (typeof spec[name] === 'number' && !Number.isFinite(opts[name])) {
        throw new Error(`--${rawName} must be a number`);
      }
    }
  }
  return opts;
}

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. The
 * precompressed copies (.br, .gz) written by tools/precompress.js are left out: the
 * report computes compressed sizes itself. */
function listFiles(dir) {
  const out = [];
  const walk = (sub) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile() && !/\.(br|gz)$/.test(entry.name)) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

function requireDist(dist) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`no release build at ${dist} (run \`make dist\` first)`);
  }
}

/** A TCP port that was free a moment ago. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const cleanups = new Set();
/** Registers `fn` to run when the bench exits or is interrupted; returns an unregister function. */
function onCleanup(fn) {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}
function runCleanups() {
  for (const fn of cleanups) {
    try {
      fn();
    } catch {
      /* best effort */
    }
  }
  cleanups.clear();
}
process.on('exit', runCleanups);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`bench: ${signal}: stopping`);
    runCleanups();
    // Give children (Lighthouse closing its Chromium) a moment, then leave.
    setTimeout(() => process.exit(130), 3000);
  });
}

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = /\.(html|js|css|json|wasm|svg|webmanifest)$/;

/**
 * Serves `dir` on 127.0.0.1 and a free port the way the README asks hosts to: the
 * precompressed `.br` (or `.gz`) copy when the browser accepts it, compressed on the fly
 * where there is none (the static baseline page), so both pages in a run are measured
 * with the same compression. Resolves to { url, port, close() }.
 */
async function serveDir(dir) {
  if (!fs.existsSync(dir)) throw new Error(`cannot serve ${dir}: it does not exist`);
  const root = path.resolve(dir);
  const compressedOnTheFly = new Map();
  const server = http.createServer((req, res) => {
    let pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('Not Found');
      return;
    }
    const headers = {
      'Content-Type': MIME_TYPES[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
    };
    let body;
    const accepts = String(req.headers['accept-encoding'] || '');
    if (COMPRESSIBLE.test(file) && /\bbr\b/.test(accepts)) {
      headers['Content-Encoding'] = 'br';
      headers.Vary = 'Accept-Encoding';
      if (fs.existsSync(`${file}.br`)) {
        body = fs.readFileSync(`${file}.br`);
      } else {
        if (!compressedOnTheFly.has(file)) {
          const raw = fs.readFileSync(file);
          compressedOnTheFly.set(
            file,
            zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
          );
        }
        body = compressedOnTheFly.get(file);
      }
    } else {
      body = fs.readFileSync(file);
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  const port = await freePort();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects if `promise` takes longer than `ms`. */
async function withTimeout(promise, ms, what) {
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: timed out after ${Math.round(ms / 1000)} s`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Launches Debian's Chromium through playwright-core (never a downloaded browser). */
async function launchChromium() {
  let chromium;
  try {
    ({ chromium } = require('playwright-core'));
  } catch (err) {
    throw new Error(`playwright-core is not installed: run \`cd tools/bench && npm ci\` (${err.message})`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM} (run \`make browsers\`)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: PLAYWRIGHT_FLAGS, timeout: 60000 });
}

/** `chromium --version`, without the wrapper script's noise. */
function chromiumVersion() {
  try {
    const out = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30000 });
    return out.trim().split('\n').pop();
  } catch (err) {
    return `unknown (${err.message.split('\n')[0]})`;
  }
}

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { n: 0, median: null, min: null, max: null, p90: null };
  const p90 = v[Math.min(v.length - 1, Math.ceil(0.9 * v.length) - 1)];
  return { n: v.length, median: round(median(v), 1), min: round(v[0], 1), max: round(v[v.length - 1], 1), p90: round(p90, 1) };
}

function round(x, digits = 0) {
  if (x === null || x === undefined || !Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Runs a script's main(), printing a clear error and exiting non-zero on failure. */
function runMain(main) {
  main().then(
    (code) => {
      runCleanups();
      process.exit(typeof code === 'number' ? code : 0);
    },
    (err) => {
      runCleanups();
      console.error(`bench: ${process.env.BENCH_DEBUG && err && err.stack ? err.stack : (err && err.message) || err}`);
      process.exit(1);
    },
  );
}

module.exports = {
  ROOT,
  DEFAULTS,
  CHROMIUM,
  CHROME_FLAGS,
  MOBILE_VIEWPORT,
  parseArgs,
  listFiles,
  requireDist,
  serveDir,
  onCleanup,
  sleep,
  withTimeout,
  launchChromium,
  chromiumVersion,
  median,
  stats,
  round,
  runMain,
};
