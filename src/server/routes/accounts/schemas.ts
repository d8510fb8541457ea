import { z } from 'zod';
import { ROLES } from '../../accounts/policy';

/** Control characters and bidi overrides have no place in a name shown to others. */
const NO_CONTROLS = /^[^\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/u;

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: 'must be an email address' }));
export const DisplayName = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(NO_CONTROLS, 'must be plain text');
/** The policy (passwords.ts) judges length and strength; this only bounds the body. */
export const Password = z.string().min(1).max(1000);
export const NewPassword = z.string().max(1000);
export const Code = z.string().trim().min(1).max(20);
export const Token = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a link token');
export const RoleSchema = z.enum(
  ROLES as unknown as ['admin', 'coordinator', 'teacher', 'parent', 'company'],
);
export const StatusSchema = z.enum(['unverified', 'pending_approval', 'active', 'disabled']);
export const StageSchema = z.enum(['mfa', 'enrol', 'full']);

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    status: StatusSchema,
    mfaEnabled: z.boolean(),
    mfaRequired: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const SignedInSchema = z
  .object({ stage: StageSchema, user: UserSchema })
  .meta({ id: 'SignedIn' });
export const RecoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()) })
  .meta({ id: 'RecoveryCodes' });
export const NoQuery = z.strictObject({});
export const IdParams = z.strictObject({ id: z.string().min(1).max(64) });
