// The route explorer: search an entity (GraphQL search), draw its supply routes, investments, offtakes and
// agreements as a graph (cytoscape), colour every node by its country with the avoided countries
// highlighted, and show a fact's sources (document, line, quote) when it is clicked. Every read is a
// GraphQL query to this service; nothing comes from the internet.
'use strict';

const GRAPHQL = '/graphql';

const CLAIMS = 'claims { source { id name kind } line quote statement }';

// Claims are loaded when a node or link is clicked, so that drawing a big neighbourhood stays cheap.
const EVIDENCE = `query evidence($id: ID!) {
  node(id: $id) { __typename id name ... on Evidenced { ${CLAIMS} } }
}`;

// a deposit's or an organization's country may be null and a facility's may not: one response name for
// fields of different nullability would not validate, so the nullable ones get their own names
const SITE = '__typename ... on Deposit { id name inCountry: country { id } } ... on Facility { id name stage country { id } }';
const ORGANIZATION = 'id name basedIn: country { id }';

const OFFTAKE = `id name volume unit
  buyers { ${ORGANIZATION} } sellers { ${ORGANIZATION} }
  route { countries stages { order stage country site { ${SITE} } } }`;

const INVESTMENT = `id name amount currency
  investors { __typename ... on Organization { ${ORGANIZATION} } ... on Country { id name } }
  target { ... on Organization { ${ORGANIZATION} } ${SITE} }`;

const AGREEMENT = 'id name parties { party { __typename ... on Country { id name } ... on Organization { ' + ORGANIZATION + ' } } }';

const page = (field, args, fields) => `${field}(${args}) { edges { node { ${fields} } } }`;

// What to draw around each kind of entity: one small query per list, each within the service's time limit
// on its own. Offtakes are read a page at a time and kept where the entity takes part, since the offtake
// list cannot yet be filtered by seller or by site.
const OFFTAKES_PAGE = `query { ${page('offtakes', 'first: 100', OFFTAKE)} }`;
const INVESTED_IN = `query($id: ID!) { ${page('investedIn: investments', 'filter: {target: $id}, first: 50', INVESTMENT)} }`;
const NEIGHBOURHOOD = {
  Organization: [
    `query($id: ID!) { organization(id: $id) { ${ORGANIZATION} investments { ${INVESTMENT} } } }`,
    INVESTED_IN,
    OFFTAKES_PAGE,
    `query($id: ID!) { ${page('agreements', 'filter: {party: $id}, first: 50', AGREEMENT)} }`,
  ],
  Country: [
    OFFTAKES_PAGE,
    `query($code: CountryCode!) { ${page('investedIn: investments', 'filter: {investorCountry: $code}, first: 50', INVESTMENT)} }`,
    `query($id: ID!) { ${page('agreements', 'filter: {party: $id}, first: 50', AGREEMENT)} }`,
  ],
  Mineral: [
    `query($id: ID!) { ${page('offtakes', 'filter: {mineral: $id}, first: 100', OFFTAKE)} }`,
    `query($id: ID!) { ${page('investedIn: investments', 'filter: {mineral: $id}, first: 50', INVESTMENT)} }`,
    `query($id: ID!) { ${page('agreements', 'filter: {mineral: $id}, first: 50', AGREEMENT)} }`,
  ],
  Site: [OFFTAKES_PAGE, INVESTED_IN],
  Offtake: [`query($id: ID!) { offtake(id: $id) { ${OFFTAKE} } }`],
  Investment: [`query($id: ID!) { investment(id: $id) { ${INVESTMENT} } }`],
  Agreement: [`query($id: ID!) { agreement(id: $id) { ${AGREEMENT} } }`],
};

/** The variables a query declares, from those of the entity. */
function variablesFor(query, all) {
  return Object.fromEntries(Object.entries(all).filter(([name]) => query.includes('$' + name + ':')));
}

async function graphql(query, variables, attempt = 1) {
  const response = await fetch(GRAPHQL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors && body.errors.length) {
    if (attempt < 3 && body.errors.some(e => e.extensions && e.extensions.code === 'TIMEOUT')) {
      setStatus('The service is slow to answer; trying again …');
      return graphql(query, variables, attempt + 1);
    }
    throw new Error([...new Set(body.errors.map(e => e.message))].join('; '));
  }
  return body.data;
}

