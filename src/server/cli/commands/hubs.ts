// School hubs on the national server (issue #18, docs/deploy.md "A school hub"): `hub add`
// provisions one for a school and prints its id and credential once (only a hash is kept),
// `hub list` shows how far each has uploaded, `hub status` one hub's upload streams (one per
// instance of its database) and the events stored from it, `hub revoke` switches a credential
// off.

import { z } from 'zod';
import type { Command } from '../command';
import { addHub, HubRefused, hubStatus, listHubs, revokeHub } from '../../hubs/provisioning';
import { HubIdSchema } from '../../hubs/protocol';

const noArgs = z.array(z.string()).max(0, 'takes no arguments');

export const hubAddCommand: Command<{ school: string }> = {
  words: ['hub', 'add'],
  summary: "provision a school's hub: prints its id and credential once",
  options: { school: { kind: 'value', value: '<school id>', describe: "the hub's school" } },
  needs: 'db',
  input: z
    .object({
      args: noArgs,
      options: z.object({
        school: z
          .string({ message: 'is required' })
          .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be a school id'),
      }),
    })
    .transform(({ options }) => ({ school: options.school })),
  async run(ctx, { school }) {
    try {
      const { id, token } = await addHub(ctx.db, school, ctx.now());
      ctx.out(`Hub ${id} for school ${school}. Set these on the hub (shown only now):`);
      ctx.out(`  KITE_HUB_ID=${id}`);
      ctx.out(`  KITE_HUB_TOKEN=${token}`);
      return 0;
    } catch (e) {
      if (!(e instanceof HubRefused)) throw e;
      ctx.err(`kite hub add: ${e.message}`);
      return 1;
    }
  },
};

export const hubListCommand: Command<Record<string, never>> = {
  words: ['hub', 'list'],
  summary: 'list the hubs: school, events stored up to, backlog, last upload, events stored',
  needs: 'db',
  input: z
    .object({ args: noArgs, options: z.object({}) })
    .transform(() => ({}) as Record<string, never>),
  async run(ctx) {
    const hubs = await listHubs(ctx.db);
    for (const h of hubs) {
      ctx.out(
        `${h.id}  school ${h.schoolId}  up to ${h.highWater}  backlog ${h.backlog ?? '-'}  last upload ${h.lastSyncAt ?? 'never'}  stored ${h.stored}` +
          `${h.instances > 1 ? `  instances ${h.instances}` : ''}${h.revoked ? '  REVOKED' : ''}`,
      );
    }
    ctx.out(`${hubs.length} ${hubs.length === 1 ? 'hub' : 'hubs'}`);
    return 0;
  },
};

export const hubStatusCommand: Command<{ id: string }> = {
  words: ['hub', 'status'],
  summary: "one hub's upload streams (one per copy of its database) and its events stored here",
  args: '<hub id>',
  needs: 'db',
  input: z
    .object({
      args: z.tuple([HubIdSchema], { message: 'takes one hub id' }),
      options: z.object({}),
    })
    .transform(({ args }) => ({ id: args[0] })),
  async run(ctx, { id }) {
    const status = await hubStatus(ctx.db, id);
    if (!status) {
      ctx.err(`kite hub status: no hub has the id ${id}`);
      return 1;
    }
    for (const i of status.instances)
      ctx.out(
        `instance ${i.instance}  up to ${i.highWater}  backlog ${i.backlog ?? '-'}  stored ${i.stored}  first upload ${i.firstSeenAt}  last upload ${i.lastSyncAt ?? 'never'}`,
      );
    if (status.instances.length > 1)
      ctx.out(
        `${status.instances.length} instances: the hub's database was copied or restored from a backup (docs/deploy.md)`,
      );
    ctx.out(`${status.eventsNow} events stored here now from hub ${id}`);
    return 0;
  },
};

export const hubRevokeCommand: Command<{ id: string }> = {
  words: ['hub', 'revoke'],
  summary: "switch a hub's credential off (its uploads are refused from then on)",
  args: '<hub id>',
  needs: 'db',
  input: z
    .object({
      args: z.tuple([HubIdSchema], { message: 'takes one hub id' }),
      options: z.object({}),
    })
    .transform(({ args }) => ({ id: args[0] })),
  async run(ctx, { id }) {
    if (!(await revokeHub(ctx.db, id, ctx.now()))) {
      ctx.err(`kite hub revoke: no working hub has the id ${id}`);
      return 1;
    }
    ctx.out(`Hub ${id} is revoked; its uploads are refused from now on.`);
    return 0;
  },
};
