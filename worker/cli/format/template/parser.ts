/**
 * Recursive-descent parser for Go text/template, following
 * text/template/parse/parse.go closely — including its three-token
 * lookahead — so that parse errors carry Go's exact text and line:
 * `template: :1: function "bogus" not defined`, `unexpected "}" in operand`,
 * `unclosed action`, `unexpected EOF`, `undefined variable "$x"`, …
 */
import { goQuote } from '../../../common/go-strconv.ts';
import { isKeyword, lex } from './lexer.ts';
import type { Item, ItemType } from './lexer.ts';
import { nodeString } from './nodes.ts';
import type {
  BranchNode, CommandNode, DelimNode, ListNode, Node, PipeNode, TemplateNode, VariableNode,
} from './nodes.ts';
import { parseNumber, unquote } from './literals.ts';
import { TemplateError } from './template-error.ts';

/** Go's item.String(), used in "unexpected X in Y" messages. */
function itemString(i: Item): string {
  if (i.typ === 'eof') return 'EOF';
  if (i.typ === 'error') return i.val;
  if (isKeyword(i.typ)) return `<${i.val}>`;
  const runes = Array.from(i.val);
  if (runes.length > 10) return goQuote(runes.slice(0, 10).join('')) + '...';
  return goQuote(i.val);
}

class Parser {
  #items: Item[];
  #token: Item[] = [];
  #peekCount = 0;
  #vars: string[] = ['$'];
  #actionLine = 0;
  #rangeDepth = 0;

  constructor(
    items: Item[],
    readonly name: string,
    readonly hasFunction: (name: string) => boolean,
    /** Named templates from {{define}} and {{block}}, shared by nested parsers. */
    readonly templates: Map<string, ListNode>,
    /** Lexer position shared with nested parsers (Go hands its lexer to the definition's Tree). */
    readonly cursor: { next: number },
  ) {
    this.#items = items;
  }

