// Measures whether the web workspace of `diplograph serve` stays responsive with 2,000
// neighbours on screen (issue 8), in Debian's Chromium driven by playwright-core:
//
//   - open: navigation start to the graph drawn (the first page's neighbours in window.cy, laid
//     out, painted);
//   - frame times (requestAnimationFrame deltas) during a 2-second mouse drag pan and during
//     10 wheel zooms: p50, p95, max;
//   - click latency: a real mouse click on a node to the Entity panel showing it (and to the
//     server's statement count arriving in it), over 10 nodes;
//   - long tasks (PerformanceObserver 'longtask') during those interactions;
//   - "Show more": the click to the next neighbours drawn;
//   - the page's JS heap after drawing and after "Show more".
//
//   node bench/bench_workspace.mjs --binary build/cli/diplograph [--neighbours 2000] [--runs 5]
//                                  [--db EXISTING_STORE --entity ID] [--chromium PATH]
//
// Without --db it builds a temporary store around a hub with N+100 neighbours, so that the
// first page (2,000 at most) is full and more are offered. Prints one JSON line per run, then a
// summary line of medians with the load average at start and end; progress goes to stderr.
// Exits 1 on any failure, 2 on bad arguments. Needs `npm ci` in web/ and /usr/bin/chromium.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CHROMIUM_ARGS, startServer } from '../tests/browser/serve_process.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const require = createRequire(path.join(ROOT, 'web', 'package.json'));

const PAGE = 2000; // the app's (and the API's) page of neighbours
const EXTRA_NEIGHBOURS = 100; // beyond N, so that "Show more" is offered
const TIE_EVERY = 10; // neighbour i met neighbour i+1 for one in ten: ties the app draws as edges
const HUB = { id: 'person:hub-envoy', name: 'Hub Envoy' };
const SERVER_WAIT_MS = 30_000;
const DRAW_WAIT_MS = 180_000; // the machine may be busy: a slow draw is a figure, not a failure
const PANEL_WAIT_MS = 30_000;
const PAN_MS = 2000;
const PAN_STEP_MS = 16; // a real mouse reports about 60 moves a second
const PAN_REACH_PX = 300;
const WHEELS = 10;
const WHEEL_DELTA = 120; // one notch
const WHEEL_GAP_MS = 150;
// Long enough to include the full redraw, edges back, once the view stops moving.
const SETTLE_MS = 500;
const CLICKS = 10;
const VIEWPORT = { width: 1440, height: 900 }; // as tests/browser/workspace_test.mjs
// The browser test's flags, and one more: without it performance.memory gives a coarse bucket
// that Chromium refreshes only every 20 minutes.
const LAUNCH_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info'];

// ------------------------------------------------------------------ arguments

function parseArgs(argv) {
  const args = { binary: null, neighbours: PAGE, runs: 5, db: null, entity: null, chromium: '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const name = flag.slice(2);
    if (!['--binary', '--neighbours', '--runs', '--db', '--entity', '--chromium'].includes(flag) || i + 1 >= argv.length) usage(`unknown argument ${flag}`);
    args[name] = argv[++i];
  }
  if (!args.binary) usage('--binary is required');
  if (Boolean(args.db) !== Boolean(args.entity)) usage('--db and --entity go together');
  for (const key of ['neighbours', 'runs']) {
    args[key] = Number(args[key]);
    if (!Number.isInteger(args[key]) || args[key] < 1) usage(`--${key} must be a positive integer`);
  }
  args.binary = path.resolve(args.binary);
  if (args.db) args.db = path.resolve(args.db);
  return args;
}

function usage(problem) {
  console.error(`bench_workspace: ${problem}\nusage: node bench/bench_workspace.mjs --binary PATH/diplograph [--neighbours 2000] [--runs 5] [--db STORE --entity ID] [--chromium PATH]`);
  process.exit(2);
}

class BenchError extends Error {}

// -------------------------------------------------------------------- the store

