/** Périphériques connectés à un poste (« Connexions directes » de GLPI). */
export const frAssetConnections = {
  assetConnections: {
    title: "Périphériques connectés",
    intro: "Écrans et imprimantes branchés sur ce poste. L’inventaire les ajoute et les retire ; vous pouvez aussi en connecter à la main.",
    computerTitle: "Connecté au poste",
    none: "Aucun périphérique connecté.",
    noneDevice: "Connecté à aucun poste.",
    device: "Périphérique",
    computer: "Poste",
    kind: "Type",
    serial: "N° de série",
    since: "Depuis",
    source: "Origine",
    sources: { inventory: "Inventaire", manual: "Manuelle" },
    actions: "Actions",
    disconnect: "Déconnecter",
    disconnectLabel: "Déconnecter {{tag}}",
    disconnected: "{{tag}} déconnecté.",
    picker: "Connecter un périphérique",
    pickerPlaceholder: "N° d’inventaire, nom ou n° de série",
    connected: "{{tag}} connecté.",
  },
};
