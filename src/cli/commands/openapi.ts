import { VIGIE_VERSION } from "../../shared/domain/version.js";
import { ROUTES } from "../../server/app.js";
import { buildOpenApi } from "../../server/http/openapi.js";
import { EXIT, HELP, type Io, parseCommand } from "../io.js";

const USAGE = `Usage: vigie openapi > openapi.json

Prints the OpenAPI 3.1 document of the REST API, generated from the same schemas that validate
requests. \`npm run openapi\` writes it to openapi.json, which is committed.`;

export function openApiText(): string {
  return JSON.stringify(buildOpenApi(ROUTES, VIGIE_VERSION), null, 2);
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand({ args: argv, options: { ...HELP }, strict: true }, USAGE);
  if (values.help) {
    io.out(USAGE);
    return EXIT.ok;
  }
  io.out(openApiText());
  return EXIT.ok;
}
