/**
 * QR codes drawn from qrcode-generator (a well-kept library, never hand-written encoding): the
 * module matrix for a text, and that matrix as an SVG path. Byte mode in UTF-8, error correction
 * M (a printed receipt survives a fold); the type number grows with the text.
 */
import qrcode from 'qrcode-generator';

const encoder = new TextEncoder();
const utf8Bytes = (s: string): number[] => Array.from(encoder.encode(s));

/** Dark modules, row by row. */
export function qrMatrix(text: string): boolean[][] {
  // UTF-8 bytes by the platform's own encoder: the package's ES module build has no
  // stringToBytesFuncs table (only its CommonJS build does), and its default keeps the low byte
  // of each UTF-16 unit, which breaks any Vietnamese text.
  qrcode.stringToBytes = utf8Bytes;
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
}

/** The SVG path of the dark modules, one unit per module, for a viewBox of size + 2 × quiet. */
export function qrPath(matrix: readonly (readonly boolean[])[], quiet = 4): string {
  const parts: string[] = [];
  matrix.forEach((cells, row) =>
    cells.forEach((dark, col) => {
      if (dark) parts.push(`M${col + quiet} ${row + quiet}h1v1h-1z`);
    }),
  );
  return parts.join('');
}
