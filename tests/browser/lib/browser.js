'use strict';
// Debian's chromium through playwright-core (no browser of its own is ever
// downloaded), a keyboard-only "citizen" driving it, and the page audit every
// visited page and state goes through: axe-core (WCAG 2.1 A and AA, any violation
// fails), the form conventions of docs/architecture.md ("Forms"), the error summary, reflow at 320 px,
// the voice of a Spanish page (usted, docs/style.md) and a full-page screenshot.

const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Playwright gives every launch a fresh --user-data-dir of its own; these flags
// keep chromium from reaching the (closed) network and from needing a sandbox as root.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The `autocomplete` (and `inputmode`) each form field must carry (docs/architecture.md, "Forms"). */
const FIELD_CONVENTIONS = {
  username: { autocomplete: 'username' },
  password: { autocomplete: 'current-password' },
  email: { autocomplete: 'email' },
  activation_code: { autocomplete: 'off' },
  otp: { autocomplete: 'one-time-code', inputmode: 'numeric' },
  new_password: { autocomplete: 'new-password' },
  new_password_confirm: { autocomplete: 'new-password' },
};

/**
 * The words of the familiar address in each language, where the pages use the
 * formal one (docs/style.md, "Voice"): Spanish *usted* (never *tú*), Catalan
 * *vostè* and Valencian *vosté* (never *tu*), Galician *vostede* (never *ti*),
 * Basque *zu* (never the familiar *hi*, "hika"). Only words that are the familiar
 * address and nothing else are listed: Catalan and Valencian "escriu", Galician
 * "escribe" are also the present tense of the formal address ("si escriu
 * malament…"), so they are left out;
 * Spanish "escribe", "elige", "vuelve"… too, but the Spanish catalogs never use
 * that tense, so each of them on a Spanish page is a *tú*.
 */
const FAMILIAR = {
  es: [
    'tú', 'tu', 'tus', 'te', 'ti', 'contigo', 'tuyo', 'tuya', 'tuyos', 'tuyas',
    'eres', 'estás', 'has', 'hayas', 'puedes', 'debes', 'tienes', 'quieres', 'quieras', 'prefieres', 'necesitas',
    'podrás', 'tendrás', 'recibirás',
    'escribe', 'escríbelo', 'elige', 'vuelve', 'introduce', 'revisa', 'comprueba', 'inténtalo',
    'identifícate', 'identificarte', 'regístrate', 'incorpórate', 'darte', 'actívalo', 'desbloquéala',
  ],
  ca: [
    'tu', 'teu', 'teva', 'teus', 'teves', 'et', 'ets', 'estàs', 'tens', 'pots', 'vols', 'has', 'hauràs',
    'podràs', 'tindràs', 'rebràs', 'torna-ho', "identifica't", "registra't",
  ],
  // Catalan's list with the Valencian forms: "teua", "teues", the enclitic "-te"
  // ("identifica-te"), the subjunctives "pugues", "vullgues", "tingues".
  'ca-valencia': [
    'tu', 'teu', 'teua', 'teus', 'teues', 'teva', 'teves', 'et', 'te', 'ets', 'estàs', 'tens', 'pots', 'vols',
    'has', 'hauràs', 'podràs', 'tindràs', 'rebràs', 'pugues', 'vullgues', 'tingues', 'torna-ho',
    "identifica't", "registra't", 'identifica-te', 'registra-te',
  ],
  gl: [
    'ti', 'teu', 'túa', 'teus', 'túas', 'che', 'contigo', 'tes', 'podes', 'queres', 'debes', 'estás',
    'poderás', 'terás', 'recibirás', 'identifícate', 'rexístrate',
  ],
  eu: ['hi', 'hik', 'hire', 'hiri', 'hirekin', 'haiz', 'duk', 'dun'],
};
// Whole words in any case: no letter or digit on either side ("Vuelva" and
// "Elija" are other words; "Identifícate" is one word, not "te"). A Catalan or
// Valencian elided pronoun ("t'hem enviat") is the familiar "et" too.
const FAMILIAR_WORDS = Object.fromEntries(
  Object.entries(FAMILIAR).map(([lang, words]) => {
    const elided = lang === 'ca' || lang === 'ca-valencia' ? "|t['’](?=\\p{L})" : '';
    return [lang, new RegExp(`(?<![\\p{L}\\p{N}'’])(?:(?:${words.join('|')})(?![\\p{L}\\p{N}])${elided})`, 'giu')];
  }),
);

/**
 * Where `text` (a page's visible text in `lang`) speaks in the familiar voice:
 * each word found, with the words around it. A name quoted in «…» or “…” is a
 * name, not the page's voice (a portal may be called «Tu Seguridad Social»), so
 * it is left out.
 */
