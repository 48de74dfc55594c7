import { Alert } from 'antd';
import { useCallback } from 'react';
import type { EntrySheet } from '../../../../shared/api/entry';
import { passLabels } from '../../../../shared/strings/entry';
import { useAppStatus } from '../../../stores/app-status';
import { BallotSheet } from '../BallotSheet';
import { DeskHeader } from '../DeskHeader';
import { FullBox } from '../FullBox';
import { InvalidPanel } from '../InvalidPanel';
import { WriteInPanel } from '../WriteInPanel';
import { CameraPanel } from './CameraPanel';
import { dropped, IntakeBar } from './IntakeBar';
import { RefusePanel } from './RefusePanel';
import { ScanQueue } from './ScanQueue';
import { SheetImage } from './SheetImage';
import { ThumbnailPage } from './ThumbnailPage';
import { useScanDesk } from './useScanDesk';
import './scan-desk.css';

/**
 * 扫描录入: the teller's desk for one pass of one box entered from scanned sheets. The first sheet
 * waiting in scanning order is on screen with the machine's reading drawn on its image and filled
 * into the ballot; the teller types every doubtful cell and each written name with the keyed
 * desk's keys, and Enter confirms it into the pass.
 */
export function ScanDesk({
  sheet,
  onExit,
}: {
  sheet: EntrySheet;
  onExit: (done?: string) => void;
}) {
  const { round, box } = sheet;
  const congressId = useAppStatus((s) => s.status?.congress?.id ?? null);
  const desk = useScanDesk(sheet, onExit);
  const { progress, current, draft, notice, setNotice } = desk;
  const report = useCallback(
    (words: string | null, problem: string | null) => {
      if (problem) setNotice({ tone: 'error', text: problem });
      else if (words) setNotice({ tone: 'info', text: words });
      void desk.refresh();
    },
    [desk.refresh, setNotice],
  );
  const onTaken = useCallback((words: string) => report(words, null), [report]);
  const shown = {
    mark: (i: number) => draft?.marks[i] ?? null,
    doubtful: desk.doubtful,
    cursor: draft?.cursor ?? null,
    written: desk.written,
  };

  return (
    <section
      className="scan-desk"
      aria-label={`票箱“${box.label}”${passLabels[progress.pass]}扫描录入`}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        if (e.dataTransfer.files.length > 0) void dropped(box.id, e.dataTransfer.files, report);
      }}
    >
      <DeskHeader sheet={sheet} progress={progress} scanned onExit={onExit} />
      <IntakeBar
        boxId={box.id}
        watching={desk.scan?.watching ?? null}
        onCamera={() => desk.setCamera(true)}
        onResult={report}
      />
      {desk.problem && <Alert type="warning" showIcon title={desk.problem} />}
      <div
        className="scan-body"
        ref={desk.desk}
        tabIndex={0}
        onKeyDown={desk.onKeyDown}
        data-testid="scan-desk"
      >
        <div className="scan-image">
          {current ? (
            current.pages.map((page) => (
              <SheetImage key={page.image} sheetId={current.id} page={page} shown={shown} />
            ))
          ) : (
            <div className="scan-waiting" role="status">
              {desk.full
                ? '本票箱已全部录入'
                : '等待扫描：请把选票放入扫描仪，或把扫描文件拖到这里'}
            </div>
          )}
        </div>
        <div className="scan-side">
          {desk.full ? (
            <FullBox progress={progress} label={box.label} />
          ) : current && draft ? (
            <>
              <div className="entry-seq" data-testid="current-seq">
                第 {current.place} 张扫描件 → 录入为第 {progress.nextSeq} 张
                {desk.doubtful.size > 0 && (
                  <span className="scan-doubtful"> · 待核对 {desk.doubtful.size} 处</span>
                )}
              </div>
              <BallotSheet
                round={round}
                marks={draft.marks}
                writeIns={draft.writeIns}
                cursor={draft.cursor}
                voidedBy={draft.declaredInvalid ?? desk.verdict?.reading.overVoteReason ?? null}
                highlight={desk.doubtful}
                endHint={
                  <>
                    核对无误后按 <kbd>Enter</kbd> 确认录入
                  </>
                }
              />
            </>
          ) : null}
          {notice && (
            <Alert
              type={notice.tone === 'error' ? 'error' : 'info'}
              showIcon
              title={notice.text}
              className="entry-notice"
              role="alert"
            />
          )}
          <ScanQueue scan={desk.scan} run={desk.run.length} lastSaved={desk.lastSaved} />
        </div>
      </div>
      {desk.panel === 'write-in' && draft && (
        <WriteInPanel
          congressId={congressId}
          candidates={round.candidates}
          slot={draft.writeIns.length}
          onDone={desk.writeIn}
          onCancel={desk.closePanel}
        />
      )}
      {desk.panel === 'invalid' && (
        <InvalidPanel onDone={desk.declareInvalid} onCancel={desk.closePanel} />
      )}
      {desk.panel === 'refuse' && current && (
        <RefusePanel
          sheet={current}
          onDone={(w, p) => void (p ? desk.settled(p, 'error') : desk.settled(w))}
          onCancel={desk.closePanel}
        />
      )}
      {desk.panel === 'thumbnails' && (
        <ThumbnailPage
          boxId={box.id}
          sheets={desk.run}
          onDone={(w) => void desk.settled(w)}
          onCancel={desk.closePanel}
        />
      )}
      {desk.camera && (
        <CameraPanel boxId={box.id} onTaken={onTaken} onClose={() => desk.setCamera(false)} />
      )}
    </section>
  );
}
