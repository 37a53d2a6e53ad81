// The diplograph workspace: search, the neighbourhood graph, evidence, path, timeline and
// export, all over the JSON API of `diplograph serve` (docs/API.md).
//
// Everything the API returns is untrusted: it reaches the page only as text nodes,
// textContent or checked attribute values, never as markup.

const TYPES = {
  person: { label: 'Person', color: '#2f6db5' },
  country: { label: 'Country', color: '#c2412d' },
  organization: { label: 'Organization', color: '#23865a' },
  place: { label: 'City / place', color: '#d48806' },
  event: { label: 'Event', color: '#8a55b8' },
  other: { label: 'Other', color: '#7a7f87' },
};
const EXPORT_FORMATS = [
  ['graphml', 'GraphML', 'yEd, networkx'],
  ['gexf', 'GEXF', 'Gephi, with the timeline'],
  ['dot', 'DOT', 'Graphviz'],
  ['cyjs', 'Cytoscape JSON', 'Cytoscape desktop'],
  // Neo4j's import takes two files; the server gives each as its own part.
  ['neo4j', 'Neo4j nodes.csv', 'neo4j-admin import', { part: 'nodes' }],
  ['neo4j', 'Neo4j edges.csv', 'neo4j-admin import', { part: 'edges' }],
  ['ntriples', 'N-Triples', 'RDF'],
  ['turtle', 'Turtle', 'RDF'],
  ['jsonld', 'JSON-LD', 'RDF'],
  ['timelinejs', 'TimelineJS', 'an event per dated statement'],
];
const NEIGHBOUR_PAGE = 2000; // the API's maximum page of neighbours
const STATEMENT_PAGE = 100;
const SEARCH_LIMIT = 20;
const COSE_MAX_NODES = 300; // above this the force layout freezes the page; concentric is O(n log n)
const FIT_MAX_ZOOM = 1.3; // fitting a handful of nodes would blow their labels up
const SPIRAL_SPACING = 24; // model units between spiral neighbours: nodes are 16 wide
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const PLAY_STEP_MS = 1000;
const SEARCH_DELAY_MS = 250;
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const WEB_URL_RE = /^https?:\/\//i;

const $ = (id) => document.getElementById(id);
const number = new Intl.NumberFormat('en');

// ---------------------------------------------------------------- DOM helpers

// Builds an element; `text` becomes textContent, other keys attributes, children are nodes or
// strings (appended as text). Attribute names always come from this file.
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

// "1 statement", "2,000 statements".
function plural(count, noun) {
  return `${number.format(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function entityLabel(entity) {
  return entity.name || entity.id;
}

function typeOf(entity) {
  return Object.hasOwn(TYPES, entity.type) ? entity.type : 'other';
}

// A name that opens the entity's neighbourhood when clicked (see the delegated click handler).
function entityRef(entity) {
  return el('button', {
    type: 'button', class: 'entity-ref', dir: 'auto', 'data-entity-id': entity.id,
    title: `${entity.id}: open its neighbourhood`, text: entityLabel(entity),
  });
}

// --------------------------------------------------------------------- the API

class ApiError extends Error {
  constructor({ status = 0, code, message, candidates }) {
    super(message);
    this.status = status;
    this.code = code;
    this.candidates = Array.isArray(candidates) ? candidates : [];
  }
}

// GET path?params; arrays repeat their parameter, empty values are left out.
async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') query.append(key, String(one));
    }
  }
  const url = query.toString() ? `${path}?${query}` : path;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (err) {
    throw new ApiError({ code: 'network', message: `the diplograph server cannot be reached (${err.message})` });
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: reported below with the HTTP status.
  }
  if (body && body.error) {
    const e = body.error;
    throw new ApiError({ status: e.status ?? response.status, code: e.code, message: e.message, candidates: e.candidates });
  }
  if (!response.ok || body === null) {
    throw new ApiError({
      status: response.status, code: 'bad_response',
      message: `the server answered ${response.status} ${response.statusText} without a readable JSON body`,
    });
  }
  return body;
}

// Each kind of request keeps a ticket so that a slow answer to an older request is dropped.
function ticketer() {
  let current = 0;
  return { take: () => ++current, valid: (ticket) => ticket === current };
}

// ----------------------------------------------------------------- status area

function showStatus(text, kind = 'info') {
  $('status').hidden = false;
  $('status').dataset.kind = kind;
  $('status-text').textContent = text;
  $('status-choices').replaceChildren();
}

function clearStatus() {
  $('status').hidden = true;
  $('status-text').textContent = '';
  $('status-choices').replaceChildren();
}

// Says what failed in words; an ambiguous name lists its candidates, each a choice that
// calls onPick(entity).
function reportError(err, context, onPick) {
  const message = err instanceof ApiError ? err.message : `an unexpected fault in the page (${err.message})`;
  showStatus(`${context}: ${message}.`, 'error');
  if (err.code === 'ambiguous_entity' && err.candidates.length && onPick) {
    // The server's message lists the candidates too; here they are buttons instead.
    $('status-text').textContent = `${context}: the name means ${err.candidates.length} entities. Pick one:`;
    for (const candidate of err.candidates) {
      const entity = candidate.entity ?? candidate;
      const button = el('button', { type: 'button', 'data-testid': 'candidate' },
        el('bdi', { text: entityLabel(entity) }),
        ` (${entity.type}, ${entity.id}${candidate.degree !== undefined ? `, ${plural(candidate.degree, 'statement')}` : ''})`);
      button.addEventListener('click', () => {
        clearStatus();
        onPick(entity);
      });
      $('status-choices').append(el('li', {}, button));
    }
  }
  if (!(err instanceof ApiError)) console.error(err);
}

// ------------------------------------------------------------- view and filters

// The graph's view lives in the location hash, so reload, back and forward work:
// #entity=ID&depth=2&from=2020&to=2024&p=met,visited ("p=" with nothing: no predicate).
function readView() {
  const params = new URLSearchParams(location.hash.slice(1));
  const depth = Number(params.get('depth'));
  const p = params.get('p');
  return {
    entity: params.get('entity') ?? '',
    depth: depth >= 1 && depth <= 3 ? Math.trunc(depth) : 1,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    predicates: p === null ? null : p.split(',').filter(Boolean),
  };
}

function viewHash(view) {
  const params = new URLSearchParams();
  if (view.entity) params.set('entity', view.entity);
  if (view.depth !== 1) params.set('depth', String(view.depth));
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (view.predicates) params.set('p', view.predicates.join(','));
  return `#${params}`;
}

