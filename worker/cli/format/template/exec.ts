/**
 * Executor for parsed templates, following text/template/exec.go: the node
 * recorded for errors (`s.at(node)`) is updated at the same points as in Go,
 * so `executing "" at <.Bogus>` names the same node with the same byte column.
 */
import { goQuote } from '../../../common/go-strconv.ts';
import { GoFloat } from '../go-value.ts';
import { formatValue } from './go-fmt.ts';
import { BUILTINS, toGoFunc } from './funcs.ts';
import type { FuncMap, GoFunc, ParamType } from './funcs.ts';
import { nodeString } from './nodes.ts';
import type {
  BranchNode, ChainNode, CommandNode, FieldNode, IdentifierNode, ListNode, Node, NumberNode, PipeNode, TemplateNode,
  VariableNode,
} from './nodes.ts';
import { TemplateError } from './template-error.ts';
import {
  NIL_POINTER, asStruct, goTypeName, isExported, isTrue, kindOf, mapLookup, sortedEntries, structHas, utf8Length,
} from './values.ts';

/** Marks "no value passed down the pipeline" (Go's missingVal). */
const MISSING = Symbol('missing');
type Final = unknown;

const BREAK = Symbol('break');
const CONTINUE = Symbol('continue');

/** Go's maxExecDepth on wasm (1000), the limit that fits a browser's stack. */
const MAX_EXEC_DEPTH = 1000;

/** Everything one execution needs. */
export interface ExecContext {
  name: string;
  text: string;
  /** Templates by name from {{define}} / {{block}}, plus the main one. */
  templates: Map<string, ListNode>;
  funcs: FuncMap;
  missingKeyError: boolean;
}

/** Execute `root` against `data`; throws TemplateError with the partial output attached. */
export function execute(root: ListNode, data: unknown, ctx: ExecContext): string {
  const state = new State(ctx, data);
  try {
    state.walk(data, root);
  } catch (e) {
    if (e instanceof TemplateError) e.partialOutput = state.out.join('');
    throw e;
  }
  return state.out.join('');
}

class State {
  out: string[] = [];
  vars: { name: string; value: unknown }[];
  node: Node | undefined;
  /** Name of the template being executed; errors say `executing "name"`. */
  tmplName: string;
  depth = 0;

  constructor(
    readonly ctx: ExecContext,
    data: unknown,
  ) {
    this.vars = [{ name: '$', value: data }];
    this.tmplName = ctx.name;
  }

  at(node: Node): void {
    this.node = node;
  }

  errorf(msg: string): never {
    const name = goQuote(this.tmplName);
    if (!this.node) throw new TemplateError(`template: ${this.tmplName}: ${msg}`);
    const before = this.ctx.text.slice(0, this.node.pos);
    const nl = before.lastIndexOf('\n');
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    const col = utf8Length(nl < 0 ? before : before.slice(nl + 1));
    const location = `${this.ctx.name}:${line}:${col}`;
    throw new TemplateError(`template: ${location}: executing ${name} at <${nodeString(this.node)}>: ${msg}`);
  }

  varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    this.errorf(`undefined variable: ${name}`);
  }

  setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  walk(dot: unknown, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw BREAK;
      case 'continue':
        throw CONTINUE;
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node);
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        return this.walkTemplate(dot, node);
      case 'text':
        this.out.push(node.text);
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  printValue(n: Node, v: unknown): void {
    this.at(n);
    if (typeof v === 'function') this.errorf(`can't print ${nodeString(n)} of type func()`);
    this.out.push(v === undefined || v === null ? '<no value>' : formatValue(v));
  }

  walkIfOrWith(dot: unknown, node: BranchNode): void {
    const mark = this.vars.length;
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.vars.length = mark;
    }
  }

  walkRange(dot: unknown, r: BranchNode): void {
    this.at(r);
    const outer = this.vars.length;
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.vars.length;
      const decl = r.pipe.decl;
      const one = (index: unknown, elem: unknown): void => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
          else this.vars[this.vars.length - 1].value = elem;
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1].ident[0], elem);
          else this.vars[this.vars.length - 2].value = index;
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== CONTINUE) throw e;
        } finally {
          this.vars.length = mark;
        }
      };
      let iterated = false;
      try {
        switch (kindOf(val)) {
          case 'slice':
            (val as unknown[]).forEach((e, i) => {
              iterated = true;
              one(i, e);
            });
            break;
          case 'map':
            for (const [k, v] of sortedEntries(val)) {
              iterated = true;
              one(k, v);
            }
            break;
          case 'int':
            for (let i = 0; i < Number(val); i++) {
              iterated = true;
              one(i, i);
            }
            break;
          case 'invalid':
          case 'nil':
            break;
          default:
            this.errorf(`range can't iterate over ${formatValue(val)}`);
        }
      } catch (e) {
        if (e !== BREAK) throw e;
      }
      if (!iterated && r.elseList) this.walk(dot, r.elseList);
    } finally {
      this.vars.length = outer;
    }
  }

  /** {{template "name" pipeline}}: run the named tree with dot = the pipeline value and only `$` defined. */
  walkTemplate(dot: unknown, t: TemplateNode): void {
    this.at(t);
    const root = this.ctx.templates.get(t.name);
    if (!root) this.errorf(`template ${goQuote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const value = t.pipe ? this.evalPipeline(dot, t.pipe) : undefined;
    const saved = { vars: this.vars, name: this.tmplName };
    this.vars = [{ name: '$', value }];
    this.tmplName = t.name;
    this.depth++;
    try {
      this.walk(value, root);
    } finally {
      this.depth--;
      this.vars = saved.vars;
      this.tmplName = saved.name;
    }
  }

  evalPipeline(dot: unknown, pipe: PipeNode): unknown {
    this.at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // A nil interface{} result becomes an invalid value (Go digs into interface values here).
      if (value === null) value = undefined;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0], value);
      else this.vars.push({ name: v.ident[0], value });
    }
    return value;
  }

  notAFunction(args: Node[] | null, final: Final): void {
    if (args && (args.length > 1 || final !== MISSING)) {
      this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
    }
  }

  evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    this.errorf(`can't evaluate command ${goQuote(nodeString(first))}`);
  }

  idealConstant(n: NumberNode): unknown {
    this.at(n);
    if (n.isFloat && !/^[+-]?0[xX]/.test(n.text) && !n.text.startsWith("'") && /[.eEpP]/.test(n.text)) {
      return new GoFloat(n.float);
    }
    if (n.isInt) return n.int;
    if (n.isUint) this.errorf(`${n.text} overflows int`);
    return new GoFloat(n.float);
  }

  evalFieldNode(dot: unknown, field: FieldNode, args: Node[] | null, final: Final): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  evalChainNode(dot: unknown, chain: ChainNode, args: Node[] | null, final: Final): unknown {
    this.at(chain);
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  evalVariableNode(dot: unknown, v: VariableNode, args: Node[] | null, final: Final): unknown {
    this.at(v);
    const value = this.varValue(v.ident[0]);
    if (v.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  evalFieldChain(dot: unknown, receiver: unknown, node: Node, ident: string[], args: Node[] | null, final: Final): unknown {
    for (let i = 0; i < ident.length - 1; i++) receiver = this.evalField(dot, ident[i], node, null, MISSING, receiver);
    return this.evalField(dot, ident[ident.length - 1], node, args, final, receiver);
  }

  evalFunction(dot: unknown, node: IdentifierNode, cmd: Node, args: Node[] | null, final: Final): unknown {
    this.at(node);
    const name = node.ident;
    const user = this.ctx.funcs[name];
    if (user !== undefined) return this.evalCall(dot, toGoFunc(user), false, cmd, name, args, final);
    const builtin = BUILTINS[name];
    if (!builtin) this.errorf(`${goQuote(name)} is not a defined function`);
    return this.evalCall(dot, builtin, true, cmd, name, args, final);
  }

  evalField(dot: unknown, fieldName: string, node: Node, args: Node[] | null, final: Final, receiver: unknown): unknown {
    if (receiver === undefined) {
      if (this.ctx.missingKeyError) this.errorf(`nil data; no entry for key ${goQuote(fieldName)}`);
      return undefined;
    }
    if (receiver === null || receiver === NIL_POINTER) this.errorf(`nil pointer evaluating interface {}.${fieldName}`);
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    const view = asStruct(receiver);
    const call = (self: object, fn: (...x: unknown[]) => unknown): unknown => {
      const method: GoFunc = {
        params: new Array<ParamType>(fn.length).fill('any'),
        fn: (...a: never[]) => fn.apply(self, a),
      };
      return this.evalCall(dot, method, false, node, fieldName, args, final);
    };
    if (view) {
      if (structHas(view, fieldName)) {
        const target = view.target as Record<string, unknown>;
        const value = target[fieldName];
        if (typeof value === 'function' && isExported(fieldName)) {
          const result = call(view.target, value as () => unknown);
          return result === null ? NIL_POINTER : result;
        }
        if (!isExported(fieldName)) this.errorf(`${fieldName} is an unexported field of struct type ${view.typeName}`);
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return value === null ? NIL_POINTER : value;
      }
    } else if (kindOf(receiver) === 'map') {
      const [found, value] = mapLookup(receiver, fieldName);
      // Function values of plain objects act as methods, so callers can pass lazy column getters.
      if (typeof value === 'function') return call(receiver as object, value as () => unknown);
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      if (!found && this.ctx.missingKeyError) this.errorf(`map has no entry for key ${goQuote(fieldName)}`);
      return found ? value : undefined;
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${goTypeName(receiver)}`);
  }

  evalCall(dot: unknown, fun: GoFunc, isBuiltin: boolean, node: Node, name: string, allArgs: Node[] | null, final: Final): unknown {
    const args = allArgs ? allArgs.slice(1) : [];
    const numIn = args.length + (final !== MISSING ? 1 : 0);
    const numFixed = fun.variadic ? fun.params.length : args.length;
    if (fun.variadic) {
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
    } else if (numIn !== fun.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fun.params.length} got ${numIn}`);
    }
    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: unknown;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(v) === (name === 'or')) return v;
      }
      return final !== MISSING ? final : v;
    }
    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv.push(this.evalArg(dot, fun.params[i], args[i]));
    if (fun.variadic) for (; i < args.length; i++) argv.push(this.evalArg(dot, fun.variadic, args[i]));
    if (final !== MISSING) {
      let t: ParamType = fun.params[fun.params.length - 1];
      if (fun.variadic) t = numIn - 1 < numFixed ? fun.params[numIn - 1] : fun.variadic;
      argv.push(this.validateType(final, t));
    }
    try {
      return (fun.fn as (...a: unknown[]) => unknown)(...argv);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${(e as Error).message}`);
    }
  }

  validateType(value: unknown, typ: ParamType | null): unknown {
    if (value === NIL_POINTER && typ !== null) value = null;
    if (value === undefined) {
      if (typ === null || typ === 'any' || typ === 'value') return typ === 'value' ? undefined : null;
      if (typ === '[]string') return [];
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === null || typ === 'any' || typ === 'value') return value;
    const kind = kindOf(value);
    const ok =
      (typ === 'string' && kind === 'string') ||
      (typ === 'int' && kind === 'int') ||
      (typ === 'bool' && kind === 'bool') ||
      (typ === '[]string' && kind === 'slice' && (value as unknown[]).every((e) => typeof e === 'string'));
    if (!ok) this.errorf(`wrong type for value; expected ${typ}; got ${goTypeName(value)}`);
    return value;
  }

  evalArg(dot: unknown, typ: ParamType | null, n: Node): unknown {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ === null || typ === 'any' || typ === 'value' || typ === '[]string') return null;
        this.errorf(`cannot assign nil to ${typ}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    switch (typ) {
      case 'bool':
        if (n.type === 'bool') return n.value;
        this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'int':
        if (n.type === 'number' && n.isInt) return n.int;
        this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'string':
        if (n.type === 'string') return n.text;
        this.errorf(`expected string; found ${nodeString(n)}`);
      case '[]string':
        this.errorf(`can't handle ${nodeString(n)} for arg of type []string`);
    }
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }
}
