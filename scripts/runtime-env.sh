# Sourced by the scripts that start nginx on the test runtime (Debian's nginx + lua module).
# The production image is OpenResty: it loads the module itself and has its own lua path
# (see Dockerfile.openresty), so nothing here is used there.
ROOT=${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)}
NGINX_BIN=${NGINX_BIN:-/usr/sbin/nginx}
MODULE_DIR=${MODULE_DIR:-/usr/lib/nginx/modules}
LOAD_MODULES="load_module $MODULE_DIR/ndk_http_module.so; load_module $MODULE_DIR/ngx_http_lua_module.so;"
# generated-lua first; then the test runtime's stand-ins for OpenResty-only libraries: compiled
# from test-runtime/src/ into build/test-lua/ (`make test-lua`), and written in Lua.
if [ ! -f "$ROOT/build/test-lua/resty/mysql.lua" ]; then
  echo "runtime-env: $ROOT/build/test-lua/ is missing: run 'make test-lua' (the test runtime's resty.mysql)" >&2
  exit 1
fi
LUA_PATH="$ROOT/generated-lua/?.lua;$ROOT/build/test-lua/?.lua;$ROOT/test-runtime/lua/?.lua;$ROOT/spec/?.lua;/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua;;"
export ROOT NGINX_BIN LOAD_MODULES LUA_PATH
