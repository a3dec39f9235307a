/** Email in: mailboxes (IMAP), the built-in SMTP/LMTP receiver, received mails and their fate. */
export const enMailIn = {
  mailIn: {
    title: "Mailboxes",
    intro: "Mail received at these addresses becomes tickets, and replies become followups of the right ticket.",
    tabs: { mailboxes: "Mailboxes", received: "Received mail", settings: "Blocklist" },
    kind: { imap: "IMAP collection", smtp: "Direct delivery (SMTP/LMTP)" },
    tls: { tls: "TLS (993)", starttls: "STARTTLS (143)", none: "No encryption" },
    after: { move: "Move to a folder", delete: "Delete from the server" },
    unknown: { contact: "Open a ticket for a contact", refuse: "Refuse the mail" },
    list: {
      title: "Collected mailboxes", add: "Add a mailbox", name: "Name", address: "Address", entity: "Entity", source: "Source",
      lastRun: "Last collection", actions: "Actions", none: "No mailbox yet.", disabled: "Disabled",
      collect: "Collect", edit: "Edit", editLabel: "Edit {{name}}", delete: "Delete", deleteTitle: "Delete the mailbox {{name}}?",
      deleteMessage: "Mail already received stays listed. New mail will no longer be collected.",
      collected_one: "{{count}} mail collected", collected_other: "{{count}} mails collected",
      collectFailed: "Collection failed: {{error}}", busy: "a collection is already running",
    },
    form: {
      newTitle: "New mailbox", editTitle: "Edit {{name}}", kind: "Mailbox type", name: "Name", address: "Mailbox address",
      addressHelp: "The address users write to", entity: "Tickets' entity", entityHelp: "Tickets created go to this entity",
      host: "IMAP server", port: "Port", tls: "Encryption", username: "Login", password: "Password",
      passwordKept: "Leave empty to keep the saved password", folder: "Folder to collect", afterAction: "After processing",
      afterFolder: "Destination folder", test: "Test connection",
      testOk_one: "Connected: {{count}} message waiting", testOk_other: "Connected: {{count}} messages waiting",
      testFailed: "Could not connect: {{error}}", group: "Default assigned group", unknownSender: "Unknown sender",
      enabled: "Collection enabled", cancel: "Cancel", save: "Save", saved: "Mailbox “{{name}}” saved",
      category: "Ticket category", categoryHelp: "Optional; its defaults (type, group, urgency) apply to new tickets",
    },
    ticketMails: {
      title: "Original emails", opened: "Opened the ticket", followup: "Followup", download: "Download the original email from {{from}} ({{date}})",
    },
    received: {
      filter: "Filter by fate", all: "All", date: "Received", from: "Sender", subject: "Subject", mailbox: "Mailbox", fate: "Fate",
      none: "No mail received.", noSubject: "(no subject)", retry: "Process again", download: "Download original",
      ticket: "Ticket #{{id}}",
      attempts_one: "{{count}} attempt", attempts_other: "{{count}} attempts",
    },
    status: { pending: "Processing", ticket: "Ticket created", followup: "Followup added", refused: "Refused", failed: "Failed" },
    reason: {
      loop: "Mail loop (sent by Vigie)", blocked: "Blocked sender", bounce: "Delivery failure report",
      auto_reply: "Automatic reply", bulk: "Bulk mail (mailing list)", unknown_sender: "Unknown sender",
      no_sender: "No readable sender", too_large: "Message too large", MAIL_UNREADABLE: "Unreadable message", INTERNAL: "Internal error",
    },
    settings: {
      blocklist: "Blocked addresses and domains", blocklistHelp: "One entry per line: an address (john@example.com) or a whole domain (example.com)",
      maxMessageMb: "Largest mail accepted (MB)", maxMessageMbHelp: "Beyond this, the mail is refused but kept and downloadable",
      rootOnly: "These settings apply to every mailbox; only administrators of the root entity can change them.",
      save: "Save", saved: "Settings saved",
    },
  },
};