  #lexNext(): Item {
    const item = this.#items[Math.min(this.cursor.next, this.#items.length - 1)];
    this.cursor.next++;
    return item;
  }
  next(): Item {
    if (this.#peekCount > 0) this.#peekCount--;
    else this.#token[0] = this.#lexNext();
    return this.#token[this.#peekCount];
  }
  backup(): void {
    this.#peekCount++;
  }
  backup2(t1: Item): void {
    this.#token[1] = t1;
    this.#peekCount = 2;
  }
  backup3(t2: Item, t1: Item): void {
    this.#token[1] = t1;
    this.#token[2] = t2;
    this.#peekCount = 3;
  }
  peek(): Item {
    if (this.#peekCount > 0) return this.#token[this.#peekCount - 1];
    this.#peekCount = 1;
    this.#token[0] = this.#lexNext();
    return this.#token[0];
  }
  nextNonSpace(): Item {
    let t: Item;
    do t = this.next();
    while (t.typ === 'space');
    return t;
  }
  peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  errorf(msg: string): never {
    throw new TemplateError(`template: ${this.name}:${this.#token[0].line}: ${msg}`);
  }
  expect(expected: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.typ !== expected) this.unexpected(t, context);
    return t;
  }
  unexpected(t: Item, context: string): never {
    if (t.typ === 'error') {
      let extra = '';
      if (this.#actionLine !== 0 && this.#actionLine !== t.line) {
        extra = ` in action started at ${this.name}:${this.#actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(t)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(t)} in ${context}`);
  }

  parse(): ListNode {
    const root: ListNode = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== 'eof') {
      if (this.peek().typ === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().typ === 'define') {
          this.nested().parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    return root;
  }

  /** A parser for a definition: same lexer and template set, fresh variables (Go's newT.startParse). */
  nested(): Parser {
    return new Parser(this.#items, this.name, this.hasFunction, this.templates, this.cursor);
  }

  /** Record a named template; like Go's Tree.add, an empty body never replaces or conflicts. */
  add(name: string, root: ListNode): void {
    const existing = this.templates.get(name);
    if (existing && !isEmpty(existing) && !isEmpty(root)) {
      this.errorf(`template: multiple definition of template ${goQuote(name)}`);
    }
    if (!existing || isEmpty(existing)) this.templates.set(name, root);
  }

  parseDefinition(): void {
    const context = 'define clause';
    const t = this.nextNonSpace();
    if (t.typ !== 'string' && t.typ !== 'rawString') this.unexpected(t, context);
    const name = this.guard(() => unquote(t.val));
    this.expect('rightDelim', context);
    const [root, end] = this.itemList();
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add(name, root);
  }

  templateControl(block: boolean): TemplateNode {
    const context = block ? 'block clause' : 'template clause';
    const t = this.nextNonSpace();
    if (t.typ !== 'string' && t.typ !== 'rawString') this.unexpected(t, context);
    const name = this.guard(() => unquote(t.val));
    let pipe: PipeNode | undefined;
    if (block) pipe = this.pipeline(context, 'rightDelim');
    else if (this.nextNonSpace().typ !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    if (block) {
      const [root, end] = this.nested().itemList();
      if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
      this.add(name, root);
    }
    return { type: 'template', pos: t.pos, line: t.line, name, pipe };
  }

  itemList(): [ListNode, DelimNode] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== 'eof') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  textOrAction(): Node {
    const t = this.nextNonSpace();
    if (t.typ === 'text') return { type: 'text', pos: t.pos, text: t.val };
    if (t.typ === 'leftDelim') {
      this.#actionLine = t.line;
      try {
        return this.action();
      } finally {
        this.#actionLine = 0;
      }
    }
    this.unexpected(t, 'input');
  }

  action(): Node {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'break':
      case 'continue': {
        const close = this.nextNonSpace();
        if (close.typ !== 'rightDelim') this.unexpected(close, `{{${t.typ}}}`);
        if (this.#rangeDepth === 0) this.errorf(`{{${t.typ}}} outside {{range}}`);
        return { type: t.typ, pos: t.pos };
      }
      case 'else':
        return this.elseControl();
      case 'end':
        return { type: 'end', pos: this.expect('rightDelim', 'end').pos };
      case 'if':
      case 'range':
      case 'with':
        return this.control(t.typ);
      case 'template':
      case 'block':
        return this.templateControl(t.typ === 'block');
    }
    this.backup();
    const tok = this.peek();
    return { type: 'action', pos: tok.pos, line: tok.line, pipe: this.pipeline('command', 'rightDelim') };
  }

  elseControl(): DelimNode {
    const peek = this.peekNonSpace();
    // "{{else if …" / "{{else with …" act as "{{else}}{{if …".
    if (peek.typ === 'if' || peek.typ === 'with') return { type: 'else', pos: peek.pos };
    return { type: 'else', pos: this.expect('rightDelim', 'else').pos };
  }

  control(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.#vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.#rangeDepth++;
      let [list, next] = this.itemList();
      if (context === 'range') this.#rangeDepth--;
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        const peek = this.peek().typ;
        if ((context === 'if' && peek === 'if') || (context === 'with' && peek === 'with')) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.control(context)] };
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.#vars.length = mark;
    }
  }

  pipeline(context: string, end: ItemType): PipeNode {
    const start = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: start.pos, line: start.line, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== 'variable') break;
      this.next();
      const afterVariable = this.peek();
      const next = this.peekNonSpace();
      const variable = (): VariableNode => ({ type: 'variable', pos: v.pos, ident: v.val.split('.') });
      if (next.typ === 'assign' || next.typ === 'declare') {
        pipe.isAssign = next.typ === 'assign';
        this.nextNonSpace();
        pipe.decl.push(variable());
        this.#vars.push(v.val);
      } else if (next.typ === 'char' && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(variable());
        this.#vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (afterVariable.typ === 'space') this.backup3(v, afterVariable);
      else this.backup2(v);
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.typ === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.typ) {
        case 'bool': case 'charConstant': case 'complex': case 'dot': case 'field': case 'identifier':
        case 'number': case 'nil': case 'rawString': case 'string': case 'variable': case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0].type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.typ === 'space') continue;
      if (t.typ === 'rightDelim' || t.typ === 'rightParen') this.backup();
      else if (t.typ !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  operand(): Node | undefined {
    const node = this.term();
    if (!node || this.peek().typ !== 'field') return node;
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().typ === 'field') fields.push(this.next().val.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool': case 'string': case 'number': case 'nil': case 'dot':
        this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
    }
    return { type: 'chain', pos, node, field: fields };
  }

  term(): Node | undefined {
    const t = this.nextNonSpace();
    switch (t.typ) {
      case 'identifier':
        if (!this.hasFunction(t.val)) this.errorf(`function ${goQuote(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, ident: t.val };
      case 'dot': return { type: 'dot', pos: t.pos };
      case 'nil': return { type: 'nil', pos: t.pos };
      case 'variable': return this.useVar(t);
      case 'field': return { type: 'field', pos: t.pos, ident: [t.val.slice(1)] };
      case 'bool': return { type: 'bool', pos: t.pos, value: t.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        if (t.typ === 'complex') this.errorf(`complex constants are not supported: ${t.val}`);
        return this.guard(() => parseNumber(t.pos, t.val, t.typ === 'charConstant', goQuote));
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString':
        return { type: 'string', pos: t.pos, quoted: t.val, text: this.guard(() => unquote(t.val)) };
    }
    this.backup();
    return undefined;
  }

  guard<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      this.errorf((e as Error).message);
    }
  }

  useVar(t: Item): VariableNode {
    const v: VariableNode = { type: 'variable', pos: t.pos, ident: t.val.split('.') };
    if (!this.#vars.includes(v.ident[0])) this.errorf(`undefined variable ${goQuote(v.ident[0])}`);
    return v;
  }
}

/** Go's IsEmptyTree: nothing but whitespace text. */
function isEmpty(n: Node): boolean {
  if (n.type === 'list') return n.nodes.every(isEmpty);
  return n.type === 'text' && n.text.trim() === '';
}

/**
 * Parse template text into the main tree plus the templates it defines
 * (keyed by name; the main one under `name`). Throws {@link TemplateError}
 * with Go's message.
 */
export function parse(text: string, name: string, hasFunction: (name: string) => boolean): Map<string, ListNode> {
  const templates = new Map<string, ListNode>();
  const parser = new Parser(lex(text), name, hasFunction, templates, { next: 0 });
  parser.add(name, parser.parse());
  return templates;
}
