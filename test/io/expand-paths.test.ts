import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expandPaths } from '../../src/io/index.js'
import { UsageError } from '../../src/errors.js'
import { makeTmp } from './helpers/tmp.js'

const test = suite('expandPaths')
let tmp: ReturnType<typeof makeTmp>
let cwd = ''

test.before(() => {
  tmp = makeTmp()
  cwd = tmp.dir
  const files = [
    'top.yaml',
    'k8s/b.yaml',
    'k8s/a.yml',
    'k8s/readme.md',
    'k8s/sub/c.yaml',
    'k8s/.hidden/h.yaml',
    'k8s/.git/in-git.yaml',
    'k8s/node_modules/dep/in-nm.yaml',
    'k8s/.b.yaml.delegate-mtls-123-abc.tmp',
    'only-tmp/.x.yaml.delegate-mtls-1-ab.tmp',
    'glob/z.yaml',
    'glob/y.yaml',
    'glob/.dot.yaml',
  ]
  for (const f of files) {
    mkdirSync(join(cwd, f, '..'), { recursive: true })
    writeFileSync(join(cwd, f), 'a: 1\n')
  }
  mkdirSync(join(cwd, 'empty/deeper'), { recursive: true })
  writeFileSync(join(cwd, 'empty/deeper/notes.txt'), 'x')
  symlinkSync('top.yaml', join(cwd, 'link-to-top.yaml'))
  symlinkSync('k8s/sub', join(cwd, 'k8s-sub-link'))
})
test.after(() => tmp.remove())

test('a directory recurses into *.yaml and *.yml, sorted; skips .git, node_modules, temp files', async () => {
  const r = await expandPaths(['k8s'], cwd)
  assert.equal(r.errors, [])
  assert.equal(r.files, ['k8s/.hidden/h.yaml', 'k8s/a.yml', 'k8s/b.yaml', 'k8s/sub/c.yaml'])
})

test('literal files come first in argument order, then directories and globs, deduplicated', async () => {
  const r = await expandPaths(['glob/*.yaml', 'k8s', 'top.yaml', 'k8s/sub/c.yaml', 'top.yaml'], cwd)
  assert.equal(r.errors, [])
  assert.equal(r.files, [
    'top.yaml',
    'k8s/sub/c.yaml',
    'glob/y.yaml',
    'glob/z.yaml',
    'k8s/.hidden/h.yaml',
    'k8s/a.yml',
    'k8s/b.yaml',
  ])
})

test('dedupes by real path: a symlink to a file already listed, and ./ spellings', async () => {
  const r = await expandPaths(['top.yaml', 'link-to-top.yaml', './top.yaml', 'k8s/sub', 'k8s-sub-link'], cwd)
  assert.equal(r.errors, [])
  assert.equal(r.files, ['top.yaml', 'k8s/sub/c.yaml'])
})

test('a directory given as ./dir/ is reported joined and normalised', async () => {
  assert.equal((await expandPaths(['./k8s/sub/'], cwd)).files, ['k8s/sub/c.yaml'])
})

test('an absolute directory gives absolute paths', async () => {
  assert.equal((await expandPaths([join(cwd, 'k8s/sub')], cwd)).files, [join(cwd, 'k8s/sub/c.yaml')])
})

test('a symlink to a file is a literal file', async () => {
  assert.equal((await expandPaths(['link-to-top.yaml'], cwd)).files, ['link-to-top.yaml'])
})

test('a glob uses dot: false, skips node_modules, and lists no symlinks (file or directory)', async () => {
  const r = await expandPaths(['**/*.yaml'], cwd)
  assert.equal(r.errors, [])
  assert.equal(r.files, ['glob/y.yaml', 'glob/z.yaml', 'k8s/b.yaml', 'k8s/sub/c.yaml', 'top.yaml'])
})

test('a directory lists no symlinks inside it', async () => {
  assert.equal(
    (await expandPaths(['.'], cwd)).files.filter((f) => f.includes('link')),
    [],
  )
})

test('a glob that matches nothing is an IO error naming the pattern', async () => {
  const r = await expandPaths(['k8s/*.json', 'top.yaml'], cwd)
  assert.equal(r.files, ['top.yaml'])
  assert.equal(r.errors, [
    { code: 'IO', severity: 'error', file: 'k8s/*.json', message: 'no files match the pattern "k8s/*.json"' },
  ])
})

test('a glob that matches only our temp files matches nothing', async () => {
  const r = await expandPaths(['only-tmp/.*'], cwd)
  assert.equal(r.files, [])
  assert.is(r.errors.length, 1)
  assert.match(r.errors[0]!.message, 'no files match the pattern')
})

test('a missing literal path is an IO error', async () => {
  const r = await expandPaths(['missing.yaml', 'k8s/sub'], cwd)
  assert.equal(r.files, ['k8s/sub/c.yaml'])
  assert.equal(r.errors, [
    { code: 'IO', severity: 'error', file: 'missing.yaml', message: 'no such file or directory' },
  ])
})

test('a path through a file (ENOTDIR) is a missing path', async () => {
  const r = await expandPaths(['top.yaml/x.yaml'], cwd)
  assert.equal(
    r.errors.map((e) => e.message),
    ['no such file or directory'],
  )
})

test('a directory without YAML is an error, as a pattern that matches nothing is', async () => {
  const r = await expandPaths(['empty', 'top.yaml'], cwd)
  assert.equal(r.files, ['top.yaml'])
  assert.equal(
    r.errors.map((e) => [e.file, e.message]),
    [['empty', 'no *.yaml or *.yml files in the directory "empty"']],
  )
})

test('an existing literal wins over its reading as a glob', async () => {
  writeFileSync(join(cwd, 'glob/[x].yaml'), 'a: 1\n')
  assert.equal((await expandPaths(['glob/[x].yaml'], cwd)).files, ['glob/[x].yaml'])
})

test('an empty argument is a UsageError', async () => {
  try {
    await expandPaths([''], cwd)
    assert.unreachable('should have thrown')
  } catch (err) {
    assert.instance(err, UsageError)
  }
})

test.run()
