import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMUNE } from '../../src/content/commune';
import { ConfigError, loadConfig, redactDatabaseUrl } from '../../src/server/config';

const CWD = '/srv/mot-cua';

describe('loadConfig', () => {
  it('has safe defaults: loopback, ./data, the default commune, 1 MiB bodies, 5 MiB blobs, residents may register', () => {
    expect(loadConfig({}, CWD, { interfaceAddresses: () => ['192.168.1.20'] })).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: join(CWD, 'data'),
      databasePath: join(CWD, 'data', 'mot-cua.sqlite'),
      communeCode: DEFAULT_COMMUNE.code,
      staticDir: join(CWD, 'dist', 'client'),
      maxBodyBytes: 1024 * 1024,
      maxBlobBytes: 5 * 1024 * 1024,
      databasePoolSize: 10,
      allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
      trustProxy: false,
      residentSubmissions: true,
      residentQuota: { dossiersPerDay: 10, photoBytesPerDay: 50 * 1024 * 1024 },
    });
  });

  it("answers for the listen host, and for the machine's own addresses when listening on all of them", () => {
    const addresses = { interfaceAddresses: () => ['127.0.0.1', '192.168.1.20', '[fe80::1]'] };
    expect(loadConfig({ HOST: 'xa.example.vn' }, CWD, addresses).allowedHosts).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      'xa.example.vn',
    ]);
    expect(loadConfig({ HOST: '0.0.0.0' }, CWD, addresses).allowedHosts).toEqual([
      'localhost',
      '127.0.0.1',
      '[::1]',
      '192.168.1.20',
      '[fe80::1]',
    ]);
    expect(loadConfig({ HOST: '::1' }, CWD, addresses).allowedHosts).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(loadConfig({ ALLOWED_HOSTS: ' Xa.Example.VN, motcua.local ,' }, CWD).allowedHosts).toEqual(['xa.example.vn', 'motcua.local']);
  });

  it.each([
    ['TRUST_PROXY', '1', { trustProxy: true }],
    ['TRUST_PROXY', '0', { trustProxy: false }],
    ['RESIDENT_SUBMISSIONS', 'off', { residentSubmissions: false }],
    ['RESIDENT_SUBMISSIONS', 'on', { residentSubmissions: true }],
    ['RESIDENT_DAILY_DOSSIERS', '25', { residentQuota: { dossiersPerDay: 25, photoBytesPerDay: 50 * 1024 * 1024 } }],
    ['RESIDENT_DAILY_PHOTO_MB', '200', { residentQuota: { dossiersPerDay: 10, photoBytesPerDay: 200 * 1024 * 1024 } }],
  ])('reads %s=%s', (name, value, expected) => {
    expect(loadConfig({ [name]: value }, CWD)).toMatchObject(expected);
  });

  it.each([
    ['TRUST_PROXY', 'maybe'],
    ['RESIDENT_SUBMISSIONS', 'sometimes'],
    ['RESIDENT_DAILY_DOSSIERS', '0'],
    ['RESIDENT_DAILY_PHOTO_MB', '2.5'],
    ['ALLOWED_HOSTS', 'http://xa.example.vn/'],
    ['ALLOWED_HOSTS', ','],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value }, CWD)).toThrow(new RegExp(name));
  });

  it('uses PostgreSQL only when DATABASE_URL is a postgres URL, with a configurable pool', () => {
    expect(loadConfig({}, CWD).databaseUrl).toBeUndefined();
    const config = loadConfig({ DATABASE_URL: 'postgres://mcld:secret@db.internal:5432/motcua', DATABASE_POOL_SIZE: '25' }, CWD);
    expect(config).toMatchObject({ databaseUrl: 'postgres://mcld:secret@db.internal:5432/motcua', databasePoolSize: 25 });
    expect(loadConfig({ DATABASE_URL: 'postgresql:///motcua?host=/var/run/postgresql' }, CWD).databaseUrl).toBe(
      'postgresql:///motcua?host=/var/run/postgresql',
    );
  });

  it.each(['mysql://root:hunter2@db/x', 'db.internal:5432', 'sqlite:./data/x.sqlite'])(
    'refuses DATABASE_URL=%s without echoing the rest of it',
    (url) => {
      expect(() => loadConfig({ DATABASE_URL: url }, CWD)).toThrow(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
      try {
        loadConfig({ DATABASE_URL: url }, CWD);
      } catch (error) {
        expect((error as Error).message).not.toContain('hunter2');
      }
    },
  );

  it.each(['0', '1001', 'ten'])('refuses DATABASE_POOL_SIZE=%s', (size) => {
    expect(() => loadConfig({ DATABASE_POOL_SIZE: size }, CWD)).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('masks the password when it shows a database URL', () => {
    expect(redactDatabaseUrl('postgres://mcld:s3cr%40t@db:5432/motcua')).toBe('postgres://mcld:***@db:5432/motcua');
    expect(redactDatabaseUrl('postgres://mcld@db/motcua')).toBe('postgres://mcld@db/motcua');
  });

  it('reads every variable, resolving relative paths against the working directory', () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        DATA_DIR: 'var/db',
        STATIC_DIR: '/opt/app/client',
        COMMUNE_CODE: '00004',
        MAX_BODY_BYTES: '4096',
        MAX_BLOB_BYTES: '10485760',
      },
      CWD,
    );
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      dataDir: join(CWD, 'var', 'db'),
      databasePath: join(CWD, 'var', 'db', 'mot-cua.sqlite'),
      staticDir: '/opt/app/client',
      communeCode: '00004',
      maxBodyBytes: 4096,
      maxBlobBytes: 10 * 1024 * 1024,
    });
    expect(loadConfig({ DATABASE_PATH: '/data/x.sqlite' }, CWD).databasePath).toBe('/data/x.sqlite');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', OFFICER_TOKEN: ' ', ALLOWED_HOSTS: '' }, CWD)).toMatchObject({ port: 8080 });
  });

  it('refuses OFFICER_TOKEN, which staff accounts replaced, instead of silently ignoring it', () => {
    expect(() => loadConfig({ OFFICER_TOKEN: 'a-long-enough-token-123' }, CWD)).toThrow(/OFFICER_TOKEN is gone/);
  });

  it('names every bad variable in one error', () => {
    const env = { PORT: '80a', COMMUNE_CODE: 'Hoằng Hóa', MAX_BODY_BYTES: '10', MAX_BLOB_BYTES: '5M', OFFICER_TOKEN: 'short', HOST: 'a b' };
    expect(() => loadConfig(env, CWD)).toThrow(ConfigError);
    try {
      loadConfig(env, CWD);
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'COMMUNE_CODE', 'MAX_BODY_BYTES', 'MAX_BLOB_BYTES', 'OFFICER_TOKEN', 'HOST'])
        expect(message).toContain(name);
    }
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' }, CWD)).toThrow(/PORT/);
  });
});
