/**
 * The starter library's shape: each script written once with its French and English texts. The
 * groups, categories and articles its outcomes name are looked up by name when it is loaded.
 */
export type Bi = readonly [fr: string, en: string];

export type StarterOutcome =
  | { solve: Bi }
  /** Group names to look for, in order ("Réseau" matches "Support N2 Réseau"). */
  | { escalate: { groups: readonly string[]; note: Bi } }
  /** The articles' starter library key ("printer"), or titles to look for; without one, the steps solve the call instead. */
  | { article: { starterKey?: string; titles: readonly string[]; fallback: Bi } }
  | { fields: { category?: string; priority?: number; groups?: readonly string[] } };

export type StarterNode =
  | { id: string; q: Bi; help?: Bi; answers: readonly (readonly [Bi, string])[] }
  | ({ id: string; title: Bi } & StarterOutcome);

export type StarterScript = {
  key: string;
  name: Bi;
  description: Bi;
  forPortal: boolean;
  /** The ticket category it serves, by complete name: filed there when escalated. */
  nodes: readonly StarterNode[];
};

export const YES: Bi = ["Oui", "Yes"];
export const NO: Bi = ["Non", "No"];
export const NETWORK = ["Réseau", "Network"] as const;
export const WORKSTATIONS = ["Postes de travail", "Poste de travail", "Workstations", "Systèmes", "Systems"] as const;
export const SYSTEMS = ["Systèmes", "Systems", "Messagerie", "Mail"] as const;
export const SECURITY = ["Sécurité", "Security", "Systèmes", "Systems"] as const;
