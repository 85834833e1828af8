// TOTP second factor (RFC 6238, 30 s, 6 digits, SHA-1 for authenticator-app compatibility) with replay
// protection: a code's time step is remembered and not accepted twice.
import { generateSecret, generateURI, verify, generate } from 'otplib';
import QRCode from 'qrcode';

/** A new base32 secret for enrolment. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// URL and a PNG data URL of its QR code, for the enrolment screen. */
export async function describeTotpEnrolment(secret: string, accountName: string, issuer = '政通 Zhengtong'): Promise<{ otpauthUrl: string; qrDataUrl: string }> {
  const otpauthUrl = generateURI({ issuer, label: accountName, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
  return { otpauthUrl, qrDataUrl };
}

/**
 * Verifies a code allowing one step of clock drift either way; returns the matched time step, or null when
 * the code is wrong or its step is not newer than `lastUsedStep`.
 */
export async function verifyTotpCode(secret: string, code: string, lastUsedStep: number | null, now: Date = new Date()): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const result = await verify({ secret, token: code, epoch, epochTolerance: 30 });
  if (!result.valid) return null;
  const step = Math.floor(epoch / 30) + result.delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** The current code for a secret (tests and the enrolment self-check use it). */
export function currentTotpCode(secret: string, now: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}
