// End-to-end test of `diplograph serve` and its web workspace (web/): builds a fixture store,
// starts the server on a free port, and drives Debian's Chromium through playwright-core.
//
//   node tests/browser/workspace_test.mjs --binary build/cli/diplograph --screenshots DIR
//
// Needs `npm install` in web/ (for playwright-core) and /usr/bin/chromium (`--chromium PATH`
// names another). Prints one line per step and "N passed, M failed"; exits 0 only when all pass.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CHROMIUM_ARGS, startServer } from './serve_process.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const require = createRequire(path.join(ROOT, 'web', 'package.json'));

const HUB_NEIGHBOURS = 2100; // over the API's page of 2,000 neighbours
const PAGE = 2000;
const WAIT_MS = 30_000; // the machine may be busy: waits are generous, only the hub's are longer
const HUB_WAIT_MS = 180_000;
const XSS_NAME = '<img src=x onerror=alert(1)>';
const ARAGHCHI = 'person:abbas-araghchi';
// Each download the Export tab offers, by its data-testid suffix: neo4j is two files.
const EXPORTS = ['graphml', 'gexf', 'dot', 'cyjs', 'neo4j-nodes', 'neo4j-edges', 'ntriples', 'turtle', 'jsonld', 'timelinejs'];

// ------------------------------------------------------------------ arguments

function parseArgs(argv) {
  const args = { binary: null, screenshots: null, chromium: '/usr/bin/chromium', keep: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--keep') args.keep = true;
    else if (['--binary', '--screenshots', '--chromium'].includes(flag) && i + 1 < argv.length) args[flag.slice(2)] = argv[++i];
    else usage(`unknown argument ${flag}`);
  }
  if (!args.binary) usage('--binary is required');
  if (!args.screenshots) usage('--screenshots is required');
  args.binary = path.resolve(args.binary);
  args.screenshots = path.resolve(args.screenshots);
  return args;
}

function usage(problem) {
  console.error(`workspace_test: ${problem}\nusage: node tests/browser/workspace_test.mjs --binary PATH/diplograph --screenshots DIR [--chromium PATH] [--keep]`);
  process.exit(2);
}

// -------------------------------------------------------------------- fixture

