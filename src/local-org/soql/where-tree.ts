/**
 * WHERE and HAVING as an expression tree. The parser gives a flat linked list of conditions joined by
 * AND / OR / NOT, with counts of the parentheses opened before and closed after each condition; this
 * turns it back into tokens and parses them by recursive descent:
 *
 *   expr  := unary ((AND unary)* | (OR unary)*)     -- Salesforce refuses AND and OR mixed unparenthesised
 *   unary := NOT unary | '(' expr ')' | condition    -- NOT binds to the condition or group after it
 */
import { malformedQuery } from '../errors.js';
import type { Condition, Expr } from './ast.js';

type Token = { t: '(' | ')' | 'NOT' | 'AND' | 'OR' } | { t: 'cond'; cond: Condition };

/** The parser's clause shape (WhereClause and HavingClause alike), loosely typed. */
export interface FlatClause {
  left: Record<string, unknown> | null;
  operator?: string;
  right?: FlatClause;
}

const isCondition = (left: Record<string, unknown> | null): boolean => !!left && ('field' in left || 'fn' in left);

function tokens(clause: FlatClause, leaf: (raw: Record<string, unknown>) => Condition): Token[] {
  const out: Token[] = [];
  const parens = (t: '(' | ')', n: unknown) => {
    for (let i = 0; i < (typeof n === 'number' ? n : 0); i++) out.push({ t });
  };
  let node: FlatClause | undefined = clause;
  while (node) {
    if (isCondition(node.left)) {
      parens('(', node.left!.openParen);
      out.push({ t: 'cond', cond: leaf(node.left!) });
      parens(')', node.left!.closeParen);
      if (node.operator === 'AND' || node.operator === 'OR') out.push({ t: node.operator });
      else if (node.operator !== undefined) throw malformedQuery(`unexpected token: '${node.operator}'`);
    } else if (node.operator === 'NOT') {
      parens('(', node.left?.openParen); // '(NOT x)': the parser hangs the paren on the negation
      out.push({ t: 'NOT' });
    } else {
      throw malformedQuery('unexpected condition in WHERE clause');
    }
    node = node.right;
  }
  return out;
}

class TreeParser {
  private i = 0;
  public constructor(private readonly toks: Token[]) {}

  private peek(): Token | undefined {
    return this.toks[this.i];
  }

  public parse(): Expr {
    const e = this.expr();
    const rest = this.peek();
    if (rest) throw malformedQuery(`unexpected token: '${rest.t}'`);
    return e;
  }

  private expr(): Expr {
    const first = this.unary();
    const op = this.peek()?.t;
    if (op !== 'AND' && op !== 'OR') return first;
    const items = [first];
    for (let tok = this.peek(); tok && (tok.t === 'AND' || tok.t === 'OR'); tok = this.peek()) {
      if (tok.t !== op) {
        throw malformedQuery(
          `unexpected token: '${tok.t}'. SOQL does not mix AND and OR without parentheses: write "a AND (b OR c)" or "(a AND b) OR c".`,
        );
      }
      this.i++;
      items.push(this.unary());
    }
    return { kind: op === 'AND' ? 'and' : 'or', items };
  }

  private unary(): Expr {
    const tok = this.toks[this.i++];
    if (!tok) throw malformedQuery('unexpected end of condition');
    if (tok.t === 'NOT') return { kind: 'not', item: this.unary() };
    if (tok.t === 'cond') return tok.cond;
    if (tok.t === '(') {
      const inner = this.expr();
      if (this.toks[this.i++]?.t !== ')') throw malformedQuery("missing ')' in condition");
      return inner;
    }
    throw malformedQuery(`unexpected token: '${tok.t}'`);
  }
}

/** Salesforce allows semi-join sub-selects only where an OR cannot reach them. */
function checkSemiJoins(e: Expr, underOr: boolean): void {
  if (e.kind === 'cond') {
    if (e.semiJoin && underOr) throw malformedQuery("Semi join sub-selects are not allowed with the 'OR' operator");
  } else if (e.kind === 'not') {
    checkSemiJoins(e.item, underOr);
  } else {
    for (const item of e.items) checkSemiJoins(item, underOr || e.kind === 'or');
  }
}

export function buildTree(clause: FlatClause, leaf: (raw: Record<string, unknown>) => Condition): Expr {
  const tree = new TreeParser(tokens(clause, leaf)).parse();
  checkSemiJoins(tree, false);
  return tree;
}
