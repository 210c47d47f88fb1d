// The kuma-cluster-node API (docs/node-package.md): the ClusterEnv helper and the registry operations of
// Node.initializeFromEnv, cleanupStaleNodes and sendHeartbeat, over the router's own core rules.
export { ClusterEnv, ClusterEnvError, getenvOf, unwrap, RESOLV_CONF } from "./cluster-env";
export type { Env, Environment, HostPort, NodeIdFormat, NodeIdentity } from "./cluster-env";
export { DbError, describeDbError, openDb, openDbFromEnv } from "./db";
export { migrate, describeMigrate } from "./migrate";
export type { MigrateResult } from "./migrate";
export type { DbSettings } from "./db";
export { registerNode, ensureDefaultNode, initializeFromEnv, heartbeat, cleanupStaleNodes, deregisterNode, getNode } from "./registry";
export type { Db, InitAction, InitResult, NodeRegistration, NodeRow } from "./registry";
export { loadDbSettings, loadNodeAgentSettings } from "../../src-lua-ts/core/node_settings";
export type { NodeAgentSettings } from "../../src-lua-ts/core/node_settings";
