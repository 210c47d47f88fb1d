// Node id rules: one definition for the router (Lua) and the nodes (Node.js).
//  - Compose ids look like `node1`, `node2`, ... and are 1-based: node1 is index 0.
//  - StatefulSet ids are pod names, `<name>-<ordinal>`, 0-based: uptime-kuma-0 is index 0.
//    A pod name is a DNS label (lowercase letters, digits, '-'), so `my_node-1` is custom.
//  - Anything else valid is a custom id: it has no index and is never primary by index.
import { Char, isAlnum, isCanonicalDecimal, isDigit, isLower, allChars, parseDecimal } from "./text";

export type NodeIdFormat = "k8s-statefulset" | "docker-compose" | "custom";

/** The fork's node.node_id column is varchar(50). */
export const NODE_ID_MAX_LENGTH = 50;

function isNodeIdChar(c: number): boolean {
  return isAlnum(c) || c === Char.Dash || c === Char.Underscore || c === Char.Dot;
}

/**
 * Whether `id` may be a node id at all: 1..50 characters of [A-Za-z0-9._-], starting with a
 * letter or digit. Anything from a request (cookie, path) must pass this before it is used
 * as a lookup key, and it is still only a key: hosts come from the registry.
 */
export function isValidNodeId(id: unknown): boolean {
  if (typeof id !== "string" || id.length === 0 || id.length > NODE_ID_MAX_LENGTH) return false;
  return isAlnum(id.charCodeAt(0)) && allChars(id, isNodeIdChar);
}

function isDnsLabelChar(c: number): boolean {
  return isLower(c) || isDigit(c) || c === Char.Dash;
}

/** A DNS-1123 label: what Kubernetes accepts as a pod or service name segment. */
export function isDnsLabel(s: string): boolean {
  if (s.length === 0 || s.length > 63 || !allChars(s, isDnsLabelChar)) return false;
  return s.charCodeAt(0) !== 45 && s.charCodeAt(s.length - 1) !== 45;
}

/** `<name>-<ordinal>` split, or undefined when `id` is not a StatefulSet pod name. */
function statefulSetOrdinal(id: string): number | undefined {
  if (!isDnsLabel(id)) return undefined;
  let dash = id.length - 1;
  while (dash > 0 && id.charCodeAt(dash) !== 45) dash--;
  if (dash <= 0) return undefined;
  const ordinal = id.substring(dash + 1);
  if (!isCanonicalDecimal(ordinal)) return undefined;
  return parseDecimal(ordinal);
}

/** `node<N>` with N >= 1 (no leading zero): N, else undefined. `node0` is not a Compose id. */
function composeNumber(id: string): number | undefined {
  if (id.length < 5 || id.substring(0, 4) !== "node") return undefined;
  const digits = id.substring(4);
  if (!isCanonicalDecimal(digits) || digits === "0") return undefined;
  return parseDecimal(digits);
}

export function nodeIdFormat(id: string | undefined): NodeIdFormat {
  if (id === undefined || !isValidNodeId(id)) return "custom";
  if (composeNumber(id) !== undefined) return "docker-compose";
  if (statefulSetOrdinal(id) !== undefined) return "k8s-statefulset";
  return "custom";
}

/** 0-based index: node1 -> 0, uptime-kuma-0 -> 0, custom -> undefined. */
export function nodeIndex(id: string | undefined): number | undefined {
  if (id === undefined || !isValidNodeId(id)) return undefined;
  const compose = composeNumber(id);
  if (compose !== undefined) return compose - 1;
  return statefulSetOrdinal(id);
}
