"use strict";
var __dmtls_meta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf, __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: !0 });
}, __copyProps = (to, from, except, desc) => {
  if (from && typeof from == "object" || typeof from == "function")
    for (let key of __getOwnPropNames(from))
      !__hasOwnProp.call(to, key) && key !== except && __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: !0 }) : target,
  mod
)), __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: !0 }), mod);

// src/io/temp-file-name.ts
function tempFileName(base, pid = process.pid) {
  let short = base.length > MAX_BASE_CHARS ? base.slice(0, MAX_BASE_CHARS) : base, random = Math.random().toString(36).slice(2, 10).padEnd(8, "0");
  return `.${short}.delegate-mtls-${pid}-${random}.tmp`;
}
function isTempFileName(name) {
  return TEMP_NAME.test((0, import_node_path.basename)(name));
}
function tempFilePid(name) {
  let m = TEMP_NAME.exec((0, import_node_path.basename)(name));
  return m ? Number(m[1]) : void 0;
}
var import_node_path, TEMP_NAME, MAX_BASE_CHARS, init_temp_file_name = __esm({
  "src/io/temp-file-name.ts"() {
    "use strict";
    import_node_path = require("node:path"), TEMP_NAME = /^\..*\.delegate-mtls-(\d+)-[0-9a-z]+\.tmp$/, MAX_BASE_CHARS = 100;
  }
});

// src/io/live-temp-files.ts
function tempFilesElsewhere(dirs, stop) {
  let entry = { dirs, stop };
  return elsewhere.add(entry), () => {
    elsewhere.delete(entry);
  };
}
function removeLiveTempFiles() {
  let removed = 0;
  for (let path of live)
    try {
      (0, import_node_fs.unlinkSync)(path), removed++;
    } catch {
    }
  live.clear();
  for (let { dirs, stop } of elsewhere)
    stop(), removed += removeOwnTempFiles(dirs);
  return elsewhere.clear(), removed;
}
function removeOwnTempFiles(dirs) {
  let removed = 0;
  for (let dir of dirs) {
    let names;
    try {
      names = (0, import_node_fs.readdirSync)(dir);
    } catch {
      continue;
    }
    for (let name of names)
      if (tempFilePid(name) === process.pid)
        try {
          (0, import_node_fs.unlinkSync)((0, import_node_path2.join)(dir, name)), removed++;
        } catch {
        }
  }
  return removed;
}
var import_node_fs, import_node_path2, live, tempFileCreated, tempFileGone, elsewhere, init_live_temp_files = __esm({
  "src/io/live-temp-files.ts"() {
    "use strict";
    import_node_fs = require("node:fs"), import_node_path2 = require("node:path");
    init_temp_file_name();
    live = /* @__PURE__ */ new Set(), tempFileCreated = (path) => {
      live.add(path);
    }, tempFileGone = (path) => {
      live.delete(path);
    }, elsewhere = /* @__PURE__ */ new Set();
  }
});

// src/errors.ts
var errors_exports = {};
__export(errors_exports, {
  DIAGNOSTIC_CODES: () => DIAGNOSTIC_CODES,
  FIELD_ROLES: () => FIELD_ROLES,
  InternalError: () => InternalError,
  UsageError: () => UsageError,
  formatDiagnostic: () => formatDiagnostic
});
function formatDiagnostic(d) {
  let where = d.file ?? "<input>";
  return d.line !== void 0 && (where += `:${d.line}` + (d.col !== void 0 ? `:${d.col}` : "")), `${where}: ${d.severity}: ${d.message}`;
}
var DIAGNOSTIC_CODES, FIELD_ROLES, UsageError, InternalError, init_errors = __esm({
  "src/errors.ts"() {
    "use strict";
    DIAGNOSTIC_CODES = [
      /** The input (or the upgrader's config.yaml) is not valid YAML. */
      "YAML_SYNTAX",
      /** A part of a resource we rely on does not have the shape Kubernetes requires (schemas/). */
      "SCHEMA",
      /** A legacy (StatefulSet, `latest`, watcher) delegate: Harness supports mTLS only on immutable ones. */
      "LEGACY_DELEGATE",
      /** Delegate 3.x before 1.40.2, the first version with mTLS: upgrade its image first. */
      "DELEGATE3_VERSION",
      /** Chart values that run a Delegate 3.x image: the classic chart's mTLS values do not apply to it. */
      "DELEGATE3_CHART",
      /** The upgrader ConfigMap's config.yaml is written as a mapping, which the API server rejects. */
      "CONFIG_YAML_NOT_STRING",
      /** Something already there contradicts what mTLS needs (another volume at the mount path, and so on). */
      "CONFLICT",
      /** The delegate's (or its upgrader's) pod as written would be refused by the API server or the kubelet. */
      "INVALID_POD",
      /** A shape the splice editor cannot change without changing other things (an alias, and so on). */
      "UNSUPPORTED",
      /** A value that needs changing lives outside the input (a ConfigMap, an env_file): reported, not changed. */
      "NOT_CHANGED",
      /** The delegate had no MANAGER_HOST_AND_PORT (or chart endpoint), so it was added. */
      "ADDED_ENDPOINT",
      /** The image tag does not show an immutable delegate (a placeholder, a digest, an unknown tag). */
      "IMAGE",
      /** `{delegate}` in the Secret name was filled from an upgrader resource's own name, not its delegate's. */
      "DELEGATE_NAME",
      /** A delegate Deployment without an image: a kustomize patch, whose base must be migrated too. */
      "PATCH",
      /** The pod runs as non-root: the key is mounted 0440, and without fsGroup it may not be readable. */
      "NON_ROOT",
      /** The harness-delegate-ng chart version does not read the mTLS values (or cannot be told). */
      "CHART_VERSION",
      /** Chart values outside the input (Flux valuesFrom, Argo CD valueFiles) were not checked; the inline ones win. */
      "VALUES_OUTSIDE",
      /** An Argo CD Application's helm.values string is ignored because valuesObject is set: left unchanged. */
      "VALUES_IGNORED",
      /** A remark that changes nothing (decimal `defaultMode: 400`, an unused volume, `batch/v1beta1`, and so on). */
      "LINT",
      /** The semantic guard found the output different from the input plus the plan: a bug, nothing written. */
      "GUARD_MISMATCH",
      /** Reading or writing a file failed. */
      "IO",
      /** The client certificate, key or CA given with --cert/--key/--ca is unusable. */
      "CERT",
      /** The client certificate Secret held another certificate and gets the new one: restart the delegates. */
      "ROTATION",
      /** `probe`: the endpoint refused the client certificate, or could not be reached or trusted. */
      "PROBE"
    ], FIELD_ROLES = [
      /** `MANAGER_HOST_AND_PORT`, a service URL under it, the upgrader's managerHost, a chart's managerEndpoint. */
      "endpoint",
      /** Where the delegate or the upgrader reads the client certificate. */
      "certificate",
      /** Where the delegate or the upgrader reads the client key. */
      "key",
      /** A fixed switch the delegate needs (GRPC_AUTHORITY_MODIFICATION_DISABLED). */
      "flag",
      /** The certificate mount of a container (or a compose bind mount). */
      "mount",
      /** The pod's secret volume (or a chart's Secret name). */
      "volume",
      /** The secret volume's file mode. */
      "file-mode",
      /** The client-certificate Secret itself. */
      "secret"
    ], UsageError = class extends Error {
      name = "UsageError";
    }, InternalError = class extends Error {
      name = "InternalError";
    };
  }
});

// src/cli/argv.ts
var argv_exports = {};
__export(argv_exports, {
  normalizeArgv: () => normalizeArgv
});
function normalizeArgv(argv) {
  let options = [], given = /* @__PURE__ */ new Set(), withValue = (name, value) => {
    if (given.has(name)) throw new UsageError(`--${name} is given more than once`);
    given.add(name), options.push(`--${name}=${value}`);
  }, flag = (name, spelled, value) => {
    if (value === void 0) options.push(name === "help" && spelled === "-h" ? "-h" : `--${name}`);
    else if (value === "true" || value === "false") options.push(value === "true" ? `--${name}` : `--no-${name}`);
    else throw new UsageError(`${spelled} is a flag: its value can only be true or false, not "${value}"`);
  }, valueAfter = (i, spelled) => {
    if (i + 1 >= argv.length) throw new UsageError(`${spelled} needs a value`);
    return argv[i + 1];
  }, noSeparateValue = (i, spelled) => {
    let next = argv[i + 1];
    if (next === "true" || next === "false")
      throw new UsageError(
        `${spelled} ${next}: a flag takes no separate value; write ${spelled}=${next}, or ./${next} for a file named "${next}"`
      );
  };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    if (arg === "--") return { options, operands: argv.slice(i + 1) };
    let long = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (long) {
      let [, spelledName, value] = long, name = kebab(spelledName), spelled = `--${spelledName}`;
      if (STRINGS.has(name))
        withValue(name, value ?? valueAfter(i++, spelled));
      else if (BOOLEANS.has(name))
        flag(name, spelled, value), value === void 0 && noSeparateValue(i, spelled);
      else if (name.startsWith("no-") && BOOLEANS.has(name.slice(3))) {
        if (value !== void 0) throw new UsageError(`${spelled} takes no value`);
        options.push(`--${name}`), noSeparateValue(i, spelled);
      } else {
        if (name.startsWith("no-") && STRINGS.has(name.slice(3)))
          throw new UsageError(`${spelled}: --${name.slice(3)} is not a flag, it takes a value`);
        options.push(arg);
      }
      continue;
    }
    if (arg === "-" || !arg.startsWith("-")) {
      options.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      let letter = arg[j], name = SHORT[letter];
      if (name === void 0) throw new UsageError(`unknown option -${letter}${arg.length > 2 ? ` (in "${arg}")` : ""}`);
      if (STRINGS.has(name)) {
        let rest = arg.slice(j + 1);
        withValue(name, rest.startsWith("=") ? rest.slice(1) : rest !== "" ? rest : valueAfter(i++, `-${letter}`));
        break;
      }
      if (arg[j + 1] === "=") {
        flag(name, `-${letter}`, arg.slice(j + 2));
        break;
      }
      flag(name, `-${letter}`, void 0), j === arg.length - 1 && noSeparateValue(i, `-${letter}`);
    }
  }
  return { options, operands: [] };
}
var STRINGS, BOOLEANS, SHORT, kebab, init_argv = __esm({
  "src/cli/argv.ts"() {
    "use strict";
    init_errors();
    STRINGS = /* @__PURE__ */ new Set([
      "endpoint",
      "secret-name",
      "mount-path",
      "out-dir",
      "format",
      "max-bytes",
      "cert",
      "key",
      "ca",
      "cert-path",
      "key-path",
      "name",
      "namespace",
      "dir",
      "cn",
      "org",
      "days",
      "ca-days",
      "ca-cert",
      "ca-key"
    ]), BOOLEANS = /* @__PURE__ */ new Set([
      "help",
      "version",
      "ti-service",
      "grpc-authority",
      "write",
      "check",
      "list-different",
      "diff",
      "keep-going",
      "quiet",
      "revert",
      "null"
    ]), SHORT = {
      e: "endpoint",
      n: "namespace",
      w: "write",
      c: "check",
      l: "list-different",
      q: "quiet",
      z: "null",
      h: "help"
    }, kebab = (name) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  }
});

// src/cli/endpoint-env.ts
var endpoint_env_exports = {};
__export(endpoint_env_exports, {
  endpointFromEnv: () => endpointFromEnv
});
function endpointFromEnv(env) {
  for (let from of ["ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT", "DELEGATE_MTLS_ENDPOINT"])
    if (env[from]) return { endpoint: env[from], from };
}
var init_endpoint_env = __esm({
  "src/cli/endpoint-env.ts"() {
    "use strict";
  }
});

// src/mtls/endpoint.ts
var endpoint_exports = {};
__export(endpoint_exports, {
  normalizeEndpoint: () => normalizeEndpoint,
  parseUrlOption: () => parseUrlOption
});
function parseUrlOption(input, flag, form, rules) {
  let text = input.trim(), refuse = (problem) => {
    throw new UsageError(`${flag} ${JSON.stringify(input)} ${problem}; expected ${form}`);
  }, raw = /^([A-Za-z][A-Za-z0-9+.-]*:)\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/s.exec(text);
  if (!raw) return refuse("is not a URL");
  let [, scheme, authority, path, query, fragment] = raw;
  rules.schemes.includes(scheme.toLowerCase()) || refuse(`uses ${scheme.slice(0, -1).toLowerCase()}, not ${rules.schemesText}`), authority.includes("@") && refuse("carries credentials");
  let hostPort = /^(\[[^\]]*\]|[^:[\]]*)(?::(.*))?$/s.exec(authority);
  if (!hostPort) return refuse(`has the host ${JSON.stringify(authority)}, not a host name or an IPv6 address`);
  let [, host, port] = hostPort;
  host === "" && refuse("has no host");
  let hostProblem = checkHost(host);
  hostProblem && refuse(hostProblem), port !== void 0 && (/^[0-9]+$/.test(port) || refuse(port === "" ? "has an empty port" : `has the port "${port}", not a number`), Number(port) >= 1 && Number(port) <= 65535 || refuse(`has the port ${port}; a port is 1 to 65535`)), rules.refusePath && path !== "" && path !== "/" && refuse(`has a path (${path}); ${rules.refusePath}`);
  let pathProblem = checkPath(path);
  pathProblem && refuse(pathProblem), query !== void 0 && refuse("has a query"), fragment !== void 0 && refuse("has a fragment");
  try {
    return new URL(text);
  } catch {
    return refuse("is not a URL");
  }
}
function checkHost(host) {
  if (host.startsWith("["))
    return /^\[[0-9A-Fa-f:.]+\]$/.test(host) ? void 0 : `has the host ${host}, not an IPv6 address`;
  let labels = host.split(".");
  if (/^(?:[0-9]+|0[xX][0-9A-Fa-f]*)$/.test(labels[labels.length - 1]))
    return labels.length === 4 && labels.every((l) => OCTET.test(l)) ? void 0 : `has the numeric host ${host}, which URL parsers read as an IPv4 shorthand; write the address as four decimal numbers (a.b.c.d) or use a host name`;
  if (!labels.every((l) => LABEL.test(l)))
    return `has the host ${JSON.stringify(host)}, not a host name (letters, digits and '-' in dot-separated labels; an IDN in its xn-- form)`;
}
function checkPath(path) {
  if (path.includes("%")) return `has an encoded path (${path}); write the path without %-escapes`;
  let segments = path.replace(/\/+$/, "").split("/").slice(1);
  if (segments.some((s) => s === "." || s === "..")) return `has "." or ".." in its path (${path})`;
  if (segments.some((s) => s === "")) return `has an empty segment in its path (${path})`;
  if (!segments.every((s) => /^[A-Za-z0-9._~!$&'()*+,;=:@-]+$/.test(s)))
    return `has characters a URL path cannot hold as written (${JSON.stringify(path)})`;
}
function normalizeEndpoint(input, flag = "--endpoint") {
  return `https://${parseUrlOption(input, flag, FORM, {
    schemes: ["https:"],
    schemesText: "https",
    refusePath: "the delegate adds /api/ and /log-service/ itself"
  }).host}`;
}
var FORM, LABEL, OCTET, init_endpoint = __esm({
  "src/mtls/endpoint.ts"() {
    "use strict";
    init_errors();
    FORM = "an https:// URL with a host and an optional port, and no path, e.g. https://acme.harness.io:8443 or https://acme.agent.harness.io";
    LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/, OCTET = /^(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/;
  }
});

// src/mtls/mount-path.ts
var mount_path_exports = {};
__export(mount_path_exports, {
  checkMountPath: () => checkMountPath
});
function checkMountPath(input, flag = "--mount-path") {
  if (!input.startsWith("/")) throw new UsageError(`${flag} ${JSON.stringify(input)} must be an absolute path`);
  let path = input.replace(/\/+$/, ""), problem = path === "" ? "would mount the certificate over the whole file system" : path.includes("//") ? "has an empty segment (//)" : path.split("/").some((s) => s === "." || s === "..") ? 'has a "." or ".." segment' : path.includes(":") ? 'has a ":", which splits a docker-compose volume' : /[\u0000-\u001f\u007f]/.test(path) ? "has a control character" : void 0;
  if (problem) throw new UsageError(`${flag} ${JSON.stringify(input)} ${problem}; expected ${FORM2}`);
  return path;
}
var FORM2, init_mount_path = __esm({
  "src/mtls/mount-path.ts"() {
    "use strict";
    init_errors();
    FORM2 = 'an absolute path without "." or ".." segments, "//" or ":", e.g. /etc/mtls';
  }
});

// src/cli/mode.ts
function modeOf(args, inputs, stdin) {
  let chosen = [
    args.write && "write",
    args.check && "check",
    args.listDifferent && !args.write && "list",
    args.diff && "diff",
    args.outDir !== void 0 && "out-dir"
  ].filter(Boolean);
  if (chosen.length > 1)
    throw new UsageError(
      `choose one of --write, --check, --list-different, --diff, --out-dir (got ${chosen.map((m) => `--${m === "list" ? "list-different" : m}`).join(" and ")})`
    );
  if (args.nullTerminated && !args.listDifferent)
    throw new UsageError("-z (--null) ends the paths --list-different prints with NUL: use it with -l");
  if (args.nullTerminated && args.format === "json")
    throw new UsageError("-z (--null) does not apply to --format json, which prints no list of paths");
  let mode = chosen[0] ?? "stdout";
  if (stdin && (mode === "write" || mode === "out-dir"))
    throw new UsageError(`--${mode} needs file paths; standard input can only be printed, checked or diffed`);
  if (mode === "stdout" && inputs > 1)
    throw new UsageError("several files need a mode: --write, --check, --list-different, --diff or --out-dir");
  if (args.format === "json" && (mode === "stdout" || mode === "diff"))
    throw new UsageError(
      `--format json prints the report on stdout, where ${mode === "diff" ? "the diff" : "the migrated manifest"} would go: use it with --check, --list-different, --write or --out-dir`
    );
  return mode;
}
function precheckMigrate(args) {
  if (!args.endpoint)
    throw new UsageError(
      "--endpoint is required (or set DELEGATE_MTLS_ENDPOINT), e.g. --endpoint https://acme.harness.io:8443"
    );
  args.revert || normalizeEndpoint(args.endpoint, args.endpointFrom ?? "--endpoint"), args.mountPath !== void 0 && checkMountPath(args.mountPath);
  let stdin = readsStdin(args);
  if (!stdin && args.paths.includes("-")) throw new UsageError('"-" (standard input) cannot be mixed with file paths');
  modeOf(args, stdin ? 1 : args.paths.length, stdin);
}
var readsStdin, init_mode = __esm({
  "src/cli/mode.ts"() {
    "use strict";
    init_errors();
    init_endpoint();
    init_mount_path();
    readsStdin = (args) => args.paths.length === 0 || args.paths.length === 1 && args.paths[0] === "-";
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports2) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias"), DOC = /* @__PURE__ */ Symbol.for("yaml.document"), MAP = /* @__PURE__ */ Symbol.for("yaml.map"), PAIR = /* @__PURE__ */ Symbol.for("yaml.pair"), SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar"), SEQ = /* @__PURE__ */ Symbol.for("yaml.seq"), NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type"), isAlias5 = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === ALIAS, isDocument = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === DOC, isMap23 = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === MAP, isPair3 = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === PAIR, isScalar21 = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === SCALAR, isSeq21 = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === SEQ;
    function isCollection3(node) {
      if (node && typeof node == "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return !0;
        }
      return !1;
    }
    function isNode(node) {
      if (node && typeof node == "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return !0;
        }
      return !1;
    }
    var hasAnchor = (node) => (isScalar21(node) || isCollection3(node)) && !!node.anchor;
    exports2.ALIAS = ALIAS;
    exports2.DOC = DOC;
    exports2.MAP = MAP;
    exports2.NODE_TYPE = NODE_TYPE;
    exports2.PAIR = PAIR;
    exports2.SCALAR = SCALAR;
    exports2.SEQ = SEQ;
    exports2.hasAnchor = hasAnchor;
    exports2.isAlias = isAlias5;
    exports2.isCollection = isCollection3;
    exports2.isDocument = isDocument;
    exports2.isMap = isMap23;
    exports2.isNode = isNode;
    exports2.isPair = isPair3;
    exports2.isScalar = isScalar21;
    exports2.isSeq = isSeq21;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports2) {
    "use strict";
    var identity = require_identity(), BREAK = /* @__PURE__ */ Symbol("break visit"), SKIP = /* @__PURE__ */ Symbol("skip children"), REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit3(node, visitor) {
      let visitor_ = initVisitor(visitor);
      identity.isDocument(node) ? visit_(null, node.contents, visitor_, Object.freeze([node])) === REMOVE && (node.contents = null) : visit_(null, node, visitor_, Object.freeze([]));
    }
    visit3.BREAK = BREAK;
    visit3.SKIP = SKIP;
    visit3.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      let ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl))
        return replaceNode(key, path, ctrl), visit_(key, ctrl, visitor, path);
      if (typeof ctrl != "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            let ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci == "number")
              i = ci - 1;
            else {
              if (ci === BREAK)
                return BREAK;
              ci === REMOVE && (node.items.splice(i, 1), i -= 1);
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          let ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          ck === REMOVE && (node.key = null);
          let cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          cv === REMOVE && (node.value = null);
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      let visitor_ = initVisitor(visitor);
      identity.isDocument(node) ? await visitAsync_(null, node.contents, visitor_, Object.freeze([node])) === REMOVE && (node.contents = null) : await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      let ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl))
        return replaceNode(key, path, ctrl), visitAsync_(key, ctrl, visitor, path);
      if (typeof ctrl != "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            let ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci == "number")
              i = ci - 1;
            else {
              if (ci === BREAK)
                return BREAK;
              ci === REMOVE && (node.items.splice(i, 1), i -= 1);
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          let ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          ck === REMOVE && (node.key = null);
          let cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          cv === REMOVE && (node.value = null);
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      return typeof visitor == "object" && (visitor.Collection || visitor.Node || visitor.Value) ? Object.assign({
        Alias: visitor.Node,
        Map: visitor.Node,
        Scalar: visitor.Node,
        Seq: visitor.Node
      }, visitor.Value && {
        Map: visitor.Value,
        Scalar: visitor.Value,
        Seq: visitor.Value
      }, visitor.Collection && {
        Map: visitor.Collection,
        Seq: visitor.Collection
      }, visitor) : visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor == "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    }
    function replaceNode(key, path, node) {
      let parent = path[path.length - 1];
      if (identity.isCollection(parent))
        parent.items[key] = node;
      else if (identity.isPair(parent))
        key === "key" ? parent.key = node : parent.value = node;
      else if (identity.isDocument(parent))
        parent.contents = node;
      else {
        let pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports2.visit = visit3;
    exports2.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports2) {
    "use strict";
    var identity = require_identity(), visit3 = require_visit(), escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    }, escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]), Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null, this.docEnd = !1, this.yaml = Object.assign({}, _Directives.defaultYaml, yaml), this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        let copy = new _Directives(this.yaml, this.tags);
        return copy.docStart = this.docStart, copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        let res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = !0;
            break;
          case "1.2":
            this.atNextDocument = !1, this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            }, this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        this.atNextDocument && (this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" }, this.tags = Object.assign({}, _Directives.defaultTags), this.atNextDocument = !1);
        let parts = line.trim().split(/[ \t]+/), name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2 && (onError(0, "%TAG directive should contain exactly two parts"), parts.length < 2))
              return !1;
            let [handle, prefix] = parts;
            return this.tags[handle] = prefix, !0;
          }
          case "%YAML": {
            if (this.yaml.explicit = !0, parts.length !== 1)
              return onError(0, "%YAML directive should contain exactly one part"), !1;
            let [version] = parts;
            if (version === "1.1" || version === "1.2")
              return this.yaml.version = version, !0;
            {
              let isValid = /^\d+\.\d+$/.test(version);
              return onError(6, `Unsupported YAML version ${version}`, isValid), !1;
            }
          }
          default:
            return onError(0, `Unknown directive ${name}`, !0), !1;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!")
          return onError(`Not a valid tag: ${source}`), null;
        if (source[1] === "<") {
          let verbatim = source.slice(2, -1);
          return verbatim === "!" || verbatim === "!!" ? (onError(`Verbatim tags aren't resolved, so ${source} is invalid.`), null) : (source[source.length - 1] !== ">" && onError("Verbatim tags must end with a >"), verbatim);
        }
        let [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        suffix || onError(`The ${source} tag has no suffix`);
        let prefix = this.tags[handle];
        if (prefix)
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            return onError(String(error)), null;
          }
        return handle === "!" ? source : (onError(`Could not resolve tag: ${source}`), null);
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (let [handle, prefix] of Object.entries(this.tags))
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        let lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [], tagEntries = Object.entries(this.tags), tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          let tags = {};
          visit3.visit(doc.contents, (_key, node) => {
            identity.isNode(node) && node.tag && (tags[node.tag] = !0);
          }), tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (let [handle, prefix] of tagEntries)
          handle === "!!" && prefix === "tag:yaml.org,2002:" || (!doc || tagNames.some((tn) => tn.startsWith(prefix))) && lines.push(`%TAG ${handle} ${prefix}`);
        return lines.join(`
`);
      }
    };
    Directives.defaultYaml = { explicit: !1, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports2.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports2) {
    "use strict";
    var identity = require_identity(), visit3 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        let msg = `Anchor must not contain whitespace or control characters: ${JSON.stringify(anchor)}`;
        throw new Error(msg);
      }
      return !0;
    }
    function anchorNames(root) {
      let anchors = /* @__PURE__ */ new Set();
      return visit3.visit(root, {
        Value(_key, node) {
          node.anchor && anchors.add(node.anchor);
        }
      }), anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; ; ++i) {
        let name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      let aliasObjects = [], sourceObjects = /* @__PURE__ */ new Map(), prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source), prevAnchors ?? (prevAnchors = anchorNames(doc));
          let anchor = findNewAnchor(prefix, prevAnchors);
          return prevAnchors.add(anchor), anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (let source of aliasObjects) {
            let ref = sourceObjects.get(source);
            if (typeof ref == "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node)))
              ref.node.anchor = ref.anchor;
            else {
              let error = new Error("Failed to resolve repeated object (this should not happen)");
              throw error.source = source, error;
            }
          }
        },
        sourceObjects
      };
    }
    exports2.anchorIsValid = anchorIsValid;
    exports2.anchorNames = anchorNames;
    exports2.createNodeAnchors = createNodeAnchors;
    exports2.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports2) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val == "object")
        if (Array.isArray(val))
          for (let i = 0, len = val.length; i < len; ++i) {
            let v0 = val[i], v1 = applyReviver(reviver, val, String(i), v0);
            v1 === void 0 ? delete val[i] : v1 !== v0 && (val[i] = v1);
          }
        else if (val instanceof Map)
          for (let k of Array.from(val.keys())) {
            let v0 = val.get(k), v1 = applyReviver(reviver, val, k, v0);
            v1 === void 0 ? val.delete(k) : v1 !== v0 && val.set(k, v1);
          }
        else if (val instanceof Set)
          for (let v0 of Array.from(val)) {
            let v1 = applyReviver(reviver, val, v0, v0);
            v1 === void 0 ? val.delete(v0) : v1 !== v0 && (val.delete(v0), val.add(v1));
          }
        else
          for (let [k, v0] of Object.entries(val)) {
            let v1 = applyReviver(reviver, val, k, v0);
            v1 === void 0 ? delete val[k] : v1 !== v0 && (val[k] = v1);
          }
      return reviver.call(obj, key, val);
    }
    exports2.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON == "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        let data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data), ctx.onCreate = (res2) => {
          data.res = res2, delete ctx.onCreate;
        };
        let res = value.toJSON(arg, ctx);
        return ctx.onCreate && ctx.onCreate(res), res;
      }
      return typeof value == "bigint" && !ctx?.keep ? Number(value) : value;
    }
    exports2.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports2) {
    "use strict";
    var applyReviver = require_applyReviver(), identity = require_identity(), toJS = require_toJS(), NodeBase = class {
      constructor(type) {
        let proto = new.target.prototype;
        proto[identity.NODE_TYPE] !== type && Object.defineProperty(proto, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        let copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        return this.range && (copy.range = this.range.slice()), copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        let ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: !0,
          mapAsMap: mapAsMap === !0,
          mapKeyWarned: !1,
          maxAliasCount: typeof maxAliasCount == "number" ? maxAliasCount : 100
        }, res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor == "function")
          for (let { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver == "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports2.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports2) {
    "use strict";
    var anchors = require_anchors(), visit3 = require_visit(), identity = require_identity(), Node = require_Node(), toJS = require_toJS(), Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS), this.source = source, Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        ctx?.aliasResolveCache ? nodes = ctx.aliasResolveCache : (nodes = [], visit3.visit(doc, {
          Node: (_key, node) => {
            (identity.isAlias(node) || identity.hasAnchor(node)) && nodes.push(node);
          }
        }), ctx && (ctx.aliasResolveCache = nodes));
        let found;
        for (let node of nodes) {
          if (node === this)
            break;
          node.anchor === this.source && (found = node);
        }
        if (found && ctx) {
          let { anchors: anchors2, doc: doc2, maxAliasCount } = ctx, data = anchors2.get(found);
          if (data || (toJS.toJS(found, null, ctx), data = anchors2.get(found)), data?.res === void 0) {
            let msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0 && (data.count += 1, data.aliasCount === 0 && (data.aliasCount = getAliasCount(doc2, found, anchors2)), data.count * data.aliasCount > maxAliasCount)) {
            let msg = "Excessive alias count indicates a resource exhaustion attack";
            throw new ReferenceError(msg);
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        let source = this.resolve(ctx.doc, ctx);
        if (!source) {
          let msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        let src = `*${this.source}`;
        if (ctx) {
          if (anchors.anchorIsValid(this.source), ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            let msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        let source = node.resolve(doc), anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (let item of node.items) {
          let c = getAliasCount(doc, item, anchors2);
          c > count && (count = c);
        }
        return count;
      } else if (identity.isPair(node)) {
        let kc = getAliasCount(doc, node.key, anchors2), vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports2.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports2) {
    "use strict";
    var identity = require_identity(), Node = require_Node(), toJS = require_toJS(), isScalarValue = (value) => !value || typeof value != "function" && typeof value != "object", Scalar4 = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR), this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar4.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar4.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar4.PLAIN = "PLAIN";
    Scalar4.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar4.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports2.Scalar = Scalar4;
    exports2.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports2) {
    "use strict";
    var Alias = require_Alias(), identity = require_identity(), Scalar4 = require_Scalar(), defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        let match = tags.filter((t) => t.tag === tagName), tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value) && (value = value.contents), identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        let map2 = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        return map2.items.push(value), map2;
      }
      (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt < "u" && value instanceof BigInt) && (value = value.valueOf());
      let { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx, ref;
      if (aliasDuplicateObjects && value && typeof value == "object") {
        if (ref = sourceObjects.get(value), ref)
          return ref.anchor ?? (ref.anchor = onAnchor(value)), new Alias.Alias(ref.anchor);
        ref = { anchor: null, node: null }, sourceObjects.set(value, ref);
      }
      tagName?.startsWith("!!") && (tagName = defaultTagPrefix + tagName.slice(2));
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON == "function" && (value = value.toJSON()), !value || typeof value != "object") {
          let node2 = new Scalar4.Scalar(value);
          return ref && (ref.node = node2), node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      onTagObj && (onTagObj(tagObj), delete ctx.onTagObj);
      let node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from == "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar4.Scalar(value);
      return tagName ? node.tag = tagName : tagObj.default || (node.tag = tagObj.tag), ref && (ref.node = node), node;
    }
    exports2.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports2) {
    "use strict";
    var createNode = require_createNode(), identity = require_identity(), Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        let k = path[i];
        if (typeof k == "number" && Number.isInteger(k) && k >= 0) {
          let a = [];
          a[k] = v, v = a;
        } else
          v = /* @__PURE__ */ new Map([[k, v]]);
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: !1,
        keepUndefined: !1,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path == "object" && !!path[Symbol.iterator]().next().done, Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type), Object.defineProperty(this, "schema", {
          value: schema,
          configurable: !0,
          enumerable: !1,
          writable: !0
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        let copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        return schema && (copy.schema = schema), copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it), this.range && (copy.range = this.range.slice()), copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          let [key, ...rest] = path, node = this.get(key, !0);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        let [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        let node = this.get(key, !0);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        let [key, ...rest] = path, node = this.get(key, !0);
        return rest.length === 0 ? !keepScalar && identity.isScalar(node) ? node.value : node : identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return !1;
          let n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        let [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        let node = this.get(key, !0);
        return identity.isCollection(node) ? node.hasIn(rest) : !1;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        let [key, ...rest] = path;
        if (rest.length === 0)
          this.set(key, value);
        else {
          let node = this.get(key, !0);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports2.Collection = Collection;
    exports2.collectionFromPath = collectionFromPath;
    exports2.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports2) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      return /^\n+$/.test(comment) ? comment.substring(1) : indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith(`
`) ? indentComment(comment, indent) : comment.includes(`
`) ? `
` + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports2.indentComment = indentComment;
    exports2.lineComment = lineComment;
    exports2.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports2) {
    "use strict";
    var FOLD_FLOW = "flow", FOLD_BLOCK = "block", FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      lineWidth < minContentWidth && (minContentWidth = 0);
      let endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      let folds = [], escapedFolds = {}, end = lineWidth - indent.length;
      typeof indentAtStart == "number" && (indentAtStart > lineWidth - Math.max(2, minContentWidth) ? folds.push(0) : end = lineWidth - indentAtStart);
      let split, prev, overflow = !1, i = -1, escStart = -1, escEnd = -1;
      mode === FOLD_BLOCK && (i = consumeMoreIndentedLines(text, i, indent.length), i !== -1 && (end = i + endStep));
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          switch (escStart = i, text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === `
`)
          mode === FOLD_BLOCK && (i = consumeMoreIndentedLines(text, i, indent.length)), end = i + indent.length + endStep, split = void 0;
        else {
          if (ch === " " && prev && prev !== " " && prev !== `
` && prev !== "	") {
            let next = text[i + 1];
            next && next !== " " && next !== `
` && next !== "	" && (split = i);
          }
          if (i >= end)
            if (split)
              folds.push(split), end = split + endStep, split = void 0;
            else if (mode === FOLD_QUOTED) {
              for (; prev === " " || prev === "	"; )
                prev = ch, ch = text[i += 1], overflow = !0;
              let j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j), escapedFolds[j] = !0, end = j + endStep, split = void 0;
            } else
              overflow = !0;
        }
        prev = ch;
      }
      if (overflow && onOverflow && onOverflow(), folds.length === 0)
        return text;
      onFold && onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        let fold2 = folds[i2], end2 = folds[i2 + 1] || text.length;
        fold2 === 0 ? res = `
${indent}${text.slice(0, end2)}` : (mode === FOLD_QUOTED && escapedFolds[fold2] && (res += `${text[fold2]}\\`), res += `
${indent}${text.slice(fold2 + 1, end2)}`);
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i, start = i + 1, ch = text[start];
      for (; ch === " " || ch === "	"; )
        if (i < start + indent)
          ch = text[++i];
        else {
          do
            ch = text[++i];
          while (ch && ch !== `
`);
          end = i, start = i + 1, ch = text[start];
        }
      return end;
    }
    exports2.FOLD_BLOCK = FOLD_BLOCK;
    exports2.FOLD_FLOW = FOLD_FLOW;
    exports2.FOLD_QUOTED = FOLD_QUOTED;
    exports2.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar(), foldFlowLines = require_foldFlowLines(), getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    }), containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return !1;
      let limit = lineWidth - indentLength, strLen = str.length;
      if (strLen <= limit)
        return !1;
      for (let i = 0, start = 0; i < strLen; ++i)
        if (str[i] === `
`) {
          if (i - start > limit)
            return !0;
          if (start = i + 1, strLen - start <= limit)
            return !1;
        }
      return !0;
    }
    function doubleQuotedString(value, ctx) {
      let json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      let { implicitKey } = ctx, minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength, indent = ctx.indent || (containsDocumentMarker(value) ? "  " : ""), str = "", start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i])
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n" && (str += json.slice(start, i) + "\\ ", i += 1, start = i, ch = "\\"), ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                let code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    code.substr(0, 2) === "00" ? str += "\\x" + code.substr(2) : str += json.substr(i, 6);
                }
                i += 5, start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength)
                i += 1;
              else {
                for (str += json.slice(start, i) + `

`; json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"'; )
                  str += `
`, i += 2;
                str += indent, json[i + 2] === " " && (str += "\\"), i += 1, start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      return str = start ? str + json.slice(start) : json, implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, !1));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === !1 || ctx.implicitKey && value.includes(`
`) || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      let indent = ctx.indent || (containsDocumentMarker(value) ? "  " : ""), res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, !1));
    }
    function quotedString(value, ctx) {
      let { singleQuote } = ctx.options, qs;
      if (singleQuote === !1)
        qs = doubleQuotedString;
      else {
        let hasDouble = value.includes('"'), hasSingle = value.includes("'");
        hasDouble && !hasSingle ? qs = singleQuotedString : hasSingle && !hasDouble ? qs = doubleQuotedString : qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp(`(^|(?<!
))
+(?!
|$)`, "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      let { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value))
        return quotedString(value, ctx);
      let indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : ""), literal = blockQuote === "literal" ? !0 : blockQuote === "folded" || type === Scalar4.Scalar.BLOCK_FOLDED ? !1 : type === Scalar4.Scalar.BLOCK_LITERAL ? !0 : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? `|
` : `>
`;
      let chomp, endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        let ch = value[endStart - 1];
        if (ch !== `
` && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart), endNlPos = end.indexOf(`
`);
      endNlPos === -1 ? chomp = "-" : value === end || endNlPos !== end.length - 1 ? (chomp = "+", onChompKeep && onChompKeep()) : chomp = "", end && (value = value.slice(0, -end.length), end[end.length - 1] === `
` && (end = end.slice(0, -1)), end = end.replace(blockEndNewlines, `$&${indent}`));
      let startWithSpace = !1, startEnd, startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        let ch = value[startEnd];
        if (ch === " ")
          startWithSpace = !0;
        else if (ch === `
`)
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      start && (value = value.substring(start.length), start = start.replace(/\n+/g, `$&${indent}`));
      let header = (startWithSpace ? indent ? "2" : "1" : "") + chomp;
      if (comment && (header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " ")), onComment && onComment()), !literal) {
        let foldedValue = value.replace(/\n+/g, `
$&`).replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`), literalFallback = !1, foldOptions = getFoldOptions(ctx, !0);
        blockQuote !== "folded" && type !== Scalar4.Scalar.BLOCK_FOLDED && (foldOptions.onOverflow = () => {
          literalFallback = !0;
        });
        let body2 = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body2}`;
      }
      return value = value.replace(/\n+/g, `$&${indent}`), `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      let { type, value } = item, { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes(`
`) || inFlow && /[[\]{},]/.test(value))
        return quotedString(value, ctx);
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value))
        return implicitKey || inFlow || !value.includes(`
`) ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      if (!implicitKey && !inFlow && type !== Scalar4.Scalar.PLAIN && value.includes(`
`))
        return blockString(item, ctx, onComment, onChompKeep);
      if (containsDocumentMarker(value)) {
        if (indent === "")
          return ctx.forceBlockIndent = !0, blockString(item, ctx, onComment, onChompKeep);
        if (implicitKey && indent === indentStep)
          return quotedString(value, ctx);
      }
      let str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        let test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str), { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, !1));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      let { implicitKey, inFlow } = ctx, ss = typeof item.value == "string" ? item : Object.assign({}, item, { value: String(item.value) }), { type } = item;
      type !== Scalar4.Scalar.QUOTE_DOUBLE && /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value) && (type = Scalar4.Scalar.QUOTE_DOUBLE);
      let _stringify = (_type) => {
        switch (_type) {
          case Scalar4.Scalar.BLOCK_FOLDED:
          case Scalar4.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar4.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar4.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar4.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      }, res = _stringify(type);
      if (res === null) {
        let { defaultKeyType, defaultStringType } = ctx.options, t = implicitKey && defaultKeyType || defaultStringType;
        if (res = _stringify(t), res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports2.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports2) {
    "use strict";
    var anchors = require_anchors(), identity = require_identity(), stringifyComment = require_stringifyComment(), stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      let opt = Object.assign({
        blockQuote: !0,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: !1,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: !0,
        indentSeq: !0,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: !1,
        singleQuote: null,
        trailingComma: !1,
        trueStr: "true",
        verifyAliasOrder: !0
      }, doc.schema.toStringOptions, options), inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = !1;
          break;
        case "flow":
          inFlow = !0;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent == "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        let match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj, obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          let testMatch = match.filter((t) => t.test);
          testMatch.length > 0 && (match = testMatch);
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else
        obj = item, tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      if (!tagObj) {
        let name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      let props = [], anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      anchor && anchors.anchorIsValid(anchor) && (anchors$1.add(anchor), props.push(`&${anchor}`));
      let tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      return tag && props.push(doc.directives.tagString(tag)), props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item))
          throw new TypeError("Cannot stringify circular structure without alias nodes");
        ctx.resolvedAliases ? ctx.resolvedAliases.add(item) : ctx.resolvedAliases = /* @__PURE__ */ new Set([item]), item = item.resolve(ctx.doc);
      }
      let tagObj, node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      let props = stringifyProps(node, tagObj, ctx);
      props.length > 0 && (ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1);
      let str = typeof tagObj.stringify == "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      return props ? identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}` : str;
    }
    exports2.createStringifyContext = createStringifyContext;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports2) {
    "use strict";
    var identity = require_identity(), Scalar4 = require_Scalar(), stringify = require_stringify(), stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      let { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx, keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment)
          throw new Error("With simple keys, key nodes cannot have comments");
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key == "object") {
          let msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar4.Scalar.BLOCK_FOLDED || key.type === Scalar4.Scalar.BLOCK_LITERAL : typeof key == "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: !1,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = !1, chompKeep = !1, str = stringify.stringify(key, ctx, () => keyCommentDone = !0, () => chompKeep = !0);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = !0;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null)
          return keyCommentDone && onComment && onComment(), str === "" ? "?" : explicitKey ? `? ${str}` : str;
      } else if (allNullValues && !simpleKeys || value == null && explicitKey)
        return str = `? ${str}`, keyComment && !keyCommentDone ? str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment)) : chompKeep && onChompKeep && onChompKeep(), str;
      keyCommentDone && (keyComment = null), explicitKey ? (keyComment && (str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment))), str = `? ${str}
${indent}:`) : (str = `${str}:`, keyComment && (str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment))));
      let vsb, vcb, valueComment;
      identity.isNode(value) ? (vsb = !!value.spaceBefore, vcb = value.commentBefore, valueComment = value.comment) : (vsb = !1, vcb = null, valueComment = null, value && typeof value == "object" && (value = doc.createNode(value))), ctx.implicitKey = !1, !explicitKey && !keyComment && identity.isScalar(value) && (ctx.indentAtStart = str.length + 1), chompKeep = !1, !indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor && (ctx.indent = ctx.indent.substring(2));
      let valueCommentDone = !1, valueStr = stringify.stringify(value, ctx, () => valueCommentDone = !0, () => chompKeep = !0), ws = " ";
      if (keyComment || vsb || vcb) {
        if (ws = vsb ? `
` : "", vcb) {
          let cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        valueStr === "" && !ctx.inFlow ? ws === `
` && valueComment && (ws = `

`) : ws += `
${ctx.indent}`;
      } else if (!explicitKey && identity.isCollection(value)) {
        let vs0 = valueStr[0], nl0 = valueStr.indexOf(`
`), hasNewline = nl0 !== -1, flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = !1;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!" && (sp0 = valueStr.indexOf(" ", sp0 + 1)), (sp0 === -1 || nl0 < sp0) && (hasPropsLine = !0);
          }
          hasPropsLine || (ws = `
${ctx.indent}`);
        }
      } else (valueStr === "" || valueStr[0] === `
`) && (ws = "");
      return str += ws + valueStr, ctx.inFlow ? valueCommentDone && onComment && onComment() : valueComment && !valueCommentDone ? str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment)) : chompKeep && onChompKeep && onChompKeep(), str;
    }
    exports2.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports2) {
    "use strict";
    var node_process = require("process");
    function debug(logLevel, ...messages) {
      logLevel === "debug" && console.log(...messages);
    }
    function warn(logLevel, warning) {
      (logLevel === "debug" || logLevel === "warn") && (typeof node_process.emitWarning == "function" ? node_process.emitWarning(warning) : console.warn(warning));
    }
    exports2.debug = debug;
    exports2.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports2) {
    "use strict";
    var identity = require_identity(), Scalar4 = require_Scalar(), MERGE_KEY = "<<", merge = {
      identify: (value) => value === MERGE_KEY || typeof value == "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar4.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    }, isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar4.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map2, value) {
      let source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (let it of source.items)
          mergeValue(ctx, map2, it);
      else if (Array.isArray(source))
        for (let it of source)
          mergeValue(ctx, map2, it);
      else
        mergeValue(ctx, map2, source);
    }
    function mergeValue(ctx, map2, value) {
      let source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      let srcMap = source.toJSON(null, ctx, Map);
      for (let [key, value2] of srcMap)
        map2 instanceof Map ? map2.has(key) || map2.set(key, value2) : map2 instanceof Set ? map2.add(key) : Object.prototype.hasOwnProperty.call(map2, key) || Object.defineProperty(map2, key, {
          value: value2,
          writable: !0,
          enumerable: !0,
          configurable: !0
        });
      return map2;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports2.addMergeToJSMap = addMergeToJSMap;
    exports2.isMergeKey = isMergeKey;
    exports2.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports2) {
    "use strict";
    var log = require_log(), merge = require_merge(), stringify = require_stringify(), identity = require_identity(), toJS = require_toJS();
    function addPairToJSMap(ctx, map2, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map2, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map2, value);
      else {
        let jsKey = toJS.toJS(key, "", ctx);
        if (map2 instanceof Map)
          map2.set(jsKey, toJS.toJS(value, jsKey, ctx));
        else if (map2 instanceof Set)
          map2.add(jsKey);
        else {
          let stringKey = stringifyKey(key, jsKey, ctx), jsValue = toJS.toJS(value, stringKey, ctx);
          stringKey in map2 ? Object.defineProperty(map2, stringKey, {
            value: jsValue,
            writable: !0,
            enumerable: !0,
            configurable: !0
          }) : map2[stringKey] = jsValue;
        }
      }
      return map2;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey != "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        let strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (let node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = !0, strCtx.inStringifyKey = !0;
        let strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          jsonStr.length > 40 && (jsonStr = jsonStr.substring(0, 36) + '..."'), log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`), ctx.mapKeyWarned = !0;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports2.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports2) {
    "use strict";
    var createNode = require_createNode(), stringifyPair = require_stringifyPair(), addPairToJSMap = require_addPairToJSMap(), identity = require_identity();
    function createPair(key, value, ctx) {
      let k = createNode.createNode(key, void 0, ctx), v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        this.key = key, this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        return identity.isNode(key) && (key = key.clone(schema)), identity.isNode(value) && (value = value.clone(schema)), new _Pair(key, value);
      }
      toJSON(_, ctx) {
        let pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    Object.defineProperty(Pair.prototype, identity.NODE_TYPE, { value: identity.PAIR });
    exports2.Pair = Pair;
    exports2.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports2) {
    "use strict";
    var identity = require_identity(), stringify = require_stringify(), stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      return (ctx.inFlow ?? collection.flow ? stringifyFlowCollection : stringifyBlockCollection)(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      let { indent, options: { commentString } } = ctx, itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null }), chompKeep = !1, lines = [];
      for (let i = 0; i < items.length; ++i) {
        let item = items[i], comment2 = null;
        if (identity.isNode(item))
          !chompKeep && item.spaceBefore && lines.push(""), addCommentBefore(ctx, lines, item.commentBefore, chompKeep), item.comment && (comment2 = item.comment);
        else if (identity.isPair(item)) {
          let ik = identity.isNode(item.key) ? item.key : null;
          ik && (!chompKeep && ik.spaceBefore && lines.push(""), addCommentBefore(ctx, lines, ik.commentBefore, chompKeep));
        }
        chompKeep = !1;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = !0);
        comment2 && (str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2))), chompKeep && comment2 && (chompKeep = !1), lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0)
        str = flowChars.start + flowChars.end;
      else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          let line = lines[i];
          str += line ? `
${indent}${line}` : `
`;
        }
      }
      return comment ? (str += `
` + stringifyComment.indentComment(commentString(comment), indent), onComment && onComment()) : chompKeep && onChompKeep && onChompKeep(), str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      let { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      let itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: !0,
        type: null
      }), reqNewline = !1, linesAtValue = 0, lines = [];
      for (let i = 0; i < items.length; ++i) {
        let item = items[i], comment = null;
        if (identity.isNode(item))
          item.spaceBefore && lines.push(""), addCommentBefore(ctx, lines, item.commentBefore, !1), item.comment && (comment = item.comment);
        else if (identity.isPair(item)) {
          let ik = identity.isNode(item.key) ? item.key : null;
          ik && (ik.spaceBefore && lines.push(""), addCommentBefore(ctx, lines, ik.commentBefore, !1), ik.comment && (reqNewline = !0));
          let iv = identity.isNode(item.value) ? item.value : null;
          iv ? (iv.comment && (comment = iv.comment), iv.commentBefore && (reqNewline = !0)) : item.value == null && ik?.comment && (comment = ik.comment);
        }
        comment && (reqNewline = !0);
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes(`
`)), i < items.length - 1 ? str += "," : ctx.options.trailingComma && (ctx.options.lineWidth > 0 && (reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth)), reqNewline && (str += ",")), comment && (str += stringifyComment.lineComment(str, itemIndent, commentString(comment))), lines.push(str), linesAtValue = lines.length;
      }
      let { start, end } = flowChars;
      if (lines.length === 0)
        return start + end;
      if (!reqNewline) {
        let len = lines.reduce((sum, line) => sum + line.length + 2, 2);
        reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
      }
      if (reqNewline) {
        let str = start;
        for (let line of lines)
          str += line ? `
${indentStep}${indent}${line}` : `
`;
        return `${str}
${indent}${end}`;
      } else
        return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep && (comment = comment.replace(/^\n+/, "")), comment) {
        let ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports2.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports2) {
    "use strict";
    var stringifyCollection = require_stringifyCollection(), addPairToJSMap = require_addPairToJSMap(), Collection = require_Collection(), identity = require_identity(), Pair = require_Pair(), Scalar4 = require_Scalar();
    function findPair(items, key) {
      let k = identity.isScalar(key) ? key.value : key;
      for (let it of items)
        if (identity.isPair(it) && (it.key === key || it.key === k || identity.isScalar(it.key) && it.key.value === k))
          return it;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema), this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        let { keepUndefined, replacer } = ctx, map2 = new this(schema), add = (key, value) => {
          if (typeof replacer == "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          (value !== void 0 || keepUndefined) && map2.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map)
          for (let [key, value] of obj)
            add(key, value);
        else if (obj && typeof obj == "object")
          for (let key of Object.keys(obj))
            add(key, obj[key]);
        return typeof schema.sortMapEntries == "function" && map2.items.sort(schema.sortMapEntries), map2;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        identity.isPair(pair) ? _pair = pair : !pair || typeof pair != "object" || !("key" in pair) ? _pair = new Pair.Pair(pair, pair?.value) : _pair = new Pair.Pair(pair.key, pair.value);
        let prev = findPair(this.items, _pair.key), sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          identity.isScalar(prev.value) && Scalar4.isScalarValue(_pair.value) ? prev.value.value = _pair.value : prev.value = _pair.value;
        } else if (sortEntries) {
          let i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          i === -1 ? this.items.push(_pair) : this.items.splice(i, 0, _pair);
        } else
          this.items.push(_pair);
      }
      delete(key) {
        let it = findPair(this.items, key);
        return it ? this.items.splice(this.items.indexOf(it), 1).length > 0 : !1;
      }
      get(key, keepScalar) {
        let node = findPair(this.items, key)?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), !0);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        let map2 = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        ctx?.onCreate && ctx.onCreate(map2);
        for (let item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map2, item);
        return map2;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (let item of this.items)
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        return !ctx.allNullValues && this.hasAllNullValues(!1) && (ctx = Object.assign({}, ctx, { allNullValues: !0 })), stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports2.YAMLMap = YAMLMap;
    exports2.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports2) {
    "use strict";
    var identity = require_identity(), YAMLMap = require_YAMLMap(), map2 = {
      collection: "map",
      default: !0,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map3, onError) {
        return identity.isMap(map3) || onError("Expected a mapping for this tag"), map3;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports2.map = map2;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports2) {
    "use strict";
    var createNode = require_createNode(), stringifyCollection = require_stringifyCollection(), Collection = require_Collection(), identity = require_identity(), Scalar4 = require_Scalar(), toJS = require_toJS(), YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema), this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        let idx = asItemIndex(key);
        return typeof idx != "number" ? !1 : this.items.splice(idx, 1).length > 0;
      }
      get(key, keepScalar) {
        let idx = asItemIndex(key);
        if (typeof idx != "number")
          return;
        let it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        let idx = asItemIndex(key);
        return typeof idx == "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        let idx = asItemIndex(key);
        if (typeof idx != "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        let prev = this.items[idx];
        identity.isScalar(prev) && Scalar4.isScalarValue(value) ? prev.value = value : this.items[idx] = value;
      }
      toJSON(_, ctx) {
        let seq2 = [];
        ctx?.onCreate && ctx.onCreate(seq2);
        let i = 0;
        for (let item of this.items)
          seq2.push(toJS.toJS(item, String(i++), ctx));
        return seq2;
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx ? stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        }) : JSON.stringify(this);
      }
      static from(schema, obj, ctx) {
        let { replacer } = ctx, seq2 = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer == "function") {
              let key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq2.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq2;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      return idx && typeof idx == "string" && (idx = Number(idx)), typeof idx == "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports2.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports2) {
    "use strict";
    var identity = require_identity(), YAMLSeq = require_YAMLSeq(), seq2 = {
      collection: "seq",
      default: !0,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq3, onError) {
        return identity.isSeq(seq3) || onError("Expected a sequence for this tag"), seq3;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports2.seq = seq2;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports2) {
    "use strict";
    var stringifyString = require_stringifyString(), string = {
      identify: (value) => typeof value == "string",
      default: !0,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        return ctx = Object.assign({ actualString: !0 }, ctx), stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports2.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar(), nullTag2 = {
      identify: (value) => value == null,
      createNode: () => new Scalar4.Scalar(null),
      default: !0,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar4.Scalar(null),
      stringify: ({ source }, ctx) => typeof source == "string" && nullTag2.test.test(source) ? source : ctx.options.nullStr
    };
    exports2.nullTag = nullTag2;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar(), boolTag2 = {
      identify: (value) => typeof value == "boolean",
      default: !0,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar4.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag2.test.test(source)) {
          let sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports2.boolTag = boolTag2;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports2) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value == "bigint")
        return String(value);
      let num = typeof value == "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        i < 0 && (i = n.length, n += ".");
        let d = minFractionDigits - (n.length - i - 1);
        for (; d-- > 0; )
          n += "0";
      }
      return n;
    }
    exports2.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar(), stringifyNumber = require_stringifyNumber(), floatNaN = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    }, floatExp = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        let num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    }, float = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        let node = new Scalar4.Scalar(parseFloat(str)), dot = str.indexOf(".");
        return dot !== -1 && str[str.length - 1] === "0" && (node.minFractionDigits = str.length - dot - 1), node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber(), intIdentify = (value) => typeof value == "bigint" || Number.isInteger(value), intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      let { value } = node;
      return intIdentify(value) && value >= 0 ? prefix + value.toString(radix) : stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    }, int = {
      identify: intIdentify,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    }, intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports2) {
    "use strict";
    var map2 = require_map(), _null = require_null(), seq2 = require_seq(), string = require_string(), bool = require_bool(), float = require_float(), int = require_int(), schema = [
      map2.map,
      seq2.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar(), map2 = require_map(), seq2 = require_seq();
    function intIdentify(value) {
      return typeof value == "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value), jsonScalars = [
      {
        identify: (value) => typeof value == "string",
        default: !0,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar4.Scalar(null),
        default: !0,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value == "boolean",
        default: !0,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: !0,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value == "number",
        default: !0,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ], jsonError = {
      default: !0,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        return onError(`Unresolved plain scalar ${JSON.stringify(str)}`), str;
      }
    }, schema = [map2.map, seq2.seq].concat(jsonScalars, jsonError);
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports2) {
    "use strict";
    var node_buffer = require("buffer"), Scalar4 = require_Scalar(), stringifyString = require_stringifyString(), binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: !1,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer == "function")
          return node_buffer.Buffer.from(src, "base64");
        if (typeof atob == "function") {
          let str = atob(src.replace(/[\n\r]/g, "")), buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else
          return onError("This environment does not support reading binary tags; either Buffer or atob is required"), src;
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        let buf = value, str;
        if (typeof node_buffer.Buffer == "function")
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        else if (typeof btoa == "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        if (type ?? (type = Scalar4.Scalar.BLOCK_LITERAL), type !== Scalar4.Scalar.QUOTE_DOUBLE) {
          let lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth), n = Math.ceil(str.length / lineWidth), lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth)
            lines[i] = str.substr(o, lineWidth);
          str = lines.join(type === Scalar4.Scalar.BLOCK_LITERAL ? `
` : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports2.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports2) {
    "use strict";
    var identity = require_identity(), Pair = require_Pair(), Scalar4 = require_Scalar(), YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq2, onError) {
      if (identity.isSeq(seq2))
        for (let i = 0; i < seq2.items.length; ++i) {
          let item = seq2.items[i];
          if (!identity.isPair(item)) {
            if (identity.isMap(item)) {
              item.items.length > 1 && onError("Each pair must have its own sequence indicator");
              let pair = item.items[0] || new Pair.Pair(new Scalar4.Scalar(null));
              if (item.commentBefore && (pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore), item.comment) {
                let cn = pair.value ?? pair.key;
                cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
              }
              item = pair;
            }
            seq2.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
          }
        }
      else
        onError("Expected a sequence for this tag");
      return seq2;
    }
    function createPairs(schema, iterable, ctx) {
      let { replacer } = ctx, pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          typeof replacer == "function" && (it = replacer.call(iterable, String(i++), it));
          let key, value;
          if (Array.isArray(it))
            if (it.length === 2)
              key = it[0], value = it[1];
            else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          else if (it && it instanceof Object) {
            let keys = Object.keys(it);
            if (keys.length === 1)
              key = keys[0], value = it[key];
            else
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
          } else
            key = it;
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: !1,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports2.createPairs = createPairs;
    exports2.pairs = pairs;
    exports2.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports2) {
    "use strict";
    var identity = require_identity(), toJS = require_toJS(), YAMLMap = require_YAMLMap(), YAMLSeq = require_YAMLSeq(), pairs = require_pairs(), YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super(), this.add = YAMLMap.YAMLMap.prototype.add.bind(this), this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this), this.get = YAMLMap.YAMLMap.prototype.get.bind(this), this.has = YAMLMap.YAMLMap.prototype.has.bind(this), this.set = YAMLMap.YAMLMap.prototype.set.bind(this), this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        let map2 = /* @__PURE__ */ new Map();
        ctx?.onCreate && ctx.onCreate(map2);
        for (let pair of this.items) {
          let key, value;
          if (identity.isPair(pair) ? (key = toJS.toJS(pair.key, "", ctx), value = toJS.toJS(pair.value, key, ctx)) : key = toJS.toJS(pair, "", ctx), map2.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map2.set(key, value);
        }
        return map2;
      }
      static from(schema, iterable, ctx) {
        let pairs$1 = pairs.createPairs(schema, iterable, ctx), omap2 = new this();
        return omap2.items = pairs$1.items, omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: !1,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq2, onError) {
        let pairs$1 = pairs.resolvePairs(seq2, onError), seenKeys = [];
        for (let { key } of pairs$1.items)
          identity.isScalar(key) && (seenKeys.includes(key.value) ? onError(`Ordered maps must not include duplicate keys: ${key.value}`) : seenKeys.push(key.value));
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports2.YAMLOMap = YAMLOMap;
    exports2.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      return source && (value ? trueTag : falseTag).test.test(source) ? source : value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === !0,
      default: !0,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar4.Scalar(!0),
      stringify: boolStringify
    }, falseTag = {
      identify: (value) => value === !1,
      default: !0,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar4.Scalar(!1),
      stringify: boolStringify
    };
    exports2.falseTag = falseTag;
    exports2.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar(), stringifyNumber = require_stringifyNumber(), floatNaN = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    }, floatExp = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        let num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    }, float = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        let node = new Scalar4.Scalar(parseFloat(str.replace(/_/g, ""))), dot = str.indexOf(".");
        if (dot !== -1) {
          let f = str.substring(dot + 1).replace(/_/g, "");
          f[f.length - 1] === "0" && (node.minFractionDigits = f.length);
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports2.float = float;
    exports2.floatExp = floatExp;
    exports2.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber(), intIdentify = (value) => typeof value == "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      let sign = str[0];
      if ((sign === "-" || sign === "+") && (offset += 1), str = str.substring(offset).replace(/_/g, ""), intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        let n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      let n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      let { value } = node;
      if (intIdentify(value)) {
        let str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    }, intOct = {
      identify: intIdentify,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    }, int = {
      identify: intIdentify,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    }, intHex = {
      identify: intIdentify,
      default: !0,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports2.int = int;
    exports2.intBin = intBin;
    exports2.intHex = intHex;
    exports2.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports2) {
    "use strict";
    var identity = require_identity(), Pair = require_Pair(), YAMLMap = require_YAMLMap(), YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema), this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        identity.isPair(key) ? pair = key : key && typeof key == "object" && "key" in key && "value" in key && key.value === null ? pair = new Pair.Pair(key.key, null) : pair = new Pair.Pair(key, null), YAMLMap.findPair(this.items, pair.key) || this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        let pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value != "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        let prev = YAMLMap.findPair(this.items, key);
        prev && !value ? this.items.splice(this.items.indexOf(prev), 1) : !prev && value && this.items.push(new Pair.Pair(key));
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(!0))
          return super.toString(Object.assign({}, ctx, { allNullValues: !0 }), onComment, onChompKeep);
        throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        let { replacer } = ctx, set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable)
            typeof replacer == "function" && (value = replacer.call(iterable, value, value)), set2.items.push(Pair.createPair(value, null, ctx));
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: !1,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map2, onError) {
        if (identity.isMap(map2)) {
          if (map2.hasAllNullValues(!0))
            return Object.assign(new YAMLSet(), map2);
          onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map2;
      }
    };
    exports2.YAMLSet = YAMLSet;
    exports2.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports2) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      let sign = str[0], parts = sign === "-" || sign === "+" ? str.substring(1) : str, num = (n) => asBigInt ? BigInt(n) : Number(n), res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node, num = (n) => n;
      if (typeof value == "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      value < 0 && (sign = "-", value *= num(-1));
      let _60 = num(60), parts = [value % _60];
      return value < 60 ? parts.unshift(0) : (value = (value - parts[0]) / _60, parts.unshift(value % _60), value >= 60 && (value = (value - parts[0]) / _60, parts.unshift(value))), sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value == "bigint" || Number.isInteger(value),
      default: !0,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    }, floatTime = {
      identify: (value) => typeof value == "number",
      default: !0,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, !1),
      stringify: stringifySexagesimal
    }, timestamp = {
      identify: (value) => value instanceof Date,
      default: !0,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        let match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        let [, year, month, day, hour, minute, second] = match.map(Number), millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0, date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec), tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, !1);
          Math.abs(d) < 30 && (d *= 60), date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports2.floatTime = floatTime;
    exports2.intTime = intTime;
    exports2.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports2) {
    "use strict";
    var map2 = require_map(), _null = require_null(), seq2 = require_seq(), string = require_string(), binary = require_binary(), bool = require_bool2(), float = require_float2(), int = require_int2(), merge = require_merge(), omap = require_omap(), pairs = require_pairs(), set = require_set(), timestamp = require_timestamp(), schema = [
      map2.map,
      seq2.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports2.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports2) {
    "use strict";
    var map2 = require_map(), _null = require_null(), seq2 = require_seq(), string = require_string(), bool = require_bool(), float = require_float(), int = require_int(), schema = require_schema(), schema$1 = require_schema2(), binary = require_binary(), merge = require_merge(), omap = require_omap(), pairs = require_pairs(), schema$2 = require_schema3(), set = require_set(), timestamp = require_timestamp(), schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map2.map, seq2.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]), tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map2.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq2.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    }, coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      let schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags)
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      let tags = schemaTags;
      if (!tags)
        if (Array.isArray(customTags))
          tags = [];
        else {
          let keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      if (Array.isArray(customTags))
        for (let tag of customTags)
          tags = tags.concat(tag);
      else typeof customTags == "function" && (tags = customTags(tags.slice()));
      return addMergeTag && (tags = tags.concat(merge.merge)), tags.reduce((tags2, tag) => {
        let tagObj = typeof tag == "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          let tagName = JSON.stringify(tag), keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        return tags2.includes(tagObj) || tags2.push(tagObj), tags2;
      }, []);
    }
    exports2.coreKnownTags = coreKnownTags;
    exports2.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports2) {
    "use strict";
    var identity = require_identity(), map2 = require_map(), seq2 = require_seq(), string = require_string(), tags = require_tags(), sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0, Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null, this.name = typeof schema == "string" && schema || "core", this.knownTags = resolveKnownTags ? tags.coreKnownTags : {}, this.tags = tags.getTags(customTags, this.name, merge), this.toStringOptions = toStringDefaults ?? null, Object.defineProperty(this, identity.MAP, { value: map2.map }), Object.defineProperty(this, identity.SCALAR, { value: string.string }), Object.defineProperty(this, identity.SEQ, { value: seq2.seq }), this.sortMapEntries = typeof sortMapEntries == "function" ? sortMapEntries : sortMapEntries === !0 ? sortMapEntriesByKey : null;
      }
      clone() {
        let copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        return copy.tags = this.tags.slice(), copy;
      }
    };
    exports2.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports2) {
    "use strict";
    var identity = require_identity(), stringify = require_stringify(), stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      let lines = [], hasDirectives = options.directives === !0;
      if (options.directives !== !1 && doc.directives) {
        let dir = doc.directives.toString(doc);
        dir ? (lines.push(dir), hasDirectives = !0) : doc.directives.docStart && (hasDirectives = !0);
      }
      hasDirectives && lines.push("---");
      let ctx = stringify.createStringifyContext(doc, options), { commentString } = ctx.options;
      if (doc.commentBefore) {
        lines.length !== 1 && lines.unshift("");
        let cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = !1, contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives && lines.push(""), doc.contents.commentBefore) {
            let cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment, contentComment = doc.contents.comment;
        }
        let onChompKeep = contentComment ? void 0 : () => chompKeep = !0, body2 = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        contentComment && (body2 += stringifyComment.lineComment(body2, "", commentString(contentComment))), (body2[0] === "|" || body2[0] === ">") && lines[lines.length - 1] === "---" ? lines[lines.length - 1] = `--- ${body2}` : lines.push(body2);
      } else
        lines.push(stringify.stringify(doc.contents, ctx));
      if (doc.directives?.docEnd)
        if (doc.comment) {
          let cs = commentString(doc.comment);
          cs.includes(`
`) ? (lines.push("..."), lines.push(stringifyComment.indentComment(cs, ""))) : lines.push(`... ${cs}`);
        } else
          lines.push("...");
      else {
        let dc = doc.comment;
        dc && chompKeep && (dc = dc.replace(/^\n+/, "")), dc && ((!chompKeep || contentComment) && lines[lines.length - 1] !== "" && lines.push(""), lines.push(stringifyComment.indentComment(commentString(dc), "")));
      }
      return lines.join(`
`) + `
`;
    }
    exports2.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports2) {
    "use strict";
    var Alias = require_Alias(), Collection = require_Collection(), identity = require_identity(), Pair = require_Pair(), toJS = require_toJS(), Schema = require_Schema(), stringifyDocument = require_stringifyDocument(), anchors = require_anchors(), applyReviver = require_applyReviver(), createNode = require_createNode(), directives = require_directives(), Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null, this.comment = null, this.errors = [], this.warnings = [], Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        typeof replacer == "function" || Array.isArray(replacer) ? _replacer = replacer : options === void 0 && replacer && (options = replacer, replacer = void 0);
        let opt = Object.assign({
          intAsBigInt: !1,
          keepSourceTokens: !1,
          logLevel: "warn",
          prettyErrors: !0,
          strict: !0,
          stringKeys: !1,
          uniqueKeys: !0,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        options?._directives ? (this.directives = options._directives.atDocument(), this.directives.yaml.explicit && (version = this.directives.yaml.version)) : this.directives = new directives.Directives({ version }), this.setSchema(version, options), this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        let copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        return copy.commentBefore = this.commentBefore, copy.comment = this.comment, copy.errors = this.errors.slice(), copy.warnings = this.warnings.slice(), copy.options = Object.assign({}, this.options), this.directives && (copy.directives = this.directives.clone()), copy.schema = this.schema.clone(), copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents, this.range && (copy.range = this.range.slice()), copy;
      }
      /** Adds a value to the document. */
      add(value) {
        assertCollection(this.contents) && this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        assertCollection(this.contents) && this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          let prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer;
        if (typeof replacer == "function")
          value = replacer.call({ "": value }, "", value), _replacer = replacer;
        else if (Array.isArray(replacer)) {
          let keyToStr = (v) => typeof v == "number" || v instanceof String || v instanceof Number, asStr = replacer.filter(keyToStr).map(String);
          asStr.length > 0 && (replacer = replacer.concat(asStr)), _replacer = replacer;
        } else options === void 0 && replacer && (options = replacer, replacer = void 0);
        let { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {}, { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        ), ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? !0,
          keepUndefined: keepUndefined ?? !1,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        }, node = createNode.createNode(value, tag, ctx);
        return flow && identity.isCollection(node) && (node.flow = !0), setAnchors(), node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        let k = this.createNode(key, null, options), v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : !1;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        return Collection.isEmptyPath(path) ? this.contents == null ? !1 : (this.contents = null, !0) : assertCollection(this.contents) ? this.contents.deleteIn(path) : !1;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        return Collection.isEmptyPath(path) ? !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents : identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : !1;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        return Collection.isEmptyPath(path) ? this.contents !== void 0 : identity.isCollection(this.contents) ? this.contents.hasIn(path) : !1;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        this.contents == null ? this.contents = Collection.collectionFromPath(this.schema, [key], value) : assertCollection(this.contents) && this.contents.set(key, value);
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        Collection.isEmptyPath(path) ? this.contents = value : this.contents == null ? this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value) : assertCollection(this.contents) && this.contents.setIn(path, value);
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        typeof version == "number" && (version = String(version));
        let opt;
        switch (version) {
          case "1.1":
            this.directives ? this.directives.yaml.version = "1.1" : this.directives = new directives.Directives({ version: "1.1" }), opt = { resolveKnownTags: !1, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            this.directives ? this.directives.yaml.version = version : this.directives = new directives.Directives({ version }), opt = { resolveKnownTags: !0, schema: "core" };
            break;
          case null:
            this.directives && delete this.directives, opt = null;
            break;
          default: {
            let sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error("With a null YAML version, the { schema: Schema } option is required");
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        let ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === !0,
          mapKeyWarned: !1,
          maxAliasCount: typeof maxAliasCount == "number" ? maxAliasCount : 100
        }, res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor == "function")
          for (let { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver == "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: !0, jsonArg, mapAsMap: !1, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          let s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return !0;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports2.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports2) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super(), this.name = name, this.code = code, this.message = message, this.pos = pos;
      }
    }, YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    }, YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    }, prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      let { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1, lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        let trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart), ci -= trimStart - 1;
      }
      if (lineStr.length > 80 && (lineStr = lineStr.substring(0, 79) + "\u2026"), line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        prev.length > 80 && (prev = prev.substring(0, 79) + `\u2026
`), lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1, end = error.linePos[1];
        end?.line === line && end.col > col && (count = Math.max(1, Math.min(end.col - col, 80 - ci)));
        let pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports2.YAMLError = YAMLError;
    exports2.YAMLParseError = YAMLParseError;
    exports2.YAMLWarning = YAMLWarning;
    exports2.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports2) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = !1, atNewline = startOnNewline, hasSpace = startOnNewline, comment = "", commentSep = "", hasNewline = !1, reqSpace = !1, tab = null, anchor = null, tag = null, newlineAfterProp = null, comma = null, found = null, start = null;
      for (let token of tokens)
        switch (reqSpace && (token.type !== "space" && token.type !== "newline" && token.type !== "comma" && onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space"), reqSpace = !1), tab && (atNewline && token.type !== "comment" && token.type !== "newline" && onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation"), tab = null), token.type) {
          case "space":
            !flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	") && (tab = token), hasSpace = !0;
            break;
          case "comment": {
            hasSpace || onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            let cb = token.source.substring(1) || " ";
            comment ? comment += commentSep + cb : comment = cb, commentSep = "", atNewline = !1;
            break;
          }
          case "newline":
            atNewline ? comment ? comment += token.source : (!found || indicator !== "seq-item-ind") && (spaceBefore = !0) : commentSep += token.source, atNewline = !0, hasNewline = !0, (anchor || tag) && (newlineAfterProp = token), hasSpace = !0;
            break;
          case "anchor":
            anchor && onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor"), token.source.endsWith(":") && onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", !0), anchor = token, start ?? (start = token.offset), atNewline = !1, hasSpace = !1, reqSpace = !0;
            break;
          case "tag": {
            tag && onError(token, "MULTIPLE_TAGS", "A node can have at most one tag"), tag = token, start ?? (start = token.offset), atNewline = !1, hasSpace = !1, reqSpace = !0;
            break;
          }
          case indicator:
            (anchor || tag) && onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`), found && onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`), found = token, atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind", hasSpace = !1;
            break;
          case "comma":
            if (flow) {
              comma && onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`), comma = token, atNewline = !1, hasSpace = !1;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`), atNewline = !1, hasSpace = !1;
        }
      let last = tokens[tokens.length - 1], end = last ? last.offset + last.source.length : offset;
      return reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "") && onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space"), tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq") && onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation"), {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports2.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports2) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes(`
`))
            return !0;
          if (key.end) {
            for (let st of key.end)
              if (st.type === "newline")
                return !0;
          }
          return !1;
        case "flow-collection":
          for (let it of key.items) {
            for (let st of it.start)
              if (st.type === "newline")
                return !0;
            if (it.sep) {
              for (let st of it.sep)
                if (st.type === "newline")
                  return !0;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return !0;
          }
          return !1;
        default:
          return !0;
      }
    }
    exports2.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports2) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        let end = fc.end[0];
        end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc) && onError(end, "BAD_INDENT", "Flow end indicator should be more indented than parent", !0);
      }
    }
    exports2.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports2) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      let { uniqueKeys } = ctx.options;
      if (uniqueKeys === !1)
        return !1;
      let isEqual = typeof uniqueKeys == "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports2.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports2) {
    "use strict";
    var Pair = require_Pair(), YAMLMap = require_YAMLMap(), resolveProps = require_resolve_props(), utilContainsNewline = require_util_contains_newline(), utilFlowIndentCheck = require_util_flow_indent_check(), utilMapIncludes = require_util_map_includes(), startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      let NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap, map2 = new NodeClass(ctx.schema);
      ctx.atRoot && (ctx.atRoot = !1);
      let offset = bm.offset, commentEnd = null;
      for (let collItem of bm.items) {
        let { start, key, sep: sep2, value } = collItem, keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: !0
        }), implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key && (key.type === "block-seq" ? onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key") : "indent" in key && key.indent !== bm.indent && onError(offset, "BAD_INDENT", startColMsg)), !keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end, keyProps.comment && (map2.comment ? map2.comment += `
` + keyProps.comment : map2.comment = keyProps.comment);
            continue;
          }
          (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) && onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
        } else keyProps.found?.indent !== bm.indent && onError(offset, "BAD_INDENT", startColMsg);
        ctx.atKey = !0;
        let keyStart = keyProps.end, keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        ctx.schema.compat && utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError), ctx.atKey = !1, utilMapIncludes.mapIncludes(ctx, map2.items, keyNode) && onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        let valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        if (offset = valueProps.end, valueProps.found) {
          implicitKey && (value?.type === "block-map" && !valueProps.hasNewline && onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings"), ctx.options.strict && keyProps.start < valueProps.found.offset - 1024 && onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key"));
          let valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          ctx.schema.compat && utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError), offset = valueNode.range[2];
          let pair = new Pair.Pair(keyNode, valueNode);
          ctx.options.keepSourceTokens && (pair.srcToken = collItem), map2.items.push(pair);
        } else {
          implicitKey && onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values"), valueProps.comment && (keyNode.comment ? keyNode.comment += `
` + valueProps.comment : keyNode.comment = valueProps.comment);
          let pair = new Pair.Pair(keyNode);
          ctx.options.keepSourceTokens && (pair.srcToken = collItem), map2.items.push(pair);
        }
      }
      return commentEnd && commentEnd < offset && onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content"), map2.range = [bm.offset, offset, commentEnd ?? offset], map2;
    }
    exports2.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports2) {
    "use strict";
    var YAMLSeq = require_YAMLSeq(), resolveProps = require_resolve_props(), utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      let NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq, seq2 = new NodeClass(ctx.schema);
      ctx.atRoot && (ctx.atRoot = !1), ctx.atKey && (ctx.atKey = !1);
      let offset = bs.offset, commentEnd = null;
      for (let { start, value } of bs.items) {
        let props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: !0
        });
        if (!props.found)
          if (props.anchor || props.tag || value)
            value?.type === "block-seq" ? onError(props.end, "BAD_INDENT", "All sequence items must start at the same column") : onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          else {
            commentEnd = props.end, props.comment && (seq2.comment = props.comment);
            continue;
          }
        let node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        ctx.schema.compat && utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError), offset = node.range[2], seq2.items.push(node);
      }
      return seq2.range = [bs.offset, offset, commentEnd ?? offset], seq2;
    }
    exports2.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports2) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = !1, sep2 = "";
        for (let token of end) {
          let { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = !0;
              break;
            case "comment": {
              reqSpace && !hasSpace && onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              let cb = source.substring(1) || " ";
              comment ? comment += sep2 + cb : comment = cb, sep2 = "";
              break;
            }
            case "newline":
              comment && (sep2 += source), hasSpace = !0;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports2.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports2) {
    "use strict";
    var identity = require_identity(), Pair = require_Pair(), YAMLMap = require_YAMLMap(), YAMLSeq = require_YAMLSeq(), resolveEnd = require_resolve_end(), resolveProps = require_resolve_props(), utilContainsNewline = require_util_contains_newline(), utilMapIncludes = require_util_map_includes(), blockMsg = "Block collections are not allowed within flow collections", isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      let isMap23 = fc.start.source === "{", fcName = isMap23 ? "flow map" : "flow sequence", NodeClass = tag?.nodeClass ?? (isMap23 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq), coll = new NodeClass(ctx.schema);
      coll.flow = !0;
      let atRoot = ctx.atRoot;
      atRoot && (ctx.atRoot = !1), ctx.atKey && (ctx.atKey = !1);
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        let collItem = fc.items[i], { start, key, sep: sep2, value } = collItem, props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: !1
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            i === 0 && props.comma ? onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`) : i < fc.items.length - 1 && onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`), props.comment && (coll.comment ? coll.comment += `
` + props.comment : coll.comment = props.comment), offset = props.end;
            continue;
          }
          !isMap23 && ctx.options.strict && utilContainsNewline.containsNewline(key) && onError(
            key,
            // checked by containsNewline()
            "MULTILINE_IMPLICIT_KEY",
            "Implicit keys of flow sequence pairs need to be on a single line"
          );
        }
        if (i === 0)
          props.comma && onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        else if (props.comma || onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`), props.comment) {
          let prevItemComment = "";
          loop: for (let st of start)
            switch (st.type) {
              case "comma":
              case "space":
                break;
              case "comment":
                prevItemComment = st.source.substring(1);
                break loop;
              default:
                break loop;
            }
          if (prevItemComment) {
            let prev = coll.items[coll.items.length - 1];
            identity.isPair(prev) && (prev = prev.value ?? prev.key), prev.comment ? prev.comment += `
` + prevItemComment : prev.comment = prevItemComment, props.comment = props.comment.substring(prevItemComment.length + 1);
          }
        }
        if (!isMap23 && !sep2 && !props.found) {
          let valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode), offset = valueNode.range[2], isBlock(value) && onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = !0;
          let keyStart = props.end, keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          isBlock(key) && onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg), ctx.atKey = !1;
          let valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: !1
          });
          if (valueProps.found) {
            if (!isMap23 && !props.found && ctx.options.strict) {
              if (sep2)
                for (let st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              props.start < valueProps.found.offset - 1024 && onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else value && ("source" in value && value.source?.[0] === ":" ? onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`) : onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`));
          let valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          valueNode ? isBlock(value) && onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg) : valueProps.comment && (keyNode.comment ? keyNode.comment += `
` + valueProps.comment : keyNode.comment = valueProps.comment);
          let pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens && (pair.srcToken = collItem), isMap23) {
            let map2 = coll;
            utilMapIncludes.mapIncludes(ctx, map2.items, keyNode) && onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique"), map2.items.push(pair);
          } else {
            let map2 = new YAMLMap.YAMLMap(ctx.schema);
            map2.flow = !0, map2.items.push(pair);
            let endRange = (valueNode ?? keyNode).range;
            map2.range = [keyNode.range[0], endRange[1], endRange[2]], coll.items.push(map2);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      let expectedEnd = isMap23 ? "}" : "]", [ce, ...ee] = fc.end, cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        let name = fcName[0].toUpperCase() + fcName.substring(1), msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg), ce && ce.source.length !== 1 && ee.unshift(ce);
      }
      if (ee.length > 0) {
        let end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        end.comment && (coll.comment ? coll.comment += `
` + end.comment : coll.comment = end.comment), coll.range = [fc.offset, cePos, end.offset];
      } else
        coll.range = [fc.offset, cePos, cePos];
      return coll;
    }
    exports2.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports2) {
    "use strict";
    var identity = require_identity(), Scalar4 = require_Scalar(), YAMLMap = require_YAMLMap(), YAMLSeq = require_YAMLSeq(), resolveBlockMap = require_resolve_block_map(), resolveBlockSeq = require_resolve_block_seq(), resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      let coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag), Coll = coll.constructor;
      return tagName === "!" || tagName === Coll.tagName ? (coll.tag = Coll.tagName, coll) : (tagName && (coll.tag = tagName), coll);
    }
    function composeCollection(CN, ctx, token, props, onError) {
      let tagToken = props.tag, tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      if (token.type === "block-seq") {
        let { anchor, newlineAfterProp: nl } = props, lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        lastProp && (!nl || nl.offset < lastProp.offset) && onError(lastProp, "MISSING_CHAR", "Missing newline after block sequence props");
      }
      let expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq")
        return resolveCollection(CN, ctx, token, onError, tagName);
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        let kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType)
          ctx.schema.tags.push(Object.assign({}, kt, { default: !1 })), tag = kt;
        else
          return kt ? onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, !0) : onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, !0), resolveCollection(CN, ctx, token, onError, tagName);
      }
      let coll = resolveCollection(CN, ctx, token, onError, tagName, tag), res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll, node = identity.isNode(res) ? res : new Scalar4.Scalar(res);
      return node.range = coll.range, node.tag = tagName, tag?.format && (node.format = tag.format), node;
    }
    exports2.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar();
    function resolveBlockScalar(ctx, scalar2, onError) {
      let start = scalar2.offset, header = parseBlockScalarHeader(scalar2, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      let type = header.mode === ">" ? Scalar4.Scalar.BLOCK_FOLDED : Scalar4.Scalar.BLOCK_LITERAL, lines = scalar2.source ? splitLines2(scalar2.source) : [], chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        let content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        let value2 = header.chomp === "+" && lines.length > 0 ? `
`.repeat(Math.max(1, lines.length - 1)) : "", end2 = start + header.length;
        return scalar2.source && (end2 += scalar2.source.length), { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar2.indent + header.indent, offset = scalar2.offset + header.length, contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        if (content === "" || content === "\r")
          header.indent === 0 && indent.length > trimIndent && (trimIndent = indent.length);
        else {
          indent.length < trimIndent && onError(offset + indent.length, "MISSING_CHAR", "Block scalars with more-indented leading empty lines must use an explicit indentation indicator"), header.indent === 0 && (trimIndent = indent.length), contentStart = i, trimIndent === 0 && !ctx.atRoot && onError(offset, "BAD_INDENT", "Block scalar values in collections must be indented");
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i)
        lines[i][0].length > trimIndent && (chompStart = i + 1);
      let value = "", sep2 = "", prevMoreIndented = !1;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + `
`;
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        let crlf = content[content.length - 1] === "\r";
        if (crlf && (content = content.slice(0, -1)), content && indent.length < trimIndent) {
          let message = `Block scalar lines must not be less indented than their ${header.indent ? "explicit indentation indicator" : "first line"}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message), indent = "";
        }
        type === Scalar4.Scalar.BLOCK_LITERAL ? (value += sep2 + indent.slice(trimIndent) + content, sep2 = `
`) : indent.length > trimIndent || content[0] === "	" ? (sep2 === " " ? sep2 = `
` : !prevMoreIndented && sep2 === `
` && (sep2 = `

`), value += sep2 + indent.slice(trimIndent) + content, sep2 = `
`, prevMoreIndented = !0) : content === "" ? sep2 === `
` ? value += `
` : sep2 = `
` : (value += sep2 + content, sep2 = " ", prevMoreIndented = !1);
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += `
` + lines[i][0].slice(trimIndent);
          value[value.length - 1] !== `
` && (value += `
`);
          break;
        default:
          value += `
`;
      }
      let end = start + header.length + scalar2.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict2, onError) {
      if (props[0].type !== "block-scalar-header")
        return onError(props[0], "IMPOSSIBLE", "Block scalar header not found"), null;
      let { source } = props[0], mode = source[0], indent = 0, chomp = "", error = -1;
      for (let i = 1; i < source.length; ++i) {
        let ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          let n = Number(ch);
          !indent && n ? indent = n : error === -1 && (error = offset + i);
        }
      }
      error !== -1 && onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = !1, comment = "", length = source.length;
      for (let i = 1; i < props.length; ++i) {
        let token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = !0;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            strict2 && !hasSpace && onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters"), length += token.source.length, comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message), length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            let message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            let ts = token.source;
            ts && typeof ts == "string" && (length += ts.length);
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      let split = source.split(/\n( *)/), first = split[0], m = first.match(/^( *)/), lines = [m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first]];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports2.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar(), resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar2, strict2, onError) {
      let { offset, type, source, end } = scalar2, _type, value, _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar4.Scalar.PLAIN, value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar4.Scalar.QUOTE_SINGLE, value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar4.Scalar.QUOTE_DOUBLE, value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          return onError(scalar2, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`), {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      let valueEnd = offset + source.length, re = resolveEnd.resolveEnd(end, valueEnd, strict2, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      return badChar && onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`), unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      return (source[source.length - 1] !== "'" || source.length === 1) && onError(source.length, "MISSING_CHAR", "Missing closing 'quote"), unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      let line = /(.*?)\r?\n/sy, match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$"), trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/, trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, ""), sep2 = " ", pos = line.lastIndex;
      for (; match = line.exec(source); ) {
        let lm = match[1].replace(trimBoth, "");
        lm === "" ? sep2 === `
` ? res += sep2 : sep2 = `
` : (res += sep2 + lm, sep2 = " "), pos = line.lastIndex;
      }
      let last = /[ \t]*(.*)/sy;
      return last.lastIndex = pos, match = last.exec(source), res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        let ch = source[i];
        if (!(ch === "\r" && source[i + 1] === `
`))
          if (ch === `
`) {
            let { fold: fold2, offset } = foldNewline(source, i);
            res += fold2, i = offset;
          } else if (ch === "\\") {
            let next = source[++i], cc = escapeCodes[next];
            if (cc)
              res += cc;
            else if (next === `
`)
              for (next = source[i + 1]; next === " " || next === "	"; )
                next = source[++i + 1];
            else if (next === "\r" && source[i + 1] === `
`)
              for (next = source[++i + 1]; next === " " || next === "	"; )
                next = source[++i + 1];
            else if (next === "x" || next === "u" || next === "U") {
              let length = next === "x" ? 2 : next === "u" ? 4 : 8;
              res += parseCharCode(source, i + 1, length, onError), i += length;
            } else {
              let raw = source.substr(i - 1, 2);
              onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`), res += raw;
            }
          } else if (ch === " " || ch === "	") {
            let wsStart = i, next = source[i + 1];
            for (; next === " " || next === "	"; )
              next = source[++i + 1];
            next !== `
` && !(next === "\r" && source[i + 2] === `
`) && (res += i > wsStart ? source.slice(wsStart, i + 1) : ch);
          } else
            res += ch;
      }
      return (source[source.length - 1] !== '"' || source.length === 1) && onError(source.length, "MISSING_CHAR", 'Missing closing "quote'), res;
    }
    function foldNewline(source, offset) {
      let fold2 = "", ch = source[offset + 1];
      for (; (ch === " " || ch === "	" || ch === `
` || ch === "\r") && !(ch === "\r" && source[offset + 2] !== `
`); )
        ch === `
` && (fold2 += `
`), offset += 1, ch = source[offset + 1];
      return fold2 || (fold2 = " "), { fold: fold2, offset };
    }
    var escapeCodes = {
      0: "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: `
`,
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      let cc = source.substr(offset, length), code = cc.length === length && /^[0-9a-fA-F]+$/.test(cc) ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        let raw = source.substr(offset - 2, length + 2);
        return onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`), raw;
      }
    }
    exports2.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports2) {
    "use strict";
    var identity = require_identity(), Scalar4 = require_Scalar(), resolveBlockScalar = require_resolve_block_scalar(), resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      let { value, type, comment, range: range3 } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError), tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null, tag;
      ctx.options.stringKeys && ctx.atKey ? tag = ctx.schema[identity.SCALAR] : tagName ? tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError) : token.type === "scalar" ? tag = findScalarTagByTest(ctx, value, token, onError) : tag = ctx.schema[identity.SCALAR];
      let scalar2;
      try {
        let res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar2 = identity.isScalar(res) ? res : new Scalar4.Scalar(res);
      } catch (error) {
        let msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), scalar2 = new Scalar4.Scalar(value);
      }
      return scalar2.range = range3, scalar2.source = value, type && (scalar2.type = type), tagName && (scalar2.tag = tagName), tag.format && (scalar2.format = tag.format), comment && (scalar2.comment = comment), scalar2;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      let matchWithTest = [];
      for (let tag of schema.tags)
        if (!tag.collection && tag.tag === tagName)
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
      for (let tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      let kt = schema.knownTags[tagName];
      return kt && !kt.collection ? (schema.tags.push(Object.assign({}, kt, { default: !1, test: void 0 })), kt) : (onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str"), schema[identity.SCALAR]);
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      let tag = schema.tags.find((tag2) => (tag2.default === !0 || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        let compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          let ts = directives.tagString(tag.tag), cs = directives.tagString(compat.tag), msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, !0);
        }
      }
      return tag;
    }
    exports2.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports2) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          for (st = before[++i]; st?.type === "space"; )
            offset += st.source.length, st = before[++i];
          break;
        }
      }
      return offset;
    }
    exports2.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports2) {
    "use strict";
    var Alias = require_Alias(), identity = require_identity(), composeCollection = require_compose_collection(), composeScalar = require_compose_scalar(), resolveEnd = require_resolve_end(), utilEmptyScalarPosition = require_util_empty_scalar_position(), CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      let atKey = ctx.atKey, { spaceBefore, comment, anchor, tag } = props, node, isSrcToken = !0;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError), (anchor || tag) && onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError), anchor && (node.anchor = anchor.source.substring(1));
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError), anchor && (node.anchor = anchor.source.substring(1));
          } catch (error) {
            let message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          let message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message), isSrcToken = !1;
        }
      }
      return node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError)), anchor && node.anchor === "" && onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string"), atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value != "string" || node.tag && node.tag !== "tag:yaml.org,2002:str") && onError(tag ?? token, "NON_STRING_KEY", "With stringKeys, all keys must be strings"), spaceBefore && (node.spaceBefore = !0), comment && (token.type === "scalar" && token.source === "" ? node.comment = comment : node.commentBefore = comment), ctx.options.keepSourceTokens && isSrcToken && (node.srcToken = token), node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      let token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      }, node = composeScalar.composeScalar(ctx, token, tag, onError);
      return anchor && (node.anchor = anchor.source.substring(1), node.anchor === "" && onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string")), spaceBefore && (node.spaceBefore = !0), comment && (node.comment = comment, node.range[2] = end), node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      let alias = new Alias.Alias(source.substring(1));
      alias.source === "" && onError(offset, "BAD_ALIAS", "Alias cannot be an empty string"), alias.source.endsWith(":") && onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", !0);
      let valueEnd = offset + source.length, re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      return alias.range = [offset, valueEnd, re.offset], re.comment && (alias.comment = re.comment), alias;
    }
    exports2.composeEmptyNode = composeEmptyNode;
    exports2.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports2) {
    "use strict";
    var Document = require_Document(), composeNode = require_compose_node(), resolveEnd = require_resolve_end(), resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      let opts = Object.assign({ _directives: directives }, options), doc = new Document.Document(void 0, opts), ctx = {
        atKey: !1,
        atRoot: !0,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      }, props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: !0
      });
      props.found && (doc.directives.docStart = !0, value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline && onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker")), doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      let contentEnd = doc.contents.range[2], re = resolveEnd.resolveEnd(end, contentEnd, !1, onError);
      return re.comment && (doc.comment = re.comment), doc.range = [offset, contentEnd, re.offset], doc;
    }
    exports2.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports2) {
    var __yaml_LOG_STREAM = require("process").env.LOG_STREAM, node_process = require("process"), directives = require_directives(), Document = require_Document(), errors = require_errors(), identity = require_identity(), composeDoc = require_compose_doc(), resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src == "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      let { offset, source } = src;
      return [offset, offset + (typeof source == "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "", atComment = !1, afterEmptyLine = !1;
      for (let i = 0; i < prelude.length; ++i) {
        let source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? `

` : `
`) + (source.substring(1) || " "), atComment = !0, afterEmptyLine = !1;
            break;
          case "%":
            prelude[i + 1]?.[0] !== "#" && (i += 1), atComment = !1;
            break;
          default:
            atComment || (afterEmptyLine = !0), atComment = !1;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer2 = class {
      constructor(options = {}) {
        this.doc = null, this.atDirectives = !1, this.prelude = [], this.errors = [], this.warnings = [], this.onError = (source, code, message, warning) => {
          let pos = getErrorPos(source);
          warning ? this.warnings.push(new errors.YAMLWarning(pos, code, message)) : this.errors.push(new errors.YAMLParseError(pos, code, message));
        }, this.directives = new directives.Directives({ version: options.version || "1.2" }), this.options = options;
      }
      decorate(doc, afterDoc) {
        let { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          let dc = doc.contents;
          if (afterDoc)
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          else if (afterEmptyLine || doc.directives.docStart || !dc)
            doc.commentBefore = comment;
          else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            identity.isPair(it) && (it = it.key);
            let cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            let cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else
          doc.errors = this.errors, doc.warnings = this.warnings;
        this.prelude = [], this.errors = [], this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = !1, endOffset = -1) {
        for (let token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        switch (__yaml_LOG_STREAM && console.dir(token, { depth: null }), token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              let pos = getErrorPos(token);
              pos[0] += offset, this.onError(pos, "BAD_DIRECTIVE", message, warning);
            }), this.prelude.push(token.source), this.atDirectives = !0;
            break;
          case "document": {
            let doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            this.atDirectives && !doc.directives.docStart && this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line"), this.decorate(doc, !1), this.doc && (yield this.doc), this.doc = doc, this.atDirectives = !1;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            let msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message, error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            this.atDirectives || !this.doc ? this.errors.push(error) : this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              let msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = !0;
            let end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            if (this.decorate(this.doc, !0), end.comment) {
              let dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = !1, endOffset = -1) {
        if (this.doc)
          this.decorate(this.doc, !0), yield this.doc, this.doc = null;
        else if (forceDoc) {
          let opts = Object.assign({ _directives: this.directives }, this.options), doc = new Document.Document(void 0, opts);
          this.atDirectives && this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line"), doc.range = [0, endOffset, endOffset], this.decorate(doc, !1), yield doc;
        }
      }
    };
    exports2.Composer = Composer2;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports2) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar(), resolveFlowScalar = require_resolve_flow_scalar(), errors = require_errors(), stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict2 = !0, onError) {
      if (token) {
        let _onError = (pos, code, message) => {
          let offset = typeof pos == "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict2, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict: strict2 } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      let { implicitKey = !1, indent, inFlow = !1, offset = -1, type = "PLAIN" } = context, source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: !0, lineWidth: -1 }
      }), end = context.end ?? [
        { type: "newline", offset: -1, indent, source: `
` }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          let he = source.indexOf(`
`), head = source.substring(0, he), body2 = source.substring(he + 1) + `
`, props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          return addEndtoBlockProps(props, end) || props.push({ type: "newline", offset: -1, indent, source: `
` }), { type: "block-scalar", offset, indent, props, source: body2 };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = !1, implicitKey = !1, inFlow = !1, type } = context, indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent == "number" && (indent += 2), !type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            let header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      let source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: !0, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      let he = source.indexOf(`
`), head = source.substring(0, he), body2 = source.substring(he + 1) + `
`;
      if (token.type === "block-scalar") {
        let header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head, token.source = body2;
      } else {
        let { offset } = token, indent = "indent" in token ? token.indent : -1, props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        addEndtoBlockProps(props, "end" in token ? token.end : void 0) || props.push({ type: "newline", offset: -1, indent, source: `
` });
        for (let key of Object.keys(token))
          key !== "type" && key !== "offset" && delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body2 });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (let st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              return props.push(st), !0;
          }
      return !1;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type, token.source = source;
          break;
        case "block-scalar": {
          let end = token.props.slice(1), oa = source.length;
          token.props[0].type === "block-scalar-header" && (oa -= token.props[0].source.length);
          for (let tok of end)
            tok.offset += oa;
          delete token.props, Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          let nl = { type: "newline", offset: token.offset + source.length, indent: token.indent, source: `
` };
          delete token.items, Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          let indent = "indent" in token ? token.indent : -1, end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (let key of Object.keys(token))
            key !== "type" && key !== "offset" && delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports2.createScalarToken = createScalarToken;
    exports2.resolveAsScalar = resolveAsScalar;
    exports2.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports2) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (let tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (let item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (let item of token.items)
            res += stringifyItem(item);
          for (let st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (let st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (let st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep2, value }) {
      let res = "";
      for (let st of start)
        res += st.source;
      if (key && (res += stringifyToken(key)), sep2)
        for (let st of sep2)
          res += st.source;
      return value && (res += stringifyToken(value)), res;
    }
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports2) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit"), SKIP = /* @__PURE__ */ Symbol("skip children"), REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit3(cst, visitor) {
      "type" in cst && cst.type === "document" && (cst = { start: cst.start, value: cst.value }), _visit(Object.freeze([]), cst, visitor);
    }
    visit3.BREAK = BREAK;
    visit3.SKIP = SKIP;
    visit3.REMOVE = REMOVE;
    visit3.itemAtPath = (cst, path) => {
      let item = cst;
      for (let [field, index] of path) {
        let tok = item?.[field];
        if (tok && "items" in tok)
          item = tok.items[index];
        else
          return;
      }
      return item;
    };
    visit3.parentCollection = (cst, path) => {
      let parent = visit3.itemAtPath(cst, path.slice(0, -1)), field = path[path.length - 1][0], coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl == "symbol")
        return ctrl;
      for (let field of ["key", "value"]) {
        let token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            let ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci == "number")
              i = ci - 1;
            else {
              if (ci === BREAK)
                return BREAK;
              ci === REMOVE && (token.items.splice(i, 1), i -= 1);
            }
          }
          typeof ctrl == "function" && field === "key" && (ctrl = ctrl(item, path));
        }
      }
      return typeof ctrl == "function" ? ctrl(item, path) : ctrl;
    }
    exports2.visit = visit3;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports2) {
    "use strict";
    var cstScalar = require_cst_scalar(), cstStringify = require_cst_stringify(), cstVisit = require_cst_visit(), BOM = "\uFEFF", DOCUMENT = "", FLOW_END = "", SCALAR = "", isCollection3 = (token) => !!token && "items" in token, isScalar21 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case `
`:
        case `\r
`:
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports2.createScalarToken = cstScalar.createScalarToken;
    exports2.resolveAsScalar = cstScalar.resolveAsScalar;
    exports2.setScalarValue = cstScalar.setScalarValue;
    exports2.stringify = cstStringify.stringify;
    exports2.visit = cstVisit.visit;
    exports2.BOM = BOM;
    exports2.DOCUMENT = DOCUMENT;
    exports2.FLOW_END = FLOW_END;
    exports2.SCALAR = SCALAR;
    exports2.isCollection = isCollection3;
    exports2.isScalar = isScalar21;
    exports2.prettyToken = prettyToken;
    exports2.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports2) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case `
`:
        case "\r":
        case "	":
          return !0;
        default:
          return !1;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef"), tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()"), flowIndicatorChars = new Set(",[]{}"), invalidAnchorChars = new Set(` ,[]{}
\r	`), isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch), Lexer = class {
      constructor() {
        this.atEnd = !1, this.blockScalarIndent = -1, this.blockScalarKeep = !1, this.buffer = "", this.flowKey = !1, this.flowLevel = 0, this.indentNext = 0, this.indentValue = 0, this.lineEndPos = null, this.next = null, this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = !1) {
        if (source) {
          if (typeof source != "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source, this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        for (; next && (incomplete || this.hasChars(1)); )
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos, ch = this.buffer[i];
        for (; ch === " " || ch === "	"; )
          ch = this.buffer[++i];
        return !ch || ch === "#" || ch === `
` ? !0 : ch === "\r" ? this.buffer[i + 1] === `
` : !1;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          for (; ch === " "; )
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            let next = this.buffer[indent + offset + 1];
            if (next === `
` || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === `
` || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          let dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        return (typeof end != "number" || end !== -1 && end < this.pos) && (end = this.buffer.indexOf(`
`, this.pos), this.lineEndPos = end), end === -1 ? this.atEnd ? this.buffer.substring(this.pos) : null : (this.buffer[end - 1] === "\r" && (end -= 1), this.buffer.substring(this.pos, end));
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        return this.buffer = this.buffer.substring(this.pos), this.pos = 0, this.lineEndPos = null, this.next = state, null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM && (yield* this.pushCount(1), line = line.substring(1)), line[0] === "%") {
          let dirEnd = line.length, cs = line.indexOf("#");
          for (; cs !== -1; ) {
            let ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else
              cs = line.indexOf("#", cs + 1);
          }
          for (; ; ) {
            let ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          let n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(!0));
          return yield* this.pushCount(line.length - n), this.pushNewline(), "stream";
        }
        if (this.atLineEnd()) {
          let sp = yield* this.pushSpaces(!0);
          return yield* this.pushCount(line.length - sp), yield* this.pushNewline(), "stream";
        }
        return yield cst.DOCUMENT, yield* this.parseLineStart();
      }
      *parseLineStart() {
        let ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          let s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3)))
            return yield* this.pushCount(3), this.indentValue = 0, this.indentNext = 0, s === "---" ? "doc" : "stream";
        }
        return this.indentValue = yield* this.pushSpaces(!1), this.indentNext > this.indentValue && !isEmpty(this.charAt(1)) && (this.indentNext = this.indentValue), yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        let [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          let n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(!0));
          return this.indentNext = this.indentValue + 1, this.indentValue += n, "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(!0);
        let line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            return yield* this.pushNewline(), yield* this.parseLineStart();
          case "{":
          case "[":
            return yield* this.pushCount(1), this.flowKey = !1, this.flowLevel = 1, "flow";
          case "}":
          case "]":
            return yield* this.pushCount(1), "doc";
          case "*":
            return yield* this.pushUntil(isNotAnchorChar), "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            return n += yield* this.parseBlockScalarHeader(), n += yield* this.pushSpaces(!0), yield* this.pushCount(line.length - n), yield* this.pushNewline(), yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp, indent = -1;
        do
          nl = yield* this.pushNewline(), nl > 0 ? (sp = yield* this.pushSpaces(!1), this.indentValue = indent = sp) : sp = 0, sp += yield* this.pushSpaces(!0);
        while (nl + sp > 0);
        let line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if ((indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) && !(indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}")))
          return this.flowLevel = 0, yield cst.FLOW_END, yield* this.parseLineStart();
        let n = 0;
        for (; line[n] === ","; )
          n += yield* this.pushCount(1), n += yield* this.pushSpaces(!0), this.flowKey = !1;
        switch (n += yield* this.pushIndicators(), line[n]) {
          case void 0:
            return "flow";
          case "#":
            return yield* this.pushCount(line.length - n), "flow";
          case "{":
          case "[":
            return yield* this.pushCount(1), this.flowKey = !1, this.flowLevel += 1, "flow";
          case "}":
          case "]":
            return yield* this.pushCount(1), this.flowKey = !0, this.flowLevel -= 1, this.flowLevel ? "flow" : "doc";
          case "*":
            return yield* this.pushUntil(isNotAnchorChar), "flow";
          case '"':
          case "'":
            return this.flowKey = !0, yield* this.parseQuotedScalar();
          case ":": {
            let next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",")
              return this.flowKey = !1, yield* this.pushCount(1), yield* this.pushSpaces(!0), "flow";
          }
          // fallthrough
          default:
            return this.flowKey = !1, yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        let quote = this.charAt(0), end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'")
          for (; end !== -1 && this.buffer[end + 1] === "'"; )
            end = this.buffer.indexOf("'", end + 2);
        else
          for (; end !== -1; ) {
            let n = 0;
            for (; this.buffer[end - 1 - n] === "\\"; )
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        let qb = this.buffer.substring(0, end), nl = qb.indexOf(`
`, this.pos);
        if (nl !== -1) {
          for (; nl !== -1; ) {
            let cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf(`
`, cs);
          }
          nl !== -1 && (end = nl - (qb[nl - 1] === "\r" ? 2 : 1));
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        return yield* this.pushToIndex(end + 1, !1), this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1, this.blockScalarKeep = !1;
        let i = this.pos;
        for (; ; ) {
          let ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = !0;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1, indent = 0, ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2)
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case `
`:
              nl = i2, indent = 0;
              break;
            case "\r": {
              let next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === `
`)
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          this.blockScalarIndent === -1 ? this.indentNext = indent : this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          do {
            let cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf(`
`, cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        for (ch = this.buffer[i]; ch === " "; )
          ch = this.buffer[++i];
        if (ch === "	") {
          for (; ch === "	" || ch === " " || ch === "\r" || ch === `
`; )
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep)
          do {
            let i2 = nl - 1, ch2 = this.buffer[i2];
            ch2 === "\r" && (ch2 = this.buffer[--i2]);
            let lastChar = i2;
            for (; ch2 === " "; )
              ch2 = this.buffer[--i2];
            if (ch2 === `
` && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (!0);
        return yield cst.SCALAR, yield* this.pushToIndex(nl + 1, !0), yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        let inFlow = this.flowLevel > 0, end = this.pos - 1, i = this.pos - 1, ch;
        for (; ch = this.buffer[++i]; )
          if (ch === ":") {
            let next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r" && (next === `
` ? (i += 1, ch = `
`, next = this.buffer[i + 1]) : end = i), next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === `
`) {
              let cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        return !ch && !this.atEnd ? this.setNext("plain-scalar") : (yield cst.SCALAR, yield* this.pushToIndex(end + 1, !0), inFlow ? "flow" : "doc");
      }
      *pushCount(n) {
        return n > 0 ? (yield this.buffer.substr(this.pos, n), this.pos += n, n) : 0;
      }
      *pushToIndex(i, allowEmpty) {
        let s = this.buffer.slice(this.pos, i);
        return s ? (yield s, this.pos += s.length, s.length) : (allowEmpty && (yield ""), 0);
      }
      *pushIndicators() {
        let n = 0;
        loop: for (; ; ) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag(), n += yield* this.pushSpaces(!0);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar), n += yield* this.pushSpaces(!0);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              let inFlow = this.flowLevel > 0, ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                inFlow ? this.flowKey && (this.flowKey = !1) : this.indentNext = this.indentValue + 1, n += yield* this.pushCount(1), n += yield* this.pushSpaces(!0);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2, ch = this.buffer[i];
          for (; !isEmpty(ch) && ch !== ">"; )
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, !1);
        } else {
          let i = this.pos + 1, ch = this.buffer[i];
          for (; ch; )
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2]))
              ch = this.buffer[i += 3];
            else
              break;
          return yield* this.pushToIndex(i, !1);
        }
      }
      *pushNewline() {
        let ch = this.buffer[this.pos];
        return ch === `
` ? yield* this.pushCount(1) : ch === "\r" && this.charAt(1) === `
` ? yield* this.pushCount(2) : 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1, ch;
        do
          ch = this.buffer[++i];
        while (ch === " " || allowTabs && ch === "	");
        let n = i - this.pos;
        return n > 0 && (yield this.buffer.substr(this.pos, n), this.pos = i), n;
      }
      *pushUntil(test) {
        let i = this.pos, ch = this.buffer[i];
        for (; !test(ch); )
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, !1);
      }
    };
    exports2.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports2) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [], this.addNewLine = (offset) => this.lineStarts.push(offset), this.linePos = (offset) => {
          let low = 0, high = this.lineStarts.length;
          for (; low < high; ) {
            let mid = low + high >> 1;
            this.lineStarts[mid] < offset ? low = mid + 1 : high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          let start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports2.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports2) {
    var __yaml_LOG_TOKENS = require("process").env.LOG_TOKENS, node_process = require("process"), cst = require_cst(), lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return !0;
      return !1;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i)
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return !0;
        default:
          return !1;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          let it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: for (; --i >= 0; )
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      for (; prev[++i]?.type === "space"; )
        ;
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start")
        for (let it of fc.items)
          it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind") && (it.key && (it.value = it.key), delete it.key, isFlowToken(it.value) ? it.value.end ? arrayPushArray(it.value.end, it.sep) : it.value.end = it.sep : arrayPushArray(it.start, it.sep), delete it.sep);
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = !0, this.atScalar = !1, this.indent = 0, this.offset = 0, this.onKeyLine = !1, this.stack = [], this.source = "", this.type = "", this.lexer = new lexer.Lexer(), this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = !1) {
        this.onNewLine && this.offset === 0 && this.onNewLine(0);
        for (let lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        incomplete || (yield* this.end());
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        if (this.source = source, __yaml_LOG_TOKENS && console.log("|", cst.prettyToken(source)), this.atScalar) {
          this.atScalar = !1, yield* this.step(), this.offset += source.length;
          return;
        }
        let type = cst.tokenType(source);
        if (type)
          if (type === "scalar")
            this.atNewLine = !1, this.atScalar = !0, this.type = "scalar";
          else {
            switch (this.type = type, yield* this.step(), type) {
              case "newline":
                this.atNewLine = !0, this.indent = 0, this.onNewLine && this.onNewLine(this.offset + source.length);
                break;
              case "space":
                this.atNewLine && source[0] === " " && (this.indent += source.length);
                break;
              case "explicit-key-ind":
              case "map-value-ind":
              case "seq-item-ind":
                this.atNewLine && (this.indent += source.length);
                break;
              case "doc-mode":
              case "flow-error-end":
                return;
              default:
                this.atNewLine = !1;
            }
            this.offset += source.length;
          }
        else {
          let message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source }), this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        for (; this.stack.length > 0; )
          yield* this.pop();
      }
      get sourceToken() {
        return {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      *step() {
        let top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          for (; this.stack.length > 0; )
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        let token = error ?? this.stack.pop();
        if (!token)
          yield { type: "error", offset: this.offset, source: "", message: "Tried to pop an empty stack" };
        else if (this.stack.length === 0)
          yield token;
        else {
          let top = this.peek(1);
          switch (token.type === "block-scalar" ? token.indent = "indent" in top ? top.indent : 0 : token.type === "flow-collection" && top.type === "document" && (token.indent = 0), token.type === "flow-collection" && fixFlowSeqItems(token), top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              let it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] }), this.onKeyLine = !0;
                return;
              } else if (it.sep)
                it.value = token;
              else {
                Object.assign(it, { key: token, sep: [] }), this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              let it = top.items[top.items.length - 1];
              it.value ? top.items.push({ start: [], value: token }) : it.value = token;
              break;
            }
            case "flow-collection": {
              let it = top.items[top.items.length - 1];
              !it || it.value ? top.items.push({ start: [], key: token, sep: [] }) : it.sep ? it.value = token : Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop(), yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            let last = token.items[token.items.length - 1];
            last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent)) && (top.type === "document" ? top.end = last.start : top.items.push({ start: last.start }), token.items.splice(-1, 1));
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            let doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            this.type === "doc-start" && doc.start.push(this.sourceToken), this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            findNonEmptyIndex(doc.start) !== -1 ? (yield* this.pop(), yield* this.step()) : doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        let bv = this.startBlockValue(doc);
        bv ? this.stack.push(bv) : yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML document`,
          source: this.source
        };
      }
      *scalar(scalar2) {
        if (this.type === "map-value-ind") {
          let prev = getPrevProps(this.peek(2)), start = getFirstKeyStartProps(prev), sep2;
          scalar2.end ? (sep2 = scalar2.end, sep2.push(this.sourceToken), delete scalar2.end) : sep2 = [this.sourceToken];
          let map2 = {
            type: "block-map",
            offset: scalar2.offset,
            indent: scalar2.indent,
            items: [{ start, key: scalar2, sep: sep2 }]
          };
          this.onKeyLine = !0, this.stack[this.stack.length - 1] = map2;
        } else
          yield* this.lineEnd(scalar2);
      }
      *blockScalar(scalar2) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar2.props.push(this.sourceToken);
            return;
          case "scalar":
            if (scalar2.source = this.source, this.atNewLine = !0, this.indent = 0, this.onNewLine) {
              let nl = this.source.indexOf(`
`) + 1;
              for (; nl !== 0; )
                this.onNewLine(this.offset + nl), nl = this.source.indexOf(`
`, nl) + 1;
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop(), yield* this.step();
        }
      }
      *blockMap(map2) {
        let it = map2.items[map2.items.length - 1];
        switch (this.type) {
          case "newline":
            if (this.onKeyLine = !1, it.value) {
              let end = "end" in it.value ? it.value.end : void 0;
              (Array.isArray(end) ? end[end.length - 1] : void 0)?.type === "comment" ? end?.push(this.sourceToken) : map2.items.push({ start: [this.sourceToken] });
            } else it.sep ? it.sep.push(this.sourceToken) : it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              map2.items.push({ start: [this.sourceToken] });
            else if (it.sep)
              it.sep.push(this.sourceToken);
            else {
              if (this.atIndentedComment(it.start, map2.indent)) {
                let end = map2.items[map2.items.length - 2]?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start), end.push(this.sourceToken), map2.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map2.indent) {
          let atMapIndent = !this.onKeyLine && this.indent === map2.indent, atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind", start = [];
          if (atNextItem && it.sep && !it.value) {
            let nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              let st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  st.indent > map2.indent && (nl.length = 0);
                  break;
                default:
                  nl.length = 0;
              }
            }
            nl.length >= 2 && (start = it.sep.splice(nl[1]));
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              atNextItem || it.value ? (start.push(this.sourceToken), map2.items.push({ start }), this.onKeyLine = !0) : it.sep ? it.sep.push(this.sourceToken) : it.start.push(this.sourceToken);
              return;
            case "explicit-key-ind":
              !it.sep && !it.explicitKey ? (it.start.push(this.sourceToken), it.explicitKey = !0) : atNextItem || it.value ? (start.push(this.sourceToken), map2.items.push({ start, explicitKey: !0 })) : this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: [this.sourceToken], explicitKey: !0 }]
              }), this.onKeyLine = !0;
              return;
            case "map-value-ind":
              if (it.explicitKey)
                if (it.sep)
                  if (it.value)
                    map2.items.push({ start: [], key: null, sep: [this.sourceToken] });
                  else if (includesToken(it.sep, "map-value-ind"))
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start, key: null, sep: [this.sourceToken] }]
                    });
                  else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                    let start2 = getFirstKeyStartProps(it.start), key = it.key, sep2 = it.sep;
                    sep2.push(this.sourceToken), delete it.key, delete it.sep, this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key, sep: sep2 }]
                    });
                  } else start.length > 0 ? it.sep = it.sep.concat(start, this.sourceToken) : it.sep.push(this.sourceToken);
                else if (includesToken(it.start, "newline"))
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                else {
                  let start2 = getFirstKeyStartProps(it.start);
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                  });
                }
              else
                it.sep ? it.value || atNextItem ? map2.items.push({ start, key: null, sep: [this.sourceToken] }) : includesToken(it.sep, "map-value-ind") ? this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [], key: null, sep: [this.sourceToken] }]
                }) : it.sep.push(this.sourceToken) : Object.assign(it, { key: null, sep: [this.sourceToken] });
              this.onKeyLine = !0;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              let fs = this.flowScalar(this.type);
              atNextItem || it.value ? (map2.items.push({ start, key: fs, sep: [] }), this.onKeyLine = !0) : it.sep ? this.stack.push(fs) : (Object.assign(it, { key: fs, sep: [] }), this.onKeyLine = !0);
              return;
            }
            default: {
              let bv = this.startBlockValue(map2);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else atMapIndent && map2.items.push({ start });
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop(), yield* this.step();
      }
      *blockSequence(seq2) {
        let it = seq2.items[seq2.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              let end = "end" in it.value ? it.value.end : void 0;
              (Array.isArray(end) ? end[end.length - 1] : void 0)?.type === "comment" ? end?.push(this.sourceToken) : seq2.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq2.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq2.indent)) {
                let end = seq2.items[seq2.items.length - 2]?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start), end.push(this.sourceToken), seq2.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq2.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq2.indent)
              break;
            it.value || includesToken(it.start, "seq-item-ind") ? seq2.items.push({ start: [this.sourceToken] }) : it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq2.indent) {
          let bv = this.startBlockValue(seq2);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop(), yield* this.step();
      }
      *flowCollection(fc) {
        let it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do
            yield* this.pop(), top = this.peek(1);
          while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              !it || it.sep ? fc.items.push({ start: [this.sourceToken] }) : it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              !it || it.value ? fc.items.push({ start: [], key: null, sep: [this.sourceToken] }) : it.sep ? it.sep.push(this.sourceToken) : Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              !it || it.value ? fc.items.push({ start: [this.sourceToken] }) : it.sep ? it.sep.push(this.sourceToken) : it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              let fs = this.flowScalar(this.type);
              !it || it.value ? fc.items.push({ start: [], key: fs, sep: [] }) : it.sep ? this.stack.push(fs) : Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          let bv = this.startBlockValue(fc);
          bv ? this.stack.push(bv) : (yield* this.pop(), yield* this.step());
        } else {
          let parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep))
            yield* this.pop(), yield* this.step();
          else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            let prev = getPrevProps(parent), start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            let sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            let map2 = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = !0, this.stack[this.stack.length - 1] = map2;
          } else
            yield* this.lineEnd(fc);
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf(`
`) + 1;
          for (; nl !== 0; )
            this.onNewLine(this.offset + nl), nl = this.source.indexOf(`
`, nl) + 1;
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = !0;
            let prev = getPrevProps(parent), start = getFirstKeyStartProps(prev);
            return start.push(this.sourceToken), {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: !0 }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = !0;
            let prev = getPrevProps(parent), start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        return this.type !== "comment" || this.indent <= indent ? !1 : start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        this.type !== "doc-mode" && (docEnd.end ? docEnd.end.push(this.sourceToken) : docEnd.end = [this.sourceToken], this.type === "newline" && (yield* this.pop()));
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop(), yield* this.step();
            break;
          case "newline":
            this.onKeyLine = !1;
          default:
            token.end ? token.end.push(this.sourceToken) : token.end = [this.sourceToken], this.type === "newline" && (yield* this.pop());
        }
      }
    };
    exports2.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports2) {
    "use strict";
    var composer = require_composer(), Document = require_Document(), errors = require_errors(), log = require_log(), identity = require_identity(), lineCounter = require_line_counter(), parser = require_parser();
    function parseOptions(options) {
      let prettyErrors = options.prettyErrors !== !1;
      return { lineCounter: options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null, prettyErrors };
    }
    function parseAllDocuments4(source, options = {}) {
      let { lineCounter: lineCounter2, prettyErrors } = parseOptions(options), parser$1 = new parser.Parser(lineCounter2?.addNewLine), composer$1 = new composer.Composer(options), docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (let doc of docs)
          doc.errors.forEach(errors.prettifyError(source, lineCounter2)), doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      return docs.length > 0 ? docs : Object.assign([], { empty: !0 }, composer$1.streamInfo());
    }
    function parseDocument7(source, options = {}) {
      let { lineCounter: lineCounter2, prettyErrors } = parseOptions(options), parser$1 = new parser.Parser(lineCounter2?.addNewLine), composer$1 = new composer.Composer(options), doc = null;
      for (let _doc of composer$1.compose(parser$1.parse(source), !0, source.length))
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      return prettyErrors && lineCounter2 && (doc.errors.forEach(errors.prettifyError(source, lineCounter2)), doc.warnings.forEach(errors.prettifyError(source, lineCounter2))), doc;
    }
    function parse(src, reviver, options) {
      let _reviver;
      typeof reviver == "function" ? _reviver = reviver : options === void 0 && reviver && typeof reviver == "object" && (options = reviver);
      let doc = parseDocument7(src, options);
      if (!doc)
        return null;
      if (doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning)), doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer == "function" || Array.isArray(replacer) ? _replacer = replacer : options === void 0 && replacer && (options = replacer), typeof options == "string" && (options = options.length), typeof options == "number") {
        let indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        let { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return;
      }
      return identity.isDocument(value) && !_replacer ? value.toString(options) : new Document.Document(value, _replacer, options).toString(options);
    }
    exports2.parse = parse;
    exports2.parseAllDocuments = parseAllDocuments4;
    exports2.parseDocument = parseDocument7;
    exports2.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports2) {
    "use strict";
    var composer = require_composer(), Document = require_Document(), Schema = require_Schema(), errors = require_errors(), Alias = require_Alias(), identity = require_identity(), Pair = require_Pair(), Scalar4 = require_Scalar(), YAMLMap = require_YAMLMap(), YAMLSeq = require_YAMLSeq(), cst = require_cst(), lexer = require_lexer(), lineCounter = require_line_counter(), parser = require_parser(), publicApi = require_public_api(), visit3 = require_visit();
    exports2.Composer = composer.Composer;
    exports2.Document = Document.Document;
    exports2.Schema = Schema.Schema;
    exports2.YAMLError = errors.YAMLError;
    exports2.YAMLParseError = errors.YAMLParseError;
    exports2.YAMLWarning = errors.YAMLWarning;
    exports2.Alias = Alias.Alias;
    exports2.isAlias = identity.isAlias;
    exports2.isCollection = identity.isCollection;
    exports2.isDocument = identity.isDocument;
    exports2.isMap = identity.isMap;
    exports2.isNode = identity.isNode;
    exports2.isPair = identity.isPair;
    exports2.isScalar = identity.isScalar;
    exports2.isSeq = identity.isSeq;
    exports2.Pair = Pair.Pair;
    exports2.Scalar = Scalar4.Scalar;
    exports2.YAMLMap = YAMLMap.YAMLMap;
    exports2.YAMLSeq = YAMLSeq.YAMLSeq;
    exports2.CST = cst;
    exports2.Lexer = lexer.Lexer;
    exports2.LineCounter = lineCounter.LineCounter;
    exports2.Parser = parser.Parser;
    exports2.parse = publicApi.parse;
    exports2.parseAllDocuments = publicApi.parseAllDocuments;
    exports2.parseDocument = publicApi.parseDocument;
    exports2.stringify = publicApi.stringify;
    exports2.visit = visit3.visit;
    exports2.visitAsync = visit3.visitAsync;
  }
});

// dmtls-lazy:src/secret/check-certificate.ts
var require_check_certificate = __commonJS({
  "dmtls-lazy:src/secret/check-certificate.ts"(exports2, module2) {
    module2.exports = require_lazy()("src/secret/check-certificate.ts");
  }
});

// src/cli/load-certificate.ts
var load_certificate_exports = {};
__export(load_certificate_exports, {
  MAX_PEM_BYTES: () => MAX_PEM_BYTES,
  loadCertificate: () => loadCertificate
});
function kindOf(st) {
  if (!(st.isFile() || st.isFIFO()))
    return st.isDirectory() ? "a directory" : st.isCharacterDevice() ? "a character device" : st.isBlockDevice() ? "a block device" : st.isSocket() ? "a socket" : "not a regular file";
}
function refusal(file, what, st) {
  let kind = kindOf(st);
  if (kind !== void 0)
    return refused(file, `${file} is ${kind}, not a regular file; the ${what} must be a PEM file (it was not read)`);
  if (st.size > MAX_PEM_BYTES) return tooBig(file, what, ` (${st.size} bytes)`);
}
function tooBig(file, what, size) {
  return refused(file, `${file} is larger than the 1 MiB a ${what} file may hold${size}; it was not read`);
}
async function readPem(io, file, what) {
  let path = (0, import_node_path3.resolve)(io.cwd, file), cannot = (e) => new UsageError(
    `cannot read the ${what} ${file}: ${e.code === "ENOENT" ? "no such file" : e.message}`
  ), st;
  try {
    st = await import_node_fs2.promises.stat(path);
  } catch (e) {
    throw cannot(e);
  }
  let before = refusal(file, what, st);
  if (before) return before;
  let handle;
  try {
    handle = await import_node_fs2.promises.open(path, import_node_fs2.constants.O_RDONLY | (import_node_fs2.constants.O_NONBLOCK ?? 0));
    let now = refusal(file, what, await handle.stat());
    if (now) return now;
    let buf = Buffer.alloc(MAX_PEM_BYTES + 1), n = 0, waitUntil = Date.now() + PIPE_WAIT_MS;
    for (; ; ) {
      let bytesRead;
      try {
        ({ bytesRead } = await handle.read(buf, n, buf.length - n, null));
      } catch (e) {
        if (e.code !== "EAGAIN" || Date.now() > waitUntil) throw e;
        await new Promise((wake) => setTimeout(wake, 5));
        continue;
      }
      if (bytesRead === 0) break;
      if (n += bytesRead, n === buf.length) return tooBig(file, what, "");
    }
    return n === 0 && st.isFIFO() ? refused(file, `${file} is a pipe and nothing was written to it; the ${what} must be a PEM file`) : buf.subarray(0, n);
  } catch (e) {
    throw cannot(e);
  } finally {
    await handle?.close();
  }
}
async function loadCertificate(files, io, quiet = !1) {
  if (files.cert === void 0 && files.key === void 0) {
    if (files.ca !== void 0) throw new UsageError("--ca checks the client certificate: give --cert and --key too");
    return;
  }
  if (files.cert === void 0 || files.key === void 0)
    throw new UsageError("--cert and --key go together: the Secret needs both the certificate and its key");
  let print = (d) => io.stderr.write(formatDiagnostic(d) + `
`), read = await Promise.all([
    readPem(io, files.cert, "certificate"),
    readPem(io, files.key, "key"),
    files.ca === void 0 ? void 0 : readPem(io, files.ca, "CA certificate")
  ]), unread = read.filter((r) => r !== void 0 && !Buffer.isBuffer(r));
  if (unread.length > 0)
    return unread.forEach(print), !1;
  let [certBytes, keyBytes, caBytes] = read, certPem = certBytes.toString("utf8"), keyPem = keyBytes.toString("utf8"), caPem = caBytes?.toString("utf8"), { checkClientCertificate } = await Promise.resolve().then(() => __toESM(require_check_certificate(), 1)), check = checkClientCertificate({
    certPem,
    keyPem,
    certFile: files.cert,
    keyFile: files.key,
    ...caPem === void 0 ? {} : { caPem, caFile: files.ca }
  });
  if (check.errors.length === 0) {
    let asGiven = [[files.cert, certBytes, certPem]];
    check.keyPem === keyPem && asGiven.push([files.key, keyBytes, keyPem]);
    for (let [file, bytes, text] of asGiven)
      Buffer.from(text, "utf8").equals(bytes) || check.errors.push({
        code: "CERT",
        severity: "error",
        file,
        message: `${file} holds bytes that are not UTF-8 text outside its PEM blocks; the Secret holds the file as given, so remove that text (the PEM blocks alone are enough)`
      });
  }
  if (check.errors.forEach(print), quiet || check.warnings.forEach(print), !quiet && check.errors.length === 0)
    for (let n of check.notes) io.stderr.write(`${n.file}: note: ${n.message}
`);
  return check.errors.length > 0 || check.keyPem === void 0 ? !1 : { certPem, keyPem: check.keyPem };
}
var import_node_fs2, import_node_path3, MAX_PEM_BYTES, PIPE_WAIT_MS, refused, init_load_certificate = __esm({
  "src/cli/load-certificate.ts"() {
    "use strict";
    import_node_fs2 = require("node:fs"), import_node_path3 = require("node:path");
    init_errors();
    MAX_PEM_BYTES = 1024 * 1024, PIPE_WAIT_MS = 3e4;
    refused = (file, message) => ({ code: "CERT", severity: "error", file, message });
  }
});

// src/cli/stdin-hint.ts
var stdin_hint_exports = {};
__export(stdin_hint_exports, {
  STDIN_HINT: () => STDIN_HINT,
  hintStdin: () => hintStdin
});
function hintStdin(io, quiet) {
  !quiet && io.stdin.isTTY === !0 && io.stderr.write(STDIN_HINT);
}
var STDIN_HINT, init_stdin_hint = __esm({
  "src/cli/stdin-hint.ts"() {
    "use strict";
    STDIN_HINT = `delegate-mtls: reading the manifest from standard input (Ctrl-D to end; --help for usage)
`;
  }
});

// src/io/io-diagnostic.ts
function errnoCode(err) {
  let code = err?.code;
  return typeof code == "string" ? code : void 0;
}
function describeFsError(err) {
  let code = errnoCode(err);
  return code !== void 0 && code in FS_ERROR_MESSAGES ? FS_ERROR_MESSAGES[code] : err instanceof Error ? err.message : String(err);
}
function ioDiagnostic(file, message, at) {
  return { code: "IO", severity: "error", message, file, ...at };
}
var FS_ERROR_MESSAGES, init_io_diagnostic = __esm({
  "src/io/io-diagnostic.ts"() {
    "use strict";
    FS_ERROR_MESSAGES = {
      ENOENT: "no such file or directory",
      EACCES: "permission denied",
      EPERM: "permission denied (operation not permitted)",
      EROFS: "read-only file system",
      ENOSPC: "disk full (no space left on device)",
      EDQUOT: "disk quota exceeded",
      EFBIG: "file too large",
      EISDIR: "is a directory",
      ENOTDIR: "a component of the path is not a directory",
      ELOOP: "too many levels of symbolic links",
      ENAMETOOLONG: "file name too long",
      EMFILE: "too many open files",
      ENFILE: "too many open files in the system",
      EIO: "input/output error",
      EBUSY: "resource busy",
      ETXTBSY: "text file busy"
    };
  }
});

// dmtls-lazy:node_modules/fast-glob/out/index.js
var require_out = __commonJS({
  "dmtls-lazy:node_modules/fast-glob/out/index.js"(exports2, module2) {
    module2.exports = require_lazy()("node_modules/fast-glob/out/index.js");
  }
});

// src/io/expand-paths.ts
async function expandPaths(args, cwd, options = {}) {
  let out = options.outDir === void 0 ? void 0 : outDirOf(options.outDir, cwd), literal = [], expanded = [], errors = [];
  for (let arg of args) {
    if (arg === "") throw new UsageError("an empty string is not a file, directory or pattern");
    let st;
    try {
      st = (0, import_node_fs3.statSync)((0, import_node_path4.resolve)(cwd, arg));
    } catch (err) {
      let code = errnoCode(err);
      if (code !== "ENOENT" && code !== "ENOTDIR") {
        errors.push(ioDiagnostic(arg, describeFsError(err)));
        continue;
      }
    }
    if (st && out?.holds(realPathOf((0, import_node_path4.resolve)(cwd, arg))))
      throw new UsageError(
        `${JSON.stringify(arg)} is inside --out-dir ${JSON.stringify(out.name)}, where this run writes its copies: give the files to migrate from outside it, or choose another --out-dir`
      );
    try {
      if (st && !st.isDirectory())
        literal.push({ file: arg });
      else if (st) {
        let found = await yamlFilesIn(arg, cwd, out);
        found.length === 0 && errors.push(ioDiagnostic(arg, `no *.yaml or *.yml files in the directory "${arg}"`)), expanded.push(...found);
      } else {
        let fg = await loadFastGlob();
        if (!fg.isDynamicPattern(arg)) errors.push(ioDiagnostic(arg, "no such file or directory"));
        else {
          let matched = await globFiles(fg, arg, cwd), found = out ? matched.filter((f) => !out.holds(realPathOf((0, import_node_path4.resolve)(cwd, f)))) : matched;
          found.length === 0 && errors.push(
            ioDiagnostic(
              arg,
              matched.length === 0 ? `no files match the pattern "${arg}"` : `no files outside --out-dir "${out.name}" match the pattern "${arg}"`
            )
          ), expanded.push(...found.map((file) => ({ file })));
        }
      }
    } catch (err) {
      errors.push(ioDiagnostic(arg, describeFsError(err)));
    }
  }
  return { files: dedupe([...literal, ...expanded], cwd), errors };
}
async function yamlFilesIn(dir, cwd, out) {
  let fg = await loadFastGlob(), root = (0, import_node_path4.resolve)(cwd, dir), real;
  try {
    real = import_node_fs3.realpathSync.native(root);
  } catch {
  }
  let outBelow = out && real !== void 0 ? (0, import_node_path4.relative)(real, out.real) : void 0, ignore = outBelow !== void 0 && outBelow !== "" && !outBelow.startsWith("..") && !outBelow.startsWith(import_node_path4.sep) ? [...IGNORE, `${fg.escapePath(outBelow.split(import_node_path4.sep).join("/"))}/**`] : IGNORE, found = await fg(YAML_IN_DIR, {
    cwd: root,
    dot: !0,
    ignore,
    followSymbolicLinks: !1,
    onlyFiles: !0
  });
  return sorted(found.filter((f) => !isTempFileName(f))).map((f) => ({
    file: (0, import_node_path4.join)(dir, f),
    ...real === void 0 ? {} : { real: (0, import_node_path4.join)(real, f) }
  }));
}
async function globFiles(fg, pattern, cwd) {
  let found = await fg(pattern, { cwd, dot: !1, ignore: IGNORE, followSymbolicLinks: !1, onlyFiles: !0 });
  return sorted(found.filter((f) => !isTempFileName(f)));
}
function outDirOf(name, cwd) {
  let real = realPathOf((0, import_node_path4.resolve)(cwd, name));
  return { name, real, holds: (path) => path === real || path.startsWith(real.endsWith(import_node_path4.sep) ? real : real + import_node_path4.sep) };
}
function realPathOf(abs) {
  try {
    return import_node_fs3.realpathSync.native(abs);
  } catch {
    let parent = (0, import_node_path4.dirname)(abs);
    return parent === abs ? abs : (0, import_node_path4.join)(realPathOf(parent), (0, import_node_path4.basename)(abs));
  }
}
function dedupe(listed, cwd) {
  let keys = listed.map(({ file, real }) => {
    if (real !== void 0) return real;
    let abs = (0, import_node_path4.resolve)(cwd, file);
    try {
      return import_node_fs3.realpathSync.native(abs);
    } catch {
      return abs;
    }
  }), seen = /* @__PURE__ */ new Set();
  return listed.filter((_, i) => !seen.has(keys[i]) && seen.add(keys[i])).map((l) => l.file);
}
function sorted(paths) {
  return paths.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
}
async function loadFastGlob() {
  return fastGlob ??= (await Promise.resolve().then(() => __toESM(require_out(), 1))).default, fastGlob;
}
var import_node_fs3, import_node_path4, IGNORE, YAML_IN_DIR, fastGlob, init_expand_paths = __esm({
  "src/io/expand-paths.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs"), import_node_path4 = require("node:path");
    init_errors();
    init_io_diagnostic();
    init_temp_file_name();
    IGNORE = ["**/.git/**", "**/node_modules/**"], YAML_IN_DIR = "**/*.{yaml,yml}";
  }
});

// src/io/decode-input.ts
function decodeInput(file, bytes) {
  let wide = wideBomName(bytes);
  if (wide)
    return {
      error: ioDiagnostic(file, `is encoded as ${wide} (it starts with a ${wide} byte order mark); save it as UTF-8`)
    };
  let nul = bytes.indexOf(0);
  if (nul !== -1)
    return {
      error: ioDiagnostic(
        file,
        `contains a NUL byte at byte ${nul}; it looks like a binary file, not YAML`,
        position(bytes, nul)
      )
    };
  try {
    return { text: strict.decode(bytes) };
  } catch {
    let bad = firstInvalidUtf8(bytes), where = bad === -1 ? "" : ` at byte ${bad}`;
    return {
      error: ioDiagnostic(
        file,
        `is not valid UTF-8${where}; save it as UTF-8`,
        bad === -1 ? void 0 : position(bytes, bad)
      )
    };
  }
}
function wideBomName(b) {
  if (b.length >= 4 && b[0] === 255 && b[1] === 254 && b[2] === 0 && b[3] === 0 || b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 254 && b[3] === 255) return "UTF-32";
  if (b.length >= 2 && (b[0] === 255 && b[1] === 254 || b[0] === 254 && b[1] === 255)) return "UTF-16";
}
function firstInvalidUtf8(b) {
  let i = 0;
  for (; i < b.length; ) {
    let c = b[i];
    if (c < 128) {
      i++;
      continue;
    }
    let need, lo = 128, hi = 191;
    if (c >= 194 && c <= 223) need = 1;
    else if (c >= 224 && c <= 239)
      need = 2, c === 224 ? lo = 160 : c === 237 && (hi = 159);
    else if (c >= 240 && c <= 244)
      need = 3, c === 240 ? lo = 144 : c === 244 && (hi = 143);
    else return i;
    for (let k = 1; k <= need; k++) {
      let d = b[i + k];
      if (d === void 0 || d < lo || d > hi) return i;
      lo = 128, hi = 191;
    }
    i += need + 1;
  }
  return -1;
}
function position(b, offset) {
  let line = 1, lineStart = 0;
  for (let i = 0; i < offset; i++)
    b[i] === 10 && (line++, lineStart = i + 1);
  let prefix = lenient.decode(b.subarray(lineStart, offset));
  return lineStart === 0 && prefix.startsWith("\uFEFF") && (prefix = prefix.slice(1)), { line, col: prefix.length + 1 };
}
var strict, lenient, init_decode_input = __esm({
  "src/io/decode-input.ts"() {
    "use strict";
    init_io_diagnostic();
    strict = new TextDecoder("utf-8", { fatal: !0, ignoreBOM: !0 }), lenient = new TextDecoder("utf-8", { ignoreBOM: !0 });
  }
});

// src/io/fingerprint.ts
async function loadFingerprints() {
  createHash ??= (await Promise.resolve().then(() => __toESM(require("node:crypto"), 1))).createHash;
}
function fingerprint(st, bytes) {
  if (!createHash) throw new Error("loadFingerprints() was not awaited before reading with a fingerprint");
  return {
    dev: st.dev,
    ino: st.ino,
    size: st.size,
    mtimeNs: st.mtimeNs,
    sha256: createHash("sha256").update(bytes).digest("hex")
  };
}
function drift(path, expected) {
  if (expected === "absent")
    try {
      return (0, import_node_fs4.lstatSync)(path), "appeared";
    } catch (err) {
      if (errnoCode(err) === "ENOENT") return;
      throw err;
    }
  let fd;
  try {
    fd = (0, import_node_fs4.openSync)(path, import_node_fs4.constants.O_RDONLY | (import_node_fs4.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return "removed";
    throw err;
  }
  try {
    let st = (0, import_node_fs4.fstatSync)(fd, { bigint: !0 });
    if (!st.isFile() || !sameStats(st, expected)) return "changed";
    let bytes = readWhole(fd, st);
    return bytes && fingerprint(st, bytes).sha256 === expected.sha256 ? void 0 : "changed";
  } finally {
    closeQuietly(fd);
  }
}
function readForReplace(path) {
  let fd;
  try {
    fd = (0, import_node_fs4.openSync)(path, import_node_fs4.constants.O_RDONLY | (import_node_fs4.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return errnoCode(err) === "ENOENT" ? "absent" : void 0;
  }
  try {
    let st = (0, import_node_fs4.fstatSync)(fd, { bigint: !0 }), bytes = st.isFile() ? readWhole(fd, st) : void 0;
    return bytes && { bytes, fingerprint: fingerprint(st, bytes) };
  } catch {
    return;
  } finally {
    closeQuietly(fd);
  }
}
function readWhole(fd, st) {
  let bytes = Buffer.allocUnsafe(Number(st.size) + 1), total = 0;
  for (; total < bytes.length; ) {
    let n = (0, import_node_fs4.readSync)(fd, bytes, total, bytes.length - total, null);
    if (n === 0) break;
    total += n;
  }
  return total === Number(st.size) ? bytes.subarray(0, total) : void 0;
}
function closeQuietly(fd) {
  try {
    (0, import_node_fs4.closeSync)(fd);
  } catch {
  }
}
function driftMessage(how) {
  return `${how === "appeared" ? "was created" : how === "removed" ? "was removed" : "changed"} during the run; run again`;
}
var import_node_fs4, createHash, sameStats, DriftError, init_fingerprint = __esm({
  "src/io/fingerprint.ts"() {
    "use strict";
    import_node_fs4 = require("node:fs");
    init_io_diagnostic();
    sameStats = (st, was) => st.dev === was.dev && st.ino === was.ino && st.size === was.size && st.mtimeNs === was.mtimeNs;
    DriftError = class extends Error {
      constructor(how) {
        super(driftMessage(how));
        this.how = how;
      }
      how;
      code = "ECHANGED";
    };
  }
});

// src/io/read-input.ts
var read_input_exports = {};
__export(read_input_exports, {
  DEFAULT_MAX_BYTES: () => DEFAULT_MAX_BYTES,
  STDIN_NAME: () => STDIN_NAME,
  readInput: () => readInput,
  readStdin: () => readStdin
});
function readInput(file, opts) {
  let fail = (message) => ({ error: ioDiagnostic(file, message) }), st;
  try {
    st = (0, import_node_fs5.statSync)(file);
  } catch (err) {
    return fail(describeFsError(err));
  }
  let refusal2 = refuseStats(st, opts.maxBytes);
  if (refusal2) return fail(refusal2);
  let fd, bytes, stats;
  try {
    fd = (0, import_node_fs5.openSync)(file, OPEN_FLAGS);
    let now = opts.fingerprint ? stats = (0, import_node_fs5.fstatSync)(fd, { bigint: !0 }) : (0, import_node_fs5.fstatSync)(fd), again = refuseStats(now, opts.maxBytes);
    if (again) return fail(again);
    bytes = readAtMost(fd, opts.maxBytes + 1, Number(now.size));
  } catch (err) {
    return fail(describeFsError(err));
  } finally {
    if (fd !== void 0)
      try {
        (0, import_node_fs5.closeSync)(fd);
      } catch {
      }
  }
  if (bytes.length > opts.maxBytes) return fail(tooLarge(void 0, opts.maxBytes));
  let read = decodeInput(file, bytes);
  return stats && "text" in read ? { text: read.text, fingerprint: fingerprint(stats, bytes) } : read;
}
async function readStdin(stream, maxBytes = DEFAULT_MAX_BYTES) {
  let chunks = [], total = 0;
  try {
    for await (let chunk of stream) {
      let buf = typeof chunk == "string" ? Buffer.from(chunk, "utf8") : chunk;
      if (total += buf.length, total > maxBytes) return { error: ioDiagnostic(STDIN_NAME, tooLarge(void 0, maxBytes)) };
      chunks.push(buf);
    }
  } catch (err) {
    return { error: ioDiagnostic(STDIN_NAME, describeFsError(err)) };
  }
  return decodeInput(STDIN_NAME, Buffer.concat(chunks, total));
}
function refuseStats(st, maxBytes) {
  if (st.isDirectory()) return "is a directory";
  if (st.isFIFO()) return "is a named pipe (FIFO), not a regular file";
  if (st.isSocket()) return "is a socket, not a regular file";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "is a device, not a regular file";
  if (!st.isFile()) return "is not a regular file";
  if (st.size > maxBytes) return tooLarge(Number(st.size), maxBytes);
}
function tooLarge(size, maxBytes) {
  return `${size === void 0 ? "is larger than" : `is ${size} bytes, over`} the limit of ${maxBytes} bytes; raise it with --max-bytes`;
}
function readAtMost(fd, limit, size) {
  let chunks = [], total = 0, want = size + 1;
  for (; total < limit; ) {
    let buf = Buffer.allocUnsafe(Math.min(want, limit - total)), bytesRead = (0, import_node_fs5.readSync)(fd, buf, 0, buf.length, null);
    if (bytesRead === 0) break;
    chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead)), total += bytesRead, want = CHUNK;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
var import_node_fs5, DEFAULT_MAX_BYTES, STDIN_NAME, CHUNK, OPEN_FLAGS, init_read_input = __esm({
  "src/io/read-input.ts"() {
    "use strict";
    import_node_fs5 = require("node:fs");
    init_decode_input();
    init_fingerprint();
    init_io_diagnostic();
    DEFAULT_MAX_BYTES = 8 * 1024 * 1024, STDIN_NAME = "<stdin>", CHUNK = 64 * 1024, OPEN_FLAGS = import_node_fs5.constants.O_RDONLY | (import_node_fs5.constants.O_NONBLOCK ?? 0);
  }
});

// src/io/resolve-write-target.ts
function resolveWriteTarget(file) {
  let path = (0, import_node_path5.resolve)(file);
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    try {
      return import_node_fs6.realpathSync.native(path);
    } catch (err) {
      if (errnoCode(err) !== "ENOENT") throw err;
    }
    let link;
    try {
      link = (0, import_node_fs6.readlinkSync)(path);
    } catch (err) {
      let code = errnoCode(err);
      if (code === "ENOENT" || code === "EINVAL") return (0, import_node_path5.join)(import_node_fs6.realpathSync.native((0, import_node_path5.dirname)(path)), (0, import_node_path5.basename)(path));
      throw err;
    }
    path = (0, import_node_path5.resolve)((0, import_node_path5.dirname)(path), link);
  }
  throw Object.assign(new Error(`too many levels of symbolic links: ${file}`), { code: "ELOOP" });
}
var import_node_fs6, import_node_path5, MAX_LINK_HOPS, init_resolve_write_target = __esm({
  "src/io/resolve-write-target.ts"() {
    "use strict";
    import_node_fs6 = require("node:fs"), import_node_path5 = require("node:path");
    init_io_diagnostic();
    MAX_LINK_HOPS = 40;
  }
});

// src/io/atomic-write.ts
async function writeFileAtomic(file, text, opts = {}) {
  await (await stageFileAtomic(file, text, opts)).commit();
}
async function stageFileAtomic(file, text, opts = {}) {
  let tmp, fd, target;
  try {
    let where = writeTarget(file);
    target = where.target;
    let old = where.old;
    if (old?.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (old && !old.isFile()) throw new Error("is not a regular file");
    old && assertWritable(target, old);
    let mode = opts.mode ?? (old ? old.mode & 4095 : void 0), name = (0, import_node_path6.join)((0, import_node_path6.dirname)(target), tempFileName((0, import_node_path6.basename)(target)));
    if (opts.gate && !opts.gate.enter()) throw new StagingStopped();
    try {
      fd = (0, import_node_fs7.openSync)(name, "wx", mode ?? 438);
    } finally {
      opts.gate?.leave();
    }
    tmp = name, tempFileCreated(name), mode !== void 0 && (0, import_node_fs7.fchmodSync)(fd, mode), old && keepOwner(fd, old);
    let hook = writeFaults.beforeWrite?.(tmp, target);
    hook && await hook, (0, import_node_fs7.writeFileSync)(fd, text, "utf8"), await fsyncInPool(fd);
    let closing = fd;
    fd = void 0, (0, import_node_fs7.closeSync)(closing);
  } catch (err) {
    throw fd !== void 0 && quietly(() => (0, import_node_fs7.closeSync)(fd)), tmp !== void 0 && removeTemp(tmp), err instanceof StagingStopped ? err : new Error(`cannot write ${file}: ${describeFsError(err)}`, { cause: err });
  }
  return adoptStagedWrite(file, tmp, target, opts.expect);
}
function adoptStagedWrite(file, temp, dest, expect) {
  tempFileCreated(temp);
  let done = !1, drifted = () => expect === void 0 ? void 0 : drift(dest, expect);
  return {
    file,
    target: dest,
    temp,
    drift: drifted,
    async commit({ syncDir: sync = !0 } = {}) {
      if (done) throw new Error(`cannot write ${file}: already committed or aborted`);
      done = !0;
      try {
        let hook = writeFaults.beforeRename?.(temp, dest);
        hook && await hook;
        let how = drifted();
        if (how !== void 0) throw new DriftError(how);
        (0, import_node_fs7.renameSync)(temp, dest), tempFileGone(temp);
      } catch (err) {
        throw removeTemp(temp), new Error(`cannot write ${file}: ${describeFsError(err)}`, { cause: err });
      }
      if (sync)
        try {
          await syncDir((0, import_node_path6.dirname)(dest));
        } catch (err) {
          throw new Error(`cannot write ${file}: ${describeFsError(err)}`, { cause: err });
        }
    },
    async abort() {
      done || (done = !0, removeTemp(temp));
    }
  };
}
function removeTemp(path) {
  quietly(() => (0, import_node_fs7.unlinkSync)(path)), tempFileGone(path);
}
function quietly(call) {
  try {
    call();
  } catch {
  }
}
async function syncDirectory(dir) {
  await syncDir(dir);
}
async function cleanStaleTempFiles(dir) {
  let names;
  try {
    names = (await import_node_fs7.promises.readdir(dir, { withFileTypes: !0 })).filter((e) => e.isFile()).map((e) => e.name);
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return 0;
    throw err;
  }
  let removed = 0;
  for (let name of names) {
    if (!isTempFileName(name)) continue;
    let pid = tempFilePid(name);
    if (!(pid === void 0 || isRunning(pid)))
      try {
        await import_node_fs7.promises.unlink((0, import_node_path6.join)(dir, name)), removed++;
      } catch (err) {
        if (errnoCode(err) !== "ENOENT") throw err;
      }
  }
  return removed;
}
function isRunning(pid) {
  if (pid === process.pid) return !0;
  try {
    return process.kill(pid, 0), !0;
  } catch (err) {
    return errnoCode(err) !== "ESRCH";
  }
}
function assertWritable(target, old) {
  if ((old.mode & 146) === 0)
    throw Object.assign(
      new Error(`is read-only (mode 0${(old.mode & 511).toString(8)}); make it writable (chmod u+w) to migrate it`),
      { code: "EREADONLY" }
    );
  ids().uid !== 0 && (0, import_node_fs7.accessSync)(target, import_node_fs7.constants.W_OK);
}
function writeTarget(file) {
  let abs = (0, import_node_path6.resolve)(file), st;
  try {
    st = (0, import_node_fs7.lstatSync)(abs);
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return { target: abs, old: void 0 };
    throw err;
  }
  if (!st.isSymbolicLink()) return { target: abs, old: st };
  let target = resolveWriteTarget(abs);
  return { target, old: statIfExistsSync(target) };
}
function statIfExistsSync(path) {
  try {
    return (0, import_node_fs7.statSync)(path);
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return;
    throw err;
  }
}
function keepOwner(fd, old) {
  let { uid, gid } = ids();
  uid === old.uid && gid === old.gid || quietly(() => (0, import_node_fs7.fchownSync)(fd, old.uid, old.gid));
}
async function syncDir(dir) {
  let fh;
  try {
    fh = await import_node_fs7.promises.open(dir, "r"), await fh.sync();
  } catch (err) {
    if (!DIR_SYNC_IGNORED.has(errnoCode(err) ?? "")) throw err;
  } finally {
    await fh?.close().catch(() => {
    });
  }
}
var import_node_fs7, import_node_path6, DIR_SYNC_IGNORED, writeFaults, StagingStopped, handOverStagedWrite, fsyncInPool, processIds, ids, init_atomic_write = __esm({
  "src/io/atomic-write.ts"() {
    "use strict";
    import_node_fs7 = require("node:fs"), import_node_path6 = require("node:path");
    init_fingerprint();
    init_io_diagnostic();
    init_live_temp_files();
    init_resolve_write_target();
    init_temp_file_name();
    init_temp_file_name();
    DIR_SYNC_IGNORED = /* @__PURE__ */ new Set(["EINVAL", "EISDIR", "EPERM", "EACCES", "ENOTSUP", "EBADF"]);
    writeFaults = {};
    StagingStopped = class extends Error {
      constructor() {
        super("staging stopped");
      }
    };
    handOverStagedWrite = (staged) => tempFileGone(staged.temp);
    fsyncInPool = (fd) => new Promise((done, fail) => (0, import_node_fs7.fsync)(fd, (err) => err ? fail(err) : done()));
    ids = () => processIds ??= { uid: process.getuid?.(), gid: process.getgid?.() };
  }
});

// src/io/staging.ts
function sharedGate(buffer) {
  let slots = new Int32Array(buffer);
  return {
    enter() {
      return Atomics.add(slots, BUSY, 1), Atomics.load(slots, CLOSED) === 0 ? !0 : (this.leave(), !1);
    },
    leave() {
      Atomics.sub(slots, BUSY, 1) === 1 && Atomics.notify(slots, BUSY);
    },
    close() {
      Atomics.store(slots, CLOSED, 1);
    },
    /** Closes the gate and waits (at most `ms`) until no creation is under way. */
    settle(ms) {
      Atomics.store(slots, CLOSED, 1);
      let until = Date.now() + ms;
      for (let busy = Atomics.load(slots, BUSY); busy !== 0; busy = Atomics.load(slots, BUSY)) {
        let left = until - Date.now();
        if (left <= 0) return;
        Atomics.wait(slots, BUSY, busy, left);
      }
    }
  };
}
function createdChain(top, leaf) {
  let chain = [];
  for (let dir = leaf; dir.length >= top.length && (chain.unshift(dir), !(dir === top || (0, import_node_path7.dirname)(dir) === dir)); dir = (0, import_node_path7.dirname)(dir))
    ;
  return chain;
}
var import_node_fs8, import_node_path7, CLOSED, BUSY, Staging, WRITE_CONCURRENCY, init_staging = __esm({
  "src/io/staging.ts"() {
    "use strict";
    import_node_fs8 = require("node:fs"), import_node_path7 = require("node:path");
    init_atomic_write();
    CLOSED = 0, BUSY = 1;
    Staging = class {
      constructor(keepGoing, mkdirs) {
        this.keepGoing = keepGoing;
        this.mkdirs = mkdirs;
      }
      keepGoing;
      mkdirs;
      /** Every job, in the order they came. */
      jobs = [];
      /** The folders --out-dir created for its temp files, removed again if the write is called off. */
      madeDirs = [];
      /** Shared with the threads that stage jobs of this batch: see `sharedGate`. */
      gate = new SharedArrayBuffer(8);
      /** Jobs that are staged or failed. */
      settled = 0;
      onSettled;
      queue = [];
      active = 0;
      stopped = !1;
      failed = !1;
      waiters = [];
      /** Something else failed (a plan): without --keep-going nothing will be written, so no new temp file is started. */
      refuse() {
        this.keepGoing || this.stop();
      }
      /** Stages `job.text` to `job.dest`. */
      add(job) {
        this.jobs.push(job), this.queue.push(job), this.pump();
      }
      /** A job another thread staged (`job.staged`, now this thread's), failed to stage (`job.error`) or skipped. */
      adopt(job) {
        this.jobs.push(job), job.error !== void 0 && this.fail(), this.settled++, this.onSettled?.();
      }
      /** Resolves once no stage is running and none is waiting to start (all done, or stopped). */
      async idle() {
        for (; this.active > 0 || this.queue.length > 0 && this.open(); )
          await new Promise((resolve7) => this.waiters.push(resolve7));
      }
      /** Stops staging, waits for the stages running, and removes every temp file not renamed into place. */
      async discard() {
        this.stop(), await this.idle();
        for (let job of this.jobs) await job.staged?.abort();
      }
      stop() {
        this.stopped = !0, sharedGate(this.gate).close();
      }
      fail() {
        this.failed = !0, this.keepGoing || sharedGate(this.gate).close();
      }
      open() {
        return !this.stopped && (!this.failed || this.keepGoing);
      }
      pump() {
        for (; this.active < WRITE_CONCURRENCY && this.queue.length > 0 && this.open(); ) {
          let job = this.queue.shift();
          this.active++, this.stage(job).then(() => {
            if (this.active--, this.settled++, this.onSettled?.(), this.pump(), this.active === 0) for (let wake of this.waiters.splice(0)) wake();
          });
        }
      }
      async stage(job) {
        let text = job.text ?? "";
        job.text = void 0;
        try {
          if (this.mkdirs) {
            let made = await import_node_fs8.promises.mkdir((0, import_node_path7.dirname)(job.dest), { recursive: !0 });
            made !== void 0 && this.madeDirs.push(...createdChain(made, (0, import_node_path7.dirname)(job.dest)));
          }
          job.staged = await stageFileAtomic(job.dest, text, {
            ...job.mode === void 0 ? {} : { mode: job.mode },
            ...job.expect === void 0 ? {} : { expect: job.expect }
          });
        } catch (err) {
          job.error = err, this.fail();
        }
      }
    }, WRITE_CONCURRENCY = 8;
  }
});

// src/io/index.ts
var io_exports = {};
__export(io_exports, {
  DEFAULT_MAX_BYTES: () => DEFAULT_MAX_BYTES,
  DriftError: () => DriftError,
  STDIN_NAME: () => STDIN_NAME,
  Staging: () => Staging,
  StagingStopped: () => StagingStopped,
  adoptStagedWrite: () => adoptStagedWrite,
  cleanStaleTempFiles: () => cleanStaleTempFiles,
  decodeInput: () => decodeInput,
  describeFsError: () => describeFsError,
  errnoCode: () => errnoCode,
  expandPaths: () => expandPaths,
  firstInvalidUtf8: () => firstInvalidUtf8,
  handOverStagedWrite: () => handOverStagedWrite,
  ioDiagnostic: () => ioDiagnostic,
  isTempFileName: () => isTempFileName,
  loadFingerprints: () => loadFingerprints,
  readForReplace: () => readForReplace,
  readInput: () => readInput,
  readStdin: () => readStdin,
  removeLiveTempFiles: () => removeLiveTempFiles,
  removeOwnTempFiles: () => removeOwnTempFiles,
  resolveWriteTarget: () => resolveWriteTarget,
  sharedGate: () => sharedGate,
  stageFileAtomic: () => stageFileAtomic,
  syncDirectory: () => syncDirectory,
  tempFilesElsewhere: () => tempFilesElsewhere,
  writeFaults: () => writeFaults,
  writeFileAtomic: () => writeFileAtomic
});
var init_io = __esm({
  "src/io/index.ts"() {
    "use strict";
    init_expand_paths();
    init_read_input();
    init_atomic_write();
    init_staging();
    init_fingerprint();
    init_live_temp_files();
    init_resolve_write_target();
    init_decode_input();
    init_io_diagnostic();
  }
});

// src/yaml/lookup.ts
var lookup_exports = {};
__export(lookup_exports, {
  findItem: () => findItem,
  formatPath: () => formatPath,
  lookup: () => lookup,
  pairOf: () => pairOf,
  stringAt: () => stringAt
});
function lookup(node, path) {
  let cur = node;
  for (let seg of path)
    if (typeof seg == "number" ? cur = (0, import_yaml.isSeq)(cur) ? cur.items[seg] : void 0 : cur = (0, import_yaml.isMap)(cur) ? cur.get(seg, !0) : void 0, cur == null) return;
  return cur;
}
function pairOf(mapNode, key) {
  return (0, import_yaml.isMap)(mapNode) ? mapNode.items.find((p) => (0, import_yaml.isScalar)(p.key) && p.key.value === key) : void 0;
}
function stringAt(mapNode, key) {
  let v = (0, import_yaml.isMap)(mapNode) ? mapNode.get(key, !0) : void 0;
  return (0, import_yaml.isScalar)(v) && typeof v.value == "string" ? v.value : void 0;
}
function findItem(seq2, field, value) {
  if (!(0, import_yaml.isSeq)(seq2)) return;
  let index = seq2.items.findIndex((item) => stringAt(item, field) === value);
  return index < 0 ? void 0 : { index, node: seq2.items[index] };
}
function formatPath(parts) {
  let out = "";
  for (let p of parts)
    typeof p == "number" ? out += `[${p}]` : typeof p == "object" ? out += `[name=${p.name}]` : out += (out ? "." : "") + (/^[\w-]+$/.test(p) ? p : `"${p}"`);
  return out;
}
var import_yaml, init_lookup = __esm({
  "src/yaml/lookup.ts"() {
    "use strict";
    import_yaml = __toESM(require_dist(), 1);
  }
});

// src/resources/image.ts
var image_exports = {};
__export(image_exports, {
  classifyTag: () => classifyTag,
  delegate3Version: () => delegate3Version,
  isDelegateImage: () => isDelegateImage,
  isUpgraderImage: () => isUpgraderImage,
  parseImage: () => parseImage
});
function parseImage(ref) {
  let [nameTag, digest] = ref.split("@", 2), slash = nameTag.lastIndexOf("/"), colon = nameTag.lastIndexOf(":"), info = colon > slash ? { repository: nameTag.slice(0, colon), tag: nameTag.slice(colon + 1) } : { repository: nameTag };
  return digest && (info.digest = digest), info;
}
function delegate3Version(ref) {
  let { tag } = parseImage(ref), m = tag === void 0 ? null : /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/.exec(tag);
  if (!m || /^\d{2}\.\d{2}\.\d{5}$/.test(`${m[1]}.${m[2]}.${m[3]}`)) return;
  let core = [Number(m[1]), Number(m[2]), Number(m[3])];
  return m[4] === void 0 ? { core } : { core, pre: m[4] };
}
function classifyTag(ref) {
  let { tag } = parseImage(ref);
  if (tag === void 0) return "unverifiable";
  let m = CLASSIC_TAG.exec(tag);
  return m ? Number(m[1]) * 100 + Number(m[2]) < 2207 ? "early-immutable" : "immutable" : /^\d{5}(\.minimal)?$/.test(tag) ? "early-immutable" : tag === "latest" ? "legacy" : delegate3Version(ref) ? "delegate3" : "unverifiable";
}
var lastSegment, isDelegateImage, isUpgraderImage, CLASSIC_TAG, init_image = __esm({
  "src/resources/image.ts"() {
    "use strict";
    lastSegment = (repo) => repo.slice(repo.lastIndexOf("/") + 1), isDelegateImage = (ref) => /^delegate(-immutable)?$/.test(lastSegment(parseImage(ref).repository)), isUpgraderImage = (ref) => lastSegment(parseImage(ref).repository) === "upgrader", CLASSIC_TAG = /^(\d{2})\.(\d{2})\.\d{5}(\.minimal)?$/;
  }
});

// src/resources/wanted-state.ts
var wanted_state_exports = {};
__export(wanted_state_exports, {
  CERT_FILE: () => CERT_FILE,
  CLASSIC_ENV: () => CLASSIC_ENV,
  DEFAULT_MOUNT_PATH: () => DEFAULT_MOUNT_PATH,
  DEFAULT_SECRET_NAME: () => DEFAULT_SECRET_NAME,
  DELEGATE3_ENV: () => DELEGATE3_ENV,
  DELEGATE3_MANAGER_ENV: () => DELEGATE3_MANAGER_ENV,
  DELEGATE3_MIN_VERSION: () => DELEGATE3_MIN_VERSION,
  DELEGATE_SIGNS: () => DELEGATE_SIGNS,
  KEY_FILE: () => KEY_FILE,
  MANAGED_ENV: () => MANAGED_ENV,
  MANAGER_ENV: () => MANAGER_ENV,
  OWNED_ENV: () => OWNED_ENV,
  SECRET_MODE: () => SECRET_MODE,
  UPGRADER_CERT_FIELDS: () => UPGRADER_CERT_FIELDS,
  UPGRADER_HOST_KEY: () => UPGRADER_HOST_KEY,
  VOLUME_NAME: () => VOLUME_NAME,
  WATCHER_ENV: () => WATCHER_ENV,
  certEnvNames: () => certEnvNames,
  certEnvNamesFor: () => certEnvNamesFor,
  endpointEnv: () => endpointEnv,
  endpointEnvFor: () => endpointEnvFor,
  envRoleOf: () => envRoleOf,
  envValue: () => envValue,
  fileOf: () => fileOf,
  managedEnvFor: () => managedEnvFor,
  managerEnvNames: () => managerEnvNames,
  ownedEnvFor: () => ownedEnvFor,
  secretMode: () => secretMode,
  wantedEnvFor: () => wantedEnvFor
});
function envValue(spec, endpoint, mountPath) {
  switch (spec.role) {
    case "endpoint":
      return `${endpoint}${spec.endpointPath ?? ""}`;
    case "certificate":
    case "key":
      return `${mountPath}/${fileOf(spec.role)}`;
    case "flag":
      return spec.value;
  }
}
function certEnvNamesFor(kind, role) {
  return withOld(TABLES[kind].find((s) => s.role === role));
}
function envRoleOf(name, kind = "classic") {
  return TABLES[kind].find((s) => s.name === name || s.oldName === name)?.role;
}
function endpointEnvFor(kind, url) {
  return TABLES[kind].filter((s) => s.role === "endpoint").map((s) => [s.name, envValue(s, url, "")]);
}
var CERT_FILE, KEY_FILE, VOLUME_NAME, DEFAULT_SECRET_NAME, DEFAULT_MOUNT_PATH, SECRET_MODE, secretMode, MANAGER_ENV, WATCHER_ENV, CLASSIC_ENV, DELEGATE3_MANAGER_ENV, DELEGATE3_ENV, DELEGATE3_MIN_VERSION, DELEGATE_SIGNS, TABLES, wantedEnvFor, UPGRADER_HOST_KEY, UPGRADER_CERT_FIELDS, fileOf, withOld, managedEnvFor, ownedEnvFor, managerEnvNames, MANAGED_ENV, OWNED_ENV, certEnvNames, endpointEnv, init_wanted_state = __esm({
  "src/resources/wanted-state.ts"() {
    "use strict";
    CERT_FILE = "client.crt", KEY_FILE = "client.key", VOLUME_NAME = "client-certificate", DEFAULT_SECRET_NAME = "client-certificate", DEFAULT_MOUNT_PATH = "/etc/mtls", SECRET_MODE = { root: 256, nonRoot: 288 }, secretMode = (nonRoot) => nonRoot ? SECRET_MODE.nonRoot : SECRET_MODE.root, MANAGER_ENV = "MANAGER_HOST_AND_PORT", WATCHER_ENV = ["WATCHER_STORAGE_URL", "WATCHER_CHECK_LOCATION", "DELEGATE_STORAGE_URL"], CLASSIC_ENV = [
      {
        name: MANAGER_ENV,
        role: "endpoint",
        endpointPath: "",
        add: "always",
        setByChart: !0,
        reason: "the mTLS endpoint"
      },
      {
        name: "LOG_STREAMING_SERVICE_URL",
        role: "endpoint",
        endpointPath: "/log-service/",
        add: "never",
        setByChart: !0,
        reason: "log streaming through the mTLS endpoint"
      },
      {
        name: "TI_SERVICE_URL",
        role: "endpoint",
        endpointPath: "/ti-service/",
        add: "with-ti-service",
        setByChart: !1,
        reason: "test intelligence through the mTLS endpoint"
      },
      {
        name: "DELEGATE_CLIENT_CERTIFICATE_PATH",
        role: "certificate",
        add: "always",
        oldName: "CLIENT_CERTIFICATE_PATH",
        setByChart: !0,
        reason: "where the delegate reads its client certificate"
      },
      {
        name: "DELEGATE_CLIENT_CERTIFICATE_KEY_PATH",
        role: "key",
        add: "always",
        oldName: "CLIENT_CERTIFICATE_KEY_PATH",
        setByChart: !0,
        reason: "where the delegate reads its client key"
      },
      {
        name: "GRPC_AUTHORITY_MODIFICATION_DISABLED",
        role: "flag",
        value: "true",
        add: "with-grpc-authority",
        setByChart: !1,
        reason: "the delegate gateway routes gRPC on the original authority"
      }
    ], DELEGATE3_MANAGER_ENV = "HARNESS_MANAGER_HOST_AND_PORT", DELEGATE3_ENV = [
      {
        name: MANAGER_ENV,
        role: "endpoint",
        endpointPath: "",
        add: "never",
        setByChart: !1,
        reason: "the mTLS endpoint"
      },
      {
        name: DELEGATE3_MANAGER_ENV,
        role: "endpoint",
        endpointPath: "",
        add: "always",
        unlessPresent: MANAGER_ENV,
        setByChart: !1,
        reason: "the mTLS endpoint"
      },
      {
        name: "LOG_STREAMING_SERVICE_URL",
        role: "endpoint",
        endpointPath: "/log-service/",
        add: "never",
        setByChart: !1,
        reason: "log streaming through the mTLS endpoint"
      },
      {
        name: "TI_SERVICE_URL",
        role: "endpoint",
        endpointPath: "/ti-service/",
        add: "never",
        setByChart: !1,
        reason: "test intelligence through the mTLS endpoint"
      },
      {
        name: "HARNESS_CLIENT_CERT_FILE",
        role: "certificate",
        add: "always",
        setByChart: !1,
        reason: "where Delegate 3.x reads its client certificate"
      },
      {
        name: "HARNESS_CLIENT_KEY_FILE",
        role: "key",
        add: "always",
        setByChart: !1,
        reason: "where Delegate 3.x reads its client key"
      }
    ], DELEGATE3_MIN_VERSION = "1.40.2", DELEGATE_SIGNS = {
      classic: { env: ["ACCOUNT_ID", "DELEGATE_NAME", "DELEGATE_TYPE"], probePort: 3460 },
      delegate3: { env: ["HARNESS_ACCOUNT_ID", "HARNESS_DELEGATE_NAME", DELEGATE3_MANAGER_ENV], probePort: 3e3 }
    }, TABLES = { classic: CLASSIC_ENV, delegate3: DELEGATE3_ENV }, wantedEnvFor = (kind) => TABLES[kind], UPGRADER_HOST_KEY = "managerHost", UPGRADER_CERT_FIELDS = [
      { key: "clientCertificateFilePath", role: "certificate" },
      { key: "clientCertificateKeyFilePath", role: "key" }
    ], fileOf = (role) => role === "certificate" ? CERT_FILE : KEY_FILE;
    withOld = (s) => s.oldName ? [s.name, s.oldName] : [s.name], managedEnvFor = (kind) => new Set(TABLES[kind].flatMap(withOld)), ownedEnvFor = (kind) => TABLES[kind].filter((s) => s.role !== "endpoint").flatMap(withOld);
    managerEnvNames = (kind) => TABLES[kind].filter((s) => s.role === "endpoint" && s.endpointPath === "").sort((a, b) => +(b.add === "always") - +(a.add === "always")).map((s) => s.name), MANAGED_ENV = managedEnvFor("classic"), OWNED_ENV = ownedEnvFor("classic"), certEnvNames = (role) => certEnvNamesFor("classic", role), endpointEnv = (url) => endpointEnvFor("classic", url);
  }
});

// src/resources/delegate-kind.ts
function delegateKindOf(s) {
  let tag = classifyTag(s.image), d3 = signsOf("delegate3", s), classic = signsOf("classic", s);
  if (tag === "delegate3") {
    let version = delegate3Version(s.image), verdict = { kind: "delegate3" };
    return versionAtLeastMin(version) || (verdict.tooOld = parseImage(s.image).tag), classic.env.length > 0 && d3.env.length === 0 && (verdict.disagreement = `image "${s.image}" is Delegate 3.x, but env ${classic.env.join(", ")} belong to the classic delegate: migrated as Delegate 3.x (the image tag decides)`), verdict;
  }
  return tag === "immutable" || tag === "early-immutable" ? d3.env.length > 0 && classic.env.length === 0 ? {
    kind: "classic",
    disagreement: `image "${s.image}" is a classic delegate, but env ${d3.env.join(", ")} belong to Delegate 3.x: migrated as a classic delegate (the image tag decides)`
  } : { kind: "classic" } : d3.env.length > 0 && classic.env.length === 0 ? { kind: "delegate3" } : classic.env.length > 0 && d3.env.length === 0 ? { kind: "classic" } : d3.probe && !classic.probe ? { kind: "delegate3" } : { kind: "classic" };
}
function versionAtLeastMin(v) {
  let want = DELEGATE3_MIN_VERSION.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (v.core[i] !== want[i]) return v.core[i] > want[i];
  return v.pre === void 0;
}
function legacyReason(image, env, kind) {
  if (image !== void 0 && kind === "classic" && classifyTag(image) === "legacy")
    return { reason: `image "${image}" is a legacy delegate image`, by: "image" };
  let watcher = env.find((n) => WATCHER_ENV.includes(n));
  if (watcher) return { reason: `env ${watcher} belongs to a legacy (watcher) delegate`, by: "env" };
}
function imageDoubt(image, kind) {
  let tag = classifyTag(image);
  if (kind === "delegate3")
    return tag === "delegate3" ? void 0 : `cannot tell from image "${image}" which Delegate 3.x version this is; mTLS needs ${DELEGATE3_MIN_VERSION} or later`;
  if (tag === "unverifiable")
    return `cannot tell from image "${image}" whether this is an immutable delegate (yy.mm.xxxxx); mTLS needs one`;
  if (tag === "early-immutable")
    return `image "${image}" is an early immutable build that may predate mTLS support (22.07); upgrade the delegate`;
}
var delegate3UpgradeAdvice, signsOf, init_delegate_kind = __esm({
  "src/resources/delegate-kind.ts"() {
    "use strict";
    init_image();
    init_wanted_state();
    delegate3UpgradeAdvice = `mTLS exists from Delegate 3.x ${DELEGATE3_MIN_VERSION}: upgrade the image to ${DELEGATE3_MIN_VERSION} or later first`, signsOf = (kind, s) => ({
      env: s.env.filter((n) => DELEGATE_SIGNS[kind].env.includes(n)),
      probe: s.probePorts.includes(DELEGATE_SIGNS[kind].probePort)
    });
  }
});

// src/resources/compose.ts
var compose_exports = {};
__export(compose_exports, {
  COMPOSE_KIND: () => COMPOSE_KIND,
  composeDelegateName: () => composeDelegateName,
  composeEnv: () => composeEnv,
  recogniseCompose: () => recogniseCompose
});
function composeEnv(service) {
  let env = service.get("environment", !0);
  if ((0, import_yaml2.isSeq)(env)) {
    let entries = [];
    return env.items.forEach((item, index) => {
      if (!(0, import_yaml2.isScalar)(item) || item.value === null || item.value === void 0) return;
      let text = String(item.value), eq = text.indexOf("=");
      entries.push({
        name: eq < 0 ? text : text.slice(0, eq),
        value: eq < 0 ? void 0 : text.slice(eq + 1),
        index,
        node: item
      });
    }), { form: "list", entries };
  }
  if ((0, import_yaml2.isMap)(env)) {
    let entries = [];
    for (let pair of env.items) {
      if (!(0, import_yaml2.isScalar)(pair.key)) continue;
      let v = pair.value, value = (0, import_yaml2.isScalar)(v) && v.value !== null && v.value !== void 0 ? String(v.value) : void 0;
      entries.push({ name: String(pair.key.value), value, node: v ?? pair.key, keyNode: pair.key });
    }
    return { form: "map", entries };
  }
  return { form: "none", entries: [] };
}
function isDelegateService(service) {
  if (isUpgraderService(service)) return !1;
  if (isDelegateImage(stringAt(service, "image") ?? "")) return !0;
  let names = envNames(service);
  return names.includes(MANAGER_ENV) && names.some((n) => n === "DELEGATE_NAME" || n === "DELEGATE_TOKEN" || n === "ACCOUNT_ID") || names.includes(DELEGATE3_MANAGER_ENV) && names.some((n) => n !== DELEGATE3_MANAGER_ENV && DELEGATE_SIGNS.delegate3.env.includes(n));
}
function recogniseCompose(doc, index) {
  let root = doc.contents;
  if (!(0, import_yaml2.isMap)(root) || root.has("kind")) return;
  let services = root.get("services", !0);
  if (!(0, import_yaml2.isMap)(services)) return;
  let delegates = [], upgraders = [];
  for (let pair of services.items) {
    if (!(0, import_yaml2.isScalar)(pair.key) || !(0, import_yaml2.isMap)(pair.value)) continue;
    let entry = { service: String(pair.key.value), node: pair.value };
    isDelegateService(pair.value) ? delegates.push(entry) : isUpgraderService(pair.value) && upgraders.push(entry);
  }
  if (delegates.length === 0 && upgraders.length === 0) return;
  let ref = { document: index, kind: COMPOSE_KIND }, first = delegates[0];
  first && (ref.name = composeDelegateName(first));
  for (let d of delegates) {
    let image = stringAt(d.node, "image") ?? "", verdict = delegateKindOf({ image, env: envNames(d.node), probePorts: [] });
    if (d.delegateKind = verdict.kind, verdict.disagreement && (d.kindDisagreement = `service ${d.service}: ${verdict.disagreement}`), verdict.tooOld !== void 0)
      return {
        type: "legacy",
        ref,
        doc,
        reason: `service ${d.service}: image "${image}" is Delegate 3.x ${verdict.tooOld}`,
        at: d.node.get("image", !0),
        image,
        code: "DELEGATE3_VERSION",
        delegateKind: "delegate3",
        advice: delegate3UpgradeAdvice
      };
    let why = legacyReason(image, envNames(d.node), verdict.kind);
    if (why)
      return {
        type: "legacy",
        ref,
        doc,
        reason: `service ${d.service}: ${why.reason}`,
        at: d.node.get(why.by === "image" ? "image" : "environment", !0),
        ...why.by === "image" ? { image } : {}
      };
  }
  return { type: "compose", ref, doc, delegates, upgraders };
}
function composeDelegateName(s) {
  return composeEnv(s.node).entries.find((e) => e.name === "DELEGATE_NAME")?.value || s.service;
}
var import_yaml2, COMPOSE_KIND, envNames, isUpgraderService, init_compose = __esm({
  "src/resources/compose.ts"() {
    "use strict";
    import_yaml2 = __toESM(require_dist(), 1);
    init_lookup();
    init_image();
    init_wanted_state();
    init_delegate_kind();
    COMPOSE_KIND = "DockerCompose";
    envNames = (service) => composeEnv(service).entries.map((e) => e.name), isUpgraderService = (service) => isUpgraderImage(stringAt(service, "image") ?? "") || envNames(service).includes("UPGRADER_WORKLOAD_NAME");
  }
});

// src/yaml/fragment.ts
function renderBlockMap(frag, col, layout) {
  let lines = [];
  for (let [key, value] of frag.map)
    "scalar" in value ? lines.push(`${pad(col)}${key}: ${value.scalar}${value.comment ? ` # ${value.comment}` : ""}`) : "map" in value ? lines.push(`${pad(col)}${key}:`, ...renderBlockMap(value, col + layout.unit, layout)) : lines.push(`${pad(col)}${key}:`, ...renderBlockSeq(value, layout.compactSeq ? col : col + layout.unit, layout));
  return lines;
}
function renderBlockSeq(frag, dashCol, layout) {
  let lines = [], contentCol = dashCol + 1 + layout.dashGap;
  for (let item of frag.seq) {
    let inner = "scalar" in item ? [`${pad(contentCol)}${item.scalar}`] : "map" in item ? renderBlockMap(item, contentCol, layout) : renderBlockSeq(item, contentCol, layout);
    inner[0] = `${pad(dashCol)}-${pad(layout.dashGap)}${inner[0].slice(contentCol)}`, lines.push(...inner);
  }
  return lines;
}
function renderFlow(frag, padded = !1, json = !1) {
  if ("scalar" in frag) return json ? jsonScalar(frag.scalar) : frag.scalar;
  let [open, close] = "map" in frag ? ["{", "}"] : ["[", "]"], key = (k) => json ? JSON.stringify(k) : k, parts = "map" in frag ? frag.map.map(([k, v]) => `${key(k)}: ${renderFlow(v, padded, json)}`) : frag.seq.map((v) => renderFlow(v, padded, json));
  return parts.length === 0 ? open + close : padded ? `${open} ${parts.join(", ")} ${close}` : `${open}${parts.join(", ")}${close}`;
}
var scalar, map, seq, pad, jsonScalar, init_fragment = __esm({
  "src/yaml/fragment.ts"() {
    "use strict";
    scalar = (text, comment) => comment ? { scalar: text, comment } : { scalar: text }, map = (...pairs) => ({ map: pairs }), seq = (...items) => ({ seq: items }), pad = (n) => " ".repeat(n);
    jsonScalar = (text) => /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|"(?:[^"\\]|\\.)*")$/.test(text) ? text : JSON.stringify(text);
  }
});

// src/yaml/resolve.ts
function goInt(s) {
  if (!GO_INT.test(s)) return;
  let neg = s.startsWith("-"), body2 = s.replace(/^[-+]/, "");
  /^0[0-7]+$/.test(body2) ? body2 = `0o${body2.slice(1)}` : body2 = body2.replace(/^0([XOB])/, (_m, p) => `0${p.toLowerCase()}`);
  let n = neg ? -BigInt(body2) : BigInt(body2);
  return n < INT64_MIN || n > UINT64_MAX ? void 0 : Number(n);
}
function k8sTags(tags) {
  let replaced = new Set(["null", "bool", "int", "float"].map((t) => `tag:yaml.org,2002:${t}`)), kept = [];
  for (let t of tags)
    typeof t == "string" || replaced.has(t.tag) || kept.push(t.tag === "tag:yaml.org,2002:timestamp" ? { ...t, default: !1 } : t);
  return [...K8S_SCALARS, ...kept];
}
var INT, FLOAT, GO_INT, GO_FLOAT, INT64_MIN, UINT64_MAX, numeric, nullTag, boolTag, specialFloat, intTag, floatTag, K8S_SCALARS, init_resolve = __esm({
  "src/yaml/resolve.ts"() {
    "use strict";
    INT = "tag:yaml.org,2002:int", FLOAT = "tag:yaml.org,2002:float", GO_INT = /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/, GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/, INT64_MIN = -(2n ** 63n), UINT64_MAX = 2n ** 64n - 1n;
    numeric = (s) => /^[-+0-9]/.test(s) ? s.replace(/_/g, "") : void 0, nullTag = {
      identify: (v) => v == null,
      default: !0,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|null|Null|NULL)?$/,
      resolve: () => null
    }, boolTag = (value, test) => ({
      identify: (v) => v === value,
      default: !0,
      tag: "tag:yaml.org,2002:bool",
      test,
      resolve: () => value
    }), specialFloat = {
      identify: (v) => typeof v == "number" && !Number.isFinite(v),
      default: !0,
      tag: FLOAT,
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
      resolve: (s) => /nan/i.test(s) ? NaN : s.startsWith("-") ? -1 / 0 : 1 / 0
    }, intTag = {
      identify: (v) => typeof v == "number" && Number.isInteger(v),
      default: !0,
      tag: INT,
      // Says yes exactly when Go parses an integer (a timestamp never does).
      test: { test: (s) => goInt(numeric(s) ?? "") !== void 0 },
      resolve: (s) => goInt(numeric(s))
    }, floatTag = {
      identify: (v) => typeof v == "number",
      default: !0,
      tag: FLOAT,
      test: {
        test: (s) => {
          if (s.startsWith(".")) return GO_FLOAT.test(s);
          let plain2 = numeric(s);
          return plain2 !== void 0 && GO_FLOAT.test(plain2);
        }
      },
      resolve: (s) => Number(s.startsWith(".") ? s : numeric(s))
    }, K8S_SCALARS = [
      nullTag,
      boolTag(!0, /^(?:y|Y|yes|Yes|YES|true|True|TRUE|on|On|ON)$/),
      boolTag(!1, /^(?:n|N|no|No|NO|false|False|FALSE|off|Off|OFF)$/),
      specialFloat,
      intTag,
      floatTag
    ];
  }
});

// src/yaml/source.ts
var source_exports = {};
__export(source_exports, {
  columnOf: () => columnOf,
  lineEndAfter: () => lineEndAfter,
  linePos: () => linePos,
  lineStartOf: () => lineStartOf,
  readSource: () => readSource,
  writeSource: () => writeSource
});
function readSource(raw) {
  let bom = raw.charCodeAt(0) === 65279, text = bom ? raw.slice(1) : raw, nl = text.indexOf(`
`), eol = nl > 0 && text[nl - 1] === "\r" ? `\r
` : `
`;
  return { text, bom, eol };
}
function writeSource(source, text) {
  return source.bom ? "\uFEFF" + text : text;
}
function columnOf(src, offset) {
  return offset - (src.lastIndexOf(`
`, offset - 1) + 1);
}
function lineStartOf(src, offset) {
  return src.lastIndexOf(`
`, offset - 1) + 1;
}
function lineEndAfter(src, offset) {
  let nl = src.indexOf(`
`, offset);
  return nl < 0 ? src.length : nl + 1;
}
function linePos(src, offset) {
  if (lineIndex?.src !== src) {
    let starts2 = [0];
    for (let i = src.indexOf(`
`); i >= 0; i = src.indexOf(`
`, i + 1)) starts2.push(i + 1);
    lineIndex = { src, starts: starts2 };
  }
  let { starts } = lineIndex, lo = 0, hi = starts.length - 1;
  for (; lo < hi; ) {
    let mid = lo + hi + 1 >> 1;
    starts[mid] <= offset ? lo = mid : hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo] + 1 };
}
var lineIndex, init_source = __esm({
  "src/yaml/source.ts"() {
    "use strict";
  }
});

// src/yaml/spans.ts
var spans_exports = {};
__export(spans_exports, {
  documentStarts: () => documentStarts,
  maskDocuments: () => maskDocuments
});
function documentStarts(src) {
  let starts = [], prefixContent = !1;
  for (let at = 0; at < src.length; ) {
    let nl = src.indexOf(`
`, at), end = nl < 0 ? src.length : nl + 1, line = src.slice(at, Math.min(end, at + 4));
    if (MARKER.test(line))
      starts.push(starts.length === 0 && !prefixContent ? 0 : at);
    else {
      if (END_OR_DIRECTIVE.test(line))
        return;
      starts.length === 0 && !prefixContent && !BLANK_OR_COMMENT.test(src.slice(at, end)) && (prefixContent = !0, starts.push(0));
    }
    at = end;
  }
  return starts;
}
function maskDocuments(src, starts, keep) {
  if (starts.length === 0) return src;
  let out = "";
  for (let i = 0; i < starts.length; i++) {
    let text = src.slice(starts[i], starts[i + 1] ?? src.length);
    if (keep(i)) out += text;
    else {
      let head = text.startsWith("---") ? "---" : "~";
      out += head + text.slice(head.length).replace(/[^\r\n]+/g, (run2) => " ".repeat(run2.length));
    }
  }
  return out;
}
var MARKER, END_OR_DIRECTIVE, BLANK_OR_COMMENT, init_spans = __esm({
  "src/yaml/spans.ts"() {
    "use strict";
    MARKER = /^---(?:[ \t\r\n]|$)/, END_OR_DIRECTIVE = /^(?:\.\.\.(?:[ \t\r\n]|$)|%)/, BLANK_OR_COMMENT = /^[ \t]*(?:#[^\n]*)?\r?\n?$/;
  }
});

// src/yaml/parse.ts
var parse_exports = {};
__export(parse_exports, {
  K8S_DECODE: () => K8S_DECODE,
  K8S_PARSE: () => K8S_PARSE,
  MAX_SYNTAX_ERRORS: () => MAX_SYNTAX_ERRORS,
  parseDocumentsAt: () => parseDocumentsAt,
  parseStream: () => parseStream,
  toPlain: () => toPlain,
  yamlDiagnostic: () => yamlDiagnostic
});
function parseStream(src, file, mayMatter2) {
  let starts = mayMatter2 ? documentStarts(src) : void 0, docs = parseDocs(
    starts ? maskDocuments(src, starts, (i) => mayMatter2(src.slice(starts[i], starts[i + 1] ?? src.length))) : src
  );
  starts && docs.length !== starts.length && (docs = parseDocs(src));
  let result = parseErrors(src, file, docs);
  return starts && docs.length === starts.length ? { ...result, starts } : result;
}
function parseDocumentsAt(src, start, end, keepSourceTokens = !0) {
  let parser = new import_yaml3.Parser();
  return parser.offset = start, Array.from(
    new import_yaml3.Composer({ ...K8S_PARSE, keepSourceTokens }).compose(parser.parse(src.slice(start, end)))
  );
}
function parseDocs(src) {
  let parsed = (0, import_yaml3.parseAllDocuments)(src, K8S_PARSE);
  return "empty" in parsed ? [] : parsed;
}
function parseErrors(src, file, docs) {
  let all = docs.flatMap((doc) => doc.errors), overflow = all.find((e) => /call stack/i.test(e.message));
  if (overflow) {
    let { line, col } = linePos(src, overflow.pos[0]);
    return { docs, errors: [{ code: "YAML_SYNTAX", severity: "error", message: "invalid YAML: nested too deeply to read (hundreds of levels of brackets or indentation); a Kubernetes manifest is never this deep", file, line, col }] };
  }
  let action = all.length > 0 ? TEMPLATE_ACTION.exec(src) : null;
  if (action) {
    let { line, col } = linePos(src, action.index + action[1].length);
    return { docs, errors: [{ code: "YAML_SYNTAX", severity: "error", message: "this is a Helm chart template ({{ \u2026 }}), not a manifest: render it first (helm template \u2026 | delegate-mtls \u2026, or use delegate-mtls as a post-renderer), or migrate the chart's values file", file, line, col }] };
  }
  let errors = all.slice(0, MAX_SYNTAX_ERRORS).map((e) => yamlDiagnostic(src, file, e));
  if (all.length > MAX_SYNTAX_ERRORS) {
    let last = errors[errors.length - 1];
    errors.push({
      ...last,
      message: `invalid YAML: ${all.length - MAX_SYNTAX_ERRORS} more errors follow from the ones above`
    });
  }
  return { docs, errors };
}
function yamlDiagnostic(src, file, e, offsetShift = 0) {
  let { line, col } = linePos(src, e.pos[0] + offsetShift);
  return { code: "YAML_SYNTAX", severity: "error", message: `invalid YAML: ${e.message.split(`
`)[0].replace(/ at line \d+, column \d+:?$/, "")}`, file, line, col };
}
function toPlain(doc) {
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    return { error: e.message };
  }
}
var import_yaml3, K8S_DECODE, K8S_PARSE, MAX_SYNTAX_ERRORS, TEMPLATE_ACTION, init_parse = __esm({
  "src/yaml/parse.ts"() {
    "use strict";
    import_yaml3 = __toESM(require_dist(), 1);
    init_resolve();
    init_source();
    init_spans();
    K8S_DECODE = { version: "1.1", customTags: k8sTags }, K8S_PARSE = { ...K8S_DECODE, keepSourceTokens: !0, prettyErrors: !1 }, MAX_SYNTAX_ERRORS = 10;
    TEMPLATE_ACTION = /^([ \t]*(?:-[ \t]+)?(?:[^\s#:][^:#\n]*:[ \t]+)?)\{\{-?[ \t]/m;
  }
});

// src/yaml/scalar.ts
function isSafePlain(s) {
  if (OBVIOUSLY_PLAIN.test(s)) return !0;
  let ok = plainCache.get(s);
  return ok === void 0 && (ok = !1, s !== "" && !/[\n\r\t]|^\s|\s$|^[-?:,[\]{}#&*!|>'"%@`]|: |:$| #/.test(s) && (ok = readsBackPlain(s)), plainCache.set(s, ok)), ok;
}
function formatScalar(value, style = "plain") {
  return typeof value != "string" ? String(value) : style === "plain" && isSafePlain(value) ? value : doubleQuoted(value);
}
function restyleScalar(node, value, indent) {
  switch (node.type) {
    case import_yaml4.Scalar.QUOTE_DOUBLE:
      return doubleQuoted(value);
    case import_yaml4.Scalar.QUOTE_SINGLE:
      return value.includes(`
`) ? doubleQuoted(value) : `'${value.replace(/'/g, "''")}'`;
    case import_yaml4.Scalar.PLAIN:
      return formatScalar(value, "plain");
    default: {
      let token = import_yaml4.CST.createScalarToken(value, { indent, type: node.type, inFlow: !1 });
      return import_yaml4.CST.stringify(token);
    }
  }
}
var import_yaml4, plainCache, READERS, OBVIOUSLY_PLAIN, readsBackPlain, doubleQuoted, init_scalar = __esm({
  "src/yaml/scalar.ts"() {
    "use strict";
    import_yaml4 = __toESM(require_dist(), 1);
    init_parse();
    plainCache = /* @__PURE__ */ new Map(), READERS = [
      K8S_DECODE,
      // Kubernetes: goyaml.v2's resolver (`0o400` is 256, `on` true)
      { version: "1.1" },
      // other YAML 1.1 tools: base-60 `12:30`, timestamps
      { version: "1.2" }
      // YAML 1.2 core (yq, Helm's values tooling): `0o400`, `0x10`
    ], OBVIOUSLY_PLAIN = /^(?![A-Za-z]+$|[eE]-?[0-9]+$)[A-Za-z/][\w/.-]*(?::[\w/.-]+)*$/;
    readsBackPlain = (s) => READERS.every((options) => {
      let doc = (0, import_yaml4.parseDocument)(`k: ${s}
`, options);
      return doc.errors.length === 0 && doc.get("k") === s;
    }), doubleQuoted = (s) => JSON.stringify(s);
  }
});

// src/yaml/splice.ts
var splice_exports = {};
__export(splice_exports, {
  applySplices: () => applySplices,
  insertAt: () => insertAt,
  replaceRange: () => replaceRange
});
function applySplices(src, splices) {
  let nested = (a, b) => a.nest !== void 0 && b.nest !== void 0 && a.start === a.end && b.start === b.end ? b.nest - a.nest : 0, ordered = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || nested(a.s, b.s) || a.i - b.i), parts = [], pos = 0;
  for (let { s } of ordered) {
    if (s.start < pos || s.end < s.start || s.end > src.length)
      throw new InternalError(`overlapping or out-of-range edit at offset ${s.start}`);
    parts.push(src.slice(pos, s.start), s.text), pos = s.end;
  }
  return parts.push(src.slice(pos)), parts.join("");
}
var insertAt, replaceRange, init_splice = __esm({
  "src/yaml/splice.ts"() {
    "use strict";
    init_errors();
    insertAt = (offset, text) => ({ start: offset, end: offset, text }), replaceRange = (start, end, text) => ({ start, end, text });
  }
});

// src/yaml/edit.ts
function endOfBlock(src, node, minCol) {
  let p = range(node)[1];
  for (; p > 0 && /\s/.test(src[p - 1]); ) p--;
  for (p = lineEndAfter(src, p); ; ) {
    let next = lineEndAfter(src, p);
    if (next === p) break;
    let line = src.slice(p, next), m = /^( *)#/.exec(line);
    if (!m || m[1].length < minCol) break;
    p = next;
  }
  return p;
}
function blockInsertion(ctx, at, lines, owner) {
  let body2 = lines.join(ctx.eol), atEofWithoutNewline = at === ctx.src.length && at > 0 && ctx.src[at - 1] !== `
`;
  return { ...insertAt(at, atEofWithoutNewline ? ctx.eol + body2 : body2 + ctx.eol), nest: range(owner)[0] };
}
function seqLayout(ctx, seq2) {
  let dash = seq2.srcToken?.items.findLast((i) => i.value)?.start.find((t) => t.type === "seq-item-ind"), lastNode = seq2.items[seq2.items.length - 1];
  if (!dash || !lastNode) throw new InternalError("block sequence without items");
  let dashCol = columnOf(ctx.src, dash.offset), valueStart = range(lastNode)[0], sameLine = lineStartOf(ctx.src, valueStart) === lineStartOf(ctx.src, dash.offset);
  return { dashCol, dashGap: sameLine ? Math.max(1, valueStart - dash.offset - 1) : 1 };
}
function flowInsertion(ctx, coll, text) {
  let token = coll.srcToken, end = token.end.find((t) => t.type === "flow-seq-end" || t.type === "flow-map-end");
  if (!end) throw new InternalError("unterminated flow collection");
  let padded = ctx.src[token.start.offset + 1] === " ", last = coll.items[coll.items.length - 1];
  if (last === void 0) return insertAt(end.offset, padded ? ` ${text} ` : text);
  let lastNode = (0, import_yaml5.isPair)(last) ? last.value?.range ? last.value : last.key : last, p = range(lastNode)[1], q = p;
  for (; ctx.src[q] === " " || ctx.src[q] === "	"; ) q++;
  return ctx.src[q] === "," ? insertAt(q + 1, ` ${text},`) : insertAt(p, `, ${text}`);
}
function isJsonStyle(ctx, coll) {
  let quoted = (k) => (0, import_yaml5.isScalar)(k) && k.type === "QUOTE_DOUBLE";
  if ((0, import_yaml5.isMap)(coll) && coll.items.length > 0) return coll.items.every((p) => quoted(p.key));
  let firstMap = (0, import_yaml5.isSeq)(coll) ? coll.items.find((i) => (0, import_yaml5.isMap)(i)) : void 0;
  if ((0, import_yaml5.isMap)(firstMap) && firstMap.items.length > 0) return firstMap.items.every((p) => quoted(p.key));
  let start = coll.srcToken.start.offset;
  return /"[ \t]*:[ \t]*$/.test(ctx.src.slice(Math.max(0, start - 200), start));
}
function appendItems(ctx, seq2, items, layout = {}) {
  if (seq2.flow)
    return flowInsertion(
      ctx,
      seq2,
      items.map((i) => renderFlow(i, isPadded(ctx, seq2), isJsonStyle(ctx, seq2))).join(", ")
    );
  let { dashCol, dashGap } = seqLayout(ctx, seq2), lines = renderBlockSeq({ seq: items }, dashCol, { unit: ctx.unit, compactSeq: !0, ...layout, dashGap });
  return blockInsertion(ctx, endOfBlock(ctx.src, seq2.items[seq2.items.length - 1], dashCol), lines, seq2);
}
function addPairs(ctx, mapNode, pairs, layout, after) {
  let frag = { map: pairs };
  if (mapNode.flow) {
    let json = isJsonStyle(ctx, mapNode);
    return flowInsertion(
      ctx,
      mapNode,
      pairs.map(([k, v]) => `${json ? JSON.stringify(k) : k}: ${renderFlow(v, isPadded(ctx, mapNode), json)}`).join(", ")
    );
  }
  let first = mapNode.items[0];
  if (!first) throw new InternalError("empty block mapping");
  let keyCol = columnOf(ctx.src, range(first.key)[0]), anchorPair = after !== void 0 && mapNode.items.find((p) => (0, import_yaml5.isScalar)(p.key) && p.key.value === after) || mapNode.items[mapNode.items.length - 1], anchor = anchorPair.value ?? anchorPair.key, at = anchorPair === mapNode.items[mapNode.items.length - 1] ? endOfBlock(ctx.src, anchor, keyCol) : endOfBlock(ctx.src, anchor, Number.MAX_SAFE_INTEGER);
  return blockInsertion(ctx, at, renderBlockMap(frag, keyCol, layout), mapNode);
}
function fillEmptyValue(ctx, pair, value, layout, inFlow = !1) {
  let key = pair.key;
  if (inFlow) {
    let text = renderFlow(value, !1, (0, import_yaml5.isScalar)(key) && key.type === "QUOTE_DOUBLE"), v = pair.value;
    if (v && (0, import_yaml5.isScalar)(v) && range(v)[1] > range(v)[0]) return [replaceRange(range(v)[0], range(v)[1], text)];
    let colon = ctx.src.indexOf(":", range(key)[1]);
    return [insertAt(colon + 1, ` ${text}`)];
  }
  let keyCol = columnOf(ctx.src, range(key)[0]), lines = "map" in value ? renderBlockMap(value, keyCol + layout.unit, layout) : renderBlockSeq(value, layout.compactSeq ? keyCol : keyCol + layout.unit, layout), splices = [], node = pair.value, [vs, ve] = node && (0, import_yaml5.isScalar)(node) ? range(node) : [range(key)[1], range(key)[1]];
  ve > vs && splices.push(replaceRange(ctx.src[vs - 1] === " " ? vs - 1 : vs, ve, ""));
  let eolAt = ctx.src.indexOf(`
`, ve);
  return eolAt < 0 ? eolAt = ctx.src.length : ctx.src[eolAt - 1] === "\r" && eolAt--, splices.push(insertAt(eolAt, ctx.eol + lines.join(ctx.eol))), splices;
}
function setScalar(ctx, node, value) {
  if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") return setBlockScalar(ctx, node, value);
  let [start, end] = range(node), text = restyleScalar(node, value, columnOf(ctx.src, start));
  return replaceRange(start, end, start === end && ctx.src[start - 1] === ":" ? ` ${text}` : text);
}
function setBlockScalar(ctx, node, value) {
  let [start, end] = range(node), token = node.srcToken, header = token?.props.find((t) => t.type === "block-scalar-header"), newline = token?.props.find((t) => t.type === "newline");
  if (!token || !header || !newline) throw new InternalError("block scalar without a header line");
  let contentStart = newline.offset + newline.source.length, afterHeader = ctx.src.slice(header.offset + header.source.length, contentStart), body2 = value.replace(/\n+$/, ""), trailing = value.length - body2.length, style = header.source[0];
  if (!(!/[1-9]/.test(header.source) && trailing <= 1 && body2 !== "" && !/^[ \t]/.test(body2) && !body2.includes("\r") && (style === "|" || !body2.includes(`
`)))) return replaceRange(header.offset, end, JSON.stringify(value) + afterHeader);
  let lines = ctx.src.slice(contentStart, end).split(`
`), contentLine = lines.find((l) => l.trim() !== ""), indent = contentLine ? /^ */.exec(contentLine)[0].length : token.indent + ctx.unit, keepFrom = contentStart, p = contentStart;
  for (let l of lines)
    l.trim() !== "" && (keepFrom = p + l.replace(/\r$/, "").length), p += l.length + 1;
  let text = body2.split(`
`).map((l) => l === "" ? "" : " ".repeat(indent) + l).join(ctx.eol), tail = contentLine ? ctx.src.slice(keepFrom, end) : ctx.eol + ctx.src.slice(contentStart, end);
  return replaceRange(
    start,
    end,
    ctx.src.slice(start, header.offset) + style + (trailing === 0 ? "-" : "") + afterHeader + text + tail
  );
}
function removeFlowItem(ctx, seq2, index) {
  let src = ctx.src, [start, end] = range(seq2.items[index]), skipBlanks = (p) => {
    for (; src[p] === " " || src[p] === "	"; ) p++;
    return p;
  }, lineStart = lineStartOf(src, start), aloneFrom = /^[ \t]*$/.test(src.slice(lineStart, start)) ? lineStart : void 0, lineEnd = (p) => src[p] === `
` ? p + 1 : src.startsWith(`\r
`, p) ? p + 2 : void 0, after = skipBlanks(end), last = index === seq2.items.length - 1;
  if (src[after] === ",") {
    if (last) return replaceRange(start, after + 1, "");
    let eol = lineEnd(skipBlanks(after + 1));
    return aloneFrom !== void 0 && eol !== void 0 ? replaceRange(aloneFrom, eol, "") : replaceRange(start, skipBlanks(after + 1), "");
  }
  let prev = seq2.items[index - 1];
  if (!prev || !last) return replaceRange(start, end, "");
  let from = range(prev)[1], between = src.slice(from, start).replace(",", "");
  return replaceRange(from, end, between.includes(`
`) ? between : between.trimEnd());
}
function removeItem(ctx, seq2, index) {
  let item = seq2.items[index];
  if (seq2.flow) return removeFlowItem(ctx, seq2, index);
  let dash = seq2.srcToken.items.filter((i) => i.value)[index]?.start.find((t) => t.type === "seq-item-ind"), start = lineStartOf(ctx.src, dash ? dash.offset : range(item)[0]);
  return replaceRange(start, endOfBlock(ctx.src, item, Number.MAX_SAFE_INTEGER), "");
}
var import_yaml5, range, isPadded, init_edit = __esm({
  "src/yaml/edit.ts"() {
    "use strict";
    import_yaml5 = __toESM(require_dist(), 1);
    init_errors();
    init_fragment();
    init_scalar();
    init_splice();
    init_source();
    range = (node) => {
      if (!node.range) throw new InternalError("node without a source range");
      return node.range;
    };
    isPadded = (ctx, coll) => ctx.src[coll.srcToken.start.offset + 1] === " ";
  }
});

// src/yaml/edit-pairs.ts
function setPairValue(ctx, pair, value, formatted) {
  let node = pair.value;
  if (node && (0, import_yaml6.isScalar)(node) && node.range && node.range[1] > node.range[0]) return setScalar(ctx, node, value);
  let keyEnd = range2(pair.key)[1], colon = ctx.src.indexOf(":", keyEnd);
  if (colon < 0) throw new InternalError("mapping key without a colon");
  return insertAt(colon + 1, ` ${formatted}`);
}
function removeLines(ctx, start, end) {
  if (end === ctx.src.length && ctx.src.length > 0 && !ctx.src.endsWith(`
`) && start > 0) {
    let cut = ctx.src[start - 2] === "\r" ? start - 2 : start - 1;
    return replaceRange(cut, end, "");
  }
  return replaceRange(start, end, "");
}
function pairLines(ctx, mapNode, pair) {
  if (mapNode.flow) throw new InternalError("cannot remove a pair from a flow mapping");
  let key = pair.key, keyStart = range2(key)[0], start = lineStartOf(ctx.src, keyStart);
  if (ctx.src.slice(start, keyStart).trim() !== "") throw new InternalError("the key does not start its line");
  let value = pair.value, last = value && value.range && value.range[1] > value.range[0] ? value : key;
  return [start, endOfBlock(ctx.src, last, columnOf(ctx.src, keyStart) + 1)];
}
function removePair(ctx, mapNode, pair) {
  let [start, end] = pairLines(ctx, mapNode, pair);
  return removeLines(ctx, start, end);
}
function removeFlowPair(mapNode, pair) {
  if (!mapNode.flow) throw new InternalError("not a flow mapping");
  let i = mapNode.items.indexOf(pair), end = (p) => range2(p.value ?? p.key)[1];
  if (i > 0) return replaceRange(end(mapNode.items[i - 1]), end(pair), "");
  let next = mapNode.items[1];
  if (next) return replaceRange(range2(pair.key)[0], range2(next.key)[0], "");
  let token = mapNode.srcToken, close = token.end.find((t) => t.type === "flow-map-end");
  if (!close) throw new InternalError("unterminated flow mapping");
  return replaceRange(token.start.offset + 1, close.offset, "");
}
function itemLines(ctx, seq2, index) {
  if (seq2.flow) throw new InternalError("not a block sequence");
  let item = seq2.items[index], dash = seq2.srcToken.items.filter((i) => i.value)[index]?.start.find((t) => t.type === "seq-item-ind");
  return [lineStartOf(ctx.src, dash ? dash.offset : range2(item)[0]), endOfBlock(ctx.src, item, Number.MAX_SAFE_INTEGER)];
}
function keepFlowItems(ctx, seq2, keep) {
  let token = seq2.srcToken, open = token.start.offset, close = token.end.find((t) => t.type === "flow-seq-end");
  if (!close) throw new InternalError("unterminated flow sequence");
  if (keep.length === 0) return [replaceRange(open + 1, close.offset, ctx.src[open + 1] === " " ? " " : "")];
  let splices = [], n = seq2.items.length;
  for (let i = 0; i < n; i++) {
    if (keep.includes(i)) continue;
    let last = i;
    for (; last + 1 < n && !keep.includes(last + 1); ) last++;
    let prev = keep.filter((k) => k < i).pop();
    prev !== void 0 ? splices.push(replaceRange(range2(seq2.items[prev])[1], range2(seq2.items[last])[1], "")) : splices.push(replaceRange(range2(seq2.items[i])[0], range2(seq2.items[last + 1])[0], "")), i = last;
  }
  return splices;
}
var import_yaml6, range2, init_edit_pairs = __esm({
  "src/yaml/edit-pairs.ts"() {
    "use strict";
    import_yaml6 = __toESM(require_dist(), 1);
    init_errors();
    init_edit();
    init_splice();
    init_source();
    range2 = (node) => {
      if (!node.range) throw new InternalError("node without a source range");
      return node.range;
    };
  }
});

// src/yaml/layout.ts
function indentUnit(src, root) {
  let unit = Number.MAX_SAFE_INTEGER, walk = (node) => {
    if ((0, import_yaml7.isCollection)(node))
      for (let item of node.items) walk(item);
    else if ((0, import_yaml7.isPair)(node)) {
      let child = node.value, key = node.key;
      if ((0, import_yaml7.isMap)(child) && !child.flow && child.items[0] && key?.range) {
        let at = key.range[0], childAt = child.items[0].key.range[0], lineStart = lineStartOf(src, at), childLineStart = lineStartOf(src, childAt), step = childAt - childLineStart - (at - lineStart);
        step > 0 && childLineStart !== lineStart && (unit = Math.min(unit, step));
      }
      walk(node.key), walk(node.value);
    }
  };
  return walk(root), unit === Number.MAX_SAFE_INTEGER ? 2 : unit;
}
function seqIsCompact(src, keyNode, seqNode) {
  if (!(!(0, import_yaml7.isSeq)(seqNode) || seqNode.flow || !keyNode.range || !seqNode.range))
    return columnOf(src, seqNode.range[0]) <= columnOf(src, keyNode.range[0]);
}
function seqDashGap(src, seqNode) {
  if (!(0, import_yaml7.isSeq)(seqNode) || seqNode.flow) return;
  let dash = seqNode.srcToken?.items.find((i) => i.value)?.start.find((t) => t.type === "seq-item-ind"), first = seqNode.items[0];
  if (!dash || !first?.range) return;
  let gap = first.range[0] - dash.offset - 1;
  return gap >= 1 && !src.slice(dash.offset + 1, first.range[0]).includes(`
`) ? gap : void 0;
}
function layoutFor(unit, compactSeq, dashGap = 1) {
  return { unit, compactSeq, dashGap };
}
var import_yaml7, init_layout = __esm({
  "src/yaml/layout.ts"() {
    "use strict";
    import_yaml7 = __toESM(require_dist(), 1);
    init_source();
  }
});

// src/mtls/render.ts
function appendToList(ectx, owner, key, items, layout, createAfter) {
  let pair = pairOf(owner, key), list = pair?.value;
  return (0, import_yaml8.isSeq)(list) && (list.items.length > 0 || list.flow) ? [appendItems(ectx, list, items, layout)] : pair && (list === null || (0, import_yaml8.isScalar)(list) && list.value === null) ? fillEmptyValue(ectx, pair, seq(...items), layout, owner.flow) : [addPairs(ectx, owner, [[key, seq(...items)]], layout, createAfter)];
}
function render(pending) {
  let lists = /* @__PURE__ */ new Map(), maps = /* @__PURE__ */ new Map(), removals = [];
  for (let p of pending) {
    let { place } = p;
    if (place.kind === "remove-lines") removals.push(p);
    else if (place.kind === "add") maps.set(place.owner, [...maps.get(place.owner) ?? [], p]);
    else {
      let byKey = lists.get(place.owner) ?? /* @__PURE__ */ new Map();
      lists.set(place.owner, byKey), byKey.set(place.key, [...byKey.get(place.key) ?? [], p]);
    }
  }
  for (let byKey of lists.values()) for (let group of byKey.values()) renderGroup(group);
  for (let group of maps.values()) renderGroup(group);
  renderRemovals(removals);
}
function renderGroup(group) {
  let first = group[0].place, last = group[group.length - 1].edit;
  if (first.kind === "append") {
    let items = group.map((p) => p.place.item);
    last.splices.push(...appendToList(first.ectx, first.owner, first.key, items, first.layout, first.createAfter));
  } else if (first.kind === "add") {
    let pairs = group.map((p) => {
      let place = p.place;
      return [place.key, place.value];
    });
    last.splices.push(addPairs(first.ectx, first.owner, pairs, first.layout));
  }
}
function renderRemovals(removals) {
  if (removals.length === 0) return;
  let ranges = removals.flatMap(
    ({ edit, place }) => place.ranges.map((r) => ({ edit, start: r[0], end: r[1] }))
  );
  ranges.sort((a, b) => a.start - b.start);
  let merged = [];
  for (let r of ranges) {
    let last = merged[merged.length - 1];
    last && r.start <= last.end ? last.end = Math.max(last.end, r.end) : merged.push({ ...r });
  }
  let { ectx } = removals[0].place;
  for (let m of merged) m.edit.splices.push(removeLines(ectx, m.start, m.end));
}
var import_yaml8, init_render = __esm({
  "src/mtls/render.ts"() {
    "use strict";
    import_yaml8 = __toESM(require_dist(), 1);
    init_edit();
    init_edit_pairs();
    init_fragment();
    init_lookup();
  }
});

// src/mtls/context.ts
function report(ctx, severity, code, message, at, about = {}) {
  let offset = typeof at == "number" ? at : at?.range?.[0], pos = offset === void 0 ? {} : linePos(ctx.src, offset);
  ctx.diagnostics.push({ code, severity, message, file: ctx.file, ...pos, ...about });
}
function editContext(ctx, resource) {
  ctx.units ??= /* @__PURE__ */ new Map();
  let unit = ctx.units.get(resource.doc);
  return unit === void 0 && (unit = indentUnit(ctx.src, resource.doc.contents), ctx.units.set(resource.doc, unit)), { src: ctx.src, eol: ctx.eol, unit };
}
function plan(ctx, step) {
  let { resource, op, ptr, display, role, reason, splices, inner, place } = step, change = {
    resource,
    path: formatPath(display),
    op,
    ..."before" in step ? { before: step.before } : {},
    ..."after" in step ? { after: step.after } : {},
    role,
    reason
  }, edit = inner ? { change, ptr, inner, splices: [...splices] } : { change, ptr, splices: [...splices] };
  "value" in step && (edit.value = step.value), step.insertBefore !== void 0 && (edit.insertBefore = step.insertBefore), ctx.edits.push(edit), place && (ctx.pending ??= []).push({ edit, place });
}
function renderPlaced(ctx) {
  ctx.pending !== void 0 && (render(ctx.pending), delete ctx.pending);
}
var init_context = __esm({
  "src/mtls/context.ts"() {
    "use strict";
    init_layout();
    init_lookup();
    init_source();
    init_render();
  }
});

// src/resources/namespace.ts
var namespace_exports = {};
__export(namespace_exports, {
  namespacedKey: () => namespacedKey,
  sameNamespace: () => sameNamespace
});
var sameNamespace, namespacedKey, init_namespace = __esm({
  "src/resources/namespace.ts"() {
    "use strict";
    sameNamespace = (a, b) => a === b, namespacedKey = (namespace, name) => JSON.stringify([namespace ?? null, name ?? null]);
  }
});

// src/mtls/scope.ts
function indexByName(resources) {
  let map2 = /* @__PURE__ */ new Map();
  for (let r of resources) {
    let list = map2.get(r.ref.name);
    list ? list.push(r) : map2.set(r.ref.name, [r]);
  }
  return map2;
}
function findResource(ctx, name, matches) {
  if (!ctx.scope)
    return ctx.byName ??= indexByName(ctx.resources), ctx.byName.get(name)?.find(matches);
  let hit = ctx.scope.byName.get(name)?.find(matches);
  if (!hit) return;
  let member = ctx.scope.members.get(hit.ref.document);
  if (!member) throw new GroupEscape([hit.ref.document]);
  return member;
}
function requireDelegatesNamed(ctx, name, namespace) {
  let scope = ctx.scope;
  if (!scope) return;
  scope.delegatesByName ??= groupBy(scope.delegates, (r) => namespacedKey(r.ref.namespace, r.ref.name ?? "delegate"));
  let outside = (scope.delegatesByName.get(namespacedKey(namespace, name)) ?? []).filter(
    (r) => !scope.members.has(r.ref.document)
  );
  if (outside.length > 0) throw new GroupEscape(outside.map((r) => r.ref.document));
}
function requireDelegatesInNamespace(ctx, namespace) {
  let scope = ctx.scope;
  if (!scope) return;
  scope.delegatesByNamespace ??= groupBy(scope.delegates, (r) => r.ref.namespace);
  let outside = (scope.delegatesByNamespace.get(namespace) ?? []).filter((r) => !scope.members.has(r.ref.document)).map((r) => r.ref.document);
  if (outside.length > 0) throw new GroupEscape(outside);
}
function groupBy(list, key) {
  let map2 = /* @__PURE__ */ new Map();
  for (let x of list) {
    let k = key(x), part = map2.get(k);
    part ? part.push(x) : map2.set(k, [x]);
  }
  return map2;
}
function deploymentNames(ctx) {
  return ctx.scope?.deployments ?? namesOfDeployments(ctx.resources);
}
var GroupEscape, namesOfDeployments, init_scope = __esm({
  "src/mtls/scope.ts"() {
    "use strict";
    init_namespace();
    GroupEscape = class extends Error {
      constructor(documents) {
        super(`planning needs documents ${documents.join(", ")} of the stream`);
        this.documents = documents;
      }
      documents;
    };
    namesOfDeployments = (resources) => new Set(resources.filter((r) => r.ref.kind === "Deployment").map((r) => namespacedKey(r.ref.namespace, r.ref.name)));
  }
});

// src/mtls/tls-secret.ts
function tlsSecretSource(ctx, name, namespace) {
  let secret = findResource(ctx, name, (r) => r.ref.kind === "Secret" && inNamespace(r, namespace));
  if (secret && stringAt(secret.doc.contents, "type") === "kubernetes.io/tls")
    return `Secret ${name} is a kubernetes.io/tls Secret`;
  if (ctx.scope) {
    ctx.scope.certificates ??= [...ctx.scope.byName.values()].flat().filter(isCertificate);
    let outside = ctx.scope.certificates.filter(
      (r) => inNamespace(r, namespace) && !ctx.scope.members.has(r.ref.document)
    );
    if (outside.length > 0) throw new GroupEscape(outside.map((r) => r.ref.document));
  }
  let certificate = (ctx.scope ? [...ctx.scope.members.values()] : ctx.resources).find(
    (r) => isCertificate(r) && /^cert-manager\.io\//.test(stringAt(r.doc.contents, "apiVersion") ?? "") && inNamespace(r, namespace) && stringAt(lookup(r.doc.contents, ["spec"]), "secretName") === name
  );
  return certificate ? `cert-manager Certificate ${certificate.ref.name ?? ""} writes Secret ${name} (kubernetes.io/tls)` : void 0;
}
var TLS_ITEMS, inNamespace, isCertificate, init_tls_secret = __esm({
  "src/mtls/tls-secret.ts"() {
    "use strict";
    init_lookup();
    init_scope();
    init_namespace();
    TLS_ITEMS = [
      ["tls.crt", "client.crt"],
      ["tls.key", "client.key"]
    ], inNamespace = (r, namespace) => sameNamespace(r.ref.namespace, namespace), isCertificate = (r) => r.ref.kind === "Certificate";
  }
});

// src/mtls/plan-pod.ts
function layoutIn(ectx, mapNode, siblings, fallback) {
  for (let key of siblings) {
    let pair = pairOf(mapNode, key), compact = pair && seqIsCompact(ectx.src, pair.key, pair.value);
    if (compact !== void 0) return layoutFor(ectx.unit, compact, seqDashGap(ectx.src, pair.value));
  }
  return layoutFor(ectx.unit, fallback);
}
function ensureMount(ctx, res, container, podCompact) {
  let { mountPath } = ctx.options, ectx = editContext(ctx, res), mounts = container.node.get("volumeMounts", !0), mountsPtr = [...container.ptr, "volumeMounts"], display = [...container.display, "volumeMounts", { name: VOLUME_NAME }], items = (0, import_yaml9.isSeq)(mounts) ? mounts.items.flatMap((node, index) => (0, import_yaml9.isMap)(node) ? [{ node, index }] : []) : [], pathOf = (m) => normalMountPath(stringAt(m.node, "mountPath")), filePaths = [CERT_FILE, KEY_FILE].map((f) => `${mountPath}/${f}`), hides = (path) => path === mountPath || filePaths.includes(path ?? ""), clash = items.find((m) => stringAt(m.node, "name") !== VOLUME_NAME && hides(pathOf(m))), conflict = (at) => report(
    ctx,
    "error",
    "CONFLICT",
    pathOf(at) === mountPath ? `volume "${stringAt(at.node, "name")}" is already mounted at ${mountPath}; ${VOLUME_NAME} needs that path (choose another with --mount-path)` : `volume "${stringAt(at.node, "name")}" is mounted at ${pathOf(at)}, which would hide the client ${pathOf(at) === filePaths[0] ? "certificate" : "key"} the delegate reads there (move it, or choose another --mount-path)`,
    at.node
  ), ours = items.filter((m) => stringAt(m.node, "name") === VOLUME_NAME), bySubPath = ours.filter((m) => m.node.has("subPath") || m.node.has("subPathExpr"));
  if (bySubPath.length > 0) {
    let done = [CERT_FILE, KEY_FILE].every(
      (f) => bySubPath.some((m) => stringAt(m.node, "subPath") === f && pathOf(m) === `${mountPath}/${f}`)
    ), atDirectory = bySubPath.find((m) => pathOf(m) === mountPath);
    if (!done && atDirectory) {
      report(
        ctx,
        "error",
        "CONFLICT",
        `volume "${VOLUME_NAME}" mounts subPath ${stringAt(atDirectory.node, "subPath") ?? ""} at ${mountPath} itself: ${mountPath} becomes that one file, so ${filePaths[0]} and ${filePaths[1]} do not exist; mount the whole volume at ${mountPath} (no subPath), or subPath ${CERT_FILE} at ${filePaths[0]} and ${KEY_FILE} at ` + filePaths[1],
        atDirectory.node
      );
      return;
    }
    if (!done) {
      report(
        ctx,
        "error",
        "CONFLICT",
        `volume "${VOLUME_NAME}" is mounted file by file (subPath), but not as the delegate reads it: mount subPath ${CERT_FILE} at ${filePaths[0]} and subPath ${KEY_FILE} at ${filePaths[1]}, or the whole volume at ${mountPath} (and no subPath)`,
        bySubPath[0].node
      );
      return;
    }
    if (clash) return conflict(clash);
    for (let m of bySubPath) ensureReadOnly(ctx, res, m.node, [...mountsPtr, m.index], display);
    return;
  }
  let whole = ours[0];
  if (clash) return conflict(clash);
  if (whole) {
    let ptr = [...mountsPtr, whole.index], path = whole.node.get("mountPath", !0);
    (0, import_yaml9.isScalar)(path) && normalMountPath(String(path.value)) !== mountPath ? plan(ctx, {
      resource: res.ref,
      op: "set",
      ptr: [...ptr, "mountPath"],
      display: [...display, "mountPath"],
      before: path.value,
      after: mountPath,
      role: "mount",
      reason: "mount the client certificate where the env vars point",
      splices: [setScalar(ectx, path, mountPath)]
    }) : path || plan(ctx, {
      resource: res.ref,
      op: "add",
      ptr: [...ptr, "mountPath"],
      display: [...display, "mountPath"],
      after: mountPath,
      role: "mount",
      reason: "mount the client certificate where the env vars point",
      splices: [
        addPairs(ectx, whole.node, [["mountPath", scalar(formatScalar(mountPath))]], layoutFor(ectx.unit, !0))
      ]
    }), ensureReadOnly(ctx, res, whole.node, ptr, display);
    return;
  }
  let item = map(
    ["name", scalar(VOLUME_NAME)],
    ["mountPath", scalar(formatScalar(mountPath))],
    ["readOnly", scalar("true")]
  ), layout = layoutIn(ectx, container.node, ["env", "envFrom", "ports"], podCompact), after = { name: VOLUME_NAME, mountPath, readOnly: !0 };
  plan(ctx, {
    resource: res.ref,
    op: "append",
    ptr: mountsPtr,
    display: [...container.display, "volumeMounts"],
    after,
    role: "mount",
    reason: "mount the client certificate Secret",
    splices: appendToList(ectx, container.node, "volumeMounts", [item], layout)
  });
}
function ensureReadOnly(ctx, res, mount, ptr, display) {
  let ectx = editContext(ctx, res), ro = mount.get("readOnly", !0);
  ro ? (0, import_yaml9.isScalar)(ro) && ro.value !== !0 && plan(ctx, {
    resource: res.ref,
    op: "set",
    ptr: [...ptr, "readOnly"],
    display: [...display, "readOnly"],
    before: ro.value,
    after: !0,
    role: "mount",
    reason: "the certificate mount is read-only",
    splices: [replaceRange(ro.range[0], ro.range[1], "true")]
  }) : plan(ctx, {
    resource: res.ref,
    op: "add",
    ptr: [...ptr, "readOnly"],
    display: [...display, "readOnly"],
    after: !0,
    role: "mount",
    reason: "the certificate mount is read-only",
    splices: [addPairs(ectx, mount, [["readOnly", scalar("true")]], layoutFor(ectx.unit, !0))]
  });
}
function runsAsNonRoot(pod, container, doc) {
  for (let owner of [container, pod]) {
    let node = owner.get("securityContext", !0), sc = doc && (0, import_yaml9.isAlias)(node) ? node.resolve(doc) : node;
    if (!(0, import_yaml9.isMap)(sc)) continue;
    let v = doc ? sc.toJS(doc) : sc.toJSON();
    if (typeof v.runAsUser == "number") return v.runAsUser !== 0;
    if (v.runAsNonRoot === !0) return !0;
  }
  return !1;
}
function ensureVolume(ctx, res, pod, secretName, mode) {
  let ectx = editContext(ctx, res), volumes = pod.node.get("volumes", !0), volumesPtr = [...pod.ptr, "volumes"], ours = findItem(volumes, "name", VOLUME_NAME);
  if (!ours) {
    let misnamed = findItem(volumes, "name", "config-certificate");
    if (misnamed && (0, import_yaml9.isMap)(misnamed.node.get("secret", !0)) && !mountedAnywhere(pod.node, "config-certificate")) {
      let nameNode2 = misnamed.node.get("name", !0);
      plan(ctx, {
        resource: res.ref,
        op: "set",
        ptr: [...volumesPtr, misnamed.index, "name"],
        display: [...pod.display, "volumes", { name: "config-certificate" }, "name"],
        before: "config-certificate",
        after: VOLUME_NAME,
        role: "volume",
        reason: `the mount is named ${VOLUME_NAME}; a volume named config-certificate (Harness 2023 docs) leaves the pod unable to start`,
        splices: [setScalar(ectx, nameNode2, VOLUME_NAME)]
      }), ours = misnamed;
    }
  }
  if (!ours) {
    let tls2 = tlsSecretSource(ctx, secretName, res.ref.namespace), secret2 = map(
      ["secretName", scalar(formatScalar(secretName))],
      ["defaultMode", scalar(String(mode), modeComment(mode))],
      ...tls2 ? [["items", seq(...TLS_ITEMS.map(itemFragment))]] : []
    ), item = map(["name", scalar(VOLUME_NAME)], ["secret", secret2]), layout = layoutIn(ectx, pod.node, ["containers", "initContainers"], !0), after = {
      name: VOLUME_NAME,
      secret: {
        secretName,
        defaultMode: mode,
        ...tls2 ? { items: TLS_ITEMS.map(([key, path]) => ({ key, path })) } : {}
      }
    };
    return plan(ctx, {
      resource: res.ref,
      op: "append",
      ptr: volumesPtr,
      display: [...pod.display, "volumes"],
      after,
      role: "volume",
      reason: `client certificate from Secret ${secretName}, mode ${modeComment(mode)}${tls2 ? `; ${tls2}: tls.crt and tls.key are mounted as client.crt and client.key` : ""}`,
      splices: appendToList(ectx, pod.node, "volumes", [item], layout)
    }), secretName;
  }
  let ptr = [...volumesPtr, ours.index], display = [...pod.display, "volumes", { name: VOLUME_NAME }], secret = ours.node.get("secret", !0);
  if (!(0, import_yaml9.isMap)(secret)) {
    let source = ours.node.items.map((p) => (0, import_yaml9.isScalar)(p.key) ? String(p.key.value) : "").find((k) => k !== "name" && k !== ""), what = source ? `a ${source} volume` : "a volume without a source";
    return report(
      ctx,
      "error",
      "CONFLICT",
      `volume "${VOLUME_NAME}" exists but is ${what}; delegate-mtls needs it to be a secret volume holding the client certificate Secret`,
      ours.node
    ), secretName;
  }
  let nameNode = secret.get("secretName", !0), effective = secretName;
  if (!(0, import_yaml9.isScalar)(nameNode) || typeof nameNode.value != "string")
    plan(ctx, {
      resource: res.ref,
      op: "add",
      ptr: [...ptr, "secret", "secretName"],
      display: [...display, "secret", "secretName"],
      after: secretName,
      role: "volume",
      reason: "name the client certificate Secret",
      splices: [addPairs(ectx, secret, [["secretName", scalar(formatScalar(secretName))]], layoutFor(ectx.unit, !0))]
    });
  else if (nameNode.value !== secretName && (ctx.options.secretNameExplicit || isDelegateToken(nameNode.value))) {
    let reason = ctx.options.secretNameExplicit ? "--secret-name was given" : `${nameNode.value} is the delegate token Secret, not the client certificate (a Harness 2023 doc bug)`;
    plan(ctx, {
      resource: res.ref,
      op: "set",
      ptr: [...ptr, "secret", "secretName"],
      display: [...display, "secret", "secretName"],
      before: nameNode.value,
      after: secretName,
      role: "volume",
      reason,
      splices: [setScalar(ectx, nameNode, secretName)]
    });
  } else
    effective = nameNode.value;
  let modeNode = secret.get("defaultMode", !0);
  if (!modeNode)
    plan(ctx, {
      resource: res.ref,
      op: "add",
      ptr: [...ptr, "secret", "defaultMode"],
      display: [...display, "secret", "defaultMode"],
      after: mode,
      role: "file-mode",
      reason: `without a mode the key is world-readable (0644); ${modeComment(mode)} keeps it private`,
      splices: [
        addPairs(
          ectx,
          secret,
          [["defaultMode", scalar(String(mode), modeComment(mode))]],
          layoutFor(ectx.unit, !0),
          "secretName"
        )
      ]
    });
  else if ((0, import_yaml9.isScalar)(modeNode) && modeNode.value !== SECRET_MODE.root && modeNode.value !== SECRET_MODE.nonRoot) {
    let reason = modeNode.value === 400 && !/^0/.test(modeNode.source ?? "") ? `defaultMode: 400 is decimal (octal 0620, group-writable); ${modeComment(mode)} was meant` : `the key must be readable by the delegate only (${modeComment(mode)})`;
    plan(ctx, {
      resource: res.ref,
      op: "set",
      ptr: [...ptr, "secret", "defaultMode"],
      display: [...display, "secret", "defaultMode"],
      before: modeNode.value,
      after: mode,
      role: "file-mode",
      reason,
      splices: [setMode(ectx, modeNode, mode, secret.flow === !0)]
    });
  }
  let tls = tlsSecretSource(ctx, effective, res.ref.namespace);
  return tls ? ensureTlsItems(ctx, res, ectx, secret, [...ptr, "secret"], [...display, "secret"], tls, mode) : (0, import_yaml9.isSeq)(secret.get("items", !0)) ? ensureTlsItems(ctx, res, ectx, secret, [...ptr, "secret"], [...display, "secret"], void 0, mode) : warnKeyItemMode(ctx, secret.get("items", !0), mode), checkSecretKeys(ctx, res, secret, effective, tls !== void 0), effective;
}
function warnKeyItemMode(ctx, items, mode) {
  let itemMode = findItem(items, "path", KEY_FILE)?.node.get("mode", !0);
  !(0, import_yaml9.isScalar)(itemMode) || typeof itemMode.value != "number" || (itemMode.value & 63 & ~mode) === 0 || report(
    ctx,
    "warning",
    "LINT",
    `volume "${VOLUME_NAME}": the item for ${KEY_FILE} has mode ${modeComment(itemMode.value)}, which lets group or others read the key; remove it (defaultMode ${modeComment(mode)} then applies) or set ${modeComment(mode)}`,
    itemMode,
    { role: "file-mode" }
  );
}
function checkSecretKeys(ctx, res, volumeSecret, name, tls) {
  if (ctx.options.secret) return;
  let namespace = res.ref.namespace, secret = findResource(ctx, name, (r) => r.ref.kind === "Secret" && (r.ref.namespace ?? namespace) === namespace);
  if (!secret || !(0, import_yaml9.isMap)(secret.doc.contents)) return;
  let held = /* @__PURE__ */ new Set();
  for (let field of ["data", "stringData"]) {
    let node = secret.doc.contents.get(field, !0);
    if (!(node == null || (0, import_yaml9.isScalar)(node) && node.value === null)) {
      if (!(0, import_yaml9.isMap)(node)) return;
      for (let p of node.items) (0, import_yaml9.isScalar)(p.key) && held.add(String(p.key.value));
    }
  }
  let items = volumeSecret.get("items", !0), lacking = (tls ? TLS_ITEMS : FILE_ITEMS).map(([key, path]) => ({ key: (tls ? void 0 : stringAt(findItem(items, "path", path)?.node, "key")) ?? key, path })).filter((n) => !held.has(n.key));
  lacking.length !== 0 && report(
    ctx,
    "error",
    "CONFLICT",
    `Secret ${name} (in the input) has no ${lacking.map((l) => l.key).join(" or ")}, which the delegate reads as ${lacking.map((l) => `${ctx.options.mountPath}/${l.path}`).join(" and ")}; ` + (tls ? "the Secret must hold an issued certificate and its key" : "put the client certificate and key in it (delegate-mtls secret, or --cert and --key)"),
    volumeSecret.get("secretName", !0) ?? volumeSecret
  );
}
function ensureTlsItems(ctx, res, ectx, secret, ptr, display, why, mode) {
  let wantedItems = why === void 0 ? FILE_ITEMS : TLS_ITEMS, reason = why === void 0 ? `the volume's items mount only the files they list; the delegate reads ${CERT_FILE} and ${KEY_FILE}` : `${why}: the delegate reads tls.crt and tls.key as client.crt and client.key`, items = secret.get("items", !0), itemsPair = pairOf(secret, "items");
  if (!(0, import_yaml9.isSeq)(items)) {
    if (items != null && !((0, import_yaml9.isScalar)(items) && items.value === null)) {
      report(ctx, "error", "CONFLICT", `volume "${VOLUME_NAME}": secret.items is not a list; ${reason}`, items);
      return;
    }
    let fragment = seq(...TLS_ITEMS.map(itemFragment)), layout = layoutFor(ectx.unit, !0);
    plan(ctx, {
      resource: res.ref,
      op: "add",
      ptr: [...ptr, "items"],
      display: [...display, "items"],
      after: TLS_ITEMS.map(([key, path]) => ({ key, path })),
      role: "volume",
      reason,
      splices: itemsPair ? fillEmptyValue(ectx, itemsPair, fragment, layout, secret.flow === !0) : [addPairs(ectx, secret, [["items", fragment]], layout)]
    });
    return;
  }
  let missing = [];
  for (let wanted of wantedItems) {
    let [key, path] = wanted, found = findItem(items, "path", path);
    if (!found) {
      missing.push(wanted);
      continue;
    }
    let keyNode = found.node.get("key", !0);
    why !== void 0 && (0, import_yaml9.isScalar)(keyNode) && keyNode.value !== key && plan(ctx, {
      resource: res.ref,
      op: "set",
      ptr: [...ptr, "items", found.index, "key"],
      display: [...display, "items", found.index, "key"],
      before: keyNode.value,
      after: key,
      role: "volume",
      reason,
      splices: [setScalar(ectx, keyNode, key)]
    });
  }
  warnKeyItemMode(ctx, items, mode);
  let splice = missing.length > 0 ? appendItems(ectx, items, missing.map(itemFragment), layoutFor(ectx.unit, !0)) : void 0;
  missing.forEach(([key, path], i) => {
    plan(ctx, {
      resource: res.ref,
      op: "append",
      ptr: [...ptr, "items"],
      display: [...display, "items"],
      after: { key, path },
      role: "volume",
      reason,
      splices: i === 0 ? [splice] : []
    });
  });
}
function setMode(ectx, node, mode, inFlow) {
  let [start, end] = node.range, lineEnd = ectx.src.indexOf(`
`, end), rest = ectx.src.slice(end, lineEnd < 0 ? ectx.src.length : lineEnd);
  return replaceRange(start, end, inFlow || /#/.test(rest) ? String(mode) : `${mode} # ${modeComment(mode)}`);
}
function containersOf(pod) {
  return ["containers", "initContainers"].flatMap((key) => {
    let list = pod.get(key, !0);
    return (0, import_yaml9.isSeq)(list) ? list.items : [];
  });
}
function mountedAnywhere(pod, volume) {
  return containersOf(pod).some((c) => findItem((0, import_yaml9.isMap)(c) ? c.get("volumeMounts", !0) : void 0, "name", volume));
}
function checkPod(ctx, pod, patch) {
  let volumes = pod.get("volumes", !0), defined = /* @__PURE__ */ new Set();
  if ((0, import_yaml9.isSeq)(volumes))
    for (let v of volumes.items) {
      let name = stringAt(v, "name");
      name !== void 0 && (defined.has(name) && report(
        ctx,
        "warning",
        "INVALID_POD",
        `volume "${name}" is defined twice in the pod: the API server refuses the pod; keep one`,
        v
      ), defined.add(name));
    }
  for (let c of containersOf(pod)) {
    let mounts = (0, import_yaml9.isMap)(c) ? c.get("volumeMounts", !0) : void 0;
    if (!(0, import_yaml9.isSeq)(mounts)) continue;
    let seen = /* @__PURE__ */ new Map();
    for (let m of mounts.items) {
      let name = stringAt(m, "name");
      name !== void 0 && name !== VOLUME_NAME && !patch && !defined.has(name) && report(
        ctx,
        "warning",
        "INVALID_POD",
        `volume "${name}" is mounted but not defined in the pod: the API server refuses the pod; define the volume or remove the mount`,
        m
      );
      let path = normalMountPath(stringAt(m, "mountPath"));
      if (path === void 0) continue;
      let other = seen.get(path);
      seen.has(path) && name === VOLUME_NAME == (other === VOLUME_NAME) && report(
        ctx,
        "warning",
        "INVALID_POD",
        `volumes "${other ?? ""}" and "${name ?? ""}" are both mounted at ${path} in container "${stringAt(c, "name") ?? ""}": the API server refuses the pod (mount paths must be unique); keep one`,
        m
      ), seen.set(path, name);
    }
  }
}
var import_yaml9, modeComment, normalMountPath, FILE_ITEMS, itemFragment, isDelegateToken, init_plan_pod = __esm({
  "src/mtls/plan-pod.ts"() {
    "use strict";
    import_yaml9 = __toESM(require_dist(), 1);
    init_edit();
    init_fragment();
    init_layout();
    init_lookup();
    init_scalar();
    init_splice();
    init_context();
    init_render();
    init_wanted_state();
    init_tls_secret();
    init_scope();
    modeComment = (mode) => `0${mode.toString(8)}`;
    normalMountPath = (path) => path === void 0 ? void 0 : path.replace(/\/+$/, "") || "/";
    FILE_ITEMS = [
      [CERT_FILE, CERT_FILE],
      [KEY_FILE, KEY_FILE]
    ];
    itemFragment = ([key, path]) => map(["key", scalar(key)], ["path", scalar(path)]);
    isDelegateToken = (secretName) => /-account-token$/.test(secretName);
  }
});

// src/mtls/plan-env.ts
function wantedEnv(ctx, kind = "classic") {
  let { endpoint, mountPath, tiService, grpcAuthority } = ctx.options, added = { always: !0, never: !1, "with-ti-service": tiService, "with-grpc-authority": grpcAuthority };
  return wantedEnvFor(kind).filter((s) => s.add !== "with-grpc-authority" || grpcAuthority).map((s) => ({
    name: s.name,
    value: envValue(s, endpoint, mountPath),
    kind: s.role === "endpoint" ? "endpoint" : "owned",
    role: s.role,
    addIfMissing: added[s.add],
    ...s.oldName ? { oldName: s.oldName } : {},
    ...s.unlessPresent ? { unlessPresent: s.unlessPresent } : {},
    manager: s.role === "endpoint" && s.endpointPath === "",
    setByChart: s.setByChart,
    reason: s.reason
  }));
}
function envFromConfigMaps(container) {
  let envFrom = container.get("envFrom", !0);
  return (0, import_yaml10.isSeq)(envFrom) ? envFrom.items.map((i) => stringAt(lookup(i, ["configMapRef"]), "name")).filter((n) => n !== void 0) : [];
}
function patchConfigMapKey(ctx, configMapName, namespace, key, value, reason) {
  let cm = findResource(
    ctx,
    configMapName,
    (r) => r.ref.kind === "ConfigMap" && sameNamespace(r.ref.namespace, namespace)
  );
  if (!cm) return "absent";
  let node = lookup(cm.doc.contents, ["data", key]);
  return (0, import_yaml10.isScalar)(node) ? (node.value !== value && plan(ctx, {
    resource: cm.ref,
    op: "set",
    ptr: ["data", key],
    display: ["data", key],
    before: node.value,
    after: value,
    role: "endpoint",
    reason: `${reason} (the delegate reads it from this ConfigMap)`,
    splices: [setScalar(editContext(ctx, cm), node, value)]
  }), "patched") : "missing-key";
}
function ensureEnvValue(ctx, res, entry, ptr, display, want, setReason = want.reason) {
  let ectx = editContext(ctx, res), valueNode = entry.get("value", !0);
  if ((0, import_yaml10.isScalar)(valueNode)) {
    if (valueNode.value === want.value) return;
    plan(ctx, {
      resource: res.ref,
      op: "set",
      ptr: [...ptr, "value"],
      display: [...display, "value"],
      before: valueNode.value,
      after: want.value,
      role: want.role,
      reason: setReason,
      splices: [setScalar(ectx, valueNode, want.value)]
    });
    return;
  }
  plan(ctx, {
    resource: res.ref,
    op: "add",
    ptr: [...ptr, "value"],
    display: [...display, "value"],
    after: want.value,
    role: want.role,
    reason: want.reason,
    splices: [
      addPairs(ectx, entry, [["value", scalar(formatScalar(want.value, "double"))]], layoutFor(ectx.unit, !0))
    ]
  });
}
function ensureEnv(ctx, res, container, podCompact, kind = "classic") {
  let ectx = editContext(ctx, res), env = container.node.get("env", !0), envPtr = [...container.ptr, "env"], envDisplay = [...container.display, "env"], layout, present = /* @__PURE__ */ new Set();
  for (let want of wantedEnv(ctx, kind)) {
    let found = findItem(env, "name", want.name), old = want.oldName ? findItem(env, "name", want.oldName) : void 0, entry = found ?? old;
    if (entry) {
      present.add(want.name);
      let ptr = [...envPtr, entry.index], display = [...envDisplay, { name: found ? want.name : want.oldName }];
      if (!found && old) {
        let nameNode = old.node.get("name", !0);
        plan(ctx, {
          resource: res.ref,
          op: "set",
          ptr: [...ptr, "name"],
          display: [...display, "name"],
          before: want.oldName,
          after: want.name,
          role: want.role,
          reason: `the delegate reads only ${want.name}; ${want.oldName} is ignored`,
          splices: [setScalar(ectx, nameNode, want.name)]
        });
      } else found && old && (0, import_yaml10.isSeq)(env) && plan(ctx, {
        resource: res.ref,
        op: "remove",
        ptr: [...envPtr, old.index],
        display: [...envDisplay, { name: want.oldName }],
        before: old.node.toJSON(),
        role: want.role,
        reason: `${want.oldName} is ignored by the delegate; ${want.name} is set`,
        splices: [removeItem(ectx, env, old.index)]
      });
      let valueNode = entry.node.get("value", !0), valueFrom = entry.node.get("valueFrom", !0);
      if ((0, import_yaml10.isScalar)(valueNode) || !(0, import_yaml10.isMap)(valueFrom))
        ensureEnvValue(ctx, res, entry.node, ptr, display, want);
      else {
        let at = pairOf(entry.node, "valueFrom")?.key ?? valueFrom, ref = valueFrom.get("configMapKeyRef", !0), cmName = stringAt(ref, "name"), cmKey = stringAt(ref, "key");
        want.kind === "owned" ? report(
          ctx,
          "error",
          "CONFLICT",
          `${want.name} is set through valueFrom; delegate-mtls must set it to "${want.value}" inline (remove the valueFrom)`,
          at
        ) : (!cmName || !cmKey || patchConfigMapKey(ctx, cmName, res.ref.namespace, cmKey, want.value, want.reason) !== "patched") && report(
          ctx,
          "warning",
          "NOT_CHANGED",
          `${want.name} comes from ${cmName ? `ConfigMap ${cmName}` : "valueFrom"}, which is not in the input: set it to "${want.value}" there`,
          at,
          { role: want.role }
        );
      }
      continue;
    }
    if (want.kind === "endpoint") {
      let outcomes = envFromConfigMaps(container.node).map((cm) => ({
        cm,
        outcome: patchConfigMapKey(ctx, cm, res.ref.namespace, want.name, want.value, want.reason)
      }));
      if (outcomes.some((o) => o.outcome === "patched")) {
        present.add(want.name);
        continue;
      }
      if (want.unlessPresent && present.has(want.unlessPresent)) continue;
      let unseen = outcomes.filter((o) => o.outcome === "absent").map((o) => o.cm);
      if (unseen.length > 0) {
        want.addIfMissing && report(
          ctx,
          "warning",
          "NOT_CHANGED",
          `${want.name} may come from ConfigMap ${unseen.join(", ")} (envFrom), which is not in the input: set it to "${want.value}" there, or add the ConfigMap to the input`,
          container.node.get("envFrom", !0) ?? container.node,
          { role: want.role }
        );
        continue;
      }
      if (!want.addIfMissing) continue;
      want.manager && report(ctx, "warning", "ADDED_ENDPOINT", `the delegate container had no ${want.name}; added it`, container.node);
    } else if (!want.addIfMissing) continue;
    layout ??= layoutIn(ectx, container.node, ["env", "envFrom", "volumeMounts", "ports"], podCompact), plan(ctx, {
      resource: res.ref,
      op: "append",
      ptr: envPtr,
      display: envDisplay,
      after: { name: want.name, value: want.value },
      role: want.role,
      reason: want.reason,
      splices: [],
      place: {
        kind: "append",
        ectx,
        owner: container.node,
        key: "env",
        item: map(["name", scalar(want.name)], ["value", scalar(formatScalar(want.value, "double"))]),
        layout
      }
    });
  }
}
var import_yaml10, init_plan_env = __esm({
  "src/mtls/plan-env.ts"() {
    "use strict";
    import_yaml10 = __toESM(require_dist(), 1);
    init_wanted_state();
    init_edit();
    init_fragment();
    init_layout();
    init_lookup();
    init_scalar();
    init_context();
    init_plan_pod();
    init_scope();
    init_namespace();
  }
});

// src/mtls/plan-compose.ts
var plan_compose_exports = {};
__export(plan_compose_exports, {
  DEFAULT_CERT_PATH: () => DEFAULT_CERT_PATH,
  DEFAULT_KEY_PATH: () => DEFAULT_KEY_PATH,
  composeHostPaths: () => composeHostPaths,
  composeVolumes: () => composeVolumes,
  parseShortVolume: () => parseShortVolume,
  planCompose: () => planCompose
});
function composeHostPaths(opts) {
  let out = {};
  for (let [key, flag] of [
    ["certPath", "--cert-path"],
    ["keyPath", "--key-path"]
  ]) {
    let v = opts[key];
    if (v !== void 0) {
      if (!isHostPath(v) || /[:\s]/.test(v.replace(/^[A-Za-z]:/, "")))
        throw new UsageError(
          `${flag} "${v}" must be a host path such as ./client.crt or /etc/harness/client.crt (a bare name is a named volume in compose; no ':' or spaces)`
        );
      out[key] = v;
    }
  }
  return out;
}
function parseShortVolume(text) {
  let parts = text.split(":");
  if (parts.length >= 2 && /^[A-Za-z]$/.test(parts[0]) && /^[\\/]/.test(parts[1]) && parts.splice(0, 2, `${parts[0]}:${parts[1]}`), parts.length === 1) return { target: parts[0] };
  let out = { source: parts[0], target: parts[1] };
  return parts[2] !== void 0 && (out.mode = parts.slice(2).join(":")), out;
}
function composeVolumes(service) {
  let vols = service.get("volumes", !0);
  if (!(0, import_yaml11.isSeq)(vols)) return [];
  let out = [];
  return vols.items.forEach((item, index) => {
    if ((0, import_yaml11.isScalar)(item) && typeof item.value == "string") {
      let v = parseShortVolume(item.value), entry = {
        index,
        node: item,
        target: trimSlash(v.target),
        readOnly: (v.mode ?? "").split(",").includes("ro")
      };
      v.source !== void 0 && (entry.source = v.source), v.mode !== void 0 && (entry.mode = v.mode), out.push(entry);
    } else if ((0, import_yaml11.isMap)(item)) {
      let target = stringAt(item, "target");
      if (target === void 0) return;
      let entry = {
        index,
        node: item,
        target: trimSlash(target),
        readOnly: item.get("read_only") === !0
      }, source = stringAt(item, "source");
      source !== void 0 && (entry.source = source), out.push(entry);
    }
  }), out;
}
function planCompose(ctx, res) {
  for (let d of res.delegates) {
    let image = d.node.get("image", !0), ref = stringAt(d.node, "image") ?? "";
    d.kindDisagreement && report(ctx, "warning", "IMAGE", d.kindDisagreement, image ?? d.node, { subject: `service ${d.service}` });
    let doubt = imageDoubt(ref, d.delegateKind ?? "classic");
    doubt && report(ctx, "warning", "IMAGE", `service ${d.service}: ${doubt}`, image ?? d.node, {
      subject: `service ${d.service}`
    }), ensureComposeEnv(ctx, res, d), ensureComposeMounts(ctx, res, d);
  }
  for (let u of res.upgraders)
    report(
      ctx,
      "warning",
      "UNSUPPORTED",
      `service ${u.service} is the Docker upgrader, which has no documented mTLS settings: left unchanged (under STRICT it cannot reach Harness; upgrade this delegate by hand)`,
      u.node,
      { subject: `service ${u.service}` }
    );
}
function ensureComposeEnv(ctx, res, d) {
  let ectx = editContext(ctx, res), envPtr = [...["services", d.service], "environment"], envDisplay = [...envPtr], envNode = d.node.get("environment", !0), { form, entries } = composeEnv(d.node), hasEnvFile = d.node.has("env_file"), appended = [];
  for (let want of wantedEnv(ctx, d.delegateKind)) {
    let found = entries.find((e) => e.name === want.name), old = want.oldName ? entries.find((e) => e.name === want.oldName) : void 0, entry = found ?? old;
    if (!entry) {
      if (!want.addIfMissing || want.unlessPresent && entries.some((e) => e.name === want.unlessPresent)) continue;
      if (want.manager) {
        if (hasEnvFile) {
          report(
            ctx,
            "warning",
            "NOT_CHANGED",
            `service ${d.service}: ${want.name} may come from its env_file, which is not in the input: set it to "${want.value}" there`,
            d.node.get("env_file", !0),
            { role: want.role, subject: `service ${d.service}` }
          );
          continue;
        }
        report(ctx, "warning", "ADDED_ENDPOINT", `service ${d.service} had no ${want.name}; added it`, d.node, {
          subject: `service ${d.service}`
        });
      }
      appended.push({ name: want.name, value: want.value, role: want.role, reason: want.reason });
      continue;
    }
    let display = [...envDisplay, { name: entry.name }];
    if (found && old) {
      let reason2 = `${want.oldName} is ignored by the delegate; ${want.name} is set`;
      form === "list" ? plan(ctx, {
        resource: res.ref,
        op: "remove",
        ptr: [...envPtr, old.index],
        display: display.slice(0, -1).concat({ name: old.name }),
        before: `${old.name}${old.value === void 0 ? "" : `=${old.value}`}`,
        role: want.role,
        reason: reason2,
        splices: [removeItem(ectx, envNode, old.index)]
      }) : plan(ctx, {
        resource: res.ref,
        op: "remove",
        ptr: [...envPtr, old.name],
        display: [...envPtr, old.name],
        before: old.value ?? null,
        role: want.role,
        reason: reason2,
        splices: [removePair(ectx, envNode, pairOf(envNode, old.name))]
      });
    }
    if (entry.value === void 0 && want.kind === "endpoint") {
      report(
        ctx,
        "warning",
        "NOT_CHANGED",
        `service ${d.service}: ${want.name} is passed through from the host environment: set it to "${want.value}" there (or in .env)`,
        entry.node,
        { role: want.role, subject: `service ${d.service}` }
      );
      continue;
    }
    if (entry.value !== void 0 && want.kind === "endpoint" && /\$\{?[A-Za-z_]/.test(entry.value)) {
      report(
        ctx,
        "warning",
        "NOT_CHANGED",
        `service ${d.service}: ${want.name} comes from a variable (${entry.value}): set it to "${want.value}" in .env or the shell`,
        entry.node,
        { role: want.role, subject: `service ${d.service}` }
      );
      continue;
    }
    let renamed = entry !== found;
    if (!renamed && entry.value === want.value) continue;
    let reason = renamed ? `the delegate reads only ${want.name}; ${want.oldName} is ignored` : want.reason;
    if (form === "list") {
      let text = `${want.name}=${want.value}`, before = `${entry.name}${entry.value === void 0 ? "" : `=${entry.value}`}`;
      plan(ctx, {
        resource: res.ref,
        op: "set",
        ptr: [...envPtr, entry.index],
        display: [...envDisplay, { name: want.name }],
        before,
        after: text,
        role: want.role,
        reason,
        splices: [setScalar(ectx, entry.node, text)]
      });
    } else {
      let pair = pairOf(envNode, entry.name), valueSplice = setPairValue(ectx, pair, want.value, formatScalar(want.value));
      renamed ? (plan(ctx, {
        resource: res.ref,
        op: "remove",
        ptr: [...envPtr, entry.name],
        display: [...envPtr, entry.name],
        before: entry.value ?? null,
        role: want.role,
        reason,
        splices: [setScalar(ectx, pair.key, want.name)]
      }), plan(ctx, {
        resource: res.ref,
        op: "add",
        ptr: [...envPtr, want.name],
        display: [...envPtr, want.name],
        after: want.value,
        role: want.role,
        reason,
        splices: entry.value === want.value ? [] : [valueSplice]
      })) : plan(ctx, {
        resource: res.ref,
        op: "set",
        ptr: [...envPtr, entry.name],
        display: [...envPtr, entry.name],
        before: entry.value ?? null,
        after: want.value,
        role: want.role,
        reason,
        splices: [valueSplice]
      });
    }
  }
  if (appended.length === 0) return;
  if (form === "map") {
    let layout2 = layoutFor(ectx.unit, !0);
    for (let a of appended)
      plan(ctx, {
        resource: res.ref,
        op: "add",
        ptr: [...envPtr, a.name],
        display: [...envPtr, a.name],
        after: a.value,
        role: a.role,
        reason: a.reason,
        splices: [],
        place: {
          kind: "add",
          ectx,
          owner: envNode,
          key: a.name,
          value: scalar(formatScalar(a.value)),
          layout: layout2
        }
      });
    return;
  }
  let lastItem = (0, import_yaml11.isSeq)(envNode) ? envNode.items[envNode.items.length - 1] : void 0, style = (0, import_yaml11.isScalar)(lastItem) && lastItem.type === import_yaml11.Scalar.QUOTE_DOUBLE ? "double" : "plain", layout = layoutIn(ectx, d.node, ["environment", "volumes", "ports"], !1);
  for (let a of appended)
    plan(ctx, {
      resource: res.ref,
      op: "append",
      ptr: envPtr,
      display: envDisplay,
      after: `${a.name}=${a.value}`,
      role: a.role,
      reason: a.reason,
      splices: [],
      place: {
        kind: "append",
        ectx,
        owner: d.node,
        key: "environment",
        item: scalar(formatScalar(`${a.name}=${a.value}`, style)),
        layout
      }
    });
}
function ensureComposeMounts(ctx, res, d) {
  let ectx = editContext(ctx, res), m = ctx.options.mountPath, volPtr = ["services", d.service, "volumes"], volumes = composeVolumes(d.node), wanted = [
    { target: `${m}/${CERT_FILE}`, source: ctx.options.certPath ?? DEFAULT_CERT_PATH, what: "client certificate" },
    { target: `${m}/${KEY_FILE}`, source: ctx.options.keyPath ?? DEFAULT_KEY_PATH, what: "client key" }
  ], seen = /* @__PURE__ */ new Set(), appended = [];
  for (let w of wanted) {
    let existing = volumes.find((v) => v.target === w.target) ?? volumes.find((v) => v.target === m);
    if (!existing) {
      appended.push(`${w.source}:${w.target}:ro`);
      continue;
    }
    if (existing.readOnly || seen.has(existing.index)) continue;
    seen.add(existing.index);
    let reason = `the ${w.what} mount is read-only`;
    if ((0, import_yaml11.isScalar)(existing.node)) {
      let modes = (existing.mode ?? "").split(",").filter((x) => x !== "" && x !== "rw"), before = String(existing.node.value), after = `${existing.source ?? ""}:${existing.target}:${["ro", ...modes].join(",")}`;
      plan(ctx, {
        resource: res.ref,
        op: "set",
        ptr: [...volPtr, existing.index],
        display: [...volPtr, existing.index],
        before,
        after,
        role: "mount",
        reason,
        splices: [setScalar(ectx, existing.node, after)]
      });
    } else {
      let item = existing.node, ro = item.get("read_only", !0);
      (0, import_yaml11.isScalar)(ro) ? plan(ctx, {
        resource: res.ref,
        op: "set",
        ptr: [...volPtr, existing.index, "read_only"],
        display: [...volPtr, existing.index, "read_only"],
        before: ro.value,
        after: !0,
        role: "mount",
        reason,
        splices: [replaceRange(ro.range[0], ro.range[1], "true")]
      }) : plan(ctx, {
        resource: res.ref,
        op: "add",
        ptr: [...volPtr, existing.index, "read_only"],
        display: [...volPtr, existing.index, "read_only"],
        after: !0,
        role: "mount",
        reason,
        splices: [addPairs(ectx, item, [["read_only", scalar("true")]], layoutFor(ectx.unit, !0))]
      });
    }
  }
  if (appended.length === 0) return;
  let layout = layoutIn(ectx, d.node, ["volumes", "environment", "ports"], !1);
  for (let a of appended)
    plan(ctx, {
      resource: res.ref,
      op: "append",
      ptr: volPtr,
      display: volPtr,
      after: a,
      role: "mount",
      reason: `bind-mount the ${a.includes(KEY_FILE) ? "client key" : "client certificate"} read-only where the delegate reads it`,
      splices: [],
      place: {
        kind: "append",
        ectx,
        owner: d.node,
        key: "volumes",
        item: scalar(formatScalar(a)),
        layout,
        ...d.node.has("image") ? { createAfter: "image" } : {}
      }
    });
}
var import_yaml11, DEFAULT_CERT_PATH, DEFAULT_KEY_PATH, isHostPath, trimSlash, init_plan_compose = __esm({
  "src/mtls/plan-compose.ts"() {
    "use strict";
    import_yaml11 = __toESM(require_dist(), 1);
    init_errors();
    init_compose();
    init_delegate_kind();
    init_wanted_state();
    init_edit();
    init_edit_pairs();
    init_fragment();
    init_layout();
    init_lookup();
    init_scalar();
    init_splice();
    init_context();
    init_plan_env();
    init_plan_pod();
    DEFAULT_CERT_PATH = "./client.crt", DEFAULT_KEY_PATH = "./client.key", isHostPath = (p) => /^(\/|\.{1,2}\/|~\/|[A-Za-z]:[\\/])/.test(p);
    trimSlash = (p) => p.length > 1 ? p.replace(/\/+$/, "") : p;
  }
});

// src/resources/upgrader-config.ts
var upgrader_config_exports = {};
__export(upgrader_config_exports, {
  isUpgraderConfigText: () => isUpgraderConfigText,
  upgraderConfigFacts: () => upgraderConfigFacts
});
function readConfig(text) {
  if (recent.has(text)) return recent.get(text);
  let value = parseConfig(text);
  return recent.set(text, value), recent.size > RECENT && recent.delete(recent.keys().next().value), value;
}
function parseConfig(text) {
  let doc = (0, import_yaml12.parseDocument)(text, { ...K8S_PARSE, keepSourceTokens: !1 });
  if (doc.errors.length > 0) return;
  let value = doc.toJS({ maxAliasCount: 100 });
  return value !== null && typeof value == "object" && !Array.isArray(value) ? value : void 0;
}
function isUpgraderConfigText(text) {
  let config = readConfig(text);
  return config ? config.mode === "Delegate" || isMapping(config.delegateConfig) : /^\s*["']?(mode["']?\s*:\s*["']?Delegate\b|delegateConfig["']?\s*:)/m.test(text);
}
function upgraderConfigFacts(text) {
  let config = readConfig(text);
  if (!config) return {};
  let out = {};
  typeof config.workloadName == "string" && (out.workloadName = config.workloadName);
  let delegateConfig = config.delegateConfig, host = isMapping(delegateConfig) ? delegateConfig[UPGRADER_HOST_KEY] : config[UPGRADER_HOST_KEY];
  return typeof host == "string" && (out.managerHost = host), out;
}
var import_yaml12, RECENT, recent, isMapping, init_upgrader_config = __esm({
  "src/resources/upgrader-config.ts"() {
    "use strict";
    import_yaml12 = __toESM(require_dist(), 1);
    init_parse();
    init_wanted_state();
    RECENT = 64, recent = /* @__PURE__ */ new Map();
    isMapping = (v) => v !== null && typeof v == "object" && !Array.isArray(v);
  }
});

// src/validate/generated/validators.cjs
var require_validators = __commonJS({
  "src/validate/generated/validators.cjs"(exports2) {
    "use strict";
    exports2.validateContainer = validate10;
    var schema11 = { $schema: "http://json-schema.org/draft-07/schema#", $id: "https://delegate-mtls.dev/schemas/container.json", title: "Container", description: "One container of a pod spec (core/v1 Container), limited to the fields delegate-mtls reads or writes. Other fields are allowed.", type: "object", required: ["name"], properties: { name: { description: "Name of the container, unique within the pod.", type: "string" }, image: { description: "Container image reference.", type: "string" }, env: { description: "Environment variables. `null` (an empty `env:` key in YAML) is accepted.", type: ["array", "null"], items: { $ref: "env-var.json" } }, envFrom: { description: "Sources that populate environment variables in bulk.", type: "array", items: { type: "object", properties: { configMapRef: { description: "ConfigMap whose keys become environment variables.", $ref: "#/definitions/namedRef" }, secretRef: { description: "Secret whose keys become environment variables.", $ref: "#/definitions/namedRef" } }, additionalProperties: !0 } }, volumeMounts: { description: "Volume mounts. `null` (an empty `volumeMounts:` key in YAML) is accepted.", type: ["array", "null"], items: { $ref: "volume-mount.json" } }, securityContext: { description: "Container-level security settings.", type: "object", properties: { runAsUser: { description: "UID the container process runs as.", type: "integer" }, runAsNonRoot: { description: "Require the container to run as a non-root user.", type: "boolean" } }, additionalProperties: !0 } }, additionalProperties: !0, definitions: { namedRef: { description: "Reference to an object by name in the pod's namespace.", type: "object", properties: { name: { description: "Name of the referenced object.", type: "string" } }, additionalProperties: !0 } } }, schema12 = { $schema: "http://json-schema.org/draft-07/schema#", $id: "https://delegate-mtls.dev/schemas/env-var.json", title: "Container environment variable", description: "One entry of a container's `env` list (core/v1 EnvVar), limited to the fields delegate-mtls reads or writes. Other fields are allowed.", type: "object", required: ["name"], properties: { name: { description: "Name of the environment variable.", type: "string" }, value: { description: "Literal value. Kubernetes requires a string: an unquoted `true`, `on` or `1` in YAML is a boolean or number and is rejected by the API server. An empty value (`value:`, `~`, `null`) is null, which the API server reads as the empty string.", type: ["string", "null"] }, valueFrom: { description: "Source of the value (secretKeyRef, configMapKeyRef, fieldRef, resourceFieldRef). Not inspected further.", type: "object" } }, additionalProperties: !0 };
    function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          let err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
          vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
        }
        if (data.name !== void 0 && typeof data.name != "string") {
          let err1 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
        }
        if (data.image !== void 0 && typeof data.image != "string") {
          let err2 = { instancePath: instancePath + "/image", schemaPath: "#/properties/image/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
        }
        if (data.env !== void 0) {
          let data2 = data.env;
          if (!Array.isArray(data2) && data2 !== null) {
            let err3 = { instancePath: instancePath + "/env", schemaPath: "#/properties/env/type", keyword: "type", params: { type: schema11.properties.env.type }, message: "must be array,null" };
            vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
          }
          if (Array.isArray(data2)) {
            let len0 = data2.length;
            for (let i0 = 0; i0 < len0; i0++) {
              let data3 = data2[i0];
              if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
                if (data3.name === void 0) {
                  let err4 = { instancePath: instancePath + "/env/" + i0, schemaPath: "env-var.json/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
                  vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
                }
                if (data3.name !== void 0 && typeof data3.name != "string") {
                  let err5 = { instancePath: instancePath + "/env/" + i0 + "/name", schemaPath: "env-var.json/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  vErrors === null ? vErrors = [err5] : vErrors.push(err5), errors++;
                }
                if (data3.value !== void 0) {
                  let data5 = data3.value;
                  if (typeof data5 != "string" && data5 !== null) {
                    let err6 = { instancePath: instancePath + "/env/" + i0 + "/value", schemaPath: "env-var.json/properties/value/type", keyword: "type", params: { type: schema12.properties.value.type }, message: "must be string,null" };
                    vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
                  }
                }
                if (data3.valueFrom !== void 0) {
                  let data6 = data3.valueFrom;
                  if (!(data6 && typeof data6 == "object" && !Array.isArray(data6))) {
                    let err7 = { instancePath: instancePath + "/env/" + i0 + "/valueFrom", schemaPath: "env-var.json/properties/valueFrom/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    vErrors === null ? vErrors = [err7] : vErrors.push(err7), errors++;
                  }
                }
              } else {
                let err8 = { instancePath: instancePath + "/env/" + i0, schemaPath: "env-var.json/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                vErrors === null ? vErrors = [err8] : vErrors.push(err8), errors++;
              }
            }
          }
        }
        if (data.envFrom !== void 0) {
          let data7 = data.envFrom;
          if (Array.isArray(data7)) {
            let len1 = data7.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data8 = data7[i1];
              if (data8 && typeof data8 == "object" && !Array.isArray(data8)) {
                if (data8.configMapRef !== void 0) {
                  let data9 = data8.configMapRef;
                  if (data9 && typeof data9 == "object" && !Array.isArray(data9)) {
                    if (data9.name !== void 0 && typeof data9.name != "string") {
                      let err9 = { instancePath: instancePath + "/envFrom/" + i1 + "/configMapRef/name", schemaPath: "#/definitions/namedRef/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      vErrors === null ? vErrors = [err9] : vErrors.push(err9), errors++;
                    }
                  } else {
                    let err10 = { instancePath: instancePath + "/envFrom/" + i1 + "/configMapRef", schemaPath: "#/definitions/namedRef/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    vErrors === null ? vErrors = [err10] : vErrors.push(err10), errors++;
                  }
                }
                if (data8.secretRef !== void 0) {
                  let data11 = data8.secretRef;
                  if (data11 && typeof data11 == "object" && !Array.isArray(data11)) {
                    if (data11.name !== void 0 && typeof data11.name != "string") {
                      let err11 = { instancePath: instancePath + "/envFrom/" + i1 + "/secretRef/name", schemaPath: "#/definitions/namedRef/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      vErrors === null ? vErrors = [err11] : vErrors.push(err11), errors++;
                    }
                  } else {
                    let err12 = { instancePath: instancePath + "/envFrom/" + i1 + "/secretRef", schemaPath: "#/definitions/namedRef/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    vErrors === null ? vErrors = [err12] : vErrors.push(err12), errors++;
                  }
                }
              } else {
                let err13 = { instancePath: instancePath + "/envFrom/" + i1, schemaPath: "#/properties/envFrom/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                vErrors === null ? vErrors = [err13] : vErrors.push(err13), errors++;
              }
            }
          } else {
            let err14 = { instancePath: instancePath + "/envFrom", schemaPath: "#/properties/envFrom/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            vErrors === null ? vErrors = [err14] : vErrors.push(err14), errors++;
          }
        }
        if (data.volumeMounts !== void 0) {
          let data13 = data.volumeMounts;
          if (!Array.isArray(data13) && data13 !== null) {
            let err15 = { instancePath: instancePath + "/volumeMounts", schemaPath: "#/properties/volumeMounts/type", keyword: "type", params: { type: schema11.properties.volumeMounts.type }, message: "must be array,null" };
            vErrors === null ? vErrors = [err15] : vErrors.push(err15), errors++;
          }
          if (Array.isArray(data13)) {
            let len2 = data13.length;
            for (let i2 = 0; i2 < len2; i2++) {
              let data14 = data13[i2];
              if (data14 && typeof data14 == "object" && !Array.isArray(data14)) {
                if (data14.name === void 0) {
                  let err16 = { instancePath: instancePath + "/volumeMounts/" + i2, schemaPath: "volume-mount.json/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
                  vErrors === null ? vErrors = [err16] : vErrors.push(err16), errors++;
                }
                if (data14.mountPath === void 0) {
                  let err17 = { instancePath: instancePath + "/volumeMounts/" + i2, schemaPath: "volume-mount.json/required", keyword: "required", params: { missingProperty: "mountPath" }, message: "must have required property 'mountPath'" };
                  vErrors === null ? vErrors = [err17] : vErrors.push(err17), errors++;
                }
                if (data14.name !== void 0 && typeof data14.name != "string") {
                  let err18 = { instancePath: instancePath + "/volumeMounts/" + i2 + "/name", schemaPath: "volume-mount.json/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  vErrors === null ? vErrors = [err18] : vErrors.push(err18), errors++;
                }
                if (data14.mountPath !== void 0 && typeof data14.mountPath != "string") {
                  let err19 = { instancePath: instancePath + "/volumeMounts/" + i2 + "/mountPath", schemaPath: "volume-mount.json/properties/mountPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  vErrors === null ? vErrors = [err19] : vErrors.push(err19), errors++;
                }
                if (data14.readOnly !== void 0 && typeof data14.readOnly != "boolean") {
                  let err20 = { instancePath: instancePath + "/volumeMounts/" + i2 + "/readOnly", schemaPath: "volume-mount.json/properties/readOnly/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                  vErrors === null ? vErrors = [err20] : vErrors.push(err20), errors++;
                }
                if (data14.subPath !== void 0 && typeof data14.subPath != "string") {
                  let err21 = { instancePath: instancePath + "/volumeMounts/" + i2 + "/subPath", schemaPath: "volume-mount.json/properties/subPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  vErrors === null ? vErrors = [err21] : vErrors.push(err21), errors++;
                }
              } else {
                let err22 = { instancePath: instancePath + "/volumeMounts/" + i2, schemaPath: "volume-mount.json/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                vErrors === null ? vErrors = [err22] : vErrors.push(err22), errors++;
              }
            }
          }
        }
        if (data.securityContext !== void 0) {
          let data19 = data.securityContext;
          if (data19 && typeof data19 == "object" && !Array.isArray(data19)) {
            if (data19.runAsUser !== void 0) {
              let data20 = data19.runAsUser;
              if (!(typeof data20 == "number" && !(data20 % 1) && !isNaN(data20) && isFinite(data20))) {
                let err23 = { instancePath: instancePath + "/securityContext/runAsUser", schemaPath: "#/properties/securityContext/properties/runAsUser/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                vErrors === null ? vErrors = [err23] : vErrors.push(err23), errors++;
              }
            }
            if (data19.runAsNonRoot !== void 0 && typeof data19.runAsNonRoot != "boolean") {
              let err24 = { instancePath: instancePath + "/securityContext/runAsNonRoot", schemaPath: "#/properties/securityContext/properties/runAsNonRoot/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
              vErrors === null ? vErrors = [err24] : vErrors.push(err24), errors++;
            }
          } else {
            let err25 = { instancePath: instancePath + "/securityContext", schemaPath: "#/properties/securityContext/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err25] : vErrors.push(err25), errors++;
          }
        }
      } else {
        let err26 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        vErrors === null ? vErrors = [err26] : vErrors.push(err26), errors++;
      }
      return validate10.errors = vErrors, errors === 0;
    }
    exports2.validateEnvVar = validate11;
    function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          let err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
          vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
        }
        if (data.name !== void 0 && typeof data.name != "string") {
          let err1 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
        }
        if (data.value !== void 0) {
          let data1 = data.value;
          if (typeof data1 != "string" && data1 !== null) {
            let err2 = { instancePath: instancePath + "/value", schemaPath: "#/properties/value/type", keyword: "type", params: { type: schema12.properties.value.type }, message: "must be string,null" };
            vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
          }
        }
        if (data.valueFrom !== void 0) {
          let data2 = data.valueFrom;
          if (!(data2 && typeof data2 == "object" && !Array.isArray(data2))) {
            let err3 = { instancePath: instancePath + "/valueFrom", schemaPath: "#/properties/valueFrom/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
          }
        }
      } else {
        let err4 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
      }
      return validate11.errors = vErrors, errors === 0;
    }
    exports2.validatePodSpec = validate12;
    var schema17 = { $schema: "http://json-schema.org/draft-07/schema#", $id: "https://delegate-mtls.dev/schemas/pod-spec.json", title: "Pod spec", description: "A pod spec (core/v1 PodSpec, e.g. a Deployment's `spec.template.spec`), limited to the fields delegate-mtls reads or writes. Other fields are allowed.", type: "object", required: ["containers"], properties: { containers: { description: "Containers of the pod; at least one.", type: "array", minItems: 1, items: { $ref: "container.json" } }, volumes: { description: "Volumes of the pod. `null` (an empty `volumes:` key in YAML) is accepted.", type: ["array", "null"], items: { $ref: "volume.json" } }, securityContext: { description: "Pod-level security settings.", type: "object", properties: { runAsUser: { description: "UID the containers run as unless they say otherwise.", type: "integer" }, runAsNonRoot: { description: "Require the containers to run as a non-root user.", type: "boolean" }, fsGroup: { description: "GID that owns mounted volumes.", type: "integer" } }, additionalProperties: !0 } }, additionalProperties: !0 };
    function validate15(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (Array.isArray(data)) {
        let len0 = data.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data0 = data[i0];
          if (data0 && typeof data0 == "object" && !Array.isArray(data0)) {
            if (data0.key !== void 0 && typeof data0.key != "string") {
              let err0 = { instancePath: instancePath + "/" + i0 + "/key", schemaPath: "#/items/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
            }
            if (data0.path !== void 0 && typeof data0.path != "string") {
              let err1 = { instancePath: instancePath + "/" + i0 + "/path", schemaPath: "#/items/properties/path/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
            }
            if (data0.mode !== void 0) {
              let data3 = data0.mode;
              if (!(typeof data3 == "number" && !(data3 % 1) && !isNaN(data3) && isFinite(data3))) {
                let err2 = { instancePath: instancePath + "/" + i0 + "/mode", schemaPath: "#/definitions/fileMode/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
              }
              if (typeof data3 == "number" && isFinite(data3)) {
                if (data3 > 511 || isNaN(data3)) {
                  let err3 = { instancePath: instancePath + "/" + i0 + "/mode", schemaPath: "#/definitions/fileMode/maximum", keyword: "maximum", params: { comparison: "<=", limit: 511 }, message: "must be <= 511" };
                  vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
                }
                if (data3 < 0 || isNaN(data3)) {
                  let err4 = { instancePath: instancePath + "/" + i0 + "/mode", schemaPath: "#/definitions/fileMode/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
                }
              }
            }
          } else {
            let err5 = { instancePath: instancePath + "/" + i0, schemaPath: "#/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err5] : vErrors.push(err5), errors++;
          }
        }
      } else {
        let err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
      }
      return validate15.errors = vErrors, errors === 0;
    }
    function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          let err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
          vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
        }
        if (data.name !== void 0 && typeof data.name != "string") {
          let err1 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
        }
        if (data.secret !== void 0) {
          let data1 = data.secret;
          if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
            if (data1.secretName !== void 0 && typeof data1.secretName != "string") {
              let err2 = { instancePath: instancePath + "/secret/secretName", schemaPath: "#/properties/secret/properties/secretName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
            }
            if (data1.defaultMode !== void 0) {
              let data3 = data1.defaultMode;
              if (!(typeof data3 == "number" && !(data3 % 1) && !isNaN(data3) && isFinite(data3))) {
                let err3 = { instancePath: instancePath + "/secret/defaultMode", schemaPath: "#/definitions/fileMode/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
              }
              if (typeof data3 == "number" && isFinite(data3)) {
                if (data3 > 511 || isNaN(data3)) {
                  let err4 = { instancePath: instancePath + "/secret/defaultMode", schemaPath: "#/definitions/fileMode/maximum", keyword: "maximum", params: { comparison: "<=", limit: 511 }, message: "must be <= 511" };
                  vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
                }
                if (data3 < 0 || isNaN(data3)) {
                  let err5 = { instancePath: instancePath + "/secret/defaultMode", schemaPath: "#/definitions/fileMode/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  vErrors === null ? vErrors = [err5] : vErrors.push(err5), errors++;
                }
              }
            }
            data1.items !== void 0 && (validate15(data1.items, { instancePath: instancePath + "/secret/items", parentData: data1, parentDataProperty: "items", rootData }) || (vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors), errors = vErrors.length));
          } else {
            let err6 = { instancePath: instancePath + "/secret", schemaPath: "#/properties/secret/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
          }
        }
        if (data.configMap !== void 0) {
          let data5 = data.configMap;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.name !== void 0 && typeof data5.name != "string") {
              let err7 = { instancePath: instancePath + "/configMap/name", schemaPath: "#/properties/configMap/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              vErrors === null ? vErrors = [err7] : vErrors.push(err7), errors++;
            }
            if (data5.defaultMode !== void 0) {
              let data7 = data5.defaultMode;
              if (!(typeof data7 == "number" && !(data7 % 1) && !isNaN(data7) && isFinite(data7))) {
                let err8 = { instancePath: instancePath + "/configMap/defaultMode", schemaPath: "#/definitions/fileMode/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                vErrors === null ? vErrors = [err8] : vErrors.push(err8), errors++;
              }
              if (typeof data7 == "number" && isFinite(data7)) {
                if (data7 > 511 || isNaN(data7)) {
                  let err9 = { instancePath: instancePath + "/configMap/defaultMode", schemaPath: "#/definitions/fileMode/maximum", keyword: "maximum", params: { comparison: "<=", limit: 511 }, message: "must be <= 511" };
                  vErrors === null ? vErrors = [err9] : vErrors.push(err9), errors++;
                }
                if (data7 < 0 || isNaN(data7)) {
                  let err10 = { instancePath: instancePath + "/configMap/defaultMode", schemaPath: "#/definitions/fileMode/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                  vErrors === null ? vErrors = [err10] : vErrors.push(err10), errors++;
                }
              }
            }
            data5.items !== void 0 && (validate15(data5.items, { instancePath: instancePath + "/configMap/items", parentData: data5, parentDataProperty: "items", rootData }) || (vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors), errors = vErrors.length));
          } else {
            let err11 = { instancePath: instancePath + "/configMap", schemaPath: "#/properties/configMap/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err11] : vErrors.push(err11), errors++;
          }
        }
      } else {
        let err12 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        vErrors === null ? vErrors = [err12] : vErrors.push(err12), errors++;
      }
      return validate14.errors = vErrors, errors === 0;
    }
    function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.containers === void 0) {
          let err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "containers" }, message: "must have required property 'containers'" };
          vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
        }
        if (data.containers !== void 0) {
          let data0 = data.containers;
          if (Array.isArray(data0)) {
            if (data0.length < 1) {
              let err1 = { instancePath: instancePath + "/containers", schemaPath: "#/properties/containers/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
              vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
            }
            let len0 = data0.length;
            for (let i0 = 0; i0 < len0; i0++)
              validate10(data0[i0], { instancePath: instancePath + "/containers/" + i0, parentData: data0, parentDataProperty: i0, rootData }) || (vErrors = vErrors === null ? validate10.errors : vErrors.concat(validate10.errors), errors = vErrors.length);
          } else {
            let err2 = { instancePath: instancePath + "/containers", schemaPath: "#/properties/containers/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
          }
        }
        if (data.volumes !== void 0) {
          let data2 = data.volumes;
          if (!Array.isArray(data2) && data2 !== null) {
            let err3 = { instancePath: instancePath + "/volumes", schemaPath: "#/properties/volumes/type", keyword: "type", params: { type: schema17.properties.volumes.type }, message: "must be array,null" };
            vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
          }
          if (Array.isArray(data2)) {
            let len1 = data2.length;
            for (let i1 = 0; i1 < len1; i1++)
              validate14(data2[i1], { instancePath: instancePath + "/volumes/" + i1, parentData: data2, parentDataProperty: i1, rootData }) || (vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors), errors = vErrors.length);
          }
        }
        if (data.securityContext !== void 0) {
          let data4 = data.securityContext;
          if (data4 && typeof data4 == "object" && !Array.isArray(data4)) {
            if (data4.runAsUser !== void 0) {
              let data5 = data4.runAsUser;
              if (!(typeof data5 == "number" && !(data5 % 1) && !isNaN(data5) && isFinite(data5))) {
                let err4 = { instancePath: instancePath + "/securityContext/runAsUser", schemaPath: "#/properties/securityContext/properties/runAsUser/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
              }
            }
            if (data4.runAsNonRoot !== void 0 && typeof data4.runAsNonRoot != "boolean") {
              let err5 = { instancePath: instancePath + "/securityContext/runAsNonRoot", schemaPath: "#/properties/securityContext/properties/runAsNonRoot/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
              vErrors === null ? vErrors = [err5] : vErrors.push(err5), errors++;
            }
            if (data4.fsGroup !== void 0) {
              let data7 = data4.fsGroup;
              if (!(typeof data7 == "number" && !(data7 % 1) && !isNaN(data7) && isFinite(data7))) {
                let err6 = { instancePath: instancePath + "/securityContext/fsGroup", schemaPath: "#/properties/securityContext/properties/fsGroup/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
              }
            }
          } else {
            let err7 = { instancePath: instancePath + "/securityContext", schemaPath: "#/properties/securityContext/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err7] : vErrors.push(err7), errors++;
          }
        }
      } else {
        let err8 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        vErrors === null ? vErrors = [err8] : vErrors.push(err8), errors++;
      }
      return validate12.errors = vErrors, errors === 0;
    }
    exports2.validateUpgraderConfig = validate19;
    function validate19(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.mode !== void 0 && typeof data.mode != "string") {
          let err0 = { instancePath: instancePath + "/mode", schemaPath: "#/properties/mode/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
        }
        if (data.dryRun !== void 0 && typeof data.dryRun != "boolean") {
          let err1 = { instancePath: instancePath + "/dryRun", schemaPath: "#/properties/dryRun/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
          vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
        }
        if (data.workloadName !== void 0 && typeof data.workloadName != "string") {
          let err2 = { instancePath: instancePath + "/workloadName", schemaPath: "#/properties/workloadName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
        }
        if (data.namespace !== void 0 && typeof data.namespace != "string") {
          let err3 = { instancePath: instancePath + "/namespace", schemaPath: "#/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
        }
        if (data.containerName !== void 0 && typeof data.containerName != "string") {
          let err4 = { instancePath: instancePath + "/containerName", schemaPath: "#/properties/containerName/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
        }
        if (data.delegateConfig !== void 0) {
          let data5 = data.delegateConfig;
          if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
            if (data5.accountId !== void 0 && typeof data5.accountId != "string") {
              let err5 = { instancePath: instancePath + "/delegateConfig/accountId", schemaPath: "#/properties/delegateConfig/properties/accountId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              vErrors === null ? vErrors = [err5] : vErrors.push(err5), errors++;
            }
            if (data5.managerHost !== void 0 && typeof data5.managerHost != "string") {
              let err6 = { instancePath: instancePath + "/delegateConfig/managerHost", schemaPath: "#/properties/delegateConfig/properties/managerHost/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
            }
          } else {
            let err7 = { instancePath: instancePath + "/delegateConfig", schemaPath: "#/properties/delegateConfig/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            vErrors === null ? vErrors = [err7] : vErrors.push(err7), errors++;
          }
        }
        if (data.clientCertificateFilePath !== void 0 && typeof data.clientCertificateFilePath != "string") {
          let err8 = { instancePath: instancePath + "/clientCertificateFilePath", schemaPath: "#/properties/clientCertificateFilePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err8] : vErrors.push(err8), errors++;
        }
        if (data.clientCertificateKeyFilePath !== void 0 && typeof data.clientCertificateKeyFilePath != "string") {
          let err9 = { instancePath: instancePath + "/clientCertificateKeyFilePath", schemaPath: "#/properties/clientCertificateKeyFilePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err9] : vErrors.push(err9), errors++;
        }
      } else {
        let err10 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        vErrors === null ? vErrors = [err10] : vErrors.push(err10), errors++;
      }
      return validate19.errors = vErrors, errors === 0;
    }
    exports2.validateVolumeMount = validate20;
    function validate20(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
      let vErrors = null, errors = 0;
      if (data && typeof data == "object" && !Array.isArray(data)) {
        if (data.name === void 0) {
          let err0 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "name" }, message: "must have required property 'name'" };
          vErrors === null ? vErrors = [err0] : vErrors.push(err0), errors++;
        }
        if (data.mountPath === void 0) {
          let err1 = { instancePath, schemaPath: "#/required", keyword: "required", params: { missingProperty: "mountPath" }, message: "must have required property 'mountPath'" };
          vErrors === null ? vErrors = [err1] : vErrors.push(err1), errors++;
        }
        if (data.name !== void 0 && typeof data.name != "string") {
          let err2 = { instancePath: instancePath + "/name", schemaPath: "#/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
        }
        if (data.mountPath !== void 0 && typeof data.mountPath != "string") {
          let err3 = { instancePath: instancePath + "/mountPath", schemaPath: "#/properties/mountPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err3] : vErrors.push(err3), errors++;
        }
        if (data.readOnly !== void 0 && typeof data.readOnly != "boolean") {
          let err4 = { instancePath: instancePath + "/readOnly", schemaPath: "#/properties/readOnly/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
          vErrors === null ? vErrors = [err4] : vErrors.push(err4), errors++;
        }
        if (data.subPath !== void 0 && typeof data.subPath != "string") {
          let err5 = { instancePath: instancePath + "/subPath", schemaPath: "#/properties/subPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err5] : vErrors.push(err5), errors++;
        }
      } else {
        let err6 = { instancePath, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
      }
      return validate20.errors = vErrors, errors === 0;
    }
    exports2.validateVolume = validate14;
  }
});

// src/validate/index.ts
function validate(schema, data) {
  let fn = VALIDATORS[schema];
  if (fn(data)) return [];
  let seen = /* @__PURE__ */ new Set(), problems = [];
  for (let error of fn.errors ?? []) {
    let problem = toProblem(error), key = JSON.stringify(problem);
    seen.has(key) || (seen.add(key), problems.push(problem));
  }
  return problems;
}
function toProblem(error) {
  let path = decodePointer(error.instancePath), params = error.params;
  switch (error.keyword) {
    case "required":
      return { path: [...path, String(params.missingProperty)], message: "is required" };
    case "additionalProperties":
      return { path: [...path, String(params.additionalProperty)], message: "is not allowed here" };
  }
  if (error.schemaPath.includes("/definitions/fileMode/"))
    return { path, message: "must be an integer from 0 to 511" };
  if (error.keyword === "type") {
    let expected = typePhrase(params.type);
    return /^(#|env-var\.json)\/properties\/value\/type$/.test(error.schemaPath) && path.at(-1) === "value" ? { path, message: "must be a string (Kubernetes reads env values as strings; quote it)" } : { path, message: expected };
  }
  if (error.keyword === "minItems") {
    let n = Number(params.limit);
    return { path, message: `must have at least ${n} ${n === 1 ? "item" : "items"}` };
  }
  return { path, message: error.message ?? `must satisfy ${error.keyword}` };
}
function typePhrase(type) {
  let article = (t) => t === "null" ? t : /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
  return `must be ${(Array.isArray(type) ? type : String(type).split(",")).map(String).map(article).join(" or ")}`;
}
function decodePointer(pointer) {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((raw) => {
    let segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    return /^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment;
  });
}
var import_validators, VALIDATORS, init_validate = __esm({
  "src/validate/index.ts"() {
    "use strict";
    import_validators = __toESM(require_validators(), 1), VALIDATORS = {
      container: import_validators.default.validateContainer,
      podSpec: import_validators.default.validatePodSpec,
      upgraderConfig: import_validators.default.validateUpgraderConfig,
      volume: import_validators.default.validateVolume,
      volumeMount: import_validators.default.validateVolumeMount,
      envVar: import_validators.default.validateEnvVar
    };
  }
});

// src/yaml/embedded.ts
function embeddedSplices(src, eol, node, inner) {
  if (inner.length === 0) return [];
  let value = node.value;
  if (node.type !== import_yaml13.Scalar.BLOCK_LITERAL) {
    let [start, end] = node.range;
    return [replaceRange(start, end, restyleScalar(node, applySplices(value, inner), columnOf(src, start)))];
  }
  let token = node.srcToken, header = token.props.find((t) => t.type === "newline");
  if (!header) throw new InternalError("block scalar without a header line break");
  let contentStart = header.offset + header.source.length, outerStarts = [contentStart];
  for (let i = token.source.indexOf(`
`); i >= 0; i = token.source.indexOf(`
`, i + 1))
    outerStarts.push(contentStart + i + 1);
  let firstContent = /^( *)\S/m.exec(token.source), indent = firstContent ? firstContent[1].length : 0, innerStarts = [0];
  for (let i = value.indexOf(`
`); i >= 0; i = value.indexOf(`
`, i + 1)) innerStarts.push(i + 1);
  let toOuter = (offset) => {
    let line = innerStarts.length - 1;
    for (; innerStarts[line] > offset; ) line--;
    let col = offset - innerStarts[line], start = outerStarts[line];
    if (start === void 0) throw new InternalError("embedded edit past the end of its block");
    return { at: col === 0 ? start : start + indent + col, col };
  }, prefix = " ".repeat(indent);
  return inner.map((s) => {
    let from = toOuter(s.start), to = s.end === s.start ? from : toOuter(s.end), text = s.text.split(`
`).map((seg, i) => (i > 0 || from.col === 0) && seg !== "" ? prefix + seg : seg).join(eol);
    return replaceRange(from.at, to.at, text);
  });
}
function embeddedPos(src, node, at) {
  let start = linePos(src, node.range[0]);
  if (node.type !== import_yaml13.Scalar.BLOCK_LITERAL && node.type !== import_yaml13.Scalar.BLOCK_FOLDED) return start;
  let token = node.srcToken, indent = token ? /^( *)\S/m.exec(token.source)?.[1].length ?? 0 : 0;
  return { line: start.line + at.line, col: at.col + indent };
}
var import_yaml13, init_embedded = __esm({
  "src/yaml/embedded.ts"() {
    "use strict";
    import_yaml13 = __toESM(require_dist(), 1);
    init_errors();
    init_splice();
    init_scalar();
    init_source();
  }
});

// src/mtls/inside.ts
function planInside(ctx, at, rule) {
  let inner = { ...ctx, src: at.text, eol: `
`, edits: [], diagnostics: [], units: /* @__PURE__ */ new Map() };
  delete inner.starts, delete inner.pending, rule(inner);
  for (let d of inner.diagnostics)
    ctx.diagnostics.push(
      d.line === void 0 ? d : { ...d, ...embeddedPos(ctx.src, at.node, { line: d.line, col: d.col ?? 1 }) }
    );
  if (inner.edits.length === 0) return;
  renderPlaced(inner);
  let splices = inner.edits.flatMap((e) => e.splices).filter((s) => s.text !== "" || s.end > s.start), outer = embeddedSplices(ctx.src, ctx.eol, at.node, splices);
  inner.edits.forEach((e, i) => {
    ctx.edits.push({
      change: { ...e.change, path: at.path(e) },
      ptr: at.ptr,
      inner: e.ptr,
      ..."value" in e ? { value: e.value } : {},
      ...at.decoded ? { embedded: { text: at.text, value: at.decoded.value } } : {},
      splices: i === 0 ? outer : []
    });
  });
}
var init_inside = __esm({
  "src/mtls/inside.ts"() {
    "use strict";
    init_embedded();
    init_context();
  }
});

// src/mtls/plan-delegate.ts
function locateContainer(ctx, podPath, pod, index) {
  let containers = pod.get("containers", !0), node = containers.items[index], name = stringAt(node, "name"), keyNode = pairOf(pod, "containers").key;
  return {
    container: {
      node,
      ptr: [...podPath, "containers", index],
      display: [...podPath, "containers", name !== void 0 ? { name } : index]
    },
    podCompact: seqIsCompact(ctx.src, keyNode, containers) ?? !0
  };
}
function planDelegate(ctx, res) {
  let pod = lookup(res.doc.contents, res.podPath), { container, podCompact } = locateContainer(ctx, res.podPath, pod, res.container), delegateName = res.ref.name ?? "delegate", image = container.node.get("image", !0), imageRef = stringAt(container.node, "image") ?? "";
  if (res.kindDisagreement && report(ctx, "warning", "IMAGE", res.kindDisagreement, image ?? container.node), image === void 0)
    report(
      ctx,
      "warning",
      "PATCH",
      `Deployment ${delegateName}: the delegate container has no image, so this is a patch (kustomize patches / patchesStrategicMerge), not a whole delegate; it is migrated, but migrate its base (and the base's upgrader) too`,
      lookup(res.doc.contents, ["metadata", "name"]) ?? container.node
    );
  else {
    let doubt = imageDoubt(imageRef, res.delegateKind);
    doubt && report(ctx, "warning", "IMAGE", doubt, image);
  }
  checkPod(ctx, pod, image === void 0), ensureEnv(ctx, res, container, podCompact, res.delegateKind), ensureMount(ctx, res, container, podCompact);
  let nonRoot = runsAsNonRoot(pod, container.node, res.doc), mode = secretMode(nonRoot);
  if (nonRoot) {
    let sc = pod.get("securityContext", !0);
    (!(0, import_yaml14.isMap)(sc) || sc.get("fsGroup") === void 0) && report(
      ctx,
      "warning",
      "NON_ROOT",
      `the delegate runs as a non-root user and the pod sets no fsGroup: the key (mode ${modeComment(mode)}, owned by root) will not be readable; set spec.template.spec.securityContext.fsGroup`,
      container.node
    );
  }
  let podLoc = { node: pod, ptr: res.podPath, display: res.podPath }, effective = ensureVolume(ctx, res, podLoc, secretNameFor(ctx, delegateName), mode), key = namespacedKey(res.ref.namespace, delegateName);
  ctx.secretByDelegate.set(key, effective), ctx.modeByDelegate.set(key, mode);
}
var import_yaml14, secretNameFor, init_plan_delegate = __esm({
  "src/mtls/plan-delegate.ts"() {
    "use strict";
    import_yaml14 = __toESM(require_dist(), 1);
    init_delegate_kind();
    init_wanted_state();
    init_layout();
    init_lookup();
    init_context();
    init_plan_env();
    init_plan_pod();
    init_namespace();
    secretNameFor = (ctx, delegateName) => ctx.options.secretName.replaceAll("{delegate}", delegateName);
  }
});

// src/mtls/plan-upgrader.ts
var plan_upgrader_exports = {};
__export(plan_upgrader_exports, {
  configDelegateName: () => configDelegateName,
  cronJobDelegateName: () => cronJobDelegateName,
  planUpgraderConfig: () => planUpgraderConfig,
  planUpgraderCronJob: () => planUpgraderCronJob
});
function configDelegateName(text, resourceName) {
  return upgraderConfigFacts(text).workloadName ?? (resourceName ?? "delegate").replace(/-upgrader-config$/, "");
}
function planUpgraderConfig(ctx, res) {
  let node = res.config, text = node.value, doc = (0, import_yaml15.parseDocument)(text, K8S_PARSE), at = (offset) => {
    let outer = linePos(ctx.src, node.range[0]), inner = linePos(text, offset);
    return { line: outer.line + inner.line, col: inner.col };
  };
  if (doc.errors.length > 0) {
    let e = doc.errors[0];
    ctx.diagnostics.push({
      code: "YAML_SYNTAX",
      severity: "error",
      message: `invalid YAML in data."config.yaml": ${e.message.split(`
`)[0]}`,
      file: ctx.file,
      ...at(e.pos[0])
    });
    return;
  }
  let root = doc.contents, decoded = doc.toJS();
  for (let problem of validate("upgraderConfig", decoded)) {
    let target = lookup(root, problem.path) ?? root;
    ctx.diagnostics.push({
      code: "SCHEMA",
      severity: "error",
      message: `data."config.yaml" ${problem.path.join(".")} ${problem.message}`.replace("  ", " "),
      file: ctx.file,
      ...at(target?.range?.[0] ?? 0)
    });
  }
  if (!(0, import_yaml15.isMap)(root)) return;
  planInside(ctx, {
    node,
    text,
    ptr: CONFIG_PTR,
    decoded: { value: decoded },
    path: (e) => formatPath([...CONFIG_PTR, ...e.ptr])
  }, (inner) => {
    let ictx = { src: text, eol: `
`, unit: indentUnit(text, root) }, edit = (op, path, values, role, reason, splice) => plan(inner, { resource: res.ref, op, ptr: path, display: path, ...values, role, reason, splices: [splice] }), { endpoint, mountPath } = ctx.options, delegateConfig = root.get("delegateConfig", !0), flatHost = root.get(UPGRADER_HOST_KEY, !0);
    if ((0, import_yaml15.isMap)(delegateConfig)) {
      let host = delegateConfig.get(UPGRADER_HOST_KEY, !0);
      (0, import_yaml15.isScalar)(host) ? host.value !== endpoint && edit(
        "set",
        ["delegateConfig", UPGRADER_HOST_KEY],
        { before: host.value, after: endpoint },
        "endpoint",
        "the upgrader talks to the mTLS endpoint",
        setScalar(ictx, host, endpoint)
      ) : edit(
        "add",
        ["delegateConfig", UPGRADER_HOST_KEY],
        { after: endpoint },
        "endpoint",
        "the upgrader talks to the mTLS endpoint",
        addPairs(
          ictx,
          delegateConfig,
          [[UPGRADER_HOST_KEY, scalar(formatScalar(endpoint))]],
          layoutFor(ictx.unit, !0)
        )
      );
    } else (0, import_yaml15.isScalar)(flatHost) ? flatHost.value !== endpoint && edit(
      "set",
      [UPGRADER_HOST_KEY],
      { before: flatHost.value, after: endpoint },
      "endpoint",
      "the upgrader talks to the mTLS endpoint",
      setScalar(ictx, flatHost, endpoint)
    ) : report(
      ctx,
      "warning",
      "NOT_CHANGED",
      "the upgrader config has no delegateConfig.managerHost; add it with the mTLS endpoint",
      node,
      { role: "endpoint" }
    );
    let paths = UPGRADER_CERT_FIELDS.map((f) => ({
      key: f.key,
      role: f.role,
      value: `${mountPath}/${fileOf(f.role)}`
    })), missing = [];
    for (let field of paths) {
      let { key, value, role } = field, existing = root.get(key, !0);
      (0, import_yaml15.isScalar)(existing) ? existing.value !== value && edit(
        "set",
        [key],
        { before: existing.value, after: value },
        role,
        "the upgrader reads the client certificate here",
        setScalar(ictx, existing, value)
      ) : missing.push(field), (0, import_yaml15.isMap)(delegateConfig) && delegateConfig.has(key) && report(
        ctx,
        "warning",
        "LINT",
        `${key} under delegateConfig is ignored by the upgrader; it belongs at the top level of config.yaml`,
        node
      );
    }
    if (missing.length > 0) {
      let after = pairOf(root, "containerName") ? "containerName" : void 0, splice = addPairs(
        ictx,
        root,
        missing.map((f) => [f.key, scalar(formatScalar(f.value))]),
        layoutFor(ictx.unit, !0),
        after
      );
      missing.forEach(
        ({ key, value, role }, i) => edit(
          "add",
          [key],
          { after: value },
          role,
          "the upgrader reads the client certificate here",
          i === 0 ? splice : { start: splice.start, end: splice.end, text: "" }
        )
      );
    }
  });
}
function planUpgraderCronJob(ctx, res) {
  let pod = lookup(res.doc.contents, res.podPath), { container, podCompact } = locateContainer(ctx, res.podPath, pod, res.container), { name: delegateName, fallback } = cronJobDelegateName(ctx, pod, res.ref);
  requireDelegatesNamed(ctx, delegateName, res.ref.namespace);
  let key = namespacedKey(res.ref.namespace, delegateName), secretName = ctx.secretByDelegate.get(key) ?? secretNameFor(ctx, delegateName);
  fallback && ctx.options.secretName.includes("{delegate}") && !deploymentNames(ctx).has(key) && report(
    ctx,
    "warning",
    "DELEGATE_NAME",
    `{delegate} in the Secret name became "${delegateName}", ${fallback}; no delegate of that name is in the input: check that the Secret ${secretName} is the one its delegate mounts`,
    lookup(res.doc.contents, ["metadata", "name"]) ?? res.doc.contents
  );
  let mode = ctx.modeByDelegate.get(key) ?? secretMode(runsAsNonRoot(pod, container.node, res.doc));
  checkPod(ctx, pod, !1), ensureMount(ctx, res, container, podCompact);
  let podLoc = { node: pod, ptr: res.podPath, display: res.podPath };
  upgraderSecretDisagrees(ctx, pod, delegateName, key) || ensureVolume(ctx, res, podLoc, secretName, mode);
}
function upgraderSecretDisagrees(ctx, pod, delegateName, key) {
  let delegates = ctx.secretByDelegate.get(key);
  if (delegates === void 0 || ctx.options.secretNameExplicit) return !1;
  let volume = findItem(pod.get("volumes", !0), "name", VOLUME_NAME), nameNode = volume ? lookup(volume.node, ["secret", "secretName"]) : void 0;
  return !(0, import_yaml15.isScalar)(nameNode) || typeof nameNode.value != "string" || nameNode.value === delegates || /-account-token$/.test(nameNode.value) ? !1 : (report(
    ctx,
    "error",
    "CONFLICT",
    `the upgrader mounts Secret ${nameNode.value}, its delegate ${delegateName} mounts ${delegates}: both must read the same client certificate; make them the same (or pass --secret-name to set both)`,
    nameNode
  ), !0);
}
function cronJobDelegateName(ctx, pod, ref) {
  let name = ref.name, volumes = pod.get("volumes", !0);
  if ((0, import_yaml15.isSeq)(volumes))
    for (let v of volumes.items) {
      let cmName = stringAt(lookup(v, ["configMap"]), "name"), cm = findResource(
        ctx,
        cmName,
        (r) => r.type === "upgrader-config" && sameNamespace(r.ref.namespace, ref.namespace)
      );
      if (cm && cm.type === "upgrader-config") {
        let text = cm.config.value, delegate = configDelegateName(text, cm.ref.name);
        return upgraderConfigFacts(text).workloadName !== void 0 || cm.ref.name?.endsWith("-upgrader-config") ? { name: delegate } : {
          name: delegate,
          fallback: `the name of ConfigMap ${cm.ref.name ?? "(unnamed)"} (its config.yaml has no workloadName and the name does not end in -upgrader-config)`
        };
      }
    }
  return name?.endsWith("-upgrader-job") ? { name: name.replace(/-upgrader-job$/, "") } : {
    name: name ?? "delegate",
    fallback: name === void 0 ? "the default, since the CronJob has no name and mounts no upgrader ConfigMap of the input" : "the CronJob's own name (it mounts no upgrader ConfigMap of the input and its name does not end in -upgrader-job)"
  };
}
var import_yaml15, CONFIG_PTR, init_plan_upgrader = __esm({
  "src/mtls/plan-upgrader.ts"() {
    "use strict";
    import_yaml15 = __toESM(require_dist(), 1);
    init_upgrader_config();
    init_wanted_state();
    init_validate();
    init_edit();
    init_fragment();
    init_layout();
    init_lookup();
    init_parse();
    init_scalar();
    init_source();
    init_context();
    init_inside();
    init_plan_delegate();
    init_plan_pod();
    init_scope();
    init_namespace();
    CONFIG_PTR = ["data", "config.yaml"];
  }
});

// src/resources/helm-values.ts
var helm_values_exports = {};
__export(helm_values_exports, {
  CHART_DEFAULT_NAME: () => CHART_DEFAULT_NAME,
  CHART_NAME: () => CHART_NAME,
  HELM_VALUES_KIND: () => HELM_VALUES_KIND,
  helmImage: () => helmImage,
  legacyValues: () => legacyValues,
  looksLikeChartValues: () => looksLikeChartValues,
  recogniseHelmValues: () => recogniseHelmValues
});
function helmImage(root) {
  let image = stringAt(root, "delegateDockerImage"), at = (0, import_yaml16.isMap)(root) ? root.get("delegateDockerImage", !0) : void 0, tag = lookup(root, ["image", "tag"]), repo = stringAt(lookup(root, ["image"]), "repository"), tagValue = tag && "value" in tag ? tag.value : void 0;
  return tagValue != null && tagValue !== "" ? { ref: `${repo ?? (image ? parseImage(image).repository : "harness/delegate")}:${String(tagValue)}`, at: tag } : image !== void 0 && at ? { ref: image, at } : void 0;
}
function looksLikeChartValues(root) {
  let hits = CHART_KEYS.filter((k) => root.has(k));
  return hits.length >= 2 && hits.some((k) => k === "managerEndpoint" || k === "delegateDockerImage");
}
function legacyValues(root) {
  let image = helmImage(root), watcher = root.items.find((p) => /^watcher/i.test(String(p.key?.value ?? "")));
  if (watcher)
    return {
      reason: `${String(watcher.key.value)} belongs to the values of a legacy (watcher) delegate chart`,
      at: watcher.key,
      ...image ? { image: image.ref } : {}
    };
  if (image && classifyTag(image.ref) === "legacy")
    return { reason: `image "${image.ref}" is a legacy delegate image`, at: image.at, image: image.ref };
  if (image && classifyTag(image.ref) === "delegate3")
    return {
      reason: `image "${image.ref}" is Delegate 3.x, which the harness-delegate-ng chart does not configure (its mTLS values set the classic delegate's env vars)`,
      at: image.at,
      image: image.ref,
      code: "DELEGATE3_CHART",
      delegateKind: "delegate3",
      advice: "Harness publishes no Helm chart for Delegate 3.x: install it from its Kubernetes manifest and migrate that manifest"
    };
}
function recogniseHelmValues(doc, index) {
  let root = doc.contents;
  if (!(0, import_yaml16.isMap)(root) || root.has("kind") || root.has("apiVersion") || root.has("services") || !looksLikeChartValues(root)) return;
  let ref = { document: index, kind: HELM_VALUES_KIND }, name = stringAt(root, "delegateName");
  name !== void 0 && (ref.name = name);
  let legacy = legacyValues(root);
  return legacy ? { type: "legacy", ref, doc, ...legacy } : { type: "helm-values", ref, doc, root, path: [] };
}
var import_yaml16, HELM_VALUES_KIND, CHART_NAME, CHART_DEFAULT_NAME, CHART_KEYS, init_helm_values = __esm({
  "src/resources/helm-values.ts"() {
    "use strict";
    import_yaml16 = __toESM(require_dist(), 1);
    init_lookup();
    init_image();
    HELM_VALUES_KIND = "HelmValues", CHART_NAME = "harness-delegate-ng", CHART_DEFAULT_NAME = "harness-delegate-ng", CHART_KEYS = [
      "delegateName",
      "accountId",
      "delegateToken",
      "managerEndpoint",
      "delegateDockerImage",
      "k8sPermissionsType",
      "existingDelegateToken",
      "upgrader"
    ];
  }
});

// src/resources/gitops-values.ts
function recogniseGitOpsValues(doc, ref) {
  let root = doc.contents, api = stringAt(root, "apiVersion") ?? "";
  if (ref.kind === "HelmRelease" && FLUX_API.test(api)) return helmRelease(doc, ref);
  if (ref.kind === "Application" && ARGO_API.test(api)) return application(doc, ref);
}
function helmRelease(doc, ref) {
  let spec = lookup(doc.contents, ["spec"]), values = pairOf(spec, "values")?.value;
  if (!namesChart(stringAt(lookup(spec, ["chart", "spec"]), "chart")) && !((0, import_yaml17.isMap)(lookup(spec, ["chartRef"])) && (0, import_yaml17.isMap)(values) && looksLikeChartValues(values))) return;
  let host = {}, from = lookup(spec, ["valuesFrom"]), relevant = (0, import_yaml17.isSeq)(from) ? from.items.filter((i) => {
    let target = stringAt(i, "targetPath");
    return target === void 0 || OUR_KEYS.test(target);
  }) : [];
  return relevant.length > 0 && (host.outside = {
    what: "spec.valuesFrom",
    items: relevant.map((i) => `${stringAt(i, "kind") ?? "object"} ${stringAt(i, "name") ?? "?"}`),
    at: from
  }), withValues(doc, ref, ["spec", "values"], values, host);
}
function application(doc, ref) {
  let spec = lookup(doc.contents, ["spec"]), sources = [], single = lookup(spec, ["source"]);
  (0, import_yaml17.isMap)(single) && sources.push({ source: single, path: ["spec", "source"] });
  let multi = lookup(spec, ["sources"]);
  (0, import_yaml17.isSeq)(multi) && multi.items.forEach((s, i) => {
    (0, import_yaml17.isMap)(s) && sources.push({ source: s, path: ["spec", "sources", i] });
  });
  let ours = sources.filter(
    ({ source: source2 }) => namesChart(stringAt(source2, "chart")) || !source2.has("chart") && namesChart(stringAt(source2, "path"))
  );
  if (ours.length === 0) return;
  let { source, path } = ours[0], helmPath = [...path, "helm"], helm = source.get("helm", !0), host = {};
  ours.length > 1 && (host.problem = {
    code: "UNSUPPORTED",
    message: `${ours.length} sources use chart ${CHART_NAME}; delegate-mtls migrates the values of one delegate per Application: give each delegate its own Application`,
    at: ours[1].source
  });
  let files = lookup(helm, ["valueFiles"]);
  (0, import_yaml17.isSeq)(files) && files.items.length > 0 && (host.outside = {
    what: formatPath([...helmPath, "valueFiles"]),
    items: files.items.map((f) => (0, import_yaml17.isScalar)(f) ? String(f.value) : "?"),
    at: files
  });
  let parameters = lookup(helm, ["parameters"]);
  (0, import_yaml17.isSeq)(parameters) && parameters.items.length > 0 && (host.parameters = parameters);
  let object = (0, import_yaml17.isMap)(helm) ? helm.get("valuesObject", !0) : void 0, string = (0, import_yaml17.isMap)(helm) ? helm.get("values", !0) : void 0;
  if (!isAbsent(object))
    return isAbsent(string) || (host.ignored = string), withValues(doc, ref, [...helmPath, "valuesObject"], object, host);
  if (isAbsent(string)) return withValues(doc, ref, [...helmPath, "valuesObject"], void 0, host);
  let at = [...helmPath, "values"];
  if (!(0, import_yaml17.isScalar)(string) || typeof string.value != "string")
    return host.problem ??= {
      code: "SCHEMA",
      message: `${formatPath(at)} must be a string holding YAML (values: |); a mapping belongs in valuesObject`,
      at: string
    }, withValues(doc, ref, at, void 0, host);
  let inner = (0, import_yaml17.parseDocument)(string.value, K8S_PARSE), error = inner.errors[0];
  if (error)
    return host.problem ??= {
      code: "YAML_SYNTAX",
      message: `invalid YAML in ${formatPath(at)} (line ${linePos(string.value, error.pos[0]).line} of the string): ${error.message.split(`
`)[0]}`,
      at: string
    }, withValues(doc, ref, at, void 0, host);
  let values = withValues(doc, ref, at, inner.contents, host, string);
  return values.type === "helm-values" && (values.text = { node: string, doc: inner }), values;
}
function withValues(doc, ref, path, node, host, scalar2) {
  let root;
  if ((0, import_yaml17.isMap)(node) ? root = node.items.length > 0 ? node : void 0 : isAbsent(node) || (host.problem ??= {
    code: "SCHEMA",
    message: `${formatPath(path)} must be a mapping of chart values`,
    at: scalar2 ?? node
  }), root && !host.problem) {
    let legacy = legacyValues(root);
    if (legacy) {
      let image = legacy.image ?? helmImage(root)?.ref;
      return {
        type: "legacy",
        ref,
        doc,
        ...legacy,
        reason: `${formatPath(path)}: ${legacy.reason}`,
        at: scalar2 ?? legacy.at,
        ...image ? { image } : {}
      };
    }
  }
  return { type: "helm-values", ref, doc, root, path, host };
}
var import_yaml17, FLUX_API, ARGO_API, namesChart, OUR_KEYS, isAbsent, init_gitops_values = __esm({
  "src/resources/gitops-values.ts"() {
    "use strict";
    import_yaml17 = __toESM(require_dist(), 1);
    init_lookup();
    init_parse();
    init_source();
    init_helm_values();
    FLUX_API = /^helm\.toolkit\.fluxcd\.io\/v2(beta[12])?$/, ARGO_API = /^argoproj\.io\/v1alpha1$/, namesChart = (s) => s !== void 0 && s.replace(/\/+$/, "").split("/").pop() === CHART_NAME, OUR_KEYS = /^(managerEndpoint|mTLS|custom_envs)([.[]|$)/, isAbsent = (n) => n == null || (0, import_yaml17.isScalar)(n) && n.value === null;
  }
});

// src/resources/classify.ts
var classify_exports = {};
__export(classify_exports, {
  POD_PATH: () => POD_PATH,
  classify: () => classify,
  containerSigns: () => containerSigns,
  findDelegateContainer: () => findDelegateContainer,
  mayMatter: () => mayMatter
});
function findDelegateContainer(containers) {
  let byName = findItem(containers, "name", "delegate");
  if (byName) return byName.index;
  let byEnv = containers.items.findIndex((c) => {
    let names = envNames2(c);
    return names.includes(MANAGER_ENV) || names.includes(DELEGATE3_MANAGER_ENV);
  });
  if (byEnv >= 0) return byEnv;
  if (containers.items.length === 1 && isDelegateImage(stringAt(containers.items[0], "image") ?? "")) return 0;
  let legacy = findItem(containers, "name", "harness-delegate-instance");
  return legacy ? legacy.index : -1;
}
function legacyReason2(kind, container, delegateKind) {
  let image = container.get("image", !0), imageRef = stringAt(container, "image") ?? "";
  if (kind === "StatefulSet") return { reason: "a StatefulSet delegate is a legacy delegate", at: container };
  if (stringAt(container, "name") === "harness-delegate-instance")
    return {
      reason: 'container "harness-delegate-instance" is a legacy delegate',
      at: container.get("name", !0)
    };
  let why = legacyReason(image ? imageRef : void 0, envNames2(container), delegateKind);
  if (why) return { reason: why.reason, at: why.by === "image" ? image : container.get("env", !0) };
}
function delegate3TooOld(base, container, version) {
  let imageRef = stringAt(container, "image") ?? "";
  return {
    type: "legacy",
    ...base,
    reason: `image "${imageRef}" is Delegate 3.x ${version}`,
    at: container.get("image", !0),
    image: imageRef,
    code: "DELEGATE3_VERSION",
    delegateKind: "delegate3",
    advice: delegate3UpgradeAdvice
  };
}
function mayMatter(text) {
  if ((text.match(TOP_LEVEL_KIND)?.length ?? 0) !== 1) return !0;
  let m = SIMPLE_KIND.exec(text);
  return !m || KINDS_THAT_MATTER.has(m[2]);
}
function classify(doc, index) {
  let root = doc.contents, kind = stringAt(root, "kind") ?? "", meta = (0, import_yaml18.isMap)(root) ? root.get("metadata", !0) : void 0, ref = { document: index, kind }, name = stringAt(meta, "name"), namespace = stringAt(meta, "namespace");
  name !== void 0 && (ref.name = name), namespace !== void 0 && (ref.namespace = namespace);
  let base = { ref, doc };
  if (kind === "") {
    let shape = recogniseHelmValues(doc, index) ?? recogniseCompose(doc, index);
    if (shape) return shape;
  }
  if (kind === "HelmRelease" || kind === "Application") {
    let values = recogniseGitOpsValues(doc, ref);
    if (values) return values;
  }
  let podPath = POD_PATH[kind];
  if (podPath && kind !== "CronJob") {
    let containers = lookup(root, [...podPath, "containers"]);
    if (!(0, import_yaml18.isSeq)(containers)) return { type: "other", ...base };
    let resolved = containers.items.some(import_yaml18.isAlias) ? containers.clone() : containers;
    resolved !== containers && (resolved.items = containers.items.map((c) => (0, import_yaml18.isAlias)(c) ? c.resolve(doc) : c));
    let container = findDelegateContainer(resolved);
    if (container < 0) return { type: "other", ...base };
    let node = resolved.items[container], verdict = delegateKindOf(containerSigns(node)), legacy = legacyReason2(kind, node, verdict.kind), image = stringAt(node, "image");
    if (legacy) return { type: "legacy", ...base, ...legacy, ...image === void 0 ? {} : { image } };
    if (kind !== "Deployment") return { type: "other", ...base };
    if (verdict.tooOld !== void 0) return delegate3TooOld(base, node, verdict.tooOld);
    let res = { type: "delegate", ...base, podPath, container, delegateKind: verdict.kind };
    return verdict.disagreement && (res.kindDisagreement = verdict.disagreement), res;
  }
  if (kind === "CronJob" && podPath) {
    let containers = lookup(root, [...podPath, "containers"]);
    if (!(0, import_yaml18.isSeq)(containers)) return { type: "other", ...base };
    let container = findItem(containers, "name", "upgrader")?.index ?? -1;
    if (container < 0 && (container = containers.items.findIndex((c) => isUpgraderImage(stringAt(c, "image") ?? ""))), container < 0) {
      let volumes = lookup(root, [...podPath, "volumes"]);
      (0, import_yaml18.isSeq)(volumes) && volumes.items.some((v) => (stringAt(lookup(v, ["configMap"]), "name") ?? "").endsWith("-upgrader-config")) && containers.items.length === 1 && (container = 0);
    }
    return container < 0 ? { type: "other", ...base } : { type: "upgrader-cronjob", ...base, podPath, container };
  }
  if (kind === "ConfigMap") {
    let config = lookup(root, ["data", "config.yaml"]);
    if ((0, import_yaml18.isScalar)(config) && typeof config.value == "string" && isUpgraderConfigText(config.value))
      return { type: "upgrader-config", ...base, config };
    if ((0, import_yaml18.isMap)(config) && (config.has("mode") || config.has("delegateConfig")))
      return { type: "upgrader-config-invalid", ...base, at: config };
  }
  return { type: "other", ...base };
}
var import_yaml18, POD_PATH, envNames2, probePorts, containerSigns, TOP_LEVEL_KIND, SIMPLE_KIND, KINDS_THAT_MATTER, init_classify = __esm({
  "src/resources/classify.ts"() {
    "use strict";
    import_yaml18 = __toESM(require_dist(), 1);
    init_lookup();
    init_image();
    init_compose();
    init_helm_values();
    init_gitops_values();
    init_wanted_state();
    init_delegate_kind();
    init_upgrader_config();
    POD_PATH = {
      Deployment: ["spec", "template", "spec"],
      StatefulSet: ["spec", "template", "spec"],
      CronJob: ["spec", "jobTemplate", "spec", "template", "spec"]
    }, envNames2 = (container) => {
      let env = (0, import_yaml18.isMap)(container) ? container.get("env", !0) : void 0;
      return (0, import_yaml18.isSeq)(env) ? env.items.map((e) => stringAt(e, "name")).filter((n) => n !== void 0) : [];
    }, probePorts = (container) => ["livenessProbe", "readinessProbe", "startupProbe"].flatMap((probe) => {
      let port = lookup(container, [probe, "httpGet", "port"]);
      return (0, import_yaml18.isScalar)(port) && typeof port.value == "number" ? [port.value] : [];
    }), containerSigns = (container) => ({
      image: stringAt(container, "image") ?? "",
      env: envNames2(container),
      probePorts: probePorts(container)
    });
    TOP_LEVEL_KIND = /^kind:/gm, SIMPLE_KIND = /^kind:[ \t]*(["']?)([A-Za-z][A-Za-z0-9]*)\1[ \t]*(?:#[^\n]*)?\r?$/m, KINDS_THAT_MATTER = /* @__PURE__ */ new Set([
      "Deployment",
      "StatefulSet",
      "CronJob",
      "ConfigMap",
      "Secret",
      // cert-manager's: its spec.secretName says the delegate's Secret holds tls.crt/tls.key.
      "Certificate",
      "HorizontalPodAutoscaler",
      "HelmRelease",
      "Application"
    ]);
  }
});

// src/mtls/lint.ts
function lint(ctx, onEach) {
  let edited = ctx.edits.flatMap((e) => e.splices), isEdited = (node) => edited.some((s) => node.range && s.start <= node.range[0] && node.range[1] <= s.end && s.end > s.start), survives = (node, placeholder) => {
    if (!node.range) return !0;
    let source = ctx.src.slice(node.range[0], node.range[1]);
    for (let at = source.indexOf(placeholder); at >= 0; at = source.indexOf(placeholder, at + 1)) {
      let from = node.range[0] + at, to = from + placeholder.length;
      if (!edited.some((s) => s.start <= from && to <= s.end && s.end > s.start && !s.text.includes(placeholder)))
        return !0;
    }
    return !1;
  }, deployments = deploymentNames(ctx), placeholders = /* @__PURE__ */ new Set();
  for (let res of ctx.resources) {
    onEach?.(res);
    let root = res.doc.contents;
    if (res.ref.kind === "CronJob" && stringAt(root, "apiVersion") === "batch/v1beta1" && res.type === "upgrader-cronjob" && report(
      ctx,
      "warning",
      "LINT",
      "batch/v1beta1 CronJob was removed in Kubernetes 1.25; use apiVersion batch/v1",
      root.get("apiVersion", !0)
    ), res.ref.kind === "HorizontalPodAutoscaler" && deployments.size > 0) {
      let target = lookup(root, ["spec", "scaleTargetRef"]), name = stringAt(target, "name"), key = namespacedKey(res.ref.namespace, name);
      stringAt(target, "kind") === "Deployment" && name !== void 0 && !deployments.has(key) && report(
        ctx,
        "warning",
        "LINT",
        `HorizontalPodAutoscaler ${res.ref.name ?? ""} targets Deployment "${name}", which is not in this file`,
        lookup(target, ["name"])
      );
    }
    (res.type === "delegate" || res.type === "upgrader-cronjob") && lintPod(ctx, lookup(root, res.podPath));
    let i = res.ref.document, start = ctx.starts ? ctx.starts[i] : res.doc.range[0], text = ctx.starts ? ctx.src.slice(start, ctx.starts[i + 1] ?? ctx.src.length) : ctx.src.slice(start, res.doc.range[2]);
    if (ctx.starts && !mayMatter(text)) {
      for (let m of text.matchAll(/PUT_YOUR_[A-Z_]+/g)) {
        let lineStart = lineStartOf(text, m.index);
        placeholders.has(m[0]) || /(?:^|\s)#/.test(text.slice(lineStart, m.index)) || (placeholders.add(m[0]), report(
          ctx,
          "warning",
          "LINT",
          `placeholder ${m[0]} is still in the manifest; replace it before applying`,
          start + m.index,
          { subject: m[0] }
        ));
      }
      continue;
    }
    /PUT_YOUR_|\b400\b/.test(text) && (0, import_yaml19.visit)(root, {
      Pair(_, pair) {
        let v = pair.value;
        (0, import_yaml19.isScalar)(pair.key) && (pair.key.value === "defaultMode" || pair.key.value === "mode") && (0, import_yaml19.isScalar)(v) && v.value === 400 && !/^0/.test(v.source ?? "") && !isEdited(v) && report(
          ctx,
          "warning",
          "LINT",
          `${pair.key.value}: 400 is decimal, which is octal 0620 (group-writable); write 0400 (or 256) if read-only was meant`,
          v
        );
      },
      Scalar(_, node) {
        if (typeof node.value != "string") return;
        let m = /PUT_YOUR_[A-Z_]+/.exec(node.value);
        m && !placeholders.has(m[0]) && survives(node, m[0]) && (placeholders.add(m[0]), report(
          ctx,
          "warning",
          "LINT",
          `placeholder ${m[0]} is still in the manifest; replace it before applying`,
          node,
          { subject: m[0] }
        ));
      }
    });
  }
}
function lintPod(ctx, pod) {
  if (!(0, import_yaml19.isMap)(pod)) return;
  let volumes = pod.get("volumes", !0), defined = /* @__PURE__ */ new Map();
  if ((0, import_yaml19.isSeq)(volumes))
    for (let v of volumes.items) stringAt(v, "name") && defined.set(stringAt(v, "name"), v);
  let mounted = /* @__PURE__ */ new Set();
  for (let c of containersOf(pod)) {
    let mounts = (0, import_yaml19.isMap)(c) ? c.get("volumeMounts", !0) : void 0;
    if ((0, import_yaml19.isSeq)(mounts))
      for (let m of mounts.items) {
        let name = stringAt(m, "name");
        name !== void 0 && mounted.add(name);
      }
  }
  for (let [name, node] of defined)
    !mounted.has(name) && name !== VOLUME_NAME && name !== "config-certificate" && report(ctx, "warning", "LINT", `volume "${name}" is not mounted by any container`, node);
}
var import_yaml19, init_lint = __esm({
  "src/mtls/lint.ts"() {
    "use strict";
    import_yaml19 = __toESM(require_dist(), 1);
    init_lookup();
    init_context();
    init_classify();
    init_scope();
    init_plan_pod();
    init_source();
    init_wanted_state();
    init_namespace();
  }
});

// src/resources/certificate-info.ts
var certificate_info_exports = {};
__export(certificate_info_exports, {
  EXPIRY_WARNING_DAYS: () => EXPIRY_WARNING_DAYS,
  certificateInfo: () => certificateInfo,
  certificateInfoFromBase64: () => certificateInfoFromBase64,
  oneLineName: () => oneLineName
});
function certificateInfo(pem) {
  let block = FIRST_CERTIFICATE.exec(pem)?.[0];
  if (block !== void 0)
    try {
      let cert = new (loadX509())(block), notAfter = new Date(cert.validTo);
      return Number.isNaN(notAfter.getTime()) ? void 0 : { subject: cert.subject, issuer: cert.issuer, notAfter };
    } catch {
      return;
    }
}
function certificateInfoFromBase64(value) {
  let compact = value.replace(/\s+/g, "");
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(compact))
    return certificateInfo(Buffer.from(compact, "base64").toString("utf8"));
}
var import_node_module, EXPIRY_WARNING_DAYS, FIRST_CERTIFICATE, X509Certificate, loadX509, oneLineName, init_certificate_info = __esm({
  "src/resources/certificate-info.ts"() {
    "use strict";
    import_node_module = require("node:module"), EXPIRY_WARNING_DAYS = 30, FIRST_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/, loadX509 = () => X509Certificate ??= (0, import_node_module.createRequire)(__dmtls_meta.url)("node:crypto").X509Certificate;
    oneLineName = (dn) => dn.split(`
`).join(", ");
  }
});

// src/resources/secret-manifest.ts
var secret_manifest_exports = {};
__export(secret_manifest_exports, {
  CLIENT_CERT_KEY: () => CLIENT_CERT_KEY,
  CLIENT_KEY_KEY: () => CLIENT_KEY_KEY,
  REDACTED: () => REDACTED,
  isPlaceholderSecretData: () => isPlaceholderSecretData,
  redactSecretData: () => redactSecretData,
  renderSecretManifest: () => renderSecretManifest,
  yamlString: () => yamlString
});
function renderSecretManifest(spec, eol = `
`) {
  let lines = [
    "apiVersion: v1",
    "data:",
    `  ${CLIENT_CERT_KEY}: ${base64(spec.certPem)}`,
    `  ${CLIENT_KEY_KEY}: ${base64(spec.keyPem)}`,
    "kind: Secret",
    "metadata:",
    `  name: ${yamlString(spec.name)}`
  ];
  return spec.namespace !== void 0 && spec.namespace !== "" && lines.push(`  namespace: ${yamlString(spec.namespace)}`), lines.push("type: Opaque"), lines.join(eol) + eol;
}
function isPlaceholderSecretData(value) {
  let v = value.trim();
  return v === "" || v === "{CERT}" || v === "{KEY}";
}
function redactSecretData(text) {
  let out = redactDataEntries(text);
  return out = out.replace(
    JSON_ENTRY,
    (all, key, colon, value) => isPlaceholderSecretData(value) ? all : `"${key}"${colon}"${REDACTED}"`
  ), out = out.replace(PEM_PRIVATE_KEY, REDACTED), out = out.replace(PEM_PRIVATE_KEY_UNTERMINATED, REDACTED), out = out.replace(BASE64_RUN, (run2) => decodesToPemPrivateKey(run2) ? REDACTED : run2), out;
}
function base64(content) {
  return Buffer.from(content, "utf8").toString("base64");
}
function yamlString(s) {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s) && isSafePlain(s) ? s : JSON.stringify(s);
}
function redactDataEntries(text) {
  let lines = text.split(`
`), diff = looksLikeUnifiedDiff(lines), out = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i], cr = line.endsWith("\r") ? "\r" : "", body2 = cr ? line.slice(0, -1) : line, prefix = diff && /^[ +-]/.test(body2) && !/^(\+\+\+|---) /.test(body2) ? body2.slice(0, 1) : "", m = ENTRY.exec(body2.slice(prefix.length));
    if (!m || !SECRET_KEYS.test(m[3]) || m[2] === "" && m[5] !== "" && !/^[ \t]/.test(m[5])) {
      out.push(line);
      continue;
    }
    let [, lead = "", quote = "", key = "", colon = "", rest = ""] = m, indent = indentOf(lead), last = i;
    for (let j = i + 1; j < lines.length; j++) {
      let next = stripCr(lines[j]), nextBody = diff && /^[ +-]/.test(next) ? next.slice(1) : next;
      if (nextBody.trim() !== "") {
        if (diff && /^(@@|\\ |diff |index |\+\+\+ |--- )/.test(next) || indentOf(nextBody) <= indent) break;
        last = j;
      }
    }
    let value = rest.trim();
    if (!(last > i) && isPlaceholderSecretData(unquote(value))) {
      out.push(line);
      continue;
    }
    out.push(`${prefix}${lead}${quote}${key}${quote}${colon} ${redactValue(value)}${cr}`), i = last;
  }
  return out.join(`
`);
}
function redactValue(value) {
  let dq = /^"(?:[^"\\]|\\.)*"(.*)$/.exec(value);
  if (dq) return `"${REDACTED}"${dq[1]}`;
  let sq = /^'(?:[^']|'')*'(.*)$/.exec(value);
  if (sq) return `'${REDACTED}'${sq[1]}`;
  let comment = /[ \t]#.*$/.exec(value);
  return REDACTED + (comment ? comment[0] : "");
}
function unquote(value) {
  return /^"(?:[^"\\]|\\.)*"$/.test(value) || /^'(?:[^']|'')*'$/.test(value) ? value.slice(1, -1) : value.replace(/[ \t]#.*$/, "");
}
function indentOf(s) {
  let m = /^[ \t]*(?:-[ \t]+)?/.exec(s);
  return m ? m[0].length : 0;
}
function stripCr(s) {
  return s.endsWith("\r") ? s.slice(0, -1) : s;
}
function looksLikeUnifiedDiff(lines) {
  return lines.some((l) => /^@@ -\d/.test(l));
}
function decodesToPemPrivateKey(run2) {
  let first = run2.split(/\r?\n/)[0].replace(/=+$/, ""), usable = first.slice(0, first.length - first.length % 4), decoded = Buffer.from(usable, "base64").toString("latin1");
  return /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(decoded) || /^-----BEGIN [A-Z0-9 ]*PRIV/.test(decoded);
}
var CLIENT_CERT_KEY, CLIENT_KEY_KEY, REDACTED, SECRET_KEYS, ENTRY, JSON_ENTRY, PEM_PRIVATE_KEY, PEM_PRIVATE_KEY_UNTERMINATED, BASE64_RUN, init_secret_manifest = __esm({
  "src/resources/secret-manifest.ts"() {
    "use strict";
    init_scalar();
    init_wanted_state();
    CLIENT_CERT_KEY = CERT_FILE, CLIENT_KEY_KEY = KEY_FILE;
    REDACTED = "<redacted>";
    SECRET_KEYS = /^(client\.key|client\.crt|tls\.key)$/, ENTRY = /^([ \t]*(?:-[ \t]+)?)(["']?)(client\.key|client\.crt|tls\.key)\2([ \t]*:)(.*)$/;
    JSON_ENTRY = /"(client\.key|client\.crt|tls\.key)"([ \t]*:[ \t]*)"((?:[^"\\\r\n]|\\.)*)"/g, PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*-----/g, PEM_PRIVATE_KEY_UNTERMINATED = new RegExp(
      // The BEGIN line; then lines (after a real or an escaped line break) of base64 or PEM headers, each ending
      // at a line break, a quote or comma (a JSON string) or the end; or blank lines before a real line break.
      String.raw`-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----` + String.raw`(?:(?:\r?\n|\\r\\n|\\n)[ \t+-]*` + String.raw`(?:(?:[A-Za-z0-9+/=]+|(?:Proc-Type|DEK-Info):[^\r\n"\\]*)[ \t]*` + String.raw`(?=\r?\n|\\r\\n|\\n|["',]|$)|(?=\r?\n)))*`,
      "g"
    ), BASE64_RUN = /[A-Za-z0-9+/]{40,}={0,2}(?:\r?\n[ \t]*[+-]?[ \t]*[A-Za-z0-9+/]{4,}={0,2}(?=\r?\n|$))*/g;
  }
});

// src/mtls/plan-secret.ts
function planSecrets(ctx, delegates, onEach) {
  let material = ctx.options.secret;
  if (!material) return;
  let data = {
    [CLIENT_CERT_KEY]: base642(material.certPem),
    [CLIENT_KEY_KEY]: base642(material.keyPem)
  }, done = /* @__PURE__ */ new Set(), mountedBy = /* @__PURE__ */ new Map();
  for (let res of delegates) {
    let name = ctx.secretByDelegate.get(namespacedKey(res.ref.namespace, res.ref.name ?? "delegate"));
    if (name === void 0) continue;
    let id = namespacedKey(res.ref.namespace, name);
    mountedBy.set(id, [...mountedBy.get(id) ?? [], res.ref.name ?? "delegate"]);
  }
  for (let res of delegates) {
    onEach?.(res);
    let name = ctx.secretByDelegate.get(namespacedKey(res.ref.namespace, res.ref.name ?? "delegate"));
    if (name === void 0) continue;
    let namespace = res.ref.namespace, id = namespacedKey(namespace, name);
    if (done.has(id)) continue;
    done.add(id);
    let existing = findResource(
      ctx,
      name,
      (r) => r.ref.kind === "Secret" && sameNamespace(r.ref.namespace, namespace)
    ), tls = tlsSecretSource(ctx, name, namespace);
    if (tls) {
      report(
        ctx,
        "error",
        "CONFLICT",
        `${tls}, which cert-manager issues and renews: --cert/--key cannot fill it; leave them out, the volume reads tls.crt and tls.key`,
        existing?.doc.contents ?? res.doc.contents
      );
      continue;
    }
    if (existing) {
      let ectx = editContext(ctx, existing), dataPair = pairOf(existing.doc.contents, "data"), dataNode = dataPair?.value, emptyData = dataPair !== void 0 && (dataNode === null || (0, import_yaml20.isScalar)(dataNode) && dataNode.value === null), where = `Secret "${name}"${namespace === void 0 ? "" : ` in namespace ${namespace}`}`;
      if (dataPair !== void 0 && !(0, import_yaml20.isMap)(dataNode) && !emptyData) {
        report(
          ctx,
          "error",
          "CONFLICT",
          `${where} has a "data" that is not a mapping; it cannot hold ${CLIENT_CERT_KEY} and ${CLIENT_KEY_KEY}`,
          dataNode ?? void 0
        );
        continue;
      }
      let stringData = lookup(existing.doc.contents, ["stringData"]), shadowed = [CLIENT_CERT_KEY, CLIENT_KEY_KEY].filter((k) => (0, import_yaml20.isMap)(stringData) && stringData.has(k));
      if (shadowed.length > 0) {
        report(
          ctx,
          "error",
          "CONFLICT",
          `${where} sets ${shadowed.join(" and ")} under stringData, which overrides data when applied; remove ${shadowed.length > 1 ? "them" : "it"} from stringData so that --cert/--key can fill in data`,
          stringData
        );
        continue;
      }
      let missing = [], replaced;
      for (let key of [CLIENT_CERT_KEY, CLIENT_KEY_KEY]) {
        let node = (0, import_yaml20.isMap)(dataNode) ? dataNode.get(key, !0) : void 0, want = data[key];
        if (node != null && !(0, import_yaml20.isScalar)(node)) {
          report(
            ctx,
            "error",
            "CONFLICT",
            `${where}: data.${key} is not a string; it must hold the base64 of the ${key === CLIENT_KEY_KEY ? "key" : "certificate"} file`,
            node
          );
          continue;
        }
        if ((0, import_yaml20.isScalar)(node)) {
          if (node.value !== want) {
            let rotation = typeof node.value == "string" && !isPlaceholderSecretData(node.value);
            rotation && (replaced === void 0 || key === CLIENT_CERT_KEY) && (replaced = String(node.value));
            let [start, end] = node.range, splice = start === end ? insertAt(start, `${((c) => c === void 0 || /\s/.test(c) ? "" : " ")(ctx.src[start - 1])}${formatScalar(want)}${ctx.src[start] === "#" ? " " : ""}`) : setScalar(ectx, node, want);
            plan(ctx, {
              resource: existing.ref,
              op: "set",
              ptr: ["data", key],
              display: ["data", key],
              before: redact(node.value),
              after: REDACTED,
              role: "secret",
              reason: `${rotation ? "rotate" : "fill in"} the client ${key === CLIENT_KEY_KEY ? "key" : "certificate"}`,
              splices: [splice],
              value: want
            });
          }
        } else missing.push([key, want]);
      }
      if (replaced !== void 0 && warnRotation(ctx, where, namespace, mountedBy.get(id) ?? [], replaced, material.certPem, dataNode), missing.length > 0) {
        let pairs = missing.map(([k, v]) => [k, scalar(v)]), splices = (0, import_yaml20.isMap)(dataNode) ? [addPairs(ectx, dataNode, pairs, layoutFor(ectx.unit, !0))] : emptyData ? fillEmptyValue(ectx, dataPair, map(...pairs), layoutFor(ectx.unit, !0)) : [
          addPairs(
            ectx,
            existing.doc.contents,
            [["data", map(...pairs)]],
            layoutFor(ectx.unit, !0)
          )
        ];
        missing.forEach(([key, value2], i) => {
          plan(ctx, {
            resource: existing.ref,
            op: "add",
            ptr: ["data", key],
            display: ["data", key],
            after: REDACTED,
            role: "secret",
            reason: "add the client certificate data",
            splices: i === 0 ? splices : [],
            value: value2
          });
        });
      }
      continue;
    }
    requireDelegatesInNamespace(ctx, namespace);
    let text = renderSecretManifest(
      namespace === void 0 ? { name, ...material } : { name, namespace, ...material },
      ctx.eol
    ), at = res.doc.range[0], marker = ctx.src.startsWith("---", at), ref = { document: res.ref.document, kind: "Secret", name, ...namespace === void 0 ? {} : { namespace } }, value = {
      apiVersion: "v1",
      data,
      kind: "Secret",
      metadata: { name, ...namespace === void 0 ? {} : { namespace } },
      type: "Opaque"
    };
    plan(ctx, {
      resource: ref,
      op: "insert",
      ptr: [],
      display: [],
      after: { ...value, data: { [CLIENT_CERT_KEY]: REDACTED, [CLIENT_KEY_KEY]: REDACTED } },
      role: "secret",
      reason: `the client certificate Secret ${name}, before the Deployment that mounts it`,
      splices: [insertAt(at, marker ? `---${ctx.eol}${text}` : `${text}---${ctx.eol}`)],
      value,
      insertBefore: res.ref.document
    });
  }
}
function warnRotation(ctx, where, namespace, delegates, oldCrt, newPem, at) {
  let before = certificateInfoFromBase64(oldCrt), after = certificateInfo(newPem), issuer = before && after && before.issuer !== after.issuer ? ` Its issuer changes from "${oneLineName(before.issuer)}" to "${oneLineName(after.issuer)}": Harness must trust the new CA before the delegates switch, or they are refused.` : "", ns = namespace === void 0 ? "" : ` -n ${namespace}`, restart = [...new Set(delegates)].map((d) => `deployment/${d}`).join(" ");
  report(
    ctx,
    "warning",
    "ROTATION",
    `${where} held another client certificate, now replaced.${issuer} Delegates read the key only at start-up: once it is applied, run kubectl rollout restart ${restart}${ns}`,
    at,
    { role: "secret" }
  );
}
var import_yaml20, base642, redact, init_plan_secret = __esm({
  "src/mtls/plan-secret.ts"() {
    "use strict";
    import_yaml20 = __toESM(require_dist(), 1);
    init_certificate_info();
    init_secret_manifest();
    init_edit();
    init_fragment();
    init_layout();
    init_lookup();
    init_scalar();
    init_splice();
    init_context();
    init_scope();
    init_tls_secret();
    init_namespace();
    base642 = (s) => Buffer.from(s, "utf8").toString("base64");
    redact = (value) => typeof value == "string" && isPlaceholderSecretData(value) ? value : REDACTED;
  }
});

// src/mtls/shared-nodes.ts
function mergedKeys(map2, doc) {
  let out = /* @__PURE__ */ new Map();
  for (let pair of map2.items) {
    let key = (0, import_yaml21.isScalar)(pair.key) ? pair.key.value : void 0;
    if (key !== "<<" && !(typeof key == "symbol" && key.description === "<<")) continue;
    let sources = (0, import_yaml21.isSeq)(pair.value) ? pair.value.items : [pair.value];
    for (let s of sources) {
      let source = (0, import_yaml21.isAlias)(s) ? s.resolve(doc) : s;
      if ((0, import_yaml21.isMap)(source))
        for (let p of source.items)
          (0, import_yaml21.isScalar)(p.key) && !out.has(String(p.key.value)) && out.set(String(p.key.value), pair.key);
    }
  }
  return out;
}
function refuseMergedFields(ctx, doc, map2, fields, label) {
  if (!(0, import_yaml21.isMap)(map2)) return !1;
  let merged = mergedKeys(map2, doc), refused2 = !1;
  for (let field of fields) {
    let at = merged.get(field);
    at === void 0 || map2.has(field) || (report(
      ctx,
      "error",
      "UNSUPPORTED",
      `${label}: ${field} comes from a merge key (<<), and delegate-mtls must change it; changing the merged-in anchor would change its other uses too: write ${field} out in full here`,
      at
    ), refused2 = !0);
  }
  return refused2;
}
function refuseEditsInShared(ctx, resources) {
  for (let res of resources) {
    let aliased = /* @__PURE__ */ new Set();
    if ((0, import_yaml21.visit)(res.doc, { Alias: (_, n) => {
      aliased.add(n.source);
    } }), aliased.size === 0) continue;
    let shared = [];
    (0, import_yaml21.visit)(res.doc, {
      Node: (_, n) => {
        n.anchor !== void 0 && aliased.has(n.anchor) && n.range && shared.push(n);
      }
    });
    let label = `${res.ref.kind} ${res.ref.name ?? ""}`.trim(), reported = /* @__PURE__ */ new Set();
    for (let edit of ctx.edits)
      if (edit.change.resource.document === res.ref.document)
        for (let s of edit.splices)
          for (let n of shared) {
            let [start, valueEnd, end] = n.range;
            !(s.start === s.end ? start < s.start && s.start <= ((0, import_yaml21.isCollection)(n) ? end : valueEnd - 1) : s.start < valueEnd && s.end > start) || reported.has(n) || (reported.add(n), report(
              ctx,
              "error",
              "UNSUPPORTED",
              `${label}: &${n.anchor} is used again as *${n.anchor}, and delegate-mtls must change what it holds (${edit.change.path}); that would change its other uses too: write it out in full where it is used`,
              n
            ));
          }
  }
}
var import_yaml21, init_shared_nodes = __esm({
  "src/mtls/shared-nodes.ts"() {
    "use strict";
    import_yaml21 = __toESM(require_dist(), 1);
    init_context();
  }
});

// src/mtls/values-host.ts
function underValues(res, path) {
  let base = formatPath(res.path);
  return base === "" ? path : path.startsWith("[") ? base + path : `${base}.${path}`;
}
function inValues(ctx, res, rule) {
  let root = res.root;
  if (!res.text) {
    let first = ctx.edits.length;
    if (rule(ctx, res, root), res.path.length === 0) return;
    for (let e of ctx.edits.slice(first))
      e.ptr = [...res.path, ...e.ptr], e.change.path = underValues(res, e.change.path);
    return;
  }
  let { node, doc } = res.text, decoded = toPlain(doc);
  planInside(
    ctx,
    {
      node,
      text: node.value,
      ptr: res.path,
      ..."value" in decoded ? { decoded } : {},
      path: (e) => underValues(res, e.change.path)
    },
    (inner) => rule(inner, { ...res, doc }, root)
  );
}
function checkHost2(ctx, res, revert2 = !1) {
  let host = res.host;
  if (!host) return !0;
  let label = labelOf(res);
  if (host.problem)
    return report(ctx, "error", host.problem.code, `${label}: ${host.problem.message}`, host.problem.at), !1;
  if (revert2) return res.root !== void 0;
  let where = formatPath(res.path), outside = host.outside, named = outside ? `${outside.what} (${outside.items.join(", ")})` : "";
  if (!res.root)
    return report(
      ctx,
      "warning",
      "NOT_CHANGED",
      outside ? `${label}: no values in the document; the chart's values come from ${named}, which is not in the input: set managerEndpoint, mTLS.secretName and custom_envs there, or in ${where}` : `${label}: no values (${where}), so no delegate settings to migrate: set managerEndpoint, mTLS.secretName and custom_envs there`,
      res.doc.contents ?? 0,
      // Above all the endpoint is missing: audit judges it with the endpoint's other findings.
      { role: "endpoint" }
    ), !1;
  outside && report(
    ctx,
    "warning",
    "VALUES_OUTSIDE",
    `${label}: ${named} is not in the input, so its values were not checked; ${where} overrides them, so the settings made there take effect (a custom_envs list there is replaced whole by the one in ${where}: merge them)`,
    outside.at
  );
  let clear = !0;
  if ((0, import_yaml22.isSeq)(host.parameters))
    for (let item of host.parameters.items) {
      let name = stringAt(item, "name") ?? "";
      if (!OUR_KEYS.test(name)) continue;
      let value = (0, import_yaml22.isScalar)(item) ? void 0 : stringAt(item, "value");
      name === "managerEndpoint" && value === ctx.options.endpoint || (report(
        ctx,
        "error",
        "CONFLICT",
        `${label}: helm.parameters sets ${name}, which overrides the values delegate-mtls migrates: move it into ${where} or remove it`,
        item
      ), clear = !1);
    }
  return host.ignored && report(
    ctx,
    "warning",
    "VALUES_IGNORED",
    `${label}: helm.values is left unchanged: Argo CD renders valuesObject alone when it is set, so only valuesObject is migrated (move anything still needed from helm.values into it)`,
    host.ignored
  ), clear;
}
var import_yaml22, labelOf, init_values_host = __esm({
  "src/mtls/values-host.ts"() {
    "use strict";
    import_yaml22 = __toESM(require_dist(), 1);
    init_gitops_values();
    init_lookup();
    init_parse();
    init_context();
    init_inside();
    labelOf = (res) => `${res.ref.kind} ${res.ref.name ?? ""}`.trim();
  }
});

// src/mtls/plan-helm-values.ts
function topLevelSeqLayout(src, root, unit) {
  for (let pair of root.items) {
    let compact = seqIsCompact(src, pair.key, pair.value);
    if (compact !== void 0) return layoutFor(unit, compact);
  }
  return layoutFor(unit, !1);
}
function planHelmValues(ctx, res) {
  checkHost2(ctx, res) && res.root && inValues(ctx, res, planValues);
}
function planValues(ctx, res, root) {
  let ectx = editContext(ctx, res), { endpoint } = ctx.options, image = helmImage(root), doubt = image && imageDoubt(image.ref, "classic");
  doubt && report(ctx, "warning", "IMAGE", doubt, image.at), ctx.options.mountPath !== CHART_MOUNT_PATH && report(
    ctx,
    "warning",
    "UNSUPPORTED",
    `the chart mounts the client certificate at ${CHART_MOUNT_PATH}; --mount-path ${ctx.options.mountPath} does not apply to Helm values`,
    root
  );
  let endpointPair = pairOf(root, "managerEndpoint");
  if (endpointPair) {
    let node = endpointPair.value;
    if (!(0, import_yaml23.isScalar)(node) || node.value !== endpoint) {
      let before = (0, import_yaml23.isScalar)(node) ? node.value : null;
      plan(ctx, {
        resource: res.ref,
        op: "set",
        ptr: ["managerEndpoint"],
        display: ["managerEndpoint"],
        before,
        after: endpoint,
        role: "endpoint",
        reason: "the mTLS endpoint (the chart derives the delegate's and the upgrader's URLs from it)",
        splices: [setPairValue(ectx, endpointPair, endpoint, formatScalar(endpoint))]
      });
    }
  } else
    report(
      ctx,
      "warning",
      "ADDED_ENDPOINT",
      "the values had no managerEndpoint (the chart's default is https://app.harness.io); added it",
      root
    ), plan(ctx, {
      resource: res.ref,
      op: "add",
      ptr: ["managerEndpoint"],
      display: ["managerEndpoint"],
      after: endpoint,
      role: "endpoint",
      reason: "the mTLS endpoint",
      splices: [
        addPairs(ectx, root, [["managerEndpoint", scalar(formatScalar(endpoint))]], layoutFor(ectx.unit, !0))
      ]
    });
  let secretName = ctx.options.secretName.replaceAll("{delegate}", helmDelegateName(root)), mtlsPair = pairOf(root, "mTLS"), mtls = mtlsPair?.value, anchor = pairOf(root, "managerEndpoint") ? "managerEndpoint" : void 0, reason = "the chart mounts this Secret in the delegate and the upgrader and sets their certificate paths", changedSecret = !1;
  if ((0, import_yaml23.isMap)(mtls)) {
    let namePair = pairOf(mtls, "secretName"), current = namePair && (0, import_yaml23.isScalar)(namePair.value) ? namePair.value.value : void 0;
    namePair ? (current == null || current === "" || current !== secretName && ctx.options.secretNameExplicit) && (!(0, import_yaml23.isScalar)(namePair.value) && namePair.value !== null ? report(
      ctx,
      "error",
      "CONFLICT",
      `mTLS.secretName must be a Secret name, not a ${(0, import_yaml23.isSeq)(namePair.value) ? "list" : "mapping"}`,
      namePair.value
    ) : (plan(ctx, {
      resource: res.ref,
      op: "set",
      ptr: ["mTLS", "secretName"],
      display: ["mTLS", "secretName"],
      before: current ?? null,
      after: secretName,
      role: "volume",
      reason: current ? "--secret-name was given" : reason,
      splices: [setPairValue(ectx, namePair, secretName, formatScalar(secretName))]
    }), changedSecret = !0)) : (plan(ctx, {
      resource: res.ref,
      op: "add",
      ptr: ["mTLS", "secretName"],
      display: ["mTLS", "secretName"],
      after: secretName,
      role: "volume",
      reason,
      splices: [addPairs(ectx, mtls, [["secretName", scalar(formatScalar(secretName))]], layoutFor(ectx.unit, !0))]
    }), changedSecret = !0);
  } else if (mtlsPair && (mtls === null || (0, import_yaml23.isScalar)(mtls) && mtls.value === null))
    plan(ctx, {
      resource: res.ref,
      op: "set",
      ptr: ["mTLS"],
      display: ["mTLS"],
      before: null,
      after: { secretName },
      role: "volume",
      reason,
      splices: fillEmptyValue(
        ectx,
        mtlsPair,
        map(["secretName", scalar(formatScalar(secretName))]),
        layoutFor(ectx.unit, !0)
      )
    }), changedSecret = !0;
  else if (!mtlsPair)
    plan(ctx, {
      resource: res.ref,
      op: "add",
      ptr: ["mTLS"],
      display: ["mTLS"],
      after: { secretName },
      role: "volume",
      reason,
      splices: [
        addPairs(
          ectx,
          root,
          [["mTLS", map(["secretName", scalar(formatScalar(secretName))])]],
          layoutFor(ectx.unit, !0),
          anchor
        )
      ]
    }), changedSecret = !0;
  else {
    report(ctx, "error", "CONFLICT", "mTLS must be a mapping with secretName", mtlsPair.value);
    return;
  }
  changedSecret && chartVersionWarning(ctx, root, image?.ref), planCustomEnvs(ctx, res, root, anchor);
}
function chartVersionWarning(ctx, root, image) {
  if (root.has("mTLS")) return;
  let ignored = `charts before ${CHART_MTLS_VERSION} ignore mTLS.secretName without an error, so the delegate would run without its certificate`;
  if (CHART_DEFAULTS_KEYS.every((k) => root.has(k))) {
    let hint = image ? `, delegate image ${image}` : "";
    report(
      ctx,
      "warning",
      "CHART_VERSION",
      `this is the values.yaml of a harness-delegate-ng chart before ${CHART_MTLS_VERSION} (it has no mTLS key${hint}); ${ignored}: upgrade the chart to ${CHART_MTLS_VERSION} or later`,
      root
    );
  } else
    report(
      ctx,
      "warning",
      "CHART_VERSION",
      `mTLS.secretName needs chart harness-delegate-ng ${CHART_MTLS_VERSION} or later (${ignored}): check the installed chart with helm list -n <namespace> and upgrade it if it is older`,
      root
    );
}
function planCustomEnvs(ctx, res, root, anchor) {
  let ectx = editContext(ctx, res), envs = root.get("custom_envs", !0), layout, wanted = wantedEnv({ ...ctx, options: { ...ctx.options, mountPath: CHART_MOUNT_PATH } });
  for (let want of wanted) {
    let found = findItem(envs, "name", want.name);
    if (found) {
      let ptr = ["custom_envs", found.index], display = ["custom_envs", { name: want.name }];
      if ((0, import_yaml23.isMap)(found.node.get("valueFrom", !0))) {
        want.kind === "owned" ? report(
          ctx,
          "error",
          "CONFLICT",
          `custom_envs ${want.name} is set through valueFrom; delegate-mtls must set it to "${want.value}" inline (remove the valueFrom)`,
          found.node
        ) : report(
          ctx,
          "warning",
          "NOT_CHANGED",
          `custom_envs ${want.name} comes from valueFrom, which is not in the input: set it to "${want.value}" there`,
          found.node,
          { role: want.role }
        );
        continue;
      }
      ensureEnvValue(
        ctx,
        res,
        found.node,
        ptr,
        display,
        want,
        `${want.reason} (custom_envs overrides the chart's ConfigMap)`
      );
      continue;
    }
    want.setByChart || !want.addIfMissing || (layout ??= topLevelSeqLayout(ctx.src, root, ectx.unit), plan(ctx, {
      resource: res.ref,
      op: "append",
      ptr: ["custom_envs"],
      display: ["custom_envs"],
      after: { name: want.name, value: want.value },
      role: want.role,
      reason: `${want.reason} (the chart does not set it; custom_envs adds it to the delegate's env)`,
      splices: [],
      place: {
        kind: "append",
        ectx,
        owner: root,
        key: "custom_envs",
        item: map(["name", scalar(want.name)], ["value", scalar(formatScalar(want.value, "double"))]),
        layout,
        ...anchor === void 0 ? {} : { createAfter: root.has("mTLS") ? "mTLS" : anchor }
      }
    }));
  }
}
var import_yaml23, CHART_MOUNT_PATH, CHART_MTLS_VERSION, CHART_DEFAULTS_KEYS, helmDelegateName, init_plan_helm_values = __esm({
  "src/mtls/plan-helm-values.ts"() {
    "use strict";
    import_yaml23 = __toESM(require_dist(), 1);
    init_helm_values();
    init_delegate_kind();
    init_edit();
    init_edit_pairs();
    init_fragment();
    init_layout();
    init_lookup();
    init_scalar();
    init_context();
    init_plan_env();
    init_values_host();
    CHART_MOUNT_PATH = "/etc/mtls", CHART_MTLS_VERSION = "1.0.23", CHART_DEFAULTS_KEYS = ["serviceAccount", "autoscaling", "upgrader", "livenessProbe"], helmDelegateName = (root) => stringAt(root, "delegateName") ?? CHART_DEFAULT_NAME;
  }
});

// src/mtls/plan.ts
var plan_exports = {};
__export(plan_exports, {
  RULES: () => RULES,
  planResources: () => planResources,
  planStream: () => planStream,
  runRule: () => runRule,
  stepTag: () => stepTag
});
function validateAt(ctx, schema, base, basePath, data, what) {
  let problems = validate(schema, data);
  for (let p of problems) {
    let node;
    for (let i = p.path.length; i >= 0 && !node; i--) node = lookup(base, p.path.slice(0, i));
    let path = [...basePath, ...p.path].join(".");
    report(ctx, "error", "SCHEMA", `${what}: ${path} ${p.message}`, node ?? base);
  }
  return problems.length === 0;
}
function refuseAliases(ctx, pod, containerIndex, label, managed) {
  let found = [], container = containerAt(pod, containerIndex), check = (n) => (0, import_yaml24.isAlias)(n) && found.push(n);
  if ((0, import_yaml24.isMap)(pod) && check(pod.get("volumes", !0)), check(container), (0, import_yaml24.isMap)(container)) {
    for (let key of ["env", "volumeMounts"]) check(container.get(key, !0));
    let env = container.get("env", !0);
    if ((0, import_yaml24.isSeq)(env))
      for (let item of env.items)
        check(item), (0, import_yaml24.isMap)(item) && managed.has(String(item.get("name"))) && check(item.get("value", !0));
  }
  for (let a of found)
    report(
      ctx,
      "error",
      "UNSUPPORTED",
      `${label}: *${a.source} is an alias, and delegate-mtls must change what it points to; changing the anchor would change its other uses too: write the value out in full here`,
      a
    );
  return found.length > 0;
}
function refuseMerges(ctx, doc, pod, containerIndex, label) {
  let container = containerAt(pod, containerIndex), inPod = refuseMergedFields(ctx, doc, pod, ["volumes"], label);
  return refuseMergedFields(ctx, doc, container, ["env", "volumeMounts"], label) || inPod;
}
function refuseDuplicateEnv(ctx, pod, containerIndex, label, managed) {
  let container = containerAt(pod, containerIndex), env = (0, import_yaml24.isMap)(container) ? container.get("env", !0) : void 0;
  if (!(0, import_yaml24.isSeq)(env)) return !1;
  let seen = /* @__PURE__ */ new Set(), refused2 = !1;
  for (let item of env.items) {
    let name = (0, import_yaml24.isMap)(item) ? item.get("name") : void 0;
    typeof name != "string" || !managed.has(name) || (seen.has(name) && (report(
      ctx,
      "error",
      "CONFLICT",
      `${label}: env ${name} is listed twice; Kubernetes uses the last one, so changing one would leave the other in force: remove the duplicate`,
      item
    ), refused2 = !0), seen.add(name));
  }
  return refused2;
}
function skipDelegate3Upgrader(ctx, res) {
  let name = res.type === "upgrader-config" ? configDelegateName(res.config.value, res.ref.name) : cronJobDelegateName(ctx, lookup(res.doc.contents, res.podPath), res.ref).name;
  requireDelegatesNamed(ctx, name, res.ref.namespace);
  let served = ctx.resources.some(
    (r) => r.type === "delegate" && r.delegateKind === "delegate3" && (r.ref.name ?? "delegate") === name && sameNamespace(r.ref.namespace, res.ref.namespace)
  );
  return served && report(
    ctx,
    "warning",
    "UNSUPPORTED",
    `${res.ref.kind} ${res.ref.name ?? ""}: an upgrader of ${name}, which is Delegate 3.x (it has no upgrader): left unchanged; remove it`,
    res.doc.contents
  ), served;
}
function planStream(src, eol, file, docs, options, starts) {
  let resources = docs.map((doc, i) => classify(doc, i));
  return planResources({ src, eol, file, options, ...starts ? { starts } : {} }, resources, {
    lint: resources.some((r) => r.type !== "other")
  });
}
function runRule(rule, base, res) {
  let ctx = {
    ...base,
    edits: [],
    diagnostics: [],
    secretByDelegate: /* @__PURE__ */ new Map(),
    modeByDelegate: /* @__PURE__ */ new Map()
  };
  return rule(ctx, res), renderPlaced(ctx), { steps: ctx.edits, diagnostics: ctx.diagnostics };
}
function planResources(base, resources, how) {
  let ctx = {
    ...base,
    resources,
    edits: [],
    diagnostics: [],
    secretByDelegate: /* @__PURE__ */ new Map(),
    modeByDelegate: /* @__PURE__ */ new Map(),
    ...how.scope ? { scope: how.scope } : {}
  }, plannable = [], decoded = /* @__PURE__ */ new Map(), step = 0, edits = 0, diagnostics = 0, mark = (phase, document) => {
    if (how.tags) {
      for (; edits < ctx.edits.length; edits++) how.tags.set(ctx.edits[edits], step);
      for (; diagnostics < ctx.diagnostics.length; diagnostics++) how.tags.set(ctx.diagnostics[diagnostics], step);
      step = stepTag(phase, document);
    }
  };
  for (let res of resources) {
    mark("validate", res.ref.document);
    let label = `${res.ref.kind} ${res.ref.name ?? ""}`.trim(), known = how.decoded?.get(res.ref.document), plain2 = res.type === "other" ? { value: void 0 } : known !== void 0 ? { value: known } : toPlain(res.doc);
    if (!("error" in plain2) && res.type !== "other" && decoded.set(res.ref.document, plain2.value), "error" in plain2) {
      report(
        ctx,
        "error",
        "YAML_SYNTAX",
        `${label}: cannot be decoded: ${plain2.error}`,
        res.doc.contents ?? 0
      );
      continue;
    }
    switch (res.type) {
      case "legacy":
        report(
          ctx,
          "error",
          res.code ?? "LEGACY_DELEGATE",
          `${label}: ${res.reason}; ${res.advice ?? "Harness supports mTLS only on immutable delegates (image tag yy.mm.xxxxx): upgrade to an immutable delegate first"}`,
          res.at
        );
        break;
      case "upgrader-config-invalid":
        report(
          ctx,
          "error",
          "CONFIG_YAML_NOT_STRING",
          `${label}: data."config.yaml" is a mapping, but ConfigMap data values must be strings (the API server rejects it); write it as a block string: config.yaml: |`,
          res.at
        );
        break;
      case "delegate":
      case "upgrader-cronjob": {
        let pod = lookup(res.doc.contents, res.podPath), data = res.podPath.reduce(
          (o, k) => o?.[k],
          plain2.value
        ), managed = managedEnvFor(res.type === "delegate" ? res.delegateKind : "classic");
        validateAt(ctx, "podSpec", pod, res.podPath, data, label) && !refuseAliases(ctx, pod, res.container, label, managed) && !refuseMerges(ctx, res.doc, pod, res.container, label) && !refuseDuplicateEnv(ctx, pod, res.container, label, managed) && plannable.push(res);
        break;
      }
      case "upgrader-config":
      case "helm-values":
      case "compose":
        plannable.push(res);
        break;
    }
  }
  for (let { type, rule } of RULES)
    for (let res of plannable)
      res.type === type && (mark(type, res.ref.document), rule(ctx, res));
  return planSecrets(
    ctx,
    plannable.filter((r) => r.type === "delegate"),
    (res) => mark("secret", res.ref.document)
  ), renderPlaced(ctx), refuseEditsInShared(ctx, plannable), how.lint && lint(ctx, (res) => mark("lint", res.ref.document)), mark("lint", 0), { resources, edits: ctx.edits, diagnostics: ctx.diagnostics, decoded };
}
var import_yaml24, containerAt, upgraderConfigRule, upgraderCronJobRule, RULES, PHASES, stepTag, init_plan = __esm({
  "src/mtls/plan.ts"() {
    "use strict";
    import_yaml24 = __toESM(require_dist(), 1);
    init_classify();
    init_wanted_state();
    init_validate();
    init_lookup();
    init_parse();
    init_context();
    init_lint();
    init_plan_delegate();
    init_plan_secret();
    init_plan_upgrader();
    init_scope();
    init_shared_nodes();
    init_plan_helm_values();
    init_plan_compose();
    init_namespace();
    containerAt = (pod, index) => (0, import_yaml24.isMap)(pod) ? pod.get("containers", !0)?.items?.[index] : void 0;
    upgraderConfigRule = (ctx, res) => {
      skipDelegate3Upgrader(ctx, res) || planUpgraderConfig(ctx, res);
    }, upgraderCronJobRule = (ctx, res) => {
      skipDelegate3Upgrader(ctx, res) || planUpgraderCronJob(ctx, res);
    }, RULES = [
      { type: "delegate", rule: planDelegate },
      { type: "upgrader-config", rule: upgraderConfigRule },
      { type: "upgrader-cronjob", rule: upgraderCronJobRule },
      { type: "helm-values", rule: planHelmValues },
      { type: "compose", rule: planCompose }
    ];
    PHASES = [
      "validate",
      "delegate",
      "upgrader-config",
      "upgrader-cronjob",
      "helm-values",
      "compose",
      "secret",
      "lint"
    ], stepTag = (phase, document) => PHASES.indexOf(phase) * 2 ** 32 + document;
  }
});

// src/yaml/item-text.ts
var item_text_exports = {};
__export(item_text_exports, {
  commonLines: () => commonLines,
  itemText: () => itemText,
  mappingItems: () => mappingItems,
  reindent: () => reindent,
  splitLines: () => splitLines,
  unindent: () => unindent
});
function itemText(src, node) {
  let [start, valueEnd] = node.range, rest = src.slice(valueEnd, lineEndAfter(src, valueEnd)), end = /^[ \t]*(#[^\n]*)?\r?\n?$/.test(rest) && src[valueEnd - 1] !== `
` ? lineEndAfter(src, valueEnd) : valueEnd;
  return { start, end, col: linePos(src, start).col - 1 };
}
function mappingItems(src, seq2) {
  if (seq2.items.every((n) => (0, import_yaml25.isMap)(n)))
    return seq2.items.map((n) => itemText(src, n));
}
function unindent(src, item, eol) {
  let original = splitLines(src.slice(item.start, item.end)), shifts = [], lines = original.map((line, i) => {
    if (i === 0)
      return shifts.push(item.col), line;
    let k = 0;
    for (; k < item.col && line[k] === " "; ) k++;
    return shifts.push(k), line.slice(k);
  }), last = lines.length - 1, addedBreak = last < 0 || !lines[last].endsWith(`
`);
  return addedBreak && lines.push(...last < 0 ? [eol] : [lines.pop() + eol]), { lines, original, shifts, addedBreak };
}
function reindent(u, changed, col) {
  let out = splitLines(changed);
  if (u.addedBreak) {
    let last = out.length - 1;
    if (last < 0 || !out[last].endsWith(`
`)) throw new InternalError("a migrated item lost its last line break");
    out[last] = out[last].replace(/\r?\n$/, ""), out[last] === "" && out.pop();
  }
  let a = u.addedBreak ? [...u.lines.slice(0, -1), u.lines[u.lines.length - 1].replace(/\r?\n$/, "")] : u.lines, kept = commonLines(a, out), pad2 = " ".repeat(col), text = "", next = 0;
  for (let [ai, bi] of [...kept, [a.length, out.length]]) {
    for (; next < bi; next++) {
      let line = out[next];
      text += next === 0 || /^\r?\n?$/.test(line) ? line : pad2 + line;
    }
    ai < a.length && (text += u.original[ai], next = bi + 1);
  }
  return text;
}
function commonLines(a, b) {
  let head = 0;
  for (; head < a.length && head < b.length && a[head] === b[head]; ) head++;
  let tail = 0;
  for (; tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]; ) tail++;
  let n = a.length - head - tail, m = b.length - head - tail, dp = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      dp[i][j] = a[head + i] === b[head + j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  let pairs = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  for (let i = 0, j = 0; i < n && j < m; )
    a[head + i] === b[head + j] ? pairs.push([head + i++, head + j++]) : dp[i + 1][j] >= dp[i][j + 1] ? i++ : j++;
  for (let t = tail; t > 0; t--) pairs.push([a.length - t, b.length - t]);
  return pairs;
}
var import_yaml25, splitLines, init_item_text = __esm({
  "src/yaml/item-text.ts"() {
    "use strict";
    import_yaml25 = __toESM(require_dist(), 1);
    init_errors();
    init_source();
    splitLines = (s) => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  }
});

// src/pipeline/deep-equal.ts
function deepEqual(a, b) {
  if (a === b) return !0;
  if (typeof a == "number" && typeof b == "number") return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a != "object" || typeof b != "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return !1;
  if (a instanceof Uint8Array || b instanceof Uint8Array)
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  let ka = Object.keys(a), kb = Object.keys(b);
  return ka.length !== kb.length ? !1 : ka.every(
    (k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k])
  );
}
var init_deep_equal = __esm({
  "src/pipeline/deep-equal.ts"() {
    "use strict";
  }
});

// src/pipeline/lists.ts
var lists_exports = {};
__export(lists_exports, {
  expandLists: () => expandLists,
  throughLists: () => throughLists
});
function findLists(src, starts, file) {
  let lists = /* @__PURE__ */ new Map(), errors = [];
  return starts.forEach((start, i) => {
    let end = starts[i + 1] ?? src.length, slice = src.slice(start, end);
    if (!slice.includes("List") || !slice.includes("items")) return;
    let docs = parseDocumentsAt(src, start, end, !1);
    if (docs.length !== 1 || docs[0].errors.length > 0) return;
    let root = docs[0].contents;
    if (!(0, import_yaml26.isMap)(root) || !isListKind(textAt(root, "kind")) || typeof textAt(root, "apiVersion") != "string") return;
    let seq2 = root.get("items", !0);
    if (!(0, import_yaml26.isSeq)(seq2) || seq2.items.length === 0) return;
    let items = mappingItems(src, seq2), rootLine = lineStartOf(src, root.range[0]), head = src.slice(start, rootLine);
    if (!(!items || rootLine < start || !/^(?:---[ \t]*(?:#[^\n]*)?\r?\n)?$/.test(head)) && src.slice(rootLine, root.range[0]).trim() === "") {
      for (let [k, node] of seq2.items.entries()) {
        let inner = node;
        if (isListKind(textAt(inner, "kind")) && (0, import_yaml26.isSeq)(inner.get("items", !0))) {
          let { line, col } = linePos(src, node.range[0]);
          errors.push({
            code: "UNSUPPORTED",
            severity: "error",
            message: `items[${k}] is a ${String(textAt(inner, "kind"))} inside a ${String(textAt(root, "kind"))}: kubectl never nests lists; write its items into the outer list`,
            file,
            line,
            col
          });
        }
      }
      lists.set(i, { items, head });
    }
  }), { lists, errors };
}
function expand(src, eol, starts, lists) {
  let pieces = [], lines = [], lineCount = (s) => s === "" ? 0 : s.split(`
`).length - (s.endsWith(`
`) ? 1 : 0);
  return starts.forEach((start, i) => {
    let end = starts[i + 1] ?? src.length, first = linePos(src, start).line, list = lists.get(i);
    if (!list) {
      let text = src.slice(start, end);
      for (let t = 0; t < lineCount(text); t++) lines.push({ line: first + t, shift: 0 });
      pieces.push({ doc: i, text, lead: "" });
      return;
    }
    list.items.forEach((item, k) => {
      let u = unindent(src, item, eol), itemLine = linePos(src, item.start).line, lead = k === 0 ? list.head : `---${eol}`;
      for (let t = 0; t < lineCount(lead); t++) lines.push({ line: k === 0 ? first + t : itemLine, shift: 0 });
      u.lines.forEach((_, t) => lines.push({ line: itemLine + t, shift: u.shifts[t] ?? 0 })), pieces.push({ doc: i, item: k, text: lead + u.lines.join(""), lead, unindented: u });
    });
  }), { text: pieces.map((p) => p.text).join(""), pieces, lines, lists, starts };
}
function fold(src, eol, ex, output, changes) {
  let outStarts = documentStarts(output);
  if (!outStarts) throw new InternalError("the migrated items cannot be split into documents again");
  let outDocs = outStarts.map((s, k) => output.slice(s, outStarts[k + 1] ?? output.length)), inserted = /* @__PURE__ */ new Map(), removed = /* @__PURE__ */ new Set();
  for (let c of changes)
    c.op === "insert" && inserted.set(c.resource.document, (inserted.get(c.resource.document) ?? 0) + 1), c.op === "remove" && c.path === "" && removed.add(c.resource.document);
  let expected = ex.pieces.length + [...inserted.values()].reduce((a, b) => a + b, 0) - removed.size;
  if (outDocs.length !== expected)
    throw new InternalError(`the migrated items came back as ${outDocs.length} documents, expected ${expected}`);
  let next = 0, outOf = ex.pieces.map((_, j) => {
    let before = outDocs.slice(next, next + (inserted.get(j) ?? 0));
    next += before.length;
    let own = removed.has(j) ? void 0 : outDocs[next++];
    return { before, own };
  }), text = "";
  return ex.starts.forEach((start, i) => {
    let end = ex.starts[i + 1] ?? src.length, list = ex.lists.get(i), js = ex.pieces.flatMap((p, j) => p.doc === i ? [j] : []);
    if (!list) {
      for (let j of js) text += outOf[j].before.join("") + (outOf[j].own ?? "");
      return;
    }
    let listText = src.slice(start, end), head = list.head, before = [];
    for (let j of [...js].reverse()) {
      let piece = ex.pieces[j], item = list.items[piece.item], { own } = outOf[j];
      before.unshift(...outOf[j].before.map(body));
      let from = item.start - start, to = item.end - start;
      if (own === void 0) {
        let [a, b] = removal(listText, from, to);
        listText = listText.slice(0, a) + listText.slice(b);
        continue;
      }
      let itemDoc = own;
      if (piece.item === 0)
        if (piece.lead === "") itemDoc = body(itemDoc);
        else if (itemDoc.startsWith(piece.lead)) itemDoc = itemDoc.slice(piece.lead.length);
        else if (MARKER_LINE.test(piece.lead) && !MARKER_LINE.test(itemDoc)) head = "";
        else throw new InternalError("the start of a migrated List item cannot be matched with its List");
      else {
        if (!itemDoc.startsWith(piece.lead)) throw new InternalError("a migrated List item lost its separator");
        itemDoc = itemDoc.slice(piece.lead.length);
      }
      let was = piece.unindented.lines.join("");
      itemDoc !== was && (listText = listText.slice(0, from) + reindent(piece.unindented, itemDoc, item.col) + listText.slice(to));
    }
    listText = head + listText.slice(list.head.length), before.length === 0 ? text += listText : MARKER_LINE.test(listText) ? text += before.map((b) => `---${eol}${b}`).join("") + listText : text += before.map((b) => `${b}---${eol}`).join("") + listText;
  }), text;
}
function removal(text, from, to) {
  let lineStart = lineStartOf(text, from);
  if (/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, from))) return [lineStart, to];
  let after = /^\s*,\s*/.exec(text.slice(to));
  if (after) return [from, to + after[0].length];
  let comma = text.slice(0, from).search(/\s*,\s*$/);
  return [comma >= 0 ? comma : from, to];
}
function checkFold(src, ex, output, body2, changes) {
  let decodeAll = (text) => {
    let parsed = (0, import_yaml26.parseAllDocuments)(text, { version: "1.1" }), docs = "empty" in parsed ? [] : parsed, bad = docs.find((d) => d.errors.length > 0);
    if (bad) return `the output does not parse: ${bad.errors[0].message.split(`
`)[0]}`;
    let values = [];
    for (let d of docs) {
      let v = toPlain(d);
      if ("error" in v) return `the output does not decode: ${v.error}`;
      values.push(v.value);
    }
    return values;
  }, got = decodeAll(body2), made = decodeAll(output), input = decodeAll(src);
  if (typeof got == "string") return got;
  if (typeof made == "string" || typeof input == "string") return "the expanded stream does not decode";
  let inserted = /* @__PURE__ */ new Map(), removed = /* @__PURE__ */ new Set();
  for (let c of changes)
    c.op === "insert" && inserted.set(c.resource.document, (inserted.get(c.resource.document) ?? 0) + 1), c.op === "remove" && c.path === "" && removed.add(c.resource.document);
  let want = [], listItems = /* @__PURE__ */ new Map(), m = 0;
  ex.pieces.forEach((p, j) => {
    for (let n = inserted.get(j) ?? 0; n > 0; n--) want.push(made[m++]);
    let value = removed.has(j) ? void 0 : made[m++];
    if (p.item === void 0) {
      removed.has(j) || want.push(value);
      return;
    }
    listItems.has(p.doc) || (listItems.set(p.doc, []), want.push({ list: p.doc })), removed.has(j) || listItems.get(p.doc).push(value);
  });
  let expected = want.map((w) => {
    if (w === null || typeof w != "object" || !("list" in w)) return w;
    let doc = w.list;
    return { ...input[doc], items: listItems.get(doc) };
  });
  if (expected.length !== got.length) return `the output has ${got.length} documents, expected ${expected.length}`;
  for (let k = 0; k < got.length; k++)
    if (!deepEqual(expected[k], got[k])) return `document ${k + 1} does not hold its List items as migrated`;
}
function throughLists(text, file, verify, run2) {
  if (!text.includes("List")) return;
  let source = readSource(text), starts = documentStarts(source.text);
  if (!starts) return;
  let { lists, errors } = findLists(source.text, starts, file);
  if (errors.length > 0)
    return { status: "error", output: text, changes: [], diagnostics: errors, unresolved: !1, resources: [] };
  if (lists.size === 0) return;
  let ex = expand(source.text, source.eol, starts, lists), r = run2(ex.text), ref = (res, insert = !1) => {
    let p = ex.pieces[res.document];
    if (!p) return res;
    let { document: _, ...rest } = res;
    return p.item === void 0 || insert ? { document: p.doc, ...rest } : { document: p.doc, item: p.item, ...rest };
  }, diagnostics = r.diagnostics.map((d) => {
    if (d.line === void 0) return d;
    let at = ex.lines[d.line - 1];
    return at ? { ...d, line: at.line, ...d.col === void 0 ? {} : { col: d.col + at.shift } } : d;
  }), mapped = {
    ...r,
    output: text,
    diagnostics,
    changes: r.changes.map((c) => ({ ...c, resource: ref(c.resource, c.op === "insert") })),
    resources: r.resources.map((res) => ref(res))
  };
  if (r.status === "error" || r.changes.length === 0 || r.output === ex.text) return mapped;
  let body2 = fold(source.text, source.eol, ex, r.output, r.changes), mismatch = verify ? checkFold(source.text, ex, r.output, body2, r.changes) : void 0;
  if (mismatch) {
    let bug = `internal error: the semantic guard refused the result (${mismatch}); nothing was written. Please report this with the input file`;
    return {
      ...mapped,
      status: "error",
      changes: [],
      diagnostics: [...diagnostics, { code: "GUARD_MISMATCH", severity: "error", message: bug, file }]
    };
  }
  return { ...mapped, output: writeSource(source, body2) };
}
function expandLists(text) {
  if (!text.includes("List")) return;
  let source = readSource(text), starts = documentStarts(source.text);
  if (!starts) return;
  let { lists, errors } = findLists(source.text, starts, "");
  if (errors.length > 0 || lists.size === 0) return;
  let ex = expand(source.text, source.eol, starts, lists), pieceStarts = [], at = 0;
  for (let p of ex.pieces)
    pieceStarts.push(at), at += p.text.length;
  let origin = (offset) => {
    let lo = 0, hi = pieceStarts.length - 1;
    for (; lo < hi; ) {
      let mid = lo + hi + 1 >> 1;
      pieceStarts[mid] <= offset ? lo = mid : hi = mid - 1;
    }
    let p = ex.pieces[lo];
    return p.item === void 0 ? { doc: p.doc } : { doc: p.doc, item: p.item };
  };
  return { text: ex.text, origin };
}
var import_yaml26, isListKind, textAt, MARKER_LINE, body, init_lists = __esm({
  "src/pipeline/lists.ts"() {
    "use strict";
    import_yaml26 = __toESM(require_dist(), 1);
    init_errors();
    init_item_text();
    init_parse();
    init_source();
    init_spans();
    init_deep_equal();
    isListKind = (kind) => typeof kind == "string" && /List$/.test(kind) && kind !== "ResourceList", textAt = (map2, key) => {
      let v = map2.get(key, !0);
      return (0, import_yaml26.isScalar)(v) ? v.value : void 0;
    };
    MARKER_LINE = /^---[ \t]*(?:#[^\n]*)?\r?\n/, body = (doc) => doc.replace(MARKER_LINE, "");
  }
});

// src/mtls/plan-groups.ts
function planInGroups(src, eol, file, options, starts) {
  let n = starts.length, end = (i) => starts[i + 1] ?? src.length, summaries = [], parsed = [], mentions = [];
  for (let i = 0; i < n; i++) {
    if (parsed[i] = mayMatter(src.slice(starts[i], end(i))), mentions[i] = [], !parsed[i]) {
      summaries.push({ ref: { document: i, kind: "" }, type: "other" });
      continue;
    }
    let doc = parseOne(src, starts[i], end(i), !1);
    if (!doc) return;
    let res = classify(doc, i);
    if (summaries.push({ ref: res.ref, type: res.type }), res.type === "other") continue;
    let plain2 = toPlain(doc);
    "error" in plain2 || (mentions[i] = mentionedNames(res, plain2.value, options));
  }
  let byName = indexByName(summaries), parent = Array.from({ length: n }, (_, i) => i), find = (i) => {
    for (; parent[i] !== i; ) i = parent[i] = parent[parent[i]];
    return i;
  }, union = (a, b) => {
    let [x, y] = [find(a), find(b)];
    x !== y && (parent[Math.max(x, y)] = Math.min(x, y));
  };
  for (let i = 0; i < n; i++) {
    let ns = summaries[i].ref.namespace;
    for (let name of mentions[i])
      for (let other of byName.get(name) ?? []) {
        let ons = other.ref.namespace;
        parsed[other.ref.document] && sameNamespace(ns, ons) && union(i, other.ref.document);
      }
  }
  mentions.length = 0;
  let groups = /* @__PURE__ */ new Map();
  for (let i = 0; i < n; i++) {
    if (!parsed[i]) continue;
    let g = find(i), list = groups.get(g);
    list ? list.push(i) : groups.set(g, [i]);
  }
  let scope = {
    byName,
    delegates: summaries.filter((s) => s.type === "delegate"),
    deployments: namesOfDeployments(summaries),
    members: /* @__PURE__ */ new Map()
  }, base = { src, eol, file, options, starts }, lint2 = summaries.some((s) => s.type !== "other"), tags = /* @__PURE__ */ new Map(), results = /* @__PURE__ */ new Map(), groupOf = /* @__PURE__ */ new Map();
  for (let [g, docs] of groups) for (let i of docs) groupOf.set(i, g);
  for (let [g, initial] of [...groups].sort((a, b) => a[0] - b[0])) {
    if (groupOf.get(initial[0]) !== g) continue;
    let docs = initial;
    for (; ; ) {
      let resources = docs.map((i) => classify(parseOne(src, starts[i], end(i), !0), i));
      scope.members = new Map(resources.map((r) => [r.ref.document, r]));
      try {
        let plan2 = planResources(base, resources, { lint: lint2, scope, tags });
        results.set(g, { edits: plan2.edits, diagnostics: plan2.diagnostics });
        break;
      } catch (e) {
        if (!(e instanceof GroupEscape)) throw e;
        let joined = new Set(docs);
        for (let d of e.documents) {
          let other = groupOf.get(d);
          results.delete(other);
          for (let i of groups.get(other) ?? [d]) joined.add(i);
        }
        docs = [...joined].sort((a, b) => a - b);
        for (let i of docs) groupOf.set(i, g);
        groups.set(g, docs);
      }
    }
  }
  let planned = [...results.keys()].sort((a, b) => a - b).map((g) => groups.get(g));
  scope.members = /* @__PURE__ */ new Map();
  let unparsed = summaries.filter((s) => !parsed[s.ref.document]).map((s) => ({ ...s, type: "other", doc: EMPTY })), rest = planResources(base, unparsed, { lint: lint2, scope, tags });
  results.set(-1, { edits: rest.edits, diagnostics: rest.diagnostics });
  let byStep = (list) => list.map((x, k) => ({ x, k, t: tags.get(x) })).sort((a, b) => a.t - b.t || a.k - b.k).map((e) => e.x), all = [...results.values()], placeholders = /* @__PURE__ */ new Set(), diagnostics = byStep(all.flatMap((r) => r.diagnostics)).filter((d) => d.code !== "LINT" || d.subject === void 0 ? !0 : placeholders.has(d.subject) ? !1 : (placeholders.add(d.subject), !0));
  return { groups: planned, resources: summaries, edits: byStep(all.flatMap((r) => r.edits)), diagnostics };
}
function parseOne(src, start, end, keepSourceTokens) {
  let docs = parseDocumentsAt(src, start, end, keepSourceTokens);
  return docs.length === 1 && docs[0].errors.length === 0 ? docs[0] : void 0;
}
function mentionedNames(res, value, options) {
  let out = [], walk = (v) => {
    typeof v == "string" ? out.push(v) : Array.isArray(v) ? v.forEach(walk) : v && typeof v == "object" && Object.values(v).forEach(walk);
  };
  walk(value);
  let name = res.ref.name ?? "delegate";
  return res.type === "delegate" && out.push(options.secretName.replaceAll("{delegate}", name)), res.type === "upgrader-cronjob" && out.push(name.replace(/-upgrader-job$/, "")), res.type === "upgrader-config" && out.push(configDelegateName(String(res.config.value), res.ref.name)), out;
}
var EMPTY, init_plan_groups = __esm({
  "src/mtls/plan-groups.ts"() {
    "use strict";
    init_classify();
    init_parse();
    init_plan();
    init_plan_upgrader();
    init_scope();
    init_namespace();
    EMPTY = { contents: null, range: [0, 0, 0], errors: [], warnings: [] };
  }
});

// src/resources/secret-name.ts
var secret_name_exports = {};
__export(secret_name_exports, {
  isNamespaceName: () => isNamespaceName,
  isSecretName: () => isSecretName
});
var isSecretName, isNamespaceName, init_secret_name = __esm({
  "src/resources/secret-name.ts"() {
    "use strict";
    isSecretName = (name) => name.length <= 253 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name), isNamespaceName = (name) => name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
  }
});

// src/pipeline/apply-plan.ts
function applyPlan(text, source, file, plan2, how) {
  let resources = plan2.resources.filter((r) => r.type !== "other").map((r) => ({ ...r.ref, type: r.type })), diagnostics = plan2.diagnostics, fail = (all) => ({
    status: "error",
    output: text,
    changes: [],
    diagnostics: all,
    unresolved: !1,
    resources
  });
  if (diagnostics.some((d) => d.severity === "error")) return fail(diagnostics);
  let changes = plan2.edits.map((e) => e.change), unresolved = diagnostics.some((d) => d.code === "NOT_CHANGED"), status = changes.length > 0 ? "migrated" : resources.length > 0 ? how.unchanged : "none";
  if (changes.length === 0) return { status, output: text, changes, diagnostics, unresolved, resources };
  let body2 = applySplices(
    source.text,
    plan2.edits.flatMap((e) => e.splices)
  );
  how.hooks.afterSplice && (body2 = how.hooks.afterSplice(body2));
  let mismatch = how.guard(body2);
  if (mismatch) {
    let bug = `internal error: the semantic guard refused ${how.what} (${mismatch}); nothing was written. Please report this with the input file`;
    return fail([...diagnostics, { code: "GUARD_MISMATCH", severity: "error", message: bug, file }]);
  }
  return { status, output: writeSource(source, body2), changes, diagnostics, unresolved, resources };
}
var init_apply_plan = __esm({
  "src/pipeline/apply-plan.ts"() {
    "use strict";
    init_source();
    init_splice();
  }
});

// src/pipeline/guard.ts
function ownedParent(root, ptr, create, owned) {
  let cur = root;
  for (let seg of ptr.slice(0, -1)) {
    let next = cur[seg];
    if (next == null) {
      if (!create) return;
      cur[seg] = next = {};
    } else owned && typeof next == "object" && !owned.has(next) && (cur[seg] = next = Array.isArray(next) ? [...next] : { ...next });
    typeof next == "object" && owned?.add(next), cur = next;
  }
  return cur;
}
function applyChanges(value, changes, copy = "deep") {
  let collection = value !== null && typeof value == "object", root = copy === "deep" ? structuredClone(value) : collection ? Array.isArray(value) ? [...value] : { ...value } : value, owned = copy === "paths" ? new Set(collection ? [root] : []) : void 0, removals = [];
  for (let { op, ptr, after } of changes) {
    if (op === "remove") {
      removals.push(ptr);
      continue;
    }
    let parent = ownedParent(root, ptr, !0, owned), key = ptr[ptr.length - 1];
    if (op === "append") {
      let list = parent[key];
      owned ? (parent[key] = [...Array.isArray(list) ? list : [], copyOf(after)], owned.add(parent[key])) : Array.isArray(list) ? list.push(copyOf(after)) : parent[key] = [copyOf(after)];
    } else parent[key] = copyOf(after);
  }
  removals.sort((a, b) => comparePtr(b, a));
  for (let ptr of removals) {
    let owner = ownedParent(root, ptr, !1, owned), last = ptr[ptr.length - 1];
    Array.isArray(owner) && typeof last == "number" ? owner.splice(last, 1) : owner && typeof owner == "object" && typeof last == "string" && delete owner[last];
  }
  return root;
}
function comparePtr(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    let x = a[i], y = b[i];
    if (x !== y)
      return typeof x == "number" && typeof y == "number" ? x - y : String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}
function put(root, ptr, value, copy) {
  let parent = ownedParent(root, ptr, !1, copy === "paths" ? /* @__PURE__ */ new Set([root]) : void 0);
  parent && (parent[ptr[ptr.length - 1]] = value);
}
function decodeAt(input, starts, i) {
  let docs = parseDocumentsAt(input, starts[i], starts[i + 1] ?? input.length, !1);
  return docs.length !== 1 || docs[0].errors.length > 0 ? { error: "not decoded" } : toPlain(docs[0]);
}
function checkOutput(input, inputDocs, output, edits, inputStarts, decodedInput) {
  let inserts = edits.filter((e) => e.change.op === "insert"), removed = new Set(
    edits.filter((e) => e.change.op === "remove" && e.ptr.length === 0).map((e) => e.change.resource.document)
  ), count = typeof inputDocs == "number" ? inputDocs : inputDocs.length, expectedDocs = count + inserts.length - removed.size, byDoc = /* @__PURE__ */ new Map();
  for (let e of edits)
    e.change.op !== "insert" && byDoc.set(e.change.resource.document, [...byDoc.get(e.change.resource.document) ?? [], e]);
  let sources = [], insertsBefore = /* @__PURE__ */ new Map();
  for (let e of inserts) insertsBefore.set(e.insertBefore, [...insertsBefore.get(e.insertBefore) ?? [], e]);
  for (let i = 0; i < count; i++) {
    for (let ins of insertsBefore.get(i) ?? []) sources.push({ insert: ins });
    removed.has(i) || sources.push({ input: i });
  }
  let decodeIt = (j) => {
    let src = sources[j];
    return !src || "insert" in src || byDoc.has(src.input) || insertsBefore.has(src.input);
  }, outStarts = inputStarts ? documentStarts(output) : void 0, slice = (text, starts, k) => text.slice(starts[k], starts[k + 1] ?? text.length), outDoc, sameBytes;
  if (inputStarts && outStarts && outStarts.length === expectedDocs)
    outDoc = (j) => {
      let docs = (0, import_yaml27.parseAllDocuments)(slice(output, outStarts, j), K8S_DECODE), bad = docs.find((d) => d.errors.length > 0);
      return bad ? `the output does not parse: ${bad.errors[0].message.split(`
`)[0]}` : docs.length === 1 ? docs[0] : `the output has ${expectedDocs - 1 + docs.length} documents, expected ${expectedDocs}`;
    }, sameBytes = (i, j) => slice(input, inputStarts, i) === slice(output, outStarts, j);
  else {
    if (typeof inputDocs == "number") return "the output's documents cannot be matched with the input's";
    let parsed = (0, import_yaml27.parseAllDocuments)(output, K8S_DECODE), outDocs = "empty" in parsed ? [] : parsed, bad = outDocs.find((d) => d.errors.length > 0);
    if (bad) return `the output does not parse: ${bad.errors[0].message.split(`
`)[0]}`;
    if (outDocs.length !== expectedDocs) return `the output has ${outDocs.length} documents, expected ${expectedDocs}`;
    outDoc = (j) => outDocs[j], sameBytes = (i, j) => input.slice(inputDocs[i].range[0], inputDocs[i].range[1]) === output.slice(outDocs[j].range[0], outDocs[j].range[1]);
  }
  let shift = 0;
  for (let i = 0; i < count; i++) {
    if (removed.has(i)) {
      shift--;
      continue;
    }
    for (let ins of insertsBefore.get(i) ?? []) {
      let out2 = outDoc(i + shift);
      if (typeof out2 == "string") return out2;
      let added = toPlain(out2);
      if ("error" in added || !deepEqual(added.value, ins.value))
        return `the document inserted before document ${i + 1} is not the planned ${ins.change.resource.kind}`;
      shift++;
    }
    let docEdits = byDoc.get(i) ?? [];
    if (!decodeIt(i + shift)) {
      if (!sameBytes(i, i + shift)) return `document ${i + 1} changed although nothing was planned for it`;
      continue;
    }
    let before = decodedInput?.has(i) ? { value: decodedInput.get(i) } : typeof inputDocs != "number" ? toPlain(inputDocs[i]) : inputStarts ? decodeAt(input, inputStarts, i) : { error: "not decoded" }, out = outDoc(i + shift);
    if (typeof out == "string") return out;
    let after = toPlain(out);
    if ("error" in before || "error" in after) return `document ${i + 1} does not decode`;
    let outer = docEdits.filter((e) => !e.inner).map((e) => ({ op: e.change.op, ptr: e.ptr, after: "value" in e ? e.value : e.change.after })), copy = (inputStarts ? slice(input, inputStarts, i) : typeof inputDocs == "number" ? "*" : input.slice(inputDocs[i].range[0], inputDocs[i].range[1])).includes("*") ? "deep" : "paths", expected = applyChanges(before.value, outer, copy), actual = after.value, embedded = /* @__PURE__ */ new Map();
    for (let e of docEdits)
      e.inner && embedded.set(JSON.stringify(e.ptr), {
        ptr: e.ptr,
        edits: [...embedded.get(JSON.stringify(e.ptr))?.edits ?? [], e]
      });
    try {
      for (let { ptr, edits: inner } of embedded.values()) {
        let embeddedText = String(get(expected, ptr)), known = inner.find((e) => e.embedded)?.embedded, base = known && known.text === embeddedText ? known.value : decode(embeddedText), want = applyChanges(
          base,
          inner.map((e) => ({ op: e.change.op, ptr: e.inner, after: "value" in e ? e.value : e.change.after }))
        ), got = decode(String(get(actual, ptr)));
        if (!deepEqual(want, got))
          return `document ${i + 1}: ${ptr.join(".")} does not hold exactly the planned changes`;
        put(expected, ptr, null, copy), put(actual, ptr, null, "deep");
      }
    } catch (e) {
      return `document ${i + 1}: ${e.message}`;
    }
    if (!deepEqual(expected, actual)) return `document ${i + 1} does not decode to the input plus the planned changes`;
  }
}
var import_yaml27, decode, get, copyOf, init_guard = __esm({
  "src/pipeline/guard.ts"() {
    "use strict";
    import_yaml27 = __toESM(require_dist(), 1);
    init_parse();
    init_spans();
    init_deep_equal();
    decode = (text) => {
      let doc = (0, import_yaml27.parseDocument)(text, K8S_DECODE);
      if (doc.errors.length > 0) throw new Error(`embedded YAML does not parse: ${doc.errors[0].message}`);
      return doc.toJS({ maxAliasCount: 100 });
    }, get = (root, ptr) => ptr.reduce((cur, seg) => cur?.[seg], root);
    copyOf = (value) => value !== null && typeof value == "object" ? structuredClone(value) : value;
  }
});

// src/pipeline/migrate.ts
var migrate_exports = {};
__export(migrate_exports, {
  GROUPED_FROM: () => GROUPED_FROM,
  InternalError: () => InternalError,
  migrate: () => migrate,
  resolveOptions: () => resolveOptions
});
function resolveOptions(opts) {
  let mountPath = checkMountPath(opts.mountPath ?? DEFAULT_MOUNT_PATH), secretName = opts.secretName ?? DEFAULT_SECRET_NAME, sample = secretName.replaceAll("{delegate}", "x");
  if (!isSecretName(sample))
    throw new UsageError(
      `--secret-name "${secretName}" is not a valid Kubernetes Secret name (lower-case letters, digits, '-' and '.'; may contain {delegate})`
    );
  return {
    endpoint: normalizeEndpoint(opts.endpoint),
    secretName,
    secretNameExplicit: opts.secretName !== void 0,
    mountPath,
    tiService: opts.tiService ?? !1,
    grpcAuthority: opts.grpcAuthority ?? !0,
    ...composeHostPaths(opts)
  };
}
function migrate(text, options, hooks = {}) {
  let file = options.file ?? "<input>", resolved = "secretNameExplicit" in options ? options : resolveOptions(options);
  return throughLists(text, file, hooks.verify !== !1, (expanded) => migrateFlat(expanded, file, resolved, hooks)) ?? migrateFlat(text, file, resolved, hooks);
}
function migrateFlat(text, file, resolved, hooks) {
  let source = readSource(text), starts = hooks.grouped ?? source.text.length >= GROUPED_FROM ? documentStarts(source.text) : void 0, grouped = starts && planInGroups(source.text, source.eol, file, resolved, starts);
  if (grouped) {
    let guard = hooks.verify === !1 ? () => {
    } : (body2) => checkOutput(source.text, starts.length, body2, grouped.edits, starts);
    return applyPlan(text, source, file, grouped, { unchanged: "already", guard, what: "the result", hooks });
  }
  return migrateWhole(text, source, file, resolved, hooks);
}
function migrateWhole(text, source, file, resolved, hooks) {
  let fail = (diagnostics) => ({
    status: "error",
    output: text,
    changes: [],
    diagnostics,
    unresolved: !1,
    resources: []
  }), { docs, errors, starts } = parseStream(source.text, file, mayMatter);
  if (errors.length > 0) return fail(errors);
  let plan2 = planStream(source.text, source.eol, file, docs, resolved, starts), guard = hooks.verify === !1 ? () => {
  } : (body2) => checkOutput(source.text, docs, body2, plan2.edits, starts, plan2.decoded);
  return applyPlan(text, source, file, plan2, { unchanged: "already", guard, what: "the result", hooks });
}
var GROUPED_FROM, init_migrate = __esm({
  "src/pipeline/migrate.ts"() {
    "use strict";
    init_errors();
    init_endpoint();
    init_mount_path();
    init_plan();
    init_classify();
    init_parse();
    init_source();
    init_spans();
    init_plan_groups();
    init_secret_name();
    init_apply_plan();
    init_lists();
    init_guard();
    init_plan_compose();
    init_wanted_state();
    GROUPED_FROM = 256 * 1024;
  }
});

// src/secret/render-secret.ts
var render_secret_exports = {};
__export(render_secret_exports, {
  CLIENT_CERT_KEY: () => CLIENT_CERT_KEY,
  CLIENT_KEY_KEY: () => CLIENT_KEY_KEY,
  REDACTED: () => REDACTED,
  isPlaceholderSecretData: () => isPlaceholderSecretData,
  redactSecretData: () => redactSecretData,
  renderSecretManifest: () => renderSecretManifest,
  yamlString: () => yamlString
});
var init_render_secret = __esm({
  "src/secret/render-secret.ts"() {
    "use strict";
    init_secret_manifest();
  }
});

// dmtls-lazy:lazy
var require_lazy = __commonJS({
  "dmtls-lazy:lazy"(exports2, module2) {
    var shared = {
      "node_modules/yaml/dist/index.js": () => require_dist(),
      "src/cli/argv.ts": () => (init_argv(), __toCommonJS(argv_exports)),
      "src/cli/endpoint-env.ts": () => (init_endpoint_env(), __toCommonJS(endpoint_env_exports)),
      "src/cli/load-certificate.ts": () => (init_load_certificate(), __toCommonJS(load_certificate_exports)),
      "src/cli/stdin-hint.ts": () => (init_stdin_hint(), __toCommonJS(stdin_hint_exports)),
      "src/errors.ts": () => (init_errors(), __toCommonJS(errors_exports)),
      "src/io/index.ts": () => (init_io(), __toCommonJS(io_exports)),
      "src/io/read-input.ts": () => (init_read_input(), __toCommonJS(read_input_exports)),
      "src/mtls/endpoint.ts": () => (init_endpoint(), __toCommonJS(endpoint_exports)),
      "src/mtls/mount-path.ts": () => (init_mount_path(), __toCommonJS(mount_path_exports)),
      "src/mtls/plan-compose.ts": () => (init_plan_compose(), __toCommonJS(plan_compose_exports)),
      "src/mtls/plan-upgrader.ts": () => (init_plan_upgrader(), __toCommonJS(plan_upgrader_exports)),
      "src/mtls/plan.ts": () => (init_plan(), __toCommonJS(plan_exports)),
      "src/pipeline/lists.ts": () => (init_lists(), __toCommonJS(lists_exports)),
      "src/pipeline/migrate.ts": () => (init_migrate(), __toCommonJS(migrate_exports)),
      "src/resources/certificate-info.ts": () => (init_certificate_info(), __toCommonJS(certificate_info_exports)),
      "src/resources/classify.ts": () => (init_classify(), __toCommonJS(classify_exports)),
      "src/resources/compose.ts": () => (init_compose(), __toCommonJS(compose_exports)),
      "src/resources/helm-values.ts": () => (init_helm_values(), __toCommonJS(helm_values_exports)),
      "src/resources/image.ts": () => (init_image(), __toCommonJS(image_exports)),
      "src/resources/namespace.ts": () => (init_namespace(), __toCommonJS(namespace_exports)),
      "src/resources/secret-manifest.ts": () => (init_secret_manifest(), __toCommonJS(secret_manifest_exports)),
      "src/resources/secret-name.ts": () => (init_secret_name(), __toCommonJS(secret_name_exports)),
      "src/resources/upgrader-config.ts": () => (init_upgrader_config(), __toCommonJS(upgrader_config_exports)),
      "src/resources/wanted-state.ts": () => (init_wanted_state(), __toCommonJS(wanted_state_exports)),
      "src/secret/render-secret.ts": () => (init_render_secret(), __toCommonJS(render_secret_exports)),
      "src/yaml/item-text.ts": () => (init_item_text(), __toCommonJS(item_text_exports)),
      "src/yaml/lookup.ts": () => (init_lookup(), __toCommonJS(lookup_exports)),
      "src/yaml/parse.ts": () => (init_parse(), __toCommonJS(parse_exports)),
      "src/yaml/source.ts": () => (init_source(), __toCommonJS(source_exports)),
      "src/yaml/spans.ts": () => (init_spans(), __toCommonJS(spans_exports)),
      "src/yaml/splice.ts": () => (init_splice(), __toCommonJS(splice_exports))
    }, chunk;
    module2.exports = (name) => (chunk ??= require("./cli-lazy.cjs")((name2) => shared[name2]())).modules[name]();
  }
});

// dmtls-lazy:src/cli/args.ts
var require_args = __commonJS({
  "dmtls-lazy:src/cli/args.ts"(exports2, module2) {
    module2.exports = require_lazy()("src/cli/args.ts");
  }
});

// dmtls-lazy:src/cli/run-secret.ts
var require_run_secret = __commonJS({
  "dmtls-lazy:src/cli/run-secret.ts"(exports2, module2) {
    module2.exports = require_lazy()("src/cli/run-secret.ts");
  }
});

// dmtls-lazy:src/cli/run-fn.ts
var require_run_fn = __commonJS({
  "dmtls-lazy:src/cli/run-fn.ts"(exports2, module2) {
    module2.exports = require_lazy()("src/cli/run-fn.ts");
  }
});

// dmtls-lazy:src/cli/run-cert.ts
var require_run_cert = __commonJS({
  "dmtls-lazy:src/cli/run-cert.ts"(exports2, module2) {
    module2.exports = require_lazy()("src/cli/run-cert.ts");
  }
});

// dmtls-lazy:src/cli/run-probe.ts
var require_run_probe = __commonJS({
  "dmtls-lazy:src/cli/run-probe.ts"(exports2, module2) {
    module2.exports = require_lazy()("src/cli/run-probe.ts");
  }
});

// dmtls-lazy:src/cli/run-audit.ts
var require_run_audit = __commonJS({
  "dmtls-lazy:src/cli/run-audit.ts"(exports2, module2) {
    module2.exports = require_lazy()("src/cli/run-audit.ts");
  }
});

// src/mtls/revert/context.ts
function ownsComments(ectx, pair, list) {
  let keyCol = columnOf(ectx.src, pair.key.range[0]), last = list.items[list.items.length - 1], lastNode = (0, import_yaml28.isMap)(list) ? last.value ?? last.key : last, end = endOfBlock(ectx.src, lastNode, Number.MAX_SAFE_INTEGER), next = ectx.src.slice(end, ectx.src.indexOf(`
`, end) < 0 ? ectx.src.length : ectx.src.indexOf(`
`, end)), m = /^( *)#/.exec(next);
  return m !== null && m[1].length > keyCol;
}
function removeEntries(rctx, res, owner, ownerPtr, ownerDisplay, key, picked, reason, roleOf, label) {
  if (picked.length === 0) return;
  let pair = pairOf(owner, key), coll = pair.value, ectx = editContext(rctx, res), ptr = [...ownerPtr, key], display = [...ownerDisplay, key], node = (p) => (0, import_yaml28.isSeq)(coll) ? coll.items[p] : coll.get(p, !0), before = (p) => node(p)?.toJSON?.() ?? null, lines = (p) => (0, import_yaml28.isSeq)(coll) ? itemLines(ectx, coll, p) : pairLines(ectx, coll, pairOf(coll, p)), remove = (p, splices, place) => plan(rctx, {
    resource: res.ref,
    op: "remove",
    ptr: [...ptr, p],
    display: [...display, label(p)],
    before: before(p),
    role: roleOf(p),
    reason,
    splices,
    ...place ? { place } : {}
  }), all = picked.length === coll.items.length, whole = { resource: res.ref, ptr, display, before: coll.toJSON(), role: roleOf(picked[0]), splices: [] };
  if ((0, import_yaml28.isSeq)(coll) && coll.flow && all && owner.flow) {
    let splices = [removeFlowPair(owner, pair)];
    plan(rctx, { ...whole, op: "remove", reason: `${reason} (the migration created ${key})`, splices });
    return;
  }
  if ((0, import_yaml28.isSeq)(coll) && coll.flow) {
    let keep = coll.items.map((_, i) => i).filter((i) => !picked.includes(i)), splices = keepFlowItems(ectx, coll, keep);
    picked.forEach((p, n) => remove(p, n === 0 ? splices : []));
    return;
  }
  if (all && !ownsComments(ectx, pair, coll)) {
    let place = { kind: "remove-lines", ectx, ranges: [pairLines(ectx, owner, pair)] };
    plan(rctx, { ...whole, op: "remove", reason: `${reason} (the migration created ${key})`, place });
  } else if (all) {
    let place = { kind: "remove-lines", ectx, ranges: picked.map(lines) };
    plan(rctx, { ...whole, op: "set", after: null, reason, place });
  } else for (let p of picked) remove(p, [], { kind: "remove-lines", ectx, ranges: [lines(p)] });
}
function removeListItems(rctx, res, owner, ownerPtr, ownerDisplay, key, indexes, reason, role, label = (item) => ({ name: stringAt(item, "name") ?? "?" })) {
  let list = pairOf(owner, key)?.value ?? null, item = (i) => list?.items[i];
  removeEntries(rctx, res, owner, ownerPtr, ownerDisplay, key, indexes, reason, (i) => typeof role == "function" ? role(item(i)) : role, (i) => label(item(i)));
}
function removeMapKeys(rctx, res, owner, ownerPtr, key, keys, reason, role) {
  removeEntries(rctx, res, owner, ownerPtr, ownerPtr, key, keys, reason, (k) => typeof role == "function" ? role(String(k)) : role, (k) => k);
}
function revertConfigMapKey(rctx, name, namespace, key, value) {
  let cm = rctx.resources.find(
    (r) => r.ref.kind === "ConfigMap" && r.ref.name === name && sameNamespace(r.ref.namespace, namespace)
  );
  if (!cm) return "absent";
  let node = lookup(cm.doc.contents, ["data", key]);
  return (0, import_yaml28.isScalar)(node) ? (node.value !== value && plan(rctx, {
    resource: cm.ref,
    op: "set",
    ptr: ["data", key],
    display: ["data", key],
    before: node.value,
    after: value,
    role: "endpoint",
    reason: "undo the migration: the original endpoint (the delegate reads it from this ConfigMap)",
    splices: [setScalar(editContext(rctx, cm), node, value)]
  }), "set") : "missing-key";
}
var import_yaml28, isOurMode, init_context2 = __esm({
  "src/mtls/revert/context.ts"() {
    "use strict";
    import_yaml28 = __toESM(require_dist(), 1);
    init_edit_pairs();
    init_edit();
    init_lookup();
    init_source();
    init_context();
    init_namespace();
    isOurMode = (text) => /^(256 # 0400|288 # 0440)$/.test(text.trim());
  }
});

// src/mtls/revert/revert-k8s.ts
function revertDelegate(rctx, res) {
  let pod = lookup(res.doc.contents, res.podPath), { container } = locateContainer(rctx, res.podPath, pod, res.container), kind = res.delegateKind;
  revertEnv(rctx, res, container, kind);
  let env = container.node.get("env", !0), ownedNames = ownedEnvFor(kind), owned = (0, import_yaml29.isSeq)(env) ? env.items.flatMap((item, i) => ownedNames.includes(stringAt(item, "name") ?? "") ? [i] : []) : [];
  removeListItems(
    rctx,
    res,
    container.node,
    container.ptr,
    container.display,
    "env",
    owned,
    `${REASON}: only an mTLS delegate needs it`,
    (item) => envRoleOf(stringAt(item, "name") ?? "", kind) ?? "flag"
  ), revertPod(rctx, res, pod, res.podPath, container);
}
function revertEnv(rctx, res, container, kind) {
  let ectx = editContext(rctx, res), env = container.node.get("env", !0), envFrom = container.node.get("envFrom", !0), configMaps = (0, import_yaml29.isSeq)(envFrom) ? envFrom.items.map((i) => stringAt(lookup(i, ["configMapRef"]), "name")).filter((n) => n !== void 0) : [], manager = managerEnvNames(kind)[0];
  for (let [name, value] of endpointEnvFor(kind, rctx.url)) {
    let found = findItem(env, "name", name);
    if (found) {
      let node = found.node.get("value", !0), ref = lookup(found.node, ["valueFrom", "configMapKeyRef"]);
      if ((0, import_yaml29.isScalar)(node))
        node.value !== value && plan(rctx, {
          resource: res.ref,
          op: "set",
          ptr: [...container.ptr, "env", found.index, "value"],
          display: [...container.display, "env", { name }, "value"],
          before: node.value,
          after: value,
          role: "endpoint",
          reason: `${REASON}: the original endpoint`,
          splices: [setScalar(ectx, node, value)]
        });
      else if (ref) {
        let cm = stringAt(ref, "name"), key = stringAt(ref, "key");
        (!cm || !key || revertConfigMapKey(rctx, cm, res.ref.namespace, key, value) !== "set") && report(
          rctx,
          "warning",
          "NOT_CHANGED",
          `${name} comes from ConfigMap ${cm ?? "?"}, which is not in the input: set it back to "${value}" there`,
          found.node
        );
      }
      continue;
    }
    let outcomes = configMaps.map((cm) => revertConfigMapKey(rctx, cm, res.ref.namespace, name, value));
    name === manager && !outcomes.includes("set") && outcomes.includes("absent") && report(
      rctx,
      "warning",
      "NOT_CHANGED",
      `${name} may come from ConfigMap ${configMaps.join(", ")} (envFrom), which is not in the input: set it back to "${value}" there`,
      container.node
    );
  }
}
function revertPod(rctx, res, pod, podPath, container) {
  let mounts = container.node.get("volumeMounts", !0), ours = (0, import_yaml29.isSeq)(mounts) ? mounts.items.flatMap((m, i) => stringAt(m, "name") === VOLUME_NAME ? [i] : []) : [];
  ours.length > 0 && removeListItems(
    rctx,
    res,
    container.node,
    container.ptr,
    container.display,
    "volumeMounts",
    ours,
    `${REASON}: the client certificate mount`,
    "mount"
  );
  let volumes = pod.get("volumes", !0), volume = findItem(volumes, "name", VOLUME_NAME);
  if (!volume) return;
  let secretName = stringAt(lookup(volume.node, ["secret"]), "secretName");
  if (!["containers", "initContainers"].some((key) => {
    let list = pod.get(key, !0);
    return (0, import_yaml29.isSeq)(list) && list.items.some(
      (c) => c !== container.node && findItem((0, import_yaml29.isMap)(c) ? c.get("volumeMounts", !0) : void 0, "name", VOLUME_NAME)
    );
  })) {
    secretName && rctx.removedSecrets.push({ name: secretName, namespace: res.ref.namespace }), removeListItems(
      rctx,
      res,
      pod,
      podPath,
      podPath,
      "volumes",
      [volume.index],
      `${REASON}: the client certificate volume`,
      "volume"
    );
    return;
  }
  let secret = lookup(volume.node, ["secret"]), modePair = (0, import_yaml29.isMap)(secret) ? pairOf(secret, "defaultMode") : void 0;
  if (modePair && (0, import_yaml29.isMap)(secret)) {
    let ectx = editContext(rctx, res), [s, e] = pairLines(ectx, secret, modePair), text = ectx.src.slice(s, e).replace(/^\s*defaultMode:\s*/, "");
    isOurMode(text) && plan(rctx, {
      resource: res.ref,
      op: "remove",
      ptr: [...podPath, "volumes", volume.index, "secret", "defaultMode"],
      display: [...podPath, "volumes", { name: VOLUME_NAME }, "secret", "defaultMode"],
      before: modePair.value.value,
      role: "file-mode",
      reason: `${REASON}: the file mode it set`,
      splices: [],
      place: { kind: "remove-lines", ectx, ranges: [[s, e]] }
    });
  }
}
function revertUpgraderCronJob(rctx, res) {
  let pod = lookup(res.doc.contents, res.podPath), { container } = locateContainer(rctx, res.podPath, pod, res.container);
  revertPod(rctx, res, pod, res.podPath, container);
}
function revertUpgraderConfig(rctx, res) {
  let node = res.config, text = node.value, doc = (0, import_yaml29.parseDocument)(text, K8S_PARSE), root = doc.contents;
  if (doc.errors.length > 0 || !(0, import_yaml29.isMap)(root)) return;
  planInside(rctx, { node, text, ptr: CONFIG_PTR2, path: (e) => formatPath([...CONFIG_PTR2, ...e.ptr]) }, (inner) => {
    let ictx = { src: text, eol: `
`, unit: indentUnit(text, root) }, delegateConfig = root.get("delegateConfig", !0), inDelegateConfig = (0, import_yaml29.isMap)(delegateConfig), host = inDelegateConfig ? delegateConfig.get(UPGRADER_HOST_KEY, !0) : root.get(UPGRADER_HOST_KEY, !0), hostPath = inDelegateConfig ? ["delegateConfig", UPGRADER_HOST_KEY] : [UPGRADER_HOST_KEY];
    (0, import_yaml29.isScalar)(host) && host.value !== rctx.url && plan(inner, {
      resource: res.ref,
      op: "set",
      ptr: hostPath,
      display: hostPath,
      before: host.value,
      after: rctx.url,
      role: "endpoint",
      reason: `${REASON}: the upgrader's original endpoint`,
      splices: [setScalar(ictx, host, rctx.url)]
    });
    for (let { key, role } of UPGRADER_CERT_FIELDS) {
      let pair = pairOf(root, key);
      pair && plan(inner, {
        resource: res.ref,
        op: "remove",
        ptr: [key],
        display: [key],
        before: pair.value?.value ?? null,
        role,
        reason: `${REASON}: only an mTLS upgrader reads it`,
        splices: [],
        place: { kind: "remove-lines", ectx: ictx, ranges: [pairLines(ictx, root, pair)] }
      });
    }
  });
}
function revertSecrets(rctx) {
  for (let res of rctx.resources) {
    if (res.ref.kind !== "Secret") continue;
    let root = res.doc.contents;
    if (!(0, import_yaml29.isMap)(root) || !rctx.removedSecrets.some(
      (s) => s.name === res.ref.name && sameNamespace(s.namespace, res.ref.namespace)
    ) || !isGeneratedSecret(root)) continue;
    let start = res.doc.range[0], next = rctx.resources[res.ref.document + 1], end = next ? next.doc.range[0] : rctx.src.length;
    !rctx.src.startsWith("---", start) && next && rctx.src.startsWith("---", end) && (start = root.range[0], end = rctx.src.indexOf(`
`, end) + 1 || rctx.src.length);
    let before = {
      apiVersion: "v1",
      kind: "Secret",
      metadata: lookup(root, ["metadata"])?.toJSON(),
      data: { [CERT_FILE]: "<redacted>", [KEY_FILE]: "<redacted>" }
    };
    plan(rctx, {
      resource: res.ref,
      op: "remove",
      ptr: [],
      display: [],
      before,
      role: "secret",
      reason: `${REASON}: the client certificate Secret it generated`,
      splices: [{ start, end, text: "" }]
    });
  }
}
function isGeneratedSecret(root) {
  if (!root.items.map((p) => String(p.key.value)).every((k) => ["apiVersion", "kind", "metadata", "type", "data", "stringData"].includes(k))) return !1;
  let meta = root.get("metadata", !0);
  if (!(0, import_yaml29.isMap)(meta) || !meta.items.every((p) => ["name", "namespace", "creationTimestamp"].includes(String(p.key.value))))
    return !1;
  let type = stringAt(root, "type");
  return type !== void 0 && type !== "Opaque" ? !1 : [root.get("data", !0), root.get("stringData", !0)].filter(import_yaml29.isMap).flatMap((d) => d.items.map((p) => String(p.key.value))).sort().join(",") === "client.crt,client.key";
}
var import_yaml29, REASON, CONFIG_PTR2, init_revert_k8s = __esm({
  "src/mtls/revert/revert-k8s.ts"() {
    "use strict";
    import_yaml29 = __toESM(require_dist(), 1);
    init_edit();
    init_edit_pairs();
    init_layout();
    init_lookup();
    init_parse();
    init_context();
    init_inside();
    init_plan_delegate();
    init_wanted_state();
    init_context2();
    init_namespace();
    REASON = "undo the migration";
    CONFIG_PTR2 = ["data", "config.yaml"];
  }
});

// src/mtls/revert/revert-shapes.ts
function revertHelmValues(rctx, res) {
  checkHost2(rctx, res, !0) && inValues(rctx, res, revertValues);
}
function revertValues(rctx, res, root) {
  let ectx = editContext(rctx, res), endpointPair = pairOf(root, "managerEndpoint");
  endpointPair && (0, import_yaml30.isScalar)(endpointPair.value) && endpointPair.value.value !== rctx.url && plan(rctx, {
    resource: res.ref,
    op: "set",
    ptr: ["managerEndpoint"],
    display: ["managerEndpoint"],
    before: endpointPair.value.value,
    after: rctx.url,
    role: "endpoint",
    reason: `${REASON2}: the original endpoint`,
    splices: [setPairValue(ectx, endpointPair, rctx.url, formatScalar(rctx.url))]
  });
  let mtlsPair = pairOf(root, "mTLS"), mtls = mtlsPair?.value;
  if (mtlsPair && (0, import_yaml30.isMap)(mtls)) {
    let namePair = pairOf(mtls, "secretName"), value = namePair && (0, import_yaml30.isScalar)(namePair.value) ? namePair.value.value : void 0, at = root.items.indexOf(mtlsPair);
    mtls.items.length === 1 && namePair !== void 0 && at > 0 && root.items[at - 1] === endpointPair ? removeMapKeys(rctx, res, root, [], "mTLS", ["secretName"], `${REASON2}: mTLS.secretName`, "volume") : namePair && typeof value == "string" && value !== "" && plan(rctx, {
      resource: res.ref,
      op: "set",
      ptr: ["mTLS", "secretName"],
      display: ["mTLS", "secretName"],
      before: value,
      after: "",
      role: "volume",
      reason: `${REASON2}: no client certificate Secret (the chart's default)`,
      splices: [setScalar(ectx, namePair.value, "")]
    });
  }
  let envs = root.get("custom_envs", !0);
  if (!(0, import_yaml30.isSeq)(envs)) return;
  for (let [name, value] of endpointEnv(rctx.url)) {
    let found = findItem(envs, "name", name), node = found?.node.get("value", !0);
    found && (0, import_yaml30.isScalar)(node) && node.value !== value && plan(rctx, {
      resource: res.ref,
      op: "set",
      ptr: ["custom_envs", found.index, "value"],
      display: ["custom_envs", { name }, "value"],
      before: node.value,
      after: value,
      role: "endpoint",
      reason: `${REASON2}: the original endpoint`,
      splices: [setScalar(ectx, node, value)]
    });
  }
  let owned = envs.items.flatMap((item, i) => OWNED_ENV.includes(stringAt(item, "name") ?? "") ? [i] : []);
  removeListItems(
    rctx,
    res,
    root,
    [],
    [],
    "custom_envs",
    owned,
    `${REASON2}: only an mTLS delegate needs it`,
    (item) => envRole(stringAt(item, "name"))
  );
}
function revertCompose(rctx, res) {
  let ectx = editContext(rctx, res);
  for (let d of res.delegates) {
    let svcPtr = ["services", d.service], envPtr = [...svcPtr, "environment"], envNode = d.node.get("environment", !0), { form, entries } = composeEnv(d.node), kind = d.delegateKind ?? "classic";
    for (let [name, value] of endpointEnvFor(kind, rctx.url)) {
      let entry = entries.find((e) => e.name === name);
      if (!(!entry || entry.value === value)) {
        if (entry.value === void 0 || /\$\{?[A-Za-z_]/.test(entry.value)) {
          managerEnvNames(kind).includes(name) && report(
            rctx,
            "warning",
            "NOT_CHANGED",
            `service ${d.service}: ${name} comes from the host environment or a variable: set it back to "${value}" there`,
            entry.node
          );
          continue;
        }
        if (form === "list") {
          let text = `${name}=${value}`;
          plan(rctx, {
            resource: res.ref,
            op: "set",
            ptr: [...envPtr, entry.index],
            display: [...envPtr, { name }],
            before: `${name}=${entry.value}`,
            after: text,
            role: "endpoint",
            reason: `${REASON2}: the original endpoint`,
            splices: [setScalar(ectx, entry.node, text)]
          });
        } else
          plan(rctx, {
            resource: res.ref,
            op: "set",
            ptr: [...envPtr, name],
            display: [...envPtr, name],
            before: entry.value,
            after: value,
            role: "endpoint",
            reason: `${REASON2}: the original endpoint`,
            splices: [setPairValue(ectx, pairOf(envNode, name), value, formatScalar(value))]
          });
      }
    }
    let certPath = entries.find((e) => certEnvNamesFor(kind, "certificate").includes(e.name))?.value ?? `/etc/mtls/${CERT_FILE}`, keyPath = entries.find((e) => certEnvNamesFor(kind, "key").includes(e.name))?.value ?? `/etc/mtls/${KEY_FILE}`, owned = entries.filter((e) => ownedEnvFor(kind).includes(e.name));
    form === "list" ? removeListItems(
      rctx,
      res,
      d.node,
      svcPtr,
      svcPtr,
      "environment",
      owned.map((e) => e.index),
      `${REASON2}: only an mTLS delegate needs it`,
      (item) => envRole(String(item.value).split("=")[0], kind),
      (item) => ({ name: String(item.value).split("=")[0] })
    ) : form === "map" && (0, import_yaml30.isMap)(envNode) && removeMapKeys(
      rctx,
      res,
      d.node,
      svcPtr,
      "environment",
      owned.map((e) => e.name),
      `${REASON2}: only an mTLS delegate needs it`,
      (name) => envRole(name, kind)
    );
    let mounts = composeVolumes(d.node).filter((v) => v.target === certPath || v.target === keyPath);
    removeListItems(
      rctx,
      res,
      d.node,
      svcPtr,
      svcPtr,
      "volumes",
      mounts.map((v) => v.index),
      `${REASON2}: the client certificate bind mount`,
      "mount",
      (item) => (0, import_yaml30.isScalar)(item) ? String(item.value) : stringAt(item, "target") ?? "?"
    );
  }
}
var import_yaml30, REASON2, envRole, init_revert_shapes = __esm({
  "src/mtls/revert/revert-shapes.ts"() {
    "use strict";
    import_yaml30 = __toESM(require_dist(), 1);
    init_compose();
    init_edit_pairs();
    init_edit();
    init_lookup();
    init_scalar();
    init_context();
    init_plan_compose();
    init_wanted_state();
    init_context2();
    init_values_host();
    REASON2 = "undo the migration", envRole = (name, kind = "classic") => envRoleOf(name ?? "", kind) ?? "flag";
  }
});

// src/mtls/revert/plan-revert.ts
function planRevertStream(src, eol, file, docs, url) {
  let resources = docs.map((doc, i) => classify(doc, i)), rctx = {
    src,
    eol,
    file,
    options: {
      endpoint: url,
      secretName: DEFAULT_SECRET_NAME,
      secretNameExplicit: !1,
      mountPath: DEFAULT_MOUNT_PATH,
      tiService: !1,
      grpcAuthority: !0
    },
    resources,
    edits: [],
    diagnostics: [],
    secretByDelegate: /* @__PURE__ */ new Map(),
    modeByDelegate: /* @__PURE__ */ new Map(),
    url,
    removedSecrets: []
  };
  for (let res of resources)
    res.type === "delegate" ? revertDelegate(rctx, res) : res.type === "upgrader-config" ? revertUpgraderConfig(rctx, res) : res.type === "upgrader-cronjob" ? revertUpgraderCronJob(rctx, res) : res.type === "helm-values" ? revertHelmValues(rctx, res) : res.type === "compose" && revertCompose(rctx, res);
  return revertSecrets(rctx), renderPlaced(rctx), { resources, edits: rctx.edits, diagnostics: rctx.diagnostics };
}
var init_plan_revert = __esm({
  "src/mtls/revert/plan-revert.ts"() {
    "use strict";
    init_classify();
    init_context();
    init_wanted_state();
    init_revert_k8s();
    init_revert_shapes();
  }
});

// src/pipeline/revert.ts
function normalizeRevertEndpoint(input) {
  return parseUrlOption(input, "--revert --endpoint", FORM3, { schemes: ["https:", "http:"], schemesText: "http(s)" }), input.trim().replace(/\/+$/, "");
}
function revert(text, options, hooks = {}) {
  let file = options.file ?? "<input>", url = normalizeRevertEndpoint(options.endpoint);
  return throughLists(text, file, !0, (expanded) => revertFlat(expanded, file, url, hooks)) ?? revertFlat(text, file, url, hooks);
}
function revertFlat(text, file, url, hooks) {
  let source = readSource(text), fail = (diagnostics) => ({
    status: "error",
    output: text,
    changes: [],
    diagnostics,
    unresolved: !1,
    resources: []
  }), { docs, errors } = parseStream(source.text, file);
  if (errors.length > 0) return fail(errors);
  for (let doc of docs) {
    let plain2 = toPlain(doc);
    if ("error" in plain2)
      return fail([{ code: "YAML_SYNTAX", severity: "error", message: `invalid YAML: ${plain2.error}`, file }]);
  }
  let plan2 = planRevertStream(source.text, source.eol, file, docs, url);
  return applyPlan(text, source, file, plan2, { unchanged: "none", guard: (body2) => checkOutput(source.text, docs, body2, plan2.edits), what: "the reverted result", hooks });
}
var FORM3, init_revert = __esm({
  "src/pipeline/revert.ts"() {
    "use strict";
    init_endpoint();
    init_plan_revert();
    init_parse();
    init_source();
    init_guard();
    init_apply_plan();
    init_lists();
    FORM3 = "the delegate's non-mTLS endpoint URL, e.g. https://app.harness.io or https://harness.example.com/gratis";
  }
});

// src/cli/report.ts
function fileLine(r, planned, paint = plain, verb = "migrate") {
  let label = (verb === "revert" ? REVERT_LABEL : LABEL2)[r.status][planned ? 1 : 0], color = r.status === "migrated" && planned ? "yellow" : COLOR[r.status], n = r.changeCount ?? r.changes.length, detail = r.status === "migrated" ? ` (${n} change${n === 1 ? "" : "s"})` : r.status === "error" ? `: ${r.errors[0]?.message ?? "failed"}` : "", unresolved = r.unresolved ? " \u2014 a value outside this file must be changed too" : "";
  return `${r.path}: ${paint[color](label)}${detail}${unresolved}`;
}
function summaryLine(results, planned, verb = "migrate") {
  let count = (s) => results.filter((r) => r.status === s).length, revert2 = verb === "revert", parts = [
    [count("migrated"), revert2 ? planned ? "to revert" : "reverted" : planned ? "to migrate" : "migrated"],
    [count("already-mtls"), revert2 ? "without mTLS changes" : "already mTLS"],
    [count("no-delegate"), "without a delegate"],
    [count("error"), count("error") === 1 ? "error" : "errors"]
  ].filter(([n2]) => n2 > 0), n = results.length;
  return `${n} file${n === 1 ? "" : "s"}: ${parts.length ? parts.map(([c, l]) => `${c} ${l}`).join(", ") : "nothing to do"}`;
}
function jsonReport(results, mode) {
  let count = (s) => results.filter((r) => r.status === s).length, report2 = {
    version: 1,
    mode,
    files: results.map((r) => ({
      path: r.path,
      status: r.status,
      unresolved: r.unresolved,
      written: r.written,
      changes: r.changes,
      warnings: r.warnings,
      errors: r.errors
    })),
    summary: {
      files: results.length,
      migrated: count("migrated"),
      alreadyMtls: count("already-mtls"),
      noDelegate: count("no-delegate"),
      errors: count("error"),
      written: results.filter((r) => r.written).length
    }
  };
  return JSON.stringify(report2, null, 2) + `
`;
}
var statusOf, LABEL2, REVERT_LABEL, COLOR, plain, diagnosticsText, init_report = __esm({
  "src/cli/report.ts"() {
    "use strict";
    init_errors();
    statusOf = (s) => s === "migrated" ? "migrated" : s === "already" ? "already-mtls" : s === "none" ? "no-delegate" : "error", LABEL2 = {
      migrated: ["migrated", "needs migrating"],
      "already-mtls": ["already mTLS", "already mTLS"],
      "no-delegate": ["nothing to do", "nothing to do"],
      error: ["error", "error"]
    }, REVERT_LABEL = {
      migrated: ["reverted", "needs reverting"],
      "already-mtls": ["nothing to revert", "nothing to revert"],
      "no-delegate": ["nothing to do", "nothing to do"],
      error: ["error", "error"]
    }, COLOR = {
      migrated: "green",
      "already-mtls": "dim",
      "no-delegate": "dim",
      error: "red"
    }, plain = { green: String, yellow: String, red: String, dim: String, cyan: String, bold: String };
    diagnosticsText = (r, quiet, paint = plain) => [...r.errors, ...quiet ? [] : r.warnings].map((d) => {
      let line = formatDiagnostic(d), tail = `: ${d.severity}: ${d.message}`;
      return line.endsWith(tail) ? `${line.slice(0, -tail.length)}: ${paint[d.severity === "error" ? "red" : "yellow"](d.severity)}: ${d.message}` : line;
    });
  }
});

// src/cli/style.ts
function stderrPaint(io) {
  let on = io.stderr.isTTY === !0 && !io.env.NO_COLOR && io.env.TERM !== "dumb", paint = {};
  for (let [name, [open, close]] of Object.entries(CODES))
    paint[name] = on ? (s) => `\x1B[${open}m${s}\x1B[${close}m` : String;
  return paint;
}
var CODES, PROGRESS_MIN_FILES, Progress, BAR, init_style = __esm({
  "src/cli/style.ts"() {
    "use strict";
    CODES = {
      green: [32, 39],
      yellow: [33, 39],
      red: [31, 39],
      dim: [2, 22],
      cyan: [36, 39],
      bold: [1, 22]
    };
    PROGRESS_MIN_FILES = 50, Progress = class _Progress {
      constructor(io, paint, label, total, now) {
        this.io = io;
        this.paint = paint;
        this.label = label;
        this.total = total;
        this.now = now;
      }
      io;
      paint;
      label;
      total;
      now;
      drawn = "";
      lastCells = -1;
      lastAt = 0;
      count = 0;
      static create(io, opts) {
        if (io.stderr.isTTY !== !0 || opts.quiet || opts.total <= PROGRESS_MIN_FILES) return;
        let bar = new _Progress(io, stderrPaint(io), opts.label, opts.total, opts.now ?? Date.now);
        return bar.draw(), bar;
      }
      /** One more item done. Redraws when the bar grows, every 100 ms, and at the end. */
      tick() {
        this.count++;
        let cells = this.cells(), t = this.now();
        (cells !== this.lastCells || t - this.lastAt >= 100 || this.count === this.total) && this.draw();
      }
      /** Erases the bar, so that what follows starts on a clean line. */
      clear() {
        this.drawn !== "" && (this.io.stderr.write("\r" + " ".repeat(this.drawn.length) + "\r"), this.drawn = "");
      }
      cells() {
        return this.total === 0 ? BAR : Math.floor(this.count * BAR / this.total);
      }
      draw() {
        let cells = this.cells();
        this.lastCells = cells, this.lastAt = this.now();
        let text = `delegate-mtls: ${this.label} [${"#".repeat(cells)}${"-".repeat(BAR - cells)}] ${this.count}/${this.total} files`, pad2 = this.drawn.length > text.length ? " ".repeat(this.drawn.length - text.length) : "";
        this.drawn = text;
        let [head, rest] = [text.slice(0, text.indexOf("[")), text.slice(text.indexOf("["))];
        this.io.stderr.write("\r" + head + this.paint.cyan(rest) + pad2);
      }
    }, BAR = 30;
  }
});

// src/cli/unified-diff.ts
function headerName(name) {
  if (/[\x00-\x1f\x7f"\\]/.test(name)) {
    let escapes = { "	": "\\t", "\n": "\\n", "\r": "\\r", '"': '\\"', "\\": "\\\\" };
    return `"${name.replace(
      /[\x00-\x1f\x7f"\\]/g,
      (c) => escapes[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, "0")}`
    )}"`;
  }
  return name.includes(" ") ? `${name}	` : name;
}
function unifiedDiff(before, after, nameA, nameB, context = 3) {
  if (before === after) return "";
  let a = splitLines(before), b = splitLines(after), ops = [], ai = 0, bi = 0;
  for (let [x, y] of [...commonLines(a, b), [a.length, b.length]]) {
    for (; ai < x; ) ops.push({ t: "-", line: a[ai], ai: ai++, bi });
    for (; bi < y; ) ops.push({ t: "+", line: b[bi], ai, bi: bi++ });
    x < a.length && ops.push({ t: " ", line: a[ai], ai: ai++, bi: bi++ });
  }
  let out = [`--- ${headerName(nameA)}
`, `+++ ${headerName(nameB)}
`];
  for (let i = 0; i < ops.length; ) {
    if (ops[i].t === " ") {
      i++;
      continue;
    }
    let start = Math.max(0, i - context), end = i;
    for (; end < ops.length; ) {
      if (ops[end].t !== " ") {
        end++;
        continue;
      }
      let run2 = end;
      for (; run2 < ops.length && ops[run2].t === " "; ) run2++;
      if (run2 === ops.length || run2 - end > 2 * context) {
        end = Math.min(run2, end + context);
        break;
      }
      end = run2;
    }
    let hunk = ops.slice(start, end), aCount = hunk.filter((o) => o.t !== "+").length, bCount = hunk.filter((o) => o.t !== "-").length, aStart = aCount ? hunk.find((o) => o.t !== "+").ai + 1 : hunk[0].ai, bStart = bCount ? hunk.find((o) => o.t !== "-").bi + 1 : hunk[0].bi;
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@
`);
    for (let o of hunk) out.push(o.t + o.line + (o.line.endsWith(`
`) ? "" : `
\\ No newline at end of file
`));
    i = end, start = end;
  }
  return out.join("");
}
var init_unified_diff = __esm({
  "src/cli/unified-diff.ts"() {
    "use strict";
    init_item_text();
  }
});

// src/cli/key-files.ts
function mayHoldSecretData(text) {
  for (let name of SECRET_KEY_NAMES)
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      let i = at + name.length;
      for ((text[i] === '"' || text[i] === "'") && i++; text[i] === " " || text[i] === "	"; ) i++;
      if (text[i] === ":") return !0;
    }
  for (let start = 0; start + BASE64_RUN2 <= text.length; ) {
    let i = start + BASE64_RUN2 - 1;
    for (; i >= start && isBase64(text.charCodeAt(i)); ) i--;
    if (i < start) return !0;
    start = i + 1;
  }
  return !1;
}
async function warnIfInGitTree(abs, shown, io) {
  for (let dir = (0, import_node_path8.dirname)(abs); ; dir = (0, import_node_path8.dirname)(dir)) {
    if (await import_node_fs9.promises.stat((0, import_node_path8.join)(dir, ".git")).then(
      () => !0,
      () => !1
    )) {
      io.stderr.write(
        `${shown}: warning: this file now holds a private key and is inside a git work tree (${dir}); do not commit it \u2014 in GitOps repos use Sealed Secrets or External Secrets for the client certificate Secret
`
      );
      return;
    }
    if ((0, import_node_path8.dirname)(dir) === dir) return;
  }
}
var import_node_fs9, import_node_path8, holdsKey, textHoldsKey, PEM_KEY, isBase64, SECRET_KEY_NAMES, BASE64_RUN2, init_key_files = __esm({
  "src/cli/key-files.ts"() {
    "use strict";
    import_node_fs9 = require("node:fs"), import_node_path8 = require("node:path");
    init_render_secret();
    holdsKey = (r, output) => r.changes.some((c) => c.resource.kind === "Secret" && (c.op === "insert" || /^data\./.test(c.path))) || output !== void 0 && textHoldsKey(output), textHoldsKey = (text) => PEM_KEY.test(text) || mayHoldSecretData(text) && redactSecretData(text) !== text, PEM_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
    isBase64 = (c) => c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 43 || c === 47, SECRET_KEY_NAMES = ["client.key", "client.crt", "tls.key"], BASE64_RUN2 = 40;
  }
});

// src/cli/plan-worker-arg.ts
var PLAN_WORKER_ARG, init_plan_worker_arg = __esm({
  "src/cli/plan-worker-arg.ts"() {
    "use strict";
    PLAN_WORKER_ARG = "--delegate-mtls-plan-worker";
  }
});

// src/cli/plan-files.ts
var plan_files_exports = {};
__export(plan_files_exports, {
  PARALLEL_THRESHOLD: () => PARALLEL_THRESHOLD,
  planFileSync: () => planFileSync,
  planInWorkers: () => planInWorkers,
  planRead: () => planRead,
  planText: () => planText,
  readError: () => readError
});
function planText(name, text, settings) {
  let r = settings.command.kind === "migrate" ? migrate(text, { ...settings.command.options, file: name }, { verify: settings.verify }) : revert(text, { endpoint: settings.command.endpoint, file: name }), errors = r.diagnostics.filter((d) => d.severity === "error"), warnings = r.diagnostics.filter((d) => d.severity === "warning"), keep = settings.keepText, changed = r.output !== text, result = {
    path: name,
    status: statusOf(r.status),
    unresolved: r.unresolved,
    written: !1,
    changes: settings.keepChanges === !1 ? [] : r.changes,
    ...settings.keepChanges === !1 ? { changeCount: r.changes.length } : {},
    warnings,
    errors
  }, decide = result.status !== "error" && (settings.keyFiles === "all" || settings.keyFiles === "changed" && changed);
  return {
    input: keep && settings.keepInput !== !1 ? text : "",
    output: keep ? r.output : "",
    changed,
    // Decided from the list of changes even when the result does not keep it.
    keyFile: decide && holdsKey({ ...result, changes: r.changes }, r.output),
    result
  };
}
function planRead(file, abs, read, settings) {
  if ("error" in read) return { ...readError(file, { ...read.error, file }), abs };
  let p = planText(file, read.text, settings);
  return read.fingerprint === void 0 ? { ...p, abs } : { ...p, abs, read: read.fingerprint };
}
function planFileSync(file, abs, settings) {
  let fingerprint2 = settings.fingerprint === !0;
  return planRead(file, abs, readInput(abs, { maxBytes: settings.maxBytes, fingerprint: fingerprint2 }), settings);
}
async function planInWorkers(files, cwd, settings, onPlanned, staging) {
  let [{ Worker }, { availableParallelism }] = await Promise.all([Promise.resolve().then(() => __toESM(require("node:worker_threads"))), Promise.resolve().then(() => __toESM(require("node:os")))]), fromSource = __dmtls_meta.url.endsWith(".ts"), url = new URL(__dmtls_meta.url), threads = Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.ceil(files.length / FILES_PER_THREAD))), next = new SharedArrayBuffer(4), counter = new Int32Array(next), results = new Array(files.length), done = (i, planned, worker) => {
    results[i] = planned, onPlanned(i, planned, worker);
  }, input = { files, cwd, settings, staging, next }, dirs = staging === void 0 || threads < 2 ? void 0 : new Set(files.map((f) => (0, import_node_path9.dirname)((0, import_node_path9.resolve)(cwd, f)))), unregister = dirs && tempFilesElsewhere(dirs, () => sharedGate(staging.gate).settle(GATE_SETTLE_MS)), started = [], workers = Array.from({ length: threads - 1 }, () => new Promise((resolve7, reject) => {
    let worker = new Worker(url, {
      argv: [PLAN_WORKER_ARG],
      workerData: { [WORKER_TAG]: !0, ...input },
      execArgv: fromSource ? ["--import", "tsx"] : [],
      resourceLimits: WORKER_LIMITS
    });
    started.push(worker), worker.on("message", (msg) => done(msg.i, msg.planned, msg)), worker.on("error", reject), worker.on(
      "exit",
      (code) => code === 0 ? resolve7() : reject(new Error(`a planning worker exited with code ${code}`))
    );
  })), here = (async () => {
    for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1))
      done(i, planFileSync(files[i], (0, import_node_path9.resolve)(cwd, files[i]), settings)), await new Promise((turn) => setImmediate(turn));
  })();
  try {
    await Promise.all([here, ...workers]);
  } catch (err) {
    throw Atomics.store(counter, 0, files.length), staging && sharedGate(staging.gate).close(), await Promise.allSettled([here, ...started.map((w) => w.terminate())]), dirs && removeOwnTempFiles(dirs), err;
  } finally {
    unregister?.();
  }
  for (let i = 0; i < files.length; i++)
    if (results[i] === void 0) throw new Error(`no plan came back for ${files[i]}`);
  return results;
}
async function planAsWorker(input, post) {
  let { files, cwd, settings, staging, next } = input;
  settings.fingerprint && await loadFingerprints();
  let counter = new Int32Array(next), gate = staging && sharedGate(staging.gate), stages = /* @__PURE__ */ new Set();
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
    let planned = planFileSync(files[i], (0, import_node_path9.resolve)(cwd, files[i]), settings);
    if (!gate) {
      post({ i, planned });
      continue;
    }
    if (planned.result.status === "error" && !staging.keepGoing && gate.close(), planned.result.status === "error" || !planned.changed || planned.abs === void 0) {
      post({ i, planned });
      continue;
    }
    let slim = { ...planned, output: "", input: "" }, stage = stageFileAtomic(planned.abs, planned.output, {
      ...planned.keyFile ? { mode: 384 } : {},
      ...planned.read === void 0 ? {} : { expect: planned.read },
      gate
    }).then(
      (staged) => {
        handOverStagedWrite(staged), post({ i, planned: slim, staged: { temp: staged.temp, target: staged.target } });
      },
      (err) => {
        if (err instanceof StagingStopped) return post({ i, planned: slim });
        staging.keepGoing || gate.close();
        let cause = err instanceof Error && err.cause !== void 0 ? err.cause : err;
        post({ i, planned: slim, stageError: describeFsError(cause) });
      }
    );
    stages.add(stage), stage.then(() => stages.delete(stage)), stages.size >= WORKER_STAGES ? await Promise.race(stages) : await new Promise((turn) => setImmediate(turn));
  }
  await Promise.all(stages);
}
var import_node_path9, readError, WORKER_TAG, PARALLEL_THRESHOLD, MAX_THREADS, FILES_PER_THREAD, WORKER_STAGES, GATE_SETTLE_MS, WORKER_LIMITS, init_plan_files = __esm({
  "src/cli/plan-files.ts"() {
    import_node_path9 = require("node:path");
    init_io();
    init_migrate();
    init_revert();
    init_key_files();
    init_plan_worker_arg();
    init_report();
    readError = (path, error) => ({
      input: "",
      output: "",
      changed: !1,
      keyFile: !1,
      result: { path, status: "error", unresolved: !1, written: !1, changes: [], warnings: [], errors: [error] }
    });
    WORKER_TAG = "delegateMtlsPlanWorker", PARALLEL_THRESHOLD = 200, MAX_THREADS = 4, FILES_PER_THREAD = 100, WORKER_STAGES = 8, GATE_SETTLE_MS = 2e3, WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };
    process.argv.includes(PLAN_WORKER_ARG) && Promise.resolve().then(() => __toESM(require("node:worker_threads"))).then(async ({ isMainThread, parentPort, workerData }) => {
      isMainThread || !workerData?.[WORKER_TAG] || await planAsWorker(workerData, (result) => parentPort.postMessage(result));
    });
  }
});

// src/cli/short-run.ts
function shortRunBytes(paths) {
  if (paths.length > SHORT_RUN_FILES) return;
  let total = 0;
  for (let path of paths) {
    let st = (0, import_node_fs10.statSync)(path, { throwIfNoEntry: !1 });
    if (st && !st.isFile()) return;
    total += st?.size ?? 0;
  }
  return total <= SHORT_RUN_BYTES ? total : void 0;
}
async function pauseOptimizer() {
  if ([...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)].map(
    (f) => f.replaceAll("_", "-")
  ).some((f) => USER_COMPILER_FLAG.test(f))) return () => {
  };
  let { setFlagsFromString } = await Promise.resolve().then(() => __toESM(require("node:v8"), 1));
  setFlagsFromString("--no-opt");
  let paused = !0;
  return () => {
    paused && (paused = !1, setFlagsFromString("--opt"));
  };
}
async function planPaused(short, plan2) {
  short && (shortRun.seen = !0);
  let resume = short ? await pauseOptimizer() : void 0;
  try {
    return plan2();
  } finally {
    resume?.();
  }
}
var import_node_fs10, SHORT_RUN_BYTES, SHORT_RUN_FILES, USER_COMPILER_FLAG, shortRun, init_short_run = __esm({
  "src/cli/short-run.ts"() {
    "use strict";
    import_node_fs10 = require("node:fs"), SHORT_RUN_BYTES = 128 * 1024, SHORT_RUN_FILES = 32;
    USER_COMPILER_FLAG = /^--(?:no-?)?(?:jitless|opt|turbofan|always-turbofan|always-opt|maglev|sparkplug|lite-mode|max-opt)\b/;
    shortRun = { seen: !1 };
  }
});

// src/cli/run-migrate.ts
var run_migrate_exports = {};
__export(run_migrate_exports, {
  runMigrate: () => runMigrate
});
async function runMigrate(args, io) {
  if (!args.endpoint)
    throw new UsageError(
      "--endpoint is required (or set DELEGATE_MTLS_ENDPOINT), e.g. --endpoint https://acme.harness.io:8443"
    );
  let opts = {
    endpoint: args.endpoint,
    tiService: args.tiService,
    grpcAuthority: args.grpcAuthority
  };
  args.secretName !== void 0 && (opts.secretName = args.secretName), args.mountPath !== void 0 && (opts.mountPath = args.mountPath), args.certPath !== void 0 && (opts.certPath = args.certPath), args.keyPath !== void 0 && (opts.keyPath = args.keyPath);
  let command = args.revert ? { kind: "revert", endpoint: normalizeRevertEndpoint(args.endpoint) } : { kind: "migrate", options: resolveOptions(opts) }, pems = await loadCertificate(args, io, args.quiet);
  if (pems === !1) return 2;
  pems && command.kind === "migrate" && (command.options.secret = pems);
  let maxBytes = args.maxBytes ?? DEFAULT_MAX_BYTES, planSettings = (mode2) => {
    let reporting = mode2 === "check" || mode2 === "list", keyFiles = mode2 === "write" ? "changed" : mode2 === "out-dir" ? "all" : void 0;
    return {
      command,
      maxBytes,
      verify: !reporting,
      keepText: !reporting,
      // Only the JSON report reads the lists (the key-file test runs where each file is planned).
      keepChanges: args.format === "json",
      keepInput: mode2 === "diff",
      // --write replaces a file only if it is still what was read (a user's edit meanwhile is never lost).
      fingerprint: mode2 === "write",
      ...keyFiles === void 0 ? {} : { keyFiles }
    };
  }, stdin = args.paths.length === 0 || args.paths.length === 1 && args.paths[0] === "-";
  if (!stdin && args.paths.includes("-")) throw new UsageError('"-" (standard input) cannot be mixed with file paths');
  let planned = [], mode, staging;
  if (stdin) {
    mode = modeOf(args, 1, !0), hintStdin(io, args.quiet);
    let read = await readStdin(io.stdin, maxBytes), settings = planSettings(mode), short = "text" in read && read.text.length <= SHORT_RUN_BYTES;
    planned.push(
      await planPaused(
        short,
        () => "error" in read ? readError(STDIN_NAME, read.error) : planText(STDIN_NAME, read.text, settings)
      )
    );
  } else {
    let { files, errors } = await expandPaths(
      args.paths,
      io.cwd,
      args.outDir === void 0 ? {} : { outDir: args.outDir }
    );
    mode = modeOf(args, files.length + errors.length, !1);
    for (let e of errors) planned.push(readError(e.file ?? args.paths.join(" "), e));
    let progress = Progress.create(io, {
      quiet: args.quiet,
      total: files.length,
      label: mode === "check" || mode === "list" ? "checking" : "planning"
    }), settings = planSettings(mode);
    (mode === "write" || mode === "out-dir") && await loadFingerprints(), mode === "write" && (staging = new Staging(args.keepGoing, !1), errors.length > 0 && staging.refuse());
    let first = planned.length, onPlanned = (i, p, worker) => {
      staging && offer(staging, first + i, p, worker), progress?.tick();
    };
    try {
      if (files.length >= PARALLEL_THRESHOLD) {
        let stageInWorkers = staging && { gate: staging.gate, keepGoing: args.keepGoing };
        planned.push(...await planInWorkers(files, io.cwd, settings, onPlanned, stageInWorkers));
      } else {
        let abs = files.map((file) => (0, import_node_path10.resolve)(io.cwd, file));
        await planPaused(shortRunBytes(abs) !== void 0, () => {
          for (let i = 0; i < files.length; i++) {
            let p = planFileSync(files[i], abs[i], settings);
            planned.push(p), onPlanned(i, p);
          }
        });
      }
    } catch (err) {
      throw await staging?.discard(), err;
    } finally {
      progress?.clear();
    }
  }
  try {
    return await finish(args, io, mode, planned, staging);
  } finally {
    await staging?.discard();
  }
}
async function finish(args, io, mode, planned, staging) {
  let results = planned.map((p) => p.result), checking = mode === "check" || mode === "list", verb = args.revert ? "revert" : "migrate", paint = stderrPaint(io), say = (line) => io.stderr.write(line + `
`), sayAll = (lines, to = io.stderr) => {
    lines.length > 0 && to.write(lines.join(`
`) + `
`);
  }, planFailed = results.some((r) => r.status === "error"), fileLines = (mode === "write" || mode === "out-dir") && !args.quiet && args.format !== "json" && !(mode === "write" && args.listDifferent), saidByFileLine = (r, d) => fileLines && d === r.errors[0] && d.line === void 0 && d.file === r.path;
  sayAll(
    results.flatMap(
      (r) => diagnosticsText({ ...r, errors: r.errors.filter((d) => !saidByFileLine(r, d)) }, args.quiet, paint)
    )
  );
  let refused2 = !1, writeFailed = !1, drifted = !1;
  if (mode === "stdout")
    planFailed || io.stdout.write(planned[0].output);
  else if (mode === "diff")
    for (let p of planned) {
      if (p.result.status === "error" || !p.changed) continue;
      let name = p.result.path.replace(/^\/+/, "");
      io.stdout.write(redactSecretData(unifiedDiff(p.input, p.output, `a/${name}`, `b/${name}`)));
    }
  else if (mode === "write" || mode === "out-dir")
    if (planFailed && !args.keepGoing)
      refused2 = !0, await staging?.discard();
    else {
      let { errors: writeErrors, drifted: someDrifted } = await writeAll(args, io, mode, planned, staging);
      fileLines || sayAll(writeErrors.flatMap((d) => diagnosticsText({ ...EMPTY2, errors: [d] }, args.quiet, paint))), writeFailed = writeErrors.length > 0, drifted = someDrifted, writeFailed && !results.some((r) => r.written) && (refused2 = !0);
    }
  let failed = results.some((r) => r.status === "error"), needs = results.filter((r) => r.status === "migrated" || r.unresolved);
  if (args.format === "json")
    io.stdout.write(jsonReport(results, REPORT_MODE[mode] ?? "check"));
  else if (mode === "list" || mode === "write" && args.listDifferent) {
    let paths = (mode === "list" ? needs : results.filter((x) => x.written)).map((r) => r.path);
    args.nullTerminated ? io.stdout.write(paths.map((path) => path + "\0").join("")) : sayAll(paths, io.stdout);
  } else mode === "check" ? (sayAll(
    needs.map((r) => fileLine(r, !0, void 0, verb)),
    io.stdout
  ), args.quiet || (say(summaryLine(results, !0, verb)), needs.length > 0 && !failed && say("run with --write to migrate them"))) : (mode === "write" || mode === "out-dir") && !args.quiet && (sayAll(
    results.map(
      (r) => fileLine(r, refused2 || r.status === "migrated" && !r.written && mode === "write", paint, verb)
    )
  ), say(summaryLine(results, refused2, verb)));
  return refused2 && say(
    drifted ? "nothing was written: a file changed during the run, so every file was left as it was; run again" : writeFailed ? "nothing was written: a file could not be written, so every file was left as it was" : "nothing was written: fix the errors above first (or use --keep-going to write the files that could be migrated)"
  ), failed ? 2 : checking && needs.length > 0 ? 1 : 0;
}
function offer(staging, index, p, worker) {
  if (p.result.status === "error") return staging.refuse();
  if (p.abs === void 0 || !p.changed) return;
  let job = { index, item: p, dest: p.abs, expect: p.read };
  if (worker === void 0)
    return job.text = p.output, p.output = "", p.keyFile && (job.mode = 384), staging.add(job);
  worker.staged !== void 0 ? job.staged = adoptStagedWrite(p.abs, worker.staged.temp, worker.staged.target, p.read) : worker.stageError !== void 0 && (job.error = new Error(`cannot write ${p.abs}: ${worker.stageError}`, { cause: new Error(worker.stageError) })), staging.adopt(job);
}
async function writeAll(args, io, mode, planned, early) {
  let outDir = mode === "out-dir" ? (0, import_node_path10.resolve)(io.cwd, args.outDir) : void 0, staging = early;
  if (staging === void 0) {
    let jobs2 = [];
    for (let [index, p] of planned.entries()) {
      if (p.result.status === "error" || !p.abs) continue;
      if (outDir === void 0) {
        p.changed && jobs2.push({ index, item: p, dest: p.abs, expect: p.read, ...keyMode(p), text: p.output });
        continue;
      }
      let rel = (0, import_node_path10.relative)(io.cwd, p.abs);
      if (rel.startsWith("..") || (0, import_node_path10.isAbsolute)(rel))
        throw new UsageError(
          `--out-dir mirrors paths relative to the current directory; ${p.result.path} is outside it`
        );
      let dest = (0, import_node_path10.join)(outDir, rel), there = readForReplace(dest);
      if (typeof there == "object" && there.bytes.equals(Buffer.from(p.output, "utf8"))) continue;
      let expect = typeof there == "object" ? there.fingerprint : there;
      jobs2.push({ index, item: p, dest, expect, ...keyMode(p), text: p.output });
    }
    staging = new Staging(args.keepGoing, outDir !== void 0);
    for (let job of jobs2) staging.add(job);
  }
  let progress = Progress.create(io, { quiet: args.quiet, total: staging.jobs.length, label: "writing" });
  for (let i = 0; i < staging.settled; i++) progress?.tick();
  staging.onSettled = () => progress?.tick();
  try {
    await staging.idle();
  } finally {
    staging.onSettled = void 0, progress?.clear();
  }
  let jobs = [...staging.jobs].sort((a, b) => a.index - b.index), failures = [], drifted = !1, fail = (job, err) => {
    let cause = err instanceof Error && err.cause !== void 0 ? err.cause : err, other = job.dest === job.item.abs ? void 0 : (0, import_node_path10.relative)(io.cwd, job.dest), d = ioDiagnostic(
      job.item.result.path,
      cause instanceof DriftError ? `${other === void 0 ? "" : `${other} `}${cause.message}` : `cannot write${other === void 0 ? "" : ` ${other}`}: ${describeFsError(cause)}`
    );
    job.item.result.status = "error", job.item.result.errors.push(d), failures.push(d), cause instanceof DriftError && (drifted = !0);
  };
  for (let job of jobs) job.error !== void 0 && fail(job, job.error);
  for (let job of jobs) {
    if (!job.staged) continue;
    let problem;
    try {
      let how = job.staged.drift();
      how !== void 0 && (problem = new DriftError(how));
    } catch (err) {
      problem = err;
    }
    problem !== void 0 && (fail(job, problem), await job.staged.abort(), job.staged = void 0);
  }
  if (failures.length > 0 && !args.keepGoing) {
    for (let job of jobs) await job.staged?.abort();
    for (let dir of staging.madeDirs.sort((a, b) => b.length - a.length)) await import_node_fs11.promises.rmdir(dir).catch(() => {
    });
    return { errors: failures, drifted };
  }
  let dirs = /* @__PURE__ */ new Set();
  for (let job of jobs)
    if (job.staged)
      try {
        await job.staged.commit({ syncDir: !1 }), job.item.result.written = !0, dirs.add((0, import_node_path10.dirname)(job.staged.target));
      } catch (err) {
        fail(job, err);
      }
  for (let dir of dirs) await syncDirectory(dir);
  if (mode === "write") {
    for (let p of planned) p.abs && dirs.add((0, import_node_path10.dirname)(p.abs));
    for (let dir of dirs) await cleanStaleTempFiles(dir).catch(() => 0);
  }
  for (let job of jobs)
    job.item.result.written && job.item.keyFile && await warnIfInGitTree(job.dest, outDir === void 0 ? job.item.result.path : job.dest, io);
  return { errors: failures, drifted };
}
var import_node_path10, import_node_fs11, EMPTY2, REPORT_MODE, keyMode, init_run_migrate = __esm({
  "src/cli/run-migrate.ts"() {
    import_node_path10 = require("node:path"), import_node_fs11 = require("node:fs");
    init_errors();
    init_io();
    init_migrate();
    init_revert();
    init_report();
    init_style();
    init_mode();
    init_unified_diff();
    init_stdin_hint();
    init_plan_files();
    init_load_certificate();
    init_key_files();
    init_short_run();
    init_render_secret();
    EMPTY2 = {
      path: "",
      status: "error",
      unresolved: !1,
      written: !1,
      changes: [],
      warnings: [],
      errors: []
    }, REPORT_MODE = {
      write: "write",
      check: "check",
      list: "list-different",
      "out-dir": "out-dir"
    };
    keyMode = (p) => p.keyFile ? { mode: 384 } : {};
  }
});

// src/cli/bin.ts
var bin_exports = {};
__export(bin_exports, {
  loaded: () => loaded
});
module.exports = __toCommonJS(bin_exports);
init_live_temp_files();

// src/cli/main.ts
init_errors();

// src/cli/fast-args.ts
init_argv();
init_endpoint_env();
var STRINGS2 = {
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
}, BOOLEANS2 = {
  "ti-service": "tiService",
  "grpc-authority": "grpcAuthority",
  write: "write",
  w: "write",
  check: "check",
  c: "check",
  "list-different": "listDifferent",
  l: "listDifferent",
  null: "nullTerminated",
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
    nullTerminated: !1,
    diff: !1,
    format: "text",
    keepGoing: !1,
    quiet: !1
  }, { options, operands } = normalizeArgv(argv), seen = /* @__PURE__ */ new Set();
  for (let i = 0; i < options.length; i++) {
    let arg = options[i];
    if (arg === "-" || !arg.startsWith("-")) {
      out.paths.push(arg);
      continue;
    }
    let m = /^(?:--([a-z][a-z-]*[a-z])(?:=(.*))?|-([a-z]))$/s.exec(arg);
    if (!m) return;
    let name = m[1] ?? m[3], inline = m[2], negated = !1;
    if (name.startsWith("no-") && BOOLEANS2[name.slice(3)]) {
      if (inline !== void 0) return;
      name = name.slice(3), negated = !0;
    }
    let key = STRINGS2[name] ?? BOOLEANS2[name];
    if (!key || seen.has(key)) return;
    if (seen.add(key), BOOLEANS2[name]) {
      if (inline !== void 0) return;
      out[key] = !negated;
      continue;
    }
    if (inline === void 0 && (inline = options[++i], inline === void 0 || inline.startsWith("-")))
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
  if (!["secret", "audit", "fn", "cert", "probe"].includes(out.paths[0])) {
    if (out.paths.push(...operands), out.endpoint === "") delete out.endpoint;
    else if (out.endpoint === void 0) {
      let fromEnv = endpointFromEnv(env);
      fromEnv && (out.endpoint = fromEnv.endpoint, out.endpointFrom = fromEnv.from);
    }
    return out;
  }
}

// src/cli/main.ts
init_mode();
async function main(argv, io, onLoad) {
  try {
    let args = fastParseArgs(argv, io.env) ?? await (await Promise.resolve().then(() => __toESM(require_args(), 1))).parseArgs(argv, io.env);
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
        let { runSecret } = await Promise.resolve().then(() => __toESM(require_run_secret(), 1));
        return await runSecret(args, io);
      }
      case "fn": {
        onLoad?.("fn");
        let { runFn } = await Promise.resolve().then(() => __toESM(require_run_fn(), 1));
        return await runFn(args, io);
      }
      case "cert": {
        onLoad?.("cert");
        let { runCert } = await Promise.resolve().then(() => __toESM(require_run_cert(), 1));
        return await runCert(args, io);
      }
      case "probe": {
        onLoad?.("probe");
        let { runProbe } = await Promise.resolve().then(() => __toESM(require_run_probe(), 1));
        return await runProbe(args, io);
      }
      case "audit": {
        onLoad?.("audit");
        let { runAudit } = await Promise.resolve().then(() => __toESM(require_run_audit(), 1));
        return await runAudit(args, io);
      }
      default: {
        precheckMigrate(args), onLoad?.("migrate");
        let { runMigrate: runMigrate2 } = await Promise.resolve().then(() => (init_run_migrate(), run_migrate_exports));
        return await runMigrate2(args, io);
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

// src/cli/bin.ts
init_plan_worker_arg();
init_short_run();

// src/cli/std-writer.ts
var import_node_fs12 = require("node:fs");
function stdWriter(fd, stream, write = import_node_fs12.writeSync) {
  let fallback, closed = !1, tty, viaStream = () => fallback || (fallback = stream(), fallback.on("error", (err) => {
    if (err.code !== "EPIPE") throw err;
  }), fallback);
  return {
    write(s) {
      if (closed) return !0;
      if (fallback) return fallback.write(s);
      let bytes = Buffer.from(s, "utf8");
      for (let at = 0; at < bytes.length; )
        try {
          at += write(fd, bytes, at, bytes.length - at);
        } catch (err) {
          let code = err.code;
          if (code === "EAGAIN") return viaStream().write(bytes.subarray(at));
          if (code === "EPIPE")
            return closed = !0, !0;
          throw err;
        }
      return !0;
    },
    get isTTY() {
      return tty ??= maybeTerminal(fd) && viaStream().isTTY === !0, tty;
    }
  };
}
function maybeTerminal(fd) {
  try {
    let st = (0, import_node_fs12.fstatSync)(fd);
    if (!st.isCharacterDevice()) return !1;
    let devNull = (0, import_node_fs12.statSync)("/dev/null", { throwIfNoEntry: !1 });
    return !(devNull && devNull.dev === st.dev && devNull.ino === st.ino && devNull.rdev === st.rdev);
  } catch {
    return !1;
  }
}

// src/cli/bin.ts
var loaded = {
  migrate: !1,
  get short() {
    return shortRun.seen;
  }
};
function run() {
  let io = {
    // Set up only when read: a run on files never pays for a standard-input stream.
    get stdin() {
      return process.stdin;
    },
    stdout: stdWriter(1, () => process.stdout),
    stderr: stdWriter(2, () => process.stderr),
    env: process.env,
    cwd: process.cwd()
  };
  for (let [signal, code] of Object.entries(INTERRUPTED)) process.once(signal, () => interrupted(signal, code, io));
  main(process.argv.slice(2), io, (command) => {
    command === "migrate" && (loaded.migrate = !0);
  }).then((code) => {
    process.exitCode = code;
  });
}
var INTERRUPTED = { SIGINT: 130, SIGTERM: 143 };
function interrupted(signal, code, io) {
  let removed = removeLiveTempFiles(), files = `${removed} temporary file${removed === 1 ? "" : "s"}`;
  io.stderr.write(
    `delegate-mtls: interrupted by ${signal}` + (removed > 0 ? `; removed ${files}: every file is either as it was or completely written
` : `
`)
  ), process.exit(code);
}
process.argv.includes(PLAN_WORKER_ARG) ? Promise.resolve().then(() => __toESM(require("node:worker_threads"), 1)).then(async ({ isMainThread }) => {
  isMainThread ? run() : await Promise.resolve().then(() => (init_plan_files(), plan_files_exports));
}) : run();
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  loaded
});
//# delegate-mtls-bundle sha256=13368181a4fdc9246ca77e356645be4b552f33efcdd0c23a3f87a39f81b6b79b
