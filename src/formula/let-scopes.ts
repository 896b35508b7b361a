/** The names LET binds while a formula is checked: nested scopes, innermost first, each binding numbered. */
import { msg, type FormulaMessage } from './messages.ts';
import type { Ty } from './types.ts';

/** One name bound by LET: its number in the formula (the compiler keeps its value there) and its type. */
export interface LetBinding {
  index: number;
  ty: Ty;
}

const NAME = /^[\p{L}_][\p{L}\p{N}_.]*$/u;

/** The scopes of the LET calls being checked. */
export class LetScopes {
  private readonly scopes: Map<string, LetBinding>[] = [];
  private count = 0;

  /** The binding a bare name refers to (case-insensitive), innermost first. */
  find(name: string): LetBinding | undefined {
    const key = name.toUpperCase();
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const b = this.scopes[i]?.get(key);
      if (b) return b;
    }
    return undefined;
  }

  /** Every name in scope (for "did you mean"). */
  names(): string[] {
    return this.scopes.flatMap((m) => [...m.keys()]);
  }

  /** Runs `body` inside a new scope. */
  within<T>(body: () => T): T {
    this.scopes.push(new Map());
    try {
      return body();
    } finally {
      this.scopes.pop();
    }
  }

  /**
   * Binds `name` in the innermost scope; returns the binding, or why the name cannot be used
   * (not a word, a function's name, or named twice in one LET).
   */
  bind(name: string, ty: Ty, isFunction: (upper: string) => boolean): LetBinding | FormulaMessage {
    const scope = this.scopes[this.scopes.length - 1];
    const key = name.toUpperCase();
    if (!scope || !NAME.test(name)) return msg('let.needsName');
    if (isFunction(key) || key === 'TRUE' || key === 'FALSE') return msg('let.functionName', name);
    if (scope.has(key)) return msg('let.twice', name);
    const b = { index: this.count++, ty };
    scope.set(key, b);
    return b;
  }
}
