#!/usr/bin/env node
// trunk post-build hook. trunk starts the hooks of one stage all at once, so the steps
// that must run in order live in this one script: first the Content-Security-Policy
// (it rewrites index.html), then the precompressed copies.
'use strict';
const { addCsp } = require('./add-csp');
const { precompress } = require('./precompress');

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run me as a trunk post_build hook)');
  process.exit(1);
}
try {
  addCsp(dir);
  precompress(dir);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
