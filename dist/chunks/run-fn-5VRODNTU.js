import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  migrate,
  resolveOptions
} from "./chunk-XBQVLMEO.js";
import "./chunk-JM7CKGRD.js";
import {
  readStdin
} from "./chunk-FHII5GVZ.js";
import {
  K8S_PARSE,
  applySplices,
  documentStarts,
  insertAt,
  lineEndAfter,
  linePos,
  lineStartOf,
  readSource,
  replaceRange,
  writeSource
} from "./chunk-7OH2NTX4.js";
import {
  redactSecretData,
  require_dist
} from "./chunk-HNFRJ7ON.js";
import {
  InternalError,
  UsageError,
  formatDiagnostic
} from "./chunk-GXJW6PMD.js";
import {
  __toESM
} from "./chunk-V2O42A2J.js";

// src/cli/run-fn.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/krm/function-config.ts
var FN_API_VERSION = "delegate-mtls.harness.io/v1alpha1", FN_KIND = "DelegateMtls", STRINGS = ["endpoint", "secretName", "mountPath"], BOOLEANS = ["tiService", "grpcAuthority"], KEYS = [...STRINGS, ...BOOLEANS], FunctionConfigError = class extends Error {
}, isObject = (v) => typeof v == "object" && v !== null && !Array.isArray(v);
function settingsFromConfig(fc) {
  if (fc == null) return {};
  if (!isObject(fc)) throw new FunctionConfigError("functionConfig must be an object: a ConfigMap or a " + FN_KIND);
  let { apiVersion, kind } = fc, fields, where;
  if (kind === "ConfigMap" && apiVersion === "v1")
    fields = fc.data ?? {}, where = "functionConfig data";
  else if (kind === FN_KIND && apiVersion === FN_API_VERSION)
    fields = fc.spec ?? {}, where = "functionConfig spec";
  else
    throw new FunctionConfigError(
      `functionConfig is ${String(apiVersion)} ${String(kind)}: expected a ConfigMap (apiVersion v1, the fields in data, as "kpt fn eval \u2026 -- endpoint=https://\u2026" passes them) or apiVersion ${FN_API_VERSION}, kind ${FN_KIND} (the fields in spec)`
    );
  if (!isObject(fields)) throw new FunctionConfigError(`${where} must be a mapping of ${KEYS.join(", ")}`);
  let out = {};
  for (let [key, value] of Object.entries(fields))
    if (STRINGS.includes(key)) {
      if (typeof value != "string" || value === "")
        throw new FunctionConfigError(`${where}: ${key} must be a non-empty string, found ${JSON.stringify(value)}`);
      out[key] = value;
    } else if (BOOLEANS.includes(key))
      if (value === !0 || value === "true") out[key] = !0;
      else if (value === !1 || value === "false") out[key] = !1;
      else throw new FunctionConfigError(`${where}: ${key} must be true or false, found ${JSON.stringify(value)}`);
    else
      throw new FunctionConfigError(`${where}: unknown key "${key}"; expected one of ${KEYS.join(", ")}`);
  return out;
}
function mergeSettings(config, flags) {
  let out = { ...flags };
  for (let key of KEYS) {
    let c = config[key];
    if (c === void 0) continue;
    let f = flags[key];
    if (f !== void 0 && f !== c)
      throw new FunctionConfigError(
        `${key} is ${JSON.stringify(c)} in the functionConfig but ${JSON.stringify(f)} on the command line: give it in one place`
      );
    out[key] = c;
  }
  return out;
}

