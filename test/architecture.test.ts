import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const srcDir = join(root, 'src')
const architecture = suite('architecture')

/**
 * The layers of src/, top to bottom: a module may import its own folder and any folder of a lower layer,
 * never one of its own layer or above. Folders of one layer are siblings that know nothing of each other.
 * Top-level files (errors.ts) are the shared leaf; index.ts is the library's face and may import anything.
 */
const LAYERS: string[][] = [
  ['cli'],
  ['audit', 'secret', 'cert', 'probe', 'krm', 'io'],
  ['pipeline'],
  ['mtls'],
  ['resources', 'validate'],
  ['yaml'],
  ['<leaf>'],
]

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sources(path)
    return /\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [path] : []
  })
}

/** Relative imports of every module of src/ (static, type-only, re-exports and dynamic `import()`). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of sources(srcDir)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = info.importedFiles
      .map((f) => f.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) =>
        relative(srcDir, join(dirname(file), name))
          .split(sep)
          .join('/'),
      )
      .map((name) => name.replace(/\.js$/, '.ts'))
      .filter((name) => name.endsWith('.ts'))
    graph.set(relative(srcDir, file).split(sep).join('/'), targets)
  }
  return graph
}

const folderOf = (module: string): string => (module.includes('/') ? module.split('/')[0]! : '<leaf>')
const layerOf = (module: string): number => {
  if (module === 'index.ts') return -1
  const layer = LAYERS.findIndex((folders) => folders.includes(folderOf(module)))
  return layer
}

architecture('every folder of src/ has a layer', () => {
  const missing = [...importGraph().keys()].filter((m) => m !== 'index.ts' && layerOf(m) < 0)
  assert.equal(missing, [])
})

architecture(
  'imports run one way: cli → audit, secret, cert, io → pipeline → mtls → resources, validate → yaml',
  () => {
    const against: string[] = []
    for (const [from, targets] of importGraph()) {
      for (const to of targets) {
        if (folderOf(from) === folderOf(to) || from === 'index.ts') continue
        if (layerOf(from) >= layerOf(to)) against.push(`${from} → ${to}`)
      }
    }
    assert.equal(against, [])
  },
)

architecture('there is no import circle, type-only imports included', () => {
  const graph = importGraph()
  const circles: string[] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (module: string): void => {
    state.set(module, 'open')
    stack.push(module)
    for (const next of graph.get(module) ?? []) {
      if (state.get(next) === 'open') circles.push([...stack.slice(stack.indexOf(next)), next].join(' → '))
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(module, 'done')
  }
  for (const module of [...graph.keys()].sort()) if (!state.has(module)) visit(module)
  assert.equal(circles, [])
})

architecture('the graph is read for real: a known import is found', () => {
  // Guards the three tests above against a parser that silently finds nothing.
  assert.ok(importGraph().get('pipeline/migrate.ts')?.includes('mtls/plan.ts'))
})

architecture.run()
