import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  isSecretName
} from "./chunk-JM7CKGRD.js";
import {
  GroupEscape,
  applySplices,
  classify,
  composeHostPaths,
  configDelegateName,
  documentStarts,
  indexByName,
  mayMatter,
  namesOfDeployments,
  normalizeEndpoint,
  parseDocumentsAt,
  parseStream,
  planResources,
  planStream,
  readSource,
  toPlain,
  writeSource
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

// src/mtls/plan-groups.ts
function planInGroups(src, eol, file, options, starts) {
  let n = starts.length, end = (i) => starts[i + 1] ?? src.length, summaries = [], parsed = [], decoded = /* @__PURE__ */ new Map(), mentions = [];
  for (let i = 0; i < n; i++) {
    if (parsed[i] = mayMatter(src.slice(starts[i], end(i))), mentions[i] = [], !parsed[i]) {
      summaries.push({ ref: { document: i, kind: "" }, type: "other" });
      continue;
    }
    let doc = parseOne(src, starts[i], end(i), !1);
    if (!doc) return;
    let res = classify(doc, i);
    if (summaries.push({ ref: res.ref, type: res.type }), res.type === "other") continue;
    let plain = toPlain(doc);
    "error" in plain || (decoded.set(i, plain.value), mentions[i] = mentionedNames(res, plain.value, options));
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
        parsed[other.ref.document] && (ns === void 0 || ons === void 0 || ns === ons) && union(i, other.ref.document);
      }
  }
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
  }, base = { src, eol, file, options, starts }, lint = summaries.some((s) => s.type !== "other"), tags = /* @__PURE__ */ new Map(), results = /* @__PURE__ */ new Map(), groupOf = /* @__PURE__ */ new Map();
  for (let [g, docs] of groups) for (let i of docs) groupOf.set(i, g);
  for (let [g, initial] of [...groups].sort((a, b) => a[0] - b[0])) {
    if (groupOf.get(initial[0]) !== g) continue;
    let docs = initial;
    for (; ; ) {
      let resources = docs.map((i) => classify(parseOne(src, starts[i], end(i), !0), i));
      scope.members = new Map(resources.map((r) => [r.ref.document, r]));
      try {
        let plan = planResources(base, resources, { lint, scope, decoded, tags });
        results.set(g, { edits: plan.edits, diagnostics: plan.diagnostics });
        for (let e of plan.edits) {
          let i = e.change.resource.document, member = scope.members.get(i);
          if (e.change.op === "insert" || decoded.has(i) || !member) continue;
          let plain = toPlain(member.doc);
          "error" in plain || decoded.set(i, plain.value);
        }
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
  let unparsed = summaries.filter((s) => !parsed[s.ref.document]).map((s) => ({ ...s, type: "other", doc: EMPTY })), rest = planResources(base, unparsed, { lint, scope, tags });
  results.set(-1, { edits: rest.edits, diagnostics: rest.diagnostics });
  let byStep = (list) => list.map((x, k) => ({ x, k, t: tags.get(x) })).sort((a, b) => a.t - b.t || a.k - b.k).map((e) => e.x), all = [...results.values()], placeholders = /* @__PURE__ */ new Set(), diagnostics = byStep(all.flatMap((r) => r.diagnostics)).filter((d) => {
    let m = d.code === "LINT" ? /^placeholder (\S+) is still in the manifest/.exec(d.message) : null;
    return m ? placeholders.has(m[1]) ? !1 : (placeholders.add(m[1]), !0) : !0;
  });
  return { groups: planned, resources: summaries, edits: byStep(all.flatMap((r) => r.edits)), diagnostics, decoded };
}
var EMPTY = { contents: null, range: [0, 0, 0], errors: [], warnings: [] };
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

// src/pipeline/apply-plan.ts
function applyPlan(text, source, file, plan, how) {
  let resources = plan.resources.filter((r) => r.type !== "other").map((r) => ({ ...r.ref, type: r.type })), diagnostics = plan.diagnostics, fail = (all) => ({
    status: "error",
    output: text,
    changes: [],
    diagnostics: all,
    unresolved: !1,
    resources
  });
  if (diagnostics.some((d) => d.severity === "error")) return fail(diagnostics);
  let changes = plan.edits.map((e) => e.change), unresolved = diagnostics.some((d) => d.code === "NOT_CHANGED"), status = changes.length > 0 ? "migrated" : resources.length > 0 ? how.unchanged : "none";
  if (changes.length === 0) return { status, output: text, changes, diagnostics, unresolved, resources };
  let body = applySplices(
    source.text,
    plan.edits.flatMap((e) => e.splices)
  );
  how.hooks.afterSplice && (body = how.hooks.afterSplice(body));
  let mismatch = how.guard(body);
  if (mismatch) {
    let bug = `internal error: the semantic guard refused ${how.what} (${mismatch}); nothing was written. Please report this with the input file`;
    return fail([...diagnostics, { code: "GUARD_MISMATCH", severity: "error", message: bug, file }]);
  }
  return { status, output: writeSource(source, body), changes, diagnostics, unresolved, resources };
}

// src/pipeline/guard.ts
var import_yaml = __toESM(require_dist(), 1);

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

// src/pipeline/guard.ts
var decode = (text) => {
  let doc = (0, import_yaml.parseDocument)(text, { version: "1.1" });
  if (doc.errors.length > 0) throw new Error(`embedded YAML does not parse: ${doc.errors[0].message}`);
  return doc.toJS({ maxAliasCount: 100 });
}, get = (root, ptr) => ptr.reduce((cur, seg) => cur?.[seg], root);
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
var copyOf = (value) => value !== null && typeof value == "object" ? structuredClone(value) : value;
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
      let docs = (0, import_yaml.parseAllDocuments)(slice(output, outStarts, j), { version: "1.1" }), bad = docs.find((d) => d.errors.length > 0);
      return bad ? `the output does not parse: ${bad.errors[0].message.split(`
`)[0]}` : docs.length === 1 ? docs[0] : `the output has ${expectedDocs - 1 + docs.length} documents, expected ${expectedDocs}`;
    }, sameBytes = (i, j) => slice(input, inputStarts, i) === slice(output, outStarts, j);
  else {
    if (typeof inputDocs == "number") return "the output's documents cannot be matched with the input's";
    let parsed = (0, import_yaml.parseAllDocuments)(output, { version: "1.1" }), outDocs = "empty" in parsed ? [] : parsed, bad = outDocs.find((d) => d.errors.length > 0);
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
    let before = decodedInput?.has(i) ? { value: decodedInput.get(i) } : typeof inputDocs == "number" ? { error: "not decoded" } : toPlain(inputDocs[i]), out = outDoc(i + shift);
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

// src/pipeline/migrate.ts
var GROUPED_FROM = 256 * 1024;
function resolveOptions(opts) {
  let mountPath = (opts.mountPath ?? "/etc/mtls").replace(/\/+$/, "");
  if (!mountPath.startsWith("/")) throw new UsageError(`--mount-path "${opts.mountPath}" must be an absolute path`);
  let secretName = opts.secretName ?? "client-certificate", sample = secretName.replaceAll("{delegate}", "x");
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
  let file = options.file ?? "<input>", resolved = "secretNameExplicit" in options ? options : resolveOptions(options), source = readSource(text), starts = hooks.grouped ?? source.text.length >= GROUPED_FROM ? documentStarts(source.text) : void 0, grouped = starts && planInGroups(source.text, source.eol, file, resolved, starts);
  if (grouped) {
    let guard = hooks.verify === !1 ? () => {
    } : (body) => checkOutput(source.text, starts.length, body, grouped.edits, starts, grouped.decoded);
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
  let plan = planStream(source.text, source.eol, file, docs, resolved, starts), guard = hooks.verify === !1 ? () => {
  } : (body) => checkOutput(source.text, docs, body, plan.edits, starts, plan.decoded);
  return applyPlan(text, source, file, plan, { unchanged: "already", guard, what: "the result", hooks });
}

export {
  applyPlan,
  checkOutput,
  resolveOptions,
  migrate
};
