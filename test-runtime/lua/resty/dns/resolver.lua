-- Test runtime only: Debian ships OpenResty's DNS resolver as nginx.dns.resolver.
-- The production image (OpenResty) has resty.dns.resolver itself and never loads this file.
return require("nginx.dns.resolver")