function navigate(changes) {
  const hash = viewHash({ ...readView(), ...changes });
  if (hash === (location.hash || '#')) loadView();
  else location.hash = hash; // the hashchange listener loads it
}

// The API's filter parameters for a view; the predicate toggles only when `withPredicates`.
function filterParams(view, withPredicates = true) {
  return {
    from: view.from,
    to: view.to,
    predicate: withPredicates && view.predicates ? view.predicates : undefined,
  };
}

let allPredicates = []; // from /api/stats

function syncControls(view) {
  $('depth').value = String(view.depth);
  $('date-from').value = view.from;
  $('date-to').value = view.to;
  const on = new Set(view.predicates ?? allPredicates);
  for (const box of $('predicate-list').querySelectorAll('input')) box.checked = on.has(box.value);
  const count = allPredicates.filter((p) => on.has(p)).length;
  $('predicates-summary').textContent = view.predicates
    ? `Predicates (${count} of ${allPredicates.length})` : `Predicates (all ${allPredicates.length})`;
}

function onPredicatesChanged() {
  const checked = [...$('predicate-list').querySelectorAll('input:checked')].map((box) => box.value);
  navigate({ predicates: checked.length === allPredicates.length ? null : checked });
}

function onDateChanged(event) {
  const input = event.target;
  const value = input.value.trim();
  if (value && !DATE_RE.test(value)) {
    showStatus(`“${value}” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.`, 'error');
    input.setAttribute('aria-invalid', 'true');
    return;
  }
  input.removeAttribute('aria-invalid');
  navigate(input.id === 'date-from' ? { from: value } : { to: value });
}

async function loadStats() {
  try {
    const stats = await api('/api/stats');
    $('store-info').textContent = `${number.format(stats.articles)} articles · ${number.format(stats.statements)} statements · ${number.format(stats.entities)} entities`;
    allPredicates = Object.keys(stats.predicates ?? {}).sort();
    $('predicate-list').replaceChildren(...allPredicates.map((p) => el('li', {},
      el('label', {},
        el('input', { type: 'checkbox', value: p, 'data-testid': `predicate-${p}` }),
        ` ${p} `,
        el('span', { class: 'count', text: number.format(stats.predicates[p]) })))));
  } catch (err) {
    reportError(err, 'The store’s counts could not be read');
  }
}

// ----------------------------------------------------------------------- graph

let cy = null;
const graph = {
  view: null, // the view drawn
  center: null, // the centre entity, as the API named it
  nextOffset: 0,
  more: false,
  neighbours: 0,
  // A large graph draws one edge per pair of entities, whatever their predicates: a hub's
  // neighbours joined by several predicates each would otherwise bring tens of thousands of
  // edges, and every click would redraw them all.
  merged: false,
  tiesOmitted: 0, // statements between neighbours the server left out (docs/API.md)
};
const graphTickets = ticketer();

function edgeId(subject, predicate, object) {
  return `e${JSON.stringify([subject, predicate, object])}`;
}

function pairId(a, b) {
  return `p${JSON.stringify(a < b ? [a, b] : [b, a])}`;
}

// The id of the edge the main graph draws a statement as.
function drawnEdgeId(subject, predicate, object) {
  return graph.merged ? pairId(subject, object) : edgeId(subject, predicate, object);
}

// "met ×3" for one predicate; "5 statements: met, invited…" for a merged pair.
function mergedLabel(predicates) {
  const names = Object.keys(predicates);
  const total = names.reduce((sum, name) => sum + predicates[name], 0);
  if (names.length === 1) return edgeLabel(names[0], total);
  names.sort((x, y) => predicates[y] - predicates[x]);
  return `${plural(total, 'statement')}: ${names.slice(0, 2).join(', ')}${names.length > 2 ? '…' : ''}`;
}

