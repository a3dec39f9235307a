/**
 * The parts of the asset screens that colleagues' modules provide: the label printing dialog
 * (inventory) and the contracts panel (contracts). Kept in one place so the pages import them once.
 */
export { PrintLabelsButton as PrintLabels } from "../inventory/PrintLabelsButton.js";
export { AssetContractsPanel } from "../contracts/AssetContractsPanel.js";
