// The shared dicts of nginx/shared-dicts.conf, checked once at load: a missing declaration
// fails startup instead of the first request.
function required(name: string): NgxShDict {
  const dict = ngx.shared[name];
  if (dict === undefined) throw `lua_shared_dict ${name} is not declared (see nginx/shared-dicts.conf)`;
  return dict;
}

export const snapshotDict = required("kuma_snapshot");
export const healthDict = required("kuma_health");
export const locksDict = required("kuma_locks");
export const dnsDict = required("kuma_dns");
export const metricsDict = required("kuma_metrics");
