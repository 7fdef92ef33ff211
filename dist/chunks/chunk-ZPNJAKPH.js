import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  normalizeEndpoint
} from "./chunk-E6IQKNV6.js";
import {
  UsageError
} from "./chunk-GXJW6PMD.js";

// src/cli/mode.ts
var readsStdin = (args) => args.paths.length === 0 || args.paths.length === 1 && args.paths[0] === "-";
function modeOf(args, inputs, stdin) {
  let chosen = [args.write && "write", args.check && "check", args.listDifferent && !args.write && "list", args.diff && "diff", args.outDir !== void 0 && "out-dir"].filter(Boolean);
  if (chosen.length > 1) throw new UsageError(`choose one of --write, --check, --list-different, --diff, --out-dir (got ${chosen.map((m) => `--${m === "list" ? "list-different" : m}`).join(" and ")})`);
  let mode = chosen[0] ?? "stdout";
  if (stdin && (mode === "write" || mode === "out-dir")) throw new UsageError(`--${mode} needs file paths; standard input can only be printed, checked or diffed`);
  if (mode === "stdout" && inputs > 1) throw new UsageError("several files need a mode: --write, --check, --list-different, --diff or --out-dir");
  if (args.format === "json" && (mode === "stdout" || mode === "diff"))
    throw new UsageError(`--format json prints the report on stdout, where ${mode === "diff" ? "the diff" : "the migrated manifest"} would go: use it with --check, --list-different, --write or --out-dir`);
  return mode;
}
function precheckMigrate(args) {
  if (!args.endpoint) throw new UsageError("--endpoint is required (or set DELEGATE_MTLS_ENDPOINT), e.g. --endpoint https://acme.harness.io:8443");
  args.revert || normalizeEndpoint(args.endpoint);
  let stdin = readsStdin(args);
  if (!stdin && args.paths.includes("-")) throw new UsageError('"-" (standard input) cannot be mixed with file paths');
  modeOf(args, stdin ? 1 : args.paths.length, stdin);
}

export {
  modeOf,
  precheckMigrate
};