function graphStyle(large) {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)', label: 'data(label)', width: 16, height: 16,
        'font-size': 11, 'min-zoomed-font-size': large ? 10 : 7, color: '#1d232a',
        'text-valign': 'bottom', 'text-margin-y': 3,
        'text-outline-color': '#ffffff', 'text-outline-width': 2,
      },
    },
    {
      selector: 'node.center',
      style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#1d232a', 'font-size': 13, 'font-weight': 'bold' },
    },
    {
      selector: 'edge',
      style: {
        width: 'mapData(count, 1, 10, 1.2, 5)', 'line-color': '#a7b0ba',
        // Haystack edges are the cheapest to draw; bezier ones keep parallel edges apart.
        'curve-style': large ? 'haystack' : 'bezier',
        'target-arrow-shape': large ? 'none' : 'triangle', 'target-arrow-color': '#a7b0ba', 'arrow-scale': 0.8,
        label: 'data(label)', 'font-size': 9, 'min-zoomed-font-size': large ? 12 : 8,
        color: '#4a525c', 'text-rotation': 'autorotate',
        'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
      },
    },
    { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#f08c00' } },
    { selector: 'edge:selected', style: { 'line-color': '#f08c00', 'target-arrow-color': '#f08c00', width: 4 } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#d6336c' } },
    { selector: 'edge.on-path', style: { 'line-color': '#d6336c', 'target-arrow-color': '#d6336c', width: 4 } },
    { selector: 'edge.playing', style: { 'line-color': '#0c8599', 'target-arrow-color': '#0c8599', width: 6, 'z-index': 10 } },
  ];
}

function newGraph(large) {
  if (cy) cy.destroy();
  cy = cytoscape({
    container: $('graph-canvas'),
    style: graphStyle(large),
    minZoom: 0.02,
    maxZoom: 4,
    boxSelectionEnabled: false,
    // Large graphs hide their edges while the view moves and redraw the nodes from
    // Cytoscape's per-element caches. Its whole-graph bitmap (textureOnViewport) costs more:
    // rendering it froze the first pan for 250 ms and each wheel zoom for 30 to 170 ms
    // (bench/bench_workspace.mjs).
    textureOnViewport: false,
    hideEdgesOnViewport: large,
    pixelRatio: large ? 1 : 'auto',
  });
  window.cy = cy; // read by tests/browser/workspace_test.mjs
  cy.on('tap', 'edge', (event) => showEvidence(event.target));
  cy.on('tap', 'node', (event) => showEntity(event.target.data('entity')));
}

function nodeData(entity, depth) {
  return {
    group: 'nodes',
    classes: depth === 0 ? 'center' : '',
    data: { id: entity.id, label: entityLabel(entity), type: typeOf(entity), color: TYPES[typeOf(entity)].color, depth, entity },
  };
}

// Adds a page of neighbours: their nodes, and one edge per (subject, predicate, object) of
// their links and of the page's ties (statements between neighbours), labelled with the
// number of statements behind it.
function addNeighbours(items, ties = []) {
  const nodes = [];
  const edges = new Map();
  const count = (subject, predicate, object) => {
    const id = drawnEdgeId(subject, predicate, object);
    const drawn = cy.getElementById(id);
    if (drawn.nonempty()) {
      const predicates = { ...drawn.data('predicates') };
      predicates[predicate] = (predicates[predicate] ?? 0) + 1;
      drawn.data({ count: drawn.data('count') + 1, predicates, label: mergedLabel(predicates) });
    } else if (edges.has(id)) {
      const { data } = edges.get(id);
      data.count += 1;
      data.predicates[predicate] = (data.predicates[predicate] ?? 0) + 1;
    } else {
      edges.set(id, {
        group: 'edges',
        data: { id, source: subject, target: object, predicate, merged: graph.merged, count: 1, predicates: { [predicate]: 1 } },
      });
    }
  };
  for (const item of items) {
    if (cy.getElementById(item.entity.id).empty()) nodes.push(nodeData(item.entity, item.depth));
    for (const link of item.links ?? []) {
      if (link.direction === 'outgoing') count(link.nearer, link.predicate, item.entity.id);
      else count(item.entity.id, link.predicate, link.nearer);
    }
  }
  for (const tie of ties) count(tie.subject, tie.predicate, tie.object);
  for (const edge of edges.values()) edge.data.label = mergedLabel(edge.data.predicates);
  cy.add(nodes);
  // Links and ties reach only entities of this page or earlier ones; the check keeps a
  // server that broke that rule from failing the whole page.
  cy.add([...edges.values()].filter((e) => cy.getElementById(e.data.source).nonempty() && cy.getElementById(e.data.target).nonempty()));
  graph.neighbours += items.length;
}

function edgeLabel(predicate, count) {
  return count > 1 ? `${predicate} ×${count}` : predicate;
}

