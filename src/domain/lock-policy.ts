/**
 * When the phone locks, what a PIN must be, and how wrong PINs are slowed down. Pure rules: the
 * app passes the clock and its own counters in.
 */

/** Idle time (no touch, no key) after which the app locks. */
export const IDLE_LOCK_MS = 5 * 60_000;
/** Time in the background (tab hidden, app switched away) after which coming back asks for the PIN. */
export const BACKGROUND_LOCK_MS = 60_000;
export const MIN_PIN_DIGITS = 6;
export const MAX_PIN_DIGITS = 12;
/** Wrong PINs allowed before each further try waits. */
export const FREE_PIN_TRIES = 5;
/** Wrong PINs after which the phone offers to wipe itself. */
export const WIPE_OFFER_AFTER = 10;
/** The longest wait between tries. */
export const MAX_PIN_DELAY_MS = 60 * 60_000;

export const PIN_PROBLEMS = ['pin-not-digits', 'pin-too-short', 'pin-too-long', 'pin-too-simple', 'pin-mismatch'] as const;
export type PinProblem = (typeof PIN_PROBLEMS)[number];

/**
 * Why a new PIN is refused, or undefined. Refuses one repeated digit (111111) and straight runs
 * (123456, 987654): the PINs tried first.
 */
export function pinProblem(pin: string, confirmation: string): PinProblem | undefined {
  if (!/^[0-9]*$/.test(pin)) return 'pin-not-digits';
  if (pin.length < MIN_PIN_DIGITS) return 'pin-too-short';
  if (pin.length > MAX_PIN_DIGITS) return 'pin-too-long';
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => d - digits[i]!));
  if (steps.size === 1 && [0, 1, -1].includes([...steps][0]!)) return 'pin-too-simple';
  if (pin !== confirmation) return 'pin-mismatch';
  return undefined;
}

/**
 * How long to wait before the next try after `failures` wrong PINs in a row: none for the first
 * five, then 30 s doubling each time (30 s, 1 min, 2 min, ...), at most an hour.
 */
export function pinDelayMs(failures: number): number {
  if (failures < FREE_PIN_TRIES) return 0;
  return Math.min(MAX_PIN_DELAY_MS, 30_000 * 2 ** (failures - FREE_PIN_TRIES));
}

/** When the next try is allowed, given the time of the last wrong one. */
export function nextPinTryAt(failures: number, lastFailureAt: number): number {
  return lastFailureAt + pinDelayMs(failures);
}

export function offersWipe(failures: number): boolean {
  return failures >= WIPE_OFFER_AFTER;
}

export interface ActivityState {
  /** Last touch or key press (ms). */
  lastActivityAt: number;
  /** When the app went to the background, or undefined while it is visible. */
  hiddenSince?: number;
}

/** True when the app must lock now. */
export function shouldLock(state: ActivityState, now: number): boolean {
  if (state.hiddenSince !== undefined && now - state.hiddenSince >= BACKGROUND_LOCK_MS) return true;
  return now - state.lastActivityAt >= IDLE_LOCK_MS;
}
