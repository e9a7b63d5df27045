// Opaque keyset cursors: the last id of a page, base64url-encoded so clients don't build them.
import { MAX_DB_ID } from '../../domain/schemas/common.ts';
import { ApiError } from '../errors.ts';

export const encodeCursor = (lastId: number): string => Buffer.from(`id:${lastId}`).toString('base64url');

export function decodeCursor(cursor: string): number {
  const m = /^id:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m || Number(m[1]) > MAX_DB_ID) throw new ApiError('invalid_query', 'cursor is not one this server issued');
  return Number(m[1]);
}