// Large graphs lie on a sunflower spiral around the centre, in the API's order (nearest
// first, so each depth makes a ring): linear time, and a disc that fits the view where one
// ring of 2,000 nodes would shrink them to dots.
function sunflower(index) {
  const radius = SPIRAL_SPACING * Math.sqrt(index);
  const angle = index * GOLDEN_ANGLE;
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

function runLayout() {
  const order = new Map(cy.nodes().map((node, i) => [node.id(), i]));
  const options = cy.nodes().length > COSE_MAX_NODES
    ? { name: 'preset', positions: (node) => sunflower(order.get(node.id())), padding: 30 }
    : {
      name: 'cose', animate: false, randomize: true, nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 400000, idealEdgeLength: () => 100, gravity: 0.25, padding: 40,
      // Cools in about 130 rounds instead of 700: a quarter second, not one and a half, at 300 nodes.
      coolingFactor: 0.95,
    };
  cy.layout(options).run();
  if (cy.zoom() > FIT_MAX_ZOOM) {
    cy.zoom(FIT_MAX_ZOOM);
    cy.center();
  }
}

// Resolves once the browser has painted the current frame.
function painted() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

async function drawTimed(started, fetched, draw) {
  draw();
  await painted();
  const done = performance.now();
  $('graph-canvas').dataset.fetchMs = String(Math.round(fetched - started));
  $('graph-canvas').dataset.drawMs = String(Math.round(done - fetched));
}

function clearGraph(message) {
  if (cy) cy.destroy();
  cy = null;
  window.cy = null;
  Object.assign(graph, { view: null, center: null, nextOffset: 0, more: false, neighbours: 0 });
  $('graph-empty').hidden = false;
  $('graph-empty').textContent = message;
  $('graph-title').replaceChildren();
  $('graph-count').textContent = '';
  $('graph-more').hidden = true;
  updateExportLinks();
}

function updateGraphBar() {
  $('graph-title').replaceChildren(el('bdi', { text: entityLabel(graph.center) }), ` · depth ${graph.view.depth}`);
  $('graph-count').textContent = `${plural(graph.neighbours, 'neighbour')}, ${plural(cy.edges().length, 'edge')} drawn`
    + (graph.merged ? ' (one per pair)' : '')
    + (graph.tiesOmitted ? ` · ${plural(graph.tiesOmitted, 'statement')} between neighbours left out` : '')
    + (graph.more ? ' · more exist' : '');
  $('graph-more').hidden = !graph.more;
  $('graph-more').textContent = `Show up to ${number.format(NEIGHBOUR_PAGE)} more`;
}

async function loadView() {
  const view = readView();
  syncControls(view);
  if (!view.entity) {
    graphTickets.take();
    clearGraph('Search an actor above to see who it is linked to.');
    return;
  }
  if (view.predicates && view.predicates.length === 0) {
    graphTickets.take();
    clearGraph('No predicate is ticked: tick at least one to draw the graph.');
    showStatus('No predicate is ticked, so there is nothing to draw.', 'info');
    return;
  }
  const ticket = graphTickets.take();
  showStatus(`Opening the neighbourhood of “${view.entity}”…`, 'busy');
  const started = performance.now();
  try {
    const page = await api('/api/neighbors', {
      entity: view.entity, depth: view.depth, ...filterParams(view), limit: NEIGHBOUR_PAGE,
    });
    if (!graphTickets.valid(ticket)) return;
    const fetched = performance.now();
    await drawTimed(started, fetched, () => {
      const large = page.items.length + 1 > COSE_MAX_NODES;
      Object.assign(graph, {
        view, center: page.center, neighbours: 0, more: Boolean(page.more), merged: large, tiesOmitted: page.ties_omitted ?? 0,
      });
      graph.nextOffset = (page.offset ?? 0) + page.items.length;
      newGraph(large);
      cy.add(nodeData(page.center, 0));
      addNeighbours(page.items, page.ties);
      runLayout();
      $('graph-empty').hidden = page.items.length > 0;
      $('graph-empty').textContent = 'No statement links this entity within the filters.';
    });
    if (!graphTickets.valid(ticket)) return;
    // The hash keeps the id from now on: a name can come to mean several entities.
    if (view.entity !== page.center.id) history.replaceState(null, '', viewHash({ ...view, entity: page.center.id }));
    updateGraphBar();
    updateExportLinks();
    prefillActor(page.center);
    clearStatus();
  } catch (err) {
    if (!graphTickets.valid(ticket)) return;
    clearGraph('Nothing to draw.');
    reportError(err, `The neighbourhood of “${view.entity}” could not be opened`, (entity) => navigate({ entity: entity.id }));
  }
}

async function loadMoreNeighbours() {
  const ticket = graphTickets.take();
  const { view } = graph;
  $('graph-more').disabled = true;
  showStatus('Loading more neighbours…', 'busy');
  const started = performance.now();
  try {
    const page = await api('/api/neighbors', {
      entity: graph.center.id, depth: view.depth, ...filterParams(view), offset: graph.nextOffset, limit: NEIGHBOUR_PAGE,
    });
    if (!graphTickets.valid(ticket)) return;
    await drawTimed(started, performance.now(), () => {
      addNeighbours(page.items, page.ties);
      graph.tiesOmitted += page.ties_omitted ?? 0;
      graph.nextOffset += page.items.length;
      graph.more = Boolean(page.more);
      runLayout();
    });
    updateGraphBar();
    clearStatus();
  } catch (err) {
    if (graphTickets.valid(ticket)) reportError(err, 'The next neighbours could not be loaded');
  } finally {
    $('graph-more').disabled = false;
  }
}

function buildLegend() {
  $('legend').replaceChildren(...Object.values(TYPES).map((type) => {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.backgroundColor = type.color;
    return el('li', {}, swatch, type.label);
  }));
}

// ------------------------------------------------------------------------ tabs

function selectTab(name) {
  for (const tab of document.querySelectorAll('#tabs [role=tab]')) {
    const on = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(on));
    $(tab.getAttribute('aria-controls')).hidden = !on;
  }
}

