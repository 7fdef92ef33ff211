import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/resources/secret-name.ts
var isSecretName = (name) => name.length <= 253 && /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name);

export {
  isSecretName
};
