/** Email in: mailboxes (IMAP), the built-in SMTP/LMTP receiver, received mails and their fate. */
export const frMailIn = {
  mailIn: {
    title: "Boîtes de réception",
    intro: "Les e-mails reçus sur ces adresses deviennent des tickets, et les réponses des suivis du bon ticket.",
    tabs: { mailboxes: "Boîtes", received: "E-mails reçus", settings: "Liste de blocage" },
    kind: { imap: "Collecte IMAP", smtp: "Réception directe (SMTP/LMTP)" },
    tls: { tls: "TLS (993)", starttls: "STARTTLS (143)", none: "Aucun chiffrement" },
    after: { move: "Déplacer dans un dossier", delete: "Supprimer du serveur" },
    unknown: { contact: "Ouvrir un ticket au nom d’un contact", refuse: "Refuser l’e-mail" },
    list: {
      title: "Boîtes collectées", add: "Ajouter une boîte", name: "Nom", address: "Adresse", entity: "Entité", source: "Source",
      lastRun: "Dernière collecte", actions: "Actions", none: "Aucune boîte de réception pour l’instant.", disabled: "Désactivée",
      collect: "Collecter", edit: "Modifier", editLabel: "Modifier {{name}}", delete: "Supprimer", deleteTitle: "Supprimer la boîte {{name}} ?",
      deleteMessage: "Les e-mails déjà reçus restent dans la liste. Les e-mails à venir ne seront plus collectés.",
      collected_one: "{{count}} e-mail collecté", collected_other: "{{count}} e-mails collectés",
      collectFailed: "Échec de la collecte : {{error}}", busy: "une collecte est déjà en cours",
    },
    form: {
      newTitle: "Nouvelle boîte de réception", editTitle: "Modifier {{name}}", kind: "Type de boîte", name: "Nom", address: "Adresse de la boîte",
      addressHelp: "L’adresse à laquelle les utilisateurs écrivent", entity: "Entité des tickets", entityHelp: "Les tickets créés iront dans cette entité",
      host: "Serveur IMAP", port: "Port", tls: "Chiffrement", username: "Identifiant", password: "Mot de passe",
      passwordKept: "Laisser vide pour garder le mot de passe enregistré", folder: "Dossier à collecter", afterAction: "Après traitement",
      afterFolder: "Dossier de destination", test: "Tester la connexion",
      testOk_one: "Connexion réussie : {{count}} message en attente", testOk_other: "Connexion réussie : {{count}} messages en attente",
      testFailed: "Connexion impossible : {{error}}", group: "Groupe affecté par défaut", unknownSender: "Expéditeur inconnu",
      enabled: "Collecte activée", cancel: "Annuler", save: "Enregistrer", saved: "Boîte « {{name}} » enregistrée",
      category: "Catégorie des tickets", categoryHelp: "Facultative ; ses valeurs par défaut (type, groupe, urgence) s’appliquent aux nouveaux tickets",
    },
    ticketMails: {
      title: "E-mails d’origine", opened: "A ouvert le ticket", followup: "Suivi", download: "Télécharger l’e-mail d’origine de {{from}} ({{date}})",
    },
    received: {
      filter: "Filtrer par sort", all: "Tous", date: "Reçu le", from: "Expéditeur", subject: "Objet", mailbox: "Boîte", fate: "Sort",
      none: "Aucun e-mail reçu.", noSubject: "(sans objet)", retry: "Retraiter", download: "Télécharger l’original",
      ticket: "Ticket n° {{id}}",
      attempts_one: "{{count}} tentative", attempts_other: "{{count}} tentatives",
    },
    status: { pending: "En cours", ticket: "Ticket créé", followup: "Suivi ajouté", refused: "Refusé", failed: "En échec" },
    reason: {
      loop: "Boucle de messagerie (envoyé par Vigie)", blocked: "Expéditeur bloqué", bounce: "Message de non-remise",
      auto_reply: "Réponse automatique", bulk: "Envoi en masse (liste de diffusion)", unknown_sender: "Expéditeur inconnu",
      no_sender: "Pas d’expéditeur lisible", too_large: "Message trop volumineux", MAIL_UNREADABLE: "Message illisible", INTERNAL: "Erreur interne",
    },
    settings: {
      blocklist: "Adresses et domaines bloqués", blocklistHelp: "Une entrée par ligne : une adresse (jean@exemple.fr) ou un domaine entier (exemple.fr)",
      maxMessageMb: "Taille maximale d’un e-mail (Mo)", maxMessageMbHelp: "Au-delà, l’e-mail est refusé mais conservé et téléchargeable",
      rootOnly: "Ces réglages valent pour toutes les boîtes ; seuls les administrateurs de l’entité racine peuvent les modifier.",
      save: "Enregistrer", saved: "Réglages enregistrés",
    },
  },
};
