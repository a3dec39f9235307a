import type { MailEvent, MailLanguage } from "../../../../shared/api/mail-out.js";

type Text = { subject: string; body: string };

/** The shipped texts; an admin's saved version replaces one (event, language) at a time. */
export const DEFAULT_TEMPLATES: Record<MailEvent, Record<MailLanguage, Text>> = {
  created: {
    fr: {
      subject: "Demande enregistrée : {{ticket.title}}",
      body: "Bonjour {{recipient.name}},\n\nLa demande n° {{ticket.number}} « {{ticket.title}} » de {{requester.name}} est enregistrée. "
        + "Nous la traitons au plus vite.\n\n{{ticket.description}}\n\nSuivre la demande : {{ticket.url}}\n\n"
        + "Pour compléter votre demande, répondez simplement à ce message en gardant le numéro dans l'objet.\n\n{{app.name}}",
    },
    en: {
      subject: "Request received: {{ticket.title}}",
      body: "Hello {{recipient.name}},\n\nRequest #{{ticket.number}} \"{{ticket.title}}\" from {{requester.name}} has been received. "
        + "We will handle it as soon as possible.\n\n{{ticket.description}}\n\nFollow the request: {{ticket.url}}\n\n"
        + "To add to your request, reply to this message and keep the number in the subject.\n\n{{app.name}}",
    },
  },
  assigned: {
    fr: {
      subject: "Ticket attribué : {{ticket.title}}",
      body: "Bonjour {{recipient.name}},\n\nLe ticket n° {{ticket.number}} « {{ticket.title}} » vous est attribué "
        + "(technicien : {{assignee.name}}, groupe : {{group.name}}) par {{actor.name}}.\n\nDemandeur : {{requester.name}}\n"
        + "Priorité : {{ticket.priority}}\n\n{{ticket.description}}\n\nOuvrir le ticket : {{ticket.url}}",
    },
    en: {
      subject: "Ticket assigned: {{ticket.title}}",
      body: "Hello {{recipient.name}},\n\nTicket #{{ticket.number}} \"{{ticket.title}}\" is assigned to you "
        + "(technician: {{assignee.name}}, group: {{group.name}}) by {{actor.name}}.\n\nRequester: {{requester.name}}\n"
        + "Priority: {{ticket.priority}}\n\n{{ticket.description}}\n\nOpen the ticket: {{ticket.url}}",
    },
  },
  followup: {
    fr: {
      subject: "Nouveau suivi : {{ticket.title}}",
      body: "Bonjour {{recipient.name}},\n\n{{actor.name}} a ajouté un suivi à la demande n° {{ticket.number}} :\n\n{{followup.text}}\n\n"
        + "Voir la demande : {{ticket.url}}\n\nVous pouvez répondre directement à ce message.",
    },
    en: {
      subject: "New followup: {{ticket.title}}",
      body: "Hello {{recipient.name}},\n\n{{actor.name}} added a followup to request #{{ticket.number}}:\n\n{{followup.text}}\n\n"
        + "See the request: {{ticket.url}}\n\nYou can reply to this message directly.",
    },
  },
  solved: {
    fr: {
      subject: "Demande résolue : {{ticket.title}}",
      body: "Bonjour {{recipient.name}},\n\nLa demande n° {{ticket.number}} « {{ticket.title}} » est résolue :\n\n{{solution.text}}\n\n"
        + "Si la solution vous convient, acceptez-la ; sinon refusez-la en expliquant pourquoi, et nous reprendrons la demande : {{ticket.url}}\n\n"
        + "Sans réponse de votre part, la demande sera close automatiquement.",
    },
    en: {
      subject: "Request solved: {{ticket.title}}",
      body: "Hello {{recipient.name}},\n\nRequest #{{ticket.number}} \"{{ticket.title}}\" is solved:\n\n{{solution.text}}\n\n"
        + "If the solution works for you, accept it; otherwise refuse it and tell us why, and we will take the request up again: {{ticket.url}}\n\n"
        + "Without an answer, the request will be closed automatically.",
    },
  },
  closed: {
    fr: {
      subject: "Demande close : {{ticket.title}}",
      body: "Bonjour {{recipient.name}},\n\nLa demande n° {{ticket.number}} « {{ticket.title}} » est close. Merci de votre confiance.\n\n{{ticket.url}}",
    },
    en: {
      subject: "Request closed: {{ticket.title}}",
      body: "Hello {{recipient.name}},\n\nRequest #{{ticket.number}} \"{{ticket.title}}\" is closed. Thank you.\n\n{{ticket.url}}",
    },
  },
  sla_warning: {
    fr: {
      subject: "Échéance proche : {{ticket.title}}",
      body: "Bonjour {{recipient.name}},\n\nLe ticket n° {{ticket.number}} « {{ticket.title}} » arrive à échéance le {{sla.deadline}}.\n"
        + "Priorité : {{ticket.priority}} — technicien : {{assignee.name}} — groupe : {{group.name}}\n\nOuvrir le ticket : {{ticket.url}}",
    },
    en: {
      subject: "Deadline near: {{ticket.title}}",
      body: "Hello {{recipient.name}},\n\nTicket #{{ticket.number}} \"{{ticket.title}}\" is due on {{sla.deadline}}.\n"
        + "Priority: {{ticket.priority}} — technician: {{assignee.name}} — group: {{group.name}}\n\nOpen the ticket: {{ticket.url}}",
    },
  },
};
