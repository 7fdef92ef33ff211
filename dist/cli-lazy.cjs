"use strict";
module.exports = function (__dmtls_shared) {
var module = { exports: {} }, exports = module.exports, __dmtls_meta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };
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

// dmtls-shared:src/errors.ts
var require_errors = __commonJS({
  "dmtls-shared:src/errors.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/errors.ts");
  }
});

// dmtls-shared:src/cli/argv.ts
var require_argv = __commonJS({
  "dmtls-shared:src/cli/argv.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/cli/argv.ts");
  }
});

// dmtls-shared:src/cli/endpoint-env.ts
var require_endpoint_env = __commonJS({
  "dmtls-shared:src/cli/endpoint-env.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/cli/endpoint-env.ts");
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
    let position = 0, [parsed, callerArguments, _length] = parseArgs2(), args = [].slice.call(callerArguments);
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
      demanded.cmd.filter((type) => type === observedType || type === "*").length === 0 && argumentTypeError(observedType, demanded.cmd, position), position += 1;
    }), parsed.optional.forEach((optional) => {
      if (args.length === 0)
        return;
      let arg = args.shift(), observedType = guessType(arg);
      optional.cmd.filter((type) => type === observedType || type === "*").length === 0 && argumentTypeError(observedType, optional.cmd, position), position += 1;
    });
  } catch (err) {
    console.warn(err.stack);
  }
}
function guessType(arg) {
  return Array.isArray(arg) ? "array" : arg === null ? "null" : typeof arg;
}
function argumentTypeError(observedType, allowedTypes, position) {
  throw new YError(`Invalid ${positionName[position] || "manyith"} argument. Expected ${allowedTypes.join(" or ")} but received ${observedType}.`);
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
    let string = "", sep = separator || ", ", array = [].concat(values);
    return !values || !array.length || array.forEach((value) => {
      string.length && (string += sep), string += JSON.stringify(value);
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
        return argsert("<array> [function]", [args, done], arguments.length), done ? __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(args, done) : new Promise((resolve8, reject) => {
          __classPrivateFieldGet(this, _YargsInstance_completion, "f").getCompletion(args, (err, completions) => {
            err ? reject(err) : resolve8(completions);
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
            let parse = this[kRunYargsParserAndExecuteCommands](__classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), void 0, void 0, 0, !0);
            if (isPromise(parse))
              return parse.then(() => __classPrivateFieldGet(this, _YargsInstance_usage, "f").help());
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
            let parse = this[kRunYargsParserAndExecuteCommands](__classPrivateFieldGet(this, _YargsInstance_processArgs, "f"), void 0, void 0, 0, !0);
            if (isPromise(parse))
              return parse.then(() => {
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
      [kRunValidation](aliases, positionalMap, parseErrors, isDefaultCommand) {
        let demandedOptions = { ...this.getDemandedOptions() };
        return (argv) => {
          if (parseErrors)
            throw new YError(parseErrors.message);
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

// src/cli/args.ts
var args_exports = {};
__export(args_exports, {
  parseArgs: () => parseArgs
});
async function parseCapturing(parser2, options) {
  let captured = "", a = await parser2.wrap(null).exitProcess(!1).fail((msg, err) => {
    throw new import_errors.UsageError(err ? err.message : msg);
  }).parseAsync(options, {}, (_err, _argv, output) => {
    captured = output;
  });
  return a.help || captured ? { parsed: a, help: captured } : { parsed: a };
}
async function parseArgs(argv, env2) {
  if (argv[0] === "cert") return parseCertArgs(argv.slice(1));
  if (argv[0] === "probe") return parseProbeArgs(argv.slice(1));
  let { options, operands } = (0, import_argv.normalizeArgv)(argv), { default: yargs } = await Promise.resolve().then(() => (init_yargs(), yargs_exports)), parser2 = yargs(options).scriptName("delegate-mtls").usage(
    `Usage: $0 [options] [path|glob ...]
       $0 secret --cert FILE --key FILE [--ca FILE] [--name S] [-n NS]
       $0 secret --cert-manager-issuer NAME [--issuer-kind Issuer|ClusterIssuer] [--name S] [-n NS]
       $0 cert init [--dir D] [--cn NAME] [--org O]   (a CA and a client certificate, no OpenSSL)
       $0 audit [path|glob ...] [--endpoint URL] [--format json]
       $0 probe --endpoint URL --cert FILE --key FILE [--server-ca FILE]   (a real mTLS request)
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
    (y) => y.positional("paths", { type: "string" }).option("probe", {
      type: "boolean",
      describe: "also probe each distinct endpoint with --cert and --key (see probe --help)"
    }).option("server-ca", {
      type: "string",
      describe: "with --probe: CA certificate(s) of the server's certificate"
    }).option("timeout", {
      type: "string",
      describe: "with --probe: seconds each connection may take [default: 10]"
    })
  ).command(
    "cert [action]",
    "make a CA and a client certificate without OpenSSL (cert init), or a new client certificate from your CA (cert issue); see cert --help",
    // Reached only when options come before `cert` (parseArgs hands the rest to parseCertArgs): refused below.
    (y) => y.positional("action", { type: "string" })
  ).command(
    "probe",
    "one real mTLS request to the endpoint with the client certificate, and one without; see probe --help",
    // Reached only when options come before `probe` (parseArgs hands the rest to parseProbeArgs): refused below.
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
    if (operands.length > 0) throw new import_errors.UsageError(`secret takes no paths (got ${operands.join(" ")})`);
    return secretArgs(a);
  }
  if (a._[0] === "probe")
    throw new import_errors.UsageError("probe comes first on the command line: delegate-mtls probe --endpoint URL --cert F --key F");
  if (a._[0] === "cert")
    throw new import_errors.UsageError("cert comes first on the command line: delegate-mtls cert init [options], or cert issue");
  let paths = [...withStdinDash(options, (a.paths ?? []).map(String)), ...operands];
  if (a._[0] === "audit") return auditArgs(paths, a);
  if (a._[0] === "fn") return fnArgs(a, env2, operands);
  a.revert === !0 && checkRevertArgs(a);
  let fromEnv = a.endpoint === void 0 && a.revert !== !0 ? (0, import_endpoint_env.endpointFromEnv)(env2) : void 0, endpoint = a.endpoint ?? fromEnv?.endpoint, out = {
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
    if (!(a.maxBytes > 0)) throw new import_errors.UsageError("--max-bytes must be a positive number");
    out.maxBytes = a.maxBytes;
  }
  return out;
}
function checkRevertArgs(a) {
  if (typeof a.endpoint != "string" || a.endpoint === "")
    throw new import_errors.UsageError(
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
    throw new import_errors.UsageError(`--revert removes what the migration added: ${bad.join(", ")} cannot be used with it`);
}
function secretArgs(a) {
  let base = { command: "secret", name: a.name, namespace: a.namespace }, issuer = a.certManagerIssuer, certManagerOnly = [
    ["--issuer-kind", a.issuerKind],
    ["--duration", a.duration],
    ["--renew-before", a.renewBefore]
  ].filter(([, v]) => v !== void 0);
  if (issuer === void 0) {
    if (certManagerOnly.length > 0)
      throw new import_errors.UsageError(`${certManagerOnly.map(([f]) => f).join(", ")} go with --cert-manager-issuer`);
    let absent = ["cert", "key"].filter((k) => a[k] === void 0);
    if (absent.length > 0)
      throw new import_errors.UsageError(`Missing required argument${absent.length > 1 ? "s" : ""}: ${absent.join(", ")}`);
    return { ...base, cert: a.cert, key: a.key, ca: a.ca };
  }
  let files2 = ["--cert", "--key", "--ca"].filter((f) => a[f.slice(2)] !== void 0);
  if (files2.length > 0)
    throw new import_errors.UsageError(
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
    ["--cert", a.cert !== void 0 && a.probe !== !0],
    ["--key", a.key !== void 0 && a.probe !== !0],
    ["--ca", a.ca !== void 0],
    ["--ti-service", a.tiService === !0],
    ["--cert-path", a.certPath !== void 0],
    ["--key-path", a.keyPath !== void 0]
  ].filter(([, on]) => on).map(([f]) => f);
  if (bad.length > 0)
    throw new import_errors.UsageError(
      `audit only reads and reports: ${bad.join(", ")} cannot be used with it` + (bad.includes("--cert") || bad.includes("--key") ? " (except with --probe)" : "")
    );
  let probeOnly = ["--server-ca", "--timeout"].filter(
    (f) => a[f === "--server-ca" ? "serverCa" : "timeout"] !== void 0
  );
  if (a.probe !== !0 && probeOnly.length > 0)
    throw new import_errors.UsageError(`${probeOnly.join(", ")} ${probeOnly.length === 1 ? "goes" : "go"} with --probe`);
  if (a.probe === !0 && (typeof a.cert != "string" || typeof a.key != "string"))
    throw new import_errors.UsageError(
      "audit --probe needs --cert and --key: the client certificate the endpoints are asked to accept"
    );
  let out = {
    command: "audit",
    paths,
    grpcAuthority: a.grpcAuthority,
    format: a.format
  };
  for (let k of ["endpoint", "secretName", "mountPath"])
    typeof a[k] == "string" && a[k] !== "" && (out[k] = a[k]);
  if (typeof a.maxBytes == "number") {
    if (!(a.maxBytes > 0)) throw new import_errors.UsageError("--max-bytes must be a positive number");
    out.maxBytes = a.maxBytes;
  }
  return a.probe === !0 && (out.probe = { cert: a.cert, key: a.key, timeoutMs: parseTimeout(a.timeout ?? "10") }, typeof a.serverCa == "string" && (out.probe.serverCa = a.serverCa)), out;
}
function parseTimeout(value) {
  let text2 = String(value);
  if (!/^[0-9]+(\.[0-9]+)?$/.test(text2) || !(Number(text2) > 0) || Number(text2) > 600)
    throw new import_errors.UsageError(`--timeout "${text2}": expected a number of seconds from more than 0 up to 600`);
  return Math.round(Number(text2) * 1e3);
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
    throw new import_errors.UsageError(
      `fn reads a ResourceList on stdin and writes one on stdout: ${bad.join(", ")} cannot be used with it`
    );
  let settings = {};
  for (let k of ["endpoint", "secretName", "mountPath"])
    typeof a[k] == "string" && a[k] !== "" && (settings[k] = a[k]);
  a.tiService === !0 && (settings.tiService = !0), a.grpcAuthority === !1 && (settings.grpcAuthority = !1);
  let out = { command: "fn", settings }, fromEnv = (0, import_endpoint_env.endpointFromEnv)(env2);
  if (fromEnv && (out.envEndpoint = fromEnv.endpoint, out.envEndpointFrom = fromEnv.from), typeof a.maxBytes == "number") {
    if (!(a.maxBytes > 0)) throw new import_errors.UsageError("--max-bytes must be a positive number");
    out.maxBytes = a.maxBytes;
  }
  return out;
}
function withStdinDash(options, paths) {
  return options.includes("-") && !paths.includes("-") ? ["-", ...paths] : paths;
}
function parseDays(value, flag) {
  let text2 = String(value);
  if (!/^[0-9]+$/.test(text2) || Number(text2) < 1 || Number(text2) > 36500)
    throw new import_errors.UsageError(`${flag} "${text2}": expected a whole number of days from 1 to 36500`);
  return Number(text2);
}
function parseName(value, flag) {
  let text2 = String(value);
  if (text2.trim() === "" || [...text2].length > 64 || /[\u0000-\u001f\u007f]/.test(text2))
    throw new import_errors.UsageError(`${flag} "${text2}": expected 1 to 64 characters, not blank, without control characters`);
  return text2;
}
async function parseCertArgs(argv) {
  let { options, operands } = (0, import_argv.normalizeArgv)(argv);
  if (operands.length > 0) throw new import_errors.UsageError(`cert takes no paths (got ${operands.join(" ")})`);
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
    throw new import_errors.UsageError(`cert ${String(action)}: expected cert init or cert issue`);
  if (a._.length > 1) throw new import_errors.UsageError(`cert ${action} takes no paths`);
  if (a.dir === "") throw new import_errors.UsageError('--dir "": expected a directory');
  let out = {
    command: "cert",
    action,
    dir: a.dir,
    cn: parseName(a.cn, "--cn"),
    days: parseDays(a.days, "--days")
  };
  if (action === "init") {
    if (a.org !== void 0 && (out.org = parseName(a.org, "--org")), out.caDays = parseDays(a.caDays, "--ca-days"), out.days > out.caDays)
      throw new import_errors.UsageError(
        `--days ${out.days} is longer than --ca-days ${out.caDays}: a client certificate cannot outlive its CA`
      );
  } else
    out.caCert = a.caCert, out.caKey = a.caKey;
  return out;
}
async function parseProbeArgs(argv) {
  let { options, operands } = (0, import_argv.normalizeArgv)(argv);
  if (operands.length > 0) throw new import_errors.UsageError(`probe takes no paths (got ${operands.join(" ")})`);
  let { default: yargs } = await Promise.resolve().then(() => (init_yargs(), yargs_exports)), parser2 = yargs(options).scriptName("delegate-mtls probe").usage(
    `Usage: $0 --endpoint URL --cert FILE --key FILE [--server-ca FILE] [--timeout SECONDS] [--format json]

Connects to the mTLS endpoint, presents the client certificate and sends one HTTPS request: does the
endpoint accept the certificate, and does it refuse a connection without one?`
  ).option("endpoint", {
    alias: "e",
    type: "string",
    demandOption: !0,
    describe: "the mTLS endpoint, https://host[:port]"
  }).option("cert", { type: "string", demandOption: !0, describe: "client certificate PEM (the leaf first)" }).option("key", { type: "string", demandOption: !0, describe: "its private key PEM, unencrypted" }).option("server-ca", {
    type: "string",
    describe: "CA certificate(s) of the server's certificate, for a private CA"
  }).option("timeout", { type: "string", default: "10", describe: "seconds each connection may take" }).option("format", { choices: ["text", "json"], default: "text", describe: "report format" }).epilog(PROBE_EPILOG).env(!1).strict().help("help").alias("help", "h").version(!1), { parsed, help } = await parseCapturing(parser2, options);
  if (help !== void 0) return { command: "help", text: help };
  let a = parsed;
  if (a._.length > 0) throw new import_errors.UsageError(`probe takes no paths (got ${a._.join(" ")})`);
  let out = {
    command: "probe",
    endpoint: String(a.endpoint),
    cert: String(a.cert),
    key: String(a.key),
    timeoutMs: parseTimeout(a.timeout),
    format: a.format
  };
  return typeof a.serverCa == "string" && (out.serverCa = a.serverCa), out;
}
var import_errors, import_argv, import_endpoint_env, EPILOG, CERT_EPILOG, PROBE_EPILOG, init_args = __esm({
  "src/cli/args.ts"() {
    "use strict";
    import_errors = __toESM(require_errors(), 1), import_argv = __toESM(require_argv(), 1), import_endpoint_env = __toESM(require_endpoint_env(), 1), EPILOG = `Examples:
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
  And does the endpoint accept the client certificate? (one real mTLS request; exit 1 if refused):
    delegate-mtls probe -e https://acme.harness.io:8443 --cert client.crt --key client.key
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
    CERT_EPILOG = `Examples:
  A new CA and its client certificate in ./mtls (send mtls/ca.crt to Harness Support, keep mtls/ca.key offline):
    delegate-mtls cert init --dir mtls --org "Acme Inc"
  Then migrate the delegate with the client certificate:
    delegate-mtls -e https://acme.harness.io:8443 --cert mtls/client.crt --key mtls/client.key --write d.yaml
  A new client certificate from the same CA (rotation, a second delegate group), valid 90 days:
    delegate-mtls cert issue --ca-cert mtls/ca.crt --ca-key mtls/ca.key --dir mtls/group-b --days 90

Keys are RSA (CA 4096, client 2048 bits), PKCS#8 PEM, written with mode 0600; certificates use SHA-256.
No file is ever overwritten: if one of the files exists, nothing is written (exit 2).
A client certificate never outlives its CA: cert issue refuses --days past the CA's end and says how many fit.`;
    PROBE_EPILOG = `Examples:
  Before the account goes STRICT: does the endpoint accept this client certificate?
    delegate-mtls probe -e https://acme.harness.io:8443 --cert client.crt --key client.key
  Behind a corporate proxy (HTTP CONNECT), an endpoint with a private CA:
    HTTPS_PROXY=http://proxy.corp:3128 delegate-mtls probe -e https://harness.corp:8443 \\
      --cert client.crt --key client.key --server-ca corp-root.crt

The certificate and key are checked first, as for the Secret (PKCS#8 RSA, clientAuth, not expired).
It sends GET /api/ with the client certificate (any HTTP response means TLS accepted it), then once without
it, to tell whether the endpoint enforces mTLS. HTTPS_PROXY and NO_PROXY are honoured.
Exit codes: 0 accepted; 1 rejected; 2 usage error, unusable certificate or key, untrusted server certificate,
unreachable or timed out.`;
  }
});

// dmtls-shared:node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "dmtls-shared:node_modules/yaml/dist/index.js"(exports2, module2) {
    module2.exports = __dmtls_shared("node_modules/yaml/dist/index.js");
  }
});

// dmtls-shared:src/mtls/endpoint.ts
var require_endpoint = __commonJS({
  "dmtls-shared:src/mtls/endpoint.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/mtls/endpoint.ts");
  }
});

// dmtls-shared:src/mtls/mount-path.ts
var require_mount_path = __commonJS({
  "dmtls-shared:src/mtls/mount-path.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/mtls/mount-path.ts");
  }
});

// dmtls-shared:src/mtls/plan.ts
var require_plan = __commonJS({
  "dmtls-shared:src/mtls/plan.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/mtls/plan.ts");
  }
});

