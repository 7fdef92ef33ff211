import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  CHART_DEFAULT_NAME,
  POD_PATH,
  VOLUME_NAME,
  classify,
  classifyTag,
  composeDelegateName,
  composeEnv,
  composeVolumes,
  configDelegateName,
  findDelegateContainer,
  findItem,
  helmImage,
  lookup,
  normalizeEndpoint,
  parseImage,
  parseStream,
  planStream,
  readSource,
  stringAt
} from "./chunk-7OH2NTX4.js";
import {
  require_dist
} from "./chunk-HNFRJ7ON.js";
import {
  __toESM
} from "./chunk-V2O42A2J.js";

// src/audit/audit.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/audit/facts.ts
var import_yaml = __toESM(require_dist(), 1);
var CERT_ENV = [
  "DELEGATE_CLIENT_CERTIFICATE_PATH",
  "DELEGATE_CLIENT_CERTIFICATE_KEY_PATH",
  "CLIENT_CERTIFICATE_PATH",
  "CLIENT_CERTIFICATE_KEY_PATH"
];
function configMapValue(resources, name, namespace, key) {
  let cm = resources.find(
    (r) => r.ref.kind === "ConfigMap" && r.ref.name === name && (namespace === void 0 || r.ref.namespace === void 0 || r.ref.namespace === namespace)
  );
  if (!cm) return { found: !1 };
  let v = lookup(cm.doc.contents, ["data", key]);
  return (0, import_yaml.isScalar)(v) && v.value !== null ? { found: !0, value: String(v.value) } : { found: !0 };
}
function containerEnv(resources, container, namespace, name) {
  let env = container.get("env", !0), entry = findItem(env, "name", name);
  if (entry) {
    let value = entry.node.get("value", !0);
    if ((0, import_yaml.isScalar)(value) && value.value !== null) return { value: String(value.value), from: "env", unresolved: !1 };
    let ref = lookup(entry.node, ["valueFrom", "configMapKeyRef"]), cmName = stringAt(ref, "name"), cmKey = stringAt(ref, "key");
    if (cmName && cmKey) {
      let got = configMapValue(resources, cmName, namespace, cmKey);
      return got.value !== void 0 ? { value: got.value, from: `ConfigMap ${cmName}`, unresolved: !1 } : { from: `ConfigMap ${cmName} (not among the audited files)`, unresolved: !got.found };
    }
    return { from: "valueFrom (not readable here)", unresolved: !0 };
  }
  let envFrom = container.get("envFrom", !0), unseen = [];
  if ((0, import_yaml.isSeq)(envFrom))
    for (let item of envFrom.items) {
      let cmName = stringAt(lookup(item, ["configMapRef"]), "name");
      if (!cmName) continue;
      let got = configMapValue(resources, cmName, namespace, name);
      if (got.value !== void 0) return { value: got.value, from: `ConfigMap ${cmName}`, unresolved: !1 };
      got.found || unseen.push({ name: cmName, optional: lookup(item, ["configMapRef", "optional"])?.toJSON() === !0 });
    }
  let named = unseen.some((u) => !u.optional) ? unseen.filter((u) => !u.optional) : unseen;
  return named.length > 0 ? { from: `ConfigMap ${named.map((u) => u.name).join(", ")} (not among the audited files)`, unresolved: !0 } : { from: "missing", unresolved: !1 };
}
function podFacts(pod, container) {
  let volume = findItem(pod.get("volumes", !0), "name", VOLUME_NAME), mount = findItem(container.get("volumeMounts", !0), "name", VOLUME_NAME), env = container.get("env", !0), cert = findItem(env, "name", "DELEGATE_CLIENT_CERTIFICATE_PATH") ?? findItem(env, "name", "CLIENT_CERTIFICATE_PATH"), certEnv = cert ? stringAt(cert.node, "value") : void 0, out = {
    any: !!(volume || mount || CERT_ENV.some((n) => findItem(env, "name", n)))
  }, secretName = volume ? stringAt(lookup(volume.node, ["secret"]), "secretName") : void 0;
  secretName && (out.secretName = secretName);
  let mountPath = mount ? stringAt(mount.node, "mountPath") : void 0;
  return mountPath && (out.mountPath = mountPath), certEnv && (out.certEnv = certEnv), out;
}
function composeFacts(s) {
  let entries = composeEnv(s.node).entries, host = entries.find((e) => e.name === "MANAGER_HOST_AND_PORT"), cert = entries.find(
    (e) => e.name === "DELEGATE_CLIENT_CERTIFICATE_PATH" || e.name === "CLIENT_CERTIFICATE_PATH"
  ), volumes = composeVolumes(s.node), certVolume = volumes.find((v) => /\/client\.crt$/.test(v.target)) ?? volumes.find((v) => cert?.value !== void 0 && v.target === dirname(cert.value)), out = {
    passthrough: !!(host && (host.value === void 0 || /\$\{?[A-Za-z_]/.test(host.value))) || !host && s.node.has("env_file"),
    any: !!(cert || entries.some((e) => CERT_ENV.includes(e.name)) || volumes.some((v) => /\/client\.(crt|key)$/.test(v.target)))
  };
  return host?.value !== void 0 && (out.endpoint = host.value), cert?.value && (out.certEnv = cert.value), certVolume?.source !== void 0 && (out.certSource = certVolume.source), certVolume && (out.mountDir = /\/client\.crt$/.test(certVolume.target) ? dirname(certVolume.target) : certVolume.target), out;
}
var dirname = (p) => p.includes("/") ? p.slice(0, p.lastIndexOf("/")) || "/" : p;
function podAndContainer(res) {
  let pod = lookup(res.doc.contents, res.podPath), containers = pod.get("containers", !0), container = (0, import_yaml.isSeq)(containers) ? containers.items[res.container] : void 0;
  return { pod, container: (0, import_yaml.isMap)(container) ? container : pod };
}

// src/audit/audit.ts
var PLACEHOLDER_ENDPOINT = "https://endpoint.invalid", ENDPOINT_FIELDS = /MANAGER_HOST_AND_PORT|LOG_STREAMING_SERVICE_URL|TI_SERVICE_URL|managerHost|managerEndpoint/;
function looksLikeMtlsEndpoint(url) {
  return mtlsEndpointKind(url) !== "no";
}
function mtlsEndpointKind(url) {
  let u = new URL(url);
  return /(^|\.)harness\.io$/.test(u.hostname) ? u.port === "8443" || /\.agent\./.test(`.${u.hostname}`) ? "yes" : "no" : "unknown";
}
function audit(inputs, options = {}) {
  let errors = [], texts = inputs.map((input, file) => ({ file, text: readSource(input.text).text })), units = texts.length === 0 ? [] : [buildUnit(texts)].filter((u) => u !== void 0);
  texts.length > 0 && units.length === 0 && (texts = texts.filter(({ file, text }) => {
    let parsed = parseStream(text, inputs[file].path);
    return errors.push(...parsed.errors), parsed.errors.length === 0;
  }), units = makeUnits(texts));
  let fixed = options.endpoint === void 0 ? void 0 : normalizeEndpoint(options.endpoint), rows = [];
  for (let unit of units) rows.push(...auditUnit(unit, inputs, options, fixed));
  let order = new Map(inputs.map((input, i) => [input.path, i]));
  rows.sort((a, b) => order.get(a.file) - order.get(b.file) || a.document - b.document);
  let count = (s) => rows.filter((r) => r.state === s).length, summary = {
    files: inputs.length,
    delegates: rows.length,
    complete: count("complete"),
    partial: count("partial"),
    none: count("none"),
    legacy: count("legacy"),
    upgradersDisagreeing: rows.filter((r) => r.upgrader.state === "disagrees").length
  };
  return { version: 1, ready: errors.length === 0 && rows.every((r) => r.ready), summary, delegates: rows, errors };
}
function buildUnit(parts) {
  let src = "", starts = [];
  parts.forEach((p, i) => {
    starts.push({ file: p.file, start: src.length }), src += p.text.endsWith(`
`) || p.text === "" ? p.text : p.text + `
`, i < parts.length - 1 && (src += `---
`);
  });
  let { docs, errors } = parseStream(src, "audit");
  if (errors.length > 0) return;
  let kept = docs.filter((d) => d.contents !== null), fileOfOffset = (offset) => [...starts].reverse().find((s) => s.start <= offset).file, perFile = /* @__PURE__ */ new Map(), located = kept.map((d) => {
    let file = fileOfOffset(d.contents.range?.[0] ?? d.range[0]), document = perFile.get(file) ?? 0;
    return perFile.set(file, document + 1), { file, document };
  }), lineStarts = [0];
  for (let i = src.indexOf(`
`); i >= 0; i = src.indexOf(`
`, i + 1)) lineStarts.push(i + 1);
  let docOfLine = (line) => {
    let offset = lineStarts[line - 1] ?? src.length;
    return kept.findIndex((d) => d.range[0] <= offset && offset <= d.range[2]);
  };
  return { src, docs: kept, resources: kept.map((d, i) => classify(d, i)), fileOf: (i) => located[i], docOfLine };
}
function makeUnits(texts) {
  if (texts.length === 0) return [];
  let all = buildUnit(texts);
  return all ? [all] : texts.map((t) => buildUnit([t])).filter((u) => u !== void 0);
}
function planSubset(unit, indexes, options) {
  let plan = planStream(
    unit.src,
    `
`,
    "audit",
    indexes.map((i) => unit.docs[i]),
    options
  );
  return {
    edits: plan.edits.map((e) => ({ ...e, doc: indexes[e.change.resource.document] })),
    diagnostics: plan.diagnostics.map((d) => ({ ...d, doc: d.line === void 0 ? -1 : unit.docOfLine(d.line) }))
  };
}
var mtlsOptions = (endpoint, secretName, mountPath, grpcAuthority) => ({
  endpoint,
  secretName,
  // Explicit: an upgrader mounting another Secret than its delegate is a disagreement, not a choice to keep.
  secretNameExplicit: !0,
  mountPath,
  tiService: !1,
  grpcAuthority
});
function endpointFor(value, fixed, unresolvedFrom) {
  if (fixed !== void 0)
    return value === void 0 ? {
      plan: fixed,
      known: !0,
      problem: unresolvedFrom ? `MANAGER_HOST_AND_PORT comes from ${unresolvedFrom}` : "MANAGER_HOST_AND_PORT is not set"
    } : { plan: fixed, known: !0 };
  if (value === void 0)
    return {
      plan: PLACEHOLDER_ENDPOINT,
      known: !1,
      problem: unresolvedFrom ? `MANAGER_HOST_AND_PORT comes from ${unresolvedFrom}: cannot tell its endpoint` : "MANAGER_HOST_AND_PORT is not set"
    };
  let normal;
  try {
    normal = normalizeEndpoint(value);
  } catch {
    return {
      plan: PLACEHOLDER_ENDPOINT,
      known: !1,
      problem: `endpoint ${value} is not an mTLS endpoint (https://host[:port], no path)`
    };
  }
  return looksLikeMtlsEndpoint(normal) ? { plan: normal, known: !0 } : {
    plan: normal,
    known: !0,
    problem: `endpoint ${value} is Harness's non-mTLS endpoint (mTLS: https://<vanity>.harness.io:8443 or https://<sub>.agent.harness.io)`
  };
}
var hostOf = (value) => {
  if (value === void 0) return null;
  try {
    return new URL(value).host || null;
  } catch {
    return null;
  }
};
function describeChange(c) {
  let after = c.after, list = c.path.replace(/\[[^\]]*\]$/, "").split(".").pop().replace(/\[.*$/, "");
  if (c.op === "append") {
    if (typeof after == "string") return list === "environment" ? `env ${after.split("=")[0]}` : `mount ${after}`;
    if (after && typeof after == "object" && typeof after.name == "string")
      return `${{ env: "env", volumeMounts: "volumeMount", volumes: "volume", custom_envs: "custom_envs" }[list] ?? list} ${after.name}`;
  }
  let short = c.path.replace(/^data\."config\.yaml"\./, "config.yaml ").replace(/^spec\.(jobTemplate\.spec\.)?template\.spec\./, "").replace(/^containers\[name=[^\]]+\]\./, "").replace(/^services\.[^.]+\./, "").replace(/\[name=([^\]]+)\]/g, " $1").replace(/^environment[ .]/, "env "), prefix = c.resource.kind === "ConfigMap" && !short.startsWith("config.yaml ") ? `ConfigMap ${c.resource.name ?? ""}: ` : "", value = c.op === "remove" ? " (remove)" : typeof c.after == "object" || c.after === void 0 ? "" : ` \u2192 ${String(c.after)}`;
  return `${prefix}${short}${value}`;
}
function rowBase(unit, inputs, res) {
  let where = unit.fileOf(res.ref.document);
  return {
    file: inputs[where.file].path,
    document: where.document,
    kind: res.ref.kind,
    name: res.ref.name ?? null,
    namespace: res.ref.namespace ?? null,
    service: null
  };
}
function imageFields(ref) {
  if (ref === void 0) return { image: null, imageTag: null, immutable: null };
  let info = parseImage(ref), kind = classifyTag(ref);
  return {
    image: ref,
    imageTag: info.tag ?? (info.digest ? `@${info.digest}` : null),
    immutable: kind === "immutable" || kind === "early-immutable" ? !0 : kind === "legacy" ? !1 : null
  };
}
function stateOf(known, found, hasArtefacts) {
  return known && found.missing.length === 0 && found.hardening.length === 0 ? "complete" : hasArtefacts ? "partial" : "none";
}
function upgraderOwners(unit) {
  let owners = /* @__PURE__ */ new Map(), configs = /* @__PURE__ */ new Map();
  return unit.resources.forEach((r, i) => {
    if (r.type !== "upgrader-config") return;
    let owner = configDelegateName(r.config.value, r.ref.name);
    owners.set(i, owner), configs.set(`${r.ref.namespace ?? ""}/${r.ref.name ?? ""}`, owner);
  }), unit.resources.forEach((r, i) => {
    if (r.type !== "upgrader-cronjob") return;
    let owner = (r.ref.name ?? "").replace(/-upgrader-job$/, ""), volumes = lookup(r.doc.contents, [...r.podPath, "volumes"]);
    if ((0, import_yaml2.isSeq)(volumes))
      for (let v of volumes.items) {
        let cmName = stringAt(lookup(v, ["configMap"]), "name"), found = configs.get(`${r.ref.namespace ?? ""}/${cmName ?? ""}`) ?? (r.ref.namespace === void 0 ? [...configs].find(([k]) => k.endsWith(`/${cmName}`))?.[1] : void 0);
        found !== void 0 && (owner = found);
      }
    owners.set(i, owner);
  }), owners;
}
function upgraderDocs(unit, owners, name, namespace, delegateDoc) {
  let all = [];
  for (let [i, owner] of owners) {
    let r = unit.resources[i];
    owner === name && (namespace === void 0 || r.ref.namespace === void 0 || r.ref.namespace === namespace) && all.push(i);
  }
  let file = unit.fileOf(delegateDoc).file, sameFile = all.filter((i) => unit.fileOf(i).file === file);
  return (sameFile.length > 0 ? sameFile : all).sort((x, y) => x - y);
}
function auditUnit(unit, inputs, options, fixed) {
  let rows = [], grpc = options.grpcAuthority ?? !0, configMaps = unit.resources.flatMap((r, i) => r.ref.kind === "ConfigMap" && r.type === "other" ? [i] : []), owners = upgraderOwners(unit);
  return unit.resources.forEach((res, index) => {
    let base = rowBase(unit, inputs, res);
    if (res.type === "legacy") {
      rows.push({
        ...base,
        ...imageFields(legacyImage(res)),
        state: "legacy",
        missing: [`${res.reason}: cannot do mTLS, upgrade to an immutable delegate first`],
        hardening: [],
        endpoint: null,
        endpointHost: null,
        secret: null,
        upgrader: { state: "absent", problems: [] },
        ready: !1
      });
      return;
    }
    if (res.type === "delegate") {
      let { pod, container } = podAndContainer(res), name = res.ref.name ?? "delegate", ep = containerEnv(unit.resources, container, res.ref.namespace, "MANAGER_HOST_AND_PORT"), facts = podFacts(pod, container), mountPath = options.mountPath ?? facts.mountPath ?? (facts.certEnv ? dirname(facts.certEnv) : "/etc/mtls"), secret = options.secretName?.replaceAll("{delegate}", name) ?? facts.secretName ?? "client-certificate", target = endpointFor(ep.value, fixed, ep.unresolved ? ep.from : void 0), upgraders = upgraderDocs(unit, owners, name, res.ref.namespace, index), planned = planSubset(
        unit,
        [index, ...configMaps, ...upgraders],
        mtlsOptions(target.plan, secret, mountPath, grpc)
      ), found = findings(planned, (doc) => doc === index || configMaps.includes(doc), target.known);
      target.problem && found.missing.unshift(target.problem);
      let theirs = findings(
        planned,
        (doc) => upgraders.includes(doc),
        target.known,
        (doc) => `${unit.resources[doc].ref.kind} ${unit.resources[doc].ref.name ?? ""}: `
      );
      !target.known && ep.value !== void 0 && theirs.missing.push(...upgraderHostMismatch(unit, upgraders, ep.value)), found.hardening.push(...theirs.hardening.map((h) => `upgrader: ${h}`));
      let artefacts = facts.any || ep.value !== void 0 && target.known && fixed === void 0 && mtlsEndpointKind(target.plan) === "yes", state = stateOf(target.known, found, artefacts), upgrader = {
        state: upgraders.length === 0 ? "absent" : theirs.missing.length === 0 ? "agrees" : "disagrees",
        problems: theirs.missing
      };
      rows.push({
        ...base,
        ...imageFields(stringAt(container, "image")),
        state,
        missing: found.missing,
        hardening: found.hardening,
        endpoint: ep.value ?? null,
        endpointHost: hostOf(ep.value),
        secret: facts.secretName ?? null,
        upgrader,
        ready: target.known && found.missing.length === 0 && upgrader.state !== "disagrees"
      });
      return;
    }
    if (res.type === "helm-values") {
      let root = res.doc.contents, name = stringAt(root, "delegateName") ?? CHART_DEFAULT_NAME, endpointNode = root.get("managerEndpoint", !0), endpoint = (0, import_yaml2.isScalar)(endpointNode) && endpointNode.value !== null ? String(endpointNode.value) : "https://app.harness.io", current = stringAt(lookup(root, ["mTLS"]), "secretName") || void 0, secret = options.secretName?.replaceAll("{delegate}", name) ?? current ?? "client-certificate", target = endpointFor(endpoint, fixed), planned = planSubset(unit, [index], mtlsOptions(target.plan, secret, "/etc/mtls", grpc)), found = findings(planned, (doc) => doc === index, target.known);
      target.problem && found.missing.unshift(target.problem);
      let state = stateOf(target.known, found, current !== void 0), enabled = lookup(root, ["upgrader", "enabled"]), upgrader = {
        state: (0, import_yaml2.isScalar)(enabled) && enabled.value === !1 ? "absent" : "chart",
        problems: []
      };
      rows.push({
        ...base,
        name,
        ...imageFields(helmImage(root)?.ref),
        state,
        missing: found.missing,
        hardening: found.hardening,
        endpoint,
        endpointHost: hostOf(endpoint),
        secret: current ?? null,
        upgrader,
        ready: target.known && found.missing.length === 0
      });
      return;
    }
    if (res.type === "compose")
      for (let service of res.delegates)
        rows.push(composeRow(unit, inputs, res, index, service, options, fixed, grpc));
  }), rows;
}
function composeRow(unit, inputs, res, index, s, options, fixed, grpc) {
  let facts = composeFacts(s), mountPath = options.mountPath ?? facts.mountDir ?? (facts.certEnv ? dirname(facts.certEnv) : "/etc/mtls"), target = endpointFor(
    facts.passthrough ? void 0 : facts.endpoint,
    fixed,
    facts.passthrough ? "the host environment, .env or an env_file" : void 0
  ), planned = planSubset(unit, [index], mtlsOptions(target.plan, "client-certificate", mountPath, grpc)), prefix = `services.${s.service}.`, mine = {
    edits: planned.edits.filter((e) => e.change.path.startsWith(prefix)),
    diagnostics: planned.diagnostics.filter((d) => d.message.startsWith(`service ${s.service}:`))
  }, found = findings(mine, (doc) => doc === index, target.known);
  target.problem && found.missing.unshift(target.problem);
  let state = stateOf(target.known, found, facts.any), upgrader = res.upgraders.length > 0 ? {
    state: "unsupported",
    problems: res.upgraders.map((u) => `service ${u.service}: the Docker upgrader has no mTLS settings`)
  } : { state: "absent", problems: [] };
  return {
    ...rowBase(unit, inputs, res),
    name: composeDelegateName(s),
    service: s.service,
    ...imageFields(stringAt(s.node, "image")),
    state,
    missing: found.missing,
    hardening: found.hardening,
    endpoint: facts.endpoint ?? null,
    endpointHost: hostOf(facts.endpoint),
    secret: facts.certSource ?? null,
    upgrader,
    ready: target.known && found.missing.length === 0
  };
}
function findings(planned, mine, endpointKnown, label = () => "") {
  let missing = [], hardening = [];
  for (let e of planned.edits) {
    if (!mine(e.doc)) continue;
    let c = e.change;
    !endpointKnown && (ENDPOINT_FIELDS.test(c.path) || ENDPOINT_FIELDS.test(JSON.stringify(c.after ?? ""))) || (/\.defaultMode$/.test(c.path) ? hardening : missing).push(label(e.doc) + describeChange(c));
  }
  for (let d of planned.diagnostics)
    mine(d.doc) && (d.severity === "error" || d.code === "NOT_CHANGED" && (endpointKnown || !ENDPOINT_FIELDS.test(d.message))) && missing.push(label(d.doc) + d.message);
  return { missing: [...new Set(missing)], hardening: [...new Set(hardening)] };
}
function upgraderHostMismatch(unit, upgraders, endpoint) {
  let out = [];
  for (let i of upgraders) {
    let r = unit.resources[i];
    if (r.type !== "upgrader-config") continue;
    let m = /^\s*managerHost:[ \t]*["']?([^"'\s#]+)/m.exec(r.config.value);
    m && m[1] !== endpoint && out.push(`ConfigMap ${r.ref.name ?? ""}: managerHost is ${m[1]}, the delegate uses ${endpoint}`);
  }
  return out;
}
function legacyImage(res) {
  let root = res.doc.contents;
  if (res.ref.kind === "HelmValues") return helmImage(root)?.ref;
  if (res.ref.kind === "DockerCompose") {
    let services = (0, import_yaml2.isMap)(root) ? root.get("services", !0) : void 0;
    if (!(0, import_yaml2.isMap)(services)) return;
    for (let p of services.items) {
      let image = stringAt(p.value, "image");
      if (image && classifyTag(image) === "legacy") return image;
    }
    return;
  }
  let podPath = POD_PATH[res.ref.kind], containers = podPath ? lookup(root, [...podPath, "containers"]) : void 0;
  if (!(0, import_yaml2.isSeq)(containers)) return;
  let i = findDelegateContainer(containers);
  return i < 0 ? void 0 : stringAt(containers.items[i], "image");
}

export {
  audit
};
