/** Removes secrets from text that leaves the client (error messages, log lines). A second line of defence: messages
 * are built without secrets in the first place. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Short strings would blank out ordinary words; real tokens and passwords this short are not worth the noise.
    if (secret.length < 4) continue;
    out = out.split(secret).join('***');
  }
  return out;
}