// The hub: one envoy who met 2,100 contacts, in articles of 100 statements each.
function writeHub(file) {
  const lines = [];
  for (let i = 0; i < HUB_NEIGHBOURS; i += 1) {
    const article = `sha256:${createHash('sha256').update(`hub-article-${Math.floor(i / 100)}`).digest('hex')}`;
    const contact = String(i).padStart(4, '0');
    const text = `Hub Envoy met contact ${contact} on the first of March.`;
    lines.push(JSON.stringify({
      article,
      subject: { id: 'person:hub-envoy', type: 'person', name: 'Hub Envoy', names: ['Hub Envoy'] },
      predicate: 'met',
      object: { id: `person:contact-${contact}`, type: 'person', name: `Contact ${contact}`, names: [`Contact ${contact}`] },
      date: '2024-03-01', date_precision: 'day', calendar: 'gregorian',
      modality: 'asserted', role: null, confidence: 0.8, place: null,
      evidence: { sentence: i % 100, start: 0, end: text.length, text },
      rule: 'fixture', source: 'Hub Wire', url: 'https://example.org/hub', published: '2024-03-02',
    }));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function buildStore(binary, dir) {
  const hub = path.join(dir, 'hub.jsonl');
  writeHub(hub);
  const db = path.join(dir, 'db');
  execFileSync(binary, ['ingest', '-q', '--db', db, '--statements',
    path.join(HERE, 'fixtures', 'statements.jsonl'), hub], { stdio: ['ignore', 'inherit', 'inherit'] });
  return db;
}

// ----------------------------------------------------------------------- steps

const results = [];
let page = null;
let base = '';
let shotDir = '';
let shotCount = 0;
// Whatever goes wrong in the page between checks: console errors, CSP violations, page
// errors, dialogs, requests to anywhere but the server.
const problems = [];
let allowHttpErrors = false;

async function screenshot(name) {
  shotCount += 1;
  const file = path.join(shotDir, `${String(shotCount).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Runs one named check; a failure, or any problem the page reported meanwhile, fails it.
async function step(name, fn, { httpErrors = false } = {}) {
  const started = Date.now();
  problems.length = 0;
  allowHttpErrors = httpErrors;
  let failure = '';
  try {
    await fn();
  } catch (err) {
    failure = err.message;
  }
  if (problems.length) failure += `${failure ? '\n' : ''}the page reported:\n  ${problems.join('\n  ')}`;
  results.push({ name, ok: !failure });
  if (!failure) {
    console.log(`ok    ${name} (${Date.now() - started} ms)`);
    return;
  }
  console.log(`FAIL  ${name}: ${failure.split('\n').join('\n      ')}`);
  await screenshot(`FAILED-${name.replace(/[^a-z0-9]+/gi, '-')}`).then(
    (file) => console.log(`      screenshot: ${file}`),
    () => {});
}

function watchPage(p) {
  p.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (allowHttpErrors && /Failed to load resource: the server responded with a status of (400|404|409)\b/.test(text)) return;
    problems.push(`console error: ${text}`);
  });
  p.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  p.on('dialog', async (dialog) => {
    problems.push(`a ${dialog.type()} dialog opened: ${JSON.stringify(dialog.message())}`);
    await dialog.dismiss();
  });
  p.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(base) && !/^(data|blob):/.test(url)) problems.push(`request outside the server: ${url}`);
  });
}

// CSP violations also reach the console, but the event names the directive.
function recordCspViolations() {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
  });
}

// ------------------------------------------------------------------ page helpers

// A fresh page each time: going from one #hash to another would keep the page's state.
async function open(hash = '') {
  await page.goto('about:blank');
  await page.goto(`${base}${hash}`);
  await page.waitForFunction(() => document.getElementById('store-info').textContent !== '', null, { timeout: WAIT_MS });
}

// Waits until the graph is drawn around `center` with `nodes` nodes (and the status cleared).
async function waitGraph(center, nodes, timeout = WAIT_MS) {
  await page.waitForFunction(([id, n]) => window.cy && window.cy.getElementById(id).hasClass('center')
    && window.cy.nodes().length === n && document.getElementById('status').hidden, [center, nodes], { timeout })
    .catch(async () => {
      const seen = await page.evaluate(() => ({
        nodes: window.cy ? window.cy.nodes().length : null,
        status: document.getElementById('status').hidden ? '' : document.getElementById('status-text').textContent,
      }));
      throw new Error(`the graph around ${center} did not show ${nodes} nodes: ${seen.nodes} nodes drawn; status: ${JSON.stringify(seen.status)}`);
    });
}

const graphNodeIds = () => page.evaluate(() => window.cy.nodes().map((n) => n.id()).sort());
const graphEdgeLabels = () => page.evaluate(() => window.cy.edges().map((e) => e.data('label')).sort());

// Clicks an edge with the real mouse at its midpoint, after zooming onto it so that nothing else
// lies under the pointer.
async function clickEdge(predicate, source) {
  const point = await page.evaluate(([p, s]) => {
    const edge = window.cy.edges().filter((e) => e.data('predicate') === p && (!s || e.data('source') === s))[0];
    if (!edge) return null;
    window.cy.fit(edge, 120);
    const mid = edge.renderedMidpoint();
    const box = window.cy.container().getBoundingClientRect();
    return { x: box.left + mid.x, y: box.top + mid.y };
  }, [predicate, source]);
  assert.ok(point, `no ${predicate} edge in the graph`);
  await page.mouse.click(point.x, point.y);
}

async function errorText() {
  await page.waitForSelector('[data-testid=status][data-kind=error]:not([hidden])', { timeout: WAIT_MS })
    .catch(async () => { throw new Error(`no error is shown; status: ${JSON.stringify(await page.textContent('[data-testid=status]'))}`); });
  return page.textContent('[data-testid=status]');
}

async function search(text) {
  await page.fill('[data-testid=search-input]', text);
  await page.press('[data-testid=search-input]', 'Enter');
}

async function searchResultIds(text) {
  await search(text);
  await page.waitForFunction((q) => {
    const list = document.querySelector('[data-testid=search-results]');
    return !list.hidden && list.dataset.query === q;
  }, text, { timeout: WAIT_MS }).catch(() => { throw new Error(`no search results are shown for ${text}`); });
  return page.$$eval('[data-testid=search-result]', (buttons) => buttons.map((b) => b.dataset.entityId));
}

// ----------------------------------------------------------------------- tests

async function testLoad() {
  const response = await page.goto(base);
  const csp = response.headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'/, `the page's Content-Security-Policy lacks script-src 'self': ${JSON.stringify(csp)}`);
  await page.waitForFunction(() => document.getElementById('store-info').textContent !== '', null, { timeout: WAIT_MS });
  assert.match(await page.textContent('[data-testid=store-info]'), /statements/, 'the header shows no store counts');
  assert.equal(await page.locator('[data-testid=legend] li').count(), 6, 'the legend does not list the six entity types');
  const predicates = await page.$$eval('[data-testid=predicate-list] input', (boxes) => boxes.map((b) => b.value));
  for (const p of ['met', 'visited', 'holds_role', 'criticized']) assert.ok(predicates.includes(p), `no toggle for predicate ${p}: ${predicates}`);
  assert.equal(await page.locator('[data-testid=export-links] a').count(), EXPORTS.length, `the Export tab does not offer ${EXPORTS.length} downloads`);
  assert.ok(await page.evaluate(() => typeof window.cytoscape === 'function'), 'Cytoscape.js did not load from /vendor/cytoscape.min.js');
  await screenshot('loaded');
}

async function testPersianSearch() {
  await open();
  const persian = await searchResultIds('عراقچی');
  assert.ok(persian.includes(ARAGHCHI), `searching عراقچی did not list ${ARAGHCHI}: ${persian}`);
  const result = page.locator(`[data-testid=search-result][data-entity-id="${ARAGHCHI}"]`);
  assert.match(await result.textContent(), /Abbas Araghchi/, 'the result does not show the display name');
  assert.match(await result.textContent(), /عباس عراقچی/, 'the result does not show the Persian name');
  assert.equal(await result.locator('.result-names').getAttribute('dir'), 'auto', 'other names are not dir="auto"');
  await screenshot('search-persian');
  // Arabic yeh (ي) for Persian yeh (ی), Arabic kaf (ك) for Persian kaf (ک).
  const arabicYeh = await searchResultIds('عراقچي');
  assert.ok(arabicYeh.includes(ARAGHCHI), `searching عراقچي (Arabic yeh) did not list ${ARAGHCHI}: ${arabicYeh}`);
  const arabicKaf = await searchResultIds('كويت');
  assert.ok(arabicKaf.includes('country:KW'), `searching كويت (Arabic kaf and yeh) did not list country:KW: ${arabicKaf}`);
}

async function testOpenGraph() {
  await open();
  await searchResultIds('عباس عراقچی');
  await page.click(`[data-testid=search-result][data-entity-id="${ARAGHCHI}"]`);
  await waitGraph(ARAGHCHI, 5);
  assert.deepEqual(await graphNodeIds(), [ARAGHCHI, 'country:IR', 'country:KW', 'person:kenji-morita', 'person:mira-halden'].sort(),
    'the depth-1 graph of Araghchi has other nodes');
  // Two visits to Kuwait are one edge labelled ×2; Iran praised Kuwait is a tie between
  // two neighbours, drawn though neither is the centre.
  assert.deepEqual(await graphEdgeLabels(), ['holds_role', 'invited', 'met', 'praised', 'spoke_by_phone', 'visited ×2'], 'the edges are not aggregated by predicate');
  const tie = await page.evaluate(() => window.cy.edges().filter((e) => e.data('predicate') === 'praised').map((e) => `${e.data('source')}>${e.data('target')}`));
  assert.deepEqual(tie, ['country:IR>country:KW'], 'the tie between two neighbours is not drawn from its subject');
  const direction = await page.evaluate(() => window.cy.edges().filter((e) => e.data('predicate') === 'spoke_by_phone').map((e) => `${e.data('source')}>${e.data('target')}`));
  assert.deepEqual(direction, [`person:kenji-morita>${ARAGHCHI}`], 'the spoke_by_phone edge does not run from its subject');
  assert.match(await page.textContent('[data-testid=graph-count]'), /4 neighbours, 6 edges/, 'the bar does not count 4 neighbours and 6 edges');
  assert.ok(await page.isHidden('[data-testid=graph-more]'), 'a "more" button is offered for a small graph');
  assert.match(page.url(), /#entity=person%3Aabbas-araghchi/, 'the location does not name the centre');
  await screenshot('graph-araghchi');
}

async function testDepthAndFilters() {
  await open(`#entity=${ARAGHCHI}`);
  await waitGraph(ARAGHCHI, 5);
  await page.selectOption('[data-testid=depth]', '2');
  // Depth 2 adds Erik Halden (met Morita), the United Nations (hosted by Kuwait), Japan and Norway.
  await waitGraph(ARAGHCHI, 9);
  await page.selectOption('[data-testid=depth]', '1');
  await waitGraph(ARAGHCHI, 5);
  await page.fill('[data-testid=date-from]', '2024');
  await page.press('[data-testid=date-from]', 'Enter');
  // From 2024: the 2025 visit to Kuwait and the 2024 invitation of Morita.
  await waitGraph(ARAGHCHI, 3);
  assert.deepEqual(await graphEdgeLabels(), ['invited', 'visited'], 'the date filter did not re-query the graph');
  await screenshot('graph-from-2024');
  await page.click('[data-testid=predicates] summary');
  await page.uncheck('[data-testid=predicate-visited]');
  await waitGraph(ARAGHCHI, 2);
  assert.match(page.url(), /p=/, 'the predicate toggle is not in the location');
  assert.match(await page.getAttribute('[data-testid=export-graphml]', 'href'), /from=2024.*predicate=invited/, 'the export link does not carry the filters');
  await page.fill('[data-testid=date-to]', '2024/05');
  await page.press('[data-testid=date-to]', 'Enter');
  assert.match(await errorText(), /not a date/, 'a malformed date is not reported');
}

async function testEvidence() {
  await open(`#entity=${ARAGHCHI}`);
  await waitGraph(ARAGHCHI, 5);
  await clickEdge('visited');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=evidence-list] [data-testid=statement]').length === 2, null, { timeout: WAIT_MS })
    .catch(() => { throw new Error('clicking the "visited ×2" edge did not list its two statements'); });
  assert.match(await page.textContent('#evidence-title'), /Abbas Araghchi visited Kuwait/, 'the panel does not name the edge');
  const statements = page.locator('[data-testid=evidence-list] [data-testid=statement]');
  const persian = statements.nth(0);
  assert.equal(await persian.locator('[data-testid=statement-date]').textContent(), '2021-06-09', 'the first statement is not the 2021 visit');
  const evidence = persian.locator('[data-testid=evidence-text]');
  assert.equal(await evidence.textContent(), 'عباس عراقچی روز چهارشنبه برای دیداری رسمی وارد کویت شد.', 'the Persian evidence sentence is not shown');
  assert.equal(await evidence.evaluate((e) => getComputedStyle(e).direction), 'rtl', 'the Persian evidence sentence is not right to left');
  const link = persian.locator('[data-testid=source] a');
  assert.equal(await link.getAttribute('href'), 'https://example.org/fa/2021-06-10', 'the source has no link to its URL');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer', 'the source link lacks rel="noopener noreferrer"');
  assert.match(await persian.textContent(), /Test Wire \(fa\)/, 'the publisher is not shown');
  assert.match(await persian.textContent(), /confidence 0\.85/, 'the confidence is not shown');
  assert.match(await persian.textContent(), /asserted/, 'the modality is not shown');
  const english = statements.nth(1);
  assert.equal(await english.locator('[data-testid=evidence-text]').evaluate((e) => getComputedStyle(e).direction), 'ltr', 'the English evidence is not left to right');
  assert.equal(await english.locator('[data-testid=source] a').count(), 0, 'a URL that is not http(s) became a link');
  await screenshot('evidence-visited');
  await clickEdge('holds_role');
  await page.waitForFunction(() => document.querySelector('[data-testid=evidence-list] [data-testid=statement-date]')?.textContent === 'undated', null, { timeout: WAIT_MS })
    .catch(() => { throw new Error('the undated holds_role statement does not say "undated"'); });
  assert.match(await page.textContent('[data-testid=evidence-list]'), /holds_role \(foreign minister\)/, 'the role is not shown');
}

async function testEntityPanel() {
  await open(`#entity=${ARAGHCHI}`);
  await waitGraph(ARAGHCHI, 5);
  const point = await page.evaluate(() => {
    const node = window.cy.getElementById('person:kenji-morita');
    window.cy.fit(node, 200);
    const p = node.renderedPosition();
    const box = window.cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(() => /Statements/.test(document.getElementById('entity-facts').textContent), null, { timeout: WAIT_MS })
    .catch(() => { throw new Error('clicking the Morita node did not show the entity with its statement count'); });
  assert.equal(await page.textContent('[data-testid=entity-name]'), 'Kenji Morita');
  const names = await page.$$eval('[data-testid=entity-name-form]', (items) => items.map((i) => i.textContent));
  assert.ok(names.includes('کنجی موریتا'), `the Persian name is not among the names: ${names}`);
  await screenshot('entity-morita');
  await page.click('[data-testid=entity-center]');
  await waitGraph('person:kenji-morita', 4);
}

async function testPath() {
  await open(`#entity=${ARAGHCHI}`);
  await waitGraph(ARAGHCHI, 5);
  await page.click('[data-testid=tab-path]');
  await page.fill('[data-testid=path-a]', 'Mira Halden');
  await page.fill('[data-testid=path-b]', 'ژاپن');
  await page.click('[data-testid=path-go]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=path-list] [data-testid=statement]').length > 0, null, { timeout: WAIT_MS })
    .catch(async () => { throw new Error(`no path listed; summary: ${await page.textContent('[data-testid=path-summary]')}`); });
  const steps = await page.locator('[data-testid=path-list] [data-testid=statement]').count();
  assert.equal(steps, 3, 'the path from Mira Halden to Japan is not 3 steps');
  const chain = await page.evaluate(() => window.pathCy.nodes().map((n) => n.id()));
  assert.equal(chain.length, 4, `the path graph does not show 4 actors: ${chain}`);
  assert.ok(chain.includes('person:mira-halden') && chain.includes('country:JP'), `the path graph lacks its ends: ${chain}`);
  const highlighted = await page.evaluate(() => window.cy.nodes('.on-path').map((n) => n.id()));
  assert.ok(highlighted.includes('person:mira-halden') && highlighted.includes('person:abbas-araghchi'), `the path is not highlighted in the graph: ${highlighted}`);
  assert.match(await page.textContent('[data-testid=path-summary]'), /3 steps/, 'the summary does not count the steps');
  await screenshot('path-halden-japan');
}

async function testTimeline() {
  await open(`#entity=${ARAGHCHI}`);
  await waitGraph(ARAGHCHI, 5);
  await page.click('[data-testid=tab-timeline]');
  assert.equal(await page.inputValue('[data-testid=timeline-entity]'), 'Abbas Araghchi', 'the timeline actor does not follow the centre');
  await page.click('[data-testid=timeline-go]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-list] [data-testid=statement]').length === 6, null, { timeout: WAIT_MS })
    .catch(() => { throw new Error("Araghchi's timeline does not list his 6 statements"); });
  const dates = await page.$$eval('[data-testid=timeline-list] [data-testid=statement-date]', (items) => items.map((i) => i.textContent));
  assert.deepEqual(dates, ['2021-06-09', '2022-03-14', '2023-09-18', '2024-01-07', '2025-05-01', 'undated'], 'the timeline is not by date, undated last');
  await page.click('[data-testid=timeline-play]');
  const current = () => page.evaluate(() => Number(document.querySelector('[data-testid=timeline-list] .current')?.dataset.index ?? -1));
  await page.waitForFunction(() => document.querySelector('[data-testid=timeline-list] .current')?.dataset.index === '0', null, { timeout: WAIT_MS });
  assert.ok(await page.evaluate(() => window.cy.edges('.playing').map((e) => e.data('predicate')).includes('visited')),
    'the first statement (a visit) is not highlighted in the graph');
  await screenshot('timeline-playing');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=timeline-list] .current')?.dataset.index) >= 1, null, { timeout: 5000 })
    .catch(() => { throw new Error('the highlighted statement did not advance within 5 s of Play'); });
  await page.click('[data-testid=timeline-play]'); // Pause
  const paused = await current();
  await page.waitForTimeout(1600);
  assert.equal(await current(), paused, 'the timeline went on after Pause');
  assert.match(await page.textContent('[data-testid=timeline-position]'), new RegExp(`^${paused + 1} / 6$`), 'the position indicator is wrong');
  await page.fill('[data-testid=timeline-with]', 'كويت');
  await page.click('[data-testid=timeline-go]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-list] [data-testid=statement]').length === 2, null, { timeout: WAIT_MS })
    .catch(() => { throw new Error('the timeline of Araghchi with Kuwait does not list the two visits'); });
}

async function testExport() {
  await open(`#entity=${ARAGHCHI}`);
  await waitGraph(ARAGHCHI, 5);
  await page.click('[data-testid=tab-export]');
  const href = await page.getAttribute('[data-testid=export-graphml]', 'href');
  assert.match(href, /around=person%3Aabbas-araghchi/, `the export link is not around the centre: ${href}`);
  for (const format of EXPORTS) {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: WAIT_MS }),
      page.click(`[data-testid=export-${format}]`),
    ]);
    const failure = await download.failure();
    assert.equal(failure, null, `the ${format} download failed (${failure}) from ${download.url()}`);
    const file = await download.path();
    const body = readFileSync(file);
    assert.ok(body.length > 0, `the ${format} export is empty`);
    const text = body.toString('utf8');
    if (format === 'graphml') {
      assert.match(text, /<graphml/, 'the graphml export has no <graphml element');
      assert.match(text, /Kuwait/, 'the graphml export lacks a neighbour of the centre');
    }
    if (format === 'neo4j-nodes') assert.match(text, /:ID\b/, 'the Neo4j nodes file has no :ID column');
    if (format === 'neo4j-edges') assert.match(text, /:START_ID\b/, 'the Neo4j edges file has no :START_ID column');
    await download.delete();
  }
  await screenshot('export');
}