// dmtls-shared:src/mtls/plan-upgrader.ts
var require_plan_upgrader = __commonJS({
  "dmtls-shared:src/mtls/plan-upgrader.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/mtls/plan-upgrader.ts");
  }
});

// dmtls-shared:src/resources/classify.ts
var require_classify = __commonJS({
  "dmtls-shared:src/resources/classify.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/resources/classify.ts");
  }
});

// dmtls-shared:src/resources/helm-values.ts
var require_helm_values = __commonJS({
  "dmtls-shared:src/resources/helm-values.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/resources/helm-values.ts");
  }
});

// dmtls-shared:src/resources/compose.ts
var require_compose = __commonJS({
  "dmtls-shared:src/resources/compose.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/resources/compose.ts");
  }
});

// dmtls-shared:src/resources/image.ts
var require_image = __commonJS({
  "dmtls-shared:src/resources/image.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/resources/image.ts");
  }
});

// dmtls-shared:src/resources/upgrader-config.ts
var require_upgrader_config = __commonJS({
  "dmtls-shared:src/resources/upgrader-config.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/resources/upgrader-config.ts");
  }
});

// dmtls-shared:src/resources/wanted-state.ts
var require_wanted_state = __commonJS({
  "dmtls-shared:src/resources/wanted-state.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/resources/wanted-state.ts");
  }
});

// dmtls-shared:src/yaml/lookup.ts
var require_lookup = __commonJS({
  "dmtls-shared:src/yaml/lookup.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/yaml/lookup.ts");
  }
});

// dmtls-shared:src/yaml/parse.ts
var require_parse = __commonJS({
  "dmtls-shared:src/yaml/parse.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/yaml/parse.ts");
  }
});

// dmtls-shared:src/pipeline/lists.ts
var require_lists = __commonJS({
  "dmtls-shared:src/pipeline/lists.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/pipeline/lists.ts");
  }
});

// dmtls-shared:src/resources/namespace.ts
var require_namespace = __commonJS({
  "dmtls-shared:src/resources/namespace.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/resources/namespace.ts");
  }
});

// dmtls-shared:src/yaml/source.ts
var require_source = __commonJS({
  "dmtls-shared:src/yaml/source.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/yaml/source.ts");
  }
});

// dmtls-shared:src/resources/certificate-info.ts
var require_certificate_info = __commonJS({
  "dmtls-shared:src/resources/certificate-info.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/resources/certificate-info.ts");
  }
});

// dmtls-shared:src/mtls/plan-compose.ts
var require_plan_compose = __commonJS({
  "dmtls-shared:src/mtls/plan-compose.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/mtls/plan-compose.ts");
  }
});

