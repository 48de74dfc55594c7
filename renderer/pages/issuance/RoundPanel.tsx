import { Alert, App, Button, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import type {
  IssuanceElection,
  IssuanceOverview,
  IssuanceRound,
} from '../../../shared/api/issuance';
import type { Printout } from '../../../shared/api/printouts';
import { roundLabel } from '../../../shared/strings/issuance';
import { roundStateLabels } from '../../../shared/strings/setup';
import { clock } from '../../../shared/strings/time';
import { api } from '../../api';
import { ReportDialog } from '../../components/ReportDialog';
import { useBusy } from '../../components/useBusy';
import { ValidityLine } from '../../components/ValidityLine';
import { CorrectCounts } from './CorrectCountsDialog';
import { IssueForm } from './IssueForm';
import { ReturnForm } from './ReturnForm';

const stateColours: Record<IssuanceRound['state'], string> = {
  draft: 'default',
  printed: 'blue',
  voting: 'gold',
  counting: 'green',
  counted: 'green',
  certified: 'green',
  void: 'red',
};

interface Props {
  round: IssuanceRound;
  election: IssuanceElection;
  live: IssuanceOverview['live'];
  canIssue: boolean;
  onChanged: () => Promise<void>;
}

/** One round: what to do next in it, what was recorded, and its report sheet. */
export function RoundPanel({ round, election, live, canIssue, onChanged }: Props) {
  const [sheet, setSheet] = useState<Printout | null>(null);
  const label = roundLabel(round);
  return (
    <div
      className={`issuance-round ${round.state}`}
      data-testid="issuance-round"
      role="group"
      aria-label={`${election.title}${label}`}
    >
      <div className="issuance-round-head">
        <Space size="middle">
          <span className="issuance-round-label">{label}</span>
          <Tag color={stateColours[round.state]}>{roundStateLabels[round.state]}</Tag>
          <span className="issuance-round-meta">
            应选 {round.seats} 名，候选人 {round.candidates} 名
          </span>
        </Space>
        {round.issued !== null && (
          <Button onClick={() => setSheet({ kind: 'issuance', roundId: round.id })}>
            分发/收回选票情况报告单
          </Button>
        )}
      </div>
      <RoundBody
        round={round}
        election={election}
        live={live}
        canIssue={canIssue}
        onChanged={onChanged}
      />
      <ReportDialog
        report={sheet}
        title={`${election.title}${label}分发、收回选票情况报告单`}
        onClose={() => setSheet(null)}
      />
    </div>
  );
}

function RoundBody({ round, election, live, canIssue, onChanged }: Props) {
  switch (round.state) {
    case 'draft':
      return (
        <Alert
          type="info"
          showIcon
          title="本轮选票尚未印制，不能发票"
          description="请管理员在“设置”中印制本轮选票；印制后即可在此登记发出的选票。"
        />
      );
    case 'printed':
      return canIssue ? (
        <IssueForm round={round} live={live} onDone={onChanged} />
      ) : (
        <Alert type="info" showIcon title="选票已印制，等待监票人登记发出的选票" />
      );
    case 'void':
      return (
        <VoidRound round={round} election={election} canIssue={canIssue} onChanged={onChanged} />
      );
    default:
      return (
        <>
          <RoundFacts round={round} />
          {round.state === 'voting' &&
            (canIssue ? (
              <ReturnForm round={round} onDone={onChanged} />
            ) : (
              <Alert type="info" showIcon title="投票进行中，等待监票人登记收回的选票" />
            ))}
          {canIssue && <CorrectCounts round={round} onDone={onChanged} />}
        </>
      );
  }
}

/** The frozen counts and the ballots out and back, as recorded. */
export function RoundFacts({ round }: { round: IssuanceRound }) {
  const excess = (round.returned ?? 0) - (round.issued ?? 0);
  const time = (at: string | null) => (at === null ? '' : `（${clock(at)}）`);
  const items = [
    {
      key: 'entitled',
      label: round.present === null ? '登记选民' : '应到',
      children: `${round.entitled ?? ''} 人`,
    },
    ...(round.present === null
      ? []
      : [{ key: 'present', label: '实到', children: `${round.present} 人` }]),
    {
      key: 'issued',
      label: '发出选票',
      children: `${round.issued ?? ''} 张${time(round.issuedAt)}`,
    },
    {
      key: 'returned',
      label: '收回选票',
      children:
        round.returned === null ? '尚未登记' : `${round.returned} 张${time(round.returnedAt)}`,
    },
    ...(round.unreturned === null
      ? []
      : [{ key: 'unreturned', label: '未收回', children: `${round.unreturned} 张` }]),
    ...(excess > 0
      ? [{ key: 'excess', label: '多收回', children: <span className="excess">{excess} 张</span> }]
      : []),
  ];
  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={items.length}
        layout="vertical"
        items={items}
        className="issuance-facts"
        data-testid="round-facts"
      />
      {round.validity && <ValidityLine validity={round.validity} frozen />}
    </>
  );
}

function VoidRound({ round, election, canIssue, onChanged }: Omit<Props, 'live'>) {
  const [busy, run] = useBusy();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const open = () =>
    run(async () => {
      const result = await api['issuance.revote']({ roundId: round.id });
      if (!result.ok) {
        setProblem(result.error.message);
        return;
      }
      message.success(`已开启${roundLabel(result.value)}：印制本轮选票后即可发票`);
      await onChanged();
    });
  const revote = election.rounds.find((r) => r.id === round.revote);
  return (
    <>
      {round.issued !== null && <RoundFacts round={round} />}
      <Alert
        type="error"
        showIcon
        role="alert"
        className="issuance-void"
        title="本轮选举无效，须重新选举"
        description={round.voidReason ?? ''}
        action={
          revote ? (
            <Tag color="blue">已开启{roundLabel(revote)}</Tag>
          ) : (
            canIssue && (
              <Button type="primary" danger loading={busy} onClick={open}>
                开启重新选举
              </Button>
            )
          )
        }
      />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 8 }} />}
    </>
  );
}