// The path's and the timeline's actor follow the centre until the user types another.
let prefilled = '';
function prefillActor(entity) {
  for (const input of [$('path-a'), $('timeline-entity')]) {
    if (!input.value || input.value === prefilled) input.value = entityLabel(entity);
  }
  prefilled = entityLabel(entity);
}

// ------------------------------------------------------------------ statements

function formatConfidence(value) {
  return typeof value === 'number' ? value.toFixed(2) : '?';
}

function sourceView(source, evidenceText) {
  const parts = [el('bdi', { class: 'publisher', text: source.source || 'unknown source' })];
  if (source.published) parts.push(` · ${source.published}`);
  if (source.url && WEB_URL_RE.test(source.url)) {
    parts.push(' · ', el('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer', class: 'source-url', text: source.url }));
  } else if (source.url) {
    parts.push(' · ', el('bdi', { class: 'source-url', text: source.url }));
  }
  // A source whose own sentence differs from the statement's evidence shows it too.
  if (source.text && source.text !== evidenceText) {
    parts.push(el('q', { class: 'source-text', dir: 'auto', text: source.text }));
  }
  return el('li', { class: 'source', 'data-testid': 'source' }, ...parts);
}

function statementView(s, extra = {}) {
  const evidence = s.evidence?.text ?? '';
  const predicate = el('span', { class: 'predicate' }, s.predicate);
  if (s.role) predicate.append(' (', el('bdi', { text: s.role }), ')');
  const triple = el('p', { class: 'triple', dir: 'ltr' }, entityRef(s.subject), ' ', predicate, ' ', entityRef(s.object));
  if (s.place) triple.append(' in ', entityRef(s.place));
  const sources = s.sources ?? [];
  return el('li', { class: 'statement', 'data-testid': 'statement', 'data-statement-id': s.id, ...extra },
    el('p', { class: 'meta' },
      el('span', { class: s.date ? 'date' : 'date undated', 'data-testid': 'statement-date', text: s.date ?? 'undated' }),
      el('span', { class: `modality modality-${s.modality}`, text: s.modality }),
      el('span', { class: 'confidence', text: `confidence ${formatConfidence(s.confidence)}` })),
    triple,
    el('blockquote', { class: 'evidence', dir: 'auto', 'data-testid': 'evidence-text', text: evidence }),
    sources.length
      ? el('ul', { class: 'sources' }, ...sources.map((source) => sourceView(source, evidence)))
      : el('p', { class: 'sources none', text: 'no source recorded' }));
}

// -------------------------------------------------------------------- evidence

const evidence = { edge: null, nextOffset: 0 };
const evidenceTickets = ticketer();

function showEvidence(edge) {
  selectTab('evidence');
  const { source, target, predicate, merged } = edge.data();
  // A merged edge stands for every statement between its two entities, either way.
  evidence.edge = { source, target, predicate: merged ? undefined : predicate, directed: !merged, view: graph.view };
  const name = (id) => entityLabel(cy.getElementById(id).data('entity'));
  $('evidence-title').replaceChildren(el('bdi', { text: name(source) }), merged ? ' and ' : ` ${predicate} `, el('bdi', { text: name(target) }));
  $('evidence-hint').textContent = 'Loading the statements…';
  $('evidence-list').replaceChildren();
  $('evidence-more').hidden = true;
  evidence.nextOffset = 0;
  loadEvidence();
}

// An edge of a small graph stands for one predicate in one direction (the other way round
// is its own edge): `directed` asks for the statements from its source to its target alone.
// A merged edge asks for all of the pair's.
async function loadEvidence() {
  const ticket = evidenceTickets.take();
  const { source, target, predicate, directed, view } = evidence.edge;
  $('evidence-more').disabled = true;
  try {
    const page = await api('/api/relations', {
      a: source, b: target, directed: directed ? 'true' : undefined, predicate, ...filterParams(view, false),
      offset: evidence.nextOffset, limit: STATEMENT_PAGE,
    });
    if (!evidenceTickets.valid(ticket)) return;
    evidence.nextOffset = (page.offset ?? evidence.nextOffset) + page.items.length;
    for (const s of page.items) $('evidence-list').append(statementView(s));
    const total = $('evidence-list').children.length;
    $('evidence-hint').textContent = total
      ? `${plural(total, 'statement')}${page.more ? ' so far' : ''}, by date.`
      : 'No statement behind this edge passes the filters any more.';
    $('evidence-more').hidden = !page.more;
  } catch (err) {
    if (!evidenceTickets.valid(ticket)) return;
    $('evidence-hint').textContent = 'The statements could not be loaded.';
    reportError(err, 'The evidence could not be loaded');
  } finally {
    $('evidence-more').disabled = false;
  }
}

// ---------------------------------------------------------------------- entity

const entityTickets = ticketer();

