import { Alert, Button, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { EntrySheet } from '../../../shared/api/entry';
import { api } from '../../api';
import { StepHeading } from '../../components/StepHeading';
import { useAppStatus } from '../../stores/app-status';
import { BoxesPanel } from './boxes/BoxesPanel';
import { EntryDesk } from './EntryDesk';
import { ReconcileScreen } from './ReconcileScreen';
import { ScanDesk } from './scan/ScanDesk';
import './entry.css';

type View =
  | { kind: 'boxes' }
  | { kind: 'desk'; boxId: number }
  | { kind: 'scan'; boxId: number }
  | { kind: 'reconcile'; boxId: number };

/**
 * 4. 录入: the boxes of the election's round and their progress; a teller opens a box to enter its
 * ballots by keyboard or from scanned sheets, a scrutineer settles the differences of double entry and closes the entry.
 */
export function EntryPage() {
  const electionId = useAppStatus((s) => s.electionId);
  const [view, setView] = useState<View>({ kind: 'boxes' });
  const [done, setDone] = useState<string | null>(null);
  const back = (message?: string) => {
    setDone(message ?? null);
    setView({ kind: 'boxes' });
  };
  useEffect(() => setView({ kind: 'boxes' }), [electionId]);

  if (view.kind === 'desk') return <DeskLoader boxId={view.boxId} onExit={back} />;
  if (view.kind === 'scan') return <DeskLoader boxId={view.boxId} onExit={back} scanning />;
  if (view.kind === 'reconcile') return <ReconcileScreen boxId={view.boxId} onExit={back} />;
  return (
    <section aria-labelledby="page-title">
      <StepHeading step="entry" />
      {done && (
        <Alert
          type="success"
          className="entry-success"
          showIcon
          title={done}
          closable
          onClose={() => setDone(null)}
          style={{ marginBottom: 16 }}
          role="status"
        />
      )}
      {electionId === null ? (
        <Alert type="info" showIcon title="尚未设置选举事项：请先在“设置”步骤添加选举事项" />
      ) : (
        <BoxesPanel
          electionId={electionId}
          onEnter={(boxId) => {
            setDone(null);
            setView({ kind: 'desk', boxId });
          }}
          onScan={(boxId) => {
            setDone(null);
            setView({ kind: 'scan', boxId });
          }}
          onReconcile={(boxId) => setView({ kind: 'reconcile', boxId })}
        />
      )}
    </section>
  );
}

/** Opens (or resumes) the teller's pass, then hands the sheet to the desk. */
function DeskLoader({
  boxId,
  onExit,
  scanning = false,
}: {
  boxId: number;
  onExit: (done?: string) => void;
  scanning?: boolean;
}) {
  const [sheet, setSheet] = useState<EntrySheet | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void api['entry.open']({ boxId }).then((result) => {
      if (result.ok) setSheet(result.value);
      else setProblem(result.error.message);
    });
  }, [boxId]);
  if (problem) {
    return (
      <Alert
        type="error"
        showIcon
        title={problem}
        action={
          <Button autoFocus onClick={() => onExit()}>
            返回票箱列表
          </Button>
        }
      />
    );
  }
  if (!sheet) return <Spin description="正在打开票箱…" />;
  return scanning ? (
    <ScanDesk sheet={sheet} onExit={onExit} />
  ) : (
    <EntryDesk sheet={sheet} onExit={onExit} />
  );
}