async function testHostileNames() {
  await open();
  const ids = await searchResultIds('onerror');
  assert.deepEqual(ids, ['person:hostile-name'], `the hostile entity is not found by search: ${ids}`);
  assert.equal(await page.textContent('[data-testid=search-result] .result-name'), XSS_NAME, 'the hostile name is not shown as literal text');
  await page.click('[data-testid=search-result]');
  await waitGraph('person:hostile-name', 2);
  assert.equal(await page.evaluate(() => window.cy.getElementById('person:hostile-name').data('label')), XSS_NAME);
  assert.match(await page.textContent('[data-testid=graph-title]'), /<img src=x onerror=alert\(1\)>/, 'the graph title does not show the name as text');
  await clickEdge('criticized');
  await page.waitForSelector('[data-testid=evidence-list] [data-testid=statement]', { timeout: WAIT_MS });
  const statement = page.locator('[data-testid=evidence-list] [data-testid=statement]').first();
  assert.equal(await statement.locator('[data-testid=evidence-text]').textContent(), '<script>alert(2)</script> criticized Japan in a written statement.');
  assert.match(await statement.textContent(), /<b>Hostile<\/b> Press/, 'the hostile publisher is not literal text');
  assert.equal(await statement.locator('a').count(), 0, 'the javascript: URL became a link');
  await page.click('[data-testid=graph-fit]');
  const node = await page.evaluate(() => {
    const p = window.cy.getElementById('person:hostile-name').renderedPosition();
    const box = window.cy.container().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  await page.mouse.click(node.x, node.y);
  await page.waitForFunction((name) => document.getElementById('entity-name').textContent === name, XSS_NAME, { timeout: WAIT_MS });
  // Give any injected handler (onerror, a script) the time to run.
  await page.waitForTimeout(500);
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img').length,
    scripts: [...document.scripts].map((s) => s.src.replace(location.origin, '')),
    bold: document.querySelectorAll('b').length,
  }));
  assert.deepEqual(injected, { img: 0, scripts: ['/vendor/cytoscape.min.js', '/app.js'], bold: 0 }, 'data became markup');
  await screenshot('hostile-names');
}

