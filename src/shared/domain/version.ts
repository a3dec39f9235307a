export const VIGIE_VERSION = "0.1.0";
