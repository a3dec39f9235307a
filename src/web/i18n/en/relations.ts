import type { frRelations } from "../fr/relations.js";

/** English — what ties a ticket to others: requester panel, links, merge, observers. */
export const enRelations: typeof frRelations = {
  relations: {
    requester: "Requester",
    noAccount: "Caller without an account",
    recentTickets: "Their latest tickets",
    noOtherTickets: "No other ticket.",
    links: "Linked tickets",
    noLinks: "No linked ticket.",
    kind: "Link",
    kinds: {
      related: "Related to",
      duplicates: "Duplicate of",
      duplicated_by: "Duplicated by",
      child_of: "Child of",
      parent_of: "Parent of",
    },
    ticketNumber: "Ticket #",
    link: "Link",
    unlink: "Remove the link with ticket #{{id}}",
    mergeInto: "Merge duplicates into this ticket…",
    mergeTitle: "Merge into ticket #{{id}}",
    mergeHelp: "The tickets given are closed as duplicates: their description, followups, tasks and files are copied here, and their requesters become observers.",
    mergeSources: "Numbers of the tickets to merge",
    mergeSubmit_one: "Merge {{count}} ticket",
    mergeSubmit_other: "Merge {{count}} tickets",
    merged_one: "{{count}} ticket merged into #{{id}}",
    merged_other: "{{count}} tickets merged into #{{id}}",
    mergedInto: "This ticket was merged into ticket #{{id}}: work goes on there.",
    mergedIntoShort: "Merged into ticket",
    openMerged: "Open ticket #{{id}}",
    observers: "Observers",
    noObservers: "Nobody follows this ticket.",
    addObserver: "Add an observer",
    removeObserver: "Remove {{name}} from the observers",
  },
};
