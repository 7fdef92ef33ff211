import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import "./chunk-V2O42A2J.js";

// src/cli/run-secret.ts
async function runSecret(_args, io) {
  return io.stderr.write(`delegate-mtls: secret is not available yet
`), 2;
}
export {
  runSecret
};
