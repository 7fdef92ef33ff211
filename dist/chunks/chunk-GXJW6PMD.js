import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
}, InternalError = class extends Error {
  name = "InternalError";
};
function formatDiagnostic(d) {
  let where = d.file ?? "<input>";
  return d.line !== void 0 && (where += `:${d.line}` + (d.col !== void 0 ? `:${d.col}` : "")), `${where}: ${d.severity}: ${d.message}`;
}

export {
  UsageError,
  InternalError,
  formatDiagnostic
};
