// The package as npm publishes it: its declarations built (scripts/build.mjs --types, as prepublishOnly
// does), `npm pack`, the tarball installed into a scratch project with nothing else, and a small
// TypeScript consumer type-checked against it (strict, NodeNext) and run. What a library user gets is
// what this proves, not what src/ says.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pack = suite('pack')
let tmp = ''
let tarball = ''
let project = ''

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_fund: 'false' } })
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '' }
}
function must(cmd: string, args: string[], cwd: string): string {
  const r = run(cmd, args, cwd)
  assert.is(r.code, 0, `${cmd} ${args.join(' ')}:\n${r.out}\n${r.err}`)
  return r.out
}

pack.before(() => {
  tmp = mkdtempSync(join(tmpdir(), 'dmtls-pack-'))
})
pack.after(() => {
  rmSync(tmp, { recursive: true, force: true })
})

pack('npm pack: the bins, the CLI bundle, the library with its declarations, the schemas; no sources', () => {
  must(process.execPath, [join(root, 'scripts/build.mjs'), '--lib'], root)
  must(process.execPath, [join(root, 'scripts/build.mjs'), '--types'], root)
  const [info] = JSON.parse(must('npm', ['pack', '--json', '--pack-destination', tmp], root)) as {
    filename: string
    files: { path: string }[]
  }[]
  tarball = join(tmp, info!.filename)
  const files = info!.files.map((f) => f.path)
  for (const want of [
    'package.json',
    'bin/delegate-mtls.js',
    'bin/delegate-mtls-fn.js',
    'dist/cli.cjs',
    'dist/cli-lazy.cjs',
    'dist/index.js',
    'dist/types/index.d.ts',
    'dist/types/pipeline/migrate.d.ts',
    'plugin.yaml',
  ])
    assert.ok(files.includes(want), `${want} is not packed`)
  assert.ok(
    files.some((f) => f.startsWith('schemas/')),
    'no schema is packed',
  )
  assert.equal(
    files.filter((f) => /^(src|test|scripts)\//.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts'))),
    [],
  )
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  assert.ok(files.includes(pkg.types), `package.json types (${pkg.types}) is not in the package`)
  assert.ok(files.includes(pkg.exports['.'].types.replace(/^\.\//, '')), 'exports types is not in the package')
})

pack('the tarball installs into an empty project', () => {
  project = join(tmp, 'consumer')
  must('mkdir', ['-p', project], tmp)
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n')
  must('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], project)
})

const CONSUMER = `import { readFileSync } from 'node:fs'
import * as lib from 'delegate-mtls'
import {
  audit,
  formatDiagnostic,
  migrate,
  revert,
  UsageError,
  type AuditReport,
  type Change,
  type Diagnostic,
  type MigrateOptions,
  type MigrateResult,
  type MigrateStatus,
  type ResourceRef,
} from 'delegate-mtls'

const options: MigrateOptions = { endpoint: 'https://acme.harness.io:8443', file: 'harness-delegate.yaml' }
const text = readFileSync(process.argv[2]!, 'utf8')
const result: MigrateResult = migrate(text, options)
const status: MigrateStatus = result.status
const changes: Change[] = result.changes
const where: ResourceRef[] = result.resources
const notes: string[] = result.diagnostics.map((d: Diagnostic) => formatDiagnostic(d))
const back = revert(result.output, { endpoint: 'https://app.harness.io' })
const report: AuditReport = audit([{ path: 'd.yaml', text: result.output }], { endpoint: options.endpoint })
let refused = ''
try {
  migrate(text, { endpoint: 'not a url' })
} catch (e) {
  if (e instanceof UsageError) refused = e.message
}
// @ts-expect-error the command line's main is not part of the library
void lib.main
// @ts-expect-error nor its I/O seam
type NoIo = lib.Io
// @ts-expect-error nor the test seam of migrate's hooks
migrate(text, options, { afterSplice: (t: string) => t })
process.stdout.write(result.output)
process.stderr.write(
  JSON.stringify({
    status,
    changes: changes.length,
    where: where.length,
    notes: notes.length,
    back: back.status,
    delegates: report.delegates.length,
    ready: report.ready,
    refused: refused !== '',
  }) + '\\n',
)
`

pack('a strict TypeScript consumer type-checks against the packed declarations, and compiles', () => {
  writeFileSync(join(project, 'consumer.ts'), CONSUMER)
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        outDir: 'out',
        skipLibCheck: false,
        // A Node.js project has Node's types; the consumer's own (it reads a file).
        typeRoots: [join(root, 'node_modules/@types')],
        types: ['node'],
      },
      files: ['consumer.ts'],
    }),
  )
  const r = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], project)
  assert.is(r.out + r.err, '')
  assert.is(r.code, 0)
})

pack('the consumer runs on the installed package and migrates the sample to its expected bytes', () => {
  const r = spawnSync(process.execPath, ['out/consumer.js', join(root, 'samples/harness-delegate.yaml')], {
    cwd: project,
    encoding: 'utf8',
  })
  assert.is(r.status, 0, r.stderr)
  assert.is(r.stdout, readFileSync(join(root, 'samples/harness-delegate.mtls.yaml'), 'utf8'))
  const facts = JSON.parse(r.stderr.trim().split('\n').pop()!)
  assert.equal(facts, {
    status: 'migrated',
    changes: 12,
    where: 3,
    notes: 0,
    back: 'migrated',
    delegates: 1,
    ready: true,
    refused: true,
  })
})

pack("the installed CLI's cert command finds node-forge, which the bundle leaves out, beside the package", () => {
  must(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=pack CA',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
    ],
    project,
  )
  const bin = join(project, 'node_modules/.bin/delegate-mtls')
  const r = run(
    bin,
    ['cert', 'issue', '--ca-cert', 'ca.crt', '--ca-key', 'ca.key', '--dir', 'issued', '--days', '5'],
    project,
  )
  assert.is(r.code, 0, r.err)
  assert.match(r.err, /^delegate-mtls: made issued\/client\.key and issued\/client\.crt/)
  assert.is(
    must('openssl', ['verify', '-CAfile', 'ca.crt', '-purpose', 'sslclient', 'issued/client.crt'], project),
    'issued/client.crt: OK\n',
  )
})

pack.run()
