import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  EXPIRY_WARNING_DAYS,
  MIN_RSA_BITS,
  checkClientCertificate
} from "./chunk-K6MJBNNS.js";
import "./chunk-V2O42A2J.js";
export {
  EXPIRY_WARNING_DAYS,
  MIN_RSA_BITS,
  checkClientCertificate
};
