import { describe, expect, it } from 'vitest';
import { toNfcDeep } from '../../../src/app/components/form/nfc';
import { nextDraftLabel, residentNameField } from '../../../src/app/components/form/draft-label';
import { findForm } from '../../../src/content/forms';

describe('NFC on input', () => {
  it('normalises every string, at any depth, and keeps spaces being typed', () => {
    const nfd = 'Nguyễn Thị '.normalize('NFD');
    const value = toNfcDeep({ name: nfd, members: [{ note: 'Đi làm'.normalize('NFD') }], n: 3, yes: true });
    expect(value).toEqual({ name: 'Nguyễn Thị ', members: [{ note: 'Đi làm' }], n: 3, yes: true });
    expect(value.name).toBe(value.name.normalize('NFC'));
    expect(value.name).not.toBe(nfd);
  });
});

describe('draft label', () => {
  it('follows the resident name while nobody renamed the draft', () => {
    expect(nextDraftLabel(undefined, undefined, 'Nguyễn Thị Hoa')).toBe('Nguyễn Thị Hoa');
    expect(nextDraftLabel('Nguyễn Thị Ho', 'Nguyễn Thị Ho', 'Nguyễn Thị Hoa')).toBe('Nguyễn Thị Hoa');
    expect(nextDraftLabel('Nguyễn Thị Hoa', 'Nguyễn Thị Hoa', '')).toBe('');
  });

  it('never overwrites a name the user gave', () => {
    expect(nextDraftLabel('Nhà bà Hoa, thôn 3', 'Nguyễn Thị Ho', 'Nguyễn Thị Hoa')).toBeUndefined();
    expect(nextDraftLabel('Nhà bà Hoa', undefined, 'Trần Văn Nam')).toBeUndefined();
  });

  it('changes nothing when the name did not change', () => {
    expect(nextDraftLabel(undefined, 'An', 'An')).toBeUndefined();
    expect(nextDraftLabel('An', 'An ', ' An')).toBeUndefined();
  });

  it('reads the name from the field the QR code fills', () => {
    expect(residentNameField(findForm('tam-tru-ct01')!)).toBe('fullName');
    expect(residentNameField(findForm('khai-sinh')!)).toBe('requesterName');
  });
});
