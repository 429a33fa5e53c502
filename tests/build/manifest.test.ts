/** The built web app manifest and icons satisfy what browsers need to install the app. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from './first-load';

interface Icon {
  src: string;
  sizes: string;
  type: string;
  purpose?: string;
}

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('web app manifest', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8')) as {
    name: string;
    short_name: string;
    theme_color: string;
    start_url: string;
    display: string;
    icons: Icon[];
  };

  it('has the fields an install needs', () => {
    expect(manifest.name).toBe('Một Cửa Lưu Động');
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.start_url.startsWith('/')).toBe(true);
    expect(manifest.display).toBe('standalone');
  });

  it('ships 192 and 512 px icons, plain and maskable, with their real pixel sizes', () => {
    for (const purpose of ['any', 'maskable']) {
      for (const size of [192, 512]) {
        const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && (i.purpose ?? 'any') === purpose);
        expect(icon, `${purpose} ${size}`).toBeDefined();
        const file = join(DIST, (icon as Icon).src);
        expect(existsSync(file)).toBe(true);
        expect(pngSize(file)).toEqual({ width: size, height: size });
      }
    }
  });

  it('is linked from index.html and the service worker precaches the shell', () => {
    expect(readFileSync(join(DIST, 'index.html'), 'utf8')).toContain('rel="manifest"');
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    expect(sw).toContain('index.html');
  });
});