// src/audit/facts.ts
function configMapValue(resources, name, namespace, key) {
  let cm = resources.find(
    (r) => r.ref.kind === "ConfigMap" && r.ref.name === name && (0, import_namespace.sameNamespace)(r.ref.namespace, namespace)
  );
  if (!cm) return { found: !1 };
  let v = (0, import_lookup.lookup)(cm.doc.contents, ["data", key]);
  return (0, import_yaml.isScalar)(v) && v.value !== null ? { found: !0, value: String(v.value) } : { found: !0 };
}
function containerEnv(resources, container, namespace, name) {
  let env2 = container.get("env", !0), entry = (0, import_lookup.findItem)(env2, "name", name);
  if (entry) {
    let value = entry.node.get("value", !0);
    if ((0, import_yaml.isScalar)(value) && value.value !== null) return { value: String(value.value), from: "env", unresolved: !1 };
    let ref = (0, import_lookup.lookup)(entry.node, ["valueFrom", "configMapKeyRef"]), cmName = (0, import_lookup.stringAt)(ref, "name"), cmKey = (0, import_lookup.stringAt)(ref, "key");
    if (cmName && cmKey) {
      let got = configMapValue(resources, cmName, namespace, cmKey);
      return got.value !== void 0 ? { value: got.value, from: `ConfigMap ${cmName}`, unresolved: !1 } : { from: `ConfigMap ${cmName} (not among the audited files)`, unresolved: !got.found };
    }
    return { from: "valueFrom (not readable here)", unresolved: !0 };
  }
  let envFrom = container.get("envFrom", !0), unseen = [];
  if ((0, import_yaml.isSeq)(envFrom))
    for (let item of envFrom.items) {
      let cmName = (0, import_lookup.stringAt)((0, import_lookup.lookup)(item, ["configMapRef"]), "name");
      if (!cmName) continue;
      let got = configMapValue(resources, cmName, namespace, name);
      if (got.value !== void 0) return { value: got.value, from: `ConfigMap ${cmName}`, unresolved: !1 };
      got.found || unseen.push({ name: cmName, optional: (0, import_lookup.lookup)(item, ["configMapRef", "optional"])?.toJSON() === !0 });
    }
  let named = unseen.some((u) => !u.optional) ? unseen.filter((u) => !u.optional) : unseen;
  return named.length > 0 ? { from: `ConfigMap ${named.map((u) => u.name).join(", ")} (not among the audited files)`, unresolved: !0 } : { from: "missing", unresolved: !1 };
}
function delegateEndpoint(resources, container, namespace, kind) {
  let names = (0, import_wanted_state.managerEnvNames)(kind);
  for (let name of names) {
    let source = containerEnv(resources, container, namespace, name);
    if (source.from !== "missing") return { ...source, name };
  }
  return { ...containerEnv(resources, container, namespace, names[0]), name: names[0] };
}
function podFacts(pod, container, kind = "classic") {
  let volume = (0, import_lookup.findItem)(pod.get("volumes", !0), "name", import_wanted_state.VOLUME_NAME), mount = (0, import_lookup.findItem)(container.get("volumeMounts", !0), "name", import_wanted_state.VOLUME_NAME), env2 = container.get("env", !0), cert = (0, import_wanted_state.certEnvNamesFor)(kind, "certificate").map((n) => (0, import_lookup.findItem)(env2, "name", n)).find((f) => f !== void 0), certEnv = cert ? (0, import_lookup.stringAt)(cert.node, "value") : void 0, out = {
    any: !!(volume || mount || certEnvOf(kind).some((n) => (0, import_lookup.findItem)(env2, "name", n)))
  }, secretName = volume ? (0, import_lookup.stringAt)((0, import_lookup.lookup)(volume.node, ["secret"]), "secretName") : void 0;
  secretName && (out.secretName = secretName);
  let mounted = mount ? (0, import_lookup.stringAt)(mount.node, "mountPath")?.replace(/(.)\/+$/, "$1") : void 0, atDirectory = certEnv !== void 0 && mounted === dirname3(certEnv), mountPath = mounted && mount.node.has("subPath") && !atDirectory ? dirname3(mounted) : mounted;
  return mountPath && (out.mountPath = mountPath), certEnv && (out.certEnv = certEnv), out;
}
function composeFacts(s) {
  let kind = s.delegateKind ?? "classic", entries = (0, import_compose.composeEnv)(s.node).entries, managers = (0, import_wanted_state.managerEnvNames)(kind), host = managers.map((n) => entries.find((e) => e.name === n)).find((e) => e !== void 0), cert = entries.find((e) => (0, import_wanted_state.certEnvNamesFor)(kind, "certificate").includes(e.name)), volumes = (0, import_plan_compose.composeVolumes)(s.node), certVolume = volumes.find((v) => v.target.endsWith(`/${import_wanted_state.CERT_FILE}`)) ?? volumes.find((v) => cert?.value !== void 0 && v.target === dirname3(cert.value)), out = {
    endpointName: host?.name ?? managers[0],
    passthrough: !!(host && (host.value === void 0 || /\$\{?[A-Za-z_]/.test(host.value))) || !host && s.node.has("env_file"),
    any: !!(cert || entries.some((e) => certEnvOf(kind).includes(e.name)) || volumes.some((v) => /\/client\.(crt|key)$/.test(v.target)))
  };
  return host?.value !== void 0 && (out.endpoint = host.value), cert?.value && (out.certEnv = cert.value), certVolume?.source !== void 0 && (out.certSource = certVolume.source), certVolume && (out.mountDir = certVolume.target.endsWith(`/${import_wanted_state.CERT_FILE}`) ? dirname3(certVolume.target) : certVolume.target), out;
}
function podAndContainer(res) {
  let pod = (0, import_lookup.lookup)(res.doc.contents, res.podPath), containers = pod.get("containers", !0), container = (0, import_yaml.isSeq)(containers) ? containers.items[res.container] : void 0;
  return { pod, container: (0, import_yaml.isMap)(container) ? container : pod };
}
function secretCertificate(resources, name, namespace) {
  let secret = resources.find(
    (r) => r.ref.kind === "Secret" && r.ref.name === name && (0, import_namespace.sameNamespace)(r.ref.namespace, namespace)
  );
  if (secret)
    for (let key of [import_wanted_state.CERT_FILE, "tls.crt"])
      for (let [field, read] of [
        ["stringData", import_certificate_info.certificateInfo],
        ["data", import_certificate_info.certificateInfoFromBase64]
      ]) {
        let v = (0, import_lookup.lookup)(secret.doc.contents, [field, key]);
        if (!(0, import_yaml.isScalar)(v) || typeof v.value != "string") continue;
        let info = read(v.value);
        if (info) return { from: `Secret ${name}, ${field}.${key}`, notAfter: info.notAfter };
      }
}
var import_yaml, import_compose, import_lookup, import_wanted_state, import_plan_compose, import_certificate_info, import_namespace, certEnvOf, dirname3, init_facts = __esm({
  "src/audit/facts.ts"() {
    import_yaml = __toESM(require_dist()), import_compose = __toESM(require_compose()), import_lookup = __toESM(require_lookup()), import_wanted_state = __toESM(require_wanted_state()), import_plan_compose = __toESM(require_plan_compose()), import_certificate_info = __toESM(require_certificate_info()), import_namespace = __toESM(require_namespace()), certEnvOf = (kind) => [...(0, import_wanted_state.certEnvNamesFor)(kind, "certificate"), ...(0, import_wanted_state.certEnvNamesFor)(kind, "key")];
    dirname3 = (p) => p.includes("/") ? p.slice(0, p.lastIndexOf("/")) || "/" : p;
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
  options.mountPath !== void 0 && (options = { ...options, mountPath: (0, import_mount_path.checkMountPath)(options.mountPath) });
  let errors = [], texts = inputs.map((input, file) => ({ file, text: (0, import_source.readSource)(input.text).text })), units = texts.length === 0 ? [] : [buildUnit(texts)].filter((u) => u !== void 0);
  texts.length > 0 && units.length === 0 && (texts = texts.filter(({ file, text: text2 }) => {
    let parsed = (0, import_parse.parseStream)(text2, inputs[file].path);
    return errors.push(...parsed.errors), parsed.errors.length === 0;
  }), units = makeUnits(texts));
  let fixed = options.endpoint === void 0 ? void 0 : (0, import_endpoint.normalizeEndpoint)(options.endpoint), rows = [];
  for (let unit of units) rows.push(...auditUnit(unit, inputs, options, fixed));
  let order = new Map(inputs.map((input, i) => [input.path, i]));
  rows.sort(
    (a, b) => order.get(a.file) - order.get(b.file) || a.document - b.document || (a.item ?? 0) - (b.item ?? 0)
  );
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
    let lists = (0, import_lists.expandLists)(p.text), text2 = lists ? lists.text : p.text;
    starts.push({ file: p.file, start: src.length, ...lists ? { origin: lists.origin } : {} }), src += text2.endsWith(`
`) || text2 === "" ? text2 : text2 + `
`, i < parts.length - 1 && (src += `---
`);
  });
  let { docs, errors } = (0, import_parse.parseStream)(src, "audit");
  if (errors.length > 0) return;
  let kept = docs.filter((d) => d.contents !== null), partOfOffset = (offset) => [...starts].reverse().find((s) => s.start <= offset), perFile = /* @__PURE__ */ new Map(), located = kept.map((d) => {
    let offset = d.contents.range?.[0] ?? d.range[0], part = partOfOffset(offset), file = part.file, seen = perFile.get(file) ?? { next: 0 };
    perFile.set(file, seen);
    let from = part.origin?.(offset - part.start);
    if (from?.item !== void 0 && from.item > 0 && seen.last === from.doc)
      return { file, document: seen.next - 1, item: from.item };
    seen.last = from?.doc;
    let document = seen.next++;
    return from?.item === void 0 ? { file, document } : { file, document, item: from.item };
  }), lineStarts = [0];
  for (let i = src.indexOf(`
`); i >= 0; i = src.indexOf(`
`, i + 1)) lineStarts.push(i + 1);
  let docOfLine = (line) => {
    let offset = lineStarts[line - 1] ?? src.length;
    return kept.findIndex((d) => d.range[0] <= offset && offset <= d.range[2]);
  };
  return { src, docs: kept, resources: kept.map((d, i) => (0, import_classify.classify)(d, i)), fileOf: (i) => located[i], docOfLine };
}
function makeUnits(texts) {
  if (texts.length === 0) return [];
  let all = buildUnit(texts);
  return all ? [all] : texts.map((t) => buildUnit([t])).filter((u) => u !== void 0);
}
function planSubset(unit, indexes, options) {
  let plan = (0, import_plan.planStream)(
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
function endpointFor(value, fixed, unresolvedFrom, name = import_wanted_state2.MANAGER_ENV) {
  if (fixed !== void 0)
    return value === void 0 ? {
      plan: fixed,
      known: !0,
      problem: unresolvedFrom ? `${name} comes from ${unresolvedFrom}` : `${name} is not set`
    } : { plan: fixed, known: !0 };
  if (value === void 0)
    return {
      plan: PLACEHOLDER_ENDPOINT,
      known: !1,
      problem: unresolvedFrom ? `${name} comes from ${unresolvedFrom}: cannot tell its endpoint` : `${name} is not set`
    };
  let normal;
  try {
    normal = (0, import_endpoint.normalizeEndpoint)(value);
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
    let item = c.after;
    if (item && typeof item == "object" && typeof item.key == "string" && typeof item.path == "string")
      return `volume item ${item.key} \u2192 ${item.path} (${c.path.replace(/^.*volumes\[name=([^\]]+)\].*$/, "volume $1")})`;
    if (typeof after == "string") return list === "environment" ? `env ${after.split("=")[0]}` : `mount ${after}`;
    if (after && typeof after == "object" && typeof after.name == "string")
      return `${{ env: "env", volumeMounts: "volumeMount", volumes: "volume", custom_envs: "custom_envs" }[list] ?? list} ${after.name}`;
  }
  let short = c.path.replace(/^data\."config\.yaml"\./, "config.yaml ").replace(/^spec\.(values|(source|sources\[\d+\])\.helm\.(valuesObject|values))\./, "").replace(/^spec\.(jobTemplate\.spec\.)?template\.spec\./, "").replace(/^containers\[name=[^\]]+\]\./, "").replace(/^services\.[^.]+\./, "").replace(/\[name=([^\]]+)\]/g, " $1").replace(/^environment[ .]/, "env "), prefix = c.resource.kind === "ConfigMap" && !short.startsWith("config.yaml ") ? `ConfigMap ${c.resource.name ?? ""}: ` : "", value = c.op === "remove" ? " (remove)" : typeof c.after == "object" || c.after === void 0 ? "" : ` \u2192 ${String(c.after)}`;
  return `${prefix}${short}${value}`;
}
function rowBase(unit, inputs, res, delegateKind = "classic") {
  let where = unit.fileOf(res.ref.document);
  return {
    file: inputs[where.file].path,
    document: where.document,
    ...where.item === void 0 ? {} : { item: where.item },
    kind: res.ref.kind,
    delegateKind,
    name: res.ref.name ?? null,
    namespace: res.ref.namespace ?? null,
    service: null
  };
}
function imageFields(ref) {
  if (ref === void 0) return { image: null, imageTag: null, immutable: null };
  let info = (0, import_image.parseImage)(ref), kind = (0, import_image.classifyTag)(ref);
  return {
    image: ref,
    imageTag: info.tag ?? (info.digest ? `@${info.digest}` : null),
    immutable: kind === "immutable" || kind === "early-immutable" ? !0 : kind === "legacy" ? !1 : null
  };
}
function delegate3VersionProblem(kind, image) {
  return kind !== "delegate3" || image !== void 0 && (0, import_image.classifyTag)(image) === "delegate3" ? void 0 : `cannot tell the Delegate 3.x version from image ${image === void 0 ? "(none)" : `"${image}"`}: mTLS needs ${import_wanted_state2.DELEGATE3_MIN_VERSION} or later`;
}
function stateOf(known, found, hasArtefacts) {
  return known && found.missing.length === 0 && found.hardening.length === 0 ? "complete" : hasArtefacts ? "partial" : "none";
}
function upgraderOwners(unit) {
  let owners = /* @__PURE__ */ new Map(), configs = /* @__PURE__ */ new Map();
  return unit.resources.forEach((r, i) => {
    if (r.type !== "upgrader-config") return;
    let owner = (0, import_plan_upgrader.configDelegateName)(r.config.value, r.ref.name);
    owners.set(i, owner), configs.set((0, import_namespace2.namespacedKey)(r.ref.namespace, r.ref.name), owner);
  }), unit.resources.forEach((r, i) => {
    if (r.type !== "upgrader-cronjob") return;
    let owner = (r.ref.name ?? "").replace(/-upgrader-job$/, ""), volumes = (0, import_lookup2.lookup)(r.doc.contents, [...r.podPath, "volumes"]);
    if ((0, import_yaml2.isSeq)(volumes))
      for (let v of volumes.items) {
        let cmName = (0, import_lookup2.stringAt)((0, import_lookup2.lookup)(v, ["configMap"]), "name"), found = configs.get((0, import_namespace2.namespacedKey)(r.ref.namespace, cmName));
        found !== void 0 && (owner = found);
      }
    owners.set(i, owner);
  }), owners;
}
function upgraderDocs(unit, owners, name, namespace, delegateDoc) {
  let all = [];
  for (let [i, owner] of owners) {
    let r = unit.resources[i];
    owner === name && (0, import_namespace2.sameNamespace)(r.ref.namespace, namespace) && all.push(i);
  }
  let file = unit.fileOf(delegateDoc).file, sameFile = all.filter((i) => unit.fileOf(i).file === file);
  return (sameFile.length > 0 ? sameFile : all).sort((x, y) => x - y);
}
function auditUnit(unit, inputs, options, fixed) {
  let rows = [], grpc = options.grpcAuthority ?? !0, configMaps = unit.resources.flatMap((r, i) => r.ref.kind === "ConfigMap" && r.type === "other" ? [i] : []), tlsSources = unit.resources.flatMap(
    (r, i) => r.ref.kind === "Secret" || r.ref.kind === "Certificate" ? [i] : []
  ), owners = upgraderOwners(unit);
  return unit.resources.forEach((res, index) => {
    let kind = res.type === "delegate" || res.type === "legacy" ? res.delegateKind : void 0, base = rowBase(unit, inputs, res, kind);
    if (res.type === "legacy") {
      rows.push({
        ...base,
        ...imageFields(res.image),
        state: "legacy",
        missing: [`${res.reason}: ${res.advice ?? "cannot do mTLS, upgrade to an immutable delegate first"}`],
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
      let { pod, container } = podAndContainer(res), name = res.ref.name ?? "delegate", ep = delegateEndpoint(unit.resources, container, res.ref.namespace, res.delegateKind), facts = podFacts(pod, container, res.delegateKind), mountPath = options.mountPath ?? facts.mountPath ?? (facts.certEnv ? dirname3(facts.certEnv) : import_wanted_state2.DEFAULT_MOUNT_PATH), secret = options.secretName?.replaceAll("{delegate}", name) ?? facts.secretName ?? import_wanted_state2.DEFAULT_SECRET_NAME, target = endpointFor(ep.value, fixed, ep.unresolved ? ep.from : void 0, ep.name), upgraders = res.delegateKind === "delegate3" ? [] : upgraderDocs(unit, owners, name, res.ref.namespace, index), planned = planSubset(
        unit,
        [index, ...configMaps, ...upgraders, ...tlsSources],
        mtlsOptions(target.plan, secret, mountPath, grpc)
      ), found = findings(planned, (doc) => doc === index || configMaps.includes(doc), target.known);
      target.problem && found.missing.unshift(target.problem);
      let version = delegate3VersionProblem(res.delegateKind, (0, import_lookup2.stringAt)(container, "image"));
      version && found.missing.push(version);
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
        ...imageFields((0, import_lookup2.stringAt)(container, "image")),
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
      let root = res.root, name = (0, import_lookup2.stringAt)(root, "delegateName") ?? import_helm_values.CHART_DEFAULT_NAME, endpointNode = root?.get("managerEndpoint", !0), endpoint = root ? (0, import_yaml2.isScalar)(endpointNode) && endpointNode.value !== null ? String(endpointNode.value) : "https://app.harness.io" : void 0, current = (0, import_lookup2.stringAt)((0, import_lookup2.lookup)(root, ["mTLS"]), "secretName") || void 0, secret = options.secretName?.replaceAll("{delegate}", name) ?? current ?? import_wanted_state2.DEFAULT_SECRET_NAME, target = endpointFor(endpoint, fixed, root ? void 0 : "values outside the input"), planned = planSubset(unit, [index], mtlsOptions(target.plan, secret, import_wanted_state2.DEFAULT_MOUNT_PATH, grpc)), found = findings(planned, (doc) => doc === index, target.known);
      target.problem && found.missing.unshift(target.problem);
      let state = stateOf(target.known, found, current !== void 0), enabled = (0, import_lookup2.lookup)(root, ["upgrader", "enabled"]), upgrader = {
        state: (0, import_yaml2.isScalar)(enabled) && enabled.value === !1 ? "absent" : "chart",
        problems: []
      }, cert = certificateRow(unit.resources, secret, void 0, options.now, found.missing);
      rows.push({
        ...base,
        name,
        ...imageFields((0, import_helm_values.helmImage)(root)?.ref),
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
  let facts = composeFacts(s), mountPath = options.mountPath ?? facts.mountDir ?? (facts.certEnv ? dirname3(facts.certEnv) : import_wanted_state2.DEFAULT_MOUNT_PATH), target = endpointFor(
    facts.passthrough ? void 0 : facts.endpoint,
    fixed,
    facts.passthrough ? "the host environment, .env or an env_file" : void 0,
    facts.endpointName
  ), planned = planSubset(unit, [index], mtlsOptions(target.plan, import_wanted_state2.DEFAULT_SECRET_NAME, mountPath, grpc)), prefix = `services.${s.service}.`, mine = {
    edits: planned.edits.filter((e) => e.change.path.startsWith(prefix)),
    diagnostics: planned.diagnostics.filter((d) => d.subject === `service ${s.service}`)
  }, found = findings(mine, (doc) => doc === index, target.known);
  target.problem && found.missing.unshift(target.problem);
  let version = delegate3VersionProblem(s.delegateKind ?? "classic", (0, import_lookup2.stringAt)(s.node, "image"));
  version && found.missing.push(version);
  let state = stateOf(target.known, found, facts.any), upgrader = res.upgraders.length > 0 ? {
    state: "unsupported",
    problems: res.upgraders.map((u) => `service ${u.service}: the Docker upgrader has no mTLS settings`)
  } : { state: "absent", problems: [] };
  return {
    ...rowBase(unit, inputs, res, s.delegateKind),
    name: (0, import_compose2.composeDelegateName)(s),
    service: s.service,
    ...imageFields((0, import_lookup2.stringAt)(s.node, "image")),
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
    mine(d.doc) && (d.severity === "error" || d.code === "INVALID_POD" || d.code === "NOT_CHANGED" && (endpointKnown || d.role !== "endpoint")) && missing.push(label(d.doc) + d.message);
  return { missing: [...new Set(missing)], hardening: [...new Set(hardening)] };
}
function certificateRow(resources, secret, namespace, now = /* @__PURE__ */ new Date(), missing) {
  let cert = secretCertificate(resources, secret, namespace);
  if (!cert) return { certificate: null, warnings: [] };
  let left2 = cert.notAfter.getTime() - now.getTime(), warnings = [];
  if (left2 < 0) missing.push(`the client certificate (${cert.from}) expired on ${isoDate(cert.notAfter)}`);
  else if (left2 < import_certificate_info2.EXPIRY_WARNING_DAYS * DAY_MS) {
    let days = Math.ceil(left2 / DAY_MS);
    warnings.push(
      `the client certificate (${cert.from}) expires on ${isoDate(cert.notAfter)}, in ${days} day${days === 1 ? "" : "s"}: renew it before then`
    );
  }
  return { certificate: { from: cert.from, notAfter: isoDate(cert.notAfter) }, warnings };
}
function upgraderHostMismatch(unit, upgraders, endpoint) {
  let out = [];
  for (let i of upgraders) {
    let r = unit.resources[i];
    if (r.type !== "upgrader-config") continue;
    let host = (0, import_upgrader_config.upgraderConfigFacts)(r.config.value).managerHost;
    host !== void 0 && host !== endpoint && out.push(`ConfigMap ${r.ref.name ?? ""}: managerHost is ${host}, the delegate uses ${endpoint}`);
  }
  return out;
}
var import_yaml2, import_endpoint, import_mount_path, import_plan, import_plan_upgrader, import_classify, import_helm_values, import_compose2, import_image, import_upgrader_config, import_wanted_state2, import_lookup2, import_parse, import_lists, import_namespace2, import_source, import_certificate_info2, PLACEHOLDER_ENDPOINT, mtlsOptions, hostOf, DAY_MS, isoDate, init_audit = __esm({
  "src/audit/audit.ts"() {
    import_yaml2 = __toESM(require_dist()), import_endpoint = __toESM(require_endpoint()), import_mount_path = __toESM(require_mount_path()), import_plan = __toESM(require_plan()), import_plan_upgrader = __toESM(require_plan_upgrader()), import_classify = __toESM(require_classify()), import_helm_values = __toESM(require_helm_values()), import_compose2 = __toESM(require_compose()), import_image = __toESM(require_image()), import_upgrader_config = __toESM(require_upgrader_config()), import_wanted_state2 = __toESM(require_wanted_state()), import_lookup2 = __toESM(require_lookup()), import_parse = __toESM(require_parse()), import_lists = __toESM(require_lists()), import_namespace2 = __toESM(require_namespace()), import_source = __toESM(require_source()), import_certificate_info2 = __toESM(require_certificate_info());
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
    DAY_MS = 1440 * 60 * 1e3, isoDate = (d) => d.toISOString().replace(/\.000Z$/, "Z");
  }
});

// src/audit/render.ts
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
    // Delegate 3.x has no immutable/legacy split: the column names it instead.
    r.delegateKind === "delegate3" ? "3.x" : r.immutable === null ? "?" : r.immutable ? "yes" : "no",
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
  report.probes && lines.push(""), report.probes?.length === 0 && lines.push("probe: no mTLS endpoint to probe (none among the delegates, and no --endpoint)");
  for (let p of report.probes ?? []) {
    let who = `${p.delegates} delegate${p.delegates === 1 ? "" : "s"}`, said = p.verdict === "accepted" ? `accepted the client certificate${p.enforcesMtls === !1 ? "; warning: it does not enforce mTLS (it accepted a connection without a client certificate)" : ""}` : p.verdict === "rejected" ? `refused the client certificate: ${p.reason}` : `could not be probed: ${p.reason}`;
    lines.push(`probe ${p.endpoint} (${who}): ${said}`);
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
    [count("partial"), "partial"],
    // Complete but refused: only an expired client certificate does that.
    [count("complete"), "with an expired client certificate"]
  ].filter(([n2]) => n2 > 0).map(([n2, l]) => `${n2} ${l}`);
  if (report.ready) {
    let note = report.delegates.some((r) => r.hardening.length > 0) ? " (some only lack the key's file mode: run delegate-mtls to set it)" : "";
    return `ready for STRICT: all ${s.delegates} delegate${s.delegates === 1 ? "" : "s"} speak mTLS${note}`;
  }
  let n = s.upgradersDisagreeing;
  return `NOT ready for STRICT: ${[
    refused.length > 0 ? `${refused.length} of ${s.delegates} delegate${s.delegates === 1 ? "" : "s"} would be refused (${parts.join(", ")})` : "",
    n > 0 ? `${n} upgrader${n === 1 ? " does" : "s do"} not match ${n === 1 ? "its" : "their"} delegate and would be refused` : "",
    probeReason(report)
  ].filter(Boolean).join("; ")}`;
}
function probeReason(report) {
  let refused = (report.probes ?? []).filter((p) => p.verdict === "rejected").length, unknown = (report.probes ?? []).filter((p) => p.verdict === "error").length, endpoints = (k) => `${k} endpoint${k === 1 ? "" : "s"}`;
  return [
    refused > 0 ? `${endpoints(refused)} refused the client certificate` : "",
    unknown > 0 ? `${endpoints(unknown)} could not be probed` : ""
  ].filter(Boolean).join("; ");
}
var cell, renderAuditJson, init_render = __esm({
  "src/audit/render.ts"() {
    cell = (v) => v == null || v === "" ? "-" : v;
    renderAuditJson = (report) => JSON.stringify(report, null, 2) + `
`;
  }
});

// dmtls-shared:src/io/index.ts
var require_io = __commonJS({
  "dmtls-shared:src/io/index.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/io/index.ts");
  }
});

// dmtls-shared:src/cli/stdin-hint.ts
var require_stdin_hint = __commonJS({
  "dmtls-shared:src/cli/stdin-hint.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/cli/stdin-hint.ts");
  }
});

// dmtls-shared:src/cli/load-certificate.ts
var require_load_certificate = __commonJS({
  "dmtls-shared:src/cli/load-certificate.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/cli/load-certificate.ts");
  }
});

// src/probe/endpoint.ts
function parseProbeEndpoint(text2) {
  let url;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text2) ? text2 : `https://${text2}`);
  } catch {
    return `--endpoint "${text2}" is not a URL: expected https://host[:port]`;
  }
  return url.protocol !== "https:" ? `--endpoint "${text2}": expected an https:// URL (mTLS is TLS)` : url.hostname === "" ? `--endpoint "${text2}": no host` : { host: url.hostname.replace(/^\[(.*)\]$/, "$1"), port: url.port === "" ? 443 : Number(url.port) };
}
function proxyFor(host, port, env2) {
  let value = env2.HTTPS_PROXY || env2.https_proxy;
  if (!value) return;
  let noProxy = (env2.NO_PROXY ?? env2.no_proxy ?? "").split(/[\s,]+/).filter((s) => s !== ""), name = host.toLowerCase();
  for (let entry of noProxy) {
    if (entry === "*") return;
    let m = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase()), domain = m[1].replace(/^\*?\./, "").replace(/^\[(.*)\]$/, "$1");
    if (!(m[2] !== void 0 && Number(m[2]) !== port) && (name === domain || !(0, import_node_net.isIP)(name) && name.endsWith(`.${domain}`)))
      return;
  }
  let url;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    return `HTTPS_PROXY "${value}" is not a URL: expected http://host:port`;
  }
  if (url.protocol !== "http:") return `HTTPS_PROXY "${value}": only an http:// proxy (HTTP CONNECT) is supported`;
  let auth = url.username === "" ? void 0 : `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`, proxyHost = url.hostname.replace(/^\[(.*)\]$/, "$1"), proxyPort = url.port === "" ? 80 : Number(url.port);
  return { host: proxyHost, port: proxyPort, ...auth ? { auth } : {}, shown: `http://${url.host}` };
}
var import_node_net, init_endpoint = __esm({
  "src/probe/endpoint.ts"() {
    import_node_net = require("node:net");
  }
});

