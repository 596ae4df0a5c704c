'use strict';
// The real provider for the browser suite: `cargo build --locked`, then
// `target/debug/clave-idp serve` on a free loopback port with a database, config
// folder and SMS outbox of its own in a temporary directory. Citizens and clients
// are registered with the same binary's operator commands (`--json`), exactly as a
// registration office would, and SMS codes are read back from the outbox file.

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..', '..', '..');
// CARGO_TARGET_DIR, when set, is where cargo put the build (as it does for cargo itself).
const BINARY = path.join(process.env.CARGO_TARGET_DIR ? path.resolve(REPO, process.env.CARGO_TARGET_DIR) : path.join(REPO, 'target'), 'debug', 'clave-idp');

/** Builds the provider; throws with cargo's exit status on failure. */
function build({ timeoutMs }) {
  const started = Date.now();
  const result = spawnSync('cargo', ['build', '--locked'], {
    cwd: REPO,
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: timeoutMs,
    env: { ...process.env, CARGO_TERM_COLOR: 'never' },
  });
  if (result.error) throw new Error(`cargo build: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`cargo build --locked exited with ${result.status}`);
  return Date.now() - started;
}

/** A TCP port nothing listens on right now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class Provider {
  constructor(dir, port) {
    this.dir = dir;
    this.port = port;
    this.issuer = `http://127.0.0.1:${port}`;
    this.outbox = path.join(dir, 'sms.jsonl');
    this.logFile = path.join(dir, 'server.log');
    this.env = {
      ...process.env,
      CLAVE_CONFIG_DIR: path.join(dir, 'config'),
      CLAVE_LISTEN: `127.0.0.1:${port}`,
      CLAVE_ISSUER: this.issuer,
      CLAVE_DATABASE_URL: `sqlite://${path.join(dir, 'clave.db')}`,
      CLAVE_SMS: 'outbox',
      CLAVE_SMS_OUTBOX: this.outbox,
      CLAVE_LOG_FORMAT: 'text',
    };
    delete this.env.CLAVE_REDIS_URL;
    delete this.env.CLAVE_PROFILE;
    this.child = null;
  }

  /** Creates the temporary folders and starts `serve`; resolves once /readyz is 200. */
  static async start({ timeoutMs }) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clave-browser-'));
    fs.mkdirSync(path.join(dir, 'config'));
    const provider = new Provider(dir, await freePort());
    const log = fs.openSync(provider.logFile, 'a');
    provider.child = spawn(BINARY, ['serve'], {
      cwd: dir,
      env: provider.env,
      stdio: ['ignore', log, log],
    });
    provider.exited = new Promise((resolve) => provider.child.on('exit', resolve));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (provider.child.exitCode !== null) break;
      try {
        const response = await fetch(`${provider.issuer}/readyz`);
        if (response.status === 200) return provider;
      } catch {
        // not listening yet
      }
      await sleep(150);
    }
    await provider.stop();
    throw new Error(`the provider did not become ready; its log:\n${provider.log()}`);
  }

  /** The server's log so far (for failure reports). */
  log() {
    try {
      return fs.readFileSync(this.logFile, 'utf8').split("\n").slice(-(Number(process.env.CLAVE_BROWSER_LOG_LINES) || 40)).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** Runs an operator command with `--json` and returns its JSON object. */
  cli(args) {
    const result = spawnSync(BINARY, [...args, '--json'], {
      cwd: this.dir,
      env: this.env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (result.status !== 0) {
      throw new Error(`clave-idp ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
    }
    return JSON.parse(result.stdout.trim().split('\n').pop());
  }

  /** Registers a citizen (a registration act); returns the activation code. */
  registerCitizen(citizen) {
    const args = [
      'citizen', 'register',
      '--id', citizen.id,
      '--given-name', citizen.givenName,
      '--first-surname', citizen.firstSurname,
      '--second-surname', citizen.secondSurname,
      '--email', citizen.email,
      '--phone', citizen.phone,
    ];
    return this.cli(args).activation_code;
  }

  /** Registers a confidential client; returns `{ client_id, client_secret }`. */
  registerClient({ name, redirectUri, postLogoutRedirectUri, socialSecurity = false }) {
    const args = ['client', 'add', '--name', name, '--redirect-uri', redirectUri];
    if (postLogoutRedirectUri) args.push('--post-logout-redirect-uri', postLogoutRedirectUri);
    if (socialSecurity) args.push('--social-security');
    return this.cli(args);
  }

  /** Every SMS sent so far, oldest first. */
  messages() {
    if (!fs.existsSync(this.outbox)) return [];
    return fs
      .readFileSync(this.outbox, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line));
  }

  /**
   * The code of the newest SMS to `phone` (digits compared, prefix ignored) sent
   * after the first `seen` messages; waits for it up to `timeoutMs`.
   */
  async otpFor(phone, seen, timeoutMs = 5000) {
    const digits = phone.replace(/\D/g, '').slice(-9);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const fresh = this.messages().slice(seen).filter((m) => m.to.replace(/\D/g, '').endsWith(digits));
      if (fresh.length > 0) {
        const match = /\b(\d{6})\b/.exec(fresh[fresh.length - 1].body);
        if (!match) throw new Error(`no 6-digit code in the SMS: ${fresh[fresh.length - 1].body}`);
        return match[1];
      }
      await sleep(100);
    }
    throw new Error(`no SMS reached ${phone} within ${timeoutMs} ms`);
  }

  /** Whether `path` answers 200 (used to find optional pages such as /demo). */
  async has(pathname) {
    try {
      const response = await fetch(`${this.issuer}${pathname}`, { redirect: 'manual' });
      return response.status === 200;
    } catch {
      return false;
    }
  }

  /** Stops the server (SIGTERM, then SIGKILL after 3 s) and removes its files. */
  async stop() {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const killed = await Promise.race([this.exited.then(() => true), sleep(3000).then(() => false)]);
      if (!killed) {
        this.child.kill('SIGKILL');
        await Promise.race([this.exited, sleep(2000)]);
      }
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

module.exports = { build, freePort, Provider, REPO, BINARY };
