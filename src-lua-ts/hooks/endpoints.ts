// content_by_lua for the /lb/ locations: one function per endpoint.
import * as endpoints from "../router/endpoints";
import * as clusterStatus from "../router/status";
import * as drain from "../router/drain";
import { guard } from "../runtime/guard";

export const health = (): boolean => guard("lb health", endpoints.health);
export const ready = (): boolean => guard("lb ready", endpoints.ready);
export const config = (): boolean => guard("lb config", endpoints.configuration);
export const status = (): boolean => guard("lb status", clusterStatus.serveJson);
export const statusPage = (): boolean => guard("lb status page", clusterStatus.serveHtml);
export const availableNodes = (): boolean => guard("lb available nodes", endpoints.availableNodes);
export const setFixedNode = (): boolean => guard("lb fixed node", endpoints.setFixedNode);
export const clearFixedNode = (): boolean => guard("lb clear fixed node", endpoints.clearFixedNode);
export const fixedNodeStatus = (): boolean => guard("lb fixed node status", endpoints.fixedNodeStatus);
export const drainNode = (): boolean => guard("lb drain", drain.serve);
