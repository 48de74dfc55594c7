import { Alert } from 'antd';
import type { EntrySheet } from '../../../shared/api/entry';
import { passLabels } from '../../../shared/strings/entry';
import { useAppStatus } from '../../stores/app-status';
import { BallotSheet } from './BallotSheet';
import { BallotStatus } from './BallotStatus';
import { CorrectionsPanel } from './CorrectionsPanel';
import { DeskHeader } from './DeskHeader';
import { FullBox } from './FullBox';
import { InvalidPanel } from './InvalidPanel';
import { KeyLegend } from './KeyLegend';
import { useEntryDesk } from './useEntryDesk';
import { WriteInPanel } from './WriteInPanel';
import './entry-desk.css';

/**
 * The teller's desk for one pass of one box: the paper ballot on screen, driven by the keys in the
 * legend (useEntryDesk has what they do).
 */
export function EntryDesk({
  sheet,
  onExit,
}: {
  sheet: EntrySheet;
  onExit: (done?: string) => void;
}) {
  const { round, box } = sheet;
  const congressId = useAppStatus((s) => s.status?.congress?.id ?? null);
  const desk = useEntryDesk(sheet, onExit);
  const { mode, draft, verdict, progress, lastSaved, notice } = desk;
  const onBallot = desk.onKeyDown !== undefined;

  const seqWords = progress.reentry
    ? `更正：重新录入第 ${progress.nextSeq} 张`
    : `第 ${progress.nextSeq} 张`;
  const voidedBy = draft.declaredInvalid ?? verdict.reading.overVoteReason;
  return (
    <section
      className="entry-desk"
      aria-label={`票箱“${box.label}”${passLabels[progress.pass]}录入`}
    >
      <DeskHeader sheet={sheet} progress={progress} onExit={onExit} />
      <div className="entry-body">
        <div
          className={`entry-main${verdict.reading.overVote && !draft.declaredInvalid ? ' over-vote' : ''}`}
          ref={desk.desk}
          tabIndex={0}
          onKeyDown={desk.onKeyDown}
          onFocus={() => desk.setFocused(true)}
          onBlur={() => desk.setFocused(false)}
          data-testid="entry-desk"
          aria-describedby="entry-status"
        >
          {onBallot && !desk.focused && (
            <div className="entry-unfocused" role="status">
              选票区未在录入状态：点击选票，或直接按录入键继续
            </div>
          )}
          {desk.full ? (
            <FullBox progress={progress} label={box.label} />
          ) : (
            <>
              <div
                className={`entry-seq${progress.reentry ? ' reentry' : ''}`}
                data-testid="current-seq"
              >
                {seqWords}
              </div>
              <BallotSheet
                round={round}
                marks={draft.marks}
                writeIns={draft.writeIns}
                cursor={onBallot ? draft.cursor : null}
                voidedBy={voidedBy}
              />
              <BallotStatus
                draft={draft}
                verdict={verdict}
                limit={round.limit}
                preliminary={round.kind === 'preliminary'}
              />
            </>
          )}
          {notice && (
            <Alert
              type={notice.tone === 'error' ? 'error' : 'info'}
              showIcon
              title={notice.text}
              className="entry-notice"
              role="alert"
            />
          )}
        </div>
        <aside className="entry-side">
          <div className="entry-saved" data-testid="last-saved" aria-live="polite">
            {lastSaved ? (
              <>
                上一张已保存：<b>第 {lastSaved.seq} 张</b>
                {lastSaved.invalidReason && (
                  <span className="entry-saved-invalid">（废票：{lastSaved.invalidReason}）</span>
                )}
              </>
            ) : (
              '本遍尚未保存选票'
            )}
          </div>
          <KeyLegend />
        </aside>
      </div>
      {mode.kind === 'write-in' && (
        <WriteInPanel
          congressId={congressId}
          candidates={round.candidates}
          slot={mode.slot}
          onDone={desk.writeIn}
          onCancel={desk.closePanel}
        />
      )}
      {mode.kind === 'invalid' && (
        <InvalidPanel onDone={desk.declareInvalid} onCancel={desk.closePanel} />
      )}
      {mode.kind === 'corrections' && (
        <CorrectionsPanel boxId={box.id} onClose={desk.closePanel} onVoided={desk.voided} />
      )}
    </section>
  );
}
