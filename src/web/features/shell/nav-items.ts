import type { ComponentType } from "react";
import type { Me } from "../../../shared/api/auth.js";
import type { Permission } from "../../../shared/domain/roles.js";
import {
  BookIcon,
  BoxIcon,
  BuildingIcon,
  ContractIcon,
  GroupIcon,
  HomeIcon,
  InboxIcon,
  KeyIcon,
  LaptopIcon,
  PhoneIcon,
  PinIcon,
  ScanIcon,
  TicketIcon,
  TruckIcon,
  UserIcon,
  UsersIcon,
} from "../../components/icons.js";
import { can, isPortalOnly, isRootAdmin } from "../../lib/permissions.js";
import { CategoryIcon } from "../categories/CategoryIcon.js";
import { DiagnosticIcon } from "../kb/scripts/DiagnosticIcon.js";
import { SlaIcon } from "../sla/SlaIcon.js";
import { AutomationIcon } from "../automation/AutomationIcon.js";
import { MailOutIcon } from "../mail-out/MailOutIcon.js";
import { MailInIcon } from "../mail-in/MailInIcon.js";

export type NavLabelKey =
  | "nav.home"
  | "nav.myRequests"
  | "nav.tickets"
  | "nav.call"
  | "nav.assets"
  | "nav.contracts"
  | "nav.inventory"
  | "nav.kb"
  | "nav.locations"
  | "nav.assetCatalog"
  | "nav.suppliers"
  | "nav.users"
  | "nav.groups"
  | "nav.entities"
  | "categories.nav"
  | "nav.tokens"
  | "nav.sla"
  | "nav.automation"
  | "nav.mailOut"
  | "nav.mailIn"
  | "nav.profile"
  | "scripts.title";

export type NavItem = {
  to: string;
  label: NavLabelKey;
  icon: ComponentType<{ size?: number }>;
  section: "main" | "admin" | "personal";
};

/** rootAdmin: settings the API keeps to the root entity's administrators, hidden from a sub-entity's. */
type NavRule = NavItem & { permission?: Permission; portal?: boolean; rootAdmin?: boolean };

const RULES: NavRule[] = [
  { to: "/", label: "nav.home", icon: HomeIcon, section: "main", portal: false },
  { to: "/", label: "nav.myRequests", icon: InboxIcon, section: "main", portal: true },
  { to: "/tickets", label: "nav.tickets", icon: TicketIcon, section: "main", permission: "ticket.read" },
  { to: "/tickets/call", label: "nav.call", icon: PhoneIcon, section: "main", permission: "ticket.write" },
  { to: "/assets", label: "nav.assets", icon: LaptopIcon, section: "main", permission: "asset.read" },
  { to: "/contracts", label: "nav.contracts", icon: ContractIcon, section: "main", permission: "asset.read" },
  { to: "/inventory", label: "nav.inventory", icon: ScanIcon, section: "main", permission: "asset.write" },
  { to: "/kb", label: "nav.kb", icon: BookIcon, section: "main", permission: "kb.read" },
  { to: "/kb/scripts", label: "scripts.title", icon: DiagnosticIcon, section: "main", permission: "kb.read" },
  { to: "/admin/users", label: "nav.users", icon: UsersIcon, section: "admin", permission: "user.read" },
  { to: "/admin/groups", label: "nav.groups", icon: GroupIcon, section: "admin", permission: "group.read" },
  { to: "/admin/entities", label: "nav.entities", icon: BuildingIcon, section: "admin", permission: "entity.read" },
  { to: "/admin/categories", label: "categories.nav", icon: CategoryIcon, section: "admin", permission: "ticket.read" },
  { to: "/admin/locations", label: "nav.locations", icon: PinIcon, section: "admin", permission: "asset.read" },
  { to: "/admin/asset-catalog", label: "nav.assetCatalog", icon: BoxIcon, section: "admin", permission: "asset.read" },
  { to: "/admin/suppliers", label: "nav.suppliers", icon: TruckIcon, section: "admin", permission: "asset.read" },
  { to: "/admin/sla", label: "nav.sla", icon: SlaIcon, section: "admin", permission: "sla.manage" },
  { to: "/admin/automation", label: "nav.automation", icon: AutomationIcon, section: "admin", permission: "automation.manage" },
  { to: "/admin/mail/outgoing", label: "nav.mailOut", icon: MailOutIcon, section: "admin", permission: "mail.manage", rootAdmin: true },
  { to: "/admin/mail/mailboxes", label: "nav.mailIn", icon: MailInIcon, section: "admin", permission: "mail.manage" },
  { to: "/admin/tokens", label: "nav.tokens", icon: KeyIcon, section: "admin", permission: "token.manage" },
  { to: "/profile", label: "nav.profile", icon: UserIcon, section: "personal" },
];

/** What this user may open: the portal for requesters, work areas for technicians and up. */
export function navItemsFor(me: Me): NavItem[] {
  const portalOnly = isPortalOnly(me);
  return RULES.filter((rule) => {
    if (rule.portal !== undefined && rule.portal !== portalOnly) return false;
    if (rule.rootAdmin && !isRootAdmin(me)) return false;
    return rule.permission === undefined || can(me, rule.permission);
  });
}
