#!/usr/bin/env node
// trunk post-build hook: writes .br and .gz beside every text or wasm asset, for static
// hosts that serve precompressed files (nginx gzip_static/brotli_static, Caddy, ...).
// Called by tools/post-build.js after add-csp.js, so index.html is compressed in its
// final form.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const COMPRESSIBLE = /\.(html|js|wasm|css|json|svg|webmanifest)$/;

function* files(root) {
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (COMPRESSIBLE.test(entry.name)) yield full;
  }
}

function precompress(dir) {
  let count = 0;
  for (const file of files(dir)) {
    const data = fs.readFileSync(file);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(data, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
    );
    count += 1;
  }
  console.log(`precompress: wrote .br and .gz for ${count} files`);
}

module.exports = { precompress };
