import { z } from 'zod';
import { schemaRef } from './common';

/**
 * `content/nicknames/<lang>.json`: friendly invented nicknames offered when an adult adds a
 * child to a class. The checker also runs every one through `checkNickname`.
 */
export const nicknamesSchema = z.strictObject({
  $schema: schemaRef,
  nicknames: z
    .array(z.string().min(1))
    .min(10, 'offer at least ten nicknames')
    .meta({ description: 'Animals, colours, space words; no real people, no brands' }),
});
