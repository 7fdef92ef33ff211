import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  migrate,
  normalizeRevertEndpoint,
  resolveOptions,
  revert
} from "./chunks/chunk-ZUEP47O3.js";
import {
  main
} from "./chunks/chunk-XT63ODU2.js";
import "./chunks/chunk-ZPNJAKPH.js";
import "./chunks/chunk-DAZMBJHM.js";
import {
  audit
} from "./chunks/chunk-WRJTUURF.js";
import "./chunks/chunk-SFZF4NR2.js";
import "./chunks/chunk-E6IQKNV6.js";
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
