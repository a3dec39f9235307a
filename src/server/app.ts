import fs from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import type { Kysely } from "kysely";
import type { LoggerOptions } from "pino";
import { JSON_BODY_LIMIT } from "../shared/domain/limits.js";
import type { DB } from "./db/schema.js";
import { categoryRoutes } from "./features/categories/category.routes.js";
import { attachmentRoutes, registerAttachmentHttp } from "./features/attachments/attachment.routes.js";
import { authRoutes } from "./features/identity/auth.routes.js";
import type { Actor } from "./features/identity/access.js";
import { identityRoutes } from "./features/identity/identity.routes.js";
import { SESSION_COOKIE, actorFromSession, actorFromToken } from "./features/identity/session.service.js";
import { historyRoutes } from "./features/history/history.routes.js";
import { systemRoutes } from "./features/system/system.routes.js";
import { ticketRoutes } from "./features/tickets/ticket.routes.js";
import { ticketBulkRoutes } from "./features/tickets/ticket-bulk.routes.js";
import { savedViewRoutes } from "./features/saved-views/saved-view.routes.js";
import { ticketRelationRoutes } from "./features/tickets/ticket-relations.routes.js";
import { createMemoryBus, createPgBus } from "./features/live/live-bus.js";
import { attachLive, publishTicketChanges } from "./features/live/live.js";
import { liveRoutes } from "./features/live/live.routes.js";
import { notificationRoutes } from "./features/notifications/notification.routes.js";
import { fleetRoutes } from "./features/assets/fleet.routes.js";
import { registerAgentEndpoints } from "./features/inventory/agent.routes.js";
import { agentListRoutes } from "./features/inventory/agent-list.routes.js";
import { assetInventoryRoutes } from "./features/inventory/asset-inventory.routes.js";
import { assetConnectionRoutes } from "./features/inventory/asset-connection.routes.js";
import { healthRoutes } from "./features/inventory/health.routes.js";
import { inventorySettingsRoutes } from "./features/inventory/inventory-settings.routes.js";
import { softwareRoutes } from "./features/software/software.routes.js";
import { snmpRoutes } from "./features/inventory/snmp/snmp.routes.js";
import { kbRoutes } from "./features/kb/kb.routes.js";
import { scriptRoutes } from "./features/kb/script.routes.js";
import { searchRoutes } from "./features/search/search.routes.js";
import { slaRoutes } from "./features/sla/sla.routes.js";
import { automationRoutes } from "./features/automation/automation.routes.js";
import { mailOutRoutes } from "./features/mail/outbound/mail-out.routes.js";
import { mailInRoutes } from "./features/mail/inbound/mail-in.routes.js";
import type { AppConfig, Ctx, PublicCtx } from "./http/context.js";
import { registerErrorHandling } from "./http/error-handler.js";
import { AppError } from "./http/errors.js";
import { buildOpenApi } from "./http/openapi.js";
import { type RouteSpec, parseInput } from "./http/route.js";
import { registerSecurityHeaders } from "./http/security.js";

/** Every endpoint of the API: registered below and listed in the OpenAPI document. */
export const ROUTES: RouteSpec[] = [...systemRoutes, ...authRoutes, ...identityRoutes, ...historyRoutes, ...ticketRoutes, ...categoryRoutes, ...ticketRelationRoutes, ...attachmentRoutes, ...liveRoutes, ...notificationRoutes, ...ticketBulkRoutes, ...savedViewRoutes, ...fleetRoutes, ...agentListRoutes, ...assetInventoryRoutes, ...assetConnectionRoutes,
  ...inventorySettingsRoutes, ...softwareRoutes, ...healthRoutes, ...snmpRoutes, ...kbRoutes, ...scriptRoutes, ...searchRoutes,
  ...slaRoutes, ...automationRoutes, ...mailOutRoutes, ...mailInRoutes];

export type AppDeps = {
  db: Kysely<DB>;
  config: AppConfig;
  logger?: LoggerOptions | boolean;
  /** The built web app (dist/web); served with a fallback to index.html for client routes. */
  webDir?: string;
  trustProxy?: boolean;
  /**
   * The PostgreSQL URL the live-update listener connects to, so instances hear each other.
   * Without it, an in-process bus: right for SQLite; on PostgreSQL it serves this instance
   * only and misses what transactions publish (good enough for tests of other modules).
   */
  liveUrl?: string;
};

async function authenticate(req: FastifyRequest, deps: AppDeps): Promise<Actor | undefined> {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) {
    const actor = await actorFromToken(deps.db, header.slice(7).trim());
    if (!actor) throw new AppError("UNAUTHENTICATED", "Invalid, expired or revoked API token");
    return actor;
  }
  const secret = req.cookies[SESSION_COOKIE];
  return secret ? actorFromSession(deps.db, secret, deps.config.sessionHours) : undefined;
}

function register(app: FastifyInstance, spec: RouteSpec, deps: AppDeps): void {
  app.route({
    method: spec.method,
    url: spec.url,
    bodyLimit: spec.bodyLimit ?? JSON_BODY_LIMIT,
    handler: async (req, reply) => {
      const actor = await authenticate(req, deps);
      if (spec.auth === "user" && !actor) {
        const expired = Boolean(req.cookies[SESSION_COOKIE]);
        throw new AppError(expired ? "SESSION_EXPIRED" : "UNAUTHENTICATED", "Sign in first");
      }
      if (spec.bodyType && !req.headers["content-type"]?.startsWith(spec.bodyType)) {
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the body as ${spec.bodyType}`);
      }
      // The spec's own schemas produced these values, so they match its handler's input type.
      const input = { ...parseInput(spec, req), req, reply } as never;
      const base = { db: deps.db, log: req.log, config: deps.config };
      const result = spec.auth === "user"
        ? await spec.handler({ ...base, actor: actor as Actor } satisfies Ctx, input)
        : await spec.handler({ ...base, actor, ip: req.ip, userAgent: req.headers["user-agent"] } satisfies PublicCtx, input);
      if (spec.live) {
        const changed = spec.live({ ...(input as object), result } as never) as number | readonly number[];
        await publishTicketChanges(deps.db, typeof changed === "number" ? [changed] : changed, req.log, result);
      }
      if (spec.status) reply.status(spec.status);
      return spec.status === 204 ? reply.send() : result;
    },
  });
}

/** Builds the HTTP application without listening, so tests drive it with inject(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: deps.trustProxy ?? false,
    requestIdHeader: "x-request-id",
  });
  // No form or plain-text bodies: another site cannot post to the API with the user's cookie.
  app.removeContentTypeParser("text/plain");
  app.addContentTypeParser("text/csv", { parseAs: "string" }, (_req, body, done) => done(null, body));
  await app.register(fastifyCookie);
  registerErrorHandling(app, deps.webDir);
  registerSecurityHeaders(app);
  attachLive(app, deps.db, deps.liveUrl ? await createPgBus({ db: deps.db, url: deps.liveUrl, log: app.log }) : createMemoryBus(app.log));
  await registerAttachmentHttp(app);
  await registerAgentEndpoints(app, deps.db);

  const document = buildOpenApi(ROUTES, deps.config.version);
  await app.register(fastifySwagger, { mode: "static", specification: { document: document as never } });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => document);

  for (const spec of ROUTES) register(app, spec, deps);

  if (deps.webDir && fs.existsSync(path.join(deps.webDir, "index.html"))) {
    await app.register(fastifyStatic, { root: deps.webDir, wildcard: false, maxAge: "1h", immutable: false });
  }
  return app;
}
