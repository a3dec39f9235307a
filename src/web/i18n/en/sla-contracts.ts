import type { frSlaContracts } from "../fr/sla-contracts.js";

/** SLAs per contract: a contract's support hours and SLAs, and the contract a ticket is worked under. */
export const enSlaContracts: typeof frSlaContracts = {
  slaContracts: {
    contract: "Contract",
    entityOnly: "None: the entity's",
    pickEntityFirst: "Choose the entity first",
    calendarHelp: "Chosen: this contract's support hours, which beat the entity's calendar for its tickets.",
    policyHelp: "Chosen: this SLA applies only to the tickets worked under this contract, before any entity SLA.",
    option: "{{name}} · {{type}} · until {{end}}",
    withSla: "with SLA",
    ticket: {
      picker: "Contract",
      placeholder: "No contract",
      contract: "Contract: {{name}}",
    },
    page: {
      tab: "Support hours and SLAs",
      intro: "This contract's support hours and SLAs apply to the tickets worked under it, as long as it is in force the day they are opened.",
      hours: "Support hours",
      noHours: "No hours of its own: the entity's calendar applies.",
      policies: "The contract's SLAs",
      noPolicies: "No SLA of its own: the entity's SLAs apply.",
      manage: "Manage calendars and SLAs",
      anyCategory: "Any category",
      inactive: "inactive",
      closed: "closed",
    },
  },
};
