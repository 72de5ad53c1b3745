/**
 * Just enough of the API server's protobuf encoding to read what the real kubectl sends as
 * protobuf: `kubectl auth can-i` posts its SelfSubjectAccessReview that way. The envelope is
 * the magic `k8s\0` and a runtime.Unknown whose `raw` field holds the object.
 */
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** The length-delimited fields of one message, by field number (other wire types skipped). */
function fields(buf: Buffer): Map<number, Buffer> {
  const found = new Map<number, Buffer>();
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; at < buf.length; shift += 7) {
      const byte = buf[at++] ?? 0;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    throw new Error('kube-sim: truncated protobuf varint');
  };
  while (at < buf.length) {
    const key = varint();
    const [field, wire] = [Math.floor(key / 8), key & 7];
    if (wire === 2) {
      const length = varint();
      found.set(field, buf.subarray(at, at + length));
      at += length;
    } else if (wire === 0) varint();
    else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else throw new Error(`kube-sim: protobuf wire type ${wire} is not supported`);
  }
  return found;
}

const RESOURCE_ATTRIBUTES = [
  'namespace',
  'verb',
  'group',
  'version',
  'resource',
  'subresource',
  'name',
] as const;

/** A protobuf SelfSubjectAccessReview as the JSON object the API server would have decoded. */
export function decodeAccessReview(body: Buffer): Record<string, unknown> {
  if (!body.subarray(0, 4).equals(MAGIC)) throw new Error('kube-sim: not a protobuf envelope');
  const raw = fields(body.subarray(4)).get(2) ?? Buffer.alloc(0);
  const spec = fields(raw).get(2) ?? Buffer.alloc(0);
  const attributes = fields(fields(spec).get(1) ?? Buffer.alloc(0));
  const resourceAttributes: Record<string, string> = {};
  RESOURCE_ATTRIBUTES.forEach((name, i) => {
    const value = attributes.get(i + 1);
    if (value?.length) resourceAttributes[name] = value.toString('utf8');
  });
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: { resourceAttributes },
  };
}
