import type { frAgents } from "../fr/agents.js";

/** English — the inventory agents (OCS, FusionInventory, GLPI) and their import log. */
export const enAgents: typeof frAgents = {
  agents: {
    link: "Agents",
    title: "Inventory agents",
    description: "The OCS, FusionInventory and GLPI agents that send the machines’ inventory, and the log of what they sent.",
    tabs: { agents: "Agents", log: "Log" },
    staleOnly: "Silent only",
    stale: "silent",
    staleHelp: "No contact for more than {{count}} days",
    never: "never",
    empty: "No agent has reported yet. Point your agents at the addresses above.",
    emptyStale: "No silent agent: every one reported this week.",
    columns: {
      deviceId: "Device ID",
      agent: "Agent",
      ip: "IP address",
      lastContact: "Last contact",
      lastInventory: "Last inventory",
    },
    refusedOnly: "Refused only",
    outcomes: { received: "Received", refused: "Refused" },
    log: {
      when: "Received",
      outcome: "Outcome",
      query: "Query",
      reason: "Reason",
      detail: "Detail",
      empty: "The log is empty: no agent has sent anything yet.",
      emptyRefused: "No refused message.",
    },
    help: {
      title: "Connecting agents",
      intro: "Give your agents the server address they already know: no change on the machines if the old host name points at Vigie.",
      ocs: "OCS Inventory agent",
      fusion: "FusionInventory and GLPI agents",
    },
  },
};
