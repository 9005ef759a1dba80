import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync, rmdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';
import { formatBytes } from '../util/index.js';

/** A file received by the API, kept on disk for a preview and the load that follows it. */
export interface Upload {
  id: string;
  /** The name the client gave, for people (reports, loads). */
  name: string;
  path: string;
  bytes: number;
  lastUsed: number;
  inUse: number;
}

export interface ReceivedForm {
  upload: Upload | undefined;
  fields: Record<string, string>;
}

const KEEP_MS = 60 * 60 * 1000;
const KEEP_UNUSED = 4;
export const FORM_LIMITS = { files: 1, fields: 20, parts: 25, fieldSize: 100_000 } as const;

/**
 * Uploads are streamed to a folder next to the workspace (`.clientele-uploads/<server instance>/`), never
 * held in memory, and refused beyond `limitBytes`. An upload is kept for an hour after its last use so the
 * mapping can be previewed again and loaded without sending the file twice.
 */
export class UploadStore {
  readonly dir: string;
  private readonly uploads = new Map<string, Upload>();

  constructor(
    workspacePath: string,
    readonly limitBytes: number,
  ) {
    const root = join(dirname(workspacePath), '.clientele-uploads');
    removeFoldersOfEndedServers(root);
    this.dir = join(root, randomUUID());
    mkdirSync(this.dir, { recursive: true });
  }

  async receive(request: FastifyRequest): Promise<ReceivedForm> {
    if (!request.isMultipart()) {
      throw new ApiError(415, 'Send the file as multipart/form-data, in the field "file".');
    }
    const length = Number(request.headers['content-length']);
    if (Number.isFinite(length) && length > this.limitBytes + 1_000_000) throw this.tooLarge();
    this.sweep();
    const fields: Record<string, string> = {};
    let upload: Upload | undefined;
    let truncated = false;
    try {
      for await (const part of request.parts({ limits: { ...FORM_LIMITS, fileSize: this.limitBytes } })) {
        if (part.type === 'field') {
          if (part.valueTruncated) throw new ApiError(400, `The form field "${part.fieldname}" is too long.`);
          fields[part.fieldname] = String(part.value);
          continue;
        }
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new ApiError(
            400,
            `Unexpected file field "${part.fieldname}": send the file in the field "file".`,
          );
        }
        upload = this.newUpload(part.filename);
        await pipeline(part.file, createWriteStream(upload.path));
        truncated = part.file.truncated;
      }
    } catch (error) {
      if (upload) this.remove(upload);
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw this.tooLarge();
      throw formError(error);
    }
    if (upload && truncated) {
      this.remove(upload);
      throw this.tooLarge();
    }
    if (upload) {
      upload.bytes = statSync(upload.path).size;
      this.uploads.set(upload.id, upload);
    }
    return { upload, fields };
  }

  /** A kept upload, by the `upload_id` a preview returned. */
  get(id: string): Upload {
    const upload = this.uploads.get(id);
    if (!upload) {
      throw new ApiError(
        404,
        `There is no upload ${id}: uploads are kept for an hour after their last use. Send the file again.`,
      );
    }
    upload.lastUsed = Date.now();
    return upload;
  }

  /** Keeps the upload while a job reads it. */
  hold(upload: Upload): () => void {
    upload.inUse++;
    return () => {
      upload.inUse--;
      upload.lastUsed = Date.now();
    };
  }

  remove(upload: Upload): void {
    this.uploads.delete(upload.id);
    rmSync(dirname(upload.path), { recursive: true, force: true });
  }

  /** A path in the server's temp folder, for a file that is written and then sent (downloads). */
  tempPath(extension: string): string {
    mkdirSync(this.dir, { recursive: true });
    return join(this.dir, `${randomUUID()}.${extension}`);
  }

  close(): void {
    this.uploads.clear();
    rmSync(this.dir, { recursive: true, force: true });
    try {
      rmdirSync(dirname(this.dir));
    } catch {
      // other servers' uploads are still there
    }
  }

  private newUpload(filename: string): Upload {
    const id = randomUUID();
    const folder = join(this.dir, id);
    mkdirSync(folder, { recursive: true });
    const name = safeFileName(filename);
    return { id, name, path: join(folder, name), bytes: 0, lastUsed: Date.now(), inUse: 0 };
  }

  private sweep(): void {
    const idle = [...this.uploads.values()]
      .filter((u) => u.inUse === 0)
      .sort((a, b) => b.lastUsed - a.lastUsed);
    idle.forEach((u, i) => {
      if (i >= KEEP_UNUSED || Date.now() - u.lastUsed > KEEP_MS) this.remove(u);
    });
  }

  private tooLarge(): ApiError {
    return new ApiError(413, `The file is larger than the upload limit of ${formatBytes(this.limitBytes)}.`);
  }
}

/** The client's file name without folders or characters a file system may refuse; the extension is kept. */
export function safeFileName(filename: string): string {
  const base = basename(filename.replaceAll('\\', '/'))
    .replace(/[^\p{L}\p{N}._ ()-]+/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  const ext = extname(base).slice(0, 12);
  const stem = base.slice(0, base.length - extname(base).length).slice(0, 100);
  return `${stem || 'upload'}${ext}`;
}

function formError(error: unknown): unknown {
  if (error instanceof ApiError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_FILES_LIMIT') return new ApiError(400, 'Send one file per request, in the field "file".');
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
    return new ApiError(400, 'The form has too many fields.');
  if (code === 'ENOSPC') return new ApiError(507, 'The server has no disk space left for the upload.');
  if (code === 'FST_PROTO_VIOLATION') return new ApiError(400, 'The form has a forbidden field name.');
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError(400, `The multipart form could not be read: ${message}.`);
}

/**
 * The folders of servers that ended without cleaning up (a killed process). A server holds its workspace
 * alone (DuckDB allows one writing process, and the server opens it before its uploads), so when one starts,
 * every other folder here belongs to a server that is gone.
 */
function removeFoldersOfEndedServers(root: string): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) rmSync(join(root, name), { recursive: true, force: true });
}
