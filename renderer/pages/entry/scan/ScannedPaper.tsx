import { useEffect, useState } from 'react';
import type { Difference } from '../../../../shared/api/entry';
import { passLabels } from '../../../../shared/strings/entry';
import { api } from '../../../api';
import './scanned-paper.css';

/**
 * The scanned image of the paper behind a difference between two passes, beside the entries:
 * the scrutineers compare with the image, then with the paper itself when it is unclear.
 */
export function ScannedPaper({ difference }: { difference: Difference }) {
  const scan = difference.scanned[0];
  const [image, setImage] = useState<{ url: string } | { problem: string } | null>(null);
  useEffect(() => {
    if (!scan) return;
    let current = true;
    void api['scan.image']({ ballotId: scan.ballotId }).then((result) => {
      if (!current) return;
      setImage(result.ok ? { url: result.value.dataUrl } : { problem: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [scan]);
  if (!scan) return null;
  return (
    <figure className="scanned-paper" data-testid={`scanned-paper-${difference.seq}`}>
      {image === null ? (
        <div className="scanned-paper-loading">正在载入扫描图像…</div>
      ) : 'problem' in image ? (
        <div className="scanned-paper-problem" role="alert">
          {image.problem}
        </div>
      ) : (
        <img
          src={image.url}
          alt={`第 ${difference.seq} 张的扫描图像（${passLabels[scan.pass]}）`}
        />
      )}
      <figcaption>
        扫描图像 · {passLabels[scan.pass]}第 {difference.seq} 张
      </figcaption>
    </figure>
  );
}
