import type { frAssetConnections } from "../fr/asset-connections.js";

/** English — devices connected to a computer (GLPI's "Direct connections"). */
export const enAssetConnections: typeof frAssetConnections = {
  assetConnections: {
    title: "Connected devices",
    intro: "Monitors and printers plugged into this computer. Inventories add and remove them; you can also connect one by hand.",
    computerTitle: "Connected to computer",
    none: "No connected device.",
    noneDevice: "Not connected to any computer.",
    device: "Device",
    computer: "Computer",
    kind: "Kind",
    serial: "Serial number",
    since: "Since",
    source: "Source",
    sources: { inventory: "Inventory", manual: "Manual" },
    actions: "Actions",
    disconnect: "Disconnect",
    disconnectLabel: "Disconnect {{tag}}",
    disconnected: "{{tag}} disconnected.",
    picker: "Connect a device",
    pickerPlaceholder: "Asset tag, name or serial number",
    connected: "{{tag}} connected.",
  },
};
