#!/usr/bin/env node
// Smoke of every tool in Firefox ESR and in WebKitGTK (Safari's engine), against the
// release build in dist/, served as plain static files like the Playwright tests do.
// Usage: node tests/engines/smoke.js [firefox] [webkit]   (both when none is named)
// Exits non-zero, naming the engine and the step, when a step fails.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const { steps } = require('./steps');
const drivers = require('./drivers');
const { portOpen } = drivers;

const PORT = Number(process.env.ENGINES_PORT || 4831);
const WEBKIT_DRIVER_PORT = Number(process.env.ENGINES_WEBKIT_DRIVER_PORT || 4832);
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
// Debian's libwebkit2gtk-4.1-0 ships MiniBrowser under the multiarch library folder.
const MINIBROWSER =
  process.env.MINIBROWSER ||
  fs
    .readdirSync('/usr/lib')
    .map((dir) => path.join('/usr/lib', dir, 'webkit2gtk-4.1', 'MiniBrowser'))
    .find((file) => fs.existsSync(file)) ||
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const dist = path.resolve(__dirname, '../../dist');
const baseURL = `http://127.0.0.1:${PORT}/`;

const engines = {
  'Firefox ESR': () => drivers.firefox({ baseURL, executablePath: FIREFOX }),
  WebKitGTK: () => drivers.webkit({ baseURL, miniBrowser: MINIBROWSER, driverPort: WEBKIT_DRIVER_PORT }),
};
const chosen = process.argv.slice(2).map((a) => (a === 'firefox' ? 'Firefox ESR' : a === 'webkit' ? 'WebKitGTK' : a));
for (const name of chosen) {
  if (!engines[name]) {
    console.error(`unknown engine ${name}: use firefox and/or webkit`);
    process.exit(2);
  }
}
const names = chosen.length > 0 ? chosen : Object.keys(engines);

const seconds = (start) => `${((Date.now() - start) / 1000).toFixed(1)} s`;


async function serve() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('no dist/index.html: build first (trunk build --release --offline)');
  if (await portOpen(PORT)) throw new Error(`port ${PORT} is already in use`);
  const server = spawn('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', dist], {
    stdio: 'ignore',
  });
  const deadline = Date.now() + 15_000;
  while (!(await portOpen(PORT))) {
    if (Date.now() > deadline) throw new Error(`the static server did not start on port ${PORT}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return server;
}

async function runEngine(name) {
  const start = Date.now();
  let t;
  try {
    t = await engines[name]();
  } catch (error) {
    console.log(`  FAIL ${name}: could not start the browser: ${error.message}`);
    return { name, failed: 'starting the browser', time: seconds(start) };
  }
  const size = await t.js(() => `${window.innerWidth}x${window.innerHeight}`).catch(() => '?');
  console.log(`${name} (${t.version}, viewport ${size})`);
  let failed = null;
  for (const step of steps) {
    const stepStart = Date.now();
    try {
      await step.run(t);
      console.log(`  ok   ${step.name} (${seconds(stepStart)})`);
    } catch (error) {
      console.log(`  FAIL ${name}: ${step.name} (${seconds(stepStart)})\n       ${error.message.replace(/\n/g, '\n       ')}`);
      failed = step.name;
      break;
    }
  }
  await t.close();
  return { name, failed, time: seconds(start) };
}

(async () => {
  const server = await serve();
  // Stopped from outside: exit, so the servers and browsers this started stop too.
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      console.error(`stopped by ${signal}`);
      process.exit(1);
    });
  }
  process.on('exit', () => server.kill());
  const results = [];
  try {
    for (const name of names) results.push(await runEngine(name));
  } finally {
    server.kill();
  }
  console.log('');
  for (const r of results) {
    console.log(`  ${r.name.padEnd(12)} ${r.failed ? `FAIL at "${r.failed}"` : 'pass'} (${r.time})`);
  }
  if (results.some((r) => r.failed)) process.exit(1);
})().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