// The hub met each of `count` contacts; one contact in TIE_EVERY met the next. Articles of 100
// contacts each keep an article's statements on consecutive lines, as `ingest --statements` needs.
function writeHub(file, count) {
  const width = String(count - 1).length;
  const contact = (i) => {
    const n = String(i).padStart(width, '0');
    return { id: `person:contact-${n}`, type: 'person', name: `Contact ${n}`, names: [`Contact ${n}`] };
  };
  const statement = (article, subject, object, sentence) => {
    const text = `${subject.name} met ${object.name} on the first of March.`;
    return JSON.stringify({
      article, subject, predicate: 'met', object,
      date: '2024-03-01', date_precision: 'day', calendar: 'gregorian',
      modality: 'asserted', role: null, confidence: 0.8, place: null,
      evidence: { sentence, start: 0, end: text.length, text },
      rule: 'bench', source: 'Hub Wire', url: 'https://example.org/hub', published: '2024-03-02',
    });
  };
  const hub = { ...HUB, type: 'person', names: [HUB.name] };
  const lines = [];
  for (let i = 0; i < count; i += 1) {
    const article = `sha256:${createHash('sha256').update(`bench-hub-article-${Math.floor(i / 100)}`).digest('hex')}`;
    lines.push(statement(article, hub, contact(i), 2 * (i % 100)));
    if (i % TIE_EVERY === 0 && i + 1 < count) lines.push(statement(article, contact(i), contact(i + 1), 2 * (i % 100) + 1));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function buildStore(binary, dir, count) {
  const file = path.join(dir, 'hub.jsonl');
  writeHub(file, count);
  const db = path.join(dir, 'db');
  try {
    execFileSync(binary, ['ingest', '-q', '--statements', '--db', db, file], { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (err) {
    throw new BenchError(`ingesting the generated hub failed: ${err.message}`);
  }
  return db;
}

// ------------------------------------------------------------- in the page

// Installed before the app runs: long tasks from the first, the last mouse press's time, and a
// frame recorder. Times are performance.now(), milliseconds since navigation start.
function instrument() {
  const bench = { longTasks: [], pressedAt: null, frames: null };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // event.timeStamp is when the input was created, so time spent queued behind a busy main
  // thread counts in the latency.
  window.addEventListener('mousedown', (event) => { bench.pressedAt = event.timeStamp; }, true);
  bench.startFrames = () => {
    const frames = [];
    bench.frames = frames;
    let last = null;
    const tick = (now) => {
      if (bench.frames !== frames) return;
      if (last !== null) frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  bench.stopFrames = () => {
    const frames = bench.frames;
    bench.frames = null;
    return frames;
  };
}

// ----------------------------------------------------------------- statistics

function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

const median = (values) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));
const mb = (bytes) => round(bytes / 2 ** 20);
const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

function frameFigures(prefix, frames) {
  return {
    [`${prefix}_frames`]: frames.length,
    [`${prefix}_frame_p50_ms`]: round(percentile(frames, 0.5)),
    [`${prefix}_frame_p95_ms`]: round(percentile(frames, 0.95)),
    [`${prefix}_frame_max_ms`]: round(Math.max(...frames)),
  };
}

// ----------------------------------------------------------------- one run

// Waits until the graph is drawn (the app clears its status once the layout is painted) and
// returns performance.now() at that frame; an error the app shows fails at once.
async function waitDrawn(page, minNodes) {
  const handle = await page.waitForFunction((n) => {
    const status = document.getElementById('status');
    if (!status.hidden && status.dataset.kind === 'error') return { error: document.getElementById('status-text').textContent };
    const { cy } = window;
    if (!cy || !status.hidden || cy.nodes('.center').empty() || cy.nodes().length < n) return false;
    return { at: performance.now() };
  }, minNodes, { timeout: DRAW_WAIT_MS }).catch(async () => {
    const nodes = await page.evaluate(() => (window.cy ? window.cy.nodes().length : 0));
    throw new BenchError(`the graph was never drawn: ${nodes} nodes after ${DRAW_WAIT_MS} ms`);
  });
  const result = await handle.jsonValue();
  if (result.error) throw new BenchError(`the page shows an error: ${result.error}`);
  return result.at;
}

const graphState = (page) => page.evaluate(() => ({
  nodes: window.cy.nodes().length,
  edges: window.cy.edges().length,
  more: !document.getElementById('graph-more').hidden,
  fetchMs: Number(document.getElementById('graph-canvas').dataset.fetchMs),
  drawMs: Number(document.getElementById('graph-canvas').dataset.drawMs),
  heap: performance.memory.usedJSHeapSize,
  box: (({ left, top, width, height }) => ({ left, top, width, height }))(window.cy.container().getBoundingClientRect()),
}));

// Counts the viewport's pans and zooms and node drags, to check that the scripted mouse did what
// it means to: a drag that started on a node would move the node, not the view.
const watchViewport = (page) => page.evaluate(() => {
  const counts = { pan: 0, zoom: 0, drag: 0 };
  window.cy.on('pan', () => { counts.pan += 1; });
  window.cy.on('zoom', () => { counts.zoom += 1; });
  window.cy.on('drag', 'node', () => { counts.drag += 1; });
  window.__bench.viewport = counts;
});
const viewportCounts = (page) => page.evaluate(() => ({ ...window.__bench.viewport }));

// The element at a point must be Cytoscape's canvas, not the legend or the status above it.
async function assertOnCanvas(page, point, what) {
  const onCanvas = await page.evaluate(({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('#graph-canvas')), point);
  if (!onCanvas) throw new BenchError(`${what} at (${point.x}, ${point.y}) is not on the graph's canvas`);
}

async function recordFrames(page, interact) {
  await page.evaluate(() => window.__bench.startFrames());
  const started = await page.evaluate(() => performance.now());
  await interact();
  await sleep(SETTLE_MS);
  const frames = await page.evaluate(() => window.__bench.stopFrames());
  const ended = await page.evaluate(() => performance.now());
  return { frames, started, ended };
}

// Drags the background from near the canvas's top-left corner (outside the round layout)
// out and back along a diagonal for PAN_MS.
async function pan(page, box) {
  const start = { x: Math.round(box.left + 20), y: Math.round(box.top + 20) };
  await assertOnCanvas(page, start, 'the pan start');
  const before = await viewportCounts(page);
  const recorded = await recordFrames(page, async () => {
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    const began = Date.now();
    for (let elapsed = 0; elapsed < PAN_MS; elapsed = Date.now() - began) {
      const reach = PAN_REACH_PX * Math.sin(Math.PI * (elapsed / PAN_MS));
      await page.mouse.move(start.x + reach, start.y + reach / 2);
      await sleep(PAN_STEP_MS);
    }
    await page.mouse.move(start.x, start.y);
    await page.mouse.up();
  });
  const after = await viewportCounts(page);
  if (after.pan === before.pan || after.drag !== before.drag) {
    throw new BenchError(`the drag did not pan the view (${after.pan - before.pan} pans, ${after.drag - before.drag} node drags)`);
  }
  return recorded;
}

// Five notches in, then five out, over the canvas's centre.
async function zoom(page, box) {
  const centre = { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
  await assertOnCanvas(page, centre, 'the zoom point');
  const before = await viewportCounts(page);
  const recorded = await recordFrames(page, async () => {
    await page.mouse.move(centre.x, centre.y);
    for (let i = 0; i < WHEELS; i += 1) {
      await page.mouse.wheel(0, i < WHEELS / 2 ? -WHEEL_DELTA : WHEEL_DELTA);
      await sleep(WHEEL_GAP_MS);
    }
  });
  if ((await viewportCounts(page)).zoom === before.zoom) throw new BenchError('the wheel did not zoom the view');
  return recorded;
}

// Clicks CLICKS neighbours spread over those on screen; for each, the time from the press to
// the first frame whose Entity panel names the node, and to the server's statement count in it.
async function clicks(page) {
  const targets = await page.evaluate((count) => {
    const box = window.cy.container().getBoundingClientRect();
    const margin = 10;
    const visible = window.cy.nodes().not('.center').filter((node) => {
      const p = node.renderedPosition();
      return p.x > margin && p.y > margin && p.x < box.width - margin && p.y < box.height - margin;
    });
    const step = visible.length / count;
    return Array.from({ length: Math.min(count, visible.length) }, (_, i) => {
      const node = visible[Math.floor(i * step)];
      const p = node.renderedPosition();
      return { id: node.id(), label: node.data('label'), x: box.left + p.x, y: box.top + p.y };
    });
  }, CLICKS);
  if (targets.length < CLICKS) throw new BenchError(`only ${targets.length} nodes are on screen to click`);
  const shown = [];
  const full = [];
  const started = await page.evaluate(() => performance.now());
  for (const target of targets) {
    await assertOnCanvas(page, target, `node ${target.id}`);
    await page.mouse.click(target.x, target.y);
    // The name and the id come at once from the node's data; the count needs the server.
    const wait = (withCount) => page.waitForFunction(([{ id, label }, counted]) => {
      const facts = [...document.querySelectorAll('#entity-facts dt')];
      const fact = (key) => facts.find((dt) => dt.textContent === key)?.nextElementSibling.textContent;
      const ok = !document.getElementById('pane-entity').hidden && document.getElementById('entity-name').textContent === label
        && fact('Id') === id && (!counted || fact('Statements') !== undefined);
      return ok && performance.now() - window.__bench.pressedAt;
    }, [target, withCount], { timeout: PANEL_WAIT_MS })
      .then((handle) => handle.jsonValue())
      .catch(() => { throw new BenchError(`clicking node ${target.id} at (${target.x}, ${target.y}) did not show it in the Entity panel`); });
    shown.push(await wait(false));
    full.push(await wait(true));
  }
  const ended = await page.evaluate(() => performance.now());
  return { shown, full, started, ended };
}

async function showMore(page, nodesBefore, expected) {
  await page.click('[data-testid=graph-more]');
  const handle = await page.waitForFunction(([before, n]) => {
    const status = document.getElementById('status');
    if (!status.hidden && status.dataset.kind === 'error') return { error: document.getElementById('status-text').textContent };
    const nodes = window.cy.nodes().length;
    if (!status.hidden || nodes <= before || (n && nodes < n)) return false;
    return { ms: performance.now() - window.__bench.pressedAt };
  }, [nodesBefore, expected], { timeout: DRAW_WAIT_MS })
    .catch(() => { throw new BenchError(`"Show more" drew no further neighbours within ${DRAW_WAIT_MS} ms`); });
  const result = await handle.jsonValue();
  if (result.error) throw new BenchError(`"Show more" failed: ${result.error}`);
  return result.ms;
}

function longTaskFigures(tasks, windows) {
  const inside = tasks.filter(([start]) => windows.some((w) => start >= w.started && start <= w.ended));
  const durations = inside.map(([, duration]) => duration);
  return {
    longtasks: durations.length,
    longtask_total_ms: round(durations.reduce((a, b) => a + b, 0)),
    longtask_max_ms: durations.length ? round(Math.max(...durations)) : 0,
  };
}

async function measureRun(browser, url, expect) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const problems = [];
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });

    await page.goto(url);
    const openMs = await waitDrawn(page, expect.firstNodes ?? 2);
    const drawn = await graphState(page);
    if (expect.firstNodes !== null && drawn.nodes !== expect.firstNodes) {
      throw new BenchError(`the first page drew ${drawn.nodes} nodes, not ${expect.firstNodes}`);
    }
    if (expect.more !== null && drawn.more !== expect.more) {
      throw new BenchError(`"Show more" is ${drawn.more ? '' : 'not '}offered; expected ${expect.more ? '' : 'not '}to be`);
    }

    await watchViewport(page);
    const panned = await pan(page, drawn.box);
    const zoomed = await zoom(page, drawn.box);
    const clicked = await clicks(page);
    const longTasks = await page.evaluate(() => window.__bench.longTasks);

    const figures = {
      nodes: drawn.nodes,
      edges: drawn.edges,
      open_ms: Math.round(openMs),
      fetch_ms: drawn.fetchMs,
      draw_ms: drawn.drawMs,
      heap_mb: mb(drawn.heap),
      ...frameFigures('pan', panned.frames),
      ...frameFigures('zoom', zoomed.frames),
      click_p50_ms: round(percentile(clicked.shown, 0.5)),
      click_max_ms: round(Math.max(...clicked.shown)),
      click_full_p50_ms: round(percentile(clicked.full, 0.5)),
      ...longTaskFigures(longTasks, [panned, zoomed, clicked]),
    };
    if (drawn.more) {
      figures.more_ms = Math.round(await showMore(page, drawn.nodes, expect.allNodes));
      const more = await graphState(page);
      Object.assign(figures, {
        more_nodes: more.nodes, more_edges: more.edges, more_fetch_ms: more.fetchMs, more_draw_ms: more.drawMs, more_heap_mb: mb(more.heap),
      });
    }
    if (problems.length) throw new BenchError(`the page reported:\n  ${problems.join('\n  ')}`);
    return figures;
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------------ main

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const loadStart = loadavg().map((l) => round(l, 2));
  const { chromium } = require('playwright-core');
  const tmp = mkdtempSync(path.join(tmpdir(), 'diplograph-bench-workspace-'));
  let server = null;
  let browser = null;
  const stop = () => {
    if (server && server.exitCode === null) server.kill('SIGTERM');
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stop(); process.exit(130); });
  try {
    if (!existsSync(args.binary)) throw new BenchError(`no binary at ${args.binary}`);
    if (args.db && !existsSync(args.db)) throw new BenchError(`no store at ${args.db}`);
    let db = args.db;
    let entity = args.entity;
    // What a run must see on the generated hub; on another store only what it draws is known.
    let expect = { firstNodes: null, allNodes: null, more: null };
    if (!db) {
      const total = args.neighbours + EXTRA_NEIGHBOURS;
      const built = Date.now();
      db = buildStore(args.binary, tmp, total);
      entity = HUB.id;
      expect = { firstNodes: Math.min(total, PAGE) + 1, allNodes: total + 1, more: total > PAGE };
      console.error(`bench_workspace: a hub with ${total} neighbours stored in ${Date.now() - built} ms`);
    }
    const started = startServer(args.binary, db, { waitMs: SERVER_WAIT_MS, ErrorType: BenchError });
    server = started.server;
    const base = await started.ready;
    console.error(`bench_workspace: serving ${db} at ${base}`);
    browser = await chromium.launch({ executablePath: args.chromium, headless: true, args: LAUNCH_ARGS });
    const url = `${base}#${new URLSearchParams({ entity })}`;

    const runs = [];
    for (let run = 1; run <= args.runs; run += 1) {
      const figures = { run, ...(await measureRun(browser, url, expect)) };
      runs.push(figures);
      console.log(JSON.stringify(figures));
    }
    const summary = { summary: `median of ${runs.length} runs`, store: args.db ?? `generated hub, ${args.neighbours + EXTRA_NEIGHBOURS} neighbours`, entity };
    for (const key of Object.keys(runs[0]).filter((k) => k !== 'run')) {
      summary[key] = round(median(runs.map((r) => r[key]).filter((v) => typeof v === 'number')));
    }
    summary.loadavg_start = loadStart;
    summary.loadavg_end = loadavg().map((l) => round(l, 2));
    console.log(JSON.stringify(summary));
  } catch (err) {
    console.error(`bench_workspace: ${err instanceof BenchError ? err.message : err.stack}`);
    process.exitCode = 1;
  } finally {
    if (browser) await browser.close().catch(() => {});
    stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
