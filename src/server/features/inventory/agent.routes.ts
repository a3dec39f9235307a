import type { FastifyInstance } from "fastify";
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { exchangeWithAgent } from "./agent-exchange.service.js";

/**
 * The addresses agents are already configured with, so a team moves to Vigie by pointing the old
 * server's host name at it: OCS agents post to /ocsinventory, FusionInventory and GLPI agents to
 * GLPI's and its plugins' addresses.
 */
export const AGENT_PATHS = ["/ocsinventory", "/front/inventory.php", "/Inventory", "/plugins/fusioninventory/", "/plugins/glpiinventory/"];

/** A compressed inventory is tens of kilobytes; past this, the request is refused before it is read. */
const AGENT_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * Agents post compressed XML, not JSON: their routes take the raw body, in a scope of their own
 * so the API keeps refusing every body type it does not expect.
 */
export async function registerAgentEndpoints(app: FastifyInstance, db: Kysely<DB>): Promise<void> {
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: AGENT_BODY_LIMIT }, (_req, body, done) => done(null, body));
    for (const url of AGENT_PATHS) {
      scope.post(url, { bodyLimit: AGENT_BODY_LIMIT }, async (req, reply) => {
        const answer = await exchangeWithAgent(db, {
          body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0), contentType: req.headers["content-type"],
          userAgent: req.headers["user-agent"], authorization: req.headers.authorization, ip: req.ip,
        });
        if (answer.headers) reply.headers(answer.headers);
        return reply.status(answer.status).type(answer.contentType).send(answer.body);
      });
      // FusionInventory's Deploy and Collect tasks ask for jobs: none here.
      scope.get(url, async (_req, reply) => reply.type("application/json").send("{}"));
    }
  });
}
