// The jcors demo page. The tutorial comes first: a request blocked, the fix applied to the running
// API, the same request allowed. Then each button makes one cross-origin fetch() to the API and
// shows what the browser sent (from the API's request log, read through this page's own origin),
// what came back, whether the browser let the page read it, and what `jcors check` says about it.
'use strict';

let config;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  }
  return node;
}

// Text with `code` spans, as jcors check writes it, as nodes.
function prose(text) {
  return String(text).split('`').map((part, i) => (i % 2 ? el('code', {}, part) : part));
}

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) throw new Error(path + ' answered ' + response.status);
  return response.json();
}

// A header value that may wrap at a space or after a comma, never inside a word or a URL.
function wrappable(value) {
  const span = el('span', { class: 'value' });
  String(value).split(/( +)/).forEach((word, i) => {
    if (i % 2) {
      span.append(word);
      return;
    }
    word.split(',').forEach((part, j) => {
      if (j > 0) span.append(',', el('wbr'));
      if (part) span.append(el('span', {}, part));
    });
  });
  return span;
}

// An HTTP message as text lines; CORS headers stand out. A long line wraps after "Name: " and
// continues indented.
function http(startLine, headers) {
  const pre = el('pre', { class: 'http' }, el('span', { class: 'line start' }, startLine));
  for (const [name, value] of headers) {
    const cors = /^(origin|access-control-|vary)/i.test(name);
    pre.append(el('span', { class: cors ? 'line cors' : 'line' },
      el('span', { class: 'name' }, name + ':'), ' ', wrappable(value)));
  }
  return pre;
}

function exchangeView(entry) {
  const response = entry.status
    ? http('HTTP ' + entry.status, Object.entries(entry.response))
    : http('(no answer recorded)', []);
  return el('div', { class: 'exchange' },
    http(entry.method + ' ' + entry.path, Object.entries(entry.request)), response);
}

function preflightStep(scenario, preflight, check) {
  const step = el('div', { class: 'step' }, el('h3', {}, '1. Preflight'));
  if (preflight) {
    step.append(el('p', { class: 'note' },
      'The browser asked the API first, without cookies and without the request body: '
      + '"may ' + config.pageOrigin + ' send ' + scenario.method + ' with these headers?"'));
    step.append(exchangeView(preflight));
  } else if (check && check.preflight && check.preflight.sent) {
    step.append(el('p', { class: 'note cached' },
      'None this time: the browser reused the answer of an earlier preflight from its cache.'));
  } else {
    const reason = check && check.preflight ? check.preflight.reason : 'a simple request';
    step.append(el('p', { class: 'note' }, ...prose('No preflight (' + reason + ').')));
  }
  return step;
}

function requestStep(scenario, actual, preflight) {
  const step = el('div', { class: 'step' }, el('h3', {}, '2. Request'));
  if (actual) {
    const cookies = scenario.credentials ? ' with cookies' : '';
    step.append(el('p', { class: 'note' }, 'The browser sent the ' + scenario.method + cookies
      + '; the API answered:'));
    step.append(exchangeView(actual));
  } else if (preflight) {
    step.append(el('p', { class: 'note' },
      'Never sent: the preflight answer did not allow it, so the API never saw the '
      + scenario.method + '.'));
  } else {
    step.append(el('p', { class: 'note' }, 'The API recorded no request.'));
  }
  return step;
}

function pageStep(browser, actual) {
  const step = el('div', { class: 'step' }, el('h3', {}, '3. In this page'));
  if (browser.resolved) {
    step.append(el('p', { class: 'note verdict-line allowed' },
      'fetch() resolved: the page can read the response (status ' + browser.status + ').'));
    step.append(el('p', { class: 'note' }, 'Body: ', el('code', {}, browser.body || '(empty)')));
    step.append(el('p', { class: 'note' }, 'Headers the page can read: ',
      el('code', {}, browser.headers.map((h) => h[0]).join(', ') || '(none)')));
  } else {
    step.append(el('p', { class: 'note verdict-line blocked' },
      'fetch() rejected: the browser blocked the response.'));
    step.append(el('p', { class: 'note' }, 'The browser\'s error, all the page gets: ',
      el('code', { class: 'browser-error' }, browser.error)));
    const served = actual && actual.status >= 200 && actual.status < 300
      ? 'The API did answer ' + actual.status + ' with its data, but the browser kept it from the page. '
      : '';
    step.append(el('p', { class: 'note' }, served
      + 'The browser\'s developer console names the reason; the page cannot read it.'));
  }
  return step;
}

