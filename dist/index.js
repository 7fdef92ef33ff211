import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  normalizeRevertEndpoint,
  precheckMigrate,
  revert
} from "./chunks/chunk-Q2MFQKIC.js";
import {
  migrate,
  resolveOptions
} from "./chunks/chunk-XBQVLMEO.js";
import "./chunks/chunk-JM7CKGRD.js";
import {
  audit
} from "./chunks/chunk-4KA5JHDY.js";
import "./chunks/chunk-7OH2NTX4.js";
import "./chunks/chunk-HNFRJ7ON.js";
import {
  InternalError,
  UsageError,
  formatDiagnostic
} from "./chunks/chunk-GXJW6PMD.js";
import "./chunks/chunk-V2O42A2J.js";

// src/cli/endpoint-env.ts
function endpointFromEnv(env) {
  return env.ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT || env.DELEGATE_MTLS_ENDPOINT || void 0;
}

// src/cli/args.ts
var EPILOG = `Examples:
  Print the migrated manifest:
    delegate-mtls -e https://acme.harness.io:8443 harness-delegate.yaml
  Migrate a download on the fly:
    curl -sL "$URL" | delegate-mtls -e https://acme.harness.io:8443 | kubectl apply -f -
  Pre-commit or CI: which manifests still need mTLS (exit 1 if any):
    delegate-mtls -e https://acme.harness.io:8443 --check k8s/
  Migrate a whole fleet in place (nothing is written unless every file can be migrated):
    delegate-mtls -e https://acme.harness.io:8443 --write 'clusters/**/delegate*.yaml'
  Review the change, one Secret per delegate:
    delegate-mtls -e https://acme.harness.io:8443 --diff --secret-name '{delegate}-client-certificate' d.yaml
  Add the Secret, after checking the certificate and key:
    delegate-mtls -e https://acme.harness.io:8443 --cert client.crt --key client.key d.yaml
  Before the account goes STRICT: is every delegate ready? (a table; exit 1 if any is not):
    delegate-mtls audit k8s/ helm/values.yaml docker-compose.yml
  Go back: restore the original endpoint, remove what the migration added:
    delegate-mtls --revert -e https://app.harness.io --write k8s/
  As a Helm 3 post-renderer (Helm 4: the package's plugin.yaml, see the README):
    helm upgrade -i d harness/harness-delegate-ng -f values.yaml --post-renderer delegate-mtls \\
      --post-renderer-args --endpoint --post-renderer-args https://acme.harness.io:8443
  As a KRM function (kpt; kustomize runs delegate-mtls-fn, which is delegate-mtls fn):
    kpt fn eval k8s/ --exec "delegate-mtls fn" -- endpoint=https://acme.harness.io:8443

Exit codes: 0 done or nothing to do; 1 --check/--list-different found files to migrate;
2 usage error, unreadable or invalid input, conflict, legacy delegate, internal error (nothing is written).

The endpoint is https://<vanity>.harness.io:8443 for new setups, https://<sub>.agent.harness.io for older ones.
Nothing outside the mTLS fields changes: comments, quoting, indentation and key order stay byte for byte.`;
async function parseArgs(argv, env) {
  let { default: yargs } = await import("./chunks/yargs-RMQWTAIV.js"), captured = "", parsed = await yargs(argv).scriptName("delegate-mtls").usage(
    `Usage: $0 [options] [path|glob ...]
       $0 secret --cert FILE --key FILE [--ca FILE] [--name S] [-n NS]
       $0 audit [path|glob ...] [--endpoint URL] [--format json]
       $0 fn [--endpoint URL] [--secret-name S] [--mount-path P]   (a KRM function for kpt, kustomize)

Move Harness delegate manifests to mTLS: mount the client certificate Secret, set the
certificate env vars, and point the delegate and its upgrader at the mTLS endpoint.
With no path, or "-", reads stdin and writes stdout. Directories are searched for *.yaml/*.yml.`
  ).command("$0 [paths..]", !1).command(
    "secret",
    "print the client certificate Secret manifest (validated first)",
    (y) => y.option("cert", { type: "string", demandOption: !0, describe: "client certificate PEM (the leaf first)" }).option("key", { type: "string", demandOption: !0, describe: "its private key PEM, unencrypted" }).option("ca", { type: "string", describe: "CA certificate to check the client certificate against" }).option("name", { type: "string", default: "client-certificate", describe: "Secret name" }).option("namespace", { alias: "n", type: "string", describe: "Secret namespace" })
  ).command(
    "audit [paths..]",
    "one row per delegate (manifests, Helm values, compose files): is it ready for STRICT mTLS? exit 1 if any is not",
    (y) => y
  ).command(
    "fn",
    "a KRM function (kpt, kustomize): a ResourceList on stdin, migrated on stdout; functionConfig: see the README",
    (y) => y
  ).option("endpoint", {
    alias: "e",
    type: "string",
    describe: "mTLS endpoint https://host[:port] (else env ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT, else DELEGATE_MTLS_ENDPOINT)"
  }).option("secret-name", {
    type: "string",
    describe: "client certificate Secret; may contain {delegate} [default: client-certificate]"
  }).option("mount-path", { type: "string", describe: "where the certificate is mounted [default: /etc/mtls]" }).option("ti-service", {
    type: "boolean",
    default: !1,
    describe: "also add TI_SERVICE_URL (CI test intelligence)"
  }).option("grpc-authority", {
    type: "boolean",
    default: !0,
    describe: 'set GRPC_AUTHORITY_MODIFICATION_DISABLED="true" (--no-grpc-authority leaves it out)'
  }).option("write", { alias: "w", type: "boolean", default: !1, describe: "rewrite files in place (atomic)" }).option("check", {
    alias: "c",
    type: "boolean",
    default: !1,
    describe: "change nothing; exit 1 if any file needs migrating, listing them"
  }).option("list-different", {
    alias: "l",
    type: "boolean",
    default: !1,
    describe: "print only the paths that would change; exit 1 if any"
  }).option("diff", { type: "boolean", default: !1, describe: "print a unified diff of what would change" }).option("out-dir", { type: "string", describe: "write migrated copies under DIR, mirroring relative paths" }).option("format", {
    choices: ["text", "json"],
    default: "text",
    describe: "report format (json: one object on stdout)"
  }).option("keep-going", {
    type: "boolean",
    default: !1,
    describe: "with --write: write the files that could be migrated even if others failed (still exit 2)"
  }).option("quiet", { alias: "q", type: "boolean", default: !1, describe: "print only errors" }).option("max-bytes", { type: "number", describe: "refuse inputs larger than this [default: 8 MiB]" }).option("cert", {
    type: "string",
    describe: "client certificate PEM: validate it and add the Secret to the output"
  }).option("key", { type: "string", describe: "private key PEM for --cert" }).option("ca", { type: "string", describe: "CA certificate that must have issued --cert" }).option("cert-path", {
    type: "string",
    describe: "docker-compose: host path of the client certificate to bind-mount [default: ./client.crt]"
  }).option("key-path", {
    type: "string",
    describe: "docker-compose: host path of the client key to bind-mount [default: ./client.key]"
  }).option("revert", {
    type: "boolean",
    default: !1,
    describe: "undo the migration: --endpoint is then the original non-mTLS URL (e.g. https://app.harness.io)"
  }).epilog(EPILOG).env(!1).strict().help("help").alias("help", "h").version(!1).option("version", { type: "boolean", describe: "show the version" }).wrap(null).exitProcess(!1).fail((msg, err) => {
    throw new UsageError(err ? err.message : msg);
  }).parseAsync(argv, {}, (_err, _argv, output) => {
    captured = output;
  });
  if (parsed.help || captured) return { command: "help", text: captured };
  if (parsed.version) return { command: "version", text: "" };
  let a = parsed;
  if (a._[0] === "secret")
    return {
      command: "secret",
      cert: a.cert,
      key: a.key,
      ca: a.ca,
      name: a.name,
      namespace: a.namespace
    };
  if (a._[0] === "audit") return auditArgs(argv, a);
  if (a._[0] === "fn") return fnArgs(a, env);
  a.revert === !0 && checkRevertArgs(a);
  let endpoint = a.endpoint ?? (a.revert === !0 ? void 0 : endpointFromEnv(env)), out = {
    command: "migrate",
    paths: withStdinDash(argv, (a.paths ?? []).map(String)),
    tiService: a.tiService,
    grpcAuthority: a.grpcAuthority,
    write: a.write,
    check: a.check,
    listDifferent: a.listDifferent,
    diff: a.diff,
    format: a.format,
    keepGoing: a.keepGoing,
    quiet: a.quiet
  };
  endpoint !== void 0 && endpoint !== "" && (out.endpoint = endpoint), a.revert === !0 && (out.revert = !0);
  for (let k of ["secretName", "mountPath", "outDir", "cert", "key", "ca", "certPath", "keyPath"])
    typeof a[k] == "string" && (out[k] = a[k]);
  if (typeof a.maxBytes == "number") {
    if (!(a.maxBytes > 0)) throw new UsageError("--max-bytes must be a positive number");
    out.maxBytes = a.maxBytes;
  }
  return out;
}
function checkRevertArgs(a) {
  if (typeof a.endpoint != "string" || a.endpoint === "")
    throw new UsageError(
      "--revert needs --endpoint URL: the non-mTLS endpoint to go back to, e.g. --revert --endpoint https://app.harness.io"
    );
  let bad = [
    ["--secret-name", a.secretName !== void 0],
    ["--mount-path", a.mountPath !== void 0],
    ["--ti-service", a.tiService === !0],
    ["--cert", a.cert !== void 0],
    ["--key", a.key !== void 0],
    ["--ca", a.ca !== void 0],
    ["--cert-path", a.certPath !== void 0],
    ["--key-path", a.keyPath !== void 0]
  ].filter(([, on]) => on).map(([f]) => f);
  if (bad.length > 0)
    throw new UsageError(`--revert removes what the migration added: ${bad.join(", ")} cannot be used with it`);
}
function auditArgs(argv, a) {
  let bad = [
    ["--write", a.write === !0],
    ["--check", a.check === !0],
    ["--list-different", a.listDifferent === !0],
    ["--diff", a.diff === !0],
    ["--out-dir", a.outDir !== void 0],
    ["--keep-going", a.keepGoing === !0],
    ["--cert", a.cert !== void 0],
    ["--key", a.key !== void 0],
    ["--ca", a.ca !== void 0],
    ["--ti-service", a.tiService === !0],
    ["--cert-path", a.certPath !== void 0],
    ["--key-path", a.keyPath !== void 0]
  ].filter(([, on]) => on).map(([f]) => f);
  if (bad.length > 0) throw new UsageError(`audit only reads and reports: ${bad.join(", ")} cannot be used with it`);
  let out = {
    command: "audit",
    paths: withStdinDash(argv, (a.paths ?? []).map(String)),
    grpcAuthority: a.grpcAuthority,
    format: a.format
  };
  for (let k of ["endpoint", "secretName", "mountPath"])
    typeof a[k] == "string" && a[k] !== "" && (out[k] = a[k]);
  if (typeof a.maxBytes == "number") {
    if (!(a.maxBytes > 0)) throw new UsageError("--max-bytes must be a positive number");
    out.maxBytes = a.maxBytes;
  }
  return out;
}
function fnArgs(a, env) {
  let bad = [
    ["paths", (a.paths ?? []).length > 0 || a._.length > 1],
    ["--write", a.write === !0],
    ["--check", a.check === !0],
    ["--list-different", a.listDifferent === !0],
    ["--diff", a.diff === !0],
    ["--out-dir", a.outDir !== void 0],
    ["--format", a.format !== "text"],
    ["--keep-going", a.keepGoing === !0],
    ["--cert", a.cert !== void 0],
    ["--key", a.key !== void 0],
    ["--ca", a.ca !== void 0],
    ["--cert-path", a.certPath !== void 0],
    ["--key-path", a.keyPath !== void 0],
    ["--revert", a.revert === !0]
  ].filter(([, on]) => on).map(([f]) => f);
  if (bad.length > 0)
    throw new UsageError(
      `fn reads a ResourceList on stdin and writes one on stdout: ${bad.join(", ")} cannot be used with it`
    );
  let settings = {};
  for (let k of ["endpoint", "secretName", "mountPath"])
    typeof a[k] == "string" && a[k] !== "" && (settings[k] = a[k]);
  a.tiService === !0 && (settings.tiService = !0), a.grpcAuthority === !1 && (settings.grpcAuthority = !1);
  let out = { command: "fn", settings }, envEndpoint = endpointFromEnv(env);
  if (envEndpoint && (out.envEndpoint = envEndpoint), typeof a.maxBytes == "number") {
    if (!(a.maxBytes > 0)) throw new UsageError("--max-bytes must be a positive number");
    out.maxBytes = a.maxBytes;
  }
  return out;
}
function withStdinDash(argv, paths) {
  return (argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv).includes("-") && !paths.includes("-") ? ["-", ...paths] : paths;
}