// ---------------------------------------------------------------------------------------------------
// Drawing

const cy = cytoscape({
  container: document.getElementById('graph'),
  style: [
    { selector: 'node', style: {
      label: 'data(label)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 120, 'text-valign': 'bottom', 'text-margin-y': 4,
      'background-color': 'data(colour)', 'border-width': 1, 'border-color': '#555', width: 26, height: 26 } },
    { selector: 'node[kind = "Offtake"]', style: { shape: 'diamond' } },
    { selector: 'node[kind = "Investment"]', style: { shape: 'round-rectangle' } },
    { selector: 'node[kind = "Agreement"]', style: { shape: 'hexagon' } },
    { selector: 'node[kind = "Deposit"]', style: { shape: 'triangle' } },
    { selector: 'node[kind = "Facility"]', style: { shape: 'square' } },
    { selector: 'node[kind = "Country"]', style: { shape: 'ellipse', width: 18, height: 18 } },
    { selector: 'node.focus', style: { 'border-width': 4, 'border-color': '#1f3b4d', width: 34, height: 34 } },
    { selector: 'node.avoided', style: { 'border-width': 5, 'border-color': '#d00', color: '#d00' } },
    { selector: 'edge', style: {
      width: 2, 'line-color': '#9aa', 'target-arrow-color': '#9aa', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
      label: 'data(label)', 'font-size': 8, color: '#667', 'text-rotation': 'autorotate' } },
    { selector: 'edge[kind = "route"]', style: { width: 3, 'line-color': '#2a7', 'target-arrow-color': '#2a7' } },
    { selector: 'edge.avoided', style: { 'line-color': '#d00', 'target-arrow-color': '#d00' } },
    { selector: ':selected', style: { 'overlay-opacity': 0.2, 'overlay-color': '#1f3b4d' } },
  ],
});

// Distinct colours for the countries of a drawing, given out in the order of their codes.
const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7', '#9c755f', '#bab0ac', '#86bcb6',
  '#d37295', '#a0cbe8'];
let countryColours = new Map();

function colour(country) {
  return country ? countryColours.get(country) || '#bbb' : '#e8e8e8';
}

function avoidedCountries() {
  return document.getElementById('avoid').value.toUpperCase().split(/[\s,;]+/).filter(Boolean);
}

class Drawing {
  constructor() {
    this.nodes = new Map();
    this.edges = new Map();
  }

  node(id, name, kind, country, fact) {
    if (!id) {
      return;
    }
    const known = this.nodes.get(id);
    if (known) {
      known.country = known.country || country;
      return;
    }
    this.nodes.set(id, { id, label: name || id, kind, country: country || null, fact: fact || id });
  }

  edge(from, to, label, kind, fact) {
    if (!from || !to) {
      return;
    }
    const id = `${from}>${to}:${label}`;
    if (!this.edges.has(id)) {
      this.edges.set(id, { id, source: from, target: to, label, kind: kind || 'fact', fact });
    }
  }

  organization(o) {
    this.node(o.id, o.name, 'Organization', o.basedIn && o.basedIn.id);
  }

  offtake(o) {
    this.node(o.id, o.name, 'Offtake', null);
    o.sellers.forEach(s => { this.organization(s); this.edge(s.id, o.id, 'sells', 'fact', o.id); });
    o.buyers.forEach(b => { this.organization(b); this.edge(o.id, b.id, 'buys', 'fact', o.id); });
    let previous = null;
    for (const stage of o.route.stages) {
      const site = stage.site;
      this.node(site.id, `${site.name}\n(${stage.stage})`, site.__typename || (stage.stage === 'MINING' ? 'Deposit' : 'Facility'), stage.country);
      if (previous) {
        this.edge(previous, site.id, 'supplies', 'route', o.id);
      }
      previous = site.id;
    }
    if (previous) {
      this.edge(previous, o.id, 'route', 'route', o.id);
    }
  }

  investment(i) {
    this.node(i.id, i.name, 'Investment', null);
    i.investors.forEach(x => {
      this.node(x.id, x.name, x.__typename, countryOf(x));
      this.edge(x.id, i.id, 'invests', 'fact', i.id);
    });
    const t = i.target;
    if (t) {
      this.node(t.id, t.name, t.__typename, countryOf(t));
      this.edge(i.id, t.id, 'in', 'fact', i.id);
    }
  }