async function showEntity(entity) {
  selectTab('entity');
  const ticket = entityTickets.take();
  renderEntity(entity, null);
  try {
    const full = await api('/api/entity', { name: entity.id });
    if (entityTickets.valid(ticket)) renderEntity(full, full.degree);
  } catch (err) {
    if (entityTickets.valid(ticket)) reportError(err, `The entity ${entity.id} could not be read`);
  }
}

function renderEntity(entity, degree) {
  $('entity-hint').hidden = true;
  $('entity-name').textContent = entityLabel(entity);
  const facts = [['Type', TYPES[typeOf(entity)].label], ['Id', entity.id]];
  if (degree !== null) facts.push(['Statements', number.format(degree)]);
  for (const [key, value] of Object.entries(entity.attributes ?? {})) facts.push([key, value]);
  $('entity-facts').replaceChildren(...facts.flatMap(([key, value]) => [el('dt', { text: key }), el('dd', { dir: 'auto', text: value })]));
  $('entity-names-title').hidden = false;
  // The bdi keeps a Persian name right to left without moving its bullet to the right.
  $('entity-names').replaceChildren(...(entity.names ?? []).map((name) => el('li', {}, el('bdi', { dir: 'auto', 'data-testid': 'entity-name-form', text: name }))));
  $('entity-actions').hidden = false;
  $('entity-center').dataset.entityId = entity.id;
  $('entity-timeline').dataset.actor = entity.id;
  $('entity-path-from').dataset.actor = entity.id;
}

// ------------------------------------------------------------------------ path

let pathCy = null;
const pathTickets = ticketer();

// The one entity a name means; an ambiguous one is reported with its candidates, a pick
// putting the candidate's id into `input` and submitting its form again.
async function resolveInto(input) {
  const name = input.value.trim();
  try {
    return await api('/api/entity', { name });
  } catch (err) {
    err.resolving = { input, name };
    throw err;
  }
}

function reportResolveError(err, context) {
  const input = err.resolving?.input;
  reportError(err, err.resolving ? `${context}: “${err.resolving.name}”` : context, input && ((entity) => {
    input.value = entity.id;
    input.form.requestSubmit();
  }));
}

async function findPath(event) {
  event.preventDefault();
  const ticket = pathTickets.take();
  const view = graph.view ?? readView();
  $('path-summary').textContent = 'Looking for the shortest chain…';
  $('path-list').replaceChildren();
  $('path-cy').hidden = true;
  if (cy) cy.elements().removeClass('on-path');
  try {
    const [a, b] = await Promise.all([resolveInto($('path-a')), resolveInto($('path-b'))]);
    const path = await api('/api/path', { a: a.id, b: b.id, ...filterParams(view) });
    if (!pathTickets.valid(ticket)) return;
    clearStatus();
    if (!path.edges.length) {
      $('path-summary').replaceChildren('No chain of statements links ', el('bdi', { text: entityLabel(a) }), ' and ',
        el('bdi', { text: entityLabel(b) }), ' within the filters.');
      return;
    }
    const inGraph = highlightPath(path);
    $('path-summary').replaceChildren(el('bdi', { text: entityLabel(a) }), ' to ', el('bdi', { text: entityLabel(b) }),
      ` in ${plural(path.edges.length, 'step')}`,
      inGraph ? `; ${inGraph} of its ${path.nodes.length} actors are highlighted in the graph.` : '.');
    $('path-list').replaceChildren(...path.edges.map((s, i) => statementView(s, { 'data-step': i + 1 })));
    drawPathGraph(path);
  } catch (err) {
    if (!pathTickets.valid(ticket)) return;
    $('path-summary').textContent = 'No path was found.';
    reportResolveError(err, 'The path could not be found');
  }
}

function pathEdgeData(s) {
  return { group: 'edges', data: { id: edgeId(s.subject.id, s.predicate, s.object.id), source: s.subject.id, target: s.object.id, predicate: s.predicate, count: 1, label: s.predicate } };
}

// Marks the path's actors and statements that the main graph shows; returns how many actors.
function highlightPath(path) {
  if (!cy) return 0;
  let shown = 0;
  for (const node of path.nodes) {
    const drawn = cy.getElementById(node.id);
    if (drawn.nonempty()) {
      drawn.addClass('on-path');
      shown += 1;
    }
  }
  for (const s of path.edges) cy.getElementById(drawnEdgeId(s.subject.id, s.predicate, s.object.id)).addClass('on-path');
  return shown;
}

// The chain zigzags down from the first actor named, its two ends in bold.
function drawPathGraph(path) {
  const last = path.nodes.length - 1;
  $('path-cy').hidden = false;
  $('path-cy').style.height = `${path.nodes.length * 70 + 40}px`;
  if (pathCy) pathCy.destroy();
  pathCy = cytoscape({
    container: $('path-cy'),
    style: graphStyle(false),
    elements: [
      ...path.nodes.map((node, i) => nodeData(node, i === 0 || i === last ? 0 : 1)),
      ...path.edges.map(pathEdgeData),
    ],
    maxZoom: FIT_MAX_ZOOM,
    boxSelectionEnabled: false,
    userZoomingEnabled: false,
  });
  pathCy.layout({
    name: 'preset', padding: 24,
    positions: Object.fromEntries(path.nodes.map((node, i) => [node.id, { x: (i % 2) * 160, y: i * 70 }])),
  }).run();
  pathCy.on('tap', 'node', (event) => showEntity(event.target.data('entity')));
  window.pathCy = pathCy;
}

