import {
  EVENT_ID,
  SCALAR_STYLE,
  getScalarValue,
  parseEvents,
  type Event,
  type ScalarEvent,
} from 'js-yaml';

/** Where a value (and, for a mapping entry, its key) starts in the YAML source. */
export interface NodePosition {
  line: number;
  column: number;
  keyLine?: number;
  keyColumn?: number;
}

type Frame =
  | { kind: 'map'; pointer: string; key: string | undefined }
  | { kind: 'seq'; pointer: string; index: number };

/**
 * Maps JSON Pointers (as Ajv reports them: `/watch/window`, `/triggers/0/for`) to 1-based
 * line and column in the YAML text, from js-yaml's event stream. Only the first document is
 * read; anything it cannot place is simply absent from the map.
 */
export function locateNodes(source: string): Map<string, NodePosition> {
  return locateDocuments(source)[0] ?? new Map<string, NodePosition>();
}

/**
 * The same for every document of a multi-document YAML text (Kubernetes manifests, an
 * imported file holding a Canary and its MetricTemplates): one map per document, in order.
 */
export function locateDocuments(source: string): Map<string, NodePosition>[] {
  const documents: Map<string, NodePosition>[] = [];
  let positions = new Map<string, NodePosition>();
  let events: Event[];
  try {
    events = parseEvents(source, {});
  } catch {
    return documents;
  }
  const toLineColumn = lineColumnOf(source);
  const stack: Frame[] = [];

  const childPointer = (): string | undefined => {
    const top = stack.at(-1);
    if (!top) return '';
    if (top.kind === 'seq') return `${top.pointer}/${top.index}`;
    return top.key === undefined ? undefined : `${top.pointer}/${escapePointer(top.key)}`;
  };
  const record = (pointer: string | undefined, offset: number): void => {
    if (pointer === undefined || offset < 0) return;
    const [line, column] = toLineColumn(offset);
    positions.set(pointer, { ...positions.get(pointer), line, column });
  };
  // After a value completes, its parent moves on to the next key or index.
  const advance = (): void => {
    const top = stack.at(-1);
    if (top?.kind === 'map') top.key = undefined;
    else if (top?.kind === 'seq') top.index += 1;
  };

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        positions = new Map<string, NodePosition>();
        documents.push(positions);
        stack.length = 0;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        const pointer = childPointer() ?? '/?';
        record(pointer, event.start);
        stack.push(
          event.type === EVENT_ID.MAPPING
            ? { kind: 'map', pointer, key: undefined }
            : { kind: 'seq', pointer, index: 0 },
        );
        break;
      }
      case EVENT_ID.SCALAR: {
        const top = stack.at(-1);
        if (top?.kind === 'map' && top.key === undefined) {
          top.key = getScalarValue(source, event);
          const [keyLine, keyColumn] = toLineColumn(scalarStart(event));
          const pointer = `${top.pointer}/${escapePointer(top.key)}`;
          positions.set(pointer, { line: keyLine, column: keyColumn, keyLine, keyColumn });
          break;
        }
        record(childPointer(), scalarStart(event));
        advance();
        break;
      }
      case EVENT_ID.ALIAS:
        record(childPointer(), event.anchorStart);
        advance();
        break;
      case EVENT_ID.POP:
        if (stack.length === 0) break; // the document's own end
        stack.pop();
        advance();
        break;
    }
  }
  return documents;
}

/** A quoted scalar starts at its opening quote, where a person looks for it. */
function scalarStart(event: ScalarEvent): number {
  const quoted =
    event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
  return quoted ? event.valueStart - 1 : event.valueStart;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A function from a 0-based offset to a 1-based [line, column]. */
export function lineColumnOf(source: string): (offset: number) => [number, number] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return [low + 1, offset - (starts[low] ?? 0) + 1];
  };
}
