import { ErrorBodySchema } from '../../http/errors';
import { guarded } from '../accounts/guard';

export const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
};
/** Companies only (each on its own things). */
export const companies = guarded(['company']);
/** The coordinator's side: coordinators and admins. */
export const coordinators = guarded(['coordinator', 'admin']);
/** Both sides of the dialogue. */
export const bothSides = guarded(['company', 'coordinator', 'admin']);
export const tags = ['industry'];
