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

// src/io/live-temp-files.ts
function removeLiveTempFiles() {
  let removed = 0;
  for (let path of live)
    try {
      (0, import_node_fs.unlinkSync)(path), removed++;
    } catch {
    }
  return live.clear(), removed;
}
var import_node_fs, live, tempFileCreated, tempFileGone, init_live_temp_files = __esm({
  "src/io/live-temp-files.ts"() {
    "use strict";
    import_node_fs = require("node:fs"), live = /* @__PURE__ */ new Set(), tempFileCreated = (path) => {
      live.add(path);
    }, tempFileGone = (path) => {
      live.delete(path);
    };
  }
});

// src/errors.ts
function formatDiagnostic(d) {
  let where = d.file ?? "<input>";
  return d.line !== void 0 && (where += `:${d.line}` + (d.col !== void 0 ? `:${d.col}` : "")), `${where}: ${d.severity}: ${d.message}`;
}
var UsageError, InternalError, init_errors = __esm({
  "src/errors.ts"() {
    "use strict";
    UsageError = class extends Error {
      name = "UsageError";
    }, InternalError = class extends Error {
      name = "InternalError";
    };
  }
});

// node_modules/cliui/build/lib/index.js
function addBorder(col, ts, style) {
  return col.border ? /[.']-+[.']/.test(ts) ? "" : ts.trim().length !== 0 ? style : "  " : "";
}
function _minWidth(col) {
  let padding = col.padding || [], minWidth = 1 + (padding[left] || 0) + (padding[right] || 0);
  return col.border ? minWidth + 4 : minWidth;
}
function getWindowWidth() {
  return typeof process == "object" && process.stdout && process.stdout.columns ? process.stdout.columns : 80;
}
function alignRight(str, width) {
  str = str.trim();
  let strWidth = mixin.stringWidth(str);
  return strWidth < width ? " ".repeat(width - strWidth) + str : str;
}
function alignCenter(str, width) {
  str = str.trim();
  let strWidth = mixin.stringWidth(str);
  return strWidth >= width ? str : " ".repeat(width - strWidth >> 1) + str;
}
function cliui(opts, _mixin) {
  return mixin = _mixin, new UI({
    width: opts?.width || getWindowWidth(),
    wrap: opts?.wrap
  });
}
var align, top, right, bottom, left, UI, mixin, init_lib = __esm({
  "node_modules/cliui/build/lib/index.js"() {
    "use strict";
    align = {
      right: alignRight,
      center: alignCenter
    }, top = 0, right = 1, bottom = 2, left = 3, UI = class {
      constructor(opts) {
        var _a2;
        this.width = opts.width, this.wrap = (_a2 = opts.wrap) !== null && _a2 !== void 0 ? _a2 : !0, this.rows = [];
      }
      span(...args) {
        let cols = this.div(...args);
        cols.span = !0;
      }
      resetOutput() {
        this.rows = [];
      }
      div(...args) {
        if (args.length === 0 && this.div(""), this.wrap && this.shouldApplyLayoutDSL(...args) && typeof args[0] == "string")
          return this.applyLayoutDSL(args[0]);
        let cols = args.map((arg) => typeof arg == "string" ? this.colFromString(arg) : arg);
        return this.rows.push(cols), cols;
      }
      shouldApplyLayoutDSL(...args) {
        return args.length === 1 && typeof args[0] == "string" && /[\t\n]/.test(args[0]);
      }
      applyLayoutDSL(str) {
        let rows = str.split(`
`).map((row) => row.split("	")), leftColumnWidth = 0;
        return rows.forEach((columns) => {
          columns.length > 1 && mixin.stringWidth(columns[0]) > leftColumnWidth && (leftColumnWidth = Math.min(Math.floor(this.width * 0.5), mixin.stringWidth(columns[0])));
        }), rows.forEach((columns) => {
          this.div(...columns.map((r, i) => ({
            text: r.trim(),
            padding: this.measurePadding(r),
            width: i === 0 && columns.length > 1 ? leftColumnWidth : void 0
          })));
        }), this.rows[this.rows.length - 1];
      }
      colFromString(text2) {
        return {
          text: text2,
          padding: this.measurePadding(text2)
        };
      }
      measurePadding(str) {
        let noAnsi = mixin.stripAnsi(str);
        return [0, noAnsi.match(/\s*$/)[0].length, 0, noAnsi.match(/^\s*/)[0].length];
      }
      toString() {
        let lines = [];
        return this.rows.forEach((row) => {
          this.rowToString(row, lines);
        }), lines.filter((line) => !line.hidden).map((line) => line.text).join(`
`);
      }
      rowToString(row, lines) {
        return this.rasterize(row).forEach((rrow, r) => {
          let str = "";
          rrow.forEach((col, c) => {
            let { width } = row[c], wrapWidth = this.negatePadding(row[c]), ts = col;
            if (wrapWidth > mixin.stringWidth(col) && (ts += " ".repeat(wrapWidth - mixin.stringWidth(col))), row[c].align && row[c].align !== "left" && this.wrap) {
              let fn = align[row[c].align];
              ts = fn(ts, wrapWidth), mixin.stringWidth(ts) < wrapWidth && (ts += " ".repeat((width || 0) - mixin.stringWidth(ts) - 1));
            }
            let padding = row[c].padding || [0, 0, 0, 0];
            padding[left] && (str += " ".repeat(padding[left])), str += addBorder(row[c], ts, "| "), str += ts, str += addBorder(row[c], ts, " |"), padding[right] && (str += " ".repeat(padding[right])), r === 0 && lines.length > 0 && (str = this.renderInline(str, lines[lines.length - 1]));
          }), lines.push({
            text: str.replace(/ +$/, ""),
            span: row.span
          });
        }), lines;
      }
      // if the full 'source' can render in
      // the target line, do so.
      renderInline(source, previousLine) {
        let match = source.match(/^ */), leadingWhitespace = match ? match[0].length : 0, target = previousLine.text, targetTextWidth = mixin.stringWidth(target.trimRight());
        return previousLine.span ? this.wrap ? leadingWhitespace < targetTextWidth ? source : (previousLine.hidden = !0, target.trimRight() + " ".repeat(leadingWhitespace - targetTextWidth) + source.trimLeft()) : (previousLine.hidden = !0, target + source) : source;
      }
      rasterize(row) {
        let rrows = [], widths = this.columnWidths(row), wrapped;
        return row.forEach((col, c) => {
          col.width = widths[c], this.wrap ? wrapped = mixin.wrap(col.text, this.negatePadding(col), { hard: !0 }).split(`
`) : wrapped = col.text.split(`
`), col.border && (wrapped.unshift("." + "-".repeat(this.negatePadding(col) + 2) + "."), wrapped.push("'" + "-".repeat(this.negatePadding(col) + 2) + "'")), col.padding && (wrapped.unshift(...new Array(col.padding[top] || 0).fill("")), wrapped.push(...new Array(col.padding[bottom] || 0).fill(""))), wrapped.forEach((str, r) => {
            rrows[r] || rrows.push([]);
            let rrow = rrows[r];
            for (let i = 0; i < c; i++)
              rrow[i] === void 0 && rrow.push("");
            rrow.push(str);
          });
        }), rrows;
      }
      negatePadding(col) {
        let wrapWidth = col.width || 0;
        return col.padding && (wrapWidth -= (col.padding[left] || 0) + (col.padding[right] || 0)), col.border && (wrapWidth -= 4), wrapWidth;
      }
      columnWidths(row) {
        if (!this.wrap)
          return row.map((col) => col.width || mixin.stringWidth(col.text));
        let unset = row.length, remainingWidth = this.width, widths = row.map((col) => {
          if (col.width)
            return unset--, remainingWidth -= col.width, col.width;
        }), unsetWidth = unset ? Math.floor(remainingWidth / unset) : 0;
        return widths.map((w, i) => w === void 0 ? Math.max(unsetWidth, _minWidth(row[i])) : w);
      }
    };
  }
});

// node_modules/cliui/build/lib/string-utils.js
function stripAnsi(str) {
  return str.replace(ansi, "");
}
function wrap(str, width) {
  let [start, end] = str.match(ansi) || ["", ""];
  str = stripAnsi(str);
  let wrapped = "";
  for (let i = 0; i < str.length; i++)
    i !== 0 && i % width === 0 && (wrapped += `
`), wrapped += str.charAt(i);
  return start && end && (wrapped = `${start}${wrapped}${end}`), wrapped;
}
var ansi, init_string_utils = __esm({
  "node_modules/cliui/build/lib/string-utils.js"() {
    ansi = new RegExp("\x1B(?:\\[(?:\\d+[ABCDEFGJKSTm]|\\d+;\\d+[Hfm]|\\d+;\\d+;\\d+m|6n|s|u|\\?25[lh])|\\w)", "g");
  }
});

// node_modules/cliui/index.mjs
function ui(opts) {
  return cliui(opts, {
    stringWidth: (str) => [...str].length,
    stripAnsi,
    wrap
  });
}
var init_cliui = __esm({
  "node_modules/cliui/index.mjs"() {
    init_lib();
    init_string_utils();
  }
});

// node_modules/escalade/sync/index.mjs
function sync_default(start, callback) {
  let dir = (0, import_path.resolve)(".", start), tmp;
  for ((0, import_fs.statSync)(dir).isDirectory() || (dir = (0, import_path.dirname)(dir)); ; ) {
    if (tmp = callback(dir, (0, import_fs.readdirSync)(dir)), tmp) return (0, import_path.resolve)(dir, tmp);
    if (dir = (0, import_path.dirname)(tmp = dir), tmp === dir) break;
  }
}
var import_path, import_fs, init_sync = __esm({
  "node_modules/escalade/sync/index.mjs"() {
    import_path = require("path"), import_fs = require("fs");
  }
});

// node_modules/yargs-parser/build/lib/string-utils.js
function camelCase(str) {
  if (str !== str.toLowerCase() && str !== str.toUpperCase() || (str = str.toLowerCase()), str.indexOf("-") === -1 && str.indexOf("_") === -1)
    return str;
  {
    let camelcase = "", nextChrUpper = !1, leadingHyphens = str.match(/^-+/);
    for (let i = leadingHyphens ? leadingHyphens[0].length : 0; i < str.length; i++) {
      let chr = str.charAt(i);
      nextChrUpper && (nextChrUpper = !1, chr = chr.toUpperCase()), i !== 0 && (chr === "-" || chr === "_") ? nextChrUpper = !0 : chr !== "-" && chr !== "_" && (camelcase += chr);
    }
    return camelcase;
  }
}
function decamelize(str, joinString) {
  let lowercase = str.toLowerCase();
  joinString = joinString || "-";
  let notCamelcase = "";
  for (let i = 0; i < str.length; i++) {
    let chrLower = lowercase.charAt(i), chrString = str.charAt(i);
    chrLower !== chrString && i > 0 ? notCamelcase += `${joinString}${lowercase.charAt(i)}` : notCamelcase += chrString;
  }
  return notCamelcase;
}
function looksLikeNumber(x) {
  return x == null ? !1 : typeof x == "number" || /^0x[0-9a-f]+$/i.test(x) ? !0 : /^0[^.]/.test(x) ? !1 : /^[-]?(?:\d+(?:\.\d*)?|\.\d+)(e[-+]?\d+)?$/.test(x);
}
var init_string_utils2 = __esm({
  "node_modules/yargs-parser/build/lib/string-utils.js"() {
  }
});

// node_modules/yargs-parser/build/lib/tokenize-arg-string.js
function tokenizeArgString(argString) {
  if (Array.isArray(argString))
    return argString.map((e) => typeof e != "string" ? e + "" : e);
  argString = argString.trim();
  let i = 0, prevC = null, c = null, opening = null, args = [];
  for (let ii = 0; ii < argString.length; ii++) {
    if (prevC = c, c = argString.charAt(ii), c === " " && !opening) {
      prevC !== " " && i++;
      continue;
    }
    c === opening ? opening = null : (c === "'" || c === '"') && !opening && (opening = c), args[i] || (args[i] = ""), args[i] += c;
  }
  return args;
}
var init_tokenize_arg_string = __esm({
  "node_modules/yargs-parser/build/lib/tokenize-arg-string.js"() {
  }
});

// node_modules/yargs-parser/build/lib/yargs-parser-types.js
var DefaultValuesForTypeKey, init_yargs_parser_types = __esm({
  "node_modules/yargs-parser/build/lib/yargs-parser-types.js"() {
    (function(DefaultValuesForTypeKey2) {
      DefaultValuesForTypeKey2.BOOLEAN = "boolean", DefaultValuesForTypeKey2.STRING = "string", DefaultValuesForTypeKey2.NUMBER = "number", DefaultValuesForTypeKey2.ARRAY = "array";
    })(DefaultValuesForTypeKey || (DefaultValuesForTypeKey = {}));
  }
});

// node_modules/yargs-parser/build/lib/yargs-parser.js
function combineAliases(aliases) {
  let aliasArrays = [], combined = /* @__PURE__ */ Object.create(null), change = !0;
  for (Object.keys(aliases).forEach(function(key) {
    aliasArrays.push([].concat(aliases[key], key));
  }); change; ) {
    change = !1;
    for (let i = 0; i < aliasArrays.length; i++)
      for (let ii = i + 1; ii < aliasArrays.length; ii++)
        if (aliasArrays[i].filter(function(v) {
          return aliasArrays[ii].indexOf(v) !== -1;
        }).length) {
          aliasArrays[i] = aliasArrays[i].concat(aliasArrays[ii]), aliasArrays.splice(ii, 1), change = !0;
          break;
        }
  }
  return aliasArrays.forEach(function(aliasArray) {
    aliasArray = aliasArray.filter(function(v, i, self) {
      return self.indexOf(v) === i;
    });
    let lastAlias = aliasArray.pop();
    lastAlias !== void 0 && typeof lastAlias == "string" && (combined[lastAlias] = aliasArray);
  }), combined;
}
function increment(orig) {
  return orig !== void 0 ? orig + 1 : 1;
}
function sanitizeKey(key) {
  return key === "__proto__" ? "___proto___" : key;
}
function stripQuotes(val) {
  return typeof val == "string" && (val[0] === "'" || val[0] === '"') && val[val.length - 1] === val[0] ? val.substring(1, val.length - 1) : val;
}
var mixin2, YargsParser, init_yargs_parser = __esm({
  "node_modules/yargs-parser/build/lib/yargs-parser.js"() {
    init_tokenize_arg_string();
    init_yargs_parser_types();
    init_string_utils2();
    YargsParser = class {
      constructor(_mixin) {
        mixin2 = _mixin;
      }
      parse(argsInput, options) {
        let opts = Object.assign({
          alias: void 0,
          array: void 0,
          boolean: void 0,
          config: void 0,
          configObjects: void 0,
          configuration: void 0,
          coerce: void 0,
          count: void 0,
          default: void 0,
          envPrefix: void 0,
          narg: void 0,
          normalize: void 0,
          string: void 0,
          number: void 0,
          __: void 0,
          key: void 0
        }, options), args = tokenizeArgString(argsInput), inputIsString = typeof argsInput == "string", aliases = combineAliases(Object.assign(/* @__PURE__ */ Object.create(null), opts.alias)), configuration = Object.assign({
          "boolean-negation": !0,
          "camel-case-expansion": !0,
          "combine-arrays": !1,
          "dot-notation": !0,
          "duplicate-arguments-array": !0,
          "flatten-duplicate-arrays": !0,
          "greedy-arrays": !0,
          "halt-at-non-option": !1,
          "nargs-eats-options": !1,
          "negation-prefix": "no-",
          "parse-numbers": !0,
          "parse-positional-numbers": !0,
          "populate--": !1,
          "set-placeholder-key": !1,
          "short-option-groups": !0,
          "strip-aliased": !1,
          "strip-dashed": !1,
          "unknown-options-as-args": !1
        }, opts.configuration), defaults = Object.assign(/* @__PURE__ */ Object.create(null), opts.default), configObjects = opts.configObjects || [], envPrefix = opts.envPrefix, notFlagsOption = configuration["populate--"], notFlagsArgv = notFlagsOption ? "--" : "_", newAliases = /* @__PURE__ */ Object.create(null), defaulted = /* @__PURE__ */ Object.create(null), __ = opts.__ || mixin2.format, flags = {
          aliases: /* @__PURE__ */ Object.create(null),
          arrays: /* @__PURE__ */ Object.create(null),
          bools: /* @__PURE__ */ Object.create(null),
          strings: /* @__PURE__ */ Object.create(null),
          numbers: /* @__PURE__ */ Object.create(null),
          counts: /* @__PURE__ */ Object.create(null),
          normalize: /* @__PURE__ */ Object.create(null),
          configs: /* @__PURE__ */ Object.create(null),
          nargs: /* @__PURE__ */ Object.create(null),
          coercions: /* @__PURE__ */ Object.create(null),
          keys: []
        }, negative = /^-([0-9]+(\.[0-9]+)?|\.[0-9]+)$/, negatedBoolean = new RegExp("^--" + configuration["negation-prefix"] + "(.+)");
        [].concat(opts.array || []).filter(Boolean).forEach(function(opt) {
          let key = typeof opt == "object" ? opt.key : opt, assignment = Object.keys(opt).map(function(key2) {
            return {
              boolean: "bools",
              string: "strings",
              number: "numbers"
            }[key2];
          }).filter(Boolean).pop();
          assignment && (flags[assignment][key] = !0), flags.arrays[key] = !0, flags.keys.push(key);
        }), [].concat(opts.boolean || []).filter(Boolean).forEach(function(key) {
          flags.bools[key] = !0, flags.keys.push(key);
        }), [].concat(opts.string || []).filter(Boolean).forEach(function(key) {
          flags.strings[key] = !0, flags.keys.push(key);
        }), [].concat(opts.number || []).filter(Boolean).forEach(function(key) {
          flags.numbers[key] = !0, flags.keys.push(key);
        }), [].concat(opts.count || []).filter(Boolean).forEach(function(key) {
          flags.counts[key] = !0, flags.keys.push(key);
        }), [].concat(opts.normalize || []).filter(Boolean).forEach(function(key) {
          flags.normalize[key] = !0, flags.keys.push(key);
        }), typeof opts.narg == "object" && Object.entries(opts.narg).forEach(([key, value]) => {
          typeof value == "number" && (flags.nargs[key] = value, flags.keys.push(key));
        }), typeof opts.coerce == "object" && Object.entries(opts.coerce).forEach(([key, value]) => {
          typeof value == "function" && (flags.coercions[key] = value, flags.keys.push(key));
        }), typeof opts.config < "u" && (Array.isArray(opts.config) || typeof opts.config == "string" ? [].concat(opts.config).filter(Boolean).forEach(function(key) {
          flags.configs[key] = !0;
        }) : typeof opts.config == "object" && Object.entries(opts.config).forEach(([key, value]) => {
          (typeof value == "boolean" || typeof value == "function") && (flags.configs[key] = value);
        })), extendAliases(opts.key, aliases, opts.default, flags.arrays), Object.keys(defaults).forEach(function(key) {
          (flags.aliases[key] || []).forEach(function(alias) {
            defaults[alias] = defaults[key];
          });
        });
        let error = null;
        checkConfiguration();
        let notFlags = [], argv = Object.assign(/* @__PURE__ */ Object.create(null), { _: [] }), argvReturn = {};
        for (let i = 0; i < args.length; i++) {
          let arg = args[i], truncatedArg = arg.replace(/^-{3,}/, "---"), broken, key, letters, m, next, value;
          if (arg !== "--" && /^-/.test(arg) && isUnknownOptionAsArg(arg))
            pushPositional(arg);
          else if (truncatedArg.match(/^---+(=|$)/)) {
            pushPositional(arg);
            continue;
          } else if (arg.match(/^--.+=/) || !configuration["short-option-groups"] && arg.match(/^-.+=/))
            m = arg.match(/^--?([^=]+)=([\s\S]*)$/), m !== null && Array.isArray(m) && m.length >= 3 && (checkAllAliases(m[1], flags.arrays) ? i = eatArray(i, m[1], args, m[2]) : checkAllAliases(m[1], flags.nargs) !== !1 ? i = eatNargs(i, m[1], args, m[2]) : setArg(m[1], m[2], !0));
          else if (arg.match(negatedBoolean) && configuration["boolean-negation"])
            m = arg.match(negatedBoolean), m !== null && Array.isArray(m) && m.length >= 2 && (key = m[1], setArg(key, checkAllAliases(key, flags.arrays) ? [!1] : !1));
          else if (arg.match(/^--.+/) || !configuration["short-option-groups"] && arg.match(/^-[^-]+/))
            m = arg.match(/^--?(.+)/), m !== null && Array.isArray(m) && m.length >= 2 && (key = m[1], checkAllAliases(key, flags.arrays) ? i = eatArray(i, key, args) : checkAllAliases(key, flags.nargs) !== !1 ? i = eatNargs(i, key, args) : (next = args[i + 1], next !== void 0 && (!next.match(/^-/) || next.match(negative)) && !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts) || /^(true|false)$/.test(next) ? (setArg(key, next), i++) : setArg(key, defaultValue(key))));
          else if (arg.match(/^-.\..+=/))
            m = arg.match(/^-([^=]+)=([\s\S]*)$/), m !== null && Array.isArray(m) && m.length >= 3 && setArg(m[1], m[2]);
          else if (arg.match(/^-.\..+/) && !arg.match(negative))
            next = args[i + 1], m = arg.match(/^-(.\..+)/), m !== null && Array.isArray(m) && m.length >= 2 && (key = m[1], next !== void 0 && !next.match(/^-/) && !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts) ? (setArg(key, next), i++) : setArg(key, defaultValue(key)));
          else if (arg.match(/^-[^-]+/) && !arg.match(negative)) {
            letters = arg.slice(1, -1).split(""), broken = !1;
            for (let j = 0; j < letters.length; j++) {
              if (next = arg.slice(j + 2), letters[j + 1] && letters[j + 1] === "=") {
                value = arg.slice(j + 3), key = letters[j], checkAllAliases(key, flags.arrays) ? i = eatArray(i, key, args, value) : checkAllAliases(key, flags.nargs) !== !1 ? i = eatNargs(i, key, args, value) : setArg(key, value), broken = !0;
                break;
              }
              if (next === "-") {
                setArg(letters[j], next);
                continue;
              }
              if (/[A-Za-z]/.test(letters[j]) && /^-?\d+(\.\d*)?(e-?\d+)?$/.test(next) && checkAllAliases(next, flags.bools) === !1) {
                setArg(letters[j], next), broken = !0;
                break;
              }
              if (letters[j + 1] && letters[j + 1].match(/\W/)) {
                setArg(letters[j], next), broken = !0;
                break;
              } else
                setArg(letters[j], defaultValue(letters[j]));
            }
            key = arg.slice(-1)[0], !broken && key !== "-" && (checkAllAliases(key, flags.arrays) ? i = eatArray(i, key, args) : checkAllAliases(key, flags.nargs) !== !1 ? i = eatNargs(i, key, args) : (next = args[i + 1], next !== void 0 && (!/^(-|--)[^-]/.test(next) || next.match(negative)) && !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts) || /^(true|false)$/.test(next) ? (setArg(key, next), i++) : setArg(key, defaultValue(key))));
          } else if (arg.match(/^-[0-9]$/) && arg.match(negative) && checkAllAliases(arg.slice(1), flags.bools))
            key = arg.slice(1), setArg(key, defaultValue(key));
          else if (arg === "--") {
            notFlags = args.slice(i + 1);
            break;
          } else if (configuration["halt-at-non-option"]) {
            notFlags = args.slice(i);
            break;
          } else
            pushPositional(arg);
        }
        applyEnvVars(argv, !0), applyEnvVars(argv, !1), setConfig(argv), setConfigObjects(), applyDefaultsAndAliases(argv, flags.aliases, defaults, !0), applyCoercions(argv), configuration["set-placeholder-key"] && setPlaceholderKeys(argv), Object.keys(flags.counts).forEach(function(key) {
          hasKey(argv, key.split(".")) || setArg(key, 0);
        }), notFlagsOption && notFlags.length && (argv[notFlagsArgv] = []), notFlags.forEach(function(key) {
          argv[notFlagsArgv].push(key);
        }), configuration["camel-case-expansion"] && configuration["strip-dashed"] && Object.keys(argv).filter((key) => key !== "--" && key.includes("-")).forEach((key) => {
          delete argv[key];
        }), configuration["strip-aliased"] && [].concat(...Object.keys(aliases).map((k) => aliases[k])).forEach((alias) => {
          configuration["camel-case-expansion"] && alias.includes("-") && delete argv[alias.split(".").map((prop) => camelCase(prop)).join(".")], delete argv[alias];
        });
        function pushPositional(arg) {
          let maybeCoercedNumber = maybeCoerceNumber("_", arg);
          (typeof maybeCoercedNumber == "string" || typeof maybeCoercedNumber == "number") && argv._.push(maybeCoercedNumber);
        }
        function eatNargs(i, key, args2, argAfterEqualSign) {
          let ii, toEat = checkAllAliases(key, flags.nargs);
          if (toEat = typeof toEat != "number" || isNaN(toEat) ? 1 : toEat, toEat === 0)
            return isUndefined(argAfterEqualSign) || (error = Error(__("Argument unexpected for: %s", key))), setArg(key, defaultValue(key)), i;
          let available = isUndefined(argAfterEqualSign) ? 0 : 1;
          if (configuration["nargs-eats-options"])
            args2.length - (i + 1) + available < toEat && (error = Error(__("Not enough arguments following: %s", key))), available = toEat;
          else {
            for (ii = i + 1; ii < args2.length && (!args2[ii].match(/^-[^0-9]/) || args2[ii].match(negative) || isUnknownOptionAsArg(args2[ii])); ii++)
              available++;
            available < toEat && (error = Error(__("Not enough arguments following: %s", key)));
          }
          let consumed = Math.min(available, toEat);
          for (!isUndefined(argAfterEqualSign) && consumed > 0 && (setArg(key, argAfterEqualSign), consumed--), ii = i + 1; ii < consumed + i + 1; ii++)
            setArg(key, args2[ii]);
          return i + consumed;
        }
        function eatArray(i, key, args2, argAfterEqualSign) {
          let argsToSet = [], next = argAfterEqualSign || args2[i + 1], nargsCount = checkAllAliases(key, flags.nargs);
          if (checkAllAliases(key, flags.bools) && !/^(true|false)$/.test(next))
            argsToSet.push(!0);
          else if (isUndefined(next) || isUndefined(argAfterEqualSign) && /^-/.test(next) && !negative.test(next) && !isUnknownOptionAsArg(next)) {
            if (defaults[key] !== void 0) {
              let defVal = defaults[key];
              argsToSet = Array.isArray(defVal) ? defVal : [defVal];
            }
          } else {
            isUndefined(argAfterEqualSign) || argsToSet.push(processValue(key, argAfterEqualSign, !0));
            for (let ii = i + 1; ii < args2.length && !(!configuration["greedy-arrays"] && argsToSet.length > 0 || nargsCount && typeof nargsCount == "number" && argsToSet.length >= nargsCount || (next = args2[ii], /^-/.test(next) && !negative.test(next) && !isUnknownOptionAsArg(next))); ii++)
              i = ii, argsToSet.push(processValue(key, next, inputIsString));
          }
          return typeof nargsCount == "number" && (nargsCount && argsToSet.length < nargsCount || isNaN(nargsCount) && argsToSet.length === 0) && (error = Error(__("Not enough arguments following: %s", key))), setArg(key, argsToSet), i;
        }
        function setArg(key, val, shouldStripQuotes = inputIsString) {
          if (/-/.test(key) && configuration["camel-case-expansion"]) {
            let alias = key.split(".").map(function(prop) {
              return camelCase(prop);
            }).join(".");
            addNewAlias(key, alias);
          }
          let value = processValue(key, val, shouldStripQuotes), splitKey = key.split(".");
          setKey(argv, splitKey, value), flags.aliases[key] && flags.aliases[key].forEach(function(x) {
            let keyProperties = x.split(".");
            setKey(argv, keyProperties, value);
          }), splitKey.length > 1 && configuration["dot-notation"] && (flags.aliases[splitKey[0]] || []).forEach(function(x) {
            let keyProperties = x.split("."), a = [].concat(splitKey);
            a.shift(), keyProperties = keyProperties.concat(a), (flags.aliases[key] || []).includes(keyProperties.join(".")) || setKey(argv, keyProperties, value);
          }), checkAllAliases(key, flags.normalize) && !checkAllAliases(key, flags.arrays) && [key].concat(flags.aliases[key] || []).forEach(function(key2) {
            Object.defineProperty(argvReturn, key2, {
              enumerable: !0,
              get() {
                return val;
              },
              set(value2) {
                val = typeof value2 == "string" ? mixin2.normalize(value2) : value2;
              }
            });
          });
        }
        function addNewAlias(key, alias) {
          flags.aliases[key] && flags.aliases[key].length || (flags.aliases[key] = [alias], newAliases[alias] = !0), flags.aliases[alias] && flags.aliases[alias].length || addNewAlias(alias, key);
        }
        function processValue(key, val, shouldStripQuotes) {
          shouldStripQuotes && (val = stripQuotes(val)), (checkAllAliases(key, flags.bools) || checkAllAliases(key, flags.counts)) && typeof val == "string" && (val = val === "true");
          let value = Array.isArray(val) ? val.map(function(v) {
            return maybeCoerceNumber(key, v);
          }) : maybeCoerceNumber(key, val);
          return checkAllAliases(key, flags.counts) && (isUndefined(value) || typeof value == "boolean") && (value = increment()), checkAllAliases(key, flags.normalize) && checkAllAliases(key, flags.arrays) && (Array.isArray(val) ? value = val.map((val2) => mixin2.normalize(val2)) : value = mixin2.normalize(val)), value;
        }
        function maybeCoerceNumber(key, value) {
          return !configuration["parse-positional-numbers"] && key === "_" || !checkAllAliases(key, flags.strings) && !checkAllAliases(key, flags.bools) && !Array.isArray(value) && (looksLikeNumber(value) && configuration["parse-numbers"] && Number.isSafeInteger(Math.floor(parseFloat(`${value}`))) || !isUndefined(value) && checkAllAliases(key, flags.numbers)) && (value = Number(value)), value;
        }
        function setConfig(argv2) {
          let configLookup = /* @__PURE__ */ Object.create(null);
          applyDefaultsAndAliases(configLookup, flags.aliases, defaults), Object.keys(flags.configs).forEach(function(configKey) {
            let configPath = argv2[configKey] || configLookup[configKey];
            if (configPath)
              try {
                let config = null, resolvedConfigPath = mixin2.resolve(mixin2.cwd(), configPath), resolveConfig = flags.configs[configKey];
                if (typeof resolveConfig == "function") {
                  try {
                    config = resolveConfig(resolvedConfigPath);
                  } catch (e) {
                    config = e;
                  }
                  if (config instanceof Error) {
                    error = config;
                    return;
                  }
                } else
                  config = mixin2.require(resolvedConfigPath);
                setConfigObject(config);
              } catch (ex) {
                ex.name === "PermissionDenied" ? error = ex : argv2[configKey] && (error = Error(__("Invalid JSON config file: %s", configPath)));
              }
          });
        }
        function setConfigObject(config, prev) {
          Object.keys(config).forEach(function(key) {
            let value = config[key], fullKey = prev ? prev + "." + key : key;
            typeof value == "object" && value !== null && !Array.isArray(value) && configuration["dot-notation"] ? setConfigObject(value, fullKey) : (!hasKey(argv, fullKey.split(".")) || checkAllAliases(fullKey, flags.arrays) && configuration["combine-arrays"]) && setArg(fullKey, value);
          });
        }
        function setConfigObjects() {
          typeof configObjects < "u" && configObjects.forEach(function(configObject) {
            setConfigObject(configObject);
          });
        }
        function applyEnvVars(argv2, configOnly) {
          if (typeof envPrefix > "u")
            return;
          let prefix = typeof envPrefix == "string" ? envPrefix : "", env2 = mixin2.env();
          Object.keys(env2).forEach(function(envVar) {
            if (prefix === "" || envVar.lastIndexOf(prefix, 0) === 0) {
              let keys = envVar.split("__").map(function(key, i) {
                return i === 0 && (key = key.substring(prefix.length)), camelCase(key);
              });
              (configOnly && flags.configs[keys.join(".")] || !configOnly) && !hasKey(argv2, keys) && setArg(keys.join("."), env2[envVar]);
            }
          });
        }
        function applyCoercions(argv2) {
          let coerce, applied = /* @__PURE__ */ new Set();
          Object.keys(argv2).forEach(function(key) {
            if (!applied.has(key) && (coerce = checkAllAliases(key, flags.coercions), typeof coerce == "function"))
              try {
                let value = maybeCoerceNumber(key, coerce(argv2[key]));
                [].concat(flags.aliases[key] || [], key).forEach((ali) => {
                  applied.add(ali), argv2[ali] = value;
                });
              } catch (err) {
                error = err;
              }
          });
        }
        function setPlaceholderKeys(argv2) {
          return flags.keys.forEach((key) => {
            ~key.indexOf(".") || typeof argv2[key] > "u" && (argv2[key] = void 0);
          }), argv2;
        }
        function applyDefaultsAndAliases(obj, aliases2, defaults2, canLog = !1) {
          Object.keys(defaults2).forEach(function(key) {
            hasKey(obj, key.split(".")) || (setKey(obj, key.split("."), defaults2[key]), canLog && (defaulted[key] = !0), (aliases2[key] || []).forEach(function(x) {
              hasKey(obj, x.split(".")) || setKey(obj, x.split("."), defaults2[key]);
            }));
          });
        }
        function hasKey(obj, keys) {
          let o = obj;
          configuration["dot-notation"] || (keys = [keys.join(".")]), keys.slice(0, -1).forEach(function(key2) {
            o = o[key2] || {};
          });
          let key = keys[keys.length - 1];
          return typeof o != "object" ? !1 : key in o;
        }
        function setKey(obj, keys, value) {
          let o = obj;
          configuration["dot-notation"] || (keys = [keys.join(".")]), keys.slice(0, -1).forEach(function(key2) {
            key2 = sanitizeKey(key2), typeof o == "object" && o[key2] === void 0 && (o[key2] = {}), typeof o[key2] != "object" || Array.isArray(o[key2]) ? (Array.isArray(o[key2]) ? o[key2].push({}) : o[key2] = [o[key2], {}], o = o[key2][o[key2].length - 1]) : o = o[key2];
          });
          let key = sanitizeKey(keys[keys.length - 1]), isTypeArray = checkAllAliases(keys.join("."), flags.arrays), isValueArray = Array.isArray(value), duplicate = configuration["duplicate-arguments-array"];
          !duplicate && checkAllAliases(key, flags.nargs) && (duplicate = !0, (!isUndefined(o[key]) && flags.nargs[key] === 1 || Array.isArray(o[key]) && o[key].length === flags.nargs[key]) && (o[key] = void 0)), value === increment() ? o[key] = increment(o[key]) : Array.isArray(o[key]) ? duplicate && isTypeArray && isValueArray ? o[key] = configuration["flatten-duplicate-arrays"] ? o[key].concat(value) : (Array.isArray(o[key][0]) ? o[key] : [o[key]]).concat([value]) : !duplicate && !!isTypeArray == !!isValueArray ? o[key] = value : o[key] = o[key].concat([value]) : o[key] === void 0 && isTypeArray ? o[key] = isValueArray ? value : [value] : duplicate && !(o[key] === void 0 || checkAllAliases(key, flags.counts) || checkAllAliases(key, flags.bools)) ? o[key] = [o[key], value] : o[key] = value;
        }
        function extendAliases(...args2) {
          args2.forEach(function(obj) {
            Object.keys(obj || {}).forEach(function(key) {
              flags.aliases[key] || (flags.aliases[key] = [].concat(aliases[key] || []), flags.aliases[key].concat(key).forEach(function(x) {
                if (/-/.test(x) && configuration["camel-case-expansion"]) {
                  let c = camelCase(x);
                  c !== key && flags.aliases[key].indexOf(c) === -1 && (flags.aliases[key].push(c), newAliases[c] = !0);
                }
              }), flags.aliases[key].concat(key).forEach(function(x) {
                if (x.length > 1 && /[A-Z]/.test(x) && configuration["camel-case-expansion"]) {
                  let c = decamelize(x, "-");
                  c !== key && flags.aliases[key].indexOf(c) === -1 && (flags.aliases[key].push(c), newAliases[c] = !0);
                }
              }), flags.aliases[key].forEach(function(x) {
                flags.aliases[x] = [key].concat(flags.aliases[key].filter(function(y) {
                  return x !== y;
                }));
              }));
            });
          });
        }
        function checkAllAliases(key, flag) {
          let toCheck = [].concat(flags.aliases[key] || [], key), keys = Object.keys(flag), setAlias = toCheck.find((key2) => keys.includes(key2));
          return setAlias ? flag[setAlias] : !1;
        }
        function hasAnyFlag(key) {
          let flagsKeys = Object.keys(flags);
          return [].concat(flagsKeys.map((k) => flags[k])).some(function(flag) {
            return Array.isArray(flag) ? flag.includes(key) : flag[key];
          });
        }
        function hasFlagsMatching(arg, ...patterns) {
          return [].concat(...patterns).some(function(pattern) {
            let match = arg.match(pattern);
            return match && hasAnyFlag(match[1]);
          });
        }
        function hasAllShortFlags(arg) {
          if (arg.match(negative) || !arg.match(/^-[^-]+/))
            return !1;
          let hasAllFlags = !0, next, letters = arg.slice(1).split("");
          for (let j = 0; j < letters.length; j++) {
            if (next = arg.slice(j + 2), !hasAnyFlag(letters[j])) {
              hasAllFlags = !1;
              break;
            }
            if (letters[j + 1] && letters[j + 1] === "=" || next === "-" || /[A-Za-z]/.test(letters[j]) && /^-?\d+(\.\d*)?(e-?\d+)?$/.test(next) || letters[j + 1] && letters[j + 1].match(/\W/))
              break;
          }
          return hasAllFlags;
        }
        function isUnknownOptionAsArg(arg) {
          return configuration["unknown-options-as-args"] && isUnknownOption(arg);
        }
        function isUnknownOption(arg) {
          return arg = arg.replace(/^-{3,}/, "--"), arg.match(negative) || hasAllShortFlags(arg) ? !1 : !hasFlagsMatching(arg, /^-+([^=]+?)=[\s\S]*$/, negatedBoolean, /^-+([^=]+?)$/, /^-+([^=]+?)-$/, /^-+([^=]+?\d+)$/, /^-+([^=]+?)\W+.*$/);
        }
        function defaultValue(key) {
          return !checkAllAliases(key, flags.bools) && !checkAllAliases(key, flags.counts) && `${key}` in defaults ? defaults[key] : defaultForType(guessType2(key));
        }
        function defaultForType(type) {
          return {
            [DefaultValuesForTypeKey.BOOLEAN]: !0,
            [DefaultValuesForTypeKey.STRING]: "",
            [DefaultValuesForTypeKey.NUMBER]: void 0,
            [DefaultValuesForTypeKey.ARRAY]: []
          }[type];
        }
        function guessType2(key) {
          let type = DefaultValuesForTypeKey.BOOLEAN;
          return checkAllAliases(key, flags.strings) ? type = DefaultValuesForTypeKey.STRING : checkAllAliases(key, flags.numbers) ? type = DefaultValuesForTypeKey.NUMBER : checkAllAliases(key, flags.bools) ? type = DefaultValuesForTypeKey.BOOLEAN : checkAllAliases(key, flags.arrays) && (type = DefaultValuesForTypeKey.ARRAY), type;
        }
        function isUndefined(num) {
          return num === void 0;
        }
        function checkConfiguration() {
          Object.keys(flags.counts).find((key) => checkAllAliases(key, flags.arrays) ? (error = Error(__("Invalid configuration: %s, opts.count excludes opts.array.", key)), !0) : checkAllAliases(key, flags.nargs) ? (error = Error(__("Invalid configuration: %s, opts.count excludes opts.narg.", key)), !0) : !1);
        }
        return {
          aliases: Object.assign({}, flags.aliases),
          argv: Object.assign(argvReturn, argv),
          configuration,
          defaulted: Object.assign({}, defaulted),
          error,
          newAliases: Object.assign({}, newAliases)
        };
      }
    };
  }
});

// node_modules/yargs-parser/build/lib/index.js
var import_util, import_path2, import_fs2, _a, _b, _c, minNodeVersion, nodeVersion, env, parser, yargsParser, lib_default, init_lib2 = __esm({
  "node_modules/yargs-parser/build/lib/index.js"() {
    import_util = require("util"), import_path2 = require("path");
    init_string_utils2();
    init_yargs_parser();
    import_fs2 = require("fs");
    minNodeVersion = process && process.env && process.env.YARGS_MIN_NODE_VERSION ? Number(process.env.YARGS_MIN_NODE_VERSION) : 12, nodeVersion = (_b = (_a = process == null ? void 0 : process.versions) === null || _a === void 0 ? void 0 : _a.node) !== null && _b !== void 0 ? _b : (_c = process == null ? void 0 : process.version) === null || _c === void 0 ? void 0 : _c.slice(1);
    if (nodeVersion && Number(nodeVersion.match(/^([^.]+)/)[1]) < minNodeVersion)
      throw Error(`yargs parser supports a minimum Node.js version of ${minNodeVersion}. Read our version support policy: https://github.com/yargs/yargs-parser#supported-nodejs-versions`);
    env = process ? process.env : {}, parser = new YargsParser({
      cwd: process.cwd,
      env: () => env,
      format: import_util.format,
      normalize: import_path2.normalize,
      resolve: import_path2.resolve,
      // TODO: figure  out a  way to combine ESM and CJS coverage, such  that
      // we can exercise all the lines below:
      require: (path) => {
        if (typeof require < "u")
          return require(path);
        if (path.match(/\.json$/))
          return JSON.parse((0, import_fs2.readFileSync)(path, "utf8"));
        throw Error("only .json config files are supported in ESM");
      }
    }), yargsParser = function(args, opts) {
      return parser.parse(args.slice(), opts).argv;
    };
    yargsParser.detailed = function(args, opts) {
      return parser.parse(args.slice(), opts);
    };
    yargsParser.camelCase = camelCase;
    yargsParser.decamelize = decamelize;
    yargsParser.looksLikeNumber = looksLikeNumber;
    lib_default = yargsParser;
  }
});

// node_modules/yargs/build/lib/utils/process-argv.js
function getProcessArgvBinIndex() {
  return isBundledElectronApp() ? 0 : 1;
}
function isBundledElectronApp() {
  return isElectronApp() && !process.defaultApp;
}
function isElectronApp() {
  return !!process.versions.electron;
}
function getProcessArgvBin() {
  return process.argv[getProcessArgvBinIndex()];
}
var init_process_argv = __esm({
  "node_modules/yargs/build/lib/utils/process-argv.js"() {
  }
});

// node_modules/yargs/build/lib/yerror.js
var YError, init_yerror = __esm({
  "node_modules/yargs/build/lib/yerror.js"() {
    YError = class _YError extends Error {
      constructor(msg) {
        super(msg || "yargs error"), this.name = "YError", Error.captureStackTrace && Error.captureStackTrace(this, _YError);
      }
    };
  }
});

// node_modules/y18n/build/lib/platform-shims/node.js
var import_fs3, import_util2, import_path3, node_default, init_node = __esm({
  "node_modules/y18n/build/lib/platform-shims/node.js"() {
    import_fs3 = require("fs"), import_util2 = require("util"), import_path3 = require("path"), node_default = {
      fs: {
        readFileSync: import_fs3.readFileSync,
        writeFile: import_fs3.writeFile
      },
      format: import_util2.format,
      resolve: import_path3.resolve,
      exists: (file) => {
        try {
          return (0, import_fs3.statSync)(file).isFile();
        } catch {
          return !1;
        }
      }
    };
  }
});

// node_modules/y18n/build/lib/index.js
function y18n(opts, _shim) {
  shim = _shim;
  let y18n3 = new Y18N(opts);
  return {
    __: y18n3.__.bind(y18n3),
    __n: y18n3.__n.bind(y18n3),
    setLocale: y18n3.setLocale.bind(y18n3),
    getLocale: y18n3.getLocale.bind(y18n3),
    updateLocale: y18n3.updateLocale.bind(y18n3),
    locale: y18n3.locale
  };
}
var shim, Y18N, init_lib3 = __esm({
  "node_modules/y18n/build/lib/index.js"() {
    Y18N = class {
      constructor(opts) {
        opts = opts || {}, this.directory = opts.directory || "./locales", this.updateFiles = typeof opts.updateFiles == "boolean" ? opts.updateFiles : !0, this.locale = opts.locale || "en", this.fallbackToLanguage = typeof opts.fallbackToLanguage == "boolean" ? opts.fallbackToLanguage : !0, this.cache = /* @__PURE__ */ Object.create(null), this.writeQueue = [];
      }
      __(...args) {
        if (typeof arguments[0] != "string")
          return this._taggedLiteral(arguments[0], ...arguments);
        let str = args.shift(), cb = function() {
        };
        return typeof args[args.length - 1] == "function" && (cb = args.pop()), cb = cb || function() {
        }, this.cache[this.locale] || this._readLocaleFile(), !this.cache[this.locale][str] && this.updateFiles ? (this.cache[this.locale][str] = str, this._enqueueWrite({
          directory: this.directory,
          locale: this.locale,
          cb
        })) : cb(), shim.format.apply(shim.format, [this.cache[this.locale][str] || str].concat(args));
      }
      __n() {
        let args = Array.prototype.slice.call(arguments), singular = args.shift(), plural = args.shift(), quantity = args.shift(), cb = function() {
        };
        typeof args[args.length - 1] == "function" && (cb = args.pop()), this.cache[this.locale] || this._readLocaleFile();
        let str = quantity === 1 ? singular : plural;
        this.cache[this.locale][singular] && (str = this.cache[this.locale][singular][quantity === 1 ? "one" : "other"]), !this.cache[this.locale][singular] && this.updateFiles ? (this.cache[this.locale][singular] = {
          one: singular,
          other: plural
        }, this._enqueueWrite({
          directory: this.directory,
          locale: this.locale,
          cb
        })) : cb();
        let values = [str];
        return ~str.indexOf("%d") && values.push(quantity), shim.format.apply(shim.format, values.concat(args));
      }
      setLocale(locale) {
        this.locale = locale;
      }
      getLocale() {
        return this.locale;
      }
      updateLocale(obj) {
        this.cache[this.locale] || this._readLocaleFile();
        for (let key in obj)
          Object.prototype.hasOwnProperty.call(obj, key) && (this.cache[this.locale][key] = obj[key]);
      }
      _taggedLiteral(parts, ...args) {
        let str = "";
        return parts.forEach(function(part, i) {
          let arg = args[i + 1];
          str += part, typeof arg < "u" && (str += "%s");
        }), this.__.apply(this, [str].concat([].slice.call(args, 1)));
      }
      _enqueueWrite(work) {
        this.writeQueue.push(work), this.writeQueue.length === 1 && this._processWriteQueue();
      }
      _processWriteQueue() {
        let _this = this, work = this.writeQueue[0], directory = work.directory, locale = work.locale, cb = work.cb, languageFile = this._resolveLocaleFile(directory, locale), serializedLocale = JSON.stringify(this.cache[locale], null, 2);
        shim.fs.writeFile(languageFile, serializedLocale, "utf-8", function(err) {
          _this.writeQueue.shift(), _this.writeQueue.length > 0 && _this._processWriteQueue(), cb(err);
        });
      }
      _readLocaleFile() {
        let localeLookup = {}, languageFile = this._resolveLocaleFile(this.directory, this.locale);
        try {
          shim.fs.readFileSync && (localeLookup = JSON.parse(shim.fs.readFileSync(languageFile, "utf-8")));
        } catch (err) {
          if (err instanceof SyntaxError && (err.message = "syntax error in " + languageFile), err.code === "ENOENT")
            localeLookup = {};
          else
            throw err;
        }
        this.cache[this.locale] = localeLookup;
      }
      _resolveLocaleFile(directory, locale) {
        let file = shim.resolve(directory, "./", locale + ".json");
        if (this.fallbackToLanguage && !this._fileExistsSync(file) && ~locale.lastIndexOf("_")) {
          let languageFile = shim.resolve(directory, "./", locale.split("_")[0] + ".json");
          this._fileExistsSync(languageFile) && (file = languageFile);
        }
        return file;
      }
      _fileExistsSync(file) {
        return shim.exists(file);
      }
    };
  }
});

// node_modules/y18n/index.mjs
var y18n2, y18n_default, init_y18n = __esm({
  "node_modules/y18n/index.mjs"() {
    init_node();
    init_lib3();
    y18n2 = (opts) => y18n(opts, node_default), y18n_default = y18n2;
  }
});

// node_modules/yargs/lib/platform-shims/esm.mjs
var import_assert, import_util3, import_fs4, import_url, import_path4, REQUIRE_ERROR, REQUIRE_DIRECTORY_ERROR, __dirname, mainFilename, esm_default, init_esm = __esm({
  "node_modules/yargs/lib/platform-shims/esm.mjs"() {
    "use strict";
    import_assert = require("assert");
    init_cliui();
    init_sync();
    import_util3 = require("util"), import_fs4 = require("fs"), import_url = require("url");
    init_lib2();
    import_path4 = require("path");
    init_process_argv();
    init_yerror();
    init_y18n();
    REQUIRE_ERROR = "require is not supported by ESM", REQUIRE_DIRECTORY_ERROR = "loading a directory of commands is not supported yet for ESM";
    try {
      __dirname = (0, import_url.fileURLToPath)(__dmtls_meta.url);
    } catch {
      __dirname = process.cwd();
    }
    mainFilename = __dirname.substring(0, __dirname.lastIndexOf("node_modules")), esm_default = {
      assert: {
        notStrictEqual: import_assert.notStrictEqual,
        strictEqual: import_assert.strictEqual
      },
      cliui: ui,
      findUp: sync_default,
      getEnv: (key) => process.env[key],
      inspect: import_util3.inspect,
      getCallerFile: () => {
        throw new YError(REQUIRE_DIRECTORY_ERROR);
      },
      getProcessArgvBin,
      mainFilename: mainFilename || process.cwd(),
      Parser: lib_default,
      path: {
        basename: import_path4.basename,
        dirname: import_path4.dirname,
        extname: import_path4.extname,
        relative: import_path4.relative,
        resolve: import_path4.resolve
      },
      process: {
        argv: () => process.argv,
        cwd: process.cwd,
        emitWarning: (warning, type) => process.emitWarning(warning, type),
        execPath: () => process.execPath,
        exit: process.exit,
        nextTick: process.nextTick,
        stdColumns: typeof process.stdout.columns < "u" ? process.stdout.columns : null
      },
      readFileSync: import_fs4.readFileSync,
      require: () => {
        throw new YError(REQUIRE_ERROR);
      },
      requireDirectory: () => {
        throw new YError(REQUIRE_DIRECTORY_ERROR);
      },
      stringWidth: (str) => [...str].length,
      y18n: y18n_default({
        directory: (0, import_path4.resolve)(__dirname, "../../../locales"),
        updateFiles: !1
      })
    };
  }
});

// node_modules/yargs/build/lib/typings/common-types.js
function assertNotStrictEqual(actual, expected2, shim3, message) {
  shim3.assert.notStrictEqual(actual, expected2, message);
}
function assertSingleKey(actual, shim3) {
  shim3.assert.strictEqual(typeof actual, "string");
}
function objectKeys(object) {
  return Object.keys(object);
}
var init_common_types = __esm({
  "node_modules/yargs/build/lib/typings/common-types.js"() {
  }
});

// node_modules/yargs/build/lib/utils/is-promise.js
function isPromise(maybePromise) {
  return !!maybePromise && !!maybePromise.then && typeof maybePromise.then == "function";
}
var init_is_promise = __esm({
  "node_modules/yargs/build/lib/utils/is-promise.js"() {
  }
});

// node_modules/yargs/build/lib/parse-command.js
function parseCommand(cmd) {
  let splitCommand = cmd.replace(/\s{2,}/g, " ").split(/\s+(?![^[]*]|[^<]*>)/), bregex = /\.*[\][<>]/g, firstCommand = splitCommand.shift();
  if (!firstCommand)
    throw new Error(`No command found in: ${cmd}`);
  let parsedCommand = {
    cmd: firstCommand.replace(bregex, ""),
    demanded: [],
    optional: []
  };
  return splitCommand.forEach((cmd2, i) => {
    let variadic = !1;
    cmd2 = cmd2.replace(/\s/g, ""), /\.+[\]>]/.test(cmd2) && i === splitCommand.length - 1 && (variadic = !0), /^\[/.test(cmd2) ? parsedCommand.optional.push({
      cmd: cmd2.replace(bregex, "").split("|"),
      variadic
    }) : parsedCommand.demanded.push({
      cmd: cmd2.replace(bregex, "").split("|"),
      variadic
    });
  }), parsedCommand;
}
var init_parse_command = __esm({
  "node_modules/yargs/build/lib/parse-command.js"() {
  }
});

// node_modules/yargs/build/lib/argsert.js
function argsert(arg1, arg2, arg3) {
  function parseArgs2() {
    return typeof arg1 == "object" ? [{ demanded: [], optional: [] }, arg1, arg2] : [
      parseCommand(`cmd ${arg1}`),
      arg2,
      arg3
    ];
  }
  try {
    let position2 = 0, [parsed, callerArguments, _length] = parseArgs2(), args = [].slice.call(callerArguments);
    for (; args.length && args[args.length - 1] === void 0; )
      args.pop();
    let length = _length || args.length;
    if (length < parsed.demanded.length)
      throw new YError(`Not enough arguments provided. Expected ${parsed.demanded.length} but received ${args.length}.`);
    let totalCommands = parsed.demanded.length + parsed.optional.length;
    if (length > totalCommands)
      throw new YError(`Too many arguments provided. Expected max ${totalCommands} but received ${length}.`);
    parsed.demanded.forEach((demanded) => {
      let arg = args.shift(), observedType = guessType(arg);
      demanded.cmd.filter((type) => type === observedType || type === "*").length === 0 && argumentTypeError(observedType, demanded.cmd, position2), position2 += 1;
    }), parsed.optional.forEach((optional) => {
      if (args.length === 0)
        return;
      let arg = args.shift(), observedType = guessType(arg);
      optional.cmd.filter((type) => type === observedType || type === "*").length === 0 && argumentTypeError(observedType, optional.cmd, position2), position2 += 1;
    });
  } catch (err) {
    console.warn(err.stack);
  }
}
function guessType(arg) {
  return Array.isArray(arg) ? "array" : arg === null ? "null" : typeof arg;
}
function argumentTypeError(observedType, allowedTypes, position2) {
  throw new YError(`Invalid ${positionName[position2] || "manyith"} argument. Expected ${allowedTypes.join(" or ")} but received ${observedType}.`);
}
var positionName, init_argsert = __esm({
  "node_modules/yargs/build/lib/argsert.js"() {
    init_yerror();
    init_parse_command();
    positionName = ["first", "second", "third", "fourth", "fifth", "sixth"];
  }
});

// node_modules/yargs/build/lib/middleware.js
function commandMiddlewareFactory(commandMiddleware) {
  return commandMiddleware ? commandMiddleware.map((middleware) => (middleware.applyBeforeValidation = !1, middleware)) : [];
}
function applyMiddleware(argv, yargs, middlewares, beforeValidation) {
  return middlewares.reduce((acc, middleware) => {
    if (middleware.applyBeforeValidation !== beforeValidation)
      return acc;
    if (middleware.mutates) {
      if (middleware.applied)
        return acc;
      middleware.applied = !0;
    }
    if (isPromise(acc))
      return acc.then((initialObj) => Promise.all([initialObj, middleware(initialObj, yargs)])).then(([initialObj, middlewareObj]) => Object.assign(initialObj, middlewareObj));
    {
      let result = middleware(acc, yargs);
      return isPromise(result) ? result.then((middlewareObj) => Object.assign(acc, middlewareObj)) : Object.assign(acc, result);
    }
  }, argv);
}
var GlobalMiddleware, init_middleware = __esm({
  "node_modules/yargs/build/lib/middleware.js"() {
    init_argsert();
    init_is_promise();
    GlobalMiddleware = class {
      constructor(yargs) {
        this.globalMiddleware = [], this.frozens = [], this.yargs = yargs;
      }
      addMiddleware(callback, applyBeforeValidation, global2 = !0, mutates = !1) {
        if (argsert("<array|function> [boolean] [boolean] [boolean]", [callback, applyBeforeValidation, global2], arguments.length), Array.isArray(callback)) {
          for (let i = 0; i < callback.length; i++) {
            if (typeof callback[i] != "function")
              throw Error("middleware must be a function");
            let m = callback[i];
            m.applyBeforeValidation = applyBeforeValidation, m.global = global2;
          }
          Array.prototype.push.apply(this.globalMiddleware, callback);
        } else if (typeof callback == "function") {
          let m = callback;
          m.applyBeforeValidation = applyBeforeValidation, m.global = global2, m.mutates = mutates, this.globalMiddleware.push(callback);
        }
        return this.yargs;
      }
      addCoerceMiddleware(callback, option) {
        let aliases = this.yargs.getAliases();
        return this.globalMiddleware = this.globalMiddleware.filter((m) => {
          let toCheck = [...aliases[option] || [], option];
          return m.option ? !toCheck.includes(m.option) : !0;
        }), callback.option = option, this.addMiddleware(callback, !0, !0, !0);
      }
      getMiddleware() {
        return this.globalMiddleware;
      }
      freeze() {
        this.frozens.push([...this.globalMiddleware]);
      }
      unfreeze() {
        let frozen = this.frozens.pop();
        frozen !== void 0 && (this.globalMiddleware = frozen);
      }
      reset() {
        this.globalMiddleware = this.globalMiddleware.filter((m) => m.global);
      }
    };
  }
});

// node_modules/yargs/build/lib/utils/maybe-async-result.js
function maybeAsyncResult(getResult, resultHandler, errorHandler = (err) => {
  throw err;
}) {
  try {
    let result = isFunction(getResult) ? getResult() : getResult;
    return isPromise(result) ? result.then((result2) => resultHandler(result2)) : resultHandler(result);
  } catch (err) {
    return errorHandler(err);
  }
}
function isFunction(arg) {
  return typeof arg == "function";
}
var init_maybe_async_result = __esm({
  "node_modules/yargs/build/lib/utils/maybe-async-result.js"() {
    init_is_promise();
  }
});

// node_modules/yargs/build/lib/utils/which-module.js
function whichModule(exported) {
  if (typeof require > "u")
    return null;
  for (let i = 0, files2 = Object.keys(require.cache), mod; i < files2.length; i++)
    if (mod = require.cache[files2[i]], mod.exports === exported)
      return mod;
  return null;
}
var init_which_module = __esm({
  "node_modules/yargs/build/lib/utils/which-module.js"() {
  }
});

// node_modules/yargs/build/lib/command.js
function command(usage2, validation2, globalMiddleware, shim3) {
  return new CommandInstance(usage2, validation2, globalMiddleware, shim3);
}
function isCommandBuilderDefinition(builder) {
  return typeof builder == "object" && !!builder.builder && typeof builder.handler == "function";
}
function isCommandAndAliases(cmd) {
  return cmd.every((c) => typeof c == "string");
}
function isCommandBuilderCallback(builder) {
  return typeof builder == "function";
}
function isCommandBuilderOptionDefinitions(builder) {
  return typeof builder == "object";
}
function isCommandHandlerDefinition(cmd) {
  return typeof cmd == "object" && !Array.isArray(cmd);
}
var DEFAULT_MARKER, CommandInstance, init_command = __esm({
  "node_modules/yargs/build/lib/command.js"() {
    init_common_types();
    init_is_promise();
    init_middleware();
    init_parse_command();
    init_yargs_factory();
    init_maybe_async_result();
    init_which_module();
    DEFAULT_MARKER = /(^\*)|(^\$0)/, CommandInstance = class {
      constructor(usage2, validation2, globalMiddleware, shim3) {
        this.requireCache = /* @__PURE__ */ new Set(), this.handlers = {}, this.aliasMap = {}, this.frozens = [], this.shim = shim3, this.usage = usage2, this.globalMiddleware = globalMiddleware, this.validation = validation2;
      }
      addDirectory(dir, req, callerFile, opts) {
        opts = opts || {}, typeof opts.recurse != "boolean" && (opts.recurse = !1), Array.isArray(opts.extensions) || (opts.extensions = ["js"]);
        let parentVisit = typeof opts.visit == "function" ? opts.visit : (o) => o;
        opts.visit = (obj, joined, filename) => {
          let visited = parentVisit(obj, joined, filename);
          if (visited) {
            if (this.requireCache.has(joined))
              return visited;
            this.requireCache.add(joined), this.addHandler(visited);
          }
          return visited;
        }, this.shim.requireDirectory({ require: req, filename: callerFile }, dir, opts);
      }
      addHandler(cmd, description, builder, handler, commandMiddleware, deprecated) {
        let aliases = [], middlewares = commandMiddlewareFactory(commandMiddleware);
        if (handler = handler || (() => {
        }), Array.isArray(cmd))
          if (isCommandAndAliases(cmd))
            [cmd, ...aliases] = cmd;
          else
            for (let command2 of cmd)
              this.addHandler(command2);
        else if (isCommandHandlerDefinition(cmd)) {
          let command2 = Array.isArray(cmd.command) || typeof cmd.command == "string" ? cmd.command : this.moduleName(cmd);
          cmd.aliases && (command2 = [].concat(command2).concat(cmd.aliases)), this.addHandler(command2, this.extractDesc(cmd), cmd.builder, cmd.handler, cmd.middlewares, cmd.deprecated);
          return;
        } else if (isCommandBuilderDefinition(builder)) {
          this.addHandler([cmd].concat(aliases), description, builder.builder, builder.handler, builder.middlewares, builder.deprecated);
          return;
        }
        if (typeof cmd == "string") {
          let parsedCommand = parseCommand(cmd);
          aliases = aliases.map((alias) => parseCommand(alias).cmd);
          let isDefault = !1, parsedAliases = [parsedCommand.cmd].concat(aliases).filter((c) => DEFAULT_MARKER.test(c) ? (isDefault = !0, !1) : !0);
          parsedAliases.length === 0 && isDefault && parsedAliases.push("$0"), isDefault && (parsedCommand.cmd = parsedAliases[0], aliases = parsedAliases.slice(1), cmd = cmd.replace(DEFAULT_MARKER, parsedCommand.cmd)), aliases.forEach((alias) => {
            this.aliasMap[alias] = parsedCommand.cmd;
          }), description !== !1 && this.usage.command(cmd, description, isDefault, aliases, deprecated), this.handlers[parsedCommand.cmd] = {
            original: cmd,
            description,
            handler,
            builder: builder || {},
            middlewares,
            deprecated,
            demanded: parsedCommand.demanded,
            optional: parsedCommand.optional
          }, isDefault && (this.defaultCommand = this.handlers[parsedCommand.cmd]);
        }
      }
      getCommandHandlers() {
        return this.handlers;
      }
      getCommands() {
        return Object.keys(this.handlers).concat(Object.keys(this.aliasMap));
      }
      hasDefaultCommand() {
        return !!this.defaultCommand;
      }
      runCommand(command2, yargs, parsed, commandIndex, helpOnly, helpOrVersionSet) {
        let commandHandler = this.handlers[command2] || this.handlers[this.aliasMap[command2]] || this.defaultCommand, currentContext = yargs.getInternalMethods().getContext(), parentCommands = currentContext.commands.slice(), isDefaultCommand = !command2;
        command2 && (currentContext.commands.push(command2), currentContext.fullCommands.push(commandHandler.original));
        let builderResult = this.applyBuilderUpdateUsageAndParse(isDefaultCommand, commandHandler, yargs, parsed.aliases, parentCommands, commandIndex, helpOnly, helpOrVersionSet);
        return isPromise(builderResult) ? builderResult.then((result) => this.applyMiddlewareAndGetResult(isDefaultCommand, commandHandler, result.innerArgv, currentContext, helpOnly, result.aliases, yargs)) : this.applyMiddlewareAndGetResult(isDefaultCommand, commandHandler, builderResult.innerArgv, currentContext, helpOnly, builderResult.aliases, yargs);
      }
      applyBuilderUpdateUsageAndParse(isDefaultCommand, commandHandler, yargs, aliases, parentCommands, commandIndex, helpOnly, helpOrVersionSet) {
        let builder = commandHandler.builder, innerYargs = yargs;
        if (isCommandBuilderCallback(builder)) {
          yargs.getInternalMethods().getUsageInstance().freeze();
          let builderOutput = builder(yargs.getInternalMethods().reset(aliases), helpOrVersionSet);
          if (isPromise(builderOutput))
            return builderOutput.then((output) => (innerYargs = isYargsInstance(output) ? output : yargs, this.parseAndUpdateUsage(isDefaultCommand, commandHandler, innerYargs, parentCommands, commandIndex, helpOnly)));
        } else isCommandBuilderOptionDefinitions(builder) && (yargs.getInternalMethods().getUsageInstance().freeze(), innerYargs = yargs.getInternalMethods().reset(aliases), Object.keys(commandHandler.builder).forEach((key) => {
          innerYargs.option(key, builder[key]);
        }));
        return this.parseAndUpdateUsage(isDefaultCommand, commandHandler, innerYargs, parentCommands, commandIndex, helpOnly);
      }
      parseAndUpdateUsage(isDefaultCommand, commandHandler, innerYargs, parentCommands, commandIndex, helpOnly) {
        isDefaultCommand && innerYargs.getInternalMethods().getUsageInstance().unfreeze(!0), this.shouldUpdateUsage(innerYargs) && innerYargs.getInternalMethods().getUsageInstance().usage(this.usageFromParentCommandsCommandHandler(parentCommands, commandHandler), commandHandler.description);
        let innerArgv = innerYargs.getInternalMethods().runYargsParserAndExecuteCommands(null, void 0, !0, commandIndex, helpOnly);
        return isPromise(innerArgv) ? innerArgv.then((argv) => ({
          aliases: innerYargs.parsed.aliases,
          innerArgv: argv
        })) : {
          aliases: innerYargs.parsed.aliases,
          innerArgv
        };
      }
      shouldUpdateUsage(yargs) {
        return !yargs.getInternalMethods().getUsageInstance().getUsageDisabled() && yargs.getInternalMethods().getUsageInstance().getUsage().length === 0;
      }
      usageFromParentCommandsCommandHandler(parentCommands, commandHandler) {
        let c = DEFAULT_MARKER.test(commandHandler.original) ? commandHandler.original.replace(DEFAULT_MARKER, "").trim() : commandHandler.original, pc = parentCommands.filter((c2) => !DEFAULT_MARKER.test(c2));
        return pc.push(c), `$0 ${pc.join(" ")}`;
      }
      handleValidationAndGetResult(isDefaultCommand, commandHandler, innerArgv, currentContext, aliases, yargs, middlewares, positionalMap) {
        if (!yargs.getInternalMethods().getHasOutput()) {
          let validation2 = yargs.getInternalMethods().runValidation(aliases, positionalMap, yargs.parsed.error, isDefaultCommand);
          innerArgv = maybeAsyncResult(innerArgv, (result) => (validation2(result), result));
        }
        if (commandHandler.handler && !yargs.getInternalMethods().getHasOutput()) {
          yargs.getInternalMethods().setHasOutput();
          let populateDoubleDash = !!yargs.getOptions().configuration["populate--"];
          yargs.getInternalMethods().postProcess(innerArgv, populateDoubleDash, !1, !1), innerArgv = applyMiddleware(innerArgv, yargs, middlewares, !1), innerArgv = maybeAsyncResult(innerArgv, (result) => {
            let handlerResult = commandHandler.handler(result);
            return isPromise(handlerResult) ? handlerResult.then(() => result) : result;
          }), isDefaultCommand || yargs.getInternalMethods().getUsageInstance().cacheHelpMessage(), isPromise(innerArgv) && !yargs.getInternalMethods().hasParseCallback() && innerArgv.catch((error) => {
            try {
              yargs.getInternalMethods().getUsageInstance().fail(null, error);
            } catch {
            }
          });
        }
        return isDefaultCommand || (currentContext.commands.pop(), currentContext.fullCommands.pop()), innerArgv;
      }
      applyMiddlewareAndGetResult(isDefaultCommand, commandHandler, innerArgv, currentContext, helpOnly, aliases, yargs) {
        let positionalMap = {};
        if (helpOnly)
          return innerArgv;
        yargs.getInternalMethods().getHasOutput() || (positionalMap = this.populatePositionals(commandHandler, innerArgv, currentContext, yargs));
        let middlewares = this.globalMiddleware.getMiddleware().slice(0).concat(commandHandler.middlewares), maybePromiseArgv = applyMiddleware(innerArgv, yargs, middlewares, !0);
        return isPromise(maybePromiseArgv) ? maybePromiseArgv.then((resolvedInnerArgv) => this.handleValidationAndGetResult(isDefaultCommand, commandHandler, resolvedInnerArgv, currentContext, aliases, yargs, middlewares, positionalMap)) : this.handleValidationAndGetResult(isDefaultCommand, commandHandler, maybePromiseArgv, currentContext, aliases, yargs, middlewares, positionalMap);
      }
      populatePositionals(commandHandler, argv, context, yargs) {
        argv._ = argv._.slice(context.commands.length);
        let demanded = commandHandler.demanded.slice(0), optional = commandHandler.optional.slice(0), positionalMap = {};
        for (this.validation.positionalCount(demanded.length, argv._.length); demanded.length; ) {
          let demand = demanded.shift();
          this.populatePositional(demand, argv, positionalMap);
        }
        for (; optional.length; ) {
          let maybe = optional.shift();
          this.populatePositional(maybe, argv, positionalMap);
        }
        return argv._ = context.commands.concat(argv._.map((a) => "" + a)), this.postProcessPositionals(argv, positionalMap, this.cmdToParseOptions(commandHandler.original), yargs), positionalMap;
      }
      populatePositional(positional, argv, positionalMap) {
        let cmd = positional.cmd[0];
        positional.variadic ? positionalMap[cmd] = argv._.splice(0).map(String) : argv._.length && (positionalMap[cmd] = [String(argv._.shift())]);
      }
      cmdToParseOptions(cmdString) {
        let parseOptions = {
          array: [],
          default: {},
          alias: {},
          demand: {}
        }, parsed = parseCommand(cmdString);
        return parsed.demanded.forEach((d) => {
          let [cmd, ...aliases] = d.cmd;
          d.variadic && (parseOptions.array.push(cmd), parseOptions.default[cmd] = []), parseOptions.alias[cmd] = aliases, parseOptions.demand[cmd] = !0;
        }), parsed.optional.forEach((o) => {
          let [cmd, ...aliases] = o.cmd;
          o.variadic && (parseOptions.array.push(cmd), parseOptions.default[cmd] = []), parseOptions.alias[cmd] = aliases;
        }), parseOptions;
      }
      postProcessPositionals(argv, positionalMap, parseOptions, yargs) {
        let options = Object.assign({}, yargs.getOptions());
        options.default = Object.assign(parseOptions.default, options.default);
        for (let key of Object.keys(parseOptions.alias))
          options.alias[key] = (options.alias[key] || []).concat(parseOptions.alias[key]);
        options.array = options.array.concat(parseOptions.array), options.config = {};
        let unparsed = [];
        if (Object.keys(positionalMap).forEach((key) => {
          positionalMap[key].map((value) => {
            options.configuration["unknown-options-as-args"] && (options.key[key] = !0), unparsed.push(`--${key}`), unparsed.push(value);
          });
        }), !unparsed.length)
          return;
        let config = Object.assign({}, options.configuration, {
          "populate--": !1
        }), parsed = this.shim.Parser.detailed(unparsed, Object.assign({}, options, {
          configuration: config
        }));
        if (parsed.error)
          yargs.getInternalMethods().getUsageInstance().fail(parsed.error.message, parsed.error);
        else {
          let positionalKeys = Object.keys(positionalMap);
          Object.keys(positionalMap).forEach((key) => {
            positionalKeys.push(...parsed.aliases[key]);
          }), Object.keys(parsed.argv).forEach((key) => {
            positionalKeys.includes(key) && (positionalMap[key] || (positionalMap[key] = parsed.argv[key]), !this.isInConfigs(yargs, key) && !this.isDefaulted(yargs, key) && Object.prototype.hasOwnProperty.call(argv, key) && Object.prototype.hasOwnProperty.call(parsed.argv, key) && (Array.isArray(argv[key]) || Array.isArray(parsed.argv[key])) ? argv[key] = [].concat(argv[key], parsed.argv[key]) : argv[key] = parsed.argv[key]);
          });
        }
      }
      isDefaulted(yargs, key) {
        let { default: defaults } = yargs.getOptions();
        return Object.prototype.hasOwnProperty.call(defaults, key) || Object.prototype.hasOwnProperty.call(defaults, this.shim.Parser.camelCase(key));
      }
      isInConfigs(yargs, key) {
        let { configObjects } = yargs.getOptions();
        return configObjects.some((c) => Object.prototype.hasOwnProperty.call(c, key)) || configObjects.some((c) => Object.prototype.hasOwnProperty.call(c, this.shim.Parser.camelCase(key)));
      }
      runDefaultBuilderOn(yargs) {
        if (!this.defaultCommand)
          return;
        if (this.shouldUpdateUsage(yargs)) {
          let commandString = DEFAULT_MARKER.test(this.defaultCommand.original) ? this.defaultCommand.original : this.defaultCommand.original.replace(/^[^[\]<>]*/, "$0 ");
          yargs.getInternalMethods().getUsageInstance().usage(commandString, this.defaultCommand.description);
        }
        let builder = this.defaultCommand.builder;
        if (isCommandBuilderCallback(builder))
          return builder(yargs, !0);
        isCommandBuilderDefinition(builder) || Object.keys(builder).forEach((key) => {
          yargs.option(key, builder[key]);
        });
      }
      moduleName(obj) {
        let mod = whichModule(obj);
        if (!mod)
          throw new Error(`No command name given for module: ${this.shim.inspect(obj)}`);
        return this.commandFromFilename(mod.filename);
      }
      commandFromFilename(filename) {
        return this.shim.path.basename(filename, this.shim.path.extname(filename));
      }
      extractDesc({ describe: describe3, description, desc }) {
        for (let test of [describe3, description, desc]) {
          if (typeof test == "string" || test === !1)
            return test;
          assertNotStrictEqual(test, !0, this.shim);
        }
        return !1;
      }
      freeze() {
        this.frozens.push({
          handlers: this.handlers,
          aliasMap: this.aliasMap,
          defaultCommand: this.defaultCommand
        });
      }
      unfreeze() {
        let frozen = this.frozens.pop();
        assertNotStrictEqual(frozen, void 0, this.shim), {
          handlers: this.handlers,
          aliasMap: this.aliasMap,
          defaultCommand: this.defaultCommand
        } = frozen;
      }
      reset() {
        return this.handlers = {}, this.aliasMap = {}, this.defaultCommand = void 0, this.requireCache = /* @__PURE__ */ new Set(), this;
      }
    };
  }
});

// node_modules/yargs/build/lib/utils/obj-filter.js
function objFilter(original = {}, filter = () => !0) {
  let obj = {};
  return objectKeys(original).forEach((key) => {
    filter(key, original[key]) && (obj[key] = original[key]);
  }), obj;
}
var init_obj_filter = __esm({
  "node_modules/yargs/build/lib/utils/obj-filter.js"() {
    init_common_types();
  }
});

// node_modules/yargs/build/lib/utils/set-blocking.js
function setBlocking(blocking) {
  typeof process > "u" || [process.stdout, process.stderr].forEach((_stream) => {
    let stream = _stream;
    stream._handle && stream.isTTY && typeof stream._handle.setBlocking == "function" && stream._handle.setBlocking(blocking);
  });
}
var init_set_blocking = __esm({
  "node_modules/yargs/build/lib/utils/set-blocking.js"() {
  }
});

// node_modules/yargs/build/lib/usage.js
function isBoolean(fail) {
  return typeof fail == "boolean";
}
function usage(yargs, shim3) {
  let __ = shim3.y18n.__, self = {}, fails = [];
  self.failFn = function(f) {
    fails.push(f);
  };
  let failMessage = null, globalFailMessage = null, showHelpOnFail = !0;
  self.showHelpOnFail = function(arg1 = !0, arg2) {
    let [enabled, message] = typeof arg1 == "string" ? [!0, arg1] : [arg1, arg2];
    return yargs.getInternalMethods().isGlobalContext() && (globalFailMessage = message), failMessage = message, showHelpOnFail = enabled, self;
  };
  let failureOutput = !1;
  self.fail = function(msg, err) {
    let logger = yargs.getInternalMethods().getLoggerInstance();
    if (fails.length)
      for (let i = fails.length - 1; i >= 0; --i) {
        let fail2 = fails[i];
        if (isBoolean(fail2)) {
          if (err)
            throw err;
          if (msg)
            throw Error(msg);
        } else
          fail2(msg, err, self);
      }
    else {
      if (yargs.getExitProcess() && setBlocking(!0), !failureOutput) {
        failureOutput = !0, showHelpOnFail && (yargs.showHelp("error"), logger.error()), (msg || err) && logger.error(msg || err);
        let globalOrCommandFailMessage = failMessage || globalFailMessage;
        globalOrCommandFailMessage && ((msg || err) && logger.error(""), logger.error(globalOrCommandFailMessage));
      }
      if (err = err || new YError(msg), yargs.getExitProcess())
        return yargs.exit(1);
      if (yargs.getInternalMethods().hasParseCallback())
        return yargs.exit(1, err);
      throw err;
    }
  };
  let usages = [], usageDisabled = !1;
  self.usage = (msg, description) => msg === null ? (usageDisabled = !0, usages = [], self) : (usageDisabled = !1, usages.push([msg, description || ""]), self), self.getUsage = () => usages, self.getUsageDisabled = () => usageDisabled, self.getPositionalGroupName = () => __("Positionals:");
  let examples = [];
  self.example = (cmd, description) => {
    examples.push([cmd, description || ""]);
  };
  let commands = [];
  self.command = function(cmd, description, isDefault, aliases, deprecated = !1) {
    isDefault && (commands = commands.map((cmdArray) => (cmdArray[2] = !1, cmdArray))), commands.push([cmd, description || "", isDefault, aliases, deprecated]);
  }, self.getCommands = () => commands;
  let descriptions = {};
  self.describe = function(keyOrKeys, desc) {
    Array.isArray(keyOrKeys) ? keyOrKeys.forEach((k) => {
      self.describe(k, desc);
    }) : typeof keyOrKeys == "object" ? Object.keys(keyOrKeys).forEach((k) => {
      self.describe(k, keyOrKeys[k]);
    }) : descriptions[keyOrKeys] = desc;
  }, self.getDescriptions = () => descriptions;
  let epilogs = [];
  self.epilog = (msg) => {
    epilogs.push(msg);
  };
  let wrapSet = !1, wrap2;
  self.wrap = (cols) => {
    wrapSet = !0, wrap2 = cols;
  }, self.getWrap = () => shim3.getEnv("YARGS_DISABLE_WRAP") ? null : (wrapSet || (wrap2 = windowWidth(), wrapSet = !0), wrap2);
  let deferY18nLookupPrefix = "__yargsString__:";
  self.deferY18nLookup = (str) => deferY18nLookupPrefix + str, self.help = function() {
    if (cachedHelpMessage)
      return cachedHelpMessage;
    normalizeAliases();
    let base$0 = yargs.customScriptName ? yargs.$0 : shim3.path.basename(yargs.$0), demandedOptions = yargs.getDemandedOptions(), demandedCommands = yargs.getDemandedCommands(), deprecatedOptions = yargs.getDeprecatedOptions(), groups = yargs.getGroups(), options = yargs.getOptions(), keys = [];
    keys = keys.concat(Object.keys(descriptions)), keys = keys.concat(Object.keys(demandedOptions)), keys = keys.concat(Object.keys(demandedCommands)), keys = keys.concat(Object.keys(options.default)), keys = keys.filter(filterHiddenOptions), keys = Object.keys(keys.reduce((acc, key) => (key !== "_" && (acc[key] = !0), acc), {}));
    let theWrap = self.getWrap(), ui2 = shim3.cliui({
      width: theWrap,
      wrap: !!theWrap
    });
    if (!usageDisabled) {
      if (usages.length)
        usages.forEach((usage2) => {
          ui2.div({ text: `${usage2[0].replace(/\$0/g, base$0)}` }), usage2[1] && ui2.div({ text: `${usage2[1]}`, padding: [1, 0, 0, 0] });
        }), ui2.div();
      else if (commands.length) {
        let u = null;
        demandedCommands._ ? u = `${base$0} <${__("command")}>
` : u = `${base$0} [${__("command")}]
`, ui2.div(`${u}`);
      }
    }
    if (commands.length > 1 || commands.length === 1 && !commands[0][2]) {
      ui2.div(__("Commands:"));
      let context = yargs.getInternalMethods().getContext(), parentCommands = context.commands.length ? `${context.commands.join(" ")} ` : "";
      yargs.getInternalMethods().getParserConfiguration()["sort-commands"] === !0 && (commands = commands.sort((a, b) => a[0].localeCompare(b[0])));
      let prefix = base$0 ? `${base$0} ` : "";
      commands.forEach((command2) => {
        let commandString = `${prefix}${parentCommands}${command2[0].replace(/^\$0 ?/, "")}`;
        ui2.span({
          text: commandString,
          padding: [0, 2, 0, 2],
          width: maxWidth(commands, theWrap, `${base$0}${parentCommands}`) + 4
        }, { text: command2[1] });
        let hints = [];
        command2[2] && hints.push(`[${__("default")}]`), command2[3] && command2[3].length && hints.push(`[${__("aliases:")} ${command2[3].join(", ")}]`), command2[4] && (typeof command2[4] == "string" ? hints.push(`[${__("deprecated: %s", command2[4])}]`) : hints.push(`[${__("deprecated")}]`)), hints.length ? ui2.div({
          text: hints.join(" "),
          padding: [0, 0, 0, 2],
          align: "right"
        }) : ui2.div();
      }), ui2.div();
    }
    let aliasKeys = (Object.keys(options.alias) || []).concat(Object.keys(yargs.parsed.newAliases) || []);
    keys = keys.filter((key) => !yargs.parsed.newAliases[key] && aliasKeys.every((alias) => (options.alias[alias] || []).indexOf(key) === -1));
    let defaultGroup = __("Options:");
    groups[defaultGroup] || (groups[defaultGroup] = []), addUngroupedKeys(keys, options.alias, groups, defaultGroup);
    let isLongSwitch = (sw) => /^--/.test(getText(sw)), displayedGroups = Object.keys(groups).filter((groupName) => groups[groupName].length > 0).map((groupName) => {
      let normalizedKeys = groups[groupName].filter(filterHiddenOptions).map((key) => {
        if (aliasKeys.includes(key))
          return key;
        for (let i = 0, aliasKey; (aliasKey = aliasKeys[i]) !== void 0; i++)
          if ((options.alias[aliasKey] || []).includes(key))
            return aliasKey;
        return key;
      });
      return { groupName, normalizedKeys };
    }).filter(({ normalizedKeys }) => normalizedKeys.length > 0).map(({ groupName, normalizedKeys }) => {
      let switches = normalizedKeys.reduce((acc, key) => (acc[key] = [key].concat(options.alias[key] || []).map((sw) => groupName === self.getPositionalGroupName() ? sw : (/^[0-9]$/.test(sw) ? options.boolean.includes(key) ? "-" : "--" : sw.length > 1 ? "--" : "-") + sw).sort((sw1, sw2) => isLongSwitch(sw1) === isLongSwitch(sw2) ? 0 : isLongSwitch(sw1) ? 1 : -1).join(", "), acc), {});
      return { groupName, normalizedKeys, switches };
    });
    if (displayedGroups.filter(({ groupName }) => groupName !== self.getPositionalGroupName()).some(({ normalizedKeys, switches }) => !normalizedKeys.every((key) => isLongSwitch(switches[key]))) && displayedGroups.filter(({ groupName }) => groupName !== self.getPositionalGroupName()).forEach(({ normalizedKeys, switches }) => {
      normalizedKeys.forEach((key) => {
        isLongSwitch(switches[key]) && (switches[key] = addIndentation(switches[key], 4));
      });
    }), displayedGroups.forEach(({ groupName, normalizedKeys, switches }) => {
      ui2.div(groupName), normalizedKeys.forEach((key) => {
        let kswitch = switches[key], desc = descriptions[key] || "", type = null;
        desc.includes(deferY18nLookupPrefix) && (desc = __(desc.substring(deferY18nLookupPrefix.length))), options.boolean.includes(key) && (type = `[${__("boolean")}]`), options.count.includes(key) && (type = `[${__("count")}]`), options.string.includes(key) && (type = `[${__("string")}]`), options.normalize.includes(key) && (type = `[${__("string")}]`), options.array.includes(key) && (type = `[${__("array")}]`), options.number.includes(key) && (type = `[${__("number")}]`);
        let deprecatedExtra = (deprecated) => typeof deprecated == "string" ? `[${__("deprecated: %s", deprecated)}]` : `[${__("deprecated")}]`, extra = [
          key in deprecatedOptions ? deprecatedExtra(deprecatedOptions[key]) : null,
          type,
          key in demandedOptions ? `[${__("required")}]` : null,
          options.choices && options.choices[key] ? `[${__("choices:")} ${self.stringifiedValues(options.choices[key])}]` : null,
          defaultString(options.default[key], options.defaultDescription[key])
        ].filter(Boolean).join(" ");
        ui2.span({
          text: getText(kswitch),
          padding: [0, 2, 0, 2 + getIndentation(kswitch)],
          width: maxWidth(switches, theWrap) + 4
        }, desc);
        let shouldHideOptionExtras = yargs.getInternalMethods().getUsageConfiguration()["hide-types"] === !0;
        extra && !shouldHideOptionExtras ? ui2.div({ text: extra, padding: [0, 0, 0, 2], align: "right" }) : ui2.div();
      }), ui2.div();
    }), examples.length && (ui2.div(__("Examples:")), examples.forEach((example) => {
      example[0] = example[0].replace(/\$0/g, base$0);
    }), examples.forEach((example) => {
      example[1] === "" ? ui2.div({
        text: example[0],
        padding: [0, 2, 0, 2]
      }) : ui2.div({
        text: example[0],
        padding: [0, 2, 0, 2],
        width: maxWidth(examples, theWrap) + 4
      }, {
        text: example[1]
      });
    }), ui2.div()), epilogs.length > 0) {
      let e = epilogs.map((epilog) => epilog.replace(/\$0/g, base$0)).join(`
`);
      ui2.div(`${e}
`);
    }
    return ui2.toString().replace(/\s*$/, "");
  };
  function maxWidth(table, theWrap, modifier) {
    let width = 0;
    return Array.isArray(table) || (table = Object.values(table).map((v) => [v])), table.forEach((v) => {
      width = Math.max(shim3.stringWidth(modifier ? `${modifier} ${getText(v[0])}` : getText(v[0])) + getIndentation(v[0]), width);
    }), theWrap && (width = Math.min(width, parseInt((theWrap * 0.5).toString(), 10))), width;
  }
  function normalizeAliases() {
    let demandedOptions = yargs.getDemandedOptions(), options = yargs.getOptions();
    (Object.keys(options.alias) || []).forEach((key) => {
      options.alias[key].forEach((alias) => {
        descriptions[alias] && self.describe(key, descriptions[alias]), alias in demandedOptions && yargs.demandOption(key, demandedOptions[alias]), options.boolean.includes(alias) && yargs.boolean(key), options.count.includes(alias) && yargs.count(key), options.string.includes(alias) && yargs.string(key), options.normalize.includes(alias) && yargs.normalize(key), options.array.includes(alias) && yargs.array(key), options.number.includes(alias) && yargs.number(key);
      });
    });
  }
  let cachedHelpMessage;
  self.cacheHelpMessage = function() {
    cachedHelpMessage = this.help();
  }, self.clearCachedHelpMessage = function() {
    cachedHelpMessage = void 0;
  }, self.hasCachedHelpMessage = function() {
    return !!cachedHelpMessage;
  };
  function addUngroupedKeys(keys, aliases, groups, defaultGroup) {
    let groupedKeys = [], toCheck = null;
    return Object.keys(groups).forEach((group) => {
      groupedKeys = groupedKeys.concat(groups[group]);
    }), keys.forEach((key) => {
      toCheck = [key].concat(aliases[key]), toCheck.some((k) => groupedKeys.indexOf(k) !== -1) || groups[defaultGroup].push(key);
    }), groupedKeys;
  }
  function filterHiddenOptions(key) {
    return yargs.getOptions().hiddenOptions.indexOf(key) < 0 || yargs.parsed.argv[yargs.getOptions().showHiddenOpt];
  }
  self.showHelp = (level) => {
    let logger = yargs.getInternalMethods().getLoggerInstance();
    level || (level = "error"), (typeof level == "function" ? level : logger[level])(self.help());
  }, self.functionDescription = (fn) => ["(", fn.name ? shim3.Parser.decamelize(fn.name, "-") : __("generated-value"), ")"].join(""), self.stringifiedValues = function(values, separator) {
    let string = "", sep2 = separator || ", ", array = [].concat(values);
    return !values || !array.length || array.forEach((value) => {
      string.length && (string += sep2), string += JSON.stringify(value);
    }), string;
  };
  function defaultString(value, defaultDescription) {
    let string = `[${__("default:")} `;
    if (value === void 0 && !defaultDescription)
      return null;
    if (defaultDescription)
      string += defaultDescription;
    else
      switch (typeof value) {
        case "string":
          string += `"${value}"`;
          break;
        case "object":
          string += JSON.stringify(value);
          break;
        default:
          string += value;
      }
    return `${string}]`;
  }
  function windowWidth() {
    return shim3.process.stdColumns ? Math.min(80, shim3.process.stdColumns) : 80;
  }
  let version = null;
  self.version = (ver) => {
    version = ver;
  }, self.showVersion = (level) => {
    let logger = yargs.getInternalMethods().getLoggerInstance();
    level || (level = "error"), (typeof level == "function" ? level : logger[level])(version);
  }, self.reset = function(localLookup) {
    return failMessage = null, failureOutput = !1, usages = [], usageDisabled = !1, epilogs = [], examples = [], commands = [], descriptions = objFilter(descriptions, (k) => !localLookup[k]), self;
  };
  let frozens = [];
  return self.freeze = function() {
    frozens.push({
      failMessage,
      failureOutput,
      usages,
      usageDisabled,
      epilogs,
      examples,
      commands,
      descriptions
    });
  }, self.unfreeze = function(defaultCommand = !1) {
    let frozen = frozens.pop();
    frozen && (defaultCommand ? (descriptions = { ...frozen.descriptions, ...descriptions }, commands = [...frozen.commands, ...commands], usages = [...frozen.usages, ...usages], examples = [...frozen.examples, ...examples], epilogs = [...frozen.epilogs, ...epilogs]) : {
      failMessage,
      failureOutput,
      usages,
      usageDisabled,
      epilogs,
      examples,
      commands,
      descriptions
    } = frozen);
  }, self;
}
function isIndentedText(text2) {
  return typeof text2 == "object";
}
function addIndentation(text2, indent) {
  return isIndentedText(text2) ? { text: text2.text, indentation: text2.indentation + indent } : { text: text2, indentation: indent };
}
function getIndentation(text2) {
  return isIndentedText(text2) ? text2.indentation : 0;
}
function getText(text2) {
  return isIndentedText(text2) ? text2.text : text2;
}
var init_usage = __esm({
  "node_modules/yargs/build/lib/usage.js"() {
    init_obj_filter();
    init_yerror();
    init_set_blocking();
  }
});

// node_modules/yargs/build/lib/completion-templates.js
var completionShTemplate, completionZshTemplate, init_completion_templates = __esm({
  "node_modules/yargs/build/lib/completion-templates.js"() {
    completionShTemplate = `###-begin-{{app_name}}-completions-###
#
# yargs command completion script
#
# Installation: {{app_path}} {{completion_command}} >> ~/.bashrc
#    or {{app_path}} {{completion_command}} >> ~/.bash_profile on OSX.
#
_{{app_name}}_yargs_completions()
{
    local cur_word args type_list

    cur_word="\${COMP_WORDS[COMP_CWORD]}"
    args=("\${COMP_WORDS[@]}")

    # ask yargs to generate completions.
    type_list=$({{app_path}} --get-yargs-completions "\${args[@]}")

    COMPREPLY=( $(compgen -W "\${type_list}" -- \${cur_word}) )

    # if no match was found, fall back to filename completion
    if [ \${#COMPREPLY[@]} -eq 0 ]; then
      COMPREPLY=()
    fi

    return 0
}
complete -o bashdefault -o default -F _{{app_name}}_yargs_completions {{app_name}}
###-end-{{app_name}}-completions-###
`, completionZshTemplate = `#compdef {{app_name}}
###-begin-{{app_name}}-completions-###
#
# yargs command completion script
#
# Installation: {{app_path}} {{completion_command}} >> ~/.zshrc
#    or {{app_path}} {{completion_command}} >> ~/.zprofile on OSX.
#
_{{app_name}}_yargs_completions()
{
  local reply
  local si=$IFS
  IFS=$'
' reply=($(COMP_CWORD="$((CURRENT-1))" COMP_LINE="$BUFFER" COMP_POINT="$CURSOR" {{app_path}} --get-yargs-completions "\${words[@]}"))
  IFS=$si
  _describe 'values' reply
}
compdef _{{app_name}}_yargs_completions {{app_name}}
###-end-{{app_name}}-completions-###
`;
  }
});

// node_modules/yargs/build/lib/completion.js
function completion(yargs, usage2, command2, shim3) {
  return new Completion(yargs, usage2, command2, shim3);
}
function isSyncCompletionFunction(completionFunction) {
  return completionFunction.length < 3;
}
function isFallbackCompletionFunction(completionFunction) {
  return completionFunction.length > 3;
}
var Completion, init_completion = __esm({
  "node_modules/yargs/build/lib/completion.js"() {
    init_command();
    init_common_types();
    init_completion_templates();
    init_is_promise();
    init_parse_command();
    Completion = class {
      constructor(yargs, usage2, command2, shim3) {
        var _a2, _b2, _c2;
        this.yargs = yargs, this.usage = usage2, this.command = command2, this.shim = shim3, this.completionKey = "get-yargs-completions", this.aliases = null, this.customCompletionFunction = null, this.indexAfterLastReset = 0, this.zshShell = (_c2 = ((_a2 = this.shim.getEnv("SHELL")) === null || _a2 === void 0 ? void 0 : _a2.includes("zsh")) || ((_b2 = this.shim.getEnv("ZSH_NAME")) === null || _b2 === void 0 ? void 0 : _b2.includes("zsh"))) !== null && _c2 !== void 0 ? _c2 : !1;
      }
      defaultCompletion(args, argv, current, done) {
        let handlers = this.command.getCommandHandlers();
        for (let i = 0, ii = args.length; i < ii; ++i)
          if (handlers[args[i]] && handlers[args[i]].builder) {
            let builder = handlers[args[i]].builder;
            if (isCommandBuilderCallback(builder)) {
              this.indexAfterLastReset = i + 1;
              let y = this.yargs.getInternalMethods().reset();
              return builder(y, !0), y.argv;
            }
          }
        let completions = [];
        this.commandCompletions(completions, args, current), this.optionCompletions(completions, args, argv, current), this.choicesFromOptionsCompletions(completions, args, argv, current), this.choicesFromPositionalsCompletions(completions, args, argv, current), done(null, completions);
      }
      commandCompletions(completions, args, current) {
        let parentCommands = this.yargs.getInternalMethods().getContext().commands;
        !current.match(/^-/) && parentCommands[parentCommands.length - 1] !== current && !this.previousArgHasChoices(args) && this.usage.getCommands().forEach((usageCommand) => {
          let commandName = parseCommand(usageCommand[0]).cmd;
          if (args.indexOf(commandName) === -1)
            if (!this.zshShell)
              completions.push(commandName);
            else {
              let desc = usageCommand[1] || "";
              completions.push(commandName.replace(/:/g, "\\:") + ":" + desc);
            }
        });
      }
      optionCompletions(completions, args, argv, current) {
        if ((current.match(/^-/) || current === "" && completions.length === 0) && !this.previousArgHasChoices(args)) {
          let options = this.yargs.getOptions(), positionalKeys = this.yargs.getGroups()[this.usage.getPositionalGroupName()] || [];
          Object.keys(options.key).forEach((key) => {
            let negable = !!options.configuration["boolean-negation"] && options.boolean.includes(key);
            !positionalKeys.includes(key) && !options.hiddenOptions.includes(key) && !this.argsContainKey(args, key, negable) && this.completeOptionKey(key, completions, current, negable && !!options.default[key]);
          });
        }
      }
      choicesFromOptionsCompletions(completions, args, argv, current) {
        if (this.previousArgHasChoices(args)) {
          let choices = this.getPreviousArgChoices(args);
          choices && choices.length > 0 && completions.push(...choices.map((c) => c.replace(/:/g, "\\:")));
        }
      }
      choicesFromPositionalsCompletions(completions, args, argv, current) {
        if (current === "" && completions.length > 0 && this.previousArgHasChoices(args))
          return;
        let positionalKeys = this.yargs.getGroups()[this.usage.getPositionalGroupName()] || [], offset = Math.max(this.indexAfterLastReset, this.yargs.getInternalMethods().getContext().commands.length + 1), positionalKey = positionalKeys[argv._.length - offset - 1];
        if (!positionalKey)
          return;
        let choices = this.yargs.getOptions().choices[positionalKey] || [];
        for (let choice of choices)
          choice.startsWith(current) && completions.push(choice.replace(/:/g, "\\:"));
      }
      getPreviousArgChoices(args) {
        if (args.length < 1)
          return;
        let previousArg = args[args.length - 1], filter = "";
        if (!previousArg.startsWith("-") && args.length > 1 && (filter = previousArg, previousArg = args[args.length - 2]), !previousArg.startsWith("-"))
          return;
        let previousArgKey = previousArg.replace(/^-+/, ""), options = this.yargs.getOptions(), possibleAliases = [
          previousArgKey,
          ...this.yargs.getAliases()[previousArgKey] || []
        ], choices;
        for (let possibleAlias of possibleAliases)
          if (Object.prototype.hasOwnProperty.call(options.key, possibleAlias) && Array.isArray(options.choices[possibleAlias])) {
            choices = options.choices[possibleAlias];
            break;
          }
        if (choices)
          return choices.filter((choice) => !filter || choice.startsWith(filter));
      }
      previousArgHasChoices(args) {
        let choices = this.getPreviousArgChoices(args);
        return choices !== void 0 && choices.length > 0;
      }
      argsContainKey(args, key, negable) {
        let argsContains = (s) => args.indexOf((/^[^0-9]$/.test(s) ? "-" : "--") + s) !== -1;
        if (argsContains(key) || negable && argsContains(`no-${key}`))
          return !0;
        if (this.aliases) {
          for (let alias of this.aliases[key])
            if (argsContains(alias))
              return !0;
        }
        return !1;
      }
      completeOptionKey(key, completions, current, negable) {
        var _a2, _b2, _c2, _d;
        let keyWithDesc = key;
        if (this.zshShell) {
          let descs = this.usage.getDescriptions(), aliasKey = (_b2 = (_a2 = this === null || this === void 0 ? void 0 : this.aliases) === null || _a2 === void 0 ? void 0 : _a2[key]) === null || _b2 === void 0 ? void 0 : _b2.find((alias) => {
            let desc2 = descs[alias];
            return typeof desc2 == "string" && desc2.length > 0;
          }), descFromAlias = aliasKey ? descs[aliasKey] : void 0, desc = (_d = (_c2 = descs[key]) !== null && _c2 !== void 0 ? _c2 : descFromAlias) !== null && _d !== void 0 ? _d : "";
          keyWithDesc = `${key.replace(/:/g, "\\:")}:${desc.replace("__yargsString__:", "").replace(/(\r\n|\n|\r)/gm, " ")}`;
        }
        let startsByTwoDashes = (s) => /^--/.test(s), isShortOption = (s) => /^[^0-9]$/.test(s), dashes = !startsByTwoDashes(current) && isShortOption(key) ? "-" : "--";
        completions.push(dashes + keyWithDesc), negable && completions.push(dashes + "no-" + keyWithDesc);
      }
      customCompletion(args, argv, current, done) {
        if (assertNotStrictEqual(this.customCompletionFunction, null, this.shim), isSyncCompletionFunction(this.customCompletionFunction)) {
          let result = this.customCompletionFunction(current, argv);
          return isPromise(result) ? result.then((list) => {
            this.shim.process.nextTick(() => {
              done(null, list);
            });
          }).catch((err) => {
            this.shim.process.nextTick(() => {
              done(err, void 0);
            });
          }) : done(null, result);
        } else return isFallbackCompletionFunction(this.customCompletionFunction) ? this.customCompletionFunction(current, argv, (onCompleted = done) => this.defaultCompletion(args, argv, current, onCompleted), (completions) => {
          done(null, completions);
        }) : this.customCompletionFunction(current, argv, (completions) => {
          done(null, completions);
        });
      }
      getCompletion(args, done) {
        let current = args.length ? args[args.length - 1] : "", argv = this.yargs.parse(args, !0), completionFunction = this.customCompletionFunction ? (argv2) => this.customCompletion(args, argv2, current, done) : (argv2) => this.defaultCompletion(args, argv2, current, done);
        return isPromise(argv) ? argv.then(completionFunction) : completionFunction(argv);
      }
      generateCompletionScript($0, cmd) {
        let script = this.zshShell ? completionZshTemplate : completionShTemplate, name = this.shim.path.basename($0);
        return $0.match(/\.js$/) && ($0 = `./${$0}`), script = script.replace(/{{app_name}}/g, name), script = script.replace(/{{completion_command}}/g, cmd), script.replace(/{{app_path}}/g, $0);
      }
      registerFunction(fn) {
        this.customCompletionFunction = fn;
      }
      setParsed(parsed) {
        this.aliases = parsed.aliases;
      }
    };
  }
});

// node_modules/yargs/build/lib/utils/levenshtein.js
function levenshtein(a, b) {
  if (a.length === 0)
    return b.length;
  if (b.length === 0)
    return a.length;
  let matrix = [], i;
  for (i = 0; i <= b.length; i++)
    matrix[i] = [i];
  let j;
  for (j = 0; j <= a.length; j++)
    matrix[0][j] = j;
  for (i = 1; i <= b.length; i++)
    for (j = 1; j <= a.length; j++)
      b.charAt(i - 1) === a.charAt(j - 1) ? matrix[i][j] = matrix[i - 1][j - 1] : i > 1 && j > 1 && b.charAt(i - 2) === a.charAt(j - 1) && b.charAt(i - 1) === a.charAt(j - 2) ? matrix[i][j] = matrix[i - 2][j - 2] + 1 : matrix[i][j] = Math.min(matrix[i - 1][j - 1] + 1, Math.min(matrix[i][j - 1] + 1, matrix[i - 1][j] + 1));
  return matrix[b.length][a.length];
}
var init_levenshtein = __esm({
  "node_modules/yargs/build/lib/utils/levenshtein.js"() {
  }
});

// node_modules/yargs/build/lib/validation.js
function validation(yargs, usage2, shim3) {
  let __ = shim3.y18n.__, __n = shim3.y18n.__n, self = {};
  self.nonOptionCount = function(argv) {
    let demandedCommands = yargs.getDemandedCommands(), _s = argv._.length + (argv["--"] ? argv["--"].length : 0) - yargs.getInternalMethods().getContext().commands.length;
    demandedCommands._ && (_s < demandedCommands._.min || _s > demandedCommands._.max) && (_s < demandedCommands._.min ? demandedCommands._.minMsg !== void 0 ? usage2.fail(demandedCommands._.minMsg ? demandedCommands._.minMsg.replace(/\$0/g, _s.toString()).replace(/\$1/, demandedCommands._.min.toString()) : null) : usage2.fail(__n("Not enough non-option arguments: got %s, need at least %s", "Not enough non-option arguments: got %s, need at least %s", _s, _s.toString(), demandedCommands._.min.toString())) : _s > demandedCommands._.max && (demandedCommands._.maxMsg !== void 0 ? usage2.fail(demandedCommands._.maxMsg ? demandedCommands._.maxMsg.replace(/\$0/g, _s.toString()).replace(/\$1/, demandedCommands._.max.toString()) : null) : usage2.fail(__n("Too many non-option arguments: got %s, maximum of %s", "Too many non-option arguments: got %s, maximum of %s", _s, _s.toString(), demandedCommands._.max.toString()))));
  }, self.positionalCount = function(required, observed) {
    observed < required && usage2.fail(__n("Not enough non-option arguments: got %s, need at least %s", "Not enough non-option arguments: got %s, need at least %s", observed, observed + "", required + ""));
  }, self.requiredArguments = function(argv, demandedOptions) {
    let missing = null;
    for (let key of Object.keys(demandedOptions))
      (!Object.prototype.hasOwnProperty.call(argv, key) || typeof argv[key] > "u") && (missing = missing || {}, missing[key] = demandedOptions[key]);
    if (missing) {
      let customMsgs = [];
      for (let key of Object.keys(missing)) {
        let msg = missing[key];
        msg && customMsgs.indexOf(msg) < 0 && customMsgs.push(msg);
      }
      let customMsg = customMsgs.length ? `
${customMsgs.join(`
`)}` : "";
      usage2.fail(__n("Missing required argument: %s", "Missing required arguments: %s", Object.keys(missing).length, Object.keys(missing).join(", ") + customMsg));
    }
  }, self.unknownArguments = function(argv, aliases, positionalMap, isDefaultCommand, checkPositionals = !0) {
    var _a2;
    let commandKeys = yargs.getInternalMethods().getCommandInstance().getCommands(), unknown = [], currentContext = yargs.getInternalMethods().getContext();
    if (Object.keys(argv).forEach((key) => {
      !specialKeys.includes(key) && !Object.prototype.hasOwnProperty.call(positionalMap, key) && !Object.prototype.hasOwnProperty.call(yargs.getInternalMethods().getParseContext(), key) && !self.isValidAndSomeAliasIsNotNew(key, aliases) && unknown.push(key);
    }), checkPositionals && (currentContext.commands.length > 0 || commandKeys.length > 0 || isDefaultCommand) && argv._.slice(currentContext.commands.length).forEach((key) => {
      commandKeys.includes("" + key) || unknown.push("" + key);
    }), checkPositionals) {
      let maxNonOptDemanded = ((_a2 = yargs.getDemandedCommands()._) === null || _a2 === void 0 ? void 0 : _a2.max) || 0, expected2 = currentContext.commands.length + maxNonOptDemanded;
      expected2 < argv._.length && argv._.slice(expected2).forEach((key) => {
        key = String(key), !currentContext.commands.includes(key) && !unknown.includes(key) && unknown.push(key);
      });
    }
    unknown.length && usage2.fail(__n("Unknown argument: %s", "Unknown arguments: %s", unknown.length, unknown.map((s) => s.trim() ? s : `"${s}"`).join(", ")));
  }, self.unknownCommands = function(argv) {
    let commandKeys = yargs.getInternalMethods().getCommandInstance().getCommands(), unknown = [], currentContext = yargs.getInternalMethods().getContext();
    return (currentContext.commands.length > 0 || commandKeys.length > 0) && argv._.slice(currentContext.commands.length).forEach((key) => {
      commandKeys.includes("" + key) || unknown.push("" + key);
    }), unknown.length > 0 ? (usage2.fail(__n("Unknown command: %s", "Unknown commands: %s", unknown.length, unknown.join(", "))), !0) : !1;
  }, self.isValidAndSomeAliasIsNotNew = function(key, aliases) {
    if (!Object.prototype.hasOwnProperty.call(aliases, key))
      return !1;
    let newAliases = yargs.parsed.newAliases;
    return [key, ...aliases[key]].some((a) => !Object.prototype.hasOwnProperty.call(newAliases, a) || !newAliases[key]);
  }, self.limitedChoices = function(argv) {
    let options = yargs.getOptions(), invalid2 = {};
    if (!Object.keys(options.choices).length)
      return;
    Object.keys(argv).forEach((key) => {
      specialKeys.indexOf(key) === -1 && Object.prototype.hasOwnProperty.call(options.choices, key) && [].concat(argv[key]).forEach((value) => {
        options.choices[key].indexOf(value) === -1 && value !== void 0 && (invalid2[key] = (invalid2[key] || []).concat(value));
      });
    });
    let invalidKeys = Object.keys(invalid2);
    if (!invalidKeys.length)
      return;
    let msg = __("Invalid values:");
    invalidKeys.forEach((key) => {
      msg += `
  ${__("Argument: %s, Given: %s, Choices: %s", key, usage2.stringifiedValues(invalid2[key]), usage2.stringifiedValues(options.choices[key]))}`;
    }), usage2.fail(msg);
  };
  let implied = {};
  self.implies = function(key, value) {
    argsert("<string|object> [array|number|string]", [key, value], arguments.length), typeof key == "object" ? Object.keys(key).forEach((k) => {
      self.implies(k, key[k]);
    }) : (yargs.global(key), implied[key] || (implied[key] = []), Array.isArray(value) ? value.forEach((i) => self.implies(key, i)) : (assertNotStrictEqual(value, void 0, shim3), implied[key].push(value)));
  }, self.getImplied = function() {
    return implied;
  };
  function keyExists(argv, val) {
    let num = Number(val);
    return val = isNaN(num) ? val : num, typeof val == "number" ? val = argv._.length >= val : val.match(/^--no-.+/) ? (val = val.match(/^--no-(.+)/)[1], val = !Object.prototype.hasOwnProperty.call(argv, val)) : val = Object.prototype.hasOwnProperty.call(argv, val), val;
  }
  self.implications = function(argv) {
    let implyFail = [];
    if (Object.keys(implied).forEach((key) => {
      let origKey = key;
      (implied[key] || []).forEach((value) => {
        let key2 = origKey, origValue = value;
        key2 = keyExists(argv, key2), value = keyExists(argv, value), key2 && !value && implyFail.push(` ${origKey} -> ${origValue}`);
      });
    }), implyFail.length) {
      let msg = `${__("Implications failed:")}
`;
      implyFail.forEach((value) => {
        msg += value;
      }), usage2.fail(msg);
    }
  };
  let conflicting = {};
  self.conflicts = function(key, value) {
    argsert("<string|object> [array|string]", [key, value], arguments.length), typeof key == "object" ? Object.keys(key).forEach((k) => {
      self.conflicts(k, key[k]);
    }) : (yargs.global(key), conflicting[key] || (conflicting[key] = []), Array.isArray(value) ? value.forEach((i) => self.conflicts(key, i)) : conflicting[key].push(value));
  }, self.getConflicting = () => conflicting, self.conflicting = function(argv) {
    Object.keys(argv).forEach((key) => {
      conflicting[key] && conflicting[key].forEach((value) => {
        value && argv[key] !== void 0 && argv[value] !== void 0 && usage2.fail(__("Arguments %s and %s are mutually exclusive", key, value));
      });
    }), yargs.getInternalMethods().getParserConfiguration()["strip-dashed"] && Object.keys(conflicting).forEach((key) => {
      conflicting[key].forEach((value) => {
        value && argv[shim3.Parser.camelCase(key)] !== void 0 && argv[shim3.Parser.camelCase(value)] !== void 0 && usage2.fail(__("Arguments %s and %s are mutually exclusive", key, value));
      });
    });
  }, self.recommendCommands = function(cmd, potentialCommands) {
    potentialCommands = potentialCommands.sort((a, b) => b.length - a.length);
    let recommended = null, bestDistance = 1 / 0;
    for (let i = 0, candidate; (candidate = potentialCommands[i]) !== void 0; i++) {
      let d = levenshtein(cmd, candidate);
      d <= 3 && d < bestDistance && (bestDistance = d, recommended = candidate);
    }
    recommended && usage2.fail(__("Did you mean %s?", recommended));
  }, self.reset = function(localLookup) {
    return implied = objFilter(implied, (k) => !localLookup[k]), conflicting = objFilter(conflicting, (k) => !localLookup[k]), self;
  };
  let frozens = [];
  return self.freeze = function() {
    frozens.push({
      implied,
      conflicting
    });
  }, self.unfreeze = function() {
    let frozen = frozens.pop();
    assertNotStrictEqual(frozen, void 0, shim3), { implied, conflicting } = frozen;
  }, self;
}
var specialKeys, init_validation = __esm({
  "node_modules/yargs/build/lib/validation.js"() {
    init_argsert();
    init_common_types();
    init_levenshtein();
    init_obj_filter();
    specialKeys = ["$0", "--", "_"];
  }
});

// node_modules/yargs/build/lib/utils/apply-extends.js
function applyExtends(config, cwd, mergeExtends, _shim) {
  shim2 = _shim;
  let defaultConfig = {};
  if (Object.prototype.hasOwnProperty.call(config, "extends")) {
    if (typeof config.extends != "string")
      return defaultConfig;
    let isPath = /\.json|\..*rc$/.test(config.extends), pathToDefault = null;
    if (isPath)
      pathToDefault = getPathToDefaultConfig(cwd, config.extends);
    else
      try {
        pathToDefault = require.resolve(config.extends);
      } catch {
        return config;
      }
    checkForCircularExtends(pathToDefault), previouslyVisitedConfigs.push(pathToDefault), defaultConfig = isPath ? JSON.parse(shim2.readFileSync(pathToDefault, "utf8")) : require(config.extends), delete config.extends, defaultConfig = applyExtends(defaultConfig, shim2.path.dirname(pathToDefault), mergeExtends, shim2);
  }
  return previouslyVisitedConfigs = [], mergeExtends ? mergeDeep(defaultConfig, config) : Object.assign({}, defaultConfig, config);
}
function checkForCircularExtends(cfgPath) {
  if (previouslyVisitedConfigs.indexOf(cfgPath) > -1)
    throw new YError(`Circular extended configurations: '${cfgPath}'.`);
}
function getPathToDefaultConfig(cwd, pathToExtend) {
  return shim2.path.resolve(cwd, pathToExtend);
}
function mergeDeep(config1, config2) {
  let target = {};
  function isObject2(obj) {
    return obj && typeof obj == "object" && !Array.isArray(obj);
  }
  Object.assign(target, config1);
  for (let key of Object.keys(config2))
    isObject2(config2[key]) && isObject2(target[key]) ? target[key] = mergeDeep(config1[key], config2[key]) : target[key] = config2[key];
  return target;
}
var previouslyVisitedConfigs, shim2, init_apply_extends = __esm({
  "node_modules/yargs/build/lib/utils/apply-extends.js"() {
    init_yerror();
    previouslyVisitedConfigs = [];
  }
});

// node_modules/yargs/build/lib/yargs-factory.js
function YargsFactory(_shim) {
  return (processArgs = [], cwd = _shim.process.cwd(), parentRequire) => {
    let yargs = new YargsInstance(processArgs, cwd, parentRequire, _shim);
    return Object.defineProperty(yargs, "argv", {
      get: () => yargs.parse(),
      enumerable: !0
    }), yargs.help(), yargs.version(), yargs;
  };
}
function isYargsInstance(y) {
  return !!y && typeof y.getInternalMethods == "function";
}
var __classPrivateFieldSet, __classPrivateFieldGet, _YargsInstance_command, _YargsInstance_cwd, _YargsInstance_context, _YargsInstance_completion, _YargsInstance_completionCommand, _YargsInstance_defaultShowHiddenOpt, _YargsInstance_exitError, _YargsInstance_detectLocale, _YargsInstance_emittedWarnings, _YargsInstance_exitProcess, _YargsInstance_frozens, _YargsInstance_globalMiddleware, _YargsInstance_groups, _YargsInstance_hasOutput, _YargsInstance_helpOpt, _YargsInstance_isGlobalContext, _YargsInstance_logger, _YargsInstance_output, _YargsInstance_options, _YargsInstance_parentRequire, _YargsInstance_parserConfig, _YargsInstance_parseFn, _YargsInstance_parseContext, _YargsInstance_pkgs, _YargsInstance_preservedGroups, _YargsInstance_processArgs, _YargsInstance_recommendCommands, _YargsInstance_shim, _YargsInstance_strict, _YargsInstance_strictCommands, _YargsInstance_strictOptions, _YargsInstance_usage, _YargsInstance_usageConfig, _YargsInstance_versionOpt, _YargsInstance_validation, kCopyDoubleDash, kCreateLogger, kDeleteFromParserHintObject, kEmitWarning, kFreeze, kGetDollarZero, kGetParserConfiguration, kGetUsageConfiguration, kGuessLocale, kGuessVersion, kParsePositionalNumbers, kPkgUp, kPopulateParserHintArray, kPopulateParserHintSingleValueDictionary, kPopulateParserHintArrayDictionary, kPopulateParserHintDictionary, kSanitizeKey, kSetKey, kUnfreeze, kValidateAsync, kGetCommandInstance, kGetContext, kGetHasOutput, kGetLoggerInstance, kGetParseContext, kGetUsageInstance, kGetValidationInstance, kHasParseCallback, kIsGlobalContext, kPostProcess, kRebase, kReset, kRunYargsParserAndExecuteCommands, kRunValidation, kSetHasOutput, kTrackManuallySetKeys, YargsInstance, init_yargs_factory = __esm({
  "node_modules/yargs/build/lib/yargs-factory.js"() {
    init_command();
    init_common_types();
    init_yerror();
    init_usage();
    init_argsert();
    init_completion();
    init_validation();
    init_obj_filter();
    init_apply_extends();
    init_middleware();
    init_is_promise();
    init_maybe_async_result();
    init_set_blocking();
    __classPrivateFieldSet = function(receiver, state, value, kind, f) {
      if (kind === "m") throw new TypeError("Private method is not writable");
      if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a setter");
      if (typeof state == "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot write private member to an object whose class did not declare it");
      return kind === "a" ? f.call(receiver, value) : f ? f.value = value : state.set(receiver, value), value;
    }, __classPrivateFieldGet = function(receiver, state, kind, f) {
      if (kind === "a" && !f) throw new TypeError("Private accessor was defined without a getter");
      if (typeof state == "function" ? receiver !== state || !f : !state.has(receiver)) throw new TypeError("Cannot read private member from an object whose class did not declare it");
      return kind === "m" ? f : kind === "a" ? f.call(receiver) : f ? f.value : state.get(receiver);
    };
    kCopyDoubleDash = /* @__PURE__ */ Symbol("copyDoubleDash"), kCreateLogger = /* @__PURE__ */ Symbol("copyDoubleDash"), kDeleteFromParserHintObject = /* @__PURE__ */ Symbol("deleteFromParserHintObject"), kEmitWarning = /* @__PURE__ */ Symbol("emitWarning"), kFreeze = /* @__PURE__ */ Symbol("freeze"), kGetDollarZero = /* @__PURE__ */ Symbol("getDollarZero"), kGetParserConfiguration = /* @__PURE__ */ Symbol("getParserConfiguration"), kGetUsageConfiguration = /* @__PURE__ */ Symbol("getUsageConfiguration"), kGuessLocale = /* @__PURE__ */ Symbol("guessLocale"), kGuessVersion = /* @__PURE__ */ Symbol("guessVersion"), kParsePositionalNumbers = /* @__PURE__ */ Symbol("parsePositionalNumbers"), kPkgUp = /* @__PURE__ */ Symbol("pkgUp"), kPopulateParserHintArray = /* @__PURE__ */ Symbol("populateParserHintArray"), kPopulateParserHintSingleValueDictionary = /* @__PURE__ */ Symbol("populateParserHintSingleValueDictionary"), kPopulateParserHintArrayDictionary = /* @__PURE__ */ Symbol("populateParserHintArrayDictionary"), kPopulateParserHintDictionary = /* @__PURE__ */ Symbol("populateParserHintDictionary"), kSanitizeKey = /* @__PURE__ */ Symbol("sanitizeKey"), kSetKey = /* @__PURE__ */ Symbol("setKey"), kUnfreeze = /* @__PURE__ */ Symbol("unfreeze"), kValidateAsync = /* @__PURE__ */ Symbol("validateAsync"), kGetCommandInstance = /* @__PURE__ */ Symbol("getCommandInstance"), kGetContext = /* @__PURE__ */ Symbol("getContext"), kGetHasOutput = /* @__PURE__ */ Symbol("getHasOutput"), kGetLoggerInstance = /* @__PURE__ */ Symbol("getLoggerInstance"), kGetParseContext = /* @__PURE__ */ Symbol("getParseContext"), kGetUsageInstance = /* @__PURE__ */ Symbol("getUsageInstance"), kGetValidationInstance = /* @__PURE__ */ Symbol("getValidationInstance"), kHasParseCallback = /* @__PURE__ */ Symbol("hasParseCallback"), kIsGlobalContext = /* @__PURE__ */ Symbol("isGlobalContext"), kPostProcess = /* @__PURE__ */ Symbol("postProcess"), kRebase = /* @__PURE__ */ Symbol("rebase"), kReset = /* @__PURE__ */ Symbol("reset"), kRunYargsParserAndExecuteCommands = /* @__PURE__ */ Symbol("runYargsParserAndExecuteCommands"), kRunValidation = /* @__PURE__ */ Symbol("runValidation"), kSetHasOutput = /* @__PURE__ */ Symbol("setHasOutput"), kTrackManuallySetKeys = /* @__PURE__ */ Symbol("kTrackManuallySetKeys"), YargsInstance = class {
      constructor(processArgs = [], cwd, parentRequire, shim3) {
        this.customScriptName = !1, this.parsed = !1, _YargsInstance_command.set(this, void 0), _YargsInstance_cwd.set(this, void 0), _YargsInstance_context.set(this, { commands: [], fullCommands: [] }), _YargsInstance_completion.set(this, null), _YargsInstance_completionCommand.set(this, null), _YargsInstance_defaultShowHiddenOpt.set(this, "show-hidden"), _YargsInstance_exitError.set(this, null), _YargsInstance_detectLocale.set(this, !0), _YargsInstance_emittedWarnings.set(this, {}), _YargsInstance_exitProcess.set(this, !0), _YargsInstance_frozens.set(this, []), _YargsInstance_globalMiddleware.set(this, void 0), _YargsInstance_groups.set(this, {}), _YargsInstance_hasOutput.set(this, !1), _YargsInstance_helpOpt.set(this, null), _YargsInstance_isGlobalContext.set(this, !0), _YargsInstance_logger.set(this, void 0), _YargsInstance_output.set(this, ""), _YargsInstance_options.set(this, void 0), _YargsInstance_parentRequire.set(this, void 0), _YargsInstance_parserConfig.set(this, {}), _YargsInstance_parseFn.set(this, null), _YargsInstance_parseContext.set(this, null), _YargsInstance_pkgs.set(this, {}), _YargsInstance_preservedGroups.set(this, {}), _YargsInstance_processArgs.set(this, void 0), _YargsInstance_recommendCommands.set(this, !1), _YargsInstance_shim.set(this, void 0), _YargsInstance_strict.set(this, !1), _YargsInstance_strictCommands.set(this, !1), _YargsInstance_strictOptions.set(this, !1), _YargsInstance_usage.set(this, void 0), _YargsInstance_usageConfig.set(this, {}), _YargsInstance_versionOpt.set(this, null), _YargsInstance_validation.set(this, void 0), __classPrivateFieldSet(this, _YargsInstance_shim, shim3, "f"), __classPrivateFieldSet(this, _YargsInstance_processArgs, processArgs, "f"), __classPrivateFieldSet(this, _YargsInstance_cwd, cwd, "f"), __classPrivateFieldSet(this, _YargsInstance_parentRequire, parentRequire, "f"), __classPrivateFieldSet(this, _YargsInstance_globalMiddleware, new GlobalMiddleware(this), "f"), this.$0 = this[kGetDollarZero](), this[kReset](), __classPrivateFieldSet(this, _YargsInstance_command, __classPrivateFieldGet(this, _YargsInstance_command, "f"), "f"), __classPrivateFieldSet(this, _YargsInstance_usage, __classPrivateFieldGet(this, _YargsInstance_usage, "f"), "f"), __classPrivateFieldSet(this, _YargsInstance_validation, __classPrivateFieldGet(this, _YargsInstance_validation, "f"), "f"), __classPrivateFieldSet(this, _YargsInstance_options, __classPrivateFieldGet(this, _YargsInstance_options, "f"), "f"), __classPrivateFieldGet(this, _YargsInstance_options, "f").showHiddenOpt = __classPrivateFieldGet(this, _YargsInstance_defaultShowHiddenOpt, "f"), __classPrivateFieldSet(this, _YargsInstance_logger, this[kCreateLogger](), "f");
      }
      addHelpOpt(opt, msg) {
        let defaultHelpOpt = "help";
        return argsert("[string|boolean] [string]", [opt, msg], arguments.length), __classPrivateFieldGet(this, _YargsInstance_helpOpt, "f") && (this[kDeleteFromParserHintObject](__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")), __classPrivateFieldSet(this, _YargsInstance_helpOpt, null, "f")), opt === !1 && msg === void 0 ? this : (__classPrivateFieldSet(this, _YargsInstance_helpOpt, typeof opt == "string" ? opt : defaultHelpOpt, "f"), this.boolean(__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")), this.describe(__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f"), msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Show help")), this);
      }
      help(opt, msg) {
        return this.addHelpOpt(opt, msg);
      }
      addShowHiddenOpt(opt, msg) {
        if (argsert("[string|boolean] [string]", [opt, msg], arguments.length), opt === !1 && msg === void 0)
          return this;
        let showHiddenOpt = typeof opt == "string" ? opt : __classPrivateFieldGet(this, _YargsInstance_defaultShowHiddenOpt, "f");
        return this.boolean(showHiddenOpt), this.describe(showHiddenOpt, msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Show hidden options")), __classPrivateFieldGet(this, _YargsInstance_options, "f").showHiddenOpt = showHiddenOpt, this;
      }
      showHidden(opt, msg) {
        return this.addShowHiddenOpt(opt, msg);
      }
      alias(key, value) {
        return argsert("<object|string|array> [string|array]", [key, value], arguments.length), this[kPopulateParserHintArrayDictionary](this.alias.bind(this), "alias", key, value), this;
      }
      array(keys) {
        return argsert("<array|string>", [keys], arguments.length), this[kPopulateParserHintArray]("array", keys), this[kTrackManuallySetKeys](keys), this;
      }
      boolean(keys) {
        return argsert("<array|string>", [keys], arguments.length), this[kPopulateParserHintArray]("boolean", keys), this[kTrackManuallySetKeys](keys), this;
      }
      check(f, global2) {
        return argsert("<function> [boolean]", [f, global2], arguments.length), this.middleware((argv, _yargs) => maybeAsyncResult(() => f(argv, _yargs.getOptions()), (result) => (result ? (typeof result == "string" || result instanceof Error) && __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(result.toString(), result) : __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(__classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.__("Argument check failed: %s", f.toString())), argv), (err) => (__classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(err.message ? err.message : err.toString(), err), argv)), !1, global2), this;
      }
      choices(key, value) {
        return argsert("<object|string|array> [string|array]", [key, value], arguments.length), this[kPopulateParserHintArrayDictionary](this.choices.bind(this), "choices", key, value), this;
      }
      coerce(keys, value) {
        if (argsert("<object|string|array> [function]", [keys, value], arguments.length), Array.isArray(keys)) {
          if (!value)
            throw new YError("coerce callback must be provided");
          for (let key of keys)
            this.coerce(key, value);
          return this;
        } else if (typeof keys == "object") {
          for (let key of Object.keys(keys))
            this.coerce(key, keys[key]);
          return this;
        }
        if (!value)
          throw new YError("coerce callback must be provided");
        return __classPrivateFieldGet(this, _YargsInstance_options, "f").key[keys] = !0, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").addCoerceMiddleware((argv, yargs) => {
          let aliases;
          return Object.prototype.hasOwnProperty.call(argv, keys) ? maybeAsyncResult(() => (aliases = yargs.getAliases(), value(argv[keys])), (result) => {
            argv[keys] = result;
            let stripAliased = yargs.getInternalMethods().getParserConfiguration()["strip-aliased"];
            if (aliases[keys] && stripAliased !== !0)
              for (let alias of aliases[keys])
                argv[alias] = result;
            return argv;
          }, (err) => {
            throw new YError(err.message);
          }) : argv;
        }, keys), this;
      }
      conflicts(key1, key2) {
        return argsert("<string|object> [string|array]", [key1, key2], arguments.length), __classPrivateFieldGet(this, _YargsInstance_validation, "f").conflicts(key1, key2), this;
      }
      config(key = "config", msg, parseFn) {
        return argsert("[object|string] [string|function] [function]", [key, msg, parseFn], arguments.length), typeof key == "object" && !Array.isArray(key) ? (key = applyExtends(key, __classPrivateFieldGet(this, _YargsInstance_cwd, "f"), this[kGetParserConfiguration]()["deep-merge-config"] || !1, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = (__classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || []).concat(key), this) : (typeof msg == "function" && (parseFn = msg, msg = void 0), this.describe(key, msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Path to JSON config file")), (Array.isArray(key) ? key : [key]).forEach((k) => {
          __classPrivateFieldGet(this, _YargsInstance_options, "f").config[k] = parseFn || !0;
        }), this);
      }
      completion(cmd, desc, fn) {
        return argsert("[string] [string|boolean|function] [function]", [cmd, desc, fn], arguments.length), typeof desc == "function" && (fn = desc, desc = void 0), __classPrivateFieldSet(this, _YargsInstance_completionCommand, cmd || __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f") || "completion", "f"), !desc && desc !== !1 && (desc = "generate completion script"), this.command(__classPrivateFieldGet(this, _YargsInstance_completionCommand, "f"), desc), fn && __classPrivateFieldGet(this, _YargsInstance_completion, "f").registerFunction(fn), this;
      }
      command(cmd, description, builder, handler, middlewares, deprecated) {
        return argsert("<string|array|object> [string|boolean] [function|object] [function] [array] [boolean|string]", [cmd, description, builder, handler, middlewares, deprecated], arguments.length), __classPrivateFieldGet(this, _YargsInstance_command, "f").addHandler(cmd, description, builder, handler, middlewares, deprecated), this;
      }
      commands(cmd, description, builder, handler, middlewares, deprecated) {
        return this.command(cmd, description, builder, handler, middlewares, deprecated);
      }
      commandDir(dir, opts) {
        argsert("<string> [object]", [dir, opts], arguments.length);
        let req = __classPrivateFieldGet(this, _YargsInstance_parentRequire, "f") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").require;
        return __classPrivateFieldGet(this, _YargsInstance_command, "f").addDirectory(dir, req, __classPrivateFieldGet(this, _YargsInstance_shim, "f").getCallerFile(), opts), this;
      }
      count(keys) {
        return argsert("<array|string>", [keys], arguments.length), this[kPopulateParserHintArray]("count", keys), this[kTrackManuallySetKeys](keys), this;
      }
      default(key, value, defaultDescription) {
        return argsert("<object|string|array> [*] [string]", [key, value, defaultDescription], arguments.length), defaultDescription && (assertSingleKey(key, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] = defaultDescription), typeof value == "function" && (assertSingleKey(key, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), __classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] || (__classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] = __classPrivateFieldGet(this, _YargsInstance_usage, "f").functionDescription(value)), value = value.call()), this[kPopulateParserHintSingleValueDictionary](this.default.bind(this), "default", key, value), this;
      }
      defaults(key, value, defaultDescription) {
        return this.default(key, value, defaultDescription);
      }
      demandCommand(min = 1, max, minMsg, maxMsg) {
        return argsert("[number] [number|string] [string|null|undefined] [string|null|undefined]", [min, max, minMsg, maxMsg], arguments.length), typeof max != "number" && (minMsg = max, max = 1 / 0), this.global("_", !1), __classPrivateFieldGet(this, _YargsInstance_options, "f").demandedCommands._ = {
          min,
          max,
          minMsg,
          maxMsg
        }, this;
      }
      demand(keys, max, msg) {
        return Array.isArray(max) ? (max.forEach((key) => {
          assertNotStrictEqual(msg, !0, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), this.demandOption(key, msg);
        }), max = 1 / 0) : typeof max != "number" && (msg = max, max = 1 / 0), typeof keys == "number" ? (assertNotStrictEqual(msg, !0, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), this.demandCommand(keys, max, msg, msg)) : Array.isArray(keys) ? keys.forEach((key) => {
          assertNotStrictEqual(msg, !0, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), this.demandOption(key, msg);
        }) : typeof msg == "string" ? this.demandOption(keys, msg) : (msg === !0 || typeof msg > "u") && this.demandOption(keys), this;
      }
      demandOption(keys, msg) {
        return argsert("<object|string|array> [string]", [keys, msg], arguments.length), this[kPopulateParserHintSingleValueDictionary](this.demandOption.bind(this), "demandedOptions", keys, msg), this;
      }
      deprecateOption(option, message) {
        return argsert("<string> [string|boolean]", [option, message], arguments.length), __classPrivateFieldGet(this, _YargsInstance_options, "f").deprecatedOptions[option] = message, this;
      }
      describe(keys, description) {
        return argsert("<object|string|array> [string]", [keys, description], arguments.length), this[kSetKey](keys, !0), __classPrivateFieldGet(this, _YargsInstance_usage, "f").describe(keys, description), this;
      }
      detectLocale(detect) {
        return argsert("<boolean>", [detect], arguments.length), __classPrivateFieldSet(this, _YargsInstance_detectLocale, detect, "f"), this;
      }
      env(prefix) {
        return argsert("[string|boolean]", [prefix], arguments.length), prefix === !1 ? delete __classPrivateFieldGet(this, _YargsInstance_options, "f").envPrefix : __classPrivateFieldGet(this, _YargsInstance_options, "f").envPrefix = prefix || "", this;
      }
      epilogue(msg) {
        return argsert("<string>", [msg], arguments.length), __classPrivateFieldGet(this, _YargsInstance_usage, "f").epilog(msg), this;
      }
      epilog(msg) {
        return this.epilogue(msg);
      }
      example(cmd, description) {
        return argsert("<string|array> [string]", [cmd, description], arguments.length), Array.isArray(cmd) ? cmd.forEach((exampleParams) => this.example(...exampleParams)) : __classPrivateFieldGet(this, _YargsInstance_usage, "f").example(cmd, description), this;
      }
      exit(code, err) {
        __classPrivateFieldSet(this, _YargsInstance_hasOutput, !0, "f"), __classPrivateFieldSet(this, _YargsInstance_exitError, err, "f"), __classPrivateFieldGet(this, _YargsInstance_exitProcess, "f") && __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.exit(code);
      }
      exitProcess(enabled = !0) {
        return argsert("[boolean]", [enabled], arguments.length), __classPrivateFieldSet(this, _YargsInstance_exitProcess, enabled, "f"), this;
      }
      fail(f) {
        if (argsert("<function|boolean>", [f], arguments.length), typeof f == "boolean" && f !== !1)
          throw new YError("Invalid first argument. Expected function or boolean 'false'");
        return __classPrivateFieldGet(this, _YargsInstance_usage, "f").failFn(f), this;
      }
      getAliases() {
        return this.parsed ? this.parsed.aliases : {};
      }
      async getCompletion(args, done) {
        return argsert("<array> [function]", [args, done], arguments.length), done ? __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(args, done) : new Promise((resolve12, reject) => {
          __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(args, (err, completions) => {
            err ? reject(err) : resolve12(completions);
          });
        });
      }
      getDemandedOptions() {
        return argsert([], 0), __classPrivateFieldGet(this, _YargsInstance_options, "f").demandedOptions;
      }
      getDemandedCommands() {
        return argsert([], 0), __classPrivateFieldGet(this, _YargsInstance_options, "f").demandedCommands;
      }
      getDeprecatedOptions() {
        return argsert([], 0), __classPrivateFieldGet(this, _YargsInstance_options, "f").deprecatedOptions;
      }
      getDetectLocale() {
        return __classPrivateFieldGet(this, _YargsInstance_detectLocale, "f");
      }
      getExitProcess() {
        return __classPrivateFieldGet(this, _YargsInstance_exitProcess, "f");
      }
      getGroups() {
        return Object.assign({}, __classPrivateFieldGet(this, _YargsInstance_groups, "f"), __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f"));
      }
      getHelp() {
        if (__classPrivateFieldSet(this, _YargsInstance_hasOutput, !0, "f"), !__classPrivateFieldGet(this, _YargsInstance_usage, "f").hasCachedHelpMessage()) {
          if (!this.parsed) {
            let parse2 = this[kRunYargsParserAndExecuteCommands](__classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), void 0, void 0, 0, !0);
            if (isPromise(parse2))
              return parse2.then(() => __classPrivateFieldGet(this, _YargsInstance_usage, "f").help());
          }
          let builderResponse = __classPrivateFieldGet(this, _YargsInstance_command, "f").runDefaultBuilderOn(this);
          if (isPromise(builderResponse))
            return builderResponse.then(() => __classPrivateFieldGet(this, _YargsInstance_usage, "f").help());
        }
        return Promise.resolve(__classPrivateFieldGet(this, _YargsInstance_usage, "f").help());
      }
      getOptions() {
        return __classPrivateFieldGet(this, _YargsInstance_options, "f");
      }
      getStrict() {
        return __classPrivateFieldGet(this, _YargsInstance_strict, "f");
      }
      getStrictCommands() {
        return __classPrivateFieldGet(this, _YargsInstance_strictCommands, "f");
      }
      getStrictOptions() {
        return __classPrivateFieldGet(this, _YargsInstance_strictOptions, "f");
      }
      global(globals, global2) {
        return argsert("<string|array> [boolean]", [globals, global2], arguments.length), globals = [].concat(globals), global2 !== !1 ? __classPrivateFieldGet(this, _YargsInstance_options, "f").local = __classPrivateFieldGet(this, _YargsInstance_options, "f").local.filter((l) => globals.indexOf(l) === -1) : globals.forEach((g) => {
          __classPrivateFieldGet(this, _YargsInstance_options, "f").local.includes(g) || __classPrivateFieldGet(this, _YargsInstance_options, "f").local.push(g);
        }), this;
      }
      group(opts, groupName) {
        argsert("<string|array> <string>", [opts, groupName], arguments.length);
        let existing = __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f")[groupName] || __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName];
        __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f")[groupName] && delete __classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f")[groupName];
        let seen = {};
        return __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName] = (existing || []).concat(opts).filter((key) => seen[key] ? !1 : seen[key] = !0), this;
      }
      hide(key) {
        return argsert("<string>", [key], arguments.length), __classPrivateFieldGet(this, _YargsInstance_options, "f").hiddenOptions.push(key), this;
      }
      implies(key, value) {
        return argsert("<string|object> [number|string|array]", [key, value], arguments.length), __classPrivateFieldGet(this, _YargsInstance_validation, "f").implies(key, value), this;
      }
      locale(locale) {
        return argsert("[string]", [locale], arguments.length), locale === void 0 ? (this[kGuessLocale](), __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.getLocale()) : (__classPrivateFieldSet(this, _YargsInstance_detectLocale, !1, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.setLocale(locale), this);
      }
      middleware(callback, applyBeforeValidation, global2) {
        return __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").addMiddleware(callback, !!applyBeforeValidation, global2);
      }
      nargs(key, value) {
        return argsert("<string|object|array> [number]", [key, value], arguments.length), this[kPopulateParserHintSingleValueDictionary](this.nargs.bind(this), "narg", key, value), this;
      }
      normalize(keys) {
        return argsert("<array|string>", [keys], arguments.length), this[kPopulateParserHintArray]("normalize", keys), this;
      }
      number(keys) {
        return argsert("<array|string>", [keys], arguments.length), this[kPopulateParserHintArray]("number", keys), this[kTrackManuallySetKeys](keys), this;
      }
      option(key, opt) {
        if (argsert("<string|object> [object]", [key, opt], arguments.length), typeof key == "object")
          Object.keys(key).forEach((k) => {
            this.options(k, key[k]);
          });
        else {
          typeof opt != "object" && (opt = {}), this[kTrackManuallySetKeys](key), __classPrivateFieldGet(this, _YargsInstance_versionOpt, "f") && (key === "version" || opt?.alias === "version") && this[kEmitWarning]([
            '"version" is a reserved word.',
            "Please do one of the following:",
            '- Disable version with `yargs.version(false)` if using "version" as an option',
            "- Use the built-in `yargs.version` method instead (if applicable)",
            "- Use a different option key",
            "https://yargs.js.org/docs/#api-reference-version"
          ].join(`
`), void 0, "versionWarning"), __classPrivateFieldGet(this, _YargsInstance_options, "f").key[key] = !0, opt.alias && this.alias(key, opt.alias);
          let deprecate = opt.deprecate || opt.deprecated;
          deprecate && this.deprecateOption(key, deprecate);
          let demand = opt.demand || opt.required || opt.require;
          demand && this.demand(key, demand), opt.demandOption && this.demandOption(key, typeof opt.demandOption == "string" ? opt.demandOption : void 0), opt.conflicts && this.conflicts(key, opt.conflicts), "default" in opt && this.default(key, opt.default), opt.implies !== void 0 && this.implies(key, opt.implies), opt.nargs !== void 0 && this.nargs(key, opt.nargs), opt.config && this.config(key, opt.configParser), opt.normalize && this.normalize(key), opt.choices && this.choices(key, opt.choices), opt.coerce && this.coerce(key, opt.coerce), opt.group && this.group(key, opt.group), (opt.boolean || opt.type === "boolean") && (this.boolean(key), opt.alias && this.boolean(opt.alias)), (opt.array || opt.type === "array") && (this.array(key), opt.alias && this.array(opt.alias)), (opt.number || opt.type === "number") && (this.number(key), opt.alias && this.number(opt.alias)), (opt.string || opt.type === "string") && (this.string(key), opt.alias && this.string(opt.alias)), (opt.count || opt.type === "count") && this.count(key), typeof opt.global == "boolean" && this.global(key, opt.global), opt.defaultDescription && (__classPrivateFieldGet(this, _YargsInstance_options, "f").defaultDescription[key] = opt.defaultDescription), opt.skipValidation && this.skipValidation(key);
          let desc = opt.describe || opt.description || opt.desc, descriptions = __classPrivateFieldGet(this, _YargsInstance_usage, "f").getDescriptions();
          (!Object.prototype.hasOwnProperty.call(descriptions, key) || typeof desc == "string") && this.describe(key, desc), opt.hidden && this.hide(key), opt.requiresArg && this.requiresArg(key);
        }
        return this;
      }
      options(key, opt) {
        return this.option(key, opt);
      }
      parse(args, shortCircuit, _parseFn) {
        argsert("[string|array] [function|boolean|object] [function]", [args, shortCircuit, _parseFn], arguments.length), this[kFreeze](), typeof args > "u" && (args = __classPrivateFieldGet(this, _YargsInstance_processArgs, "f")), typeof shortCircuit == "object" && (__classPrivateFieldSet(this, _YargsInstance_parseContext, shortCircuit, "f"), shortCircuit = _parseFn), typeof shortCircuit == "function" && (__classPrivateFieldSet(this, _YargsInstance_parseFn, shortCircuit, "f"), shortCircuit = !1), shortCircuit || __classPrivateFieldSet(this, _YargsInstance_processArgs, args, "f"), __classPrivateFieldGet(this, _YargsInstance_parseFn, "f") && __classPrivateFieldSet(this, _YargsInstance_exitProcess, !1, "f");
        let parsed = this[kRunYargsParserAndExecuteCommands](args, !!shortCircuit), tmpParsed = this.parsed;
        return __classPrivateFieldGet(this, _YargsInstance_completion, "f").setParsed(this.parsed), isPromise(parsed) ? parsed.then((argv) => (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f") && __classPrivateFieldGet(this, _YargsInstance_parseFn, "f").call(this, __classPrivateFieldGet(this, _YargsInstance_exitError, "f"), argv, __classPrivateFieldGet(this, _YargsInstance_output, "f")), argv)).catch((err) => {
          throw __classPrivateFieldGet(this, _YargsInstance_parseFn, "f") && __classPrivateFieldGet(this, _YargsInstance_parseFn, "f")(err, this.parsed.argv, __classPrivateFieldGet(this, _YargsInstance_output, "f")), err;
        }).finally(() => {
          this[kUnfreeze](), this.parsed = tmpParsed;
        }) : (__classPrivateFieldGet(this, _YargsInstance_parseFn, "f") && __classPrivateFieldGet(this, _YargsInstance_parseFn, "f").call(this, __classPrivateFieldGet(this, _YargsInstance_exitError, "f"), parsed, __classPrivateFieldGet(this, _YargsInstance_output, "f")), this[kUnfreeze](), this.parsed = tmpParsed, parsed);
      }
      parseAsync(args, shortCircuit, _parseFn) {
        let maybePromise = this.parse(args, shortCircuit, _parseFn);
        return isPromise(maybePromise) ? maybePromise : Promise.resolve(maybePromise);
      }
      parseSync(args, shortCircuit, _parseFn) {
        let maybePromise = this.parse(args, shortCircuit, _parseFn);
        if (isPromise(maybePromise))
          throw new YError(".parseSync() must not be used with asynchronous builders, handlers, or middleware");
        return maybePromise;
      }
      parserConfiguration(config) {
        return argsert("<object>", [config], arguments.length), __classPrivateFieldSet(this, _YargsInstance_parserConfig, config, "f"), this;
      }
      pkgConf(key, rootPath) {
        argsert("<string> [string]", [key, rootPath], arguments.length);
        let conf = null, obj = this[kPkgUp](rootPath || __classPrivateFieldGet(this, _YargsInstance_cwd, "f"));
        return obj[key] && typeof obj[key] == "object" && (conf = applyExtends(obj[key], rootPath || __classPrivateFieldGet(this, _YargsInstance_cwd, "f"), this[kGetParserConfiguration]()["deep-merge-config"] || !1, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = (__classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || []).concat(conf)), this;
      }
      positional(key, opts) {
        argsert("<string> <object>", [key, opts], arguments.length);
        let supportedOpts = [
          "default",
          "defaultDescription",
          "implies",
          "normalize",
          "choices",
          "conflicts",
          "coerce",
          "type",
          "describe",
          "desc",
          "description",
          "alias"
        ];
        opts = objFilter(opts, (k, v) => k === "type" && !["string", "number", "boolean"].includes(v) ? !1 : supportedOpts.includes(k));
        let fullCommand = __classPrivateFieldGet(this, _YargsInstance_context, "f").fullCommands[__classPrivateFieldGet(this, _YargsInstance_context, "f").fullCommands.length - 1], parseOptions = fullCommand ? __classPrivateFieldGet(this, _YargsInstance_command, "f").cmdToParseOptions(fullCommand) : {
          array: [],
          alias: {},
          default: {},
          demand: {}
        };
        return objectKeys(parseOptions).forEach((pk) => {
          let parseOption = parseOptions[pk];
          Array.isArray(parseOption) ? parseOption.indexOf(key) !== -1 && (opts[pk] = !0) : parseOption[key] && !(pk in opts) && (opts[pk] = parseOption[key]);
        }), this.group(key, __classPrivateFieldGet(this, _YargsInstance_usage, "f").getPositionalGroupName()), this.option(key, opts);
      }
      recommendCommands(recommend = !0) {
        return argsert("[boolean]", [recommend], arguments.length), __classPrivateFieldSet(this, _YargsInstance_recommendCommands, recommend, "f"), this;
      }
      required(keys, max, msg) {
        return this.demand(keys, max, msg);
      }
      require(keys, max, msg) {
        return this.demand(keys, max, msg);
      }
      requiresArg(keys) {
        return argsert("<array|string|object> [number]", [keys], arguments.length), typeof keys == "string" && __classPrivateFieldGet(this, _YargsInstance_options, "f").narg[keys] ? this : (this[kPopulateParserHintSingleValueDictionary](this.requiresArg.bind(this), "narg", keys, NaN), this);
      }
      showCompletionScript($0, cmd) {
        return argsert("[string] [string]", [$0, cmd], arguments.length), $0 = $0 || this.$0, __classPrivateFieldGet(this, _YargsInstance_logger, "f").log(__classPrivateFieldGet(this, _YargsInstance_completion, "f").generateCompletionScript($0, cmd || __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f") || "completion")), this;
      }
      showHelp(level) {
        if (argsert("[string|function]", [level], arguments.length), __classPrivateFieldSet(this, _YargsInstance_hasOutput, !0, "f"), !__classPrivateFieldGet(this, _YargsInstance_usage, "f").hasCachedHelpMessage()) {
          if (!this.parsed) {
            let parse2 = this[kRunYargsParserAndExecuteCommands](__classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), void 0, void 0, 0, !0);
            if (isPromise(parse2))
              return parse2.then(() => {
                __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelp(level);
              }), this;
          }
          let builderResponse = __classPrivateFieldGet(this, _YargsInstance_command, "f").runDefaultBuilderOn(this);
          if (isPromise(builderResponse))
            return builderResponse.then(() => {
              __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelp(level);
            }), this;
        }
        return __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelp(level), this;
      }
      scriptName(scriptName) {
        return this.customScriptName = !0, this.$0 = scriptName, this;
      }
      showHelpOnFail(enabled, message) {
        return argsert("[boolean|string] [string]", [enabled, message], arguments.length), __classPrivateFieldGet(this, _YargsInstance_usage, "f").showHelpOnFail(enabled, message), this;
      }
      showVersion(level) {
        return argsert("[string|function]", [level], arguments.length), __classPrivateFieldGet(this, _YargsInstance_usage, "f").showVersion(level), this;
      }
      skipValidation(keys) {
        return argsert("<array|string>", [keys], arguments.length), this[kPopulateParserHintArray]("skipValidation", keys), this;
      }
      strict(enabled) {
        return argsert("[boolean]", [enabled], arguments.length), __classPrivateFieldSet(this, _YargsInstance_strict, enabled !== !1, "f"), this;
      }
      strictCommands(enabled) {
        return argsert("[boolean]", [enabled], arguments.length), __classPrivateFieldSet(this, _YargsInstance_strictCommands, enabled !== !1, "f"), this;
      }
      strictOptions(enabled) {
        return argsert("[boolean]", [enabled], arguments.length), __classPrivateFieldSet(this, _YargsInstance_strictOptions, enabled !== !1, "f"), this;
      }
      string(keys) {
        return argsert("<array|string>", [keys], arguments.length), this[kPopulateParserHintArray]("string", keys), this[kTrackManuallySetKeys](keys), this;
      }
      terminalWidth() {
        return argsert([], 0), __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.stdColumns;
      }
      updateLocale(obj) {
        return this.updateStrings(obj);
      }
      updateStrings(obj) {
        return argsert("<object>", [obj], arguments.length), __classPrivateFieldSet(this, _YargsInstance_detectLocale, !1, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.updateLocale(obj), this;
      }
      usage(msg, description, builder, handler) {
        if (argsert("<string|null|undefined> [string|boolean] [function|object] [function]", [msg, description, builder, handler], arguments.length), description !== void 0) {
          if (assertNotStrictEqual(msg, null, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), (msg || "").match(/^\$0( |$)/))
            return this.command(msg, description, builder, handler);
          throw new YError(".usage() description must start with $0 if being used as alias for .command()");
        } else
          return __classPrivateFieldGet(this, _YargsInstance_usage, "f").usage(msg), this;
      }
      usageConfiguration(config) {
        return argsert("<object>", [config], arguments.length), __classPrivateFieldSet(this, _YargsInstance_usageConfig, config, "f"), this;
      }
      version(opt, msg, ver) {
        let defaultVersionOpt = "version";
        if (argsert("[boolean|string] [string] [string]", [opt, msg, ver], arguments.length), __classPrivateFieldGet(this, _YargsInstance_versionOpt, "f") && (this[kDeleteFromParserHintObject](__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f")), __classPrivateFieldGet(this, _YargsInstance_usage, "f").version(void 0), __classPrivateFieldSet(this, _YargsInstance_versionOpt, null, "f")), arguments.length === 0)
          ver = this[kGuessVersion](), opt = defaultVersionOpt;
        else if (arguments.length === 1) {
          if (opt === !1)
            return this;
          ver = opt, opt = defaultVersionOpt;
        } else arguments.length === 2 && (ver = msg, msg = void 0);
        return __classPrivateFieldSet(this, _YargsInstance_versionOpt, typeof opt == "string" ? opt : defaultVersionOpt, "f"), msg = msg || __classPrivateFieldGet(this, _YargsInstance_usage, "f").deferY18nLookup("Show version number"), __classPrivateFieldGet(this, _YargsInstance_usage, "f").version(ver || void 0), this.boolean(__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f")), this.describe(__classPrivateFieldGet(this, _YargsInstance_versionOpt, "f"), msg), this;
      }
      wrap(cols) {
        return argsert("<number|null|undefined>", [cols], arguments.length), __classPrivateFieldGet(this, _YargsInstance_usage, "f").wrap(cols), this;
      }
      [(_YargsInstance_command = /* @__PURE__ */ new WeakMap(), _YargsInstance_cwd = /* @__PURE__ */ new WeakMap(), _YargsInstance_context = /* @__PURE__ */ new WeakMap(), _YargsInstance_completion = /* @__PURE__ */ new WeakMap(), _YargsInstance_completionCommand = /* @__PURE__ */ new WeakMap(), _YargsInstance_defaultShowHiddenOpt = /* @__PURE__ */ new WeakMap(), _YargsInstance_exitError = /* @__PURE__ */ new WeakMap(), _YargsInstance_detectLocale = /* @__PURE__ */ new WeakMap(), _YargsInstance_emittedWarnings = /* @__PURE__ */ new WeakMap(), _YargsInstance_exitProcess = /* @__PURE__ */ new WeakMap(), _YargsInstance_frozens = /* @__PURE__ */ new WeakMap(), _YargsInstance_globalMiddleware = /* @__PURE__ */ new WeakMap(), _YargsInstance_groups = /* @__PURE__ */ new WeakMap(), _YargsInstance_hasOutput = /* @__PURE__ */ new WeakMap(), _YargsInstance_helpOpt = /* @__PURE__ */ new WeakMap(), _YargsInstance_isGlobalContext = /* @__PURE__ */ new WeakMap(), _YargsInstance_logger = /* @__PURE__ */ new WeakMap(), _YargsInstance_output = /* @__PURE__ */ new WeakMap(), _YargsInstance_options = /* @__PURE__ */ new WeakMap(), _YargsInstance_parentRequire = /* @__PURE__ */ new WeakMap(), _YargsInstance_parserConfig = /* @__PURE__ */ new WeakMap(), _YargsInstance_parseFn = /* @__PURE__ */ new WeakMap(), _YargsInstance_parseContext = /* @__PURE__ */ new WeakMap(), _YargsInstance_pkgs = /* @__PURE__ */ new WeakMap(), _YargsInstance_preservedGroups = /* @__PURE__ */ new WeakMap(), _YargsInstance_processArgs = /* @__PURE__ */ new WeakMap(), _YargsInstance_recommendCommands = /* @__PURE__ */ new WeakMap(), _YargsInstance_shim = /* @__PURE__ */ new WeakMap(), _YargsInstance_strict = /* @__PURE__ */ new WeakMap(), _YargsInstance_strictCommands = /* @__PURE__ */ new WeakMap(), _YargsInstance_strictOptions = /* @__PURE__ */ new WeakMap(), _YargsInstance_usage = /* @__PURE__ */ new WeakMap(), _YargsInstance_usageConfig = /* @__PURE__ */ new WeakMap(), _YargsInstance_versionOpt = /* @__PURE__ */ new WeakMap(), _YargsInstance_validation = /* @__PURE__ */ new WeakMap(), kCopyDoubleDash)](argv) {
        if (!argv._ || !argv["--"])
          return argv;
        argv._.push.apply(argv._, argv["--"]);
        try {
          delete argv["--"];
        } catch {
        }
        return argv;
      }
      [kCreateLogger]() {
        return {
          log: (...args) => {
            this[kHasParseCallback]() || console.log(...args), __classPrivateFieldSet(this, _YargsInstance_hasOutput, !0, "f"), __classPrivateFieldGet(this, _YargsInstance_output, "f").length && __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + `
`, "f"), __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + args.join(" "), "f");
          },
          error: (...args) => {
            this[kHasParseCallback]() || console.error(...args), __classPrivateFieldSet(this, _YargsInstance_hasOutput, !0, "f"), __classPrivateFieldGet(this, _YargsInstance_output, "f").length && __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + `
`, "f"), __classPrivateFieldSet(this, _YargsInstance_output, __classPrivateFieldGet(this, _YargsInstance_output, "f") + args.join(" "), "f");
          }
        };
      }
      [kDeleteFromParserHintObject](optionKey) {
        objectKeys(__classPrivateFieldGet(this, _YargsInstance_options, "f")).forEach((hintKey) => {
          if (/* @__PURE__ */ ((key) => key === "configObjects")(hintKey))
            return;
          let hint = __classPrivateFieldGet(this, _YargsInstance_options, "f")[hintKey];
          Array.isArray(hint) ? hint.includes(optionKey) && hint.splice(hint.indexOf(optionKey), 1) : typeof hint == "object" && delete hint[optionKey];
        }), delete __classPrivateFieldGet(this, _YargsInstance_usage, "f").getDescriptions()[optionKey];
      }
      [kEmitWarning](warning, type, deduplicationId) {
        __classPrivateFieldGet(this, _YargsInstance_emittedWarnings, "f")[deduplicationId] || (__classPrivateFieldGet(this, _YargsInstance_shim, "f").process.emitWarning(warning, type), __classPrivateFieldGet(this, _YargsInstance_emittedWarnings, "f")[deduplicationId] = !0);
      }
      [kFreeze]() {
        __classPrivateFieldGet(this, _YargsInstance_frozens, "f").push({
          options: __classPrivateFieldGet(this, _YargsInstance_options, "f"),
          configObjects: __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects.slice(0),
          exitProcess: __classPrivateFieldGet(this, _YargsInstance_exitProcess, "f"),
          groups: __classPrivateFieldGet(this, _YargsInstance_groups, "f"),
          strict: __classPrivateFieldGet(this, _YargsInstance_strict, "f"),
          strictCommands: __classPrivateFieldGet(this, _YargsInstance_strictCommands, "f"),
          strictOptions: __classPrivateFieldGet(this, _YargsInstance_strictOptions, "f"),
          completionCommand: __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f"),
          output: __classPrivateFieldGet(this, _YargsInstance_output, "f"),
          exitError: __classPrivateFieldGet(this, _YargsInstance_exitError, "f"),
          hasOutput: __classPrivateFieldGet(this, _YargsInstance_hasOutput, "f"),
          parsed: this.parsed,
          parseFn: __classPrivateFieldGet(this, _YargsInstance_parseFn, "f"),
          parseContext: __classPrivateFieldGet(this, _YargsInstance_parseContext, "f")
        }), __classPrivateFieldGet(this, _YargsInstance_usage, "f").freeze(), __classPrivateFieldGet(this, _YargsInstance_validation, "f").freeze(), __classPrivateFieldGet(this, _YargsInstance_command, "f").freeze(), __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").freeze();
      }
      [kGetDollarZero]() {
        let $0 = "", default$0;
        return /\b(node|iojs|electron)(\.exe)?$/.test(__classPrivateFieldGet(this, _YargsInstance_shim, "f").process.argv()[0]) ? default$0 = __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.argv().slice(1, 2) : default$0 = __classPrivateFieldGet(this, _YargsInstance_shim, "f").process.argv().slice(0, 1), $0 = default$0.map((x) => {
          let b = this[kRebase](__classPrivateFieldGet(this, _YargsInstance_cwd, "f"), x);
          return x.match(/^(\/|([a-zA-Z]:)?\\)/) && b.length < x.length ? b : x;
        }).join(" ").trim(), __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("_") && __classPrivateFieldGet(this, _YargsInstance_shim, "f").getProcessArgvBin() === __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("_") && ($0 = __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("_").replace(`${__classPrivateFieldGet(this, _YargsInstance_shim, "f").path.dirname(__classPrivateFieldGet(this, _YargsInstance_shim, "f").process.execPath())}/`, "")), $0;
      }
      [kGetParserConfiguration]() {
        return __classPrivateFieldGet(this, _YargsInstance_parserConfig, "f");
      }
      [kGetUsageConfiguration]() {
        return __classPrivateFieldGet(this, _YargsInstance_usageConfig, "f");
      }
      [kGuessLocale]() {
        if (!__classPrivateFieldGet(this, _YargsInstance_detectLocale, "f"))
          return;
        let locale = __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LC_ALL") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LC_MESSAGES") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LANG") || __classPrivateFieldGet(this, _YargsInstance_shim, "f").getEnv("LANGUAGE") || "en_US";
        this.locale(locale.replace(/[.:].*/, ""));
      }
      [kGuessVersion]() {
        return this[kPkgUp]().version || "unknown";
      }
      [kParsePositionalNumbers](argv) {
        let args = argv["--"] ? argv["--"] : argv._;
        for (let i = 0, arg; (arg = args[i]) !== void 0; i++)
          __classPrivateFieldGet(this, _YargsInstance_shim, "f").Parser.looksLikeNumber(arg) && Number.isSafeInteger(Math.floor(parseFloat(`${arg}`))) && (args[i] = Number(arg));
        return argv;
      }
      [kPkgUp](rootPath) {
        let npath = rootPath || "*";
        if (__classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath])
          return __classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath];
        let obj = {};
        try {
          let startDir = rootPath || __classPrivateFieldGet(this, _YargsInstance_shim, "f").mainFilename;
          !rootPath && __classPrivateFieldGet(this, _YargsInstance_shim, "f").path.extname(startDir) && (startDir = __classPrivateFieldGet(this, _YargsInstance_shim, "f").path.dirname(startDir));
          let pkgJsonPath = __classPrivateFieldGet(this, _YargsInstance_shim, "f").findUp(startDir, (dir, names) => {
            if (names.includes("package.json"))
              return "package.json";
          });
          assertNotStrictEqual(pkgJsonPath, void 0, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), obj = JSON.parse(__classPrivateFieldGet(this, _YargsInstance_shim, "f").readFileSync(pkgJsonPath, "utf8"));
        } catch {
        }
        return __classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath] = obj || {}, __classPrivateFieldGet(this, _YargsInstance_pkgs, "f")[npath];
      }
      [kPopulateParserHintArray](type, keys) {
        keys = [].concat(keys), keys.forEach((key) => {
          key = this[kSanitizeKey](key), __classPrivateFieldGet(this, _YargsInstance_options, "f")[type].push(key);
        });
      }
      [kPopulateParserHintSingleValueDictionary](builder, type, key, value) {
        this[kPopulateParserHintDictionary](builder, type, key, value, (type2, key2, value2) => {
          __classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key2] = value2;
        });
      }
      [kPopulateParserHintArrayDictionary](builder, type, key, value) {
        this[kPopulateParserHintDictionary](builder, type, key, value, (type2, key2, value2) => {
          __classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key2] = (__classPrivateFieldGet(this, _YargsInstance_options, "f")[type2][key2] || []).concat(value2);
        });
      }
      [kPopulateParserHintDictionary](builder, type, key, value, singleKeyHandler) {
        if (Array.isArray(key))
          key.forEach((k) => {
            builder(k, value);
          });
        else if (/* @__PURE__ */ ((key2) => typeof key2 == "object")(key))
          for (let k of objectKeys(key))
            builder(k, key[k]);
        else
          singleKeyHandler(type, this[kSanitizeKey](key), value);
      }
      [kSanitizeKey](key) {
        return key === "__proto__" ? "___proto___" : key;
      }
      [kSetKey](key, set) {
        return this[kPopulateParserHintSingleValueDictionary](this[kSetKey].bind(this), "key", key, set), this;
      }
      [kUnfreeze]() {
        var _a2, _b2, _c2, _d, _e, _f, _g, _h, _j, _k, _l, _m;
        let frozen = __classPrivateFieldGet(this, _YargsInstance_frozens, "f").pop();
        assertNotStrictEqual(frozen, void 0, __classPrivateFieldGet(this, _YargsInstance_shim, "f"));
        let configObjects;
        _a2 = this, _b2 = this, _c2 = this, _d = this, _e = this, _f = this, _g = this, _h = this, _j = this, _k = this, _l = this, _m = this, {
          options: { set value(_o) {
            __classPrivateFieldSet(_a2, _YargsInstance_options, _o, "f");
          } }.value,
          configObjects,
          exitProcess: { set value(_o) {
            __classPrivateFieldSet(_b2, _YargsInstance_exitProcess, _o, "f");
          } }.value,
          groups: { set value(_o) {
            __classPrivateFieldSet(_c2, _YargsInstance_groups, _o, "f");
          } }.value,
          output: { set value(_o) {
            __classPrivateFieldSet(_d, _YargsInstance_output, _o, "f");
          } }.value,
          exitError: { set value(_o) {
            __classPrivateFieldSet(_e, _YargsInstance_exitError, _o, "f");
          } }.value,
          hasOutput: { set value(_o) {
            __classPrivateFieldSet(_f, _YargsInstance_hasOutput, _o, "f");
          } }.value,
          parsed: this.parsed,
          strict: { set value(_o) {
            __classPrivateFieldSet(_g, _YargsInstance_strict, _o, "f");
          } }.value,
          strictCommands: { set value(_o) {
            __classPrivateFieldSet(_h, _YargsInstance_strictCommands, _o, "f");
          } }.value,
          strictOptions: { set value(_o) {
            __classPrivateFieldSet(_j, _YargsInstance_strictOptions, _o, "f");
          } }.value,
          completionCommand: { set value(_o) {
            __classPrivateFieldSet(_k, _YargsInstance_completionCommand, _o, "f");
          } }.value,
          parseFn: { set value(_o) {
            __classPrivateFieldSet(_l, _YargsInstance_parseFn, _o, "f");
          } }.value,
          parseContext: { set value(_o) {
            __classPrivateFieldSet(_m, _YargsInstance_parseContext, _o, "f");
          } }.value
        } = frozen, __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects = configObjects, __classPrivateFieldGet(this, _YargsInstance_usage, "f").unfreeze(), __classPrivateFieldGet(this, _YargsInstance_validation, "f").unfreeze(), __classPrivateFieldGet(this, _YargsInstance_command, "f").unfreeze(), __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").unfreeze();
      }
      [kValidateAsync](validation2, argv) {
        return maybeAsyncResult(argv, (result) => (validation2(result), result));
      }
      getInternalMethods() {
        return {
          getCommandInstance: this[kGetCommandInstance].bind(this),
          getContext: this[kGetContext].bind(this),
          getHasOutput: this[kGetHasOutput].bind(this),
          getLoggerInstance: this[kGetLoggerInstance].bind(this),
          getParseContext: this[kGetParseContext].bind(this),
          getParserConfiguration: this[kGetParserConfiguration].bind(this),
          getUsageConfiguration: this[kGetUsageConfiguration].bind(this),
          getUsageInstance: this[kGetUsageInstance].bind(this),
          getValidationInstance: this[kGetValidationInstance].bind(this),
          hasParseCallback: this[kHasParseCallback].bind(this),
          isGlobalContext: this[kIsGlobalContext].bind(this),
          postProcess: this[kPostProcess].bind(this),
          reset: this[kReset].bind(this),
          runValidation: this[kRunValidation].bind(this),
          runYargsParserAndExecuteCommands: this[kRunYargsParserAndExecuteCommands].bind(this),
          setHasOutput: this[kSetHasOutput].bind(this)
        };
      }
      [kGetCommandInstance]() {
        return __classPrivateFieldGet(this, _YargsInstance_command, "f");
      }
      [kGetContext]() {
        return __classPrivateFieldGet(this, _YargsInstance_context, "f");
      }
      [kGetHasOutput]() {
        return __classPrivateFieldGet(this, _YargsInstance_hasOutput, "f");
      }
      [kGetLoggerInstance]() {
        return __classPrivateFieldGet(this, _YargsInstance_logger, "f");
      }
      [kGetParseContext]() {
        return __classPrivateFieldGet(this, _YargsInstance_parseContext, "f") || {};
      }
      [kGetUsageInstance]() {
        return __classPrivateFieldGet(this, _YargsInstance_usage, "f");
      }
      [kGetValidationInstance]() {
        return __classPrivateFieldGet(this, _YargsInstance_validation, "f");
      }
      [kHasParseCallback]() {
        return !!__classPrivateFieldGet(this, _YargsInstance_parseFn, "f");
      }
      [kIsGlobalContext]() {
        return __classPrivateFieldGet(this, _YargsInstance_isGlobalContext, "f");
      }
      [kPostProcess](argv, populateDoubleDash, calledFromCommand, runGlobalMiddleware) {
        return calledFromCommand || isPromise(argv) || (populateDoubleDash || (argv = this[kCopyDoubleDash](argv)), (this[kGetParserConfiguration]()["parse-positional-numbers"] || this[kGetParserConfiguration]()["parse-positional-numbers"] === void 0) && (argv = this[kParsePositionalNumbers](argv)), runGlobalMiddleware && (argv = applyMiddleware(argv, this, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").getMiddleware(), !1))), argv;
      }
      [kReset](aliases = {}) {
        __classPrivateFieldSet(this, _YargsInstance_options, __classPrivateFieldGet(this, _YargsInstance_options, "f") || {}, "f");
        let tmpOptions = {};
        tmpOptions.local = __classPrivateFieldGet(this, _YargsInstance_options, "f").local || [], tmpOptions.configObjects = __classPrivateFieldGet(this, _YargsInstance_options, "f").configObjects || [];
        let localLookup = {};
        tmpOptions.local.forEach((l) => {
          localLookup[l] = !0, (aliases[l] || []).forEach((a) => {
            localLookup[a] = !0;
          });
        }), Object.assign(__classPrivateFieldGet(this, _YargsInstance_preservedGroups, "f"), Object.keys(__classPrivateFieldGet(this, _YargsInstance_groups, "f")).reduce((acc, groupName) => {
          let keys = __classPrivateFieldGet(this, _YargsInstance_groups, "f")[groupName].filter((key) => !(key in localLookup));
          return keys.length > 0 && (acc[groupName] = keys), acc;
        }, {})), __classPrivateFieldSet(this, _YargsInstance_groups, {}, "f");
        let arrayOptions = [
          "array",
          "boolean",
          "string",
          "skipValidation",
          "count",
          "normalize",
          "number",
          "hiddenOptions"
        ], objectOptions = [
          "narg",
          "key",
          "alias",
          "default",
          "defaultDescription",
          "config",
          "choices",
          "demandedOptions",
          "demandedCommands",
          "deprecatedOptions"
        ];
        return arrayOptions.forEach((k) => {
          tmpOptions[k] = (__classPrivateFieldGet(this, _YargsInstance_options, "f")[k] || []).filter((k2) => !localLookup[k2]);
        }), objectOptions.forEach((k) => {
          tmpOptions[k] = objFilter(__classPrivateFieldGet(this, _YargsInstance_options, "f")[k], (k2) => !localLookup[k2]);
        }), tmpOptions.envPrefix = __classPrivateFieldGet(this, _YargsInstance_options, "f").envPrefix, __classPrivateFieldSet(this, _YargsInstance_options, tmpOptions, "f"), __classPrivateFieldSet(this, _YargsInstance_usage, __classPrivateFieldGet(this, _YargsInstance_usage, "f") ? __classPrivateFieldGet(this, _YargsInstance_usage, "f").reset(localLookup) : usage(this, __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f"), __classPrivateFieldSet(this, _YargsInstance_validation, __classPrivateFieldGet(this, _YargsInstance_validation, "f") ? __classPrivateFieldGet(this, _YargsInstance_validation, "f").reset(localLookup) : validation(this, __classPrivateFieldGet(this, _YargsInstance_usage, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f"), __classPrivateFieldSet(this, _YargsInstance_command, __classPrivateFieldGet(this, _YargsInstance_command, "f") ? __classPrivateFieldGet(this, _YargsInstance_command, "f").reset() : command(__classPrivateFieldGet(this, _YargsInstance_usage, "f"), __classPrivateFieldGet(this, _YargsInstance_validation, "f"), __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f"), __classPrivateFieldGet(this, _YargsInstance_completion, "f") || __classPrivateFieldSet(this, _YargsInstance_completion, completion(this, __classPrivateFieldGet(this, _YargsInstance_usage, "f"), __classPrivateFieldGet(this, _YargsInstance_command, "f"), __classPrivateFieldGet(this, _YargsInstance_shim, "f")), "f"), __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").reset(), __classPrivateFieldSet(this, _YargsInstance_completionCommand, null, "f"), __classPrivateFieldSet(this, _YargsInstance_output, "", "f"), __classPrivateFieldSet(this, _YargsInstance_exitError, null, "f"), __classPrivateFieldSet(this, _YargsInstance_hasOutput, !1, "f"), this.parsed = !1, this;
      }
      [kRebase](base, dir) {
        return __classPrivateFieldGet(this, _YargsInstance_shim, "f").path.relative(base, dir);
      }
      [kRunYargsParserAndExecuteCommands](args, shortCircuit, calledFromCommand, commandIndex = 0, helpOnly = !1) {
        let skipValidation = !!calledFromCommand || helpOnly;
        args = args || __classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), __classPrivateFieldGet(this, _YargsInstance_options, "f").__ = __classPrivateFieldGet(this, _YargsInstance_shim, "f").y18n.__, __classPrivateFieldGet(this, _YargsInstance_options, "f").configuration = this[kGetParserConfiguration]();
        let populateDoubleDash = !!__classPrivateFieldGet(this, _YargsInstance_options, "f").configuration["populate--"], config = Object.assign({}, __classPrivateFieldGet(this, _YargsInstance_options, "f").configuration, {
          "populate--": !0
        }), parsed = __classPrivateFieldGet(this, _YargsInstance_shim, "f").Parser.detailed(args, Object.assign({}, __classPrivateFieldGet(this, _YargsInstance_options, "f"), {
          configuration: { "parse-positional-numbers": !1, ...config }
        })), argv = Object.assign(parsed.argv, __classPrivateFieldGet(this, _YargsInstance_parseContext, "f")), argvPromise, aliases = parsed.aliases, helpOptSet = !1, versionOptSet = !1;
        Object.keys(argv).forEach((key) => {
          key === __classPrivateFieldGet(this, _YargsInstance_helpOpt, "f") && argv[key] ? helpOptSet = !0 : key === __classPrivateFieldGet(this, _YargsInstance_versionOpt, "f") && argv[key] && (versionOptSet = !0);
        }), argv.$0 = this.$0, this.parsed = parsed, commandIndex === 0 && __classPrivateFieldGet(this, _YargsInstance_usage, "f").clearCachedHelpMessage();
        try {
          if (this[kGuessLocale](), shortCircuit)
            return this[kPostProcess](argv, populateDoubleDash, !!calledFromCommand, !1);
          __classPrivateFieldGet(this, _YargsInstance_helpOpt, "f") && [__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")].concat(aliases[__classPrivateFieldGet(this, _YargsInstance_helpOpt, "f")] || []).filter((k) => k.length > 1).includes("" + argv._[argv._.length - 1]) && (argv._.pop(), helpOptSet = !0), __classPrivateFieldSet(this, _YargsInstance_isGlobalContext, !1, "f");
          let handlerKeys = __classPrivateFieldGet(this, _YargsInstance_command, "f").getCommands(), requestCompletions = __classPrivateFieldGet(this, _YargsInstance_completion, "f").completionKey in argv, skipRecommendation = helpOptSet || requestCompletions || helpOnly;
          if (argv._.length) {
            if (handlerKeys.length) {
              let firstUnknownCommand;
              for (let i = commandIndex || 0, cmd; argv._[i] !== void 0; i++)
                if (cmd = String(argv._[i]), handlerKeys.includes(cmd) && cmd !== __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f")) {
                  let innerArgv = __classPrivateFieldGet(this, _YargsInstance_command, "f").runCommand(cmd, this, parsed, i + 1, helpOnly, helpOptSet || versionOptSet || helpOnly);
                  return this[kPostProcess](innerArgv, populateDoubleDash, !!calledFromCommand, !1);
                } else if (!firstUnknownCommand && cmd !== __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f")) {
                  firstUnknownCommand = cmd;
                  break;
                }
              !__classPrivateFieldGet(this, _YargsInstance_command, "f").hasDefaultCommand() && __classPrivateFieldGet(this, _YargsInstance_recommendCommands, "f") && firstUnknownCommand && !skipRecommendation && __classPrivateFieldGet(this, _YargsInstance_validation, "f").recommendCommands(firstUnknownCommand, handlerKeys);
            }
            __classPrivateFieldGet(this, _YargsInstance_completionCommand, "f") && argv._.includes(__classPrivateFieldGet(this, _YargsInstance_completionCommand, "f")) && !requestCompletions && (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f") && setBlocking(!0), this.showCompletionScript(), this.exit(0));
          }
          if (__classPrivateFieldGet(this, _YargsInstance_command, "f").hasDefaultCommand() && !skipRecommendation) {
            let innerArgv = __classPrivateFieldGet(this, _YargsInstance_command, "f").runCommand(null, this, parsed, 0, helpOnly, helpOptSet || versionOptSet || helpOnly);
            return this[kPostProcess](innerArgv, populateDoubleDash, !!calledFromCommand, !1);
          }
          if (requestCompletions) {
            __classPrivateFieldGet(this, _YargsInstance_exitProcess, "f") && setBlocking(!0), args = [].concat(args);
            let completionArgs = args.slice(args.indexOf(`--${__classPrivateFieldGet(this, _YargsInstance_completion, "f").completionKey}`) + 1);
            return __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(completionArgs, (err, completions) => {
              if (err)
                throw new YError(err.message);
              (completions || []).forEach((completion2) => {
                __classPrivateFieldGet(this, _YargsInstance_logger, "f").log(completion2);
              }), this.exit(0);
            }), this[kPostProcess](argv, !populateDoubleDash, !!calledFromCommand, !1);
          }
          if (__classPrivateFieldGet(this, _YargsInstance_hasOutput, "f") || (helpOptSet ? (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f") && setBlocking(!0), skipValidation = !0, this.showHelp("log"), this.exit(0)) : versionOptSet && (__classPrivateFieldGet(this, _YargsInstance_exitProcess, "f") && setBlocking(!0), skipValidation = !0, __classPrivateFieldGet(this, _YargsInstance_usage, "f").showVersion("log"), this.exit(0))), !skipValidation && __classPrivateFieldGet(this, _YargsInstance_options, "f").skipValidation.length > 0 && (skipValidation = Object.keys(argv).some((key) => __classPrivateFieldGet(this, _YargsInstance_options, "f").skipValidation.indexOf(key) >= 0 && argv[key] === !0)), !skipValidation) {
            if (parsed.error)
              throw new YError(parsed.error.message);
            if (!requestCompletions) {
              let validation2 = this[kRunValidation](aliases, {}, parsed.error);
              calledFromCommand || (argvPromise = applyMiddleware(argv, this, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").getMiddleware(), !0)), argvPromise = this[kValidateAsync](validation2, argvPromise ?? argv), isPromise(argvPromise) && !calledFromCommand && (argvPromise = argvPromise.then(() => applyMiddleware(argv, this, __classPrivateFieldGet(this, _YargsInstance_globalMiddleware, "f").getMiddleware(), !1)));
            }
          }
        } catch (err) {
          if (err instanceof YError)
            __classPrivateFieldGet(this, _YargsInstance_usage, "f").fail(err.message, err);
          else
            throw err;
        }
        return this[kPostProcess](argvPromise ?? argv, populateDoubleDash, !!calledFromCommand, !0);
      }
      [kRunValidation](aliases, positionalMap, parseErrors2, isDefaultCommand) {
        let demandedOptions = { ...this.getDemandedOptions() };
        return (argv) => {
          if (parseErrors2)
            throw new YError(parseErrors2.message);
          __classPrivateFieldGet(this, _YargsInstance_validation, "f").nonOptionCount(argv), __classPrivateFieldGet(this, _YargsInstance_validation, "f").requiredArguments(argv, demandedOptions);
          let failedStrictCommands = !1;
          __classPrivateFieldGet(this, _YargsInstance_strictCommands, "f") && (failedStrictCommands = __classPrivateFieldGet(this, _YargsInstance_validation, "f").unknownCommands(argv)), __classPrivateFieldGet(this, _YargsInstance_strict, "f") && !failedStrictCommands ? __classPrivateFieldGet(this, _YargsInstance_validation, "f").unknownArguments(argv, aliases, positionalMap, !!isDefaultCommand) : __classPrivateFieldGet(this, _YargsInstance_strictOptions, "f") && __classPrivateFieldGet(this, _YargsInstance_validation, "f").unknownArguments(argv, aliases, {}, !1, !1), __classPrivateFieldGet(this, _YargsInstance_validation, "f").limitedChoices(argv), __classPrivateFieldGet(this, _YargsInstance_validation, "f").implications(argv), __classPrivateFieldGet(this, _YargsInstance_validation, "f").conflicting(argv);
        };
      }
      [kSetHasOutput]() {
        __classPrivateFieldSet(this, _YargsInstance_hasOutput, !0, "f");
      }
      [kTrackManuallySetKeys](keys) {
        if (typeof keys == "string")
          __classPrivateFieldGet(this, _YargsInstance_options, "f").key[keys] = !0;
        else
          for (let k of keys)
            __classPrivateFieldGet(this, _YargsInstance_options, "f").key[k] = !0;
      }
    };
  }
});

// node_modules/yargs/index.mjs
var yargs_exports = {};
__export(yargs_exports, {
  default: () => yargs_default
});
var Yargs, yargs_default, init_yargs = __esm({
  "node_modules/yargs/index.mjs"() {
    "use strict";
    init_esm();
    init_yargs_factory();
    Yargs = YargsFactory(esm_default), yargs_default = Yargs;
  }
});

// src/mtls/endpoint.ts
function parseUrlOption(input, flag, form, rules) {
  let text2 = input.trim(), refuse = (problem) => {
    throw new UsageError(`${flag} ${JSON.stringify(input)} ${problem}; expected ${form}`);
  }, raw = /^([A-Za-z][A-Za-z0-9+.-]*:)\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/s.exec(text2);
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
    return new URL(text2);
  } catch {
    return refuse("is not a URL");
  }
}
function checkHost(host) {
  if (host.startsWith("["))
    return /^\[[0-9A-Fa-f:.]+\]$/.test(host) ? void 0 : `has the host ${host}, not an IPv6 address`;
  let labels2 = host.split(".");
  if (/^(?:[0-9]+|0[xX][0-9A-Fa-f]*)$/.test(labels2[labels2.length - 1]))
    return labels2.length === 4 && labels2.every((l) => OCTET.test(l)) ? void 0 : `has the numeric host ${host}, which URL parsers read as an IPv4 shorthand; write the address as four decimal numbers (a.b.c.d) or use a host name`;
  if (!labels2.every((l) => LABEL.test(l)))
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

// src/secret/pem.ts
function scanPem(text2) {
  let blocks = [], problems = [], open;
  for (let m of text2.matchAll(BOUNDARY)) {
    let kind = m[1], label = m[2] ?? "", at = m.index ?? 0;
    if (kind === "BEGIN") {
      open && problems.push(`the "BEGIN ${open.label}" block has no END line before the next BEGIN line`), open = { label, start: at };
      continue;
    }
    if (!open) {
      problems.push(`an "END ${label}" line has no matching BEGIN line`);
      continue;
    }
    if (label !== open.label) {
      problems.push(`the "BEGIN ${open.label}" block is closed by "END ${label}"`), open = void 0;
      continue;
    }
    let inner = text2.slice(open.start, at);
    blocks.push({
      label,
      text: text2.slice(open.start, at + m[0].length),
      procTypeEncrypted: /^[ \t]*Proc-Type:[ \t]*4[ \t]*,[ \t]*ENCRYPTED/im.test(inner)
    }), open = void 0;
  }
  return open && problems.push(`the "BEGIN ${open.label}" block has no END line (is the file truncated?)`), { blocks, problems };
}
function isPrivateKeyLabel(label) {
  return label === "PRIVATE KEY" || label.endsWith(" PRIVATE KEY");
}
function isCertificateLabel(label) {
  return label === "CERTIFICATE";
}
var BOUNDARY, READABLE_KEY_LABELS, init_pem = __esm({
  "src/secret/pem.ts"() {
    "use strict";
    BOUNDARY = /-----(BEGIN|END) ([A-Z0-9][A-Z0-9 ]*?)?-----/g;
    READABLE_KEY_LABELS = [
      "PRIVATE KEY",
      "RSA PRIVATE KEY",
      "EC PRIVATE KEY",
      "DSA PRIVATE KEY"
    ];
  }
});

// src/resources/certificate-info.ts
function certificateInfo(pem) {
  let block = FIRST_CERTIFICATE.exec(pem)?.[0];
  if (block !== void 0)
    try {
      let cert = new import_node_crypto.X509Certificate(block), notAfter = new Date(cert.validTo);
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
var import_node_crypto, EXPIRY_WARNING_DAYS, FIRST_CERTIFICATE, oneLineName, init_certificate_info = __esm({
  "src/resources/certificate-info.ts"() {
    "use strict";
    import_node_crypto = require("node:crypto"), EXPIRY_WARNING_DAYS = 30, FIRST_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/;
    oneLineName = (dn) => dn.split(`
`).join(", ");
  }
});

// src/secret/check-certificate.ts
var check_certificate_exports = {};
__export(check_certificate_exports, {
  EXPIRY_WARNING_DAYS: () => EXPIRY_WARNING_DAYS,
  MIN_RSA_BITS: () => MIN_RSA_BITS,
  checkClientCertificate: () => checkClientCertificate
});
function checkClientCertificate(input) {
  let { certFile, keyFile } = input, caFile = input.caFile ?? "the CA file", now = input.now ?? /* @__PURE__ */ new Date(), errors = [], warnings = [], notes = [], note = (file, message) => {
    notes.push({ file, message });
  }, error = (file, message) => {
    errors.push({ code: "CERT", severity: "error", message, file });
  }, warn = (file, message) => {
    warnings.push({ code: "CERT", severity: "warning", message, file });
  }, certScan = scanPem(input.certPem), keyScan = scanPem(input.keyPem);
  for (let p of certScan.problems) error(certFile, `${certFile} is not well-formed PEM: ${p}`);
  for (let p of keyScan.problems) error(keyFile, `${keyFile} is not well-formed PEM: ${p}`);
  let certBlocks = certScan.blocks.filter((b) => isCertificateLabel(b.label)), keysInCertFile = certScan.blocks.filter((b) => isPrivateKeyLabel(b.label)), keyBlocks = keyScan.blocks.filter((b) => isPrivateKeyLabel(b.label)), certsInKeyFile = keyScan.blocks.filter((b) => isCertificateLabel(b.label));
  if (certBlocks.length === 0 && keysInCertFile.length > 0 && keyBlocks.length === 0 && certsInKeyFile.length > 0)
    error(
      certFile,
      `${certFile} holds a private key and ${keyFile} holds a certificate: the certificate and key files look swapped (the certificate file must hold the CERTIFICATE, the key file the PRIVATE KEY)`
    );
  else {
    certScan.blocks.length === 0 ? error(certFile, notPemMessage(certFile, input.certPem, 'a "-----BEGIN CERTIFICATE-----" block', "x509")) : certBlocks.length === 0 ? error(
      certFile,
      keysInCertFile.length > 0 ? `${certFile} holds a private key (${labels(keysInCertFile)}) and no certificate; the certificate file must hold the client CERTIFICATE` : `${certFile} holds no CERTIFICATE block (found ${labels(certScan.blocks)})` + (certScan.blocks.some((b) => b.label.includes("CERTIFICATE REQUEST")) ? "; a certificate signing request must first be signed by your CA" : "")
    ) : keysInCertFile.length > 0 && error(
      certFile,
      `${certFile} holds a private key (${labels(keysInCertFile)}) as well as the certificate; the certificate file is not secret and must hold only certificates \u2014 keep the key in ${keyFile} alone`
    );
    let otherInCertFile = certScan.blocks.filter((b) => !isCertificateLabel(b.label) && !isPrivateKeyLabel(b.label));
    certBlocks.length > 0 && otherInCertFile.length > 0 && warn(certFile, `${certFile} also holds ${labels(otherInCertFile)}, which is ignored`), keyScan.blocks.length === 0 ? error(keyFile, notPemMessage(keyFile, input.keyPem, 'a "-----BEGIN PRIVATE KEY-----" block', "pkey")) : certsInKeyFile.length > 0 ? error(
      keyFile,
      keyBlocks.length === 0 ? `${keyFile} holds a certificate and no private key; the key file must hold the PRIVATE KEY that belongs to the certificate in ${certFile}` : `${keyFile} holds a certificate as well as the private key; the key file must hold only the PRIVATE KEY (the certificate goes in ${certFile})`
    ) : keyBlocks.length === 0 && error(keyFile, `${keyFile} holds no private key (found ${labels(keyScan.blocks)})`);
  }
  keyBlocks.length > 1 && error(keyFile, manyKeysMessage(keyFile, certFile, keyBlocks, certBlocks[0]));
  let privateKey, keyPem;
  if (keyBlocks.length === 1) {
    let block = keyBlocks[0], key;
    if (block.label === "ENCRYPTED PRIVATE KEY" || block.procTypeEncrypted)
      error(
        keyFile,
        `${keyFile} holds an encrypted private key; the delegate cannot read an encrypted key (it has no passphrase). Decrypt it first: openssl pkey -in ${shellQuote(keyFile)} -out ${outName(keyFile, "client.key", "decrypted")}`
      );
    else if (!READABLE_KEY_LABELS.includes(block.label))
      error(
        keyFile,
        `${keyFile} holds a "${block.label}" block, a format the delegate cannot read; convert it to PKCS#8 with: openssl pkey -in ${shellQuote(keyFile)} -out ${outName(keyFile, "client.key")}`
      );
    else
      try {
        key = (0, import_node_crypto2.createPrivateKey)({ key: block.text, format: "pem" });
      } catch (e) {
        error(keyFile, `${keyFile}: the private key cannot be read${safeReason(e)}`);
      }
    if (key !== void 0 && key.asymmetricKeyType !== "rsa")
      error(keyFile, notRsaMessage(keyFile, key));
    else if (key !== void 0) {
      privateKey = key;
      let onlyBlock = /^[\u0000-\u0020]*$/.test(input.keyPem.replace(block.text, ""));
      block.label === "RSA PRIVATE KEY" ? (keyPem = key.export({ type: "pkcs8", format: "pem" }), note(keyFile, "converted the PKCS#1 RSA key to PKCS#8, the only form the delegate loads")) : keyPem = onlyBlock ? input.keyPem : block.text + (block.text.includes(`\r
`) ? `\r
` : `
`), onlyBlock || note(
        keyFile,
        "dropped the text around the private key (such as Bag Attributes lines): the delegate loads a key file that holds the PRIVATE KEY block alone"
      );
    }
  }
  let chain = [], leafParsed = !1;
  certBlocks.forEach((block, i) => {
    try {
      chain.push(new import_node_crypto2.X509Certificate(block.text)), i === 0 && (leafParsed = !0);
    } catch (e) {
      error(
        certFile,
        i === 0 ? `${certFile}: the first certificate cannot be parsed${safeReason(e)}` : `${certFile}: certificate #${i + 1} of the chain cannot be parsed${safeReason(e)}`
      );
    }
  });
  let leaf = leafParsed ? chain[0] : void 0, result = { errors, warnings, notes };
  if (keyPem !== void 0 && (result.keyPem = keyPem), !leaf)
    return privateKey && checkRsaSize(privateKey, keyFile, warn), result;
  result.subject = leaf.subject;
  let notBefore = new Date(leaf.validFrom), notAfter = new Date(leaf.validTo);
  Number.isNaN(notAfter.getTime()) || (result.notAfter = notAfter);
  let who = describe(leaf);
  if (notBefore.getTime() > now.getTime() && error(
    certFile,
    `the certificate in ${certFile} (${who}) is not valid yet: it becomes valid on ${isoDate(notBefore)}`
  ), notAfter.getTime() < now.getTime())
    error(certFile, `the certificate in ${certFile} (${who}) expired on ${isoDate(notAfter)}`);
  else if (notAfter.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * DAY_MS) {
    let days = Math.ceil((notAfter.getTime() - now.getTime()) / DAY_MS);
    warn(
      certFile,
      `the certificate in ${certFile} (${who}) expires on ${isoDate(notAfter)}, in ${days} day${days === 1 ? "" : "s"}; renew it before then`
    );
  }
  let keyOwner = privateKey ? chain.findIndex((c) => c.checkPrivateKey(privateKey)) : 0;
  leaf.ca && keyOwner <= 0 && error(
    certFile,
    `the certificate in ${certFile} (${who}) is a CA certificate (basicConstraints CA:TRUE), not a client certificate: give the certificate the CA issued for the delegate's key (the CA certificate goes in --ca)`
  );
  let eku = leaf.keyUsage;
  if (eku === void 0 && !leaf.ca)
    note(
      certFile,
      `the certificate in ${certFile} (${who}) has no extended key usage, which allows any use, TLS client authentication included`
    );
  else if (eku !== void 0 && !eku.includes(OID_CLIENT_AUTH)) {
    let has = eku.length > 0 ? eku.map((oid) => EKU_NAMES[oid] ?? oid).join(", ") : "nothing";
    error(
      certFile,
      `the certificate in ${certFile} (${who}) is not allowed for TLS client authentication: its extended key usage lists ${has} but not clientAuth (${OID_CLIENT_AUTH})`
    );
  }
  return checkRsaSize(privateKey ?? leaf.publicKey, privateKey ? keyFile : certFile, warn), keyOwner !== 0 && error(
    keyFile,
    keyOwner > 0 ? `the private key in ${keyFile} does not belong to the first certificate in ${certFile} (${who}) but to certificate #${keyOwner + 1} of the chain; the client certificate must come first` : `the private key in ${keyFile} does not belong to the certificate in ${certFile} (${who}): their public keys differ`
  ), input.caPem !== void 0 && checkCa(input.caPem, caFile, certFile, chain, error), result;
}
function checkCa(caPem, caFile, certFile, chain, error) {
  let scan = scanPem(caPem);
  for (let p of scan.problems) error(caFile, `${caFile} is not well-formed PEM: ${p}`);
  let blocks = scan.blocks.filter((b) => isCertificateLabel(b.label));
  if (scan.blocks.some((b) => isPrivateKeyLabel(b.label)) && error(caFile, `${caFile} holds a private key; the CA file must hold only CA certificates`), blocks.length === 0) {
    error(
      caFile,
      scan.blocks.length === 0 ? notPemMessage(caFile, caPem, 'a "-----BEGIN CERTIFICATE-----" block', "x509") : `${caFile} holds no CERTIFICATE block (found ${labels(scan.blocks)})`
    );
    return;
  }
  let cas = [];
  for (let [i, block] of blocks.entries())
    try {
      cas.push(new import_node_crypto2.X509Certificate(block.text));
    } catch (e) {
      error(caFile, `${caFile}: certificate #${i + 1} cannot be parsed${safeReason(e)}`);
    }
  if (cas.length === 0) return;
  let leaf = chain[0], current = leaf, issuer, seen = /* @__PURE__ */ new Set([leaf]);
  for (; issuer = cas.find((ca) => current.checkIssued(ca)), !issuer; ) {
    let next = chain.find((c) => !seen.has(c) && current.checkIssued(c));
    if (!next) break;
    if (!current.verify(next.publicKey)) {
      error(
        certFile,
        `${certFile}: certificate ${describe(current)} is not signed by the next certificate of the chain (${describe(next)}), although the names match`
      );
      return;
    }
    seen.add(next), current = next;
  }
  let what = current === leaf ? `the certificate in ${certFile}` : `the chain in ${certFile} (top: ${describe(current)})`;
  if (issuer)
    current.verify(issuer.publicKey) || error(
      certFile,
      `${what} is not signed by the CA in ${caFile} (${describe(issuer)}): the issuer name matches but the signature does not verify with that CA's key`
    );
  else {
    let caNames = cas.map((c) => describe(c)).join("; "), sameName = cas.some((c) => c.subject === current.issuer);
    error(
      certFile,
      `${what} was not issued by the CA in ${caFile}: it names issuer "${oneLine(current.issuer)}", ${caFile} holds ${caNames}` + (sameName ? " (the same name, but a different CA: the authority key identifiers differ)" : "")
    );
  }
  for (let ca of issuer ? [issuer] : cas)
    ca.ca || error(
      caFile,
      `the certificate in ${caFile} (${describe(ca)}) is not a CA certificate (basicConstraints CA:TRUE is missing)`
    );
}
function keyKind(key) {
  switch (key.asymmetricKeyType) {
    case "ec": {
      let curve = key.asymmetricKeyDetails?.namedCurve;
      return curve === void 0 ? "an EC key" : `an EC key (${CURVE_NAMES[curve] ?? curve})`;
    }
    case "ed25519":
      return "an Ed25519 key";
    case "ed448":
      return "an Ed448 key";
    case "dsa":
      return "a DSA key";
    case "rsa-pss":
      return "an RSA-PSS key (restricted to RSASSA-PSS, not a plain RSA key)";
    default:
      return `a key of type ${key.asymmetricKeyType ?? "unknown"}`;
  }
}
function notRsaMessage(keyFile, key) {
  return `${keyFile} holds ${keyKind(key)}; the delegate loads only RSA keys and fails at start-up with any other. Make an RSA key and have your CA issue a certificate for it: openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ${outName(keyFile, "client.key", "rsa")}`;
}
function manyKeysMessage(keyFile, certFile, keyBlocks, certBlock) {
  let owner = -1;
  if (certBlock !== void 0)
    try {
      let leaf = new import_node_crypto2.X509Certificate(certBlock.text);
      owner = keyBlocks.findIndex((b) => {
        try {
          return leaf.checkPrivateKey((0, import_node_crypto2.createPrivateKey)({ key: b.text, format: "pem" }));
        } catch {
          return !1;
        }
      });
    } catch {
    }
  let head = `${keyFile} holds ${keyBlocks.length} private keys; it must hold exactly one (the delegate fails at start-up on a key file with more). `;
  return owner === 0 ? head + `Keep the first, the key of the certificate in ${certFile}: openssl pkey -in ${shellQuote(keyFile)} -out ${outName(keyFile, "client.key")}` : owner > 0 ? head + `Keep key #${owner + 1}, the key of the certificate in ${certFile}, and remove the others` : head + `Keep only the key of the certificate in ${certFile}`;
}
function checkRsaSize(key, file, warn) {
  let type = key.asymmetricKeyType, bits = key.asymmetricKeyDetails?.modulusLength;
  (type === "rsa" || type === "rsa-pss") && bits !== void 0 && bits < MIN_RSA_BITS && warn(file, `the RSA key in ${file} has ${bits} bits; use at least ${MIN_RSA_BITS} bits`);
}
function notPemMessage(file, content, expected2, tool) {
  return content.trim() === "" ? `${file} is empty; expected ${expected2}` : `${file} is not PEM: expected ${expected2}. If it is DER (binary), convert it with: openssl ${tool} -inform der -in ${shellQuote(file)} -out ${outName(file, tool === "x509" ? "client.crt" : "client.key")}`;
}
function labels(blocks) {
  let counts = /* @__PURE__ */ new Map();
  for (let b of blocks) counts.set(b.label, (counts.get(b.label) ?? 0) + 1);
  return [...counts].map(([label, n]) => n > 1 ? `${n} \xD7 ${label}` : label).join(", ");
}
function oneLine(dn) {
  return dn.split(`
`).join(", ");
}
function describe(cert) {
  return `subject "${oneLine(cert.subject)}"`;
}
function isoDate(d) {
  return Number.isNaN(d.getTime()) ? "an unreadable date" : d.toISOString().replace(/\.000Z$/, "Z");
}
function safeReason(e) {
  let reason = (e instanceof Error ? e.message : "").replace(/^error:[0-9A-Fa-f]+:/, "").trim();
  return reason === "" || /[A-Za-z0-9+/=]{24,}/.test(reason) || reason.length > 200 ? "" : ` (${reason})`;
}
function outName(input, preferred, tag = "converted") {
  return input.split(/[\\/]/).pop() === preferred ? preferred.replace(/\.(\w+)$/, `-${tag}.$1`) : preferred;
}
function shellQuote(s) {
  return /^[A-Za-z0-9_.,/:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}
var import_node_crypto2, MIN_RSA_BITS, OID_CLIENT_AUTH, EKU_NAMES, DAY_MS, CURVE_NAMES, init_check_certificate = __esm({
  "src/secret/check-certificate.ts"() {
    "use strict";
    import_node_crypto2 = require("node:crypto");
    init_pem();
    init_certificate_info();
    MIN_RSA_BITS = 2048, OID_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2", EKU_NAMES = {
      "1.3.6.1.5.5.7.3.1": "serverAuth",
      "1.3.6.1.5.5.7.3.2": "clientAuth",
      "1.3.6.1.5.5.7.3.3": "codeSigning",
      "1.3.6.1.5.5.7.3.4": "emailProtection",
      "1.3.6.1.5.5.7.3.8": "timeStamping",
      "1.3.6.1.5.5.7.3.9": "OCSPSigning",
      "2.5.29.37.0": "anyExtendedKeyUsage"
    }, DAY_MS = 1440 * 60 * 1e3;
    CURVE_NAMES = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" };
  }
});

// src/cli/load-certificate.ts
function kindOf(st) {
  if (!st.isFile())
    return st.isDirectory() ? "a directory" : st.isFIFO() ? "a FIFO (named pipe)" : st.isCharacterDevice() ? "a character device" : st.isBlockDevice() ? "a block device" : st.isSocket() ? "a socket" : "not a regular file";
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
  let path = (0, import_node_path.resolve)(io.cwd, file), cannot = (e) => new UsageError(
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
    let buf = Buffer.alloc(MAX_PEM_BYTES + 1), n = 0;
    for (; ; ) {
      let { bytesRead } = await handle.read(buf, n, buf.length - n, null);
      if (bytesRead === 0) break;
      if (n += bytesRead, n === buf.length) return tooBig(file, what, "");
    }
    return buf.subarray(0, n);
  } catch (e) {
    throw cannot(e);
  } finally {
    await handle?.close();
  }
}
async function loadCertificate(files2, io, quiet = !1) {
  if (files2.cert === void 0 && files2.key === void 0) {
    if (files2.ca !== void 0) throw new UsageError("--ca checks the client certificate: give --cert and --key too");
    return;
  }
  if (files2.cert === void 0 || files2.key === void 0)
    throw new UsageError("--cert and --key go together: the Secret needs both the certificate and its key");
  let print = (d) => io.stderr.write(formatDiagnostic(d) + `
`), read = await Promise.all([
    readPem(io, files2.cert, "certificate"),
    readPem(io, files2.key, "key"),
    files2.ca === void 0 ? void 0 : readPem(io, files2.ca, "CA certificate")
  ]), unread = read.filter((r) => r !== void 0 && !Buffer.isBuffer(r));
  if (unread.length > 0)
    return unread.forEach(print), !1;
  let [certBytes, keyBytes, caBytes] = read, certPem = certBytes.toString("utf8"), keyPem = keyBytes.toString("utf8"), caPem = caBytes?.toString("utf8"), { checkClientCertificate: checkClientCertificate2 } = await Promise.resolve().then(() => (init_check_certificate(), check_certificate_exports)), check = checkClientCertificate2({
    certPem,
    keyPem,
    certFile: files2.cert,
    keyFile: files2.key,
    ...caPem === void 0 ? {} : { caPem, caFile: files2.ca }
  });
  if (check.errors.length === 0) {
    let asGiven = [[files2.cert, certBytes, certPem]];
    check.keyPem === keyPem && asGiven.push([files2.key, keyBytes, keyPem]);
    for (let [file, bytes, text2] of asGiven)
      Buffer.from(text2, "utf8").equals(bytes) || check.errors.push({
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
var import_node_fs2, import_node_path, MAX_PEM_BYTES, refused, init_load_certificate = __esm({
  "src/cli/load-certificate.ts"() {
    "use strict";
    import_node_fs2 = require("node:fs"), import_node_path = require("node:path");
    init_errors();
    MAX_PEM_BYTES = 1024 * 1024;
    refused = (file, message) => ({ code: "CERT", severity: "error", file, message });
  }
});

// src/resources/secret-name.ts
var isSecretName, isNamespaceName, init_secret_name = __esm({
  "src/resources/secret-name.ts"() {
    "use strict";
    isSecretName = (name) => name.length <= 253 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name), isNamespaceName = (name) => name.length <= 63 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name);
  }
});

// src/secret/secret-name.ts
var init_secret_name2 = __esm({
  "src/secret/secret-name.ts"() {
    "use strict";
    init_secret_name();
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports2) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias"), DOC = /* @__PURE__ */ Symbol.for("yaml.document"), MAP = /* @__PURE__ */ Symbol.for("yaml.map"), PAIR = /* @__PURE__ */ Symbol.for("yaml.pair"), SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar"), SEQ = /* @__PURE__ */ Symbol.for("yaml.seq"), NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type"), isAlias3 = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === ALIAS, isDocument = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === DOC, isMap23 = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === MAP, isPair3 = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === PAIR, isScalar21 = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === SCALAR, isSeq20 = (node) => !!node && typeof node == "object" && node[NODE_TYPE] === SEQ;
    function isCollection2(node) {
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
    var hasAnchor = (node) => (isScalar21(node) || isCollection2(node)) && !!node.anchor;
    exports2.ALIAS = ALIAS;
    exports2.DOC = DOC;
    exports2.MAP = MAP;
    exports2.NODE_TYPE = NODE_TYPE;
    exports2.PAIR = PAIR;
    exports2.SCALAR = SCALAR;
    exports2.SEQ = SEQ;
    exports2.hasAnchor = hasAnchor;
    exports2.isAlias = isAlias3;
    exports2.isCollection = isCollection2;
    exports2.isDocument = isDocument;
    exports2.isMap = isMap23;
    exports2.isNode = isNode;
    exports2.isPair = isPair3;
    exports2.isScalar = isScalar21;
    exports2.isSeq = isSeq20;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports2) {
    "use strict";
    var identity = require_identity(), BREAK = /* @__PURE__ */ Symbol("break visit"), SKIP = /* @__PURE__ */ Symbol("skip children"), REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit2(node, visitor) {
      let visitor_ = initVisitor(visitor);
      identity.isDocument(node) ? visit_(null, node.contents, visitor_, Object.freeze([node])) === REMOVE && (node.contents = null) : visit_(null, node, visitor_, Object.freeze([]));
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
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
    exports2.visit = visit2;
    exports2.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports2) {
    "use strict";
    var identity = require_identity(), visit2 = require_visit(), escapeChars = {
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
          visit2.visit(doc.contents, (_key, node) => {
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
    var identity = require_identity(), visit2 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        let msg = `Anchor must not contain whitespace or control characters: ${JSON.stringify(anchor)}`;
        throw new Error(msg);
      }
      return !0;
    }
    function anchorNames(root) {
      let anchors = /* @__PURE__ */ new Set();
      return visit2.visit(root, {
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
    var anchors = require_anchors(), visit2 = require_visit(), identity = require_identity(), Node = require_Node(), toJS = require_toJS(), Alias = class extends Node.NodeBase {
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
        ctx?.aliasResolveCache ? nodes = ctx.aliasResolveCache : (nodes = [], visit2.visit(doc, {
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
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      lineWidth < minContentWidth && (minContentWidth = 0);
      let endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      let folds = [], escapedFolds = {}, end = lineWidth - indent.length;
      typeof indentAtStart == "number" && (indentAtStart > lineWidth - Math.max(2, minContentWidth) ? folds.push(0) : end = lineWidth - indentAtStart);
      let split, prev, overflow = !1, i = -1, escStart = -1, escEnd = -1;
      mode === FOLD_BLOCK && (i = consumeMoreIndentedLines(text2, i, indent.length), i !== -1 && (end = i + endStep));
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          switch (escStart = i, text2[i + 1]) {
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
          mode === FOLD_BLOCK && (i = consumeMoreIndentedLines(text2, i, indent.length)), end = i + indent.length + endStep, split = void 0;
        else {
          if (ch === " " && prev && prev !== " " && prev !== `
` && prev !== "	") {
            let next = text2[i + 1];
            next && next !== " " && next !== `
` && next !== "	" && (split = i);
          }
          if (i >= end)
            if (split)
              folds.push(split), end = split + endStep, split = void 0;
            else if (mode === FOLD_QUOTED) {
              for (; prev === " " || prev === "	"; )
                prev = ch, ch = text2[i += 1], overflow = !0;
              let j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j), escapedFolds[j] = !0, end = j + endStep, split = void 0;
            } else
              overflow = !0;
        }
        prev = ch;
      }
      if (overflow && onOverflow && onOverflow(), folds.length === 0)
        return text2;
      onFold && onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        let fold = folds[i2], end2 = folds[i2 + 1] || text2.length;
        fold === 0 ? res = `
${indent}${text2.slice(0, end2)}` : (mode === FOLD_QUOTED && escapedFolds[fold] && (res += `${text2[fold]}\\`), res += `
${indent}${text2.slice(fold + 1, end2)}`);
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i, start = i + 1, ch = text2[start];
      for (; ch === " " || ch === "	"; )
        if (i < start + indent)
          ch = text2[++i];
        else {
          do
            ch = text2[++i];
          while (ch && ch !== `
`);
          end = i, start = i + 1, ch = text2[start];
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
        let body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
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
    function stringify3(item, ctx, onComment, onChompKeep) {
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
    exports2.stringify = stringify3;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports2) {
    "use strict";
    var identity = require_identity(), Scalar4 = require_Scalar(), stringify3 = require_stringify(), stringifyComment = require_stringifyComment();
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
      let keyCommentDone = !1, chompKeep = !1, str = stringify3.stringify(key, ctx, () => keyCommentDone = !0, () => chompKeep = !0);
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
      let valueCommentDone = !1, valueStr = stringify3.stringify(value, ctx, () => valueCommentDone = !0, () => chompKeep = !0), ws = " ";
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
    var log = require_log(), merge = require_merge(), stringify3 = require_stringify(), identity = require_identity(), toJS = require_toJS();
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
        let strCtx = stringify3.createStringifyContext(ctx.doc, {});
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
    var identity = require_identity(), stringify3 = require_stringify(), stringifyComment = require_stringifyComment();
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
        let str2 = stringify3.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = !0);
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
        let str = stringify3.stringify(item, itemCtx, () => comment = null);
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
    var Scalar4 = require_Scalar(), nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar4.Scalar(null),
      default: !0,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar4.Scalar(null),
      stringify: ({ source }, ctx) => typeof source == "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports2.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports2) {
    "use strict";
    var Scalar4 = require_Scalar(), boolTag = {
      identify: (value) => typeof value == "boolean",
      default: !0,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar4.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          let sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports2.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports2) {
    "use strict";
    function stringifyNumber({ format: format3, minFractionDigits, tag, value }) {
      if (typeof value == "bigint")
        return String(value);
      let num = typeof value == "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format3 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
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
      let sign2 = str[0];
      if ((sign2 === "-" || sign2 === "+") && (offset += 1), str = str.substring(offset).replace(/_/g, ""), intAsBigInt) {
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
        return sign2 === "-" ? BigInt(-1) * n2 : n2;
      }
      let n = parseInt(str, radix);
      return sign2 === "-" ? -1 * n : n;
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
      let sign2 = str[0], parts = sign2 === "-" || sign2 === "+" ? str.substring(1) : str, num = (n) => asBigInt ? BigInt(n) : Number(n), res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign2 === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node, num = (n) => n;
      if (typeof value == "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign2 = "";
      value < 0 && (sign2 = "-", value *= num(-1));
      let _60 = num(60), parts = [value % _60];
      return value < 60 ? parts.unshift(0) : (value = (value - parts[0]) / _60, parts.unshift(value % _60), value >= 60 && (value = (value - parts[0]) / _60, parts.unshift(value))), sign2 + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
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
        let [, year, month, day2, hour, minute, second] = match.map(Number), millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0, date = Date.UTC(year, month - 1, day2, hour || 0, minute || 0, second || 0, millisec), tz = match[8];
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
    var identity = require_identity(), stringify3 = require_stringify(), stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      let lines = [], hasDirectives = options.directives === !0;
      if (options.directives !== !1 && doc.directives) {
        let dir = doc.directives.toString(doc);
        dir ? (lines.push(dir), hasDirectives = !0) : doc.directives.docStart && (hasDirectives = !0);
      }
      hasDirectives && lines.push("---");
      let ctx = stringify3.createStringifyContext(doc, options), { commentString } = ctx.options;
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
        let onChompKeep = contentComment ? void 0 : () => chompKeep = !0, body = stringify3.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        contentComment && (body += stringifyComment.lineComment(body, "", commentString(contentComment))), (body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---" ? lines[lines.length - 1] = `--- ${body}` : lines.push(body);
      } else
        lines.push(stringify3.stringify(doc.contents, ctx));
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
      let type = header.mode === ">" ? Scalar4.Scalar.BLOCK_FOLDED : Scalar4.Scalar.BLOCK_LITERAL, lines = scalar2.source ? splitLines3(scalar2.source) : [], chompStart = lines.length;
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
    function splitLines3(source) {
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
            let { fold, offset } = foldNewline(source, i);
            res += fold, i = offset;
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
      let fold = "", ch = source[offset + 1];
      for (; (ch === " " || ch === "	" || ch === `
` || ch === "\r") && !(ch === "\r" && source[offset + 2] !== `
`); )
        ch === `
` && (fold += `
`), offset += 1, ch = source[offset + 1];
      return fold || (fold = " "), { fold, offset };
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
`), head = source.substring(0, he), body = source.substring(he + 1) + `
`, props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          return addEndtoBlockProps(props, end) || props.push({ type: "newline", offset: -1, indent, source: `
` }), { type: "block-scalar", offset, indent, props, source: body };
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
`), head = source.substring(0, he), body = source.substring(he + 1) + `
`;
      if (token.type === "block-scalar") {
        let header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head, token.source = body;
      } else {
        let { offset } = token, indent = "indent" in token ? token.indent : -1, props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        addEndtoBlockProps(props, "end" in token ? token.end : void 0) || props.push({ type: "newline", offset: -1, indent, source: `
` });
        for (let key of Object.keys(token))
          key !== "type" && key !== "offset" && delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
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
    var stringify3 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
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
    exports2.stringify = stringify3;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports2) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit"), SKIP = /* @__PURE__ */ Symbol("skip children"), REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit2(cst, visitor) {
      "type" in cst && cst.type === "document" && (cst = { start: cst.start, value: cst.value }), _visit(Object.freeze([]), cst, visitor);
    }
    visit2.BREAK = BREAK;
    visit2.SKIP = SKIP;
    visit2.REMOVE = REMOVE;
    visit2.itemAtPath = (cst, path) => {
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
    visit2.parentCollection = (cst, path) => {
      let parent = visit2.itemAtPath(cst, path.slice(0, -1)), field = path[path.length - 1][0], coll = parent?.[field];
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
    exports2.visit = visit2;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports2) {
    "use strict";
    var cstScalar = require_cst_scalar(), cstStringify = require_cst_stringify(), cstVisit = require_cst_visit(), BOM = "\uFEFF", DOCUMENT = "", FLOW_END = "", SCALAR = "", isCollection2 = (token) => !!token && "items" in token, isScalar21 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
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
    exports2.isCollection = isCollection2;
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
    var Parser3 = class {
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
        let top2 = this.peek(1);
        if (this.type === "doc-end" && top2?.type !== "doc-end") {
          for (; this.stack.length > 0; )
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top2)
          return yield* this.stream();
        switch (top2.type) {
          case "document":
            return yield* this.document(top2);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top2);
          case "block-scalar":
            return yield* this.blockScalar(top2);
          case "block-map":
            return yield* this.blockMap(top2);
          case "block-seq":
            return yield* this.blockSequence(top2);
          case "flow-collection":
            return yield* this.flowCollection(top2);
          case "doc-end":
            return yield* this.documentEnd(top2);
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
          let top2 = this.peek(1);
          switch (token.type === "block-scalar" ? token.indent = "indent" in top2 ? top2.indent : 0 : token.type === "flow-collection" && top2.type === "document" && (token.indent = 0), token.type === "flow-collection" && fixFlowSeqItems(token), top2.type) {
            case "document":
              top2.value = token;
              break;
            case "block-scalar":
              top2.props.push(token);
              break;
            case "block-map": {
              let it = top2.items[top2.items.length - 1];
              if (it.value) {
                top2.items.push({ start: [], key: token, sep: [] }), this.onKeyLine = !0;
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
              let it = top2.items[top2.items.length - 1];
              it.value ? top2.items.push({ start: [], value: token }) : it.value = token;
              break;
            }
            case "flow-collection": {
              let it = top2.items[top2.items.length - 1];
              !it || it.value ? top2.items.push({ start: [], key: token, sep: [] }) : it.sep ? it.value = token : Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop(), yield* this.pop(token);
          }
          if ((top2.type === "document" || top2.type === "block-map" || top2.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            let last = token.items[token.items.length - 1];
            last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent)) && (top2.type === "document" ? top2.end = last.start : top2.items.push({ start: last.start }), token.items.splice(-1, 1));
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
          let top2;
          do
            yield* this.pop(), top2 = this.peek(1);
          while (top2?.type === "flow-collection");
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
    exports2.Parser = Parser3;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports2) {
    "use strict";
    var composer = require_composer(), Document = require_Document(), errors = require_errors(), log = require_log(), identity = require_identity(), lineCounter = require_line_counter(), parser2 = require_parser();
    function parseOptions(options) {
      let prettyErrors = options.prettyErrors !== !1;
      return { lineCounter: options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null, prettyErrors };
    }
    function parseAllDocuments3(source, options = {}) {
      let { lineCounter: lineCounter2, prettyErrors } = parseOptions(options), parser$1 = new parser2.Parser(lineCounter2?.addNewLine), composer$1 = new composer.Composer(options), docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (let doc of docs)
          doc.errors.forEach(errors.prettifyError(source, lineCounter2)), doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      return docs.length > 0 ? docs : Object.assign([], { empty: !0 }, composer$1.streamInfo());
    }
    function parseDocument8(source, options = {}) {
      let { lineCounter: lineCounter2, prettyErrors } = parseOptions(options), parser$1 = new parser2.Parser(lineCounter2?.addNewLine), composer$1 = new composer.Composer(options), doc = null;
      for (let _doc of composer$1.compose(parser$1.parse(source), !0, source.length))
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      return prettyErrors && lineCounter2 && (doc.errors.forEach(errors.prettifyError(source, lineCounter2)), doc.warnings.forEach(errors.prettifyError(source, lineCounter2))), doc;
    }
    function parse2(src, reviver, options) {
      let _reviver;
      typeof reviver == "function" ? _reviver = reviver : options === void 0 && reviver && typeof reviver == "object" && (options = reviver);
      let doc = parseDocument8(src, options);
      if (!doc)
        return null;
      if (doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning)), doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify3(value, replacer, options) {
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
    exports2.parse = parse2;
    exports2.parseAllDocuments = parseAllDocuments3;
    exports2.parseDocument = parseDocument8;
    exports2.stringify = stringify3;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports2) {
    "use strict";
    var composer = require_composer(), Document = require_Document(), Schema = require_Schema(), errors = require_errors(), Alias = require_Alias(), identity = require_identity(), Pair = require_Pair(), Scalar4 = require_Scalar(), YAMLMap = require_YAMLMap(), YAMLSeq = require_YAMLSeq(), cst = require_cst(), lexer = require_lexer(), lineCounter = require_line_counter(), parser2 = require_parser(), publicApi = require_public_api(), visit2 = require_visit();
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
    exports2.Parser = parser2.Parser;
    exports2.parse = publicApi.parse;
    exports2.parseAllDocuments = publicApi.parseAllDocuments;
    exports2.parseDocument = publicApi.parseDocument;
    exports2.stringify = publicApi.stringify;
    exports2.visit = visit2.visit;
    exports2.visitAsync = visit2.visitAsync;
  }
});

// src/resources/wanted-state.ts
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
function certEnvNames(role) {
  let spec = CLASSIC_ENV.find((s) => s.role === role);
  return spec.oldName ? [spec.name, spec.oldName] : [spec.name];
}
function envRoleOf(name) {
  return CLASSIC_ENV.find((s) => s.name === name || s.oldName === name)?.role;
}
function endpointEnv(url) {
  return CLASSIC_ENV.filter((s) => s.role === "endpoint").map((s) => [s.name, envValue(s, url, "")]);
}
var CERT_FILE, KEY_FILE, VOLUME_NAME, DEFAULT_SECRET_NAME, DEFAULT_MOUNT_PATH, SECRET_MODE, secretMode, MANAGER_ENV, WATCHER_ENV, CLASSIC_ENV, UPGRADER_HOST_KEY, UPGRADER_CERT_FIELDS, fileOf, MANAGED_ENV, OWNED_ENV, init_wanted_state = __esm({
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
    ], UPGRADER_HOST_KEY = "managerHost", UPGRADER_CERT_FIELDS = [
      { key: "clientCertificateFilePath", role: "certificate" },
      { key: "clientCertificateKeyFilePath", role: "key" }
    ], fileOf = (role) => role === "certificate" ? CERT_FILE : KEY_FILE;
    MANAGED_ENV = new Set(
      CLASSIC_ENV.flatMap((s) => s.oldName ? [s.name, s.oldName] : [s.name])
    ), OWNED_ENV = CLASSIC_ENV.filter((s) => s.role !== "endpoint").flatMap(
      (s) => s.oldName ? [s.name, s.oldName] : [s.name]
    );
  }
});

// src/resources/secret-manifest.ts
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
function redactSecretData(text2) {
  let out = redactDataEntries(text2);
  return out = out.replace(
    JSON_ENTRY,
    (all, key, colon, value) => isPlaceholderSecretData(value) ? all : `"${key}"${colon}"${REDACTED}"`
  ), out = out.replace(PEM_PRIVATE_KEY, REDACTED), out = out.replace(PEM_PRIVATE_KEY_UNTERMINATED, REDACTED), out = out.replace(BASE64_RUN, (run2) => decodesToPemPrivateKey(run2) ? REDACTED : run2), out;
}
function base64(content) {
  return Buffer.from(content, "utf8").toString("base64");
}
function yamlString(s) {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(s) && readsAsString(s) ? s : JSON.stringify(s);
}
function readsAsString(s) {
  try {
    return (0, import_yaml.parse)(s, { version: "1.1" }) === s && (0, import_yaml.parse)(s) === s;
  } catch {
    return !1;
  }
}
function redactDataEntries(text2) {
  let lines = text2.split(`
`), diff = looksLikeUnifiedDiff(lines), out = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i], cr = line.endsWith("\r") ? "\r" : "", body = cr ? line.slice(0, -1) : line, prefix = diff && /^[ +-]/.test(body) && !/^(\+\+\+|---) /.test(body) ? body.slice(0, 1) : "", m = ENTRY.exec(body.slice(prefix.length));
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
var import_yaml, CLIENT_CERT_KEY, CLIENT_KEY_KEY, REDACTED, SECRET_KEYS, ENTRY, JSON_ENTRY, PEM_PRIVATE_KEY, PEM_PRIVATE_KEY_UNTERMINATED, BASE64_RUN, init_secret_manifest = __esm({
  "src/resources/secret-manifest.ts"() {
    "use strict";
    import_yaml = __toESM(require_dist(), 1);
    init_wanted_state();
    CLIENT_CERT_KEY = CERT_FILE, CLIENT_KEY_KEY = KEY_FILE;
    REDACTED = "<redacted>";
    SECRET_KEYS = /^(client\.key|client\.crt|tls\.key)$/, ENTRY = /^([ \t]*(?:-[ \t]+)?)(["']?)(client\.key|client\.crt|tls\.key)\2([ \t]*:)(.*)$/;
    JSON_ENTRY = /"(client\.key|client\.crt|tls\.key)"([ \t]*:[ \t]*)"((?:[^"\\\r\n]|\\.)*)"/g, PEM_PRIVATE_KEY = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----[\s\S]*?-----END [A-Z0-9 ]*-----/g, PEM_PRIVATE_KEY_UNTERMINATED = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(?:(?:\r?\n|\\r\\n|\\n)[ \t+-]*(?:(?:[A-Za-z0-9+/=]+|(?:Proc-Type|DEK-Info):[^\r\n"\\]*)[ \t]*(?=\r?\n|\\r\\n|\\n|["',]|$)|(?=\r?\n)))*/g, BASE64_RUN = /[A-Za-z0-9+/]{40,}={0,2}(?:\r?\n[ \t]*[+-]?[ \t]*[A-Za-z0-9+/]{4,}={0,2}(?=\r?\n|$))*/g;
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

// src/secret/cert-manager.ts
var cert_manager_exports = {};
__export(cert_manager_exports, {
  parseGoDuration: () => parseGoDuration,
  renderCertificate: () => renderCertificate
});
function parseGoDuration(text2) {
  if (!/^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/.test(text2)) return;
  let total = 0;
  for (let m of text2.matchAll(/(\d+(?:\.\d+)?)(ns|us|ms|s|m|h)/g)) total += Number(m[1]) * UNIT_MS[m[2]];
  return total;
}
function renderCertificate(spec, eol = `
`) {
  return [
    `# cert-manager writes Secret ${spec.name} as type kubernetes.io/tls (tls.crt, tls.key, ca.crt); the delegate`,
    "# reads client.crt and client.key: delegate-mtls maps them in the volume when this Certificate is in its input.",
    "apiVersion: cert-manager.io/v1",
    "kind: Certificate",
    "metadata:",
    `  name: ${yamlString(spec.name)}`,
    ...spec.namespace ? [`  namespace: ${yamlString(spec.namespace)}`] : [],
    "spec:",
    `  secretName: ${yamlString(spec.name)}`,
    `  commonName: ${yamlString(spec.commonName)}`,
    `  duration: ${spec.duration}`,
    `  renewBefore: ${spec.renewBefore}`,
    "  privateKey:",
    "    algorithm: RSA",
    "    size: 2048",
    "    # PKCS8, not cert-manager's default PKCS1: the delegate cannot load a PKCS#1 key.",
    "    encoding: PKCS8",
    "  usages:",
    "    - digital signature",
    "    - key encipherment",
    "    - client auth",
    "  issuerRef:",
    `    name: ${yamlString(spec.issuer)}`,
    `    kind: ${spec.issuerKind}`,
    "    group: cert-manager.io"
  ].join(eol) + eol;
}
var UNIT_MS, init_cert_manager = __esm({
  "src/secret/cert-manager.ts"() {
    "use strict";
    init_secret_manifest();
    UNIT_MS = {
      ns: 1e-6,
      us: 1e-3,
      ms: 1,
      s: 1e3,
      m: 6e4,
      h: 36e5
    };
  }
});

// src/cli/run-secret.ts
var run_secret_exports = {};
__export(run_secret_exports, {
  runSecret: () => runSecret
});
async function runSecret(args, io) {
  if (!isSecretName(args.name)) throw new UsageError(`--name "${args.name}" is not a valid Kubernetes Secret name`);
  if (args.namespace !== void 0 && !isNamespaceName(args.namespace))
    throw new UsageError(
      `-n "${args.namespace}" is not a Kubernetes namespace: expected a DNS-1123 label, at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit`
    );
  if (args.certManager) return printCertificate(args, args.certManager, io);
  let pems = await loadCertificate(
    { cert: args.cert, key: args.key, ...args.ca === void 0 ? {} : { ca: args.ca } },
    io
  );
  if (!pems) return 2;
  let { renderSecretManifest: renderSecretManifest2 } = await Promise.resolve().then(() => (init_render_secret(), render_secret_exports));
  return io.stdout.write(
    renderSecretManifest2({ name: args.name, ...args.namespace ? { namespace: args.namespace } : {}, ...pems })
  ), 0;
}
async function printCertificate(args, cm, io) {
  let { parseGoDuration: parseGoDuration2, renderCertificate: renderCertificate2 } = await Promise.resolve().then(() => (init_cert_manager(), cert_manager_exports));
  if (!isSecretName(cm.issuer))
    throw new UsageError(`--cert-manager-issuer "${cm.issuer}" is not a valid Kubernetes object name`);
  let duration = parseGoDuration2(cm.duration), renewBefore = parseGoDuration2(cm.renewBefore);
  for (let [flag, value, ms] of [
    ["--duration", cm.duration, duration],
    ["--renew-before", cm.renewBefore, renewBefore]
  ])
    if (ms === void 0) throw new UsageError(`${flag} "${value}" is not a duration: expected e.g. 2160h or 90m`);
  if (duration < 36e5) throw new UsageError(`--duration ${cm.duration} is under 1h, which cert-manager refuses`);
  if (renewBefore >= duration)
    throw new UsageError(`--renew-before ${cm.renewBefore} must be shorter than --duration ${cm.duration}`);
  return io.stdout.write(
    renderCertificate2({
      name: args.name,
      ...args.namespace ? { namespace: args.namespace } : {},
      issuer: cm.issuer,
      issuerKind: cm.issuerKind,
      duration: cm.duration,
      renewBefore: cm.renewBefore,
      commonName: "harness-delegate"
    })
  ), 0;
}
var init_run_secret = __esm({
  "src/cli/run-secret.ts"() {
    "use strict";
    init_errors();
    init_load_certificate();
    init_secret_name2();
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
function drift(path, expected2) {
  if (expected2 === "absent")
    try {
      return (0, import_node_fs3.lstatSync)(path), "appeared";
    } catch (err) {
      if (errnoCode(err) === "ENOENT") return;
      throw err;
    }
  let fd;
  try {
    fd = (0, import_node_fs3.openSync)(path, import_node_fs3.constants.O_RDONLY | (import_node_fs3.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return "removed";
    throw err;
  }
  try {
    let st = (0, import_node_fs3.fstatSync)(fd, { bigint: !0 });
    if (!st.isFile() || !sameStats(st, expected2)) return "changed";
    let bytes = readWhole(fd, st);
    return bytes && fingerprint(st, bytes).sha256 === expected2.sha256 ? void 0 : "changed";
  } finally {
    closeQuietly(fd);
  }
}
function readForReplace(path) {
  let fd;
  try {
    fd = (0, import_node_fs3.openSync)(path, import_node_fs3.constants.O_RDONLY | (import_node_fs3.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return errnoCode(err) === "ENOENT" ? "absent" : void 0;
  }
  try {
    let st = (0, import_node_fs3.fstatSync)(fd, { bigint: !0 }), bytes = st.isFile() ? readWhole(fd, st) : void 0;
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
    let n = (0, import_node_fs3.readSync)(fd, bytes, total, bytes.length - total, null);
    if (n === 0) break;
    total += n;
  }
  return total === Number(st.size) ? bytes.subarray(0, total) : void 0;
}
function closeQuietly(fd) {
  try {
    (0, import_node_fs3.closeSync)(fd);
  } catch {
  }
}
function driftMessage(how) {
  return `${how === "appeared" ? "was created" : how === "removed" ? "was removed" : "changed"} during the run; run again`;
}
var import_node_fs3, createHash, sameStats, DriftError, init_fingerprint = __esm({
  "src/io/fingerprint.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs");
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
function readInput(file, opts) {
  let fail = (message) => ({ error: ioDiagnostic(file, message) }), st;
  try {
    st = (0, import_node_fs4.statSync)(file);
  } catch (err) {
    return fail(describeFsError(err));
  }
  let refusal2 = refuseStats(st, opts.maxBytes);
  if (refusal2) return fail(refusal2);
  let fd, bytes, stats;
  try {
    fd = (0, import_node_fs4.openSync)(file, OPEN_FLAGS);
    let now = opts.fingerprint ? stats = (0, import_node_fs4.fstatSync)(fd, { bigint: !0 }) : (0, import_node_fs4.fstatSync)(fd), again = refuseStats(now, opts.maxBytes);
    if (again) return fail(again);
    bytes = readAtMost(fd, opts.maxBytes + 1, Number(now.size));
  } catch (err) {
    return fail(describeFsError(err));
  } finally {
    if (fd !== void 0)
      try {
        (0, import_node_fs4.closeSync)(fd);
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
    let buf = Buffer.allocUnsafe(Math.min(want, limit - total)), bytesRead = (0, import_node_fs4.readSync)(fd, buf, 0, buf.length, null);
    if (bytesRead === 0) break;
    chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead)), total += bytesRead, want = CHUNK;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
var import_node_fs4, DEFAULT_MAX_BYTES, STDIN_NAME, CHUNK, OPEN_FLAGS, init_read_input = __esm({
  "src/io/read-input.ts"() {
    "use strict";
    import_node_fs4 = require("node:fs");
    init_decode_input();
    init_fingerprint();
    init_io_diagnostic();
    DEFAULT_MAX_BYTES = 8 * 1024 * 1024, STDIN_NAME = "<stdin>", CHUNK = 64 * 1024, OPEN_FLAGS = import_node_fs4.constants.O_RDONLY | (import_node_fs4.constants.O_NONBLOCK ?? 0);
  }
});

// src/yaml/lookup.ts
function lookup(node, path) {
  let cur = node;
  for (let seg of path)
    if (typeof seg == "number" ? cur = (0, import_yaml2.isSeq)(cur) ? cur.items[seg] : void 0 : cur = (0, import_yaml2.isMap)(cur) ? cur.get(seg, !0) : void 0, cur == null) return;
  return cur;
}
function pairOf(mapNode, key) {
  return (0, import_yaml2.isMap)(mapNode) ? mapNode.items.find((p) => (0, import_yaml2.isScalar)(p.key) && p.key.value === key) : void 0;
}
function stringAt(mapNode, key) {
  let v = (0, import_yaml2.isMap)(mapNode) ? mapNode.get(key, !0) : void 0;
  return (0, import_yaml2.isScalar)(v) && typeof v.value == "string" ? v.value : void 0;
}
function findItem(seq2, field, value) {
  if (!(0, import_yaml2.isSeq)(seq2)) return;
  let index = seq2.items.findIndex((item) => stringAt(item, field) === value);
  return index < 0 ? void 0 : { index, node: seq2.items[index] };
}
function formatPath(parts) {
  let out = "";
  for (let p of parts)
    typeof p == "number" ? out += `[${p}]` : typeof p == "object" ? out += `[name=${p.name}]` : out += (out ? "." : "") + (/^[\w-]+$/.test(p) ? p : `"${p}"`);
  return out;
}
var import_yaml2, init_lookup = __esm({
  "src/yaml/lookup.ts"() {
    "use strict";
    import_yaml2 = __toESM(require_dist(), 1);
  }
});

// src/resources/image.ts
function parseImage(ref) {
  let [nameTag, digest] = ref.split("@", 2), slash = nameTag.lastIndexOf("/"), colon = nameTag.lastIndexOf(":"), info = colon > slash ? { repository: nameTag.slice(0, colon), tag: nameTag.slice(colon + 1) } : { repository: nameTag };
  return digest && (info.digest = digest), info;
}
function classifyTag(ref) {
  let { tag } = parseImage(ref);
  if (tag === void 0) return "unverifiable";
  let m = /^(\d{2})\.(\d{2})\.\d{5}(\.minimal)?$/.exec(tag);
  return m ? Number(m[1]) * 100 + Number(m[2]) < 2207 ? "early-immutable" : "immutable" : /^\d{5}(\.minimal)?$/.test(tag) ? "early-immutable" : tag === "latest" ? "legacy" : "unverifiable";
}
var lastSegment, isDelegateImage, isUpgraderImage, init_image = __esm({
  "src/resources/image.ts"() {
    "use strict";
    lastSegment = (repo) => repo.slice(repo.lastIndexOf("/") + 1), isDelegateImage = (ref) => /^delegate(-immutable)?$/.test(lastSegment(parseImage(ref).repository)), isUpgraderImage = (ref) => lastSegment(parseImage(ref).repository) === "upgrader";
  }
});

// src/resources/compose.ts
function composeEnv(service) {
  let env2 = service.get("environment", !0);
  if ((0, import_yaml3.isSeq)(env2)) {
    let entries = [];
    return env2.items.forEach((item, index) => {
      if (!(0, import_yaml3.isScalar)(item) || item.value === null || item.value === void 0) return;
      let text2 = String(item.value), eq = text2.indexOf("=");
      entries.push({
        name: eq < 0 ? text2 : text2.slice(0, eq),
        value: eq < 0 ? void 0 : text2.slice(eq + 1),
        index,
        node: item
      });
    }), { form: "list", entries };
  }
  if ((0, import_yaml3.isMap)(env2)) {
    let entries = [];
    for (let pair of env2.items) {
      if (!(0, import_yaml3.isScalar)(pair.key)) continue;
      let v = pair.value, value = (0, import_yaml3.isScalar)(v) && v.value !== null && v.value !== void 0 ? String(v.value) : void 0;
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
  return names.includes(MANAGER_ENV) && names.some((n) => n === "DELEGATE_NAME" || n === "DELEGATE_TOKEN" || n === "ACCOUNT_ID");
}
function recogniseCompose(doc, index) {
  let root = doc.contents;
  if (!(0, import_yaml3.isMap)(root) || root.has("kind")) return;
  let services = root.get("services", !0);
  if (!(0, import_yaml3.isMap)(services)) return;
  let delegates = [], upgraders = [];
  for (let pair of services.items) {
    if (!(0, import_yaml3.isScalar)(pair.key) || !(0, import_yaml3.isMap)(pair.value)) continue;
    let entry = { service: String(pair.key.value), node: pair.value };
    isDelegateService(pair.value) ? delegates.push(entry) : isUpgraderService(pair.value) && upgraders.push(entry);
  }
  if (delegates.length === 0 && upgraders.length === 0) return;
  let ref = { document: index, kind: COMPOSE_KIND }, first = delegates[0];
  first && (ref.name = composeDelegateName(first));
  for (let d of delegates) {
    let image = stringAt(d.node, "image") ?? "";
    if (classifyTag(image) === "legacy")
      return {
        type: "legacy",
        ref,
        doc,
        reason: `service ${d.service}: image "${image}" is a legacy delegate image`,
        at: d.node.get("image", !0)
      };
    let watcher = envNames(d.node).find((n) => WATCHER_ENV.includes(n));
    if (watcher)
      return {
        type: "legacy",
        ref,
        doc,
        reason: `service ${d.service}: env ${watcher} belongs to a legacy (watcher) delegate`,
        at: d.node.get("environment", !0)
      };
  }
  return { type: "compose", ref, doc, delegates, upgraders };
}
function composeDelegateName(s) {
  return composeEnv(s.node).entries.find((e) => e.name === "DELEGATE_NAME")?.value || s.service;
}
var import_yaml3, COMPOSE_KIND, envNames, isUpgraderService, init_compose = __esm({
  "src/resources/compose.ts"() {
    "use strict";
    import_yaml3 = __toESM(require_dist(), 1);
    init_lookup();
    init_image();
    init_wanted_state();
    COMPOSE_KIND = "DockerCompose";
    envNames = (service) => composeEnv(service).entries.map((e) => e.name), isUpgraderService = (service) => isUpgraderImage(stringAt(service, "image") ?? "") || envNames(service).includes("UPGRADER_WORKLOAD_NAME");
  }
});

// src/resources/helm-values.ts
function helmImage(root) {
  let image = stringAt(root, "delegateDockerImage"), at = (0, import_yaml4.isMap)(root) ? root.get("delegateDockerImage", !0) : void 0, tag = lookup(root, ["image", "tag"]), repo = stringAt(lookup(root, ["image"]), "repository"), tagValue = tag && "value" in tag ? tag.value : void 0;
  return tagValue != null && tagValue !== "" ? { ref: `${repo ?? (image ? parseImage(image).repository : "harness/delegate")}:${String(tagValue)}`, at: tag } : image !== void 0 && at ? { ref: image, at } : void 0;
}
function looksLikeChartValues(root) {
  let hits = CHART_KEYS.filter((k) => root.has(k));
  return hits.length >= 2 && hits.some((k) => k === "managerEndpoint" || k === "delegateDockerImage");
}
function legacyValues(root) {
  let watcher = root.items.find((p) => /^watcher/i.test(String(p.key?.value ?? "")));
  if (watcher)
    return {
      reason: `${String(watcher.key.value)} belongs to the values of a legacy (watcher) delegate chart`,
      at: watcher.key
    };
  let image = helmImage(root);
  if (image && classifyTag(image.ref) === "legacy")
    return { reason: `image "${image.ref}" is a legacy delegate image`, at: image.at, image: image.ref };
}
function recogniseHelmValues(doc, index) {
  let root = doc.contents;
  if (!(0, import_yaml4.isMap)(root) || root.has("kind") || root.has("apiVersion") || root.has("services") || !looksLikeChartValues(root)) return;
  let ref = { document: index, kind: HELM_VALUES_KIND }, name = stringAt(root, "delegateName");
  name !== void 0 && (ref.name = name);
  let legacy = legacyValues(root);
  return legacy ? { type: "legacy", ref, doc, reason: legacy.reason, at: legacy.at } : { type: "helm-values", ref, doc, root, path: [] };
}
var import_yaml4, HELM_VALUES_KIND, CHART_NAME, CHART_DEFAULT_NAME, CHART_KEYS, init_helm_values = __esm({
  "src/resources/helm-values.ts"() {
    "use strict";
    import_yaml4 = __toESM(require_dist(), 1);
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

// src/yaml/source.ts
function readSource(raw) {
  let bom = raw.charCodeAt(0) === 65279, text2 = bom ? raw.slice(1) : raw, nl = text2.indexOf(`
`), eol = nl > 0 && text2[nl - 1] === "\r" ? `\r
` : `
`;
  return { text: text2, bom, eol };
}
function writeSource(source, text2) {
  return source.bom ? "\uFEFF" + text2 : text2;
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
    let text2 = src.slice(starts[i], starts[i + 1] ?? src.length);
    if (keep(i)) out += text2;
    else {
      let head = text2.startsWith("---") ? "---" : "~";
      out += head + text2.slice(head.length).replace(/[^\r\n]+/g, (run2) => " ".repeat(run2.length));
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
function parseStream(src, file, mayMatter2) {
  let starts = mayMatter2 ? documentStarts(src) : void 0, docs = parseDocs(
    starts ? maskDocuments(src, starts, (i) => mayMatter2(src.slice(starts[i], starts[i + 1] ?? src.length))) : src
  );
  starts && docs.length !== starts.length && (docs = parseDocs(src));
  let result = parseErrors(src, file, docs);
  return starts && docs.length === starts.length ? { ...result, starts } : result;
}
function parseDocumentsAt(src, start, end, keepSourceTokens = !0) {
  let parser2 = new import_yaml5.Parser();
  return parser2.offset = start, Array.from(
    new import_yaml5.Composer({ ...K8S_PARSE, keepSourceTokens }).compose(parser2.parse(src.slice(start, end)))
  );
}
function parseDocs(src) {
  let parsed = (0, import_yaml5.parseAllDocuments)(src, K8S_PARSE);
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
var import_yaml5, K8S_PARSE, MAX_SYNTAX_ERRORS, TEMPLATE_ACTION, init_parse = __esm({
  "src/yaml/parse.ts"() {
    "use strict";
    import_yaml5 = __toESM(require_dist(), 1);
    init_source();
    init_spans();
    K8S_PARSE = { version: "1.1", keepSourceTokens: !0, prettyErrors: !1 }, MAX_SYNTAX_ERRORS = 10;
    TEMPLATE_ACTION = /^([ \t]*(?:-[ \t]+)?(?:[^\s#:][^:#\n]*:[ \t]+)?)\{\{-?[ \t]/m;
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
  if (!namesChart(stringAt(lookup(spec, ["chart", "spec"]), "chart")) && !((0, import_yaml6.isMap)(lookup(spec, ["chartRef"])) && (0, import_yaml6.isMap)(values) && looksLikeChartValues(values))) return;
  let host = {}, from = lookup(spec, ["valuesFrom"]), relevant = (0, import_yaml6.isSeq)(from) ? from.items.filter((i) => {
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
  (0, import_yaml6.isMap)(single) && sources.push({ source: single, path: ["spec", "source"] });
  let multi = lookup(spec, ["sources"]);
  (0, import_yaml6.isSeq)(multi) && multi.items.forEach((s, i) => {
    (0, import_yaml6.isMap)(s) && sources.push({ source: s, path: ["spec", "sources", i] });
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
  let files2 = lookup(helm, ["valueFiles"]);
  (0, import_yaml6.isSeq)(files2) && files2.items.length > 0 && (host.outside = {
    what: formatPath([...helmPath, "valueFiles"]),
    items: files2.items.map((f) => (0, import_yaml6.isScalar)(f) ? String(f.value) : "?"),
    at: files2
  });
  let parameters = lookup(helm, ["parameters"]);
  (0, import_yaml6.isSeq)(parameters) && parameters.items.length > 0 && (host.parameters = parameters);
  let object = (0, import_yaml6.isMap)(helm) ? helm.get("valuesObject", !0) : void 0, string = (0, import_yaml6.isMap)(helm) ? helm.get("values", !0) : void 0;
  if (!isAbsent(object))
    return isAbsent(string) || (host.ignored = string), withValues(doc, ref, [...helmPath, "valuesObject"], object, host);
  if (isAbsent(string)) return withValues(doc, ref, [...helmPath, "valuesObject"], void 0, host);
  let at = [...helmPath, "values"];
  if (!(0, import_yaml6.isScalar)(string) || typeof string.value != "string")
    return host.problem ??= {
      code: "SCHEMA",
      message: `${formatPath(at)} must be a string holding YAML (values: |); a mapping belongs in valuesObject`,
      at: string
    }, withValues(doc, ref, at, void 0, host);
  let inner = (0, import_yaml6.parseDocument)(string.value, K8S_PARSE), error = inner.errors[0];
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
  if ((0, import_yaml6.isMap)(node) ? root = node.items.length > 0 ? node : void 0 : isAbsent(node) || (host.problem ??= {
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
        reason: `${formatPath(path)}: ${legacy.reason}`,
        at: scalar2 ?? legacy.at,
        ...image ? { image } : {}
      };
    }
  }
  return { type: "helm-values", ref, doc, root, path, host };
}
var import_yaml6, FLUX_API, ARGO_API, namesChart, OUR_KEYS, isAbsent, init_gitops_values = __esm({
  "src/resources/gitops-values.ts"() {
    "use strict";
    import_yaml6 = __toESM(require_dist(), 1);
    init_lookup();
    init_parse();
    init_source();
    init_helm_values();
    FLUX_API = /^helm\.toolkit\.fluxcd\.io\/v2(beta[12])?$/, ARGO_API = /^argoproj\.io\/v1alpha1$/, namesChart = (s) => s !== void 0 && s.replace(/\/+$/, "").split("/").pop() === CHART_NAME, OUR_KEYS = /^(managerEndpoint|mTLS|custom_envs)([.[]|$)/, isAbsent = (n) => n == null || (0, import_yaml6.isScalar)(n) && n.value === null;
  }
});

// src/resources/upgrader-config.ts
function readConfig(text2) {
  let doc = (0, import_yaml7.parseDocument)(text2, { ...K8S_PARSE, keepSourceTokens: !1 });
  if (doc.errors.length > 0) return;
  let value = doc.toJS({ maxAliasCount: 100 });
  return value !== null && typeof value == "object" && !Array.isArray(value) ? value : void 0;
}
function isUpgraderConfigText(text2) {
  let config = readConfig(text2);
  return config ? config.mode === "Delegate" || isMapping(config.delegateConfig) : /^\s*["']?(mode["']?\s*:\s*["']?Delegate\b|delegateConfig["']?\s*:)/m.test(text2);
}
function upgraderConfigFacts(text2) {
  let config = readConfig(text2);
  if (!config) return {};
  let out = {};
  typeof config.workloadName == "string" && (out.workloadName = config.workloadName);
  let delegateConfig = config.delegateConfig, host = isMapping(delegateConfig) ? delegateConfig[UPGRADER_HOST_KEY] : config[UPGRADER_HOST_KEY];
  return typeof host == "string" && (out.managerHost = host), out;
}
var import_yaml7, isMapping, init_upgrader_config = __esm({
  "src/resources/upgrader-config.ts"() {
    "use strict";
    import_yaml7 = __toESM(require_dist(), 1);
    init_parse();
    init_wanted_state();
    isMapping = (v) => v !== null && typeof v == "object" && !Array.isArray(v);
  }
});

// src/resources/classify.ts
function findDelegateContainer(containers) {
  let byName = findItem(containers, "name", "delegate");
  if (byName) return byName.index;
  let byEnv = containers.items.findIndex((c) => envNames2(c).includes(MANAGER_ENV));
  if (byEnv >= 0) return byEnv;
  if (containers.items.length === 1 && isDelegateImage(stringAt(containers.items[0], "image") ?? "")) return 0;
  let legacy = findItem(containers, "name", "harness-delegate-instance");
  return legacy ? legacy.index : -1;
}
function legacyReason(kind, container) {
  let image = container.get("image", !0), imageRef = stringAt(container, "image") ?? "";
  if (kind === "StatefulSet") return { reason: "a StatefulSet delegate is a legacy delegate", at: container };
  if (stringAt(container, "name") === "harness-delegate-instance")
    return {
      reason: 'container "harness-delegate-instance" is a legacy delegate',
      at: container.get("name", !0)
    };
  if (image && classifyTag(imageRef) === "legacy")
    return { reason: `image "${imageRef}" is a legacy delegate image`, at: image };
  let watcher = envNames2(container).find((n) => WATCHER_ENV.includes(n));
  if (watcher)
    return { reason: `env ${watcher} belongs to a legacy (watcher) delegate`, at: container.get("env", !0) };
}
function mayMatter(text2) {
  if ((text2.match(TOP_LEVEL_KIND)?.length ?? 0) !== 1) return !0;
  let m = SIMPLE_KIND.exec(text2);
  return !m || KINDS_THAT_MATTER.has(m[2]);
}
function classify(doc, index) {
  let root = doc.contents, kind = stringAt(root, "kind") ?? "", meta = (0, import_yaml8.isMap)(root) ? root.get("metadata", !0) : void 0, ref = { document: index, kind }, name = stringAt(meta, "name"), namespace = stringAt(meta, "namespace");
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
    if (!(0, import_yaml8.isSeq)(containers)) return { type: "other", ...base };
    let container = findDelegateContainer(containers);
    if (container < 0) return { type: "other", ...base };
    let legacy = legacyReason(kind, containers.items[container]);
    return legacy ? { type: "legacy", ...base, ...legacy } : kind !== "Deployment" ? { type: "other", ...base } : { type: "delegate", ...base, podPath, container };
  }
  if (kind === "CronJob" && podPath) {
    let containers = lookup(root, [...podPath, "containers"]);
    if (!(0, import_yaml8.isSeq)(containers)) return { type: "other", ...base };
    let container = findItem(containers, "name", "upgrader")?.index ?? -1;
    if (container < 0 && (container = containers.items.findIndex((c) => isUpgraderImage(stringAt(c, "image") ?? ""))), container < 0) {
      let volumes = lookup(root, [...podPath, "volumes"]);
      (0, import_yaml8.isSeq)(volumes) && volumes.items.some((v) => (stringAt(lookup(v, ["configMap"]), "name") ?? "").endsWith("-upgrader-config")) && containers.items.length === 1 && (container = 0);
    }
    return container < 0 ? { type: "other", ...base } : { type: "upgrader-cronjob", ...base, podPath, container };
  }
  if (kind === "ConfigMap") {
    let config = lookup(root, ["data", "config.yaml"]);
    if ((0, import_yaml8.isScalar)(config) && typeof config.value == "string" && isUpgraderConfigText(config.value))
      return { type: "upgrader-config", ...base, config };
    if ((0, import_yaml8.isMap)(config) && (config.has("mode") || config.has("delegateConfig")))
      return { type: "upgrader-config-invalid", ...base, at: config };
  }
  return { type: "other", ...base };
}
var import_yaml8, POD_PATH, envNames2, TOP_LEVEL_KIND, SIMPLE_KIND, KINDS_THAT_MATTER, init_classify = __esm({
  "src/resources/classify.ts"() {
    "use strict";
    import_yaml8 = __toESM(require_dist(), 1);
    init_lookup();
    init_image();
    init_compose();
    init_helm_values();
    init_gitops_values();
    init_wanted_state();
    init_upgrader_config();
    POD_PATH = {
      Deployment: ["spec", "template", "spec"],
      StatefulSet: ["spec", "template", "spec"],
      CronJob: ["spec", "jobTemplate", "spec", "template", "spec"]
    }, envNames2 = (container) => {
      let env2 = (0, import_yaml8.isMap)(container) ? container.get("env", !0) : void 0;
      return (0, import_yaml8.isSeq)(env2) ? env2.items.map((e) => stringAt(e, "name")).filter((n) => n !== void 0) : [];
    };
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

// src/validate/generated/validators.cjs
var require_validators = __commonJS({
  "src/validate/generated/validators.cjs"(exports2) {
    "use strict";
    exports2.validateContainer = validate10;
    var schema11 = { $schema: "http://json-schema.org/draft-07/schema#", $id: "https://delegate-mtls.dev/schemas/container.json", title: "Container", description: "One container of a pod spec (core/v1 Container), limited to the fields delegate-mtls reads or writes. Other fields are allowed.", type: "object", required: ["name"], properties: { name: { description: "Name of the container, unique within the pod.", type: "string" }, image: { description: "Container image reference.", type: "string" }, env: { description: "Environment variables. `null` (an empty `env:` key in YAML) is accepted.", type: ["array", "null"], items: { $ref: "env-var.json" } }, envFrom: { description: "Sources that populate environment variables in bulk.", type: "array", items: { type: "object", properties: { configMapRef: { description: "ConfigMap whose keys become environment variables.", $ref: "#/definitions/namedRef" }, secretRef: { description: "Secret whose keys become environment variables.", $ref: "#/definitions/namedRef" } }, additionalProperties: !0 } }, volumeMounts: { description: "Volume mounts. `null` (an empty `volumeMounts:` key in YAML) is accepted.", type: ["array", "null"], items: { $ref: "volume-mount.json" } }, securityContext: { description: "Container-level security settings.", type: "object", properties: { runAsUser: { description: "UID the container process runs as.", type: "integer" }, runAsNonRoot: { description: "Require the container to run as a non-root user.", type: "boolean" } }, additionalProperties: !0 } }, additionalProperties: !0, definitions: { namedRef: { description: "Reference to an object by name in the pod's namespace.", type: "object", properties: { name: { description: "Name of the referenced object.", type: "string" } }, additionalProperties: !0 } } };
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
                if (data3.value !== void 0 && typeof data3.value != "string") {
                  let err6 = { instancePath: instancePath + "/env/" + i0 + "/value", schemaPath: "env-var.json/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  vErrors === null ? vErrors = [err6] : vErrors.push(err6), errors++;
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
        if (data.value !== void 0 && typeof data.value != "string") {
          let err2 = { instancePath: instancePath + "/value", schemaPath: "#/properties/value/type", keyword: "type", params: { type: "string" }, message: "must be string" };
          vErrors === null ? vErrors = [err2] : vErrors.push(err2), errors++;
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
    let expected2 = typePhrase(params.type);
    return /^(#|env-var\.json)\/properties\/value\/type$/.test(error.schemaPath) && path.at(-1) === "value" ? { path, message: `${expected2} (Kubernetes reads env values as strings; quote it)` } : { path, message: expected2 };
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

// src/yaml/layout.ts
function indentUnit(src, root) {
  let unit = Number.MAX_SAFE_INTEGER, walk = (node) => {
    if ((0, import_yaml9.isCollection)(node))
      for (let item of node.items) walk(item);
    else if ((0, import_yaml9.isPair)(node)) {
      let child = node.value, key = node.key;
      if ((0, import_yaml9.isMap)(child) && !child.flow && child.items[0] && key?.range) {
        let at = key.range[0], childAt = child.items[0].key.range[0], lineStart = lineStartOf(src, at), childLineStart = lineStartOf(src, childAt), step = childAt - childLineStart - (at - lineStart);
        step > 0 && childLineStart !== lineStart && (unit = Math.min(unit, step));
      }
      walk(node.key), walk(node.value);
    }
  };
  return walk(root), unit === Number.MAX_SAFE_INTEGER ? 2 : unit;
}
function seqIsCompact(src, keyNode, seqNode) {
  if (!(!(0, import_yaml9.isSeq)(seqNode) || seqNode.flow || !keyNode.range || !seqNode.range))
    return columnOf(src, seqNode.range[0]) <= columnOf(src, keyNode.range[0]);
}
function seqDashGap(src, seqNode) {
  if (!(0, import_yaml9.isSeq)(seqNode) || seqNode.flow) return;
  let dash = seqNode.srcToken?.items.find((i) => i.value)?.start.find((t) => t.type === "seq-item-ind"), first = seqNode.items[0];
  if (!dash || !first?.range) return;
  let gap = first.range[0] - dash.offset - 1;
  return gap >= 1 && !src.slice(dash.offset + 1, first.range[0]).includes(`
`) ? gap : void 0;
}
function layoutFor(unit, compactSeq, dashGap = 1) {
  return { unit, compactSeq, dashGap };
}
var import_yaml9, init_layout = __esm({
  "src/yaml/layout.ts"() {
    "use strict";
    import_yaml9 = __toESM(require_dist(), 1);
    init_source();
  }
});

// src/mtls/context.ts
function report(ctx, severity, code, message, at, about2 = {}) {
  let offset = typeof at == "number" ? at : at?.range?.[0], pos = offset === void 0 ? {} : linePos(ctx.src, offset);
  ctx.diagnostics.push({ code, severity, message, file: ctx.file, ...pos, ...about2 });
}
function editContext(ctx, resource) {
  ctx.units ??= /* @__PURE__ */ new Map();
  let unit = ctx.units.get(resource.doc);
  return unit === void 0 && (unit = indentUnit(ctx.src, resource.doc.contents), ctx.units.set(resource.doc, unit)), { src: ctx.src, eol: ctx.eol, unit };
}
function plan(ctx, step) {
  let { resource, op, ptr, display, role, reason, splices, inner } = step, change = {
    resource,
    path: formatPath(display),
    op,
    ..."before" in step ? { before: step.before } : {},
    ..."after" in step ? { after: step.after } : {},
    role,
    reason
  };
  ctx.edits.push(inner ? { change, ptr, inner, splices } : { change, ptr, splices });
}
var init_context = __esm({
  "src/mtls/context.ts"() {
    "use strict";
    init_layout();
    init_lookup();
    init_source();
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
function requireDelegatesNamed(ctx, name) {
  if (!ctx.scope) return;
  let outside = ctx.scope.delegates.filter(
    (r) => (r.ref.name ?? "delegate") === name && !ctx.scope.members.has(r.ref.document)
  );
  if (outside.length > 0) throw new GroupEscape(outside.map((r) => r.ref.document));
}
function requireDelegatesInNamespace(ctx, namespace) {
  if (!ctx.scope) return;
  let outside = ctx.scope.delegates.filter((r) => r.ref.namespace === namespace && !ctx.scope.members.has(r.ref.document)).map((r) => r.ref.document);
  if (outside.length > 0) throw new GroupEscape(outside);
}
function deploymentNames(ctx) {
  return ctx.scope?.deployments ?? namesOfDeployments(ctx.resources);
}
var GroupEscape, namesOfDeployments, init_scope = __esm({
  "src/mtls/scope.ts"() {
    "use strict";
    GroupEscape = class extends Error {
      constructor(documents) {
        super(`planning needs documents ${documents.join(", ")} of the stream`);
        this.documents = documents;
      }
      documents;
    };
    namesOfDeployments = (resources) => new Set(resources.filter((r) => r.ref.kind === "Deployment").map((r) => r.ref.name));
  }
});

// src/mtls/lint.ts
function lint(ctx, onEach) {
  let edited = ctx.edits.flatMap((e) => e.splices), isEdited = (node) => edited.some((s) => node.range && s.start <= node.range[0] && node.range[1] <= s.end && s.end > s.start), deployments = deploymentNames(ctx), placeholders = /* @__PURE__ */ new Set();
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
      let target = lookup(root, ["spec", "scaleTargetRef"]), name = stringAt(target, "name");
      stringAt(target, "kind") === "Deployment" && name !== void 0 && !deployments.has(name) && report(
        ctx,
        "warning",
        "LINT",
        `HorizontalPodAutoscaler ${res.ref.name ?? ""} targets Deployment "${name}", which is not in this file`,
        lookup(target, ["name"])
      );
    }
    (res.type === "delegate" || res.type === "upgrader-cronjob") && lintPod(ctx, lookup(root, res.podPath));
    let i = res.ref.document, start = ctx.starts ? ctx.starts[i] : res.doc.range[0], text2 = ctx.starts ? ctx.src.slice(start, ctx.starts[i + 1] ?? ctx.src.length) : ctx.src.slice(start, res.doc.range[2]);
    if (ctx.starts && !mayMatter(text2)) {
      for (let m of text2.matchAll(/PUT_YOUR_[A-Z_]+/g)) {
        let lineStart = lineStartOf(text2, m.index);
        placeholders.has(m[0]) || /(?:^|\s)#/.test(text2.slice(lineStart, m.index)) || (placeholders.add(m[0]), report(
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
    /PUT_YOUR_|\b400\b/.test(text2) && (0, import_yaml10.visit)(root, {
      Pair(_, pair) {
        let v = pair.value;
        (0, import_yaml10.isScalar)(pair.key) && (pair.key.value === "defaultMode" || pair.key.value === "mode") && (0, import_yaml10.isScalar)(v) && v.value === 400 && !/^0/.test(v.source ?? "") && !isEdited(v) && report(
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
        m && !placeholders.has(m[0]) && (placeholders.add(m[0]), report(
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
  if (!(0, import_yaml10.isMap)(pod)) return;
  let volumes = pod.get("volumes", !0), defined = /* @__PURE__ */ new Map();
  if ((0, import_yaml10.isSeq)(volumes))
    for (let v of volumes.items) stringAt(v, "name") && defined.set(stringAt(v, "name"), v);
  let mounted = /* @__PURE__ */ new Set();
  for (let key of ["containers", "initContainers"]) {
    let list = pod.get(key, !0);
    if ((0, import_yaml10.isSeq)(list))
      for (let c of list.items) {
        let mounts = (0, import_yaml10.isMap)(c) ? c.get("volumeMounts", !0) : void 0;
        if ((0, import_yaml10.isSeq)(mounts))
          for (let m of mounts.items) {
            let name = stringAt(m, "name");
            name !== void 0 && (mounted.add(name), !defined.has(name) && name !== VOLUME_NAME && report(
              ctx,
              "warning",
              "LINT",
              `volume "${name}" is mounted but not defined in the pod: the API server will reject the pod`,
              m
            ));
          }
      }
  }
  for (let [name, node] of defined)
    !mounted.has(name) && name !== VOLUME_NAME && name !== "config-certificate" && report(ctx, "warning", "LINT", `volume "${name}" is not mounted by any container`, node);
}
var import_yaml10, init_lint = __esm({
  "src/mtls/lint.ts"() {
    "use strict";
    import_yaml10 = __toESM(require_dist(), 1);
    init_lookup();
    init_context();
    init_classify();
    init_scope();
    init_source();
    init_wanted_state();
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
    scalar = (text2, comment) => comment ? { scalar: text2, comment } : { scalar: text2 }, map = (...pairs) => ({ map: pairs }), seq = (...items) => ({ seq: items }), pad = (n) => " ".repeat(n);
    jsonScalar = (text2) => /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|"(?:[^"\\]|\\.)*")$/.test(text2) ? text2 : JSON.stringify(text2);
  }
});

// src/yaml/scalar.ts
function isSafePlain(s) {
  let ok = plainCache.get(s);
  if (ok === void 0) {
    if (ok = !1, s !== "" && !/[\n\r\t]|^\s|\s$|^[-?:,[\]{}#&*!|>'"%@`]|: |:$| #/.test(s)) {
      let doc = (0, import_yaml11.parseDocument)(`k: ${s}
`, { version: "1.1" });
      ok = doc.errors.length === 0 && doc.get("k") === s;
    }
    plainCache.set(s, ok);
  }
  return ok;
}
function formatScalar(value, style = "plain") {
  return typeof value != "string" ? String(value) : style === "plain" && isSafePlain(value) ? value : doubleQuoted(value);
}
function restyleScalar(node, value, indent) {
  switch (node.type) {
    case import_yaml11.Scalar.QUOTE_DOUBLE:
      return doubleQuoted(value);
    case import_yaml11.Scalar.QUOTE_SINGLE:
      return value.includes(`
`) ? doubleQuoted(value) : `'${value.replace(/'/g, "''")}'`;
    case import_yaml11.Scalar.PLAIN:
      return formatScalar(value, "plain");
    default: {
      let token = import_yaml11.CST.createScalarToken(value, { indent, type: node.type, inFlow: !1 });
      return import_yaml11.CST.stringify(token);
    }
  }
}
var import_yaml11, plainCache, doubleQuoted, init_scalar = __esm({
  "src/yaml/scalar.ts"() {
    "use strict";
    import_yaml11 = __toESM(require_dist(), 1), plainCache = /* @__PURE__ */ new Map();
    doubleQuoted = (s) => JSON.stringify(s);
  }
});

// src/yaml/splice.ts
function applySplices(src, splices) {
  let nested = (a, b) => a.nest !== void 0 && b.nest !== void 0 && a.start === a.end && b.start === b.end ? b.nest - a.nest : 0, ordered = splices.map((s, i) => ({ s, i })).sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end || nested(a.s, b.s) || a.i - b.i), out = "", pos = 0;
  for (let { s } of ordered) {
    if (s.start < pos || s.end < s.start || s.end > src.length)
      throw new InternalError(`overlapping or out-of-range edit at offset ${s.start}`);
    out += src.slice(pos, s.start) + s.text, pos = s.end;
  }
  return out + src.slice(pos);
}
var insertAt, replaceRange, init_splice = __esm({
  "src/yaml/splice.ts"() {
    "use strict";
    init_errors();
    insertAt = (offset, text2) => ({ start: offset, end: offset, text: text2 }), replaceRange = (start, end, text2) => ({ start, end, text: text2 });
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
  let body = lines.join(ctx.eol), atEofWithoutNewline = at === ctx.src.length && at > 0 && ctx.src[at - 1] !== `
`;
  return { ...insertAt(at, atEofWithoutNewline ? ctx.eol + body : body + ctx.eol), nest: range(owner)[0] };
}
function seqLayout(ctx, seq2) {
  let dash = seq2.srcToken?.items.findLast((i) => i.value)?.start.find((t) => t.type === "seq-item-ind"), lastNode = seq2.items[seq2.items.length - 1];
  if (!dash || !lastNode) throw new InternalError("block sequence without items");
  let dashCol = columnOf(ctx.src, dash.offset), valueStart = range(lastNode)[0], sameLine = lineStartOf(ctx.src, valueStart) === lineStartOf(ctx.src, dash.offset);
  return { dashCol, dashGap: sameLine ? Math.max(1, valueStart - dash.offset - 1) : 1 };
}
function flowInsertion(ctx, coll, text2) {
  let token = coll.srcToken, end = token.end.find((t) => t.type === "flow-seq-end" || t.type === "flow-map-end");
  if (!end) throw new InternalError("unterminated flow collection");
  let padded = ctx.src[token.start.offset + 1] === " ", last = coll.items[coll.items.length - 1];
  if (last === void 0) return insertAt(end.offset, padded ? ` ${text2} ` : text2);
  let lastNode = (0, import_yaml12.isPair)(last) ? last.value?.range ? last.value : last.key : last, p = range(lastNode)[1], q = p;
  for (; ctx.src[q] === " " || ctx.src[q] === "	"; ) q++;
  return ctx.src[q] === "," ? insertAt(q + 1, ` ${text2},`) : insertAt(p, `, ${text2}`);
}
function isJsonStyle(ctx, coll) {
  let quoted = (k) => (0, import_yaml12.isScalar)(k) && k.type === "QUOTE_DOUBLE";
  if ((0, import_yaml12.isMap)(coll) && coll.items.length > 0) return coll.items.every((p) => quoted(p.key));
  let firstMap = (0, import_yaml12.isSeq)(coll) ? coll.items.find((i) => (0, import_yaml12.isMap)(i)) : void 0;
  if ((0, import_yaml12.isMap)(firstMap) && firstMap.items.length > 0) return firstMap.items.every((p) => quoted(p.key));
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
  let keyCol = columnOf(ctx.src, range(first.key)[0]), anchorPair = after !== void 0 && mapNode.items.find((p) => (0, import_yaml12.isScalar)(p.key) && p.key.value === after) || mapNode.items[mapNode.items.length - 1], anchor = anchorPair.value ?? anchorPair.key, at = anchorPair === mapNode.items[mapNode.items.length - 1] ? endOfBlock(ctx.src, anchor, keyCol) : endOfBlock(ctx.src, anchor, Number.MAX_SAFE_INTEGER);
  return blockInsertion(ctx, at, renderBlockMap(frag, keyCol, layout), mapNode);
}
function fillEmptyValue(ctx, pair, value, layout, inFlow = !1) {
  let key = pair.key;
  if (inFlow) {
    let text2 = renderFlow(value, !1, (0, import_yaml12.isScalar)(key) && key.type === "QUOTE_DOUBLE"), v = pair.value;
    if (v && (0, import_yaml12.isScalar)(v) && range(v)[1] > range(v)[0]) return [replaceRange(range(v)[0], range(v)[1], text2)];
    let colon = ctx.src.indexOf(":", range(key)[1]);
    return [insertAt(colon + 1, ` ${text2}`)];
  }
  let keyCol = columnOf(ctx.src, range(key)[0]), lines = "map" in value ? renderBlockMap(value, keyCol + layout.unit, layout) : renderBlockSeq(value, layout.compactSeq ? keyCol : keyCol + layout.unit, layout), splices = [], node = pair.value, [vs, ve] = node && (0, import_yaml12.isScalar)(node) ? range(node) : [range(key)[1], range(key)[1]];
  ve > vs && splices.push(replaceRange(ctx.src[vs - 1] === " " ? vs - 1 : vs, ve, ""));
  let eolAt = ctx.src.indexOf(`
`, ve);
  return eolAt < 0 ? eolAt = ctx.src.length : ctx.src[eolAt - 1] === "\r" && eolAt--, splices.push(insertAt(eolAt, ctx.eol + lines.join(ctx.eol))), splices;
}
function setScalar(ctx, node, value) {
  if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") return setBlockScalar(ctx, node, value);
  let [start, end] = range(node);
  return replaceRange(start, end, restyleScalar(node, value, columnOf(ctx.src, start)));
}
function setBlockScalar(ctx, node, value) {
  let [start, end] = range(node), token = node.srcToken, header = token?.props.find((t) => t.type === "block-scalar-header"), newline = token?.props.find((t) => t.type === "newline");
  if (!token || !header || !newline) throw new InternalError("block scalar without a header line");
  let contentStart = newline.offset + newline.source.length, afterHeader = ctx.src.slice(header.offset + header.source.length, contentStart), body = value.replace(/\n+$/, ""), trailing = value.length - body.length, style = header.source[0];
  if (!(!/[1-9]/.test(header.source) && trailing <= 1 && body !== "" && !/^[ \t]/.test(body) && !body.includes("\r") && (style === "|" || !body.includes(`
`)))) return replaceRange(header.offset, end, JSON.stringify(value) + afterHeader);
  let lines = ctx.src.slice(contentStart, end).split(`
`), contentLine = lines.find((l) => l.trim() !== ""), indent = contentLine ? /^ */.exec(contentLine)[0].length : token.indent + ctx.unit, keepFrom = contentStart, p = contentStart;
  for (let l of lines)
    l.trim() !== "" && (keepFrom = p + l.replace(/\r$/, "").length), p += l.length + 1;
  let text2 = body.split(`
`).map((l) => l === "" ? "" : " ".repeat(indent) + l).join(ctx.eol), tail = contentLine ? ctx.src.slice(keepFrom, end) : ctx.eol + ctx.src.slice(contentStart, end);
  return replaceRange(
    start,
    end,
    ctx.src.slice(start, header.offset) + style + (trailing === 0 ? "-" : "") + afterHeader + text2 + tail
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
var import_yaml12, range, isPadded, init_edit = __esm({
  "src/yaml/edit.ts"() {
    "use strict";
    import_yaml12 = __toESM(require_dist(), 1);
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

// src/mtls/tls-secret.ts
function tlsSecretSource(ctx, name, namespace) {
  let secret = findResource(ctx, name, (r) => r.ref.kind === "Secret" && inNamespace(r, namespace));
  if (secret && stringAt(secret.doc.contents, "type") === "kubernetes.io/tls")
    return `Secret ${name} is a kubernetes.io/tls Secret`;
  if (ctx.scope) {
    let outside = [...ctx.scope.byName.values()].flat().filter((r) => isCertificate(r) && inNamespace(r, namespace) && !ctx.scope.members.has(r.ref.document));
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
    TLS_ITEMS = [
      ["tls.crt", "client.crt"],
      ["tls.key", "client.key"]
    ], inNamespace = (r, namespace) => (r.ref.namespace ?? namespace) === namespace, isCertificate = (r) => r.ref.kind === "Certificate";
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
function appendToList(ectx, owner, key, fragments, layout) {
  let pair = pairOf(owner, key), list = pair?.value;
  return (0, import_yaml13.isSeq)(list) && (list.items.length > 0 || list.flow) ? [appendItems(ectx, list, fragments, layout)] : pair && (list === null || (0, import_yaml13.isScalar)(list) && list.value === null) ? fillEmptyValue(ectx, pair, seq(...fragments), layout, owner.flow) : [addPairs(ectx, owner, [[key, seq(...fragments)]], layout)];
}
function ensureMount(ctx, res, container, podCompact) {
  let { mountPath } = ctx.options, ectx = editContext(ctx, res), mounts = container.node.get("volumeMounts", !0), mountsPtr = [...container.ptr, "volumeMounts"], display = [...container.display, "volumeMounts", { name: VOLUME_NAME }], items = (0, import_yaml13.isSeq)(mounts) ? mounts.items.flatMap((node, index) => (0, import_yaml13.isMap)(node) ? [{ node, index }] : []) : [], pathOf = (m) => normalMountPath(stringAt(m.node, "mountPath")), filePaths = [CERT_FILE, KEY_FILE].map((f) => `${mountPath}/${f}`), hides = (path) => path === mountPath || filePaths.includes(path ?? ""), clash = items.find((m) => stringAt(m.node, "name") !== VOLUME_NAME && hides(pathOf(m))), conflict = (at) => report(
    ctx,
    "error",
    "CONFLICT",
    pathOf(at) === mountPath ? `volume "${stringAt(at.node, "name")}" is already mounted at ${mountPath}; ${VOLUME_NAME} needs that path (choose another with --mount-path)` : `volume "${stringAt(at.node, "name")}" is mounted at ${pathOf(at)}, which would hide the client ${pathOf(at) === filePaths[0] ? "certificate" : "key"} the delegate reads there (move it, or choose another --mount-path)`,
    at.node
  ), ours = items.filter((m) => stringAt(m.node, "name") === VOLUME_NAME), bySubPath = ours.filter((m) => m.node.has("subPath") || m.node.has("subPathExpr"));
  if (bySubPath.length > 0) {
    if (![CERT_FILE, KEY_FILE].every(
      (f) => bySubPath.some((m) => stringAt(m.node, "subPath") === f && pathOf(m) === `${mountPath}/${f}`)
    )) {
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
    (0, import_yaml13.isScalar)(path) && normalMountPath(String(path.value)) !== mountPath ? plan(ctx, {
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
  ro ? (0, import_yaml13.isScalar)(ro) && ro.value !== !0 && plan(ctx, {
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
    let node = owner.get("securityContext", !0), sc = doc && (0, import_yaml13.isAlias)(node) ? node.resolve(doc) : node;
    if (!(0, import_yaml13.isMap)(sc)) continue;
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
    if (misnamed && (0, import_yaml13.isMap)(misnamed.node.get("secret", !0)) && !mountedAnywhere(pod.node, "config-certificate")) {
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
  if (!(0, import_yaml13.isMap)(secret)) {
    let source = ours.node.items.map((p) => (0, import_yaml13.isScalar)(p.key) ? String(p.key.value) : "").find((k) => k !== "name" && k !== ""), what = source ? `a ${source} volume` : "a volume without a source";
    return report(
      ctx,
      "error",
      "CONFLICT",
      `volume "${VOLUME_NAME}" exists but is ${what}; delegate-mtls needs it to be a secret volume holding the client certificate Secret`,
      ours.node
    ), secretName;
  }
  let nameNode = secret.get("secretName", !0), effective = secretName;
  if (!(0, import_yaml13.isScalar)(nameNode) || typeof nameNode.value != "string")
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
  else if ((0, import_yaml13.isScalar)(modeNode) && modeNode.value !== SECRET_MODE.root && modeNode.value !== SECRET_MODE.nonRoot) {
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
  return tls && ensureTlsItems(ctx, res, ectx, secret, [...ptr, "secret"], [...display, "secret"], tls, mode), effective;
}
function ensureTlsItems(ctx, res, ectx, secret, ptr, display, why, mode) {
  let reason = `${why}: the delegate reads tls.crt and tls.key as client.crt and client.key`, items = secret.get("items", !0), itemsPair = pairOf(secret, "items");
  if (!(0, import_yaml13.isSeq)(items)) {
    if (items != null && !((0, import_yaml13.isScalar)(items) && items.value === null)) {
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
  for (let wanted of TLS_ITEMS) {
    let [key, path] = wanted, found = findItem(items, "path", path);
    if (!found) {
      missing.push(wanted);
      continue;
    }
    let keyNode = found.node.get("key", !0);
    (0, import_yaml13.isScalar)(keyNode) && keyNode.value !== key && plan(ctx, {
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
    let itemMode = found.node.get("mode", !0);
    path === "client.key" && (0, import_yaml13.isScalar)(itemMode) && typeof itemMode.value == "number" && (itemMode.value & 63 & ~mode) !== 0 && report(
      ctx,
      "warning",
      "LINT",
      `volume "${VOLUME_NAME}": the item for client.key has mode ${modeComment(itemMode.value)}, which lets group or others read the key; remove it (defaultMode ${modeComment(mode)} then applies) or set ${modeComment(mode)}`,
      itemMode,
      { role: "file-mode" }
    );
  }
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
function mountedAnywhere(pod, volume) {
  for (let key of ["containers", "initContainers"]) {
    let list = pod.get(key, !0);
    if ((0, import_yaml13.isSeq)(list)) {
      for (let c of list.items)
        if (findItem((0, import_yaml13.isMap)(c) ? c.get("volumeMounts", !0) : void 0, "name", volume)) return !0;
    }
  }
  return !1;
}
var import_yaml13, modeComment, normalMountPath, itemFragment, isDelegateToken, init_plan_pod = __esm({
  "src/mtls/plan-pod.ts"() {
    "use strict";
    import_yaml13 = __toESM(require_dist(), 1);
    init_edit();
    init_fragment();
    init_layout();
    init_lookup();
    init_scalar();
    init_splice();
    init_context();
    init_wanted_state();
    init_tls_secret();
    modeComment = (mode) => `0${mode.toString(8)}`;
    normalMountPath = (path) => path === void 0 ? void 0 : path.replace(/\/+$/, "") || "/";
    itemFragment = ([key, path]) => map(["key", scalar(key)], ["path", scalar(path)]);
    isDelegateToken = (secretName) => /-account-token$/.test(secretName);
  }
});

// src/mtls/plan-env.ts
function wantedEnv(ctx) {
  let { endpoint, mountPath, tiService, grpcAuthority } = ctx.options, added = { always: !0, never: !1, "with-ti-service": tiService, "with-grpc-authority": grpcAuthority };
  return CLASSIC_ENV.filter((s) => s.add !== "with-grpc-authority" || grpcAuthority).map((s) => ({
    name: s.name,
    value: envValue(s, endpoint, mountPath),
    kind: s.role === "endpoint" ? "endpoint" : "owned",
    role: s.role,
    addIfMissing: added[s.add],
    ...s.oldName ? { oldName: s.oldName } : {},
    setByChart: s.setByChart,
    reason: s.reason
  }));
}
function envFromConfigMaps(container) {
  let envFrom = container.get("envFrom", !0);
  return (0, import_yaml14.isSeq)(envFrom) ? envFrom.items.map((i) => stringAt(lookup(i, ["configMapRef"]), "name")).filter((n) => n !== void 0) : [];
}
function patchConfigMapKey(ctx, configMapName, namespace, key, value, reason) {
  let cm = findResource(
    ctx,
    configMapName,
    (r) => r.ref.kind === "ConfigMap" && (namespace === void 0 || r.ref.namespace === void 0 || r.ref.namespace === namespace)
  );
  if (!cm) return "absent";
  let node = lookup(cm.doc.contents, ["data", key]);
  return (0, import_yaml14.isScalar)(node) ? (node.value !== value && plan(ctx, {
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
  if ((0, import_yaml14.isScalar)(valueNode)) {
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
function ensureEnv(ctx, res, container, podCompact) {
  let ectx = editContext(ctx, res), env2 = container.node.get("env", !0), envPtr = [...container.ptr, "env"], envDisplay = [...container.display, "env"], appended = [];
  for (let want of wantedEnv(ctx)) {
    let found = findItem(env2, "name", want.name), old = want.oldName ? findItem(env2, "name", want.oldName) : void 0, entry = found ?? old;
    if (entry) {
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
      } else found && old && (0, import_yaml14.isSeq)(env2) && plan(ctx, {
        resource: res.ref,
        op: "remove",
        ptr: [...envPtr, old.index],
        display: [...envDisplay, { name: want.oldName }],
        before: old.node.toJSON(),
        role: want.role,
        reason: `${want.oldName} is ignored by the delegate; ${want.name} is set`,
        splices: [removeItem(ectx, env2, old.index)]
      });
      let valueNode = entry.node.get("value", !0), valueFrom = entry.node.get("valueFrom", !0);
      if ((0, import_yaml14.isScalar)(valueNode) || !(0, import_yaml14.isMap)(valueFrom))
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
      if (outcomes.some((o) => o.outcome === "patched")) continue;
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
      want.name === MANAGER_ENV && report(ctx, "warning", "ADDED_ENDPOINT", `the delegate container had no ${want.name}; added it`, container.node);
    } else if (!want.addIfMissing) continue;
    appended.push(map(["name", scalar(want.name)], ["value", scalar(formatScalar(want.value, "double"))])), plan(ctx, {
      resource: res.ref,
      op: "append",
      ptr: envPtr,
      display: envDisplay,
      after: { name: want.name, value: want.value },
      role: want.role,
      reason: want.reason,
      splices: []
    });
  }
  if (appended.length > 0) {
    let layout = layoutIn(ectx, container.node, ["env", "envFrom", "volumeMounts", "ports"], podCompact), splices = appendToList(ectx, container.node, "env", appended, layout);
    ctx.edits[ctx.edits.length - 1].splices.push(...splices);
  }
}
var import_yaml14, init_plan_env = __esm({
  "src/mtls/plan-env.ts"() {
    "use strict";
    import_yaml14 = __toESM(require_dist(), 1);
    init_wanted_state();
    init_edit();
    init_fragment();
    init_layout();
    init_lookup();
    init_scalar();
    init_context();
    init_plan_pod();
    init_scope();
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
  let pod = lookup(res.doc.contents, res.podPath), { container, podCompact } = locateContainer(ctx, res.podPath, pod, res.container), delegateName = res.ref.name ?? "delegate", image = container.node.get("image", !0), imageRef = stringAt(container.node, "image") ?? "", tag = classifyTag(imageRef);
  tag === "unverifiable" ? report(
    ctx,
    "warning",
    "IMAGE",
    `cannot tell from image "${imageRef}" whether this is an immutable delegate (yy.mm.xxxxx); mTLS needs one`,
    image ?? container.node
  ) : tag === "early-immutable" && report(
    ctx,
    "warning",
    "IMAGE",
    `image "${imageRef}" is an early immutable build that may predate mTLS support (22.07); upgrade the delegate`,
    image
  ), ensureEnv(ctx, res, container, podCompact), ensureMount(ctx, res, container, podCompact);
  let nonRoot = runsAsNonRoot(pod, container.node, res.doc), mode = secretMode(nonRoot);
  if (nonRoot) {
    let sc = pod.get("securityContext", !0);
    (!(0, import_yaml15.isMap)(sc) || sc.get("fsGroup") === void 0) && report(
      ctx,
      "warning",
      "NON_ROOT",
      `the delegate runs as a non-root user and the pod sets no fsGroup: the key (mode ${modeComment(mode)}, owned by root) will not be readable; set spec.template.spec.securityContext.fsGroup`,
      container.node
    );
  }
  let podLoc = { node: pod, ptr: res.podPath, display: res.podPath }, effective = ensureVolume(ctx, res, podLoc, secretNameFor(ctx, delegateName), mode);
  ctx.secretByDelegate.set(delegateName, effective), ctx.modeByDelegate.set(delegateName, mode);
}
var import_yaml15, secretNameFor, init_plan_delegate = __esm({
  "src/mtls/plan-delegate.ts"() {
    "use strict";
    import_yaml15 = __toESM(require_dist(), 1);
    init_image();
    init_wanted_state();
    init_layout();
    init_lookup();
    init_context();
    init_plan_env();
    init_plan_pod();
    secretNameFor = (ctx, delegateName) => ctx.options.secretName.replaceAll("{delegate}", delegateName);
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
    let name = ctx.secretByDelegate.get(res.ref.name ?? "delegate");
    if (name === void 0) continue;
    let id = `${res.ref.namespace ?? ""}/${name}`;
    mountedBy.set(id, [...mountedBy.get(id) ?? [], res.ref.name ?? "delegate"]);
  }
  for (let res of delegates) {
    onEach?.(res);
    let name = ctx.secretByDelegate.get(res.ref.name ?? "delegate");
    if (name === void 0) continue;
    let namespace = res.ref.namespace, id = `${namespace ?? ""}/${name}`;
    if (done.has(id)) continue;
    done.add(id);
    let existing = findResource(
      ctx,
      name,
      (r) => r.ref.kind === "Secret" && (r.ref.namespace ?? namespace) === namespace
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
      let ectx = editContext(ctx, existing), dataPair = pairOf(existing.doc.contents, "data"), dataNode = dataPair?.value, emptyData = dataPair !== void 0 && (dataNode === null || (0, import_yaml16.isScalar)(dataNode) && dataNode.value === null), where = `Secret "${name}"${namespace === void 0 ? "" : ` in namespace ${namespace}`}`;
      if (dataPair !== void 0 && !(0, import_yaml16.isMap)(dataNode) && !emptyData) {
        report(
          ctx,
          "error",
          "CONFLICT",
          `${where} has a "data" that is not a mapping; it cannot hold ${CLIENT_CERT_KEY} and ${CLIENT_KEY_KEY}`,
          dataNode ?? void 0
        );
        continue;
      }
      let stringData = lookup(existing.doc.contents, ["stringData"]), shadowed = [CLIENT_CERT_KEY, CLIENT_KEY_KEY].filter((k) => (0, import_yaml16.isMap)(stringData) && stringData.has(k));
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
        let node = (0, import_yaml16.isMap)(dataNode) ? dataNode.get(key, !0) : void 0, want = data[key];
        if (node != null && !(0, import_yaml16.isScalar)(node)) {
          report(
            ctx,
            "error",
            "CONFLICT",
            `${where}: data.${key} is not a string; it must hold the base64 of the ${key === CLIENT_KEY_KEY ? "key" : "certificate"} file`,
            node
          );
          continue;
        }
        if ((0, import_yaml16.isScalar)(node)) {
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
              splices: [splice]
            }), ctx.edits[ctx.edits.length - 1].value = want;
          }
        } else missing.push([key, want]);
      }
      if (replaced !== void 0 && warnRotation(ctx, where, namespace, mountedBy.get(id) ?? [], replaced, material.certPem, dataNode), missing.length > 0) {
        let pairs = missing.map(([k, v]) => [k, scalar(v)]), splices = (0, import_yaml16.isMap)(dataNode) ? [addPairs(ectx, dataNode, pairs, layoutFor(ectx.unit, !0))] : emptyData ? fillEmptyValue(ectx, dataPair, map(...pairs), layoutFor(ectx.unit, !0)) : [
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
            splices: i === 0 ? splices : []
          }), ctx.edits[ctx.edits.length - 1].value = value2;
        });
      }
      continue;
    }
    requireDelegatesInNamespace(ctx, namespace);
    let text2 = renderSecretManifest(
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
      splices: [insertAt(at, marker ? `---${ctx.eol}${text2}` : `${text2}---${ctx.eol}`)]
    });
    let edit = ctx.edits[ctx.edits.length - 1];
    edit.value = value, edit.insertBefore = res.ref.document;
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
var import_yaml16, base642, redact, init_plan_secret = __esm({
  "src/mtls/plan-secret.ts"() {
    "use strict";
    import_yaml16 = __toESM(require_dist(), 1);
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
    base642 = (s) => Buffer.from(s, "utf8").toString("base64");
    redact = (value) => typeof value == "string" && isPlaceholderSecretData(value) ? value : REDACTED;
  }
});

// src/yaml/embedded.ts
function embeddedSplices(src, eol, node, inner) {
  if (inner.length === 0) return [];
  let value = node.value;
  if (node.type !== import_yaml17.Scalar.BLOCK_LITERAL) {
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
    let from = toOuter(s.start), to = s.end === s.start ? from : toOuter(s.end), text2 = s.text.split(`
`).map((seg, i) => (i > 0 || from.col === 0) && seg !== "" ? prefix + seg : seg).join(eol);
    return replaceRange(from.at, to.at, text2);
  });
}
function embeddedPos(src, node, at) {
  let start = linePos(src, node.range[0]);
  if (node.type !== import_yaml17.Scalar.BLOCK_LITERAL && node.type !== import_yaml17.Scalar.BLOCK_FOLDED) return start;
  let token = node.srcToken, indent = token ? /^( *)\S/m.exec(token.source)?.[1].length ?? 0 : 0;
  return { line: start.line + at.line, col: at.col + indent };
}
var import_yaml17, init_embedded = __esm({
  "src/yaml/embedded.ts"() {
    "use strict";
    import_yaml17 = __toESM(require_dist(), 1);
    init_errors();
    init_splice();
    init_scalar();
    init_source();
  }
});

// src/mtls/plan-upgrader.ts
function configDelegateName(text2, resourceName) {
  return upgraderConfigFacts(text2).workloadName ?? (resourceName ?? "delegate").replace(/-upgrader-config$/, "");
}
function planUpgraderConfig(ctx, res) {
  let node = res.config, text2 = node.value, doc = (0, import_yaml18.parseDocument)(text2, K8S_PARSE), at = (offset) => {
    let outer2 = linePos(ctx.src, node.range[0]), inner = linePos(text2, offset);
    return { line: outer2.line + inner.line, col: inner.col };
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
  if (!(0, import_yaml18.isMap)(root)) return;
  let ictx = { src: text2, eol: `
`, unit: indentUnit(text2, root) }, first = ctx.edits.length, { endpoint, mountPath } = ctx.options, edit = (op, inner, values, role, reason, splice) => plan(ctx, {
    resource: res.ref,
    op,
    ptr: CONFIG_PTR,
    display: [...CONFIG_PTR, ...inner],
    ...values,
    role,
    reason,
    splices: [splice],
    inner
  }), delegateConfig = root.get("delegateConfig", !0), flatHost = root.get(UPGRADER_HOST_KEY, !0);
  if ((0, import_yaml18.isMap)(delegateConfig)) {
    let host = delegateConfig.get(UPGRADER_HOST_KEY, !0);
    (0, import_yaml18.isScalar)(host) ? host.value !== endpoint && edit(
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
  } else (0, import_yaml18.isScalar)(flatHost) ? flatHost.value !== endpoint && edit(
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
  let paths = UPGRADER_CERT_FIELDS.map((f) => ({ key: f.key, role: f.role, value: `${mountPath}/${fileOf(f.role)}` })), missing = [];
  for (let field of paths) {
    let { key, value, role } = field, existing = root.get(key, !0);
    (0, import_yaml18.isScalar)(existing) ? existing.value !== value && edit(
      "set",
      [key],
      { before: existing.value, after: value },
      role,
      "the upgrader reads the client certificate here",
      setScalar(ictx, existing, value)
    ) : missing.push(field), (0, import_yaml18.isMap)(delegateConfig) && delegateConfig.has(key) && report(
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
  let edits = ctx.edits.slice(first), outer = embeddedSplices(
    ctx.src,
    ctx.eol,
    node,
    edits.flatMap((e) => e.splices).filter((s) => s.text !== "" || s.end > s.start)
  );
  edits.forEach((e, i) => {
    e.splices = i === 0 ? outer : [], e.embedded = { text: text2, value: decoded };
  });
}
function planUpgraderCronJob(ctx, res) {
  let pod = lookup(res.doc.contents, res.podPath), { container, podCompact } = locateContainer(ctx, res.podPath, pod, res.container), delegateName = cronJobDelegateName(ctx, pod, res.ref.name);
  requireDelegatesNamed(ctx, delegateName);
  let secretName = ctx.secretByDelegate.get(delegateName) ?? secretNameFor(ctx, delegateName), mode = ctx.modeByDelegate.get(delegateName) ?? secretMode(runsAsNonRoot(pod, container.node, res.doc));
  ensureMount(ctx, res, container, podCompact);
  let podLoc = { node: pod, ptr: res.podPath, display: res.podPath };
  ensureVolume(ctx, res, podLoc, secretName, mode);
}
function cronJobDelegateName(ctx, pod, name) {
  let volumes = pod.get("volumes", !0);
  if ((0, import_yaml18.isSeq)(volumes))
    for (let v of volumes.items) {
      let cmName = stringAt(lookup(v, ["configMap"]), "name"), cm = findResource(ctx, cmName, (r) => r.type === "upgrader-config");
      if (cm && cm.type === "upgrader-config") return configDelegateName(cm.config.value, cm.ref.name);
    }
  return (name ?? "delegate").replace(/-upgrader-job$/, "");
}
var import_yaml18, CONFIG_PTR, init_plan_upgrader = __esm({
  "src/mtls/plan-upgrader.ts"() {
    "use strict";
    import_yaml18 = __toESM(require_dist(), 1);
    init_upgrader_config();
    init_wanted_state();
    init_validate();
    init_edit();
    init_embedded();
    init_fragment();
    init_layout();
    init_lookup();
    init_parse();
    init_scalar();
    init_source();
    init_context();
    init_plan_delegate();
    init_plan_pod();
    init_scope();
    CONFIG_PTR = ["data", "config.yaml"];
  }
});

// src/yaml/edit-pairs.ts
function setPairValue(ctx, pair, value, formatted) {
  let node = pair.value;
  if (node && (0, import_yaml19.isScalar)(node) && node.range && node.range[1] > node.range[0]) return setScalar(ctx, node, value);
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
function itemLines(ctx, seq2, index) {
  if (seq2.flow) throw new InternalError("not a block sequence");
  let item = seq2.items[index], dash = seq2.srcToken.items.filter((i) => i.value)[index]?.start.find((t) => t.type === "seq-item-ind");
  return [lineStartOf(ctx.src, dash ? dash.offset : range2(item)[0]), endOfBlock(ctx.src, item, Number.MAX_SAFE_INTEGER)];
}
function lineRemovals(ctx, ranges) {
  let sorted2 = [...ranges].sort((a, b) => a[0] - b[0]), merged = [];
  for (let [s, e] of sorted2) {
    let last = merged[merged.length - 1];
    last && s <= last[1] ? last[1] = Math.max(last[1], e) : merged.push([s, e]);
  }
  return merged.map(([s, e]) => removeLines(ctx, s, e));
}
function keepFlowItems(ctx, seq2, keep) {
  let token = seq2.srcToken, open = token.start.offset, close = token.end.find((t) => t.type === "flow-seq-end");
  if (!close) throw new InternalError("unterminated flow sequence");
  let texts = keep.map((i) => {
    let [s, e] = range2(seq2.items[i]);
    return ctx.src.slice(s, e);
  }), padded = ctx.src[open + 1] === " ", inner = texts.length === 0 ? padded ? " " : "" : padded ? ` ${texts.join(", ")} ` : texts.join(", ");
  return replaceRange(open + 1, close.offset, inner);
}
var import_yaml19, range2, init_edit_pairs = __esm({
  "src/yaml/edit-pairs.ts"() {
    "use strict";
    import_yaml19 = __toESM(require_dist(), 1);
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

// src/mtls/values-host.ts
function underValues(res, path) {
  let base = formatPath(res.path);
  return base === "" ? path : path.startsWith("[") ? base + path : `${base}.${path}`;
}
function inValues(ctx, res, rule, fresh = () => ({}), finish2 = () => []) {
  let root = res.root;
  if (!res.text) {
    let first = ctx.edits.length;
    if (rule(ctx, res, root), res.path.length === 0) return;
    for (let e of ctx.edits.slice(first))
      e.ptr = [...res.path, ...e.ptr], e.change.path = underValues(res, e.change.path);
    return;
  }
  let { node, doc } = res.text, text2 = node.value, inner = { ...ctx, src: text2, eol: `
`, edits: [], diagnostics: [], units: /* @__PURE__ */ new Map(), ...fresh() };
  delete inner.starts, rule(inner, { ...res, doc }, root);
  for (let d of inner.diagnostics)
    ctx.diagnostics.push(
      d.line === void 0 ? d : { ...d, ...embeddedPos(ctx.src, node, { line: d.line, col: d.col ?? 1 }) }
    );
  if (inner.edits.length === 0) return;
  let splices = [...inner.edits.flatMap((e) => e.splices), ...finish2(inner)].filter(
    (s) => s.text !== "" || s.end > s.start
  ), outer = embeddedSplices(ctx.src, ctx.eol, node, splices), decoded = toPlain(doc);
  inner.edits.forEach((e, i) => {
    ctx.edits.push({
      change: { ...e.change, path: underValues(res, e.change.path) },
      ptr: res.path,
      inner: e.ptr,
      ..."value" in e ? { value: e.value } : {},
      ..."value" in decoded ? { embedded: { text: text2, value: decoded.value } } : {},
      splices: i === 0 ? outer : []
    });
  });
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
  if ((0, import_yaml20.isSeq)(host.parameters))
    for (let item of host.parameters.items) {
      let name = stringAt(item, "name") ?? "";
      if (!OUR_KEYS.test(name)) continue;
      let value = (0, import_yaml20.isScalar)(item) ? void 0 : stringAt(item, "value");
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
var import_yaml20, labelOf, init_values_host = __esm({
  "src/mtls/values-host.ts"() {
    "use strict";
    import_yaml20 = __toESM(require_dist(), 1);
    init_gitops_values();
    init_embedded();
    init_lookup();
    init_parse();
    init_context();
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
  let ectx = editContext(ctx, res), { endpoint } = ctx.options, image = helmImage(root);
  if (image) {
    let tag = classifyTag(image.ref);
    tag === "unverifiable" ? report(
      ctx,
      "warning",
      "IMAGE",
      `cannot tell from image "${image.ref}" whether this is an immutable delegate (yy.mm.xxxxx); mTLS needs one`,
      image.at
    ) : tag === "early-immutable" && report(
      ctx,
      "warning",
      "IMAGE",
      `image "${image.ref}" is an early immutable build that may predate mTLS support (22.07); upgrade the delegate`,
      image.at
    );
  }
  ctx.options.mountPath !== CHART_MOUNT_PATH && report(
    ctx,
    "warning",
    "UNSUPPORTED",
    `the chart mounts the client certificate at ${CHART_MOUNT_PATH}; --mount-path ${ctx.options.mountPath} does not apply to Helm values`,
    root
  );
  let endpointPair = pairOf(root, "managerEndpoint");
  if (endpointPair) {
    let node = endpointPair.value;
    if (!(0, import_yaml21.isScalar)(node) || node.value !== endpoint) {
      let before = (0, import_yaml21.isScalar)(node) ? node.value : null;
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
  if ((0, import_yaml21.isMap)(mtls)) {
    let namePair = pairOf(mtls, "secretName"), current = namePair && (0, import_yaml21.isScalar)(namePair.value) ? namePair.value.value : void 0;
    namePair ? (current == null || current === "" || current !== secretName && ctx.options.secretNameExplicit) && (!(0, import_yaml21.isScalar)(namePair.value) && namePair.value !== null ? report(
      ctx,
      "error",
      "CONFLICT",
      `mTLS.secretName must be a Secret name, not a ${(0, import_yaml21.isSeq)(namePair.value) ? "list" : "mapping"}`,
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
  } else if (mtlsPair && (mtls === null || (0, import_yaml21.isScalar)(mtls) && mtls.value === null))
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
  let ectx = editContext(ctx, res), envs = root.get("custom_envs", !0), appended = [], wanted = wantedEnv({ ...ctx, options: { ...ctx.options, mountPath: CHART_MOUNT_PATH } });
  for (let want of wanted) {
    let found = findItem(envs, "name", want.name);
    if (found) {
      let ptr = ["custom_envs", found.index], display = ["custom_envs", { name: want.name }];
      if ((0, import_yaml21.isMap)(found.node.get("valueFrom", !0))) {
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
    want.setByChart || !want.addIfMissing || (appended.push(map(["name", scalar(want.name)], ["value", scalar(formatScalar(want.value, "double"))])), plan(ctx, {
      resource: res.ref,
      op: "append",
      ptr: ["custom_envs"],
      display: ["custom_envs"],
      after: { name: want.name, value: want.value },
      role: want.role,
      reason: `${want.reason} (the chart does not set it; custom_envs adds it to the delegate's env)`,
      splices: []
    }));
  }
  if (appended.length === 0) return;
  let layout = topLevelSeqLayout(ctx.src, root, ectx.unit), splices = pairOf(root, "custom_envs") ? appendToList(ectx, root, "custom_envs", appended, layout) : [
    addPairs(
      ectx,
      root,
      [["custom_envs", { seq: appended }]],
      layout,
      anchor === void 0 ? void 0 : root.has("mTLS") ? "mTLS" : anchor
    )
  ];
  ctx.edits[ctx.edits.length - 1].splices.push(...splices);
}
var import_yaml21, CHART_MOUNT_PATH, CHART_MTLS_VERSION, CHART_DEFAULTS_KEYS, helmDelegateName, init_plan_helm_values = __esm({
  "src/mtls/plan-helm-values.ts"() {
    "use strict";
    import_yaml21 = __toESM(require_dist(), 1);
    init_helm_values();
    init_image();
    init_edit();
    init_edit_pairs();
    init_fragment();
    init_layout();
    init_lookup();
    init_scalar();
    init_context();
    init_plan_env();
    init_plan_pod();
    init_values_host();
    CHART_MOUNT_PATH = "/etc/mtls", CHART_MTLS_VERSION = "1.0.23", CHART_DEFAULTS_KEYS = ["serviceAccount", "autoscaling", "upgrader", "livenessProbe"], helmDelegateName = (root) => stringAt(root, "delegateName") ?? CHART_DEFAULT_NAME;
  }
});

// src/mtls/plan-compose.ts
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
function parseShortVolume(text2) {
  let parts = text2.split(":");
  if (parts.length >= 2 && /^[A-Za-z]$/.test(parts[0]) && /^[\\/]/.test(parts[1]) && parts.splice(0, 2, `${parts[0]}:${parts[1]}`), parts.length === 1) return { target: parts[0] };
  let out = { source: parts[0], target: parts[1] };
  return parts[2] !== void 0 && (out.mode = parts.slice(2).join(":")), out;
}
function composeVolumes(service) {
  let vols = service.get("volumes", !0);
  if (!(0, import_yaml22.isSeq)(vols)) return [];
  let out = [];
  return vols.items.forEach((item, index) => {
    if ((0, import_yaml22.isScalar)(item) && typeof item.value == "string") {
      let v = parseShortVolume(item.value), entry = {
        index,
        node: item,
        target: trimSlash(v.target),
        readOnly: (v.mode ?? "").split(",").includes("ro")
      };
      v.source !== void 0 && (entry.source = v.source), v.mode !== void 0 && (entry.mode = v.mode), out.push(entry);
    } else if ((0, import_yaml22.isMap)(item)) {
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
    let image = d.node.get("image", !0), ref = stringAt(d.node, "image") ?? "", tag = classifyTag(ref);
    tag === "unverifiable" ? report(
      ctx,
      "warning",
      "IMAGE",
      `service ${d.service}: cannot tell from image "${ref}" whether this is an immutable delegate (yy.mm.xxxxx); mTLS needs one`,
      image ?? d.node,
      { subject: `service ${d.service}` }
    ) : tag === "early-immutable" && report(
      ctx,
      "warning",
      "IMAGE",
      `service ${d.service}: image "${ref}" is an early immutable build that may predate mTLS support (22.07); upgrade the delegate`,
      image,
      { subject: `service ${d.service}` }
    ), ensureComposeEnv(ctx, res, d), ensureComposeMounts(ctx, res, d);
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
  for (let want of wantedEnv(ctx)) {
    let found = entries.find((e) => e.name === want.name), old = want.oldName ? entries.find((e) => e.name === want.oldName) : void 0, entry = found ?? old;
    if (!entry) {
      if (!want.addIfMissing) continue;
      if (want.kind === "endpoint" && want.name === MANAGER_ENV) {
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
      let text2 = `${want.name}=${want.value}`, before = `${entry.name}${entry.value === void 0 ? "" : `=${entry.value}`}`;
      plan(ctx, {
        resource: res.ref,
        op: "set",
        ptr: [...envPtr, entry.index],
        display: [...envDisplay, { name: want.name }],
        before,
        after: text2,
        role: want.role,
        reason,
        splices: [setScalar(ectx, entry.node, text2)]
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
    let envMap = envNode;
    for (let a of appended)
      plan(ctx, {
        resource: res.ref,
        op: "add",
        ptr: [...envPtr, a.name],
        display: [...envPtr, a.name],
        after: a.value,
        role: a.role,
        reason: a.reason,
        splices: []
      });
    ctx.edits[ctx.edits.length - 1].splices.push(
      addPairs(
        ectx,
        envMap,
        appended.map((a) => [a.name, scalar(formatScalar(a.value))]),
        layoutFor(ectx.unit, !0)
      )
    );
    return;
  }
  let lastItem = (0, import_yaml22.isSeq)(envNode) ? envNode.items[envNode.items.length - 1] : void 0, style = (0, import_yaml22.isScalar)(lastItem) && lastItem.type === import_yaml22.Scalar.QUOTE_DOUBLE ? "double" : "plain", frags = appended.map((a) => scalar(formatScalar(`${a.name}=${a.value}`, style)));
  for (let a of appended)
    plan(ctx, {
      resource: res.ref,
      op: "append",
      ptr: envPtr,
      display: envDisplay,
      after: `${a.name}=${a.value}`,
      role: a.role,
      reason: a.reason,
      splices: []
    });
  let layout = layoutIn(ectx, d.node, ["environment", "volumes", "ports"], !1);
  ctx.edits[ctx.edits.length - 1].splices.push(...appendToList(ectx, d.node, "environment", frags, layout));
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
    if ((0, import_yaml22.isScalar)(existing.node)) {
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
      (0, import_yaml22.isScalar)(ro) ? plan(ctx, {
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
  for (let a of appended)
    plan(ctx, {
      resource: res.ref,
      op: "append",
      ptr: volPtr,
      display: volPtr,
      after: a,
      role: "mount",
      reason: `bind-mount the ${a.includes(KEY_FILE) ? "client key" : "client certificate"} read-only where the delegate reads it`,
      splices: []
    });
  let frags = appended.map((a) => scalar(formatScalar(a))), layout = layoutIn(ectx, d.node, ["volumes", "environment", "ports"], !1), splices = pairOf(d.node, "volumes") ? appendToList(ectx, d.node, "volumes", frags, layout) : [addPairs(ectx, d.node, [["volumes", seq(...frags)]], layout, d.node.has("image") ? "image" : void 0)];
  ctx.edits[ctx.edits.length - 1].splices.push(...splices);
}
var import_yaml22, DEFAULT_CERT_PATH, DEFAULT_KEY_PATH, isHostPath, trimSlash, init_plan_compose = __esm({
  "src/mtls/plan-compose.ts"() {
    "use strict";
    import_yaml22 = __toESM(require_dist(), 1);
    init_errors();
    init_compose();
    init_image();
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

// src/mtls/plan.ts
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
function refuseAliases(ctx, pod, containerIndex, label) {
  let found = [], container = (0, import_yaml23.isMap)(pod) ? pod.get("containers", !0)?.items?.[containerIndex] : void 0, check = (n) => (0, import_yaml23.isAlias)(n) && found.push(n);
  if ((0, import_yaml23.isMap)(pod) && check(pod.get("volumes", !0)), (0, import_yaml23.isMap)(container)) {
    for (let key of ["env", "volumeMounts"]) check(container.get(key, !0));
    let env2 = container.get("env", !0);
    if ((0, import_yaml23.isSeq)(env2))
      for (let item of env2.items)
        check(item), (0, import_yaml23.isMap)(item) && MANAGED_ENV.has(String(item.get("name"))) && check(item.get("value", !0));
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
function refuseDuplicateEnv(ctx, pod, containerIndex, label) {
  let container = (0, import_yaml23.isMap)(pod) ? pod.get("containers", !0)?.items?.[containerIndex] : void 0, env2 = (0, import_yaml23.isMap)(container) ? container.get("env", !0) : void 0;
  if (!(0, import_yaml23.isSeq)(env2)) return !1;
  let seen = /* @__PURE__ */ new Set(), refused2 = !1;
  for (let item of env2.items) {
    let name = (0, import_yaml23.isMap)(item) ? item.get("name") : void 0;
    typeof name != "string" || !MANAGED_ENV.has(name) || (seen.has(name) && (report(
      ctx,
      "error",
      "CONFLICT",
      `${label}: env ${name} is listed twice; Kubernetes uses the last one, so changing one would leave the other in force: remove the duplicate`,
      item
    ), refused2 = !0), seen.add(name));
  }
  return refused2;
}
function planStream(src, eol, file, docs, options, starts) {
  let resources = docs.map((doc, i) => classify(doc, i));
  return planResources({ src, eol, file, options, ...starts ? { starts } : {} }, resources, {
    lint: resources.some((r) => r.type !== "other")
  });
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
          "LEGACY_DELEGATE",
          `${label}: ${res.reason}; Harness supports mTLS only on immutable delegates (image tag yy.mm.xxxxx): upgrade to an immutable delegate first`,
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
        );
        validateAt(ctx, "podSpec", pod, res.podPath, data, label) && !refuseAliases(ctx, pod, res.container, label) && !refuseDuplicateEnv(ctx, pod, res.container, label) && plannable.push(res);
        break;
      }
      case "upgrader-config":
      case "helm-values":
      case "compose":
        plannable.push(res);
        break;
    }
  }
  let order = ["delegate", "upgrader-config", "upgrader-cronjob", "helm-values", "compose"];
  for (let type of order)
    for (let res of plannable)
      res.type === type && (mark(type, res.ref.document), res.type === "delegate" ? planDelegate(ctx, res) : res.type === "upgrader-config" ? planUpgraderConfig(ctx, res) : res.type === "upgrader-cronjob" ? planUpgraderCronJob(ctx, res) : res.type === "helm-values" ? planHelmValues(ctx, res) : res.type === "compose" && planCompose(ctx, res));
  return planSecrets(
    ctx,
    plannable.filter((r) => r.type === "delegate"),
    (res) => mark("secret", res.ref.document)
  ), how.lint && lint(ctx, (res) => mark("lint", res.ref.document)), mark("lint", 0), { resources, edits: ctx.edits, diagnostics: ctx.diagnostics, decoded };
}
var import_yaml23, PHASES, stepTag, init_plan = __esm({
  "src/mtls/plan.ts"() {
    "use strict";
    import_yaml23 = __toESM(require_dist(), 1);
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
    init_plan_helm_values();
    init_plan_compose();
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
    let plain2 = toPlain(doc);
    "error" in plain2 || (decoded.set(i, plain2.value), mentions[i] = mentionedNames(res, plain2.value, options));
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
  }, base = { src, eol, file, options, starts }, lint2 = summaries.some((s) => s.type !== "other"), tags = /* @__PURE__ */ new Map(), results = /* @__PURE__ */ new Map(), groupOf = /* @__PURE__ */ new Map();
  for (let [g, docs] of groups) for (let i of docs) groupOf.set(i, g);
  for (let [g, initial] of [...groups].sort((a, b) => a[0] - b[0])) {
    if (groupOf.get(initial[0]) !== g) continue;
    let docs = initial;
    for (; ; ) {
      let resources = docs.map((i) => classify(parseOne(src, starts[i], end(i), !0), i));
      scope.members = new Map(resources.map((r) => [r.ref.document, r]));
      try {
        let plan2 = planResources(base, resources, { lint: lint2, scope, decoded, tags });
        results.set(g, { edits: plan2.edits, diagnostics: plan2.diagnostics });
        for (let e of plan2.edits) {
          let i = e.change.resource.document, member = scope.members.get(i);
          if (e.change.op === "insert" || decoded.has(i) || !member) continue;
          let plain2 = toPlain(member.doc);
          "error" in plain2 || decoded.set(i, plain2.value);
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
  let unparsed = summaries.filter((s) => !parsed[s.ref.document]).map((s) => ({ ...s, type: "other", doc: EMPTY })), rest = planResources(base, unparsed, { lint: lint2, scope, tags });
  results.set(-1, { edits: rest.edits, diagnostics: rest.diagnostics });
  let byStep = (list) => list.map((x, k) => ({ x, k, t: tags.get(x) })).sort((a, b) => a.t - b.t || a.k - b.k).map((e) => e.x), all = [...results.values()], placeholders = /* @__PURE__ */ new Set(), diagnostics = byStep(all.flatMap((r) => r.diagnostics)).filter((d) => d.code !== "LINT" || d.subject === void 0 ? !0 : placeholders.has(d.subject) ? !1 : (placeholders.add(d.subject), !0));
  return { groups: planned, resources: summaries, edits: byStep(all.flatMap((r) => r.edits)), diagnostics, decoded };
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
    EMPTY = { contents: null, range: [0, 0, 0], errors: [], warnings: [] };
  }
});

// src/pipeline/apply-plan.ts
function applyPlan(text2, source, file, plan2, how) {
  let resources = plan2.resources.filter((r) => r.type !== "other").map((r) => ({ ...r.ref, type: r.type })), diagnostics = plan2.diagnostics, fail = (all) => ({
    status: "error",
    output: text2,
    changes: [],
    diagnostics: all,
    unresolved: !1,
    resources
  });
  if (diagnostics.some((d) => d.severity === "error")) return fail(diagnostics);
  let changes = plan2.edits.map((e) => e.change), unresolved = diagnostics.some((d) => d.code === "NOT_CHANGED"), status = changes.length > 0 ? "migrated" : resources.length > 0 ? how.unchanged : "none";
  if (changes.length === 0) return { status, output: text2, changes, diagnostics, unresolved, resources };
  let body = applySplices(
    source.text,
    plan2.edits.flatMap((e) => e.splices)
  );
  how.hooks.afterSplice && (body = how.hooks.afterSplice(body));
  let mismatch = how.guard(body);
  if (mismatch) {
    let bug = `internal error: the semantic guard refused ${how.what} (${mismatch}); nothing was written. Please report this with the input file`;
    return fail([...diagnostics, { code: "GUARD_MISMATCH", severity: "error", message: bug, file }]);
  }
  return { status, output: writeSource(source, body), changes, diagnostics, unresolved, resources };
}
var init_apply_plan = __esm({
  "src/pipeline/apply-plan.ts"() {
    "use strict";
    init_source();
    init_splice();
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
  }, outStarts = inputStarts ? documentStarts(output) : void 0, slice = (text2, starts, k) => text2.slice(starts[k], starts[k + 1] ?? text2.length), outDoc, sameBytes;
  if (inputStarts && outStarts && outStarts.length === expectedDocs)
    outDoc = (j) => {
      let docs = (0, import_yaml24.parseAllDocuments)(slice(output, outStarts, j), { version: "1.1" }), bad = docs.find((d) => d.errors.length > 0);
      return bad ? `the output does not parse: ${bad.errors[0].message.split(`
`)[0]}` : docs.length === 1 ? docs[0] : `the output has ${expectedDocs - 1 + docs.length} documents, expected ${expectedDocs}`;
    }, sameBytes = (i, j) => slice(input, inputStarts, i) === slice(output, outStarts, j);
  else {
    if (typeof inputDocs == "number") return "the output's documents cannot be matched with the input's";
    let parsed = (0, import_yaml24.parseAllDocuments)(output, { version: "1.1" }), outDocs = "empty" in parsed ? [] : parsed, bad = outDocs.find((d) => d.errors.length > 0);
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
    let outer = docEdits.filter((e) => !e.inner).map((e) => ({ op: e.change.op, ptr: e.ptr, after: "value" in e ? e.value : e.change.after })), copy = (inputStarts ? slice(input, inputStarts, i) : typeof inputDocs == "number" ? "*" : input.slice(inputDocs[i].range[0], inputDocs[i].range[1])).includes("*") ? "deep" : "paths", expected2 = applyChanges(before.value, outer, copy), actual = after.value, embedded = /* @__PURE__ */ new Map();
    for (let e of docEdits)
      e.inner && embedded.set(JSON.stringify(e.ptr), {
        ptr: e.ptr,
        edits: [...embedded.get(JSON.stringify(e.ptr))?.edits ?? [], e]
      });
    try {
      for (let { ptr, edits: inner } of embedded.values()) {
        let embeddedText = String(get(expected2, ptr)), known = inner.find((e) => e.embedded)?.embedded, base = known && known.text === embeddedText ? known.value : decode(embeddedText), want = applyChanges(
          base,
          inner.map((e) => ({ op: e.change.op, ptr: e.inner, after: "value" in e ? e.value : e.change.after }))
        ), got = decode(String(get(actual, ptr)));
        if (!deepEqual(want, got))
          return `document ${i + 1}: ${ptr.join(".")} does not hold exactly the planned changes`;
        put(expected2, ptr, null, copy), put(actual, ptr, null, "deep");
      }
    } catch (e) {
      return `document ${i + 1}: ${e.message}`;
    }
    if (!deepEqual(expected2, actual)) return `document ${i + 1} does not decode to the input plus the planned changes`;
  }
}
var import_yaml24, decode, get, copyOf, init_guard = __esm({
  "src/pipeline/guard.ts"() {
    "use strict";
    import_yaml24 = __toESM(require_dist(), 1);
    init_parse();
    init_spans();
    init_deep_equal();
    decode = (text2) => {
      let doc = (0, import_yaml24.parseDocument)(text2, { version: "1.1" });
      if (doc.errors.length > 0) throw new Error(`embedded YAML does not parse: ${doc.errors[0].message}`);
      return doc.toJS({ maxAliasCount: 100 });
    }, get = (root, ptr) => ptr.reduce((cur, seg) => cur?.[seg], root);
    copyOf = (value) => value !== null && typeof value == "object" ? structuredClone(value) : value;
  }
});

// src/pipeline/migrate.ts
function resolveOptions(opts) {
  let mountPath = checkMountPath(opts.mountPath ?? "/etc/mtls"), secretName = opts.secretName ?? "client-certificate", sample = secretName.replaceAll("{delegate}", "x");
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
function migrate(text2, options, hooks = {}) {
  let file = options.file ?? "<input>", resolved = "secretNameExplicit" in options ? options : resolveOptions(options), source = readSource(text2), starts = hooks.grouped ?? source.text.length >= GROUPED_FROM ? documentStarts(source.text) : void 0, grouped = starts && planInGroups(source.text, source.eol, file, resolved, starts);
  if (grouped) {
    let guard = hooks.verify === !1 ? () => {
    } : (body) => checkOutput(source.text, starts.length, body, grouped.edits, starts, grouped.decoded);
    return applyPlan(text2, source, file, grouped, { unchanged: "already", guard, what: "the result", hooks });
  }
  return migrateWhole(text2, source, file, resolved, hooks);
}
function migrateWhole(text2, source, file, resolved, hooks) {
  let fail = (diagnostics) => ({
    status: "error",
    output: text2,
    changes: [],
    diagnostics,
    unresolved: !1,
    resources: []
  }), { docs, errors, starts } = parseStream(source.text, file, mayMatter);
  if (errors.length > 0) return fail(errors);
  let plan2 = planStream(source.text, source.eol, file, docs, resolved, starts), guard = hooks.verify === !1 ? () => {
  } : (body) => checkOutput(source.text, docs, body, plan2.edits, starts, plan2.decoded);
  return applyPlan(text2, source, file, plan2, { unchanged: "already", guard, what: "the result", hooks });
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
    init_guard();
    init_plan_compose();
    GROUPED_FROM = 256 * 1024;
  }
});

// src/krm/function-config.ts
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
    if (STRINGS3.includes(key)) {
      if (typeof value != "string" || value === "")
        throw new FunctionConfigError(`${where}: ${key} must be a non-empty string, found ${JSON.stringify(value)}`);
      key === "endpoint" && normalizeEndpoint(value, `${where}: endpoint`), key === "mountPath" && checkMountPath(value, `${where}: mountPath`), out[key] = value;
    } else if (BOOLEANS3.includes(key))
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
var FN_API_VERSION, FN_KIND, STRINGS3, BOOLEANS3, KEYS, FunctionConfigError, isObject, init_function_config = __esm({
  "src/krm/function-config.ts"() {
    "use strict";
    init_endpoint();
    init_mount_path();
    FN_API_VERSION = "delegate-mtls.harness.io/v1alpha1", FN_KIND = "DelegateMtls", STRINGS3 = ["endpoint", "secretName", "mountPath"], BOOLEANS3 = ["tiService", "grpcAuthority"], KEYS = [...STRINGS3, ...BOOLEANS3], FunctionConfigError = class extends Error {
    }, isObject = (v) => typeof v == "object" && v !== null && !Array.isArray(v);
  }
});

// src/krm/resource-list.ts
function readResourceList(src) {
  let doc = (0, import_yaml25.parseDocument)(src, { ...K8S_PARSE, keepSourceTokens: !1 }), at = (offset) => linePos(src, offset), err = doc.errors[0];
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
  if (!(0, import_yaml25.isMap)(root)) {
    let found = (0, import_yaml25.isSeq)(root) ? "a list" : (0, import_yaml25.isScalar)(root) && root.value !== null ? "a scalar" : "an empty document";
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
  if (itemsNode !== void 0 && !(0, import_yaml25.isSeq)(itemsNode) && !((0, import_yaml25.isScalar)(itemsNode) && itemsNode.value === null)) {
    let where = at(itemsNode.range[0]);
    throw new InvalidResourceList("items must be a list of objects", where.line, where.col);
  }
  let items = [];
  for (let item of (0, import_yaml25.isSeq)(itemsNode) ? itemsNode.items : []) {
    let node = item, where = at(node.range[0]);
    if (!(0, import_yaml25.isMap)(node)) throw new InvalidResourceList("every item must be an object (a mapping)", where.line, where.col);
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
  let fc = root.get("functionConfig", !0), results = root.items.find((p) => (0, import_yaml25.isScalar)(p.key) && p.key.value === "results"), out = { src, items, root };
  return fc !== void 0 && !((0, import_yaml25.isScalar)(fc) && fc.value === null) && (out.functionConfig = fc.toJS(doc)), results && (out.results = results), out;
}
var import_yaml25, RESOURCE_LIST_VERSIONS, InvalidResourceList, annotation, text, expected, init_resource_list = __esm({
  "src/krm/resource-list.ts"() {
    "use strict";
    import_yaml25 = __toESM(require_dist(), 1);
    init_parse();
    init_source();
    RESOURCE_LIST_VERSIONS = ["config.kubernetes.io/v1", "config.kubernetes.io/v1beta1"], InvalidResourceList = class extends Error {
      constructor(message, line, col) {
        super(message);
        this.line = line;
        this.col = col;
      }
      line;
      col;
    }, annotation = (meta, ...keys) => {
      let annotations = (0, import_yaml25.isMap)(meta) ? meta.get("annotations", !0) : void 0;
      for (let key of keys) {
        let v = (0, import_yaml25.isMap)(annotations) ? annotations.get(key, !0) : void 0;
        if ((0, import_yaml25.isScalar)(v) && v.value !== null && v.value !== void 0) return String(v.value);
      }
    }, text = (map2, key) => {
      let v = (0, import_yaml25.isMap)(map2) ? map2.get(key, !0) : void 0;
      return (0, import_yaml25.isScalar)(v) && typeof v.value == "string" ? v.value : void 0;
    };
    expected = (found) => `expected a ResourceList (apiVersion: config.kubernetes.io/v1, kind: ResourceList, items: [...]) on standard input, as kpt and kustomize send it; found ${found}`;
  }
});

// src/krm/results.ts
function about(item) {
  let out = {};
  return item?.apiVersion && item.kind && item.name && (out.resourceRef = { apiVersion: item.apiVersion, kind: item.kind, name: item.name }, item.namespace && (out.resourceRef.namespace = item.namespace)), item?.path && (out.file = { path: item.path, index: item.index ?? 0 }), out;
}
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
  let { root, src } = list, range3 = (n) => n.range;
  if (results.length === 0) {
    if (!list.results || root.flow) return;
    let start = lineStartOf(src, range3(list.results.key)[0]), value = list.results.value;
    return replaceRange(start, lineEndAfter(src, Math.max(start, (value?.range[1] ?? start + 1) - 1)), "");
  }
  if (root.flow) {
    let json = `"results": ${JSON.stringify(results)}`;
    if (list.results) return replaceRange(range3(list.results.key)[0], range3(list.results.value)[1], json);
    let at = root.range[1] - 1;
    for (; at > 0 && /\s/.test(src[at - 1]); ) at--;
    return insertAt(at, (src[at - 1] === "{" ? "" : ", ") + json);
  }
  let block = (0, import_yaml26.stringify)({ results }, { version: "1.1", lineWidth: 0 }).replace(/\n/g, eol);
  if (list.results) {
    let start = range3(list.results.key)[0], value = list.results.value;
    return replaceRange(start, lineEndAfter(src, Math.max(start, (value?.range[1] ?? start) - 1)), block);
  }
  return insertAt(src.length, (src === "" || src.endsWith(`
`) ? "" : eol) + block);
}
var import_yaml26, OP, init_results = __esm({
  "src/krm/results.ts"() {
    "use strict";
    import_yaml26 = __toESM(require_dist(), 1);
    init_secret_manifest();
    init_source();
    init_splice();
    OP = {
      set: "set",
      add: "add",
      append: "append to",
      remove: "remove",
      insert: "insert"
    };
  }
});

// src/krm/splice-items.ts
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
  let a = u.addedBreak ? [...u.lines.slice(0, -1), u.lines[u.lines.length - 1].replace(/\r?\n$/, "")] : u.lines, kept = commonLines(a, out), pad2 = " ".repeat(col), text2 = "", next = 0;
  for (let [ai, bi] of [...kept, [a.length, out.length]]) {
    for (; next < bi; next++) {
      let line = out[next];
      text2 += next === 0 || /^\r?\n?$/.test(line) ? line : pad2 + line;
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
var splitLines, init_splice_items = __esm({
  "src/krm/splice-items.ts"() {
    "use strict";
    init_errors();
    init_migrate();
    init_spans();
    splitLines = (s) => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  }
});

// src/cli/run-fn.ts
var run_fn_exports = {};
__export(run_fn_exports, {
  runFn: () => runFn
});
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
    settings.endpoint === void 0 && args.envEndpointFrom && normalizeEndpoint(endpoint, args.envEndpointFrom), options = resolveOptions({ ...settings, endpoint });
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
        `delegate-mtls fn: ${formatDiagnostic({ code: d.code, severity: d.severity, message: d.message, file: describe2(itemOfLine(d.line)) })}
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
function invalid(io, message) {
  io.stderr.write(`delegate-mtls fn: ${message}
`);
  let list = {
    apiVersion: "config.kubernetes.io/v1",
    kind: "ResourceList",
    items: [],
    results: [{ message, severity: "error" }]
  };
  return io.stdout.write((0, import_yaml27.stringify)(list, { version: "1.1", lineWidth: 0 })), 1;
}
var import_yaml27, describe2, init_run_fn = __esm({
  "src/cli/run-fn.ts"() {
    "use strict";
    import_yaml27 = __toESM(require_dist(), 1);
    init_errors();
    init_read_input();
    init_migrate();
    init_endpoint();
    init_source();
    init_splice();
    init_function_config();
    init_resource_list();
    init_results();
    init_splice_items();
    describe2 = (item) => item ? `${item.path ?? "item"}${item.index !== void 0 ? `[${item.index}]` : ""} ${item.kind ?? ""}/${item.name ?? ""}` : "<stdin>";
  }
});

// src/cert/types.ts
var CertError, init_types = __esm({
  "src/cert/types.ts"() {
    "use strict";
    CertError = class extends Error {
      constructor(file, message) {
        super(message);
        this.file = file;
      }
      file;
      name = "CertError";
    };
  }
});

// src/cert/x509.ts
function newRsaKey(bits) {
  let { privateKey, publicKey } = (0, import_node_crypto3.generateKeyPairSync)("rsa", { modulusLength: bits });
  return {
    key: privateKey,
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }),
    publicKey: pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }))
  };
}
function randomSerial() {
  let b = (0, import_node_crypto3.randomBytes)(16);
  return b[0] = b[0] & 127 | 64, b.toString("hex");
}
function subjectOf(cn, org) {
  let utf8 = { valueTagClass: asn1.Type.UTF8 };
  return [
    ...org === void 0 ? [] : [{ shortName: "O", value: org, ...utf8 }],
    { shortName: "CN", value: cn, ...utf8 }
  ];
}
function signCertificate(spec, issuer, signer) {
  let cert = pki.createCertificate();
  cert.publicKey = spec.subjectKey, cert.serialNumber = randomSerial(), cert.validity.notBefore = wholeSeconds(spec.notBefore), cert.validity.notAfter = wholeSeconds(spec.notAfter), cert.setSubject(spec.subject), cert.setIssuer(spec.subject), cert.setExtensions(spec.extensions), cert.siginfo.algorithmOid = OID.sha256WithRSAEncryption;
  let tbs = pki.getTBSCertificate(cert), fields = tbs.value;
  fields[2] = algorithmIdentifier(signer), issuer !== "self" && (fields[3] = issuer);
  let tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), "binary"), signature = (0, import_node_crypto3.sign)("sha256", tbsDer, signer), certificate = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, !0, [
    tbs,
    algorithmIdentifier(signer),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, !1, "\0" + signature.toString("binary"))
  ]);
  return toPem(Buffer.from(asn1.toDer(certificate).getBytes(), "binary"));
}
function algorithmIdentifier(signer) {
  let oid = (o) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, !1, asn1.oidToDer(o).getBytes());
  return asn1.create(
    asn1.Class.UNIVERSAL,
    asn1.Type.SEQUENCE,
    !0,
    signer.asymmetricKeyType === "rsa" ? [oid(OID.sha256WithRSAEncryption), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, !1, "")] : [oid(OID.ecdsaWithSHA256)]
  );
}
function toPem(der) {
  return `-----BEGIN CERTIFICATE-----
${der.toString("base64").match(/.{1,64}/g).join(`
`)}
-----END CERTIFICATE-----
`;
}
function readCaFields(der) {
  let tbs = fromDer(der.toString("binary"), { strict: !0 }).value[0].value, versioned = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC && tbs[0].type === 0, subject = tbs[versioned ? 5 : 4];
  if (!subject || subject.type !== asn1.Type.SEQUENCE) throw new Error("no subject name");
  let out = { subject, ca: !1 }, list = tbs.find((f) => f.tagClass === asn1.Class.CONTEXT_SPECIFIC && f.type === 3)?.value?.[0]?.value ?? [];
  for (let ext of list) {
    let e = pki.certificateExtensionFromAsn1(ext);
    e.name === "basicConstraints" && (out.ca = e.cA === !0), e.name === "keyUsage" && (out.keyUsage = { keyCertSign: e.keyCertSign === !0 }), e.name === "subjectKeyIdentifier" && e.subjectKeyIdentifier && (out.subjectKeyIdentifier = Buffer.from(e.subjectKeyIdentifier, "hex"));
  }
  return out;
}
function subjectKeyIdentifier(key) {
  let spki = (0, import_node_crypto3.createPublicKey)(key).export({ type: "spki", format: "der" }), bits = fromDer(spki.toString("binary"), { decodeBitStrings: !1 }).value[1].value.slice(1);
  return (0, import_node_crypto3.createHash)("sha1").update(Buffer.from(bits, "binary")).digest();
}
var import_node_crypto3, import_node_forge, asn1, fromDer, pki, OID, BACKDATE_MS, DAY_MS2, wholeSeconds, init_x509 = __esm({
  "src/cert/x509.ts"() {
    "use strict";
    import_node_crypto3 = require("node:crypto"), import_node_forge = __toESM(require("node-forge"), 1), asn1 = import_node_forge.default.asn1, fromDer = asn1.fromDer, pki = import_node_forge.default.pki, OID = {
      sha256WithRSAEncryption: "1.2.840.113549.1.1.11",
      ecdsaWithSHA256: "1.2.840.10045.4.3.2"
    }, BACKDATE_MS = 300 * 1e3, DAY_MS2 = 1440 * 60 * 1e3;
    wholeSeconds = (d) => new Date(Math.floor(d.getTime() / 1e3) * 1e3);
  }
});

// src/cert/make.ts
function makeCaAndClient(opts) {
  let now = opts.now ?? /* @__PURE__ */ new Date(), caKey = newRsaKey(opts.caBits ?? DEFAULT_CA_BITS), keyId = subjectKeyIdentifier(caKey.key), notBefore = new Date(now.getTime() - BACKDATE_MS), caCertPem = signCertificate(
    {
      subjectKey: caKey.publicKey,
      subject: subjectOf(CA_COMMON_NAME, opts.org),
      notBefore,
      notAfter: new Date(now.getTime() + opts.caDays * DAY_MS2),
      extensions: [
        { name: "basicConstraints", cA: !0, critical: !0 },
        { name: "keyUsage", keyCertSign: !0, cRLSign: !0, critical: !0 },
        { name: "subjectKeyIdentifier" }
      ]
    },
    "self",
    caKey.key
  ), ca = {
    key: caKey.key,
    subject: readCaFields(new import_node_crypto4.X509Certificate(caCertPem).raw).subject,
    keyId,
    notBefore
  };
  return { ca: { certPem: caCertPem, keyPem: caKey.keyPem }, client: makeClient(ca, opts, now) };
}
function readSigningCa(certPem, keyPem, certFile, keyFile, now = /* @__PURE__ */ new Date()) {
  let blocks = certPem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
  if (blocks === 0)
    throw new CertError(certFile, "holds no PEM certificate (-----BEGIN CERTIFICATE-----): expected the CA certificate");
  if (blocks > 1)
    throw new CertError(certFile, `holds ${blocks} certificates: expected the CA certificate alone (not a chain)`);
  let cert;
  try {
    cert = new import_node_crypto4.X509Certificate(certPem);
  } catch {
    throw new CertError(certFile, "is not a readable PEM certificate");
  }
  let fields;
  try {
    fields = readCaFields(cert.raw);
  } catch {
    throw new CertError(certFile, "is not a readable PEM certificate");
  }
  if (!fields.ca)
    throw new CertError(
      certFile,
      "is not a CA certificate (its basicConstraints do not say CA:TRUE): give the CA whose certificate Harness trusts"
    );
  if (fields.keyUsage && !fields.keyUsage.keyCertSign)
    throw new CertError(
      certFile,
      "is a CA certificate whose keyUsage does not allow keyCertSign: it cannot sign certificates"
    );
  let key;
  try {
    key = (0, import_node_crypto4.createPrivateKey)(keyPem);
  } catch (e) {
    let code = e.code;
    throw new CertError(
      keyFile,
      code === "ERR_MISSING_PASSPHRASE" || /ENCRYPTED/.test(keyPem) ? "is encrypted: decrypt it for this run (openssl pkey -in ca.key -out plain.key) and delete the copy after" : "is not a readable PEM private key"
    );
  }
  if (key.asymmetricKeyType !== "rsa" && key.asymmetricKeyType !== "ec")
    throw new CertError(keyFile, `is an ${key.asymmetricKeyType} key: cert issue signs with RSA or EC CA keys`);
  if (!cert.checkPrivateKey(key)) throw new CertError(keyFile, `is not the private key of ${certFile}`);
  let notBefore = new Date(cert.validFrom), notAfter = new Date(cert.validTo);
  if (now < notBefore) throw new CertError(certFile, `is not valid yet: it starts on ${day(notBefore)}`);
  if (now > notAfter) throw new CertError(certFile, `expired on ${day(notAfter)}: make a new CA with cert init`);
  return {
    key,
    subject: fields.subject,
    keyId: fields.subjectKeyIdentifier ?? subjectKeyIdentifier(key),
    notBefore,
    notAfter
  };
}
function makeClient(ca, opts, now = opts.now ?? /* @__PURE__ */ new Date(), caFile) {
  let notAfter = new Date(now.getTime() + opts.days * DAY_MS2);
  if (ca.notAfter && notAfter > ca.notAfter) {
    let left2 = Math.floor((ca.notAfter.getTime() - now.getTime()) / DAY_MS2);
    throw new CertError(
      caFile ?? "the CA certificate",
      `ends on ${day(ca.notAfter)}, in ${left2} day${left2 === 1 ? "" : "s"}: a client certificate of ${opts.days} days would outlive it; ` + (left2 >= 1 ? `pass --days ${left2} or fewer, or ` : "") + "make a new CA with cert init (and send its ca.crt to Harness Support)"
    );
  }
  let clientKey = newRsaKey(opts.clientBits ?? DEFAULT_CLIENT_BITS), notBefore = new Date(Math.max(now.getTime() - BACKDATE_MS, ca.notBefore.getTime()));
  return { certPem: signCertificate(
    {
      subjectKey: clientKey.publicKey,
      subject: subjectOf(opts.cn, opts.org),
      notBefore,
      notAfter,
      extensions: [
        { name: "basicConstraints", cA: !1 },
        { name: "keyUsage", digitalSignature: !0, keyEncipherment: !0, critical: !0 },
        { name: "extKeyUsage", clientAuth: !0 },
        { name: "subjectKeyIdentifier" },
        { name: "authorityKeyIdentifier", keyIdentifier: ca.keyId.toString("binary") }
      ]
    },
    ca.subject,
    ca.key
  ), keyPem: clientKey.keyPem };
}
var import_node_crypto4, CA_COMMON_NAME, DEFAULT_CA_BITS, DEFAULT_CLIENT_BITS, day, init_make = __esm({
  "src/cert/make.ts"() {
    "use strict";
    import_node_crypto4 = require("node:crypto");
    init_types();
    init_x509();
    CA_COMMON_NAME = "Harness delegate mTLS CA", DEFAULT_CA_BITS = 4096, DEFAULT_CLIENT_BITS = 2048;
    day = (d) => d.toISOString().slice(0, 10);
  }
});

// src/cert/write-new.ts
function existingFiles(dir, names) {
  return names.filter((name) => (0, import_node_fs5.lstatSync)((0, import_node_path2.join)(dir, name), { throwIfNoEntry: !1 }) !== void 0);
}
function writeNewFiles(dir, shown, files2, hooks = {}) {
  let show = (name) => shown === "." ? name : (0, import_node_path2.join)(shown, name), dirStat = (0, import_node_fs5.statSync)(dir, { throwIfNoEntry: !1 });
  if (dirStat && !dirStat.isDirectory()) throw new CertError(shown, "is not a directory");
  let present = dirStat ? existingFiles(
    dir,
    files2.map((f) => f.name)
  ) : [];
  if (present.length > 0) throw existsError(present.map(show));
  let createdDirs = [], createdFiles = [], current = "";
  try {
    if (!dirStat) {
      let first = (0, import_node_fs5.mkdirSync)(dir, { recursive: !0 });
      if (first !== void 0) for (let d = dir; createdDirs.push(d), d !== first; d = (0, import_node_path2.dirname)(d)) ;
    }
    for (let f of files2) {
      current = f.name;
      let fd = (0, import_node_fs5.openSync)((0, import_node_path2.join)(dir, f.name), "wx", f.mode);
      createdFiles.push((0, import_node_path2.join)(dir, f.name));
      try {
        (0, import_node_fs5.writeFileSync)(fd, f.text), (0, import_node_fs5.fsyncSync)(fd);
      } finally {
        (0, import_node_fs5.closeSync)(fd);
      }
      hooks.afterCreate?.((0, import_node_path2.join)(dir, f.name));
    }
  } catch (e) {
    for (let path of createdFiles.reverse()) (0, import_node_fs5.unlinkSync)(path);
    for (let d of createdDirs)
      try {
        (0, import_node_fs5.rmdirSync)(d);
      } catch {
      }
    let err = e;
    throw err.code === "EEXIST" ? existsError([show(current)], "appeared while this run was writing; ") : new CertError(
      show(current),
      `cannot be written (${err.code ?? err.message}); the files this run had written were removed`
    );
  }
}
function existsError(shown, when = "") {
  let others = shown.slice(1);
  return new CertError(
    shown[0],
    `exists already${others.length > 0 ? ` (so do ${others.join(", ")})` : ""}; ${when}cert never overwrites a file: move them away or choose another --dir (nothing was written)`
  );
}
var import_node_fs5, import_node_path2, init_write_new = __esm({
  "src/cert/write-new.ts"() {
    "use strict";
    import_node_fs5 = require("node:fs"), import_node_path2 = require("node:path");
    init_types();
  }
});

// src/cli/run-cert.ts
var run_cert_exports = {};
__export(run_cert_exports, {
  runCert: () => runCert
});
async function runCert(args, io) {
  let dir = (0, import_node_path3.resolve)(io.cwd, args.dir), shown = (name) => shellWord(args.dir === "." ? name : (0, import_node_path3.join)(args.dir, name));
  try {
    if (args.action === "init") {
      let names2 = ["ca.key", "ca.crt", "client.key", "client.crt"];
      refuseExisting(dir, args.dir, names2);
      let { ca: ca2, client: client2 } = makeCaAndClient({
        cn: args.cn,
        ...args.org === void 0 ? {} : { org: args.org },
        days: args.days,
        caDays: args.caDays
      });
      return writeNewFiles(dir, args.dir, [...files("ca", ca2), ...files("client", client2)]), io.stderr.write(
        `delegate-mtls: made ${shown("ca.key")} and ${shown("ca.crt")} (CN=${CA_COMMON_NAME}, ${args.caDays} days), and ${shown("client.key")} and ${shown("client.crt")} signed by it (CN=${args.cn}, ${args.days} days)
Next steps:
  1. Send ${shown("ca.crt")} to Harness Support, to be trusted for your account's mTLS. Never send ca.key.
  2. Keep ${shown("ca.key")} offline: whoever holds it can make client certificates your account accepts.
     You need it again only for delegate-mtls cert issue (a new client certificate from this CA).
` + rollOut(3, shown) + gitWarning(dir, ["ca.key", "client.key"].map(shown))
      ), 0;
    }
    let names = ["client.key", "client.crt"];
    refuseExisting(dir, args.dir, names);
    let certPem = readText(io, args.caCert, "CA certificate"), keyPem = readText(io, args.caKey, "CA key"), ca = readSigningCa(certPem, keyPem, args.caCert, args.caKey), client = makeClient(ca, { cn: args.cn, days: args.days }, /* @__PURE__ */ new Date(), args.caCert);
    return writeNewFiles(dir, args.dir, files("client", client)), io.stderr.write(
      `delegate-mtls: made ${shown("client.key")} and ${shown("client.crt")} (CN=${args.cn}, ${args.days} days), signed by the CA of ${shellWord(args.caCert)}
Next steps:
  1. Harness Support needs nothing new if your account already trusts this CA (${shellWord(args.caCert)}). Keep its key offline.
` + rollOut(2, shown) + gitWarning(dir, [shown("client.key")])
    ), 0;
  } catch (e) {
    if (!(e instanceof CertError)) throw e;
    return io.stderr.write(formatDiagnostic({ code: "CERT", severity: "error", file: e.file, message: e.message }) + `
`), 2;
  }
}
function files(prefix, pair) {
  return [
    { name: `${prefix}.key`, text: pair.keyPem, mode: 384 },
    { name: `${prefix}.crt`, text: pair.certPem, mode: 420 }
  ];
}
function refuseExisting(dir, shownDir, names) {
  let st = (0, import_node_fs6.statSync)(dir, { throwIfNoEntry: !1 });
  if (st && !st.isDirectory()) throw new CertError(shownDir, "is not a directory: --dir names where the files go");
  let present = st ? existingFiles(dir, names) : [];
  if (present.length > 0) throw existsError(present.map((n) => shownDir === "." ? n : (0, import_node_path3.join)(shownDir, n)));
}
function readText(io, file, what) {
  try {
    return (0, import_node_fs6.readFileSync)((0, import_node_path3.resolve)(io.cwd, file), "utf8");
  } catch (e) {
    let code = e.code;
    throw new UsageError(`cannot read the ${what} ${file}: ${code === "ENOENT" ? "no such file" : code}`);
  }
}
function rollOut(step, shown) {
  let cert = `--cert ${shown("client.crt")} --key ${shown("client.key")}`;
  return `  ${step}. Give the delegate the client certificate (the Secret, and the mTLS endpoint in its manifest):
     delegate-mtls --endpoint https://<account>.harness.io:8443 ${cert} --write harness-delegate.yaml
     or create the Secret on its own:
     delegate-mtls secret ${cert} -n harness-delegate-ng | kubectl apply -f -
`;
}
function gitWarning(dir, keys) {
  for (let d = dir; ; d = (0, import_node_path3.dirname)(d)) {
    if ((0, import_node_fs6.statSync)((0, import_node_path3.join)(d, ".git"), { throwIfNoEntry: !1 }))
      return `warning: ${keys.join(" and ")} ${keys.length === 1 ? "is" : "are"} inside a git work tree (${d}): never commit ${keys.length === 1 ? "it" : "them"}
`;
    if ((0, import_node_path3.dirname)(d) === d) return "";
  }
}
function shellWord(s) {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}
var import_node_fs6, import_node_path3, init_run_cert = __esm({
  "src/cli/run-cert.ts"() {
    "use strict";
    import_node_fs6 = require("node:fs"), import_node_path3 = require("node:path");
    init_errors();
    init_make();
    init_types();
    init_write_new();
  }
});

// src/audit/facts.ts
function configMapValue(resources, name, namespace, key) {
  let cm = resources.find(
    (r) => r.ref.kind === "ConfigMap" && r.ref.name === name && (namespace === void 0 || r.ref.namespace === void 0 || r.ref.namespace === namespace)
  );
  if (!cm) return { found: !1 };
  let v = lookup(cm.doc.contents, ["data", key]);
  return (0, import_yaml28.isScalar)(v) && v.value !== null ? { found: !0, value: String(v.value) } : { found: !0 };
}
function containerEnv(resources, container, namespace, name) {
  let env2 = container.get("env", !0), entry = findItem(env2, "name", name);
  if (entry) {
    let value = entry.node.get("value", !0);
    if ((0, import_yaml28.isScalar)(value) && value.value !== null) return { value: String(value.value), from: "env", unresolved: !1 };
    let ref = lookup(entry.node, ["valueFrom", "configMapKeyRef"]), cmName = stringAt(ref, "name"), cmKey = stringAt(ref, "key");
    if (cmName && cmKey) {
      let got = configMapValue(resources, cmName, namespace, cmKey);
      return got.value !== void 0 ? { value: got.value, from: `ConfigMap ${cmName}`, unresolved: !1 } : { from: `ConfigMap ${cmName} (not among the audited files)`, unresolved: !got.found };
    }
    return { from: "valueFrom (not readable here)", unresolved: !0 };
  }
  let envFrom = container.get("envFrom", !0), unseen = [];
  if ((0, import_yaml28.isSeq)(envFrom))
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
  let volume = findItem(pod.get("volumes", !0), "name", VOLUME_NAME), mount = findItem(container.get("volumeMounts", !0), "name", VOLUME_NAME), env2 = container.get("env", !0), cert = certEnvNames("certificate").map((n) => findItem(env2, "name", n)).find((f) => f !== void 0), certEnv = cert ? stringAt(cert.node, "value") : void 0, out = {
    any: !!(volume || mount || CERT_ENV.some((n) => findItem(env2, "name", n)))
  }, secretName = volume ? stringAt(lookup(volume.node, ["secret"]), "secretName") : void 0;
  secretName && (out.secretName = secretName);
  let mounted = mount ? stringAt(mount.node, "mountPath") : void 0, mountPath = mounted && mount.node.has("subPath") ? dirname5(mounted.replace(/\/+$/, "")) : mounted;
  return mountPath && (out.mountPath = mountPath), certEnv && (out.certEnv = certEnv), out;
}
function composeFacts(s) {
  let entries = composeEnv(s.node).entries, host = entries.find((e) => e.name === MANAGER_ENV), cert = entries.find((e) => certEnvNames("certificate").includes(e.name)), volumes = composeVolumes(s.node), certVolume = volumes.find((v) => v.target.endsWith(`/${CERT_FILE}`)) ?? volumes.find((v) => cert?.value !== void 0 && v.target === dirname5(cert.value)), out = {
    passthrough: !!(host && (host.value === void 0 || /\$\{?[A-Za-z_]/.test(host.value))) || !host && s.node.has("env_file"),
    any: !!(cert || entries.some((e) => CERT_ENV.includes(e.name)) || volumes.some((v) => /\/client\.(crt|key)$/.test(v.target)))
  };
  return host?.value !== void 0 && (out.endpoint = host.value), cert?.value && (out.certEnv = cert.value), certVolume?.source !== void 0 && (out.certSource = certVolume.source), certVolume && (out.mountDir = certVolume.target.endsWith(`/${CERT_FILE}`) ? dirname5(certVolume.target) : certVolume.target), out;
}
function podAndContainer(res) {
  let pod = lookup(res.doc.contents, res.podPath), containers = pod.get("containers", !0), container = (0, import_yaml28.isSeq)(containers) ? containers.items[res.container] : void 0;
  return { pod, container: (0, import_yaml28.isMap)(container) ? container : pod };
}
function secretCertificate(resources, name, namespace) {
  let secret = resources.find(
    (r) => r.ref.kind === "Secret" && r.ref.name === name && (namespace === void 0 || r.ref.namespace === void 0 || r.ref.namespace === namespace)
  );
  if (secret)
    for (let key of [CERT_FILE, "tls.crt"])
      for (let [field, read] of [
        ["stringData", certificateInfo],
        ["data", certificateInfoFromBase64]
      ]) {
        let v = lookup(secret.doc.contents, [field, key]);
        if (!(0, import_yaml28.isScalar)(v) || typeof v.value != "string") continue;
        let info = read(v.value);
        if (info) return { from: `Secret ${name}, ${field}.${key}`, notAfter: info.notAfter };
      }
}
var import_yaml28, CERT_ENV, dirname5, init_facts = __esm({
  "src/audit/facts.ts"() {
    "use strict";
    import_yaml28 = __toESM(require_dist(), 1);
    init_compose();
    init_lookup();
    init_wanted_state();
    init_plan_compose();
    init_certificate_info();
    CERT_ENV = [...certEnvNames("certificate"), ...certEnvNames("key")];
    dirname5 = (p) => p.includes("/") ? p.slice(0, p.lastIndexOf("/")) || "/" : p;
  }
});

// src/audit/audit.ts
function looksLikeMtlsEndpoint(url) {
  return mtlsEndpointKind(url) !== "no";
}
function mtlsEndpointKind(url) {
  let u = new URL(url);
  return /(^|\.)harness\.io$/.test(u.hostname) ? u.port === "8443" || /\.agent\./.test(`.${u.hostname}`) ? "yes" : "no" : "unknown";
}
function audit(inputs, options = {}) {
  options.mountPath !== void 0 && (options = { ...options, mountPath: checkMountPath(options.mountPath) });
  let errors = [], texts = inputs.map((input, file) => ({ file, text: readSource(input.text).text })), units = texts.length === 0 ? [] : [buildUnit(texts)].filter((u) => u !== void 0);
  texts.length > 0 && units.length === 0 && (texts = texts.filter(({ file, text: text2 }) => {
    let parsed = parseStream(text2, inputs[file].path);
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
  let plan2 = planStream(
    unit.src,
    `
`,
    "audit",
    indexes.map((i) => unit.docs[i]),
    options
  );
  return {
    edits: plan2.edits.map((e) => ({ ...e, doc: indexes[e.change.resource.document] })),
    diagnostics: plan2.diagnostics.map((d) => ({ ...d, doc: d.line === void 0 ? -1 : unit.docOfLine(d.line) }))
  };
}
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
function describeChange(c) {
  let after = c.after, list = c.path.replace(/\[[^\]]*\]$/, "").split(".").pop().replace(/\[.*$/, "");
  if (c.op === "append") {
    if (typeof after == "string") return list === "environment" ? `env ${after.split("=")[0]}` : `mount ${after}`;
    if (after && typeof after == "object" && typeof after.name == "string")
      return `${{ env: "env", volumeMounts: "volumeMount", volumes: "volume", custom_envs: "custom_envs" }[list] ?? list} ${after.name}`;
  }
  let short = c.path.replace(/^data\."config\.yaml"\./, "config.yaml ").replace(/^spec\.(values|(source|sources\[\d+\])\.helm\.(valuesObject|values))\./, "").replace(/^spec\.(jobTemplate\.spec\.)?template\.spec\./, "").replace(/^containers\[name=[^\]]+\]\./, "").replace(/^services\.[^.]+\./, "").replace(/\[name=([^\]]+)\]/g, " $1").replace(/^environment[ .]/, "env "), prefix = c.resource.kind === "ConfigMap" && !short.startsWith("config.yaml ") ? `ConfigMap ${c.resource.name ?? ""}: ` : "", value = c.op === "remove" ? " (remove)" : typeof c.after == "object" || c.after === void 0 ? "" : ` \u2192 ${String(c.after)}`;
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
    if ((0, import_yaml29.isSeq)(volumes))
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
  let rows = [], grpc = options.grpcAuthority ?? !0, configMaps = unit.resources.flatMap((r, i) => r.ref.kind === "ConfigMap" && r.type === "other" ? [i] : []), tlsSources = unit.resources.flatMap(
    (r, i) => r.ref.kind === "Secret" || r.ref.kind === "Certificate" ? [i] : []
  ), owners = upgraderOwners(unit);
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
        certificate: null,
        warnings: [],
        ready: !1
      });
      return;
    }
    if (res.type === "delegate") {
      let { pod, container } = podAndContainer(res), name = res.ref.name ?? "delegate", ep = containerEnv(unit.resources, container, res.ref.namespace, MANAGER_ENV), facts = podFacts(pod, container), mountPath = options.mountPath ?? facts.mountPath ?? (facts.certEnv ? dirname5(facts.certEnv) : "/etc/mtls"), secret = options.secretName?.replaceAll("{delegate}", name) ?? facts.secretName ?? "client-certificate", target = endpointFor(ep.value, fixed, ep.unresolved ? ep.from : void 0), upgraders = upgraderDocs(unit, owners, name, res.ref.namespace, index), planned = planSubset(
        unit,
        [index, ...configMaps, ...upgraders, ...tlsSources],
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
      }, cert = certificateRow(unit.resources, secret, res.ref.namespace, options.now, found.missing);
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
        ...cert,
        ready: target.known && found.missing.length === 0 && upgrader.state !== "disagrees"
      });
      return;
    }
    if (res.type === "helm-values") {
      let root = res.root, name = stringAt(root, "delegateName") ?? CHART_DEFAULT_NAME, endpointNode = root?.get("managerEndpoint", !0), endpoint = root ? (0, import_yaml29.isScalar)(endpointNode) && endpointNode.value !== null ? String(endpointNode.value) : "https://app.harness.io" : void 0, current = stringAt(lookup(root, ["mTLS"]), "secretName") || void 0, secret = options.secretName?.replaceAll("{delegate}", name) ?? current ?? "client-certificate", target = endpointFor(endpoint, fixed, root ? void 0 : "values outside the input"), planned = planSubset(unit, [index], mtlsOptions(target.plan, secret, "/etc/mtls", grpc)), found = findings(planned, (doc) => doc === index, target.known);
      target.problem && found.missing.unshift(target.problem);
      let state = stateOf(target.known, found, current !== void 0), enabled = lookup(root, ["upgrader", "enabled"]), upgrader = {
        state: (0, import_yaml29.isScalar)(enabled) && enabled.value === !1 ? "absent" : "chart",
        problems: []
      }, cert = certificateRow(unit.resources, secret, void 0, options.now, found.missing);
      rows.push({
        ...base,
        name,
        ...imageFields(helmImage(root)?.ref),
        state,
        missing: found.missing,
        hardening: found.hardening,
        endpoint: endpoint ?? null,
        endpointHost: hostOf(endpoint),
        secret: current ?? null,
        upgrader,
        ...cert,
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
  let facts = composeFacts(s), mountPath = options.mountPath ?? facts.mountDir ?? (facts.certEnv ? dirname5(facts.certEnv) : "/etc/mtls"), target = endpointFor(
    facts.passthrough ? void 0 : facts.endpoint,
    fixed,
    facts.passthrough ? "the host environment, .env or an env_file" : void 0
  ), planned = planSubset(unit, [index], mtlsOptions(target.plan, "client-certificate", mountPath, grpc)), prefix = `services.${s.service}.`, mine = {
    edits: planned.edits.filter((e) => e.change.path.startsWith(prefix)),
    diagnostics: planned.diagnostics.filter((d) => d.subject === `service ${s.service}`)
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
    certificate: null,
    warnings: [],
    ready: target.known && found.missing.length === 0
  };
}
function findings(planned, mine, endpointKnown, label = () => "") {
  let missing = [], hardening = [];
  for (let e of planned.edits) {
    if (!mine(e.doc)) continue;
    let c = e.change;
    !endpointKnown && c.role === "endpoint" || (c.role === "file-mode" ? hardening : missing).push(label(e.doc) + describeChange(c));
  }
  for (let d of planned.diagnostics)
    mine(d.doc) && (d.severity === "error" || d.code === "NOT_CHANGED" && (endpointKnown || d.role !== "endpoint")) && missing.push(label(d.doc) + d.message);
  return { missing: [...new Set(missing)], hardening: [...new Set(hardening)] };
}
function certificateRow(resources, secret, namespace, now = /* @__PURE__ */ new Date(), missing) {
  let cert = secretCertificate(resources, secret, namespace);
  if (!cert) return { certificate: null, warnings: [] };
  let left2 = cert.notAfter.getTime() - now.getTime(), warnings = [];
  if (left2 < 0) missing.push(`the client certificate (${cert.from}) expired on ${isoDate2(cert.notAfter)}`);
  else if (left2 < EXPIRY_WARNING_DAYS * DAY_MS3) {
    let days = Math.ceil(left2 / DAY_MS3);
    warnings.push(
      `the client certificate (${cert.from}) expires on ${isoDate2(cert.notAfter)}, in ${days} day${days === 1 ? "" : "s"}: renew it before then`
    );
  }
  return { certificate: { from: cert.from, notAfter: isoDate2(cert.notAfter) }, warnings };
}
function upgraderHostMismatch(unit, upgraders, endpoint) {
  let out = [];
  for (let i of upgraders) {
    let r = unit.resources[i];
    if (r.type !== "upgrader-config") continue;
    let host = upgraderConfigFacts(r.config.value).managerHost;
    host !== void 0 && host !== endpoint && out.push(`ConfigMap ${r.ref.name ?? ""}: managerHost is ${host}, the delegate uses ${endpoint}`);
  }
  return out;
}
function legacyImage(res) {
  let root = res.doc.contents;
  if (res.type === "legacy" && res.image !== void 0) return res.image;
  if (res.ref.kind === "HelmValues") return helmImage(root)?.ref;
  if (res.ref.kind === "DockerCompose") {
    let services = (0, import_yaml29.isMap)(root) ? root.get("services", !0) : void 0;
    if (!(0, import_yaml29.isMap)(services)) return;
    for (let p of services.items) {
      let image = stringAt(p.value, "image");
      if (image && classifyTag(image) === "legacy") return image;
    }
    return;
  }
  let podPath = POD_PATH[res.ref.kind], containers = podPath ? lookup(root, [...podPath, "containers"]) : void 0;
  if (!(0, import_yaml29.isSeq)(containers)) return;
  let i = findDelegateContainer(containers);
  return i < 0 ? void 0 : stringAt(containers.items[i], "image");
}
var import_yaml29, PLACEHOLDER_ENDPOINT, mtlsOptions, hostOf, DAY_MS3, isoDate2, init_audit = __esm({
  "src/audit/audit.ts"() {
    "use strict";
    import_yaml29 = __toESM(require_dist(), 1);
    init_endpoint();
    init_mount_path();
    init_plan();
    init_plan_upgrader();
    init_classify();
    init_helm_values();
    init_compose();
    init_image();
    init_upgrader_config();
    init_wanted_state();
    init_lookup();
    init_parse();
    init_source();
    init_certificate_info();
    init_facts();
    PLACEHOLDER_ENDPOINT = "https://endpoint.invalid";
    mtlsOptions = (endpoint, secretName, mountPath, grpcAuthority) => ({
      endpoint,
      secretName,
      // Explicit: an upgrader mounting another Secret than its delegate is a disagreement, not a choice to keep.
      secretNameExplicit: !0,
      mountPath,
      tiService: !1,
      grpcAuthority
    });
    hostOf = (value) => {
      if (value === void 0) return null;
      try {
        return new URL(value).host || null;
      } catch {
        return null;
      }
    };
    DAY_MS3 = 1440 * 60 * 1e3, isoDate2 = (d) => d.toISOString().replace(/\.000Z$/, "Z");
  }
});

// src/audit/render.ts
function nameOf(r) {
  return r.service === null || r.service === r.name ? cell(r.name) : `${cell(r.name)} (service ${r.service})`;
}
function renderAuditText(report2) {
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
  ], rows = report2.delegates.map((r) => [
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
  let details = report2.delegates.filter(
    (r) => r.missing.length > 0 || r.hardening.length > 0 || r.upgrader.problems.length > 0 || r.certificate !== null || r.warnings.length > 0
  );
  details.length > 0 && lines.push("");
  for (let r of details) {
    lines.push(`${r.file}: ${r.kind} ${nameOf(r)} (${r.state}):`);
    for (let m of r.missing) lines.push(`  ${r.state === "legacy" ? "refused" : "missing"}: ${m}`);
    for (let p of r.upgrader.problems) lines.push(`  upgrader: ${p}`);
    for (let h of r.hardening) lines.push(`  hardening (not needed for STRICT): ${h}`);
    for (let w of r.warnings) lines.push(`  warning: ${w}`);
    r.certificate && lines.push(`  certificate: valid until ${r.certificate.notAfter} (${r.certificate.from})`);
  }
  return lines.push(verdict(report2)), lines.join(`
`) + `
`;
}
function verdict(report2) {
  let s = report2.summary;
  if (report2.errors.length > 0) {
    let n2 = new Set(report2.errors.map((e) => e.file)).size;
    return `audit incomplete: ${n2} file${n2 === 1 ? "" : "s"} could not be read or parsed (see the errors above); not ready for STRICT`;
  }
  if (s.delegates === 0)
    return `no delegates found in ${s.files} file${s.files === 1 ? "" : "s"}: nothing would be refused under STRICT`;
  let refused2 = report2.delegates.filter((r) => r.missing.length > 0), count = (st) => refused2.filter((r) => r.state === st).length, parts = [
    [count("legacy"), "legacy"],
    [count("none"), "without mTLS"],
    [count("partial"), "partial"],
    // Complete but refused: only an expired client certificate does that.
    [count("complete"), "with an expired client certificate"]
  ].filter(([n2]) => n2 > 0).map(([n2, l]) => `${n2} ${l}`);
  if (report2.ready) {
    let note = report2.delegates.some((r) => r.hardening.length > 0) ? " (some only lack the key's file mode: run delegate-mtls to set it)" : "";
    return `ready for STRICT: all ${s.delegates} delegate${s.delegates === 1 ? "" : "s"} speak mTLS${note}`;
  }
  let n = s.upgradersDisagreeing;
  return `NOT ready for STRICT: ${[
    refused2.length > 0 ? `${refused2.length} of ${s.delegates} delegate${s.delegates === 1 ? "" : "s"} would be refused (${parts.join(", ")})` : "",
    n > 0 ? `${n} upgrader${n === 1 ? " does" : "s do"} not match ${n === 1 ? "its" : "their"} delegate and would be refused` : ""
  ].filter(Boolean).join("; ")}`;
}
var cell, renderAuditJson, init_render = __esm({
  "src/audit/render.ts"() {
    "use strict";
    cell = (v) => v == null || v === "" ? "-" : v;
    renderAuditJson = (report2) => JSON.stringify(report2, null, 2) + `
`;
  }
});

// src/io/temp-file-name.ts
function tempFileName(base, pid = process.pid) {
  let short = base.length > MAX_BASE_CHARS ? base.slice(0, MAX_BASE_CHARS) : base, random = Math.random().toString(36).slice(2, 10).padEnd(8, "0");
  return `.${short}.delegate-mtls-${pid}-${random}.tmp`;
}
function isTempFileName(name) {
  return TEMP_NAME.test((0, import_node_path4.basename)(name));
}
function tempFilePid(name) {
  let m = TEMP_NAME.exec((0, import_node_path4.basename)(name));
  return m ? Number(m[1]) : void 0;
}
var import_node_path4, TEMP_NAME, MAX_BASE_CHARS, init_temp_file_name = __esm({
  "src/io/temp-file-name.ts"() {
    "use strict";
    import_node_path4 = require("node:path"), TEMP_NAME = /^\..*\.delegate-mtls-(\d+)-[0-9a-z]+\.tmp$/, MAX_BASE_CHARS = 100;
  }
});

// node_modules/fast-glob/out/utils/array.js
var require_array = __commonJS({
  "node_modules/fast-glob/out/utils/array.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.splitWhen = exports2.flatten = void 0;
    function flatten(items) {
      return items.reduce((collection, item) => [].concat(collection, item), []);
    }
    exports2.flatten = flatten;
    function splitWhen(items, predicate) {
      let result = [[]], groupIndex = 0;
      for (let item of items)
        predicate(item) ? (groupIndex++, result[groupIndex] = []) : result[groupIndex].push(item);
      return result;
    }
    exports2.splitWhen = splitWhen;
  }
});

// node_modules/fast-glob/out/utils/errno.js
var require_errno = __commonJS({
  "node_modules/fast-glob/out/utils/errno.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.isEnoentCodeError = void 0;
    function isEnoentCodeError(error) {
      return error.code === "ENOENT";
    }
    exports2.isEnoentCodeError = isEnoentCodeError;
  }
});

// node_modules/fast-glob/out/utils/fs.js
var require_fs = __commonJS({
  "node_modules/fast-glob/out/utils/fs.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.createDirentFromStats = void 0;
    var DirentFromStats = class {
      constructor(name, stats) {
        this.name = name, this.isBlockDevice = stats.isBlockDevice.bind(stats), this.isCharacterDevice = stats.isCharacterDevice.bind(stats), this.isDirectory = stats.isDirectory.bind(stats), this.isFIFO = stats.isFIFO.bind(stats), this.isFile = stats.isFile.bind(stats), this.isSocket = stats.isSocket.bind(stats), this.isSymbolicLink = stats.isSymbolicLink.bind(stats);
      }
    };
    function createDirentFromStats(name, stats) {
      return new DirentFromStats(name, stats);
    }
    exports2.createDirentFromStats = createDirentFromStats;
  }
});

// node_modules/fast-glob/out/utils/path.js
var require_path = __commonJS({
  "node_modules/fast-glob/out/utils/path.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.convertPosixPathToPattern = exports2.convertWindowsPathToPattern = exports2.convertPathToPattern = exports2.escapePosixPath = exports2.escapeWindowsPath = exports2.escape = exports2.removeLeadingDotSegment = exports2.makeAbsolute = exports2.unixify = void 0;
    var os = require("os"), path = require("path"), IS_WINDOWS_PLATFORM = os.platform() === "win32", LEADING_DOT_SEGMENT_CHARACTERS_COUNT = 2, POSIX_UNESCAPED_GLOB_SYMBOLS_RE = /(\\?)([()*?[\]{|}]|^!|[!+@](?=\()|\\(?![!()*+?@[\]{|}]))/g, WINDOWS_UNESCAPED_GLOB_SYMBOLS_RE = /(\\?)([()[\]{}]|^!|[!+@](?=\())/g, DOS_DEVICE_PATH_RE = /^\\\\([.?])/, WINDOWS_BACKSLASHES_RE = /\\(?![!()+@[\]{}])/g;
    function unixify(filepath) {
      return filepath.replace(/\\/g, "/");
    }
    exports2.unixify = unixify;
    function makeAbsolute(cwd, filepath) {
      return path.resolve(cwd, filepath);
    }
    exports2.makeAbsolute = makeAbsolute;
    function removeLeadingDotSegment(entry) {
      if (entry.charAt(0) === ".") {
        let secondCharactery = entry.charAt(1);
        if (secondCharactery === "/" || secondCharactery === "\\")
          return entry.slice(LEADING_DOT_SEGMENT_CHARACTERS_COUNT);
      }
      return entry;
    }
    exports2.removeLeadingDotSegment = removeLeadingDotSegment;
    exports2.escape = IS_WINDOWS_PLATFORM ? escapeWindowsPath : escapePosixPath;
    function escapeWindowsPath(pattern) {
      return pattern.replace(WINDOWS_UNESCAPED_GLOB_SYMBOLS_RE, "\\$2");
    }
    exports2.escapeWindowsPath = escapeWindowsPath;
    function escapePosixPath(pattern) {
      return pattern.replace(POSIX_UNESCAPED_GLOB_SYMBOLS_RE, "\\$2");
    }
    exports2.escapePosixPath = escapePosixPath;
    exports2.convertPathToPattern = IS_WINDOWS_PLATFORM ? convertWindowsPathToPattern : convertPosixPathToPattern;
    function convertWindowsPathToPattern(filepath) {
      return escapeWindowsPath(filepath).replace(DOS_DEVICE_PATH_RE, "//$1").replace(WINDOWS_BACKSLASHES_RE, "/");
    }
    exports2.convertWindowsPathToPattern = convertWindowsPathToPattern;
    function convertPosixPathToPattern(filepath) {
      return escapePosixPath(filepath);
    }
    exports2.convertPosixPathToPattern = convertPosixPathToPattern;
  }
});

// node_modules/is-extglob/index.js
var require_is_extglob = __commonJS({
  "node_modules/is-extglob/index.js"(exports2, module2) {
    module2.exports = function(str) {
      if (typeof str != "string" || str === "")
        return !1;
      for (var match; match = /(\\).|([@?!+*]\(.*\))/g.exec(str); ) {
        if (match[2]) return !0;
        str = str.slice(match.index + match[0].length);
      }
      return !1;
    };
  }
});

// node_modules/is-glob/index.js
var require_is_glob = __commonJS({
  "node_modules/is-glob/index.js"(exports2, module2) {
    var isExtglob = require_is_extglob(), chars = { "{": "}", "(": ")", "[": "]" }, strictCheck = function(str) {
      if (str[0] === "!")
        return !0;
      for (var index = 0, pipeIndex = -2, closeSquareIndex = -2, closeCurlyIndex = -2, closeParenIndex = -2, backSlashIndex = -2; index < str.length; ) {
        if (str[index] === "*" || str[index + 1] === "?" && /[\].+)]/.test(str[index]) || closeSquareIndex !== -1 && str[index] === "[" && str[index + 1] !== "]" && (closeSquareIndex < index && (closeSquareIndex = str.indexOf("]", index)), closeSquareIndex > index && (backSlashIndex === -1 || backSlashIndex > closeSquareIndex || (backSlashIndex = str.indexOf("\\", index), backSlashIndex === -1 || backSlashIndex > closeSquareIndex))) || closeCurlyIndex !== -1 && str[index] === "{" && str[index + 1] !== "}" && (closeCurlyIndex = str.indexOf("}", index), closeCurlyIndex > index && (backSlashIndex = str.indexOf("\\", index), backSlashIndex === -1 || backSlashIndex > closeCurlyIndex)) || closeParenIndex !== -1 && str[index] === "(" && str[index + 1] === "?" && /[:!=]/.test(str[index + 2]) && str[index + 3] !== ")" && (closeParenIndex = str.indexOf(")", index), closeParenIndex > index && (backSlashIndex = str.indexOf("\\", index), backSlashIndex === -1 || backSlashIndex > closeParenIndex)) || pipeIndex !== -1 && str[index] === "(" && str[index + 1] !== "|" && (pipeIndex < index && (pipeIndex = str.indexOf("|", index)), pipeIndex !== -1 && str[pipeIndex + 1] !== ")" && (closeParenIndex = str.indexOf(")", pipeIndex), closeParenIndex > pipeIndex && (backSlashIndex = str.indexOf("\\", pipeIndex), backSlashIndex === -1 || backSlashIndex > closeParenIndex))))
          return !0;
        if (str[index] === "\\") {
          var open = str[index + 1];
          index += 2;
          var close = chars[open];
          if (close) {
            var n = str.indexOf(close, index);
            n !== -1 && (index = n + 1);
          }
          if (str[index] === "!")
            return !0;
        } else
          index++;
      }
      return !1;
    }, relaxedCheck = function(str) {
      if (str[0] === "!")
        return !0;
      for (var index = 0; index < str.length; ) {
        if (/[*?{}()[\]]/.test(str[index]))
          return !0;
        if (str[index] === "\\") {
          var open = str[index + 1];
          index += 2;
          var close = chars[open];
          if (close) {
            var n = str.indexOf(close, index);
            n !== -1 && (index = n + 1);
          }
          if (str[index] === "!")
            return !0;
        } else
          index++;
      }
      return !1;
    };
    module2.exports = function(str, options) {
      if (typeof str != "string" || str === "")
        return !1;
      if (isExtglob(str))
        return !0;
      var check = strictCheck;
      return options && options.strict === !1 && (check = relaxedCheck), check(str);
    };
  }
});

// node_modules/glob-parent/index.js
var require_glob_parent = __commonJS({
  "node_modules/glob-parent/index.js"(exports2, module2) {
    "use strict";
    var isGlob = require_is_glob(), pathPosixDirname = require("path").posix.dirname, isWin32 = require("os").platform() === "win32", slash = "/", backslash = /\\/g, enclosure = /[\{\[].*[\}\]]$/, globby = /(^|[^\\])([\{\[]|\([^\)]+$)/, escaped = /\\([\!\*\?\|\[\]\(\)\{\}])/g;
    module2.exports = function(str, opts) {
      var options = Object.assign({ flipBackslashes: !0 }, opts);
      options.flipBackslashes && isWin32 && str.indexOf(slash) < 0 && (str = str.replace(backslash, slash)), enclosure.test(str) && (str += slash), str += "a";
      do
        str = pathPosixDirname(str);
      while (isGlob(str) || globby.test(str));
      return str.replace(escaped, "$1");
    };
  }
});

// node_modules/braces/lib/utils.js
var require_utils = __commonJS({
  "node_modules/braces/lib/utils.js"(exports2) {
    "use strict";
    exports2.isInteger = (num) => typeof num == "number" ? Number.isInteger(num) : typeof num == "string" && num.trim() !== "" ? Number.isInteger(Number(num)) : !1;
    exports2.find = (node, type) => node.nodes.find((node2) => node2.type === type);
    exports2.exceedsLimit = (min, max, step = 1, limit) => limit === !1 || !exports2.isInteger(min) || !exports2.isInteger(max) ? !1 : (Number(max) - Number(min)) / Number(step) >= limit;
    exports2.escapeNode = (block, n = 0, type) => {
      let node = block.nodes[n];
      node && (type && node.type === type || node.type === "open" || node.type === "close") && node.escaped !== !0 && (node.value = "\\" + node.value, node.escaped = !0);
    };
    exports2.encloseBrace = (node) => node.type !== "brace" ? !1 : node.commas >> 0 + node.ranges >> 0 === 0 ? (node.invalid = !0, !0) : !1;
    exports2.isInvalidBrace = (block) => block.type !== "brace" ? !1 : block.invalid === !0 || block.dollar ? !0 : block.commas >> 0 + block.ranges >> 0 === 0 || block.open !== !0 || block.close !== !0 ? (block.invalid = !0, !0) : !1;
    exports2.isOpenOrClose = (node) => node.type === "open" || node.type === "close" ? !0 : node.open === !0 || node.close === !0;
    exports2.reduce = (nodes) => nodes.reduce((acc, node) => (node.type === "text" && acc.push(node.value), node.type === "range" && (node.type = "text"), acc), []);
    exports2.flatten = (...args) => {
      let result = [], flat = (arr) => {
        for (let i = 0; i < arr.length; i++) {
          let ele = arr[i];
          if (Array.isArray(ele)) {
            flat(ele);
            continue;
          }
          ele !== void 0 && result.push(ele);
        }
        return result;
      };
      return flat(args), result;
    };
  }
});

// node_modules/braces/lib/stringify.js
var require_stringify2 = __commonJS({
  "node_modules/braces/lib/stringify.js"(exports2, module2) {
    "use strict";
    var utils = require_utils();
    module2.exports = (ast, options = {}) => {
      let stringify3 = (node, parent = {}) => {
        let invalidBlock = options.escapeInvalid && utils.isInvalidBrace(parent), invalidNode = node.invalid === !0 && options.escapeInvalid === !0, output = "";
        if (node.value)
          return (invalidBlock || invalidNode) && utils.isOpenOrClose(node) ? "\\" + node.value : node.value;
        if (node.value)
          return node.value;
        if (node.nodes)
          for (let child of node.nodes)
            output += stringify3(child);
        return output;
      };
      return stringify3(ast);
    };
  }
});

// node_modules/is-number/index.js
var require_is_number = __commonJS({
  "node_modules/is-number/index.js"(exports2, module2) {
    "use strict";
    module2.exports = function(num) {
      return typeof num == "number" ? num - num === 0 : typeof num == "string" && num.trim() !== "" ? Number.isFinite ? Number.isFinite(+num) : isFinite(+num) : !1;
    };
  }
});

// node_modules/to-regex-range/index.js
var require_to_regex_range = __commonJS({
  "node_modules/to-regex-range/index.js"(exports2, module2) {
    "use strict";
    var isNumber = require_is_number(), toRegexRange = (min, max, options) => {
      if (isNumber(min) === !1)
        throw new TypeError("toRegexRange: expected the first argument to be a number");
      if (max === void 0 || min === max)
        return String(min);
      if (isNumber(max) === !1)
        throw new TypeError("toRegexRange: expected the second argument to be a number.");
      let opts = { relaxZeros: !0, ...options };
      typeof opts.strictZeros == "boolean" && (opts.relaxZeros = opts.strictZeros === !1);
      let relax = String(opts.relaxZeros), shorthand = String(opts.shorthand), capture = String(opts.capture), wrap2 = String(opts.wrap), cacheKey = min + ":" + max + "=" + relax + shorthand + capture + wrap2;
      if (toRegexRange.cache.hasOwnProperty(cacheKey))
        return toRegexRange.cache[cacheKey].result;
      let a = Math.min(min, max), b = Math.max(min, max);
      if (Math.abs(a - b) === 1) {
        let result = min + "|" + max;
        return opts.capture ? `(${result})` : opts.wrap === !1 ? result : `(?:${result})`;
      }
      let isPadded2 = hasPadding(min) || hasPadding(max), state = { min, max, a, b }, positives = [], negatives = [];
      if (isPadded2 && (state.isPadded = isPadded2, state.maxLen = String(state.max).length), a < 0) {
        let newMin = b < 0 ? Math.abs(b) : 1;
        negatives = splitToPatterns(newMin, Math.abs(a), state, opts), a = state.a = 0;
      }
      return b >= 0 && (positives = splitToPatterns(a, b, state, opts)), state.negatives = negatives, state.positives = positives, state.result = collatePatterns(negatives, positives, opts), opts.capture === !0 ? state.result = `(${state.result})` : opts.wrap !== !1 && positives.length + negatives.length > 1 && (state.result = `(?:${state.result})`), toRegexRange.cache[cacheKey] = state, state.result;
    };
    function collatePatterns(neg, pos, options) {
      let onlyNegative = filterPatterns(neg, pos, "-", !1, options) || [], onlyPositive = filterPatterns(pos, neg, "", !1, options) || [], intersected = filterPatterns(neg, pos, "-?", !0, options) || [];
      return onlyNegative.concat(intersected).concat(onlyPositive).join("|");
    }
    function splitToRanges(min, max) {
      let nines = 1, zeros = 1, stop = countNines(min, nines), stops = /* @__PURE__ */ new Set([max]);
      for (; min <= stop && stop <= max; )
        stops.add(stop), nines += 1, stop = countNines(min, nines);
      for (stop = countZeros(max + 1, zeros) - 1; min < stop && stop <= max; )
        stops.add(stop), zeros += 1, stop = countZeros(max + 1, zeros) - 1;
      return stops = [...stops], stops.sort(compare), stops;
    }
    function rangeToPattern(start, stop, options) {
      if (start === stop)
        return { pattern: start, count: [], digits: 0 };
      let zipped = zip(start, stop), digits = zipped.length, pattern = "", count = 0;
      for (let i = 0; i < digits; i++) {
        let [startDigit, stopDigit] = zipped[i];
        startDigit === stopDigit ? pattern += startDigit : startDigit !== "0" || stopDigit !== "9" ? pattern += toCharacterClass(startDigit, stopDigit, options) : count++;
      }
      return count && (pattern += options.shorthand === !0 ? "\\d" : "[0-9]"), { pattern, count: [count], digits };
    }
    function splitToPatterns(min, max, tok, options) {
      let ranges = splitToRanges(min, max), tokens = [], start = min, prev;
      for (let i = 0; i < ranges.length; i++) {
        let max2 = ranges[i], obj = rangeToPattern(String(start), String(max2), options), zeros = "";
        if (!tok.isPadded && prev && prev.pattern === obj.pattern) {
          prev.count.length > 1 && prev.count.pop(), prev.count.push(obj.count[0]), prev.string = prev.pattern + toQuantifier(prev.count), start = max2 + 1;
          continue;
        }
        tok.isPadded && (zeros = padZeros(max2, tok, options)), obj.string = zeros + obj.pattern + toQuantifier(obj.count), tokens.push(obj), start = max2 + 1, prev = obj;
      }
      return tokens;
    }
    function filterPatterns(arr, comparison, prefix, intersection, options) {
      let result = [];
      for (let ele of arr) {
        let { string } = ele;
        !intersection && !contains(comparison, "string", string) && result.push(prefix + string), intersection && contains(comparison, "string", string) && result.push(prefix + string);
      }
      return result;
    }
    function zip(a, b) {
      let arr = [];
      for (let i = 0; i < a.length; i++) arr.push([a[i], b[i]]);
      return arr;
    }
    function compare(a, b) {
      return a > b ? 1 : b > a ? -1 : 0;
    }
    function contains(arr, key, val) {
      return arr.some((ele) => ele[key] === val);
    }
    function countNines(min, len) {
      return Number(String(min).slice(0, -len) + "9".repeat(len));
    }
    function countZeros(integer, zeros) {
      return integer - integer % Math.pow(10, zeros);
    }
    function toQuantifier(digits) {
      let [start = 0, stop = ""] = digits;
      return stop || start > 1 ? `{${start + (stop ? "," + stop : "")}}` : "";
    }
    function toCharacterClass(a, b, options) {
      return `[${a}${b - a === 1 ? "" : "-"}${b}]`;
    }
    function hasPadding(str) {
      return /^-?(0+)\d/.test(str);
    }
    function padZeros(value, tok, options) {
      if (!tok.isPadded)
        return value;
      let diff = Math.abs(tok.maxLen - String(value).length), relax = options.relaxZeros !== !1;
      switch (diff) {
        case 0:
          return "";
        case 1:
          return relax ? "0?" : "0";
        case 2:
          return relax ? "0{0,2}" : "00";
        default:
          return relax ? `0{0,${diff}}` : `0{${diff}}`;
      }
    }
    toRegexRange.cache = {};
    toRegexRange.clearCache = () => toRegexRange.cache = {};
    module2.exports = toRegexRange;
  }
});

// node_modules/fill-range/index.js
var require_fill_range = __commonJS({
  "node_modules/fill-range/index.js"(exports2, module2) {
    "use strict";
    var util = require("util"), toRegexRange = require_to_regex_range(), isObject2 = (val) => val !== null && typeof val == "object" && !Array.isArray(val), transform = (toNumber) => (value) => toNumber === !0 ? Number(value) : String(value), isValidValue = (value) => typeof value == "number" || typeof value == "string" && value !== "", isNumber = (num) => Number.isInteger(+num), zeros = (input) => {
      let value = `${input}`, index = -1;
      if (value[0] === "-" && (value = value.slice(1)), value === "0") return !1;
      for (; value[++index] === "0"; ) ;
      return index > 0;
    }, stringify3 = (start, end, options) => typeof start == "string" || typeof end == "string" ? !0 : options.stringify === !0, pad2 = (input, maxLength, toNumber) => {
      if (maxLength > 0) {
        let dash = input[0] === "-" ? "-" : "";
        dash && (input = input.slice(1)), input = dash + input.padStart(dash ? maxLength - 1 : maxLength, "0");
      }
      return toNumber === !1 ? String(input) : input;
    }, toMaxLen = (input, maxLength) => {
      let negative = input[0] === "-" ? "-" : "";
      for (negative && (input = input.slice(1), maxLength--); input.length < maxLength; ) input = "0" + input;
      return negative ? "-" + input : input;
    }, toSequence = (parts, options, maxLen) => {
      parts.negatives.sort((a, b) => a < b ? -1 : a > b ? 1 : 0), parts.positives.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
      let prefix = options.capture ? "" : "?:", positives = "", negatives = "", result;
      return parts.positives.length && (positives = parts.positives.map((v) => toMaxLen(String(v), maxLen)).join("|")), parts.negatives.length && (negatives = `-(${prefix}${parts.negatives.map((v) => toMaxLen(String(v), maxLen)).join("|")})`), positives && negatives ? result = `${positives}|${negatives}` : result = positives || negatives, options.wrap ? `(${prefix}${result})` : result;
    }, toRange = (a, b, isNumbers, options) => {
      if (isNumbers)
        return toRegexRange(a, b, { wrap: !1, ...options });
      let start = String.fromCharCode(a);
      if (a === b) return start;
      let stop = String.fromCharCode(b);
      return `[${start}-${stop}]`;
    }, toRegex = (start, end, options) => {
      if (Array.isArray(start)) {
        let wrap2 = options.wrap === !0, prefix = options.capture ? "" : "?:";
        return wrap2 ? `(${prefix}${start.join("|")})` : start.join("|");
      }
      return toRegexRange(start, end, options);
    }, rangeError = (...args) => new RangeError("Invalid range arguments: " + util.inspect(...args)), invalidRange = (start, end, options) => {
      if (options.strictRanges === !0) throw rangeError([start, end]);
      return [];
    }, invalidStep = (step, options) => {
      if (options.strictRanges === !0)
        throw new TypeError(`Expected step "${step}" to be a number`);
      return [];
    }, fillNumbers = (start, end, step = 1, options = {}) => {
      let a = Number(start), b = Number(end);
      if (!Number.isInteger(a) || !Number.isInteger(b)) {
        if (options.strictRanges === !0) throw rangeError([start, end]);
        return [];
      }
      a === 0 && (a = 0), b === 0 && (b = 0);
      let descending = a > b, startString = String(start), endString = String(end), stepString = String(step);
      step = Math.max(Math.abs(step), 1);
      let padded = zeros(startString) || zeros(endString) || zeros(stepString), maxLen = padded ? Math.max(startString.length, endString.length, stepString.length) : 0, toNumber = padded === !1 && stringify3(start, end, options) === !1, format3 = options.transform || transform(toNumber);
      if (options.toRegex && step === 1)
        return toRange(toMaxLen(start, maxLen), toMaxLen(end, maxLen), !0, options);
      let parts = { negatives: [], positives: [] }, push = (num) => parts[num < 0 ? "negatives" : "positives"].push(Math.abs(num)), range3 = [], index = 0;
      for (; descending ? a >= b : a <= b; )
        options.toRegex === !0 && step > 1 ? push(a) : range3.push(pad2(format3(a, index), maxLen, toNumber)), a = descending ? a - step : a + step, index++;
      return options.toRegex === !0 ? step > 1 ? toSequence(parts, options, maxLen) : toRegex(range3, null, { wrap: !1, ...options }) : range3;
    }, fillLetters = (start, end, step = 1, options = {}) => {
      if (!isNumber(start) && start.length > 1 || !isNumber(end) && end.length > 1)
        return invalidRange(start, end, options);
      let format3 = options.transform || ((val) => String.fromCharCode(val)), a = `${start}`.charCodeAt(0), b = `${end}`.charCodeAt(0), descending = a > b, min = Math.min(a, b), max = Math.max(a, b);
      if (options.toRegex && step === 1)
        return toRange(min, max, !1, options);
      let range3 = [], index = 0;
      for (; descending ? a >= b : a <= b; )
        range3.push(format3(a, index)), a = descending ? a - step : a + step, index++;
      return options.toRegex === !0 ? toRegex(range3, null, { wrap: !1, options }) : range3;
    }, fill = (start, end, step, options = {}) => {
      if (end == null && isValidValue(start))
        return [start];
      if (!isValidValue(start) || !isValidValue(end))
        return invalidRange(start, end, options);
      if (typeof step == "function")
        return fill(start, end, 1, { transform: step });
      if (isObject2(step))
        return fill(start, end, 0, step);
      let opts = { ...options };
      return opts.capture === !0 && (opts.wrap = !0), step = step || opts.step || 1, isNumber(step) ? isNumber(start) && isNumber(end) ? fillNumbers(start, end, step, opts) : fillLetters(start, end, Math.max(Math.abs(step), 1), opts) : step != null && !isObject2(step) ? invalidStep(step, opts) : fill(start, end, 1, step);
    };
    module2.exports = fill;
  }
});

// node_modules/braces/lib/compile.js
var require_compile = __commonJS({
  "node_modules/braces/lib/compile.js"(exports2, module2) {
    "use strict";
    var fill = require_fill_range(), utils = require_utils(), compile = (ast, options = {}) => {
      let walk = (node, parent = {}) => {
        let invalidBlock = utils.isInvalidBrace(parent), invalidNode = node.invalid === !0 && options.escapeInvalid === !0, invalid2 = invalidBlock === !0 || invalidNode === !0, prefix = options.escapeInvalid === !0 ? "\\" : "", output = "";
        if (node.isOpen === !0)
          return prefix + node.value;
        if (node.isClose === !0)
          return console.log("node.isClose", prefix, node.value), prefix + node.value;
        if (node.type === "open")
          return invalid2 ? prefix + node.value : "(";
        if (node.type === "close")
          return invalid2 ? prefix + node.value : ")";
        if (node.type === "comma")
          return node.prev.type === "comma" ? "" : invalid2 ? node.value : "|";
        if (node.value)
          return node.value;
        if (node.nodes && node.ranges > 0) {
          let args = utils.reduce(node.nodes), range3 = fill(...args, { ...options, wrap: !1, toRegex: !0, strictZeros: !0 });
          if (range3.length !== 0)
            return args.length > 1 && range3.length > 1 ? `(${range3})` : range3;
        }
        if (node.nodes)
          for (let child of node.nodes)
            output += walk(child, node);
        return output;
      };
      return walk(ast);
    };
    module2.exports = compile;
  }
});

// node_modules/braces/lib/expand.js
var require_expand = __commonJS({
  "node_modules/braces/lib/expand.js"(exports2, module2) {
    "use strict";
    var fill = require_fill_range(), stringify3 = require_stringify2(), utils = require_utils(), append = (queue = "", stash = "", enclose = !1) => {
      let result = [];
      if (queue = [].concat(queue), stash = [].concat(stash), !stash.length) return queue;
      if (!queue.length)
        return enclose ? utils.flatten(stash).map((ele) => `{${ele}}`) : stash;
      for (let item of queue)
        if (Array.isArray(item))
          for (let value of item)
            result.push(append(value, stash, enclose));
        else
          for (let ele of stash)
            enclose === !0 && typeof ele == "string" && (ele = `{${ele}}`), result.push(Array.isArray(ele) ? append(item, ele, enclose) : item + ele);
      return utils.flatten(result);
    }, expand = (ast, options = {}) => {
      let rangeLimit = options.rangeLimit === void 0 ? 1e3 : options.rangeLimit, walk = (node, parent = {}) => {
        node.queue = [];
        let p = parent, q = parent.queue;
        for (; p.type !== "brace" && p.type !== "root" && p.parent; )
          p = p.parent, q = p.queue;
        if (node.invalid || node.dollar) {
          q.push(append(q.pop(), stringify3(node, options)));
          return;
        }
        if (node.type === "brace" && node.invalid !== !0 && node.nodes.length === 2) {
          q.push(append(q.pop(), ["{}"]));
          return;
        }
        if (node.nodes && node.ranges > 0) {
          let args = utils.reduce(node.nodes);
          if (utils.exceedsLimit(...args, options.step, rangeLimit))
            throw new RangeError("expanded array length exceeds range limit. Use options.rangeLimit to increase or disable the limit.");
          let range3 = fill(...args, options);
          range3.length === 0 && (range3 = stringify3(node, options)), q.push(append(q.pop(), range3)), node.nodes = [];
          return;
        }
        let enclose = utils.encloseBrace(node), queue = node.queue, block = node;
        for (; block.type !== "brace" && block.type !== "root" && block.parent; )
          block = block.parent, queue = block.queue;
        for (let i = 0; i < node.nodes.length; i++) {
          let child = node.nodes[i];
          if (child.type === "comma" && node.type === "brace") {
            i === 1 && queue.push(""), queue.push("");
            continue;
          }
          if (child.type === "close") {
            q.push(append(q.pop(), queue, enclose));
            continue;
          }
          if (child.value && child.type !== "open") {
            queue.push(append(queue.pop(), child.value));
            continue;
          }
          child.nodes && walk(child, node);
        }
        return queue;
      };
      return utils.flatten(walk(ast));
    };
    module2.exports = expand;
  }
});

// node_modules/braces/lib/constants.js
var require_constants = __commonJS({
  "node_modules/braces/lib/constants.js"(exports2, module2) {
    "use strict";
    module2.exports = {
      MAX_LENGTH: 1e4,
      // Digits
      CHAR_0: "0",
      /* 0 */
      CHAR_9: "9",
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: "A",
      /* A */
      CHAR_LOWERCASE_A: "a",
      /* a */
      CHAR_UPPERCASE_Z: "Z",
      /* Z */
      CHAR_LOWERCASE_Z: "z",
      /* z */
      CHAR_LEFT_PARENTHESES: "(",
      /* ( */
      CHAR_RIGHT_PARENTHESES: ")",
      /* ) */
      CHAR_ASTERISK: "*",
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: "&",
      /* & */
      CHAR_AT: "@",
      /* @ */
      CHAR_BACKSLASH: "\\",
      /* \ */
      CHAR_BACKTICK: "`",
      /* ` */
      CHAR_CARRIAGE_RETURN: "\r",
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: "^",
      /* ^ */
      CHAR_COLON: ":",
      /* : */
      CHAR_COMMA: ",",
      /* , */
      CHAR_DOLLAR: "$",
      /* . */
      CHAR_DOT: ".",
      /* . */
      CHAR_DOUBLE_QUOTE: '"',
      /* " */
      CHAR_EQUAL: "=",
      /* = */
      CHAR_EXCLAMATION_MARK: "!",
      /* ! */
      CHAR_FORM_FEED: "\f",
      /* \f */
      CHAR_FORWARD_SLASH: "/",
      /* / */
      CHAR_HASH: "#",
      /* # */
      CHAR_HYPHEN_MINUS: "-",
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: "<",
      /* < */
      CHAR_LEFT_CURLY_BRACE: "{",
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: "[",
      /* [ */
      CHAR_LINE_FEED: `
`,
      /* \n */
      CHAR_NO_BREAK_SPACE: "\xA0",
      /* \u00A0 */
      CHAR_PERCENT: "%",
      /* % */
      CHAR_PLUS: "+",
      /* + */
      CHAR_QUESTION_MARK: "?",
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: ">",
      /* > */
      CHAR_RIGHT_CURLY_BRACE: "}",
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: "]",
      /* ] */
      CHAR_SEMICOLON: ";",
      /* ; */
      CHAR_SINGLE_QUOTE: "'",
      /* ' */
      CHAR_SPACE: " ",
      /*   */
      CHAR_TAB: "	",
      /* \t */
      CHAR_UNDERSCORE: "_",
      /* _ */
      CHAR_VERTICAL_LINE: "|",
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: "\uFEFF"
      /* \uFEFF */
    };
  }
});

// node_modules/braces/lib/parse.js
var require_parse = __commonJS({
  "node_modules/braces/lib/parse.js"(exports2, module2) {
    "use strict";
    var stringify3 = require_stringify2(), {
      MAX_LENGTH,
      CHAR_BACKSLASH,
      /* \ */
      CHAR_BACKTICK,
      /* ` */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_RIGHT_SQUARE_BRACKET,
      /* ] */
      CHAR_DOUBLE_QUOTE,
      /* " */
      CHAR_SINGLE_QUOTE,
      /* ' */
      CHAR_NO_BREAK_SPACE,
      CHAR_ZERO_WIDTH_NOBREAK_SPACE
    } = require_constants(), parse2 = (input, options = {}) => {
      if (typeof input != "string")
        throw new TypeError("Expected a string");
      let opts = options || {}, max = typeof opts.maxLength == "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      if (input.length > max)
        throw new SyntaxError(`Input length (${input.length}), exceeds max characters (${max})`);
      let ast = { type: "root", input, nodes: [] }, stack = [ast], block = ast, prev = ast, brackets = 0, length = input.length, index = 0, depth = 0, value, advance = () => input[index++], push = (node) => {
        if (node.type === "text" && prev.type === "dot" && (prev.type = "text"), prev && prev.type === "text" && node.type === "text") {
          prev.value += node.value;
          return;
        }
        return block.nodes.push(node), node.parent = block, node.prev = prev, prev = node, node;
      };
      for (push({ type: "bos" }); index < length; )
        if (block = stack[stack.length - 1], value = advance(), !(value === CHAR_ZERO_WIDTH_NOBREAK_SPACE || value === CHAR_NO_BREAK_SPACE)) {
          if (value === CHAR_BACKSLASH) {
            push({ type: "text", value: (options.keepEscaping ? value : "") + advance() });
            continue;
          }
          if (value === CHAR_RIGHT_SQUARE_BRACKET) {
            push({ type: "text", value: "\\" + value });
            continue;
          }
          if (value === CHAR_LEFT_SQUARE_BRACKET) {
            brackets++;
            let next;
            for (; index < length && (next = advance()); ) {
              if (value += next, next === CHAR_LEFT_SQUARE_BRACKET) {
                brackets++;
                continue;
              }
              if (next === CHAR_BACKSLASH) {
                value += advance();
                continue;
              }
              if (next === CHAR_RIGHT_SQUARE_BRACKET && (brackets--, brackets === 0))
                break;
            }
            push({ type: "text", value });
            continue;
          }
          if (value === CHAR_LEFT_PARENTHESES) {
            block = push({ type: "paren", nodes: [] }), stack.push(block), push({ type: "text", value });
            continue;
          }
          if (value === CHAR_RIGHT_PARENTHESES) {
            if (block.type !== "paren") {
              push({ type: "text", value });
              continue;
            }
            block = stack.pop(), push({ type: "text", value }), block = stack[stack.length - 1];
            continue;
          }
          if (value === CHAR_DOUBLE_QUOTE || value === CHAR_SINGLE_QUOTE || value === CHAR_BACKTICK) {
            let open = value, next;
            for (options.keepQuotes !== !0 && (value = ""); index < length && (next = advance()); ) {
              if (next === CHAR_BACKSLASH) {
                value += next + advance();
                continue;
              }
              if (next === open) {
                options.keepQuotes === !0 && (value += next);
                break;
              }
              value += next;
            }
            push({ type: "text", value });
            continue;
          }
          if (value === CHAR_LEFT_CURLY_BRACE) {
            depth++;
            let brace = {
              type: "brace",
              open: !0,
              close: !1,
              dollar: prev.value && prev.value.slice(-1) === "$" || block.dollar === !0,
              depth,
              commas: 0,
              ranges: 0,
              nodes: []
            };
            block = push(brace), stack.push(block), push({ type: "open", value });
            continue;
          }
          if (value === CHAR_RIGHT_CURLY_BRACE) {
            if (block.type !== "brace") {
              push({ type: "text", value });
              continue;
            }
            let type = "close";
            block = stack.pop(), block.close = !0, push({ type, value }), depth--, block = stack[stack.length - 1];
            continue;
          }
          if (value === CHAR_COMMA && depth > 0) {
            if (block.ranges > 0) {
              block.ranges = 0;
              let open = block.nodes.shift();
              block.nodes = [open, { type: "text", value: stringify3(block) }];
            }
            push({ type: "comma", value }), block.commas++;
            continue;
          }
          if (value === CHAR_DOT && depth > 0 && block.commas === 0) {
            let siblings = block.nodes;
            if (depth === 0 || siblings.length === 0) {
              push({ type: "text", value });
              continue;
            }
            if (prev.type === "dot") {
              if (block.range = [], prev.value += value, prev.type = "range", block.nodes.length !== 3 && block.nodes.length !== 5) {
                block.invalid = !0, block.ranges = 0, prev.type = "text";
                continue;
              }
              block.ranges++, block.args = [];
              continue;
            }
            if (prev.type === "range") {
              siblings.pop();
              let before = siblings[siblings.length - 1];
              before.value += prev.value + value, prev = before, block.ranges--;
              continue;
            }
            push({ type: "dot", value });
            continue;
          }
          push({ type: "text", value });
        }
      do
        if (block = stack.pop(), block.type !== "root") {
          block.nodes.forEach((node) => {
            node.nodes || (node.type === "open" && (node.isOpen = !0), node.type === "close" && (node.isClose = !0), node.nodes || (node.type = "text"), node.invalid = !0);
          });
          let parent = stack[stack.length - 1], index2 = parent.nodes.indexOf(block);
          parent.nodes.splice(index2, 1, ...block.nodes);
        }
      while (stack.length > 0);
      return push({ type: "eos" }), ast;
    };
    module2.exports = parse2;
  }
});

// node_modules/braces/index.js
var require_braces = __commonJS({
  "node_modules/braces/index.js"(exports2, module2) {
    "use strict";
    var stringify3 = require_stringify2(), compile = require_compile(), expand = require_expand(), parse2 = require_parse(), braces = (input, options = {}) => {
      let output = [];
      if (Array.isArray(input))
        for (let pattern of input) {
          let result = braces.create(pattern, options);
          Array.isArray(result) ? output.push(...result) : output.push(result);
        }
      else
        output = [].concat(braces.create(input, options));
      return options && options.expand === !0 && options.nodupes === !0 && (output = [...new Set(output)]), output;
    };
    braces.parse = (input, options = {}) => parse2(input, options);
    braces.stringify = (input, options = {}) => stringify3(typeof input == "string" ? braces.parse(input, options) : input, options);
    braces.compile = (input, options = {}) => (typeof input == "string" && (input = braces.parse(input, options)), compile(input, options));
    braces.expand = (input, options = {}) => {
      typeof input == "string" && (input = braces.parse(input, options));
      let result = expand(input, options);
      return options.noempty === !0 && (result = result.filter(Boolean)), options.nodupes === !0 && (result = [...new Set(result)]), result;
    };
    braces.create = (input, options = {}) => input === "" || input.length < 3 ? [input] : options.expand !== !0 ? braces.compile(input, options) : braces.expand(input, options);
    module2.exports = braces;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants2 = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports2, module2) {
    "use strict";
    var path = require("path"), WIN_SLASH = "\\\\/", WIN_NO_SLASH = `[^${WIN_SLASH}]`, DEFAULT_MAX_EXTGLOB_RECURSION = 0, DOT_LITERAL = "\\.", PLUS_LITERAL = "\\+", QMARK_LITERAL = "\\?", SLASH_LITERAL = "\\/", ONE_CHAR = "(?=.)", QMARK = "[^/]", END_ANCHOR = `(?:${SLASH_LITERAL}|$)`, START_ANCHOR = `(?:^|${SLASH_LITERAL})`, DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`, NO_DOT = `(?!${DOT_LITERAL})`, NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`, NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`, NO_DOTS_SLASH = `(?!${DOTS_SLASH})`, QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`, STAR = `${QMARK}*?`, POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR
    }, WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`
    }, POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module2.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      SEP: path.sep,
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === !0 ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils2 = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports2) {
    "use strict";
    var path = require("path"), win32 = process.platform === "win32", {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants2();
    exports2.isObject = (val) => val !== null && typeof val == "object" && !Array.isArray(val);
    exports2.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports2.isRegexChar = (str) => str.length === 1 && exports2.hasRegexChars(str);
    exports2.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports2.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports2.removeBackslashes = (str) => str.replace(REGEX_REMOVE_BACKSLASH, (match) => match === "\\" ? "" : match);
    exports2.supportsLookbehinds = () => {
      let segs = process.version.slice(1).split(".").map(Number);
      return segs.length === 3 && segs[0] >= 9 || segs[0] === 8 && segs[1] >= 10;
    };
    exports2.isWindows = (options) => options && typeof options.windows == "boolean" ? options.windows : win32 === !0 || path.sep === "\\";
    exports2.escapeLast = (input, char, lastIdx) => {
      let idx = input.lastIndexOf(char, lastIdx);
      return idx === -1 ? input : input[idx - 1] === "\\" ? exports2.escapeLast(input, char, idx - 1) : `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports2.removePrefix = (input, state = {}) => {
      let output = input;
      return output.startsWith("./") && (output = output.slice(2), state.prefix = "./"), output;
    };
    exports2.wrapOutput = (input, state = {}, options = {}) => {
      let prepend = options.contains ? "" : "^", append = options.contains ? "" : "$", output = `${prepend}(?:${input})${append}`;
      return state.negated === !0 && (output = `(?:^(?!${output}).*$)`), output;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports2, module2) {
    "use strict";
    var utils = require_utils2(), {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants2(), isPathSeparator = (code) => code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH, depth = (token) => {
      token.isPrefix !== !0 && (token.depth = token.isGlobstar ? 1 / 0 : 1);
    }, scan = (input, options) => {
      let opts = options || {}, length = input.length - 1, scanToEnd = opts.parts === !0 || opts.scanToEnd === !0, slashes = [], tokens = [], parts = [], str = input, index = -1, start = 0, lastIndex = 0, isBrace = !1, isBracket = !1, isGlob = !1, isExtglob = !1, isGlobstar = !1, braceEscaped = !1, backslashes = !1, negated = !1, negatedExtglob = !1, finished = !1, braces = 0, prev, code, token = { value: "", depth: 0, isGlob: !1 }, eos = () => index >= length, peek = () => str.charCodeAt(index + 1), advance = () => (prev = code, str.charCodeAt(++index));
      for (; index < length; ) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = !0, code = advance(), code === CHAR_LEFT_CURLY_BRACE && (braceEscaped = !0);
          continue;
        }
        if (braceEscaped === !0 || code === CHAR_LEFT_CURLY_BRACE) {
          for (braces++; eos() !== !0 && (code = advance()); ) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = !0, advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== !0 && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              if (isBrace = token.isBrace = !0, isGlob = token.isGlob = !0, finished = !0, scanToEnd === !0)
                continue;
              break;
            }
            if (braceEscaped !== !0 && code === CHAR_COMMA) {
              if (isBrace = token.isBrace = !0, isGlob = token.isGlob = !0, finished = !0, scanToEnd === !0)
                continue;
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE && (braces--, braces === 0)) {
              braceEscaped = !1, isBrace = token.isBrace = !0, finished = !0;
              break;
            }
          }
          if (scanToEnd === !0)
            continue;
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          if (slashes.push(index), tokens.push(token), token = { value: "", depth: 0, isGlob: !1 }, finished === !0) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== !0 && (code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK) === !0 && peek() === CHAR_LEFT_PARENTHESES) {
          if (isGlob = token.isGlob = !0, isExtglob = token.isExtglob = !0, finished = !0, code === CHAR_EXCLAMATION_MARK && index === start && (negatedExtglob = !0), scanToEnd === !0) {
            for (; eos() !== !0 && (code = advance()); ) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = !0, code = advance();
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES) {
                isGlob = token.isGlob = !0, finished = !0;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK && (isGlobstar = token.isGlobstar = !0), isGlob = token.isGlob = !0, finished = !0, scanToEnd === !0)
            continue;
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          if (isGlob = token.isGlob = !0, finished = !0, scanToEnd === !0)
            continue;
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          for (; eos() !== !0 && (next = advance()); ) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = !0, advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = !0, isGlob = token.isGlob = !0, finished = !0;
              break;
            }
          }
          if (scanToEnd === !0)
            continue;
          break;
        }
        if (opts.nonegate !== !0 && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = !0, start++;
          continue;
        }
        if (opts.noparen !== !0 && code === CHAR_LEFT_PARENTHESES) {
          if (isGlob = token.isGlob = !0, scanToEnd === !0) {
            for (; eos() !== !0 && (code = advance()); ) {
              if (code === CHAR_LEFT_PARENTHESES) {
                backslashes = token.backslashes = !0, code = advance();
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES) {
                finished = !0;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === !0) {
          if (finished = !0, scanToEnd === !0)
            continue;
          break;
        }
      }
      opts.noext === !0 && (isExtglob = !1, isGlob = !1);
      let base = str, prefix = "", glob = "";
      start > 0 && (prefix = str.slice(0, start), str = str.slice(start), lastIndex -= start), base && isGlob === !0 && lastIndex > 0 ? (base = str.slice(0, lastIndex), glob = str.slice(lastIndex)) : isGlob === !0 ? (base = "", glob = str) : base = str, base && base !== "" && base !== "/" && base !== str && isPathSeparator(base.charCodeAt(base.length - 1)) && (base = base.slice(0, -1)), opts.unescape === !0 && (glob && (glob = utils.removeBackslashes(glob)), base && backslashes === !0 && (base = utils.removeBackslashes(base)));
      let state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === !0 && (state.maxDepth = 0, isPathSeparator(code) || tokens.push(token), state.tokens = tokens), opts.parts === !0 || opts.tokens === !0) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          let n = prevIndex ? prevIndex + 1 : start, i = slashes[idx], value = input.slice(n, i);
          opts.tokens && (idx === 0 && start !== 0 ? (tokens[idx].isPrefix = !0, tokens[idx].value = prefix) : tokens[idx].value = value, depth(tokens[idx]), state.maxDepth += tokens[idx].depth), (idx !== 0 || value !== "") && parts.push(value), prevIndex = i;
        }
        if (prevIndex && prevIndex + 1 < input.length) {
          let value = input.slice(prevIndex + 1);
          parts.push(value), opts.tokens && (tokens[tokens.length - 1].value = value, depth(tokens[tokens.length - 1]), state.maxDepth += tokens[tokens.length - 1].depth);
        }
        state.slashes = slashes, state.parts = parts;
      }
      return state;
    };
    module2.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse2 = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports2, module2) {
    "use strict";
    var constants5 = require_constants2(), utils = require_utils2(), {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants5, expandRange = (args, options) => {
      if (typeof options.expandRange == "function")
        return options.expandRange(...args, options);
      args.sort();
      let value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    }, syntaxError = (type, char) => `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`, splitTopLevel = (input) => {
      let parts = [], bracket = 0, paren = 0, quote = 0, value = "", escaped = !1;
      for (let ch of input) {
        if (escaped === !0) {
          value += ch, escaped = !1;
          continue;
        }
        if (ch === "\\") {
          value += ch, escaped = !0;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1, value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[")
            bracket++;
          else if (ch === "]" && bracket > 0)
            bracket--;
          else if (bracket === 0) {
            if (ch === "(")
              paren++;
            else if (ch === ")" && paren > 0)
              paren--;
            else if (ch === "|" && paren === 0) {
              parts.push(value), value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      return parts.push(value), parts;
    }, isPlainBranch = (branch) => {
      let escaped = !1;
      for (let ch of branch) {
        if (escaped === !0) {
          escaped = !1;
          continue;
        }
        if (ch === "\\") {
          escaped = !0;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch))
          return !1;
      }
      return !0;
    }, normalizeSimpleBranch = (branch) => {
      let value = branch.trim(), changed = !0;
      for (; changed === !0; )
        changed = !1, /^@\([^\\()[\]{}|]+\)$/.test(value) && (value = value.slice(2, -1), changed = !0);
      if (isPlainBranch(value))
        return value.replace(/\\(.)/g, "$1");
    }, hasRepeatedCharPrefixOverlap = (branches) => {
      let values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++)
        for (let j = i + 1; j < values.length; j++) {
          let a = values[i], b = values[j], char = a[0];
          if (!(!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) && (a === b || a.startsWith(b) || b.startsWith(a)))
            return !0;
        }
      return !1;
    }, parseRepeatedExtglob = (pattern, requireEnd = !0) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(")
        return;
      let bracket = 0, paren = 0, quote = 0, escaped = !1;
      for (let i = 1; i < pattern.length; i++) {
        let ch = pattern[i];
        if (escaped === !0) {
          escaped = !1;
          continue;
        }
        if (ch === "\\") {
          escaped = !0;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote !== 1) {
          if (ch === "[") {
            bracket++;
            continue;
          }
          if (ch === "]" && bracket > 0) {
            bracket--;
            continue;
          }
          if (!(bracket > 0)) {
            if (ch === "(") {
              paren++;
              continue;
            }
            if (ch === ")" && (paren--, paren === 0))
              return requireEnd === !0 && i !== pattern.length - 1 ? void 0 : {
                type: pattern[0],
                body: pattern.slice(2, i),
                end: i
              };
          }
        }
      }
    }, getStarExtglobSequenceOutput = (pattern) => {
      let index = 0, chars = [];
      for (; index < pattern.length; ) {
        let match = parseRepeatedExtglob(pattern.slice(index), !1);
        if (!match || match.type !== "*")
          return;
        let branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1)
          return;
        let branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1)
          return;
        chars.push(branch), index += match.end + 1;
      }
      return chars.length < 1 ? void 0 : `${chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`}*`;
    }, repeatedExtglobRecursion = (pattern) => {
      let depth = 0, value = pattern.trim(), match = parseRepeatedExtglob(value);
      for (; match; )
        depth++, value = match.body.trim(), match = parseRepeatedExtglob(value);
      return depth;
    }, analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === !1)
        return { risky: !1 };
      let max = typeof options.maxExtglobRecursion == "number" ? options.maxExtglobRecursion : constants5.DEFAULT_MAX_EXTGLOB_RECURSION, branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1 && (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)))
        return { risky: !0 };
      for (let branch of branches) {
        let safeOutput = getStarExtglobSequenceOutput(branch);
        if (safeOutput)
          return { risky: !0, safeOutput };
        if (repeatedExtglobRecursion(branch) > max)
          return { risky: !0 };
      }
      return { risky: !1 };
    }, parse2 = (input, options) => {
      if (typeof input != "string")
        throw new TypeError("Expected a string");
      input = REPLACEMENTS[input] || input;
      let opts = { ...options }, max = typeof opts.maxLength == "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH, len = input.length;
      if (len > max)
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      let bos = { type: "bos", value: "", output: opts.prepend || "" }, tokens = [bos], capture = opts.capture ? "" : "?:", win32 = utils.isWindows(options), PLATFORM_CHARS = constants5.globChars(win32), EXTGLOB_CHARS = constants5.extglobChars(PLATFORM_CHARS), {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS, globstar = (opts2) => `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`, nodot = opts.dot ? "" : NO_DOT, qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT, star = opts.bash === !0 ? globstar(opts) : STAR;
      opts.capture && (star = `(${star})`), typeof opts.noext == "boolean" && (opts.noextglob = opts.noext);
      let state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === !0,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: !1,
        negated: !1,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: !1,
        tokens
      };
      input = utils.removePrefix(input, state), len = input.length;
      let extglobs = [], braces = [], stack = [], prev = bos, value, eos = () => state.index === len - 1, peek = state.peek = (n = 1) => input[state.index + n], advance = state.advance = () => input[++state.index] || "", remaining = () => input.slice(state.index + 1), consume = (value2 = "", num = 0) => {
        state.consumed += value2, state.index += num;
      }, append = (token) => {
        state.output += token.output != null ? token.output : token.value, consume(token.value);
      }, negate = () => {
        let count = 1;
        for (; peek() === "!" && (peek(2) !== "(" || peek(3) === "?"); )
          advance(), state.start++, count++;
        return count % 2 === 0 ? !1 : (state.negated = !0, state.start++, !0);
      }, increment2 = (type) => {
        state[type]++, stack.push(type);
      }, decrement = (type) => {
        state[type]--, stack.pop();
      }, push = (tok) => {
        if (prev.type === "globstar") {
          let isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace"), isExtglob = tok.extglob === !0 || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob && (state.output = state.output.slice(0, -prev.output.length), prev.type = "star", prev.value = "*", prev.output = star, state.output += prev.output);
        }
        if (extglobs.length && tok.type !== "paren" && (extglobs[extglobs.length - 1].inner += tok.value), (tok.value || tok.output) && append(tok), prev && prev.type === "text" && tok.type === "text") {
          prev.value += tok.value, prev.output = (prev.output || "") + tok.value;
          return;
        }
        tok.prev = prev, tokens.push(tok), prev = tok;
      }, extglobOpen = (type, value2) => {
        let token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev, token.parens = state.parens, token.output = state.output, token.startIndex = state.index, token.tokensIndex = tokens.length;
        let output = (opts.capture ? "(" : "") + token.open;
        increment2("parens"), push({ type, value: value2, output: state.output ? "" : ONE_CHAR }), push({ type: "paren", extglob: !0, value: advance(), output }), extglobs.push(token);
      }, extglobClose = (token) => {
        let literal = input.slice(token.startIndex, state.index + 1), body = input.slice(token.startIndex + 2, state.index), analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          let safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0, open = tokens[token.tokensIndex];
          open.type = "text", open.value = literal, open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++)
            tokens[i].value = "", tokens[i].output = "", delete tokens[i].suffix;
          state.output = token.output + open.output, state.backtrack = !0, push({ type: "paren", extglob: !0, value, output: "" }), decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : ""), rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/") && (extglobStar = globstar(opts)), (extglobStar !== star || eos() || /^\)+$/.test(remaining())) && (output = token.close = `)$))${extglobStar}`), token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            let expression = parse2(rest, { ...options, fastpaths: !1 }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          token.prev.type === "bos" && (state.negatedExtglob = !0);
        }
        push({ type: "paren", extglob: !0, value, output }), decrement("parens");
      };
      if (opts.fastpaths !== !1 && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = !1, output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => first === "\\" ? (backslashes = !0, m) : first === "?" ? esc ? esc + first + (rest ? QMARK.repeat(rest.length) : "") : index === 0 ? qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "") : QMARK.repeat(chars.length) : first === "." ? DOT_LITERAL.repeat(chars.length) : first === "*" ? esc ? esc + first + (rest ? star : "") : star : esc ? m : `\\${m}`);
        return backslashes === !0 && (opts.unescape === !0 ? output = output.replace(/\\/g, "") : output = output.replace(/\\+/g, (m) => m.length % 2 === 0 ? "\\\\" : m ? "\\" : "")), output === input && opts.contains === !0 ? (state.output = input, state) : (state.output = utils.wrapOutput(output, state, options), state);
      }
      for (; !eos(); ) {
        if (value = advance(), value === "\0")
          continue;
        if (value === "\\") {
          let next = peek();
          if (next === "/" && opts.bash !== !0 || next === "." || next === ";")
            continue;
          if (!next) {
            value += "\\", push({ type: "text", value });
            continue;
          }
          let match = /^\\+/.exec(remaining()), slashes = 0;
          if (match && match[0].length > 2 && (slashes = match[0].length, state.index += slashes, slashes % 2 !== 0 && (value += "\\")), opts.unescape === !0 ? value = advance() : value += advance(), state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== !1 && value === ":") {
            let inner = prev.value.slice(1);
            if (inner.includes("[") && (prev.posix = !0, inner.includes(":"))) {
              let idx = prev.value.lastIndexOf("["), pre = prev.value.slice(0, idx), rest2 = prev.value.slice(idx + 2), posix = POSIX_REGEX_SOURCE[rest2];
              if (posix) {
                prev.value = pre + posix, state.backtrack = !0, advance(), !bos.output && tokens.indexOf(prev) === 1 && (bos.output = ONE_CHAR);
                continue;
              }
            }
          }
          (value === "[" && peek() !== ":" || value === "-" && peek() === "]") && (value = `\\${value}`), value === "]" && (prev.value === "[" || prev.value === "[^") && (value = `\\${value}`), opts.posix === !0 && value === "!" && prev.value === "[" && (value = "^"), prev.value += value, append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value), prev.value += value, append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1, opts.keepQuotes === !0 && push({ type: "text", value });
          continue;
        }
        if (value === "(") {
          increment2("parens"), push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === !0)
            throw new SyntaxError(syntaxError("opening", "("));
          let extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" }), decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === !0 || !remaining().includes("]")) {
            if (opts.nobracket !== !0 && opts.strictBrackets === !0)
              throw new SyntaxError(syntaxError("closing", "]"));
            value = `\\${value}`;
          } else
            increment2("brackets");
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === !0 || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === !0)
              throw new SyntaxError(syntaxError("opening", "["));
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          let prevValue = prev.value.slice(1);
          if (prev.posix !== !0 && prevValue[0] === "^" && !prevValue.includes("/") && (value = `/${value}`), prev.value += value, append({ value }), opts.literalBrackets === !1 || utils.hasRegexChars(prevValue))
            continue;
          let escaped = utils.escapeRegex(prev.value);
          if (state.output = state.output.slice(0, -prev.value.length), opts.literalBrackets === !0) {
            state.output += escaped, prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`, state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== !0) {
          increment2("braces");
          let open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open), push(open);
          continue;
        }
        if (value === "}") {
          let brace = braces[braces.length - 1];
          if (opts.nobrace === !0 || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === !0) {
            let arr = tokens.slice(), range3 = [];
            for (let i = arr.length - 1; i >= 0 && (tokens.pop(), arr[i].type !== "brace"); i--)
              arr[i].type !== "dots" && range3.unshift(arr[i].value);
            output = expandRange(range3, opts), state.backtrack = !0;
          }
          if (brace.comma !== !0 && brace.dots !== !0) {
            let out = state.output.slice(0, brace.outputIndex), toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{", value = output = "\\}", state.output = out;
            for (let t of toks)
              state.output += t.output || t.value;
          }
          push({ type: "brace", value, output }), decrement("braces"), braces.pop();
          continue;
        }
        if (value === "|") {
          extglobs.length > 0 && extglobs[extglobs.length - 1].conditions++, push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value, brace = braces[braces.length - 1];
          brace && stack[stack.length - 1] === "braces" && (brace.comma = !0, output = "|"), push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1, state.consumed = "", state.output = "", tokens.pop(), prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            prev.value === "." && (prev.output = DOT_LITERAL);
            let brace = braces[braces.length - 1];
            prev.type = "dots", prev.output += value, prev.value += value, brace.dots = !0;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          if (!(prev && prev.value === "(") && opts.noextglob !== !0 && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            let next = peek(), output = value;
            if (next === "<" && !utils.supportsLookbehinds())
              throw new Error("Node.js v10 or higher is required for regex lookbehinds");
            (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) && (output = `\\${value}`), push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== !0 && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== !0 && peek() === "(" && (peek(2) !== "?" || !/[!=<:]/.test(peek(3)))) {
            extglobOpen("negate", value);
            continue;
          }
          if (opts.nonegate !== !0 && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== !0 && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === !1) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== !0 && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: !0, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          (value === "$" || value === "^") && (value = `\\${value}`);
          let match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          match && (value += match[0], state.index += match[0].length), push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === !0)) {
          prev.type = "star", prev.star = !0, prev.value += value, prev.output = star, state.backtrack = !0, state.globstar = !0, consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== !0 && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === !0) {
            consume(value);
            continue;
          }
          let prior = prev.prev, before = prior.prev, isStart = prior.type === "slash" || prior.type === "bos", afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === !0 && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          let isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace"), isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          for (; rest.slice(0, 3) === "/**"; ) {
            let after = input[state.index + 4];
            if (after && after !== "/")
              break;
            rest = rest.slice(3), consume("/**", 3);
          }
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar", prev.value += value, prev.output = globstar(opts), state.output = prev.output, state.globstar = !0, consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && eos()) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length), prior.output = `(?:${prior.output}`, prev.type = "globstar", prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)"), prev.value += value, state.globstar = !0, state.output += prior.output + prev.output, consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            let end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length), prior.output = `(?:${prior.output}`, prev.type = "globstar", prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`, prev.value += value, state.output += prior.output + prev.output, state.globstar = !0, consume(value + advance()), push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar", prev.value += value, prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`, state.output = prev.output, state.globstar = !0, consume(value + advance()), push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length), prev.type = "globstar", prev.output = globstar(opts), prev.value += value, state.output += prev.output, state.globstar = !0, consume(value);
          continue;
        }
        let token = { type: "star", value, output: star };
        if (opts.bash === !0) {
          token.output = ".*?", (prev.type === "bos" || prev.type === "slash") && (token.output = nodot + token.output), push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === !0) {
          token.output = value, push(token);
          continue;
        }
        (state.index === state.start || prev.type === "slash" || prev.type === "dot") && (prev.type === "dot" ? (state.output += NO_DOT_SLASH, prev.output += NO_DOT_SLASH) : opts.dot === !0 ? (state.output += NO_DOTS_SLASH, prev.output += NO_DOTS_SLASH) : (state.output += nodot, prev.output += nodot), peek() !== "*" && (state.output += ONE_CHAR, prev.output += ONE_CHAR)), push(token);
      }
      for (; state.brackets > 0; ) {
        if (opts.strictBrackets === !0) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "["), decrement("brackets");
      }
      for (; state.parens > 0; ) {
        if (opts.strictBrackets === !0) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "("), decrement("parens");
      }
      for (; state.braces > 0; ) {
        if (opts.strictBrackets === !0) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{"), decrement("braces");
      }
      if (opts.strictSlashes !== !0 && (prev.type === "star" || prev.type === "bracket") && push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` }), state.backtrack === !0) {
        state.output = "";
        for (let token of state.tokens)
          state.output += token.output != null ? token.output : token.value, token.suffix && (state.output += token.suffix);
      }
      return state;
    };
    parse2.fastpaths = (input, options) => {
      let opts = { ...options }, max = typeof opts.maxLength == "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH, len = input.length;
      if (len > max)
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      input = REPLACEMENTS[input] || input;
      let win32 = utils.isWindows(options), {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants5.globChars(win32), nodot = opts.dot ? NO_DOTS : NO_DOT, slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT, capture = opts.capture ? "" : "?:", state = { negated: !1, prefix: "" }, star = opts.bash === !0 ? ".*?" : STAR;
      opts.capture && (star = `(${star})`);
      let globstar = (opts2) => opts2.noglobstar === !0 ? star : `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`, create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            let match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            let source2 = create(match[1]);
            return source2 ? source2 + DOT_LITERAL + match[2] : void 0;
          }
        }
      }, output = utils.removePrefix(input, state), source = create(output);
      return source && opts.strictSlashes !== !0 && (source += `${SLASH_LITERAL}?`), source;
    };
    module2.exports = parse2;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports2, module2) {
    "use strict";
    var path = require("path"), scan = require_scan(), parse2 = require_parse2(), utils = require_utils2(), constants5 = require_constants2(), isObject2 = (val) => val && typeof val == "object" && !Array.isArray(val), picomatch = (glob, options, returnState = !1) => {
      if (Array.isArray(glob)) {
        let fns = glob.map((input) => picomatch(input, options, returnState));
        return (str) => {
          for (let isMatch of fns) {
            let state2 = isMatch(str);
            if (state2) return state2;
          }
          return !1;
        };
      }
      let isState = isObject2(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob != "string" && !isState)
        throw new TypeError("Expected pattern to be a non-empty string");
      let opts = options || {}, posix = utils.isWindows(options), regex = isState ? picomatch.compileRe(glob, options) : picomatch.makeRe(glob, options, !1, !0), state = regex.state;
      delete regex.state;
      let isIgnored = () => !1;
      if (opts.ignore) {
        let ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
      }
      let matcher = (input, returnObject = !1) => {
        let { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix }), result = { glob, state, regex, posix, input, output, match, isMatch };
        return typeof opts.onResult == "function" && opts.onResult(result), isMatch === !1 ? (result.isMatch = !1, returnObject ? result : !1) : isIgnored(input) ? (typeof opts.onIgnore == "function" && opts.onIgnore(result), result.isMatch = !1, returnObject ? result : !1) : (typeof opts.onMatch == "function" && opts.onMatch(result), returnObject ? result : !0);
      };
      return returnState && (matcher.state = state), matcher;
    };
    picomatch.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input != "string")
        throw new TypeError("Expected input to be a string");
      if (input === "")
        return { isMatch: !1, output: "" };
      let opts = options || {}, format3 = opts.format || (posix ? utils.toPosixSlashes : null), match = input === glob, output = match && format3 ? format3(input) : input;
      return match === !1 && (output = format3 ? format3(input) : input, match = output === glob), (match === !1 || opts.capture === !0) && (opts.matchBase === !0 || opts.basename === !0 ? match = picomatch.matchBase(input, regex, options, posix) : match = regex.exec(output)), { isMatch: !!match, match, output };
    };
    picomatch.matchBase = (input, glob, options, posix = utils.isWindows(options)) => (glob instanceof RegExp ? glob : picomatch.makeRe(glob, options)).test(path.basename(input));
    picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);
    picomatch.parse = (pattern, options) => Array.isArray(pattern) ? pattern.map((p) => picomatch.parse(p, options)) : parse2(pattern, { ...options, fastpaths: !1 });
    picomatch.scan = (input, options) => scan(input, options);
    picomatch.compileRe = (state, options, returnOutput = !1, returnState = !1) => {
      if (returnOutput === !0)
        return state.output;
      let opts = options || {}, prepend = opts.contains ? "" : "^", append = opts.contains ? "" : "$", source = `${prepend}(?:${state.output})${append}`;
      state && state.negated === !0 && (source = `^(?!${source}).*$`);
      let regex = picomatch.toRegex(source, options);
      return returnState === !0 && (regex.state = state), regex;
    };
    picomatch.makeRe = (input, options = {}, returnOutput = !1, returnState = !1) => {
      if (!input || typeof input != "string")
        throw new TypeError("Expected a non-empty string");
      let parsed = { negated: !1, fastpaths: !0 };
      return options.fastpaths !== !1 && (input[0] === "." || input[0] === "*") && (parsed.output = parse2.fastpaths(input, options)), parsed.output || (parsed = parse2(input, options)), picomatch.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch.toRegex = (source, options) => {
      try {
        let opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === !0) throw err;
        return /$^/;
      }
    };
    picomatch.constants = constants5;
    module2.exports = picomatch;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports2, module2) {
    "use strict";
    module2.exports = require_picomatch();
  }
});

// node_modules/micromatch/index.js
var require_micromatch = __commonJS({
  "node_modules/micromatch/index.js"(exports2, module2) {
    "use strict";
    var util = require("util"), braces = require_braces(), picomatch = require_picomatch2(), utils = require_utils2(), isEmptyString = (v) => v === "" || v === "./", hasBraces = (v) => {
      let index = v.indexOf("{");
      return index > -1 && v.indexOf("}", index) > -1;
    }, micromatch = (list, patterns, options) => {
      patterns = [].concat(patterns), list = [].concat(list);
      let omit = /* @__PURE__ */ new Set(), keep = /* @__PURE__ */ new Set(), items = /* @__PURE__ */ new Set(), negatives = 0, onResult = (state) => {
        items.add(state.output), options && options.onResult && options.onResult(state);
      };
      for (let i = 0; i < patterns.length; i++) {
        let isMatch = picomatch(String(patterns[i]), { ...options, onResult }, !0), negated = isMatch.state.negated || isMatch.state.negatedExtglob;
        negated && negatives++;
        for (let item of list) {
          let matched = isMatch(item, !0);
          (negated ? !matched.isMatch : matched.isMatch) && (negated ? omit.add(matched.output) : (omit.delete(matched.output), keep.add(matched.output)));
        }
      }
      let matches = (negatives === patterns.length ? [...items] : [...keep]).filter((item) => !omit.has(item));
      if (options && matches.length === 0) {
        if (options.failglob === !0)
          throw new Error(`No matches found for "${patterns.join(", ")}"`);
        if (options.nonull === !0 || options.nullglob === !0)
          return options.unescape ? patterns.map((p) => p.replace(/\\/g, "")) : patterns;
      }
      return matches;
    };
    micromatch.match = micromatch;
    micromatch.matcher = (pattern, options) => picomatch(pattern, options);
    micromatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);
    micromatch.any = micromatch.isMatch;
    micromatch.not = (list, patterns, options = {}) => {
      patterns = [].concat(patterns).map(String);
      let result = /* @__PURE__ */ new Set(), items = [], onResult = (state) => {
        options.onResult && options.onResult(state), items.push(state.output);
      }, matches = new Set(micromatch(list, patterns, { ...options, onResult }));
      for (let item of items)
        matches.has(item) || result.add(item);
      return [...result];
    };
    micromatch.contains = (str, pattern, options) => {
      if (typeof str != "string")
        throw new TypeError(`Expected a string: "${util.inspect(str)}"`);
      if (Array.isArray(pattern))
        return pattern.some((p) => micromatch.contains(str, p, options));
      if (typeof pattern == "string") {
        if (isEmptyString(str) || isEmptyString(pattern))
          return !1;
        if (str.includes(pattern) || str.startsWith("./") && str.slice(2).includes(pattern))
          return !0;
      }
      return micromatch.isMatch(str, pattern, { ...options, contains: !0 });
    };
    micromatch.matchKeys = (obj, patterns, options) => {
      if (!utils.isObject(obj))
        throw new TypeError("Expected the first argument to be an object");
      let keys = micromatch(Object.keys(obj), patterns, options), res = {};
      for (let key of keys) res[key] = obj[key];
      return res;
    };
    micromatch.some = (list, patterns, options) => {
      let items = [].concat(list);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch(String(pattern), options);
        if (items.some((item) => isMatch(item)))
          return !0;
      }
      return !1;
    };
    micromatch.every = (list, patterns, options) => {
      let items = [].concat(list);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch(String(pattern), options);
        if (!items.every((item) => isMatch(item)))
          return !1;
      }
      return !0;
    };
    micromatch.all = (str, patterns, options) => {
      if (typeof str != "string")
        throw new TypeError(`Expected a string: "${util.inspect(str)}"`);
      return [].concat(patterns).every((p) => picomatch(p, options)(str));
    };
    micromatch.capture = (glob, input, options) => {
      let posix = utils.isWindows(options), match = picomatch.makeRe(String(glob), { ...options, capture: !0 }).exec(posix ? utils.toPosixSlashes(input) : input);
      if (match)
        return match.slice(1).map((v) => v === void 0 ? "" : v);
    };
    micromatch.makeRe = (...args) => picomatch.makeRe(...args);
    micromatch.scan = (...args) => picomatch.scan(...args);
    micromatch.parse = (patterns, options) => {
      let res = [];
      for (let pattern of [].concat(patterns || []))
        for (let str of braces(String(pattern), options))
          res.push(picomatch.parse(str, options));
      return res;
    };
    micromatch.braces = (pattern, options) => {
      if (typeof pattern != "string") throw new TypeError("Expected a string");
      return options && options.nobrace === !0 || !hasBraces(pattern) ? [pattern] : braces(pattern, options);
    };
    micromatch.braceExpand = (pattern, options) => {
      if (typeof pattern != "string") throw new TypeError("Expected a string");
      return micromatch.braces(pattern, { ...options, expand: !0 });
    };
    micromatch.hasBraces = hasBraces;
    module2.exports = micromatch;
  }
});

// node_modules/fast-glob/out/utils/pattern.js
var require_pattern = __commonJS({
  "node_modules/fast-glob/out/utils/pattern.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.isAbsolute = exports2.partitionAbsoluteAndRelative = exports2.removeDuplicateSlashes = exports2.matchAny = exports2.convertPatternsToRe = exports2.makeRe = exports2.getPatternParts = exports2.expandBraceExpansion = exports2.expandPatternsWithBraceExpansion = exports2.isAffectDepthOfReadingPattern = exports2.endsWithSlashGlobStar = exports2.hasGlobStar = exports2.getBaseDirectory = exports2.isPatternRelatedToParentDirectory = exports2.getPatternsOutsideCurrentDirectory = exports2.getPatternsInsideCurrentDirectory = exports2.getPositivePatterns = exports2.getNegativePatterns = exports2.isPositivePattern = exports2.isNegativePattern = exports2.convertToNegativePattern = exports2.convertToPositivePattern = exports2.isDynamicPattern = exports2.isStaticPattern = void 0;
    var path = require("path"), globParent = require_glob_parent(), micromatch = require_micromatch(), GLOBSTAR = "**", ESCAPE_SYMBOL = "\\", COMMON_GLOB_SYMBOLS_RE = /[*?]|^!/, REGEX_CHARACTER_CLASS_SYMBOLS_RE = /\[[^[]*]/, REGEX_GROUP_SYMBOLS_RE = /(?:^|[^!*+?@])\([^(]*\|[^|]*\)/, GLOB_EXTENSION_SYMBOLS_RE = /[!*+?@]\([^(]*\)/, BRACE_EXPANSION_SEPARATORS_RE = /,|\.\./, DOUBLE_SLASH_RE = /(?!^)\/{2,}/g;
    function isStaticPattern(pattern, options = {}) {
      return !isDynamicPattern(pattern, options);
    }
    exports2.isStaticPattern = isStaticPattern;
    function isDynamicPattern(pattern, options = {}) {
      return pattern === "" ? !1 : !!(options.caseSensitiveMatch === !1 || pattern.includes(ESCAPE_SYMBOL) || COMMON_GLOB_SYMBOLS_RE.test(pattern) || REGEX_CHARACTER_CLASS_SYMBOLS_RE.test(pattern) || REGEX_GROUP_SYMBOLS_RE.test(pattern) || options.extglob !== !1 && GLOB_EXTENSION_SYMBOLS_RE.test(pattern) || options.braceExpansion !== !1 && hasBraceExpansion(pattern));
    }
    exports2.isDynamicPattern = isDynamicPattern;
    function hasBraceExpansion(pattern) {
      let openingBraceIndex = pattern.indexOf("{");
      if (openingBraceIndex === -1)
        return !1;
      let closingBraceIndex = pattern.indexOf("}", openingBraceIndex + 1);
      if (closingBraceIndex === -1)
        return !1;
      let braceContent = pattern.slice(openingBraceIndex, closingBraceIndex);
      return BRACE_EXPANSION_SEPARATORS_RE.test(braceContent);
    }
    function convertToPositivePattern(pattern) {
      return isNegativePattern(pattern) ? pattern.slice(1) : pattern;
    }
    exports2.convertToPositivePattern = convertToPositivePattern;
    function convertToNegativePattern(pattern) {
      return "!" + pattern;
    }
    exports2.convertToNegativePattern = convertToNegativePattern;
    function isNegativePattern(pattern) {
      return pattern.startsWith("!") && pattern[1] !== "(";
    }
    exports2.isNegativePattern = isNegativePattern;
    function isPositivePattern(pattern) {
      return !isNegativePattern(pattern);
    }
    exports2.isPositivePattern = isPositivePattern;
    function getNegativePatterns(patterns) {
      return patterns.filter(isNegativePattern);
    }
    exports2.getNegativePatterns = getNegativePatterns;
    function getPositivePatterns(patterns) {
      return patterns.filter(isPositivePattern);
    }
    exports2.getPositivePatterns = getPositivePatterns;
    function getPatternsInsideCurrentDirectory(patterns) {
      return patterns.filter((pattern) => !isPatternRelatedToParentDirectory(pattern));
    }
    exports2.getPatternsInsideCurrentDirectory = getPatternsInsideCurrentDirectory;
    function getPatternsOutsideCurrentDirectory(patterns) {
      return patterns.filter(isPatternRelatedToParentDirectory);
    }
    exports2.getPatternsOutsideCurrentDirectory = getPatternsOutsideCurrentDirectory;
    function isPatternRelatedToParentDirectory(pattern) {
      return pattern.startsWith("..") || pattern.startsWith("./..");
    }
    exports2.isPatternRelatedToParentDirectory = isPatternRelatedToParentDirectory;
    function getBaseDirectory(pattern) {
      return globParent(pattern, { flipBackslashes: !1 });
    }
    exports2.getBaseDirectory = getBaseDirectory;
    function hasGlobStar(pattern) {
      return pattern.includes(GLOBSTAR);
    }
    exports2.hasGlobStar = hasGlobStar;
    function endsWithSlashGlobStar(pattern) {
      return pattern.endsWith("/" + GLOBSTAR);
    }
    exports2.endsWithSlashGlobStar = endsWithSlashGlobStar;
    function isAffectDepthOfReadingPattern(pattern) {
      let basename6 = path.basename(pattern);
      return endsWithSlashGlobStar(pattern) || isStaticPattern(basename6);
    }
    exports2.isAffectDepthOfReadingPattern = isAffectDepthOfReadingPattern;
    function expandPatternsWithBraceExpansion(patterns) {
      return patterns.reduce((collection, pattern) => collection.concat(expandBraceExpansion(pattern)), []);
    }
    exports2.expandPatternsWithBraceExpansion = expandPatternsWithBraceExpansion;
    function expandBraceExpansion(pattern) {
      let patterns = micromatch.braces(pattern, { expand: !0, nodupes: !0, keepEscaping: !0 });
      return patterns.sort((a, b) => a.length - b.length), patterns.filter((pattern2) => pattern2 !== "");
    }
    exports2.expandBraceExpansion = expandBraceExpansion;
    function getPatternParts(pattern, options) {
      let { parts } = micromatch.scan(pattern, Object.assign(Object.assign({}, options), { parts: !0 }));
      return parts.length === 0 && (parts = [pattern]), parts[0].startsWith("/") && (parts[0] = parts[0].slice(1), parts.unshift("")), parts;
    }
    exports2.getPatternParts = getPatternParts;
    function makeRe(pattern, options) {
      return micromatch.makeRe(pattern, options);
    }
    exports2.makeRe = makeRe;
    function convertPatternsToRe(patterns, options) {
      return patterns.map((pattern) => makeRe(pattern, options));
    }
    exports2.convertPatternsToRe = convertPatternsToRe;
    function matchAny(entry, patternsRe) {
      return patternsRe.some((patternRe) => patternRe.test(entry));
    }
    exports2.matchAny = matchAny;
    function removeDuplicateSlashes(pattern) {
      return pattern.replace(DOUBLE_SLASH_RE, "/");
    }
    exports2.removeDuplicateSlashes = removeDuplicateSlashes;
    function partitionAbsoluteAndRelative(patterns) {
      let absolute = [], relative4 = [];
      for (let pattern of patterns)
        isAbsolute2(pattern) ? absolute.push(pattern) : relative4.push(pattern);
      return [absolute, relative4];
    }
    exports2.partitionAbsoluteAndRelative = partitionAbsoluteAndRelative;
    function isAbsolute2(pattern) {
      return path.isAbsolute(pattern);
    }
    exports2.isAbsolute = isAbsolute2;
  }
});

// node_modules/merge2/index.js
var require_merge2 = __commonJS({
  "node_modules/merge2/index.js"(exports2, module2) {
    "use strict";
    var Stream = require("stream"), PassThrough = Stream.PassThrough, slice = Array.prototype.slice;
    module2.exports = merge2;
    function merge2() {
      let streamsQueue = [], args = slice.call(arguments), merging = !1, options = args[args.length - 1];
      options && !Array.isArray(options) && options.pipe == null ? args.pop() : options = {};
      let doEnd = options.end !== !1, doPipeError = options.pipeError === !0;
      options.objectMode == null && (options.objectMode = !0), options.highWaterMark == null && (options.highWaterMark = 64 * 1024);
      let mergedStream = PassThrough(options);
      function addStream() {
        for (let i = 0, len = arguments.length; i < len; i++)
          streamsQueue.push(pauseStreams(arguments[i], options));
        return mergeStream(), this;
      }
      function mergeStream() {
        if (merging)
          return;
        merging = !0;
        let streams = streamsQueue.shift();
        if (!streams) {
          process.nextTick(endStream);
          return;
        }
        Array.isArray(streams) || (streams = [streams]);
        let pipesCount = streams.length + 1;
        function next() {
          --pipesCount > 0 || (merging = !1, mergeStream());
        }
        function pipe(stream) {
          function onend() {
            stream.removeListener("merge2UnpipeEnd", onend), stream.removeListener("end", onend), doPipeError && stream.removeListener("error", onerror), next();
          }
          function onerror(err) {
            mergedStream.emit("error", err);
          }
          if (stream._readableState.endEmitted)
            return next();
          stream.on("merge2UnpipeEnd", onend), stream.on("end", onend), doPipeError && stream.on("error", onerror), stream.pipe(mergedStream, { end: !1 }), stream.resume();
        }
        for (let i = 0; i < streams.length; i++)
          pipe(streams[i]);
        next();
      }
      function endStream() {
        merging = !1, mergedStream.emit("queueDrain"), doEnd && mergedStream.end();
      }
      return mergedStream.setMaxListeners(0), mergedStream.add = addStream, mergedStream.on("unpipe", function(stream) {
        stream.emit("merge2UnpipeEnd");
      }), args.length && addStream.apply(null, args), mergedStream;
    }
    function pauseStreams(streams, options) {
      if (Array.isArray(streams))
        for (let i = 0, len = streams.length; i < len; i++)
          streams[i] = pauseStreams(streams[i], options);
      else {
        if (!streams._readableState && streams.pipe && (streams = streams.pipe(PassThrough(options))), !streams._readableState || !streams.pause || !streams.pipe)
          throw new Error("Only readable stream can be merged.");
        streams.pause();
      }
      return streams;
    }
  }
});

// node_modules/fast-glob/out/utils/stream.js
var require_stream = __commonJS({
  "node_modules/fast-glob/out/utils/stream.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.merge = void 0;
    var merge2 = require_merge2();
    function merge(streams) {
      let mergedStream = merge2(streams);
      return streams.forEach((stream) => {
        stream.once("error", (error) => mergedStream.emit("error", error));
      }), mergedStream.once("close", () => propagateCloseEventToSources(streams)), mergedStream.once("end", () => propagateCloseEventToSources(streams)), mergedStream;
    }
    exports2.merge = merge;
    function propagateCloseEventToSources(streams) {
      streams.forEach((stream) => stream.emit("close"));
    }
  }
});

// node_modules/fast-glob/out/utils/string.js
var require_string2 = __commonJS({
  "node_modules/fast-glob/out/utils/string.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.isEmpty = exports2.isString = void 0;
    function isString(input) {
      return typeof input == "string";
    }
    exports2.isString = isString;
    function isEmpty(input) {
      return input === "";
    }
    exports2.isEmpty = isEmpty;
  }
});

// node_modules/fast-glob/out/utils/index.js
var require_utils3 = __commonJS({
  "node_modules/fast-glob/out/utils/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.string = exports2.stream = exports2.pattern = exports2.path = exports2.fs = exports2.errno = exports2.array = void 0;
    var array = require_array();
    exports2.array = array;
    var errno = require_errno();
    exports2.errno = errno;
    var fs = require_fs();
    exports2.fs = fs;
    var path = require_path();
    exports2.path = path;
    var pattern = require_pattern();
    exports2.pattern = pattern;
    var stream = require_stream();
    exports2.stream = stream;
    var string = require_string2();
    exports2.string = string;
  }
});

// node_modules/fast-glob/out/managers/tasks.js
var require_tasks = __commonJS({
  "node_modules/fast-glob/out/managers/tasks.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.convertPatternGroupToTask = exports2.convertPatternGroupsToTasks = exports2.groupPatternsByBaseDirectory = exports2.getNegativePatternsAsPositive = exports2.getPositivePatterns = exports2.convertPatternsToTasks = exports2.generate = void 0;
    var utils = require_utils3();
    function generate(input, settings) {
      let patterns = processPatterns(input, settings), ignore = processPatterns(settings.ignore, settings), positivePatterns = getPositivePatterns(patterns), negativePatterns = getNegativePatternsAsPositive(patterns, ignore), staticPatterns = positivePatterns.filter((pattern) => utils.pattern.isStaticPattern(pattern, settings)), dynamicPatterns = positivePatterns.filter((pattern) => utils.pattern.isDynamicPattern(pattern, settings)), staticTasks = convertPatternsToTasks(
        staticPatterns,
        negativePatterns,
        /* dynamic */
        !1
      ), dynamicTasks = convertPatternsToTasks(
        dynamicPatterns,
        negativePatterns,
        /* dynamic */
        !0
      );
      return staticTasks.concat(dynamicTasks);
    }
    exports2.generate = generate;
    function processPatterns(input, settings) {
      let patterns = input;
      return settings.braceExpansion && (patterns = utils.pattern.expandPatternsWithBraceExpansion(patterns)), settings.baseNameMatch && (patterns = patterns.map((pattern) => pattern.includes("/") ? pattern : `**/${pattern}`)), patterns.map((pattern) => utils.pattern.removeDuplicateSlashes(pattern));
    }
    function convertPatternsToTasks(positive, negative, dynamic) {
      let tasks = [], patternsOutsideCurrentDirectory = utils.pattern.getPatternsOutsideCurrentDirectory(positive), patternsInsideCurrentDirectory = utils.pattern.getPatternsInsideCurrentDirectory(positive), outsideCurrentDirectoryGroup = groupPatternsByBaseDirectory(patternsOutsideCurrentDirectory), insideCurrentDirectoryGroup = groupPatternsByBaseDirectory(patternsInsideCurrentDirectory);
      return tasks.push(...convertPatternGroupsToTasks(outsideCurrentDirectoryGroup, negative, dynamic)), "." in insideCurrentDirectoryGroup ? tasks.push(convertPatternGroupToTask(".", patternsInsideCurrentDirectory, negative, dynamic)) : tasks.push(...convertPatternGroupsToTasks(insideCurrentDirectoryGroup, negative, dynamic)), tasks;
    }
    exports2.convertPatternsToTasks = convertPatternsToTasks;
    function getPositivePatterns(patterns) {
      return utils.pattern.getPositivePatterns(patterns);
    }
    exports2.getPositivePatterns = getPositivePatterns;
    function getNegativePatternsAsPositive(patterns, ignore) {
      return utils.pattern.getNegativePatterns(patterns).concat(ignore).map(utils.pattern.convertToPositivePattern);
    }
    exports2.getNegativePatternsAsPositive = getNegativePatternsAsPositive;
    function groupPatternsByBaseDirectory(patterns) {
      let group = {};
      return patterns.reduce((collection, pattern) => {
        let base = utils.pattern.getBaseDirectory(pattern);
        return base in collection ? collection[base].push(pattern) : collection[base] = [pattern], collection;
      }, group);
    }
    exports2.groupPatternsByBaseDirectory = groupPatternsByBaseDirectory;
    function convertPatternGroupsToTasks(positive, negative, dynamic) {
      return Object.keys(positive).map((base) => convertPatternGroupToTask(base, positive[base], negative, dynamic));
    }
    exports2.convertPatternGroupsToTasks = convertPatternGroupsToTasks;
    function convertPatternGroupToTask(base, positive, negative, dynamic) {
      return {
        dynamic,
        positive,
        negative,
        base,
        patterns: [].concat(positive, negative.map(utils.pattern.convertToNegativePattern))
      };
    }
    exports2.convertPatternGroupToTask = convertPatternGroupToTask;
  }
});

// node_modules/@nodelib/fs.stat/out/providers/async.js
var require_async = __commonJS({
  "node_modules/@nodelib/fs.stat/out/providers/async.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.read = void 0;
    function read(path, settings, callback) {
      settings.fs.lstat(path, (lstatError, lstat) => {
        if (lstatError !== null) {
          callFailureCallback(callback, lstatError);
          return;
        }
        if (!lstat.isSymbolicLink() || !settings.followSymbolicLink) {
          callSuccessCallback(callback, lstat);
          return;
        }
        settings.fs.stat(path, (statError, stat) => {
          if (statError !== null) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              callFailureCallback(callback, statError);
              return;
            }
            callSuccessCallback(callback, lstat);
            return;
          }
          settings.markSymbolicLink && (stat.isSymbolicLink = () => !0), callSuccessCallback(callback, stat);
        });
      });
    }
    exports2.read = read;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, result) {
      callback(null, result);
    }
  }
});

// node_modules/@nodelib/fs.stat/out/providers/sync.js
var require_sync = __commonJS({
  "node_modules/@nodelib/fs.stat/out/providers/sync.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.read = void 0;
    function read(path, settings) {
      let lstat = settings.fs.lstatSync(path);
      if (!lstat.isSymbolicLink() || !settings.followSymbolicLink)
        return lstat;
      try {
        let stat = settings.fs.statSync(path);
        return settings.markSymbolicLink && (stat.isSymbolicLink = () => !0), stat;
      } catch (error) {
        if (!settings.throwErrorOnBrokenSymbolicLink)
          return lstat;
        throw error;
      }
    }
    exports2.read = read;
  }
});

// node_modules/@nodelib/fs.stat/out/adapters/fs.js
var require_fs2 = __commonJS({
  "node_modules/@nodelib/fs.stat/out/adapters/fs.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.createFileSystemAdapter = exports2.FILE_SYSTEM_ADAPTER = void 0;
    var fs = require("fs");
    exports2.FILE_SYSTEM_ADAPTER = {
      lstat: fs.lstat,
      stat: fs.stat,
      lstatSync: fs.lstatSync,
      statSync: fs.statSync
    };
    function createFileSystemAdapter(fsMethods) {
      return fsMethods === void 0 ? exports2.FILE_SYSTEM_ADAPTER : Object.assign(Object.assign({}, exports2.FILE_SYSTEM_ADAPTER), fsMethods);
    }
    exports2.createFileSystemAdapter = createFileSystemAdapter;
  }
});

// node_modules/@nodelib/fs.stat/out/settings.js
var require_settings = __commonJS({
  "node_modules/@nodelib/fs.stat/out/settings.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var fs = require_fs2(), Settings = class {
      constructor(_options = {}) {
        this._options = _options, this.followSymbolicLink = this._getValue(this._options.followSymbolicLink, !0), this.fs = fs.createFileSystemAdapter(this._options.fs), this.markSymbolicLink = this._getValue(this._options.markSymbolicLink, !1), this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, !0);
      }
      _getValue(option, value) {
        return option ?? value;
      }
    };
    exports2.default = Settings;
  }
});

// node_modules/@nodelib/fs.stat/out/index.js
var require_out = __commonJS({
  "node_modules/@nodelib/fs.stat/out/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.statSync = exports2.stat = exports2.Settings = void 0;
    var async = require_async(), sync = require_sync(), settings_1 = require_settings();
    exports2.Settings = settings_1.default;
    function stat(path, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback == "function") {
        async.read(path, getSettings(), optionsOrSettingsOrCallback);
        return;
      }
      async.read(path, getSettings(optionsOrSettingsOrCallback), callback);
    }
    exports2.stat = stat;
    function statSync10(path, optionsOrSettings) {
      let settings = getSettings(optionsOrSettings);
      return sync.read(path, settings);
    }
    exports2.statSync = statSync10;
    function getSettings(settingsOrOptions = {}) {
      return settingsOrOptions instanceof settings_1.default ? settingsOrOptions : new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/queue-microtask/index.js
var require_queue_microtask = __commonJS({
  "node_modules/queue-microtask/index.js"(exports2, module2) {
    var promise;
    module2.exports = typeof queueMicrotask == "function" ? queueMicrotask.bind(typeof window < "u" ? window : global) : (cb) => (promise || (promise = Promise.resolve())).then(cb).catch((err) => setTimeout(() => {
      throw err;
    }, 0));
  }
});

// node_modules/run-parallel/index.js
var require_run_parallel = __commonJS({
  "node_modules/run-parallel/index.js"(exports2, module2) {
    module2.exports = runParallel;
    var queueMicrotask2 = require_queue_microtask();
    function runParallel(tasks, cb) {
      let results, pending, keys, isSync = !0;
      Array.isArray(tasks) ? (results = [], pending = tasks.length) : (keys = Object.keys(tasks), results = {}, pending = keys.length);
      function done(err) {
        function end() {
          cb && cb(err, results), cb = null;
        }
        isSync ? queueMicrotask2(end) : end();
      }
      function each(i, err, result) {
        results[i] = result, (--pending === 0 || err) && done(err);
      }
      pending ? keys ? keys.forEach(function(key) {
        tasks[key](function(err, result) {
          each(key, err, result);
        });
      }) : tasks.forEach(function(task, i) {
        task(function(err, result) {
          each(i, err, result);
        });
      }) : done(null), isSync = !1;
    }
  }
});

// node_modules/@nodelib/fs.scandir/out/constants.js
var require_constants3 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/constants.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.IS_SUPPORT_READDIR_WITH_FILE_TYPES = void 0;
    var NODE_PROCESS_VERSION_PARTS = process.versions.node.split(".");
    if (NODE_PROCESS_VERSION_PARTS[0] === void 0 || NODE_PROCESS_VERSION_PARTS[1] === void 0)
      throw new Error(`Unexpected behavior. The 'process.versions.node' variable has invalid value: ${process.versions.node}`);
    var MAJOR_VERSION = Number.parseInt(NODE_PROCESS_VERSION_PARTS[0], 10), MINOR_VERSION = Number.parseInt(NODE_PROCESS_VERSION_PARTS[1], 10), SUPPORTED_MAJOR_VERSION = 10, SUPPORTED_MINOR_VERSION = 10, IS_MATCHED_BY_MAJOR = MAJOR_VERSION > SUPPORTED_MAJOR_VERSION, IS_MATCHED_BY_MAJOR_AND_MINOR = MAJOR_VERSION === SUPPORTED_MAJOR_VERSION && MINOR_VERSION >= SUPPORTED_MINOR_VERSION;
    exports2.IS_SUPPORT_READDIR_WITH_FILE_TYPES = IS_MATCHED_BY_MAJOR || IS_MATCHED_BY_MAJOR_AND_MINOR;
  }
});

// node_modules/@nodelib/fs.scandir/out/utils/fs.js
var require_fs3 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/utils/fs.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.createDirentFromStats = void 0;
    var DirentFromStats = class {
      constructor(name, stats) {
        this.name = name, this.isBlockDevice = stats.isBlockDevice.bind(stats), this.isCharacterDevice = stats.isCharacterDevice.bind(stats), this.isDirectory = stats.isDirectory.bind(stats), this.isFIFO = stats.isFIFO.bind(stats), this.isFile = stats.isFile.bind(stats), this.isSocket = stats.isSocket.bind(stats), this.isSymbolicLink = stats.isSymbolicLink.bind(stats);
      }
    };
    function createDirentFromStats(name, stats) {
      return new DirentFromStats(name, stats);
    }
    exports2.createDirentFromStats = createDirentFromStats;
  }
});

// node_modules/@nodelib/fs.scandir/out/utils/index.js
var require_utils4 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/utils/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.fs = void 0;
    var fs = require_fs3();
    exports2.fs = fs;
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/common.js
var require_common = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/common.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.joinPathSegments = void 0;
    function joinPathSegments(a, b, separator) {
      return a.endsWith(separator) ? a + b : a + separator + b;
    }
    exports2.joinPathSegments = joinPathSegments;
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/async.js
var require_async2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/async.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.readdir = exports2.readdirWithFileTypes = exports2.read = void 0;
    var fsStat = require_out(), rpl = require_run_parallel(), constants_1 = require_constants3(), utils = require_utils4(), common = require_common();
    function read(directory, settings, callback) {
      if (!settings.stats && constants_1.IS_SUPPORT_READDIR_WITH_FILE_TYPES) {
        readdirWithFileTypes(directory, settings, callback);
        return;
      }
      readdir(directory, settings, callback);
    }
    exports2.read = read;
    function readdirWithFileTypes(directory, settings, callback) {
      settings.fs.readdir(directory, { withFileTypes: !0 }, (readdirError, dirents) => {
        if (readdirError !== null) {
          callFailureCallback(callback, readdirError);
          return;
        }
        let entries = dirents.map((dirent) => ({
          dirent,
          name: dirent.name,
          path: common.joinPathSegments(directory, dirent.name, settings.pathSegmentSeparator)
        }));
        if (!settings.followSymbolicLinks) {
          callSuccessCallback(callback, entries);
          return;
        }
        let tasks = entries.map((entry) => makeRplTaskEntry(entry, settings));
        rpl(tasks, (rplError, rplEntries) => {
          if (rplError !== null) {
            callFailureCallback(callback, rplError);
            return;
          }
          callSuccessCallback(callback, rplEntries);
        });
      });
    }
    exports2.readdirWithFileTypes = readdirWithFileTypes;
    function makeRplTaskEntry(entry, settings) {
      return (done) => {
        if (!entry.dirent.isSymbolicLink()) {
          done(null, entry);
          return;
        }
        settings.fs.stat(entry.path, (statError, stats) => {
          if (statError !== null) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              done(statError);
              return;
            }
            done(null, entry);
            return;
          }
          entry.dirent = utils.fs.createDirentFromStats(entry.name, stats), done(null, entry);
        });
      };
    }
    function readdir(directory, settings, callback) {
      settings.fs.readdir(directory, (readdirError, names) => {
        if (readdirError !== null) {
          callFailureCallback(callback, readdirError);
          return;
        }
        let tasks = names.map((name) => {
          let path = common.joinPathSegments(directory, name, settings.pathSegmentSeparator);
          return (done) => {
            fsStat.stat(path, settings.fsStatSettings, (error, stats) => {
              if (error !== null) {
                done(error);
                return;
              }
              let entry = {
                name,
                path,
                dirent: utils.fs.createDirentFromStats(name, stats)
              };
              settings.stats && (entry.stats = stats), done(null, entry);
            });
          };
        });
        rpl(tasks, (rplError, entries) => {
          if (rplError !== null) {
            callFailureCallback(callback, rplError);
            return;
          }
          callSuccessCallback(callback, entries);
        });
      });
    }
    exports2.readdir = readdir;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, result) {
      callback(null, result);
    }
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/sync.js
var require_sync2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/sync.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.readdir = exports2.readdirWithFileTypes = exports2.read = void 0;
    var fsStat = require_out(), constants_1 = require_constants3(), utils = require_utils4(), common = require_common();
    function read(directory, settings) {
      return !settings.stats && constants_1.IS_SUPPORT_READDIR_WITH_FILE_TYPES ? readdirWithFileTypes(directory, settings) : readdir(directory, settings);
    }
    exports2.read = read;
    function readdirWithFileTypes(directory, settings) {
      return settings.fs.readdirSync(directory, { withFileTypes: !0 }).map((dirent) => {
        let entry = {
          dirent,
          name: dirent.name,
          path: common.joinPathSegments(directory, dirent.name, settings.pathSegmentSeparator)
        };
        if (entry.dirent.isSymbolicLink() && settings.followSymbolicLinks)
          try {
            let stats = settings.fs.statSync(entry.path);
            entry.dirent = utils.fs.createDirentFromStats(entry.name, stats);
          } catch (error) {
            if (settings.throwErrorOnBrokenSymbolicLink)
              throw error;
          }
        return entry;
      });
    }
    exports2.readdirWithFileTypes = readdirWithFileTypes;
    function readdir(directory, settings) {
      return settings.fs.readdirSync(directory).map((name) => {
        let entryPath = common.joinPathSegments(directory, name, settings.pathSegmentSeparator), stats = fsStat.statSync(entryPath, settings.fsStatSettings), entry = {
          name,
          path: entryPath,
          dirent: utils.fs.createDirentFromStats(name, stats)
        };
        return settings.stats && (entry.stats = stats), entry;
      });
    }
    exports2.readdir = readdir;
  }
});

// node_modules/@nodelib/fs.scandir/out/adapters/fs.js
var require_fs4 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/adapters/fs.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.createFileSystemAdapter = exports2.FILE_SYSTEM_ADAPTER = void 0;
    var fs = require("fs");
    exports2.FILE_SYSTEM_ADAPTER = {
      lstat: fs.lstat,
      stat: fs.stat,
      lstatSync: fs.lstatSync,
      statSync: fs.statSync,
      readdir: fs.readdir,
      readdirSync: fs.readdirSync
    };
    function createFileSystemAdapter(fsMethods) {
      return fsMethods === void 0 ? exports2.FILE_SYSTEM_ADAPTER : Object.assign(Object.assign({}, exports2.FILE_SYSTEM_ADAPTER), fsMethods);
    }
    exports2.createFileSystemAdapter = createFileSystemAdapter;
  }
});

// node_modules/@nodelib/fs.scandir/out/settings.js
var require_settings2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/settings.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var path = require("path"), fsStat = require_out(), fs = require_fs4(), Settings = class {
      constructor(_options = {}) {
        this._options = _options, this.followSymbolicLinks = this._getValue(this._options.followSymbolicLinks, !1), this.fs = fs.createFileSystemAdapter(this._options.fs), this.pathSegmentSeparator = this._getValue(this._options.pathSegmentSeparator, path.sep), this.stats = this._getValue(this._options.stats, !1), this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, !0), this.fsStatSettings = new fsStat.Settings({
          followSymbolicLink: this.followSymbolicLinks,
          fs: this.fs,
          throwErrorOnBrokenSymbolicLink: this.throwErrorOnBrokenSymbolicLink
        });
      }
      _getValue(option, value) {
        return option ?? value;
      }
    };
    exports2.default = Settings;
  }
});

// node_modules/@nodelib/fs.scandir/out/index.js
var require_out2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.Settings = exports2.scandirSync = exports2.scandir = void 0;
    var async = require_async2(), sync = require_sync2(), settings_1 = require_settings2();
    exports2.Settings = settings_1.default;
    function scandir(path, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback == "function") {
        async.read(path, getSettings(), optionsOrSettingsOrCallback);
        return;
      }
      async.read(path, getSettings(optionsOrSettingsOrCallback), callback);
    }
    exports2.scandir = scandir;
    function scandirSync(path, optionsOrSettings) {
      let settings = getSettings(optionsOrSettings);
      return sync.read(path, settings);
    }
    exports2.scandirSync = scandirSync;
    function getSettings(settingsOrOptions = {}) {
      return settingsOrOptions instanceof settings_1.default ? settingsOrOptions : new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/reusify/reusify.js
var require_reusify = __commonJS({
  "node_modules/reusify/reusify.js"(exports2, module2) {
    "use strict";
    function reusify(Constructor) {
      var head = new Constructor(), tail = head;
      function get2() {
        var current = head;
        return current.next ? head = current.next : (head = new Constructor(), tail = head), current.next = null, current;
      }
      function release(obj) {
        tail.next = obj, tail = obj;
      }
      return {
        get: get2,
        release
      };
    }
    module2.exports = reusify;
  }
});

// node_modules/fastq/queue.js
var require_queue = __commonJS({
  "node_modules/fastq/queue.js"(exports2, module2) {
    "use strict";
    var reusify = require_reusify();
    function fastqueue(context, worker, _concurrency) {
      if (typeof context == "function" && (_concurrency = worker, worker = context, context = null), !(_concurrency >= 1))
        throw new Error("fastqueue concurrency must be equal to or greater than 1");
      var cache = reusify(Task), queueHead = null, queueTail = null, _running = 0, errorHandler = null, self = {
        push,
        drain: noop,
        saturated: noop,
        pause,
        paused: !1,
        get concurrency() {
          return _concurrency;
        },
        set concurrency(value) {
          if (!(value >= 1))
            throw new Error("fastqueue concurrency must be equal to or greater than 1");
          if (_concurrency = value, !self.paused)
            for (; queueHead && _running < _concurrency; )
              _running++, release();
        },
        running,
        resume,
        idle,
        length,
        getQueue,
        unshift,
        empty: noop,
        kill,
        killAndDrain,
        error,
        abort
      };
      return self;
      function running() {
        return _running;
      }
      function pause() {
        self.paused = !0;
      }
      function length() {
        for (var current = queueHead, counter = 0; current; )
          current = current.next, counter++;
        return counter;
      }
      function getQueue() {
        for (var current = queueHead, tasks = []; current; )
          tasks.push(current.value), current = current.next;
        return tasks;
      }
      function resume() {
        if (self.paused) {
          if (self.paused = !1, queueHead === null) {
            _running++, release();
            return;
          }
          for (; queueHead && _running < _concurrency; )
            _running++, release();
        }
      }
      function idle() {
        return _running === 0 && self.length() === 0;
      }
      function push(value, done) {
        var current = cache.get();
        current.context = context, current.release = release, current.value = value, current.callback = done || noop, current.errorHandler = errorHandler, _running >= _concurrency || self.paused ? queueTail ? (queueTail.next = current, queueTail = current) : (queueHead = current, queueTail = current, self.saturated()) : (_running++, worker.call(context, current.value, current.worked));
      }
      function unshift(value, done) {
        var current = cache.get();
        current.context = context, current.release = release, current.value = value, current.callback = done || noop, current.errorHandler = errorHandler, _running >= _concurrency || self.paused ? queueHead ? (current.next = queueHead, queueHead = current) : (queueHead = current, queueTail = current, self.saturated()) : (_running++, worker.call(context, current.value, current.worked));
      }
      function release(holder) {
        holder && cache.release(holder);
        var next = queueHead;
        next && _running <= _concurrency ? self.paused ? _running-- : (queueTail === queueHead && (queueTail = null), queueHead = next.next, next.next = null, worker.call(context, next.value, next.worked), queueTail === null && self.empty()) : --_running === 0 && self.drain();
      }
      function kill() {
        queueHead = null, queueTail = null, self.drain = noop;
      }
      function killAndDrain() {
        queueHead = null, queueTail = null, self.drain(), self.drain = noop;
      }
      function abort() {
        var current = queueHead;
        for (queueHead = null, queueTail = null; current; ) {
          var next = current.next, callback = current.callback, errorHandler2 = current.errorHandler, val = current.value, context2 = current.context;
          current.value = null, current.callback = noop, current.errorHandler = null, current.next = null, errorHandler2 && errorHandler2(new Error("abort"), val), callback.call(context2, new Error("abort")), cache.release(current), current = next;
        }
        self.drain = noop;
      }
      function error(handler) {
        errorHandler = handler;
      }
    }
    function noop() {
    }
    function Task() {
      this.value = null, this.callback = noop, this.next = null, this.release = noop, this.context = null, this.errorHandler = null;
      var self = this;
      this.worked = function(err, result) {
        var callback = self.callback, errorHandler = self.errorHandler, val = self.value;
        self.value = null, self.callback = noop, self.errorHandler && errorHandler(err, val), callback.call(self.context, err, result), self.release(self);
      };
    }
    function queueAsPromised(context, worker, _concurrency) {
      typeof context == "function" && (_concurrency = worker, worker = context, context = null);
      function asyncWrapper(arg, cb) {
        worker.call(this, arg).then(function(res) {
          cb(null, res);
        }, cb);
      }
      var queue = fastqueue(context, asyncWrapper, _concurrency), pushCb = queue.push, unshiftCb = queue.unshift;
      return queue.push = push, queue.unshift = unshift, queue.drained = drained, queue;
      function push(value) {
        var p = new Promise(function(resolve12, reject) {
          pushCb(value, function(err, result) {
            if (err) {
              reject(err);
              return;
            }
            resolve12(result);
          });
        });
        return p.catch(noop), p;
      }
      function unshift(value) {
        var p = new Promise(function(resolve12, reject) {
          unshiftCb(value, function(err, result) {
            if (err) {
              reject(err);
              return;
            }
            resolve12(result);
          });
        });
        return p.catch(noop), p;
      }
      function drained() {
        var p = new Promise(function(resolve12) {
          process.nextTick(function() {
            if (queue.idle())
              resolve12();
            else {
              var previousDrain = queue.drain;
              queue.drain = function() {
                typeof previousDrain == "function" && previousDrain(), resolve12(), queue.drain = previousDrain;
              };
            }
          });
        });
        return p;
      }
    }
    module2.exports = fastqueue;
    module2.exports.promise = queueAsPromised;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/common.js
var require_common2 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/common.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.joinPathSegments = exports2.replacePathSegmentSeparator = exports2.isAppliedFilter = exports2.isFatalError = void 0;
    function isFatalError(settings, error) {
      return settings.errorFilter === null ? !0 : !settings.errorFilter(error);
    }
    exports2.isFatalError = isFatalError;
    function isAppliedFilter(filter, value) {
      return filter === null || filter(value);
    }
    exports2.isAppliedFilter = isAppliedFilter;
    function replacePathSegmentSeparator(filepath, separator) {
      return filepath.split(/[/\\]/).join(separator);
    }
    exports2.replacePathSegmentSeparator = replacePathSegmentSeparator;
    function joinPathSegments(a, b, separator) {
      return a === "" ? b : a.endsWith(separator) ? a + b : a + separator + b;
    }
    exports2.joinPathSegments = joinPathSegments;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/reader.js
var require_reader = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/reader.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var common = require_common2(), Reader = class {
      constructor(_root, _settings) {
        this._root = _root, this._settings = _settings, this._root = common.replacePathSegmentSeparator(_root, _settings.pathSegmentSeparator);
      }
    };
    exports2.default = Reader;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/async.js
var require_async3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/async.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var events_1 = require("events"), fsScandir = require_out2(), fastq = require_queue(), common = require_common2(), reader_1 = require_reader(), AsyncReader = class extends reader_1.default {
      constructor(_root, _settings) {
        super(_root, _settings), this._settings = _settings, this._scandir = fsScandir.scandir, this._emitter = new events_1.EventEmitter(), this._queue = fastq(this._worker.bind(this), this._settings.concurrency), this._isFatalError = !1, this._isDestroyed = !1, this._queue.drain = () => {
          this._isFatalError || this._emitter.emit("end");
        };
      }
      read() {
        return this._isFatalError = !1, this._isDestroyed = !1, setImmediate(() => {
          this._pushToQueue(this._root, this._settings.basePath);
        }), this._emitter;
      }
      get isDestroyed() {
        return this._isDestroyed;
      }
      destroy() {
        if (this._isDestroyed)
          throw new Error("The reader is already destroyed");
        this._isDestroyed = !0, this._queue.killAndDrain();
      }
      onEntry(callback) {
        this._emitter.on("entry", callback);
      }
      onError(callback) {
        this._emitter.once("error", callback);
      }
      onEnd(callback) {
        this._emitter.once("end", callback);
      }
      _pushToQueue(directory, base) {
        let queueItem = { directory, base };
        this._queue.push(queueItem, (error) => {
          error !== null && this._handleError(error);
        });
      }
      _worker(item, done) {
        this._scandir(item.directory, this._settings.fsScandirSettings, (error, entries) => {
          if (error !== null) {
            done(error, void 0);
            return;
          }
          for (let entry of entries)
            this._handleEntry(entry, item.base);
          done(null, void 0);
        });
      }
      _handleError(error) {
        this._isDestroyed || !common.isFatalError(this._settings, error) || (this._isFatalError = !0, this._isDestroyed = !0, this._emitter.emit("error", error));
      }
      _handleEntry(entry, base) {
        if (this._isDestroyed || this._isFatalError)
          return;
        let fullpath = entry.path;
        base !== void 0 && (entry.path = common.joinPathSegments(base, entry.name, this._settings.pathSegmentSeparator)), common.isAppliedFilter(this._settings.entryFilter, entry) && this._emitEntry(entry), entry.dirent.isDirectory() && common.isAppliedFilter(this._settings.deepFilter, entry) && this._pushToQueue(fullpath, base === void 0 ? void 0 : entry.path);
      }
      _emitEntry(entry) {
        this._emitter.emit("entry", entry);
      }
    };
    exports2.default = AsyncReader;
  }
});

// node_modules/@nodelib/fs.walk/out/providers/async.js
var require_async4 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/async.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var async_1 = require_async3(), AsyncProvider = class {
      constructor(_root, _settings) {
        this._root = _root, this._settings = _settings, this._reader = new async_1.default(this._root, this._settings), this._storage = [];
      }
      read(callback) {
        this._reader.onError((error) => {
          callFailureCallback(callback, error);
        }), this._reader.onEntry((entry) => {
          this._storage.push(entry);
        }), this._reader.onEnd(() => {
          callSuccessCallback(callback, this._storage);
        }), this._reader.read();
      }
    };
    exports2.default = AsyncProvider;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, entries) {
      callback(null, entries);
    }
  }
});

// node_modules/@nodelib/fs.walk/out/providers/stream.js
var require_stream2 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/stream.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var stream_1 = require("stream"), async_1 = require_async3(), StreamProvider = class {
      constructor(_root, _settings) {
        this._root = _root, this._settings = _settings, this._reader = new async_1.default(this._root, this._settings), this._stream = new stream_1.Readable({
          objectMode: !0,
          read: () => {
          },
          destroy: () => {
            this._reader.isDestroyed || this._reader.destroy();
          }
        });
      }
      read() {
        return this._reader.onError((error) => {
          this._stream.emit("error", error);
        }), this._reader.onEntry((entry) => {
          this._stream.push(entry);
        }), this._reader.onEnd(() => {
          this._stream.push(null);
        }), this._reader.read(), this._stream;
      }
    };
    exports2.default = StreamProvider;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/sync.js
var require_sync3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/sync.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var fsScandir = require_out2(), common = require_common2(), reader_1 = require_reader(), SyncReader = class extends reader_1.default {
      constructor() {
        super(...arguments), this._scandir = fsScandir.scandirSync, this._storage = [], this._queue = /* @__PURE__ */ new Set();
      }
      read() {
        return this._pushToQueue(this._root, this._settings.basePath), this._handleQueue(), this._storage;
      }
      _pushToQueue(directory, base) {
        this._queue.add({ directory, base });
      }
      _handleQueue() {
        for (let item of this._queue.values())
          this._handleDirectory(item.directory, item.base);
      }
      _handleDirectory(directory, base) {
        try {
          let entries = this._scandir(directory, this._settings.fsScandirSettings);
          for (let entry of entries)
            this._handleEntry(entry, base);
        } catch (error) {
          this._handleError(error);
        }
      }
      _handleError(error) {
        if (common.isFatalError(this._settings, error))
          throw error;
      }
      _handleEntry(entry, base) {
        let fullpath = entry.path;
        base !== void 0 && (entry.path = common.joinPathSegments(base, entry.name, this._settings.pathSegmentSeparator)), common.isAppliedFilter(this._settings.entryFilter, entry) && this._pushToStorage(entry), entry.dirent.isDirectory() && common.isAppliedFilter(this._settings.deepFilter, entry) && this._pushToQueue(fullpath, base === void 0 ? void 0 : entry.path);
      }
      _pushToStorage(entry) {
        this._storage.push(entry);
      }
    };
    exports2.default = SyncReader;
  }
});

// node_modules/@nodelib/fs.walk/out/providers/sync.js
var require_sync4 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/sync.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var sync_1 = require_sync3(), SyncProvider = class {
      constructor(_root, _settings) {
        this._root = _root, this._settings = _settings, this._reader = new sync_1.default(this._root, this._settings);
      }
      read() {
        return this._reader.read();
      }
    };
    exports2.default = SyncProvider;
  }
});

// node_modules/@nodelib/fs.walk/out/settings.js
var require_settings3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/settings.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var path = require("path"), fsScandir = require_out2(), Settings = class {
      constructor(_options = {}) {
        this._options = _options, this.basePath = this._getValue(this._options.basePath, void 0), this.concurrency = this._getValue(this._options.concurrency, Number.POSITIVE_INFINITY), this.deepFilter = this._getValue(this._options.deepFilter, null), this.entryFilter = this._getValue(this._options.entryFilter, null), this.errorFilter = this._getValue(this._options.errorFilter, null), this.pathSegmentSeparator = this._getValue(this._options.pathSegmentSeparator, path.sep), this.fsScandirSettings = new fsScandir.Settings({
          followSymbolicLinks: this._options.followSymbolicLinks,
          fs: this._options.fs,
          pathSegmentSeparator: this._options.pathSegmentSeparator,
          stats: this._options.stats,
          throwErrorOnBrokenSymbolicLink: this._options.throwErrorOnBrokenSymbolicLink
        });
      }
      _getValue(option, value) {
        return option ?? value;
      }
    };
    exports2.default = Settings;
  }
});

// node_modules/@nodelib/fs.walk/out/index.js
var require_out3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/index.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.Settings = exports2.walkStream = exports2.walkSync = exports2.walk = void 0;
    var async_1 = require_async4(), stream_1 = require_stream2(), sync_1 = require_sync4(), settings_1 = require_settings3();
    exports2.Settings = settings_1.default;
    function walk(directory, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback == "function") {
        new async_1.default(directory, getSettings()).read(optionsOrSettingsOrCallback);
        return;
      }
      new async_1.default(directory, getSettings(optionsOrSettingsOrCallback)).read(callback);
    }
    exports2.walk = walk;
    function walkSync(directory, optionsOrSettings) {
      let settings = getSettings(optionsOrSettings);
      return new sync_1.default(directory, settings).read();
    }
    exports2.walkSync = walkSync;
    function walkStream(directory, optionsOrSettings) {
      let settings = getSettings(optionsOrSettings);
      return new stream_1.default(directory, settings).read();
    }
    exports2.walkStream = walkStream;
    function getSettings(settingsOrOptions = {}) {
      return settingsOrOptions instanceof settings_1.default ? settingsOrOptions : new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/fast-glob/out/readers/reader.js
var require_reader2 = __commonJS({
  "node_modules/fast-glob/out/readers/reader.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var path = require("path"), fsStat = require_out(), utils = require_utils3(), Reader = class {
      constructor(_settings) {
        this._settings = _settings, this._fsStatSettings = new fsStat.Settings({
          followSymbolicLink: this._settings.followSymbolicLinks,
          fs: this._settings.fs,
          throwErrorOnBrokenSymbolicLink: this._settings.followSymbolicLinks
        });
      }
      _getFullEntryPath(filepath) {
        return path.resolve(this._settings.cwd, filepath);
      }
      _makeEntry(stats, pattern) {
        let entry = {
          name: pattern,
          path: pattern,
          dirent: utils.fs.createDirentFromStats(pattern, stats)
        };
        return this._settings.stats && (entry.stats = stats), entry;
      }
      _isFatalError(error) {
        return !utils.errno.isEnoentCodeError(error) && !this._settings.suppressErrors;
      }
    };
    exports2.default = Reader;
  }
});

// node_modules/fast-glob/out/readers/stream.js
var require_stream3 = __commonJS({
  "node_modules/fast-glob/out/readers/stream.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var stream_1 = require("stream"), fsStat = require_out(), fsWalk = require_out3(), reader_1 = require_reader2(), ReaderStream = class extends reader_1.default {
      constructor() {
        super(...arguments), this._walkStream = fsWalk.walkStream, this._stat = fsStat.stat;
      }
      dynamic(root, options) {
        return this._walkStream(root, options);
      }
      static(patterns, options) {
        let filepaths = patterns.map(this._getFullEntryPath, this), stream = new stream_1.PassThrough({ objectMode: !0 });
        stream._write = (index, _enc, done) => this._getEntry(filepaths[index], patterns[index], options).then((entry) => {
          entry !== null && options.entryFilter(entry) && stream.push(entry), index === filepaths.length - 1 && stream.end(), done();
        }).catch(done);
        for (let i = 0; i < filepaths.length; i++)
          stream.write(i);
        return stream;
      }
      _getEntry(filepath, pattern, options) {
        return this._getStat(filepath).then((stats) => this._makeEntry(stats, pattern)).catch((error) => {
          if (options.errorFilter(error))
            return null;
          throw error;
        });
      }
      _getStat(filepath) {
        return new Promise((resolve12, reject) => {
          this._stat(filepath, this._fsStatSettings, (error, stats) => error === null ? resolve12(stats) : reject(error));
        });
      }
    };
    exports2.default = ReaderStream;
  }
});

// node_modules/fast-glob/out/readers/async.js
var require_async5 = __commonJS({
  "node_modules/fast-glob/out/readers/async.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var fsWalk = require_out3(), reader_1 = require_reader2(), stream_1 = require_stream3(), ReaderAsync = class extends reader_1.default {
      constructor() {
        super(...arguments), this._walkAsync = fsWalk.walk, this._readerStream = new stream_1.default(this._settings);
      }
      dynamic(root, options) {
        return new Promise((resolve12, reject) => {
          this._walkAsync(root, options, (error, entries) => {
            error === null ? resolve12(entries) : reject(error);
          });
        });
      }
      async static(patterns, options) {
        let entries = [], stream = this._readerStream.static(patterns, options);
        return new Promise((resolve12, reject) => {
          stream.once("error", reject), stream.on("data", (entry) => entries.push(entry)), stream.once("end", () => resolve12(entries));
        });
      }
    };
    exports2.default = ReaderAsync;
  }
});

// node_modules/fast-glob/out/providers/matchers/matcher.js
var require_matcher = __commonJS({
  "node_modules/fast-glob/out/providers/matchers/matcher.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var utils = require_utils3(), Matcher = class {
      constructor(_patterns, _settings, _micromatchOptions) {
        this._patterns = _patterns, this._settings = _settings, this._micromatchOptions = _micromatchOptions, this._storage = [], this._fillStorage();
      }
      _fillStorage() {
        for (let pattern of this._patterns) {
          let segments = this._getPatternSegments(pattern), sections = this._splitSegmentsIntoSections(segments);
          this._storage.push({
            complete: sections.length <= 1,
            pattern,
            segments,
            sections
          });
        }
      }
      _getPatternSegments(pattern) {
        return utils.pattern.getPatternParts(pattern, this._micromatchOptions).map((part) => utils.pattern.isDynamicPattern(part, this._settings) ? {
          dynamic: !0,
          pattern: part,
          patternRe: utils.pattern.makeRe(part, this._micromatchOptions)
        } : {
          dynamic: !1,
          pattern: part
        });
      }
      _splitSegmentsIntoSections(segments) {
        return utils.array.splitWhen(segments, (segment) => segment.dynamic && utils.pattern.hasGlobStar(segment.pattern));
      }
    };
    exports2.default = Matcher;
  }
});

// node_modules/fast-glob/out/providers/matchers/partial.js
var require_partial = __commonJS({
  "node_modules/fast-glob/out/providers/matchers/partial.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var matcher_1 = require_matcher(), PartialMatcher = class extends matcher_1.default {
      match(filepath) {
        let parts = filepath.split("/"), levels = parts.length, patterns = this._storage.filter((info) => !info.complete || info.segments.length > levels);
        for (let pattern of patterns) {
          let section = pattern.sections[0];
          if (!pattern.complete && levels > section.length || parts.every((part, index) => {
            let segment = pattern.segments[index];
            return !!(segment.dynamic && segment.patternRe.test(part) || !segment.dynamic && segment.pattern === part);
          }))
            return !0;
        }
        return !1;
      }
    };
    exports2.default = PartialMatcher;
  }
});

// node_modules/fast-glob/out/providers/filters/deep.js
var require_deep = __commonJS({
  "node_modules/fast-glob/out/providers/filters/deep.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var utils = require_utils3(), partial_1 = require_partial(), DeepFilter = class {
      constructor(_settings, _micromatchOptions) {
        this._settings = _settings, this._micromatchOptions = _micromatchOptions;
      }
      getFilter(basePath, positive, negative) {
        let matcher = this._getMatcher(positive), negativeRe = this._getNegativePatternsRe(negative);
        return (entry) => this._filter(basePath, entry, matcher, negativeRe);
      }
      _getMatcher(patterns) {
        return new partial_1.default(patterns, this._settings, this._micromatchOptions);
      }
      _getNegativePatternsRe(patterns) {
        let affectDepthOfReadingPatterns = patterns.filter(utils.pattern.isAffectDepthOfReadingPattern);
        return utils.pattern.convertPatternsToRe(affectDepthOfReadingPatterns, this._micromatchOptions);
      }
      _filter(basePath, entry, matcher, negativeRe) {
        if (this._isSkippedByDeep(basePath, entry.path) || this._isSkippedSymbolicLink(entry))
          return !1;
        let filepath = utils.path.removeLeadingDotSegment(entry.path);
        return this._isSkippedByPositivePatterns(filepath, matcher) ? !1 : this._isSkippedByNegativePatterns(filepath, negativeRe);
      }
      _isSkippedByDeep(basePath, entryPath) {
        return this._settings.deep === 1 / 0 ? !1 : this._getEntryLevel(basePath, entryPath) >= this._settings.deep;
      }
      _getEntryLevel(basePath, entryPath) {
        let entryPathDepth = entryPath.split("/").length;
        if (basePath === "")
          return entryPathDepth;
        let basePathDepth = basePath.split("/").length;
        return entryPathDepth - basePathDepth;
      }
      _isSkippedSymbolicLink(entry) {
        return !this._settings.followSymbolicLinks && entry.dirent.isSymbolicLink();
      }
      _isSkippedByPositivePatterns(entryPath, matcher) {
        return !this._settings.baseNameMatch && !matcher.match(entryPath);
      }
      _isSkippedByNegativePatterns(entryPath, patternsRe) {
        return !utils.pattern.matchAny(entryPath, patternsRe);
      }
    };
    exports2.default = DeepFilter;
  }
});

// node_modules/fast-glob/out/providers/filters/entry.js
var require_entry = __commonJS({
  "node_modules/fast-glob/out/providers/filters/entry.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var utils = require_utils3(), EntryFilter = class {
      constructor(_settings, _micromatchOptions) {
        this._settings = _settings, this._micromatchOptions = _micromatchOptions, this.index = /* @__PURE__ */ new Map();
      }
      getFilter(positive, negative) {
        let [absoluteNegative, relativeNegative] = utils.pattern.partitionAbsoluteAndRelative(negative), patterns = {
          positive: {
            all: utils.pattern.convertPatternsToRe(positive, this._micromatchOptions)
          },
          negative: {
            absolute: utils.pattern.convertPatternsToRe(absoluteNegative, Object.assign(Object.assign({}, this._micromatchOptions), { dot: !0 })),
            relative: utils.pattern.convertPatternsToRe(relativeNegative, Object.assign(Object.assign({}, this._micromatchOptions), { dot: !0 }))
          }
        };
        return (entry) => this._filter(entry, patterns);
      }
      _filter(entry, patterns) {
        let filepath = utils.path.removeLeadingDotSegment(entry.path);
        if (this._settings.unique && this._isDuplicateEntry(filepath) || this._onlyFileFilter(entry) || this._onlyDirectoryFilter(entry))
          return !1;
        let isMatched = this._isMatchToPatternsSet(filepath, patterns, entry.dirent.isDirectory());
        return this._settings.unique && isMatched && this._createIndexRecord(filepath), isMatched;
      }
      _isDuplicateEntry(filepath) {
        return this.index.has(filepath);
      }
      _createIndexRecord(filepath) {
        this.index.set(filepath, void 0);
      }
      _onlyFileFilter(entry) {
        return this._settings.onlyFiles && !entry.dirent.isFile();
      }
      _onlyDirectoryFilter(entry) {
        return this._settings.onlyDirectories && !entry.dirent.isDirectory();
      }
      _isMatchToPatternsSet(filepath, patterns, isDirectory) {
        return !(!this._isMatchToPatterns(filepath, patterns.positive.all, isDirectory) || this._isMatchToPatterns(filepath, patterns.negative.relative, isDirectory) || this._isMatchToAbsoluteNegative(filepath, patterns.negative.absolute, isDirectory));
      }
      _isMatchToAbsoluteNegative(filepath, patternsRe, isDirectory) {
        if (patternsRe.length === 0)
          return !1;
        let fullpath = utils.path.makeAbsolute(this._settings.cwd, filepath);
        return this._isMatchToPatterns(fullpath, patternsRe, isDirectory);
      }
      _isMatchToPatterns(filepath, patternsRe, isDirectory) {
        if (patternsRe.length === 0)
          return !1;
        let isMatched = utils.pattern.matchAny(filepath, patternsRe);
        return !isMatched && isDirectory ? utils.pattern.matchAny(filepath + "/", patternsRe) : isMatched;
      }
    };
    exports2.default = EntryFilter;
  }
});

// node_modules/fast-glob/out/providers/filters/error.js
var require_error = __commonJS({
  "node_modules/fast-glob/out/providers/filters/error.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var utils = require_utils3(), ErrorFilter = class {
      constructor(_settings) {
        this._settings = _settings;
      }
      getFilter() {
        return (error) => this._isNonFatalError(error);
      }
      _isNonFatalError(error) {
        return utils.errno.isEnoentCodeError(error) || this._settings.suppressErrors;
      }
    };
    exports2.default = ErrorFilter;
  }
});

// node_modules/fast-glob/out/providers/transformers/entry.js
var require_entry2 = __commonJS({
  "node_modules/fast-glob/out/providers/transformers/entry.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var utils = require_utils3(), EntryTransformer = class {
      constructor(_settings) {
        this._settings = _settings;
      }
      getTransformer() {
        return (entry) => this._transform(entry);
      }
      _transform(entry) {
        let filepath = entry.path;
        return this._settings.absolute && (filepath = utils.path.makeAbsolute(this._settings.cwd, filepath), filepath = utils.path.unixify(filepath)), this._settings.markDirectories && entry.dirent.isDirectory() && (filepath += "/"), this._settings.objectMode ? Object.assign(Object.assign({}, entry), { path: filepath }) : filepath;
      }
    };
    exports2.default = EntryTransformer;
  }
});

// node_modules/fast-glob/out/providers/provider.js
var require_provider = __commonJS({
  "node_modules/fast-glob/out/providers/provider.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var path = require("path"), deep_1 = require_deep(), entry_1 = require_entry(), error_1 = require_error(), entry_2 = require_entry2(), Provider = class {
      constructor(_settings) {
        this._settings = _settings, this.errorFilter = new error_1.default(this._settings), this.entryFilter = new entry_1.default(this._settings, this._getMicromatchOptions()), this.deepFilter = new deep_1.default(this._settings, this._getMicromatchOptions()), this.entryTransformer = new entry_2.default(this._settings);
      }
      _getRootDirectory(task) {
        return path.resolve(this._settings.cwd, task.base);
      }
      _getReaderOptions(task) {
        let basePath = task.base === "." ? "" : task.base;
        return {
          basePath,
          pathSegmentSeparator: "/",
          concurrency: this._settings.concurrency,
          deepFilter: this.deepFilter.getFilter(basePath, task.positive, task.negative),
          entryFilter: this.entryFilter.getFilter(task.positive, task.negative),
          errorFilter: this.errorFilter.getFilter(),
          followSymbolicLinks: this._settings.followSymbolicLinks,
          fs: this._settings.fs,
          stats: this._settings.stats,
          throwErrorOnBrokenSymbolicLink: this._settings.throwErrorOnBrokenSymbolicLink,
          transform: this.entryTransformer.getTransformer()
        };
      }
      _getMicromatchOptions() {
        return {
          dot: this._settings.dot,
          matchBase: this._settings.baseNameMatch,
          nobrace: !this._settings.braceExpansion,
          nocase: !this._settings.caseSensitiveMatch,
          noext: !this._settings.extglob,
          noglobstar: !this._settings.globstar,
          posix: !0,
          strictSlashes: !1
        };
      }
    };
    exports2.default = Provider;
  }
});

// node_modules/fast-glob/out/providers/async.js
var require_async6 = __commonJS({
  "node_modules/fast-glob/out/providers/async.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var async_1 = require_async5(), provider_1 = require_provider(), ProviderAsync = class extends provider_1.default {
      constructor() {
        super(...arguments), this._reader = new async_1.default(this._settings);
      }
      async read(task) {
        let root = this._getRootDirectory(task), options = this._getReaderOptions(task);
        return (await this.api(root, task, options)).map((entry) => options.transform(entry));
      }
      api(root, task, options) {
        return task.dynamic ? this._reader.dynamic(root, options) : this._reader.static(task.patterns, options);
      }
    };
    exports2.default = ProviderAsync;
  }
});

// node_modules/fast-glob/out/providers/stream.js
var require_stream4 = __commonJS({
  "node_modules/fast-glob/out/providers/stream.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var stream_1 = require("stream"), stream_2 = require_stream3(), provider_1 = require_provider(), ProviderStream = class extends provider_1.default {
      constructor() {
        super(...arguments), this._reader = new stream_2.default(this._settings);
      }
      read(task) {
        let root = this._getRootDirectory(task), options = this._getReaderOptions(task), source = this.api(root, task, options), destination = new stream_1.Readable({ objectMode: !0, read: () => {
        } });
        return source.once("error", (error) => destination.emit("error", error)).on("data", (entry) => destination.emit("data", options.transform(entry))).once("end", () => destination.emit("end")), destination.once("close", () => source.destroy()), destination;
      }
      api(root, task, options) {
        return task.dynamic ? this._reader.dynamic(root, options) : this._reader.static(task.patterns, options);
      }
    };
    exports2.default = ProviderStream;
  }
});

// node_modules/fast-glob/out/readers/sync.js
var require_sync5 = __commonJS({
  "node_modules/fast-glob/out/readers/sync.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var fsStat = require_out(), fsWalk = require_out3(), reader_1 = require_reader2(), ReaderSync = class extends reader_1.default {
      constructor() {
        super(...arguments), this._walkSync = fsWalk.walkSync, this._statSync = fsStat.statSync;
      }
      dynamic(root, options) {
        return this._walkSync(root, options);
      }
      static(patterns, options) {
        let entries = [];
        for (let pattern of patterns) {
          let filepath = this._getFullEntryPath(pattern), entry = this._getEntry(filepath, pattern, options);
          entry === null || !options.entryFilter(entry) || entries.push(entry);
        }
        return entries;
      }
      _getEntry(filepath, pattern, options) {
        try {
          let stats = this._getStat(filepath);
          return this._makeEntry(stats, pattern);
        } catch (error) {
          if (options.errorFilter(error))
            return null;
          throw error;
        }
      }
      _getStat(filepath) {
        return this._statSync(filepath, this._fsStatSettings);
      }
    };
    exports2.default = ReaderSync;
  }
});

// node_modules/fast-glob/out/providers/sync.js
var require_sync6 = __commonJS({
  "node_modules/fast-glob/out/providers/sync.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    var sync_1 = require_sync5(), provider_1 = require_provider(), ProviderSync = class extends provider_1.default {
      constructor() {
        super(...arguments), this._reader = new sync_1.default(this._settings);
      }
      read(task) {
        let root = this._getRootDirectory(task), options = this._getReaderOptions(task);
        return this.api(root, task, options).map(options.transform);
      }
      api(root, task, options) {
        return task.dynamic ? this._reader.dynamic(root, options) : this._reader.static(task.patterns, options);
      }
    };
    exports2.default = ProviderSync;
  }
});

// node_modules/fast-glob/out/settings.js
var require_settings4 = __commonJS({
  "node_modules/fast-glob/out/settings.js"(exports2) {
    "use strict";
    Object.defineProperty(exports2, "__esModule", { value: !0 });
    exports2.DEFAULT_FILE_SYSTEM_ADAPTER = void 0;
    var fs = require("fs"), os = require("os"), CPU_COUNT = Math.max(os.cpus().length, 1);
    exports2.DEFAULT_FILE_SYSTEM_ADAPTER = {
      lstat: fs.lstat,
      lstatSync: fs.lstatSync,
      stat: fs.stat,
      statSync: fs.statSync,
      readdir: fs.readdir,
      readdirSync: fs.readdirSync
    };
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options, this.absolute = this._getValue(this._options.absolute, !1), this.baseNameMatch = this._getValue(this._options.baseNameMatch, !1), this.braceExpansion = this._getValue(this._options.braceExpansion, !0), this.caseSensitiveMatch = this._getValue(this._options.caseSensitiveMatch, !0), this.concurrency = this._getValue(this._options.concurrency, CPU_COUNT), this.cwd = this._getValue(this._options.cwd, process.cwd()), this.deep = this._getValue(this._options.deep, 1 / 0), this.dot = this._getValue(this._options.dot, !1), this.extglob = this._getValue(this._options.extglob, !0), this.followSymbolicLinks = this._getValue(this._options.followSymbolicLinks, !0), this.fs = this._getFileSystemMethods(this._options.fs), this.globstar = this._getValue(this._options.globstar, !0), this.ignore = this._getValue(this._options.ignore, []), this.markDirectories = this._getValue(this._options.markDirectories, !1), this.objectMode = this._getValue(this._options.objectMode, !1), this.onlyDirectories = this._getValue(this._options.onlyDirectories, !1), this.onlyFiles = this._getValue(this._options.onlyFiles, !0), this.stats = this._getValue(this._options.stats, !1), this.suppressErrors = this._getValue(this._options.suppressErrors, !1), this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, !1), this.unique = this._getValue(this._options.unique, !0), this.onlyDirectories && (this.onlyFiles = !1), this.stats && (this.objectMode = !0), this.ignore = [].concat(this.ignore);
      }
      _getValue(option, value) {
        return option === void 0 ? value : option;
      }
      _getFileSystemMethods(methods = {}) {
        return Object.assign(Object.assign({}, exports2.DEFAULT_FILE_SYSTEM_ADAPTER), methods);
      }
    };
    exports2.default = Settings;
  }
});

// node_modules/fast-glob/out/index.js
var require_out4 = __commonJS({
  "node_modules/fast-glob/out/index.js"(exports2, module2) {
    "use strict";
    var taskManager = require_tasks(), async_1 = require_async6(), stream_1 = require_stream4(), sync_1 = require_sync6(), settings_1 = require_settings4(), utils = require_utils3();
    async function FastGlob(source, options) {
      assertPatternsInput(source);
      let works = getWorks(source, async_1.default, options), result = await Promise.all(works);
      return utils.array.flatten(result);
    }
    (function(FastGlob2) {
      FastGlob2.glob = FastGlob2, FastGlob2.globSync = sync, FastGlob2.globStream = stream, FastGlob2.async = FastGlob2;
      function sync(source, options) {
        assertPatternsInput(source);
        let works = getWorks(source, sync_1.default, options);
        return utils.array.flatten(works);
      }
      FastGlob2.sync = sync;
      function stream(source, options) {
        assertPatternsInput(source);
        let works = getWorks(source, stream_1.default, options);
        return utils.stream.merge(works);
      }
      FastGlob2.stream = stream;
      function generateTasks(source, options) {
        assertPatternsInput(source);
        let patterns = [].concat(source), settings = new settings_1.default(options);
        return taskManager.generate(patterns, settings);
      }
      FastGlob2.generateTasks = generateTasks;
      function isDynamicPattern(source, options) {
        assertPatternsInput(source);
        let settings = new settings_1.default(options);
        return utils.pattern.isDynamicPattern(source, settings);
      }
      FastGlob2.isDynamicPattern = isDynamicPattern;
      function escapePath(source) {
        return assertPatternsInput(source), utils.path.escape(source);
      }
      FastGlob2.escapePath = escapePath;
      function convertPathToPattern(source) {
        return assertPatternsInput(source), utils.path.convertPathToPattern(source);
      }
      FastGlob2.convertPathToPattern = convertPathToPattern;
      let posix;
      (function(posix2) {
        function escapePath2(source) {
          return assertPatternsInput(source), utils.path.escapePosixPath(source);
        }
        posix2.escapePath = escapePath2;
        function convertPathToPattern2(source) {
          return assertPatternsInput(source), utils.path.convertPosixPathToPattern(source);
        }
        posix2.convertPathToPattern = convertPathToPattern2;
      })(posix = FastGlob2.posix || (FastGlob2.posix = {}));
      let win32;
      (function(win322) {
        function escapePath2(source) {
          return assertPatternsInput(source), utils.path.escapeWindowsPath(source);
        }
        win322.escapePath = escapePath2;
        function convertPathToPattern2(source) {
          return assertPatternsInput(source), utils.path.convertWindowsPathToPattern(source);
        }
        win322.convertPathToPattern = convertPathToPattern2;
      })(win32 = FastGlob2.win32 || (FastGlob2.win32 = {}));
    })(FastGlob || (FastGlob = {}));
    function getWorks(source, _Provider, options) {
      let patterns = [].concat(source), settings = new settings_1.default(options), tasks = taskManager.generate(patterns, settings), provider = new _Provider(settings);
      return tasks.map(provider.read, provider);
    }
    function assertPatternsInput(input) {
      if (![].concat(input).every((item) => utils.string.isString(item) && !utils.string.isEmpty(item)))
        throw new TypeError("Patterns must be a string (non empty) or an array of strings");
    }
    module2.exports = FastGlob;
  }
});

// src/io/expand-paths.ts
async function expandPaths(args, cwd, options = {}) {
  let out = options.outDir === void 0 ? void 0 : outDirOf(options.outDir, cwd), literal = [], expanded = [], errors = [];
  for (let arg of args) {
    if (arg === "") throw new UsageError("an empty string is not a file, directory or pattern");
    let st;
    try {
      st = (0, import_node_fs7.statSync)((0, import_node_path5.resolve)(cwd, arg));
    } catch (err) {
      let code = errnoCode(err);
      if (code !== "ENOENT" && code !== "ENOTDIR") {
        errors.push(ioDiagnostic(arg, describeFsError(err)));
        continue;
      }
    }
    if (st && out?.holds(realPathOf((0, import_node_path5.resolve)(cwd, arg))))
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
          let matched = await globFiles(fg, arg, cwd), found = out ? matched.filter((f) => !out.holds(realPathOf((0, import_node_path5.resolve)(cwd, f)))) : matched;
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
  let fg = await loadFastGlob(), root = (0, import_node_path5.resolve)(cwd, dir), real;
  try {
    real = import_node_fs7.realpathSync.native(root);
  } catch {
  }
  let outBelow = out && real !== void 0 ? (0, import_node_path5.relative)(real, out.real) : void 0, ignore = outBelow !== void 0 && outBelow !== "" && !outBelow.startsWith("..") && !outBelow.startsWith(import_node_path5.sep) ? [...IGNORE, `${fg.escapePath(outBelow.split(import_node_path5.sep).join("/"))}/**`] : IGNORE, found = await fg(YAML_IN_DIR, {
    cwd: root,
    dot: !0,
    ignore,
    followSymbolicLinks: !1,
    onlyFiles: !0
  });
  return sorted(found.filter((f) => !isTempFileName(f))).map((f) => ({
    file: (0, import_node_path5.join)(dir, f),
    ...real === void 0 ? {} : { real: (0, import_node_path5.join)(real, f) }
  }));
}
async function globFiles(fg, pattern, cwd) {
  let found = await fg(pattern, { cwd, dot: !1, ignore: IGNORE, followSymbolicLinks: !1, onlyFiles: !0 });
  return sorted(found.filter((f) => !isTempFileName(f)));
}
function outDirOf(name, cwd) {
  let real = realPathOf((0, import_node_path5.resolve)(cwd, name));
  return { name, real, holds: (path) => path === real || path.startsWith(real.endsWith(import_node_path5.sep) ? real : real + import_node_path5.sep) };
}
function realPathOf(abs) {
  try {
    return import_node_fs7.realpathSync.native(abs);
  } catch {
    let parent = (0, import_node_path5.dirname)(abs);
    return parent === abs ? abs : (0, import_node_path5.join)(realPathOf(parent), (0, import_node_path5.basename)(abs));
  }
}
function dedupe(listed, cwd) {
  let keys = listed.map(({ file, real }) => {
    if (real !== void 0) return real;
    let abs = (0, import_node_path5.resolve)(cwd, file);
    try {
      return import_node_fs7.realpathSync.native(abs);
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
  return fastGlob ??= (await Promise.resolve().then(() => __toESM(require_out4(), 1))).default, fastGlob;
}
var import_node_fs7, import_node_path5, IGNORE, YAML_IN_DIR, fastGlob, init_expand_paths = __esm({
  "src/io/expand-paths.ts"() {
    "use strict";
    import_node_fs7 = require("node:fs"), import_node_path5 = require("node:path");
    init_errors();
    init_io_diagnostic();
    init_temp_file_name();
    IGNORE = ["**/.git/**", "**/node_modules/**"], YAML_IN_DIR = "**/*.{yaml,yml}";
  }
});

// src/io/resolve-write-target.ts
function resolveWriteTarget(file) {
  let path = (0, import_node_path6.resolve)(file);
  for (let hop = 0; hop < MAX_LINK_HOPS; hop++) {
    try {
      return import_node_fs8.realpathSync.native(path);
    } catch (err) {
      if (errnoCode(err) !== "ENOENT") throw err;
    }
    let link;
    try {
      link = (0, import_node_fs8.readlinkSync)(path);
    } catch (err) {
      let code = errnoCode(err);
      if (code === "ENOENT" || code === "EINVAL") return (0, import_node_path6.join)(import_node_fs8.realpathSync.native((0, import_node_path6.dirname)(path)), (0, import_node_path6.basename)(path));
      throw err;
    }
    path = (0, import_node_path6.resolve)((0, import_node_path6.dirname)(path), link);
  }
  throw Object.assign(new Error(`too many levels of symbolic links: ${file}`), { code: "ELOOP" });
}
var import_node_fs8, import_node_path6, MAX_LINK_HOPS, init_resolve_write_target = __esm({
  "src/io/resolve-write-target.ts"() {
    "use strict";
    import_node_fs8 = require("node:fs"), import_node_path6 = require("node:path");
    init_io_diagnostic();
    MAX_LINK_HOPS = 40;
  }
});

// src/io/atomic-write.ts
async function stageFileAtomic(file, text2, opts = {}) {
  let tmp, fd, target;
  try {
    let where = writeTarget(file);
    target = where.target;
    let old = where.old;
    if (old?.isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
    if (old && !old.isFile()) throw new Error("is not a regular file");
    old && assertWritable(target, old);
    let mode = opts.mode ?? (old ? old.mode & 4095 : void 0), name = (0, import_node_path7.join)((0, import_node_path7.dirname)(target), tempFileName((0, import_node_path7.basename)(target)));
    fd = (0, import_node_fs9.openSync)(name, "wx", mode ?? 438), tmp = name, tempFileCreated(name), mode !== void 0 && (0, import_node_fs9.fchmodSync)(fd, mode), old && keepOwner(fd, old);
    let hook = writeFaults.beforeWrite?.(tmp, target);
    hook && await hook, (0, import_node_fs9.writeFileSync)(fd, text2, "utf8"), await fsyncInPool(fd);
    let closing = fd;
    fd = void 0, (0, import_node_fs9.closeSync)(closing);
  } catch (err) {
    throw fd !== void 0 && quietly(() => (0, import_node_fs9.closeSync)(fd)), tmp !== void 0 && removeTemp(tmp), new Error(`cannot write ${file}: ${describeFsError(err)}`, { cause: err });
  }
  let temp = tmp, dest = target, expect = opts.expect, done = !1, drifted = () => expect === void 0 ? void 0 : drift(dest, expect);
  return {
    file,
    target: dest,
    drift: drifted,
    async commit({ syncDir: sync = !0 } = {}) {
      if (done) throw new Error(`cannot write ${file}: already committed or aborted`);
      done = !0;
      try {
        let hook = writeFaults.beforeRename?.(temp, dest);
        hook && await hook;
        let how = drifted();
        if (how !== void 0) throw new DriftError(how);
        (0, import_node_fs9.renameSync)(temp, dest), tempFileGone(temp);
      } catch (err) {
        throw removeTemp(temp), new Error(`cannot write ${file}: ${describeFsError(err)}`, { cause: err });
      }
      if (sync)
        try {
          await syncDir((0, import_node_path7.dirname)(dest));
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
  quietly(() => (0, import_node_fs9.unlinkSync)(path)), tempFileGone(path);
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
    names = (await import_node_fs9.promises.readdir(dir, { withFileTypes: !0 })).filter((e) => e.isFile()).map((e) => e.name);
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
        await import_node_fs9.promises.unlink((0, import_node_path7.join)(dir, name)), removed++;
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
  ids().uid !== 0 && (0, import_node_fs9.accessSync)(target, import_node_fs9.constants.W_OK);
}
function writeTarget(file) {
  let abs = (0, import_node_path7.resolve)(file), st;
  try {
    st = (0, import_node_fs9.lstatSync)(abs);
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
    return (0, import_node_fs9.statSync)(path);
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return;
    throw err;
  }
}
function keepOwner(fd, old) {
  let { uid, gid } = ids();
  uid === old.uid && gid === old.gid || quietly(() => (0, import_node_fs9.fchownSync)(fd, old.uid, old.gid));
}
async function syncDir(dir) {
  let fh;
  try {
    fh = await import_node_fs9.promises.open(dir, "r"), await fh.sync();
  } catch (err) {
    if (!DIR_SYNC_IGNORED.has(errnoCode(err) ?? "")) throw err;
  } finally {
    await fh?.close().catch(() => {
    });
  }
}
var import_node_fs9, import_node_path7, DIR_SYNC_IGNORED, writeFaults, fsyncInPool, processIds, ids, init_atomic_write = __esm({
  "src/io/atomic-write.ts"() {
    "use strict";
    import_node_fs9 = require("node:fs"), import_node_path7 = require("node:path");
    init_fingerprint();
    init_io_diagnostic();
    init_live_temp_files();
    init_resolve_write_target();
    init_temp_file_name();
    init_temp_file_name();
    DIR_SYNC_IGNORED = /* @__PURE__ */ new Set(["EINVAL", "EISDIR", "EPERM", "EACCES", "ENOTSUP", "EBADF"]), writeFaults = {};
    fsyncInPool = (fd) => new Promise((done, fail) => (0, import_node_fs9.fsync)(fd, (err) => err ? fail(err) : done()));
    ids = () => processIds ??= { uid: process.getuid?.(), gid: process.getgid?.() };
  }
});

// src/io/index.ts
var init_io = __esm({
  "src/io/index.ts"() {
    "use strict";
    init_expand_paths();
    init_read_input();
    init_atomic_write();
    init_fingerprint();
    init_live_temp_files();
    init_resolve_write_target();
    init_decode_input();
    init_io_diagnostic();
  }
});

// src/cli/stdin-hint.ts
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

// src/cli/run-audit.ts
var run_audit_exports = {};
__export(run_audit_exports, {
  runAudit: () => runAudit
});
async function runAudit(args, io) {
  let stdin = args.paths.length === 0 || args.paths.length === 1 && args.paths[0] === "-";
  if (!stdin && args.paths.includes("-")) throw new UsageError('"-" (standard input) cannot be mixed with file paths');
  let maxBytes = args.maxBytes ?? DEFAULT_MAX_BYTES, inputs = [], readErrors = [];
  if (stdin) {
    hintStdin(io, !1);
    let read = await readStdin(io.stdin, maxBytes);
    "error" in read ? readErrors.push(read.error) : inputs.push({ path: STDIN_NAME, text: read.text });
  } else {
    let { files: files2, errors } = await expandPaths(args.paths, io.cwd);
    readErrors.push(...errors);
    for (let file of files2) {
      let read = readInput((0, import_node_path8.resolve)(io.cwd, file), { maxBytes });
      "error" in read ? readErrors.push({ ...read.error, file }) : inputs.push({ path: file, text: read.text });
    }
  }
  let options = { grpcAuthority: args.grpcAuthority };
  args.endpoint !== void 0 && (options.endpoint = args.endpoint), args.secretName !== void 0 && (options.secretName = args.secretName), args.mountPath !== void 0 && (options.mountPath = args.mountPath.replace(/\/+$/, "") || "/");
  let report2 = audit(inputs, options);
  report2.errors.unshift(...readErrors), readErrors.length > 0 && (report2.ready = !1);
  for (let e of report2.errors) io.stderr.write(formatDiagnostic(e) + `
`);
  return io.stdout.write(args.format === "json" ? renderAuditJson(report2) : renderAuditText(report2)), report2.errors.length > 0 ? 2 : report2.ready ? 0 : 1;
}
var import_node_path8, init_run_audit = __esm({
  "src/cli/run-audit.ts"() {
    "use strict";
    import_node_path8 = require("node:path");
    init_errors();
    init_audit();
    init_render();
    init_io();
    init_stdin_hint();
  }
});

// src/mtls/revert/context.ts
function ownsComments(ectx, pair, list) {
  let keyCol = columnOf(ectx.src, pair.key.range[0]), last = list.items[list.items.length - 1], lastNode = (0, import_yaml30.isMap)(list) ? last.value ?? last.key : last, end = endOfBlock(ectx.src, lastNode, Number.MAX_SAFE_INTEGER), next = ectx.src.slice(end, ectx.src.indexOf(`
`, end) < 0 ? ectx.src.length : ectx.src.indexOf(`
`, end)), m = /^( *)#/.exec(next);
  return m !== null && m[1].length > keyCol;
}
function removeListItems(rctx, res, owner, ownerPtr, ownerDisplay, key, indexes, reason, role, label = (item) => ({ name: stringAt(item, "name") ?? "?" })) {
  if (indexes.length === 0) return;
  let pair = pairOf(owner, key), list = pair.value, roleOf = (i) => typeof role == "function" ? role(list.items[i]) : role, ectx = editContext(rctx, res), ptr = [...ownerPtr, key], before = (i) => list.items[i]?.toJSON?.() ?? null, all = indexes.length === list.items.length;
  if (list.flow) {
    let keep = list.items.map((_, i) => i).filter((i) => !indexes.includes(i)), splice = keepFlowItems(ectx, list, keep);
    indexes.forEach(
      (i, n) => plan(rctx, {
        resource: res.ref,
        op: "remove",
        ptr: [...ptr, i],
        display: [...ownerDisplay, key, label(list.items[i])],
        before: before(i),
        role: roleOf(i),
        reason,
        splices: n === 0 ? [splice] : []
      })
    );
    return;
  }
  if (all && !ownsComments(ectx, pair, list)) {
    rctx.removals.push(pairLines(ectx, owner, pair)), plan(rctx, {
      resource: res.ref,
      op: "remove",
      ptr,
      display: [...ownerDisplay, key],
      before: list.toJSON(),
      role: roleOf(indexes[0]),
      reason: `${reason} (the migration created ${key})`,
      splices: []
    });
    return;
  }
  for (let i of indexes)
    rctx.removals.push(itemLines(ectx, list, i)), all || plan(rctx, {
      resource: res.ref,
      op: "remove",
      ptr: [...ptr, i],
      display: [...ownerDisplay, key, label(list.items[i])],
      before: before(i),
      role: roleOf(i),
      reason,
      splices: []
    });
  all && plan(rctx, {
    resource: res.ref,
    op: "set",
    ptr,
    display: [...ownerDisplay, key],
    before: list.toJSON(),
    after: null,
    role: roleOf(indexes[0]),
    reason,
    splices: []
  });
}
function removeMapKeys(rctx, res, owner, ownerPtr, key, keys, reason, role) {
  if (keys.length === 0) return;
  let roleOf = (k) => typeof role == "function" ? role(k) : role, pair = pairOf(owner, key), inner = pair.value, ectx = editContext(rctx, res), ptr = [...ownerPtr, key], all = keys.length === inner.items.length;
  if (all && !ownsComments(ectx, pair, inner)) {
    rctx.removals.push(pairLines(ectx, owner, pair)), plan(rctx, {
      resource: res.ref,
      op: "remove",
      ptr,
      display: ptr,
      before: inner.toJSON(),
      role: roleOf(keys[0]),
      reason: `${reason} (the migration created ${key})`,
      splices: []
    });
    return;
  }
  for (let k of keys)
    rctx.removals.push(pairLines(ectx, inner, pairOf(inner, k))), all || plan(rctx, {
      resource: res.ref,
      op: "remove",
      ptr: [...ptr, k],
      display: [...ptr, k],
      before: inner.get(k, !0)?.toJSON?.() ?? null,
      role: roleOf(k),
      reason,
      splices: []
    });
  all && plan(rctx, {
    resource: res.ref,
    op: "set",
    ptr,
    display: ptr,
    before: inner.toJSON(),
    after: null,
    role: roleOf(keys[0]),
    reason,
    splices: []
  });
}
function revertConfigMapKey(rctx, name, namespace, key, value) {
  let cm = rctx.resources.find(
    (r) => r.ref.kind === "ConfigMap" && r.ref.name === name && (namespace === void 0 || r.ref.namespace === void 0 || r.ref.namespace === namespace)
  );
  if (!cm) return "absent";
  let node = lookup(cm.doc.contents, ["data", key]);
  return (0, import_yaml30.isScalar)(node) ? (node.value !== value && plan(rctx, {
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
var import_yaml30, isOurMode, init_context2 = __esm({
  "src/mtls/revert/context.ts"() {
    "use strict";
    import_yaml30 = __toESM(require_dist(), 1);
    init_edit_pairs();
    init_edit();
    init_lookup();
    init_source();
    init_context();
    isOurMode = (text2) => /^(256 # 0400|288 # 0440)$/.test(text2.trim());
  }
});

// src/mtls/revert/revert-k8s.ts
function revertDelegate(rctx, res) {
  let pod = lookup(res.doc.contents, res.podPath), { container } = locateContainer(rctx, res.podPath, pod, res.container);
  revertEnv(rctx, res, container);
  let env2 = container.node.get("env", !0), owned = (0, import_yaml31.isSeq)(env2) ? env2.items.flatMap((item, i) => OWNED_ENV.includes(stringAt(item, "name") ?? "") ? [i] : []) : [];
  removeListItems(
    rctx,
    res,
    container.node,
    container.ptr,
    container.display,
    "env",
    owned,
    `${REASON}: only an mTLS delegate needs it`,
    (item) => envRoleOf(stringAt(item, "name") ?? "") ?? "flag"
  ), revertPod(rctx, res, pod, res.podPath, container);
}
function revertEnv(rctx, res, container) {
  let ectx = editContext(rctx, res), env2 = container.node.get("env", !0), envFrom = container.node.get("envFrom", !0), configMaps = (0, import_yaml31.isSeq)(envFrom) ? envFrom.items.map((i) => stringAt(lookup(i, ["configMapRef"]), "name")).filter((n) => n !== void 0) : [];
  for (let [name, value] of endpointEnv(rctx.url)) {
    let found = findItem(env2, "name", name);
    if (found) {
      let node = found.node.get("value", !0), ref = lookup(found.node, ["valueFrom", "configMapKeyRef"]);
      if ((0, import_yaml31.isScalar)(node))
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
    name === MANAGER_ENV && !outcomes.includes("set") && outcomes.includes("absent") && report(
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
    `${REASON}: the client certificate mount`,
    "mount"
  );
  let volumes = pod.get("volumes", !0), volume = findItem(volumes, "name", VOLUME_NAME);
  if (!volume) return;
  let secretName = stringAt(lookup(volume.node, ["secret"]), "secretName");
  if (!["containers", "initContainers"].some((key) => {
    let list = pod.get(key, !0);
    return (0, import_yaml31.isSeq)(list) && list.items.some(
      (c) => c !== container.node && findItem((0, import_yaml31.isMap)(c) ? c.get("volumeMounts", !0) : void 0, "name", VOLUME_NAME)
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
  let secret = lookup(volume.node, ["secret"]), modePair = (0, import_yaml31.isMap)(secret) ? pairOf(secret, "defaultMode") : void 0;
  if (modePair && (0, import_yaml31.isMap)(secret)) {
    let ectx = editContext(rctx, res), [s, e] = pairLines(ectx, secret, modePair), text2 = ectx.src.slice(s, e).replace(/^\s*defaultMode:\s*/, "");
    isOurMode(text2) && (rctx.removals.push([s, e]), plan(rctx, {
      resource: res.ref,
      op: "remove",
      ptr: [...podPath, "volumes", volume.index, "secret", "defaultMode"],
      display: [...podPath, "volumes", { name: VOLUME_NAME }, "secret", "defaultMode"],
      before: modePair.value.value,
      role: "file-mode",
      reason: `${REASON}: the file mode it set`,
      splices: []
    }));
  }
}
function revertUpgraderCronJob(rctx, res) {
  let pod = lookup(res.doc.contents, res.podPath), { container } = locateContainer(rctx, res.podPath, pod, res.container);
  revertPod(rctx, res, pod, res.podPath, container);
}
function revertUpgraderConfig(rctx, res) {
  let node = res.config, text2 = node.value, doc = (0, import_yaml31.parseDocument)(text2, K8S_PARSE), root = doc.contents;
  if (doc.errors.length > 0 || !(0, import_yaml31.isMap)(root)) return;
  let ictx = { src: text2, eol: `
`, unit: indentUnit(text2, root) }, first = rctx.edits.length, inner = [], delegateConfig = root.get("delegateConfig", !0), host = (0, import_yaml31.isMap)(delegateConfig) ? delegateConfig.get(UPGRADER_HOST_KEY, !0) : root.get(UPGRADER_HOST_KEY, !0), hostPath = (0, import_yaml31.isMap)(delegateConfig) ? ["delegateConfig", UPGRADER_HOST_KEY] : [UPGRADER_HOST_KEY];
  (0, import_yaml31.isScalar)(host) && host.value !== rctx.url && (inner.push(setScalar(ictx, host, rctx.url)), plan(rctx, {
    resource: res.ref,
    op: "set",
    ptr: CONFIG_PTR2,
    display: [...CONFIG_PTR2, ...hostPath],
    before: host.value,
    after: rctx.url,
    role: "endpoint",
    reason: `${REASON}: the upgrader's original endpoint`,
    splices: [],
    inner: hostPath
  }));
  let ranges = [];
  for (let { key, role } of UPGRADER_CERT_FIELDS) {
    let pair = pairOf(root, key);
    pair && (ranges.push(pairLines(ictx, root, pair)), plan(rctx, {
      resource: res.ref,
      op: "remove",
      ptr: CONFIG_PTR2,
      display: [...CONFIG_PTR2, key],
      before: pair.value?.value ?? null,
      role,
      reason: `${REASON}: only an mTLS upgrader reads it`,
      splices: [],
      inner: [key]
    }));
  }
  inner.push(...lineRemovals(ictx, ranges)), rctx.edits.length > first && rctx.edits[first].splices.push(...embeddedSplices(rctx.src, rctx.eol, node, inner));
}
function revertSecrets(rctx) {
  for (let res of rctx.resources) {
    if (res.ref.kind !== "Secret") continue;
    let root = res.doc.contents;
    if (!(0, import_yaml31.isMap)(root) || !rctx.removedSecrets.some(
      (s) => s.name === res.ref.name && (s.namespace === void 0 || res.ref.namespace === void 0 || s.namespace === res.ref.namespace)
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
  if (!(0, import_yaml31.isMap)(meta) || !meta.items.every((p) => ["name", "namespace", "creationTimestamp"].includes(String(p.key.value))))
    return !1;
  let type = stringAt(root, "type");
  return type !== void 0 && type !== "Opaque" ? !1 : [root.get("data", !0), root.get("stringData", !0)].filter(import_yaml31.isMap).flatMap((d) => d.items.map((p) => String(p.key.value))).sort().join(",") === "client.crt,client.key";
}
var import_yaml31, REASON, CONFIG_PTR2, init_revert_k8s = __esm({
  "src/mtls/revert/revert-k8s.ts"() {
    "use strict";
    import_yaml31 = __toESM(require_dist(), 1);
    init_edit();
    init_embedded();
    init_edit_pairs();
    init_layout();
    init_lookup();
    init_parse();
    init_context();
    init_plan_delegate();
    init_wanted_state();
    init_context2();
    REASON = "undo the migration";
    CONFIG_PTR2 = ["data", "config.yaml"];
  }
});

// src/mtls/revert/revert-shapes.ts
function revertHelmValues(rctx, res) {
  checkHost2(rctx, res, !0) && inValues(
    rctx,
    res,
    revertValues,
    () => ({ removals: [] }),
    (inner) => lineRemovals(editContext(inner, { ...res, doc: res.text.doc }), inner.removals)
  );
}
function revertValues(rctx, res, root) {
  let ectx = editContext(rctx, res), endpointPair = pairOf(root, "managerEndpoint");
  endpointPair && (0, import_yaml32.isScalar)(endpointPair.value) && endpointPair.value.value !== rctx.url && plan(rctx, {
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
  if (mtlsPair && (0, import_yaml32.isMap)(mtls)) {
    let namePair = pairOf(mtls, "secretName"), value = namePair && (0, import_yaml32.isScalar)(namePair.value) ? namePair.value.value : void 0, at = root.items.indexOf(mtlsPair);
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
  if (!(0, import_yaml32.isSeq)(envs)) return;
  for (let [name, value] of endpointEnv(rctx.url)) {
    let found = findItem(envs, "name", name), node = found?.node.get("value", !0);
    found && (0, import_yaml32.isScalar)(node) && node.value !== value && plan(rctx, {
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
    let svcPtr = ["services", d.service], envPtr = [...svcPtr, "environment"], envNode = d.node.get("environment", !0), { form, entries } = composeEnv(d.node);
    for (let [name, value] of endpointEnv(rctx.url)) {
      let entry = entries.find((e) => e.name === name);
      if (!(!entry || entry.value === value)) {
        if (entry.value === void 0 || /\$\{?[A-Za-z_]/.test(entry.value)) {
          name === MANAGER_ENV && report(
            rctx,
            "warning",
            "NOT_CHANGED",
            `service ${d.service}: ${name} comes from the host environment or a variable: set it back to "${value}" there`,
            entry.node
          );
          continue;
        }
        if (form === "list") {
          let text2 = `${name}=${value}`;
          plan(rctx, {
            resource: res.ref,
            op: "set",
            ptr: [...envPtr, entry.index],
            display: [...envPtr, { name }],
            before: `${name}=${entry.value}`,
            after: text2,
            role: "endpoint",
            reason: `${REASON2}: the original endpoint`,
            splices: [setScalar(ectx, entry.node, text2)]
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
    let certPath = entries.find((e) => certEnvNames("certificate").includes(e.name))?.value ?? `/etc/mtls/${CERT_FILE}`, keyPath = entries.find((e) => certEnvNames("key").includes(e.name))?.value ?? `/etc/mtls/${KEY_FILE}`, owned = entries.filter((e) => OWNED_ENV.includes(e.name));
    form === "list" ? removeListItems(
      rctx,
      res,
      d.node,
      svcPtr,
      svcPtr,
      "environment",
      owned.map((e) => e.index),
      `${REASON2}: only an mTLS delegate needs it`,
      (item) => envRole(String(item.value).split("=")[0]),
      (item) => ({ name: String(item.value).split("=")[0] })
    ) : form === "map" && (0, import_yaml32.isMap)(envNode) && removeMapKeys(
      rctx,
      res,
      d.node,
      svcPtr,
      "environment",
      owned.map((e) => e.name),
      `${REASON2}: only an mTLS delegate needs it`,
      envRole
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
      (item) => (0, import_yaml32.isScalar)(item) ? String(item.value) : stringAt(item, "target") ?? "?"
    );
  }
}
var import_yaml32, REASON2, envRole, init_revert_shapes = __esm({
  "src/mtls/revert/revert-shapes.ts"() {
    "use strict";
    import_yaml32 = __toESM(require_dist(), 1);
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
    REASON2 = "undo the migration", envRole = (name) => envRoleOf(name ?? "") ?? "flag";
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
var init_plan_revert = __esm({
  "src/mtls/revert/plan-revert.ts"() {
    "use strict";
    init_classify();
    init_edit_pairs();
    init_wanted_state();
    init_revert_k8s();
    init_revert_shapes();
  }
});

// src/pipeline/revert.ts
function normalizeRevertEndpoint(input) {
  return parseUrlOption(input, "--revert --endpoint", FORM3, { schemes: ["https:", "http:"], schemesText: "http(s)" }), input.trim().replace(/\/+$/, "");
}
function revert(text2, options, hooks = {}) {
  let file = options.file ?? "<input>", url = normalizeRevertEndpoint(options.endpoint), source = readSource(text2), fail = (diagnostics) => ({
    status: "error",
    output: text2,
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
  return applyPlan(text2, source, file, plan2, { unchanged: "none", guard: (body) => checkOutput(source.text, docs, body, plan2.edits), what: "the reverted result", hooks });
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
    FORM3 = "the delegate's non-mTLS endpoint URL, e.g. https://app.harness.io or https://harness.example.com/gratis";
  }
});

// src/cli/report.ts
function fileLine(r, planned, paint = plain, verb = "migrate") {
  let label = (verb === "revert" ? REVERT_LABEL : LABEL2)[r.status][planned ? 1 : 0], color = r.status === "migrated" && planned ? "yellow" : COLOR[r.status], detail = r.status === "migrated" ? ` (${r.changes.length} change${r.changes.length === 1 ? "" : "s"})` : r.status === "error" ? `: ${r.errors[0]?.message ?? "failed"}` : "", unresolved = r.unresolved ? " \u2014 a value outside this file must be changed too" : "";
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
        let text2 = `delegate-mtls: ${this.label} [${"#".repeat(cells)}${"-".repeat(BAR - cells)}] ${this.count}/${this.total} files`, pad2 = this.drawn.length > text2.length ? " ".repeat(this.drawn.length - text2.length) : "";
        this.drawn = text2;
        let [head, rest] = [text2.slice(0, text2.indexOf("[")), text2.slice(text2.indexOf("["))];
        this.io.stderr.write("\r" + head + this.paint.cyan(rest) + pad2);
      }
    }, BAR = 30;
  }
});

// src/cli/unified-diff.ts
function commonLines2(a, b) {
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
  let a = splitLines2(before), b = splitLines2(after), ops = [], ai = 0, bi = 0;
  for (let [x, y] of [...commonLines2(a, b), [a.length, b.length]]) {
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
var splitLines2, init_unified_diff = __esm({
  "src/cli/unified-diff.ts"() {
    "use strict";
    splitLines2 = (s) => s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  }
});

// src/cli/key-files.ts
function mayHoldSecretData(text2) {
  for (let name of SECRET_KEY_NAMES)
    for (let at = text2.indexOf(name); at !== -1; at = text2.indexOf(name, at + 1)) {
      let i = at + name.length;
      for ((text2[i] === '"' || text2[i] === "'") && i++; text2[i] === " " || text2[i] === "	"; ) i++;
      if (text2[i] === ":") return !0;
    }
  for (let start = 0; start + BASE64_RUN2 <= text2.length; ) {
    let i = start + BASE64_RUN2 - 1;
    for (; i >= start && isBase64(text2.charCodeAt(i)); ) i--;
    if (i < start) return !0;
    start = i + 1;
  }
  return !1;
}
async function warnIfInGitTree(abs, shown, io) {
  for (let dir = (0, import_node_path9.dirname)(abs); ; dir = (0, import_node_path9.dirname)(dir)) {
    if (await import_node_fs10.promises.stat((0, import_node_path9.join)(dir, ".git")).then(
      () => !0,
      () => !1
    )) {
      io.stderr.write(
        `${shown}: warning: this file now holds a private key and is inside a git work tree (${dir}); do not commit it \u2014 in GitOps repos use Sealed Secrets or External Secrets for the client certificate Secret
`
      );
      return;
    }
    if ((0, import_node_path9.dirname)(dir) === dir) return;
  }
}
var import_node_fs10, import_node_path9, holdsKey, textHoldsKey, PEM_KEY, isBase64, SECRET_KEY_NAMES, BASE64_RUN2, init_key_files = __esm({
  "src/cli/key-files.ts"() {
    "use strict";
    import_node_fs10 = require("node:fs"), import_node_path9 = require("node:path");
    init_render_secret();
    holdsKey = (r, output) => r.changes.some((c) => c.resource.kind === "Secret" && (c.op === "insert" || /^data\./.test(c.path))) || output !== void 0 && textHoldsKey(output), textHoldsKey = (text2) => PEM_KEY.test(text2) || mayHoldSecretData(text2) && redactSecretData(text2) !== text2, PEM_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
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
function planText(name, text2, settings) {
  let r = settings.command.kind === "migrate" ? migrate(text2, { ...settings.command.options, file: name }, { verify: settings.verify }) : revert(text2, { endpoint: settings.command.endpoint, file: name }), errors = r.diagnostics.filter((d) => d.severity === "error"), warnings = r.diagnostics.filter((d) => d.severity === "warning"), keep = settings.keepText, changed = r.output !== text2, result = {
    path: name,
    status: statusOf(r.status),
    unresolved: r.unresolved,
    written: !1,
    changes: r.changes,
    warnings,
    errors
  }, decide = result.status !== "error" && (settings.keyFiles === "all" || settings.keyFiles === "changed" && changed);
  return {
    input: keep && settings.keepInput !== !1 ? text2 : "",
    output: keep ? r.output : "",
    changed,
    keyFile: decide && holdsKey(result, r.output),
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
async function planInWorkers(jobs, settings, onPlanned) {
  let [{ Worker }, { availableParallelism }] = await Promise.all([Promise.resolve().then(() => __toESM(require("node:worker_threads"), 1)), Promise.resolve().then(() => __toESM(require("node:os"), 1))]), fromSource = __dmtls_meta.url.endsWith(".ts"), url = new URL(__dmtls_meta.url), threads = Math.max(1, Math.min(availableParallelism(), MAX_THREADS, Math.ceil(jobs.length / FILES_PER_THREAD))), next = new SharedArrayBuffer(4), counter = new Int32Array(next), results = new Array(jobs.length), done = (i, planned) => {
    results[i] = planned, onPlanned(i, planned);
  }, input = { jobs, settings, next }, started = [], workers = Array.from({ length: threads - 1 }, () => new Promise((resolve12, reject) => {
    let worker = new Worker(url, {
      argv: [PLAN_WORKER_ARG],
      workerData: { [WORKER_TAG]: !0, ...input },
      execArgv: fromSource ? ["--import", "tsx"] : []
    });
    started.push(worker), worker.on("message", (msg) => done(msg.i, msg.planned)), worker.on("error", reject), worker.on(
      "exit",
      (code) => code === 0 ? resolve12() : reject(new Error(`a planning worker exited with code ${code}`))
    );
  })), here = (async () => {
    for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1))
      done(i, planFileSync(jobs[i].file, jobs[i].abs, settings)), await new Promise((turn) => setImmediate(turn));
  })();
  try {
    await Promise.all([here, ...workers]);
  } catch (err) {
    throw Atomics.store(counter, 0, jobs.length), await Promise.allSettled([here, ...started.map((w) => w.terminate())]), err;
  }
  for (let i = 0; i < jobs.length; i++)
    if (results[i] === void 0) throw new Error(`no plan came back for ${jobs[i].file}`);
  return results;
}
var readError, WORKER_TAG, PARALLEL_THRESHOLD, MAX_THREADS, FILES_PER_THREAD, init_plan_files = __esm({
  "src/cli/plan-files.ts"() {
    "use strict";
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
    WORKER_TAG = "delegateMtlsPlanWorker", PARALLEL_THRESHOLD = 200, MAX_THREADS = 4, FILES_PER_THREAD = 100;
    process.argv.includes(PLAN_WORKER_ARG) && Promise.resolve().then(() => __toESM(require("node:worker_threads"), 1)).then(async ({ isMainThread, parentPort, workerData }) => {
      if (isMainThread || !workerData?.[WORKER_TAG]) return;
      let { jobs, settings, next } = workerData;
      settings.fingerprint && await loadFingerprints();
      let counter = new Int32Array(next);
      for (let i = Atomics.add(counter, 0, 1); i < jobs.length; i = Atomics.add(counter, 0, 1))
        parentPort.postMessage({ i, planned: planFileSync(jobs[i].file, jobs[i].abs, settings) });
    });
  }
});

// src/cli/short-run.ts
function shortRunBytes(paths) {
  if (paths.length > SHORT_RUN_FILES) return;
  let total = 0;
  for (let path of paths) {
    let st = (0, import_node_fs11.statSync)(path, { throwIfNoEntry: !1 });
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
var import_node_fs11, SHORT_RUN_BYTES, SHORT_RUN_FILES, USER_COMPILER_FLAG, shortRun, init_short_run = __esm({
  "src/cli/short-run.ts"() {
    "use strict";
    import_node_fs11 = require("node:fs"), SHORT_RUN_BYTES = 128 * 1024, SHORT_RUN_FILES = 32;
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
  let command2 = args.revert ? { kind: "revert", endpoint: normalizeRevertEndpoint(args.endpoint) } : { kind: "migrate", options: resolveOptions(opts) }, pems = await loadCertificate(args, io, args.quiet);
  if (pems === !1) return 2;
  pems && command2.kind === "migrate" && (command2.options.secret = pems);
  let maxBytes = args.maxBytes ?? DEFAULT_MAX_BYTES, planSettings = (mode2) => {
    let reporting = mode2 === "check" || mode2 === "list", keyFiles = mode2 === "write" ? "changed" : mode2 === "out-dir" ? "all" : void 0;
    return {
      command: command2,
      maxBytes,
      verify: !reporting,
      keepText: !reporting,
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
    let { files: files2, errors } = await expandPaths(
      args.paths,
      io.cwd,
      args.outDir === void 0 ? {} : { outDir: args.outDir }
    );
    mode = modeOf(args, files2.length + errors.length, !1);
    for (let e of errors) planned.push(readError(e.file ?? args.paths.join(" "), e));
    let progress = Progress.create(io, {
      quiet: args.quiet,
      total: files2.length,
      label: mode === "check" || mode === "list" ? "checking" : "planning"
    }), settings = planSettings(mode);
    (mode === "write" || mode === "out-dir") && await loadFingerprints(), mode === "write" && (staging = new Staging(args.keepGoing, !1), errors.length > 0 && staging.planFailed());
    let first = planned.length, onPlanned = (i, p) => {
      staging?.offer(first + i, p), progress?.tick();
    };
    try {
      if (files2.length >= PARALLEL_THRESHOLD) {
        let jobs = files2.map((file) => ({ file, abs: (0, import_node_path10.resolve)(io.cwd, file) }));
        planned.push(...await planInWorkers(jobs, settings, onPlanned));
      } else {
        let abs = files2.map((file) => (0, import_node_path10.resolve)(io.cwd, file));
        await planPaused(shortRunBytes(abs) !== void 0, () => {
          for (let i = 0; i < files2.length; i++) {
            let p = planFileSync(files2[i], abs[i], settings);
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
async function writeAll(args, io, mode, planned, early) {
  let outDir = mode === "out-dir" ? (0, import_node_path10.resolve)(io.cwd, args.outDir) : void 0, staging = early;
  if (staging === void 0) {
    let jobs2 = [];
    for (let [index, p] of planned.entries()) {
      if (p.result.status === "error" || !p.abs) continue;
      if (outDir === void 0) {
        p.changed && jobs2.push({ index, p, dest: p.abs, expect: p.read });
        continue;
      }
      let rel = (0, import_node_path10.relative)(io.cwd, p.abs);
      if (rel.startsWith("..") || (0, import_node_path10.isAbsolute)(rel))
        throw new UsageError(
          `--out-dir mirrors paths relative to the current directory; ${p.result.path} is outside it`
        );
      let dest = (0, import_node_path10.join)(outDir, rel), there = readForReplace(dest);
      typeof there == "object" && there.bytes.equals(Buffer.from(p.output, "utf8")) || jobs2.push({ index, p, dest, expect: typeof there == "object" ? there.fingerprint : there });
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
    let cause = err instanceof Error && err.cause !== void 0 ? err.cause : err, other = job.dest === job.p.abs ? void 0 : (0, import_node_path10.relative)(io.cwd, job.dest), d = ioDiagnostic(
      job.p.result.path,
      cause instanceof DriftError ? `${other === void 0 ? "" : `${other} `}${cause.message}` : `cannot write${other === void 0 ? "" : ` ${other}`}: ${describeFsError(cause)}`
    );
    job.p.result.status = "error", job.p.result.errors.push(d), failures.push(d), cause instanceof DriftError && (drifted = !0);
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
    for (let dir of staging.madeDirs.sort((a, b) => b.length - a.length)) await import_node_fs12.promises.rmdir(dir).catch(() => {
    });
    return { errors: failures, drifted };
  }
  let dirs = /* @__PURE__ */ new Set();
  for (let job of jobs)
    if (job.staged)
      try {
        await job.staged.commit({ syncDir: !1 }), job.p.result.written = !0, dirs.add((0, import_node_path10.dirname)(job.staged.target));
      } catch (err) {
        fail(job, err);
      }
  for (let dir of dirs) await syncDirectory(dir);
  if (mode === "write") {
    for (let p of planned) p.abs && dirs.add((0, import_node_path10.dirname)(p.abs));
    for (let dir of dirs) await cleanStaleTempFiles(dir).catch(() => 0);
  }
  for (let job of jobs)
    job.p.result.written && job.p.keyFile && await warnIfInGitTree(job.dest, outDir === void 0 ? job.p.result.path : job.dest, io);
  return { errors: failures, drifted };
}
function createdChain(top2, leaf) {
  let chain = [];
  for (let dir = leaf; dir.length >= top2.length && (chain.unshift(dir), !(dir === top2 || (0, import_node_path10.dirname)(dir) === dir)); dir = (0, import_node_path10.dirname)(dir))
    ;
  return chain;
}
var import_node_path10, import_node_fs12, EMPTY2, REPORT_MODE, Staging, WRITE_CONCURRENCY, init_run_migrate = __esm({
  "src/cli/run-migrate.ts"() {
    "use strict";
    import_node_path10 = require("node:path"), import_node_fs12 = require("node:fs");
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
    }, Staging = class {
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
      /** Jobs that are staged or failed. */
      settled = 0;
      onSettled;
      queue = [];
      active = 0;
      stopped = !1;
      failed = !1;
      waiters = [];
      /** A file planned during --write: staged when it changes; a failed plan stops the staging unless --keep-going. */
      offer(index, p) {
        p.result.status === "error" ? this.planFailed() : p.abs !== void 0 && p.changed && this.add({ index, p, dest: p.abs, expect: p.read });
      }
      /** A plan failed: without --keep-going nothing will be written, so no new temp file is started. */
      planFailed() {
        this.keepGoing || (this.stopped = !0);
      }
      add(job) {
        this.jobs.push(job), this.queue.push(job), this.pump();
      }
      /** Resolves once no stage is running and none is waiting to start (all done, or stopped). */
      async idle() {
        for (; this.active > 0 || this.queue.length > 0 && this.open(); )
          await new Promise((resolve12) => this.waiters.push(resolve12));
      }
      /** Stops staging, waits for the stages running, and removes every temp file not renamed into place. */
      async discard() {
        this.stopped = !0, await this.idle();
        for (let job of this.jobs) await job.staged?.abort();
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
        try {
          if (this.mkdirs) {
            let made = await import_node_fs12.promises.mkdir((0, import_node_path10.dirname)(job.dest), { recursive: !0 });
            made !== void 0 && this.madeDirs.push(...createdChain(made, (0, import_node_path10.dirname)(job.dest)));
          }
          job.staged = await stageFileAtomic(job.dest, job.p.output, {
            ...job.p.keyFile ? { mode: 384 } : {},
            ...job.expect === void 0 ? {} : { expect: job.expect }
          });
        } catch (err) {
          job.error = err, this.failed = !0;
        }
      }
    };
    WRITE_CONCURRENCY = 8;
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

// src/cli/args.ts
init_errors();

// src/cli/argv.ts
init_errors();
var STRINGS = /* @__PURE__ */ new Set([
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

// src/cli/endpoint-env.ts
function endpointFromEnv(env2) {
  for (let from of ["ARGOCD_ENV_DELEGATE_MTLS_ENDPOINT", "DELEGATE_MTLS_ENDPOINT"])
    if (env2[from]) return { endpoint: env2[from], from };
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
  Make the CA (send ca.crt to Harness Support) and the client certificate, without OpenSSL (see cert --help):
    delegate-mtls cert init --dir mtls
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
async function parseCapturing(parser2, options) {
  let captured = "", a = await parser2.wrap(null).exitProcess(!1).fail((msg, err) => {
    throw new UsageError(err ? err.message : msg);
  }).parseAsync(options, {}, (_err, _argv, output) => {
    captured = output;
  });
  return a.help || captured ? { parsed: a, help: captured } : { parsed: a };
}
async function parseArgs(argv, env2) {
  if (argv[0] === "cert") return parseCertArgs(argv.slice(1));
  let { options, operands } = normalizeArgv(argv), { default: yargs } = await Promise.resolve().then(() => (init_yargs(), yargs_exports)), parser2 = yargs(options).scriptName("delegate-mtls").usage(
    `Usage: $0 [options] [path|glob ...]
       $0 secret --cert FILE --key FILE [--ca FILE] [--name S] [-n NS]
       $0 secret --cert-manager-issuer NAME [--issuer-kind Issuer|ClusterIssuer] [--name S] [-n NS]
       $0 cert init [--dir D] [--cn NAME] [--org O]   (a CA and a client certificate, no OpenSSL)
       $0 audit [path|glob ...] [--endpoint URL] [--format json]
       $0 fn [--endpoint URL] [--secret-name S] [--mount-path P]   (a KRM function for kpt, kustomize)

Move Harness delegate manifests to mTLS: mount the client certificate Secret, set the
certificate env vars, and point the delegate and its upgrader at the mTLS endpoint.
With no path, or "-", reads stdin and writes stdout. Directories are searched for *.yaml/*.yml.`
  ).command("$0 [paths..]", !1, (y) => y.positional("paths", { type: "string" })).command(
    "secret",
    "print the client certificate Secret manifest (validated first)",
    (y) => y.option("cert", {
      type: "string",
      describe: "client certificate PEM (the leaf first); required without --cert-manager-issuer"
    }).option("key", { type: "string", describe: "its private key PEM, unencrypted; required with --cert" }).option("ca", { type: "string", describe: "CA certificate to check the client certificate against" }).option("name", { type: "string", default: "client-certificate", describe: "Secret name" }).option("namespace", { alias: "n", type: "string", describe: "Secret namespace" }).option("cert-manager-issuer", {
      type: "string",
      describe: "print a cert-manager Certificate issued by this issuer instead (cert-manager writes the Secret)"
    }).option("issuer-kind", {
      type: "string",
      choices: ["Issuer", "ClusterIssuer"],
      describe: "kind of that issuer [default: Issuer]"
    }).option("duration", { type: "string", describe: "certificate lifetime, a Go duration [default: 2160h]" }).option("renew-before", { type: "string", describe: "renew this long before it ends [default: 360h]" })
  ).command(
    "audit [paths..]",
    "one row per delegate (manifests, Helm values, compose files): is it ready for STRICT mTLS? exit 1 if any is not",
    (y) => y.positional("paths", { type: "string" })
  ).command(
    "cert [action]",
    "make a CA and a client certificate without OpenSSL (cert init), or a new client certificate from your CA (cert issue); see cert --help",
    // Reached only when options come before `cert` (parseArgs hands the rest to parseCertArgs): refused below.
    (y) => y.positional("action", { type: "string" })
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
  }).option("null", {
    alias: "z",
    type: "boolean",
    default: !1,
    describe: "with -l: end each path with a NUL byte instead of a newline (as git ls-files -z)"
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
  }).epilog(EPILOG).env(!1).strict().help("help").alias("help", "h").version(!1).option("version", { type: "boolean", describe: "show the version" }), { parsed, help } = await parseCapturing(parser2, options);
  if (help !== void 0) return { command: "help", text: help };
  if (parsed.version) return { command: "version", text: "" };
  let a = parsed;
  if (a._[0] === "secret") {
    if (operands.length > 0) throw new UsageError(`secret takes no paths (got ${operands.join(" ")})`);
    return secretArgs(a);
  }
  if (a._[0] === "cert")
    throw new UsageError("cert comes first on the command line: delegate-mtls cert init [options], or cert issue");
  let paths = [...withStdinDash(options, (a.paths ?? []).map(String)), ...operands];
  if (a._[0] === "audit") return auditArgs(paths, a);
  if (a._[0] === "fn") return fnArgs(a, env2, operands);
  a.revert === !0 && checkRevertArgs(a);
  let fromEnv = a.endpoint === void 0 && a.revert !== !0 ? endpointFromEnv(env2) : void 0, endpoint = a.endpoint ?? fromEnv?.endpoint, out = {
    command: "migrate",
    paths,
    tiService: a.tiService,
    grpcAuthority: a.grpcAuthority,
    write: a.write,
    check: a.check,
    listDifferent: a.listDifferent,
    nullTerminated: a.null,
    diff: a.diff,
    format: a.format,
    keepGoing: a.keepGoing,
    quiet: a.quiet
  };
  endpoint !== void 0 && endpoint !== "" && (out.endpoint = endpoint), fromEnv && (out.endpointFrom = fromEnv.from), a.revert === !0 && (out.revert = !0);
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
function secretArgs(a) {
  let base = { command: "secret", name: a.name, namespace: a.namespace }, issuer = a.certManagerIssuer, certManagerOnly = [
    ["--issuer-kind", a.issuerKind],
    ["--duration", a.duration],
    ["--renew-before", a.renewBefore]
  ].filter(([, v]) => v !== void 0);
  if (issuer === void 0) {
    if (certManagerOnly.length > 0)
      throw new UsageError(`${certManagerOnly.map(([f]) => f).join(", ")} go with --cert-manager-issuer`);
    let absent = ["cert", "key"].filter((k) => a[k] === void 0);
    if (absent.length > 0)
      throw new UsageError(`Missing required argument${absent.length > 1 ? "s" : ""}: ${absent.join(", ")}`);
    return { ...base, cert: a.cert, key: a.key, ca: a.ca };
  }
  let files2 = ["--cert", "--key", "--ca"].filter((f) => a[f.slice(2)] !== void 0);
  if (files2.length > 0)
    throw new UsageError(
      `--cert-manager-issuer prints a Certificate that cert-manager issues and stores: ${files2.join(", ")} cannot go with it`
    );
  return {
    ...base,
    certManager: {
      issuer,
      issuerKind: a.issuerKind ?? "Issuer",
      duration: a.duration ?? "2160h",
      renewBefore: a.renewBefore ?? "360h"
    }
  };
}
function auditArgs(paths, a) {
  let bad = [
    ["--write", a.write === !0],
    ["--check", a.check === !0],
    ["--list-different", a.listDifferent === !0],
    ["--null", a.null === !0],
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
    paths,
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
function fnArgs(a, env2, operands) {
  let bad = [
    [
      "paths",
      (a.paths ?? []).length > 0 || a._.length > 1 || operands.length > 0
    ],
    ["--write", a.write === !0],
    ["--check", a.check === !0],
    ["--list-different", a.listDifferent === !0],
    ["--null", a.null === !0],
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
  let out = { command: "fn", settings }, fromEnv = endpointFromEnv(env2);
  if (fromEnv && (out.envEndpoint = fromEnv.endpoint, out.envEndpointFrom = fromEnv.from), typeof a.maxBytes == "number") {
    if (!(a.maxBytes > 0)) throw new UsageError("--max-bytes must be a positive number");
    out.maxBytes = a.maxBytes;
  }
  return out;
}
function withStdinDash(options, paths) {
  return options.includes("-") && !paths.includes("-") ? ["-", ...paths] : paths;
}
var CERT_EPILOG = `Examples:
  A new CA and its client certificate in ./mtls (send mtls/ca.crt to Harness Support, keep mtls/ca.key offline):
    delegate-mtls cert init --dir mtls --org "Acme Inc"
  Then migrate the delegate with the client certificate:
    delegate-mtls -e https://acme.harness.io:8443 --cert mtls/client.crt --key mtls/client.key --write d.yaml
  A new client certificate from the same CA (rotation, a second delegate group), valid 90 days:
    delegate-mtls cert issue --ca-cert mtls/ca.crt --ca-key mtls/ca.key --dir mtls/group-b --days 90

Keys are RSA (CA 4096, client 2048 bits), PKCS#8 PEM, written with mode 0600; certificates use SHA-256.
No file is ever overwritten: if one of the files exists, nothing is written (exit 2).
A client certificate never outlives its CA: cert issue refuses --days past the CA's end and says how many fit.`;
function parseDays(value, flag) {
  let text2 = String(value);
  if (!/^[0-9]+$/.test(text2) || Number(text2) < 1 || Number(text2) > 36500)
    throw new UsageError(`${flag} "${text2}": expected a whole number of days from 1 to 36500`);
  return Number(text2);
}
function parseName(value, flag) {
  let text2 = String(value);
  if (text2.trim() === "" || [...text2].length > 64 || /[\u0000-\u001f\u007f]/.test(text2))
    throw new UsageError(`${flag} "${text2}": expected 1 to 64 characters, not blank, without control characters`);
  return text2;
}
async function parseCertArgs(argv) {
  let { options, operands } = normalizeArgv(argv);
  if (operands.length > 0) throw new UsageError(`cert takes no paths (got ${operands.join(" ")})`);
  let { default: yargs } = await Promise.resolve().then(() => (init_yargs(), yargs_exports)), described = {
    dir: { type: "string", default: ".", describe: "the directory to make the files in (made if missing)" },
    cn: { type: "string", default: "harness-delegate", describe: "common name of the client certificate" },
    days: { type: "string", default: "365", describe: "days the client certificate is valid" }
  }, parser2 = yargs(options).scriptName("delegate-mtls cert").usage(
    `Usage: $0 init [--dir D] [--cn NAME] [--org O] [--days N] [--ca-days N]
       $0 issue --ca-cert FILE --ca-key FILE [--dir D] [--cn NAME] [--days N]

The certificate Harness mTLS needs, without OpenSSL: a CA whose certificate you send to Harness
Support, and a client certificate signed by it that the delegate presents.`
  ).command(
    "init",
    "make ca.key, ca.crt (the CA) and client.key, client.crt (signed by it) in --dir",
    (y) => y.option("dir", described.dir).option("cn", described.cn).option("org", { type: "string", describe: "Organization (O) of both certificates" }).option("days", described.days).option("ca-days", { type: "string", default: "3650", describe: "days the CA certificate is valid" })
  ).command(
    "issue",
    "make client.key, client.crt in --dir, signed by an existing CA",
    (y) => y.option("ca-cert", { type: "string", demandOption: !0, describe: "the CA certificate (PEM)" }).option("ca-key", { type: "string", demandOption: !0, describe: "the CA's private key (PEM, unencrypted)" }).option("dir", described.dir).option("cn", described.cn).option("days", described.days)
  ).demandCommand(1, 1, "cert needs init or issue", "cert takes one of init or issue").epilog(CERT_EPILOG).env(!1).strict().help("help").alias("help", "h").version(!1), { parsed, help } = await parseCapturing(parser2, options);
  if (help !== void 0) return { command: "help", text: help };
  let a = parsed, action = a._[0];
  if (action !== "init" && action !== "issue")
    throw new UsageError(`cert ${String(action)}: expected cert init or cert issue`);
  if (a._.length > 1) throw new UsageError(`cert ${action} takes no paths`);
  if (a.dir === "") throw new UsageError('--dir "": expected a directory');
  let out = {
    command: "cert",
    action,
    dir: a.dir,
    cn: parseName(a.cn, "--cn"),
    days: parseDays(a.days, "--days")
  };
  if (action === "init") {
    if (a.org !== void 0 && (out.org = parseName(a.org, "--org")), out.caDays = parseDays(a.caDays, "--ca-days"), out.days > out.caDays)
      throw new UsageError(
        `--days ${out.days} is longer than --ca-days ${out.caDays}: a client certificate cannot outlive its CA`
      );
  } else
    out.caCert = a.caCert, out.caKey = a.caKey;
  return out;
}

// src/cli/fast-args.ts
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
function fastParseArgs(argv, env2) {
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
  if (!["secret", "audit", "fn", "cert"].includes(out.paths[0])) {
    if (out.paths.push(...operands), out.endpoint === "") delete out.endpoint;
    else if (out.endpoint === void 0) {
      let fromEnv = endpointFromEnv(env2);
      fromEnv && (out.endpoint = fromEnv.endpoint, out.endpointFrom = fromEnv.from);
    }
    return out;
  }
}

// src/cli/main.ts
init_mode();
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
        let { runSecret: runSecret2 } = await Promise.resolve().then(() => (init_run_secret(), run_secret_exports));
        return await runSecret2(args, io);
      }
      case "fn": {
        onLoad?.("fn");
        let { runFn: runFn2 } = await Promise.resolve().then(() => (init_run_fn(), run_fn_exports));
        return await runFn2(args, io);
      }
      case "cert": {
        onLoad?.("cert");
        let { runCert: runCert2 } = await Promise.resolve().then(() => (init_run_cert(), run_cert_exports));
        return await runCert2(args, io);
      }
      case "audit": {
        onLoad?.("audit");
        let { runAudit: runAudit2 } = await Promise.resolve().then(() => (init_run_audit(), run_audit_exports));
        return await runAudit2(args, io);
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
var import_node_fs13 = require("node:fs");
function stdWriter(fd, stream, write = import_node_fs13.writeSync) {
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
    let st = (0, import_node_fs13.fstatSync)(fd);
    if (!st.isCharacterDevice()) return !1;
    let devNull = (0, import_node_fs13.statSync)("/dev/null", { throwIfNoEntry: !1 });
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
  main(process.argv.slice(2), io, (command2) => {
    command2 === "migrate" && (loaded.migrate = !0);
  }).then((code) => {
    process.exitCode = code;
  });
}
var INTERRUPTED = { SIGINT: 130, SIGTERM: 143 };
function interrupted(signal, code, io) {
  let removed = removeLiveTempFiles(), files2 = `${removed} temporary file${removed === 1 ? "" : "s"}`;
  io.stderr.write(
    `delegate-mtls: interrupted by ${signal}` + (removed > 0 ? `; removed ${files2}: every file is either as it was or completely written
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
//# delegate-mtls-bundle sha256=2d0ab9bad797601c4d5923a2323ea118910fa6c2fed6fbcd89c93569314c4d8f
