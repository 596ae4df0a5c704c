'use strict';
// The citizen's journeys, one language at a time, keyboard only (Tab, typing,
// Enter; never a click), at a phone-sized viewport. Every page and error state on
// the way goes through the audit (`check`). The journeys run in this order on one
// citizen per language, each starting where the previous one left the account:
// information pages → activation → login (low, substantial, without JavaScript,
// expired password) → blocked password → forgotten password → password change →
// account page "Mi Cl@ve" (end a session, forget a browser, end all; history and
// its pages, with and without JavaScript; "this wasn't me", which blocks the
// first citizen's password for good) → second citizen: activation → challenge
// without JavaScript → new activation code → unsubscribe → expired form.

const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { Citizen } = require('./browser');

const SUBMIT = 'button[type="submit"]:not(.button--secondary)';
const ACR_SUBSTANTIAL = 'http://eidas.europa.eu/LoA/substantial';

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * "Paso N de M" tells the truth about the pages seen since `from` in the
 * citizen's trail (docs/style.md, "Headings and steps"): the steps go 1, 2, …
 * without a gap (a page shown again after an error repeats its step), no page
 * says more steps than it counts, and the last one counts as many as were seen.
 * A path that turns out longer (an expired password to renew) may count more
 * from then on, never fewer.
 */
function assertSteps(citizen, from, what) {
  const seen = citizen.trail.slice(from).filter((page) => page.step !== null);
  const said = seen.map((page) => `${page.path} ${page.step}/${page.steps}`).join(', ');
  assert(seen.length > 0, `${what}: no page said its step`);
  let last = 0;
  let total = 0;
  for (const page of seen) {
    assert(page.step === last || page.step === last + 1, `${what}: the steps jump (${said})`);
    assert(page.step <= page.steps, `${what}: a step past the count (${said})`);
    assert(page.steps >= total, `${what}: the count went down (${said})`);
    last = page.step;
    total = page.steps;
  }
  assert(last === total, `${what}: the count says ${total} steps, the citizen saw ${last} (${said})`);
}

/** Every page of a login the citizen saw offers the way back to the service. */
function assertWayBack(citizen) {
  const without = citizen.trail.filter((page) => /^\/login(\/|$)/.test(page.path) && !page.error && !page.cancel);
  assert(without.length === 0, `login pages without "Cancel and return to the service": ${without.map((p) => `${p.path} (${p.heading})`).join(', ')}`);
}

/** A DNI with its check letter. */
function dni(number) {
  const n = Number(number);
  return `${String(n).padStart(8, '0')}${'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}`;
}

/** A code of the same length that is certainly not `code`. */
function wrongCode(code) {
  return String((Number(code) + 1) % 10 ** code.length).padStart(code.length, '0');
}

// A bcrypt hash of LEGACY_PASSWORD, as the Social Security register exported it.
const LEGACY_PASSWORD = 'Pilar-Legacy-2019';
const LEGACY_HASH = '$2b$05$abcdefghijklmnopqrstuuBfAtbCCEasqw7DTv.SOCrtS2ZkIobe.';

/** The legacy users of the suite (one per language), as lines of the register export. */
function legacyCsv() {
  return [
    'id,given_name,first_surname,second_surname,email,phone,password_hash',
    `${dni(55443322)},Pilar,Soto,Vidal,pilar.soto@example.es,634567890,${LEGACY_HASH}`,
    `${dni(66778899)},Jorge,Vega,Luna,jorge.vega@example.es,645678901,${LEGACY_HASH}`,
    `${dni(70710678)},Núria,Ferrer,Pons,nuria.ferrer@example.es,656789012,${LEGACY_HASH}`,
    `${dni(57721566)},Antía,Rivas,Lema,antia.rivas@example.es,667890123,${LEGACY_HASH}`,
    `${dni(69314718)},Miren,Zubiri,Elorza,miren.zubiri@example.es,678901234,${LEGACY_HASH}`,
    `${dni(33166247)},Empar,Climent,Roig,empar.climent@example.es,689012345,${LEGACY_HASH}`,
  ].join('\n') + '\n';
}

/** The languages the suite walks, each with its own people: Spanish first, then in
 * the order of the language switch (Valencian by its BCP 47 tag, `ca-valencia`). */
const LANGUAGES = ['es', 'ca', 'gl', 'eu', 'ca-valencia', 'en'];

