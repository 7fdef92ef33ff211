import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  InternalError,
  UsageError,
  formatDiagnostic,
  main,
  migrate,
  resolveOptions
} from "./chunks/chunk-WSC6W3GB.js";
import "./chunks/chunk-V2O42A2J.js";
export {
  InternalError,
  UsageError,
  formatDiagnostic,
  main,
  migrate,
  resolveOptions
};
