import { describe, expect, it } from 'vitest';
import {
  BACKGROUND_LOCK_MS,
  IDLE_LOCK_MS,
  nextPinTryAt,
  offersWipe,
  pinDelayMs,
  pinProblem,
  shouldLock,
} from '../../../src/domain/lock-policy';
import { phoneKeepsPersonal, serverPurgeBefore } from '../../../src/domain/retention';

describe('PIN rules', () => {
  it('asks for 6 to 12 digits, not a run or a repeat, typed twice alike', () => {
    expect(pinProblem('12345', '12345')).toBe('pin-too-short');
    expect(pinProblem('12a456', '12a456')).toBe('pin-not-digits');
    expect(pinProblem('1234567890123', '1234567890123')).toBe('pin-too-long');
    expect(pinProblem('111111', '111111')).toBe('pin-too-simple');
    expect(pinProblem('123456', '123456')).toBe('pin-too-simple');
    expect(pinProblem('987654', '987654')).toBe('pin-too-simple');
    expect(pinProblem('246810', '246811')).toBe('pin-mismatch');
    expect(pinProblem('246810', '246810')).toBeUndefined();
    expect(pinProblem('135790', '135790')).toBeUndefined();
  });

  it('lets five wrong PINs through, then waits longer each time, and offers a wipe after ten', () => {
    expect([0, 1, 4].map(pinDelayMs)).toEqual([0, 0, 0]);
    expect(pinDelayMs(5)).toBe(30_000);
    expect(pinDelayMs(6)).toBe(60_000);
    expect(pinDelayMs(7)).toBe(120_000);
    expect(pinDelayMs(30)).toBe(3_600_000);
    expect(nextPinTryAt(6, 1_000)).toBe(61_000);
    expect(offersWipe(9)).toBe(false);
    expect(offersWipe(10)).toBe(true);
  });
});

describe('when the app locks', () => {
  it('after 5 idle minutes, or more than a minute in the background', () => {
    expect(shouldLock({ lastActivityAt: 0 }, IDLE_LOCK_MS - 1)).toBe(false);
    expect(shouldLock({ lastActivityAt: 0 }, IDLE_LOCK_MS)).toBe(true);
    expect(shouldLock({ lastActivityAt: 0, hiddenSince: 10 }, 10 + BACKGROUND_LOCK_MS - 1)).toBe(false);
    expect(shouldLock({ lastActivityAt: 0, hiddenSince: 10 }, 10 + BACKGROUND_LOCK_MS)).toBe(true);
  });
});

describe('retention', () => {
  const DAY = 86_400_000;
  it('the phone drops names once returned or refused, or 30 days after the server stored it', () => {
    expect(phoneKeepsPersonal({ status: 'received', receivedAt: 0 }, 29 * DAY)).toBe(true);
    expect(phoneKeepsPersonal({ status: 'submitted', receivedAt: 0 }, 30 * DAY)).toBe(false);
    expect(phoneKeepsPersonal({ status: 'returned', receivedAt: 0 }, 1)).toBe(false);
    expect(phoneKeepsPersonal({ status: 'refused', receivedAt: 0 }, 1)).toBe(false);
  });
  it('the server purges what became final before now − RETENTION_DAYS', () => {
    expect(serverPurgeBefore(100 * DAY, 90)).toBe(10 * DAY);
  });
});