// -------------------------------------------------------------------- timeline

const timeline = { entity: null, with: null, view: null, items: [], nextOffset: 0, more: false, position: -1, run: 0, timer: null };
const timelineTickets = ticketer();

async function loadTimeline(event) {
  event.preventDefault();
  pause();
  const ticket = timelineTickets.take();
  $('timeline-summary').textContent = 'Loading the timeline…';
  $('timeline-list').replaceChildren();
  $('player').hidden = true;
  $('timeline-more').hidden = true;
  try {
    const withName = $('timeline-with').value.trim();
    const [entity, other] = await Promise.all([resolveInto($('timeline-entity')), withName ? resolveInto($('timeline-with')) : null]);
    if (!timelineTickets.valid(ticket)) return;
    Object.assign(timeline, { entity, with: other, view: graph.view ?? readView(), items: [], nextOffset: 0, more: false, position: -1 });
    await loadTimelinePage(ticket);
  } catch (err) {
    if (!timelineTickets.valid(ticket)) return;
    $('timeline-summary').textContent = 'The timeline could not be loaded.';
    reportResolveError(err, 'The timeline could not be loaded');
  }
}

async function loadTimelinePage(ticket) {
  const page = await api('/api/timeline', {
    entity: timeline.entity.id, with: timeline.with?.id, ...filterParams(timeline.view),
    offset: timeline.nextOffset, limit: STATEMENT_PAGE,
  });
  if (!timelineTickets.valid(ticket)) return;
  clearStatus();
  const first = timeline.items.length;
  timeline.items.push(...page.items);
  timeline.nextOffset = (page.offset ?? timeline.nextOffset) + page.items.length;
  timeline.more = Boolean(page.more);
  $('timeline-list').append(...page.items.map((s, i) => statementView(s, { 'data-index': first + i })));
  const subject = [el('bdi', { text: entityLabel(timeline.entity) })];
  if (timeline.with) subject.push(' with ', el('bdi', { text: entityLabel(timeline.with) }));
  const shown = timeline.items.length;
  const count = page.total !== undefined && page.total !== shown ? `${number.format(shown)} of ${plural(page.total, 'statement')}` : plural(shown, 'statement');
  $('timeline-summary').replaceChildren(...subject,
    shown ? `: ${count}, by date, undated last.` : ': no statement within the filters.');
  $('timeline-more').hidden = !timeline.more;
  $('player').hidden = timeline.items.length === 0;
  $('timeline-slider').max = String(Math.max(0, timeline.items.length - 1));
  updatePosition();
}

function updatePosition() {
  const known = `${number.format(timeline.items.length)}${timeline.more ? '+' : ''}`;
  $('timeline-position').textContent = timeline.position < 0 ? `– / ${known}` : `${timeline.position + 1} / ${known}`;
}

function moveTo(index) {
  const list = $('timeline-list');
  list.querySelector('.current')?.classList.remove('current');
  timeline.position = index;
  const item = list.children[index];
  item.classList.add('current');
  item.scrollIntoView({ block: 'nearest' });
  $('timeline-slider').value = String(index);
  updatePosition();
  if (cy) {
    cy.edges('.playing').removeClass('playing');
    const s = timeline.items[index];
    cy.getElementById(drawnEdgeId(s.subject.id, s.predicate, s.object.id)).addClass('playing');
  }
}

async function step() {
  const next = timeline.position + 1;
  if (next >= timeline.items.length && timeline.more) {
    try {
      await loadTimelinePage(timelineTickets.take());
    } catch (err) {
      pause();
      reportError(err, 'The next statements of the timeline could not be loaded');
      return;
    }
  }
  if (next < timeline.items.length) moveTo(next);
  else pause();
}

// Each press of Play starts a run; a run stops when Pause (or a new timeline) starts another.
function play() {
  if (timeline.position >= timeline.items.length - 1 && !timeline.more) timeline.position = -1;
  $('timeline-play').textContent = 'Pause';
  $('timeline-play').setAttribute('aria-pressed', 'true');
  const run = ++timeline.run;
  const tick = async () => {
    await step();
    if (run === timeline.run) timeline.timer = setTimeout(tick, PLAY_STEP_MS);
  };
  tick();
}

function pause() {
  timeline.run += 1;
  clearTimeout(timeline.timer);
  timeline.timer = null;
  $('timeline-play').textContent = 'Play';
  $('timeline-play').setAttribute('aria-pressed', 'false');
}

function playing() {
  return $('timeline-play').getAttribute('aria-pressed') === 'true';
}

// ---------------------------------------------------------------------- export