function checkStep(check, browser) {
  if (!check || check.error) {
    return el('p', { class: 'agree' }, 'jcors check could not run: ' + (check ? check.error : ''));
  }
  const agrees = (check.verdict === 'allowed') === browser.resolved;
  const agreement = agrees ? ' (the browser agrees)' : ' (but the browser decided otherwise!)';
  if (check.verdict === 'allowed') {
    return el('p', { class: 'agree' }, 'jcors check predicted: allowed' + agreement + '.');
  }
  const failure = check.failure || {};
  return el('div', { class: 'why' },
    el('p', {}, el('strong', {}, 'Why (jcors check, rule ' + failure.rule + '): '),
      ...prose(failure.explanation)),
    el('p', {}, el('strong', {}, 'Fix: '), ...prose(failure.fix)),
    el('p', { class: 'agree' }, 'jcors check predicted: blocked' + agreement + '.'));
}

// The page's request, with the browser's default cache mode: a `cache: 'no-store'` fetch would
// also bypass the browser's preflight cache, and the second click would preflight again.
async function browserFetch(scenario) {
  const init = {
    method: scenario.method,
    headers: scenario.headers,
    credentials: scenario.credentials ? 'include' : 'same-origin',
  };
  if (scenario.body !== null) init.body = scenario.body;
  try {
    const response = await fetch(config.apiOrigin + scenario.path, init);
    const body = await response.text();
    return { resolved: true, status: response.status, headers: [...response.headers], body };
  } catch (error) {
    return { resolved: false, error: error.name + ': ' + error.message };
  }
}

// Makes the scenario's request, reads what the API recorded and what jcors check predicts, and
// shows it all in `result`; sets data-* attributes on `holder` for tests.
async function run(scenario, holder, button, badge, result) {
  button.disabled = true;
  holder.dataset.state = 'running';
  badge.className = 'badge running';
  badge.textContent = 'running…';
  try {
    const before = (await getJson('/api-log')).last;
    const browser = await browserFetch(scenario);
    const log = await getJson('/api-log?after=' + before);
    const entries = log.entries.filter((entry) => entry.path === scenario.path);
    const preflight = entries.find((entry) => entry.preflight);
    const actual = entries.find((entry) => !entry.preflight);
    let check;
    try {
      check = await getJson('/explain?scenario=' + encodeURIComponent(scenario.id));
    } catch (error) {
      check = { error: String(error) };
    }
    const outcome = browser.resolved ? 'allowed' : 'blocked';
    badge.className = 'badge ' + outcome;
    badge.textContent = outcome === 'allowed' ? 'ALLOWED' : 'BLOCKED';
    result.replaceChildren(
      preflightStep(scenario, preflight, check),
      requestStep(scenario, actual, preflight),
      pageStep(browser, actual),
      checkStep(check, browser));
    holder.dataset.fetch = browser.resolved ? 'resolved' : 'rejected';
    holder.dataset.check = check.verdict || 'error';
    holder.dataset.preflight = preflight ? 'sent' : 'none';
    holder.dataset.outcome = outcome;
  } catch (error) {
    badge.className = 'badge';
    badge.textContent = 'error';
    result.replaceChildren(el('p', { class: 'note' }, 'The demo failed: ' + error));
    holder.dataset.outcome = 'error';
  } finally {
    holder.dataset.runs = String(Number(holder.dataset.runs || 0) + 1);
    holder.dataset.state = 'done';
    button.disabled = false;
  }
}

function summarize() {
  const cards = [...document.querySelectorAll('.card')];
  const allowed = cards.filter((card) => card.dataset.outcome === 'allowed').length;
  const blocked = cards.filter((card) => card.dataset.outcome === 'blocked').length;
  document.getElementById('summary').textContent =
    allowed + blocked === 0 ? '' : allowed + ' allowed, ' + blocked + ' blocked';
}

// What the request adds to a plain GET: headers, cookies.
function details(scenario) {
  const parts = [];
  const names = Object.keys(scenario.headers);
  if (names.length) parts.push('headers: ' + names.join(', '));
  if (scenario.body !== null) parts.push('JSON body');
  if (scenario.credentials) parts.push("credentials: 'include'");
  return parts.join(' · ');
}

function card(scenario) {
  const button = el('button', { class: 'scenario', type: 'button', 'data-scenario': scenario.id },
    scenario.title);
  const badge = el('span', { class: 'badge' }, '');
  const result = el('div', { class: 'result' });
  const node = el('section', { class: 'card', id: 'scenario-' + scenario.id },
    el('div', { class: 'card-head' }, button, badge,
      el('span', { class: 'expect' }, details(scenario))),
    el('p', { class: 'lesson' }, scenario.lesson),
    result);
  node.run = async () => {
    await run(scenario, node, button, badge, result);
    summarize();
  };
  button.addEventListener('click', node.run);
  return node;
}

