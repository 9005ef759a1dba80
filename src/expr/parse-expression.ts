/*
 * Grammar (keywords in any case; && || ! are and, or, not):
 *   expression := or
 *   or         := and ("or" and)*
 *   and        := not ("and" not)*
 *   not        := "not" not | "(" or ")" | condition
 *   condition  := field comparator value
 *               | field ["not"] "in" "(" value ("," value)* ")"
 *               | field ["not"] "between" value "and" value
 *               | field ["not"] "contains" value
 *               | field "is" ["not"] "null"
 *               | field                                   a true/false field on its own
 *   value      := number | 'text' | "text" | YYYY-MM-DD | true | false
 */
import type { Condition, Expression, FieldRef, Literal } from './ast.js';
import { isCalendarDate } from './calendar-date.js';
import { ExpressionError } from './expression-error.js';
import { showToken, type Keyword, type Token } from './token.js';
import { tokenize } from './tokenize.js';

/** Parses a segment expression into its syntax tree; fields are not checked here (see `resolveExpression`). */
export function parseExpression(text: string): Expression {
  return new Parser(tokenize(text)).parse();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): Expression {
    const first = this.peek();
    if (first.kind === 'end') {
      throw new ExpressionError(
        `Expected a condition such as revenue > 1000 at column ${first.column}, but the expression is empty`,
        first.column,
      );
    }
    const expression = this.or();
    const rest = this.peek();
    if (rest.kind !== 'end') {
      if (rest.text === ')') throw new ExpressionError(`Unmatched ")" at column ${rest.column}`, rest.column);
      const hint =
        rest.text === ',' && this.previous()?.kind === 'number'
          ? ' — write decimals with a dot, as in 0.5'
          : '';
      throw this.expected('"and", "or" or the end of the expression', undefined, hint);
    }
    return expression;
  }

  private or(): Expression {
    const operands = [this.and()];
    while (this.accept('or')) operands.push(this.and());
    return operands.length === 1 ? (operands[0] as Expression) : { type: 'or', operands };
  }

  private and(): Expression {
    const operands = [this.not()];
    while (this.accept('and')) operands.push(this.not());
    return operands.length === 1 ? (operands[0] as Expression) : { type: 'and', operands };
  }

  private not(): Expression {
    const token = this.peek();
    if (this.accept('not')) return { type: 'not', operand: this.not(), column: token.column };
    if (token.text === '(') {
      this.next();
      const inner = this.or();
      if (this.peek().text !== ')')
        throw this.expected('")"', undefined, '', ` to match the "(" at column ${token.column}`);
      this.next();
      return inner;
    }
    if (token.kind === 'identifier') return this.condition();
    const hint = token.kind === 'string' ? ' — field names are written without quotes' : '';
    throw this.expected('a field name', this.previous(), hint);
  }

  private condition(): Condition {
    const name = this.next();
    const field: FieldRef = { name: name.text, column: name.column };
    const operator = this.peek();
    const column = operator.column;
    if (operator.kind === 'comparator') {
      this.next();
      return { type: 'compare', field, column, op: operator.op, value: this.value() };
    }
    if (this.accept('is')) {
      const negated = this.accept('not');
      if (!this.accept('null')) throw this.expected('"null"', this.previous());
      return { type: 'null', field, column, negated };
    }
    const negated = this.accept('not');
    if (this.accept('in')) return { type: 'in', field, column, negated, values: this.list() };
    if (this.accept('between')) {
      const low = this.value();
      if (!this.accept('and')) throw this.expected('"and"', this.previous());
      return { type: 'between', field, column, negated, low, high: this.value() };
    }
    if (this.accept('contains')) return { type: 'contains', field, column, negated, value: this.value() };
    if (negated) throw this.expected('"in", "between" or "contains"', this.previous());
    const next = this.peek();
    if (next.kind === 'end' || next.text === ')' || this.is('and') || this.is('or')) {
      return { type: 'flag', field, column: field.column };
    }
    throw this.expected('an operator such as =, >, in, between, contains or is null', name);
  }

  private list(): Literal[] {
    if (this.peek().text !== '(') throw this.expected('"("', this.previous());
    const open = this.next();
    const values = [this.value()];
    while (this.peek().text === ',') {
      this.next();
      values.push(this.value());
    }
    if (this.peek().text !== ')') {
      throw this.expected('"," or ")"', this.previous(), '', ` to match the "(" at column ${open.column}`);
    }
    this.next();
    return values;
  }

  private value(): Literal {
    const token = this.peek();
    const column = token.column;
    const literal: Literal | undefined =
      token.kind === 'number'
        ? { kind: 'number', value: token.value, column }
        : token.kind === 'string'
          ? { kind: 'text', value: token.value, column }
          : token.kind === 'date'
            ? { kind: 'date', value: token.value, column }
            : token.kind === 'keyword' && (token.keyword === 'true' || token.keyword === 'false')
              ? { kind: 'boolean', value: token.keyword === 'true', column }
              : undefined;
    if (literal === undefined) {
      const hint = this.is('null') ? ' — write "is null" to find missing values' : '';
      throw this.expected('a value', this.previous(), hint);
    }
    if (literal.kind === 'date' && !isCalendarDate(literal.value)) {
      throw new ExpressionError(
        `Invalid date ${literal.value} at column ${column} — there is no such day`,
        column,
      );
    }
    this.next();
    return literal;
  }

  /** `Expected X [after "prev"] at column N[ tail][, got Y][hint]` for the current token. */
  private expected(what: string, after?: Token, hint = '', tail = ''): ExpressionError {
    const token = this.peek();
    const where = after === undefined ? '' : ` after ${showToken(after)}`;
    const got = token.kind === 'end' ? '' : `, got ${showToken(token)}`;
    return new ExpressionError(
      `Expected ${what}${where} at column ${token.column}${tail}${got}${hint}`,
      token.column,
    );
  }

  private peek(): Token {
    const token = this.tokens[this.index] as Token;
    if (token.kind === 'invalid') throw token.error;
    return token;
  }

  private previous(): Token | undefined {
    return this.index === 0 ? undefined : this.tokens[this.index - 1];
  }

  private next(): Token {
    const token = this.peek();
    this.index++;
    return token;
  }

  private is(keyword: Keyword): boolean {
    const token = this.peek();
    return token.kind === 'keyword' && token.keyword === keyword;
  }

  private accept(keyword: Keyword): boolean {
    if (!this.is(keyword)) return false;
    this.index++;
    return true;
  }
}
