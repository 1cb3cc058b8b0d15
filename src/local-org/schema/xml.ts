/**
 * A small, dependency-free reader for Salesforce metadata XML: elements, text and entities. Attributes,
 * comments, processing instructions and CDATA markers are read and dropped or kept as text; namespaces
 * are ignored. Metadata files are small and machine-written, so this is all the loader needs.
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? whole;
  });
}

/** Parses a document and returns its root element; throws with the offset of the first problem. */
export function parseXml(source: string): XmlElement {
  const stack: XmlElement[] = [{ name: '#document', children: [], text: '' }];
  let i = 0;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt < 0) {
      top.text += decode(source.slice(i));
      break;
    }
    if (lt > i) top.text += decode(source.slice(i, lt));
    if (source.startsWith('<!--', lt)) {
      i = expectEnd(source, '-->', lt);
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = expectEnd(source, ']]>', lt);
      top.text += source.slice(lt + 9, end - 3);
      i = end;
    } else if (source.startsWith('<?', lt) || source.startsWith('<!', lt)) {
      i = expectEnd(source, '>', lt);
    } else if (source.startsWith('</', lt)) {
      const end = expectEnd(source, '>', lt);
      const name = localName(source.slice(lt + 2, end - 1).trim());
      if (stack.length < 2 || top.name !== name) throw new Error(`unexpected </${name}> at offset ${lt}`);
      stack.pop();
      i = end;
    } else {
      const end = expectEnd(source, '>', lt);
      const inner = source.slice(lt + 1, end - 1);
      const selfClosing = inner.endsWith('/');
      const name = localName(inner.replace(/\/$/, '').trim().split(/\s+/)[0] ?? '');
      if (!name) throw new Error(`empty element name at offset ${lt}`);
      const element: XmlElement = { name, children: [], text: '' };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
      i = end;
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is not closed`);
  const root = stack[0]!.children[0];
  if (!root) throw new Error('no root element');
  return root;
}

function expectEnd(source: string, token: string, from: number): number {
  const at = source.indexOf(token, from);
  if (at < 0) throw new Error(`unterminated markup at offset ${from}`);
  return at + token.length;
}

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);

/** The trimmed text of the first child with this name, or undefined. */
export function childText(element: XmlElement, name: string): string | undefined {
  const child = element.children.find((c) => c.name === name);
  return child === undefined ? undefined : child.text.trim();
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}
