import { Button, Progress } from 'antd';
import { memo } from 'react';
import type { EntrySheet, PassProgress } from '../../../shared/api/entry';
import { passLabels } from '../../../shared/strings/entry';

/**
 * The head of a teller's desk, keyed or scanned: the box, the pass and the round, how many of the
 * box's ballots are in, and the way back to the list of boxes (styled in entry-desk.css). Drawn
 * again only when the pass moves, not at every mark key.
 */
export const DeskHeader = memo(function DeskHeader({
  sheet: { round, box },
  progress,
  scanned = false,
  onExit,
}: {
  sheet: EntrySheet;
  /** The pass as it stands now (the sheet's is as it was opened). */
  progress: PassProgress;
  /** 扫描录入 rather than 录入. */
  scanned?: boolean;
  onExit: () => void;
}) {
  return (
    <header className="entry-head">
      <div className="entry-head-box">
        <strong>票箱“{box.label}”</strong>
        <span>
          {passLabels[progress.pass]}
          {scanned ? '扫描录入' : '录入'}
          {round.doubleEntry ? '（双人录入，两遍互不可见）' : ''}
        </span>
        <span className="entry-head-title">{round.title}</span>
      </div>
      <div className="entry-head-progress" data-testid="box-progress">
        <span className="entry-count">
          <b>{progress.live}</b> / {progress.expected} 张
        </span>
        <Progress
          percent={
            progress.expected === 0 ? 100 : Math.round((100 * progress.live) / progress.expected)
          }
          showInfo={false}
          size="small"
          style={{ width: 160, margin: 0 }}
        />
      </div>
      <Button onClick={() => onExit()}>返回票箱列表</Button>
    </header>
  );
});
