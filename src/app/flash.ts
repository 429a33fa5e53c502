/** One message carried across a navigation (e.g. "queued for sending" after a submit). */
let message: string | null = null;

export function setFlash(text: string): void {
  message = text;
}

export function takeFlash(): string | null {
  const text = message;
  message = null;
  return text;
}