// The change of a tutorial step, as a diff: the line before (-) and the lines after (+).
function diff(language, change) {
  const pre = el('pre', { class: 'diff' });
  for (const line of change.before.split('\n')) pre.append(el('span', { class: 'del' }, '- ' + line));
  for (const line of change.after.split('\n')) pre.append(el('span', { class: 'add' }, '+ ' + line));
  return el('div', { class: 'code' }, el('h4', {}, language), pre);
}

// One step of the tutorial: send (blocked), fix the API, send again (allowed), start over.
function tutorialStep(step) {
  const scenario = step.scenario;
  const stage = (n, label) => {
    const button = el('button', { type: 'button', class: 'stage-button' }, label);
    const badge = el('span', { class: 'badge' }, '');
    const result = el('div', { class: 'result' });
    const node = el('li', { class: 'stage', 'data-stage': n },
      el('div', { class: 'stage-head' }, button, badge), result);
    return { node, button, badge, result };
  };
  const before = stage('before', 'Send ' + scenario.title);
  const after = stage('after', 'Send ' + scenario.title + ' again');
  const fixButton = el('button', { type: 'button', class: 'fix' }, 'Enable CORS on the API');
  const fixState = el('span', { class: 'fix-state' });
  const fix = el('li', { class: 'stage', 'data-stage': 'fix' },
    el('div', { class: 'stage-head' }, fixButton, fixState),
    el('p', { class: 'note' },
      'The button makes this change to the route, on the running API: its policy is swapped live '
      + '(in your own API you make the change in the code). Java with jcors, and Express:'),
    el('div', { class: 'codes' }, diff('Java (jcors)', step.java), diff('Express (cors)', step.express)));
  const reset = el('button', { type: 'button', class: 'reset' }, 'Start over');
  const node = el('section', { class: 'tutorial-step', id: 'tutorial-' + step.step },
    el('h3', {}, 'Step ' + step.step + ' · ' + step.title),
    el('p', { class: 'lesson' }, step.lesson),
    el('ol', { class: 'stages' }, before.node, fix, after.node),
    el('p', { class: 'actions' }, reset));

  const show = (fixed) => {
    node.dataset.fixed = String(fixed);
    fixState.textContent = fixed
      ? 'Done: ' + scenario.path + ' now has CORS for this page.'
      : 'Now: ' + scenario.path + ' has no CORS.';
    fixState.className = 'fix-state ' + (fixed ? 'allowed' : 'blocked');
    fixButton.disabled = fixed;
    before.button.disabled = fixed;
    after.button.disabled = !fixed;
  };
  const post = async (action) => {
    const response = await fetch('/tutorial?step=' + step.step + '&action=' + action,
      { method: 'POST', cache: 'no-store' });
    if (!response.ok) throw new Error('/tutorial answered ' + response.status);
    return (await response.json()).fixed;
  };
  const send = async (part) => {
    await run(scenario, part.node, part.button, part.badge, part.result);
    show(node.dataset.fixed === 'true');
  };
  const applyFix = async () => {
    fixButton.disabled = true;
    show(await post('fix'));
  };
  const startOver = async () => {
    for (const part of [before, after]) {
      part.result.replaceChildren();
      part.badge.className = 'badge';
      part.badge.textContent = '';
      delete part.node.dataset.outcome;
    }
    show(await post('reset'));
  };
  before.button.addEventListener('click', () => send(before));
  after.button.addEventListener('click', () => send(after));
  fixButton.addEventListener('click', applyFix);
  reset.addEventListener('click', startOver);
  // The whole step, as #run-all plays it.
  node.play = async () => {
    await startOver();
    await send(before);
    await applyFix();
    await send(after);
  };
  show(step.fixed);
  return node;
}

async function main() {
  config = await getJson('/scenarios');
  document.getElementById('page-origin').textContent = config.pageOrigin;
  document.getElementById('api-origin').textContent = config.apiOrigin;
  const tutorial = document.getElementById('tutorial-steps');
  const steps = config.tutorial.map(tutorialStep);
  for (const node of steps) tutorial.append(node);
  const list = document.getElementById('scenarios');
  const cards = config.scenarios.map(card);
  for (const node of cards) list.append(node);
  const runAll = async () => {
    for (const node of cards) await node.run();
    document.body.dataset.ranAll = 'true';
  };
  document.getElementById('run-all').addEventListener('click', runAll);
  document.body.dataset.ready = 'true';
  // http://localhost:5500/#run-all plays both tutorial steps and runs every button once the page
  // has loaded.
  if (location.hash === '#run-all') {
    for (const node of steps) await node.play();
    await runAll();
  }
}

main().catch((error) => {
  document.getElementById('scenarios').textContent = 'The demo page could not start: ' + error;
});