  agreement(a) {
    this.node(a.id, a.name, 'Agreement', null);
    a.parties.forEach(p => {
      const x = p.party;
      this.node(x.id, x.name, x.__typename, countryOf(x));
      this.edge(a.id, x.id, 'party', 'fact', a.id);
    });
  }
}

/** The country code of a country, an organization (where based) or a site (where it lies). */
function countryOf(x) {
  const country = x.__typename === 'Country' ? x : x.basedIn || x.inCountry || x.country;
  return country ? country.id : null;
}

const edgesOf = connection => (connection ? connection.edges.map(e => e.node) : []);

/** Whether the entity takes part in the offtake: buys, sells, supplies it, or (a country) hosts a stage or a buyer. */
function involves(offtake, id, kind) {
  if (kind === 'Country') {
    return offtake.route.countries.includes(id) || offtake.buyers.some(b => b.basedIn && b.basedIn.id === id);
  }
  return offtake.buyers.some(b => b.id === id) || offtake.sellers.some(s => s.id === id)
    || offtake.route.stages.some(s => s.site && s.site.id === id);
}

async function explore(id) {
  document.body.dataset.state = 'loading';
  setStatus(`Loading ${id} …`);
  try {
    const found = (await graphql('query($id: ID!) { node(id: $id) { __typename id name } }', { id })).node;
    if (!found) {
      throw new Error(`Nothing has the id ${id}.`);
    }
    const kind = found.__typename;
    const queries = NEIGHBOURHOOD[kind === 'Deposit' || kind === 'Facility' ? 'Site' : kind] || [];
    const drawing = new Drawing();
    drawing.node(found.id, found.name, kind, kind === 'Country' ? found.id : null);
    if (queries.length) {
      const data = {};
      for (const query of queries) {
        Object.assign(data, await graphql(query, variablesFor(query, { id, code: id })));
      }
      if (data.organization) {
        drawing.organization(data.organization);
        data.organization.investments.forEach(i => drawing.investment(i));
      }
      const offtakes = data.offtake ? [data.offtake] : edgesOf(data.offtakes);
      offtakes.filter(o => kind === 'Mineral' || kind === 'Offtake' || involves(o, id, kind)).forEach(o => drawing.offtake(o));
      edgesOf(data.investedIn).forEach(i => drawing.investment(i));
      if (data.investment) {
        drawing.investment(data.investment);
      }
      edgesOf(data.agreements).forEach(a => drawing.agreement(a));
      if (data.agreement) {
        drawing.agreement(data.agreement);
      }
    }
    draw(drawing, id);
    setStatus(`${found.name} (${kind}): ${drawing.nodes.size} nodes, ${drawing.edges.size} links. Click one for its sources.`);
    history.replaceState(null, '', `?id=${encodeURIComponent(id)}`);
    document.body.dataset.state = 'ready';
  } catch (e) {
    setStatus(`Could not load ${id}: ${e.message}`);
    document.body.dataset.state = 'error';
  }
}

function draw(drawing, focus) {
  const countries = [...new Set([...drawing.nodes.values()].map(n => n.country).filter(Boolean))].sort();
  countryColours = new Map(countries.map((code, i) => [code, PALETTE[i % PALETTE.length]]));
  cy.elements().remove();
  cy.add([...drawing.nodes.values()].map(n => ({ group: 'nodes', data: { ...n, colour: colour(n.country) } })));
  cy.add([...drawing.edges.values()].filter(e => drawing.nodes.has(e.source) && drawing.nodes.has(e.target))
    .map(e => ({ group: 'edges', data: e })));
  cy.getElementById(focus).addClass('focus');
  highlightAvoided();
  cy.layout({ name: 'breadthfirst', directed: true, spacingFactor: 1.15, padding: 30, animate: false }).run();
  legend();
}

function highlightAvoided() {
  const avoid = avoidedCountries();
  cy.nodes().forEach(n => n.toggleClass('avoided', avoid.includes(n.data('country'))));
  cy.edges().forEach(e => e.toggleClass('avoided', e.data('kind') === 'route' && e.target().hasClass('avoided')));
  legend();
}

