/** SLAs per contract: a contract's support hours and SLAs, and the contract a ticket is worked under. */
export const frSlaContracts = {
  slaContracts: {
    contract: "Contrat",
    entityOnly: "Aucun : celui de l’entité",
    pickEntityFirst: "Choisissez d’abord l’entité",
    calendarHelp: "Choisi : les horaires de support de ce contrat, qui priment sur le calendrier de l’entité pour ses tickets.",
    policyHelp: "Choisi : ce SLA ne vaut que pour les tickets traités sous ce contrat, avant tout SLA d’entité.",
    option: "{{name}} · {{type}} · jusqu’au {{end}}",
    withSla: "avec SLA",
    ticket: {
      picker: "Contrat",
      placeholder: "Sans contrat",
      contract: "Contrat : {{name}}",
    },
    page: {
      tab: "Horaires et SLA",
      intro: "Les horaires de support et les SLA de ce contrat s’appliquent aux tickets traités sous ce contrat, tant qu’il est en vigueur le jour de leur ouverture.",
      hours: "Horaires de support",
      noHours: "Pas d’horaires propres : le calendrier de l’entité s’applique.",
      policies: "SLA du contrat",
      noPolicies: "Aucun SLA propre : les SLA de l’entité s’appliquent.",
      manage: "Gérer les calendriers et SLA",
      anyCategory: "Toutes catégories",
      inactive: "inactif",
      closed: "fermé",
    },
  },
};
