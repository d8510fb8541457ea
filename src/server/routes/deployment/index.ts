import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema } from '../../http/errors';
import type { DeploymentContext } from '../../deployment/context';
import {
  assignSchool,
  createDistrict,
  createRegion,
  listRegions,
  listSchools,
  updateDistrict,
  updateRegion,
} from '../../deployment/places';
import { listChanges } from '../../deployment/trail';
import { updateSettings } from '../../deployment/update';
import { settingsView } from '../../deployment/view';
import { actorOf } from '../accounts/guard';
import { programmeReaders, programmeWriters } from '../programme-access';
import {
  AssignBody,
  ChangeSchema,
  Id,
  PlaceBody,
  PlacePatchBody,
  PlacesSchema,
  SettingsPatchBody,
  SettingsViewSchema,
} from './schemas';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
  429: ErrorBodySchema,
};
const tags = ['deployment'];
const IdParams = z.strictObject({ id: Id });

/**
 * Deployment settings and places (docs/national.md): the settings over the environment, the
 * trail of changes, regions → districts → schools. In the accounts scope (session, CSRF);
 * coordinators and admins only, and nothing here reaches a class's children (PRIV-20).
 */
export const deploymentRoutes =
  (ctx: DeploymentContext): FastifyPluginAsyncZod =>
  async (app) => {
    const places = async () => ({
      regions: await listRegions(ctx),
      schools: await listSchools(ctx),
    });

    app.get(
      '/api/deployment/settings',
      {
        ...programmeReaders,
        schema: {
          tags,
          summary: 'The settings in force, which are set here, the defaults and the choices',
          response: { 200: SettingsViewSchema, ...errors },
        },
      },
      async () => settingsView(ctx),
    );

    app.patch(
      '/api/deployment/settings',
      {
        ...programmeWriters,
        schema: {
          tags,
          summary: 'Change settings (null: back to the default); one entry in the trail',
          body: SettingsPatchBody,
          response: { 200: SettingsViewSchema, ...errors },
        },
      },
      async (request) => {
        const effective = await updateSettings(ctx, actorOf(request).id, request.body);
        return settingsView(ctx, effective);
      },
    );

    app.get(
      '/api/deployment/changes',
      {
        ...programmeReaders,
        schema: {
          tags,
          summary: 'The latest 100 changes to the settings and places, newest first',
          response: { 200: z.object({ changes: z.array(ChangeSchema) }), ...errors },
        },
      },
      async () => ({ changes: await listChanges(ctx.db) }),
    );

    app.get(
      '/api/deployment/places',
      {
        ...programmeReaders,
        schema: {
          tags,
          summary: 'Regions with their districts, and schools with their district and class count',
          response: { 200: PlacesSchema, ...errors },
        },
      },
      places,
    );

    app.post(
      '/api/deployment/regions',
      {
        ...programmeWriters,
        schema: {
          tags,
          summary: 'Add a region',
          body: PlaceBody,
          response: { 201: z.object({ id: z.string(), places: PlacesSchema }), ...errors },
        },
      },
      async (request, reply) => {
        const id = await createRegion(ctx, actorOf(request).id, request.body.name);
        return reply.code(201).send({ id, places: await places() });
      },
    );

    app.patch(
      '/api/deployment/regions/:id',
      {
        ...programmeWriters,
        schema: {
          tags,
          summary: 'Rename, archive or restore a region (its districts and schools stay linked)',
          params: IdParams,
          body: PlacePatchBody,
          response: { 200: z.object({ places: PlacesSchema }), ...errors },
        },
      },
      async (request) => {
        await updateRegion(ctx, actorOf(request).id, request.params.id, request.body);
        return { places: await places() };
      },
    );

    app.post(
      '/api/deployment/regions/:id/districts',
      {
        ...programmeWriters,
        schema: {
          tags,
          summary: 'Add a district to a region',
          params: IdParams,
          body: PlaceBody,
          response: { 201: z.object({ id: z.string(), places: PlacesSchema }), ...errors },
        },
      },
      async (request, reply) => {
        const id = await createDistrict(
          ctx,
          actorOf(request).id,
          request.params.id,
          request.body.name,
        );
        return reply.code(201).send({ id, places: await places() });
      },
    );

    app.patch(
      '/api/deployment/districts/:id',
      {
        ...programmeWriters,
        schema: {
          tags,
          summary: 'Rename, archive or restore a district (its schools stay linked)',
          params: IdParams,
          body: PlacePatchBody,
          response: { 200: z.object({ places: PlacesSchema }), ...errors },
        },
      },
      async (request) => {
        await updateDistrict(ctx, actorOf(request).id, request.params.id, request.body);
        return { places: await places() };
      },
    );

    app.put(
      '/api/deployment/schools/:id/district',
      {
        ...programmeWriters,
        schema: {
          tags,
          summary: 'Put a school in a district (null: unassigned)',
          params: IdParams,
          body: AssignBody,
          response: { 200: z.object({ places: PlacesSchema }), ...errors },
        },
      },
      async (request) => {
        await assignSchool(ctx, actorOf(request).id, request.params.id, request.body.districtId);
        return { places: await places() };
      },
    );
  };
