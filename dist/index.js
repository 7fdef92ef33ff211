import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  migrate,
  normalizeRevertEndpoint,
  resolveOptions,
  revert
} from "./chunks/chunk-WZRAH3E3.js";
import {
  main
} from "./chunks/chunk-ET6O44LH.js";
import "./chunks/chunk-MI24M3RD.js";
import {
  audit
} from "./chunks/chunk-Y4WW7WO6.js";
import "./chunks/chunk-MPEAF5NE.js";
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
