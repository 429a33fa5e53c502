/**
 * What the browser tests run against: the real server (a child process on a real SQLite file)
 * and Debian's Chromium on a persistent profile, which can be killed with SIGKILL and relaunched
 * on the same profile to prove that IndexedDB really kept the data.
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './chromium-path';

const ROOT = join(import.meta.dirname, '..', '..');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The real server, started as users start it, on a fixed port so the origin never changes. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  /** Everything the server printed since it was created (e.g. the first-start setup link). */
  output = '';
  readonly dataDir = mkdtempSync(join(tmpdir(), 'mcld-e2e-data-'));
  constructor(
    readonly port: number,
    private readonly env: Record<string, string> = {},
  ) {}

  static async create(env: Record<string, string> = {}): Promise<ServerProcess> {
    return new ServerProcess(await freePort(), env);
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get databasePath(): string {
    return join(this.dataDir, 'mot-cua.sqlite');
  }

  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        STATIC_DIR: join(ROOT, 'dist', 'client'),
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
      this.output += chunk.toString();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
      try {
        const res = await fetch(`${this.origin}/api/v1/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not start: ${output}`);
  }

  /** Stops the server; with it down, the phone is as offline as it can be. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Chromium on a persistent profile directory that survives a SIGKILL of the browser. */
export class BrowserProfile {
  readonly dir = mkdtempSync(join(tmpdir(), 'mcld-e2e-profile-'));
  context: BrowserContext | null = null;

  async launch(): Promise<BrowserContext> {
    this.context = await chromium.launchPersistentContext(this.dir, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      viewport: { width: 360, height: 740 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    return this.context;
  }

  /** Kills every Chromium process of this profile at once, as a dead battery or the OS would. */
  async kill(): Promise<void> {
    const context = this.context;
    this.context = null;
    const closed = context ? new Promise<void>((resolve) => context.once('close', () => resolve())) : Promise.resolve();
    // "[/]" keeps the pattern from matching the shell that runs pkill.
    execSync(`pkill -KILL -f -- '--user-data-dir=[/]${this.dir.slice(1)}' || true`);
    await closed;
  }

  async close(): Promise<void> {
    await this.context?.close().catch(() => undefined);
    this.context = null;
  }

  async dispose(): Promise<void> {
    await this.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Resolves once a service worker controls the page (first install claims clients). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
  });
}