// src/probe/handshake.ts
function certificateAuthorities(m) {
  try {
    let i = 1 + m[0];
    i += 2 + m.readUInt16BE(i);
    let end = i + 2 + m.readUInt16BE(i);
    i += 2;
    let out = [];
    for (; i < end; ) {
      let length = m.readUInt16BE(i);
      out.push(distinguishedName(m.subarray(i + 2, i + 2 + length))), i += 2 + length;
    }
    return i === end ? out : null;
  } catch {
    return null;
  }
}
function distinguishedName(der) {
  let parts = [], name = tlv(der, 0);
  for (let s = name.start; s < name.end; ) {
    let set = tlv(der, s);
    for (let a = set.start; a < set.end; ) {
      let pair = tlv(der, a), oid = tlv(der, pair.start), value = tlv(der, oid.end), id = objectIdentifier(der.subarray(oid.start, oid.end)), bytes = der.subarray(value.start, value.end), text2 = value.tag === 30 ? Buffer.from(bytes).swap16().toString("utf16le") : bytes.toString("utf8");
      parts.push(`${ATTRIBUTES[id] ?? id}=${text2}`), a = pair.end;
    }
    s = set.end;
  }
  return parts.join(", ");
}
function tlv(der, at) {
  let tag = der[at], length = der[at + 1], start = at + 2;
  if (length & 128) {
    let n = length & 127;
    if (n === 0 || n > 3) throw new Error("DER length");
    length = der.readUIntBE(start, n), start += n;
  }
  if (start + length > der.length) throw new Error("DER overrun");
  return { tag, start, end: start + length };
}
function objectIdentifier(bytes) {
  let first = bytes[0], arcs = [Math.min(2, Math.floor(first / 40)), first - 40 * Math.min(2, Math.floor(first / 40))], value = 0;
  for (let b of bytes.subarray(1))
    value = value * 128 + (b & 127), b & 128 || (arcs.push(value), value = 0);
  return arcs.join(".");
}
var HandshakeWatcher, ATTRIBUTES, init_handshake = __esm({
  "src/probe/handshake.ts"() {
    HandshakeWatcher = class {
      /** True or false once the server's first flight ended (ServerHelloDone); null while unknown. */
      requested = null;
      /** The CAs named in the CertificateRequest (one string per name, `O=..., CN=...`), when it was seen. */
      cas = null;
      records = Buffer.alloc(0);
      messages = Buffer.alloc(0);
      done = !1;
      feed(bytes) {
        if (!this.done)
          for (this.records = Buffer.concat([this.records, bytes]); !this.done && this.records.length >= 5; ) {
            let length = this.records.readUInt16BE(3);
            if (this.records.length < 5 + length) return;
            let type = this.records[0], body = this.records.subarray(5, 5 + length);
            this.records = this.records.subarray(5 + length), type !== 22 ? this.stop() : this.handshake(body);
          }
      }
      stop() {
        this.done = !0, this.records = this.messages = Buffer.alloc(0);
      }
      handshake(body) {
        for (this.messages = Buffer.concat([this.messages, body]); !this.done && this.messages.length >= 4; ) {
          let length = this.messages.readUIntBE(1, 3);
          if (this.messages.length < 4 + length) return;
          let type = this.messages[0], message = this.messages.subarray(4, 4 + length);
          this.messages = this.messages.subarray(4 + length), type === 13 ? (this.requested = !0, this.cas = certificateAuthorities(message)) : type === 14 && (this.requested ??= !1, this.stop());
        }
      }
    };
    ATTRIBUTES = {
      "2.5.4.3": "CN",
      "2.5.4.6": "C",
      "2.5.4.7": "L",
      "2.5.4.8": "ST",
      "2.5.4.10": "O",
      "2.5.4.11": "OU",
      "1.2.840.113549.1.9.1": "emailAddress"
    };
  }
});

