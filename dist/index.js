import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  migrate,
  normalizeRevertEndpoint,
  resolveOptions,
  revert
} from "./chunks/chunk-5KPDT7AN.js";
import {
  main
} from "./chunks/chunk-BAGF6WA3.js";
import "./chunks/chunk-MI24M3RD.js";
import {
  audit
} from "./chunks/chunk-34DREYBP.js";
import "./chunks/chunk-COORYG5B.js";
import "./chunks/chunk-TUYH4ZGV.js";
import "./chunks/chunk-2OG4SOFQ.js";
import {
  InternalError,
  UsageError,
  formatDiagnostic
} from "./chunks/chunk-GXJW6PMD.js";
import "./chunks/chunk-V2O42A2J.js";
export {
  InternalError,
  UsageError,
  audit,
  formatDiagnostic,
  main,
  migrate,
  normalizeRevertEndpoint,
  resolveOptions,
  revert
};
