/** The pure rules of photo attachment: target size, which files a field can take, and their names. */
import { describe, expect, it } from 'vitest';
import { MAX_SIDE_PX, fitWithin } from '../../../src/app/photo/compress-image';
import { canAccept, refName } from '../../../src/app/photo/attach-file';
import { attachmentHashesIn } from '../../../src/domain/attachment-hashes';

describe('photo rules', () => {
  it('scales the longest side down to 1600 px, keeping the ratio, and never up', () => {
    expect(fitWithin(2400, 1800)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(MAX_SIDE_PX).toBe(1600);
  });

  it('accepts any image when JPEG is accepted (it becomes one), PDFs only when listed', () => {
    expect(canAccept('image/heic', ['image/jpeg'])).toBe(true);
    expect(canAccept('image/png', ['application/pdf'])).toBe(false);
    expect(canAccept('application/pdf', ['image/jpeg'])).toBe(false);
    expect(canAccept('application/pdf', ['image/jpeg', 'application/pdf'])).toBe(true);
    expect(canAccept('text/plain', ['image/jpeg', 'application/pdf'])).toBe(false);
  });

  it('names a converted photo .jpg and keeps a PDF name', () => {
    expect(refName('hop-dong.PNG', 'image/jpeg')).toBe('hop-dong.jpg');
    expect(refName('image', 'image/jpeg')).toBe('image.jpg');
    expect(refName('  ', 'image/jpeg')).toBe('anh.jpg');
    expect(refName('so-do.pdf', 'application/pdf')).toBe('so-do.pdf');
  });

  it('finds attachment refs at any depth, each once, and nothing else', () => {
    const a = { sha256: 'a'.repeat(64), name: 'a.jpg', type: 'image/jpeg', size: 1 };
    const b = { sha256: 'b'.repeat(64), name: 'b.pdf', type: 'application/pdf', size: 2 };
    const answers = {
      proof: [a],
      members: [{ photo: [b, a] }],
      note: 'a'.repeat(64),
      bad: [{ sha256: 'A'.repeat(64), name: 'x', type: 'image/jpeg', size: 1 }],
    };
    expect(attachmentHashesIn(answers)).toEqual([a.sha256, b.sha256]);
    expect(attachmentHashesIn([{ x: 1 }, null, 'text'])).toEqual([]);
  });
});
