#!/usr/bin/env node
// Where the wasm's bytes go, for `make bench`: a copy of the release wasm built with its
// function names kept (same profile and wasm-opt level as trunk's, plus --debuginfo, so the
// code is the same), read with twiggy: the 20 biggest items, the biggest retained subtrees
// (dominators), and each crate's share of the code. Measure before acting, not guesses.
//
//   node tools/bench/wasm-breakdown.js [--json]
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ROOT, parseArgs, runMain } = require('./lib');

const BIN = 'ketamine-guide';

function run(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...opts });
}

/** Builds the release wasm with names kept and returns its path. */
function buildNamedWasm() {
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--bin', BIN], { stdio: 'inherit' });
  const raw = path.join(ROOT, 'target/wasm32-unknown-unknown/release', `${BIN}.wasm`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-breakdown-'));
  run('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', dir, raw]);
  const named = path.join(dir, 'named.wasm');
  run('wasm-opt', ['-Oz', '--converge', '--debuginfo', path.join(dir, `${BIN}_bg.wasm`), '-o', named]);
  return named;
}

/** The crate a (demangled) item name belongs to: "tachys::view::..." -> "tachys". */
function crateOf(name) {
  let n = name.trim();
  if (n.startsWith('data segment')) return '(data)';
  // "<serde_json::Deserializer as ...>::f" belongs to the implementing type's crate;
  // "<T as serde::Deserialize>::f", with a generic type, to the trait's.
  while (n.startsWith('<')) n = n.slice(1);
  n = n.replace(/^&(mut )?/, '').replace(/^\[|^\(/, '');
  const generic = n.match(/^[A-Z]\w{0,2} as ([A-Za-z_]\w*)(\[[0-9a-f]+\])?::/);
  if (generic) return generic[1];
  const m = n.match(/^([A-Za-z_]\w*)(\[[0-9a-f]+\])?::/);
  if (m) return m[1];
  if (/^(code|data)\[\d+\]$/.test(n)) return `(unnamed ${n.split('[')[0]})`;
  return `(${n.split(/[\s[(>]/)[0] || 'other'})`;
}

/** Custom sections (function names, producers) are not shipped: trunk strips them. */
const shipped = (item) => !item.name.startsWith('"') && !item.name.startsWith('custom section');

function twiggy(args) {
  return JSON.parse(run('twiggy', [...args, '--format', 'json']));
}

function measureWasmBreakdown() {
  const named = buildNamedWasm();
  const all = twiggy(['top', named]).filter(shipped);
  const total = all.reduce((sum, item) => sum + item.shallow_size, 0);
  const byCrate = new Map();
  for (const item of all) {
    const crate = crateOf(item.name);
    byCrate.set(crate, (byCrate.get(crate) || 0) + item.shallow_size);
  }
  const crates = [...byCrate]
    .map(([crate, bytes]) => ({ crate, bytes, percent: Math.round((1000 * bytes) / total) / 10 }))
    .sort((a, b) => b.bytes - a.bytes);
  const top = all
    .slice()
    .sort((a, b) => b.shallow_size - a.shallow_size)
    .slice(0, 20)
    .map((item) => ({ name: item.name, bytes: item.shallow_size, percent: Math.round((1000 * item.shallow_size) / total) / 10 }));
  // The root's children: what each top-level item keeps alive. An item that keeps most
  // of the module alive (the indirect-call table) is replaced by its own children.
  const tree = twiggy(['dominators', '-d', '5', '-r', '2000', named]);
  const roots = Array.isArray(tree) ? tree : tree.items || [tree];
  const expand = (item) =>
    item.retained_size > total / 2 && item.children && item.children.length ? item.children.flatMap(expand) : [item];
  const children = roots.flatMap((root) => root.children || []).flatMap(expand);
  const retained = children
    .filter(shipped)
    .map((item) => ({ name: item.name, retained: item.retained_size, percent: Math.round((1000 * item.retained_size) / total) / 10 }))
    .sort((a, b) => b.retained - a.retained)
    .slice(0, 20);
  return { namedWasm: named, rawBytes: fs.statSync(named).size, total, top, crates, dominators: retained };
}

function markdown(breakdown) {
  const rows = (head, list) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...list.map((r) => `| ${r.join(' | ')} |`)];
  const short = (name) => (name.length > 90 ? `${name.slice(0, 87)}...` : name).replace(/\|/g, '\\|');
  return [
    '## Where the wasm\'s bytes go',
    '',
    `A named copy of the release wasm (same profile, \`wasm-opt -Oz --converge --debuginfo\`; ${breakdown.rawBytes} bytes with its names), read with twiggy. Shares are of the items twiggy sees (${breakdown.total} bytes).`,
    '',
    '### Each crate\'s share',
    '',
    ...rows(['Crate', 'Bytes', '%'], breakdown.crates.slice(0, 25).map((c) => [c.crate, c.bytes, c.percent])),
    '',
    '### The 20 biggest items',
    '',
    ...rows(['Item', 'Bytes', '%'], breakdown.top.map((t) => [short(t.name), t.bytes, t.percent])),
    '',
    '### What keeps the most alive (dominators)',
    '',
    ...rows(['Item', 'Retained bytes', '%'], breakdown.dominators.map((d) => [short(d.name), d.retained, d.percent])),
    '',
  ].join('\n');
}

module.exports = { measureWasmBreakdown, markdown, crateOf };

if (require.main === module) {
  runMain(async () => {
    const opts = parseArgs(process.argv.slice(2), { json: false });
    const breakdown = measureWasmBreakdown();
    console.log(opts.json ? JSON.stringify(breakdown, null, 2) : markdown(breakdown));
    return 0;
  });
}
