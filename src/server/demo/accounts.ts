import type { Role } from "../../shared/domain/roles.js";

/** The passwords of the demo, one per kind of account; each is hashed once per run. */
export const DEMO_PASSWORDS = {
  admin: "demo-admin-2026",
  technician: "demo-tech-2026",
  supervisor: "demo-superviseur-2026",
  requester: "demo-user-2026",
} as const;

export type PasswordKind = keyof typeof DEMO_PASSWORDS;

/** Where a fixed account works: the IT department at the head office, or a site (and department). */
export type Workplace = { city: string; department?: string };

export type FixedAccount = {
  login: string;
  firstName: string;
  lastName: string;
  female: boolean;
  jobTitle: string;
  workplace: Workplace;
  role: Role;
  /** The grant is on the root entity (whole company) or on the workplace's site. */
  grantOn: "root" | "site" | "own";
  groups: { key: string; isManager: boolean }[];
  password: PasswordKind;
  /** What the CLI prints next to the login. */
  description: string;
};

const IT = { city: "Paris", department: "Direction des systèmes d'information" };

/** Accounts with known logins and passwords, printed by `vigie demo` so anyone can try each role. */
export const FIXED_ACCOUNTS: FixedAccount[] = [
  { login: "admin", firstName: "Camille", lastName: "Durand", female: true, jobTitle: "Administratrice Vigie",
    workplace: IT, role: "admin", grantOn: "root", groups: [], password: "admin",
    description: "administrator of the whole group" },
  { login: "s.moreau", firstName: "Nathalie", lastName: "Moreau", female: true, jobTitle: "Responsable du support",
    workplace: IT, role: "supervisor", grantOn: "root", password: "supervisor",
    groups: [{ key: "n1", isManager: true }, { key: "network", isManager: true }, { key: "systems", isManager: true }],
    description: "support supervisor" },
  { login: "n1.martin", firstName: "Lucas", lastName: "Martin", female: false, jobTitle: "Technicien support N1",
    workplace: IT, role: "technician", grantOn: "root", groups: [{ key: "n1", isManager: false }], password: "technician",
    description: "help desk technician (N1)" },
  { login: "n2.bernard", firstName: "Sophie", lastName: "Bernard", female: true, jobTitle: "Ingénieure réseau N2",
    workplace: IT, role: "technician", grantOn: "root", groups: [{ key: "network", isManager: false }],
    password: "technician", description: "network specialist (N2)" },
  { login: "p.girard", firstName: "Hugo", lastName: "Girard", female: false, jobTitle: "Technicien de proximité",
    workplace: { city: "Lyon" }, role: "technician", grantOn: "site", groups: [{ key: "field:Lyon", isManager: false }],
    password: "technician", description: "on-site technician, Lyon" },
  { login: "m.lefebvre", firstName: "Michèle", lastName: "Lefebvre", female: true, jobTitle: "Comptable",
    workplace: { city: "Lyon", department: "Comptabilité" }, role: "requester", grantOn: "own", groups: [],
    password: "requester", description: "requester (self-service portal)" },
];

export type DemoLogin = { login: string; password: string; role: Role; name: string; description: string };

export function demoLogins(): DemoLogin[] {
  return FIXED_ACCOUNTS.map((a) => ({
    login: a.login, password: DEMO_PASSWORDS[a.password], role: a.role,
    name: `${a.firstName} ${a.lastName}`, description: a.description,
  }));
}
