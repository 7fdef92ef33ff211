import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  applyPlan,
  checkOutput
} from "./chunk-XBQVLMEO.js";
import {
  K8S_PARSE,
  VOLUME_NAME,
  classify,
  columnOf,
  composeEnv,
  composeVolumes,
  editContext,
  embeddedSplices,
  endOfBlock,
  findItem,
  formatScalar,
  indentUnit,
  itemLines,
  keepFlowItems,
  lineRemovals,
  locateContainer,
  lookup,
  normalizeEndpoint,
  pairLines,
  pairOf,
  parseStream,
  parseUrlOption,
  plan,
  readSource,
  report,
  setPairValue,
  setScalar,
  stringAt,
  toPlain
} from "./chunk-7OH2NTX4.js";
import {
  require_dist
} from "./chunk-HNFRJ7ON.js";
import {
  UsageError
} from "./chunk-GXJW6PMD.js";
import {
  __toESM
} from "./chunk-V2O42A2J.js";

// src/mtls/revert/revert-k8s.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/mtls/revert/context.ts
var import_yaml = __toESM(require_dist(), 1);
var OWNED_ENV = [
  "DELEGATE_CLIENT_CERTIFICATE_PATH",
  "DELEGATE_CLIENT_CERTIFICATE_KEY_PATH",
  "CLIENT_CERTIFICATE_PATH",
  "CLIENT_CERTIFICATE_KEY_PATH",
  "GRPC_AUTHORITY_MODIFICATION_DISABLED"
], endpointEnv = (url) => [
  ["MANAGER_HOST_AND_PORT", url],
  ["LOG_STREAMING_SERVICE_URL", `${url}/log-service/`],
  ["TI_SERVICE_URL", `${url}/ti-service/`]
], isOurMode = (text) => /^(256 # 0400|288 # 0440)$/.test(text.trim());
function ownsComments(ectx, pair, list) {
  let keyCol = columnOf(ectx.src, pair.key.range[0]), last = list.items[list.items.length - 1], lastNode = (0, import_yaml.isMap)(list) ? last.value ?? last.key : last, end = endOfBlock(ectx.src, lastNode, Number.MAX_SAFE_INTEGER), next = ectx.src.slice(end, ectx.src.indexOf(`
`, end) < 0 ? ectx.src.length : ectx.src.indexOf(`
`, end)), m = /^( *)#/.exec(next);
  return m !== null && m[1].length > keyCol;
}
function removeListItems(rctx, res, owner, ownerPtr, ownerDisplay, key, indexes, reason, label = (item) => ({ name: stringAt(item, "name") ?? "?" })) {
  if (indexes.length === 0) return;
  let pair = pairOf(owner, key), list = pair.value, ectx = editContext(rctx, res), ptr = [...ownerPtr, key], before = (i) => list.items[i]?.toJSON?.() ?? null, all = indexes.length === list.items.length;
  if (list.flow) {
    let keep = list.items.map((_, i) => i).filter((i) => !indexes.includes(i)), splice = keepFlowItems(ectx, list, keep);
    indexes.forEach(
      (i, n) => plan(
        rctx,
        res.ref,
        "remove",
        [...ptr, i],
        [...ownerDisplay, key, label(list.items[i])],
        { before: before(i) },
        reason,
        n === 0 ? [splice] : []
      )
    );
    return;
  }
  if (all && !ownsComments(ectx, pair, list)) {
    rctx.removals.push(pairLines(ectx, owner, pair)), plan(
      rctx,
      res.ref,
      "remove",
      ptr,
      [...ownerDisplay, key],
      { before: list.toJSON() },
      `${reason} (the migration created ${key})`,
      []
    );
    return;
  }
  for (let i of indexes)
    rctx.removals.push(itemLines(ectx, list, i)), all || plan(
      rctx,
      res.ref,
      "remove",
      [...ptr, i],
      [...ownerDisplay, key, label(list.items[i])],
      { before: before(i) },
      reason,
      []
    );
  all && plan(rctx, res.ref, "set", ptr, [...ownerDisplay, key], { before: list.toJSON(), after: null }, reason, []);
}
function removeMapKeys(rctx, res, owner, ownerPtr, key, keys, reason) {
  if (keys.length === 0) return;
  let pair = pairOf(owner, key), inner = pair.value, ectx = editContext(rctx, res), ptr = [...ownerPtr, key], all = keys.length === inner.items.length;
  if (all && !ownsComments(ectx, pair, inner)) {
    rctx.removals.push(pairLines(ectx, owner, pair)), plan(rctx, res.ref, "remove", ptr, ptr, { before: inner.toJSON() }, `${reason} (the migration created ${key})`, []);
    return;
  }
  for (let k of keys)
    rctx.removals.push(pairLines(ectx, inner, pairOf(inner, k))), all || plan(
      rctx,
      res.ref,
      "remove",
      [...ptr, k],
      [...ptr, k],
      { before: inner.get(k, !0)?.toJSON?.() ?? null },
      reason,
      []
    );
  all && plan(rctx, res.ref, "set", ptr, ptr, { before: inner.toJSON(), after: null }, reason, []);
}
function revertConfigMapKey(rctx, name, namespace, key, value) {
  let cm = rctx.resources.find(
    (r) => r.ref.kind === "ConfigMap" && r.ref.name === name && (namespace === void 0 || r.ref.namespace === void 0 || r.ref.namespace === namespace)
  );
  if (!cm) return "absent";
  let node = lookup(cm.doc.contents, ["data", key]);
  return (0, import_yaml.isScalar)(node) ? (node.value !== value && plan(
    rctx,
    cm.ref,
    "set",
    ["data", key],
    ["data", key],
    { before: node.value, after: value },
    "undo the migration: the original endpoint (the delegate reads it from this ConfigMap)",
    [setScalar(editContext(rctx, cm), node, value)]
  ), "set") : "missing-key";
}

// src/mtls/revert/revert-k8s.ts
var REASON = "undo the migration";
function revertDelegate(rctx, res) {
  let pod = lookup(res.doc.contents, res.podPath), { container } = locateContainer(rctx, res.podPath, pod, res.container);
  revertEnv(rctx, res, container);
  let env = container.node.get("env", !0), owned = (0, import_yaml2.isSeq)(env) ? env.items.flatMap((item, i) => OWNED_ENV.includes(stringAt(item, "name") ?? "") ? [i] : []) : [];
  removeListItems(
    rctx,
    res,
    container.node,
    container.ptr,
    container.display,
    "env",
    owned,
    `${REASON}: only an mTLS delegate needs it`
  ), revertPod(rctx, res, pod, res.podPath, container);
}
function revertEnv(rctx, res, container) {
  let ectx = editContext(rctx, res), env = container.node.get("env", !0), envFrom = container.node.get("envFrom", !0), configMaps = (0, import_yaml2.isSeq)(envFrom) ? envFrom.items.map((i) => stringAt(lookup(i, ["configMapRef"]), "name")).filter((n) => n !== void 0) : [];
  for (let [name, value] of endpointEnv(rctx.url)) {
    let found = findItem(env, "name", name);
    if (found) {
      let node = found.node.get("value", !0), ref = lookup(found.node, ["valueFrom", "configMapKeyRef"]);
      if ((0, import_yaml2.isScalar)(node))
        node.value !== value && plan(
          rctx,
          res.ref,
          "set",
          [...container.ptr, "env", found.index, "value"],
          [...container.display, "env", { name }, "value"],
          { before: node.value, after: value },
          `${REASON}: the original endpoint`,
          [setScalar(ectx, node, value)]
        );
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
    name === "MANAGER_HOST_AND_PORT" && !outcomes.includes("set") && outcomes.includes("absent") && report(
      rctx,
      "warning",
      "NOT_CHANGED",
      `${name} may come from ConfigMap ${configMaps.join(", ")} (envFrom), which is not in the input: set it back to "${value}" there`,
      container.node
    );
  }
}
function revertPod(rctx, res, pod, podPath, container) {
  let mount = findItem(container.node.get("volumeMounts", !0), "name", VOLUME_NAME);
  mount && removeListItems(
    rctx,
    res,
    container.node,
    container.ptr,
    container.display,
    "volumeMounts",
    [mount.index],
    `${REASON}: the client certificate mount`
  );
  let volumes = pod.get("volumes", !0), volume = findItem(volumes, "name", VOLUME_NAME);
  if (!volume) return;
  let secretName = stringAt(lookup(volume.node, ["secret"]), "secretName");
  if (!["containers", "initContainers"].some((key) => {
    let list = pod.get(key, !0);
    return (0, import_yaml2.isSeq)(list) && list.items.some(
      (c) => c !== container.node && findItem((0, import_yaml2.isMap)(c) ? c.get("volumeMounts", !0) : void 0, "name", VOLUME_NAME)
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
      `${REASON}: the client certificate volume`
    );
    return;
  }
  let secret = lookup(volume.node, ["secret"]), modePair = (0, import_yaml2.isMap)(secret) ? pairOf(secret, "defaultMode") : void 0;
  if (modePair && (0, import_yaml2.isMap)(secret)) {
    let ectx = editContext(rctx, res), [s, e] = pairLines(ectx, secret, modePair), text = ectx.src.slice(s, e).replace(/^\s*defaultMode:\s*/, "");
    isOurMode(text) && (rctx.removals.push([s, e]), plan(
      rctx,
      res.ref,
      "remove",
      [...podPath, "volumes", volume.index, "secret", "defaultMode"],
      [...podPath, "volumes", { name: VOLUME_NAME }, "secret", "defaultMode"],
      { before: modePair.value.value },
      `${REASON}: the file mode it set`,
      []
    ));
  }
}
function revertUpgraderCronJob(rctx, res) {
  let pod = lookup(res.doc.contents, res.podPath), { container } = locateContainer(rctx, res.podPath, pod, res.container);
  revertPod(rctx, res, pod, res.podPath, container);
}
var CONFIG_PTR = ["data", "config.yaml"];
function revertUpgraderConfig(rctx, res) {
  let node = res.config, text = node.value, doc = (0, import_yaml2.parseDocument)(text, K8S_PARSE), root = doc.contents;
  if (doc.errors.length > 0 || !(0, import_yaml2.isMap)(root)) return;
  let ictx = { src: text, eol: `
`, unit: indentUnit(text, root) }, first = rctx.edits.length, inner = [], delegateConfig = root.get("delegateConfig", !0), host = (0, import_yaml2.isMap)(delegateConfig) ? delegateConfig.get("managerHost", !0) : root.get("managerHost", !0), hostPath = (0, import_yaml2.isMap)(delegateConfig) ? ["delegateConfig", "managerHost"] : ["managerHost"];
  (0, import_yaml2.isScalar)(host) && host.value !== rctx.url && (inner.push(setScalar(ictx, host, rctx.url)), plan(
    rctx,
    res.ref,
    "set",
    CONFIG_PTR,
    [...CONFIG_PTR, ...hostPath],
    { before: host.value, after: rctx.url },
    `${REASON}: the upgrader's original endpoint`,
    [],
    hostPath
  ));
  let ranges = [];
  for (let key of ["clientCertificateFilePath", "clientCertificateKeyFilePath"]) {
    let pair = pairOf(root, key);
    pair && (ranges.push(pairLines(ictx, root, pair)), plan(
      rctx,
      res.ref,
      "remove",
      CONFIG_PTR,
      [...CONFIG_PTR, key],
      { before: pair.value?.value ?? null },
      `${REASON}: only an mTLS upgrader reads it`,
      [],
      [key]
    ));
  }
  inner.push(...lineRemovals(ictx, ranges)), rctx.edits.length > first && rctx.edits[first].splices.push(...embeddedSplices(rctx.src, rctx.eol, node, inner));
}
function revertSecrets(rctx) {
  for (let res of rctx.resources) {
    if (res.ref.kind !== "Secret") continue;
    let root = res.doc.contents;
    if (!(0, import_yaml2.isMap)(root) || !rctx.removedSecrets.some(
      (s) => s.name === res.ref.name && (s.namespace === void 0 || res.ref.namespace === void 0 || s.namespace === res.ref.namespace)
    ) || !isGeneratedSecret(root)) continue;
    let start = res.doc.range[0], next = rctx.resources[res.ref.document + 1], end = next ? next.doc.range[0] : rctx.src.length;
    !rctx.src.startsWith("---", start) && next && rctx.src.startsWith("---", end) && (start = root.range[0], end = rctx.src.indexOf(`
`, end) + 1 || rctx.src.length);
    let before = {
      apiVersion: "v1",
      kind: "Secret",
      metadata: lookup(root, ["metadata"])?.toJSON(),
      data: { "client.crt": "<redacted>", "client.key": "<redacted>" }
    };
    plan(rctx, res.ref, "remove", [], [], { before }, `${REASON}: the client certificate Secret it generated`, [
      { start, end, text: "" }
    ]);
  }
}
function isGeneratedSecret(root) {
  if (!root.items.map((p) => String(p.key.value)).every((k) => ["apiVersion", "kind", "metadata", "type", "data", "stringData"].includes(k))) return !1;
  let meta = root.get("metadata", !0);
  if (!(0, import_yaml2.isMap)(meta) || !meta.items.every((p) => ["name", "namespace", "creationTimestamp"].includes(String(p.key.value))))
    return !1;
  let type = stringAt(root, "type");
  return type !== void 0 && type !== "Opaque" ? !1 : [root.get("data", !0), root.get("stringData", !0)].filter(import_yaml2.isMap).flatMap((d) => d.items.map((p) => String(p.key.value))).sort().join(",") === "client.crt,client.key";
}

// src/mtls/revert/revert-shapes.ts
var import_yaml3 = __toESM(require_dist(), 1);
var REASON2 = "undo the migration";
function revertHelmValues(rctx, res) {
  let root = res.doc.contents, ectx = editContext(rctx, res), endpointPair = pairOf(root, "managerEndpoint");
  endpointPair && (0, import_yaml3.isScalar)(endpointPair.value) && endpointPair.value.value !== rctx.url && plan(
    rctx,
    res.ref,
    "set",
    ["managerEndpoint"],
    ["managerEndpoint"],
    { before: endpointPair.value.value, after: rctx.url },
    `${REASON2}: the original endpoint`,
    [setPairValue(ectx, endpointPair, rctx.url, formatScalar(rctx.url))]
  );
  let mtlsPair = pairOf(root, "mTLS"), mtls = mtlsPair?.value;
  if (mtlsPair && (0, import_yaml3.isMap)(mtls)) {
    let namePair = pairOf(mtls, "secretName"), value = namePair && (0, import_yaml3.isScalar)(namePair.value) ? namePair.value.value : void 0, at = root.items.indexOf(mtlsPair);
    mtls.items.length === 1 && namePair !== void 0 && at > 0 && root.items[at - 1] === endpointPair ? removeMapKeys(rctx, res, root, [], "mTLS", ["secretName"], `${REASON2}: mTLS.secretName`) : namePair && typeof value == "string" && value !== "" && plan(
      rctx,
      res.ref,
      "set",
      ["mTLS", "secretName"],
      ["mTLS", "secretName"],
      { before: value, after: "" },
      `${REASON2}: no client certificate Secret (the chart's default)`,
      [setScalar(ectx, namePair.value, "")]
    );
  }
  let envs = root.get("custom_envs", !0);
  if (!(0, import_yaml3.isSeq)(envs)) return;
  for (let [name, value] of endpointEnv(rctx.url)) {
    let found = findItem(envs, "name", name), node = found?.node.get("value", !0);
    found && (0, import_yaml3.isScalar)(node) && node.value !== value && plan(
      rctx,
      res.ref,
      "set",
      ["custom_envs", found.index, "value"],
      ["custom_envs", { name }, "value"],
      { before: node.value, after: value },
      `${REASON2}: the original endpoint`,
      [setScalar(ectx, node, value)]
    );
  }
  let owned = envs.items.flatMap((item, i) => OWNED_ENV.includes(stringAt(item, "name") ?? "") ? [i] : []);
  removeListItems(rctx, res, root, [], [], "custom_envs", owned, `${REASON2}: only an mTLS delegate needs it`);
}
function revertCompose(rctx, res) {
  let ectx = editContext(rctx, res);
  for (let d of res.delegates) {
    let svcPtr = ["services", d.service], envPtr = [...svcPtr, "environment"], envNode = d.node.get("environment", !0), { form, entries } = composeEnv(d.node);
    for (let [name, value] of endpointEnv(rctx.url)) {
      let entry = entries.find((e) => e.name === name);
      if (!(!entry || entry.value === value)) {
        if (entry.value === void 0 || /\$\{?[A-Za-z_]/.test(entry.value)) {
          name === "MANAGER_HOST_AND_PORT" && report(
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
          plan(
            rctx,
            res.ref,
            "set",
            [...envPtr, entry.index],
            [...envPtr, { name }],
            { before: `${name}=${entry.value}`, after: text },
            `${REASON2}: the original endpoint`,
            [setScalar(ectx, entry.node, text)]
          );
        } else
          plan(
            rctx,
            res.ref,
            "set",
            [...envPtr, name],
            [...envPtr, name],
            { before: entry.value, after: value },
            `${REASON2}: the original endpoint`,
            [setPairValue(ectx, pairOf(envNode, name), value, formatScalar(value))]
          );
      }
    }
    let certPath = entries.find((e) => e.name === "DELEGATE_CLIENT_CERTIFICATE_PATH" || e.name === "CLIENT_CERTIFICATE_PATH")?.value ?? "/etc/mtls/client.crt", keyPath = entries.find((e) => e.name === "DELEGATE_CLIENT_CERTIFICATE_KEY_PATH" || e.name === "CLIENT_CERTIFICATE_KEY_PATH")?.value ?? "/etc/mtls/client.key", owned = entries.filter((e) => OWNED_ENV.includes(e.name));
    form === "list" ? removeListItems(
      rctx,
      res,
      d.node,
      svcPtr,
      svcPtr,
      "environment",
      owned.map((e) => e.index),
      `${REASON2}: only an mTLS delegate needs it`,
      (item) => ({ name: String(item.value).split("=")[0] })
    ) : form === "map" && (0, import_yaml3.isMap)(envNode) && removeMapKeys(
      rctx,
      res,
      d.node,
      svcPtr,
      "environment",
      owned.map((e) => e.name),
      `${REASON2}: only an mTLS delegate needs it`
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
      (item) => (0, import_yaml3.isScalar)(item) ? String(item.value) : stringAt(item, "target") ?? "?"
    );
  }
}

// src/mtls/revert/plan-revert.ts
function planRevertStream(src, eol, file, docs, url) {
  let resources = docs.map((doc, i) => classify(doc, i)), rctx = {
    src,
    eol,
    file,
    options: {
      endpoint: url,
      secretName: VOLUME_NAME,
      secretNameExplicit: !1,
      mountPath: "/etc/mtls",
      tiService: !1,
      grpcAuthority: !0
    },
    resources,
    edits: [],
    diagnostics: [],
    secretByDelegate: /* @__PURE__ */ new Map(),
    modeByDelegate: /* @__PURE__ */ new Map(),
    url,
    removals: [],
    removedSecrets: []
  };
  for (let res of resources)
    res.type === "delegate" ? revertDelegate(rctx, res) : res.type === "upgrader-config" ? revertUpgraderConfig(rctx, res) : res.type === "upgrader-cronjob" ? revertUpgraderCronJob(rctx, res) : res.type === "helm-values" ? revertHelmValues(rctx, res) : res.type === "compose" && revertCompose(rctx, res);
  if (revertSecrets(rctx), rctx.removals.length > 0) {
    let ectx = { src, eol, unit: 2 };
    (rctx.edits.find((e) => !e.inner && e.ptr.length > 0) ?? rctx.edits[0]).splices.push(...lineRemovals(ectx, rctx.removals));
  }
  return { resources, edits: rctx.edits, diagnostics: rctx.diagnostics };
}

// src/pipeline/revert.ts
var FORM = "the delegate's non-mTLS endpoint URL, e.g. https://app.harness.io or https://harness.example.com/gratis";
function normalizeRevertEndpoint(input) {
  return parseUrlOption(input, "--revert --endpoint", FORM, { schemes: ["https:", "http:"], schemesText: "http(s)" }), input.trim().replace(/\/+$/, "");
}
function revert(text, options, hooks = {}) {
  let file = options.file ?? "<input>", url = normalizeRevertEndpoint(options.endpoint), source = readSource(text), fail = (diagnostics) => ({
    status: "error",
    output: text,
    changes: [],
    diagnostics,
    unresolved: !1,
    resources: []
  }), { docs, errors } = parseStream(source.text, file);
  if (errors.length > 0) return fail(errors);
  for (let doc of docs) {
    let plain = toPlain(doc);
    if ("error" in plain)
      return fail([{ code: "YAML_SYNTAX", severity: "error", message: `invalid YAML: ${plain.error}`, file }]);
  }
  let plan2 = planRevertStream(source.text, source.eol, file, docs, url);
  return applyPlan(text, source, file, plan2, { unchanged: "none", guard: (body) => checkOutput(source.text, docs, body, plan2.edits), what: "the reverted result", hooks });
}

// src/cli/mode.ts
var readsStdin = (args) => args.paths.length === 0 || args.paths.length === 1 && args.paths[0] === "-";
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
  args.revert || normalizeEndpoint(args.endpoint);
  let stdin = readsStdin(args);
  if (!stdin && args.paths.includes("-")) throw new UsageError('"-" (standard input) cannot be mixed with file paths');
  modeOf(args, stdin ? 1 : args.paths.length, stdin);
}

export {
  normalizeRevertEndpoint,
  revert,
  modeOf,
  precheckMigrate
};
