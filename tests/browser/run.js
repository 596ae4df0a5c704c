#!/usr/bin/env node
'use strict';
// The browser suite of clave-idp (issue 6): builds and starts the real provider,
// registers a citizen per language and a portal with the operator commands, then
// walks every page of the login and self-service flows in Debian's chromium at a
// phone-sized viewport, from the keyboard only, in every language of the pages
// (Spanish, Catalan, Galician, Basque, Valencian, English). Each page and error state is
// audited (axe-core WCAG 2.1 A/AA with zero violations at 360 and 1280 px, the
// form fields of docs/architecture.md ("Forms"), the error summary, reflow at
// 320 px, one voice) and saved as a PNG under screenshots/ at the repository root.
//
//   cd tests/browser && npm ci && node run.js
//
// Settings (environment): CHROMIUM (default /usr/bin/chromium), SCREENSHOTS
// (default <repo>/screenshots), CLAVE_BROWSER_SKIP_BUILD=1 to reuse
// target/debug/clave-idp, CLAVE_BROWSER_ONLY=es|ca|gl|eu|ca-valencia|en for one language,
// CLAVE_BROWSER_JOURNEYS=<regex> for some journeys (while developing).
// The last line is always `N passed, M failed`; the exit status is 0 only when
// M is 0.

const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const { build, Provider, REPO } = require('./lib/provider');
const { launch, auditPage } = require('./lib/browser');
const { journeys, people, legacyCsv, LANGUAGES } = require('./lib/scenarios');

const BUILD_TIMEOUT_MS = 20 * 60_000; // a cold build on 2 cores
const SUITE_TIMEOUT_MS = 25 * 60_000; // everything after the build
const JOURNEY_TIMEOUT_MS = 120_000;

const results = [];
const totals = { pages: 0, violations: 0, undecided: new Set() };
let provider = null;
let browser = null;
let rpServer = null;

