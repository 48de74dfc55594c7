import type { PassProgress } from '../../../shared/api/entry';
import { passLabels } from '../../../shared/strings/entry';
import './full-box.css';

/** Every ballot the box was counted at is in: Enter finishes the pass. */
export function FullBox({ progress, label }: { progress: PassProgress; label: string }) {
  return (
    <div className="entry-full" role="status">
      <div className="entry-full-title">
        票箱“{label}”清点 {progress.expected} 张，已全部录入
      </div>
      <div>
        按 <kbd>Enter</kbd> 完成本票箱{passLabels[progress.pass]}录入；按 <kbd>R</kbd> 查看与更正
      </div>
    </div>
  );
}
