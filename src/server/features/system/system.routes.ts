import { sql } from "kysely";
import { HealthSchema } from "../../../shared/api/auth.js";
import { route } from "../../http/route.js";

export const systemRoutes = [
  route({
    method: "GET", url: "/api/health", tag: "system", auth: "public",
    summary: "200 when the database answers, 503 otherwise (for load balancers and monitoring)",
    response: HealthSchema,
    handler: async (ctx, { reply }) => {
      try {
        await sql`select 1`.execute(ctx.db);
        return { status: "ok" as const, database: "up" };
      } catch (err) {
        ctx.log.error({ err }, "health check: database unreachable");
        reply.status(503);
        return { status: "unavailable" as const, database: "down" };
      }
    },
  }),
];
