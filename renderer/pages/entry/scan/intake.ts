import type { ScanIntake } from '../../../../shared/api/scan';
import { api } from '../../../api';

/** What the service takes in one call; bigger batches go in several, in order. */
const FILES_PER_CALL = 20;
/** Raw bytes per call: as base64 within the loopback host's 32 MB request limit. */
const BYTES_PER_CALL = 20 * 1024 * 1024;
const ACCEPTED = /\.(jpe?g|png|tiff?|pdf)$/i;

export const acceptedFiles = '.jpg,.jpeg,.png,.tif,.tiff,.pdf';

function base64Of(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let i = 0; i < view.length; i += 0x8000) {
    binary += String.fromCharCode(...view.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export interface Submitted {
  pages: number;
  sheets: number;
  refused: string[];
  problem: string | null;
}

/**
 * Sends picked or dropped files in the order given (a scanner names them in scanning order, so
 * they are sorted by name first), in batches the service accepts. A file the service refuses
 * stops the rest, with the message naming it; the batches before it are kept.
 */
export async function submitFiles(boxId: number, picked: readonly File[]): Promise<Submitted> {
  const files = [...picked].sort((a, b) =>
    a.name.localeCompare(b.name, 'zh-Hans-CN', { numeric: true }),
  );
  const out: Submitted = { pages: 0, sheets: 0, refused: [], problem: null };
  const skipped = files.filter((f) => !ACCEPTED.test(f.name));
  if (skipped.length > 0) {
    out.problem = `“${skipped[0]?.name ?? ''}”等 ${skipped.length} 个文件不是 JPEG、PNG、TIFF 或 PDF，未提交`;
  }
  let batch: { name: string; content: string }[] = [];
  let size = 0;
  const send = async (): Promise<boolean> => {
    if (batch.length === 0) return true;
    const result = await api['scan.submitFiles']({ boxId, files: batch });
    batch = [];
    size = 0;
    if (!result.ok) {
      out.problem = result.error.message;
      return false;
    }
    count(out, result.value);
    return true;
  };
  for (const file of files.filter((f) => ACCEPTED.test(f.name))) {
    if (batch.length >= FILES_PER_CALL || (size > 0 && size + file.size > BYTES_PER_CALL)) {
      if (!(await send())) return out;
    }
    batch.push({ name: file.name, content: base64Of(await file.arrayBuffer()) });
    size += file.size;
  }
  await send();
  return out;
}

/** One camera frame, as JPEG. */
export async function submitFrame(boxId: number, jpeg: Blob): Promise<Submitted> {
  const out: Submitted = { pages: 0, sheets: 0, refused: [], problem: null };
  const result = await api['scan.submitFrame']({
    boxId,
    content: base64Of(await jpeg.arrayBuffer()),
  });
  if (!result.ok) out.problem = result.error.message;
  else count(out, result.value);
  return out;
}

function count(out: Submitted, intake: ScanIntake): void {
  out.pages += intake.pages;
  out.sheets += intake.sheets.length;
  for (const sheet of intake.sheets) {
    if (sheet.status === 'refused' && sheet.reason)
      out.refused.push(`第 ${sheet.place} 张：${sheet.reason}`);
  }
}

/** What a submission did, in a line for the teller. */
export function submittedWords(s: Submitted): string {
  const parts = [`收到 ${s.pages} 页`];
  if (s.refused.length > 0) parts.push(`拒收 ${s.refused.length} 张（${s.refused.join('；')}）`);
  return parts.join('，');
}
