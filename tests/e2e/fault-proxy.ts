/**
 * A TCP proxy between Chromium and the real server that breaks requests on purpose. It reads one
 * HTTP/1.1 request per connection (head + Content-Length body), forwards it with
 * `Connection: close`, and relays the server's raw answer byte for byte, then closes. Faults are
 * armed per path and used once each:
 * - cut-request k: the server gets only the first k bytes of the request, then both sides are cut;
 * - cut-response k: the server handles the request (commits); the phone gets k bytes (negative k:
 *   all but the last |k|), then a cut;
 * - status: the phone gets this status; `forward` lets the server handle (commit) it first;
 * - duplicate: the request reaches the server twice, at once; the phone gets the second answer;
 * - kill-after-commit: as soon as the server's answer starts (the transaction is committed), the
 *   server is killed with SIGKILL and the phone's connection is cut, before any byte reaches it;
 * - hold: the request (stage 'request') or the answer (stage 'response') waits until released.
 * The page's origin is the proxy's port, so it never changes when the server restarts.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export type ProxyFault =
  | { kind: 'cut-request'; afterBytes: number }
  | { kind: 'cut-response'; afterBytes: number }
  | { kind: 'status'; status: number; body?: unknown; forward?: boolean }
  | { kind: 'duplicate' }
  | { kind: 'kill-after-commit'; kill: () => Promise<void> }
  | { kind: 'hold'; stage: 'request' | 'response' };

export interface ProxyLogEntry {
  method: string;
  path: string;
  fault: ProxyFault['kind'] | null;
  /** Bytes of the server's answer (0 when none came). */
  answerBytes: number;
}

interface Armed {
  pathPrefix: string;
  fault: ProxyFault;
}

interface Held {
  release: () => void;
  path: string;
}

const HEAD_END = Buffer.from('\r\n\r\n');
export const PUSH_PATH = '/api/v1/sync/push';

/** One request as read from the phone: the raw bytes to forward, and what we need to route it. */
interface ParsedRequest {
  method: string;
  path: string;
  bytes: Buffer;
}

function rewriteHead(head: string): string {
  const lines = head.split('\r\n').filter((line) => !/^(connection|keep-alive|proxy-connection):/i.test(line));
  lines.push('Connection: close');
  return lines.join('\r\n');
}

/** Reads one request from the socket; null if the phone closed first. */
function readRequest(socket: Socket): Promise<ParsedRequest | null> {
  return new Promise((resolve) => {
    let buffer = Buffer.alloc(0);
    const done = (value: ParsedRequest | null) => {
      socket.off('data', onData);
      socket.off('close', onClose);
      resolve(value);
    };
    const onClose = () => done(null);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf(HEAD_END);
      if (end < 0) return;
      const head = buffer.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      const total = end + HEAD_END.length + length;
      if (buffer.length < total) return;
      const [method = 'GET', target = '/'] = head.split('\r\n')[0]?.split(' ') ?? [];
      const body = buffer.subarray(end + HEAD_END.length, total);
      const bytes = Buffer.concat([Buffer.from(rewriteHead(head), 'latin1'), HEAD_END, body]);
      done({ method, path: target, bytes });
    };
    socket.on('data', onData);
    socket.on('close', onClose);
  });
}

