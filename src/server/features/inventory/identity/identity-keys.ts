/**
 * The keys reconciliation looks a machine up by, taken from an inventory whatever agent sent it:
 * the protocol parsers map their BIOS/HARDWARE/NETWORKS (XML) or bios/hardware/networks (JSON)
 * onto IdentityInput. Placeholders are dropped (identity-values.ts), and so are the MAC addresses
 * of interfaces that are not the machine's own hardware — loopback, bridges, containers, VPNs,
 * hypervisor host adapters — since those repeat across machines or change between runs. What was
 * dropped is listed, for the decision log.
 */
import { isLocallyAdministeredMac, normalizeHostName, normalizeMac, normalizeSerial, normalizeUuid } from "./identity-values.js";

export type NetworkInterface = {
  /** Interface name (eth0, wlp2s0) or Windows adapter description. */
  description?: string | null;
  mac?: string | null;
  /** ethernet, wifi, loopback, bridge… as the agent says. */
  type?: string | null;
  /** The agent's VIRTUALDEV / virtualdev flag, when it sends one (the OCS agent does not). */
  virtual?: boolean | null;
};

export type IdentityInput = {
  serial?: string | null;
  uuid?: string | null;
  name?: string | null;
  networks?: readonly NetworkInterface[] | null;
};

export type IdentityKeys = { serial?: string; uuid?: string; macs: string[]; name?: string };

export type IgnoredValue = {
  key: "serial" | "uuid" | "mac" | "name";
  value: string;
  reason: "placeholder" | "virtual-interface" | "random-mac";
};

const VIRTUAL_TYPES = new Set(["loopback", "bridge", "dialup", "ppp", "tunnel", "vpn", "virtual", "alias", "aggregate", "bond"]);

// Linux interface names of software devices (the kernel's, Docker's, libvirt's, VPN clients'),
// with an optional VLAN or alias suffix (docker0.10, lo:1).
const VIRTUAL_LINUX_PREFIXES = [
  "lo", "docker\\d*", "veth.*", "br-.*", "virbr.*", "vmnet\\d+", "vboxnet\\d+", "vnet\\d+", "tun\\d*", "tap.*", "wg\\d*",
  "ifb\\d+", "dummy\\d*", "bond\\d*", "team\\d*", "zt.*", "tailscale\\d*", "utun\\d*", "awdl\\d*", "llw\\d*", "bridge\\d*",
  "cni\\d*", "flannel.*", "cali.*", "lxcbr\\d*", "lxdbr\\d*", "podman\\d*",
];
const VIRTUAL_LINUX_NAMES = new RegExp(`^(?:${VIRTUAL_LINUX_PREFIXES.join("|")})(?:[.:@].*)?$`, "i");

// Words of Windows adapter descriptions of software adapters ("virtual" also covers VirtualBox's and
// VMware's host adapters). Not "Hyper-V" or "VMware" alone: a VM's own NIC says so, and is its identity.
const VIRTUAL_WINDOWS_WORDS =
  /virtual|tap-windows|wan miniport|loopback|vpn|tunnel|teredo|isatap|6to4|pseudo|bluetooth|npcap|wi-fi direct|kernel debug|anyconnect|forti|zerotier|tailscale|wireguard/i;

function isVirtualInterface(network: NetworkInterface): boolean {
  if (network.virtual === true) return true;
  if (VIRTUAL_TYPES.has((network.type ?? "").trim().toLowerCase())) return true;
  const description = (network.description ?? "").trim();
  return VIRTUAL_LINUX_NAMES.test(description) || VIRTUAL_WINDOWS_WORDS.test(description);
}

// Phones and laptops give each Wi-Fi network a made-up address: it identifies nothing.
function isRandomWifiMac(network: NetworkInterface, mac: string): boolean {
  return /^(wifi|wireless|wlan|802\.11)$/i.test((network.type ?? "").trim()) && isLocallyAdministeredMac(mac);
}

/** The MAC addresses that identify the machine, sorted and without duplicates. */
function machineMacs(networks: readonly NetworkInterface[], ignored: IgnoredValue[]): string[] {
  const macs = new Set<string>();
  for (const network of networks) {
    const raw = (network.mac ?? "").trim();
    if (raw === "") continue;
    const mac = normalizeMac(raw);
    if (!mac) ignored.push({ key: "mac", value: raw, reason: "placeholder" });
    else if (isVirtualInterface(network)) ignored.push({ key: "mac", value: mac, reason: "virtual-interface" });
    else if (isRandomWifiMac(network, mac)) ignored.push({ key: "mac", value: mac, reason: "random-mac" });
    else macs.add(mac);
  }
  return [...macs].sort();
}

/** The identity keys of an inventory, and what was ignored and why. */
export function identityKeys(input: IdentityInput): IdentityKeys & { ignored: IgnoredValue[] } {
  const ignored: IgnoredValue[] = [];
  const pick = (key: "serial" | "uuid" | "name", raw: string | null | undefined, normalize: (value: string) => string | undefined) => {
    const value = (raw ?? "").trim();
    if (value === "") return undefined;
    const normal = normalize(value);
    if (normal === undefined) ignored.push({ key, value, reason: "placeholder" });
    return normal;
  };
  const serial = pick("serial", input.serial, normalizeSerial);
  const uuid = pick("uuid", input.uuid, normalizeUuid);
  const name = pick("name", input.name, normalizeHostName);
  const macs = machineMacs(input.networks ?? [], ignored);
  return { ...(serial && { serial }), ...(uuid && { uuid }), macs, ...(name && { name }), ignored };
}
