/**
 * The dossiers the sync benchmark sends: valid CT01 v2 answers (as in the form tests' fixtures)
 * with photos of random bytes behind a JPEG signature, so the server takes them and nothing on
 * the way can compress them.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_COMMUNE } from '../../src/content/commune';
import { CONSENT } from '../../src/content/consent';
import { TAM_TRU_CT01_V2 } from '../../src/content/forms/tam-tru-ct01-v2';
import type { Answers, AttachmentRef } from '../../src/domain/form-schema';
import type { Submission } from '../../src/domain/protocol';

/** Preferred photo field; the first top-level attachment field of the form otherwise. */
const PREFERRED_PHOTO_FIELD = 'residenceProof';

/** JPEG start of image + JFIF APP0 header: what the server's signature check looks at. */
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00]);

export interface BenchPhoto {
  ref: AttachmentRef;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface BenchDossier {
  submission: Submission;
  label: string;
  photos: BenchPhoto[];
}

/** The CT01 v2 answer set of tests/unit/forms/fixtures.ts, without its placeholder photo. */
const CT01_V2_ANSWERS: Answers = {
  fullName: 'Nguyễn Thị Hoa',
  birthDate: '1990-05-12',
  sex: 'female',
  cccd: '038190012345',
  phone: '0912345678',
  currentAddress: { provinceCode: '38', communeCode: '15865', detail: 'Thôn 3' },
  temporaryAddress: { provinceCode: '01', communeCode: '00004', detail: 'Số 5 ngõ 12' },
  reason: 'Đi làm',
  startDate: '2026-12-01',
  joinsHousehold: true,
  headName: 'Trần Văn Bình',
  headRelationship: 'Người thuê nhà',
  endDate: '2027-12-01',
  movingTogether: true,
  members: [{ fullName: 'Lê Minh Khang', birthDate: '2015-03-04', sex: 'male', relationship: 'Con' }],
};

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng'];
const GIVEN = ['Thị Hoa', 'Thị Lan', 'Thị Mai', 'Thị Hương', 'Thị Thảo', 'Thị Ngọc', 'Thị Yến', 'Thị Hằng', 'Thị Linh', 'Thị Nga'];

/** A distinct, valid full name per dossier (50 combinations). */
function nameOf(i: number): string {
  return `${FAMILY[i % FAMILY.length]} ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]}`;
}

/** The attachment field the photos go in (throws when the form has none). */
export function photoField(): string {
  const fields = TAM_TRU_CT01_V2.fields.filter((f) => f.kind === 'attachment' && !f.showIf);
  const field = fields.find((f) => f.id === PREFERRED_PHOTO_FIELD) ?? fields[0];
  if (!field) throw new Error('CT01 v2 has no attachment field to put photos in');
  return field.id;
}

export function makePhoto(sizeBytes: number, name: string): BenchPhoto {
  const bytes = new Uint8Array(sizeBytes);
  bytes.set(JPEG_HEAD);
  bytes.set(randomBytes(Math.max(0, sizeBytes - JPEG_HEAD.length)), JPEG_HEAD.length);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ref: { sha256, name, type: 'image/jpeg', size: sizeBytes }, bytes };
}

/** `count` dossiers with `photosEach` photos of `photoBytes` each (no photos when 0). */
export function makeDossiers(count: number, photosEach: number, photoBytes: number, now: number = Date.now()): BenchDossier[] {
  const field = photosEach > 0 ? photoField() : null;
  return Array.from({ length: count }, (_, i) => {
    const photos = Array.from({ length: photosEach }, (_, k) => makePhoto(photoBytes, `giay-to-${i + 1}-${k + 1}.jpg`));
    const answers: Answers = { ...CT01_V2_ANSWERS, fullName: nameOf(i) };
    if (field) answers[field] = photos.map((p) => p.ref);
    const submission: Submission = {
      id: randomUUID(),
      formId: TAM_TRU_CT01_V2.id,
      formVersion: TAM_TRU_CT01_V2.version,
      communeCode: DEFAULT_COMMUNE.code,
      answers,
      submittedAt: now - 60_000,
      consent: { version: CONSENT.version, lang: 'vi', agreedAt: now - 120_000 },
    };
    return { submission, label: `Hồ sơ số ${i + 1}`, photos };
  });
}