/** The people of the suite: two per language, each with passwords for every step. */
function people() {
  return {
    esLegacy: { id: dni(55443322), passwords: [LEGACY_PASSWORD] },
    enLegacy: { id: dni(66778899), passwords: [LEGACY_PASSWORD] },
    caLegacy: { id: dni(70710678), passwords: [LEGACY_PASSWORD] },
    glLegacy: { id: dni(57721566), passwords: [LEGACY_PASSWORD] },
    euLegacy: { id: dni(69314718), passwords: [LEGACY_PASSWORD] },
    'ca-valenciaLegacy': { id: dni(33166247), passwords: [LEGACY_PASSWORD] },
    es: {
      id: dni(48151623),
      givenName: 'Lucía',
      firstSurname: 'Martín',
      secondSurname: 'Pérez',
      email: 'lucia.martin@example.es',
      phone: '612345678',
      namedPassword: 'Lucia-Jardin-2026',
      passwords: ['Girasol-Azul-2026', 'Tortuga.Veloz.77', 'Montaña#Roja#31', 'Cometa!Lento!58', 'Faro&Norte&94'],
    },
    esSecond: {
      id: dni(31415926),
      givenName: 'Carmen',
      firstSurname: 'Ortega',
      secondSurname: 'Ruiz',
      email: 'carmen.ortega@example.es',
      phone: '623456789',
      passwords: ['Brújula-Verde-2026'],
    },
    en: {
      id: dni(27182818),
      givenName: 'Oliver',
      firstSurname: 'Navarro',
      secondSurname: 'Sanz',
      email: 'oliver.navarro@example.es',
      phone: '698765432',
      namedPassword: 'Navarro-Garden-2026',
      passwords: ['Sunflower-Blue-2026', 'Tortoise.Fast.77', 'Mountain#Red#31', 'Comet!Slow!58', 'Lighthouse&North&94'],
    },
    enSecond: {
      id: dni(16180339),
      givenName: 'Harriet',
      firstSurname: 'Moreno',
      secondSurname: 'Gil',
      email: 'harriet.moreno@example.es',
      phone: '687654321',
      passwords: ['Compass-Green-2026'],
    },
    ca: {
      id: dni(11235813),
      givenName: 'Jordi',
      firstSurname: 'Puig',
      secondSurname: 'Serra',
      email: 'jordi.puig@example.es',
      phone: '655123456',
      namedPassword: 'Jordi-Jardi-2026',
      passwords: ['Gira-Sol-Blau-2026', 'Tortuga.Rapida.77', 'Muntanya#Vermella#31', 'Cometa!Lent!58', 'Far&Nord&94'],
    },
    caSecond: {
      id: dni(14142135),
      givenName: 'Montserrat',
      firstSurname: 'Vila',
      secondSurname: 'Roca',
      email: 'montserrat.vila@example.es',
      phone: '666234567',
      passwords: ['Bruixola-Verda-2026'],
    },
    gl: {
      id: dni(17320508),
      givenName: 'Uxía',
      firstSurname: 'Castro',
      secondSurname: 'Varela',
      email: 'uxia.castro@example.es',
      phone: '677345678',
      namedPassword: 'Uxia-Xardin-2026',
      passwords: ['Xirasol-Azul-2026', 'Tartaruga.Rapida.77', 'Montaña#Vermella#31', 'Cometa!Lento!58', 'Faro&Norde&94'],
    },
    glSecond: {
      id: dni(22360679),
      givenName: 'Brais',
      firstSurname: 'Otero',
      secondSurname: 'Pazos',
      email: 'brais.otero@example.es',
      phone: '688456789',
      passwords: ['Compas-Verde-2026'],
    },
    eu: {
      id: dni(26457513),
      givenName: 'Iker',
      firstSurname: 'Etxeberria',
      secondSurname: 'Agirre',
      email: 'iker.etxeberria@example.es',
      phone: '699567890',
      namedPassword: 'Iker-Lorategia-2026',
      passwords: ['Ekilore-Urdina-2026', 'Dordoka.Azkarra.77', 'Mendi#Gorria#31', 'Kometa!Motela!58', 'Itsasargi&Iparra&94'],
    },
    euSecond: {
      id: dni(30102999),
      givenName: 'Ane',
      firstSurname: 'Goikoetxea',
      secondSurname: 'Arana',
      email: 'ane.goikoetxea@example.es',
      phone: '711678901',
      passwords: ['Iparrorratza-Berdea-2026'],
    },
    'ca-valencia': {
      id: dni(24494897),
      givenName: 'Vicent',
      firstSurname: 'Martí',
      secondSurname: 'Ferrando',
      email: 'vicent.marti@example.es',
      phone: '722789012',
      namedPassword: 'Vicent-Hort-2026',
      passwords: ['Taronja-Blava-2026', 'Tortuga.Lleugera.78', 'Penyal#Roig#32', 'Estel!Lent!59', 'Far&Migjorn&95'],
    },
    'ca-valenciaSecond': {
      id: dni(28284271),
      givenName: 'Amparo',
      firstSurname: 'Llorens',
      secondSurname: 'Soler',
      email: 'amparo.llorens@example.es',
      phone: '733890123',
      passwords: ['Rellotge-Verd-2026'],
    },
  };
}

/**
 * Builds the journeys of one language for `cast` ({ main, second, legacy }, the
 * first two registered with their activationCode). `env` holds: provider, browser,
 * check (the audit, records a result), authorizeUrl(params), rp (the relying party
 * the test observes), demo (whether /demo is served), sqlite (path of sqlite3 or
 * null), legacy ({ clientId } of a Social Security portal, or null when this build
 * has no legacy users), live (a Set the open browser contexts are kept in).
 */
