/** Roles as data, the password policy and enrolment codes: the pure rules behind staff accounts. */
import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from '../../../src/content/common-passwords';
import { ENROLMENT_CODE_ALPHABET, formatEnrolmentCode, normalizeEnrolmentCode } from '../../../src/domain/enrolment-code';
import { MIN_PASSWORD_LENGTH, passwordKey, passwordProblem } from '../../../src/domain/password-policy';
import { PERMISSIONS, ROLES, ROLE_PERMISSIONS, hasPermission } from '../../../src/domain/roles';
import { graphemeLength } from '../../../src/domain/text';

const common = new Set(COMMON_PASSWORDS.map(passwordKey));

describe('roles', () => {
  it('give each role exactly what the one-stop shop decided', () => {
    expect(ROLE_PERMISSIONS.leader).toEqual(['report.read']);
    expect(ROLE_PERMISSIONS.outreach).toEqual([]);
    expect(ROLE_PERMISSIONS.officer).toEqual(expect.arrayContaining(['dossier.read', 'dossier.process', 'photo.view', 'device.enrol']));
    expect(ROLE_PERMISSIONS.officer).not.toEqual(expect.arrayContaining(['staff.manage']));
    // An admin may do everything an officer does, and manages accounts, devices and settings.
    expect(ROLE_PERMISSIONS.admin).toEqual(
      expect.arrayContaining([...ROLE_PERMISSIONS.officer, 'staff.manage', 'device.manage', 'settings.manage']),
    );
  });

  it('name only known permissions, each once', () => {
    for (const role of ROLES) {
      expect(new Set(ROLE_PERMISSIONS[role]).size).toBe(ROLE_PERMISSIONS[role].length);
      for (const permission of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(permission);
    }
    expect(hasPermission('leader', 'photo.view')).toBe(false);
    expect(hasPermission('officer', 'photo.view')).toBe(true);
  });
});

describe('the password policy', () => {
  it('wants at least 10 characters as a person counts them', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    expect(passwordProblem('ngắn quá', { common })).toBe('too-short');
    // Tone marks typed as separate code points (NFD) still make one character each.
    const nfd = 'Mưa rơi đầy'.normalize('NFD');
    expect(graphemeLength(nfd)).toBe(11);
    expect(passwordProblem(nfd, { common })).toBeNull();
    expect(passwordProblem('x'.repeat(257), { common })).toBe('too-long');
  });

  it('refuses common passwords whatever their case, and the username itself', () => {
    expect(passwordProblem('Password123', { common })).toBe('common');
    expect(passwordProblem('MATKHAU123', { common })).toBe('common');
    expect(passwordProblem('1234567890', { common })).toBe('common');
    expect(passwordProblem('nguyen.thi.hoa', { common, username: 'Nguyen.Thi.Hoa' })).toBe('same-as-username');
    expect(passwordProblem('cây đa giếng nước sân đình', { common })).toBeNull();
  });

  it('keeps its list short, lowercase NFC, without repeats', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(100);
    expect(COMMON_PASSWORDS.length).toBeLessThanOrEqual(200);
    for (const entry of COMMON_PASSWORDS) expect(entry).toBe(passwordKey(entry));
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
  });
});

describe('enrolment codes', () => {
  it('use 32 symbols without look-alikes', () => {
    expect(ENROLMENT_CODE_ALPHABET).toHaveLength(32);
    for (const ch of '01OI') expect(ENROLMENT_CODE_ALPHABET).not.toContain(ch);
  });

  it('read a code in any case, with spaces or dashes, and refuse anything else', () => {
    expect(normalizeEnrolmentCode('abcd-2345')).toBe('ABCD2345');
    expect(normalizeEnrolmentCode(' AB CD 23 45 ')).toBe('ABCD2345');
    for (const bad of ['ABCD234', 'ABCD23456', 'ABCD234O', 'ABCD2341', 'ABCD234!', 42, null]) {
      expect(normalizeEnrolmentCode(bad)).toBeNull();
    }
    expect(formatEnrolmentCode('ABCD2345')).toBe('ABCD-2345');
  });
});