// src/probe/probe.ts
function probeOnce(target, client) {
  return new Promise((resolve8) => {
    let attempt = {
      outcome: "unreachable",
      tls: null,
      server: null,
      requestedClientCertificate: null,
      acceptableCas: null,
      httpStatus: null,
      reason: null,
      code: null
    }, watcher = new HandshakeWatcher(), raw, tls, settled = !1, keyed = !1, finish = (outcome, reason, code = null) => {
      settled || (settled = !0, clearTimeout(timer), attempt.outcome = outcome, attempt.reason = reason, attempt.code = code, attempt.requestedClientCertificate = watcher.requested, attempt.acceptableCas = watcher.cas, tls?.destroy(), raw?.destroy(), resolve8(attempt));
    }, timer = setTimeout(
      () => finish(
        "timeout",
        attempt.tls === null ? `no TLS session within ${target.timeoutMs / 1e3} s` : `the server sent no response within ${target.timeoutMs / 1e3} s`,
        "TIMEOUT"
      ),
      target.timeoutMs
    ), { host, port } = target, startTls = (socket, first) => {
      tls = (0, import_node_tls.connect)({
        socket: tapped(socket, (bytes) => watcher.feed(bytes), first),
        host,
        // An IP address is no server name (RFC 6066): Node warns when one is given.
        ...(0, import_node_net2.isIP)(host) ? {} : { servername: host },
        ...client ? { cert: client.certPem, key: client.keyPem } : {},
        ...target.serverCaPem === void 0 ? {} : { ca: target.serverCaPem },
        // Judged below, so that the server certificate is reported even when it is not trusted.
        rejectUnauthorized: !1,
        ALPNProtocols: ["http/1.1"]
      }), tls.once("keylog", () => keyed = !0), tls.once("secureConnect", () => {
        let s = tls, cipher = s.getCipher();
        attempt.tls = { version: s.getProtocol() ?? cipher.version, cipher: cipher.standardName ?? cipher.name };
        let peer = s.getPeerX509Certificate();
        if (peer && (attempt.server = { subject: oneLine(peer.subject), issuer: oneLine(peer.issuer) }), !s.authorized) {
          let err = String(s.authorizationError);
          finish("untrusted-server", untrustedReason(err, target.serverCaPem !== void 0), err);
          return;
        }
        s.write(
          `GET /api/ HTTP/1.1\r
Host: ${hostHeader(host, port)}\r
User-Agent: delegate-mtls-probe\r
Connection: close\r
\r
`
        );
      });
      let head = "";
      tls.setEncoding("latin1"), tls.on("data", (chunk) => {
        head += chunk;
        let m = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(head);
        m ? (attempt.httpStatus = Number(m[1]), finish("accepted", null)) : (head.length > 8192 || head.length >= 5 && !/^HTTP\//.test(head.slice(0, 5))) && finish("accepted", "the server answered, but not with HTTP");
      }), tls.on("error", (e) => failed(e, client !== void 0)), tls.on("close", () => closed(client !== void 0));
    }, closed = (withCert) => {
      attempt.tls === null && !keyed ? finish("unreachable", "the connection closed during the TLS handshake", "CLOSED") : finish(
        "rejected",
        withCert ? "the server closed the connection without a response: it refused the client certificate" : "the server closed the connection without a response: no client certificate was sent",
        "CLOSED"
      );
    }, failed = (e, withCert) => {
      let code = e.code ?? "ERROR", alert = alertReason(code, withCert);
      if (alert) return finish("rejected", alert, code);
      if (code === "ECONNRESET" && (attempt.tls !== null || keyed)) return closed(withCert);
      finish("unreachable", networkReason(e, target), code);
    };
    if (target.proxy === void 0)
      return raw = (0, import_node_net2.connect)({ host, port }), raw.once("error", (e) => failed(e, client !== void 0)), startTls(raw, Buffer.alloc(0));
    let proxy = target.proxy;
    raw = (0, import_node_net2.connect)({ host: proxy.host, port: proxy.port });
    let proxyError = (e) => finish("unreachable", `the proxy ${proxy.host}:${proxy.port}: ${networkReason(e, target)}`, e.code ?? "ERROR");
    raw.on("error", proxyError), raw.once("connect", () => {
      let auth = proxy.auth ? `Proxy-Authorization: Basic ${Buffer.from(proxy.auth).toString("base64")}\r
` : "";
      raw.write(`CONNECT ${hostHeader(host, port)} HTTP/1.1\r
Host: ${hostHeader(host, port)}\r
${auth}\r
`);
    });
    let reply = Buffer.alloc(0), onData = (chunk) => {
      reply = Buffer.concat([reply, chunk]);
      let end = reply.indexOf(`\r
\r
`);
      if (end < 0) {
        reply.length > 16384 && finish("unreachable", "the proxy sent an endless response to CONNECT", "PROXY");
        return;
      }
      raw.off("data", onData);
      let status = /^HTTP\/\d(?:\.\d)? (\d{3})[^\r\n]*/.exec(reply.toString("latin1"));
      if (!status || status[1] !== "200")
        return finish(
          "unreachable",
          `the proxy refused CONNECT: ${status ? status[0] : "not an HTTP response"}`,
          "PROXY"
        );
      raw.off("error", proxyError), raw.on("error", (e) => failed(e, client !== void 0)), startTls(raw, reply.subarray(end + 4));
    };
    raw.on("data", onData), raw.once("end", () => finish("unreachable", "the proxy closed the connection before answering CONNECT", "PROXY"));
  });
}
function tapped(raw, watch, first) {
  let stream = new import_node_stream.Duplex({
    read: () => {
      raw.resume();
    },
    write: (chunk, _encoding, done) => {
      raw.write(chunk, done);
    },
    final: (done) => {
      raw.end(), done();
    },
    destroy: (err, done) => {
      raw.destroy(), done(err);
    }
  }), take = (bytes) => {
    watch(bytes), stream.push(bytes) || raw.pause();
  };
  return first.length > 0 && take(first), raw.on("data", take), raw.once("end", () => stream.push(null)), raw.once("close", () => stream.destroy()), stream;
}
function alertReason(code, withCert) {
  if (/ALERT_CERTIFICATE_REQUIRED$/.test(code)) return "no client certificate was sent, and the server requires one";
  if (/ALERT_UNKNOWN_CA$/.test(code)) return 'the server does not trust your CA (alert "unknown CA")';
  if (/ALERT_CERTIFICATE_EXPIRED$/.test(code)) return "the server says the client certificate has expired";
  if (/ALERT_UNSUPPORTED_CERTIFICATE$/.test(code))
    return 'the server refuses the client certificate for this use (alert "unsupported certificate": clientAuth?)';
  if (/ALERT_BAD_CERTIFICATE$|ALERT_CERTIFICATE_UNKNOWN$/.test(code))
    return withCert ? 'the server refused the client certificate (alert "bad certificate": most often a CA it does not trust)' : "no client certificate was sent, and the server requires one";
  if (/ALERT_HANDSHAKE_FAILURE$/.test(code))
    return withCert ? 'the server ended the handshake (alert "handshake failure")' : 'no client certificate was sent, and the server requires one (alert "handshake failure")';
  if (/ALERT_ACCESS_DENIED$/.test(code))
    return 'the server denied access to this client certificate (alert "access denied")';
  if (/ALERT_PROTOCOL_VERSION$/.test(code)) return "no TLS version in common with the server";
}
function networkReason(e, target) {
  switch (e.code) {
    case "ECONNREFUSED":
      return "connection refused: nothing listens on that port";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host name ${target.host} does not resolve`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "no route to the host";
    case "ECONNRESET":
      return "the connection was reset before the TLS handshake ended";
    default:
      return e.code ? `${e.code}: ${e.message}` : e.message;
  }
}
function untrustedReason(err, withServerCa) {
  return /^ERR_TLS_CERT_ALTNAME_INVALID$|Hostname\/IP does not match/.test(err) ? `the server certificate does not name this host (${err})` : /CERT_HAS_EXPIRED/.test(err) ? "the server certificate has expired" : withServerCa ? `the server certificate is not trusted: it does not chain to --server-ca (${err})` : `the server certificate is not trusted: pass --server-ca for a private CA (${err})`;
}
var import_node_net2, import_node_stream, import_node_tls, oneLine, hostHeader, init_probe = __esm({
  "src/probe/probe.ts"() {
    import_node_net2 = require("node:net"), import_node_stream = require("node:stream"), import_node_tls = require("node:tls");
    init_handshake();
    oneLine = (name) => name.split(`
`).join(", "), hostHeader = (host, port) => `${(0, import_node_net2.isIP)(host) === 6 ? `[${host}]` : host}:${port}`;
  }
});

// src/probe/report.ts
async function probeEndpoint(endpoint, target, proxyShown, client) {
  let leaf = new import_node_crypto.X509Certificate(client.certPem), withCertificate = await probeOnce(target, client), withoutCertificate = withCertificate.outcome === "accepted" || withCertificate.outcome === "rejected" ? await probeOnce(target, void 0) : null, enforcesMtls = withoutCertificate === null || !["accepted", "rejected"].includes(withoutCertificate.outcome) ? null : withoutCertificate.outcome === "rejected", verdict2 = withCertificate.outcome === "accepted" ? "accepted" : withCertificate.outcome === "rejected" ? "rejected" : "error";
  return {
    endpoint,
    proxy: proxyShown,
    client: {
      subject: oneLine2(leaf.subject),
      issuer: oneLine2(leaf.issuer),
      notAfter: new Date(leaf.validTo).toISOString()
    },
    withCertificate,
    withoutCertificate,
    enforcesMtls,
    verdict: verdict2,
    exitCode: verdict2 === "accepted" ? 0 : verdict2 === "rejected" ? 1 : 2
  };
}
function renderProbe(r) {
  let a = r.withCertificate, lines = [
    `endpoint:   ${r.endpoint}${r.proxy ? ` (through the proxy ${r.proxy})` : ""}`,
    `client:     ${r.client.subject}, issued by ${r.client.issuer}, valid until ${r.client.notAfter.slice(0, 10)}`
  ];
  if (a.tls && lines.push(`tls:        ${a.tls.version}, ${a.tls.cipher}`), a.server && lines.push(`server:     ${a.server.subject}, issued by ${a.server.issuer}`), a.requestedClientCertificate === !1) lines.push("asks:       no client certificate");
  else if (a.requestedClientCertificate === !0) {
    let cas = a.acceptableCas ?? [];
    lines.push(`asks:       a client certificate${cas.length > 0 ? `, issued by one of: ${cas.join("; ")}` : ""}`), cas.length > 0 && !cas.includes(r.client.issuer) && lines.push(`warning: the server names other CAs than the issuer of your certificate (${r.client.issuer})`);
  }
  return lines.push(`with the client certificate:    ${attemptLine(a)}`), r.withoutCertificate && lines.push(`without a client certificate:   ${attemptLine(r.withoutCertificate)}`), r.enforcesMtls === !0 ? lines.push("the server asks for a client certificate and refuses a connection without one: it enforces mTLS") : r.enforcesMtls === !1 && lines.push(
    "warning: the endpoint accepted a connection without a client certificate: it does not enforce mTLS (a STRICT account refuses it)"
  ), lines.push(
    r.verdict === "accepted" ? "accepted: the endpoint took the client certificate" : r.verdict === "rejected" ? `rejected: ${a.reason}` : `no verdict: ${a.reason}`
  ), lines.join(`
`) + `
`;
}
function attemptLine(a) {
  switch (a.outcome) {
    case "accepted":
      return a.httpStatus === null ? `accepted (${a.reason})` : `accepted (HTTP ${a.httpStatus})`;
    case "rejected":
      return `refused: ${a.reason}`;
    default:
      return `${a.outcome === "timeout" ? "timed out" : "failed"}: ${a.reason}`;
  }
}
var import_node_crypto, oneLine2, init_report = __esm({
  "src/probe/report.ts"() {
    import_node_crypto = require("node:crypto");
    init_probe();
    oneLine2 = (name) => name.split(`
`).join(", ");
  }
});

// src/cli/run-probe.ts
var run_probe_exports = {};
__export(run_probe_exports, {
  probeFor: () => probeFor,
  readServerCa: () => readServerCa,
  runProbe: () => runProbe
});
async function runProbe(args, io) {
  let serverCaPem = readServerCa(io, args.serverCa), probe = probeFor(io, args.timeoutMs, serverCaPem)(args.endpoint), pems = await (0, import_load_certificate.loadCertificate)({ cert: args.cert, key: args.key }, io, !0);
  if (!pems) return 2;
  let report = await probe(pems);
  return args.format === "json" ? io.stdout.write(JSON.stringify(report, null, 2) + `
`) : io.stdout.write(renderProbe(report)), report.verdict !== "accepted" && io.stderr.write(
    (0, import_errors2.formatDiagnostic)({
      code: "PROBE",
      severity: "error",
      file: args.endpoint,
      message: report.withCertificate.reason ?? report.verdict
    }) + `
`
  ), report.exitCode;
}
function readServerCa(io, file) {
  if (file === void 0) return;
  let pem;
  try {
    pem = (0, import_node_fs.readFileSync)((0, import_node_path.resolve)(io.cwd, file), "utf8");
  } catch (e) {
    let code = e.code;
    throw new import_errors2.UsageError(`cannot read the server CA ${file}: ${code === "ENOENT" ? "no such file" : code}`);
  }
  if (!/-----BEGIN CERTIFICATE-----/.test(pem))
    throw new import_errors2.UsageError(`--server-ca ${file} holds no "-----BEGIN CERTIFICATE-----" block`);
  return pem;
}
function probeFor(io, timeoutMs, serverCaPem) {
  return (endpoint) => {
    let where = parseProbeEndpoint(endpoint);
    if (typeof where == "string") throw new import_errors2.UsageError(where);
    let proxy = proxyFor(where.host, where.port, io.env);
    if (typeof proxy == "string") throw new import_errors2.UsageError(proxy);
    let target = {
      host: where.host,
      port: where.port,
      timeoutMs,
      ...proxy ? { proxy: { host: proxy.host, port: proxy.port, ...proxy.auth ? { auth: proxy.auth } : {} } } : {},
      ...serverCaPem === void 0 ? {} : { serverCaPem }
    };
    return (client) => probeEndpoint(endpoint, target, proxy ? proxy.shown : null, client);
  };
}
var import_node_fs, import_node_path, import_errors2, import_load_certificate, init_run_probe = __esm({
  "src/cli/run-probe.ts"() {
    "use strict";
    import_node_fs = require("node:fs"), import_node_path = require("node:path"), import_errors2 = __toESM(require_errors(), 1);
    init_endpoint();
    init_report();
    import_load_certificate = __toESM(require_load_certificate(), 1);
  }
});

// src/cli/run-audit.ts
var run_audit_exports = {};
__export(run_audit_exports, {
  runAudit: () => runAudit
});
async function runAudit(args, io) {
  let stdin = args.paths.length === 0 || args.paths.length === 1 && args.paths[0] === "-";
  if (!stdin && args.paths.includes("-")) throw new import_errors3.UsageError('"-" (standard input) cannot be mixed with file paths');
  let maxBytes = args.maxBytes ?? import_io.DEFAULT_MAX_BYTES, inputs = [], readErrors = [];
  if (stdin) {
    (0, import_stdin_hint.hintStdin)(io, !1);
    let read = await (0, import_io.readStdin)(io.stdin, maxBytes);
    "error" in read ? readErrors.push(read.error) : inputs.push({ path: import_io.STDIN_NAME, text: read.text });
  } else {
    let { files: files2, errors } = await (0, import_io.expandPaths)(args.paths, io.cwd);
    readErrors.push(...errors);
    for (let file of files2) {
      let read = (0, import_io.readInput)((0, import_node_path2.resolve)(io.cwd, file), { maxBytes });
      "error" in read ? readErrors.push({ ...read.error, file }) : inputs.push({ path: file, text: read.text });
    }
  }
  let options = { grpcAuthority: args.grpcAuthority };
  args.endpoint !== void 0 && (options.endpoint = args.endpoint), args.secretName !== void 0 && (options.secretName = args.secretName), args.mountPath !== void 0 && (options.mountPath = args.mountPath.replace(/\/+$/, "") || "/");
  let report = audit(inputs, options);
  report.errors.unshift(...readErrors), readErrors.length > 0 && (report.ready = !1);
  let probeFailed = !1;
  if (args.probe) {
    let probes = await probeFleet(args.probe, report, args.endpoint, io);
    if (probes === !1) return 2;
    report.probes = probes, probes.some((p) => p.verdict !== "accepted") && (report.ready = !1), probeFailed = probes.some((p) => p.verdict === "error");
  }
  for (let e of report.errors) io.stderr.write((0, import_errors3.formatDiagnostic)(e) + `
`);
  return io.stdout.write(args.format === "json" ? renderAuditJson(report) : renderAuditText(report)), report.errors.length > 0 || probeFailed ? 2 : report.ready ? 0 : 1;
}
async function probeFleet(opts, report, endpoint, io) {
  let { loadCertificate: loadCertificate3 } = await Promise.resolve().then(() => __toESM(require_load_certificate(), 1)), { probeFor: probeFor2, readServerCa: readServerCa2 } = await Promise.resolve().then(() => (init_run_probe(), run_probe_exports)), prepare = probeFor2(io, opts.timeoutMs, readServerCa2(io, opts.serverCa)), counts = /* @__PURE__ */ new Map(), originOf = (url) => {
    try {
      let u = new URL(url);
      return u.protocol === "https:" && mtlsEndpointKind(url) !== "no" ? u.origin : void 0;
    } catch {
      return;
    }
  };
  if (endpoint !== void 0) {
    let origin = originOf(endpoint);
    if (origin === void 0) throw new import_errors3.UsageError(`--probe: --endpoint "${endpoint}" is not an https mTLS endpoint`);
    counts.set(origin, 0);
  }
  for (let r of report.delegates) {
    let origin = r.endpoint === null ? void 0 : originOf(r.endpoint);
    origin !== void 0 && counts.set(origin, (counts.get(origin) ?? 0) + 1);
  }
  let probes = [...counts.keys()].map((e) => prepare(e)), pems = await loadCertificate3({ cert: opts.cert, key: opts.key }, io, !0);
  if (!pems) return !1;
  let out = [];
  for (let [i, origin] of [...counts.keys()].entries()) {
    let p = await probes[i](pems);
    out.push({
      endpoint: origin,
      delegates: counts.get(origin),
      verdict: p.verdict,
      enforcesMtls: p.enforcesMtls,
      reason: p.verdict === "accepted" ? null : p.withCertificate.reason
    });
  }
  return out;
}
var import_node_path2, import_errors3, import_io, import_stdin_hint, init_run_audit = __esm({
  "src/cli/run-audit.ts"() {
    "use strict";
    import_node_path2 = require("node:path"), import_errors3 = __toESM(require_errors(), 1);
    init_audit();
    init_render();
    import_io = __toESM(require_io(), 1), import_stdin_hint = __toESM(require_stdin_hint(), 1);
  }
});

// src/cert/types.ts
var CertError, init_types = __esm({
  "src/cert/types.ts"() {
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
  let { privateKey, publicKey } = (0, import_node_crypto2.generateKeyPairSync)("rsa", { modulusLength: bits });
  return {
    key: privateKey,
    keyPem: privateKey.export({ type: "pkcs8", format: "pem" }),
    publicKey: pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }))
  };
}
function randomSerial() {
  let b = (0, import_node_crypto2.randomBytes)(16);
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
  let tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), "binary"), signature = (0, import_node_crypto2.sign)("sha256", tbsDer, signer), certificate = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, !0, [
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
  let spki = (0, import_node_crypto2.createPublicKey)(key).export({ type: "spki", format: "der" }), bits = fromDer(spki.toString("binary"), { decodeBitStrings: !1 }).value[1].value.slice(1);
  return (0, import_node_crypto2.createHash)("sha1").update(Buffer.from(bits, "binary")).digest();
}
var import_node_crypto2, import_node_forge, asn1, fromDer, pki, OID, BACKDATE_MS, DAY_MS2, wholeSeconds, init_x509 = __esm({
  "src/cert/x509.ts"() {
    import_node_crypto2 = require("node:crypto"), import_node_forge = __toESM(require("node-forge")), asn1 = import_node_forge.default.asn1, fromDer = asn1.fromDer, pki = import_node_forge.default.pki, OID = {
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
    subject: readCaFields(new import_node_crypto3.X509Certificate(caCertPem).raw).subject,
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
    cert = new import_node_crypto3.X509Certificate(certPem);
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
    key = (0, import_node_crypto3.createPrivateKey)(keyPem);
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
var import_node_crypto3, CA_COMMON_NAME, DEFAULT_CA_BITS, DEFAULT_CLIENT_BITS, day, init_make = __esm({
  "src/cert/make.ts"() {
    import_node_crypto3 = require("node:crypto");
    init_types();
    init_x509();
    CA_COMMON_NAME = "Harness delegate mTLS CA", DEFAULT_CA_BITS = 4096, DEFAULT_CLIENT_BITS = 2048;
    day = (d) => d.toISOString().slice(0, 10);
  }
});

// src/cert/write-new.ts
function existingFiles(dir, names) {
  return names.filter((name) => (0, import_node_fs2.lstatSync)((0, import_node_path3.join)(dir, name), { throwIfNoEntry: !1 }) !== void 0);
}
function writeNewFiles(dir, shown, files2, hooks = {}) {
  let show = (name) => shown === "." ? name : (0, import_node_path3.join)(shown, name), dirStat = (0, import_node_fs2.statSync)(dir, { throwIfNoEntry: !1 });
  if (dirStat && !dirStat.isDirectory()) throw new CertError(shown, "is not a directory");
  let present = dirStat ? existingFiles(
    dir,
    files2.map((f) => f.name)
  ) : [];
  if (present.length > 0) throw existsError(present.map(show));
  let createdDirs = [], createdFiles = [], current = "";
  try {
    if (!dirStat) {
      let first = (0, import_node_fs2.mkdirSync)(dir, { recursive: !0 });
      if (first !== void 0) for (let d = dir; createdDirs.push(d), d !== first; d = (0, import_node_path3.dirname)(d)) ;
    }
    for (let f of files2) {
      current = f.name;
      let fd = (0, import_node_fs2.openSync)((0, import_node_path3.join)(dir, f.name), "wx", f.mode);
      createdFiles.push((0, import_node_path3.join)(dir, f.name));
      try {
        (0, import_node_fs2.writeFileSync)(fd, f.text), (0, import_node_fs2.fsyncSync)(fd);
      } finally {
        (0, import_node_fs2.closeSync)(fd);
      }
      hooks.afterCreate?.((0, import_node_path3.join)(dir, f.name));
    }
  } catch (e) {
    for (let path of createdFiles.reverse()) (0, import_node_fs2.unlinkSync)(path);
    for (let d of createdDirs)
      try {
        (0, import_node_fs2.rmdirSync)(d);
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
var import_node_fs2, import_node_path3, init_write_new = __esm({
  "src/cert/write-new.ts"() {
    import_node_fs2 = require("node:fs"), import_node_path3 = require("node:path");
    init_types();
  }
});

// src/cli/run-cert.ts
var run_cert_exports = {};
__export(run_cert_exports, {
  runCert: () => runCert
});
async function runCert(args, io) {
  let dir = (0, import_node_path4.resolve)(io.cwd, args.dir), shown = (name) => shellWord(args.dir === "." ? name : (0, import_node_path4.join)(args.dir, name));
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
    return io.stderr.write((0, import_errors4.formatDiagnostic)({ code: "CERT", severity: "error", file: e.file, message: e.message }) + `
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
  let st = (0, import_node_fs3.statSync)(dir, { throwIfNoEntry: !1 });
  if (st && !st.isDirectory()) throw new CertError(shownDir, "is not a directory: --dir names where the files go");
  let present = st ? existingFiles(dir, names) : [];
  if (present.length > 0) throw existsError(present.map((n) => shownDir === "." ? n : (0, import_node_path4.join)(shownDir, n)));
}
function readText(io, file, what) {
  try {
    return (0, import_node_fs3.readFileSync)((0, import_node_path4.resolve)(io.cwd, file), "utf8");
  } catch (e) {
    let code = e.code;
    throw new import_errors4.UsageError(`cannot read the ${what} ${file}: ${code === "ENOENT" ? "no such file" : code}`);
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
  for (let d = dir; ; d = (0, import_node_path4.dirname)(d)) {
    if ((0, import_node_fs3.statSync)((0, import_node_path4.join)(d, ".git"), { throwIfNoEntry: !1 }))
      return `warning: ${keys.join(" and ")} ${keys.length === 1 ? "is" : "are"} inside a git work tree (${d}): never commit ${keys.length === 1 ? "it" : "them"}
`;
    if ((0, import_node_path4.dirname)(d) === d) return "";
  }
}
function shellWord(s) {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}
var import_node_fs3, import_node_path4, import_errors4, init_run_cert = __esm({
  "src/cli/run-cert.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs"), import_node_path4 = require("node:path"), import_errors4 = __toESM(require_errors(), 1);
    init_make();
    init_types();
    init_write_new();
  }
});

// dmtls-shared:src/io/read-input.ts
var require_read_input = __commonJS({
  "dmtls-shared:src/io/read-input.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/io/read-input.ts");
  }
});

