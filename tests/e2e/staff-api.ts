/** The one-stop shop's API as a staff member calls it in browser tests: the first admin from the setup link, then JSON calls with the session cookie. */
import type { ServerProcess } from './harness';

export class StaffApi {
  private cookie = '';
  constructor(private readonly origin: string) {}

  async call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await fetch(`${this.origin}${path}`, {
      method,
      headers: {
        origin: this.origin,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = response.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0] ?? '';
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  }
}

/** The one-time setup token the server printed on its first start. */
export async function setupLinkToken(server: ServerProcess): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const match = /thiet-lap#([A-Za-z0-9_-]{43})/.exec(server.output);
    if (match) return match[1] as string;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no setup link in the server output:\n${server.output}`);
}

/** Creates the first admin through the setup link and returns them signed in. */
export async function firstAdmin(server: ServerProcess): Promise<StaffApi> {
  const admin = new StaffApi(server.origin);
  const setup = await admin.call('POST', '/api/v1/auth/setup', {
    token: await setupLinkToken(server),
    username: 'quantri',
    displayName: 'Quản trị xã',
    password: 'mot cua luu dong 2026',
  });
  if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${JSON.stringify(setup.json)}`);
  return admin;
}
