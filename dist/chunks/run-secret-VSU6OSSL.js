import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  loadCertificate
} from "./chunk-LRWCZOWT.js";
import {
  isSecretName
} from "./chunk-JM7CKGRD.js";
import {
  UsageError
} from "./chunk-GXJW6PMD.js";
import "./chunk-V2O42A2J.js";

// src/cli/run-secret.ts
async function runSecret(args, io) {
  if (!isSecretName(args.name)) throw new UsageError(`--name "${args.name}" is not a valid Kubernetes Secret name`);
  let pems = await loadCertificate(
    { cert: args.cert, key: args.key, ...args.ca === void 0 ? {} : { ca: args.ca } },
    io
  );
  if (!pems) return 2;
  let { renderSecretManifest } = await import("./render-secret-VIBQA5A3.js");
  return io.stdout.write(
    renderSecretManifest({ name: args.name, ...args.namespace ? { namespace: args.namespace } : {}, ...pems })
  ), 0;
}
export {
  runSecret
};