async function testErrors() {
  await open('#entity=Atlantis');
  assert.match(await errorText(), /no entity is called/i, 'opening an unknown entity does not say so');
  assert.equal(await page.getAttribute('[data-testid=status]', 'data-kind'), 'error');
  await screenshot('error-unknown');
  await open();
  await search('Atlantis');
  await page.waitForSelector('[data-testid=no-results]', { timeout: WAIT_MS });
  assert.match(await page.textContent('[data-testid=no-results]'), /No entity has a name containing “Atlantis”/);
  await page.click('[data-testid=tab-path]');
  await page.fill('[data-testid=path-a]', 'Atlantis');
  await page.fill('[data-testid=path-b]', 'Japan');
  await page.click('[data-testid=path-go]');
  assert.match(await errorText(), /Atlantis/, 'an unknown path end is not named in the error');
  // "Halden" is Mira's and Erik's name: the page offers both, and a pick opens it.
  await open('#entity=Halden');
  await page.waitForSelector('[data-testid=candidate]', { timeout: WAIT_MS });
  const candidates = await page.$$eval('[data-testid=candidate]', (buttons) => buttons.map((b) => b.textContent));
  assert.equal(candidates.length, 2, `an ambiguous name does not list its two candidates: ${candidates}`);
  await screenshot('error-ambiguous');
  await page.click('[data-testid=candidate] >> text=Erik Halden');
  await waitGraph('person:erik-halden', 2);
}