function journeys(lang, cast, env) {
  const { provider, check } = env;
  const url = (p) => `${provider.issuer}${p}`;
  const withLang = (p) => url(`${p}${p.includes('?') ? '&' : '?'}lang=${lang}`);
  // The citizen of the journeys: `main` first; `second` for the last journeys (each
  // account may receive 5 SMS an hour). `at` is the index of the current password.
  let person = cast.main;
  const password = () => person.passwords[person.at];
  const nextPassword = () => person.passwords[person.at + 1];

  let questionSeen = false;

  async function withCitizen(options, body) {
    const citizen = await Citizen.open(env.browser, { lang, ...options });
    env.live.add(citizen);
    // The security question comes once attempts pile up: audit the first one.
    citizen.onQuestion = async (c) => {
      if (questionSeen) return;
      questionSeen = true;
      // Where scripts run, the browser solved the proof-of-work: the page only
      // asks to send the form again, it shows no error.
      await check(c, 'security-question', { expectErrors: !c.javaScript });
    };
    try {
      await body(citizen);
      assertWayBack(citizen);
      assert(citizen.scriptErrors.length === 0, `script errors: ${citizen.scriptErrors.join('; ')}`);
      assert(citizen.unfocusable.length === 0, `no visible focus on: ${citizen.unfocusable.join(', ')}`);
    } finally {
      env.live.delete(citizen);
      await citizen.close();
    }
  }

  /**
   * Types the SMS code sent after the first `seen` messages; when `wrongFirst`, a
   * wrong code before it (the error state is audited as `<name>-wrong`).
   */
  async function enterOtp(citizen, seen, name, { wrongFirst = true } = {}) {
    const code = await provider.otpFor(person.phone, seen);
    if (wrongFirst) {
      await citizen.submitForm([['#otp', wrongCode(code)]]);
      await check(citizen, `${name}-wrong`, { expectErrors: true });
    }
    await citizen.submitForm([['#otp', code]]);
  }

  /** The new-password step: policy errors first, then `good`. */
  async function choosePassword(citizen, name, good, { tryErrors = false, current = null } = {}) {
    await check(citizen, name);
    if (citizen.javaScript) await checkEnhancements(citizen, name);
    if (tryErrors) {
      await citizen.submitForm([['#new_password', 'abc'], ['#new_password_confirm', 'abc']]);
      await check(citizen, `${name}-policy`, { expectErrors: true });
      // Several rules broken, one field: one summary entry that says what the field says.
      const entries = (await citizen.page.locator('.error-summary li').allTextContents()).map((t) => t.trim());
      assert(entries.length === 1, `one field in error, one summary entry; the summary lists ${entries.length}`);
      const beside = (await citizen.page.locator('#new_password-error').textContent()) || '';
      assert(beside.includes(entries[0]), `the summary says "${entries[0]}", the field "${beside.trim()}"`);
      assert(/8/.test(entries[0]) && entries[0].length > 60, `a short password breaks several rules: "${entries[0]}"`);
      await citizen.submitForm([['#new_password', good], ['#new_password_confirm', `${good}x`]]);
      await check(citizen, `${name}-mismatch`, { expectErrors: true });
      await citizen.submitForm([['#new_password', person.namedPassword], ['#new_password_confirm', person.namedPassword]]);
      await check(citizen, `${name}-personal`, { expectErrors: true });
    }
    if (current) {
      await citizen.submitForm([['#new_password', current], ['#new_password_confirm', current]]);
      await check(citizen, `${name}-same`, { expectErrors: true });
    }
    await citizen.submitForm([['#new_password', good], ['#new_password_confirm', good]]);
  }

  /** The progressive enhancements of static/clave.js on a new-password page. */
  async function checkEnhancements(citizen, name) {
    const { page } = citizen;
    // Show/hide password: a real button after the field, operated with Enter.
    const toggle = 'button[aria-controls="new_password"]';
    await citizen.tabTo('#new_password');
    await page.keyboard.type('ab');
    await citizen.tabTo(toggle);
    const showText = await page.innerText(toggle);
    await page.keyboard.press('Enter');
    assert((await page.getAttribute('#new_password', 'type')) === 'text', 'Enter on "show" shows the password');
    assert((await page.innerText(toggle)) !== showText, 'the button then offers to hide it');
    await page.keyboard.press('Enter');
    assert((await page.getAttribute('#new_password', 'type')) === 'password', 'Enter again hides it');
    // Live checklist: each rule says in words whether it is met.
    const rule = (name) => page.getAttribute(`[data-rule="${name}"]`, 'data-state');
    assert((await rule('length')) === 'unmet', 'two characters do not meet the length rule');
    await citizen.fill('#new_password', 'Abcdefg1');
    assert((await rule('length')) === 'met', 'eight characters meet the length rule');
    assert((await rule('groups')) === 'met', 'lower, upper and digits meet the groups rule');
    await page.waitForFunction(() => document.querySelector('[data-rules-status]').textContent !== '', null, { timeout: 3000 });
    await check(citizen, `${name}-checklist`);
    await citizen.fill('#new_password', '');
  }

  /** The resend button waits, in words, before it can be used. */
  async function checkResend(citizen) {
    if (!citizen.javaScript) return;
    const button = citizen.page.locator('button[data-resend-after]');
    assert((await button.getAttribute('aria-disabled')) === 'true', 'the resend button waits for its cool-down');
    assert(/\d/.test(await button.innerText()), 'the resend button shows the seconds left');
  }

  /** From the authorization request to the password page. */
  async function startLogin(citizen, extra = {}, clientId = undefined) {
    const params = { ...extra };
    if (lang !== 'es') params.ui_locales = lang;
    if (clientId) params.client_id = clientId;
    await citizen.visit(env.authorizeUrl(params));
    assert(citizen.page.url().includes('/login?'), `the authorization request should show the method page, got ${citizen.page.url()}`);
  }

  async function passMethod(citizen, audit) {
    if (audit) await check(citizen, 'login-method');
    await citizen.follow(`form[action="/login"] ${SUBMIT}`);
    assert(citizen.page.url().includes('/login/permanente'), `Continue should lead to the password page, got ${citizen.page.url()}`);
  }

  async function typeCredentials(citizen, secret) {
    await citizen.submitForm([['#username', person.id.toLowerCase()], ['#password', secret]]);
  }

  function expectCallback(citizen) {
    const at = new URL(citizen.page.url());
    assert(at.origin === env.rp.origin && at.pathname === '/callback', `expected the portal's callback, got ${at}`);
    assert(at.searchParams.get('code'), `no code in ${at}`);
    assert(at.searchParams.get('state') === env.rp.state, `state not returned in ${at}`);
  }

  /**
   * The form was sent with every field in `ids` empty or wrong: the error summary
   * names each of them, in order, in this one answer (and `check` has seen that
   * each is marked and described beside its field).
   */
  async function assertAllAtOnce(citizen, ids, what) {
    const named = await citizen.page.locator('.error-summary a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const want = ids.map((id) => `#${id}`);
    assert(named.join() === want.join(), `${what}: every field in one submit, want ${want}, got ${named}`);
  }

  /**
   * Back, from the page that ends a flow: the step before it belonged to the
   * finished flow, so the page says the task is done (409) and runs nothing again.
   */
  async function backSaysDone(citizen, name) {
    const response = await citizen.back();
    assert(response && response.status() === 409, `Back after the end of a flow should say it is done (409), got ${response && response.status()} at ${citizen.page.url()}`);
    await check(citizen, name);
  }

  const list = [];
  const add = (name, body) => list.push({ name: `${lang} ${name}`, body });

  add('information and error pages', () =>
    withCitizen({}, async (citizen) => {
      await citizen.visit(withLang('/help'));
      await check(citizen, 'help');
      const toc = await citizen.page.evaluate(() =>
        [...document.querySelectorAll('.toc a')].map((a) => a.getAttribute('href')).filter((h) => !document.getElementById(h.slice(1))),
      );
      assert(toc.length === 0, `contents entries without a section: ${toc.join(', ')}`);
      await citizen.tabTo('.toc a[href="#sms"]');
      await citizen.page.keyboard.press('Enter');
      await citizen.page.waitForFunction(() => location.hash === '#sms');
      await citizen.visit(withLang('/cookies'));
      await check(citizen, 'cookies');
      await citizen.visit(withLang('/privacy'));
      await check(citizen, 'privacy');
      await citizen.visit(withLang('/no-such-page'));
      await check(citizen, 'not-found');
      await citizen.visit(url(`/authorize?client_id=unknown-portal&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(env.rp.redirectUri)}`));
      await check(citizen, 'authorize-error');
      await citizen.visit(withLang('/activate/code?flow=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'));
      await check(citizen, 'flow-expired');
      await citizen.visit(withLang('/login?tx=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'));
      await check(citizen, 'login-expired');
      await citizen.visit(withLang('/logout'));
      await check(citizen, 'logout-confirm');
      await citizen.follow(`form[action="/logout/confirm"] ${SUBMIT}`);
      await check(citizen, 'logout-done');
      // The language switch, from the keyboard.
      const other = lang === 'es' ? 'en' : 'es';
      await citizen.visit(withLang('/privacy'));
      await citizen.follow(`.lang-switch a[hreflang="${other}"]`);
      const now = await citizen.page.getAttribute('html', 'lang');
      assert(now === other, `the language switch should show the page in ${other}, got ${now}`);
    }),
  );

  add('activation, end to end', () =>
    withCitizen({}, async (citizen) => {
      const from = citizen.trail.length;
      await citizen.visit(withLang('/activate'));
      await check(citizen, 'activate');
      // Nothing typed: every field is named in the summary, which has the focus.
      await citizen.tabTo('#username');
      await citizen.enter();
      await check(citizen, 'activate-empty', { expectErrors: true });
      await assertAllAtOnce(citizen, ['username', 'email', 'activation_code'], 'an empty activation form');
      if (citizen.javaScript) {
        await citizen.tabTo('.error-summary a');
        await citizen.page.keyboard.press('Enter');
        const focused = await citizen.page.evaluate(() => document.activeElement.id);
        assert(focused === 'username', `the summary link should move the focus to #username, got #${focused}`);
      }
      // Every field malformed: each is named, in one submit.
      await citizen.submitForm([
        ['#username', `${person.id.slice(0, 8)}Ñ`],
        ['#email', person.email.replace('@', ' at ')],
        ['#activation_code', person.activationCode.slice(0, 5)],
      ]);
      await check(citizen, 'activate-invalid', { expectErrors: true });
      await assertAllAtOnce(citizen, ['username', 'email', 'activation_code'], 'a malformed activation form');
      // The data of another registration.
      await citizen.submitForm([
        ['#username', person.id],
        ['#email', `other.${person.email}`],
        ['#activation_code', person.activationCode],
      ]);
      await check(citizen, 'activate-mismatch', { expectErrors: true });
      const seen = provider.messages().length;
      await citizen.submitForm([
        ['#username', person.id],
        ['#email', person.email],
        ['#activation_code', person.activationCode.toLowerCase()],
      ]);
      assert(citizen.page.url().includes('/activate/code'), `the right data should lead to the code page, got ${citizen.page.url()}`);
      await check(citizen, 'activate-code');
      await checkResend(citizen);
      await enterOtp(citizen, seen, 'activate-code');
      assert(citizen.page.url().includes('/activate/password'), `the right code should lead to the password page, got ${citizen.page.url()}`);
      await choosePassword(citizen, 'activate-password', password(), { tryErrors: true });
      await check(citizen, 'activate-done');
      assert((await citizen.page.locator('h1').innerText()).length > 0, 'the done page has a heading');
      assertSteps(citizen, from, 'activation');
    }),
  );

  add('login through the authorization endpoint', () =>
    withCitizen({}, async (citizen) => {
      const from = citizen.trail.length;
      await startLogin(citizen);
      await passMethod(citizen, true);
      await check(citizen, 'login');
      await citizen.tabTo('a[href="/help"]');
      await typeCredentials(citizen, `${password()}-wrong`);
      await check(citizen, 'login-wrong-password', { expectErrors: true });
      await typeCredentials(citizen, password());
      expectCallback(citizen);
      assertSteps(citizen, from, 'a login at the low level');
    }),
  );

  add('login at level substantial (SMS code)', () =>
    withCitizen({}, async (citizen) => {
      const from = citizen.trail.length;
      await startLogin(citizen, { acr_values: ACR_SUBSTANTIAL });
      await passMethod(citizen, false);
      const seen = provider.messages().length;
      await typeCredentials(citizen, password());
      assert(citizen.page.url().includes('/login/otp'), `substantial should ask for the SMS code, got ${citizen.page.url()}`);
      await check(citizen, 'login-otp');
      await checkResend(citizen);
      await enterOtp(citizen, seen, 'login-otp');
      expectCallback(citizen);
      assertSteps(citizen, from, 'a login at the substantial level');
    }),
  );

  add('login without JavaScript', () =>
    withCitizen({ javaScript: false }, async (citizen) => {
      const from = citizen.trail.length;
      await startLogin(citizen);
      await passMethod(citizen, false);
      await citizen.submitForm([['#username', ''], ['#password', '']]);
      await check(citizen, 'login-empty', { expectErrors: true });
      await assertAllAtOnce(citizen, ['username', 'password'], 'an empty login form');
      await typeCredentials(citizen, '');
      await check(citizen, 'login-empty-password', { expectErrors: true });
      await typeCredentials(citizen, password());
      expectCallback(citizen);
      assertSteps(citizen, from, 'a login without JavaScript');
    }),
  );

  /** Wrong passwords from a browser the account does not know, until the challenge. */
  async function meetChallenge(citizen) {
    for (let i = 0; i < 4; i++) {
      await citizen.fill('#username', person.id.toLowerCase());
      await citizen.fill('#password', `${password()}-x${i}`);
      await citizen.enter();
      if (await citizen.page.locator('[data-challenge]').count()) return;
    }
    throw new Error('the challenge never came');
  }

  add('proof-of-work past the attempt limits', () =>
    withCitizen({}, async (citizen) => {
      await startLogin(citizen);
      await passMethod(citizen, false);
      await meetChallenge(citizen);
      // The browser solves it: no question, no SMS button, nothing to do.
      assert(!(await citizen.page.locator('#captcha_answer').isVisible()), 'the question should stay hidden');
      assert(!(await citizen.page.locator('button[name="challenge_sms"]').isVisible()), 'so should its alternative');
      await check(citizen, 'challenge-proof-of-work');
      await citizen.page.waitForFunction(() => {
        const input = document.querySelector('input[name="altcha"]');
        return input && input.value.length > 0;
      }, null, { timeout: 10_000 });
      // The widget says how long the work took (`took`, in ms).
      const took = await citizen.page.evaluate(
        () => JSON.parse(atob(document.querySelector('input[name="altcha"]').value)).took,
      );
      env.powMillis.push(took);
      await citizen.fill('#username', person.id.toLowerCase());
      await citizen.fill('#password', password());
      await citizen.enter();
      expectCallback(citizen);
    }),
  );

  if (env.demo) {
    add('demo portal', () =>
      withCitizen({}, async (citizen) => {
        await citizen.visit(withLang('/demo'));
        await check(citizen, 'demo');
        await citizen.follow('form[action="/demo/login"] button[type="submit"]');
        await passMethod(citizen, false);
        await typeCredentials(citizen, password());
        assert(new URL(citizen.page.url()).pathname === '/demo', `the demo portal should be back, got ${citizen.page.url()}`);
        await check(citizen, 'demo-signed-in');
      }),
    );
  }

  if (env.sqlite) {
    add('login with an expired password', () =>
      withCitizen({}, async (citizen) => {
        const twoYearsAndADay = 2 * 366 * 24 * 3600;
        const sql = `UPDATE citizens SET password_set_at = password_set_at - ${twoYearsAndADay} WHERE id = '${person.id}';`;
        const result = spawnSync(env.sqlite, [path.join(provider.dir, 'clave.db'), sql], { encoding: 'utf8', timeout: 10_000 });
        assert(result.status === 0, `sqlite3: ${result.stderr}`);
        const from = citizen.trail.length;
        await startLogin(citizen);
        await passMethod(citizen, false);
        const seen = provider.messages().length;
        await typeCredentials(citizen, password());
        assert(citizen.page.url().includes('/login/renew'), `an expired password should be renewed, got ${citizen.page.url()}`);
        await check(citizen, 'login-renew-code');
        await enterOtp(citizen, seen, 'login-renew-code', { wrongFirst: false });
        await choosePassword(citizen, 'login-renew', nextPassword(), { current: password() });
        person.at += 1;
        expectCallback(citizen);
        assertSteps(citizen, from, 'a login with an expired password');
      }),
    );
  }

  add('blocked password', () =>
    withCitizen({}, async (citizen) => {
      await startLogin(citizen);
      await passMethod(citizen, false);
      for (let i = 0; i < 5; i++) await typeCredentials(citizen, `${password()}-${i}`);
      await typeCredentials(citizen, password());
      await check(citizen, 'login-blocked');
      await citizen.follow('main a[href^="/password/forgot?login="]');
      assert(new URL(citizen.page.url()).pathname === '/password/forgot', 'the blocked page links to the forgotten-password page, carrying the login');
    }),
  );

  add('forgotten password', () =>
    withCitizen({}, async (citizen) => {
      const from = citizen.trail.length;
      await citizen.visit(withLang('/password/forgot'));
      await check(citizen, 'forgot');
      await citizen.tabTo('#username');
      await citizen.enter();
      await check(citizen, 'forgot-empty', { expectErrors: true });
      await assertAllAtOnce(citizen, ['username', 'email', 'activation_code'], 'an empty forgotten-password form');
      const seen = provider.messages().length;
      await citizen.submitForm([
        ['#username', person.id],
        ['#email', person.email],
        ['#activation_code', person.activationCode],
      ]);
      assert(citizen.page.url().includes('/password/forgot/code'), `got ${citizen.page.url()}`);
      await check(citizen, 'forgot-code');
      await enterOtp(citizen, seen, 'forgot-code', { wrongFirst: false });
      await choosePassword(citizen, 'forgot-password', nextPassword());
      person.at += 1;
      await check(citizen, 'forgot-done');
      assertSteps(citizen, from, 'the forgotten password');
      await backSaysDone(citizen, 'forgot-already-done');
    }),
  );

  add('password change', () =>
    withCitizen({}, async (citizen) => {
      const from = citizen.trail.length;
      await citizen.visit(withLang('/password/change'));
      await check(citizen, 'change');
      await citizen.tabTo('#username');
      await citizen.enter();
      await check(citizen, 'change-empty', { expectErrors: true });
      await assertAllAtOnce(citizen, ['username', 'password'], 'an empty password-change form');
      await citizen.submitForm([['#username', person.id], ['#password', `${password()}-wrong`]]);
      await check(citizen, 'change-wrong-password', { expectErrors: true });
      const seen = provider.messages().length;
      await citizen.submitForm([['#username', person.id], ['#password', password()]]);
      assert(citizen.page.url().includes('/password/change/code'), `got ${citizen.page.url()}`);
      await check(citizen, 'change-code');
      await enterOtp(citizen, seen, 'change-code', { wrongFirst: false });
      await choosePassword(citizen, 'change-password', nextPassword(), { current: password() });
      person.at += 1;
      await check(citizen, 'change-done');
      assertSteps(citizen, from, 'the password change');
    }),
  );

  // Mi Cl@ve, the account page, on the first citizen, who by now has signed in
  // to the portal, failed, been blocked and changed passwords; ending sessions
  // and forgetting a browser first makes the history longer than a page. "This
  // wasn't me" comes last, as it blocks the password and no later journey needs
  // it (its recovery would be a sixth SMS in the hour).

  /** The account page's own login, from wherever `citizen` is to /account. */
  async function accountLogin(citizen, { audit = false } = {}) {
    assert(citizen.page.url().includes('/login?'), `the account page should ask for a login first, got ${citizen.page.url()}`);
    if (audit) await check(citizen, 'account-login-method');
    await passMethod(citizen, false);
    if (audit) await check(citizen, 'account-login');
    await typeCredentials(citizen, password());
    const at = new URL(citizen.page.url());
    assert(at.pathname === '/account', `the login should lead back to the account page, got ${at}`);
  }

  /** The history as the page lists it: datetime and what happened, newest first. */
  function historyRows(citizen) {
    return citizen.page.evaluate(() =>
      [...document.querySelectorAll('#history ~ .records > li')].map((li) => ({
        when: li.querySelector('time').getAttribute('datetime'),
        title: li.querySelector('.record__title').textContent.trim(),
      })),
    );
  }

  /** The history is not empty, newest first, and the portal's sign-ins are in it. */
  async function checkHistory(citizen, { portal = true } = {}) {
    const rows = await historyRows(citizen);
    assert(rows.length > 0, 'the history should not be empty');
    for (let i = 1; i < rows.length; i++) {
      assert(Date.parse(rows[i - 1].when) >= Date.parse(rows[i].when), `the history should be newest first: ${rows[i - 1].when} before ${rows[i].when}`);
    }
    if (portal) {
      assert(rows.some((row) => row.title.includes('Sede electrónica de pruebas')), `the portal's sign-ins should be in the history: ${rows.map((r) => r.title).join(' | ')}`);
    }
    return rows;
  }

  /** Whether `citizen`'s browser still has a session: a portal gets a code with no login. */
  async function signedInAtPortal(citizen) {
    await citizen.visit(env.authorizeUrl(lang === 'es' ? {} : { ui_locales: lang }));
    return new URL(citizen.page.url()).origin === env.rp.origin;
  }

  /** `citizen`, another browser of the same person, signs in at the portal. */
  async function portalLogin(citizen) {
    await startLogin(citizen);
    await passMethod(citizen, false);
    await typeCredentials(citizen, password());
    expectCallback(citizen);
  }

  /** Pages to older history when the page offers it; audits it as `name`. */
  async function olderHistory(citizen, name, newest) {
    const older = 'a[href^="/account?before="]';
    if ((await citizen.page.locator(older).count()) === 0) return false;
    await citizen.follow(older);
    assert(new URL(citizen.page.url()).searchParams.get('before'), `the older page is asked with ?before=, got ${citizen.page.url()}`);
    await check(citizen, name);
    const rows = await checkHistory(citizen, { portal: false });
    const last = newest[newest.length - 1];
    assert(Date.parse(rows[0].when) <= Date.parse(last.when), 'the older page starts where the first one ended');
    await citizen.follow('a[href="/account#history"]');
    assert(!new URL(citizen.page.url()).searchParams.get('before'), 'back at the newest page');
    return true;
  }

  add('account page: end a session, forget a browser, end all sessions', () =>
    withCitizen({}, (elsewhere) =>
      withCitizen({}, async (citizen) => {
        // Another browser of the same citizen, signed in at the portal.
        await portalLogin(elsewhere);
        assert(await signedInAtPortal(elsewhere), 'a browser with a session goes back to the portal with no login');
        await citizen.visit(withLang('/account'));
        await accountLogin(citizen);
        // The sessions that are not this browser's (no "this browser" beside them),
        // newest first: the other browser's is the newest.
        const others = () => citizen.page.evaluate(() =>
          [...document.querySelectorAll('form[action="/account/sessions/end"]')]
            .filter((form) => !form.closest('li').querySelector('.record__title strong'))
            .map((form) => ({
              sid: form.querySelector('input[name="sid"]').value,
              started: Date.parse(form.closest('li').querySelector('time').getAttribute('datetime')),
            }))
            .sort((a, b) => b.started - a.started)
            .map((session) => session.sid),
        );
        const sessions = await others();
        assert(sessions.length > 0, 'the other browser\'s session should be listed');
        await citizen.follow(`form[action="/account/sessions/end"]:has(input[value="${sessions[0]}"]) button`);
        assert(citizen.page.url().includes('done=session-ended'), `got ${citizen.page.url()}`);
        await check(citizen, 'account-session-ended');
        assert(!(await others()).includes(sessions[0]), 'the ended session is no longer listed');
        assert(!(await signedInAtPortal(elsewhere)), 'the ended session should not sign the other browser in');
        // A trusted browser that is not this one.
        const browsers = await citizen.page.evaluate(() =>
          [...document.querySelectorAll('form[action="/account/browsers/forget"]')]
            .filter((form) => !form.closest('li').querySelector('.record__title strong'))
            .map((form) => form.querySelector('input[name="id"]').value),
        );
        assert(browsers.length > 0, 'the browsers signed in before should be listed');
        await citizen.follow(`form[action="/account/browsers/forget"]:has(input[value="${browsers[0]}"]) button`);
        assert(citizen.page.url().includes('done=browser-forgotten'), `got ${citizen.page.url()}`);
        await check(citizen, 'account-browser-forgotten');
        const left = await citizen.page.locator(`form[action="/account/browsers/forget"] input[value="${browsers[0]}"]`).count();
        assert(left === 0, 'the forgotten browser is no longer listed');
        // End all: this browser's session and the other browser's new one.
        await portalLogin(elsewhere);
        await citizen.follow(`form[action="/account/sessions/end-all"] ${SUBMIT}`);
        await check(citizen, 'account-ended-all');
        assert(!(await signedInAtPortal(elsewhere)), 'ending all sessions should sign the other browser out too');
        await citizen.follow('main a[href="/account"]');
        assert(citizen.page.url().includes('/login?'), `this browser should be signed out too, got ${citizen.page.url()}`);
      }),
    ),
  );

  add('account page: login and history', () =>
    withCitizen({}, async (citizen) => {
      // The link every login page carries, from the keyboard.
      await startLogin(citizen);
      await passMethod(citizen, false);
      await citizen.follow('main a[href="/account"]');
      await accountLogin(citizen, { audit: true });
      await check(citizen, 'account');
      const rows = await checkHistory(citizen);
      // The contents list jumps to each section.
      await citizen.tabTo('nav a[href="#sessions"]');
      await citizen.page.keyboard.press('Enter');
      await citizen.page.waitForFunction(() => location.hash === '#sessions');
      const paged = await olderHistory(citizen, 'account-older', rows);
      assert(rows.length <= 20, `a history page shows at most 20 rows, this one ${rows.length}`);
      // By now the history is longer than a page (where every optional journey ran).
      if (env.demo && env.sqlite) assert(paged, 'the history should offer older entries');
      await citizen.visit(withLang('/account?before=not-a-number'));
      await check(citizen, 'account-bad-page');
    }),
  );

  add('account page without JavaScript', () =>
    withCitizen({ javaScript: false }, async (citizen) => {
      await citizen.visit(withLang('/account'));
      await accountLogin(citizen);
      await check(citizen, 'account');
      const rows = await checkHistory(citizen);
      await olderHistory(citizen, 'account-older', rows);
      await citizen.follow('a[href="/account/not-me"]');
      await check(citizen, 'account-not-me');
      await citizen.follow('main a[href="/account"]');
      assert(new URL(citizen.page.url()).pathname === '/account', `"back" should lead to the account page, got ${citizen.page.url()}`);
      // This browser's own session, ended from its "sign out" button.
      await citizen.follow('li:has(.record__title strong) form[action="/account/sessions/end"] button');
      await check(citizen, 'account-ended-this');
      assert(!(await signedInAtPortal(citizen)), 'signing out here should end this browser\'s session');
    }),
  );

  add('account page: this wasn\'t me', () =>
    withCitizen({}, (elsewhere) =>
      withCitizen({}, async (citizen) => {
        await portalLogin(elsewhere);
        assert(await signedInAtPortal(elsewhere), 'the other browser has a session');
        await citizen.visit(withLang('/account'));
        await accountLogin(citizen);
        await citizen.follow('a[href="/account/not-me"]');
        assert(new URL(citizen.page.url()).pathname === '/account/not-me', `got ${citizen.page.url()}`);
        await check(citizen, 'account-not-me');
        await citizen.follow(`form[action="/account/not-me"] ${SUBMIT}`);
        await check(citizen, 'account-not-me-done');
        const reset = await citizen.page.locator('main a[href="/password/forgot"]').count();
        assert(reset === 1, 'the page leads to the forgotten-password flow');
        assert(!(await signedInAtPortal(elsewhere)), 'every session ends, the other browser\'s too');
        // The password is blocked now.
        await startLogin(citizen);
        await passMethod(citizen, false);
        await typeCredentials(citizen, password());
        assert(new URL(citizen.page.url()).origin !== env.rp.origin, 'the blocked password should not sign in');
        await check(citizen, 'login-blocked-not-me');
        await citizen.follow('main a[href^="/password/forgot?login="]');
        assert(new URL(citizen.page.url()).pathname === '/password/forgot', 'the blocked page links to the forgotten-password page, carrying the login');
      }),
    ),
  );

  if (env.legacy) {
    add('legacy Social Security user', () =>
      withCitizen({}, async (citizen) => {
        const before = person;
        person = cast.legacy;
        try {
          await citizen.visit(withLang('/help/legacy'));
          await check(citizen, 'legacy-help');
          await startLogin(citizen);
          await passMethod(citizen, false);
          await typeCredentials(citizen, password());
          await check(citizen, 'legacy-not-migrated');
          await startLogin(citizen, {}, env.legacy.clientId);
          await passMethod(citizen, false);
          await typeCredentials(citizen, password());
          assert(citizen.page.url().includes('/login/legacy'), `a Social Security portal offers the migration, got ${citizen.page.url()}`);
          await check(citizen, 'legacy-consent');
          await citizen.follow('form[action="/login/legacy"] button[value="accept"]');
          expectCallback(citizen);
        } finally {
          person = before;
        }
      }),
    );
  }

  add('activation opened from a login, and on to the service', () =>
    withCitizen({}, async (citizen) => {
      person = cast.second;
      // A citizen at a portal's login who has not activated yet.
      await startLogin(citizen);
      await citizen.follow('main a[href^="/activate?login="]');
      assert(new URL(citizen.page.url()).pathname === '/activate', `the login page links to the activation, got ${citizen.page.url()}`);
      const from = citizen.trail.length - 1;
      const seen = provider.messages().length;
      await citizen.submitForm([
        ['#username', person.id],
        ['#email', person.email],
        ['#activation_code', person.activationCode],
      ]);
      await enterOtp(citizen, seen, 'activate-code', { wrongFirst: false });
      await citizen.submitForm([['#new_password', password()], ['#new_password_confirm', password()]]);
      const stillAsking = await citizen.page.locator('#new_password').count();
      assert(stillAsking === 0, `the password should be accepted: ${await citizen.text('main')}`);
      assertSteps(citizen, from, 'an activation opened from a login');
      // Back from the end: the activation is done, nothing runs twice.
      await backSaysDone(citizen, 'activate-already-done');
      await citizen.page.goForward({ waitUntil: 'load' });
      // The end page leads on to the service, whose login still waits.
      await check(citizen, 'activate-done-continue');
      await citizen.follow('main a.button[href*="/login"]');
      assert(new URL(citizen.page.url()).pathname === '/login', `"Continue" leads back to the login, got ${citizen.page.url()}`);
      await passMethod(citizen, false);
      await typeCredentials(citizen, password());
      expectCallback(citizen);
    }),
  );

  add('cancel and return to the service', () =>
    withCitizen({}, async (citizen) => {
      await startLogin(citizen);
      await passMethod(citizen, false);
      await citizen.follow('form[action="/login/cancel"] button');
      const at = new URL(citizen.page.url());
      assert(at.origin === env.rp.origin && at.pathname === '/callback', `cancel returns to the portal, got ${at}`);
      assert(at.searchParams.get('error') === 'access_denied', `the portal hears access_denied, got ${at}`);
      assert(at.searchParams.get('state') === env.rp.state, `with its state, got ${at}`);
      assert(!at.searchParams.get('code'), 'and no code');
    }),
  );

  // On the second citizen: each account may receive 5 SMS an hour.
  add('challenge without JavaScript: the question and its SMS alternative', () =>
    withCitizen({ javaScript: false }, async (citizen) => {
      await startLogin(citizen);
      await passMethod(citizen, false);
      await meetChallenge(citizen);
      assert(await citizen.page.locator('#captcha_answer').isVisible(), 'the question should show');
      await check(citizen, 'challenge-no-script', { expectErrors: true });
      const seen = provider.messages().length;
      await citizen.follow('button[name="challenge_sms"]');
      assert(await citizen.page.locator('#challenge_code').isVisible(), 'a field for the SMS code');
      await check(citizen, 'challenge-sms-sent');
      const code = await provider.otpFor(person.phone, seen);
      await citizen.fill('#password', password());
      await citizen.fill('#challenge_code', code);
      await citizen.enter();
      expectCallback(citizen);
    }),
  );

  add('new activation code', () =>
    withCitizen({}, async (citizen) => {
      const from = citizen.trail.length;
      await citizen.visit(withLang('/activation-code/regenerate'));
      await check(citizen, 'regenerate');
      const seen = provider.messages().length;
      await citizen.submitForm([['#username', person.id], ['#password', password()]]);
      await check(citizen, 'regenerate-code');
      await enterOtp(citizen, seen, 'regenerate-code', { wrongFirst: false });
      await check(citizen, 'regenerate-done');
      const code = (await citizen.text('#activation-code')).trim();
      assert(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/.test(code), `a new activation code is shown, got ${code}`);
      person.activationCode = code;
      assertSteps(citizen, from, 'a new activation code');
      // Back: the code was made, and is not shown again.
      await backSaysDone(citizen, 'regenerate-already-done');
      assert((await citizen.page.locator('#activation-code').count()) === 0, 'the code is shown once');
      assert(!(await citizen.text('main')).includes(code), 'the code is shown once');
    }),
  );

  add('unsubscribe', () =>
    withCitizen({}, async (citizen) => {
      const from = citizen.trail.length;
      await citizen.visit(withLang('/unsubscribe'));
      await check(citizen, 'unsubscribe');
      await citizen.tabTo('#username');
      await citizen.enter();
      await check(citizen, 'unsubscribe-empty', { expectErrors: true });
      await assertAllAtOnce(citizen, ['username', 'password'], 'an empty unsubscribe form');
      const seen = provider.messages().length;
      await citizen.submitForm([['#username', person.id], ['#password', password()]]);
      await check(citizen, 'unsubscribe-code');
      await enterOtp(citizen, seen, 'unsubscribe-code', { wrongFirst: false });
      assert(citizen.page.url().includes('/unsubscribe/confirm'), `got ${citizen.page.url()}`);
      await check(citizen, 'unsubscribe-confirm');
      await citizen.follow('form[action="/unsubscribe/confirm"] button[type="submit"]');
      await check(citizen, 'unsubscribe-done');
      assertSteps(citizen, from, 'closing the account');
      await backSaysDone(citizen, 'unsubscribe-already-done');
      // The closed account at a portal.
      await startLogin(citizen);
      await passMethod(citizen, false);
      await typeCredentials(citizen, password());
      await check(citizen, 'login-unsubscribed');
    }),
  );

  add('expired form (CSRF)', () =>
    withCitizen({}, async (citizen) => {
      await citizen.visit(withLang('/activate'));
      await citizen.context.clearCookies();
      await citizen.submitForm([['#username', person.id]]);
      await check(citizen, 'form-expired');
    }),
  );

  return { list };
}

module.exports = { journeys, people, legacyCsv, dni, LANGUAGES };
