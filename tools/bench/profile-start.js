#!/usr/bin/env node
// Where the start-up time goes: loads dist/ in Chromium at 4x CPU, records the long
// tasks (PerformanceObserver) for `--seconds`, and prints them with their blocking time
// (the median over `--runs`), in all and for the tasks that start once the wasm has arrived
// (the app's own work, without the parsing of the page, which varies most). `--trace` adds what the
// browser did in each long task; `--top N` records a CPU profile (also saved as
// $TMPDIR/start.cpuprofile) and prints the N functions with the most self time. With
// `--wasm named.wasm`, serves that wasm instead of the shipped one (a build with names
// kept; see wasm-breakdown.js).
//
// To tell which work a long task was, a temporary build may log `console.log("MARK name")`
// (web_sys::console::log_1) where that work starts: each long task is listed with the
// marks made during it, and when (ms into the task) each was made.
//
//   node tools/bench/profile-start.js [--dist dist] [--wasm path] [--seconds 8] [--runs 3]
//                                      [--trace] [--top 40]
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { parseArgs, serveDir, launchChromium, runMain, median, MOBILE_VIEWPORT } = require('./lib');

async function main() {
  const args = parseArgs(process.argv.slice(2), { dist: 'dist', wasm: '', seconds: '8', top: '0', trace: false, runs: '3' });
  let dir = path.resolve(args.dist);
  if (args.wasm) {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'profile-dist-'));
    fs.cpSync(dir, copy, { recursive: true });
    const shipped = fs.readdirSync(copy).find((f) => f.endsWith('_bg.wasm'));
    fs.copyFileSync(args.wasm, path.join(copy, shipped));
    for (const f of fs.readdirSync(copy)) if (f.startsWith(shipped) && f !== shipped) fs.rmSync(path.join(copy, f));
    dir = copy;
  }
  const server = await serveDir(dir);
  const browser = await launchChromium();
  const totals = [];
  const apps = [];
  for (let run = 0; run < Number(args.runs); run++) {
    const { total, app } = await measureOnce(browser, server.url, args);
    totals.push(total);
    apps.push(app);
  }
  totals.sort((x, y) => x - y);
  apps.sort((x, y) => x - y);
  console.log('blocking time per run:', totals.join(', '), 'ms; median', median(totals), 'ms');
  // The part after the wasm has arrived: the app's own work, without the browser's
  // parsing of the page, which varies most from run to run on a busy machine.
  console.log("of which the app (tasks starting once the wasm arrived):", apps.join(', '), 'ms; median', median(apps), 'ms');
  await browser.close();
  await server.close();
}

async function measureOnce(browser, url, args) {
  const context = await browser.newContext({ viewport: MOBILE_VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__long = [];
    window.__marks = [];
    const log = console.log;
    console.log = (...a) => {
      if (String(a[0]).startsWith('MARK')) window.__marks.push([Math.round(performance.now()), String(a[0]).slice(5)]);
      else log(...a);
    };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const profiling = Number(args.top) > 0;
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  if (args.trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm'] });
  await page.goto(url);
  await page.waitForTimeout(Number(args.seconds) * 1000);
  if (args.trace) {
    const trace = JSON.parse((await browser.stopTracing()).toString());
    summariseTrace(trace.traceEvents || trace);
  }
  const long = await page.evaluate(() => window.__long);
  const marks = await page.evaluate(() => window.__marks);
  if (marks.length) {
    // Each long task with the marks made during it, each at its time into the task.
    for (const [start, d] of long) {
      const inside = marks.map(([t, m], i) => [t, `${m}#${marks.slice(0, i).filter(([, x]) => x === m).length}@+${t - start}`]).filter(([t]) => t >= start && t <= start + d).map(([, m]) => m);
      console.log(`  ${start} +${d}: ${inside.join(' ')}`);
    }
  }
  const tbt = blockingTime(long);
  const wasmArrived = await page.evaluate(
    () => performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? null,
  );
  if (wasmArrived === null) console.warn('profile-start: the page loaded no wasm; the app figure is 0');
  // Task starts are rounded to the millisecond: floor, so a task starting as the wasm arrives counts.
  const app = blockingTime(long.filter(([start]) => wasmArrived !== null && start >= Math.floor(wasmArrived)));
  console.log('long tasks [start ms, duration ms]:', JSON.stringify(long), 'blocking', tbt, 'ms; the app', app, 'ms');
  if (profiling) {
    const { profile } = await cdp.send('Profiler.stop');
    fs.writeFileSync(path.join(os.tmpdir(), 'start.cpuprofile'), JSON.stringify(profile));
    const self = new Map();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas;
    for (let i = 0; i < profile.samples.length; i++) {
      const n = byId.get(profile.samples[i]);
      const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url ? path.basename(n.callFrame.url).slice(0, 30) : ''}`;
      self.set(name, (self.get(name) || 0) + (dt[i] || 0) / 1000);
    }
    const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(args.top));
    for (const [name, t] of rows) console.log(`${t.toFixed(1).padStart(8)} ms  ${name.slice(0, 160)}`);
  }
  await context.close();
  return { total: tbt, app };
}

/** Total Blocking Time of `[start, duration]` long tasks: what each spends over 50 ms. */
function blockingTime(tasks) {
  return tasks.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
}

/** Within each main-thread task of 50 ms or more: the time per trace event name (self time). */
function summariseTrace(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args && e.args.name === 'CrRendererMain');
  if (!main) return;
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.dur >= 50000);
  for (const task of tasks) {
    const end = task.ts + task.dur;
    const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end);
    // Self time: each event's duration minus its direct children's.
    inside.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    const self = new Map();
    for (const e of inside) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) self.set(parent.name, (self.get(parent.name) || 0) - e.dur);
      self.set(e.name, (self.get(e.name) || 0) + e.dur);
      stack.push(e);
    }
    for (const e of inside) if (e.name === 'Layout' && e.dur > 5000) console.log('  Layout', Math.round(e.dur / 1000), 'ms', JSON.stringify(e.args && e.args.beginData));
    for (const e of inside) if (e.name === 'UpdateLayoutTree' && e.dur > 5000) console.log('  Style', Math.round(e.dur / 1000), 'ms', JSON.stringify(e.args && (e.args.elementCount || e.args.beginData)));
    for (const e of inside) if (e.name === 'ParseHTML' && e.dur > 5000) console.log('  Parse', Math.round(e.dur / 1000), 'ms', JSON.stringify(e.args && e.args.beginData && { start: e.args.beginData.startLine, end: e.args.endData && e.args.endData.endLine }));
    const top = [...self.entries()].filter(([, d]) => d > 3000).sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`task at ${Math.round(task.ts / 1000)} ms, ${Math.round(task.dur / 1000)} ms: ` + top.map(([n, d]) => `${n} ${Math.round(d / 1000)}`).join(', '));
  }
}

runMain(main);
