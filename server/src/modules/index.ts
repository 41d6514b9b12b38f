import type { FastifyInstance } from 'fastify';
import type { AppOptions } from '../app.ts';
import { authRoutes } from '../auth/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { orgRoutes } from './org/routes.ts';
import { memberRoutes } from './members/routes.ts';
import './members/org-hooks.ts';
import { programmeRoutes } from './programme/routes.ts';
import { homeRoutes } from './home/routes.ts';
import { systemRoutes } from './system/routes.ts';
import { userRoutes } from './users/routes.ts';
import { jobRoutes } from './jobs/routes.ts';

/** Every module's routes, registered under /api. A new module adds one line here. */
export async function registerModules(api: FastifyInstance, opts: AppOptions) {
  await api.register(systemRoutes);
  await api.register(authRoutes, { loginRateLimit: opts.loginRateLimit, secureCookies: opts.secureCookies });
  await api.register(orgRoutes);
  await api.register(memberRoutes);
  await api.register(userRoutes);
  await api.register(auditRoutes);
  await api.register(programmeRoutes);
  await api.register(homeRoutes);
  await api.register(jobRoutes);
}
