/** The inventory agents (OCS, FusionInventory, GLPI) and their import log. */
export const frAgents = {
  agents: {
    link: "Agents",
    title: "Agents d’inventaire",
    description: "Les agents OCS, FusionInventory et GLPI qui envoient l’inventaire des postes, et le journal de ce qu’ils ont envoyé.",
    tabs: { agents: "Agents", log: "Journal" },
    staleOnly: "Silencieux seulement",
    stale: "silencieux",
    staleHelp: "Aucun contact depuis plus de {{count}} jours",
    never: "jamais",
    empty: "Aucun agent ne s’est encore manifesté. Pointez vos agents vers les adresses ci-dessus.",
    emptyStale: "Aucun agent silencieux : tous se sont manifestés cette semaine.",
    columns: {
      deviceId: "Identifiant du poste",
      agent: "Agent",
      ip: "Adresse IP",
      lastContact: "Dernier contact",
      lastInventory: "Dernier inventaire",
    },
    refusedOnly: "Refusés seulement",
    outcomes: { received: "Reçu", refused: "Refusé" },
    log: {
      when: "Reçu le",
      outcome: "Résultat",
      query: "Requête",
      reason: "Motif",
      detail: "Détail",
      empty: "Le journal est vide : aucun agent n’a encore envoyé de message.",
      emptyRefused: "Aucun envoi refusé.",
    },
    help: {
      title: "Raccorder les agents",
      intro: "Indiquez à vos agents l’adresse du serveur qu’ils connaissent déjà : aucun changement sur les postes si l’ancien nom d’hôte pointe vers Vigie.",
      ocs: "Agent OCS Inventory",
      fusion: "Agents FusionInventory et GLPI",
    },
  },
};
