/** The demo company: its sites, departments and trades. Addresses are plausible, numbers invented. */

export const COMPANY = {
  name: "Groupe Durand Industrie",
  domain: "durand-industrie.fr",
  address: "45 avenue de la Grande-Armée",
  postcode: "75016",
  town: "Paris",
  phone: "+33 1 45 00 12 00",
  email: "contact@durand-industrie.fr",
};

export type City = {
  name: string;
  site: string;
  address: string;
  postcode: string;
  /** The first digits of a landline there, after +33. */
  dial: string;
  /** How many people work there, relative to the other sites. */
  weight: number;
};

/** Paris comes first: it is the head office and holds the IT department. */
export const CITIES: City[] = [
  { name: "Paris", site: "Paris (siège)", address: "45 avenue de la Grande-Armée", postcode: "75016", dial: "1 45", weight: 4 },
  { name: "Lyon", site: "Lyon", address: "12 rue de la Villette", postcode: "69003", dial: "4 72", weight: 3 },
  { name: "Nantes", site: "Nantes", address: "8 boulevard de Berlin", postcode: "44000", dial: "2 40", weight: 2 },
  { name: "Lille", site: "Lille", address: "27 rue de Tournai", postcode: "59000", dial: "3 20", weight: 2 },
  { name: "Bordeaux", site: "Bordeaux", address: "3 quai de Bacalan", postcode: "33300", dial: "5 56", weight: 2 },
  { name: "Toulouse", site: "Toulouse", address: "15 allées Jean-Jaurès", postcode: "31000", dial: "5 61", weight: 2 },
  { name: "Marseille", site: "Marseille", address: "20 boulevard de Dunkerque", postcode: "13002", dial: "4 91", weight: 2 },
  { name: "Strasbourg", site: "Strasbourg", address: "5 rue du Dôme", postcode: "67000", dial: "3 88", weight: 1 },
  { name: "Rennes", site: "Rennes", address: "10 rue de Saint-Malo", postcode: "35000", dial: "2 99", weight: 1 },
  { name: "Grenoble", site: "Grenoble", address: "2 place Victor-Hugo", postcode: "38000", dial: "4 76", weight: 1 },
  { name: "Montpellier", site: "Montpellier", address: "30 rue de l'Aiguillerie", postcode: "34000", dial: "4 67", weight: 1 },
  { name: "Nice", site: "Nice", address: "14 avenue Jean-Médecin", postcode: "06000", dial: "4 93", weight: 1 },
  { name: "Dijon", site: "Dijon", address: "6 rue de la Liberté", postcode: "21000", dial: "3 80", weight: 1 },
  { name: "Rouen", site: "Rouen", address: "18 rue Jeanne-d'Arc", postcode: "76000", dial: "2 35", weight: 1 },
  { name: "Reims", site: "Reims", address: "9 place Drouet-d'Erlon", postcode: "51100", dial: "3 26", weight: 1 },
  { name: "Clermont-Ferrand", site: "Clermont-Ferrand", address: "4 place de Jaude", postcode: "63000", dial: "4 73", weight: 1 },
  { name: "Orléans", site: "Orléans", address: "11 rue Royale", postcode: "45000", dial: "2 38", weight: 1 },
  { name: "Saint-Étienne", site: "Saint-Étienne", address: "7 rue du Président-Wilson", postcode: "42000", dial: "4 77", weight: 1 },
];

/** A job title as [masculine, feminine]. */
export type Title = readonly [string, string];

export type Department = { name: string; titles: Title[] };

export const IT_DEPARTMENT = "Direction des systèmes d'information";

export const DEPARTMENTS: Department[] = [
  { name: "Production", titles: [["Opérateur de production", "Opératrice de production"], ["Chef d'équipe", "Cheffe d'équipe"], ["Responsable de ligne", "Responsable de ligne"]] },
  { name: "Logistique", titles: [["Magasinier", "Magasinière"], ["Cariste", "Cariste"], ["Responsable logistique", "Responsable logistique"]] },
  { name: "Comptabilité", titles: [["Comptable", "Comptable"], ["Assistant comptable", "Assistante comptable"], ["Contrôleur de gestion", "Contrôleuse de gestion"]] },
  { name: "Ressources humaines", titles: [["Chargé de recrutement", "Chargée de recrutement"], ["Gestionnaire de paie", "Gestionnaire de paie"], ["Responsable RH", "Responsable RH"]] },
  { name: "Commercial", titles: [["Commercial sédentaire", "Commerciale sédentaire"], ["Ingénieur d'affaires", "Ingénieure d'affaires"], ["Assistant commercial", "Assistante commerciale"]] },
  { name: "Bureau d'études", titles: [["Dessinateur projeteur", "Dessinatrice projeteuse"], ["Ingénieur mécanique", "Ingénieure mécanique"], ["Technicien méthodes", "Technicienne méthodes"]] },
  { name: "Qualité", titles: [["Technicien qualité", "Technicienne qualité"], ["Responsable qualité", "Responsable qualité"]] },
  { name: "Maintenance", titles: [["Technicien de maintenance", "Technicienne de maintenance"], ["Électromécanicien", "Électromécanicienne"]] },
  { name: "Achats", titles: [["Acheteur", "Acheteuse"], ["Approvisionneur", "Approvisionneuse"]] },
  { name: "Service client", titles: [["Conseiller clientèle", "Conseillère clientèle"], ["Responsable service client", "Responsable service client"]] },
];

/** Titles of people attached to a site itself rather than to one of its departments. */
export const SITE_TITLES: Title[] = [
  ["Directeur de site", "Directrice de site"], ["Assistant de direction", "Assistante de direction"],
  ["Agent d'accueil", "Agente d'accueil"], ["Responsable des services généraux", "Responsable des services généraux"],
];

export const SUPPORT_TITLES = {
  n1: ["Technicien support N1", "Technicienne support N1"],
  network: ["Ingénieur réseau N2", "Ingénieure réseau N2"],
  systems: ["Administrateur systèmes N2", "Administratrice systèmes N2"],
  apps: ["Analyste applicatif N2", "Analyste applicative N2"],
  field: ["Technicien de proximité", "Technicienne de proximité"],
} as const satisfies Record<string, Title>;
