#!/usr/bin/env node
// trunk post-build step: writes the release's file list and version into sw.js.
// Called by tools/post-build.js after add-csp.js (so index.html is hashed in its final
// form) and before precompress.js (so sw.js.br/.gz hold the final worker, and the .br/.gz
// copies are not listed).
//
// The list is every file of the build except sw.js itself and the precompressed copies,
// each with its SHA-256 (the worker fetches it with that integrity, so a mismatching copy
// is refused, not saved). The version is a hash of all those paths and hashes: it changes
// whenever any saved file's bytes change, which makes the browser install the new worker
// and replace the old cache.
//
//   node tools/service-worker.js DIR   (rewrites DIR/sw.js; may be run again on the same DIR)
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const WORKER = 'sw.js';
// The line in public/sw.js that this step replaces (it keeps the marker, so it can run again).
const MARKER = /^const BUILD = .*; \/\/ @build$/m;
// trunk's content-hashed names: name-<hash>.ext (and the wasm's name-<hash>_bg.wasm). The
// hash is a 64-bit number in hex without leading zeros, so it is sometimes shorter than 16
// digits (a build once named its wasm ketamine-guide-e4ee714044b5424_bg.wasm).
const HASHED = /-[0-9a-f]{12,16}(?:_bg)?\.[A-Za-z0-9]+$/;
const SKIP = /\.(br|gz)$/;
const REQUIRED = ['index.html', 'content/guide.json'];

function* files(root, rel = '') {
  for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* files(root, child);
    else if (entry.isFile()) yield child;
  }
}

/** The list the worker saves and the version of the build, from the files in `dir`. */
function computeBuild(dir) {
  const list = [...files(dir)]
    .filter((rel) => rel !== WORKER && !SKIP.test(rel))
    .sort()
    .map((rel) => {
      const digest = crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, rel))).digest();
      return {
        path: rel,
        integrity: `sha256-${digest.toString('base64')}`,
        immutable: HASHED.test(path.posix.basename(rel)),
      };
    });
  for (const needed of REQUIRED) {
    if (!list.some((f) => f.path === needed)) throw new Error(`service-worker: ${needed} is missing from ${dir}`);
  }
  if (!list.some((f) => f.immutable && f.path.endsWith('.wasm'))) {
    throw new Error(`service-worker: no hashed .wasm in ${dir}; has trunk changed its output?`);
  }
  return { version: versionFor(list), files: list };
}

/** The version of a list of { path, integrity }: a hash of every path and its bytes' hash. */
function versionFor(list) {
  return crypto
    .createHash('sha256')
    .update(list.map((f) => `${f.path} ${f.integrity}\n`).join(''))
    .digest('hex')
    .slice(0, 16);
}

/** Writes the build's list and version into DIR/sw.js; returns them. */
function buildServiceWorker(dir) {
  const file = path.join(dir, WORKER);
  if (!fs.existsSync(file)) {
    throw new Error(`service-worker: ${file} is missing (index.html copies public/sw.js with rel="copy-file")`);
  }
  const source = fs.readFileSync(file, 'utf8');
  if (!MARKER.test(source)) throw new Error(`service-worker: no "const BUILD = ...; // @build" line in ${file}`);
  const build = computeBuild(dir);
  fs.writeFileSync(file, source.replace(MARKER, () => `const BUILD = ${JSON.stringify(build)}; // @build`));
  console.log(`service-worker: version ${build.version}, ${build.files.length} files to save for offline use`);
  return build;
}

/** The { version, files } written into a built sw.js, or null (a debug build's). */
function buildOf(swSource) {
  const m = swSource.match(/^const BUILD = (.*); \/\/ @build$/m);
  return m ? JSON.parse(m[1]) : null;
}

module.exports = { buildServiceWorker, computeBuild, versionFor, buildOf };

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node tools/service-worker.js DIR');
    process.exit(2);
  }
  try {
    buildServiceWorker(dir);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
