// The two engines behind the one interface the steps use (see steps.js for the list).
//  - Firefox ESR: puppeteer-core over WebDriver BiDi, no geckodriver.
//  - WebKitGTK (Safari's engine): WebKitWebDriver + MiniBrowser under Xvfb, driven with
//    selenium-webdriver (classic WebDriver).
const fs = require('fs');
const os = require('os');
const path = require('path');
const net = require('net');
const { spawn } = require('child_process');

const POLL_MS = 100;
const STEP_WAIT_MS = 30_000;
const VIEWPORT = { width: 1280, height: 900 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` (async, returns a value) until it is truthy or the time is up. */
async function poll(what, check, timeout) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? ` (last error: ${last.message.split('\n')[0]})` : '';
      throw new Error(`timed out after ${timeout / 1000} s waiting for: ${what}${detail}`);
    }
    await sleep(POLL_MS);
  }
}

/** Splits an optional trailing `{ timeout }` off the arguments of t.until. */
function untilArgs(args) {
  const last = args[args.length - 1];
  if (last && typeof last === 'object' && !Array.isArray(last) && 'timeout' in last) {
    return [args.slice(0, -1), last.timeout];
  }
  return [args, STEP_WAIT_MS];
}

/** Waits for the downloaded file `name` in `dir` to be complete; returns its text. */
async function fileIn(dir, name, timeout) {
  const file = path.join(dir, name);
  return poll(`the file ${name} in the download folder`, () => {
    const names = fs.readdirSync(dir);
    if (!names.includes(name) || names.some((n) => n.endsWith('.part'))) return null;
    const text = fs.readFileSync(file, 'utf8');
    return text.trimEnd().endsWith('END:VCALENDAR') ? text : null;
  }, timeout);
}

// The planner's date field (type=date) is set the way each engine allows:
//  - Firefox: real key presses into the field's month/day/year parts (the locale is pinned
//    to en-US below, so the order is month, day, year), then Tab.
//  - WebKitGTK: its date field takes no typed digits (tried here: WebDriver's send keys,
//    and key actions after focusing or clicking its first part, all leave it empty), and its
//    calendar popup is a GTK window outside the page, which WebDriver cannot reach. So, like
//    Playwright's `fill` on a date field, the smoke sets the field's value and fires the
//    `input` and `change` events the popup fires. What is checked there: the engine's date
//    field accepts the ISO date and the app reads it from the field.
const setDateInPage = (css, value) => {
  const input = document.querySelector(css);
  input.focus();
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  setter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return { type: input.type, value: input.value };
};

async function checkDate(result, value) {
  if (result.type !== 'date') throw new Error(`#plan-start is type=${result.type} in this engine`);
  if (result.value !== value) throw new Error(`the date field holds ${JSON.stringify(result.value)}, not ${value}`);
}

// ---------------------------------------------------------------------------------------
// Firefox ESR

