import { runLoad } from "./load.js";
import { signIn } from "./server.js";
const url = process.argv[2]!;
const cookie = await signIn(url, "n1.martin", "demo-tech-2026");
let n = 0;
const r = await runLoad({ url: `${url}/api/tickets`, method: "POST", headers: { cookie }, connections: 8, seconds: 10, expectStatus: 201,
  body: () => JSON.stringify({ title: `Bench : imprimante bloquée ${++n}`, requesterId: 10 + (n % 5000), urgency: 4, impact: 3, channel: "phone", groupId: 1 }) });
console.log(r);
