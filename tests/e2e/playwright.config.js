// End-to-end tests against the release build in dist/, served as plain static
// files twice: at the site root and under a sub-path (/guide/), as hosts do.
const { defineConfig } = require('@playwright/test');
const fs = require('fs');
const path = require('path');

const dist = path.resolve(__dirname, '../../dist');
const subpathRoot = path.join(__dirname, '.serve');
fs.mkdirSync(subpathRoot, { recursive: true });
const guideLink = path.join(subpathRoot, 'guide');
// Every worker process loads this file: make the link idempotently, without a race.
const linkTarget = () => {
  try {
    return fs.readlinkSync(guideLink);
  } catch {
    return null;
  }
};
if (linkTarget() !== dist) {
  fs.rmSync(guideLink, { force: true, recursive: true });
  try {
    fs.symlinkSync(dist, guideLink);
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
}

const ROOT_PORT = Number(process.env.E2E_ROOT_PORT || 4817);
const SUBPATH_PORT = Number(process.env.E2E_SUBPATH_PORT || 4818);
const serve = (port, dir) =>
  `python3 -m http.server ${port} --bind 127.0.0.1 --directory ${dir}`;

module.exports = defineConfig({
  testDir: '.',
  testMatch: '*.spec.js',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: serve(ROOT_PORT, dist),
      url: `http://127.0.0.1:${ROOT_PORT}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'ignore',
    },
    {
      command: serve(SUBPATH_PORT, subpathRoot),
      url: `http://127.0.0.1:${SUBPATH_PORT}/guide/`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'ignore',
    },
  ],
  projects: [
    { name: 'root', use: { baseURL: `http://127.0.0.1:${ROOT_PORT}/` } },
    { name: 'subpath', use: { baseURL: `http://127.0.0.1:${SUBPATH_PORT}/guide/` } },
  ],
});