function statusResponse(status: number, body: unknown): Buffer {
  const text = JSON.stringify(body ?? { error: 'injected', message: `injected ${status}` });
  return Buffer.from(
    `HTTP/1.1 ${status} Injected\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

export class FaultProxy {
  private readonly armed: Armed[] = [];
  private readonly held: Held[] = [];
  private heldWaiters: Array<() => void> = [];
  private readonly sockets = new Set<Socket>();
  readonly log: ProxyLogEntry[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly upstreamPort: number,
  ) {}

  static async start(upstreamPort: number, port = 0): Promise<FaultProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (typeof address !== 'object' || !address) throw new Error('proxy has no port');
    const proxy = new FaultProxy(server, address.port, upstreamPort);
    server.on('connection', (socket) => proxy.accept(socket));
    return proxy;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Arms `fault` for the next request whose path starts with `pathPrefix` (the push by default). */
  arm(fault: ProxyFault, pathPrefix = PUSH_PATH): void {
    this.armed.push({ pathPrefix, fault });
  }

  /** Faults not used yet. */
  get pending(): number {
    return this.armed.length;
  }

  disarm(): void {
    this.armed.length = 0;
  }

  /** Resolves once a request or answer is being held. */
  async waitForHeld(): Promise<void> {
    if (this.held.length > 0) return;
    await new Promise<void>((resolve) => this.heldWaiters.push(resolve));
  }

  /** Lets every held request or answer go on. */
  releaseAll(): void {
    for (const held of this.held.splice(0)) held.release();
  }

  async close(): Promise<void> {
    this.releaseAll();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private take(path: string): ProxyFault | null {
    const index = this.armed.findIndex((a) => path.startsWith(a.pathPrefix));
    if (index < 0) return null;
    return this.armed.splice(index, 1)[0]?.fault ?? null;
  }

  private hold(path: string): Promise<void> {
    return new Promise((resolve) => {
      this.held.push({ release: resolve, path });
      for (const wake of this.heldWaiters.splice(0)) wake();
    });
  }

  private accept(client: Socket): void {
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => undefined);
    void this.serve(client);
  }

  private async serve(client: Socket): Promise<void> {
    const request = await readRequest(client);
    if (!request) return;
    const fault = this.take(request.path);
    const entry: ProxyLogEntry = { method: request.method, path: request.path, fault: fault?.kind ?? null, answerBytes: 0 };
    this.log.push(entry);
    const reply = (bytes: Buffer) => {
      entry.answerBytes = bytes.length;
      if (!client.destroyed) client.end(bytes);
    };
    try {
      switch (fault?.kind) {
        case undefined:
          return reply(await this.exchange(request.bytes));
        case 'cut-request':
          await this.exchange(request.bytes, { sendOnly: fault.afterBytes });
          client.destroy();
          return;
        case 'cut-response': {
          const answer = await this.exchange(request.bytes);
          entry.answerBytes = answer.length;
          // Negative: all but that many bytes from the end.
          const keep = fault.afterBytes < 0 ? Math.max(0, answer.length + fault.afterBytes) : fault.afterBytes;
          client.write(answer.subarray(0, keep), () => client.destroy());
          return;
        }
        case 'status':
          if (fault.forward) await this.exchange(request.bytes);
          return reply(statusResponse(fault.status, fault.body));
        case 'duplicate': {
          const [, second] = await Promise.all([this.exchange(request.bytes), this.exchange(request.bytes)]);
          return reply(second);
        }
        case 'kill-after-commit':
          await this.exchange(request.bytes, { onFirstByte: fault.kill });
          client.destroy();
          return;
        case 'hold':
          if (fault.stage === 'request') {
            await this.hold(request.path);
            return reply(await this.exchange(request.bytes));
          } else {
            const answer = await this.exchange(request.bytes);
            await this.hold(request.path);
            return reply(answer);
          }
      }
    } catch {
      // The server is down or went away: the phone sees a dropped connection.
      client.destroy();
    }
  }

  /**
   * Sends the raw request to the server and returns its raw answer. `sendOnly`: send that many
   * bytes, then cut. `onFirstByte`: called (and awaited) when the answer starts; the answer is dropped.
   */
  private exchange(bytes: Buffer, options: { sendOnly?: number; onFirstByte?: () => Promise<void> } = {}): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const upstream = connect(this.upstreamPort, '127.0.0.1');
      const chunks: Buffer[] = [];
      let first = true;
      upstream.on('connect', () => {
        if (options.sendOnly === undefined) {
          upstream.write(bytes);
          return;
        }
        upstream.write(bytes.subarray(0, options.sendOnly), () => {
          upstream.destroy();
          resolve(Buffer.alloc(0));
        });
      });
      upstream.on('data', (chunk: Buffer) => {
        if (first && options.onFirstByte) {
          first = false;
          upstream.pause();
          void options.onFirstByte().then(() => {
            upstream.destroy();
            resolve(Buffer.alloc(0));
          }, reject);
          return;
        }
        chunks.push(chunk);
      });
      upstream.on('end', () => resolve(Buffer.concat(chunks)));
      upstream.on('error', reject);
      upstream.on('close', () => resolve(Buffer.concat(chunks)));
    });
  }
}
