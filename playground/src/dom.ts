// Building the page's elements. Text is only ever set as text (`textContent`, text nodes): ruleset
// text, names, bron quotes and contract values can never become HTML.
type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly class?: string;
  /** Attributes, set with setAttribute (never `innerHTML`, never `on*` strings). */
  readonly attrs?: Readonly<Record<string, string | undefined>>;
  readonly on?: { readonly [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: readonly (Child | readonly Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined) continue;
    if (/^on/i.test(name)) throw new Error(`h: event attribute ${name} not allowed`);
    el.setAttribute(name, value);
  }
  for (const [type, handler] of Object.entries(props.on ?? {}))
    el.addEventListener(type, handler as EventListener);
  append(el, children);
  return el;
}

export function append(el: Node, children: readonly (Child | readonly Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children. */
export function replace(el: Element, ...children: readonly (Child | readonly Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

let ids = 0;
/** A fresh id for label/aria links. */
export const uid = (prefix: string): string => `${prefix}-${++ids}`;