function familiarWords(lang, text) {
  const pattern = FAMILIAR_WORDS[lang];
  if (!pattern) return [];
  const unquoted = text.normalize('NFC').replace(/«[^»]*»/g, '«»').replace(/“[^”]*”/g, '“”');
  return [...unquoted.matchAll(pattern)].map((m) => {
    const around = unquoted.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' ').trim();
    return `"${m[0]}" in "…${around}…"`;
  });
}

/** The browser's own language for each language of the pages. */
const LOCALES = { es: 'es-ES', ca: 'ca-ES', gl: 'gl-ES', eu: 'eu-ES', 'ca-valencia': 'ca-ES-valencia', en: 'en-GB' };

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const NARROWEST = { width: 320, height: 740 };

async function launch(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

// The number words of every language of the pages (es, en; ca and ca-valencia,
// gl, eu up to nine, the largest operand).
const NUMBER_WORDS = [
  ['cero', 'zero'], ['uno', 'one', 'u', 'un', 'bat'], ['dos', 'two', 'dous', 'bi'], ['tres', 'three', 'hiru'],
  ['cuatro', 'four', 'quatre', 'catro', 'lau'], ['cinco', 'five', 'cinc', 'bost'], ['seis', 'six', 'sis', 'sei'],
  ['siete', 'seven', 'set', 'sete', 'zazpi'], ['ocho', 'eight', 'vuit', 'oito', 'zortzi'],
  ['nueve', 'nine', 'nou', 'nove', 'bederatzi'],
  ['diez', 'ten'], ['once', 'eleven'], ['doce', 'twelve'], ['trece', 'thirteen'],
  ['catorce', 'fourteen'], ['quince', 'fifteen'], ['dieciséis', 'sixteen'],
  ['diecisiete', 'seventeen'], ['dieciocho', 'eighteen'],
];

/** The answer to the security question, a sum of two numbers written in words. */
function solveQuestion(text) {
  const numbers = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .map((word) => (/^\d+$/.test(word) ? Number(word) : NUMBER_WORDS.findIndex((names) => names.includes(word))))
    .filter((n) => n >= 0);
  if (numbers.length < 2) throw new Error(`cannot read the security question: ${text}`);
  return numbers[0] + numbers[1];
}

/** One browser context (its own cookies) with one page, driven from the keyboard. */
class Citizen {
  static async open(browser, { lang, javaScript = true } = {}) {
    const context = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 1,
      isMobile: false,
      hasTouch: false,
      locale: LOCALES[lang] || 'es-ES',
    });
    context.setDefaultTimeout(10_000);
    context.setDefaultNavigationTimeout(15_000);
    // "Without JavaScript": the pages' only script (they have no inline code under
    // the CSP) never arrives. Switching JavaScript off in chromium would also stop
    // axe-core, which runs inside the page.
    if (!javaScript) await context.route('**/static/{clave,altcha}.js*', (r) => r.abort('blockedbyclient'));
    const page = await context.newPage();
    const citizen = new Citizen(context, page, lang, javaScript);
    page.on('pageerror', (error) => citizen.scriptErrors.push(String(error)));
    page.on('console', (message) => {
      // Error statuses of the pages themselves (404, 422…) are expected states.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        citizen.scriptErrors.push(message.text());
      }
    });
    return citizen;
  }

  constructor(context, page, lang, javaScript) {
    this.context = context;
    this.page = page;
    this.lang = lang;
    this.javaScript = javaScript;
    this.scriptErrors = [];
    this.unfocusable = [];
    this.trail = []; // every page seen, in order (`note`)
    this.onQuestion = null;
  }

  async close() {
    await this.context.close();
  }

  /** Opens a URL as typed in the address bar (not a click). */
  async visit(url) {
    const response = await this.page.goto(url, { waitUntil: 'load' });
    await this.note();
    return response;
  }

  /** Back, as the browser's button (the page is fetched again: every page is no-store). */
  async back() {
    const response = await this.page.goBack({ waitUntil: 'load' });
    await this.note();
    return response;
  }

  /**
   * Notes the page the citizen sees now in `trail`: its path, its step ("Paso N
   * de M", from the data-step and data-steps the steps line carries), whether it
   * offers the way back to the service (the cancel form of a login) and whether
   * it is an error page.
   */
  async note() {
    const seen = await this.page.evaluate(() => {
      const steps = document.querySelector('.steps[data-step]');
      return {
        path: location.pathname,
        step: steps ? Number(steps.dataset.step) : null,
        steps: steps ? Number(steps.dataset.steps) : null,
        cancel: !!document.querySelector('form[action="/login/cancel"]'),
        error: !!document.querySelector('.error-page'),
        heading: (document.querySelector('h1') || { textContent: '' }).textContent.trim(),
      };
    }).catch(() => null);
    if (seen) this.trail.push(seen);
  }

  /** Whether the focused element matches `selector`. */
  focusMatches(selector) {
    return this.page.evaluate((s) => !!document.activeElement && document.activeElement.matches(s), selector);
  }

  /**
   * Presses Tab until `selector` has the focus (at most `max` times, wrapping
   * around the page), checking that every element reached shows a focus indicator.
   */
  async tabTo(selector, { max = 80 } = {}) {
    if (await this.focusMatches(selector)) return;
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press('Tab');
      const state = await this.page.evaluate((s) => {
        const el = document.activeElement;
        if (!el || el === document.body) return { matches: false, visible: true, what: 'body' };
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
        const shadow = style.boxShadow && style.boxShadow !== 'none';
        const what = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.getAttribute('href') ? '[href="' + el.getAttribute('href') + '"]' : ''}`;
        return { matches: el.matches(s), visible: outline || shadow, what };
      }, selector);
      if (!state.visible) this.unfocusable.push(`${this.page.url()} ${state.what}`);
      if (state.matches) return;
    }
    throw new Error(`${selector} cannot be reached with the Tab key on ${this.page.url()}`);
  }

  /** Tabs to a field and types into it, replacing what it held. */
  async fill(selector, text) {
    await this.tabTo(selector);
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    if (text) await this.page.keyboard.type(text);
  }

  /** Presses Enter on whatever has the focus and waits for the next page. */
  async enter() {
    const loaded = this.page.waitForEvent('load', { timeout: 15_000 });
    await this.page.keyboard.press('Enter');
    await loaded;
    await this.note();
  }

  /** Tabs to `selector` (a link or a button) and presses Enter on it. */
  async follow(selector) {
    await this.tabTo(selector);
    await this.enter();
  }

  /**
   * Types into the fields in order, answers the security question when the page
   * asks it, then presses Enter. A submission the provider turned away to ask the
   * question first (the summary points at #captcha_answer) is made again with the
   * answer, as a person would; `onQuestion` sees that page first.
   */
  async submitForm(fields) {
    for (let attempt = 0; attempt < 3; attempt++) {
      for (const [selector, text] of fields) await this.fill(selector, text);
      // Where scripts run the browser solves the proof-of-work itself and the
      // question stays hidden; without them, the question is answered.
      if (await this.page.locator('#captcha_answer').isVisible().catch(() => false)) {
        const question = await this.page.innerText('label[for="captcha_answer"]');
        await this.fill('#captcha_answer', String(solveQuestion(question)));
      }
      await this.enter();
      const askedFirst = await this.page
        .locator('.error-summary a[href="#captcha_answer"], [data-challenge][data-pow-retry]')
        .count();
      if (!askedFirst) return;
      if (this.onQuestion) await this.onQuestion(this);
    }
    const said = await this.page.locator('main').innerText().catch(() => '');
    throw new Error(`the security question kept coming back on ${this.page.url()}: ${said.slice(0, 600)}`);
  }

  text(selector) {
    return this.page.locator(selector).first().innerText();
  }
}

/**
 * The audit of one page or state: returns a list of problems (empty = pass).
 * `expect.errors` says whether the page should show an error summary.
 */
async function auditPage(citizen, name, { screenshots, expectErrors = false } = {}) {
  const { page } = citizen;
  const problems = [];
  await page.waitForLoadState('load');

  const facts = await page.evaluate(
    ({ conventions }) => {
      const out = { problems: [] };
      out.lang = document.documentElement.getAttribute('lang');
      out.title = document.title;
      out.h1 = document.querySelectorAll('h1').length;
      // What the page says: its visible text, less machine text (the demo portal's
      // JSON, claim names), whose random values could hold any short word.
      out.text = document.body ? document.body.innerText : '';
      for (const el of document.querySelectorAll('pre, code')) out.text = out.text.replace(el.innerText, ' ');
      for (const [name, want] of Object.entries(conventions)) {
        const typed = ':not([type="hidden"]):not([type="checkbox"]):not([type="radio"])';
        for (const input of document.querySelectorAll(`input[name="${name}"]${typed}`)) {
          if (input.getAttribute('autocomplete') !== want.autocomplete) {
            out.problems.push(`${name}: autocomplete="${input.getAttribute('autocomplete')}", want "${want.autocomplete}"`);
          }
          if (want.inputmode && input.getAttribute('inputmode') !== want.inputmode) {
            out.problems.push(`${name}: inputmode="${input.getAttribute('inputmode')}", want "${want.inputmode}"`);
          }
        }
      }
      for (const form of document.querySelectorAll('form[method="post"]')) {
        if (!form.querySelector('input[type="hidden"][name="csrf_token"]')) {
          out.problems.push(`a POST form to ${form.getAttribute('action')} has no csrf_token field`);
        }
      }
      const summary = document.querySelector('.error-summary');
      out.summary = !!summary;
      if (summary) {
        out.summaryFocused = document.activeElement === summary;
        const links = summary.querySelectorAll('a[href^="#"]');
        if (links.length === 0) out.problems.push('the error summary links to no field');
        for (const link of links) {
          const id = link.getAttribute('href').slice(1);
          const field = document.getElementById(id);
          if (!field) {
            out.problems.push(`the error summary links to #${id}, which does not exist`);
            continue;
          }
          if (field.getAttribute('aria-invalid') !== 'true') {
            out.problems.push(`#${id} is in the error summary but not aria-invalid`);
          }
          const described = (field.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
          const errorText = described
            .map((ref) => document.getElementById(ref))
            .filter((el) => el && el.classList.contains('field__error'));
          if (errorText.length === 0) {
            out.problems.push(`#${id} is not described by its error message (aria-describedby)`);
          }
        }
      }
      return out;
    },
    { conventions: FIELD_CONVENTIONS },
  );
  problems.push(...facts.problems);
  if (facts.lang !== citizen.lang) problems.push(`<html lang="${facts.lang}">, want "${citizen.lang}"`);
  if (!facts.title || facts.title.trim() === '') problems.push('the page has no <title>');
  if (facts.h1 !== 1) problems.push(`the page has ${facts.h1} <h1> elements, want 1`);
  const familiar = familiarWords(facts.lang, `${facts.title}\n${facts.text}`);
  if (familiar.length > 0) {
    problems.push(`the page mixes the familiar voice into the formal one (docs/style.md, "Voice"): ${familiar.slice(0, 5).join('; ')}`);
  }
  if (expectErrors && !facts.summary) problems.push('an error state without an error summary');
  if (!expectErrors && facts.summary) problems.push('an unexpected error summary');
  if (facts.summary && citizen.javaScript && !facts.summaryFocused) {
    problems.push('the error summary does not have the focus after the page loaded');
  }

  // axe-core, evaluated through the DevTools protocol (the page's CSP allows no
  // inline script, and the suite must not weaken it), at the phone's width and
  // at a desktop's 1280 px, where the layout differs (wider column, header row).
  await page.evaluate(AXE_SOURCE);
  const runAxe = (width) => page.evaluate(async ({ tags, width }) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    });
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: `${v.help} (at ${width} px)`,
        nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`),
      })),
      // What axe could not decide (e.g. contrast over a gradient): reported, for a
      // person to look at, never failed on.
      incomplete: result.incomplete.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) })),
    };
  }, { tags: AXE_TAGS, width });
  const phone = await runAxe(PHONE.width);
  await page.setViewportSize(DESKTOP);
  const desktop = await runAxe(DESKTOP.width);
  const violations = [...phone.violations, ...desktop.violations];
  const incomplete = [...phone.incomplete, ...desktop.incomplete];
  const desktopWidth = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (desktopWidth > 0) problems.push(`scrolls sideways at ${DESKTOP.width} px (${desktopWidth} px too wide)`);

  // Reflow (WCAG 1.4.10): nothing scrolls sideways at 320 CSS px, which is also
  // what 200 % zoom on a 640 px window and 400 % on 1280 px give.
  await page.setViewportSize(NARROWEST);
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [];
    if (document.documentElement.scrollWidth > width) {
      for (const el of document.querySelectorAll('body *')) {
        const box = el.getBoundingClientRect();
        if (box.right > width + 1 && getComputedStyle(el).position !== 'absolute') {
          wide.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} (${Math.round(box.right)} px)`);
        }
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
  });
  if (overflow.scrollWidth > overflow.width) {
    problems.push(`scrolls sideways at 320 px (${overflow.scrollWidth} px wide): ${overflow.wide.join(', ')}`);
  }
  await page.setViewportSize(PHONE);

  if (screenshots) {
    const file = path.join(screenshots, `${citizen.lang}-${name}${citizen.javaScript ? '' : '-nojs'}.png`);
    await page.screenshot({ path: file, fullPage: true });
  }

  for (const v of violations) {
    problems.push(`axe ${v.id} (${v.impact}): ${v.help}\n        ${v.nodes.join('\n        ')}`);
  }
  return { problems, violations: violations.length, incomplete };
}

module.exports = { launch, Citizen, auditPage, solveQuestion, familiarWords, PHONE, LOCALES };
