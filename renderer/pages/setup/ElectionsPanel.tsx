import { Alert, App, Button, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ElectionRecord, RoundRecord } from '../../../shared/api/elections';
import { isBeforeVoting } from '../../../shared/domain/rounds';
import { officeLabels, roundKindLabels, roundStateLabels } from '../../../shared/strings/setup';
import { api } from '../../api';
import { useSession } from '../../stores/session';
import { useSetup } from '../../stores/setup';
import { CandidatesEditor } from './CandidatesEditor';
import { ElectionDialog } from './ElectionDialog';

/** 选举事项: the list on the left, the chosen election with its candidates on the right. */
export function ElectionsPanel() {
  const congress = useSetup((s) => s.congress);
  const elections = useSetup((s) => s.elections);
  const isAdmin = useSession((s) => s.session?.role) === 'admin';
  const [chosenId, setChosenId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'new' | 'edit' | null>(null);
  const { message } = App.useApp();
  if (!congress) return null;
  const chosen = elections.find((e) => e.id === chosenId) ?? elections[0] ?? null;

  return (
    <div className="elections">
      <nav className="election-list" aria-label="选举事项">
        {elections.map((e) => (
          <button
            key={e.id}
            type="button"
            className="election-item"
            aria-current={e.id === chosen?.id}
            onClick={() => setChosenId(e.id)}
          >
            <span className="election-item-title">{e.title}</span>
            <ElectionSummary election={e} />
          </button>
        ))}
        {elections.length === 0 && <Empty description="尚未设置选举事项" />}
        {isAdmin && (
          <Button type="dashed" block onClick={() => setDialog('new')}>
            新增选举事项
          </Button>
        )}
      </nav>
      <div className="election-detail">
        {chosen ? (
          <ElectionDetail election={chosen} editable={isAdmin} onEdit={() => setDialog('edit')} />
        ) : (
          <Alert
            type="info"
            showIcon
            title="请先新增选举事项"
            description="乡镇党代会一般有三项：选举党委委员、选举纪委委员、选举出席县党代会代表。每项设置应选人数和候选人。"
          />
        )}
      </div>
      <ElectionDialog
        congressId={congress.id}
        profile={congress.profile}
        election={dialog === 'edit' ? chosen : null}
        open={dialog !== null}
        onClose={() => setDialog(null)}
        onSaved={(election) => {
          message.success(
            dialog === 'new' ? `已新增“${election.title}”` : `已保存“${election.title}”`,
          );
          setDialog(null);
          setChosenId(election.id);
          void useSetup.getState().refreshAll();
        }}
      />
    </div>
  );
}

/** The names of a runoff, a 另行选举 and the formal round after a 预选 come from a result. */
function fixedByResults(election: ElectionRecord, round: RoundRecord): boolean {
  if (round.kind === 'runoff' || round.kind === 'supplementary') return true;
  return round.kind === 'formal' && election.rounds.some((r) => r.kind === 'preliminary');
}

function formalRound(election: ElectionRecord): RoundRecord | undefined {
  return election.rounds.find((r) => r.kind === 'formal');
}

function ElectionSummary({ election }: { election: ElectionRecord }) {
  const round = formalRound(election);
  const preliminary = election.rounds.find((r) => r.kind === 'preliminary');
  if (!round && preliminary) {
    const listed = preliminary.candidates.length;
    return (
      <span className="election-item-facts">
        {officeLabels[election.office]} · 应选 {election.seats} 名 · 预选产生正式候选人{' '}
        {preliminary.formalCandidates} 名 · 预选候选人 {listed} 名
        <Tag color={preliminary.printBlocked === null ? 'green' : 'orange'}>预选</Tag>
      </span>
    );
  }
  const count = round?.candidates.length ?? 0;
  const ok = round?.slate?.ok ?? false;
  return (
    <span className="election-item-facts">
      {officeLabels[election.office]} · 应选 {election.seats} 名 · 候选人 {count} 名
      {ok ? (
        <Tag color="green">差额符合</Tag>
      ) : (
        <Tag color="red">{count === 0 ? '未定候选人' : '差额不符'}</Tag>
      )}
    </span>
  );
}

function ElectionDetail(props: {
  election: ElectionRecord;
  editable: boolean;
  onEdit: () => void;
}) {
  const { election } = props;
  const { modal, message } = App.useApp();
  const canChange = election.rounds.every((r) => r.state === 'void' || isBeforeVoting(r.state));

  const remove = () => {
    modal.confirm({
      title: `删除“${election.title}”？`,
      content: '该选举事项及其候选人名单将被删除，记入审计日志。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        const result = await api['elections.remove']({ electionId: election.id });
        if (!result.ok) {
          modal.error({ title: '不能删除', content: result.error.message, okText: '知道了' });
          return;
        }
        message.success(`已删除“${election.title}”`);
        await useSetup.getState().refreshAll();
      },
    });
  };

  return (
    <section aria-label={election.title}>
      <div className="panel-toolbar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {election.title}
        </Typography.Title>
        {props.editable && canChange && (
          <Space>
            <Button onClick={props.onEdit}>修改</Button>
            <Button danger onClick={remove}>
              删除
            </Button>
          </Space>
        )}
      </div>
      <Descriptions
        size="small"
        bordered
        column={3}
        items={[
          { key: 'office', label: '职务', children: officeLabels[election.office] },
          { key: 'seats', label: '应选', children: `${election.seats} 名` },
          { key: 'colour', label: '选票颜色', children: election.ballotColour || '不标注' },
          {
            key: 'writeIns',
            label: '另选人空格',
            children: election.writeInBlanks === 0 ? '不设' : `${election.writeInBlanks} 格`,
          },
          { key: 'double', label: '双人录入', children: election.doubleEntry ? '开启' : '关闭' },
          {
            key: 'order',
            label: '候选人顺序',
            children: election.candidateOrder === 'given' ? '按批准的顺序' : '按姓氏笔画',
          },
        ]}
      />
      {election.rounds.map((round) => (
        <RoundSection key={round.id} election={election} round={round} editable={props.editable} />
      ))}
    </section>
  );
}

function RoundSection(props: { election: ElectionRecord; round: RoundRecord; editable: boolean }) {
  const { round } = props;
  return (
    <div className="round">
      <div className="round-heading">
        <strong>{roundKindLabels[round.kind]}</strong>
        <Tag
          color={round.state === 'draft' ? 'default' : round.state === 'printed' ? 'blue' : 'gold'}
        >
          {roundStateLabels[round.state]}
        </Tag>
        <span>
          {round.kind === 'preliminary'
            ? `预选产生正式候选人 ${round.formalCandidates} 名（应选 ${round.seats} 名），候选人 ${round.candidates.length} 名`
            : `应选 ${round.seats} 名，候选人 ${round.candidates.length} 名`}
        </span>
      </div>
      {round.kind === 'preliminary' && round.state === 'draft' && round.printBlocked && (
        <Alert
          className="slate"
          type="warning"
          showIcon
          title={round.printBlocked}
          data-testid={`preliminary-${round.id}`}
          style={{ margin: '12px 0' }}
        />
      )}
      {round.slate && (
        <Alert
          className="slate"
          type={round.slate.ok ? 'success' : 'error'}
          showIcon
          title={round.slate.ok ? round.slate.message : `${round.slate.message}，不能印制选票`}
          description={round.slate.detail}
          data-testid={`slate-${round.id}`}
          style={{ margin: '12px 0' }}
        />
      )}
      <CandidatesEditor
        election={props.election}
        round={round}
        editable={props.editable && !fixedByResults(props.election, round)}
      />
    </div>
  );
}
