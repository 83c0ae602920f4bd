// Values that are base64 of readable text (Kubernetes Secret data, `Basic` auth
// headers, encoded config): the text is what must be judged, since `cGFzc3dvcmQ=`
// is only "password".

const BASE64 = /^[A-Za-z0-9+/]{6,4096}={0,2}$/;

/** The decoded text when `value` is padded base64 of printable UTF-8, else undefined (random bytes stay undecoded). */
export function decodeBase64Text(value: string): string | undefined {
  // Padding is often dropped (`Basic dGVzdDp4`); a length of 4n+1 is never base64.
  if (value.length % 4 === 1 || !BASE64.test(value)) return undefined;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length === 0) return undefined;
  for (const byte of bytes) {
    // Control characters other than tab and line breaks mean binary, not text.
    if ((byte < 32 && byte !== 9 && byte !== 10 && byte !== 13) || byte === 127) return undefined;
  }
  const text = bytes.toString('utf8');
  return text.includes('\ufffd') ? undefined : text;
}
