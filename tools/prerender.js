// trunk post-build step: renders the guide into the built index.html, natively, from
// the same Leptos components and the same content file the browser app uses
// (src/prerender.rs, the `prerender` binary). A debug build of the binary is enough:
// it runs once per build, and shares its compiled dependencies with `cargo test`.
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');

function prerender(dir) {
  const root = path.resolve(__dirname, '..');
  execFileSync(
    'cargo',
    [
      'run', '--quiet', '--bin', 'prerender', '--',
      path.join(dir, 'content', 'guide.json'),
      path.join(dir, 'index.html'),
    ],
    { cwd: root, stdio: 'inherit' },
  );
}

module.exports = { prerender };
