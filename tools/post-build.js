#!/usr/bin/env node
// trunk post-build hook. trunk starts the hooks of one stage all at once, so the steps
// that must run in order live in this one script: the prerendered guide goes into
// index.html, then the Content-Security-Policy (it hashes index.html's inline script),
// the service worker (its version hashes every file) and last the precompressed copies.
'use strict';
const { prerender } = require('./prerender');
const { addCsp } = require('./add-csp');
const { precompress } = require('./precompress');
const { buildServiceWorker } = require('./service-worker');

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run me as a trunk post_build hook)');
  process.exit(1);
}
// `trunk serve` (a debug build) injects its own inline live-reload script when it
// serves the page, after this hook has run, so a policy would block it. The policy and
// the compressed copies are for the release build, which is what gets hosted and tested.
if (process.env.TRUNK_PROFILE === 'debug') {
  console.log('post-build: debug build, no prerender, CSP or precompression (live reload needs inline script)');
  process.exit(0);
}
try {
  prerender(dir);
  addCsp(dir);
  buildServiceWorker(dir);
  precompress(dir);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