// src/cli/fast-args.ts
var STRINGS = {
  endpoint: "endpoint",
  e: "endpoint",
  "secret-name": "secretName",
  "mount-path": "mountPath",
  "out-dir": "outDir",
  cert: "cert",
  key: "key",
  ca: "ca",
  "cert-path": "certPath",
  "key-path": "keyPath",
  format: "format",
  "max-bytes": "maxBytes"
}, BOOLEANS = {
  "ti-service": "tiService",
  "grpc-authority": "grpcAuthority",
  write: "write",
  w: "write",
  check: "check",
  c: "check",
  "list-different": "listDifferent",
  l: "listDifferent",
  diff: "diff",
  "keep-going": "keepGoing",
  quiet: "quiet",
  q: "quiet"
};
function fastParseArgs(argv, env) {
  let out = {
    command: "migrate",
    paths: [],
    tiService: !1,
    grpcAuthority: !0,
    write: !1,
    check: !1,
    listDifferent: !1,
    diff: !1,
    format: "text",
    keepGoing: !1,
    quiet: !1
  }, seen = /* @__PURE__ */ new Set();
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    if (arg === "-" || !arg.startsWith("-")) {
      out.paths.push(arg);
      continue;
    }
    let m = /^(?:--([a-z][a-z-]*[a-z])(?:=(.*))?|-([a-z]))$/s.exec(arg);
    if (!m) return;
    let name = m[1] ?? m[3], inline = m[2], negated = !1;
    if (name.startsWith("no-") && BOOLEANS[name.slice(3)]) {
      if (inline !== void 0) return;
      name = name.slice(3), negated = !0;
    }
    let key = STRINGS[name] ?? BOOLEANS[name];
    if (!key || seen.has(key)) return;
    if (seen.add(key), BOOLEANS[name]) {
      if (inline !== void 0) return;
      out[key] = !negated;
      continue;
    }
    if (inline === void 0 && (inline = argv[++i], inline === void 0 || inline.startsWith("-")))
      return;
    if (key === "format") {
      if (inline !== "text" && inline !== "json") return;
      out.format = inline;
    } else if (key === "maxBytes") {
      if (!/^[0-9]+$/.test(inline) || !(Number(inline) > 0)) return;
      out.maxBytes = Number(inline);
    } else
      out[key] = inline;
  }
  if (!(out.paths[0] === "secret" || out.paths[0] === "audit" || out.paths[0] === "fn"))
    return out.endpoint === "" ? delete out.endpoint : out.endpoint === void 0 && endpointFromEnv(env) && (out.endpoint = endpointFromEnv(env)), out;
}