function record(name, problems) {
  const ok = problems.length === 0;
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  for (const problem of problems) console.log(`      ${problem}`);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function shutdown() {
  if (rpServer) rpServer.close();
  rpServer = null;
  if (browser) await browser.close().catch(() => {});
  browser = null;
  if (provider) await provider.stop().catch(() => {});
  provider = null;
}

function finish(code) {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (totals.undecided.size > 0) {
    console.log(`\naxe could not decide (check by eye, not failed):\n  ${[...totals.undecided].join('\n  ')}`);
  }
  console.log(`\n${totals.pages} page states audited, ${totals.violations} axe violations`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || code !== 0 ? 1 : 0);
}

function which(command) {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
}

async function main() {
  const started = Date.now();
  const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);
  const screenshots = path.resolve(process.env.SCREENSHOTS || path.join(REPO, 'screenshots'));
  fs.rmSync(screenshots, { recursive: true, force: true });
  fs.mkdirSync(screenshots, { recursive: true });

  if (process.env.CLAVE_BROWSER_SKIP_BUILD !== '1') {
    console.log('building: cargo build --locked');
    const ms = build({ timeoutMs: BUILD_TIMEOUT_MS });
    console.log(`built in ${(ms / 1000).toFixed(0)} s`);
  }

  const watchdog = setTimeout(async () => {
    record('the whole suite within its time limit', [`stopped after ${SUITE_TIMEOUT_MS / 1000} s`]);
    await shutdown();
    finish(1);
  }, SUITE_TIMEOUT_MS);
  const suiteStarted = Date.now();

  provider = await Provider.start({ timeoutMs: 30_000 });
  console.log(`provider at ${provider.issuer}`);
  const discovery = await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json();

  // The portal the test observes: a tiny HTTP listener that answers every URL with
  // a plain page; the journeys read the code and state from the browser's URL.
  rpServer = http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!DOCTYPE html><html lang="en"><title>Portal</title><main><h1>Back at the portal</h1></main></html>');
  });
  await new Promise((resolve) => rpServer.listen(0, '127.0.0.1', resolve));
  const rpOrigin = `http://127.0.0.1:${rpServer.address().port}`;
  const rp = { origin: rpOrigin, redirectUri: `${rpOrigin}/callback`, state: 'browser-suite-state' };
  const client = provider.registerClient({
    name: 'Sede electrónica de pruebas',
    redirectUri: rp.redirectUri,
    postLogoutRedirectUri: `${rpOrigin}/logged-out`,
  });
  const authorizeUrl = (extra) => {
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: client.client_id,
      redirect_uri: rp.redirectUri,
      scope: 'openid profile',
      state: rp.state,
      nonce: 'browser-suite-nonce',
      ...extra,
    });
    return `${discovery.authorization_endpoint}?${params}`;
  };

  const demo = await provider.has('/demo');
  let legacy = null;
  if (await provider.has('/help/legacy')) {
    const csv = path.join(provider.dir, 'legacy.csv');
    fs.writeFileSync(csv, legacyCsv());
    provider.cli(['citizen', 'import-legacy', csv]);
    const socialSecurity = provider.registerClient({
      name: 'Tu Seguridad Social (pruebas)',
      redirectUri: rp.redirectUri,
      socialSecurity: true,
    });
    legacy = { clientId: socialSecurity.client_id };
  } else {
    console.log('note: this build has no legacy users (/help/legacy); their journey is left out');
  }
  const sqlite = which('sqlite3');
  if (!demo) console.log('note: /demo is not served by this build; the demo-portal journey is left out');
  if (!sqlite) console.log('note: sqlite3 is not installed; the expired-password journey is left out');

  browser = await launch(chromiumPath);

  const check = async (citizen, name, options = {}) => {
    const audit = await auditPage(citizen, name, { screenshots, ...options });
    totals.pages += 1;
    totals.violations += audit.violations;
    for (const item of audit.incomplete) {
      for (const node of item.nodes) totals.undecided.add(`${item.id}: ${node}`);
    }
    record(`${citizen.lang} page ${name}${citizen.javaScript ? '' : ' (no JavaScript)'}`, audit.problems);
  };

  // How long the widget took to solve each proof-of-work (README, "Attempt limits").
  const powMillis = [];
  const only = process.env.CLAVE_BROWSER_ONLY;
  const everyone = people();
  for (const lang of LANGUAGES) {
    if (only && only !== lang) continue;
    const cast = { main: everyone[lang], second: everyone[`${lang}Second`], legacy: everyone[`${lang}Legacy`] };
    for (const person of [cast.main, cast.second]) {
      person.activationCode = provider.registerCitizen(person);
    }
    for (const person of Object.values(cast)) person.at = 0;
    const live = new Set(); // the browser contexts a journey has open
    const { list } = journeys(lang, cast, { provider, browser, check, authorizeUrl, rp, demo, sqlite, legacy, live, powMillis });
    const pick = process.env.CLAVE_BROWSER_JOURNEYS ? new RegExp(process.env.CLAVE_BROWSER_JOURNEYS) : null;
    for (const journey of list) {
      if (pick && !pick.test(journey.name)) continue;
      try {
        await withTimeout(journey.body(), JOURNEY_TIMEOUT_MS, journey.name);
        record(`${journey.name} (journey)`, []);
      } catch (error) {
        record(`${journey.name} (journey)`, [String(error && error.stack ? error.stack : error)]);
        // A journey stopped by its time limit may still hold a page: close it so it
        // cannot type into the next journey's.
        for (const citizen of live) await citizen.close().catch(() => {});
        live.clear();
      }
    }
  }

  if (powMillis.length) console.log(`proof-of-work solved by chromium in ${powMillis.join(', ')} ms`);
  clearTimeout(watchdog);
  const failedJourneys = results.some((r) => !r.ok);
  if (failedJourneys) console.log(`\nlast lines of the provider's log:\n${provider.log()}`);
  await shutdown();
  console.log(`\nscreenshots in ${path.relative(REPO, screenshots) || '.'}/; ` +
    `browser part ${((Date.now() - suiteStarted) / 1000).toFixed(0)} s, total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  finish(0);
}

// Last resort: never leave a provider running behind the suite.
process.on('exit', () => {
  if (provider && provider.child) provider.child.kill('SIGKILL');
});

process.on('SIGINT', async () => {
  record('the suite was interrupted', ['SIGINT']);
  await shutdown();
  finish(1);
});

main().catch(async (error) => {
  record('the suite could start', [String(error && error.stack ? error.stack : error)]);
  await shutdown();
  finish(1);
});