// dmtls-shared:src/pipeline/migrate.ts
var require_migrate = __commonJS({
  "dmtls-shared:src/pipeline/migrate.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/pipeline/migrate.ts");
  }
});

// dmtls-shared:src/yaml/splice.ts
var require_splice = __commonJS({
  "dmtls-shared:src/yaml/splice.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/yaml/splice.ts");
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
    if (STRINGS.includes(key)) {
      if (typeof value != "string" || value === "")
        throw new FunctionConfigError(`${where}: ${key} must be a non-empty string, found ${JSON.stringify(value)}`);
      key === "endpoint" && (0, import_endpoint3.normalizeEndpoint)(value, `${where}: endpoint`), key === "mountPath" && (0, import_mount_path2.checkMountPath)(value, `${where}: mountPath`), out[key] = value;
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
var import_endpoint3, import_mount_path2, FN_API_VERSION, FN_KIND, STRINGS, BOOLEANS, KEYS, FunctionConfigError, isObject, init_function_config = __esm({
  "src/krm/function-config.ts"() {
    import_endpoint3 = __toESM(require_endpoint()), import_mount_path2 = __toESM(require_mount_path()), FN_API_VERSION = "delegate-mtls.harness.io/v1alpha1", FN_KIND = "DelegateMtls", STRINGS = ["endpoint", "secretName", "mountPath"], BOOLEANS = ["tiService", "grpcAuthority"], KEYS = [...STRINGS, ...BOOLEANS], FunctionConfigError = class extends Error {
    }, isObject = (v) => typeof v == "object" && v !== null && !Array.isArray(v);
  }
});

// dmtls-shared:src/yaml/item-text.ts
var require_item_text = __commonJS({
  "dmtls-shared:src/yaml/item-text.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/yaml/item-text.ts");
  }
});

