// A JSON Web Token (HS256) as Uptime Kuma's REST API verifies it: signed with the server's
// jwtSecret (the `setting` row every node loads at start), naming an active user. node:crypto
// is enough for one algorithm; the token is minted per call and expires within a minute.
import { createHmac } from "node:crypto";

/** Seconds a minted token stays valid: a single call, even a slow one. */
export const TOKEN_LIFETIME_S = 60;

function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString("base64url");
}

export function mintToken(secret: string, username: string, nowMs: number = Date.now()): string {
  const iat = Math.floor(nowMs / 1000);
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify({ username, iat, exp: iat + TOKEN_LIFETIME_S }));
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}
