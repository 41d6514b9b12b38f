import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { DatabaseHandle } from '../db/connection.ts';
import type { Ctx } from '../modules/audit/write.ts';
import { unauthenticated } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyInstance {
    database: DatabaseHandle;
    /** Every registered route, for the all-routes authorization test. */
    routeList: import('../app.ts').RouteInfo[];
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, card verification). Everything else needs one. */
    public?: boolean;
  }
}

export type Api = FastifyInstance & { withTypeProvider: FastifyInstance['withTypeProvider'] };
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

export function ctxOf(req: FastifyRequest): Ctx {
  return { db: req.server.database.db, actor: actorOf(req), ip: req.ip };
}

/** Shared request pieces. */
export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const paging = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng dd/mm/yyyy hợp lệ.');
export const ok = z.object({ ok: z.literal(true) });
