import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from './db/connection.ts';
import { loadActor } from './auth/actor.ts';
import { SESSION_COOKIE, sessionUser } from './auth/session.ts';
import { AppError } from './lib/errors.ts';
import { registerModules } from './modules/index.ts';

z.config(z.locales.vi());

export interface RouteInfo {
  method: string;
  url: string;
  public: boolean;
}

export interface AppOptions {
  database: DatabaseHandle;
  logger?: boolean;
  /** Serve the built web app from web/dist when it exists. */
  serveWeb?: boolean;
  /** Attempts per minute per address on the login route. */
  loginRateLimit?: number;
  secureCookies?: boolean;
}

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Bodies are never logged: they may carry ID numbers and other sensitive fields.
    logger: opts.logger ? { level: 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
    bodyLimit: 50 * 1024 * 1024,
    trustProxy: true,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', opts.database);
  const routes: RouteInfo[] = [];
  app.decorate('routeList', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, public: Boolean(route.config?.public) });
  });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 100 * 1024 * 1024, files: 1 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Công Đoàn Số API', version: '0.1.0', description: 'API của hệ thống Công Đoàn Số' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const userId = await sessionUser(opts.database.db, token);
    if (userId === null) return;
    req.sessionToken = token;
    req.actor = await loadActor(opts.database.db, userId);
  });
  app.addHook('preHandler', async (req) => {
    const isApi = req.url.startsWith('/api/') && !req.url.startsWith('/api/docs');
    if (isApi && !req.routeOptions.config.public && !req.actor) {
      throw new AppError(401, 'unauthenticated', 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
    }
  });

  app.setErrorHandler((error, req, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send(error.toBody());
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => ({
        field: String(v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || String((v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') ?? ''),
        message: v.message ?? 'Giá trị không hợp lệ.',
      }));
      return reply.status(400).send({
        code: 'validation', message: errors[0]?.message ?? 'Dữ liệu không hợp lệ.', field: errors[0]?.field, errors,
      });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send({ code: 'rate_limited', message: 'Bạn thao tác quá nhanh. Vui lòng đợi một phút rồi thử lại.' });
    }
    if (status < 500) return reply.status(status).send({ code: 'bad_request', message: 'Yêu cầu không hợp lệ.' });
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal', message: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.' });
  });

  await app.register(async (api) => registerModules(api, opts), { prefix: '/api' });

  if (opts.serveWeb && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/')) return reply.status(404).send({ code: 'not_found', message: 'Không có địa chỉ này.' });
      return reply.sendFile('index.html');
    });
  }
  return app;
}