// src/krm/resource-list.ts
var import_yaml = __toESM(require_dist(), 1);
var RESOURCE_LIST_VERSIONS = ["config.kubernetes.io/v1", "config.kubernetes.io/v1beta1"], InvalidResourceList = class extends Error {
  constructor(message, line, col) {
    super(message);
    this.line = line;
    this.col = col;
  }
  line;
  col;
}, annotation = (meta, ...keys) => {
  let annotations = (0, import_yaml.isMap)(meta) ? meta.get("annotations", !0) : void 0;
  for (let key of keys) {
    let v = (0, import_yaml.isMap)(annotations) ? annotations.get(key, !0) : void 0;
    if ((0, import_yaml.isScalar)(v) && v.value !== null && v.value !== void 0) return String(v.value);
  }
}, text = (map, key) => {
  let v = (0, import_yaml.isMap)(map) ? map.get(key, !0) : void 0;
  return (0, import_yaml.isScalar)(v) && typeof v.value == "string" ? v.value : void 0;
};
function readResourceList(src) {
  let doc = (0, import_yaml.parseDocument)(src, { ...K8S_PARSE, keepSourceTokens: !1 }), at = (offset) => linePos(src, offset), err = doc.errors[0];
  if (err) {
    let { line, col } = at(err.pos[0]);
    throw new InvalidResourceList(
      `invalid YAML: ${err.message.split(`
`)[0].replace(/ at line \d+.*$/, "")}`,
      line,
      col
    );
  }
  let root = doc.contents;
  if (!(0, import_yaml.isMap)(root)) {
    let found = (0, import_yaml.isSeq)(root) ? "a list" : (0, import_yaml.isScalar)(root) && root.value !== null ? "a scalar" : "an empty document";
    throw new InvalidResourceList(expected(found));
  }
  let apiVersion = text(root, "apiVersion"), kind = text(root, "kind");
  if (kind !== "ResourceList" || !RESOURCE_LIST_VERSIONS.includes(apiVersion ?? "")) {
    let where = root.range ? at(root.range[0]) : void 0;
    throw new InvalidResourceList(
      expected(`apiVersion ${apiVersion ?? "(none)"}, kind ${kind ?? "(none)"}`),
      where?.line,
      where?.col
    );
  }
  let itemsNode = root.get("items", !0);
  if (itemsNode !== void 0 && !(0, import_yaml.isSeq)(itemsNode) && !((0, import_yaml.isScalar)(itemsNode) && itemsNode.value === null)) {
    let where = at(itemsNode.range[0]);
    throw new InvalidResourceList("items must be a list of objects", where.line, where.col);
  }
  let items = [];
  for (let item of (0, import_yaml.isSeq)(itemsNode) ? itemsNode.items : []) {
    let node = item, where = at(node.range[0]);
    if (!(0, import_yaml.isMap)(node)) throw new InvalidResourceList("every item must be an object (a mapping)", where.line, where.col);
    let [start, valueEnd] = node.range, rest = src.slice(valueEnd, lineEndAfter(src, valueEnd)), end = /^[ \t]*(#[^\n]*)?\r?\n?$/.test(rest) && src[valueEnd - 1] !== `
` ? lineEndAfter(src, valueEnd) : valueEnd, meta = node.get("metadata", !0), index = annotation(meta, "config.kubernetes.io/index", "internal.config.kubernetes.io/index");
    items.push({
      start,
      end,
      col: where.col - 1,
      apiVersion: text(node, "apiVersion"),
      kind: text(node, "kind"),
      name: text(meta, "name"),
      namespace: text(meta, "namespace"),
      path: annotation(meta, "config.kubernetes.io/path", "internal.config.kubernetes.io/path"),
      index: index !== void 0 && /^[0-9]+$/.test(index) ? Number(index) : void 0
    });
  }
  let fc = root.get("functionConfig", !0), results = root.items.find((p) => (0, import_yaml.isScalar)(p.key) && p.key.value === "results"), out = { src, items, root };
  return fc !== void 0 && !((0, import_yaml.isScalar)(fc) && fc.value === null) && (out.functionConfig = fc.toJS(doc)), results && (out.results = results), out;
}
var expected = (found) => `expected a ResourceList (apiVersion: config.kubernetes.io/v1, kind: ResourceList, items: [...]) on standard input, as kpt and kustomize send it; found ${found}`;

// src/krm/results.ts
var import_yaml2 = __toESM(require_dist(), 1);
function about(item) {
  let out = {};
  return item?.apiVersion && item.kind && item.name && (out.resourceRef = { apiVersion: item.apiVersion, kind: item.kind, name: item.name }, item.namespace && (out.resourceRef.namespace = item.namespace)), item?.path && (out.file = { path: item.path, index: item.index ?? 0 }), out;
}
var OP = {
  set: "set",
  add: "add",
  append: "append to",
  remove: "remove",
  insert: "insert"
};
function changeResult(change, item) {
  let where = about(item), out = {
    message: redactSecretData(`${OP[change.op]}: ${change.reason}`),
    severity: "info",
    ...where
  };
  return where.resourceRef && (out.field = { path: change.path }, change.before !== void 0 && (out.field.currentValue = change.before), change.after !== void 0 && (out.field.proposedValue = change.after)), out;
}
function diagnosticResult(d, item) {
  return { message: redactSecretData(d.message), severity: d.severity, ...about(item) };
}
function resultsSplice(list, results, eol) {
  let { root, src } = list, range = (n) => n.range;
  if (results.length === 0) {
    if (!list.results || root.flow) return;
    let start = lineStartOf(src, range(list.results.key)[0]), value = list.results.value;
    return replaceRange(start, lineEndAfter(src, Math.max(start, (value?.range[1] ?? start + 1) - 1)), "");
  }
  if (root.flow) {
    let json = `"results": ${JSON.stringify(results)}`;
    if (list.results) return replaceRange(range(list.results.key)[0], range(list.results.value)[1], json);
    let at = root.range[1] - 1;
    for (; at > 0 && /\s/.test(src[at - 1]); ) at--;
    return insertAt(at, (src[at - 1] === "{" ? "" : ", ") + json);
  }
  let block = (0, import_yaml2.stringify)({ results }, { version: "1.1", lineWidth: 0 }).replace(/\n/g, eol);
  if (list.results) {
    let start = range(list.results.key)[0], value = list.results.value;
    return replaceRange(start, lineEndAfter(src, Math.max(start, (value?.range[1] ?? start) - 1)), block);
  }
  return insertAt(src.length, (src === "" || src.endsWith(`
`) ? "" : eol) + block);
}

// src/krm/splice-items.ts
var splitLines = (s) => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
function unindent(src, item, eol) {
  let original = splitLines(src.slice(item.start, item.end)), lines = original.map((line, i) => {
    if (i === 0) return line;
    let k = 0;
    for (; k < item.col && line[k] === " "; ) k++;
    return line.slice(k);
  }), last = lines.length - 1, addedBreak = last < 0 || !lines[last].endsWith(`
`);
  return addedBreak && lines.push(...last < 0 ? [eol] : [lines.pop() + eol]), { lines, original, addedBreak };
}
function reindent(u, migrated, col) {
  let out = splitLines(migrated);
  if (u.addedBreak) {
    let last = out.length - 1;
    if (last < 0 || !out[last].endsWith(`
`)) throw new InternalError("a migrated item lost its last line break");
    out[last] = out[last].replace(/\r?\n$/, ""), out[last] === "" && out.pop();
  }
  let a = u.addedBreak ? [...u.lines.slice(0, -1), u.lines[u.lines.length - 1].replace(/\r?\n$/, "")] : u.lines, kept = commonLines(a, out), pad = " ".repeat(col), text2 = "", next = 0;
  for (let [ai, bi] of [...kept, [a.length, out.length]]) {
    for (; next < bi; next++) {
      let line = out[next];
      text2 += next === 0 || /^\r?\n?$/.test(line) ? line : pad + line;
    }
    ai < a.length && (text2 += u.original[ai], next = bi + 1);
  }
  return text2;
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
function migrateItems(src, items, options, eol) {
  let docs = items.map((item) => unindent(src, item, eol)), separator = `---${eol}`, stream = docs.map((d) => d.lines.join("")).join(separator), firstLines = [];
  for (let i = 0, line = 1; i < docs.length; line += docs[i].lines.length + 1, i++) firstLines.push(line);
  let result = migrate(stream, { ...options, file: "<items>" }), changed = /* @__PURE__ */ new Map();
  if (result.status === "error" || result.output === stream) return { result, changed, firstLines };
  let starts = documentStarts(result.output);
  if (!starts || starts.length !== items.length)
    throw new InternalError(`the migrated items came back as ${starts?.length ?? "an unknown number of"} documents`);
  let inputs = docs.map((d) => d.lines.join(""));
  return starts.forEach((start, i) => {
    let doc = result.output.slice(start, starts[i + 1] ?? result.output.length);
    if (i > 0) {
      if (!doc.startsWith(separator)) throw new InternalError("a migrated item lost its document separator");
      doc = doc.slice(separator.length);
    }
    doc !== inputs[i] && changed.set(i, { text: reindent(docs[i], doc, items[i].col), document: doc });
  }), { result, changed, firstLines };
}
function itemDocument(src, item, eol) {
  return unindent(src, item, eol).lines.join("");
}

// src/cli/run-fn.ts
async function runFn(args, io) {
  let read = await readStdin(io.stdin, args.maxBytes);
  if ("error" in read) return invalid(io, read.error.message);
  let source = readSource(read.text), list;
  try {
    list = readResourceList(source.text);
  } catch (e) {
    if (!(e instanceof InvalidResourceList)) throw e;
    let where = e.line !== void 0 ? `<stdin>:${e.line}:${e.col}: ` : "";
    return invalid(io, `${where}${e.message}`);
  }
  let { src, items } = list, eol = source.eol, refuse = (results2) => {
    for (let r of results2.filter((r2) => r2.severity === "error")) io.stderr.write(`delegate-mtls fn: ${r.message}
`);
    let splice = resultsSplice(list, results2, eol);
    return io.stdout.write(writeSource(source, splice ? applySplices(src, [splice]) : src)), 1;
  }, options;
  try {
    let settings = mergeSettings(settingsFromConfig(list.functionConfig), args.settings), endpoint = settings.endpoint ?? args.envEndpoint;
    if (!endpoint)
      throw new FunctionConfigError(
        "no endpoint: set endpoint in the functionConfig (kpt fn eval \u2026 -- endpoint=https://acme.harness.io:8443), or give --endpoint, or set DELEGATE_MTLS_ENDPOINT"
      );
    options = resolveOptions({ ...settings, endpoint });
  } catch (e) {
    if (!(e instanceof FunctionConfigError || e instanceof UsageError)) throw e;
    return refuse([{ message: e.message, severity: "error" }]);
  }
  let migrated = migrateItems(src, items, options, eol), { result, firstLines } = migrated, itemOfLine = (line) => {
    if (line === void 0) return;
    let i = firstLines.length - 1;
    for (; i > 0 && firstLines[i] > line; ) i--;
    return items[i];
  }, diagnostics = result.diagnostics.map((d) => diagnosticResult(d, itemOfLine(d.line)));
  if (result.status === "error") {
    for (let d of result.diagnostics.filter((d2) => d2.severity === "error"))
      io.stderr.write(
        `delegate-mtls fn: ${formatDiagnostic({ code: d.code, severity: d.severity, message: d.message, file: describe(itemOfLine(d.line)) })}
`
      );
    let splice = resultsSplice(list, diagnostics, eol);
    return io.stdout.write(writeSource(source, splice ? applySplices(src, [splice]) : src)), 1;
  }
  let results = [...result.changes.map((c) => changeResult(c, items[c.resource.document])), ...diagnostics], splices = [...migrated.changed].map(([i, c]) => replaceRange(items[i].start, items[i].end, c.text)), last = resultsSplice(list, results, eol);
  last && splices.push(last);
  let out = applySplices(src, splices);
  return verify(out, migrated.changed, items.length, eol), io.stdout.write(writeSource(source, out)), 0;
}
function verify(out, changed, count, eol) {
  if (changed.size === 0) return;
  let again;
  try {
    again = readResourceList(out);
  } catch (e) {
    throw new InternalError(`the ResourceList written would not read back: ${e.message}`);
  }
  if (again.items.length !== count) throw new InternalError(`the ResourceList written has ${again.items.length} items`);
  for (let [i, c] of changed)
    if (itemDocument(out, again.items[i], eol) !== c.document)
      throw new InternalError(`item ${i} of the ResourceList written is not the migrated document`);
}
var describe = (item) => item ? `${item.path ?? "item"}${item.index !== void 0 ? `[${item.index}]` : ""} ${item.kind ?? ""}/${item.name ?? ""}` : "<stdin>";
function invalid(io, message) {
  io.stderr.write(`delegate-mtls fn: ${message}
`);
  let list = {
    apiVersion: "config.kubernetes.io/v1",
    kind: "ResourceList",
    items: [],
    results: [{ message, severity: "error" }]
  };
  return io.stdout.write((0, import_yaml3.stringify)(list, { version: "1.1", lineWidth: 0 })), 1;
}
export {
  runFn
};
