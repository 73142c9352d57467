import { hashEntry } from '../evidence/capture-chain';
import { isDeletion, type ChainEntry, type DeletionEntry } from '../evidence/deletion-entry';
import { knownHashes, originalSealHolds } from '../evidence/imported-entry';
import { sha256Hex } from '../evidence/sha256';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, MANIFEST_PATH } from '../export/bundle-manifest';
import { readZip, UnreadableBundleError, type ZipLimits } from './read-zip';
import { checkExtras, declaredOmissions, type DerivedLists } from './verify-derived-files';
import { isPartialChain, partialChainProblems } from './verify-partial-chain';
import { checkTimestamps, type TimestampSummary } from './verify-timestamp';

// One verify routine for the extension and the CLI. It trusts nothing in the bundle: every file is
// re-hashed, every capture record re-hashed, and every link of the chain re-checked.

export interface Problem {
  /** The capture id or zip path the problem is about. */
  entry: string;
  reason: string;
}

export type VerifyResult =
  | {
      status: 'intact';
      captures: number;
      files: number;
      head: string | null;
      deletions?: DeletionSummary[];
      /** Export-time files (README, report, complaints, stamped copies) checked against `extras`. */
      extras?: number;
      /** Capture files a redacted export declared as left out. */
      omitted?: number;
      /** The trusted timestamp over chain.head, when the bundle carries one. */
      timestamp?: TimestampSummary;
      /** Records appended again from another chain (`importedFrom`), each original seal checked. */
      rechained?: number;
    }
  | { status: 'tampered'; problems: Problem[] }
  | { status: 'unreadable'; error: string };

/** Present in an intact result only when the chain records deletions (bundle v1 extension). */
export interface DeletionSummary {
  captureId: string;
  deletedAt: string;
  reason: string;
}

export async function verifyBundle(zipBytes: Uint8Array, limits?: ZipLimits): Promise<VerifyResult> {
  let files: Map<string, Uint8Array>;
  try {
    files = readZip(zipBytes, limits);
  } catch (error) {
    if (error instanceof UnreadableBundleError) return { status: 'unreadable', error: error.message };
    throw error;
  }
  const manifestBytes = files.get(MANIFEST_PATH);
  if (!manifestBytes) return { status: 'unreadable', error: `${MANIFEST_PATH} is missing` };
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch {
    return { status: 'unreadable', error: `${MANIFEST_PATH} is not valid UTF-8 JSON` };
  }
  const shape = manifestShapeError(manifest);
  if (shape) return { status: 'unreadable', error: shape };
  const { captures, chain } = manifest as { captures: ChainEntry[]; chain: { head: string | null; base?: string | null } };

  const problems: Problem[] = [];
  const listed = new Set<string>([MANIFEST_PATH]);
  const ids = new Set<string>();
  let previous: string | null = chain.base ?? null;
  let fileCount = 0;
  let rechained = 0;
  // A file may be missing only when a deletion entry of this bundle removed exactly it.
  const removed = new Map<string, string>();
  for (const entry of captures) if (isDeletion(entry)) for (const ref of entry.removedFiles ?? []) removed.set(ref.path, ref.sha256);
  const deletions: DeletionSummary[] = [];
  const seen = new Map<string, number>();
  const derived = manifest as DerivedLists;
  const omissions = declaredOmissions(derived, captures, files, problems);
  // A one-case bundle proves its order through chain.links instead of consecutive prevHash links.
  const partial = isPartialChain(chain);
  if (partial) problems.push(...partialChainProblems(captures, chain));

  for (const [index, capture] of captures.entries()) {
    const label = `capture #${index + 1} (${capture.id})`;
    if (ids.has(capture.id)) problems.push({ entry: label, reason: 'the same capture id appears twice' });
    ids.add(capture.id);
    seen.set(capture.id, index);
    if (isDeletion(capture)) {
      problems.push(...deletionProblems(capture, label, captures, seen));
      deletions.push({ captureId: capture.deletedId, deletedAt: capture.deletedAt, reason: capture.reason });
    }
    for (const ref of capture.files) {
      fileCount++;
      if (listed.has(ref.path)) problems.push({ entry: ref.path, reason: 'listed twice in the manifest' });
      listed.add(ref.path);
      if (!ref.path.startsWith(`captures/${capture.id}/`)) {
        problems.push({ entry: ref.path, reason: `does not belong to ${label}'s folder` });
      }
      const data = files.get(ref.path);
      if (!data && removed.get(ref.path) === ref.sha256) {
        fileCount--;
        continue;
      }
      if (!data && omissions.get(ref.path) === ref.sha256) {
        fileCount--;
        continue;
      }
      if (!data) {
        problems.push({ entry: ref.path, reason: 'listed in the manifest but missing from the zip' });
        continue;
      }
      if (data.byteLength !== ref.bytes) {
        problems.push({ entry: ref.path, reason: `size is ${data.byteLength} bytes, the manifest says ${ref.bytes}` });
      }
      const actual = await sha256Hex(data);
      if (actual !== ref.sha256) {
        problems.push({ entry: ref.path, reason: `SHA-256 is ${actual}, the manifest says ${ref.sha256}: the file was changed` });
      }
    }
    const recomputed = await hashEntry(capture);
    if (recomputed !== capture.hash) {
      problems.push({ entry: label, reason: 'its record was edited: the hash of its fields no longer matches' });
    }
    if (capture.importedFrom) {
      rechained++;
      if (!(await originalSealHolds(capture))) {
        problems.push({ entry: label, reason: 'it was re-chained, but its fields no longer match the seal it had in its first chain' });
      }
    }
    if (!partial && capture.prevHash !== previous) {
      problems.push({
        entry: label,
        reason: 'the chain is broken before it: a capture was removed, inserted, reordered or swapped',
      });
    }
    previous = capture.hash;
  }
  if (!partial && chain.head !== previous) {
    problems.push({
      entry: 'chain.head',
      reason: 'the chain head does not match the last capture: a capture was removed or added at the end',
    });
  }
  const extraCount = await checkExtras(derived, captures, files, listed, problems);
  const timestamp = await checkTimestamps(derived.extras, chain.head, files, problems);
  for (const path of files.keys()) {
    if (!listed.has(path)) problems.push({ entry: path, reason: 'this file is in the zip but not in the manifest' });
  }
  return problems.length
    ? { status: 'tampered', problems }
    : {
        status: 'intact',
        captures: captures.length - deletions.length,
        files: fileCount,
        head: partial ? chain.head : previous,
        ...(deletions.length ? { deletions } : {}),
        ...(extraCount ? { extras: extraCount } : {}),
        ...(omissions.size ? { omitted: omissions.size } : {}),
        ...(timestamp ? { timestamp } : {}),
        ...(rechained ? { rechained } : {}),
      };
}

