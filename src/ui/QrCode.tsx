/** A QR code as crisp SVG (prints sharp on A4), with a text label for screen readers. */
import { qrMatrix, qrPath } from './qr';

const QUIET = 4;

export function QrCode({ text, label, size = 120 }: { text: string; label: string; size?: number }) {
  const matrix = qrMatrix(text);
  const box = matrix.length + 2 * QUIET;
  return (
    <svg class="qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${box} ${box}`} shape-rendering="crispEdges">
      <rect width={box} height={box} fill="#fff" />
      <path d={qrPath(matrix, QUIET)} fill="#000" />
    </svg>
  );
}
