// The jcors demo page. Each button makes one cross-origin fetch() to the API, then shows what the
// browser sent (from the API's request log, read through this page's own origin), what came
// back, whether the browser let the page read it, and what `jcors check` says about it.
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

// An HTTP message as text lines; CORS headers stand out.
function http(startLine, headers) {
  const pre = el('pre', { class: 'http' }, el('span', { class: 'start' }, startLine));
  for (const [name, value] of headers) {
    const cors = /^(origin|access-control-|vary)/i.test(name);
    pre.append('\n', el('span', { class: cors ? 'cors' : '' }, name + ': ' + value));
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
    step.append(el('p', { class: 'note' },
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
      'fetch() rejected with ' + browser.error + ': the browser blocked the response.'));
    const served = actual && actual.status >= 200 && actual.status < 300
      ? 'The API did answer ' + actual.status + ' with its data, but the browser kept it from the page. '
      : '';
    step.append(el('p', { class: 'note' }, served
      + 'The page learns nothing more; only the browser console shows a CORS error.'));
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

async function browserFetch(scenario) {
  const init = {
    method: scenario.method,
    headers: scenario.headers,
    credentials: scenario.credentials ? 'include' : 'same-origin',
    cache: 'no-store',
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

async function run(scenario, card) {
  const button = card.querySelector('button');
  const badge = card.querySelector('.badge');
  const result = card.querySelector('.result');
  button.disabled = true;
  card.dataset.state = 'running';
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
    card.dataset.fetch = browser.resolved ? 'resolved' : 'rejected';
    card.dataset.check = check.verdict || 'error';
    card.dataset.preflight = preflight ? 'sent' : 'none';
    card.dataset.outcome = outcome;
  } catch (error) {
    badge.className = 'badge';
    badge.textContent = 'error';
    result.replaceChildren(el('p', { class: 'note' }, 'The demo failed: ' + error));
    card.dataset.outcome = 'error';
  } finally {
    card.dataset.runs = String(Number(card.dataset.runs || 0) + 1);
    card.dataset.state = 'done';
    button.disabled = false;
    summarize();
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
  const node = el('section', { class: 'card', id: 'scenario-' + scenario.id },
    el('div', { class: 'card-head' },
      el('button', { class: 'scenario', type: 'button', 'data-scenario': scenario.id }, scenario.title),
      el('span', { class: 'expect' }, details(scenario)),
      el('span', { class: 'badge' }, '')),
    el('p', { class: 'lesson' }, scenario.lesson),
    el('div', { class: 'result' }));
  node.querySelector('button').addEventListener('click', () => run(scenario, node));
  return node;
}

async function main() {
  config = await getJson('/scenarios');
  document.getElementById('page-origin').textContent = config.pageOrigin;
  document.getElementById('api-origin').textContent = config.apiOrigin;
  const list = document.getElementById('scenarios');
  const cards = config.scenarios.map((scenario) => [scenario, card(scenario)]);
  for (const [, node] of cards) list.append(node);
  const runAll = async () => {
    for (const [scenario, node] of cards) await run(scenario, node);
    document.body.dataset.ranAll = 'true';
  };
  document.getElementById('run-all').addEventListener('click', runAll);
  document.body.dataset.ready = 'true';
  // http://localhost:5500/#run-all runs every scenario once the page has loaded.
  if (location.hash === '#run-all') await runAll();
}

main().catch((error) => {
  document.getElementById('scenarios').textContent = 'The demo page could not start: ' + error;
});
