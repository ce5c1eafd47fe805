// A small fake DOM for node tests of the search page (ui.js): elements with attributes,
// text, children, bubbling events, focus and simple selectors ("tag", "[attr]", "[attr=v]"
// and their compounds), plus location and history. Only what ui.js uses, nothing more.

const SELECTOR = /^([a-z][a-z0-9]*)?((?:\[[^\]]+\])*)$/;

/** A predicate for one compound selector such as input[name=q] or [data-search]. */
function matcher(selector) {
  const [, tag, attrs] = SELECTOR.exec(selector) || [];
  if (attrs === undefined) throw new Error(`fake DOM: unsupported selector ${selector}`);
  const wanted = [...attrs.matchAll(/\[([\w-]+)(?:=([^\]]+))?\]/g)].map(([, k, v]) => [k, v]);
  return (node) => node instanceof FakeElement && (!tag || node.tagName === tag.toUpperCase())
    && wanted.every(([k, v]) => (v === undefined ? node.hasAttribute(k) : node.getAttribute(k) === v));
}

class FakeNode {
  constructor(doc) {
    this.ownerDocument = doc;
    this.parentNode = null;
  }
}

class FakeText extends FakeNode {
  constructor(doc, text) {
    super(doc);
    this.data = String(text);
  }

  get textContent() {
    return this.data;
  }
}

export class FakeElement extends FakeNode {
  constructor(doc, tag) {
    super(doc);
    this.tagName = tag.toUpperCase();
    this.attributes = new Map();
    this.childNodes = [];
    this.listeners = {};
    this.hidden = false;
    this.value = "";
    this.selected = false;
  }

  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  hasAttribute(name) { return this.attributes.has(name); }
  get id() { return this.getAttribute("id") || ""; }

  get dataset() {
    const out = {};
    for (const [k, v] of this.attributes) {
      if (k.startsWith("data-")) out[k.slice(5).replace(/-(\w)/g, (_, c) => c.toUpperCase())] = v;
    }
    return out;
  }

  get children() { return this.childNodes.filter((n) => n instanceof FakeElement); }
  get childElementCount() { return this.children.length; }
  get textContent() { return this.childNodes.map((n) => n.textContent).join(""); }
  set textContent(text) { this.replaceChildren(String(text)); }

  append(...nodes) {
    for (let node of nodes) {
      if (!(node instanceof FakeNode)) node = new FakeText(this.ownerDocument, node);
      node.parentNode?.childNodes.splice(node.parentNode.childNodes.indexOf(node), 1);
      node.parentNode = this;
      this.childNodes.push(node);
    }
  }

  replaceChildren(...nodes) {
    for (const node of this.childNodes) node.parentNode = null;
    this.childNodes = [];
    this.append(...nodes);
  }

  contains(node) {
    for (let n = node; n; n = n.parentNode) if (n === this) return true;
    return false;
  }

  *descendants() {
    for (const child of this.children) {
      yield child;
      yield* child.descendants();
    }
  }

  querySelectorAll(selector) { return [...this.descendants()].filter(matcher(selector)); }
  querySelector(selector) { return this.querySelectorAll(selector)[0] || null; }

  closest(selector) {
    const match = matcher(selector);
    for (let n = this; n instanceof FakeElement; n = n.parentNode) if (match(n)) return n;
    return null;
  }

  addEventListener(type, listener) { (this.listeners[type] ||= []).push(listener); }

  /** Dispatch an event that bubbles to the document; returns the event. */
  dispatch(type, init = {}) {
    const event = { type, target: this, defaultPrevented: false, ...init,
      preventDefault() { this.defaultPrevented = true; } };
    for (let n = this; n; n = n.parentNode) for (const l of n.listeners?.[type] || []) l(event);
    return event;
  }

  click() { return this.dispatch("click"); }
  focus() { this.ownerDocument.activeElement = this; }
}

/** A document whose body holds the given tree, with location/history/window for ui.js. */
export function fakeWindow(url) {
  const doc = { activeElement: null, baseURI: url };
  const body = new FakeElement(doc, "body");
  Object.assign(doc, {
    body,
    createElement: (tag) => new FakeElement(doc, tag),
    createTextNode: (text) => new FakeText(doc, text),
    querySelector: (selector) => body.querySelector(selector),
    getElementById: (id) => body.querySelector(`[id=${id}]`),
  });
  const location = new URL(url);
  const visited = [location.href];
  const go = (target) => {
    const next = new URL(target, location.href);
    location.href = next.href;
    visited.push(next.href);
  };
  const history = { pushState: (_, __, target) => go(target), replaceState: (_, __, target) => {
    visited.pop();
    go(target);
  } };
  const win = { listeners: {}, addEventListener(type, l) { (this.listeners[type] ||= []).push(l); } };
  return { document: doc, location, history, window: win, visited };
}

/** Build elements from [tag, {attributes}, ...children] arrays (strings are text). */
export function build(doc, [tag, attrs = {}, ...children]) {
  const node = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "hidden") node.hidden = Boolean(v);
    else node.setAttribute(k, v);
  }
  node.append(...children.map((c) => (typeof c === "string" ? c : build(doc, c))));
  return node;
}
