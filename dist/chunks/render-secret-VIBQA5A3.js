import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import "./chunk-XPH2U3WR.js";
import {
  CLIENT_CERT_KEY,
  CLIENT_KEY_KEY,
  REDACTED,
  isPlaceholderSecretData,
  redactSecretData,
  renderSecretManifest
} from "./chunk-HNFRJ7ON.js";
import "./chunk-V2O42A2J.js";
export {
  CLIENT_CERT_KEY,
  CLIENT_KEY_KEY,
  REDACTED,
  isPlaceholderSecretData,
  redactSecretData,
  renderSecretManifest
};