/** A deletion must name a capture before it, by the hash that capture really has, and carry no files. */
function deletionProblems(
  deletion: DeletionEntry,
  label: string,
  captures: readonly ChainEntry[],
  seen: ReadonlyMap<string, number>,
): Problem[] {
  const problems: Problem[] = [];
  if (deletion.files.length > 0) problems.push({ entry: label, reason: 'a deletion entry must not carry files' });
  if (typeof deletion.deletedId !== 'string' || !Array.isArray(deletion.removedFiles)) {
    return [...problems, { entry: label, reason: 'a deletion entry must name the capture and the files it removed' }];
  }
  const at = seen.get(deletion.deletedId);
  const target = at === undefined ? captures.find((entry) => entry.id === deletion.deletedId) : captures[at];
  if (at === undefined && target) {
    problems.push({ entry: label, reason: `it deletes ${deletion.deletedId}, which comes after it in the chain` });
  } else if (target && (isDeletion(target) || !knownHashes(target).includes(deletion.deletedHash))) {
    problems.push({ entry: label, reason: `it names ${deletion.deletedId} with a hash that capture does not have` });
  } else if (target) {
    const listed = new Map(target.files.map((ref) => [ref.path, ref.sha256]));
    if (deletion.removedFiles.some((ref) => listed.get(ref.path) !== ref.sha256)) {
      problems.push({ entry: label, reason: `it claims to remove files that ${deletion.deletedId} does not list` });
    }
  }
  return problems;
}

function manifestShapeError(value: unknown): string | null {
  if (!isRecord(value)) return 'manifest.json is not an object';
  if (value.format !== BUNDLE_FORMAT) return `manifest.json is not a ${BUNDLE_FORMAT} manifest`;
  if (value.formatVersion !== BUNDLE_FORMAT_VERSION) return `unsupported formatVersion ${String(value.formatVersion)}`;
  if (!Array.isArray(value.captures)) return 'manifest.json has no captures list';
  if (!isRecord(value.chain) || value.chain.algorithm !== 'sha256') return 'manifest.json has no sha256 chain';
  for (const [index, capture] of value.captures.entries()) {
    if (!isRecord(capture) || typeof capture.id !== 'string' || typeof capture.hash !== 'string') {
      return `capture #${index + 1} has no id or hash`;
    }
    if (!Array.isArray(capture.files) || !capture.files.every(isFileRef)) return `capture #${index + 1} has a malformed files list`;
  }
  return null;
}

function isFileRef(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.path === 'string' &&
    typeof value.sha256 === 'string' &&
    typeof value.bytes === 'number'
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
