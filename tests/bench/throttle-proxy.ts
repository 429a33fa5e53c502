/**
 * A TCP proxy that behaves like a slow mobile link (for the sync benchmark). What it models:
 * - one radio per phone: each direction is ONE shared bottleneck for all connections, a token
 *   bucket at the given bit rate with no burst (a byte leaves when the link is free, back to back);
 * - a one-way delay of RTT/2 on every segment, after it has been serialised on the link;
 * - a TCP handshake per new connection: the first client byte may leave only one full RTT
 *   (SYN up, SYN-ACK down) after the connection opened, since the proxy's own accept is local;
 * - segments of at most MSS bytes, so a large body arrives progressively, in order.
 * Not modelled: TCP/IP header bytes, slow start, loss, TLS (the counts are HTTP bytes only).
 */
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

export interface ThrottleOptions {
  /** Where the real server listens. */
  targetPort: number;
  targetHost?: string;
  /** Server → phone, bits per second. */
  downBitsPerSecond: number;
  /** Phone → server, bits per second. */
  upBitsPerSecond: number;
  rttMs: number;
}

export interface ThrottleCounts {
  /** Bytes the phone sent (request heads and bodies). */
  bytesUp: number;
  /** Bytes the server sent (response heads and bodies). */
  bytesDown: number;
  connections: number;
}

export interface ThrottleProxy {
  port: number;
  counts(): ThrottleCounts;
  /** Zeroes the counters (between two measured runs). */
  reset(): void;
  close(): Promise<void>;
}

/** A typical Ethernet MSS: the size of one segment the link carries. */
const MSS = 1460;

/** One direction of the radio: when the link is next free, shared by every connection. */
class Link {
  private freeAt = 0;
  bytes = 0;
  constructor(
    private readonly bitsPerSecond: number,
    private readonly delayMs: number,
  ) {}

  /** When a segment of `size` bytes handed over at `at` (ms) reaches the other end. */
  deliveryTime(size: number, at: number): number {
    const start = Math.max(at, this.freeAt);
    this.freeAt = start + (size * 8 * 1000) / this.bitsPerSecond;
    this.bytes += size;
    return this.freeAt + this.delayMs;
  }
}

/** Writes segments to `out` at their delivery times, strictly in the order they were queued. */
class Pipe {
  private readonly queue: { at: number; bytes: Buffer }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private ended = false;
  /** No byte leaves before this time (the handshake). */
  private notBefore: number;

  constructor(
    private readonly link: Link,
    private readonly out: Socket,
    notBefore: number,
  ) {
    this.notBefore = notBefore;
  }

  push(chunk: Buffer): void {
    for (let offset = 0; offset < chunk.length; offset += MSS) {
      const bytes = chunk.subarray(offset, offset + MSS);
      const at = this.link.deliveryTime(bytes.length, Math.max(performance.now(), this.notBefore));
      this.queue.push({ at, bytes });
    }
    this.pump();
  }

  /** Half-closes `out` once everything queued has been delivered. */
  end(): void {
    this.ended = true;
    this.pump();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.queue.length = 0;
  }

  private pump(): void {
    if (this.timer) return;
    const now = performance.now();
    while (this.queue.length > 0 && this.queue[0]!.at <= now) {
      const segment = this.queue.shift()!;
      if (!this.out.destroyed) this.out.write(segment.bytes);
    }
    const next = this.queue[0];
    if (next) {
      this.timer = setTimeout(
        () => {
          this.timer = null;
          this.pump();
        },
        Math.max(0, next.at - now),
      );
      return;
    }
    if (this.ended && !this.out.destroyed) this.out.end();
  }
}

export async function startThrottleProxy(options: ThrottleOptions): Promise<ThrottleProxy> {
  const oneWay = options.rttMs / 2;
  const up = new Link(options.upBitsPerSecond, oneWay);
  const down = new Link(options.downBitsPerSecond, oneWay);
  let connections = 0;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    connections += 1;
    const upstream = connect(options.targetPort, options.targetHost ?? '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    // SYN travels up, SYN-ACK down: the phone's first byte leaves one RTT after it connected.
    const toServer = new Pipe(up, upstream, performance.now() + options.rttMs);
    const toPhone = new Pipe(down, client, 0);
    client.on('data', (chunk: Buffer) => toServer.push(chunk));
    upstream.on('data', (chunk: Buffer) => toPhone.push(chunk));
    client.on('end', () => toServer.end());
    upstream.on('end', () => toPhone.end());
    const teardown = (): void => {
      toServer.destroy();
      toPhone.destroy();
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', teardown);
    upstream.on('error', teardown);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    counts: () => ({ bytesUp: up.bytes, bytesDown: down.bytes, connections }),
    reset() {
      // Open keep-alive connections stay on the same links: only the counters start over.
      up.bytes = 0;
      down.bytes = 0;
      connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
