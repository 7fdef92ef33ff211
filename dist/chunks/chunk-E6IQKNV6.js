import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  UsageError
} from "./chunk-GXJW6PMD.js";

// src/mtls/endpoint.ts
var FORM = "an https:// URL with a host and an optional port, and no path, e.g. https://acme.harness.io:8443 or https://acme.agent.harness.io";
function parseUrlOption(input, flag, form, rules) {
  let url;
  try {
    url = new URL(input.trim());
  } catch {
    throw new UsageError(`${flag} "${input}" is not a URL; expected ${form}`);
  }
  let problem = rules.schemes.includes(url.protocol) ? url.hostname ? url.username || url.password ? "carries credentials" : rules.refusePath && url.pathname !== "/" && url.pathname !== "" ? `has a path (${url.pathname}); ${rules.refusePath}` : url.search || input.includes("?") ? "has a query" : url.hash || input.includes("#") ? "has a fragment" : void 0 : "has no host" : `uses ${url.protocol.replace(/:$/, "")}, not ${rules.schemesText}`;
  if (problem) throw new UsageError(`${flag} "${input}" ${problem}; expected ${form}`);
  return url;
}
function normalizeEndpoint(input) {
  return `https://${parseUrlOption(input, "--endpoint", FORM, { schemes: ["https:"], schemesText: "https", refusePath: "the delegate adds /api/ and /log-service/ itself" }).host}`;
}

export {
  parseUrlOption,
  normalizeEndpoint
};
