/**
 * The QR codes on the printed forms decode back to their text with an independent reader
 * (jsQR), Vietnamese letters included: the matrix is drawn to pixels (4 px a module, the quiet
 * zone white) and read as an image would be.
 */
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrPath } from '../../../src/ui/qr';

function decode(text: string): string | undefined {
  const matrix = qrMatrix(text);
  const scale = 4;
  const quiet = 4;
  const side = (matrix.length + 2 * quiet) * scale;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  matrix.forEach((cells, row) =>
    cells.forEach((dark, col) => {
      if (!dark) return;
      for (let y = 0; y < scale; y++)
        for (let x = 0; x < scale; x++) {
          const i = (((row + quiet) * scale + y) * side + (col + quiet) * scale + x) * 4;
          pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
        }
    }),
  );
  return jsQR(pixels, side, side)?.data;
}

describe('QR codes of the printed forms', () => {
  it('decodes a dossier code back to itself', () => {
    expect(decode('15865-250714-9VJRX6')).toBe('15865-250714-9VJRX6');
  });

  it('keeps Vietnamese text intact (UTF-8 bytes, not the low byte of each letter)', () => {
    expect(decode('Hồ sơ của Trần Thị Bích, xã Hoằng Hóa')).toBe('Hồ sơ của Trần Thị Bích, xã Hoằng Hóa');
  });

  it('draws one square per dark module', () => {
    const matrix = qrMatrix('15865-250714-9VJRX6');
    const dark = matrix.flat().filter(Boolean).length;
    expect(qrPath(matrix).match(/M/g)).toHaveLength(dark);
  });
});
