import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  UsageError
} from "./chunk-GXJW6PMD.js";

// src/mtls/endpoint.ts
var FORM = "an https:// URL with a host and an optional port, and no path, e.g. https://acme.harness.io:8443 or https://acme.agent.harness.io";
function normalizeEndpoint(input) {
  let url;
  try {
    url = new URL(input.trim());
  } catch {
    throw new UsageError(`--endpoint "${input}" is not a URL; expected ${FORM}`);
  }
  let problem = url.protocol !== "https:" ? `uses ${url.protocol.replace(/:$/, "")}, not https` : url.hostname ? url.username || url.password ? "carries credentials" : url.pathname !== "/" && url.pathname !== "" ? `has a path (${url.pathname}); the delegate adds /api/ and /log-service/ itself` : url.search || input.includes("?") ? "has a query" : url.hash || input.includes("#") ? "has a fragment" : void 0 : "has no host";
  if (problem) throw new UsageError(`--endpoint "${input}" ${problem}; expected ${FORM}`);
  return `https://${url.host}`;
}

export {
  normalizeEndpoint
};
