// The guide and process a case was applied under. A version a case pins was published and is never
// edited again (edits open a new version), so its parsed body can be kept in memory: every
// transition needs it, and parsing the guide's JSON on each one would cost more than the update.
import type { DbExecutor } from '../../core/db/database.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { ProcessDefinition } from './process.schema.ts';
import type { ServiceGuide } from './service-guide.schema.ts';
import { findVersionById } from './service-items.repository.ts';

const CAPACITY = 1000;
const cache = new Map<string, { guide: ServiceGuide; process: ProcessDefinition }>();

/** The parsed body of a version pinned by cases (published or superseded; never a draft). */
export async function loadPinnedVersion(db: DbExecutor, versionId: string): Promise<{ guide: ServiceGuide; process: ProcessDefinition }> {
  const cached = cache.get(versionId);
  if (cached) {
    // Map order is insertion order: re-inserting keeps the most recently used at the end.
    cache.delete(versionId);
    cache.set(versionId, cached);
    return cached;
  }
  const version = await findVersionById(db, versionId);
  if (!version) throw new AppError('CASE_NOT_FOUND');
  const body = { guide: JSON.parse(version.guide) as ServiceGuide, process: JSON.parse(version.process) as ProcessDefinition };
  if (version.status === 'published' || version.status === 'superseded') {
    cache.set(versionId, body);
    if (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
  }
  return body;
}