function legend() {
  const avoid = avoidedCountries();
  const countries = [...new Set(cy.nodes().map(n => n.data('country')).filter(Boolean))].sort();
  const element = document.getElementById('legend');
  element.replaceChildren(...countries.map(code => {
    const item = document.createElement('span');
    item.className = avoid.includes(code) ? 'avoided' : '';
    const dot = document.createElement('i');
    dot.style.background = colour(code);
    item.append(dot, document.createTextNode(code + (avoid.includes(code) ? ' (avoided)' : '')));
    return item;
  }));
}

// ---------------------------------------------------------------------------------------------------
// Sources of the clicked fact

async function showEvidence(element) {
  const details = document.getElementById('details');
  const fact = element.data('fact');
  details.dataset.state = 'loading';
  details.replaceChildren(paragraph('Loading the sources …', 'hint'));
  try {
    const node = (await graphql(EVIDENCE, { id: fact })).node;
    const title = document.createElement('h2');
    title.textContent = node ? `${node.name} (${node.__typename})` : fact;
    const items = [title];
    if (element.isEdge()) {
      items.push(paragraph(`Link “${element.data('label')}”: ${element.source().data('label')} → ${element.target().data('label')}, part of this fact.`, 'hint'));
    }
    const claims = node && node.claims ? node.claims : [];
    if (!claims.length) {
      items.push(paragraph('No sources are recorded for this.', 'hint'));
    }
    for (const claim of claims) {
      const box = document.createElement('div');
      box.className = 'claim';
      const source = document.createElement('div');
      source.className = 'source';
      source.textContent = `${claim.source.id}${claim.line ? `, line ${claim.line}` : ''} · ${claim.source.name} (${claim.source.kind})`;
      box.append(source);
      if (claim.quote) {
        const quote = document.createElement('q');
        quote.textContent = claim.quote;
        box.append(quote);
      }
      if (claim.statement) {
        box.append(paragraph(claim.statement));
      }
      items.push(box);
    }
    details.replaceChildren(...items);
    details.dataset.state = 'ready';
    details.dataset.fact = fact;
  } catch (e) {
    details.replaceChildren(paragraph(`Could not load the sources: ${e.message}`));
    details.dataset.state = 'error';
  }
}

function paragraph(text, className) {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) {
    p.className = className;
  }
  return p;
}

function setStatus(text) {
  document.getElementById('status').textContent = text;
}

// ---------------------------------------------------------------------------------------------------
// Search

async function search(text) {
  const results = document.getElementById('results');
  results.dataset.state = 'loading';
  try {
    const hits = (await graphql('query($text: String!) { search(text: $text, first: 15) { type score entity { id name } } }', { text })).search;
    results.replaceChildren(...(hits.length ? hits.map(hit => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = hit.entity.id;
      button.textContent = hit.entity.name;
      const small = document.createElement('small');
      small.textContent = `${hit.type} · ${hit.entity.id}`;
      button.append(small);
      button.addEventListener('click', () => explore(hit.entity.id));
      return button;
    }) : [paragraph(`Nothing found for “${text}”.`, 'hint')]));
    results.dataset.state = 'ready';
  } catch (e) {
    results.replaceChildren(paragraph(`Search failed: ${e.message}`));
    results.dataset.state = 'error';
  }
}

document.getElementById('search').addEventListener('submit', event => {
  event.preventDefault();
  const text = document.getElementById('search-text').value.trim();
  if (text) {
    search(text);
  }
});
document.getElementById('avoid').addEventListener('input', highlightAvoided);
cy.on('tap', 'node, edge', event => showEvidence(event.target));

// For tests and the curious: what is drawn, where on the canvas.
window.cmgExplorer = {
  nodes: () => cy.nodes().map(n => ({ id: n.id(), kind: n.data('kind'), country: n.data('country'), avoided: n.hasClass('avoided') })),
  edges: () => cy.edges().map(e => ({ source: e.source().id(), target: e.target().id(), label: e.data('label'), avoided: e.hasClass('avoided') })),
  position: id => cy.getElementById(id).renderedPosition(),
};

const initial = new URLSearchParams(location.search).get('id');
if (initial) {
  explore(initial);
}
