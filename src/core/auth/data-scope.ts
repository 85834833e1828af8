// Data scope is applied inside repository queries, never after loading: a repository asks for the actor's
// scope for a permission and adds the matching WHERE clause to its own query.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import { AppError } from '../errors/app-error.ts';
import { widestScope, type Actor } from './actor.ts';

export type DataScope =
  | { kind: 'all' }
  | { kind: 'unit_and_below'; unitPath: string }
  | { kind: 'unit'; unitId: string }
  | { kind: 'self'; userId: string };

/** The actor's data scope for a permission; FORBIDDEN without the permission. */
export function resolveDataScope(actor: Actor, permission: string): DataScope {
  const widest = widestScope(actor, permission);
  if (widest === null) throw new AppError('FORBIDDEN');
  if (widest === 'all') return { kind: 'all' };
  if (widest === 'unit_and_below' && actor.unitPath) return { kind: 'unit_and_below', unitPath: actor.unitPath };
  if (widest === 'unit' && actor.unitId) return { kind: 'unit', unitId: actor.unitId };
  if (actor.userId) return { kind: 'self', userId: actor.userId };
  throw new AppError('FORBIDDEN');
}

/**
 * The WHERE condition for a scope. `unitIdColumn` is the record's owning unit, `unitPathColumn` that unit's
 * materialised path (joined from units), `ownerColumn` the user who owns the record.
 */
export function scopeCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: DataScope,
  columns: { unitIdColumn: string; unitPathColumn: string; ownerColumn: string },
): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`1 = 1`;
    case 'unit_and_below':
      return sql<boolean>`${sql.ref(columns.unitPathColumn)} like ${escapeLike(scope.unitPath) + '%'} escape '\\'`;
    case 'unit':
      return sql<boolean>`${sql.ref(columns.unitIdColumn)} = ${scope.unitId}`;
    case 'self':
      return sql<boolean>`${sql.ref(columns.ownerColumn)} = ${scope.userId}`;
  }
}

/**
 * The same rule as scopeCondition, for a record already loaded: true when a record owned by the unit (at
 * `unitPath`), or handled by `ownerUserId`, lies in the scope.
 */
export function isInScope(scope: DataScope, record: { unitId: string; unitPath: string; ownerUserId?: string | null | undefined }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'unit_and_below':
      return record.unitPath.startsWith(scope.unitPath);
    case 'unit':
      return record.unitId === scope.unitId;
    case 'self':
      return record.ownerUserId === scope.userId;
  }
}

/** Escapes LIKE wildcards so user text matches literally (use with `escape '\\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
