import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Core } from './core.js';
import { openApiTransform, openApiTransformObject } from './openapi/schema-registry.js';
import { auth } from './plugins/auth.js';
import { RequestLogController } from './logging.js';
import { errorHandler } from './plugins/error-handler.js';
import { analyticsRoutes } from './routes/analytics.js';
import { authRoutes } from './routes/auth.js';
import { catalogRoutes } from './routes/catalog.js';
import { channelQueryRoutes } from './routes/channel-queries.js';
import { connectionRoutes } from './routes/connections.js';
import { conversationRoutes } from './routes/conversations.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { flowRoutes } from './routes/flows.js';
import { healthRoutes } from './routes/health.js';
import { homeRoutes } from './routes/home.js';
import { inboundRoutes } from './routes/inbound.js';
import { liveRoutes } from './routes/live.js';
import { metricsRoutes } from './routes/metrics.js';
import { predefinedMessageRoutes } from './routes/predefined-messages.js';
import { widgetRoutes } from './routes/widget.js';
import { UserService } from './services/users.js';

/** What the HTTP layer is built on. */
export interface AppDeps {
  core: Core;
  users?: UserService;
  /** Largest accepted body, bytes. */
  bodyLimit?: number;
  logger?: FastifyServerOptions['logger'];
  /** The address the world reaches this server at (webhook URLs); else each request's host. */
  publicUrl?: string;
}

/** The Fastify app: its table of contents is the list of `register` calls below. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const users = deps.users ?? new UserService(deps.core.database.db, deps.core.now);
  const app = Fastify({
    logger: deps.logger ?? false,
    logController: new RequestLogController(),
    bodyLimit: deps.bodyLimit ?? 1_048_576,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: 'x-request-id',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorHandler);
  await app.register(fastifySwagger, {
    openapi: { info: { title: 'attendflow', version: '0.1.0' } },
    transform: openApiTransform,
    transformObject: openApiTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  // Frames are small JSON: refuse big ones before they are read into memory.
  await app.register(fastifyWebsocket, { options: { maxPayload: 65_536 } });
  await app.register(auth, { users });
  // Before the routes: its onResponse hook counts every answer.
  await app.register(metricsRoutes, { core: deps.core });

  await app.register(healthRoutes, { core: deps.core });
  await app.register(homeRoutes);
  await app.register(widgetRoutes, { core: deps.core });
  await app.register(liveRoutes, { prefix: '/api', core: deps.core, users });
  await app.register(authRoutes, { prefix: '/api', users });
  await app.register(flowRoutes, { prefix: '/api', core: deps.core });
  await app.register(catalogRoutes, { prefix: '/api', registry: deps.core.registry });
  await app.register(connectionRoutes, {
    prefix: '/api',
    core: deps.core,
    ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
  });
  await app.register(inboundRoutes, { prefix: '/api', core: deps.core });
  await app.register(conversationRoutes, { prefix: '/api', core: deps.core });
  await app.register(channelQueryRoutes, { prefix: '/api', core: deps.core });
  await app.register(predefinedMessageRoutes, { prefix: '/api', core: deps.core });
  await app.register(analyticsRoutes, { prefix: '/api', core: deps.core });
  await app.register(dashboardRoutes, { prefix: '/api', core: deps.core });
  return app;
}