function updateExportLinks() {
  const view = graph.view ?? readView();
  const scope = graph.center
    ? [el('bdi', { text: entityLabel(graph.center) }), ` and everything within ${plural(view.depth, 'hop')}`]
    : ['the whole store'];
  const filtered = view.from || view.to || view.predicates;
  $('export-scope').replaceChildren('What the graph shows: ', ...scope, filtered ? ', with the graph’s filters.' : '.');
  $('export-links').replaceChildren(...EXPORT_FORMATS.map(([format, label, use, extra = {}]) => {
    const query = new URLSearchParams({ format, ...extra });
    if (graph.center) {
      query.set('around', graph.center.id);
      query.set('depth', String(view.depth));
    }
    if (view.from) query.set('from', view.from);
    if (view.to) query.set('to', view.to);
    for (const p of view.predicates ?? []) query.append('predicate', p);
    return el('li', {},
      el('a', {
        href: `/api/export?${query}`, download: true, class: 'export-link',
        'data-testid': ['export', format, extra.part].filter(Boolean).join('-'), text: label,
      }),
      el('span', { class: 'hint', text: ` ${use}` }));
  }));
}

// ----------------------------------------------------------------------- search

const searchTickets = ticketer();
let searchTimer = null;

async function runSearch() {
  clearTimeout(searchTimer);
  const ticket = searchTickets.take();
  const q = $('search-input').value.trim();
  if (!q) {
    $('search-results').hidden = true;
    return;
  }
  try {
    const { items } = await api('/api/search', { q, limit: SEARCH_LIMIT });
    if (searchTickets.valid(ticket)) renderResults(q, items);
  } catch (err) {
    if (!searchTickets.valid(ticket)) return;
    $('search-results').hidden = true;
    reportError(err, 'The search failed');
  }
}

function renderResults(q, items) {
  const list = $('search-results');
  list.hidden = false;
  list.dataset.query = q;
  if (!items.length) {
    list.replaceChildren(el('li', { class: 'no-results', 'data-testid': 'no-results' }, 'No entity has a name containing “', el('bdi', { text: q }), '”.'));
    return;
  }
  list.replaceChildren(...items.map((entity) => {
    const others = (entity.names ?? []).filter((name) => name !== entity.name);
    return el('li', {},
      el('button', { type: 'button', class: 'result', 'data-testid': 'search-result', 'data-entity-id': entity.id },
        el('span', { class: 'swatch', 'data-type': typeOf(entity) }),
        el('bdi', { class: 'result-name', dir: 'auto', text: entityLabel(entity) }),
        el('span', { class: 'result-meta', text: `${TYPES[typeOf(entity)].label} · ${entity.id} · ${plural(entity.degree ?? 0, 'statement')}` }),
        others.length ? el('span', { class: 'result-names', dir: 'auto', text: others.join(' · ') }) : null));
  }));
  for (const swatch of list.querySelectorAll('.swatch')) swatch.style.backgroundColor = TYPES[swatch.dataset.type].color;
}

// ------------------------------------------------------------------------ wiring

function wire() {
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    runSearch();
  });
  $('search-input').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, SEARCH_DELAY_MS);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') $('search-results').hidden = true;
  });
  // Any element with data-entity-id opens that entity's neighbourhood.
  document.addEventListener('click', (event) => {
    const ref = event.target.closest('[data-entity-id]');
    if (ref) {
      $('search-results').hidden = true;
      navigate({ entity: ref.dataset.entityId });
    } else if (!event.target.closest('#search-form')) {
      $('search-results').hidden = true;
    }
  });
  $('status-close').addEventListener('click', clearStatus);

  $('filters').addEventListener('submit', (event) => event.preventDefault());
  $('depth').addEventListener('change', () => navigate({ depth: Number($('depth').value) }));
  $('date-from').addEventListener('change', onDateChanged);
  $('date-to').addEventListener('change', onDateChanged);
  $('predicate-list').addEventListener('change', onPredicatesChanged);
  $('predicates-all').addEventListener('click', () => navigate({ predicates: null }));
  $('predicates-none').addEventListener('click', () => navigate({ predicates: [] }));
  $('graph-more').addEventListener('click', loadMoreNeighbours);
  $('graph-fit').addEventListener('click', () => cy?.fit(undefined, 30));

  for (const tab of document.querySelectorAll('#tabs [role=tab]')) {
    tab.addEventListener('click', () => selectTab(tab.dataset.tab));
  }
  $('evidence-more').addEventListener('click', loadEvidence);
  $('entity-timeline').addEventListener('click', (event) => {
    $('timeline-entity').value = event.currentTarget.dataset.actor;
    $('timeline-with').value = '';
    selectTab('timeline');
    $('timeline-form').requestSubmit();
  });
  $('entity-path-from').addEventListener('click', (event) => {
    $('path-a').value = event.currentTarget.dataset.actor;
    selectTab('path');
    $('path-b').focus();
  });
  $('path-form').addEventListener('submit', findPath);
  $('timeline-form').addEventListener('submit', loadTimeline);
  $('timeline-more').addEventListener('click', async () => {
    try {
      await loadTimelinePage(timelineTickets.take());
    } catch (err) {
      reportError(err, 'The next statements of the timeline could not be loaded');
    }
  });
  $('timeline-play').addEventListener('click', () => (playing() ? pause() : play()));
  $('timeline-slider').addEventListener('input', () => moveTo(Number($('timeline-slider').value)));

  window.addEventListener('hashchange', loadView);
}

async function start() {
  if (typeof cytoscape !== 'function') {
    showStatus('The graph library (/vendor/cytoscape.min.js) did not load, so no graph can be drawn.', 'error');
    return;
  }
  wire();
  buildLegend();
  selectTab('evidence');
  await loadStats();
  loadView();
}

start();