// src/krm/resource-list.ts
function readResourceList(src) {
  let doc = (0, import_yaml3.parseDocument)(src, { ...import_parse2.K8S_PARSE, keepSourceTokens: !1 }), at = (offset) => (0, import_source2.linePos)(src, offset), err = doc.errors[0];
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
  if (!(0, import_yaml3.isMap)(root)) {
    let found = (0, import_yaml3.isSeq)(root) ? "a list" : (0, import_yaml3.isScalar)(root) && root.value !== null ? "a scalar" : "an empty document";
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
  if (itemsNode !== void 0 && !(0, import_yaml3.isSeq)(itemsNode) && !((0, import_yaml3.isScalar)(itemsNode) && itemsNode.value === null)) {
    let where = at(itemsNode.range[0]);
    throw new InvalidResourceList("items must be a list of objects", where.line, where.col);
  }
  let items = [];
  for (let item of (0, import_yaml3.isSeq)(itemsNode) ? itemsNode.items : []) {
    let node = item, where = at(node.range[0]);
    if (!(0, import_yaml3.isMap)(node)) throw new InvalidResourceList("every item must be an object (a mapping)", where.line, where.col);
    let meta = node.get("metadata", !0), index = annotation(meta, "config.kubernetes.io/index", "internal.config.kubernetes.io/index");
    items.push({
      ...(0, import_item_text.itemText)(src, node),
      apiVersion: text(node, "apiVersion"),
      kind: text(node, "kind"),
      name: text(meta, "name"),
      namespace: text(meta, "namespace"),
      path: annotation(meta, "config.kubernetes.io/path", "internal.config.kubernetes.io/path"),
      index: index !== void 0 && /^[0-9]+$/.test(index) ? Number(index) : void 0
    });
  }
  let fc = root.get("functionConfig", !0), results = root.items.find((p) => (0, import_yaml3.isScalar)(p.key) && p.key.value === "results"), out = { src, items, root };
  return fc !== void 0 && !((0, import_yaml3.isScalar)(fc) && fc.value === null) && (out.functionConfig = fc.toJS(doc)), results && (out.results = results), out;
}
var import_yaml3, import_parse2, import_item_text, import_source2, RESOURCE_LIST_VERSIONS, InvalidResourceList, annotation, text, expected, init_resource_list = __esm({
  "src/krm/resource-list.ts"() {
    import_yaml3 = __toESM(require_dist()), import_parse2 = __toESM(require_parse()), import_item_text = __toESM(require_item_text()), import_source2 = __toESM(require_source()), RESOURCE_LIST_VERSIONS = ["config.kubernetes.io/v1", "config.kubernetes.io/v1beta1"], InvalidResourceList = class extends Error {
      constructor(message, line, col) {
        super(message);
        this.line = line;
        this.col = col;
      }
      line;
      col;
    }, annotation = (meta, ...keys) => {
      let annotations = (0, import_yaml3.isMap)(meta) ? meta.get("annotations", !0) : void 0;
      for (let key of keys) {
        let v = (0, import_yaml3.isMap)(annotations) ? annotations.get(key, !0) : void 0;
        if ((0, import_yaml3.isScalar)(v) && v.value !== null && v.value !== void 0) return String(v.value);
      }
    }, text = (map, key) => {
      let v = (0, import_yaml3.isMap)(map) ? map.get(key, !0) : void 0;
      return (0, import_yaml3.isScalar)(v) && typeof v.value == "string" ? v.value : void 0;
    };
    expected = (found) => `expected a ResourceList (apiVersion: config.kubernetes.io/v1, kind: ResourceList, items: [...]) on standard input, as kpt and kustomize send it; found ${found}`;
  }
});

// dmtls-shared:src/resources/secret-manifest.ts
var require_secret_manifest = __commonJS({
  "dmtls-shared:src/resources/secret-manifest.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/resources/secret-manifest.ts");
  }
});

// src/krm/results.ts
function about(item) {
  let out = {};
  return item?.apiVersion && item.kind && item.name && (out.resourceRef = { apiVersion: item.apiVersion, kind: item.kind, name: item.name }, item.namespace && (out.resourceRef.namespace = item.namespace)), item?.path && (out.file = { path: item.path, index: item.index ?? 0 }), out;
}
function changeResult(change, item) {
  let where = about(item), out = {
    message: (0, import_secret_manifest.redactSecretData)(`${OP[change.op]}: ${change.reason}`),
    severity: "info",
    ...where
  };
  return where.resourceRef && (out.field = { path: change.path }, change.before !== void 0 && (out.field.currentValue = change.before), change.after !== void 0 && (out.field.proposedValue = change.after)), out;
}
function diagnosticResult(d, item) {
  return { message: (0, import_secret_manifest.redactSecretData)(d.message), severity: d.severity, ...about(item) };
}
function resultsSplice(list, results, eol) {
  let { root, src } = list, range = (n) => n.range;
  if (results.length === 0) {
    if (!list.results || root.flow) return;
    let start = (0, import_source3.lineStartOf)(src, range(list.results.key)[0]), value = list.results.value;
    return (0, import_splice.replaceRange)(start, (0, import_source3.lineEndAfter)(src, Math.max(start, (value?.range[1] ?? start + 1) - 1)), "");
  }
  if (root.flow) {
    let json = `"results": ${JSON.stringify(results)}`;
    if (list.results) return (0, import_splice.replaceRange)(range(list.results.key)[0], range(list.results.value)[1], json);
    let at = root.range[1] - 1;
    for (; at > 0 && /\s/.test(src[at - 1]); ) at--;
    return (0, import_splice.insertAt)(at, (src[at - 1] === "{" ? "" : ", ") + json);
  }
  let block = (0, import_yaml4.stringify)({ results }, { version: "1.1", lineWidth: 0 }).replace(/\n/g, eol);
  if (list.results) {
    let start = range(list.results.key)[0], value = list.results.value;
    return (0, import_splice.replaceRange)(start, (0, import_source3.lineEndAfter)(src, Math.max(start, (value?.range[1] ?? start) - 1)), block);
  }
  return (0, import_splice.insertAt)(src.length, (src === "" || src.endsWith(`
`) ? "" : eol) + block);
}
var import_yaml4, import_secret_manifest, import_source3, import_splice, OP, init_results = __esm({
  "src/krm/results.ts"() {
    import_yaml4 = __toESM(require_dist()), import_secret_manifest = __toESM(require_secret_manifest()), import_source3 = __toESM(require_source()), import_splice = __toESM(require_splice());
    OP = {
      set: "set",
      add: "add",
      append: "append to",
      remove: "remove",
      insert: "insert"
    };
  }
});

// dmtls-shared:src/yaml/spans.ts
var require_spans = __commonJS({
  "dmtls-shared:src/yaml/spans.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/yaml/spans.ts");
  }
});

// src/krm/splice-items.ts
function migrateItems(src, items, options, eol) {
  let docs = items.map((item) => (0, import_item_text2.unindent)(src, item, eol)), separator = `---${eol}`, stream = docs.map((d) => d.lines.join("")).join(separator), firstLines = [];
  for (let i = 0, line = 1; i < docs.length; line += docs[i].lines.length + 1, i++) firstLines.push(line);
  let result = (0, import_migrate.migrate)(stream, { ...options, file: "<items>" }), changed = /* @__PURE__ */ new Map();
  if (result.status === "error" || result.output === stream) return { result, changed, firstLines };
  let starts = (0, import_spans.documentStarts)(result.output);
  if (!starts || starts.length !== items.length)
    throw new import_errors5.InternalError(`the migrated items came back as ${starts?.length ?? "an unknown number of"} documents`);
  let inputs = docs.map((d) => d.lines.join(""));
  return starts.forEach((start, i) => {
    let doc = result.output.slice(start, starts[i + 1] ?? result.output.length);
    if (i > 0) {
      if (!doc.startsWith(separator)) throw new import_errors5.InternalError("a migrated item lost its document separator");
      doc = doc.slice(separator.length);
    }
    doc !== inputs[i] && changed.set(i, { text: (0, import_item_text2.reindent)(docs[i], doc, items[i].col), document: doc });
  }), { result, changed, firstLines };
}
function itemDocument(src, item, eol) {
  return (0, import_item_text2.unindent)(src, item, eol).lines.join("");
}
var import_errors5, import_migrate, import_spans, import_item_text2, init_splice_items = __esm({
  "src/krm/splice-items.ts"() {
    import_errors5 = __toESM(require_errors()), import_migrate = __toESM(require_migrate()), import_spans = __toESM(require_spans()), import_item_text2 = __toESM(require_item_text());
  }
});

// src/cli/run-fn.ts
var run_fn_exports = {};
__export(run_fn_exports, {
  runFn: () => runFn
});
async function runFn(args, io) {
  let read = await (0, import_read_input.readStdin)(io.stdin, args.maxBytes);
  if ("error" in read) return invalid(io, read.error.message);
  let source = (0, import_source4.readSource)(read.text), list;
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
    return io.stdout.write((0, import_source4.writeSource)(source, splice ? (0, import_splice2.applySplices)(src, [splice]) : src)), 1;
  }, options;
  try {
    let settings = mergeSettings(settingsFromConfig(list.functionConfig), args.settings), endpoint = settings.endpoint ?? args.envEndpoint;
    if (!endpoint)
      throw new FunctionConfigError(
        "no endpoint: set endpoint in the functionConfig (kpt fn eval \u2026 -- endpoint=https://acme.harness.io:8443), or give --endpoint, or set DELEGATE_MTLS_ENDPOINT"
      );
    settings.endpoint === void 0 && args.envEndpointFrom && (0, import_endpoint4.normalizeEndpoint)(endpoint, args.envEndpointFrom), options = (0, import_migrate2.resolveOptions)({ ...settings, endpoint });
  } catch (e) {
    if (!(e instanceof FunctionConfigError || e instanceof import_errors6.UsageError)) throw e;
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
        `delegate-mtls fn: ${(0, import_errors6.formatDiagnostic)({
          code: d.code,
          severity: d.severity,
          message: d.message,
          file: describe(itemOfLine(d.line))
        })}
`
      );
    let splice = resultsSplice(list, diagnostics, eol);
    return io.stdout.write((0, import_source4.writeSource)(source, splice ? (0, import_splice2.applySplices)(src, [splice]) : src)), 1;
  }
  let results = [...result.changes.map((c) => changeResult(c, items[c.resource.document])), ...diagnostics], splices = [...migrated.changed].map(([i, c]) => (0, import_splice2.replaceRange)(items[i].start, items[i].end, c.text)), last = resultsSplice(list, results, eol);
  last && splices.push(last);
  let out = (0, import_splice2.applySplices)(src, splices);
  return verify(out, migrated.changed, items.length, eol), io.stdout.write((0, import_source4.writeSource)(source, out)), 0;
}
function verify(out, changed, count, eol) {
  if (changed.size === 0) return;
  let again;
  try {
    again = readResourceList(out);
  } catch (e) {
    throw new import_errors6.InternalError(`the ResourceList written would not read back: ${e.message}`);
  }
  if (again.items.length !== count) throw new import_errors6.InternalError(`the ResourceList written has ${again.items.length} items`);
  for (let [i, c] of changed)
    if (itemDocument(out, again.items[i], eol) !== c.document)
      throw new import_errors6.InternalError(`item ${i} of the ResourceList written is not the migrated document`);
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
  return io.stdout.write((0, import_yaml5.stringify)(list, { version: "1.1", lineWidth: 0 })), 1;
}
var import_yaml5, import_errors6, import_read_input, import_migrate2, import_endpoint4, import_source4, import_splice2, describe, init_run_fn = __esm({
  "src/cli/run-fn.ts"() {
    "use strict";
    import_yaml5 = __toESM(require_dist(), 1), import_errors6 = __toESM(require_errors(), 1), import_read_input = __toESM(require_read_input(), 1), import_migrate2 = __toESM(require_migrate(), 1), import_endpoint4 = __toESM(require_endpoint(), 1), import_source4 = __toESM(require_source(), 1), import_splice2 = __toESM(require_splice(), 1);
    init_function_config();
    init_resource_list();
    init_results();
    init_splice_items();
    describe = (item) => item ? `${item.path ?? "item"}${item.index !== void 0 ? `[${item.index}]` : ""} ${item.kind ?? ""}/${item.name ?? ""}` : "<stdin>";
  }
});

// dmtls-shared:src/resources/secret-name.ts
var require_secret_name = __commonJS({
  "dmtls-shared:src/resources/secret-name.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/resources/secret-name.ts");
  }
});

// src/secret/secret-name.ts
var import_secret_name, init_secret_name = __esm({
  "src/secret/secret-name.ts"() {
    import_secret_name = __toESM(require_secret_name());
  }
});