async function testHub() {
  const started = Date.now();
  await open('#entity=person:hub-envoy');
  await waitGraph('person:hub-envoy', PAGE + 1, HUB_WAIT_MS);
  const first = Date.now() - started;
  const timing = await page.evaluate(() => ({ ...document.getElementById('graph-canvas').dataset }));
  console.log(`      hub: ${PAGE} neighbours shown ${first} ms after navigation (fetch ${timing.fetchMs} ms, draw and layout ${timing.drawMs} ms)`);
  assert.equal(await page.evaluate(() => window.cy.edges().length), PAGE, 'not one edge per neighbour');
  assert.ok(await page.isVisible('[data-testid=graph-more]'), 'no "more" button with further neighbours');
  assert.match(await page.textContent('[data-testid=graph-count]'), /more exist/, 'the bar does not say more exist');
  await screenshot('hub-first-page');
  // Pan and zoom must stay usable on the large graph.
  const zoomStarted = Date.now();
  await page.mouse.move(500, 500);
  await page.mouse.wheel(0, -400);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  console.log(`      hub: a wheel zoom answered in ${Date.now() - zoomStarted} ms`);
  const moreStarted = Date.now();
  await page.click('[data-testid=graph-more]');
  await waitGraph('person:hub-envoy', HUB_NEIGHBOURS + 1, HUB_WAIT_MS);
  const more = await page.evaluate(() => ({ ...document.getElementById('graph-canvas').dataset }));
  console.log(`      hub: the next ${HUB_NEIGHBOURS - PAGE} shown ${Date.now() - moreStarted} ms after the click (fetch ${more.fetchMs} ms, draw ${more.drawMs} ms)`);
  assert.ok(await page.isHidden('[data-testid=graph-more]'), 'a "more" button is still offered after the last page');
  await screenshot('hub-all');
}

