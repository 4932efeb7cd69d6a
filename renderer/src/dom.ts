// The only way this window builds DOM. Text goes in through text nodes and
// attributes through setAttribute, so data from the server can never become markup.

type Child = Node | string | null | undefined | false
type AttrValue = string | boolean | null | undefined

export interface Props {
  class?: string
  attrs?: Record<string, AttrValue>
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void }
}

const SVG_NS = 'http://www.w3.org/2000/svg'

function setAttrs(el: Element, attrs: Record<string, AttrValue>): void {
  for (const [name, value] of Object.entries(attrs)) {
    // Inline handlers would be script; listeners go through `on`.
    if (/^on/i.test(name)) throw new Error(`Refusing to set the ${name} attribute`)
    if (value === true) el.setAttribute(name, '')
    else if (typeof value === 'string') el.setAttribute(name, value)
  }
}

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child)
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  if (props.class) el.className = props.class
  if (props.attrs) setAttrs(el, props.attrs)
  for (const [type, listener] of Object.entries(props.on ?? {})) {
    el.addEventListener(type, listener as EventListener)
  }
  append(el, children)
  return el
}

/** An SVG element; icons are drawn from path data we own, never from strings we receive. */
export function svg(
  tag: string,
  attrs: Record<string, AttrValue> = {},
  ...children: Child[]
): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement
  setAttrs(el, attrs)
  append(el, children)
  return el
}

/** Several siblings at once (null and false skipped), for replaceChildren. */
export function fragment(...children: Child[]): DocumentFragment {
  const frag = document.createDocumentFragment()
  append(frag, children)
  return frag
}
