// The bundle's patches to the yaml library (esbuild plugins): scripts/build.mjs builds the CLI and the
// library with them, and scripts/bench.mjs builds its fair parse floor (yaml as the bundle runs it) with them.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'

// yaml's parser and composer read process.env.LOG_TOKENS / LOG_STREAM (debugging switches that print
// every token) once per token. process.env is a C++ interceptor, and on a Kubernetes manifest those
// reads are about a third of the parse time. The bundle reads each switch once, when yaml loads, so it
// still works when set before the run. The build fails if a yaml release no longer matches.
export const yamlDebugSwitches = {
  name: 'yaml-debug-switches',
  setup(b) {
    b.onLoad(
      { filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](?:parse[\\/]parser|compose[\\/]composer)\.js$/ },
      (args) => {
        const text = readFileSync(args.path, 'utf8')
        const names = new Set()
        const contents = text.replace(
          /\bnode_process\.env\.(LOG_TOKENS|LOG_STREAM)\b/g,
          (_, name) => (names.add(name), `__yaml_${name}`),
        )
        if (names.size !== 1)
          throw new Error(
            `${args.path}: expected one per-token process.env read (LOG_TOKENS or LOG_STREAM), ` +
              `found ${names.size}: update scripts/build.mjs`,
          )
        const name = [...names][0]
        return { contents: `var __yaml_${name} = require('process').env.${name};\n${contents}`, loader: 'js' }
      },
    )
  },
}
// yaml marks every node it makes with its type (the NODE_TYPE symbol isMap, isPair … read) through
// Object.defineProperty on the node itself: a call into the runtime per scalar and per pair, 5% of a
// fleet --write. The bundle defines it once per node class, on the class's prototype (for the
// classes built on NodeBase, the first time one is made): `node[NODE_TYPE]` gives the same answer
// (still read-only and not enumerable), and a clone (an Object.create of the prototype) inherits it.
// A NodeBase class made with two types would throw, not mislabel (the property is not configurable);
// yaml's classes each pass one. The build fails if a yaml release no longer matches, and
// test/build.test.ts runs the bundle against the sources on every input.
const NODE_TYPE_PATCHES = {
  'Node.js': [
    [
      `    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }`,
      `    constructor(type) {
        const proto = new.target.prototype;
        if (proto[identity.NODE_TYPE] !== type)
            Object.defineProperty(proto, identity.NODE_TYPE, { value: type });
    }`,
    ],
  ],
  'Pair.js': [
    [`        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });\n`, ''],
    [
      `\nexports.Pair = Pair;`,
      `Object.defineProperty(Pair.prototype, identity.NODE_TYPE, { value: identity.PAIR });\n\nexports.Pair = Pair;`,
    ],
  ],
}
export const yamlNodeType = {
  name: 'yaml-node-type',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/]nodes[\\/](?:Node|Pair)\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8')
      for (const [from, to] of NODE_TYPE_PATCHES[basename(args.path)]) {
        if (text.split(from).length !== 2)
          throw new Error(`${args.path}: expected once: ${JSON.stringify(from)}: update scripts/build.mjs`)
        text = text.replace(from, to)
      }
      return { contents: text, loader: 'js' }
    })
  },
}
