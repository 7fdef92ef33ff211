import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  main
} from "./chunks/chunk-WSC6W3GB.js";
import "./chunks/chunk-V2O42A2J.js";

// src/cli/io.ts
var nodeIo = () => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });

// src/cli/bin.ts
process.exitCode = await main(process.argv.slice(2), nodeIo());