// ------------------------------------------------------------------------ main

async function main() {
  const args = parseArgs(process.argv.slice(2));
  shotDir = args.screenshots;
  mkdirSync(shotDir, { recursive: true });
  const { chromium } = require('playwright-core');
  const tmp = mkdtempSync(path.join(tmpdir(), 'diplograph-browser-'));
  let server = null;
  let browser = null;
  const stop = () => {
    if (server && server.exitCode === null) server.kill('SIGTERM');
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stop(); process.exit(130); });
  try {
    const db = buildStore(args.binary, tmp);
    const started = startServer(args.binary, db, { waitMs: WAIT_MS });
    server = started.server;
    base = await started.ready;
    console.log(`serving ${db} at ${base}`);
    browser = await chromium.launch({
      executablePath: args.chromium,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await context.addInitScript(recordCspViolations);
    page = await context.newPage();
    watchPage(page);

    await step('load the page: counts, legend, predicates, export links, no console error', testLoad);
    await step('search by a Persian name, also with Arabic ي and ك', testPersianSearch);
    await step("open a result's graph: nodes, aggregated edges, directions", testOpenGraph);
    await step('depth, date and predicate filters re-query the graph', testDepthAndFilters);
    await step('click an edge: its statements, Persian evidence right to left, sources', testEvidence);
    await step('click a node: the entity, its names, re-centre on it', testEntityPanel);
    await step('path between two actors, named in two languages', testPath);
    await step('timeline: by date, Play advances and highlights, Pause stops, "with"', testTimeline);
    await step('export: a download in each format, graphml is GraphML', testExport);
    await step('hostile names and sentences stay text: no dialog, no <img>, no markup', testHostileNames);
    await step('unknown and ambiguous names are errors in words, with candidates', testErrors, { httpErrors: true });
    await step(`hub: ${PAGE} neighbours drawn with "more", then the rest`, testHub);
  } catch (err) {
    results.push({ name: 'set-up', ok: false });
    console.log(`FAIL  set-up: ${err.message}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    stop();
    if (args.keep) console.log(`kept ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`screenshots in ${shotDir}`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main();