async function firefox({ baseURL, executablePath }) {
  const puppeteer = require('puppeteer-core');
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocolTimeout: 120_000,
    timeout: 120_000, // starting Firefox, on a busy machine
    extraPrefsFirefox: {
      // Save downloads to this folder without asking, so the test can read the file.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.helperApps.neverAsk.saveToDisk': 'text/calendar',
      'browser.download.alwaysOpenPanel': false,
      'intl.locale.requested': 'en-US',
    },
  });
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));

  // A function, or the source text of one; with its arguments, in the page.
  const evaluate = (fn, ...args) =>
    typeof fn === 'string'
      ? page.evaluate(`(${fn}).apply(null, ${JSON.stringify(args)})`)
      : page.evaluate(fn, ...args);

  const t = {
    version: await browser.version(),
    async goto(relative) {
      await page.goto(new URL(relative, baseURL).href, { waitUntil: 'load', timeout: 60_000 });
    },
    async reload() {
      await page.reload({ waitUntil: 'load', timeout: 60_000 });
    },
    js: evaluate,
    until(what, fn, ...rest) {
      const [args, timeout] = untilArgs(rest);
      return poll(what, () => evaluate(fn, ...args), timeout);
    },
    async click(css) {
      await page.locator(css).setTimeout(STEP_WAIT_MS).click();
    },
    async type(css, value) {
      await page.locator(css).setTimeout(STEP_WAIT_MS).fill('');
      await page.focus(css);
      await page.keyboard.type(value);
    },
    async setDate(css, value) {
      const [year, month, day] = value.split('-');
      await page.focus(css);
      await page.keyboard.type(`${month}${day}${year}`);
      await page.keyboard.press('Tab');
      await checkDate(await page.$eval(css, (input) => ({ type: input.type, value: input.value })), value);
    },
    // Asserted: Firefox itself saved the file to disk, under the name the page gave it.
    async download(click) {
      await click();
      const name = 'ketamine-visits.ics';
      return { name, text: await fileIn(downloads, name, STEP_WAIT_MS) };
    },
    problems: async () => problems,
    async close() {
      await browser.close().catch(() => {});
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
  return t;
}

// ---------------------------------------------------------------------------------------
// WebKitGTK

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// Console errors: classic WebDriver has no console events and WebKitWebDriver offers no
// logs, so after every page load the smoke puts a recorder into the page (console.error,
// `error` and `unhandledrejection` events). Errors before that point in a load are not
// seen in WebKit; the app taking over (the first step) is what covers start-up there.
const recordProblems = () => {
  if (window.__smokeProblems) return;
  const seen = [];
  window.__smokeProblems = seen;
  const original = console.error.bind(console);
  console.error = (...args) => {
    seen.push(`console.error: ${args.map(String).join(' ')}`);
    original(...args);
  };
  window.addEventListener('error', (e) => seen.push(`uncaught: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => seen.push(`unhandled rejection: ${e.reason}`));
};

async function webkit({ baseURL, miniBrowser, driverPort }) {
  const { Builder, By } = require('selenium-webdriver');
  if (await portOpen(driverPort)) throw new Error(`port ${driverPort} is already in use`);
  // A home of its own: no state from earlier runs, and a known download folder.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'engines-webkit-home-'));
  const downloads = path.join(home, 'Downloads');
  fs.mkdirSync(downloads);
  fs.mkdirSync(path.join(home, '.config'));
  fs.writeFileSync(path.join(home, '.config', 'user-dirs.dirs'), 'XDG_DOWNLOAD_DIR="$HOME/Downloads"\n');
  const log = [];
  // xvfb-run gives MiniBrowser a display; its own process group, so it all stops together.
  const server = spawn(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1600x1200x24', 'WebKitWebDriver', `--port=${driverPort}`],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, HOME: home } },
  );
  server.stdout.on('data', (d) => log.push(String(d)));
  server.stderr.on('data', (d) => log.push(String(d)));
  const stopServer = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  // Also when the smoke is stopped (smoke.js turns SIGINT and SIGTERM into an exit).
  process.on('exit', stopServer);
  let driver;
  try {
    await poll(`WebKitWebDriver on port ${driverPort}`, () => portOpen(driverPort), 60_000);
    driver = await new Builder()
      .usingServer(`http://127.0.0.1:${driverPort}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
      })
      .build();
  } catch (error) {
    stopServer();
    throw new Error(`${error.message}\nWebKitWebDriver said:\n${log.join('')}`);
  }
  await driver.manage().setTimeouts({ script: 60_000, pageLoad: 60_000, implicit: 0 });
  await driver.manage().window().setRect(VIEWPORT);
  const capabilities = await driver.getCapabilities();

  const js = (fn, ...args) =>
    driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  const loaded = async () => {
    await poll('the document to load', () => js(() => document.readyState === 'complete'), 60_000);
    await js(recordProblems);
  };
  const element = async (css) => {
    const found = await poll(`${css} in the page`, async () => (await driver.findElements(By.css(css)))[0], STEP_WAIT_MS);
    return found;
  };
  const problems = [];

  const t = {
    version: `${capabilities.get('browserName')} ${capabilities.get('browserVersion')}`,
    async goto(relative) {
      await driver.get(new URL(relative, baseURL).href);
      await loaded();
    },
    async reload() {
      problems.push(...(await js(() => window.__smokeProblems || [])));
      await driver.navigate().refresh();
      await loaded();
    },
    js,
    until(what, fn, ...rest) {
      const [args, timeout] = untilArgs(rest);
      return poll(what, () => js(fn, ...args), timeout);
    },
    async click(css) {
      const el = await element(css);
      await js((e) => e.scrollIntoView({ block: 'center' }), el);
      await el.click();
    },
    async type(css, value) {
      const el = await element(css);
      await el.clear();
      await el.sendKeys(value);
    },
    async setDate(css, value) {
      await checkDate(await js(setDateInPage, css, value), value);
    },
    // Asserted: MiniBrowser itself saved the file, under the name the page gave it, to the
    // download folder of its (temporary) home, named in ~/.config/user-dirs.dirs.
    async download(click) {
      await click();
      const name = 'ketamine-visits.ics';
      return { name, text: await fileIn(downloads, name, STEP_WAIT_MS) };
    },
    async problems() {
      return [...problems, ...(await js(() => window.__smokeProblems || []))];
    },
    async close() {
      await driver.quit().catch(() => {});
      stopServer();
      process.off('exit', stopServer);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
  return t;
}

module.exports = { firefox, webkit, portOpen };