// dmtls-shared:src/secret/render-secret.ts
var require_render_secret = __commonJS({
  "dmtls-shared:src/secret/render-secret.ts"(exports2, module2) {
    module2.exports = __dmtls_shared("src/secret/render-secret.ts");
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
    `  name: ${(0, import_secret_manifest2.yamlString)(spec.name)}`,
    ...spec.namespace ? [`  namespace: ${(0, import_secret_manifest2.yamlString)(spec.namespace)}`] : [],
    "spec:",
    `  secretName: ${(0, import_secret_manifest2.yamlString)(spec.name)}`,
    `  commonName: ${(0, import_secret_manifest2.yamlString)(spec.commonName)}`,
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
    `    name: ${(0, import_secret_manifest2.yamlString)(spec.issuer)}`,
    `    kind: ${spec.issuerKind}`,
    "    group: cert-manager.io"
  ].join(eol) + eol;
}
var import_secret_manifest2, UNIT_MS, init_cert_manager = __esm({
  "src/secret/cert-manager.ts"() {
    import_secret_manifest2 = __toESM(require_secret_manifest()), UNIT_MS = {
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
  if (!(0, import_secret_name.isSecretName)(args.name)) throw new import_errors7.UsageError(`--name "${args.name}" is not a valid Kubernetes Secret name`);
  if (args.namespace !== void 0 && !(0, import_secret_name.isNamespaceName)(args.namespace))
    throw new import_errors7.UsageError(
      `-n "${args.namespace}" is not a Kubernetes namespace: expected a DNS-1123 label, at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit`
    );
  if (args.certManager) return printCertificate(args, args.certManager, io);
  let pems = await (0, import_load_certificate2.loadCertificate)(
    { cert: args.cert, key: args.key, ...args.ca === void 0 ? {} : { ca: args.ca } },
    io
  );
  if (!pems) return 2;
  let { renderSecretManifest } = await Promise.resolve().then(() => __toESM(require_render_secret(), 1));
  return io.stdout.write(
    renderSecretManifest({ name: args.name, ...args.namespace ? { namespace: args.namespace } : {}, ...pems })
  ), 0;
}
async function printCertificate(args, cm, io) {
  let { parseGoDuration: parseGoDuration2, renderCertificate: renderCertificate2 } = await Promise.resolve().then(() => (init_cert_manager(), cert_manager_exports));
  if (!(0, import_secret_name.isSecretName)(cm.issuer))
    throw new import_errors7.UsageError(`--cert-manager-issuer "${cm.issuer}" is not a valid Kubernetes object name`);
  let duration = parseGoDuration2(cm.duration), renewBefore = parseGoDuration2(cm.renewBefore);
  for (let [flag, value, ms] of [
    ["--duration", cm.duration, duration],
    ["--renew-before", cm.renewBefore, renewBefore]
  ])
    if (ms === void 0) throw new import_errors7.UsageError(`${flag} "${value}" is not a duration: expected e.g. 2160h or 90m`);
  if (duration < 36e5) throw new import_errors7.UsageError(`--duration ${cm.duration} is under 1h, which cert-manager refuses`);
  if (renewBefore >= duration)
    throw new import_errors7.UsageError(`--renew-before ${cm.renewBefore} must be shorter than --duration ${cm.duration}`);
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
var import_errors7, import_load_certificate2, init_run_secret = __esm({
  "src/cli/run-secret.ts"() {
    "use strict";
    import_errors7 = __toESM(require_errors(), 1), import_load_certificate2 = __toESM(require_load_certificate(), 1);
    init_secret_name();
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
    BOUNDARY = /-----(BEGIN|END) ([A-Z0-9][A-Z0-9 ]*?)?-----/g;
    READABLE_KEY_LABELS = [
      "PRIVATE KEY",
      "RSA PRIVATE KEY",
      "EC PRIVATE KEY",
      "DSA PRIVATE KEY"
    ];
  }
});

// src/secret/check-certificate.ts
var check_certificate_exports = {};
__export(check_certificate_exports, {
  EXPIRY_WARNING_DAYS: () => import_certificate_info3.EXPIRY_WARNING_DAYS,
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
        key = (0, import_node_crypto4.createPrivateKey)({ key: block.text, format: "pem" });
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
      chain.push(new import_node_crypto4.X509Certificate(block.text)), i === 0 && (leafParsed = !0);
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
  let who = describe2(leaf);
  if (notBefore.getTime() > now.getTime() && error(
    certFile,
    `the certificate in ${certFile} (${who}) is not valid yet: it becomes valid on ${isoDate2(notBefore)}`
  ), notAfter.getTime() < now.getTime())
    error(certFile, `the certificate in ${certFile} (${who}) expired on ${isoDate2(notAfter)}`);
  else if (notAfter.getTime() - now.getTime() < import_certificate_info3.EXPIRY_WARNING_DAYS * DAY_MS3) {
    let days = Math.ceil((notAfter.getTime() - now.getTime()) / DAY_MS3);
    warn(
      certFile,
      `the certificate in ${certFile} (${who}) expires on ${isoDate2(notAfter)}, in ${days} day${days === 1 ? "" : "s"}; renew it before then`
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
      cas.push(new import_node_crypto4.X509Certificate(block.text));
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
        `${certFile}: certificate ${describe2(current)} is not signed by the next certificate of the chain (${describe2(next)}), although the names match`
      );
      return;
    }
    seen.add(next), current = next;
  }
  let what = current === leaf ? `the certificate in ${certFile}` : `the chain in ${certFile} (top: ${describe2(current)})`;
  if (issuer)
    current.verify(issuer.publicKey) || error(
      certFile,
      `${what} is not signed by the CA in ${caFile} (${describe2(issuer)}): the issuer name matches but the signature does not verify with that CA's key`
    );
  else {
    let caNames = cas.map((c) => describe2(c)).join("; "), sameName = cas.some((c) => c.subject === current.issuer);
    error(
      certFile,
      `${what} was not issued by the CA in ${caFile}: it names issuer "${oneLine3(current.issuer)}", ${caFile} holds ${caNames}` + (sameName ? " (the same name, but a different CA: the authority key identifiers differ)" : "")
    );
  }
  for (let ca of issuer ? [issuer] : cas)
    ca.ca || error(
      caFile,
      `the certificate in ${caFile} (${describe2(ca)}) is not a CA certificate (basicConstraints CA:TRUE is missing)`
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
      let leaf = new import_node_crypto4.X509Certificate(certBlock.text);
      owner = keyBlocks.findIndex((b) => {
        try {
          return leaf.checkPrivateKey((0, import_node_crypto4.createPrivateKey)({ key: b.text, format: "pem" }));
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
function oneLine3(dn) {
  return dn.split(`
`).join(", ");
}
function describe2(cert) {
  return `subject "${oneLine3(cert.subject)}"`;
}
function isoDate2(d) {
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
var import_node_crypto4, import_certificate_info3, MIN_RSA_BITS, OID_CLIENT_AUTH, EKU_NAMES, DAY_MS3, CURVE_NAMES, init_check_certificate = __esm({
  "src/secret/check-certificate.ts"() {
    "use strict";
    import_node_crypto4 = require("node:crypto");
    init_pem();
    import_certificate_info3 = __toESM(require_certificate_info(), 1), MIN_RSA_BITS = 2048, OID_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2", EKU_NAMES = {
      "1.3.6.1.5.5.7.3.1": "serverAuth",
      "1.3.6.1.5.5.7.3.2": "clientAuth",
      "1.3.6.1.5.5.7.3.3": "codeSigning",
      "1.3.6.1.5.5.7.3.4": "emailProtection",
      "1.3.6.1.5.5.7.3.8": "timeStamping",
      "1.3.6.1.5.5.7.3.9": "OCSPSigning",
      "2.5.29.37.0": "anyExtendedKeyUsage"
    }, DAY_MS3 = 1440 * 60 * 1e3;
    CURVE_NAMES = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" };
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
var require_stringify = __commonJS({
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
      let isPadded = hasPadding(min) || hasPadding(max), state = { min, max, a, b }, positives = [], negatives = [];
      if (isPadded && (state.isPadded = isPadded, state.maxLen = String(state.max).length), a < 0) {
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
    }, stringify3 = (start, end, options) => typeof start == "string" || typeof end == "string" ? !0 : options.stringify === !0, pad = (input, maxLength, toNumber) => {
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
      let parts = { negatives: [], positives: [] }, push = (num) => parts[num < 0 ? "negatives" : "positives"].push(Math.abs(num)), range = [], index = 0;
      for (; descending ? a >= b : a <= b; )
        options.toRegex === !0 && step > 1 ? push(a) : range.push(pad(format3(a, index), maxLen, toNumber)), a = descending ? a - step : a + step, index++;
      return options.toRegex === !0 ? step > 1 ? toSequence(parts, options, maxLen) : toRegex(range, null, { wrap: !1, ...options }) : range;
    }, fillLetters = (start, end, step = 1, options = {}) => {
      if (!isNumber(start) && start.length > 1 || !isNumber(end) && end.length > 1)
        return invalidRange(start, end, options);
      let format3 = options.transform || ((val) => String.fromCharCode(val)), a = `${start}`.charCodeAt(0), b = `${end}`.charCodeAt(0), descending = a > b, min = Math.min(a, b), max = Math.max(a, b);
      if (options.toRegex && step === 1)
        return toRange(min, max, !1, options);
      let range = [], index = 0;
      for (; descending ? a >= b : a <= b; )
        range.push(format3(a, index)), a = descending ? a - step : a + step, index++;
      return options.toRegex === !0 ? toRegex(range, null, { wrap: !1, options }) : range;
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
          let args = utils.reduce(node.nodes), range = fill(...args, { ...options, wrap: !1, toRegex: !0, strictZeros: !0 });
          if (range.length !== 0)
            return args.length > 1 && range.length > 1 ? `(${range})` : range;
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
    var fill = require_fill_range(), stringify3 = require_stringify(), utils = require_utils(), append = (queue = "", stash = "", enclose = !1) => {
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
          let range = fill(...args, options);
          range.length === 0 && (range = stringify3(node, options)), q.push(append(q.pop(), range)), node.nodes = [];
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
var require_parse2 = __commonJS({
  "node_modules/braces/lib/parse.js"(exports2, module2) {
    "use strict";
    var stringify3 = require_stringify(), {
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
    } = require_constants(), parse = (input, options = {}) => {
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
    module2.exports = parse;
  }
});

// node_modules/braces/index.js
var require_braces = __commonJS({
  "node_modules/braces/index.js"(exports2, module2) {
    "use strict";
    var stringify3 = require_stringify(), compile = require_compile(), expand = require_expand(), parse = require_parse2(), braces = (input, options = {}) => {
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
    braces.parse = (input, options = {}) => parse(input, options);
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
var require_parse3 = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports2, module2) {
    "use strict";
    var constants = require_constants2(), utils = require_utils2(), {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants, expandRange = (args, options) => {
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
      let max = typeof options.maxExtglobRecursion == "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION, branches = splitTopLevel(body).map((branch) => branch.trim());
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
    }, parse = (input, options) => {
      if (typeof input != "string")
        throw new TypeError("Expected a string");
      input = REPLACEMENTS[input] || input;
      let opts = { ...options }, max = typeof opts.maxLength == "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH, len = input.length;
      if (len > max)
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      let bos = { type: "bos", value: "", output: opts.prepend || "" }, tokens = [bos], capture = opts.capture ? "" : "?:", win32 = utils.isWindows(options), PLATFORM_CHARS = constants.globChars(win32), EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS), {
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
            let expression = parse(rest, { ...options, fastpaths: !1 }).output;
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
            let arr = tokens.slice(), range = [];
            for (let i = arr.length - 1; i >= 0 && (tokens.pop(), arr[i].type !== "brace"); i--)
              arr[i].type !== "dots" && range.unshift(arr[i].value);
            output = expandRange(range, opts), state.backtrack = !0;
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
    parse.fastpaths = (input, options) => {
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
      } = constants.globChars(win32), nodot = opts.dot ? NO_DOTS : NO_DOT, slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT, capture = opts.capture ? "" : "?:", state = { negated: !1, prefix: "" }, star = opts.bash === !0 ? ".*?" : STAR;
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
    module2.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports2, module2) {
    "use strict";
    var path = require("path"), scan = require_scan(), parse = require_parse3(), utils = require_utils2(), constants = require_constants2(), isObject2 = (val) => val && typeof val == "object" && !Array.isArray(val), picomatch = (glob, options, returnState = !1) => {
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
    picomatch.parse = (pattern, options) => Array.isArray(pattern) ? pattern.map((p) => picomatch.parse(p, options)) : parse(pattern, { ...options, fastpaths: !1 });
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
      return options.fastpaths !== !1 && (input[0] === "." || input[0] === "*") && (parsed.output = parse.fastpaths(input, options)), parsed.output || (parsed = parse(input, options)), picomatch.compileRe(parsed, options, returnOutput, returnState);
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
    picomatch.constants = constants;
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
      let basename2 = path.basename(pattern);
      return endsWithSlashGlobStar(pattern) || isStaticPattern(basename2);
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
      let absolute = [], relative2 = [];
      for (let pattern of patterns)
        isAbsolute(pattern) ? absolute.push(pattern) : relative2.push(pattern);
      return [absolute, relative2];
    }
    exports2.partitionAbsoluteAndRelative = partitionAbsoluteAndRelative;
    function isAbsolute(pattern) {
      return path.isAbsolute(pattern);
    }
    exports2.isAbsolute = isAbsolute;
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
var require_string = __commonJS({
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
    var string = require_string();
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
    function statSync5(path, optionsOrSettings) {
      let settings = getSettings(optionsOrSettings);
      return sync.read(path, settings);
    }
    exports2.statSync = statSync5;
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
      function get() {
        var current = head;
        return current.next ? head = current.next : (head = new Constructor(), tail = head), current.next = null, current;
      }
      function release(obj) {
        tail.next = obj, tail = obj;
      }
      return {
        get,
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
        var p = new Promise(function(resolve8, reject) {
          pushCb(value, function(err, result) {
            if (err) {
              reject(err);
              return;
            }
            resolve8(result);
          });
        });
        return p.catch(noop), p;
      }
      function unshift(value) {
        var p = new Promise(function(resolve8, reject) {
          unshiftCb(value, function(err, result) {
            if (err) {
              reject(err);
              return;
            }
            resolve8(result);
          });
        });
        return p.catch(noop), p;
      }
      function drained() {
        var p = new Promise(function(resolve8) {
          process.nextTick(function() {
            if (queue.idle())
              resolve8();
            else {
              var previousDrain = queue.drain;
              queue.drain = function() {
                typeof previousDrain == "function" && previousDrain(), resolve8(), queue.drain = previousDrain;
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
        return new Promise((resolve8, reject) => {
          this._stat(filepath, this._fsStatSettings, (error, stats) => error === null ? resolve8(stats) : reject(error));
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
        return new Promise((resolve8, reject) => {
          this._walkAsync(root, options, (error, entries) => {
            error === null ? resolve8(entries) : reject(error);
          });
        });
      }
      async static(patterns, options) {
        let entries = [], stream = this._readerStream.static(patterns, options);
        return new Promise((resolve8, reject) => {
          stream.once("error", reject), stream.on("data", (entry) => entries.push(entry)), stream.once("end", () => resolve8(entries));
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

// dmtls-lazy:entry
exports.modules = {
  "src/cli/args.ts": () => (init_args(), __toCommonJS(args_exports)),
  "src/cli/run-audit.ts": () => (init_run_audit(), __toCommonJS(run_audit_exports)),
  "src/cli/run-cert.ts": () => (init_run_cert(), __toCommonJS(run_cert_exports)),
  "src/cli/run-fn.ts": () => (init_run_fn(), __toCommonJS(run_fn_exports)),
  "src/cli/run-probe.ts": () => (init_run_probe(), __toCommonJS(run_probe_exports)),
  "src/cli/run-secret.ts": () => (init_run_secret(), __toCommonJS(run_secret_exports)),
  "src/secret/check-certificate.ts": () => (init_check_certificate(), __toCommonJS(check_certificate_exports)),
  "node_modules/fast-glob/out/index.js": () => require_out4()
};
return module.exports;
};
