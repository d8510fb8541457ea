import { checkNickname } from '../../engine';
import { HttpError, excerpt } from '../http/errors';

/**
 * A nickname as typed, in the form to store (the engine's `checkNickname`), or `400
 * personal_data` / `400 invalid_nickname` naming it. Teachers' and parents' nicknames both
 * pass here.
 */
export function cleanNickname(typed: string): string {
  const check = checkNickname(typed);
  if (check.ok) return check.nickname;
  if (check.reason === 'personal_data') {
    throw new HttpError(
      400,
      'personal_data',
      `"${excerpt(typed, 24)}" looks like personal data; use a nickname only`,
    );
  }
  throw new HttpError(
    400,
    'invalid_nickname',
    `"${excerpt(typed, 24)}" cannot be a nickname (${check.reason})`,
  );
}
