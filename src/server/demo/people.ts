import { foldText } from "../db/values.js";
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from "./names.js";
import { COMPANY, type City } from "./places.js";
import type { Random } from "./random.js";

export type Person = {
  firstName: string;
  lastName: string;
  female: boolean;
  login: string;
  email: string;
  phone: string;
  mobile: string | null;
};

/**
 * Logins and emails already handed out. Each base keeps its next free number, so the
 * 100,000th "jdupont" costs a map lookup, not a scan.
 */
export type Registry = { taken: Set<string>; nextNumber: Map<string, number> };

export function createRegistry(reserved: string[]): Registry {
  return { taken: new Set(reserved), nextNumber: new Map() };
}

function claim(registry: Registry, base: string): string {
  let n = registry.nextNumber.get(base) ?? 1;
  let candidate = n === 1 ? base : `${base}${n}`;
  while (registry.taken.has(candidate)) {
    n++;
    candidate = `${base}${n}`;
  }
  registry.nextNumber.set(base, n + 1);
  registry.taken.add(candidate);
  return candidate;
}

/** "Éric", "Le Gall" → "elegall", the login style of most French companies. */
export function loginBase(firstName: string, lastName: string): string {
  const last = foldText(lastName).replace(/[^a-z0-9]/g, "");
  return `${foldText(firstName).charAt(0)}${last}`;
}

function emailLocal(firstName: string, lastName: string): string {
  const slug = (text: string) => foldText(text).replace(/[^a-z0-9-]/g, "");
  return `${slug(firstName)}.${slug(lastName)}`;
}

function twoDigits(rnd: Random): string {
  return String(rnd.int(0, 99)).padStart(2, "0");
}

export function landline(rnd: Random, city: City): string {
  return `+33 ${city.dial} ${twoDigits(rnd)} ${twoDigits(rnd)} ${twoDigits(rnd)}`;
}

function mobileNumber(rnd: Random): string {
  return `+33 ${rnd.pick(["6", "7"])} ${twoDigits(rnd)} ${twoDigits(rnd)} ${twoDigits(rnd)} ${twoDigits(rnd)}`;
}

export type NameSpec = { firstName: string; lastName: string; female: boolean; login?: string };

/** A person working in `city`: a random name unless one is given, and unique login and email. */
export function newPerson(rnd: Random, city: City, logins: Registry, emails: Registry, name?: NameSpec): Person {
  const female = name?.female ?? rnd.chance(0.5);
  const firstName = name?.firstName ?? rnd.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
  const lastName = name?.lastName ?? rnd.pick(LAST_NAMES);
  const login = name?.login ?? claim(logins, loginBase(firstName, lastName));
  const email = `${claim(emails, emailLocal(firstName, lastName))}@${COMPANY.domain}`;
  return {
    firstName, lastName, female, login, email,
    phone: landline(rnd, city),
    mobile: rnd.chance(0.4) ? mobileNumber(rnd) : null,
  };
}
