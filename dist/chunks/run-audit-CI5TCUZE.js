import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  expandPaths
} from "./chunk-7AAY7477.js";
import {
  audit
} from "./chunk-4KA5JHDY.js";
import {
  DEFAULT_MAX_BYTES,
  STDIN_NAME,
  readInput,
  readStdin
} from "./chunk-FHII5GVZ.js";
import "./chunk-7OH2NTX4.js";
import "./chunk-HNFRJ7ON.js";
import {
  UsageError,
  formatDiagnostic
} from "./chunk-GXJW6PMD.js";
import "./chunk-V2O42A2J.js";

// src/cli/run-audit.ts
import { resolve } from "node:path";

// src/audit/render.ts
var cell = (v) => v == null || v === "" ? "-" : v;
function nameOf(r) {
  return r.service === null || r.service === r.name ? cell(r.name) : `${cell(r.name)} (service ${r.service})`;
}
function renderAuditText(report) {
  let header = [
    "FILE",
    "KIND",
    "NAME",
    "NAMESPACE",
    "IMAGE TAG",
    "IMMUTABLE",
    "MTLS",
    "ENDPOINT HOST",
    "SECRET",
    "UPGRADER",
    "STRICT"
  ], rows = report.delegates.map((r) => [
    r.file,
    r.kind,
    nameOf(r),
    cell(r.namespace),
    cell(r.imageTag),
    r.immutable === null ? "?" : r.immutable ? "yes" : "no",
    r.state,
    cell(r.endpointHost),
    cell(r.secret),
    r.upgrader.state,
    r.ready ? "ok" : "refused"
  ]), lines = [];
  if (rows.length > 0) {
    let widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length))), fmt = (row) => row.map((c, i) => i === row.length - 1 ? c : c.padEnd(widths[i])).join("  ");
    lines.push(fmt(header), ...rows.map(fmt));
  }
  let details = report.delegates.filter(
    (r) => r.missing.length > 0 || r.hardening.length > 0 || r.upgrader.problems.length > 0
  );
  details.length > 0 && lines.push("");
  for (let r of details) {
    lines.push(`${r.file}: ${r.kind} ${nameOf(r)} (${r.state}):`);
    for (let m of r.missing) lines.push(`  ${r.state === "legacy" ? "refused" : "missing"}: ${m}`);
    for (let p of r.upgrader.problems) lines.push(`  upgrader: ${p}`);
    for (let h of r.hardening) lines.push(`  hardening (not needed for STRICT): ${h}`);
  }
  return lines.push(verdict(report)), lines.join(`
`) + `
`;
}
function verdict(report) {
  let s = report.summary;
  if (report.errors.length > 0) {
    let n2 = new Set(report.errors.map((e) => e.file)).size;
    return `audit incomplete: ${n2} file${n2 === 1 ? "" : "s"} could not be read or parsed (see the errors above); not ready for STRICT`;
  }
  if (s.delegates === 0)
    return `no delegates found in ${s.files} file${s.files === 1 ? "" : "s"}: nothing would be refused under STRICT`;
  let refused = report.delegates.filter((r) => r.missing.length > 0), count = (st) => refused.filter((r) => r.state === st).length, parts = [
    [count("legacy"), "legacy"],
    [count("none"), "without mTLS"],
    [count("partial"), "partial"]
  ].filter(([n2]) => n2 > 0).map(([n2, l]) => `${n2} ${l}`);
  if (report.ready) {
    let note = report.delegates.some((r) => r.hardening.length > 0) ? " (some only lack the key's file mode: run delegate-mtls to set it)" : "";
    return `ready for STRICT: all ${s.delegates} delegate${s.delegates === 1 ? "" : "s"} speak mTLS${note}`;
  }
  let n = s.upgradersDisagreeing;
  return `NOT ready for STRICT: ${[
    refused.length > 0 ? `${refused.length} of ${s.delegates} delegate${s.delegates === 1 ? "" : "s"} would be refused (${parts.join(", ")})` : "",
    n > 0 ? `${n} upgrader${n === 1 ? " does" : "s do"} not match ${n === 1 ? "its" : "their"} delegate and would be refused` : ""
  ].filter(Boolean).join("; ")}`;
}
var renderAuditJson = (report) => JSON.stringify(report, null, 2) + `
`;

// src/cli/run-audit.ts
async function runAudit(args, io) {
  let stdin = args.paths.length === 0 || args.paths.length === 1 && args.paths[0] === "-";
  if (!stdin && args.paths.includes("-")) throw new UsageError('"-" (standard input) cannot be mixed with file paths');
  let maxBytes = args.maxBytes ?? DEFAULT_MAX_BYTES, inputs = [], readErrors = [];
  if (stdin) {
    let read = await readStdin(io.stdin, maxBytes);
    "error" in read ? readErrors.push(read.error) : inputs.push({ path: STDIN_NAME, text: read.text });
  } else {
    let { files, errors } = await expandPaths(args.paths, io.cwd);
    readErrors.push(...errors);
    for (let file of files) {
      let read = readInput(resolve(io.cwd, file), { maxBytes });
      "error" in read ? readErrors.push({ ...read.error, file }) : inputs.push({ path: file, text: read.text });
    }
  }
  let options = { grpcAuthority: args.grpcAuthority };
  args.endpoint !== void 0 && (options.endpoint = args.endpoint), args.secretName !== void 0 && (options.secretName = args.secretName), args.mountPath !== void 0 && (options.mountPath = args.mountPath.replace(/\/+$/, "") || "/");
  let report = audit(inputs, options);
  report.errors.unshift(...readErrors), readErrors.length > 0 && (report.ready = !1);
  for (let e of report.errors) io.stderr.write(formatDiagnostic(e) + `
`);
  return io.stdout.write(args.format === "json" ? renderAuditJson(report) : renderAuditText(report)), report.errors.length > 0 ? 2 : report.ready ? 0 : 1;
}
export {
  runAudit
};
