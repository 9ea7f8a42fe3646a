/**
 * Parse-tree nodes of Go text/template (text/template/parse/node.go) and
 * their String() forms, which Go prints inside `executing "" at <…>` errors.
 */
import { goQuote } from '../../../common/go-strconv.ts';

/** Node positions are JS indices into the template text. */
interface Base {
  pos: number;
}

/** Plain text between actions. */
export interface TextNode extends Base { type: 'text'; text: string }
/** A sequence of nodes. */
export interface ListNode extends Base { type: 'list'; nodes: Node[] }
/** `{{pipeline}}`: prints the value unless the pipeline declares variables. */
export interface ActionNode extends Base { type: 'action'; line: number; pipe: PipeNode }
/** `{{if}}`, `{{range}}`, `{{with}}`: pipeline, body and optional else body. */
export interface BranchNode extends Base {
  type: 'if' | 'range' | 'with';
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList?: ListNode;
}
/** `{{template "name" pipeline}}` (also produced by `{{block}}`). */
export interface TemplateNode extends Base { type: 'template'; line: number; name: string; pipe?: PipeNode }
/** `{{break}}` / `{{continue}}` inside range. */
export interface LoopControlNode extends Base { type: 'break' | 'continue' }
/** `{{end}}` / `{{else}}`: only seen while parsing. */
export interface DelimNode extends Base { type: 'end' | 'else' }
/** `$x := a | b`: declarations plus commands. */
export interface PipeNode extends Base { type: 'pipe'; line: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[] }
/** One command: operands separated by spaces. */
export interface CommandNode extends Base { type: 'command'; args: Node[] }
/** `.A.B` */
export interface FieldNode extends Base { type: 'field'; ident: string[] }
/** `$x.A` */
export interface VariableNode extends Base { type: 'variable'; ident: string[] }
/** `(pipeline).A.B` */
export interface ChainNode extends Base { type: 'chain'; node: Node; field: string[] }
/** A function name. */
export interface IdentifierNode extends Base { type: 'identifier'; ident: string }
/** `.` */
export interface DotNode extends Base { type: 'dot' }
/** `nil` */
export interface NilNode extends Base { type: 'nil' }
/** `true` / `false` */
export interface BoolNode extends Base { type: 'bool'; value: boolean }
/** A number literal with the interpretations Go's parser derived. */
export interface NumberNode extends Base {
  type: 'number';
  text: string;
  isInt: boolean;
  /** Fits uint64 but not int64: Go reports "overflows int" when it is used. */
  isUint: boolean;
  isFloat: boolean;
  int: number;
  float: number;
}
/** A string literal: original quoted text and its value. */
export interface StringNode extends Base { type: 'string'; quoted: string; text: string }

/** Any parse-tree node. */
export type Node =
  | TextNode | ListNode | ActionNode | BranchNode | TemplateNode | LoopControlNode | DelimNode | PipeNode | CommandNode
  | FieldNode | VariableNode | ChainNode | IdentifierNode | DotNode | NilNode | BoolNode | NumberNode | StringNode;

function argString(n: Node): string {
  return n.type === 'pipe' ? `(${nodeString(n)})` : nodeString(n);
}

/** Go's Node.String(). */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'text': return n.text;
    case 'list': return n.nodes.map(nodeString).join('');
    case 'action': return `{{${nodeString(n.pipe)}}}`;
    case 'if':
    case 'range':
    case 'with': {
      const tail = n.elseList ? `{{else}}${nodeString(n.elseList)}` : '';
      return `{{${n.type} ${nodeString(n.pipe)}}}${nodeString(n.list)}${tail}{{end}}`;
    }
    case 'template':
      return n.pipe ? `{{template ${goQuote(n.name)} ${nodeString(n.pipe)}}}` : `{{template ${goQuote(n.name)}}}`;
    case 'break':
    case 'continue':
    case 'end':
    case 'else':
      return `{{${n.type}}}`;
    case 'pipe': {
      const decl = n.decl.length > 0 ? n.decl.map(nodeString).join(', ') + (n.isAssign ? ' = ' : ' := ') : '';
      return decl + n.cmds.map(nodeString).join(' | ');
    }
    case 'command': return n.args.map(argString).join(' ');
    case 'field': return n.ident.map((id) => '.' + id).join('');
    case 'variable': return n.ident.join('.');
    case 'chain': return argString(n.node) + n.field.map((f) => '.' + f).join('');
    case 'identifier': return n.ident;
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'bool': return n.value ? 'true' : 'false';
    case 'number': return n.text;
    case 'string': return n.quoted;
  }
}
