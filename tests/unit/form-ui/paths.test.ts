import { describe, expect, it } from 'vitest';
import { domId, getAt, isUnder, joinPath, parentPath, parsePath, setAt } from '../../../src/app/components/form/paths';

describe('answer paths', () => {
  it('parses the validator paths, nested groups included', () => {
    expect(parsePath('fullName')).toEqual(['fullName']);
    expect(parsePath('members[2].fullName')).toEqual(['members', 2, 'fullName']);
    expect(parsePath('currentAddress.detail')).toEqual(['currentAddress', 'detail']);
    expect(parsePath('a[0].b[11].c')).toEqual(['a', 0, 'b', 11, 'c']);
  });

  it('walks up one level at a time', () => {
    expect(parentPath('members[2].cccd')).toBe('members[2]');
    expect(parentPath('members[2]')).toBe('members');
    expect(parentPath('members')).toBeNull();
    expect(joinPath('', 'phone')).toBe('phone');
    expect(joinPath('members[0]', 'sex')).toBe('members[0].sex');
  });

  it('tells what lies inside a field', () => {
    expect(isUnder('members[1].cccd', 'members')).toBe(true);
    expect(isUnder('members[1].cccd', 'members[1]')).toBe(true);
    expect(isUnder('membersCount', 'members')).toBe(false);
    expect(isUnder('currentAddress.detail', 'currentAddress')).toBe(true);
  });

  it('reads answers at any depth, and only own keys', () => {
    const answers = { members: [{ fullName: 'An' }, { fullName: 'Bình' }], email: 'a@b.vn' };
    expect(getAt(answers, 'members[1].fullName')).toBe('Bình');
    expect(getAt(answers, 'members[5].fullName')).toBeUndefined();
    expect(getAt(answers, 'email.length')).toBeUndefined();
    expect(getAt(answers, 'constructor')).toBeUndefined();
  });

  it('writes without touching the original, padding a group with empty items', () => {
    const before = { fullName: 'An' };
    const after = setAt(before, 'members[1].sex', 'female');
    expect(before).toEqual({ fullName: 'An' });
    expect(after).toEqual({ fullName: 'An', members: [{}, { sex: 'female' }] });
    const edited = setAt(after, 'members[1].sex', undefined);
    expect(edited).toEqual({ fullName: 'An', members: [{}, {}] });
    expect(after.members).toEqual([{}, { sex: 'female' }]);
    expect(setAt(after, 'fullName', undefined)).not.toHaveProperty('fullName');
  });

  it('makes DOM ids that are valid fragments and distinct per item', () => {
    expect(domId('phone')).toBe('f-phone');
    expect(domId('members[2].fullName')).toBe('f-members-2-fullName');
    expect(domId('members[12].fullName')).not.toBe(domId('members[1].fullName'));
    expect(domId('members[0].cccd')).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
