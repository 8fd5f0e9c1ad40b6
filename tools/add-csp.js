#!/usr/bin/env node
// trunk post-build hook: adds a Content-Security-Policy to the built index.html.
// trunk's loader is an inline <script type="module">; instead of allowing every
// inline script ('unsafe-inline'), the policy allows exactly that script by its hash.
// Called by tools/post-build.js with trunk's staging directory, before dist/ is replaced.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

function addCsp(dir) {
  const file = path.join(dir, 'index.html');
  let html = fs.readFileSync(file, 'utf8');

  // Data blocks (type="application/json", the page's copy of the content) never run:
  // only scripts need a hash.
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => m[1],
  );
  if (inlineScripts.length === 0) {
    throw new Error('add-csp: no inline loader script found; has trunk changed its output?');
  }
  const hashes = inlineScripts.map(
    (body) => `'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );

  const policy = [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the page compile its own WebAssembly, nothing more.
    `script-src 'self' ${hashes.join(' ')} 'wasm-unsafe-eval'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join('; ');

  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  if (html.includes('http-equiv="Content-Security-Policy"')) {
    html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, meta);
  } else {
    // The policy must come before anything it governs.
    html = html.replace(/<meta charset="utf-8">/i, (m) => `${m}\n    ${meta}`);
  }
  fs.writeFileSync(file, html);
  console.log(`add-csp: policy added with ${hashes.length} script hash(es)`);
}

module.exports = { addCsp };
