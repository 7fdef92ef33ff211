import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  migrate,
  normalizeRevertEndpoint,
  resolveOptions,
  revert
} from "./chunks/chunk-BMT6IAIZ.js";
import {
  main
} from "./chunks/chunk-HQ4D67MQ.js";
import "./chunks/chunk-ZPNJAKPH.js";
import "./chunks/chunk-DAZMBJHM.js";
import {
  audit
} from "./chunks/chunk-LAK4V4VL.js";
import "./chunks/chunk-NCU4CKRH.js";
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
