import type { FastifyInstance } from 'fastify';
import { currentMigration } from '../../db/migrate.ts';

export async function systemRoutes(app: FastifyInstance) {
  app.get('/health', { config: { public: true }, schema: { tags: ['Hệ thống'], summary: 'Tình trạng hệ thống' } }, async (req) => {
    const { db, engine } = req.server.database;
    return { ok: true, engine, migration: await currentMigration(db) };
  });
}
