// What a new password must be: checked by account changes (auth/accounts.ts) and by the
// configuration's first administrator (config.ts), so it lives under both.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** Why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  if (new Set(password).size < 4) return 'must not be one character repeated';
  return null;
}