// src/cli/main.ts
async function main(argv, io, onLoad) {
  try {
    let args = fastParseArgs(argv, io.env) ?? await parseArgs(argv, io.env);
    switch (args.command) {
      case "help":
        return io.stdout.write(args.text.endsWith(`
`) ? args.text : args.text + `
`), 0;
      case "version":
        return io.stdout.write(`0.1.0
`), 0;
      case "secret": {
        onLoad?.("secret");
        let { runSecret } = await import("./chunks/run-secret-VSU6OSSL.js");
        return await runSecret(args, io);
      }
      case "fn": {
        onLoad?.("fn");
        let { runFn } = await import("./chunks/run-fn-5VRODNTU.js");
        return await runFn(args, io);
      }
      case "audit": {
        onLoad?.("audit");
        let { runAudit } = await import("./chunks/run-audit-CI5TCUZE.js");
        return await runAudit(args, io);
      }
      default: {
        precheckMigrate(args), onLoad?.("migrate");
        let { runMigrate } = await import("./chunks/run-migrate-TNIYVFIX.js");
        return await runMigrate(args, io);
      }
    }
  } catch (e) {
    if (e instanceof UsageError)
      return io.stderr.write(`delegate-mtls: ${e.message}
Run "delegate-mtls --help" for usage.
`), 2;
    let detail = e instanceof InternalError ? e.message : e instanceof Error ? e.stack ?? e.message : String(e);
    return io.stderr.write(
      `delegate-mtls: ${e instanceof Error && /^cannot write/.test(e.message) ? e.message : `internal error: ${detail}`}
`
    ), 2;
  }
}
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
